"""Files in, knowledge base out: load, clean, chunk, embed in batches, store, summarise."""
from __future__ import annotations

import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import messages as msg
from .chunk import chunk_document
from .clean import clean_document, doc_id_for
from .facts import extract_facts
from .embed import load_embedder
from .load import Limits, LoadError, load_file
from .settings import Settings
from .snapshot import in_write_session, wrote
from .store import Store

EMBED_BATCH = 1024  # chunks per embedding call and per Chroma write: a 1,024-chunk write costs 13% less CPU than four of 256
IN_FLIGHT = 2  # batches submitted at once: the next one embeds while the oldest is written to Chroma


@dataclass(frozen=True)
class FileResult:
    source: str
    status: str  # added | updated | unchanged | failed | removed
    reason: str = ""
    chunks: int = 0
    path: str = ""  # the file as named to ingest_paths: two uploads of one name are told apart by it


@dataclass(frozen=True)
class Staged:
    """An upload ingested under its final path before it is there: read from `copy`, recorded as the final
    path, so that a failed ingest never touches a good file of that path; `origin` says whose it is."""

    copy: Path
    origin: str = ""


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
        lines = [msg.SUMMARY_FAILED.format(source=r.source, reason=r.reason) for r in self.failed]
        removed = msg.SUMMARY_REMOVED.format(removed=self.removed) if self.removed else ""
        lines.append(msg.SUMMARY.format(added=self.added, updated=self.updated, unchanged=self.unchanged,
                                        failed=len(self.failed), removed=removed, chunks=self.chunks,
                                        seconds=self.seconds))
        return "\n".join(lines)


@in_write_session  # locked, marked and checkpointed: a kill midway cannot break the index (ingest/snapshot.py)
def ingest_paths(paths, settings: Settings, prune: bool = False, progress: bool = False,
                 staged: dict | None = None, report=None) -> IngestSummary:
    """staged: {final path: Staged} for uploads; report(fraction, description) is told of each step."""
    started = time.perf_counter()
    embedder = load_embedder(settings.embedding, settings.embed_threads)
    store = Store.open(settings, settings.embedding, len(embedder.embed_query("维度")), write=True)
    try:  # an embedded index stays locked against other processes until the run ends (ingest/lock.py)
        known = {r.doc_id: r for r in store.documents()}
        current = store.facts_current()
        if not current and not known:  # an empty index: every report it will hold gets its facts
            store.mark_facts_current()
            current = True
        if not current:  # an index from before facts: its unchanged reports are read again, this once
            known = {d: replace(r, content_hash="") for d, r in known.items()}
        summary = IngestSummary()
        files = list(expand(paths))
        # Two calls a batch (its chunks, its new indicators): with a thread for each, the next batch's texts queue up
        # in the encoder workers before this batch's last ones are done, so the workers never wait between batches.
        with ThreadPoolExecutor(2 * IN_FLIGHT, thread_name_prefix="youthqa-embed") as background:
            batch = _Batch(store, embedder, summary, background, store.orphans_possible(known.values()),
                           settings, staged)
            for i, path in enumerate(_progress(files, progress)):
                _report(report, 0.8 * i / len(files), msg.PROGRESS_READING.format(name=path.name, i=i + 1, n=len(files)))
                batch.add(path, known.get(doc_id_for(path)), settings.max_file_mb * 2**20)
            _report(report, 0.8, msg.PROGRESS_WRITING)
            batch.flush(final=True)
        if prune:
            summary.results.extend(_prune(store, known.values(), paths))
        if any(r.status in ("added", "updated", "removed") for r in summary.results):
            store.touch()
        if not current and _all_with_facts(store, summary):
            store.mark_facts_current()
    finally:
        store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def expand(paths):
    """Files named, and every non-hidden file below directories named, in a stable order, each once
    (`ingest corpus/ corpus/a.txt` names a.txt twice; its chunk ids must not collide in one write)."""
    seen = set()
    for raw in paths:
        path = Path(raw)
        found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)) if path.is_dir() else [path]
        for file in found:
            if (key := file.resolve()) not in seen:
                seen.add(key)
                yield file


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _report(report, fraction: float, description: str) -> None:
    if report is not None:
        report(fraction, description)


