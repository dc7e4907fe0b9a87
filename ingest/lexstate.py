"""What a process answers from: the node's base segment plus the reports changed since it (the delta).

A State is immutable: catching up makes a new one from the old plus the changed reports' chunks, and
the retriever swaps it in, so a question is always answered from one consistent state. Positions are the
base's chunks (in document, paragraph, start order) then the delta's; a changed report's base chunks are
masked, never removed, until the next merge writes a new base.
"""
from __future__ import annotations

import functools
import itertools

import numpy as np

from .chunk import chunk_id as chunk_id_of, record_of
from .lexical import Delta, Segment, bm25, chunk_key, tokenize

_MASK20 = (1 << 20) - 1


class _Changed:
    """One changed report: its chunk rows in order (none: removed), and what a state needs of their tokens
    (postings, lengths, document frequencies), made once per version of the report: a state combines those of
    its reports without going over their tokens again."""

    def __init__(self, rows):
        self.rows = rows
        chunk_tokens = [tokenize(f"{m.get('title', '')} {t}") for _, t, m in rows]
        text_tokens = [tokenize(t) for _, t, _ in rows]
        meta = rows[0][2] if rows else {}
        self.record = record_of(meta)
        doc_tokens = [t for toks in text_tokens for t in toks]
        doc_tokens += tokenize(f"{self.record['title']} {self.record['source']}") * 2
        self.text = "\n".join(t for _, t, _ in rows)
        self.chunk_lengths = [len(t) for t in chunk_tokens]
        self.chunk_postings = Delta.of(chunk_tokens).postings  # token -> [(row in this report, tf)], rows ascending
        self.doc_length = len(doc_tokens)
        self.doc_tf: dict[str, int] = {}
        for t in doc_tokens:
            self.doc_tf[t] = self.doc_tf.get(t, 0) + 1
        self.text_df: dict[str, int] = {}
        for tokens in text_tokens:
            for t in set(tokens):
                self.text_df[t] = self.text_df.get(t, 0) + 1
        self.tokens = frozenset(self.chunk_postings) | frozenset(self.doc_tf) | frozenset(self.text_df)


class _Merged:
    """token -> [(row, tf)] over a state's changed reports, rows ascending (what Delta.of over all their rows
    gives), merged on first use from the reports holding the token; at most MEMO tokens kept per state."""

    MEMO = 4096

    def __init__(self, state: "State", doc_level: bool):
        self.state, self.doc_level, self.memo = state, doc_level, {}

    def get(self, token, default=None):
        got = self.memo.get(token)
        if got is None:
            got = self.state._postings(token, self.doc_level)
            if len(self.memo) >= self.MEMO:
                self.memo.clear()
            self.memo[token] = got
        return got if got else default

    def __contains__(self, token) -> bool:
        return bool(self.get(token))


class _TextDf:
    """token -> chunks of the changed reports whose text holds it."""

    def __init__(self, state: "State"):
        self.state = state

    def get(self, token, default=0):
        n = sum(self.state.changed[d].text_df.get(token, 0) for d in self.state._index.get(token, ()))
        return n or default


def _index_of(changed: dict, index: dict | None = None, replaced: dict | None = None) -> dict:
    """token -> frozenset of the changed reports (with rows) whose tokens hold it. From `index` (a previous
    state's), when only the reports in `replaced` ({doc_id: their previous _Changed or None}) changed since."""
    if index is None or 4 * len(replaced) > len(changed):  # most reports changed: anew (set unions grow as D^2)
        holders: dict[str, list] = {}
        for doc_id, c in changed.items():
            if c.rows:
                for t in c.tokens:
                    holders.setdefault(t, []).append(doc_id)
        return {t: frozenset(ds) for t, ds in holders.items()}
    index = dict(index)
    for doc_id, old in replaced.items():
        if old is not None and old.rows:
            for t in old.tokens:
                left = index[t] - {doc_id}
                if left:
                    index[t] = left
                else:
                    del index[t]
        new = changed.get(doc_id)
        if new is not None and new.rows:
            for t in new.tokens:
                index[t] = index.get(t, frozenset()) | {doc_id}
    return index


def bigrams(term: str) -> list[str]:
    """The character bigrams a term is indexed by (a one-character term is itself)."""
    return [term[i:i + 2] for i in range(max(1, len(term) - 1))]


