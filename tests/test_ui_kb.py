"""The 上传报告 and 知识库 tabs (app/web/ui_kb.py), their handlers called as Gradio calls them: an empty upload
and a search without a match answer where they were asked, delete happens only after a confirmation naming
the report, the last delete can be undone, and every change shows in the audit table."""
from __future__ import annotations

import gradio as gr
import pytest

from app.web import uploads
from app.web.render import message_html, safe
from app.web.service import Service
from ingest import Settings, ingest_paths
from ingest import messages as msg

from test_ui import TONGCHUAN, handlers

TONGCHUAN_FILE = "tongchuan-youth-league-2021-08-16.txt"
HAINAN_FILE = "hainan-youth-volunteers.md"
HAINAN = "海南全省线上注册的青年志愿者有多少人?"


@pytest.fixture
def page(tmp_path, corpus):
    settings = Settings(index=tmp_path / "idx")
    ingest_paths([corpus / TONGCHUAN_FILE, corpus / HAINAN_FILE], settings)
    service = Service(settings)
    return service, handlers(service)


def test_an_empty_upload_and_a_search_without_match_answer_in_place(page):
    service, on = page
    results, table, pick, status, files, note, log = on["on_upload"]([], "")
    assert (results, table, pick, status, files, log) == (gr.skip(),) * 6  # the last results stay
    assert note == message_html(msg.CHOOSE_FILES, "notice")
    table, pick, status = on["refresh"]("没有这个词")
    assert table == [] and status == safe(msg.NO_MATCH.format(query="没有这个词"))
    table, pick, status = on["refresh"]("hainan")
    assert [row[0] for row in table] == [HAINAN_FILE] and status == ""


def test_delete_asks_first_names_the_report_and_can_be_undone(page):
    service, on = page
    doc = service.documents("hainan")[0]
    before = service.ask(HAINAN).value
    confirm, question, status = on["on_ask_delete"](doc.doc_id)
    assert confirm["visible"] is True and status == ""
    assert question == safe(msg.CONFIRM_DELETE.format(label=f"{HAINAN_FILE} · {msg.CLI_ORIGIN}", chunks=doc.chunks,
                                                      hours=uploads.UNDO_HOURS))
    assert len(service.documents()) == 2  # asking deletes nothing
    confirm, _, status = on["on_ask_delete"](None)
    assert confirm["visible"] is False and status == safe(msg.CHOOSE_DOCUMENT)

    status, table, pick, confirm, undo, log = on["on_delete"](doc.doc_id, "")
    assert status == safe(msg.DELETED.format(source=HAINAN_FILE, origin=msg.CLI_ORIGIN, chunks=doc.chunks)
                          + msg.CAN_UNDO)
    assert [row[0] for row in table] == [TONGCHUAN_FILE] and confirm["visible"] is False
    assert undo["visible"] is True and undo["value"] == msg.UNDO_LABEL.format(source=HAINAN_FILE)
    assert service.ask(HAINAN).value != before

    status, table, pick, undo, log = on["on_undo"]("")
    assert status == safe(msg.RESTORED.format(source=HAINAN_FILE, origin=msg.CLI_ORIGIN, chunks=doc.chunks))
    assert len(table) == 2 and undo["visible"] is False
    assert service.ask(HAINAN).value == before and service.ask(TONGCHUAN).value == "20357人"
    assert on["on_undo"]("")[0] == safe(msg.NOTHING_TO_UNDO.format(hours=uploads.UNDO_HOURS))
    actions = msg.AUDIT_ACTIONS
    assert [row[1:4] for row in log[:2]] == [["local", actions["undo"], f"{HAINAN_FILE} · {msg.CLI_ORIGIN}"],
                                             ["local", actions["delete"], f"{HAINAN_FILE} · {msg.CLI_ORIGIN}"]]


def test_the_page_opens_with_the_audit_log_and_the_undo_button(page):
    service, on = page
    service.delete(service.documents("hainan")[0].doc_id, user="staff")
    table, pick, status, undo, log = on["on_open"]("")
    assert [row[0] for row in table] == [TONGCHUAN_FILE] and status == ""
    assert undo["visible"] is True and log[0][1:3] == ["staff", msg.AUDIT_ACTIONS["delete"]]
    status, *_, log = on["on_reindex"]("")
    assert status == safe(msg.REINDEXED.format(updated=0, removed=0, failed=0))
    assert log[0][1:5] == ["local", msg.AUDIT_ACTIONS["reindex"], msg.AUDIT_ALL, msg.REINDEXED.format(
        updated=0, removed=0, failed=0)]
