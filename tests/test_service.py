"""app.web.service.Service when the knowledge base is busy or cannot be reached: a one-line Chinese message,
nothing already stored lost, and recovery without a restart.

Busy: a real second process holds the embedded index's lock (conftest's hold_index). Unreachable: a
free port nobody listens on, then a real `chroma run` started on that port, killed and started again.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from app.web.service import MSG_NO_INDEX, Service, Unavailable, UserError
from ingest import Settings, ingest_paths
from ingest import messages as msg
from ingest.lock import _command

from test_ui import TONGCHUAN, XSS_REPORT

HAINAN = "海南全省线上注册的青年志愿者有多少人?"


def snapshot(service: Service) -> tuple:
    """What must survive a refused action: the index's documents and the uploaded files' bytes."""
    docs = [(d.source, d.chunks, d.content_hash) for d in service.documents()]
    return docs, stored(service)


def stored(service: Service) -> dict:
    """{path under uploads/: bytes} of the files kept there."""
    return {str(p.relative_to(service.uploads)): p.read_bytes() for p in service.uploads.rglob("*") if p.is_file()}


def one_line(message: str, start: str) -> str:
    assert message.startswith(start) and "\n" not in message, message
    return message


@pytest.fixture
def kb(tmp_path, corpus):
    """A Service over an embedded index: Tongchuan ingested from a folder of ours, Hainan uploaded."""
    reports, incoming = tmp_path / "reports", tmp_path / "incoming"
    reports.mkdir()
    incoming.mkdir()
    shutil.copy(corpus / "tongchuan-youth-league-2021-08-16.txt", reports)
    shutil.copy(corpus / "hainan-youth-volunteers.md", incoming)
    settings = Settings(index=tmp_path / "idx")
    assert ingest_paths([reports], settings).added == 1
    service = Service(settings)
    assert service.upload([incoming / "hainan-youth-volunteers.md"])[0][1] == ADDED
    return service, reports, incoming


ADDED, UNCHANGED, FAILED = msg.STATUS["added"], msg.STATUS["unchanged"], msg.STATUS["failed"]


def busy(doing: str, pid: int) -> str:
    return msg.BUSY.format(doing=doing, holder=msg.HOLDER.format(pid=pid, command=_command(pid)))


def test_writes_are_refused_while_another_process_reads(kb, hold_index):
    service, reports, incoming = kb
    assert service.ask(TONGCHUAN).value == "20357人"  # our own reader is open: theirs shares the lock
    holder = hold_index(service.settings.index)
    before = snapshot(service)
    refused = busy(msg.BUSY_OPEN, holder.pid)
    (incoming / "hainan-youth-volunteers.md").write_text("海南省团委报告\n\n海南全省注册青年志愿者1234人。\n",
                                                          encoding="utf-8")
    shutil.copy(XSS_REPORT, incoming)
    (incoming / "tool.exe").write_bytes(b"MZ")
    rows = {r[0]: r for r in service.upload(sorted(incoming.iterdir()))}
    assert rows["tool.exe"][2].startswith(msg.UNSUPPORTED.split("{")[0])  # checked before the knowledge base is touched
    for name in ("hainan-youth-volunteers.md", "xss-report.txt"):
        assert rows[name][1] == FAILED and one_line(rows[name][2], refused)
    with pytest.raises(Unavailable) as err:
        service.delete("hainan-youth-volunteers.md")
    assert one_line(str(err.value), refused) and err.value.status == 503
    (reports / "tongchuan-youth-league-2021-08-16.txt").unlink()  # re-index would drop it from the index
    with pytest.raises(Unavailable) as err:
        service.reindex()
    assert str(err.value) == refused
    assert snapshot(service) == before  # nothing removed, replaced, or left half-copied
    assert service.ask(TONGCHUAN).value == "20357人" and service.ask(HAINAN).value != "1234人"

    holder.communicate("go\n", timeout=30)  # the other process ends: the same actions now go through
    first = {d.doc_id for d in service.documents()}
    rows = {r[0]: r for r in service.upload(sorted(incoming.iterdir()))}
    assert rows["hainan-youth-volunteers.md"][1] == ADDED and rows["xss-report.txt"][1] == ADDED
    old = next(d for d in service.documents("hainan") if d.doc_id in first)
    assert service.delete(old.doc_id) == msg.DELETED.format(  # the edit replaces it
        source=old.source, origin=old.origin, chunks=old.chunks) + msg.CAN_UNDO
    assert service.ask(HAINAN).value == "1234人"
    xss = service.documents("xss")[0]
    assert service.delete(xss.doc_id).startswith(msg.DELETED.format(source=xss.source, origin=xss.origin,
                                                                    chunks=xss.chunks))
    assert [r[:2] for r in service.reindex()] == [["tongchuan-youth-league-2021-08-16.txt", msg.STATUS["removed"]],
                                                  ["hainan-youth-volunteers.md", UNCHANGED]]


def test_everything_waits_while_another_process_writes(kb, hold_index):
    service, _, incoming = kb
    before = snapshot(service)
    service.close()  # let go of our reader: even reading has to wait for the writer now
    holder = hold_index(service.settings.index, write=True)
    refused = busy(msg.BUSY_WRITING, holder.pid)
    for action in (lambda: service.ask(TONGCHUAN), service.documents, service.reindex,
                   lambda: service.delete("hainan-youth-volunteers.md")):
        with pytest.raises(Unavailable) as err:
            action()
        assert one_line(str(err.value), refused) and err.value.status == 503
    shutil.copy(XSS_REPORT, incoming)
    row = service.upload([incoming / "xss-report.txt"])[0]
    assert row[1] == FAILED and one_line(row[2], refused)

    holder.communicate("go\n", timeout=30)
    assert service.ask(TONGCHUAN).value == "20357人"  # the same Service recovers: nothing was cached
    assert snapshot(service) == before


@pytest.mark.skipif(not (Path(sys.executable).parent / "chroma").exists(), reason="no chroma CLI in this venv")
def test_unreachable_server_is_not_an_empty_index_and_recovers(tmp_path, corpus, chroma_server):
    chroma = chroma_server(tmp_path / "chroma")  # picks a free port; not started yet
    service = Service(chroma.settings("unreachable", tmp_path / "local"))
    shutil.copy(corpus / "tongchuan-youth-league-2021-08-16.txt", tmp_path)
    report = tmp_path / "tongchuan-youth-league-2021-08-16.txt"
    uploaded = lambda: sorted(p.name for p in service.uploads.glob("*"))  # noqa: E731

    down = msg.UNREACHABLE.format(where=f"127.0.0.1:{chroma.port}")

    def refused():
        for action in (lambda: service.ask(TONGCHUAN), service.documents, service.reindex,
                       lambda: service.delete("x.txt")):
            with pytest.raises(Unavailable) as err:
                action()
            assert str(err.value) == down and err.value.status == 503
        before = uploaded()
        row = service.upload([XSS_REPORT])[0]
        assert row[1:3] == [FAILED, down]
        assert uploaded() == before  # no copy the index does not know

    refused()  # never reached: unreachable, not "knowledge base is empty"
    chroma.start()
    try:
        with pytest.raises(UserError) as err:  # reachable now, and truly empty
            service.ask(TONGCHUAN)
        assert str(err.value) == MSG_NO_INDEX
        assert service.upload([report])[0][1] == ADDED
        assert service.ask(TONGCHUAN).value == "20357人"
        chroma.kill()
        refused()  # lost once open: the same message
        chroma.start()
        assert service.ask(TONGCHUAN).value == "20357人"  # the same Service, its knowledge base intact
        assert [(d.source, d.chunks > 0) for d in service.documents()] == [(report.name, True)]
    finally:
        chroma.kill()


# -- uploads: identity, bounds, staging, questions during an upload --------------------------
TONGCHUAN_NAME = "tongchuan-youth-league-2021-08-16.txt"


def edited_tongchuan(folder: Path, corpus: Path) -> Path:
    folder.mkdir(exist_ok=True)
    text = (corpus / TONGCHUAN_NAME).read_text(encoding="utf-8").replace("20357", "88888")
    (folder / TONGCHUAN_NAME).write_text(text, encoding="utf-8")
    return folder / TONGCHUAN_NAME


def test_a_same_name_upload_is_another_document(kb, corpus):
    service, reports, incoming = kb
    calls = []
    edited = edited_tongchuan(incoming, corpus)
    rows = service.upload([edited], progress=lambda done, what: calls.append((done, what)), user="staff")
    assert [r[:2] for r in rows] == [[TONGCHUAN_NAME, ADDED]]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls) and all(0 <= d <= 1 for d, _ in calls)
    assert any(TONGCHUAN_NAME in what for _, what in calls)
    docs = service.documents("tongchuan")
    assert sorted(d.origin[:3] for d in docs) == ["", "上传 "] and next(d for d in docs if d.origin).origin.endswith(
        " · staff")
    assert [d.source for d in service.documents("staff")] == [TONGCHUAN_NAME]  # the origin is searchable
    upload = next(d for d in docs if d.origin)
    assert Path(upload.path).parent.parent == service.uploads.resolve() and Path(upload.path).read_bytes() == \
        edited.read_bytes()

    before = stored(service)
    assert service.upload([edited])[0][1] == UNCHANGED and stored(service) == before  # the same file again
    answer = service.ask(TONGCHUAN)
    for cite in answer.citations:  # whichever report wins, its citation says which upload it is
        if "88888" in cite.text:
            assert cite.origin == upload.origin and cite.label().endswith(f"第7段 · {upload.origin}")
        elif "20357" in cite.text:
            assert cite.origin == "" and cite.label().endswith("第7段")

    for unknown in ("no-such-id", "", "a\nb"):
        message = service.delete(unknown)
        assert message == msg.NOT_FOUND.format(doc_id=" ".join(unknown.split())) and "\n" not in message
    assert service.delete(upload.doc_id) == msg.DELETED.format(source=TONGCHUAN_NAME, origin=upload.origin,
                                                               chunks=upload.chunks) + msg.CAN_UNDO
    assert [d.origin for d in service.documents("tongchuan")] == [""]  # exactly that row went
    assert (reports / TONGCHUAN_NAME).exists() and not Path(upload.path).parent.exists()
    assert service.ask(TONGCHUAN).value == "20357人"


def test_an_index_without_origins_still_opens(tmp_path, corpus):
    """An index written before documents had an origin: records (their fields as metadata values, as then) and
    chunks (every field of the report in every chunk, the text as the document) without the field."""
    from ingest.store import Store

    settings = Settings(index=tmp_path / "idx")
    ingest_paths([corpus / TONGCHUAN_NAME], settings)
    store = Store.open(settings, write=True)
    old = {i: (t, {k: v for k, v in m.items() if k != "origin"}) for i, t, m in store.all_chunks()}
    got = store.chunks.get(include=["embeddings"])
    store.chunks.delete(ids=got["ids"])
    store.chunks.add(ids=got["ids"], embeddings=got["embeddings"], documents=[old[i][0] for i in got["ids"]],
                     metadatas=[old[i][1] for i in got["ids"]])
    records = [{k: v for k, v in vars(r).items() if k != "origin"} for r in store.documents()]
    store.docs.delete(ids=[r["doc_id"] for r in records])
    store.docs.add(ids=[r["doc_id"] for r in records], embeddings=[[1.0]] * len(records), metadatas=records)
    assert not any("origin" in m or "record" in m for c in (store.docs, store.chunks)
                   for m in c.get(include=["metadatas"])["metadatas"])
    store.touch()
    store.close()
    service = Service(settings)
    assert [(d.source, d.origin) for d in service.documents()] == [(TONGCHUAN_NAME, "")]
    answer = service.ask(TONGCHUAN)
    assert answer.value == "20357人" and answer.citations[0].origin == "" and answer.citations[0].label().endswith("第7段")


def test_an_upload_of_an_earlier_version_is_deleted_with_its_file(tmp_path, corpus):
    """Earlier versions kept uploads flat, as uploads/<name>: delete still removes the file with the row."""
    service = Service(Settings(index=tmp_path / "idx"))
    service.uploads.mkdir(parents=True)
    flat = Path(shutil.copy(corpus / "hainan-youth-volunteers.md", service.uploads))
    ingest_paths([flat, corpus / TONGCHUAN_NAME], service.settings)
    doc = service.documents("hainan")[0]
    assert service.delete(doc.doc_id) == msg.DELETED.format(source=doc.source, origin=msg.CLI_ORIGIN,
                                                            chunks=doc.chunks) + msg.CAN_UNDO
    assert not flat.exists() and (corpus / TONGCHUAN_NAME).exists()  # a corpus file is never removed
    assert [d.source for d in service.documents()] == [TONGCHUAN_NAME]


def test_a_file_past_the_chunk_bound_is_refused_and_not_kept(tmp_path, corpus):
    service = Service(Settings(index=tmp_path / "idx", max_chunks=10))
    rows = service.upload([corpus / TONGCHUAN_NAME, corpus / "hainan-youth-volunteers.md"])
    assert rows[0] == [TONGCHUAN_NAME, FAILED, msg.TOO_MANY_CHUNKS.format(name=TONGCHUAN_NAME, chunks=16, limit=10), 0]
    assert rows[1][:2] == ["hainan-youth-volunteers.md", ADDED]
    from app.web import uploads

    assert list(stored(service)) == [f"{uploads.content_id(corpus / 'hainan-youth-volunteers.md')}/"
                                     "hainan-youth-volunteers.md"]  # and nothing staged is left


def test_a_failed_upload_never_touches_the_stored_copy(kb, monkeypatch):
    service, _, incoming = kb
    good = stored(service)
    bad = incoming / "hainan-youth-volunteers.md"
    bad.write_bytes(b"\x00\x01binary" * 100)  # the same name, not a report
    row = service.upload([bad])[0]
    assert row == ["hainan-youth-volunteers.md", FAILED, msg.BINARY_NUL, 0]
    assert stored(service) == good
    assert [r[1] for r in service.reindex()] == [UNCHANGED] * 2  # the stored copy still ingests

    from ingest.store import Store

    def chroma_goes_away(self, items, **kwargs):
        raise RuntimeError("the Chroma server went away")

    (incoming / "hainan-youth-volunteers.md").write_text("海南省团委报告\n\n海南全省注册青年志愿者1234人。\n",
                                                          encoding="utf-8")
    monkeypatch.setattr(Store, "put_documents", chroma_goes_away)
    with pytest.raises(RuntimeError):
        service.upload([incoming / "hainan-youth-volunteers.md"])
    assert stored(service) == good and not (service.uploads / ".staging").exists()


def test_a_question_does_not_wait_for_an_upload(kb, monkeypatch):
    """The upload is held inside its ingest (its file being read) until a question has been answered."""
    import threading

    import ingest.pipeline as pipeline

    service, _, incoming = kb
    reading, go_on, real_load = threading.Event(), threading.Event(), pipeline.load_file

    def slow_load(*args, **kwargs):
        reading.set()
        go_on.wait(120)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_file", slow_load)
    shutil.copy(XSS_REPORT, incoming)
    upload = threading.Thread(target=service.upload, args=([incoming / "xss-report.txt"],))
    upload.start()
    try:
        assert reading.wait(60)
        answers = []
        asking = threading.Thread(target=lambda: answers.append(service.ask(TONGCHUAN)))
        asking.start()
        asking.join(timeout=60)  # before the split: waited for the upload, i.e. for ever here
        assert answers and answers[0].value == "20357人" and upload.is_alive()
        assert len(service.documents()) == 2  # the listing does not wait either
    finally:
        go_on.set()
        upload.join(timeout=120)
    assert [d.source for d in service.documents("xss")] == ["xss-report.txt"]
