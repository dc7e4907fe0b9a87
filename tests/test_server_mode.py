"""Several processes on one knowledge base.

Server mode: this module starts its own `chroma run` (a free 127.0.0.1 port, a tmp --path) and points
real processes at it: two app workers (each an Assistant over HttpClient, fed questions on stdin), an
ingest run by the `youthqa` CLI, a server restart and a hung server in mid-stream, an ingest killed with
SIGKILL. Embedded mode: the advisory lock (ingest/lock.py) against a real second process.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.evaluation.metrics import answer_matches, load_gold
from conftest import readable
from ingest import Settings, ingest_paths
from ingest import messages as msg
from ingest.lock import IndexBusy, _command
from ingest.store import Store

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
WORKER_TIMEOUT = 3.0  # the workers' bound on one Chroma request (ingest.client.SERVER_TIMEOUT_SECONDS)

# Gold questions with numeric answers, correct over corpus/ with and without the generated reports.
STABLE = ["practice-hainan-01", "practice-hubei-02", "practice-luoyang-01", "practice-ningxia-01",
          "practice-ningxia-04", "practice-qingzhen-02", "practice-tianxin-01", "practice-xinjiang-01",
          "tongchuan-09", "tongchuan-13", "tongchuan-21", "tongchuan-28", "tongchuan-33", "tongchuan-44"]
NEW_PLACES = ["宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康", "商洛", "兰州", "天水", "白银", "酒泉",
              "张掖", "西宁", "吴忠", "固原", "中卫", "三亚", "儋州", "琼海", "襄阳", "宜昌", "荆州", "黄冈"]


# -- a Chroma server of our own (conftest.ChromaServer) --------------------------------------------
@pytest.fixture(scope="module")
def chroma(tmp_path_factory, chroma_server):
    server = chroma_server(tmp_path_factory.mktemp("chroma-server"))
    server.start()
    yield server
    server.kill()


# -- app workers: separate processes, each an Assistant over HttpClient ------------------------------
WORKER = textwrap.dedent("""
    import json, os, sys, time

    import ingest.client
    ingest.client.SERVER_TIMEOUT_SECONDS = float(os.environ["WORKER_TIMEOUT"])

    from app.api import Assistant
    from ingest import Settings

    assistant = Assistant.open(Settings.from_env())
    assistant.ask("铜川的志愿汇平台注册了多少志愿者?")  # warm: lexical index, jieba
    print(json.dumps({"ready": os.getpid()}), flush=True)
    for line in sys.stdin:
        question = json.loads(line)
        started = time.monotonic()
        try:
            answer = assistant.ask(question["q"])
            out = {"value": answer.value, "found": answer.found, "text": answer.text}
        except Exception as err:
            out = {"error": f"{type(err).__name__}: {err}"}
        out.update(id=question["id"], seconds=round(time.monotonic() - started, 3))
        print(json.dumps(out, ensure_ascii=False), flush=True)
