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
            return self.names()[code - _WORD]
        if code < _BIGRAM:
            return chr(_CJK_LO + code)
        first, second = divmod(code - _BIGRAM, _SPAN)
        return chr(_CJK_LO + first) + chr(_CJK_LO + second)

    def names(self) -> dict[int, str]:
        """Word id -> word, made again once words were added."""
        if len(getattr(self, "_names", ())) != len(self.words):
            self._names = {i: w for w, i in self.words.items()}
        return self._names


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


def _idf(df: np.ndarray, n_rows: int) -> np.ndarray:
    idf_of = {int(d): np.float32(math.log(1 + (n_rows - d + 0.5) / (d + 0.5))) for d in np.unique(df)}
    return np.array([idf_of[int(d)] for d in df], np.float32)


def _norm(lengths: np.ndarray, k1, b) -> np.ndarray:
    return k1 * ((1 - b) + b * lengths / lengths.mean())  # float64 per row, as bm25s's per-document scalar


def _weights(idf, df, rows, tf_of, norm) -> np.ndarray:
    """float32 idf times the float64 term part, in blocks: on this machine fresh memory costs more than the
    arithmetic (a page fault per new page, ~0.5 GB/s), so no temporary spans all the pairs."""
    idf = np.repeat(idf, df)
    weights = np.empty(len(idf), np.float32)
    for s in range(0, len(idf), _BLOCK):
        tf32 = tf_of(s, s + _BLOCK).astype(np.float32)
        weights[s:s + _BLOCK] = idf[s:s + _BLOCK] * (tf32 / (norm[rows[s:s + _BLOCK]] + tf32))
    return weights


_BLOCK = 1 << 20
_CODE_BITS = 31  # every code is below 2**31: words start at 2**30


