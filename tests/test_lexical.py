"""The node's lexical index: base segment + delta scores, and a follower that applies only the change log."""
from __future__ import annotations

import time

import numpy as np
import pytest

from ingest.chunk import chunk_document
from ingest.lexical import Segment, document_rows, tokenize
from ingest.lexstate import State
from ingest.lexsync import Follower, segments
from ingest.schema import Document
from ingest.store import Store

REPORTS = {
    "a": ("铜川团市委工作总结", "铜川志愿汇平台注册志愿者20357人。", "开展青年志愿服务活动120次。"),
    "b": ("海南青年志愿者工作", "海南全省线上注册的青年志愿者已有134.9万人。", "青年之家建成46个。"),
    "c": ("宁夏志愿服务报告", "实名注册的志愿者已达528740人。", "登记志愿团体122个。"),
}


def doc(doc_id: str, title: str, *paragraphs: str) -> Document:
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", title=title, date="2021-01-01", paragraphs=paragraphs,
                    content_hash="h")


def rows_of(*docs: Document) -> list:
    return [(c.chunk_id, c.text, {"doc_id": c.doc_id, "source": c.source, "title": c.title, "date": c.date,
                                  "paragraph": c.paragraph, "start": c.start, "origin": ""})
            for d in docs for c in chunk_document(d)]


def reference(rows, query: str) -> np.ndarray:
    """The old design: bm25s over every chunk, in the segment's (document, paragraph, start) order."""
    import bm25s

    rows = sorted(rows, key=lambda r: (r[2]["doc_id"], r[2]["paragraph"], r[2]["start"]))
    bm25 = bm25s.BM25()
    bm25.index([tokenize(f"{m['title']} {t}") for _, t, m in rows], show_progress=False)
    tokens = [t for t in tokenize(query, unigrams=False) if t in bm25.vocab_dict]
    return bm25.get_scores(tokens) if tokens else np.zeros(len(rows))


@pytest.fixture
def base(tmp_path):
    rows = rows_of(*(doc(d, *r) for d, r in REPORTS.items()))
    return rows, State(Segment.open(Segment.write(tmp_path / "seg", rows, seq=3)))


def test_empty_delta_scores_are_bm25s_exactly(base):
    rows, state = base
    for query in ("铜川注册志愿者多少人", "海南青年之家", "志愿团体"):
        assert np.allclose(state.scores(query), reference(rows, query), rtol=1e-5)
    assert len(state) == len(rows) and state.seq == 3


def test_delta_adds_replaces_and_removes(base):
    rows, state = base
    new = doc("d", "延安团市委报告", "延安青年创业园孵化项目88个。")
    changed = state.with_changes(document_rows(rows_of(new)) | {"c": []} | document_rows(rows_of(
        doc("a", "铜川团市委工作总结", "铜川志愿汇平台注册志愿者30000人。"))), seq=6)
    scores = changed.scores("延安创业园孵化项目")
    assert changed.locate(int(np.argmax(scores)))[0] == "d"
    assert changed.chunk_id(int(np.argmax(scores))) == "d:1:0"
    assert not changed.scores("团体").any() and state.scores("团体").any()  # c is removed
    top = changed.locate(int(np.argmax(changed.scores("铜川注册志愿者"))))
    assert top == ("a", 1) and changed.position("a:1:0") >= state.segment.chunks.n  # the new a, not the base's
    assert len(changed) == len(rows) - 2 - 2 + 1 + 1  # a had 2 chunks, c 2: gone; d and the new a: 1 each
    assert set(changed.documents()) == {"a", "b", "d"}
    assert changed.contains("d", "延安") and not changed.contains("c", "宁夏") and changed.contains("b", "海南")
    assert changed.idf("延安") < changed.idf("\x00")
    prior = changed.prior("延安")
    assert prior[changed.position("d:1:0")] == 1.0 and prior[changed.position("b:1:0")] == 0.0


def test_paragraph_texts_come_from_the_base_and_the_delta(base):
    """Passages are read from the base's mapped texts (not from Chroma, 4-7 ms a question at 100k chunks) and
    from the delta for changed reports; a removed report has none."""
    rows, state = base
    for chunk_id, text, meta in rows:
        assert (chunk_id, text) in state.paragraph(meta["doc_id"], meta["paragraph"])
    assert [t for _, t in state.paragraph("b", 1)] == [REPORTS["b"][1]]
    assert state.paragraph("b", 3) == [] and state.paragraph("zz", 1) == [] and state.paragraph("a", 0) == []
    changed = state.with_changes(document_rows(rows_of(doc("a", "铜川团市委工作总结", "注册志愿者30000人。"))) | {"c": []},
                                 seq=5)
    assert changed.paragraph("a", 1) == [("a:1:0", "注册志愿者30000人。")] and changed.paragraph("a", 2) == []
    assert changed.paragraph("c", 1) == [] and changed.paragraph("b", 2) == state.paragraph("b", 2)


