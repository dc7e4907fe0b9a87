"""ingest/nearest.py: a knowledge base's dense neighbours are exact up to EXACT_UPTO items and ties go by id."""
import numpy as np

from ingest.nearest import EXACT_UPTO, SEARCH_EF, breadth, hnsw, keep_exact, nearest


def _collection(tmp_path, vectors, ids):
    import chromadb

    client = chromadb.PersistentClient(path=str(tmp_path))
    col = client.create_collection("nearest-test", embedding_function=None, configuration=hnsw(ef_construction=50))
    for i in range(0, len(ids), 100):  # in batches, as ingest writes
        col.add(ids=ids[i:i + 100], embeddings=vectors[i:i + 100])
    keep_exact(col)
    return col


def test_the_breadth_covers_a_small_collection_and_keeps_chromas_default_above():
    assert breadth(40) == breadth(EXACT_UPTO) == EXACT_UPTO and breadth(EXACT_UPTO + 1) == SEARCH_EF


def test_neighbours_are_the_exact_ones_in_a_real_chroma_collection(tmp_path):
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(900, 64)).astype(np.float32)
    ids = [f"c{i:04d}" for i in range(len(vectors))]
    col = _collection(tmp_path, vectors, ids)
    assert col.configuration["hnsw"]["ef_search"] == EXACT_UPTO
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    for q in rng.normal(size=(40, 64)).astype(np.float32):
        exact = np.argsort(-(unit @ (q / np.linalg.norm(q))), kind="stable")[:50]
        assert [i for i, _ in nearest(col, q, 50)] == [ids[j] for j in exact]


def test_a_collection_outgrowing_the_exact_size_is_narrowed_back(tmp_path):
    rng = np.random.default_rng(3)
    col = _collection(tmp_path, rng.normal(size=(EXACT_UPTO + 1, 8)).astype(np.float32),
                      [f"c{i}" for i in range(EXACT_UPTO + 1)])
    assert col.configuration["hnsw"]["ef_search"] == SEARCH_EF


def test_ties_are_ordered_by_id(tmp_path):
    same = np.ones((6, 8), dtype=np.float32)
    col = _collection(tmp_path, same, ["f", "c", "a", "e", "b", "d"])
    assert [i for i, _ in nearest(col, np.ones(8), 4)] == ["a", "b", "c", "d"]