class Counts:
    """Token counts of chunk texts read page by page, the segment's rows known in advance (lexical.Layout):
    each page becomes packed int64 keys (token, row, tf, in text) while the reader fetches the next one, so
    the end is one sort and a few passes in blocks. A page holds whole reports (their document tokens)."""

    def __init__(self, n_rows: int, n_docs: int):
        self.codes, self.n, self.n_docs = Codes(), n_rows, n_docs
        self._row_bits, self._doc_bits = max(1, (n_rows - 1).bit_length()), max(1, (n_docs - 1).bit_length())
        self._tf_bits = _CODE_BITS - self._row_bits  # code, row, tf, flag in 63 bits
        self._dtf_bits = 32 - self._doc_bits  # code, document, tf
        self._chunks: list[np.ndarray] = []
        self._docs: list[np.ndarray] = []
        self.lengths = np.zeros(n_rows, np.int64)  # tokens per chunk, its title's included
        self.doc_lengths = np.zeros(n_docs, np.int64)  # text tokens per document, its head's twice

    def add(self, texts: list[str], titles: list[str], rows, docs, heads: dict[int, str]) -> None:
        """One page: chunk texts, their titles, segment rows and documents; heads: the "title source" of each
        of the page's documents, whose tokens count twice in the document's."""
        local, codes = self.codes.occurrences(texts)
        distinct = list(dict.fromkeys(titles))
        title_rows, title_codes = _per_row(self.codes, distinct, _index_of(titles, distinct))
        both = np.concatenate([local, title_rows])
        keys, counts = counted(both, np.concatenate([codes, title_codes]),
                               np.concatenate([np.zeros(len(local), np.int64), np.ones(len(title_rows), np.int64)]))
        ccode, crow, flag = unpack(keys)
        first, _ = _runs(keys >> 1)  # a (code, row) pair counted in the text and in the title is one
        rows = np.asarray(rows, np.int64)
        self._chunks.append(self._pack(ccode[first], rows[crow[first]], np.add.reduceat(counts, first),
                                       self._tf_bits, flag[first] ^ 1))
        self.lengths[rows] = np.bincount(both, minlength=len(texts))
        slots = np.fromiter(heads, np.int64, len(heads))
        head_rows, head_codes = self.codes.occurrences(list(heads.values()))
        doc_rows = np.concatenate([np.asarray(docs, np.int64)[local], slots[head_rows], slots[head_rows]])
        dkeys, dcounts = counted(doc_rows, np.concatenate([codes, head_codes, head_codes]))
        dcode, ddoc, _ = unpack(dkeys)
        self._docs.append(self._pack(dcode, ddoc, dcounts, self._dtf_bits))
        self.doc_lengths += np.bincount(doc_rows, minlength=self.n_docs)

    @staticmethod
    def _pack(code, row, tf, tf_bits: int, flag=None) -> np.ndarray:
        if len(tf) and int(tf.max()) >> tf_bits:
            raise OverflowError(f"a token counted {int(tf.max())} times in one chunk or report")
        low = tf_bits + (flag is not None)
        keys = (code << (63 - _CODE_BITS)) | (row << low) | (tf << (flag is not None))
        return keys | flag if flag is not None else keys

    def finish(self, k1: float, b: float):
        """((data, rows, indptr, vocab, n, avgdl) of chunks, the same of documents, text_df): text_df counts
        the chunks whose text (not title) holds each chunk-vocabulary token."""
        chunks, text_df = self.finish_chunks(k1, b)
        return chunks, self.finish_docs(k1, b), text_df

    def finish_chunks(self, k1: float, b: float):
        """(chunk part, text_df); the two finish_ methods may run on two threads (numpy lets go of the GIL)."""
        if not self.n:
            return _empty() + (0, 1.0), np.zeros(0, np.int32)
        self.codes.names()  # made once, before two threads ask for it
        chunks, flags = self._part(self._chunks, self._row_bits, self._tf_bits, True, self.n, self.lengths, k1, b)
        text_df = np.add.reduceat(flags, chunks[2][:-1], dtype=np.int32) if len(flags) else np.zeros(0, np.int32)
        return chunks[:4] + (self.n, float(self.lengths.mean())), text_df

    def finish_docs(self, k1: float, b: float):
        if not self.n:
            return _empty() + (self.n_docs, 1.0)
        self.codes.names()
        docs, _ = self._part(self._docs, self._doc_bits, self._dtf_bits, False, self.n_docs, self.doc_lengths, k1, b)
        return docs[:4] + (self.n_docs, float(self.doc_lengths.mean()))

    def _part(self, pages, row_bits, tf_bits, flagged, n_rows, lengths, k1, b):
        """One part from its pages' keys: (data, rows, indptr, {token: column}), and the flags of a flagged part."""
        keys = np.concatenate(pages) if pages else np.zeros(0, np.int64)
        pages.clear()
        keys.sort()
        if not len(keys):
            return _empty(), np.zeros(0, np.int8)
        code_shift, low = 63 - _CODE_BITS, tf_bits + flagged
        starts = _block_starts(keys, code_shift)
        vocab = keys[starts] >> code_shift
        rows = np.empty(len(keys), np.int32)
        flags = np.empty(len(keys) if flagged else 0, np.int8)
        for s in range(0, len(keys), _BLOCK):
            block = keys[s:s + _BLOCK]
            rows[s:s + _BLOCK] = (block >> low) & ((1 << row_bits) - 1)
            if flagged:
                flags[s:s + _BLOCK] = block & 1
        tf_of = lambda s, e: (keys[s:e] >> int(flagged)) & ((1 << tf_bits) - 1)  # noqa: E731
        df = np.diff(np.append(starts, len(keys)))
        weights = _weights(_idf(df, n_rows), df, rows, tf_of, _norm(lengths, k1, b))
        tokens = {self.codes.token(int(c)): i for i, c in enumerate(vocab)}
        return (weights, rows, np.append(starts, len(keys)).astype(np.int64), tokens), flags


def _block_starts(keys: np.ndarray, shift: int) -> np.ndarray:
    """Where each run of equal keys >> shift starts in sorted keys, worked out in blocks."""
    starts = [np.zeros(1, np.int64)]
    for s in range(_BLOCK, len(keys) + _BLOCK, _BLOCK):
        block = keys[s - _BLOCK:s + 1] >> shift  # one past the block: a run starting at the next block's first
        starts.append(np.flatnonzero(block[1:] != block[:-1]) + s - _BLOCK + 1)
    return np.concatenate(starts)


def build(texts, titles: list[str], doc_of, heads: list[str], k1: float, b: float):
    """A segment's two BM25 parts and its text document frequencies, as Segment.write lays them out, from
    the chunk texts in segment order in one page.

    texts, titles, doc_of: per chunk; heads: per document, the "title source" text its BM25 tokens hold twice.
    Chunk tokens are "title text"; document tokens every chunk text's plus the head's twice.
    Returns ((data, rows, indptr, vocab, n, avgdl) of chunks, the same of documents, text_df)."""
    counts = Counts(len(texts), len(heads))
    if len(texts) or len(heads):
        counts.add(list(texts), list(titles), np.arange(len(texts)), doc_of, dict(enumerate(heads)))
    return counts.finish(k1, b)


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


def _empty() -> tuple:
    """A part with no rows: (data, rows, indptr, vocabulary)."""
    return np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64), {}
