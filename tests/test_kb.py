"""app/web/kb.py through app.web.service.Service: undo of the last delete (uploads too: their file is kept aside under
the index until the next delete or uploads.UNDO_HOURS), and the audit log (app/web/audit.py) of every change."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.web import audit, uploads
from app.web.service import Service
from ingest import Settings, ingest_paths
from ingest import messages as msg

from test_ui import TONGCHUAN, XSS_REPORT

TONGCHUAN_FILE = "tongchuan-youth-league-2021-08-16.txt"
XSS_QUESTION = "某某团委注册志愿者有多少人?"


@pytest.fixture
def service(tmp_path, corpus):
    settings = Settings(index=tmp_path / "idx", audit=str(tmp_path / "logs" / "audit.jsonl"))
    ingest_paths([corpus / TONGCHUAN_FILE], settings)
    return Service(settings)


def entries(service: Service) -> list[dict]:
    return [json.loads(line) for line in service.settings.audit_file().read_text(encoding="utf-8").splitlines()]


def test_an_uploaded_report_comes_back_with_its_file_and_origin(service, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    shutil.copy(XSS_REPORT, incoming)
    assert service.upload([incoming / "xss-report.txt"], user="staff")[0][1] == msg.STATUS["added"]
    doc = service.documents("xss")[0]
    kept = Path(doc.path)
    assert service.ask(XSS_QUESTION).value.replace(" ", "") == "4321人"

    assert service.delete(doc.doc_id, user="staff").endswith(msg.CAN_UNDO)
    assert not kept.exists() and service.undoable() == "xss-report.txt"
    aside = service.settings.index / uploads.UNDO
    assert (aside.stat().st_mode & 0o777) == 0o700  # the index's own copy of someone's report: private
    assert "4321" not in service.ask(XSS_QUESTION).value

    assert service.undo(user="boss") == msg.RESTORED.format(source=doc.source, origin=doc.origin, chunks=doc.chunks)
    back = service.documents("xss")[0]
    assert (back.doc_id, back.path, back.origin) == (doc.doc_id, doc.path, doc.origin)
    assert kept.read_bytes() == XSS_REPORT.read_bytes() and not aside.exists()
    assert service.ask(XSS_QUESTION).value.replace(" ", "") == "4321人"
    assert service.undoable() == "" and service.undo() == msg.NOTHING_TO_UNDO.format(hours=uploads.UNDO_HOURS)

    logged = [(e["user"], e["action"], e["report"]) for e in entries(service)]
    label = f"xss-report.txt · {doc.origin}"
    assert logged == [("staff", "upload", "xss-report.txt"), ("staff", "delete", label), ("boss", "undo", label)]
    assert all(set(e) == {"time", "user", "action", "report", "result"} for e in entries(service))


def test_only_the_last_delete_is_kept_and_only_for_a_while(service, corpus, monkeypatch):
    ingest_paths([corpus / "hainan-youth-volunteers.md"], service.settings)
    hainan, tongchuan = service.documents("hainan")[0], service.documents("tongchuan")[0]
    service.delete(hainan.doc_id)
    service.delete(tongchuan.doc_id)
    assert service.undoable() == TONGCHUAN_FILE  # the next delete replaces the one kept
    monkeypatch.setattr(uploads, "UNDO_HOURS", 0)
    assert service.undoable() == "" and not (service.settings.index / uploads.UNDO).exists()
    assert service.undo() == msg.NOTHING_TO_UNDO.format(hours=0)
    assert (corpus / TONGCHUAN_FILE).exists()  # a file ingested from the command line is never removed


def test_a_report_ingested_from_the_command_line_comes_back_as_it_was(service, corpus):
    doc = service.documents()[0]
    service.delete(doc.doc_id)
    assert service.undo() == msg.RESTORED.format(source=TONGCHUAN_FILE, origin=msg.CLI_ORIGIN, chunks=doc.chunks)
    back = service.documents()[0]
    assert (back.doc_id, back.path, back.origin, back.content_hash) == (doc.doc_id, doc.path, "", doc.content_hash)
    assert service.ask(TONGCHUAN).value == "20357人"


def test_failures_and_reindex_are_audited_and_the_log_is_read_backwards(service, tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "notes.exe").write_bytes(b"MZ")
    service.upload([tmp_path / "broken.pdf", tmp_path / "notes.exe"])
    service.delete("no-such-id")
    service.reindex(user="staff")
    got = entries(service)
    assert [(e["user"], e["action"], e["report"]) for e in got] == [
        ("local", "upload", "notes.exe"), ("local", "upload", "broken.pdf"), ("local", "delete", "no-such-id"),
        ("staff", "reindex", msg.AUDIT_ALL)]
    assert got[1]["result"] == f"{msg.STATUS['failed']}:{msg.BAD_PDF}"
    assert got[3]["result"] == msg.REINDEXED.format(updated=0, removed=0, failed=0)
    with service.settings.audit_file().open("a", encoding="utf-8") as f:
        f.write("not json\n")  # a torn line is skipped, not an error
    rows = service.audit_rows()
    assert [r[2] for r in rows] == [msg.AUDIT_ACTIONS[a] for a in ("reindex", "delete", "upload", "upload")]
    assert len(audit.recent(service.settings, 2)) == 2


def test_the_audit_log_lives_in_the_index_unless_youthqa_audit_says_otherwise(tmp_path):
    assert Settings.from_env({}).audit_file() == Path(".youthqa-index") / "audit.jsonl"
    assert Settings.from_env({}).with_(index=tmp_path / "b").audit_file() == tmp_path / "b" / "audit.jsonl"
    assert Settings.from_env({"YOUTHQA_AUDIT": "/var/log/youthqa.jsonl"}).audit_file() == Path("/var/log/youthqa.jsonl")