""")


class Worker:
    def __init__(self, script: Path, env: dict, log: Path):
        self.log = log.open("wb")
        self.proc = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, text=True, encoding="utf-8",
                                     env={**env, "WORKER_TIMEOUT": str(WORKER_TIMEOUT)})
        self.sent = 0

    def read(self, timeout: float) -> dict:
        assert readable(self.proc.stdout, timeout), f"worker {self.proc.pid} gave no answer in {timeout} s (hung?); see {self.log.name}"
        line = self.proc.stdout.readline()
        assert line, f"worker {self.proc.pid} exited with {self.proc.poll()}; see {self.log.name}"
        return json.loads(line)

    def send(self, question: str) -> None:
        self.sent += 1
        self.proc.stdin.write(json.dumps({"id": self.sent, "q": question}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def ask(self, question: str, timeout: float = 30) -> dict:
        self.send(question)
        reply = self.read(timeout)
        assert reply["id"] == self.sent
        return reply

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        self.log.close()


@pytest.fixture(scope="module")
def gold():
    by_id = {g.id: g for name in ("practice", "tongchuan") for g in load_gold(GOLD / f"{name}.jsonl")}
    return [by_id[i] for i in STABLE]


@pytest.fixture(scope="module")
def live(chroma, tmp_path_factory):
    """corpus/ in collection "live" on the server, and two workers answering over it."""
    root = tmp_path_factory.mktemp("live")
    summary = ingest_paths([ROOT / "corpus"], chroma.settings("live", root / "local"))
    assert summary.added == 9 and not summary.failed
    script = root / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    workers = [Worker(script, chroma.env("live", root / "local"), root / f"worker-{i}.log") for i in (1, 2)]
    try:
        for w in workers:
            assert "ready" in w.read(timeout=90)
        yield chroma, workers, root
    finally:
        for w in workers:
            w.stop()


def correct(reply: dict, g) -> bool:
    return "error" not in reply and reply["found"] and answer_matches(g.answers, reply["value"], reply["text"])


def ask_both(workers, question: str, timeout: float = 30) -> list[dict]:
    for w in workers:
        w.send(question)
    replies = [w.read(timeout) for w in workers]
    assert [r["id"] for r in replies] == [w.sent for w in workers]
    return replies


def write_new_reports(folder: Path) -> dict[str, str]:
    """One short report per place with a figure no other report has: {question: expected value}."""
    folder.mkdir(parents=True)
    expected = {}
    for i, place in enumerate(NEW_PLACES):
        figure = 31000 + 977 * i
        (folder / f"new-{i:02d}.txt").write_text(
            f"{place}市团委2023年志愿服务工作报告\n发布时间:2023-12-{i + 1:02d}\n\n"
            f"截至2023年底,{place}市团委注册志愿者{figure}人,全年开展志愿服务活动{100 + i}场。\n\n"
            f"{place}青年志愿者协会新建服务队{5 + i}支。\n", encoding="utf-8")
        expected[f"{place}市团委注册志愿者多少人?"] = f"{figure}人"
    return expected


# -- server mode ------------------------------------------------------------------------------------
def test_two_workers_answer_while_a_third_process_ingests(live, gold):
    chroma, workers, root = live
    expected = write_new_reports(root / "new")
    ingest = subprocess.Popen([sys.executable, "-m", "app.cli", "ingest", str(root / "new")],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                              env=chroma.env("live", root / "ingest-local"))
    asked, wrong = 0, []
    while ingest.poll() is None or asked < 2 * len(gold):
        g = gold[asked % len(gold)]
        for reply in ask_both(workers, g.question):
            if not correct(reply, g):
                wrong.append((g.question, reply))
        asked += 1
    out, err = ingest.communicate()
    assert ingest.returncode == 0, err
    assert msg.SUMMARY.split("{updated}")[0].format(added=len(NEW_PLACES)) in out
    assert not wrong, wrong[:3]

    # Both workers pick the new reports up by themselves (their store stamp check, every 2 s).
    done = time.monotonic()
    for w in workers:
        for question, value in expected.items():
            while True:
                reply = w.ask(question)
                assert "error" not in reply, reply
                if reply["value"] == value:
                    break
                assert time.monotonic() - done < 10, f"{question}: still {reply['value']!r} after 10 s"
                time.sleep(0.2)
    for g in gold:  # and the old answers still stand
        assert all(correct(r, g) for r in ask_both(workers, g.question)), g.question


def test_server_restart_mid_stream(live, gold):
    chroma, workers, root = live
    store = Store.open(chroma.settings("live", root / "local"))
    before = (store.count(), len(store.documents()))
    for g in gold[:4]:
        assert all(correct(r, g) for r in ask_both(workers, g.question))

    chroma.kill()  # SIGKILL: no graceful shutdown either
    for g in gold[:3]:
        started = time.monotonic()
        for reply in ask_both(workers, g.question, timeout=WORKER_TIMEOUT + 10):
            assert "error" in reply, reply
            assert f"Chroma server at 127.0.0.1:{chroma.port} is not answering" in reply["error"]
        assert time.monotonic() - started < WORKER_TIMEOUT + 5

    chroma.start()  # same --path, same port; the workers are not restarted
    for g in gold:
        assert all(correct(r, g) for r in ask_both(workers, g.question)), g.question
    store = Store.open(chroma.settings("live", root / "local"))
    assert (store.count(), len(store.documents())) == before


def test_hung_server_times_out_then_recovers(live, gold):
    """A server that accepts connections but never answers: each request gives up after the bound."""
    chroma, workers, _ = live
    g = gold[0]
    os.kill(chroma.proc.pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        replies = ask_both(workers, g.question, timeout=WORKER_TIMEOUT * 3 + 10)
        elapsed = time.monotonic() - started
    finally:
        os.kill(chroma.proc.pid, signal.SIGCONT)
    for reply in replies:
        assert "error" in reply and "is not answering (ReadTimeout" in reply["error"], reply
    assert elapsed < WORKER_TIMEOUT * 3 + 5
    assert all(correct(r, g) for r in ask_both(workers, g.question))


def test_ingest_killed_midway_then_rerun(chroma, tmp_path, make_reports, killed_ingest):
    docs = tmp_path / "docs"
    make_reports(docs, 120, seed=11)
    killed_ingest(docs, chroma.env("killed", tmp_path / "local"), 40, 90)

    killed = chroma.settings("killed", tmp_path / "local")
    assert 40 <= len(Store.open(killed).documents()) < 120
    rerun = ingest_paths([docs], killed)
    assert not rerun.failed and rerun.unchanged >= 40 and rerun.added + rerun.unchanged == 120
    clean = ingest_paths([docs], chroma.settings("clean", tmp_path / "local"))
    assert clean.added == 120

    a, b = Store.open(killed), Store.open(chroma.settings("clean", tmp_path / "local"))
    ids_a = list(a.chunks.get(include=[])["ids"])
    ids_b = list(b.chunks.get(include=[])["ids"])
    assert len(ids_a) == len(set(ids_a)) == a.count() == b.count() == clean.chunks
    assert set(ids_a) == set(ids_b)
    for record in a.documents():
        assert len(a.chunks.get(where={"doc_id": record.doc_id}, include=[])["ids"]) == record.chunks
    assert [(r.doc_id, r.chunks, r.content_hash) for r in a.documents()] == \
           [(r.doc_id, r.chunks, r.content_hash) for r in b.documents()]


# -- embedded mode: the advisory lock against a real second process ----------------------------------
HOLD_WRITE = textwrap.dedent("""
    import sys
    from pathlib import Path

    from ingest import Settings, ingest_paths
    from ingest.store import Store

    original = Store.put_documents

    def put_documents(self, items, **kwargs):  # write one batch, then wait for a line on stdin
        original(self, items, **kwargs)
        if not getattr(Store, "waited", False):
            Store.waited = True
            print("writing", flush=True)
            sys.stdin.readline()

    Store.put_documents = put_documents
    summary = ingest_paths([sys.argv[1]], Settings(index=Path(sys.argv[2])))
    print("done", summary.added, flush=True)