class State:
    def __init__(self, segment: Segment, changed: dict | None = None, seq: int | None = None, _index=None):
        self.segment, self.changed = segment, dict(changed or {})
        self.seq = segment.seq if seq is None else seq
        base = segment
        self.new_docs = sorted(d for d, c in self.changed.items() if c.rows)
        self._row_of = {d: i for i, d in enumerate(self.new_docs)}  # a changed report's row in the document delta
        self._start, at = {}, 0  # its first chunk's row in the chunk delta
        for d in self.new_docs:
            self._start[d], at = at, at + len(self.changed[d].rows)
        self._index = _index_of(self.changed) if _index is None else _index
        self.delta_rows = [r for d in self.new_docs for r in self.changed[d].rows]
        self.delta_pos = {r[0]: base.chunks.n + i for i, r in enumerate(self.delta_rows)}
        self.chunk_delta = Delta([n for d in self.new_docs for n in self.changed[d].chunk_lengths], _Merged(self, False))
        self.doc_delta = Delta([self.changed[d].doc_length for d in self.new_docs], _Merged(self, True))
        self.text_df = _TextDf(self)
        self.doc_ids = base.doc_ids + self.new_docs
        self.slot = {**base.slot, **{d: len(base.doc_ids) + i for i, d in enumerate(self.new_docs)}}
        base_doc = _base_doc(base)
        self.chunk_doc = np.concatenate([base_doc, np.array([self.slot[r[2]["doc_id"]] for r in self.delta_rows],
                                                            np.int32)])
        self.doc_keep = np.ones(len(self.doc_ids), np.float32)
        gone = [base.slot[d] for d in self.changed if d in base.slot]
        self.doc_keep[gone] = 0.0
        self.chunk_keep = self.doc_keep[self.chunk_doc]
        self.removed_chunks = int(len(base_doc) - self.chunk_keep[:len(base_doc)].sum())
        self.removed_docs = len(gone)

    def with_changes(self, by_doc: dict, seq: int) -> "State":
        """by_doc: {doc_id: its chunk rows now (empty: removed)}. Costs what the changed reports hold, not the
        whole delta: the other reports' tokens are reused as they are."""
        fresh = {d: _Changed(r) for d, r in by_doc.items()}
        changed = {**self.changed, **fresh}
        index = _index_of(changed, self._index, {d: self.changed.get(d) for d in fresh})
        return State(self.segment, changed, seq, _index=index)

    def _postings(self, token: str, doc_level: bool) -> list:
        holders = sorted(self._index.get(token, ()), key=self._row_of.__getitem__)
        if doc_level:
            return [(self._row_of[d], self.changed[d].doc_tf[token]) for d in holders if token in self.changed[d].doc_tf]
        out = []
        for d in holders:
            start = self._start[d]
            out.extend((start + row, tf) for row, tf in self.changed[d].chunk_postings.get(token, ()))
        return out

    def __len__(self) -> int:
        """Live chunks."""
        return self.segment.chunks.n - self.removed_chunks + len(self.delta_rows)

    def size(self) -> int:
        """Positions, live or masked: the length of every score array."""
        return len(self.chunk_doc)

    # -- scores --------------------------------------------------------------------------------
    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query, unigrams=False) if self.uses(t)]
        return bm25(self.segment.chunks, self.chunk_delta, tokens, self.chunk_keep if self.removed_chunks else None)

    def prior(self, query: str) -> np.ndarray:
        """BM25 of whole documents, scaled to [0, 1], for each chunk position."""
        tokens = [t for t in tokenize(query) if self.segment.docs.vocab.get(t) is not None or t in self.doc_delta.postings]
        scores = bm25(self.segment.docs, self.doc_delta, tokens, self.doc_keep if self.removed_docs else None)
        top = float(scores.max()) if len(scores) else 0.0
        return (scores / top)[self.chunk_doc].astype(np.float32) if top > 0 else np.zeros(self.size(), np.float32)

    def uses(self, token: str) -> bool:
        """Does any chunk hold the token (a character or a bigram)?"""
        return token in self.segment.chunks.vocab or token in self.chunk_delta.postings

    @functools.cached_property
    def characters(self) -> frozenset:
        """The single characters the reports use: an English question's pinyin names are spelled with them."""
        tokens = itertools.chain(self.segment.chunks.vocab, *(c.tokens for c in self.changed.values()))
        return frozenset(t for t in tokens if len(t) == 1 and "\u4e00" <= t <= "\u9fff")

    def idf(self, token: str) -> float:
        """How rare a term is across chunk texts (titles aside)."""
        tid = self.segment.chunks.vocab.get(token)
        df = (0 if tid is None else int(self.segment.text_df[tid])) + self.text_df.get(token, 0)
        return float(np.log((len(self) + 1) / (df + 0.5)))

    def rarity(self, term: str) -> float | None:
        """A word's idf (its rarest bigram's) across chunk texts; None when some bigram is in none of them."""
        never = self.idf("\x00")
        rarest = max(self.idf(g) for g in bigrams(term))
        return None if rarest >= never else rarest

    def contains(self, doc_id: str, term: str) -> bool:
        """Does the report hold every bigram of the term?"""
        slot = self.slot.get(doc_id)
        if slot is None or not self.doc_keep[slot]:
            return False
        grams = bigrams(term)
        if slot >= len(self.segment.doc_ids):
            tokens = self.changed[doc_id].doc_tf
            return all(g in tokens for g in grams)
        for gram in grams:  # a token's rows are in order (ingest/ngrams.py): a binary search, not a scan
            rows, _ = self.segment.docs.postings(gram)
            if rows is None:
                return False
            at = int(rows.searchsorted(slot))
            if at == len(rows) or rows[at] != slot:
                return False
        return True

    def holding(self, words: list[str], limit: int | None = None) -> list[tuple[str, str, dict]]:
        """(chunk id, text, meta with the report's record) of live chunks whose text holds every word: the search
        Chroma's full-text index did, over the texts this state maps. The base is searched for the longest word
        (one find per holding chunk), the changed reports' rows in memory."""
        words = sorted({w for w in words if w}, key=len, reverse=True)
        if not words:
            return []
        found = [r for d in self.new_docs for r in self.changed[d].rows if all(w in r[1] for w in words)]
        texts, at, needle = self.segment._texts, self.segment.text_at, words[0].encode("utf-8")
        i = texts.find(needle) if len(texts) else -1
        while i != -1 and (limit is None or len(found) < limit):
            row = int(at.searchsorted(i, side="right")) - 1
            end = int(at[row + 1])
            if i + len(needle) <= end and self.chunk_keep[row]:  # within one chunk, of a live report
                text = self.segment.text(row)
                if all(w in text for w in words[1:]):
                    doc_id, paragraph = self.locate(row)
                    start = int(self.segment.keys[row]) & _MASK20
                    found.append((chunk_id_of(doc_id, paragraph, start), text,
                                  {**self.record(doc_id), "doc_id": doc_id, "paragraph": paragraph, "start": start}))
                i = texts.find(needle, end)
            else:
                i = texts.find(needle, i + 1)
        return found[:limit]

    def mask(self, doc_ids: set[str]) -> np.ndarray:
        keep = np.zeros(len(self.doc_ids), np.float32)
        keep[[self.slot[d] for d in doc_ids if d in self.slot]] = 1.0  # the asked few, not every report (0.7 ms)
        return keep[self.chunk_doc]

    # -- positions and records -------------------------------------------------------------------
    def position(self, chunk_id: str) -> int | None:
        if chunk_id in self.delta_pos:
            return self.delta_pos[chunk_id]
        doc_id, paragraph, start = chunk_id.rsplit(":", 2)
        slot = self.segment.slot.get(doc_id)
        if slot is None or not self.doc_keep[slot]:
            return None
        key = int(chunk_key(slot, int(paragraph), int(start)))
        pos = int(np.searchsorted(self.segment.keys, key))
        return pos if pos < len(self.segment.keys) and int(self.segment.keys[pos]) == key else None

    def locate(self, pos: int) -> tuple[str, int]:
        """(doc_id, paragraph) of a position."""
        if pos >= self.segment.chunks.n:
            meta = self.delta_rows[pos - self.segment.chunks.n][2]
            return meta["doc_id"], int(meta["paragraph"])
        key = int(self.segment.keys[pos])
        return self.segment.doc_ids[key >> 40], (key >> 20) & _MASK20

    def chunk_id(self, pos: int) -> str:
        if pos >= self.segment.chunks.n:
            return self.delta_rows[pos - self.segment.chunks.n][0]
        key = int(self.segment.keys[pos])
        return chunk_id_of(self.segment.doc_ids[key >> 40], (key >> 20) & _MASK20, key & _MASK20)

    def paragraph(self, doc_id: str, paragraph: int) -> list[tuple[str, str]]:
        """(chunk id, text) of a paragraph's chunks, in order: a changed report's from memory, a base report's
        from the base's mapped texts (the ids and texts Chroma held when the base was written)."""
        if doc_id in self.changed:
            return [(r[0], r[1]) for r in self.changed[doc_id].rows if r[2]["paragraph"] == paragraph]
        slot = self.segment.slot.get(doc_id)
        if slot is None or paragraph < 1 or paragraph >= 1 << 20:
            return []
        keys, first = self.segment.keys, (slot << 40) | (paragraph << 20)  # chunk_key's, on Python ints
        lo, hi = keys.searchsorted([first, first + (1 << 20)]).tolist()
        return [(chunk_id_of(doc_id, paragraph, int(keys[r]) & _MASK20), self.segment.text(r)) for r in range(lo, hi)]

    def record(self, doc_id: str) -> dict:
        if doc_id in self.changed:
            return self.changed[doc_id].record
        return self.segment.doc_meta[self.segment.slot[doc_id]]

    def documents(self) -> dict[str, dict]:
        """doc_id -> title, source, date, origin of every live report."""
        return {d: self.record(d) for d in self.doc_ids if self.doc_keep[self.slot[d]]}

    def delta_texts(self) -> dict[str, str]:
        return {d: self.changed[d].text for d in self.new_docs}

    def delta_chunks(self) -> int:
        return len(self.delta_rows) + self.removed_chunks


def _base_doc(segment: Segment) -> np.ndarray:
    """The document slot of each of a base's chunks, worked out once per base."""
    found = getattr(segment, "_chunk_doc", None)
    if found is None:
        found = segment._chunk_doc = (np.asarray(segment.keys) >> 40).astype(np.int32)
    return found
