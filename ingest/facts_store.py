"""The facts of the knowledge base, in two collections kept in step with the reports' chunks (a part of Store,
ingest/store.py):

- `<collection>-report-facts`: one record per report holding all its figures (ingest/facts.py) as one JSON value;
  written, replaced and deleted with the report, so a record is all or nothing.
- `<collection>-indicators`: one record per distinct indicator text (注册青年志愿者, 青年之家), embedded once for
  every report that counts it. A vector per fact had Chroma index ~3x as many vectors as there are distinct
  indicators (9,635 facts, 3,334 indicators over the gold's 157 reports) and was most of what facts cost ingest.
  An indicator no report counts any more stays, matching nothing.
"""
from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import zlib

from .nearest import hnsw, keep_exact, nearest
from .readers import QUESTIONS
from .schema import Fact

_SHARED = ("doc_id", "source", "title", "date", "origin")  # a report's facts share these: written once a record
_OWN = ("indicator", "value", "unit", "qualifier", "figure", "place", "year", "period", "paragraph", "quote")


def writes(method):
    """A write through a reader's Store holds the embedded index exclusively while it runs."""

    @functools.wraps(method)
    def write(self, *args, **kwargs):
        with self.lease.writing() if self.lease else contextlib.nullcontext():
            return method(self, *args, **kwargs)

    return write


def indicator_key(indicator: str) -> str:
    return hashlib.blake2b(indicator.encode("utf-8"), digest_size=12).hexdigest()


class FactsStore:
    """Store's facts methods; the Store provides .facts, .indicators (the collections), .lease, .batch_size and ._pages."""

    def _facts_collections(self, client, name: str) -> None:
        self.facts = client.get_or_create_collection(f"{name}-report-facts", embedding_function=None)
        self.indicators = client.get_or_create_collection(
            f"{name}-indicators", embedding_function=None, configuration=hnsw())

    @writes
    def put_facts(self, doc_ids: list[str], facts: list[Fact], new_ids: frozenset[str] = frozenset()) -> None:
        """Replace these documents' facts; called before their records are written (a crash redoes them), after
        put_indicators for their indicators. new_ids: documents known to have no facts stored (no delete)."""
        by_doc: dict[str, list[Fact]] = {d: [] for d in doc_ids}
        for f in facts:
            by_doc[f.doc_id].append(f)
        self.delete_facts([d for d, own in by_doc.items() if not own and d not in new_ids])
        held = [(d, own) for d, own in by_doc.items() if own]
        step = QUESTIONS.slice(self.batch_size)
        for i in range(0, len(held), step):
            part = held[i:i + step]
            QUESTIONS.wait_for_quiet()
            self.facts.upsert(ids=[d for d, _ in part], embeddings=[[1.0]] * len(part),
                              metadatas=[{"facts": _record(own)} for _, own in part])

    def missing_indicators(self, indicators: list[str]) -> list[str]:
        """Those of these indicators the knowledge base has no vector for yet (the rest need no embedding)."""
        if not indicators:
            return []
        held = set(self.indicators.get(ids=[indicator_key(i) for i in indicators], include=[])["ids"])
        return [i for i in indicators if indicator_key(i) not in held]

    @writes
    def put_indicators(self, indicators: list[str], vectors) -> None:
        import numpy as np

        vectors = np.asarray(vectors, dtype=np.float32)  # one array, not a Python float per dimension
        step = QUESTIONS.slice(self.batch_size)
        for i in range(0, len(indicators), step):
            part = indicators[i:i + step]
            QUESTIONS.wait_for_quiet()
            self.indicators.upsert(ids=[indicator_key(t) for t in part], embeddings=vectors[i:i + step],
                                   metadatas=[{"indicator": t} for t in part])
        keep_exact(self.indicators)

    @writes
    def delete_facts(self, doc_ids: list[str]) -> None:
        if doc_ids:
            self.facts.delete(ids=list(doc_ids))

    def nearest_indicators(self, vector, k: int, held: int | None = None) -> list[tuple[str, float]]:
        """The keys (indicator_key) of the k indicators nearest the vector, with cosine similarity. held: how many
        the caller knows of (its facts' indicators: at most the collection's count), which saves asking (6 ms at
        125k indicators)."""
        k = min(k, self.indicators.count() if held is None else held)
        if k <= 0:
            return []
        return nearest(self.indicators, vector, k)

    def indicator_similarities(self, vector, keys: list[str]) -> dict[str, float]:
        """The cosine of these indicators (keys) with the vector, read exactly: for the facts of a few places."""
        import numpy as np

        if not keys:
            return {}
        got = self.indicators.get(ids=list(keys), include=["embeddings"])
        if not got["ids"]:
            return {}
        sims = np.asarray(got["embeddings"], dtype=np.float32) @ np.asarray(vector, dtype=np.float32)
        return {k: float(s) for k, s in zip(got["ids"], sims)}

    def all_facts(self) -> list[Fact]:
        """Every report's facts, page by page."""
        return [f for _, metas, _ in self._pages(self.facts, include=["metadatas"], page=1000)
                for meta in metas for f in _facts_of(meta["facts"])]

    def fact_count(self) -> int:
        return len(self.all_facts())

    def facts_current(self) -> bool:
        """Whether every stored report's facts are stored, as this version extracts them: False for an index built
        before facts existed, before the per-report records, or by another FACTS_VERSION."""
        from .facts import FACTS_VERSION

        stored = (self.facts.metadata or {}).get("complete")
        return stored is not None and int(stored) == FACTS_VERSION

    @writes
    def mark_facts_current(self) -> None:
        from .facts import FACTS_VERSION

        self.facts.modify(metadata={"complete": FACTS_VERSION})
        with contextlib.suppress(Exception):  # the collection of one vector per fact, from before the records
            self.client.delete_collection(f"{self.settings.collection}-facts")


def _record(facts: list[Fact]) -> str:
    """One report's facts as JSON: the report's fields once, then each fact's own as a row; deflated, in base64.
    Chroma writes a metadata string slower the longer it is, and a non-ASCII one 6-10x slower: 2,000 reports' facts
    (4.3 kB of JSON's escapes a report) 0.93 CPU-s, as UTF-8 3.6 s, deflated 0.47 s (bench_ingest's reports)."""
    first = facts[0]
    raw = json.dumps({"doc": [getattr(first, k) for k in _SHARED], "rows": [[getattr(f, k) for k in _OWN] for f in facts]})
    return base64.b64encode(zlib.compress(raw.encode("ascii"), 1)).decode("ascii")


def _facts_of(record: str) -> list[Fact]:
    held = json.loads(record if record.startswith("{") else zlib.decompress(base64.b64decode(record)))  # "{": before
    shared = dict(zip(_SHARED, held["doc"]))
    return [Fact(**shared, **dict(zip(_OWN, row))) for row in held["rows"]]