def test_chunks_holding_words_from_the_base_and_the_delta(base):
    """The search Chroma's full-text index did (which ingest no longer pays for): live chunks holding every word,
    within one chunk (a word across two chunks' texts, adjacent in the base's file, is not found), with the
    report's record."""
    rows, state = base
    held = {(i, t) for i, t, _ in state.holding(["志愿者"])}
    assert held == {(i, t) for i, t, _ in rows if "志愿者" in t} and len(held) == 3
    assert [(i, m["title"], m["paragraph"]) for i, _, m in state.holding(["青年", "志愿者"])] == \
           [("b:1:0", "海南青年志愿者工作", 1)]
    assert state.holding(["20357人。开展"]) == [] and state.holding(["志愿者"], limit=1)[0][0] == "a:1:0"
    changed = state.with_changes(document_rows(rows_of(doc("a", "铜川团市委工作总结", "注册志愿者30000人。"))) | {"c": []},
                                 seq=5)
    assert sorted(i for i, _, _ in changed.holding(["志愿者"])) == ["a:1:0", "b:1:0"]
    assert changed.holding(["20357"]) == [] and changed.holding(["528740"]) == [] and state.holding(["528740"])


def test_delta_ranking_matches_a_rebuild(base):
    rows, state = base
    new = doc("d", "延安团市委报告", "延安青年志愿者注册人数达到8万人。", "青年之家建成12个。")
    changed = state.with_changes(document_rows(rows_of(new)), seq=4)
    rebuilt = reference(rows + rows_of(new), "青年志愿者注册人数")
    ours = changed.scores("青年志愿者注册人数")
    order = {changed.chunk_id(i): s for i, s in enumerate(ours)}
    ids = sorted(r[0] for r in rows + rows_of(new))
    ref = dict(zip(sorted(ids, key=lambda i: (i.split(":")[0], int(i.split(":")[1]), int(i.split(":")[2]))), rebuilt))
    assert max(order, key=order.get) == max(ref, key=ref.get)


def put(store: Store, d: Document) -> None:
    chunks = chunk_document(d)
    store.put_documents([(d, f"/data/{d.source}", "d1", chunks, [[1.0, 0.5, float(i)] for i in range(len(chunks))])])
    store.log_changes([d.doc_id])


def test_follower_applies_only_the_log(make_settings, tmp_path):
    store = Store.open(make_settings(), "fake-model", 3)
    for d, r in REPORTS.items():
        put(store, doc(d, *r))
    follower = Follower(store, tmp_path / "lex")
    first = follower.current()
    assert len(first) == 6 and first.seq == 3 and len(segments(tmp_path / "lex")) == 1
    put(store, doc("d", "延安团市委报告", "延安青年创业园孵化项目88个。"))
    store.delete_document("c")
    store.log_changes(["c"], "remove")
    later = follower.catch_up()
    assert later.segment is first.segment  # no rebuild: the change log's two entries applied
    assert set(later.documents()) == {"a", "b", "d"} and later.seq == 5
    assert later.locate(int(np.argmax(later.scores("延安孵化项目"))))[0] == "d"
    assert follower.catch_up() is later  # nothing new: the same state
    again = Follower(store, tmp_path / "lex").current()  # another process on the node: opens the base
    assert again.segment.folder == first.segment.folder and set(again.documents()) == {"a", "b", "d"}


def test_change_log_entries(make_settings):
    store = Store.open(make_settings(), "fake-model", 3)
    assert store.change_head() == 0
    store.log_changes(["a", "b", "a"])
    store.log_changes(["b"], "remove")
    assert [(s, op, d) for s, _, op, d in store.changes_since(0)] == [(1, "put", "a"), (2, "put", "b"), (3, "remove", "b")]
    assert [d for *_, d in store.changes_since(2)] == ["b"]


def test_an_embedded_follower_merges_on_a_thread(make_settings, tmp_path, monkeypatch):
    """No child process for an embedded index: it would hold the index's lock against this process's uploads."""

    from ingest import lexsync

    monkeypatch.setattr(lexsync, "MERGE_MIN", 0)
    store = Store.open(make_settings(), "fake-model", 3)
    for d, r in REPORTS.items():
        put(store, doc(d, *r))
    follower = Follower(store, tmp_path / "lex")  # no merge command: the embedded case
    first = follower.current()
    put(store, doc("d", "延安团市委报告", "延安青年创业园孵化项目88个。"))
    follower.catch_up()  # the delta is past the (zeroed) threshold: a merge starts on a thread
    assert isinstance(follower._merging, lexsync._InProcess)
    follower._merging.thread.join(timeout=30)
    deadline = time.monotonic() + 10
    state = follower.catch_up()
    while state.segment is first.segment and time.monotonic() < deadline:
        state = follower.catch_up()
    assert state.segment is not first.segment and "d" in state.documents()


