"""The lexical side of hybrid retrieval: BM25 over character n-grams, as an on-disk base segment plus a delta.

Character unigrams+bigrams need no dictionary and match Chinese as well as a word segmenter here
(paragraph hit@1 0.96 on the user's report, same as jieba). The base segment is bm25s's CSC score matrix
written once per node (numpy files, memory-mapped by every process); reports changed since it was written
are a small in-memory delta, scored with the same Lucene BM25 (k1 1.5, b 0.75) under the combined document
frequencies. With an empty delta the scores are bm25s's exactly; with one, the base's stored weights are
rescaled by idf(new)/idf(base) per query token and the rows of changed reports masked (and left out of the
document frequencies); only the length normalisation keeps the base's average until the next merge.
"""
from __future__ import annotations

import json
import re
import shutil
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import ngrams

_TOKEN = re.compile(r"[\u3400-\u9fff]+|[a-z]+|\d+(?:\.\d+)?")
K1, B = 1.5, 0.75  # bm25s's defaults, which the old in-process index used


def tokenize(text: str, unigrams: bool = True) -> list[str]:
    """Character unigrams and bigrams of Chinese runs, words and numbers otherwise.

    Queries skip the unigrams of runs that have bigrams: "青" or "年" occur in most chunks, so their
    posting lists cost the most to score (BM25 time at 100k chunks) while adding least to the ranking.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for run in _TOKEN.findall(text):
        if "\u3400" <= run[0] <= "\u9fff":
            if unigrams or len(run) == 1:
                tokens.extend(run)
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens


def mapped(path: Path) -> np.ndarray:
    """A memory-mapped array as a plain ndarray view: still shared by the node's processes, but slicing a
    np.memmap builds a memmap object each time (~1 ms a question in postings at 100k chunks)."""
    return np.asarray(np.load(path, mmap_mode="r"))


def _idf(df, n):
    return np.log(1.0 + (n - df + 0.5) / (df + 0.5))


class Part:
    """One BM25 matrix on disk: per token, the rows holding it and their precomputed weights."""

    def __init__(self, folder: Path):
        meta = json.loads((folder / "part.json").read_text())
        self.n, self.avgdl = meta["n"], meta["avgdl"]
        self.vocab: dict[str, int] = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        self.data, self.rows, self.indptr = (mapped(folder / f"{k}.npy")
                                             for k in ("data", "rows", "indptr"))

    @staticmethod
    def save(folder: Path, data, rows, indptr, vocab: dict, n: int, avgdl: float) -> None:
        folder.mkdir(parents=True)
        for name, array in (("data", data), ("rows", rows), ("indptr", indptr)):
            np.save(folder / f"{name}.npy", np.asarray(array))
        (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        (folder / "part.json").write_text(json.dumps({"n": n, "avgdl": avgdl}))

    def df(self, token: str) -> int:
        tid = self.vocab.get(token)
        return 0 if tid is None else int(self.indptr[tid + 1] - self.indptr[tid])

    def postings(self, token: str):
        tid = self.vocab.get(token)
        if tid is None:
            return None, None
        s, e = int(self.indptr[tid]), int(self.indptr[tid + 1])
        return self.rows[s:e], self.data[s:e]


@dataclass
class Delta:
    """Rows added since the base: per token, (row, term frequency); rows numbered after the base's."""

    lengths: list[int] = field(default_factory=list)
    postings: dict = field(default_factory=dict)

    @classmethod
    def of(cls, token_lists) -> "Delta":
        delta = cls()
        for row, tokens in enumerate(token_lists):
            delta.lengths.append(len(tokens))
            counts: dict[str, int] = {}
            for t in tokens:
                counts[t] = counts.get(t, 0) + 1
            for t, tf in counts.items():
                delta.postings.setdefault(t, []).append((row, tf))
        return delta


def bm25(part: Part, delta: Delta, tokens: list[str], keep: np.ndarray | None = None) -> np.ndarray:
    """Scores of base rows then delta rows for the query tokens (duplicates count, as in bm25s).
    keep: 0 for the base rows of changed or removed reports, which count in no document frequency."""
    out = np.zeros(part.n + len(delta.lengths), dtype=np.float32)
    removed = 0 if keep is None else part.n - int(np.count_nonzero(keep[:part.n]))
    n = part.n - removed + len(delta.lengths)
    for t in tokens:
        rows, weights = part.postings(t)
        added = delta.postings.get(t, ())
        df_base = 0 if rows is None else len(rows)
        live = df_base - (int(np.count_nonzero(keep[rows] == 0)) if removed and df_base else 0)
        if not live + len(added):
            continue
        idf = float(_idf(live + len(added), n))
        if live:
            scale = idf / float(_idf(df_base, part.n))
            out[rows] += weights if scale == 1.0 else weights * np.float32(scale)
        for row, tf in added:
            norm = K1 * (1 - B + B * delta.lengths[row] / part.avgdl)
            out[part.n + row] += idf * tf / (norm + tf)
    return out if keep is None or not removed else out * keep


