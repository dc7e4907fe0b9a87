"""The facts collection of the knowledge base: each report's figures (ingest/facts.py), the indicator embedded and
the fact itself as metadata, kept in step with the report's chunks. A part of Store (ingest/store.py).
"""
from __future__ import annotations

import contextlib
import functools
import json

from .readers import QUESTIONS
from .schema import Fact

EXACT_FACTS = 500  # a filtered facts query over at most this many facts reads their vectors and ranks them exactly


def writes(method):
    """A write through a reader's Store holds the embedded index exclusively while it runs."""

    @functools.wraps(method)
    def write(self, *args, **kwargs):
        with self.lease.writing() if self.lease else contextlib.nullcontext():
            return method(self, *args, **kwargs)

    return write


class FactsStore:
    """Store's facts methods; the Store provides .facts (the collection), .lease, .batch_size and ._pages."""

    # -- facts: the figures of each report (ingest/facts.py), kept in step with its chunks --------
    @writes
    def put_facts(self, doc_ids: list[str], facts: list[Fact], vectors, new_ids: frozenset[str] = frozenset()) -> None:
        """Replace these documents' facts; called before their records are written (a crash redoes them).
        new_ids: documents known to have no facts stored, whose delete is skipped (as put_documents)."""
        import numpy as np

        self.delete_facts([d for d in doc_ids if d not in new_ids])
        vectors = np.asarray(vectors, dtype=np.float32)  # one array, not a Python float per dimension
        step = QUESTIONS.slice(self.batch_size)
        for i in range(0, len(facts), step):
            part = facts[i:i + step]
            QUESTIONS.wait_for_quiet()
            self.facts.add(ids=[f"{f.doc_id}:{f.paragraph}:{i + n}" for n, f in enumerate(part)],
                           embeddings=vectors[i:i + step], metadatas=[_fact_meta(f) for f in part])

    @writes
    def delete_facts(self, doc_ids: list[str]) -> None:
        if doc_ids:
            self.facts.delete(where={"doc_id": {"$in": list(doc_ids)}})

    def query_facts(self, vector, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """The ids of the k facts whose indicator is nearest the vector, with cosine similarity. Ids only: fetching
        200 records' metadata costs 16 ms against 2 ms (callers keep the records: fact_records)."""
        k = min(k, self.facts.count())
        if k <= 0:
            return []
        if where is not None:  # a few places' facts: scored exactly (HNSW loses some of many identical vectors)
            few = self.facts.get(where=where, limit=EXACT_FACTS + 1, include=[])["ids"]
            if len(few) <= EXACT_FACTS:
                return self._facts_exact(vector, k, few)
        got = self.facts.query(query_embeddings=[list(map(float, vector))], n_results=k, where=where,
                               include=["distances"])
        return list(zip(got["ids"][0], (1.0 - d for d in got["distances"][0])))

    def _facts_exact(self, vector, k: int, ids: list[str]) -> list[tuple[str, float]]:
        """The same ranking as query_facts, by reading these facts' vectors: a filtered HNSW search returned 46 of
        five districts' 51 facts, missing the five whose indicator ("希望小屋") 130 other facts share."""
        import numpy as np

        if not ids:
            return []
        got = self.facts.get(ids=ids, include=["embeddings"])
        if not got["ids"]:
            return []
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        order = np.argsort(-sims, kind="stable")[:k]
        return [(got["ids"][i], float(sims[i])) for i in order]

    def fact_records(self) -> dict[str, Fact]:
        """Every fact by id, page by page."""
        pages = self._pages(self.facts, include=["metadatas"])
        return {i: _fact_of(m) for ids, metas, _ in pages for i, m in zip(ids, metas)}

    def facts_current(self) -> bool:
        """Whether every stored report's facts are stored, as this version extracts them: False for an index built
        before facts existed or by another FACTS_VERSION (True was version 1)."""
        from .facts import FACTS_VERSION

        stored = (self.facts.metadata or {}).get("complete")
        return stored is not None and int(stored) == FACTS_VERSION

    @writes
    def mark_facts_current(self) -> None:
        from .facts import FACTS_VERSION

        self.facts.modify(metadata={"complete": FACTS_VERSION})

    def all_facts(self, where: dict | None = None) -> list[Fact]:
        got = self.facts.get(where=where, include=["metadatas"])
        return [_fact_of(m) for m in got["metadatas"]]

def _fact_meta(f: Fact) -> dict:
    """The keys facts are filtered by (doc_id: delete; place: query), the fact itself as one JSON value: Chroma
    stores each metadata key as a row of its own, and a fact has 15 (put_facts: -20% CPU; no document text either)."""
    return {"doc_id": f.doc_id, "place": f.place, "fact": json.dumps(f.to_dict(), ensure_ascii=False)}


def _fact_of(meta: dict) -> Fact:
    return Fact(**json.loads(meta["fact"])) if "fact" in meta else Fact(**meta)  # else: written before _fact_meta
