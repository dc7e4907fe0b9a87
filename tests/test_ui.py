"""The web UI and HTTP API: gradio_client against /ask, POST /api/ask, messages, serve refusal, escaping,
the page's one-line message when the knowledge base is busy or its server cannot be reached.

One module-wide server (conftest's `served`): corpus/ ingested into a tmp index, the FastAPI app
(Gradio mounted at "/") run by uvicorn in a background thread on a free 127.0.0.1 port.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from app.web.render import answer_html, message_html, passages_html, safe  # noqa: E402
from app.web.server import is_loopback, parse_auth  # noqa: E402
from app.web.service import MSG_EMPTY, MSG_NO_INDEX, UPLOAD_TYPES, Service, UserError  # noqa: E402
from ingest import Answer, Citation, Settings, ingest_paths  # noqa: E402
from ingest import messages as msg  # noqa: E402
from ingest.lock import _command  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
XSS_REPORT = Path(__file__).resolve().parent / "data" / "reports" / "xss-report.txt"
TONGCHUAN = "铜川的志愿汇平台注册了多少志愿者?"


@pytest.fixture(scope="module")
def client(served):
    from gradio_client import Client

    c = Client(served[0], verbose=False)
    yield c
    c.close()


def test_gradio_client_ask_returns_figure_and_citation(client):
    out = str(client.predict(TONGCHUAN, api_name="/ask"))
    assert "20357" in out and "第7段" in out
    assert "<strong" in out and "<mark>" in out and "<details" in out


def test_api_ask_returns_the_cli_json(served):
    got = httpx.post(f"{served[0]}/api/ask", json={"question": TONGCHUAN}, timeout=60)
    assert got.status_code == 200
    body = got.json()
    assert set(body) == set(Answer("", "", "", False).to_dict())
    assert body["value"] == "20357人" and body["found"] is True
    assert body["citations"][0]["paragraph"] == 7
    assert body["citations"][0]["source"] == "tongchuan-youth-league-2021-08-16.txt"


def test_api_follow_up_uses_history(served):
    history = [[TONGCHUAN, "20357人。"]]
    # the place swapped, the thing counted kept ("那团员呢?" is a known miss of the learned choice: test_answer.py)
    got = httpx.post(f"{served[0]}/api/ask", json={"question": "宁夏呢?", "history": history}, timeout=60)
    assert got.status_code == 200 and got.json()["value"] == "528740人"


def test_empty_and_too_long_questions_get_a_friendly_message(served, client):
    assert MSG_EMPTY in str(client.predict("", api_name="/ask"))
    long_out = str(client.predict("问" * 1001, api_name="/ask"))
    assert "最多 1000 个字" in long_out and "1001" in long_out and "Traceback" not in long_out
    chat = client.predict("问" * 10, api_name="/ask")[0]  # the session's conversation: look at its last answer
    assert "最多 1000 个字" not in chat[-1]["content"] and "最多 1000 个字" in str(chat)
    for question, status in (("", 400), ("  ", 400), ("问" * 1001, 400)):
        got = httpx.post(f"{served[0]}/api/ask", json={"question": question}, timeout=30)
        assert got.status_code == status and got.json()["error"]
    assert httpx.post(f"{served[0]}/api/ask", json={"question": ""}).json()["error"] == MSG_EMPTY


def test_empty_or_missing_index_says_so(tmp_path):
    service = Service(Settings(index=tmp_path / "none"))
    with pytest.raises(UserError) as err:
        service.ask(TONGCHUAN)
    assert str(err.value) == MSG_NO_INDEX and err.value.status == 503
    assert service.documents() == []


def test_upload_search_delete_reaches_the_assistant(tmp_path):
    settings = Settings(index=tmp_path / "idx", max_file_mb=1)
    ingest_paths([CORPUS / "tongchuan-youth-league-2021-08-16.txt"], settings)
    service = Service(settings)
    assert service.ask(TONGCHUAN).value == "20357人"  # the lexical index is built before the upload
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    shutil.copy(XSS_REPORT, incoming / "xss-report.txt")
    (incoming / "tool.exe").write_bytes(b"MZ")
    (incoming / "big.txt").write_bytes(b"x" * (2**20 + 1))
    rows = {r[0]: r for r in service.upload([str(p) for p in sorted(incoming.iterdir())])}
    assert rows["xss-report.txt"][1] == msg.STATUS["added"] and rows["xss-report.txt"][3] > 0
    assert rows["tool.exe"][1:] == [msg.STATUS["failed"], msg.UNSUPPORTED.format(
        suffix=".exe", supported=" ".join(UPLOAD_TYPES)), 0]
    assert rows["big.txt"][1:] == [msg.STATUS["failed"], msg.TOO_BIG.format(mb=1 + 2**-20, limit=1), 0]
    assert [d.source for d in service.documents("某某")] == ["xss-report.txt"]
    assert service.ask("某某团委注册志愿者有多少人?").value.replace(" ", "") == "4321人"
    assert service.upload([str(incoming / "xss-report.txt")])[0][1] == msg.STATUS["unchanged"]
    doc = service.documents("某某")[0]
    assert service.delete(doc.doc_id) == msg.DELETED.format(source=doc.source, origin=doc.origin,
                                                              chunks=doc.chunks) + msg.CAN_UNDO
    assert not list((settings.index / "uploads").rglob("xss-report.txt"))
    assert [d.source for d in service.documents()] == ["tongchuan-youth-league-2021-08-16.txt"]
    assert "4321" not in service.ask("某某团委注册志愿者有多少人?").value
    assert [r[1] for r in service.reindex()] == [msg.STATUS["unchanged"]]


def test_feedback_is_appended_as_jsonl(tmp_path):
    service = Service(Settings(index=tmp_path / "idx", feedback=tmp_path / "fb" / "feedback.jsonl"))
    turn = {"question": TONGCHUAN, "text": "20357人。", "value": "20357人",
            "citations": [{"source": "t.txt", "paragraph": 7, "label": "t · 第7段"}]}
    service.record_feedback(turn, True)
    service.record_feedback(turn, False)
    lines = [json.loads(x) for x in (tmp_path / "fb" / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["liked"] for x in lines] == [True, False]
    assert set(lines[0]) == {"question", "answer", "value", "citations", "liked", "time"}
    assert lines[0]["value"] == "20357人" and lines[0]["citations"][0]["paragraph"] == 7


def test_serve_refuses_a_public_host_without_login(monkeypatch, capsys, free_port):
    from app.cli import main

    monkeypatch.delenv("YOUTHQA_AUTH", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", str(free_port())]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "YOUTHQA_AUTH" in err and "0.0.0.0" in err
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    assert parse_auth("a:bbbbbbbb, c:d:eeeeeee") == [("a", "bbbbbbbb"), ("c", "d:eeeeeee")]
    with pytest.raises(ValueError):
        parse_auth("nopassword")


def test_api_ask_needs_the_login_when_auth_is_set(tmp_path):
    from fastapi.testclient import TestClient

    from app.web.server import create_app

    app = create_app(Settings(index=tmp_path / "idx", auth="staff:s3cret-long"))
    with TestClient(app, base_url="http://127.0.0.1") as http:
        assert http.get("/api/health").status_code == 200
        assert http.post("/api/ask", json={"question": TONGCHUAN}).status_code == 401
        assert http.post("/api/ask", json={"question": TONGCHUAN}, auth=("staff", "wrong")).status_code == 401
        got = http.post("/api/ask", json={"question": TONGCHUAN}, auth=("staff", "s3cret-long"))
        assert got.status_code == 503 and got.json()["error"] == MSG_NO_INDEX  # authorised; the index is empty


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)


def test_rendering_escapes_report_text():
    evil = "注册志愿者4321人。<script>alert(1)</script><img src=x onerror=alert(2)>[click](javascript:alert(3)) ![i](http://x/y.png) $$x$$"
    citation = Citation("a<b>.txt", "<script>t()</script>标题", "2024-03-01", 2, evil, "注册志愿者4321人。<script>", 0.9)
    answer = Answer("q", "4321人。原文:" + evil, "4321人", True, (citation,), passages=(citation,))
    for html in (answer_html(answer), passages_html(answer)):
        parser = _Tags()
        parser.feed(html)
        assert parser.tags <= {"div", "strong", "mark", "details", "summary", "span", "br"}
        assert {name for name, _ in parser.attrs} <= {"class"}
        for needle in ("<script", "<img", "](", "javascript:", "$$", "<b>"):
            assert needle not in html
        assert "&lt;script&gt;" in html
    assert "<strong class=\"yq-value\">4321人</strong>" in answer_html(answer)
    assert "<mark>注册志愿者4321人。&lt;script&gt;</mark>" in answer_html(answer)
    assert safe("<a href='x'>") == "&lt;a href&#61;&#x27;x&#x27;&gt;"


class _FakeStore:
    def count(self):
        return 1

    def documents(self):
        return []


class _FakeAssistant:
    """Stands in for an Assistant with an LLM: text parts first, then the Answer."""

    def __init__(self):
        self.store, self.histories = _FakeStore(), []

    def empty(self) -> bool:
        return self.store.count() == 0

    def stream(self, question, history):
        self.histories.append(list(history))
        yield "203"
        yield "57人"
        cite = Citation("t.txt", "铜川", "2021-08-16", 7, "注册志愿者20357人。", "注册志愿者20357人。", 0.9)
        yield Answer(question, "20357人。", "20357人", True, (cite,), passages=(cite,))


def test_chat_streams_parts_and_passes_history(tmp_path):
    from app.web.ui import build_demo

    service = Service(Settings(index=tmp_path / "idx"))
    service._assistant = fake = _FakeAssistant()
    ask_fn = next(f for f in build_demo(service).fns.values() if f.api_name == "ask").fn
    outputs = list(ask_fn(TONGCHUAN, [], []))
    shown = [out[0][-1]["content"] for out in outputs]
    assert "正在检索" in shown[0] and "203" in shown[1] and "20357人" in shown[2] and "<details" in shown[-1]
    chat, _, panel, turns, kept, note = outputs[-1]
    assert "第7段" in panel and turns[0]["index"] == len(chat) - 1 and turns[0]["value"] == "20357人"
    assert kept == chat  # the session's own copy of the messages, the only one the next turn reads
    list(ask_fn("那团员呢?", kept, turns))
    assert fake.histories == [[], [(TONGCHUAN, "20357人。")]]


def handlers(service: Service) -> dict:
    """The page's event handlers by function name, called directly as Gradio would call them."""
    from app.web.ui import build_demo

    fns = {}
    for f in build_demo(service).fns.values():
        fns.setdefault(f.fn.__name__, f.fn)
    return fns


