"""ingest.pipeline end to end: real files, the real default embedder, a real embedded Chroma."""
from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest

import ingest.pipeline as pipeline
from ingest import Settings, ingest_paths
from ingest import messages as msg
from ingest.chunk import chunk_document
from ingest.clean import clean_document, doc_id_for
from ingest.load import SUPPORTED, load_file
from ingest.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TONGCHUAN = "tongchuan-youth-league-2021-08-16.txt"


def chunk_ids(store: Store, doc_id: str) -> set[str]:
    return set(store.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])


def statuses(summary) -> dict[str, str]:
    return {r.source: r.status for r in summary.results}


def reasons(summary) -> dict[str, str]:
    return {r.source: r.reason for r in summary.failed}


def expected_chunks(path: Path) -> list:
    loaded = load_file(path, 2**25)
    return chunk_document(clean_document(loaded.lines, path, loaded.title_hint))


def assert_consistent(store: Store) -> None:
    """Every chunk belongs to a document record, counts agree, no duplicate positions."""
    records = {r.doc_id: r for r in store.documents()}
    rows = list(store.all_chunks())
    ids = [chunk_id for chunk_id, _, _ in rows]
    assert len(ids) == len(set(ids)) == store.count()
    positions = Counter((m["doc_id"], m["paragraph"], m["start"]) for _, _, m in rows)
    assert max(positions.values(), default=1) == 1
    per_doc = Counter(m["doc_id"] for _, _, m in rows)
    assert set(per_doc) <= set(records)
    for doc_id, record in records.items():
        assert per_doc[doc_id] == record.chunks


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)  # the bundled files are read-only
    return folder


# -- the bundled corpus ---------------------------------------------------------------------------
def test_ingest_corpus(corpus_index):
    settings, summary = corpus_index
    assert (summary.added, summary.updated, summary.unchanged, len(summary.failed)) == (9, 0, 0, 0)
    assert summary.exit_code() == 0 and summary.exit_code(strict=True) == 0
    assert summary.chunks == sum(len(expected_chunks(p)) for p in CORPUS.iterdir())
    assert msg.SUMMARY.format(added=9, updated=0, unchanged=0, failed=0, removed="", chunks=summary.chunks,
                              seconds=summary.seconds) in summary.report()
    assert_consistent(Store.open(settings))


def test_reingest_unchanged(corpus_index):
    settings, first = corpus_index
    store = Store.open(settings)
    before, stamp = store.count(), store.stamp()
    summary = ingest_paths([CORPUS], settings)
    assert (summary.added, summary.updated, summary.unchanged, summary.chunks) == (0, 0, 9, 0)
    assert summary.exit_code() == 0
    assert store.count() == before == first.chunks
    assert store.stamp() == stamp  # nothing changed, so derived indexes stay valid


def test_changed_file_is_updated_without_leftovers(corpus_copy, make_settings):
    settings = make_settings()
    ingest_paths([corpus_copy], settings)
    path = corpus_copy / TONGCHUAN
    store = Store.open(settings)
    doc_id = doc_id_for(path)
    old_ids = chunk_ids(store, doc_id)
    others = store.count() - len(old_ids)

    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if line.startswith("三是发挥青年志愿者"))
    lines[i] = lines[i].replace("20357人", "21000人")
    last = next(n for n, line in enumerate(lines) if line.startswith("下一步,团市委"))
    del lines[last]  # one paragraph fewer: its old chunks must not survive
    path.write_text("\n".join(lines), encoding="utf-8")

    summary = ingest_paths([corpus_copy], settings)
    assert statuses(summary)[TONGCHUAN] == "updated"
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 8)
    new = expected_chunks(path)
    assert chunk_ids(store, doc_id) == {c.chunk_id for c in new}
    assert not any(chunk_id.startswith(f"{doc_id}:15:") for chunk_id in chunk_ids(store, doc_id))  # 14 + the page's info
    assert len(old_ids) > len(new)
    texts = [text for _, text, _ in store.chunks_of([doc_id])]
    assert any("21000人" in t for t in texts) and not any("20357人" in t for t in texts)
    assert store.count() == others + len(new)
    assert store.document(doc_id).paragraphs == 14  # 13 of the article, the page's info
    assert_consistent(store)


