"""A lexical base's BM25 matrices built with numpy: lexical.tokenize's tokens, bm25s's weights, bit for bit.

Tokenising 100k chunks into Python lists and counting them in bm25s took ~35 s, most of a worker's cold start
on a node without a base. Here every token is an int64 code (a CJK character its code point, a bigram two code
points, a word or number an id), token counts come from one sort of (row, code) keys, and the weights are
computed in the same dtypes and order as bm25s's Lucene BM25 (float32 idf times a float64 term part, stored as
float32), so scores, the answer model trained on them and every gold figure stay as they were.
"""
from __future__ import annotations

import math
import re
import unicodedata

import numpy as np

_OTHER = re.compile(r"[a-z]+|\d+(?:\.\d+)?")  # lexical._TOKEN without its CJK runs (disjoint classes)
_CJK_LO, _CJK_HI = 0x3400, 0x9FFF
_SPAN = _CJK_HI - _CJK_LO + 1
_BIGRAM = 1 << 15  # codes: a character its offset in the CJK range, then bigrams, then words and numbers
_WORD = 1 << 30
_ROW_BITS = 31  # keys are (code, row, flag): sorted, a token's rows are together and in order (CSC)


class Codes:
    """Token <-> code for one build: words and numbers get ids as they are met."""

    def __init__(self):
        self.words: dict[str, int] = {}

    def occurrences(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(row, code) of every token of every text, in lexical.tokenize's sense (unigrams included)."""
        norm = [unicodedata.normalize("NFKC", t).lower() for t in texts]
        lengths = np.fromiter((len(t) + 1 for t in norm), np.int64, len(norm))
        cp = np.frombuffer("\x00".join(norm).encode("utf-32-le"), np.uint32).astype(np.int64)
        row_of = np.repeat(np.arange(len(norm), dtype=np.int64), lengths)[: len(cp)]
        cjk = (cp >= _CJK_LO) & (cp <= _CJK_HI)
        uni = np.flatnonzero(cjk)
        bi = np.flatnonzero(cjk[:-1] & cjk[1:])
        found = [_OTHER.findall(t) for t in norm]
        ids = self.words
        word_codes = np.fromiter((_WORD + ids.setdefault(w, len(ids)) for ws in found for w in ws), np.int64)
        word_rows = np.repeat(np.arange(len(norm), dtype=np.int64), [len(ws) for ws in found])
        rows = np.concatenate([row_of[uni], row_of[bi], word_rows])
        codes = np.concatenate([cp[uni] - _CJK_LO, _BIGRAM + (cp[bi] - _CJK_LO) * _SPAN + (cp[bi + 1] - _CJK_LO),
                                word_codes])
        return rows, codes

    def token(self, code: int) -> str:
        if code >= _WORD:
            if len(getattr(self, "_names", ())) != len(self.words):
                self._names = {i: w for w, i in self.words.items()}
            return self._names[code - _WORD]
        if code < _BIGRAM:
            return chr(_CJK_LO + code)
        first, second = divmod(code - _BIGRAM, _SPAN)
        return chr(_CJK_LO + first) + chr(_CJK_LO + second)


def counted(rows: np.ndarray, codes: np.ndarray, flags: np.ndarray | None = None):
    """Distinct (code, row[, flag]) keys with their counts, sorted by code then row."""
    keys = (codes << (_ROW_BITS + 1)) | (rows << 1) | (0 if flags is None else flags)
    keys.sort()
    starts, counts = _runs(keys)
    return keys[starts], counts


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal neighbours starts in a sorted array, and how long it is."""
    if not len(values):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.concatenate([[True], values[1:] != values[:-1]]))
    return starts, np.diff(np.append(starts, len(values)))


def unpack(keys: np.ndarray):
    """(code, row, flag) of counted keys."""
    return keys >> (_ROW_BITS + 1), (keys >> 1) & ((1 << _ROW_BITS) - 1), keys & 1


def bm25_matrix(codes: np.ndarray, rows: np.ndarray, tf: np.ndarray, n_rows: int, lengths: np.ndarray, k1, b):
    """bm25s's CSC score matrix (data, row indices, indptr) and the vocabulary's codes, from distinct
    (code, row, tf) sorted by code then row. lengths: tokens per row (duplicates count)."""
    starts, df = _runs(codes)
    vocab, col = codes[starts], np.repeat(np.arange(len(starts)), df)
    idf_of = {int(d): np.float32(math.log(1 + (n_rows - d + 0.5) / (d + 0.5))) for d in np.unique(df)}
    idf = np.array([idf_of[int(d)] for d in df], np.float32)
    avgdl = lengths.mean()
    norm = k1 * ((1 - b) + b * lengths[rows] / avgdl)  # float64, as bm25s's per-document scalar
    tf32 = tf.astype(np.float32)
    weights = (idf[col] * (tf32 / (norm + tf32))).astype(np.float32)
    indptr = np.append(starts, len(codes)).astype(np.int64)
    return weights, rows.astype(np.int32), indptr, vocab


class Tokens:
    """The occurrences of chunk texts read page by page: a page is tokenised while the next one is fetched."""

    def __init__(self):
        self.codes, self.n = Codes(), 0
        self._rows: list[np.ndarray] = []
        self._found: list[np.ndarray] = []

    def add(self, texts: list[str]) -> None:
        rows, found = self.codes.occurrences(texts)
        self._rows.append(rows + self.n)
        self._found.append(found)
        self.n += len(texts)

    def occurrences(self, order: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(row, code) of every token, rows renumbered to the positions `order` gives the texts."""
        rows = np.concatenate(self._rows) if self._rows else np.zeros(0, np.int64)
        found = np.concatenate(self._found) if self._found else np.zeros(0, np.int64)
        if order is not None:
            position = np.empty(self.n, np.int64)
            position[order] = np.arange(self.n)
            rows = position[rows]
        return rows, found


def build(texts, titles: list[str], doc_of: np.ndarray, heads: list[str], k1: float, b: float,
          order: np.ndarray | None = None):
    """A segment's two BM25 parts and its text document frequencies, as Segment.write lays them out.

    texts, titles, doc_of: per chunk (in segment order); heads: per document, the "title source" text its BM25
    tokens hold twice. Chunk tokens are "title text"; document tokens every chunk text's plus the head's twice;
    text_df counts the chunks whose text (not title) holds each chunk-vocabulary token.
    texts: the chunk texts, or their Tokens in the order they were read, `order` giving each its position.
    Returns ((data, rows, indptr, vocab, n, avgdl) of chunks, the same of documents, text_df)."""
    tokens = texts if isinstance(texts, Tokens) else Tokens()
    if tokens is not texts:
        tokens.add(texts)
    codes, n = tokens.codes, tokens.n
    if not n:
        return _empty() + (0, 1.0), _empty() + (len(heads), 1.0), np.zeros(0, np.int32)
    rows, tcodes = tokens.occurrences(order)
    title_list = list(dict.fromkeys(titles))
    title_rows, title_codes = _per_row(codes, title_list, _index_of(titles, title_list))
    keys, counts = counted(np.concatenate([rows, title_rows]), np.concatenate([tcodes, title_codes]),
                           np.concatenate([np.zeros(len(rows), np.int64), np.ones(len(title_rows), np.int64)]))
    ccode, crow, flag = unpack(keys)
    first, _ = _runs(keys >> 1)  # a (code, row) pair counted in the text and in the title is one
    lengths = np.bincount(np.concatenate([rows, title_rows]), minlength=n)
    chunks = _part(codes, ccode[first], crow[first], np.add.reduceat(counts, first),
                   n, lengths, k1, b)
    in_text = ccode[flag == 0]
    text_df = np.bincount(np.searchsorted(chunks[4], in_text), minlength=len(chunks[4])).astype(np.int32)
    head_rows, head_codes = codes.occurrences(heads)
    drows = np.concatenate([np.asarray(doc_of, np.int64)[rows], head_rows, head_rows])
    dkeys, dcounts = counted(drows, np.concatenate([tcodes, head_codes, head_codes]))
    dcode, drow, _ = unpack(dkeys)
    dlengths = np.bincount(drows, minlength=len(heads))
    docs = _part(codes, dcode, drow, dcounts, len(heads), dlengths, k1, b)
    return chunks[:4] + (n, float(lengths.mean())), docs[:4] + (len(heads), float(dlengths.mean())), text_df


def _index_of(values: list[str], distinct: list[str]) -> np.ndarray:
    where = {v: i for i, v in enumerate(distinct)}
    return np.fromiter((where[v] for v in values), np.int64, len(values))


def _per_row(codes: Codes, distinct: list[str], which: np.ndarray):
    """(row, code) occurrences of distinct[which[row]] for every row: each title tokenised once."""
    trow, tcode = codes.occurrences(distinct)
    order = np.argsort(trow, kind="stable")
    trow, tcode = trow[order], tcode[order]
    sizes = np.bincount(trow, minlength=len(distinct))
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    rep = sizes[which]
    out_rows = np.repeat(np.arange(len(which), dtype=np.int64), rep)
    offsets = np.arange(int(rep.sum()), dtype=np.int64) - np.repeat(np.cumsum(rep) - rep, rep)
    return out_rows, tcode[np.repeat(starts[which], rep) + offsets]


def _part(codes: Codes, code, rows, tf, n_rows, lengths, k1, b):
    """(data, rows, indptr, {token: column}, vocabulary codes) of one part."""
    if not len(code):
        return _empty() + (np.zeros(0, np.int64),)
    data, prow, indptr, vocab = bm25_matrix(code, rows, tf, n_rows, lengths, k1, b)
    return data, prow, indptr, {codes.token(int(c)): i for i, c in enumerate(vocab)}, vocab


def _empty() -> tuple:
    """A part with no rows: (data, rows, indptr, vocabulary)."""
    return np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64), {}
