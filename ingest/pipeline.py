"""Files in, knowledge base out: load, clean, chunk, embed in batches, store, summarise."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .chunk import chunk_document
from .clean import clean_document, doc_id_for
from .embed import load_embedder
from .load import LoadError, load_file
from .settings import Settings
from .store import Store

EMBED_BATCH = 256  # chunks per embedding call: big enough to amortise, small enough to show progress


@dataclass(frozen=True)
class FileResult:
    source: str
    status: str  # added | updated | unchanged | failed | removed
    reason: str = ""
    chunks: int = 0


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def _with(self, status: str) -> list[FileResult]:
        return [r for r in self.results if r.status == status]

    added = property(lambda self: len(self._with("added")))
    updated = property(lambda self: len(self._with("updated")))
    unchanged = property(lambda self: len(self._with("unchanged")))
    removed = property(lambda self: len(self._with("removed")))
    failed = property(lambda self: self._with("failed"))
    chunks = property(lambda self: sum(r.chunks for r in self.results))

    def exit_code(self, strict: bool = False) -> int:
        landed = self.added + self.updated + self.unchanged
        return 1 if (self.failed and (strict or not landed)) or not self.results else 0

    def report(self) -> str:
        lines = [f"  failed  {r.source}: {r.reason}" for r in self.failed]
        lines.append(f"documents: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
                     f"{len(self.failed)} failed" + (f", {self.removed} removed" if self.removed else "")
                     + f"; chunks written: {self.chunks}; {self.seconds:.1f} s")
        return "\n".join(lines)


def ingest_paths(paths, settings: Settings, prune: bool = False, progress: bool = False) -> IngestSummary:
    started = time.perf_counter()
    embedder = load_embedder(settings.embedding, settings.embed_threads)
    store = Store.open(settings, settings.embedding, len(embedder.embed_query("维度")), write=True)
    try:  # an embedded index stays locked against other processes until the run ends (ingest/lock.py)
        known = {r.doc_id: r for r in store.documents()}
        summary = IngestSummary()
        files = list(expand(paths))
        batch = _Batch(store, embedder, summary)
        for path in _progress(files, progress):
            batch.add(path, known.get(doc_id_for(path)), settings.max_file_mb * 2**20)
        batch.flush()
        if prune:
            summary.results.extend(_prune(store, known.values(), paths))
        if any(r.status in ("added", "updated", "removed") for r in summary.results):
            store.touch()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def expand(paths):
    """Files named, and every non-hidden file below directories named, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        else:
            yield path


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


class _Batch:
    """Collects cleaned documents until enough chunks are waiting, then embeds them in one call."""

    def __init__(self, store: Store, embedder, summary: IngestSummary):
        self.store, self.embedder, self.summary = store, embedder, summary
        self.pending: list = []

    def add(self, path: Path, known, max_bytes: int) -> None:
        try:
            loaded = load_file(path, max_bytes)
        except LoadError as err:
            self.summary.results.append(FileResult(path.name, "failed", str(err)))
            return
        if known and known.content_hash == loaded.digest:
            self.summary.results.append(FileResult(path.name, "unchanged"))
            return
        doc = clean_document(loaded.lines, path, loaded.title_hint)
        if not doc.paragraphs:
            self.summary.results.append(FileResult(path.name, "failed", "no article text left after cleaning"))
            return
        self.pending.append((doc, path, loaded.digest, chunk_document(doc), "updated" if known else "added"))
        if sum(len(p[3]) for p in self.pending) >= EMBED_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        texts = [c.embedding_text() for _, _, _, chunks, _ in self.pending for c in chunks]
        vectors = self.embedder.embed_documents(texts)
        items, offset = [], 0
        for doc, path, digest, chunks, _ in self.pending:
            items.append((doc, str(path.resolve()), digest, chunks, vectors[offset:offset + len(chunks)]))
            offset += len(chunks)
        self.store.put_documents(items)
        self.summary.results.extend(FileResult(path.name, status, chunks=len(chunks))
                                    for _, path, _, chunks, status in self.pending)
        self.pending = []


def _prune(store: Store, known, roots) -> list[FileResult]:
    """Remove documents whose file is gone, but only below the paths this run was given."""
    roots = [Path(r).resolve() for r in roots]
    removed = []
    for record in known:
        path = Path(record.path)
        if not path.exists() and any(path == r or r in path.parents for r in roots):
            store.delete_document(record.doc_id)
            removed.append(FileResult(record.source, "removed"))
    return removed


def _progress(items, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, unit="file", desc="ingest", leave=False)
