"""The Chroma knowledge base: chunks with embeddings, one record per document, and the facts (ingest/facts_store.py).

Chroma is the store of record. The chunk collection's metadata names the embedding model and
dimension (opening with another model is an error) and an ingest stamp that changes whenever the
contents change, so every process can tell when its derived lexical index is stale.
"""
from __future__ import annotations

import base64
import json
import time
import uuid
import weakref
from dataclasses import dataclass

from .client import StoreUnavailable, make_client  # noqa: F401  (StoreUnavailable: re-exported)
from .facts_store import FactsStore, writes as _writes
from .snapshot import open_lease
from .chunk import chunk_place, record_of
from .nearest import hnsw, keep_exact, nearest
from .readers import QUESTIONS
from .schema import Chunk
from .settings import Settings

PAGE = 5000
HNSW_EF = 50  # the chunks' graph, built once per chunk; queries search with Chroma's ef_search (100)
TEXT = "text"  # a chunk's text, in its metadata: its UTF-8 in base64
CHUNK_FIELDS = ["metadatas", "documents"]  # documents: the texts of an index written before TEXT
READERS = 2  # pages of chunks read at a time when a lexical base is built


class EmbeddingMismatch(RuntimeError):
    pass


@dataclass(frozen=True)
class DocRecord:
    doc_id: str
    source: str
    path: str
    title: str
    date: str
    content_hash: str
    paragraphs: int
    chunks: int
    origin: str = ""  # "" from the command line, "上传 <time>[ · user]" for an upload; older indexes have none
    scope: str = ""  # the report's places and years (app/engine/catalogue.py stored_scope); older indexes have none
    script: str = ""  # "繁" when paragraphs were folded from Traditional Chinese (a REPORT_FIELD: workers know it)
    originals: str = ""  # JSON {paragraph number: the paragraph as written} of those (Document.originals)

    @classmethod
    def from_meta(cls, meta: dict) -> "DocRecord":
        meta = json.loads(meta["record"]) if "record" in meta else meta  # fields as metadata: written before
        return cls(**{k: meta[k] for k in cls.__dataclass_fields__ if k in meta})

    def to_meta(self) -> dict:
        """One ASCII JSON value: Chroma writes a non-ASCII metadata string 6-10x slower, and every field as its own
        value plus the title as a document cost 1.1 CPU-s per 2,000 records against 0.3 s."""
        return {"record": json.dumps(vars(self))}


def _as_written(doc) -> tuple[str, str]:
    """(script, originals) of a DocRecord: the paragraphs a Traditional Chinese report writes otherwise."""
    written = {n: text for n, text in enumerate(doc.originals, start=1) if text}
    return ("繁", json.dumps(written, ensure_ascii=False)) if written else ("", "")