class _Batch:
    """Collects cleaned documents until enough chunks are waiting, then embeds them in one call.

    Embedding runs in the background while this thread writes the previous batch to Chroma, so the
    store's cost hides behind the encoder's (Chroma holds the GIL while writing; the default
    encoder works in other processes, sentence-transformers in torch code that releases it).
    """

    def __init__(self, store: Store, embedder, summary: IngestSummary, background: ThreadPoolExecutor,
                 orphans_possible: bool = True, settings: Settings = Settings(), staged: dict | None = None):
        self.store, self.embedder, self.summary, self.background = store, embedder, summary, background
        self.orphans_possible, self.settings = orphans_possible, settings  # settings: the bounds per file
        self.staged = {Path(k).resolve(): v for k, v in (staged or {}).items()}  # {final path: Staged}
        self.pending: list = []
        self.indicators = Indicators()
        # (future chunk vectors, documents, (facts, new indicators, their future vectors)) not yet written, oldest first
        self.embedding: deque = deque()

    def add(self, path: Path, known, max_bytes: int) -> None:
        staged = self.staged.get(path.resolve())
        try:
            loaded = load_file(staged.copy if staged else path, max_bytes, Limits.of(self.settings))
        except LoadError as err:
            return self._result(path, "failed", str(err))
        if known and known.content_hash == loaded.digest:
            return self._result(path, "unchanged")
        origin = staged.origin if staged else known.origin if known else ""  # a re-index keeps it
        doc = replace(clean_document(loaded.lines, path, loaded.title_hint), origin=origin)
        if not doc.paragraphs:
            return self._result(path, "failed", msg.NO_ARTICLE_TEXT)
        chunks, limit = chunk_document(doc), self.settings.max_chunks
        if len(chunks) > limit:  # each costs ~3 ms of embedding
            return self._result(path, "failed", msg.TOO_MANY_CHUNKS.format(name=path.name, chunks=len(chunks),
                                                                           limit=limit))
        self.pending.append((doc, path, loaded.digest, chunks, "updated" if known else "added"))
        if sum(len(p[3]) for p in self.pending) >= EMBED_BATCH:
            self.flush()

    def flush(self, final: bool = False) -> None:
        """Start embedding what is pending; write the oldest batches once IN_FLIGHT are embedding (all when final).
        The facts are read while the chunks embed (1.4 ms a report, and jieba's first load of ~1 s, in this
        thread), then their new indicators are embedded in a call of their own."""
        # The last batch is written with nothing left to embed behind it: in halves, the first half is written
        # while the second embeds.
        for part in _halves(self.pending) if final else [self.pending] if self.pending else []:
            self._submit(part)
        self.pending = []
        while len(self.embedding) > (0 if final else IN_FLIGHT - 1):
            self._write(*self.embedding.popleft())

    def _submit(self, documents: list) -> None:
        embed = getattr(self.embedder, "embed_bulk", self.embedder.embed_documents)  # ingest/embed.py
        texts = [c.embedding_text() for _, _, _, chunks, _ in documents for c in chunks]
        vectors = self.background.submit(embed, texts)
        facts = [f for doc, *_ in documents for f in extract_facts(doc)]
        indicators = self.store.missing_indicators(self.indicators.new(facts))
        meant = self.background.submit(embed, indicators) if indicators else None
        self.embedding.append((vectors, documents, (facts, indicators, meant)))

    def _write(self, vectors, documents, facts) -> None:
        vectors, (facts, indicators, meant) = vectors.result(), facts
        # Indicators, facts, then the document records: a kill in between leaves documents that the next run redoes.
        self.store.put_indicators(indicators, meant.result() if meant else [])
        new = frozenset() if self.orphans_possible else {doc.doc_id for doc, *_, status in documents if status == "added"}
        self.store.put_facts([doc.doc_id for doc, *_ in documents], facts, new_ids=new)
        items, offset = [], 0
        for doc, path, digest, chunks, _ in documents:
            items.append((doc, str(path.resolve()), digest, chunks, vectors[offset:offset + len(chunks)]))
            offset += len(chunks)
        self.store.put_documents(items, new_ids=new, scopes=scopes(items))
        self.store.log_changes([doc.doc_id for doc, *_ in items])  # after the chunks: readers then find them
        wrote(self.store.settings)  # no write in flight: the moment for a checkpoint, if one is due
        self.summary.results.extend(FileResult(path.name, status, chunks=len(chunks), path=str(path))
                                    for _, path, _, chunks, status in documents)

    def _result(self, path: Path, status: str, reason: str = "") -> None:
        self.summary.results.append(FileResult(path.name, status, reason, path=str(path)))


def scopes(items) -> dict[str, str]:
    """{doc_id: its places and years} of put_documents items, kept in the records so that no lexical base has
    to work them out again (app/engine/views.py): 0.2 ms a report. Their titles' and towns' pinyin goes to the
    machine's memo on the way, so that the workers catching up on them need no pypinyin of their own."""
    from app.engine.catalogue import remember_pinyin, stored_scope

    texts = {doc.doc_id: "\n".join(c.text for c in chunks) for doc, _, _, chunks, _ in items}
    remember_pinyin([doc.title for doc, *_ in items], texts.values())
    return {doc.doc_id: stored_scope({"title": doc.title, "date": doc.date, "source": doc.source}, texts[doc.doc_id])
            for doc, *_ in items}


class Indicators:
    """Each distinct indicator is embedded once: many figures share one ("注册志愿者", "青年之家"), in a report and
    across reports. A batch embeds the indicators that neither an earlier batch of this run nor the knowledge base
    has (Store.missing_indicators); batches are written in the order they were submitted."""

    def __init__(self):
        self.submitted: set[str] = set()

    def new(self, facts) -> list[str]:
        """The indicators of these facts that no earlier batch of this run embeds."""
        fresh = [i for i in dict.fromkeys(f.indicator for f in facts) if i not in self.submitted]
        self.submitted.update(fresh)
        return fresh


def _halves(documents: list) -> list[list]:
    """Pending documents in two parts of about equal chunks (one part when there is a single document)."""
    total, seen = sum(len(d[3]) for d in documents), 0
    for i, d in enumerate(documents):
        seen += len(d[3])
        if seen * 2 >= total:
            return [part for part in (documents[:i + 1], documents[i + 1:]) if part]
    return [documents] if documents else []


def _all_with_facts(store: Store, summary: IngestSummary) -> bool:
    """Whether every report now stored had its facts written by this run."""
    written = {doc_id_for(Path(r.path)) for r in summary.results if r.status in ("added", "updated") and r.path}
    return {r.doc_id for r in store.documents()} <= written


def _prune(store: Store, known, roots) -> list[FileResult]:
    """Remove documents whose file is gone, but only below the paths this run was given."""
    roots = [Path(r).resolve() for r in roots]
    removed = []
    for record in known:
        path = Path(record.path)
        if not path.exists() and any(path == r or r in path.parents for r in roots):
            store.delete_document(record.doc_id)
            store.log_changes([record.doc_id], "remove")
            removed.append(FileResult(record.source, "removed"))
    return removed


def _progress(items, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, unit=msg.PROGRESS_UNIT, desc=msg.PROGRESS_BAR, leave=False)