""")

HOLD_READ = textwrap.dedent("""
    import sys
    from pathlib import Path

    from app.api import Assistant
    from ingest import Settings

    assistant = Assistant.open(Settings(index=Path(sys.argv[1])))
    print("reading", assistant.ask("铜川的志愿汇平台注册了多少志愿者?").value, flush=True)
    sys.stdin.readline()
""")


def youthqa(*args, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60, env={**os.environ, **(env or {})})


def start(script: str, tmp_path: Path, *args) -> subprocess.Popen:
    path = tmp_path / f"holder-{abs(hash(script))}.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(path), *map(str, args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")


def wait_for(proc: subprocess.Popen, word: str) -> str:
    line = proc.stdout.readline() if readable(proc.stdout, 60) else ""
    assert line.startswith(word), f"holder said {line!r} (exit {proc.poll()})"
    return line


def refused(result: subprocess.CompletedProcess, index: Path, pid: int, doing: str) -> None:
    """doing: msg.INDEX_WRITING or msg.INDEX_OPEN; the line names the live holder, its pid and command."""
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    holder = msg.HOLDER.format(pid=pid, command=_command(pid))
    assert lines[0] == msg.CLI_ERROR.format(error=doing.format(index=index.resolve(), holder=holder) + msg.BUSY_HINT)


def busy(doing: str, index: Path) -> str:
    """A pattern for IndexBusy's message: `doing` up to the holder."""
    import re

    return re.escape(doing.format(index=index.resolve(), holder="\0").split("\0")[0])