def test_prefetched_rows_come_in_order_and_a_readers_error_reaches_the_consumer():
    from ingest.lexsync import prefetched

    assert list(prefetched(iter(range(2500)), batch=1000)) == list(range(2500))
    assert list(prefetched(iter([]))) == []

    def broken():
        yield 1
        raise ConnectionError("chroma went away")

    with pytest.raises(ConnectionError):
        list(prefetched(broken()))


def test_a_layout_from_chunk_ids_and_rows_streamed_in_it_give_the_same_base(tmp_path):
    """Rows streamed in the layout's order (as Chroma serves them by id), pages cut at report boundaries, are the
    base that rows read whole in any order give; rows the layout does not hold are skipped, missing ones empty."""
    from ingest.lexical import Layout, _Reports

    rows = rows_of(*(doc(d, *r) for d, r in REPORTS.items()))
    whole = Segment.open(Segment.write(tmp_path / "whole", list(reversed(rows)), seq=3))
    layout = Layout.of_ids([r[0] for r in rows])
    assert Layout.of_ids(["a:1:0", "not-a-chunk-id"]) is None
    ordered = sorted(rows, key=lambda r: layout.row_of[r[0]])
    late = ("z:1:0", "写入在布局之后的分块", {**ordered[0][2], "doc_id": "z"})
    monkey = _Reports.PAGE
    try:
        _Reports.PAGE = 1  # a page per report
        streamed = Segment.open(Segment.write(tmp_path / "streamed", ordered + [late], seq=3, layout=layout))
    finally:
        _Reports.PAGE = monkey
    for part in ("chunks", "docs"):
        a, b = getattr(whole, part), getattr(streamed, part)
        assert set(a.vocab) == set(b.vocab) and (a.n, a.avgdl) == (b.n, b.avgdl)
        for token in a.vocab:
            ra, wa = a.postings(token)
            rb, wb = b.postings(token)
            assert np.array_equal(ra, rb) and np.array_equal(wa, wb), (part, token)
    assert np.array_equal(whole.keys, streamed.keys) and whole.doc_meta == streamed.doc_meta
    with pytest.raises(ValueError):
        Segment.write(tmp_path / "backwards", list(reversed(ordered)), seq=3, layout=layout)
    gone = Segment.open(Segment.write(tmp_path / "gone", [r for r in ordered if r[0] != "b:1:0"], seq=3, layout=layout))
    assert gone.chunks.n == len(rows) and not State(gone).scores("海南全省线上注册")[layout.row_of["b:1:0"]]


def test_a_base_reads_chunks_by_id_with_the_records_metadata(make_settings, tmp_path):
    store = Store.open(make_settings(), "fake-model", 3)
    for d, r in REPORTS.items():
        put(store, doc(d, *r))
    ids = store.chunk_ids()
    assert sorted(ids) == sorted(r[0] for r in rows_of(*(doc(d, *r) for d, r in REPORTS.items())))
    shared = {"a": {"title": "铜川团市委工作总结", "source": "a.txt", "date": "2021-01-01", "origin": ""}}
    got = list(store.chunks_by_id(["c:1:0", "a:1:0", "gone:1:0"], shared))
    assert [c for c, _, _ in got] == ["c:1:0", "a:1:0"]  # in the order asked, a deleted one left out
    assert got[0][2]["doc_id"] == "c" and got[1][2]["title"] == "铜川团市委工作总结"  # c has no record: read
    only_a = list(store.chunks_by_id(["a:2:0", "a:1:0"], shared))
    assert [c for c, _, _ in only_a] == ["a:2:0", "a:1:0"] and all(m is shared["a"] for *_, m in only_a)
    assert only_a[1][1] == "铜川志愿汇平台注册志愿者20357人。"


def test_a_stopped_follower_catches_up_no_more(make_settings, tmp_path):
    """A process asking many indexes in turn (training) lets each go: its thread ends and reads Chroma no more."""
    store = Store.open(make_settings(), "fake-model", 3)
    for d, r in REPORTS.items():
        put(store, doc(d, *r))
    follower = Follower(store, tmp_path / "lex")
    follower.current()
    follower.start(0.01)
    time.sleep(0.05)
    follower.stop()
    follower._thread.join(timeout=5)
    assert not follower._thread.is_alive()
