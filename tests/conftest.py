"""Shared fixtures: the bundled corpus, throw-away settings, one ingested index per session, the web app
served per module.

The default embedder (use-multilingual) is cached per process by ingest.embed.load_embedder,
so every test that ingests shares one loaded model.
"""
from __future__ import annotations

import random
import textwrap
from pathlib import Path

import pytest

from ingest import Settings, ingest_paths

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_FILES = 9


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: over a minute on 2 cores; deselect with -m 'not slow'")


def readable(stream, timeout: float) -> bool:
    """Whether a child's pipe has a line to read within timeout. selectors, not select.select: a long test
    session holds over 1,024 descriptors, which select() cannot watch."""
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        return bool(selector.select(timeout))


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture
def make_settings(tmp_path):
    """make_settings(**overrides) -> Settings with its index under this test's tmp_path."""

    def make(**overrides) -> Settings:
        overrides.setdefault("index", tmp_path / "idx")
        return Settings(**overrides)

    return make


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory):
    """(settings, summary) of one ingest of corpus/ into a session-wide index. Treat it as read-only."""
    settings = Settings(index=tmp_path_factory.mktemp("corpus-index") / "idx")
    summary = ingest_paths([CORPUS], settings)
    return settings, summary


_PLACES = ["铜川", "银川", "济宁", "洛阳", "清镇", "天心", "海口", "乌鲁木齐", "咸宁", "贵阳", "宝鸡", "延安"]
_WORK = ["青年志愿服务", "禁毒宣传", "希望工程助学", "青年驿站建设", "团干部培训", "红领巾法学院创建",
         "青创贷发放", "青少年心理辅导", "普法进校园", "青年文明号评选"]


@pytest.fixture(scope="session")
def make_reports():
    """make_reports(folder, n, seed=0) writes n tiny, distinct Chinese reports (1-2 paragraphs) as .txt."""

    def make(folder: Path, n: int, seed: int = 0) -> list[Path]:
        rnd = random.Random(seed)
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(n):
            place, work = rnd.choice(_PLACES), rnd.choice(_WORK)
            paragraphs = [
                f"{place}团市委第{i + 1}期{work}活动日前举行,{rnd.randint(20, 9999)}名团员青年参加。",
                f"活动覆盖{rnd.randint(2, 99)}个社区,发放宣传资料{rnd.randint(100, 5000)}份,"
                f"{place}青年反响热烈。",
            ][: rnd.randint(1, 2)]
            path = folder / f"report-{i:04d}.txt"
            path.write_text(
                f"{place}开展{work}活动(第{i + 1}期)\n"
                f"发布时间:20{rnd.randint(17, 23)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}\n\n"
                + "\n\n".join(paragraphs) + "\n",
                encoding="utf-8")
            paths.append(path)
        return paths

    return make


INGEST_DRIVER = textwrap.dedent("""
    import sys

    import ingest.pipeline as pipeline
    import ingest.snapshot as snapshot
    from ingest import Settings, ingest_paths
    from ingest.store import Store

    pipeline.EMBED_BATCH = int(sys.argv[2])  # chunks per embed + write
    if sys.argv[3] == "often":  # checkpoint every few writes: kills land in copies too
        snapshot.MIN_SECONDS, snapshot.COST_RATIO = 0.3, 5
    original = Store.put_documents

    def put_documents(self, items, **kwargs):
        original(self, items, **kwargs)
        print("put", len(items), flush=True)  # one line per write: how many documents it held

    Store.put_documents = put_documents
    ingest_paths([sys.argv[1]], Settings.from_env())
    print("done", flush=True)
""")


@pytest.fixture
def killed_ingest(tmp_path):
    """killed_ingest(docs, env, n, seconds): run `youthqa ingest docs` (settings from env) in a new process
    and SIGKILL it once it has written n document records."""
    import os
    import signal
    import subprocess
    import sys
    import time

    def run(docs: Path, env: dict, n: int, seconds: float) -> None:
        driver = tmp_path / "ingest-driver.py"
        driver.write_text(INGEST_DRIVER, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, str(driver), str(docs), "8", "default"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env={**env, "PYTHONUNBUFFERED": "1"})
        puts, deadline = 0, time.monotonic() + seconds
        try:
            while puts < n:
                assert time.monotonic() < deadline, "driver too slow"
                if not readable(proc.stdout, 1.0):
                    continue
                line = proc.stdout.readline()
                assert line, f"driver exited early with {proc.poll()}"
                assert line.strip() != "done", "driver finished before it could be killed"
                puts += int(line.split()[1]) if line.startswith("put") else 0
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.wait(timeout=30)
            proc.stdout.close()
        assert proc.returncode == -signal.SIGKILL

    return run


@pytest.fixture(scope="session")
def free_port():
    """free_port() -> a 127.0.0.1 TCP port nobody listens on (at the time of asking)."""
    import socket

    def pick() -> int:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    return pick