def chunk_key(doc_slot, paragraph, start):
    """One sortable int64 per chunk: its position in a segment, found by searchsorted."""
    return (np.asarray(doc_slot, np.int64) << 40) | (np.asarray(paragraph, np.int64) << 20) | np.asarray(start, np.int64)


class Segment:
    """A base written once per node: chunk and document BM25, chunk positions, document records, extras."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.meta = json.loads((folder / "segment.json").read_text())
        self.seq, self.stamp = self.meta["seq"], self.meta["stamp"]
        self.chunks, self.docs = Part(folder / "chunks"), Part(folder / "docs")
        self.keys, self.text_df = mapped(folder / "keys.npy"), mapped(folder / "text_df.npy")
        self.doc_ids: list[str] = self.meta["doc_ids"]
        self.doc_meta: list[dict] = self.meta["doc_meta"]
        self.slot = {d: i for i, d in enumerate(self.doc_ids)}

    open = classmethod(lambda cls, folder: cls(Path(folder)))

    @classmethod
    def write(cls, folder: Path, rows, seq: int, stamp: str = "", extra=None) -> Path:
        """rows: (chunk_id, text, meta) of every chunk. extra(texts_by_doc, doc_meta) -> JSON-able, kept as extra.json."""
        folder = Path(folder)
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        tokens, read = ngrams.Tokens(), []
        for page in batches(rows, 5000):  # tokenised as read: a prefetching reader fetches the next page meanwhile
            tokens.add([t for _, t, _ in page])
            read.extend(page)
        doc_ids = sorted({m["doc_id"] for _, _, m in read})
        slot = {d: i for i, d in enumerate(doc_ids)}
        keys = chunk_key([slot[m["doc_id"]] for _, _, m in read], [m["paragraph"] for _, _, m in read],
                         [m["start"] for _, _, m in read])
        order = np.argsort(keys, kind="stable")
        rows = [read[i] for i in order]
        doc_meta, by_doc = _documents(rows, slot, len(doc_ids))
        # The catalogue (pure Python) in a thread while numpy, which lets go of the GIL, builds the matrices.
        with ThreadPoolExecutor(1) as pool:
            views = pool.submit(extra, by_doc, dict(zip(doc_ids, doc_meta))) if extra else None
            chunks, docs, text_df = ngrams.build(tokens, [m.get("title", "") for _, _, m in rows],
                                                 np.asarray(keys[order] >> 40),
                                                 [f"{m['title']} {m['source']}" for m in doc_meta], K1, B, order)
            Part.save(tmp / "chunks", *chunks)
            Part.save(tmp / "docs", *docs)
            np.save(tmp / "keys.npy", keys[order])
            np.save(tmp / "text_df.npy", text_df)
            extra_value = views.result() if views else None  # its error, if any, raised here
        (tmp / "extra.json").write_text(json.dumps(extra_value, ensure_ascii=False), encoding="utf-8")
        (tmp / "segment.json").write_text(json.dumps({"seq": seq, "stamp": stamp, "doc_ids": doc_ids,
                                                      "doc_meta": doc_meta}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(folder)  # whole or absent: readers open a finished segment or the previous one
        return folder

    def extra(self):
        return json.loads((self.folder / "extra.json").read_text(encoding="utf-8"))


def _documents(rows, slot, n):
    """Per document: its record and its text."""
    doc_meta, parts = [None] * n, [[] for _ in range(n)]
    for _, text, meta in rows:  # rows are in (document, paragraph, start) order
        i = slot[meta["doc_id"]]
        parts[i].append(text)
        if doc_meta[i] is None:
            doc_meta[i] = {k: meta.get(k) or "" for k in ("title", "source", "date", "origin")}
    return doc_meta, {d: "\n".join(parts[i]) for d, i in slot.items()}


def batches(rows, size: int):
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def document_rows(rows):
    """Group (chunk_id, text, meta) rows of changed reports by document, each in (paragraph, start) order."""
    by_doc: dict[str, list] = {}
    for row in rows:
        by_doc.setdefault(row[2]["doc_id"], []).append(row)
    for doc_rows in by_doc.values():
        doc_rows.sort(key=lambda r: (r[2]["paragraph"], r[2]["start"]))
    return by_doc