def test_embedded_writer_locks_out_other_processes(tmp_path, make_reports):
    docs, index = tmp_path / "docs", tmp_path / "idx"
    make_reports(docs, 6)
    holder = start(HOLD_WRITE, tmp_path, docs, index)
    try:
        wait_for(holder, "writing")
        for args in (["ask", "铜川的志愿汇平台注册了多少志愿者?"], ["status"], ["ingest", str(docs)]):
            started = time.monotonic()
            result = youthqa(*args, "--index", str(index))
            refused(result, index, holder.pid, msg.INDEX_WRITING)
            assert time.monotonic() - started < 20, args  # fails fast: never waits for the lock
        with pytest.raises(IndexBusy, match=busy(msg.INDEX_WRITING, index)):
            Store.open(Settings(index=index))
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert wait_for(holder, "done").split() == ["done", "6"]
    finally:
        holder.kill()
        holder.wait()
    store = Store.open(Settings(index=index))  # released when the writer finished
    assert len(store.documents()) == 6
    store.close()


def test_embedded_reader_locks_out_writers_not_readers(tmp_path, corpus):
    index = tmp_path / "idx"
    assert ingest_paths([corpus / "tongchuan-youth-league-2021-08-16.txt"], Settings(index=index)).added == 1
    reader = start(HOLD_READ, tmp_path, index)
    try:
        assert wait_for(reader, "reading").split()[1] == "20357人"
        refused(youthqa("ingest", str(corpus), "--index", str(index)), index, reader.pid, msg.INDEX_OPEN)
        status = youthqa("status", "--index", str(index))  # another reader is fine
        assert status.returncode == 0 and "报告数:    1" in status.stdout
        ask = youthqa("ask", "铜川的志愿汇平台注册了多少志愿者?", "--index", str(index))
        assert ask.returncode == 0 and ask.stdout.startswith("20357人")
        with pytest.raises(IndexBusy, match=busy(msg.INDEX_OPEN, index)):
            ingest_paths([corpus], Settings(index=index))
        ours = Store.open(Settings(index=index))  # a reader here too: its failed upgrade keeps the shared lock
        with pytest.raises(IndexBusy, match=busy(msg.INDEX_OPEN, index)):
            ingest_paths([corpus], Settings(index=index))
    finally:
        reader.kill()  # SIGKILL: the kernel drops its lock
        reader.wait()
    refused(youthqa("ingest", str(corpus), "--index", str(index)), index, os.getpid(), msg.INDEX_OPEN)
    ours.close()
    assert ingest_paths([corpus], Settings(index=index)).added == 8


def test_embedded_lock_is_shared_inside_one_process(tmp_path, corpus):
    """The web UI's Assistant reads and its upload page ingests in the same process: no self-deadlock."""
    from ingest.lock import _held

    index = tmp_path / "idx"
    settings = Settings(index=index)
    ingest_paths([corpus / "tongchuan-youth-league-2021-08-16.txt"], settings)
    reader = Store.open(settings)
    assert ingest_paths([corpus / "hainan-youth-volunteers.md"], settings).added == 1
    reader.delete_document(reader.documents()[0].doc_id)  # a write through the reader's Store
    reader.touch()
    held = _held[index.resolve()]
    assert (held.readers, held.writers) == (1, 0)
    reader.close()
    reader.close()
    assert index.resolve() not in _held
    result = youthqa("ingest", str(corpus / "hainan-youth-volunteers.md"), "--index", str(index))
    assert result.returncode == 0, result.stderr  # nothing left locked
