"""The Python API: `Assistant.open(...)`, `.ask(question, history)`, `.stream(...)`, `.as_retriever()`."""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from ingest.embed import load_embedder
from ingest.schema import Answer
from ingest.settings import Settings
from ingest.store import Store

from . import conflict
from .answer import extract, refusal
from .followup import condense
from .question import analyse
from .retrieve import HybridRetriever


class Assistant:
    def __init__(self, settings: Settings, store: Store, retriever: HybridRetriever, llm=None):
        self.settings, self.store, self.retriever, self.llm = settings, store, retriever, llm
        self._titles: tuple = (None, {})  # (lexical index, doc_id -> (title, date)) for the conflict check
        self.library = conflict.Library(self._report_titles,
                                        lambda text, doc_ids, k: self.retriever.search(text, k=k, doc_ids=doc_ids))

    @classmethod
    def open(cls, settings: Settings | None = None, index: str | Path | None = None) -> "Assistant":
        settings = (settings or Settings.from_env()).with_(index=Path(index) if index else None)
        store = Store.open(settings, settings.embedding if settings.embedding else None)
        embedder = load_embedder(store.model, settings.embed_threads)
        retriever = HybridRetriever(store, embedder, cache_dir=settings.index / "cache")
        llm = None
        if settings.llm:
            from .llm import LLMAnswerer

            llm = LLMAnswerer.from_settings(settings)
        return cls(settings, store, retriever, llm)

    def ask(self, question: str, history: list | None = None) -> Answer:
        answer = None
        for answer in self.stream(question, history):
            pass
        return answer

    def stream(self, question: str, history: list | None = None):
        """Yield partial answer text (str) while an LLM writes, then the final Answer."""
        started = time.perf_counter()
        # Bounded and encodable: 100,000 characters took 11-26 s (embedded 6 times); a lone surrogate raised.
        asked = condense(question, history or [], self.llm)[: self.settings.max_question_chars].encode("utf-8", "replace").decode()
        q = analyse(asked)
        if q.english:
            from .glossary import chinese_terms

            places = self.retriever.expand(q.text)[1]
            q = replace(q, places=places, terms=places + chinese_terms(q.text))
        passages = self.retriever.search(q.text, k=self.settings.top_k)
        retrieved = time.perf_counter()
        answer = (extract(q, passages, self.retriever.idf, self._similarity, self.retriever.neighbourhood,
                           self.retriever.doc_contains, self.retriever.paragraph, self.library)
                  if q.text else refusal(q, []))
        if self.llm is not None and passages and answer.note != conflict.NOTE:
            # A model writing from the passages would pick one of the disagreeing figures.
            final = None
            for part in self.llm.stream(q.text, passages, answer):
                if isinstance(part, Answer):
                    final = part
                else:
                    yield part
            answer = final or answer
        answer = self.retriever.with_origins(answer, passages)
        timings = {"retrieve_ms": round(1000 * (retrieved - started), 2),
                   "total_ms": round(1000 * (time.perf_counter() - started), 2)}
        yield replace(answer, question=question, timings=timings)

    def _report_titles(self) -> dict[str, tuple[str, str]]:
        """doc_id -> (title, date) of every report; rebuilt when the index changes."""
        index = self.retriever.index()
        if self._titles[0] is not index:
            self._titles = (index, {m["doc_id"]: (m["title"], m["date"]) for m in index.metas})
        return self._titles[1]

    def _similarity(self, query: str, texts: list[str]) -> list[float]:
        embedder = self.retriever.embedder
        q = np.asarray(embedder.embed_query(query))
        vectors = np.asarray(embedder.embed_documents(texts))
        return list(vectors @ q)

    def as_retriever(self, k: int | None = None):
        from .lc import AssistantRetriever

        return AssistantRetriever(assistant=self, k=k or self.settings.top_k)