class Store(FactsStore):
    def __init__(self, client, settings: Settings, model: str, dimension: int | None):
        self.client, self.settings, self.model = client, settings, model
        self.chunks = self._collection(settings.collection, model, dimension)
        self.docs = client.get_or_create_collection(f"{settings.collection}-docs", embedding_function=None)
        self._facts_collections(client, settings.collection)  # each report's figures, their indicators embedded
        self.batch_size = min(client.get_max_batch_size(), 2048)  # Chroma costs ~70 ms a call: fewer, bigger writes

    @classmethod
    def open(cls, settings: Settings, model: str | None = None, dimension: int | None = None,
             write: bool = False) -> "Store":
        """model=None opens whatever model the index was built with (read-only callers, `status`).
        An embedded index is locked (ingest/lock.py): shared, or exclusive with write=True, until close();
        one a writer died in is checked first, and restored from its last snapshot if broken (ingest/snapshot.py)."""
        lease = None if settings.server_mode else open_lease(settings.index, exclusive=write)
        try:
            store = cls(make_client(settings), settings, model, dimension)
        except BaseException:
            if lease:
                lease.release()
            raise
        if lease:
            store.lease, store.close = lease, weakref.finalize(store, lease.release)
        return store

    lease = None  # this Store's share of the embedded index's lock (ingest/lock.py); None in server mode

    def close(self) -> None:
        """Give up the lock on an embedded index (done anyway when the Store is garbage-collected)."""

    def _collection(self, name: str, model: str | None, dimension: int | None):
        existing = {c.name if hasattr(c, "name") else c for c in self.client.list_collections()}
        if name in existing:
            collection = self.client.get_collection(name, embedding_function=None)
            built_with = (collection.metadata or {}).get("embedding_model")
            if model and built_with and built_with != model:
                raise EmbeddingMismatch(
                    f"the index at {self.settings.location()} was built with embedding model {built_with!r}, "
                    f"but {model!r} is configured; set YOUTHQA_EMBEDDING={built_with} or re-index into a new --index")
            self.model = built_with or model
            return collection
        if not model:
            raise StoreUnavailable(f"no knowledge base at {self.settings.location()}; run `youthqa ingest corpus/` first")
        return self.client.create_collection(  # ef_construction 50, not 100: HNSW's inserts were a sixth of
            # ingest's own CPU (15,958 chunks: 31.7 -> 26.6 CPU-s); the graph's recall at these sizes is as good
            name, embedding_function=None, configuration=hnsw(ef_construction=HNSW_EF),
            metadata={"embedding_model": model, "dimension": dimension or 0, "stamp": "empty"})

    # -- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocRecord]:
        records = []
        for ids, metas, _ in self._pages(self.docs, include=["metadatas"]):
            records.extend(DocRecord.from_meta(m) for m in metas)
        return sorted(records, key=lambda r: r.source)

    def document(self, doc_id: str) -> DocRecord | None:
        got = self.docs.get(ids=[doc_id], include=["metadatas"])
        if not got["ids"]:
            return None
        return DocRecord.from_meta(got["metadatas"][0])

    @_writes
    def put_documents(self, items, new_ids: frozenset[str] = frozenset(), scopes: dict | None = None) -> None:
        """Replace documents' chunks: items are (doc, path, content_hash, chunks, vectors); scopes: {doc_id:
        its scope}, kept in its record.

        Three kinds of call per batch, not per document (Chroma's per-call cost dominated ingest):
        delete old chunks, add new ones, then the document records, written last so that a
        killed run leaves documents without a record, which the next run redoes.
        new_ids: documents known to have no chunks stored, whose delete is skipped (it costs
        about a fifth of a write). Chroma's add ignores ids it already has, so only for certain.
        """
        if not items:
            return
        import numpy as np

        stale = [doc.doc_id for doc, *_ in items if doc.doc_id not in new_ids]
        if stale:
            QUESTIONS.wait_for_quiet()  # each Chroma call holds the GIL: questions of this process go first
            self.chunks.delete(where={"doc_id": {"$in": stale}})
        chunks = [c for _, _, _, cs, _ in items for c in cs]
        vectors = np.asarray([v for *_, vs in items for v in vs], dtype=np.float32)
        step = QUESTIONS.slice(self.batch_size)
        for i in range(0, len(chunks), step):
            part = chunks[i:i + step]
            QUESTIONS.wait_for_quiet()
            self.chunks.add(ids=[c.chunk_id for c in part], embeddings=vectors[i:i + step],
                            metadatas=[_chunk_meta(c) for c in part])
        records = [DocRecord(doc.doc_id, doc.source, path, doc.title, doc.date, digest, len(doc.paragraphs), len(cs),
                             doc.origin, (scopes or {}).get(doc.doc_id, ""), *_as_written(doc))
                   for doc, path, digest, cs, _ in items]
        self.docs.upsert(ids=[r.doc_id for r in records], embeddings=[[1.0]] * len(records),
                         metadatas=[r.to_meta() for r in records])

    def orphans_possible(self, records) -> bool:
        """Can chunks without a document record exist (a killed run, or another writer right now)?
        An embedded index is locked for the writer; if every chunk is accounted for by a record, none do."""
        return self.settings.server_mode or self.count() != sum(r.chunks for r in records)

    @_writes
    def delete_chunks(self, doc_id: str) -> None:
        self.chunks.delete(where={"doc_id": doc_id})

    @_writes
    def delete_document(self, doc_id: str) -> None:
        self.docs.delete(ids=[doc_id])  # record first: a crash in between leaves a doc that re-ingests
        self.delete_chunks(doc_id)
        self.delete_facts([doc_id])

    # -- stamp and reading back ------------------------------------------------------------
    def stamp(self) -> str:
        return str((self.chunks.metadata or {}).get("stamp", "")) if self._refresh() else ""

    @_writes
    def touch(self) -> None:
        meta = dict(self.chunks.metadata or {})
        meta["stamp"] = f"{time.time():.6f}-{uuid.uuid4().hex[:8]}"
        self.chunks.modify(metadata=meta)
        keep_exact(self.chunks)

    def _refresh(self) -> bool:
        self.chunks = self.client.get_collection(self.settings.collection, embedding_function=None)
        return True

    def count(self) -> int:
        return self.chunks.count()

    def all_chunks(self):
        """Yield (id, text, metadata) for every chunk, page by page."""
        for ids, metas, texts in self._pages(self.chunks, include=CHUNK_FIELDS):
            yield from self._rows({"ids": ids, "metadatas": metas, "documents": texts})

    def _rows(self, got: dict, records: bool = True) -> list[tuple[str, str, dict]]:
        """(id, text, metadata) of a Chroma get of chunks; the metadata holds doc_id, paragraph and start (from the
        id) and, with records, the report's REPORT_FIELDS. The text is TEXT's (base64 of its UTF-8) or, in an index
        written before, the document (its chunks hold the report's fields too)."""
        rows = []
        for chunk_id, meta, doc in zip(got["ids"], got["metadatas"], got.get("documents") or [None] * len(got["ids"])):
            doc_id, paragraph, start = chunk_place(chunk_id) or (meta["doc_id"], meta["paragraph"], meta["start"])
            own = {"doc_id": doc_id, "paragraph": paragraph, "start": start}
            if "title" in meta:
                own.update(record_of(meta))
            rows.append((chunk_id, base64.b64decode(meta[TEXT]).decode("utf-8") if TEXT in meta else doc or "", own))
        if records and rows:
            rows = [(i, t, m) for (i, t, _), m in zip(rows, self._with_records([m for *_, m in rows]))]
        return rows

    def _with_records(self, metas: list[dict]) -> list[dict]:
        """Chunks' metadata with their reports' title, source, date and origin, which ingest keeps in the records
        only (REPORT_FIELDS); an index written before that has them in every chunk already."""
        lacking = list(dict.fromkeys(m["doc_id"] for m in metas if "title" not in m))
        if not lacking:
            return metas
        got = self.docs.get(ids=lacking, include=["metadatas"])
        shared = {i: record_of(vars(DocRecord.from_meta(m))) for i, m in zip(got["ids"], got["metadatas"])}
        blank = record_of({})  # chunks of a report whose record a killed run did not write
        return [m if "title" in m else {**shared.get(m["doc_id"], blank), **m} for m in metas]

    def chunk_ids(self) -> list[str]:
        """Every chunk's id (0.2 s for 100k chunks: Chroma reads no text or metadata for them)."""
        return [i for ids, _, _ in self._pages(self.chunks, include=[], page=100_000) for i in ids]

    def chunks_by_id(self, ids: list[str], meta_of: dict[str, dict] | None = None):
        """Yield (id, text, metadata) of these chunks in this order, page by page (one deleted meanwhile is left
        out). Faster than paging by offset (4.1 s against 4.9 s for 100k chunks) and not shifted by deletions.
        meta_of: {doc_id: the metadata its chunks share}; a page whose reports all have one takes it instead of
        adding their records to the chunks' own."""
        from concurrent.futures import ThreadPoolExecutor

        meta_of = meta_of or {}

        def read(page: list[str]) -> list:
            docs = [chunk_place(c)[0] for c in page]  # ids of a layout: all of chunk_id's form
            shared = all(d in meta_of for d in docs)
            got = self._rows(self.chunks.get(ids=page, include=CHUNK_FIELDS), records=not shared)
            held = {c: (t, m) for c, t, m in got}
            return [(c, held[c][0], meta_of[d] if shared else held[c][1]) for c, d in zip(page, docs) if c in held]

        # Two pages asked at a time: the server's threads serve them side by side (100k chunks 4.3 -> 3.8 s).
        with ThreadPoolExecutor(READERS) as pool:
            pending = []
            for i in range(0, len(ids), PAGE):
                pending.append(pool.submit(read, ids[i:i + PAGE]))
                if len(pending) == READERS:
                    yield from pending.pop(0).result()
            for page in pending:
                yield from page.result()

    def _pages(self, collection, include, page: int = PAGE):
        offset = 0
        while True:
            got = collection.get(include=include, limit=page, offset=offset)
            if not got["ids"]:
                return
            yield got["ids"], got.get("metadatas") or [], got.get("documents") or []
            offset += len(got["ids"])

    # -- change log: which reports changed, in order, for each node's lexical index (ingest/lexsync.py) --
    def _changes(self):
        return self.client.get_or_create_collection(f"{self.settings.collection}-changes", embedding_function=None)

    @_writes
    def log_changes(self, doc_ids, op: str = "put") -> None:
        """Record that these reports changed (op put or remove): written after the chunks, so a reader that
        sees the entry finds them. Two writers at once may share a seq; readers re-read a few back (lexsync)."""
        doc_ids = list(dict.fromkeys(doc_ids))
        if not doc_ids:
            return
        log, tag = self._changes(), uuid.uuid4().hex[:8]
        head = log.count()
        log.add(ids=[f"{head + i + 1:012d}-{tag}" for i in range(len(doc_ids))], embeddings=[[1.0]] * len(doc_ids),
                metadatas=[{"seq": head + i + 1, "op": op, "doc_id": d} for i, d in enumerate(doc_ids)])

    def change_head(self) -> int:
        return self._changes().count()

    def changes_since(self, seq: int) -> list[tuple[int, str, str, str]]:
        """(seq, entry id, op, doc_id) of the entries after seq, oldest first."""
        got = self._changes().get(where={"seq": {"$gt": seq}}, include=["metadatas"])
        return sorted((m["seq"], i, m["op"], m["doc_id"]) for i, m in zip(got["ids"], got["metadatas"]))

    def chunks_of(self, doc_ids) -> list[tuple[str, str, dict]]:
        """(id, text, metadata) of every chunk of these reports."""
        return self._rows(self.chunks.get(where={"doc_id": {"$in": list(doc_ids)}}, include=CHUNK_FIELDS))

    def query(self, vector, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        return nearest(self.chunks, vector, k, where)


def _chunk_meta(c: Chunk) -> dict:
    # What a chunk's id or its report's record holds is not written again: each metadata key costs Chroma's add
    # ~0.02 ms a chunk (2,000 reports: 8 keys -> 4, 2.8 CPU-s of the ingest process's ~18). The text is a metadata
    # value, not Chroma's document, which also goes into its full-text index (~0.3 ms a Chinese chunk: a quarter
    # of ingest's own CPU) for searches the node's lexical state does (State.holding); its UTF-8 in base64, as
    # Chroma writes a non-ASCII string slower and a longer one too (per 16k chunks: UTF-8 text 8.0 CPU-s, JSON's
    # escapes 7.6, base64 7.3, no text 5.9).
    return {"doc_id": c.doc_id, TEXT: base64.b64encode(c.text.encode("utf-8")).decode("ascii")}
