"""The audit log: who uploaded, deleted, restored or re-indexed which report, and what came of it.

One JSON line per event, appended to Settings.audit_file() (YOUTHQA_AUDIT; default <index>/audit.jsonl):

    {"time": "2026-11-30T14:02:11+0800", "user": "staff", "action": "upload", "report": "x.txt", "result": "新增"}

`user` is the login name, "local" when the page has no login; `action` one of upload, delete, undo, reindex.
The 知识库 tab shows the latest entries (`rows`).
"""
from __future__ import annotations

import json
import logging
import threading
import time

from ingest import messages as msg
from ingest.settings import Settings

log = logging.getLogger(__name__)

LOCAL = "local"
SHOWN = 20  # entries in the 知识库 tab
_TAIL = 64 * 1024  # bytes read from the end of the log: enough for SHOWN entries, whatever its size
_lock = threading.Lock()  # one server's threads never interleave their lines


def record(settings: Settings, user: str, action: str, report: str, result: str) -> None:
    """Append one event. A log that cannot be written is an error in the server log, not a failed action."""
    entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "user": user or LOCAL, "action": action,
             "report": report, "result": result}
    path = settings.audit_file()
    try:
        with _lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    except OSError as err:
        log.error("cannot write the audit log %s: %s (lost: %s)", path, err, entry)


def recent(settings: Settings, n: int = SHOWN) -> list[dict]:
    """The last n entries, newest first; lines that are not an entry (torn, edited by hand) are skipped."""
    try:
        with settings.audit_file().open("rb") as f:
            size = f.seek(0, 2)
            f.seek(max(0, size - _TAIL))
            lines = f.read().decode("utf-8", "replace").splitlines()[1 if size > _TAIL else 0:]
    except OSError:
        return []
    entries = []
    for line in reversed(lines):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            entries.append(entry)
        if len(entries) == n:
            break
    return entries


HEADERS = ["时间", "用户", "操作", "报告", "结果"]


def rows(entries: list[dict]) -> list[list[str]]:
    """Entries as rows of the 知识库 tab's table: time to the minute, the action in Chinese."""
    return [[str(e.get("time", ""))[:16].replace("T", " "), str(e.get("user", "")),
             msg.AUDIT_ACTIONS.get(e.get("action"), str(e.get("action", ""))), str(e.get("report", "")),
             str(e.get("result", ""))] for e in entries]
