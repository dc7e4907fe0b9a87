"""app.service.Service when the knowledge base is busy or cannot be reached: a one-line Chinese message,
nothing already stored lost, and recovery without a restart.

Busy: a real second process holds the embedded index's lock (conftest's hold_index). Unreachable: a
free port nobody listens on, then a real `chroma run` started on that port, killed and started again.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from app.service import MSG_NO_INDEX, Service, Unavailable, UserError
from ingest import Settings, ingest_paths

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
    assert service.upload([incoming / "hainan-youth-volunteers.md"])[0][1] == "新增 (added)"
    return service, reports, incoming


def test_writes_are_refused_while_another_process_reads(kb, hold_index):
    service, reports, incoming = kb
    assert service.ask(TONGCHUAN).value == "20357人"  # our own reader is open: theirs shares the lock
    holder = hold_index(service.settings.index)
    before = snapshot(service)
    busy = f"知识库正被另一个进程使用,请稍后再试。原因:the index at {service.settings.index.resolve()} is open in " \
           f"another process (pid {holder.pid})"
    (incoming / "hainan-youth-volunteers.md").write_text("海南省团委报告\n\n海南全省注册青年志愿者1234人。\n",
                                                          encoding="utf-8")
    shutil.copy(XSS_REPORT, incoming)
    (incoming / "tool.exe").write_bytes(b"MZ")
    rows = {r[0]: r for r in service.upload(sorted(incoming.iterdir()))}
    assert "不支持的文件类型" in rows["tool.exe"][2]  # checked before the knowledge base is touched
    for name in ("hainan-youth-volunteers.md", "xss-report.txt"):
        assert rows[name][1] == "失败 (failed)" and one_line(rows[name][2], busy)
    with pytest.raises(Unavailable) as err:
        service.delete("hainan-youth-volunteers.md")
    assert one_line(str(err.value), busy) and err.value.status == 503
    (reports / "tongchuan-youth-league-2021-08-16.txt").unlink()  # re-index would drop it from the index
    with pytest.raises(Unavailable, match="请稍后再试"):
        service.reindex()
    assert snapshot(service) == before  # nothing removed, replaced, or left half-copied
    assert service.ask(TONGCHUAN).value == "20357人" and service.ask(HAINAN).value != "1234人"

    holder.communicate("go\n", timeout=30)  # the other process ends: the same actions now go through
    first = {d.doc_id for d in service.documents()}
    rows = {r[0]: r for r in service.upload(sorted(incoming.iterdir()))}
    assert rows["hainan-youth-volunteers.md"][1] == "新增 (added)" and rows["xss-report.txt"][1] == "新增 (added)"
    old_hainan = next(d.doc_id for d in service.documents("hainan") if d.doc_id in first)
    assert service.delete(old_hainan).startswith("已删除 hainan-youth-volunteers.md(上传 ")  # the edit replaces it
    assert service.ask(HAINAN).value == "1234人"
    assert service.delete(service.documents("xss")[0].doc_id).startswith("已删除 xss-report.txt")
    assert [r[:2] for r in service.reindex()] == [["tongchuan-youth-league-2021-08-16.txt", "已移除 (removed)"],
                                                  ["hainan-youth-volunteers.md", "未变化 (unchanged)"]]


def test_everything_waits_while_another_process_writes(kb, hold_index):
    service, _, incoming = kb
    before = snapshot(service)
    service.close()  # let go of our reader: even reading has to wait for the writer now
    holder = hold_index(service.settings.index, write=True)
    busy = f"知识库正被另一个进程写入,请稍后再试。原因:the index at {service.settings.index.resolve()} is being " \
           f"written by another process (pid {holder.pid})"
    for action in (lambda: service.ask(TONGCHUAN), service.documents, service.reindex,
                   lambda: service.delete("hainan-youth-volunteers.md")):
        with pytest.raises(Unavailable) as err:
            action()
        assert one_line(str(err.value), busy) and err.value.status == 503
    shutil.copy(XSS_REPORT, incoming)
    row = service.upload([incoming / "xss-report.txt"])[0]
    assert row[1] == "失败 (failed)" and one_line(row[2], busy)

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

    def refused(started: str):
        for action in (lambda: service.ask(TONGCHUAN), service.documents, service.reindex,
                       lambda: service.delete("x.txt")):
            with pytest.raises(Unavailable) as err:
                action()
            assert one_line(str(err.value), f"无法连接知识库服务器 127.0.0.1:{chroma.port},请确认 Chroma 服务器已启动,"
                                             f"稍后再试。原因:{started}") and err.value.status == 503
        before = uploaded()
        row = service.upload([XSS_REPORT])[0]
        assert row[1] == "失败 (failed)" and one_line(row[2], "无法连接知识库服务器")
        assert uploaded() == before  # no copy the index does not know

    refused("cannot reach the Chroma server at")  # never reached: unreachable, not "knowledge base is empty"
    chroma.start()
    try:
        with pytest.raises(UserError) as err:  # reachable now, and truly empty
            service.ask(TONGCHUAN)
        assert str(err.value) == MSG_NO_INDEX
        assert service.upload([report])[0][1] == "新增 (added)"
        assert service.ask(TONGCHUAN).value == "20357人"
        chroma.kill()
        refused("the Chroma server at")  # lost once open: "... is not answering"
        chroma.start()
        assert service.ask(TONGCHUAN).value == "20357人"  # the same Service, its knowledge base intact
        assert [(d.source, d.chunks > 0) for d in service.documents()] == [(report.name, True)]
    finally:
        chroma.kill()
