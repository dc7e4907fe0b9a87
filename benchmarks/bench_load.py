"""Throughput of 1 vs 2 app workers over one Chroma server, under N concurrent users.

    python benchmarks/bench_load.py                 # 60 s per configuration (what `make bench-load` runs)
    python benchmarks/bench_load.py --seconds 20    # quicker

Starts one `chroma run` (a free 127.0.0.1 port, a temporary --path), ingests corpus/ into it with
`youthqa ingest`, then starts two app workers, each `youthqa serve` (uvicorn serving app.web.server's
FastAPI app: POST /api/ask plus the Gradio page) on its own loopback port, all in server mode
(YOUTHQA_CHROMA_HOST). The load client runs --users threads, each posting gold questions to
/api/ask back to back for --seconds: first against worker 1 alone, then round-robin over both
workers (no proxy: the client picks the next port per request). For each configuration it prints
requests, throughput, p50/p95 latency and errors (non-200 answers or transport errors), then the
2-vs-1 throughput ratio (target >= 1.5). Everything runs on this machine: the load client, the
Chroma server and the workers share its cores, so the client's own CPU is part of the picture.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
CHROMA = Path(sys.executable).parent / "chroma"
TARGET_RATIO = 1.5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, what: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            sys.exit(f"bench_load: {what} exited with {proc.returncode}")
        if time.monotonic() > deadline:
            sys.exit(f"bench_load: {what} not ready after {seconds:.0f} s")
        time.sleep(0.3)


def questions() -> list[str]:
    out = []
    for name in ("tongchuan", "practice"):
        for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out


def load(urls: list[str], users: int, seconds: float, asked: list[str]) -> dict:
    """`users` threads post back to back for `seconds`; requests go round-robin over `urls`."""
    turn, lock = itertools.count(), threading.Lock()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    found = [0]
    stop = time.monotonic() + seconds

    def user(seed: int) -> None:
        with httpx.Client(timeout=30) as client:
            for i in itertools.count(seed * 7):
                if time.monotonic() >= stop:
                    return
                with lock:
                    url = urls[next(turn) % len(urls)]
                started = time.perf_counter()
                try:
                    r = client.post(url, json={"question": asked[i % len(asked)]})
                    problem = None if r.status_code == 200 else f"HTTP {r.status_code}"
                except httpx.HTTPError as err:
                    problem, r = type(err).__name__, None
                elapsed = time.perf_counter() - started
                with lock:
                    if problem:
                        errors[problem] = errors.get(problem, 0) + 1
                    else:
                        latencies.append(elapsed)
                        found[0] += bool(r.json().get("found"))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - began
    ok = len(latencies)
    q = statistics.quantiles(latencies, n=100) if ok > 1 else [float("nan")] * 99
    return {"workers": len(urls), "requests": ok + sum(errors.values()), "ok": ok, "errors": errors,
            "throughput": ok / wall, "p50_ms": 1000 * q[49], "p95_ms": 1000 * q[94],
            "found_rate": found[0] / ok if ok else 0.0, "seconds": wall}


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="load time per configuration (default 60)")
    parser.add_argument("--users", type=int, default=20, help="concurrent users (default 20)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured load before each run (s)")
    parser.add_argument("--embed-threads", type=int, default=None,
                        help="YOUTHQA_EMBED_THREADS for the workers (default: the environment's, else one per core)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    procs: list[subprocess.Popen] = []
    logs = []

    def spawn(cmd, env=None, name="proc"):
        log = (work / f"{name}.log").open("wb")
        logs.append(log)
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        procs.append(proc)
        return proc

    try:
        chroma_port = free_port()
        chroma = spawn([str(CHROMA), "run", "--path", str(work / "chroma"), "--host", "127.0.0.1",
                        "--port", str(chroma_port)], name="chroma")
        wait_until(lambda: httpx.get(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", timeout=1).is_success,
                   "chroma run", chroma)
        env = {**os.environ, "YOUTHQA_CHROMA_HOST": "127.0.0.1", "YOUTHQA_CHROMA_PORT": str(chroma_port),
               "YOUTHQA_INDEX": str(work / "local"), "YOUTHQA_FEEDBACK": str(work / "feedback.jsonl")}
        if args.embed_threads is not None:
            env["YOUTHQA_EMBED_THREADS"] = str(args.embed_threads)
        threads = int(env.get("YOUTHQA_EMBED_THREADS") or 0)
        started = time.perf_counter()
        ingest = subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(ROOT / "corpus")], env=env,
                                cwd=ROOT, capture_output=True, text=True)
        if ingest.returncode:
            sys.exit(f"bench_load: ingest failed: {ingest.stderr.strip()[-500:]}")
        print(f"chroma server 127.0.0.1:{chroma_port}; {ingest.stdout.strip().splitlines()[-1]} "
              f"({time.perf_counter() - started:.1f} s with start-up)", flush=True)

        urls, workers = [], []
        for n in (1, 2):
            port = free_port()
            workers.append(spawn([sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port",
                                  str(port)], env=env, name=f"worker-{n}"))
            urls.append(f"http://127.0.0.1:{port}/api/ask")
        asked = questions()
        for url, proc in zip(urls, workers):
            wait_until(lambda: httpx.post(url, json={"question": asked[0]}, timeout=30).status_code == 200,
                       f"worker {url}", proc, seconds=180)
        blas = threads or f"{os.cpu_count()} (one per core)"
        print(f"workers: youthqa serve (app.web.server FastAPI app), embedder BLAS threads {blas}; "
              f"{args.users} users, {args.seconds:.0f} s per run, {len(asked)} gold questions in rotation; "
              f"{os.cpu_count()} cores shared by client, Chroma and workers", flush=True)

        results = []
        for n in (1, 2):
            load(urls[:n], args.users, args.warmup, asked)
            cpu_before = {p.pid: cpu_seconds(p.pid) for p in [chroma, *workers]}
            client_before = time.process_time()
            result = load(urls[:n], args.users, args.seconds, asked)
            result["cpu"] = {"client": time.process_time() - client_before,
                             "chroma": cpu_seconds(chroma.pid) - cpu_before[chroma.pid],
                             **{f"worker{i + 1}": cpu_seconds(p.pid) - cpu_before[p.pid]
                                for i, p in enumerate(workers)}}
            results.append(result)
            print(report(result), flush=True)
        ratio = results[1]["throughput"] / results[0]["throughput"] if results[0]["throughput"] else 0.0
        print(f"2 vs 1 workers: throughput x{ratio:.2f} (target >= {TARGET_RATIO})", flush=True)
        if ratio < 1 and threads != 1 and (os.cpu_count() or 1) > 1:
            print("  each worker's embedder runs one BLAS thread per core, so two workers oversubscribe the cores;"
                  " run them with YOUTHQA_EMBED_THREADS=1 (--embed-threads 1)", flush=True)
        return 0
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for log in logs:
            log.close()
        shutil.rmtree(work, ignore_errors=True)


def report(r: dict) -> str:
    errors = sum(r["errors"].values())
    detail = f" {r['errors']}" if errors else ""
    cpu = ", ".join(f"{k} {v:.0f}" for k, v in r["cpu"].items())
    return (f"{r['workers']} worker{'s' if r['workers'] > 1 else ''}: {r['requests']} requests in {r['seconds']:.1f} s, "
            f"{r['throughput']:.1f} req/s, p50 {r['p50_ms']:.0f} ms, p95 {r['p95_ms']:.0f} ms, "
            f"errors {errors}{detail}, found {r['found_rate']:.2f}; CPU s: {cpu}")


if __name__ == "__main__":
    sys.exit(main())
