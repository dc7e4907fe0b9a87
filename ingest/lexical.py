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
import mmap
import re
import shutil
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import ngrams
from .chunk import chunk_place, record_of

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
    size = part.n + len(delta.lengths)
    removed = 0 if keep is None else part.n - int(np.count_nonzero(keep[:part.n]))
    n = part.n - removed + len(delta.lengths)
    rows_of, weights_of, scales, added_of = [], [], [], []
    for t in tokens:
        rows, weights = part.postings(t)
        added = delta.postings.get(t, ())
        df_base = 0 if rows is None else len(rows)
        live = df_base - (int(np.count_nonzero(keep[rows] == 0)) if removed and df_base else 0)
        if not live + len(added):
            continue
        idf = float(_idf(live + len(added), n))
        if live:
            rows_of.append(rows)
            weights_of.append(weights)
            scales.append(idf / float(_idf(df_base, part.n)))
        added_of.append((idf, added))
    # One bincount over every token's postings: a fancy-indexed add per token cost 1.5x (0.9 -> 0.6 ms at 100k)
    out = np.zeros(size, dtype=np.float32) if not rows_of else np.bincount(
        np.concatenate(rows_of), weights=_scaled(weights_of, scales), minlength=size).astype(np.float32)
    for idf, added in added_of:
        for row, tf in added:
            norm = K1 * (1 - B + B * delta.lengths[row] / part.avgdl)
            out[part.n + row] += idf * tf / (norm + tf)
    return out if keep is None or not removed else out * keep


