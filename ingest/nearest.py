"""Nearest neighbours from a Chroma collection: the same for the same data, whichever build made the graph.

HNSW draws its graph at random and inserts on several threads (chroma-core/chroma#2675), and its search is
approximate: two knowledge bases ingested from the same reports, with the same vectors in the same order, gave
other top-20 chunks for 37 of blind set 62's 703 questions (21 with other distances), so an eval or the answer
model's training table moved by a few thousandths from one build to the next. Up to EXACT_UPTO items the search
visits every item (ef_search no smaller than the count: exact, and cheap at that size); ties are ordered by id.
Bigger collections keep Chroma's default breadth: exactness there would cost the answer's latency budget.
"""
from __future__ import annotations

SEARCH_EF = 100  # Chroma's default ef_search, for collections above EXACT_UPTO
EXACT_UPTO = 2_000  # items up to which every query visits them all (~0.3 ms of distances at 512 dimensions)
TIES = 5  # neighbours asked beyond k, so that ties at the k-th are broken by id, not by the graph


def breadth(count: int) -> int:
    """The ef_search for a collection of this many items: every item up to EXACT_UPTO (a search visits at most
    ef_search items; with it no smaller than the count, it is exhaustive)."""
    return EXACT_UPTO if count <= EXACT_UPTO else SEARCH_EF


def hnsw(**settings) -> dict:
    """A new collection's configuration: cosine, exact while small. A process keeps the breadth its loaded
    graph was opened with, so a collection starts wide: the writer narrows it once it outgrows EXACT_UPTO."""
    return {"hnsw": {"space": "cosine", "ef_search": EXACT_UPTO, **settings}}


def keep_exact(collection) -> None:
    """After a write: the breadth for the collection's new count."""
    wanted = breadth(collection.count())
    if (collection.configuration.get("hnsw") or {}).get("ef_search") != wanted:
        collection.modify(configuration={"hnsw": {"ef_search": wanted}})


def nearest(collection, vector, k: int, where: dict | None = None) -> list[tuple[str, float]]:
    """(id, cosine similarity) of the k items nearest the vector, nearest first, ties by id."""
    got = collection.query(query_embeddings=[list(map(float, vector))], n_results=k + TIES, where=where,
                           include=["distances"])
    ranked = sorted(zip(got["ids"][0], got["distances"][0]), key=lambda pair: (pair[1], pair[0]))[:k]
    return [(item, 1.0 - distance) for item, distance in ranked]
