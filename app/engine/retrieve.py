"""Hybrid retrieval: BM25 (weighted high) + dense search in Chroma + a document prior.

Scores are blended after normalising each to [0, 1]. The document prior is BM25 over whole
documents: a place or organisation named in the question (铜川, 团市委) is rare across reports,
so it lifts the paragraphs of the reports about it even when the paragraph itself never names
the place ("注册志愿者20357人" does not say 铜川).
"""
from __future__ import annotations

import math
import re
import threading
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from ingest.lexical import LexicalIndex, load_or_build, tokenize

WEIGHTS = {"lexical": 0.55, "dense": 0.25, "doc": 0.20}
DENSE_K = 50
REFRESH_SECONDS = 2.0  # how often to ask Chroma whether another process changed the contents


@dataclass(frozen=True)
class Passage:
    """A retrieved paragraph with its best chunk."""

    doc_id: str
    source: str
    title: str
    date: str
    paragraph: int
    text: str  # the whole paragraph
    chunk: str  # the best-matching chunk inside it
    score: float
    origin: str = ""  # which upload (DocRecord.origin); "" from the command line or an older index


def normalise_query(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    return _t2s(text) if any("\u4e00" <= ch <= "\u9fff" for ch in text) else text


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _converter().convert(text)


class HybridRetriever:
    def __init__(self, store, embedder, cache_dir=None):
        self.store, self.embedder, self.cache_dir = store, embedder, cache_dir
        self._lock = threading.Lock()
        self._index: LexicalIndex | None = None
        self._docs = None
        self._checked = 0.0

    # -- the derived lexical index, refreshed when the store's stamp changes -----------------
    def index(self) -> LexicalIndex:
        now = time.monotonic()
        if self._index is not None and now - self._checked < REFRESH_SECONDS:
            return self._index
        with self._lock:
            if self._index is None or self.store.stamp() != self._index.stamp:
                self._index = load_or_build(self.store, self.cache_dir)
                self._docs = _DocIndex(self._index)
            self._checked = now
        return self._index

    def expand(self, query: str) -> tuple[str, tuple[str, ...]]:
        """English place names to the Chinese in report titles ('Tongchuan' -> '铜川'): (query, places)."""
        from .glossary import chinese_terms

        self.index()
        places = tuple(dict.fromkeys(self._docs.romanised[w] for w in re.findall(r"[a-z]+", query.lower())
                                     if w in self._docs.romanised))
        extra = places + chinese_terms(query)
        return (f"{query} {' '.join(extra)}" if extra else query), places

    def doc_contains(self, doc_id: str, term: str) -> bool:
        self.index()
        return self._docs.contains(doc_id, term)

    def refresh(self) -> None:
        """Check the store's stamp on the next search: this process just changed the contents."""
        self._checked = float("-inf")

    def search(self, query: str, k: int = 5, doc_ids: set[str] | None = None) -> list[Passage]:
        index = self.index()
        if not len(index):
            return []
        query = self.expand(normalise_query(query))[0]
        blended = self._blend(query, index, doc_ids)
        return self._paragraphs(index, blended, k)

    def _blend(self, query: str, index: LexicalIndex, doc_ids) -> np.ndarray:
        lexical = _unit(index.scores(query))
        dense = np.zeros(len(index), dtype=np.float32)
        hits = self.store.query(self.embedder.embed_query(query), min(DENSE_K, len(index)))
        if hits:
            sims = np.array([s for _, s in hits], dtype=np.float32)
            low, high = float(sims.min()), float(sims.max())
            for (chunk_id, sim) in hits:
                pos = index.position.get(chunk_id)
                if pos is not None:
                    dense[pos] = (sim - low) / (high - low) if high > low else 1.0
        doc_prior = self._docs.prior(query)
        score = WEIGHTS["lexical"] * lexical + WEIGHTS["dense"] * dense + WEIGHTS["doc"] * doc_prior
        if doc_ids is not None:
            score = score * self._docs.mask(doc_ids)
        return score

    def _paragraphs(self, index: LexicalIndex, score: np.ndarray, k: int) -> list[Passage]:
        # Only the head of the ranking is read: partition first, sort the few (8 ms -> 1 ms at 100k chunks).
        head = min(max(4 * k, 20), len(score))
        top = np.argpartition(-score, head - 1)[:head]
        seen, passages = set(), []
        for pos in top[np.argsort(-score[top], kind="stable")]:
            meta = index.metas[pos]
            key = (meta["doc_id"], meta["paragraph"])
            if key in seen or score[pos] <= 0:
                continue
            seen.add(key)
            passages.append(Passage(meta["doc_id"], meta["source"], meta["title"], meta["date"],
                                    meta["paragraph"], self._docs.paragraph(key), index.texts[pos],
                                    round(float(score[pos]), 4), meta.get("origin", "")))
            if len(passages) == k:
                break
        return passages

    def neighbourhood(self, passage: Passage) -> str:
        """The paragraph with the one before and after it, from the same report."""
        self.index()
        return "".join(self._docs.paragraph((passage.doc_id, passage.paragraph + d)) for d in (-1, 0, 1))

    def paragraph(self, doc_id: str, number: int) -> str:
        """The text of paragraph `number` of a report ("" past its end)."""
        self.index()
        return self._docs.paragraph((doc_id, number))

    def idf(self, token: str) -> float:
        """How rare a term is across chunks: a term no report contains weighs the most."""
        self.index()
        return self._docs.idf(token)

    def with_origins(self, answer, passages: list[Passage]):
        """The answer with each citation's origin: citations are made from passages without it (app.engine.answer,
        app.engine.llm), so find the passage of the report whose paragraph the citation quotes."""
        if not any(p.origin for p in passages):
            return answer

        def origin(c) -> str:
            same = [p for p in passages if (p.source, p.title, p.date) == (c.source, c.title, c.date)]
            quoted = next((p for p in same if self.paragraph(p.doc_id, c.paragraph) == c.text), None)
            return (quoted or same[0]).origin if same else c.origin

        return replace(answer, citations=tuple(replace(c, origin=origin(c)) for c in answer.citations))


class _DocIndex:
    """Document-level views derived from the chunk index: BM25 prior, paragraph texts, masks."""

    def __init__(self, index: LexicalIndex):
        import bm25s

        self.index = index
        self.doc_ids = sorted({m["doc_id"] for m in index.metas})
        slot = {d: i for i, d in enumerate(self.doc_ids)}
        self.chunk_doc = np.array([slot[m["doc_id"]] for m in index.metas], dtype=np.int64)
        tokens = [[] for _ in self.doc_ids]
        self.parts: dict[tuple, list] = {}
        self.chunk_df: Counter = Counter()
        for pos, (text, meta) in enumerate(zip(index.texts, index.metas)):
            chunk_tokens = tokenize(text)
            self.chunk_df.update(set(chunk_tokens))
            tokens[slot[meta["doc_id"]]].extend(chunk_tokens)
            self.parts.setdefault((meta["doc_id"], meta["paragraph"]), []).append((meta["start"], text))
        for i, doc_id in enumerate(self.doc_ids):
            meta = index.metas[int(np.argmax(self.chunk_doc == i))]
            tokens[i].extend(tokenize(f"{meta['title']} {meta['source']}") * 2)  # the title names the subject
        self.token_sets = [set(t) for t in tokens]
        self.slot = slot
        self.romanised = _romanise(index.metas[int(np.argmax(self.chunk_doc == i))]["title"] for i in range(len(self.doc_ids)))
        self.bm25 = bm25s.BM25()
        if tokens:
            self.bm25.index(tokens, show_progress=False)

    def prior(self, query: str) -> np.ndarray:
        vocab = self.bm25.vocab_dict
        tokens = [t for t in tokenize(query) if t in vocab]
        if not tokens:
            return np.zeros(len(self.chunk_doc), dtype=np.float32)
        return _unit(self.bm25.get_scores(tokens))[self.chunk_doc]

    def contains(self, doc_id: str, term: str) -> bool:
        tokens = self.token_sets[self.slot[doc_id]] if doc_id in self.slot else set()
        return all(term[i:i + 2] in tokens for i in range(max(1, len(term) - 1)))

    def mask(self, doc_ids: set[str]) -> np.ndarray:
        keep = np.array([d in doc_ids for d in self.doc_ids])
        return keep[self.chunk_doc].astype(np.float32)

    def paragraph(self, key: tuple) -> str:
        return "".join(text for _, text in sorted(self.parts.get(key, [])))

    def idf(self, token: str) -> float:
        n = len(self.index.ids)
        return math.log((n + 1) / (self.chunk_df.get(token, 0) + 0.5))


def _romanise(titles) -> dict[str, str]:
    """Pinyin of the 2-3 character runs in report titles, so English questions can name places."""
    try:
        from pypinyin import lazy_pinyin
    except ImportError:
        return {}
    table: dict[str, str] = {}
    for title in titles:
        for run in re.findall(r"[\u4e00-\u9fff]+", title):
            for n in (2, 3):
                for i in range(len(run) - n + 1):
                    table.setdefault("".join(lazy_pinyin(run[i:i + n])), run[i:i + n])
    return table


def _unit(scores: np.ndarray) -> np.ndarray:
    top = float(scores.max()) if len(scores) else 0.0
    return (scores / top).astype(np.float32) if top > 0 else np.zeros(len(scores), dtype=np.float32)
