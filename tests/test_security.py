"""Attacks on the real server (uvicorn on 127.0.0.1, corpus/ ingested), each refused: server files read
through a chat or upload payload, a hang from /dev/zero, DNS rebinding (foreign Host/Origin), login
guessing, weak passwords, routes that answered without login, fetches of client-named addresses.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import httpx
import pytest

from app.web.limits import LoginLimiter
from app.web.server import parse_auth
from ingest import Settings, ingest_paths
from ingest import messages as msg
from test_ui import CORPUS, TONGCHUAN, XSS_REPORT

PASSWD = {"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}, "orig_name": "passwd"}
USER, PASSWORD = "staff", "correct-horse-9"


def fn_index(base: str, http: httpx.Client, name: str) -> int:
    deps = http.get(f"{base}/config", timeout=30).json()["dependencies"]
    return next(d["id"] for d in deps if d.get("api_name") == name)


def join(http: httpx.Client, base: str, fn: int, data: list, session: str = "s1") -> httpx.Response:
    return http.post(f"{base}/gradio_api/queue/join",
                     json={"data": data, "fn_index": fn, "session_hash": session, "event_data": None}, timeout=30)


def completed(http: httpx.Client, base: str, session: str = "s1") -> dict:
    """The process_completed message of a joined event, read from the queue's event stream."""
    with http.stream("GET", f"{base}/gradio_api/queue/data", params={"session_hash": session}, timeout=60) as s:
        for line in s.iter_lines():
            if line.startswith("data:"):
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("no process_completed message")


def call_ask(http: httpx.Client, base: str, data: list, headers: dict | None = None) -> tuple[int, str]:
    got = http.post(f"{base}/gradio_api/call/ask", json={"data": data}, headers=headers or {}, timeout=30)
    if got.status_code != 200:
        return got.status_code, got.text
    with http.stream("GET", f"{base}/gradio_api/call/ask/{got.json()['event_id']}", timeout=60) as s:
        return 200, "".join(s.iter_text())


# -- 1, 2: files named in event payloads ------------------------------------------------------
def test_a_chat_message_cannot_read_a_server_file(served):
    base = served[0]
    with httpx.Client() as http:
        chat = [{"role": "user", "content": [{"type": "file", "file": PASSWD}]}]
        status, body = call_ask(http, base, ["hi", chat, []])
        assert status == 400 and "root:" not in body and "passwd" not in body
        status, body = call_ask(http, base, [PASSWD, [], []])  # a file where the question goes
        assert status == 400
        status, body = call_ask(http, base, [TONGCHUAN])  # the documented call still works
        assert status == 200 and "20357" in body


def test_the_upload_event_takes_only_this_sessions_uploads(served):
    base = served[0]
    with httpx.Client() as mine, httpx.Client() as theirs:
        for http in (mine, theirs):
            http.get(f"{base}/")  # each gets its own session cookie, as a browser does
        upload = fn_index(base, mine, "on_upload")
        assert join(mine, base, upload, [[PASSWD], ""]).status_code == 400
        with XSS_REPORT.open("rb") as f:
            got = mine.post(f"{base}/gradio_api/upload", files={"files": ("xss-report.txt", f, "text/plain")})
        assert got.status_code == 200
        path = got.json()[0]
        entry = {"path": path, "meta": {"_type": "gradio.FileData"}, "orig_name": "xss-report.txt"}
        assert join(theirs, base, upload, [[entry], ""], "s2").status_code == 400  # not their upload
        assert join(mine, base, upload, [[entry], ""]).status_code == 200
        rows = completed(mine, base)["output"]["data"][0]
        assert "xss-report.txt" in json.dumps(rows, ensure_ascii=False) and "失败" not in json.dumps(rows)


def test_dev_zero_is_refused_and_the_server_keeps_answering(served):
    base = served[0]
    zero = {"path": "/dev/zero", "meta": {"_type": "gradio.FileData"}}
    with httpx.Client() as http:
        started = time.monotonic()
        status, _ = call_ask(http, base, ["hi", [{"role": "user", "content": [{"type": "file", "file": zero}]}], []])
        assert status == 400 and time.monotonic() - started < 10
        assert join(http, base, fn_index(base, http, "on_upload"), [[zero], ""]).status_code == 400
        assert http.get(f"{base}/api/health", timeout=5).status_code == 200


def test_the_server_fetches_no_address_a_client_names(served):
    got = httpx.get(f"{served[0]}/gradio_api/file=http://127.0.0.1:9/x", timeout=10)
    assert got.status_code == 403
    assert httpx.get(f"{served[0]}/gradio_api/file=/etc/passwd", timeout=10).status_code in (403, 404)


# -- 3: DNS rebinding --------------------------------------------------------------------------
@pytest.mark.parametrize("route", ["/", "/config", "/api/health", "/gradio_api/info"])
def test_a_foreign_host_name_is_refused(served, route):
    port = served[0].rsplit(":", 1)[1]
    got = httpx.get(f"{served[0]}{route}", headers={"Host": f"evil.example:{port}"}, timeout=10)
    assert got.status_code == 403 and "evil.example" in got.json()["error"]
    assert httpx.get(f"{served[0]}{route}", headers={"Host": f"localhost:{port}"}, timeout=30).status_code == 200


def test_a_foreign_origin_cannot_ask_or_change_anything(served):
    evil = {"Origin": "http://evil.example:7872"}
    got = httpx.post(f"{served[0]}/api/ask", json={"question": TONGCHUAN}, headers=evil, timeout=10)
    assert got.status_code == 403
    with httpx.Client() as http:
        assert call_ask(http, served[0], [TONGCHUAN], headers=evil)[0] == 403
        same = {"Origin": served[0]}
        assert call_ask(http, served[0], [TONGCHUAN], headers=same)[0] == 200