def test_orphan_chunks_of_a_changed_file_are_replaced(corpus_copy, make_settings):
    """A run killed between a document's chunks and its record leaves chunks without a record. If the
    file then changes, the next run must replace them: Chroma's add would keep the old text under
    the same chunk id, so the pipeline may skip the delete only when no such orphans can exist."""
    settings = make_settings()
    ingest_paths([corpus_copy], settings)
    store = Store.open(settings)
    assert not store.orphans_possible(store.documents())
    path = corpus_copy / TONGCHUAN
    doc_id = doc_id_for(path)
    store.docs.delete(ids=[doc_id])  # the state a kill between the two writes leaves
    assert store.orphans_possible(store.documents())
    store.close()
    path.write_text(path.read_text(encoding="utf-8").replace("20357人", "21000人"), encoding="utf-8")

    summary = ingest_paths([corpus_copy], settings)
    assert statuses(summary)[TONGCHUAN] == "added"
    store = Store.open(settings)
    texts = [text for _, text, _ in store.chunks_of([doc_id])]
    assert any("21000人" in t for t in texts) and not any("20357人" in t for t in texts)
    assert chunk_ids(store, doc_id) == {c.chunk_id for c in expected_chunks(path)}
    assert_consistent(store)
    assert not store.orphans_possible(store.documents())


def test_embedding_failure_stops_the_run_and_a_rerun_completes(tmp_path, make_settings, make_reports, monkeypatch):
    """Embedding runs in a background thread: its error must reach the caller, not vanish."""
    make_reports(tmp_path / "docs", 40)
    monkeypatch.setattr(pipeline, "EMBED_BATCH", 8)
    embedder = pipeline.load_embedder(make_settings().embedding)
    real, calls = type(embedder).embed_documents, []

    def fail_on_third_call(self, texts):
        calls.append(len(texts))
        if len(calls) == 3:
            raise MemoryError("encoder ran out of memory")
        return real(self, texts)

    monkeypatch.setattr(type(embedder), "embed_documents", fail_on_third_call)
    settings = make_settings()
    with pytest.raises(MemoryError, match="encoder ran out of memory"):
        ingest_paths([tmp_path / "docs"], settings)
    store = Store.open(settings)
    assert 0 < len(store.documents()) < 40  # the batches before the failure landed
    assert_consistent(store)
    store.close()

    monkeypatch.setattr(type(embedder), "embed_documents", real)
    summary = ingest_paths([tmp_path / "docs"], settings)
    assert summary.added + summary.unchanged == 40 and not summary.failed
    assert_consistent(Store.open(settings))


def test_prune_removes_deleted_files(corpus_copy, make_settings):
    settings = make_settings()
    ingest_paths([corpus_copy], settings)
    store = Store.open(settings)
    gone = corpus_copy / "qingzhen-antidrug-2019.txt"
    doc_id = doc_id_for(gone)
    assert chunk_ids(store, doc_id)
    gone.unlink()

    kept = ingest_paths([corpus_copy], settings)  # without --prune the document stays
    assert (kept.unchanged, kept.removed) == (8, 0)
    assert store.document(doc_id) is not None

    summary = ingest_paths([corpus_copy], settings, prune=True)
    assert (summary.unchanged, summary.removed) == (8, 1)
    assert statuses(summary)["qingzhen-antidrug-2019.txt"] == "removed"
    assert msg.SUMMARY_REMOVED.format(removed=1) in summary.report()
    assert store.document(doc_id) is None
    assert chunk_ids(store, doc_id) == set()
    assert len(store.documents()) == 8
    assert_consistent(store)


def test_prune_only_below_the_given_paths(tmp_path, make_settings, make_reports):
    settings = make_settings()
    a = make_reports(tmp_path / "a", 3, seed=1)
    make_reports(tmp_path / "b", 2, seed=2)
    ingest_paths([tmp_path / "a", tmp_path / "b"], settings)
    a[0].unlink()
    assert ingest_paths([tmp_path / "b"], settings, prune=True).removed == 0
    assert Store.open(settings).document(doc_id_for(a[0])) is not None
    assert ingest_paths([tmp_path / "a"], settings, prune=True).removed == 1
    assert len(Store.open(settings).documents()) == 4