def _start_server(settings: Settings, port: int):
    """-> stop(): the app in a background uvicorn thread, once /api/health answers."""
    import time

    import httpx

    from app.web.ui import start_in_thread

    server, thread = start_in_thread(settings, "127.0.0.1", port)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    else:
        raise RuntimeError("the server did not come up within 30 s")

    def stop():
        server.should_exit = True
        thread.join(timeout=10)

    return stop


@pytest.fixture(scope="module")
def served(tmp_path_factory, request, free_port):
    """(url, settings): corpus/ ingested into a tmp index and the FastAPI app (Gradio at "/") run by uvicorn
    on a free 127.0.0.1 port. Module scope: each module gets its own server and index, which it may change."""
    tmp = tmp_path_factory.mktemp(request.module.__name__)
    settings = Settings(index=tmp / "idx", feedback=tmp / "feedback.jsonl")
    ingest_paths([CORPUS], settings)
    port = free_port()
    stop = _start_server(settings, port)
    yield f"http://127.0.0.1:{port}", settings
    stop()


_HOLDER = """
import sys
from pathlib import Path

from ingest import Settings
from ingest.store import Store

store = Store.open(Settings(index=Path(sys.argv[1])), write=sys.argv[2] == "write")
print("holding", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def hold_index(tmp_path):
    """hold_index(index, write=False) -> Popen: a real second process with the embedded index open, shared
    (a reader, like `youthqa ask`) or exclusive (write=True, like a running ingest), so that its lock
    (ingest/lock.py) is held; it lets go when it reads a line on stdin, or at teardown."""
    import subprocess
    import sys

    script, procs = tmp_path / "hold_index.py", []
    script.write_text(_HOLDER, encoding="utf-8")

    def hold(index: Path, write: bool = False) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, str(script), str(index), "write" if write else "read"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        procs.append(proc)
        line = proc.stdout.readline() if readable(proc.stdout, 60) else ""
        assert line.startswith("holding"), f"holder said {line!r} (exit {proc.poll()})"
        return proc

    yield hold
    for proc in procs:
        proc.kill()
        proc.wait()
        proc.stdin.close()
        proc.stdout.close()


class ChromaServer:
    """A real `chroma run` of the venv's chromadb on a free 127.0.0.1 port; start() waits for its heartbeat."""

    def __init__(self, folder: Path):
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        folder.mkdir(parents=True, exist_ok=True)
        self.path, self.log, self.proc = folder / "data", folder / "chroma.log", None

    def start(self) -> None:
        import subprocess
        import sys
        import time

        chroma = Path(sys.executable).parent / "chroma"
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen([str(chroma), "run", "--path", str(self.path), "--host", "127.0.0.1",
                                          "--port", str(self.port)], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not self.alive():
            assert self.proc.poll() is None, f"chroma run exited with {self.proc.returncode}; see {self.log}"
            assert time.monotonic() < deadline, f"chroma run did not answer its heartbeat in 60 s; see {self.log}"
            time.sleep(0.2)

    def alive(self) -> bool:
        import httpx

        try:
            return httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)

    def settings(self, collection: str, index: Path) -> Settings:
        return Settings(chroma_host="127.0.0.1", chroma_port=self.port, collection=collection, index=index)

    def env(self, collection: str, index: Path) -> dict:
        import os

        return {**os.environ, "YOUTHQA_CHROMA_HOST": "127.0.0.1", "YOUTHQA_CHROMA_PORT": str(self.port),
                "YOUTHQA_COLLECTION": collection, "YOUTHQA_INDEX": str(index), "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="session")
def chroma_server():
    """chroma_server(folder) -> a ChromaServer with its data and log under folder, not started yet."""
    return ChromaServer


@pytest.fixture
def ingest_killed_at(tmp_path):
    """ingest_killed_at(docs, env, writes, delay, batch=64) -> bool: run the ingest of docs (settings from env)
    in a new process, embedding and writing `batch` chunks at a time, and SIGKILL it `delay` seconds after its
    `writes`-th write returned, wherever it is then (embedding, writing, checkpointing). False if it finished
    first. Checkpoints come every few writes, as they would in a long ingest."""
    import signal
    import subprocess
    import sys
    import threading
    import time

    driver = tmp_path / "kill-driver.py"
    driver.write_text(INGEST_DRIVER, encoding="utf-8")

    def run(docs: Path, env: dict, writes: int, delay: float, batch: int = 64, seconds: float = 120) -> bool:
        proc = subprocess.Popen([sys.executable, str(driver), str(docs), str(batch), "often"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env={**env, "PYTHONUNBUFFERED": "1"})
        too_slow = threading.Timer(seconds, proc.kill)  # a hung driver fails the test instead of hanging it
        too_slow.start()
        try:
            puts = 0
            while puts < writes and proc.stdout.readline().startswith("put"):
                puts += 1
            if puts < writes:
                assert proc.wait(timeout=seconds) == 0, f"driver failed with {proc.returncode}"
                return False
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return proc.returncode == -signal.SIGKILL
        finally:
            too_slow.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
            proc.stdout.close()

    return run