def _scaled(weights_of: list, scales: list[float]) -> np.ndarray:
    weights = np.concatenate(weights_of)
    if any(s != 1.0 for s in scales):
        weights = weights * np.repeat(np.array(scales, np.float32), [len(w) for w in weights_of])
    return weights


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
        self.text_at = mapped(folder / "text_at.npy")  # chunk texts: a base of an older version has none (rebuilt)
        with (folder / "texts.bin").open("rb") as fh:
            self._texts = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if self.text_at[-1] else b""

    def text(self, row: int) -> str:
        """A chunk's text, from the node's mapped file: paragraphs were read from Chroma by id, 4-7 ms a question
        at 100k chunks (Chroma's get), more than the query embedding and the dense query together."""
        return self._texts[int(self.text_at[row]):int(self.text_at[row + 1])].decode("utf-8")

    open = classmethod(lambda cls, folder: cls(Path(folder)))

    @classmethod
    def write(cls, folder: Path, rows, seq: int, stamp: str = "", views=None, layout: "Layout | None" = None) -> Path:
        """rows: (chunk_id, text, meta) of every chunk: in the layout's order when there is one (rows it does not
        hold are skipped, rows it holds that never come stay empty), else in any order (read whole first).
        views: what the segment keeps beside its BM25 (extra.json), worked out while the rows are read:
        add(doc_id, meta, text) for each report, then result(doc_meta, text_of)."""
        folder = Path(folder)
        tmp = folder.with_name(folder.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if layout is None:
            rows = list(rows)
            layout = Layout((c, m["doc_id"], m["paragraph"], m["start"]) for c, _, m in rows)
            rows = sorted(rows, key=lambda r: layout.row_of[r[0]])
        counts, reports = ngrams.Counts(len(layout.ids), len(layout.doc_ids)), _Reports(views, layout)
        sizes = np.zeros(len(layout.ids) + 1, np.int64)  # a row that never came holds ""
        with (tmp / "texts.bin").open("wb") as fh:
            for page in reports.pages(rows):  # counted as read: a prefetching reader fetches the next page meanwhile
                counts.add(*page)
                encoded = [t.encode("utf-8") for t in page[0]]
                fh.write(b"".join(encoded))  # rows ascend, so the file is in row order
                sizes[page[2] + 1] = [len(b) for b in encoded]
        np.save(tmp / "text_at.npy", np.cumsum(sizes))
        doc_meta = reports.doc_meta
        # Chroma has served every page: its core is free for the document part and the views
        with ThreadPoolExecutor(2) as pool:
            docs = pool.submit(counts.finish_docs, K1, B)
            extra = pool.submit(views.result, dict(zip(layout.doc_ids, doc_meta)), reports.texts.get) if views else None
            chunks, text_df = counts.finish_chunks(K1, B)
            Part.save(tmp / "chunks", *chunks)
            np.save(tmp / "keys.npy", layout.keys)
            np.save(tmp / "text_df.npy", text_df)
            Part.save(tmp / "docs", *docs.result())
            extra = extra.result() if extra else None
        (tmp / "extra.json").write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
        (tmp / "segment.json").write_text(json.dumps({"seq": seq, "stamp": stamp, "doc_ids": layout.doc_ids,
                                                      "doc_meta": doc_meta}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(folder)  # whole or absent: readers open a finished segment or the previous one
        return folder

    def extra(self):
        return json.loads((self.folder / "extra.json").read_text(encoding="utf-8"))


class Layout:
    """Where each chunk of a segment goes: rows in (report, paragraph, start) order, reports by id."""

    def __init__(self, places):
        """places: (chunk_id, doc_id, paragraph, start) of every chunk the segment holds."""
        places = sorted(places, key=lambda p: (p[1], p[2], p[3]))  # stable: ties keep their order
        self.ids = [p[0] for p in places]
        self.row_of = {c: i for i, c in enumerate(self.ids)}
        self.doc_ids = sorted({p[1] for p in places})
        slot = {d: i for i, d in enumerate(self.doc_ids)}
        self.row_doc = np.fromiter((slot[p[1]] for p in places), np.int64, len(places))
        self.keys = chunk_key(self.row_doc, [p[2] for p in places], [p[3] for p in places])

    @classmethod
    def of_ids(cls, ids) -> "Layout | None":
        """From the chunk ids alone (chunk.chunk_id); None if one has another form."""
        places = []
        for chunk_id in ids:
            place = chunk_place(chunk_id)
            if place is None:
                return None
            places.append((chunk_id, *place))
        return cls(places)


class _Reports:
    """Rows in layout order cut into pages of whole reports (a report's document tokens are counted in one
    page), each report handed to the views as soon as its last chunk is read."""

    PAGE = 5000

    def __init__(self, views, layout: Layout):
        self.views, self.layout = views, layout
        self.doc_meta = [record_of({}) for _ in layout.doc_ids]
        self.texts: dict[str, str] = {}

    def pages(self, rows):
        """(texts, titles, rows, documents, heads) per page, for ngrams.Counts.add."""
        page, last = [], -1
        for chunk_id, text, meta in rows:
            row = self.layout.row_of.get(chunk_id)
            if row is None:  # written after the layout was taken: the change log brings it
                continue
            if row <= last:
                raise ValueError(f"chunk {chunk_id} out of the layout's order")
            if len(page) >= self.PAGE and self.layout.row_doc[row] != self.layout.row_doc[last]:
                yield self._page(page)
                page = []
            page.append((row, text, meta))
            last = row
        if page:
            yield self._page(page)

    def _page(self, page):
        rows = np.fromiter((r for r, _, _ in page), np.int64, len(page))
        docs = self.layout.row_doc[rows]
        heads, parts = {}, {}
        for (_, text, meta), slot in zip(page, docs.tolist()):
            if slot not in heads:
                self.doc_meta[slot] = record_of(meta)
                heads[slot] = f"{self.doc_meta[slot]['title']} {self.doc_meta[slot]['source']}"
            parts.setdefault(slot, []).append(text)
        for slot, texts in parts.items():
            doc_id = self.layout.doc_ids[slot]
            self.texts[doc_id] = "\n".join(texts)
            if self.views is not None:
                self.views.add(doc_id, self.doc_meta[slot], self.texts[doc_id])
        return [t for _, t, _ in page], [m.get("title", "") for *_, m in page], rows, docs, heads


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