def test_a_file_named_twice_is_ingested_once(corpus_copy, make_settings):
    settings = make_settings()
    summary = ingest_paths([corpus_copy, corpus_copy / TONGCHUAN, corpus_copy / ".." / "corpus" / TONGCHUAN], settings)
    assert (summary.added, len(summary.results)) == (9, 9)
    assert_consistent(Store.open(settings))


def test_hidden_files_and_folders_are_skipped(tmp_path, make_settings, make_reports):
    make_reports(tmp_path / "docs", 2)
    make_reports(tmp_path / "docs" / ".cache", 2, seed=9)
    (tmp_path / "docs" / ".DS_Store").write_bytes(b"\x00\x01")
    summary = ingest_paths([tmp_path / "docs"], make_settings())
    assert (summary.added, len(summary.failed)) == (2, 0)


# -- bad inputs next to good ones ----------------------------------------------------------------
def write_bad_files(folder: Path) -> dict[str, str]:
    """Each bad file and a phrase its failure reason must contain."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "garbled.txt").write_bytes(b"\xff\xfe\xff" * 1000)
    (folder / "broken.html").write_text("<!-- 页面只剩注释 -->", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 2**20)  # sparse
    (folder / "notes.xyz").write_text("共青团", encoding="utf-8")
    (folder / "only-footer.txt").write_text("上一篇:某某活动\n下一篇:另一活动\n", encoding="utf-8")
    return {
        "empty.txt": msg.EMPTY_FILE,
        "image.txt": msg.BINARY_NUL,
        "garbled.txt": msg.UNDECODABLE,
        "broken.html": msg.BAD_HTML,
        "huge.txt": msg.TOO_BIG.format(mb=50, limit=20),
        "notes.xyz": msg.UNSUPPORTED.format(suffix=".xyz", supported=" ".join(SUPPORTED)),
        "only-footer.txt": msg.NO_ARTICLE_TEXT,
    }


def test_bad_files_alongside_good_ones(tmp_path, make_settings):
    folder = tmp_path / "mixed"
    bad = write_bad_files(folder)
    for name in (TONGCHUAN, "hubei-qingchuangdai-2022.html"):
        shutil.copy(CORPUS / name, folder / name)
    # Malformed but recoverable HTML lands rather than failing.
    (folder / "unclosed.html").write_text(
        "<html><body><p>团市委组织青年志愿者开展活动。<div><span>未闭合 <<>> </p></b></i>"
        "<table><tr><td>参与青年200余人。", encoding="utf-8")

    settings = make_settings()
    summary = ingest_paths([folder], settings)
    assert statuses(summary) == {**{name: "failed" for name in bad}, TONGCHUAN: "added",
                                 "hubei-qingchuangdai-2022.html": "added", "unclosed.html": "added"}
    got = reasons(summary)
    for name, phrase in bad.items():
        assert got[name] == phrase, (name, got[name])
    report = summary.report()
    for name in bad:
        assert msg.SUMMARY_FAILED.format(source=name, reason=bad[name]) in report
    assert summary.exit_code() == 0
    assert summary.exit_code(strict=True) == 1
    store = Store.open(settings)
    assert sorted(r.source for r in store.documents()) == sorted(
        [TONGCHUAN, "hubei-qingchuangdai-2022.html", "unclosed.html"])
    assert_consistent(store)


def test_all_bad_files_exit_1(tmp_path, make_settings):
    write_bad_files(tmp_path / "bad")
    summary = ingest_paths([tmp_path / "bad"], make_settings())
    assert len(summary.failed) == 7 and summary.added == 0
    assert summary.exit_code() == 1 and summary.exit_code(strict=True) == 1


def test_nothing_to_ingest_exit_1(tmp_path, make_settings):
    (tmp_path / "empty-folder").mkdir()
    summary = ingest_paths([tmp_path / "empty-folder"], make_settings())
    assert summary.results == [] and summary.exit_code() == 1


def test_missing_path_is_reported(tmp_path, make_settings):
    summary = ingest_paths([tmp_path / "no-such-report.txt"], make_settings())
    assert reasons(summary)["no-such-report.txt"] == msg.DISAPPEARED
    assert summary.exit_code() == 1


# -- scale and failure during a run ----------------------------------------------------------------
@pytest.mark.slow
def test_two_thousand_small_files(tmp_path, make_settings, make_reports):
    # Slow by design: ~115 s on 2 idle cores (180 s when the machine is busy). Encoding the ~3,000
    # chunks takes ~15 s; the rest is Chroma, which costs 20-60 ms per upsert call, and the pipeline
    # makes two per document (its chunks, then its record): 4,000 calls. Writing each flush's chunks
    # and records in one upsert each would cut this test to well under 30 s.
    paths = make_reports(tmp_path / "many", 2000)
    settings = make_settings()
    summary = ingest_paths([tmp_path / "many"], settings)
    assert (summary.added, len(summary.failed)) == (2000, 0)
    store = Store.open(settings)
    assert len(store.documents()) == 2000
    assert store.count() == summary.chunks == sum(len(expected_chunks(p)) for p in paths)
    assert_consistent(store)
    again = ingest_paths([tmp_path / "many"], settings)
    assert (again.unchanged, again.chunks) == (2000, 0)


def test_file_deleted_mid_run(tmp_path, make_settings, make_reports, monkeypatch):
    paths = make_reports(tmp_path / "docs", 6)
    victim = paths[3]
    real_load = pipeline.load_file

    def load_then_delete_the_next(path, *limits):
        if path == paths[2]:
            victim.unlink()  # gone after the file list was made, before it is read
        return real_load(path, *limits)

    monkeypatch.setattr(pipeline, "load_file", load_then_delete_the_next)
    settings = make_settings()
    summary = ingest_paths([tmp_path / "docs"], settings)
    assert reasons(summary) == {victim.name: msg.DISAPPEARED}
    assert summary.added == 5 and summary.exit_code() == 0
    assert {r.source for r in Store.open(settings).documents()} == {p.name for p in paths if p != victim}


def test_sigkill_midway_then_rerun(tmp_path, make_reports, killed_ingest):
    docs = tmp_path / "docs"
    make_reports(docs, 300, seed=7)
    killed_index = tmp_path / "killed-idx"
    killed_ingest(docs, {**os.environ, "YOUTHQA_INDEX": str(killed_index)}, 100, 120)

    settings = Settings(index=killed_index)
    partial = Store.open(settings)
    assert 100 <= len(partial.documents()) < 300

    summary = ingest_paths([docs], settings)
    assert len(summary.failed) == 0
    assert summary.unchanged >= 100 and summary.added + summary.unchanged == 300
    store = Store.open(settings)
    assert len(store.documents()) == 300
    clean = ingest_paths([docs], Settings(index=tmp_path / "clean-idx"))
    assert store.count() == Store.open(Settings(index=tmp_path / "clean-idx")).count() == clean.chunks
    assert_consistent(store)


def test_an_indicator_is_embedded_once_in_the_knowledge_base(tmp_path, make_settings, corpus, monkeypatch):
    import ingest.pipeline

    asked: list[str] = []
    real = ingest.pipeline.load_embedder

    def counting(*args):
        embedder = real(*args)
        embed = embedder.embed_documents

        def recorded(texts):
            asked.extend(texts)
            return embed(texts)

        monkeypatch.setattr(embedder, "embed_documents", recorded)
        return embedder

    monkeypatch.setattr(ingest.pipeline, "load_embedder", counting)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir(), second.mkdir()
    shutil.copy(corpus / "ningxia-registered-volunteers-2017.txt", first)
    ningxia = (corpus / "ningxia-registered-volunteers-2017.txt").read_text(encoding="utf-8")
    (second / "ningxia-again.txt").write_text(ningxia.replace("528740", "612345"), encoding="utf-8")
    shutil.copy(corpus / "hainan-youth-volunteers.md", second)
    settings = make_settings()
    ingest_paths([first], settings)
    store = Store.open(settings)
    held = {f.indicator for f in store.all_facts()}
    assert store.indicators.count() == len(held) and all(asked.count(i) == 1 for i in held)
    store.close()
    asked.clear()
    ingest_paths([second], settings)  # its indicators the knowledge base already has are not embedded again
    store = Store.open(settings)
    again = {f.indicator for f in store.all_facts() if f.source != "ningxia-registered-volunteers-2017.txt"}
    assert held < again and not held & set(asked) and again - held <= set(asked)
    assert store.indicators.count() == len(held | again)
    store.close()