# -- 9, 10: login ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def guarded(tmp_path_factory, free_port):
    """A server with a login: (url, settings)."""
    from conftest import _start_server

    tmp = tmp_path_factory.mktemp("guarded")
    settings = Settings(index=tmp / "idx", auth=f"{USER}:{PASSWORD},other:another-pass-7")
    ingest_paths([CORPUS / "tongchuan-youth-league-2021-08-16.txt"], settings)
    port = free_port()
    stop = _start_server(settings, port)
    yield f"http://127.0.0.1:{port}", settings
    stop()


def test_login_works_and_routes_need_it(guarded):
    base = guarded[0]
    with httpx.Client() as http:
        assert http.get(f"{base}/").status_code == 200  # the login page
        for method, route in (("POST", "/gradio_api/cancel"), ("POST", "/gradio_api/reset"),
                              ("GET", "/gradio_api/heartbeat/abc"), ("GET", "/config"),
                              ("POST", "/gradio_api/queue/join"), ("GET", "/gradio_api/info")):
            got = http.request(method, f"{base}{route}", json={"session_hash": "x", "fn_index": 0, "event_id": "e"})
            assert got.status_code == 401, (route, got.status_code)
        assert http.post(f"{base}/login", data={"username": "other", "password": "another-pass-7"}).status_code == 200
        assert http.get(f"{base}/config").status_code == 200
        assert call_ask(http, base, [TONGCHUAN])[1].count("20357") >= 1
    got = httpx.post(f"{base}/api/ask", json={"question": TONGCHUAN}, auth=("other", "another-pass-7"), timeout=60)
    assert got.status_code == 200 and got.json()["value"] == "20357人"


def test_guessing_a_password_is_slowed_down(guarded):
    """Last of the login tests: it leaves 127.0.0.1 waiting."""
    base = guarded[0]
    with httpx.Client() as http:
        codes = [http.post(f"{base}/login", data={"username": USER, "password": f"guess{i}"}).status_code
                 for i in range(8)]
        assert codes[:5] == [400] * 5 and set(codes[5:]) == {429}, codes
        got = http.post(f"{base}/login", data={"username": USER, "password": PASSWORD})
        assert got.status_code == 429 and int(got.headers["retry-after"]) >= 1  # even the right one waits
        basic = http.post(f"{base}/api/ask", json={"question": TONGCHUAN}, auth=(USER, PASSWORD))
        assert basic.status_code == 429  # the same client, through HTTP Basic


def test_login_back_off_doubles_and_forgets_on_success():
    now = [0.0]
    limiter = LoginLimiter(client_free=2, user_free=3, longest=8, clock=lambda: now[0])
    for _ in range(2):
        assert limiter.blocked("a", "u") == 0
        limiter.failed("a", "u")
    assert limiter.blocked("a", "u") == 1 and limiter.blocked("b", "v") == 0
    limiter.failed("a", "u")
    assert limiter.blocked("a", "u") == 2 and limiter.blocked("b", "u") == 1  # the user's own allowance
    for _ in range(5):
        limiter.failed("a", "u")
    assert limiter.blocked("a", "u") == 8  # capped
    now[0] = 100.0
    limiter.succeeded("a", "u")
    assert limiter.blocked("a", "u") == 0


def test_weak_passwords_are_refused_at_start(free_port):
    with pytest.raises(ValueError, match="至少需要 8 个字符"):
        parse_auth("a:a")
    assert parse_auth("a:12345678") == [("a", "12345678")]
    env = {**os.environ, "YOUTHQA_AUTH": "a:a", "PYTHONUNBUFFERED": "1"}
    got = subprocess.run([sys.executable, "-m", "app.cli", "serve", "--port", str(free_port())], env=env,
                         capture_output=True, text=True, timeout=120, cwd=CORPUS.parent)
    assert got.returncode == 2 and "密码太短" in got.stderr and len(got.stderr.strip().splitlines()) == 1


def test_a_public_address_needs_its_host_names(monkeypatch, capsys, free_port):
    from app.cli import main

    monkeypatch.setenv("YOUTHQA_AUTH", f"{USER}:{PASSWORD}")
    monkeypatch.delenv("YOUTHQA_PUBLIC_HOSTS", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", str(free_port())]) == 2
    assert "YOUTHQA_PUBLIC_HOSTS" in capsys.readouterr().err


# -- 10: file names are text; Gradio's copies do not outlive the upload ----------------------------
def test_a_file_name_is_never_markup_and_gradios_copy_is_removed(served):
    base = served[0]
    name = "![x](http://127.0.0.1:9/x.png)[y](javascript:alert(1)).txt"
    with httpx.Client() as http:
        http.get(f"{base}/")
        got = http.post(f"{base}/gradio_api/upload", files={"files": (name, XSS_REPORT.read_bytes(), "text/plain")})
        path = got.json()[0]
        entry = {"path": path, "meta": {"_type": "gradio.FileData"}, "orig_name": name}
        assert join(http, base, fn_index(base, http, "on_upload"), [[entry], ""], "s3").status_code == 200
        rows, _, pick, *_ = completed(http, base, "s3")["output"]["data"]
        assert rows["data"][0][1] == msg.STATUS["added"], rows
        assert not os.path.exists(path) and not os.path.exists(os.path.dirname(path))
        stored = rows["data"][0][0]  # Gradio strips "/" and ":" from names; brackets stay
        assert "](" in stored
        doc_id = next(value for label, value in pick["choices"] if label.startswith(stored))
        assert join(http, base, fn_index(base, http, "on_delete"), [doc_id, ""], "s3").status_code == 200
        status = completed(http, base, "s3")["output"]["data"][0]
        assert status.startswith("已删除") and not set("[]()!") & set(status), status