def test_a_blank_question_is_answered_under_the_box_and_changes_nothing_else(tmp_path):
    import gradio as gr

    service = Service(Settings(index=tmp_path / "idx"))
    service._assistant = _FakeAssistant()
    on = handlers(service)
    *_, turns, kept, note = list(on["respond"](TONGCHUAN, [], []))[-1]
    assert note == ""
    (chat, box, panel, turns_after, kept_after, note), = list(on["respond"]("  ", kept, turns))
    assert (chat, panel, turns_after, kept_after) == (gr.skip(),) * 4  # not a word into the last answer's bubble
    assert box == "" and msg.EMPTY_QUESTION in note and "yq-notice" in note


def test_an_example_question_asks_when_clicked_and_feedback_is_acknowledged(tmp_path):
    from gradio.events import LikeData

    from app.web.ui import EXAMPLES

    service = Service(Settings(index=tmp_path / "idx", feedback=tmp_path / "feedback.jsonl"))
    service._assistant = fake = _FakeAssistant()
    on = handlers(service)
    chat, _, panel, turns, kept, note = list(on["ask_example"](0, [], []))[-1]
    assert chat[0]["content"] == message_html(next(iter(EXAMPLES.values())), "q") and "20357人" in chat[-1]["content"]
    assert "第7段" in panel and len(fake.histories) == 1
    assert list(on["ask_example"](99, kept, turns)) == []  # not an example: nothing asked
    for liked in (True, False, None):
        note = on["on_like"](turns, LikeData(None, {"index": turns[0]["index"], "value": "", "liked": liked}))
        assert note == message_html(msg.FEEDBACK[liked], "notice")
    assert len((tmp_path / "feedback.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_page_says_the_knowledge_base_server_cannot_be_reached(tmp_path, free_port):
    port = free_port()
    service = Service(Settings(index=tmp_path / "local", chroma_host="127.0.0.1", chroma_port=port))
    on = handlers(service)  # the page is built although its knowledge base cannot be read
    down = msg.UNREACHABLE.format(where=f"127.0.0.1:{port}")

    chat = list(on["respond"](TONGCHUAN, [], []))[-1][0]
    assert safe(down) in chat[-1]["content"] and "知识库还是空的" not in chat[-1]["content"]  # HTML-escaped
    table, pick, status = on["refresh"]("")
    assert status.startswith(safe(down)) and "\n" not in status  # escaped: the status line is Markdown
    rows, *_ = on["on_upload"]([str(XSS_REPORT)], "")
    assert rows[0] == ["xss-report.txt", msg.STATUS["failed"], down, 0]
    assert on["on_delete"]("xss-report.txt", "")[0].startswith(safe(down))
    assert on["on_reindex"]("")[0].startswith(safe(down))
    assert not service.uploads.exists()

    from fastapi.testclient import TestClient

    from app.web.server import create_app

    with TestClient(create_app(service.settings, service), base_url="http://127.0.0.1") as http:
        got = http.post("/api/ask", json={"question": TONGCHUAN})
        assert got.status_code == 503 and got.json()["error"] == down


def test_page_says_another_process_holds_the_index(tmp_path, corpus, hold_index):
    settings = Settings(index=tmp_path / "idx")
    ingest_paths([corpus / "tongchuan-youth-league-2021-08-16.txt", corpus / "hainan-youth-volunteers.md"], settings)
    service = Service(settings)
    on = handlers(service)  # opens the index here, shared
    doc = service.documents("hainan")[0]
    hainan = doc.doc_id  # the delete dropdown's value for that row
    holder = hold_index(settings.index)
    busy = msg.BUSY.format(doing=msg.BUSY_OPEN, holder=msg.HOLDER.format(pid=holder.pid, command=_command(holder.pid)))
    message, table, pick, *_ = on["on_delete"](hainan, "")
    assert message.startswith(safe(busy)) and "\n" not in message
    assert [row[0] for row in table] == ["hainan-youth-volunteers.md", "tongchuan-youth-league-2021-08-16.txt"]
    assert on["on_reindex"]("")[0].startswith(safe(busy))
    rows = on["on_upload"]([str(XSS_REPORT)], "")[0]
    assert rows[0][1:] == [msg.STATUS["failed"], busy, 0]
    assert "20357" in list(on["respond"](TONGCHUAN, [], []))[-1][0][-1]["content"]  # reading goes on

    holder.communicate("go\n", timeout=30)
    message, table, *_ = on["on_delete"](hainan, "")
    assert message == safe(msg.DELETED.format(source=doc.source, origin=msg.CLI_ORIGIN, chunks=doc.chunks) + msg.CAN_UNDO)
    assert [row[0] for row in table] == ["tongchuan-youth-league-2021-08-16.txt"]


def test_serve_keeps_serving_while_the_chroma_server_is_down(tmp_path, free_port):
    """`youthqa serve` warns and serves; the page and the API say the server cannot be reached."""
    chroma_port, port = free_port(), free_port()
    env = {**os.environ, "YOUTHQA_CHROMA_HOST": "127.0.0.1", "YOUTHQA_CHROMA_PORT": str(chroma_port),
           "YOUTHQA_INDEX": str(tmp_path / "local"), "YOUTHQA_AUTH": "", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--port", str(port)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=CORPUS.parent)
    try:
        assert proc.stdout.readline().strip() == msg.WARMING_UP  # then the address, once it listens
        assert msg.SERVING_DOWN in proc.stdout.readline()
        deadline = time.monotonic() + 60
        while True:
            try:
                got = httpx.post(f"http://127.0.0.1:{port}/api/ask", json={"question": TONGCHUAN}, timeout=30)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "youthqa serve did not come up"
                time.sleep(0.2)
        assert got.status_code == 503 and got.json()["error"] == msg.UNREACHABLE.format(where=f"127.0.0.1:{chroma_port}")
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=30).status_code == 200
    finally:
        proc.kill()
        _, err = proc.communicate(timeout=30)
    assert err.splitlines()[0] == f"youthqa serve: {msg.UNREACHABLE.format(where=f'127.0.0.1:{chroma_port}')}"
