"""ingest.store against a real embedded Chroma (PersistentClient under tmp_path)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.chunk import chunk_document
from ingest.clean import clean_document
from ingest.load import load_file
from ingest.schema import Document
from ingest.settings import DEFAULT_EMBEDDING
from ingest.store import EmbeddingMismatch, Store, StoreUnavailable

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_FILES = 9


def chunk_ids(store: Store, doc_id: str) -> set[str]:
    return set(store.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])


def corpus_chunks() -> dict[str, list]:
    out = {}
    for path in sorted(CORPUS.iterdir()):
        loaded = load_file(path, 2**25)
        doc = clean_document(loaded.lines, path, loaded.title_hint)
        out[doc.doc_id] = (doc, chunk_document(doc))
    return out


# -- the session index of corpus/ ---------------------------------------------------------------
def test_corpus_index_contents(corpus_index):
    settings, summary = corpus_index
    store = Store.open(settings)
    assert store.model == DEFAULT_EMBEDDING
    expected = corpus_chunks()
    assert store.count() == sum(len(chunks) for _, chunks in expected.values()) == summary.chunks
    records = store.documents()
    assert len(records) == CORPUS_FILES
    assert [r.source for r in records] == sorted(p.name for p in CORPUS.iterdir())
    for record in records:
        doc, chunks = expected[record.doc_id]
        assert (record.title, record.date, record.paragraphs, record.chunks) == \
               (doc.title, doc.date, len(doc.paragraphs), len(chunks))
        assert Path(record.path) == CORPUS / record.source
        assert chunk_ids(store, record.doc_id) == {c.chunk_id for c in chunks}
        assert store.document(record.doc_id) == record
    assert store.document("no-such-doc") is None


def test_collection_metadata_names_model_and_dimension(corpus_index):
    store = Store.open(corpus_index[0])
    meta = store.chunks.metadata
    assert meta["embedding_model"] == DEFAULT_EMBEDDING
    assert meta["dimension"] == 512
    assert meta["stamp"] not in ("", "empty")  # touched by the ingest


def test_chunk_rows_round_trip(corpus_index):
    store = Store.open(corpus_index[0])
    rows = list(store.all_chunks())
    assert len(rows) == store.count()
    assert len({chunk_id for chunk_id, _, _ in rows}) == len(rows)
    by_id = {c.chunk_id: c for _, chunks in corpus_chunks().values() for c in chunks}
    for chunk_id, text, meta in rows:
        chunk = by_id[chunk_id]
        assert text == chunk.text
        assert meta == {"doc_id": chunk.doc_id, "source": chunk.source, "title": chunk.title,
                        "date": chunk.date, "paragraph": chunk.paragraph, "start": chunk.start, "origin": "",
                        "script": ""}  # from the command line; an upload says which (app/web/uploads.py)


def test_chunks_keep_positions_and_readers_add_the_record(corpus_index, tmp_path):
    """Each chunk stores doc_id and its text (a metadata value: Chroma's documents get a full-text index, the cost
    ingest saves; its place is its id's); title, source, date and origin come from the report's record for every reader,
    and an index written before (every field in every chunk, the text as the document) reads the same."""
    store = Store.open(corpus_index[0])
    got = store.chunks.get(include=["metadatas", "documents", "embeddings"])
    assert {frozenset(m) for m in got["metadatas"]} == {frozenset({"doc_id", "text"})}
    assert set(got["documents"]) == {None}
    rows = {i: (t, m) for i, t, m in store.all_chunks()}
    tongchuan = next(r for r in store.documents() if r.source.startswith("tongchuan"))
    assert {i: (t, m) for i, t, m in store.chunks_of([tongchuan.doc_id])} == \
           {i: v for i, v in rows.items() if v[1]["doc_id"] == tongchuan.doc_id}
    assert any("20357人" in t for t, m in rows.values() if m["title"] == tongchuan.title)

    from ingest.settings import Settings

    old = Store.open(Settings(index=tmp_path / "old"), model=DEFAULT_EMBEDDING, dimension=512, write=True)
    old.chunks.add(ids=got["ids"], embeddings=got["embeddings"], documents=[rows[i][0] for i in got["ids"]],
                   metadatas=[{**rows[i][1], "end": 0} for i in got["ids"]])  # the former layout
    old.docs.add(ids=["unrelated"], embeddings=[[1.0]], metadatas=[{"title": "不是这份"}])  # a record written before
    assert {i: (t, m) for i, t, m in old.all_chunks()} == rows
    assert {i: (t, m) for i, t, m in old.chunks_by_id(list(rows))} == rows
    old.close()


def test_query_returns_the_stored_chunk_first(corpus_index):
    """Dense search plumbing (not retrieval quality): a chunk's own embedding finds that chunk, score ~1."""
    from ingest.embed import load_embedder

    store = Store.open(corpus_index[0])
    tongchuan = next(r for r in store.documents() if r.source.startswith("tongchuan"))
    doc, chunks = corpus_chunks()[tongchuan.doc_id]
    chunk = chunks[6]  # paragraph 7: the 20357 registered volunteers
    assert chunk.chunk_id == f"{tongchuan.doc_id}:7:0"
    vector = load_embedder(DEFAULT_EMBEDDING).embed_documents([chunk.embedding_text()])[0]
    hits = store.query(vector, k=5)
    assert len(hits) == 5
    assert hits[0][0] == chunk.chunk_id and hits[0][1] == pytest.approx(1.0, abs=1e-3)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    filtered = store.query(vector, k=3, where={"doc_id": tongchuan.doc_id})
    assert len(filtered) == 3
    assert all(chunk_id.startswith(tongchuan.doc_id + ":") for chunk_id, _ in filtered)


def test_model_mismatch(corpus_index):
    settings = corpus_index[0]
    with pytest.raises(EmbeddingMismatch) as info:
        Store.open(settings, "other-model")
    message = str(info.value)
    assert "'use-multilingual'" in message and "'other-model'" in message
    assert str(settings.index.resolve()) in message
    assert Store.open(settings, DEFAULT_EMBEDDING).model == DEFAULT_EMBEDDING


def test_open_without_index_is_unavailable(make_settings):
    with pytest.raises(StoreUnavailable, match="youthqa ingest"):
        Store.open(make_settings())


# -- writes, with tiny fake vectors (no embedder needed) ------------------------------------------
def fake_doc(doc_id: str, *paragraphs: str) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", title=f"标题{doc_id}", date="2021-01-01",
                    paragraphs=paragraphs, content_hash="h")


def put(store: Store, doc: Document, digest: str = "d1") -> list:
    chunks = chunk_document(doc)
    vectors = [[1.0, float(i), 0.5] for i in range(len(chunks))]
    store.put_documents([(doc, f"/data/{doc.source}", digest, chunks, vectors)])
    return chunks


@pytest.fixture
def fake_store(make_settings):
    return Store.open(make_settings(), "fake-model", 3)


def test_put_document_replaces_old_chunks(fake_store):
    put(fake_store, fake_doc("a", "一。", "二。", "三。"))
    put(fake_store, fake_doc("b", "别的。"))
    assert len(chunk_ids(fake_store, "a")) == 3
    new = put(fake_store, fake_doc("a", "只剩一段。"), digest="d2")
    assert chunk_ids(fake_store, "a") == {c.chunk_id for c in new} == {"a:1:0"}
    assert [text for _, text, _ in fake_store.chunks_of(["a"])] == ["只剩一段。"]
    assert chunk_ids(fake_store, "b") == {"b:1:0"}
    record = fake_store.document("a")
    assert (record.content_hash, record.paragraphs, record.chunks, record.path) == ("d2", 1, 1, "/data/a.txt")
    assert fake_store.count() == 2


def test_delete_document(fake_store):
    put(fake_store, fake_doc("a", "一。", "二。"))
    put(fake_store, fake_doc("b", "别的。"))
    fake_store.delete_document("a")
    assert fake_store.document("a") is None
    assert chunk_ids(fake_store, "a") == set()
    assert [r.doc_id for r in fake_store.documents()] == ["b"]
    assert fake_store.count() == 1


def test_stamp_changes_on_touch(fake_store, make_settings):
    assert fake_store.stamp() == "empty"
    fake_store.touch()
    first = fake_store.stamp()
    fake_store.touch()
    assert fake_store.stamp() != first
    # Another handle on the same index sees the stamp and the model.
    other = Store.open(make_settings())
    assert (other.stamp(), other.model) == (fake_store.stamp(), "fake-model")


def test_paging_over_more_than_one_page(fake_store, monkeypatch):
    import ingest.store

    monkeypatch.setattr(ingest.store, "PAGE", 4)
    paragraphs = [f"第{i}段。" for i in range(10)]
    put(fake_store, fake_doc("a", *paragraphs))
    for name in "bcdefg":
        put(fake_store, fake_doc(name, "一段。"))
    rows = list(fake_store.all_chunks())
    assert len(rows) == len({r[0] for r in rows}) == 16
    assert len(fake_store.documents()) == 7


def test_a_few_places_facts_are_ranked_exactly(fake_store):
    # Many facts share one indicator ("希望小屋" in every county row); the facts of a few places are all scored, by
    # their indicators' vectors read exactly (a filtered HNSW search had lost some of them).
    from app.engine.cross import FactTable, _nearest
    from ingest.schema import Fact

    def fact(indicator, place, n):
        return Fact(indicator, n, "间", "", f"{n}间", place, 2024, "", "d", "d.docx", "t", "2025-01-01", n, "q")

    places = ["魏都", "禹州", "长葛", "鄢陵"] * 30
    facts = [fact("希望小屋" if i < 110 else "希望小学", p, i + 1) for i, p in enumerate(places)]
    fake_store.put_indicators(["希望小屋", "希望小学"], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    fake_store.put_facts(["d"], facts)
    assert fake_store.fact_count() == 120 and fake_store.indicators.count() == 2
    got = _nearest(FactTable(fake_store).get("s"), [1.0, 0.0, 0.0], 500, {"魏都", "禹州"})
    assert len(got) == 60 and all(s > 0.99 for _, s in got[:55]) and got[-1][1] < 0.01
    assert {f.place for f, _ in got} == {"魏都", "禹州"}
