"""Server mode at scale, new lexical index against the old design, from the same run (issue 13).

    python benchmarks/bench_scale.py --sizes 10000,100000 [--old-ref 13a3875]

One `chroma run`; the bundled reports ingested for real, then variant reports (bench_query.variant_text)
written straight to the store with synthetic vectors (random unit vectors: the encoder is not what is
measured, and 100k real embeddings take 15-45 min) and logged in the change log. Per size and design,
two workers (`youthqa serve`, YOUTHQA_EMBED_THREADS=1) are started and measured: cold start to the first
answer of both, to both printing their address (the page loaded too: page_s), RSS per worker after 40 questions, answer p50/p95 (one client, sequential), then one new report
ingested by a third process (`youthqa ingest`, the design's own code): seconds from its ingest's end until
both workers answer from it, and the longest request either worker took meanwhile (a client keeps
asking both). The old design runs from a git worktree of --old-ref, on the knowledge base with the fields it
reads written over it (legacy_layout).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_load import free_port, questions, wait_until  # noqa: E402
from ingest.messages import SERVING  # noqa: E402

CHROMA = Path(sys.executable).parent / "chroma"
NEW_REPORT = ("# 共青团{city}委员会2025年工作总结\n2025-01-05\n"
              "{city}青年志愿者协会实名注册志愿者{figure}人,开展志愿服务活动321次。\n"
              "{city}团委建成青年之家46个,服务青少年12万人次。\n")
NEW_QUESTION = "{city}实名注册志愿者有多少人?"
NEW = {"old": ("测试", 987654), "new": ("试验", 876543), "new-again": ("示范", 765432)}  # a new report per run


def new_report(name: str, size: int) -> tuple[str, str]:
    """(city, figure) of the report a run ingests: another one per design and size, or it is already there."""
    stem, figure = NEW[name]
    return f"{stem}{'甲乙丙丁戊'[size // 10000 % 5]}市", str(figure - size // 1000)


def grow(env: dict, target: int, seed: int = 0) -> int:
    """Variant reports with random vectors, written through Store (and its change log) up to target chunks."""
    import numpy as np

    from benchmarks.bench_query import originals, variant_text
    from ingest.chunk import chunk_document
    from ingest.clean import clean_document
    from ingest.pipeline import scopes
    from ingest.settings import Settings
    from ingest.store import Store

    settings = Settings.from_env(env)
    store = Store.open(settings)
    dim = int((store.chunks.metadata or {}).get("dimension") or 512)
    # n carries on after the reports of the previous size: the same n is the same doc_id, which add() ignores
    docs, rng, n, count = originals(), np.random.default_rng(seed), len(store.documents()), store.count()
    items = []
    while count < target:
        stem, doc = docs[n % len(docs)]
        lines = variant_text(doc, n, seed).splitlines()
        path = Path(f"/bench/v{n:06d}-{stem}.txt")
        varied = clean_document(lines, path, lines[0].lstrip("# "))
        chunks = chunk_document(varied)[: target - count]
        vectors = rng.standard_normal((len(chunks), dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        items.append((varied, str(path), f"bench-{n}", chunks, vectors))
        count, n = count + len(chunks), n + 1
        if len(items) == 40 or count >= target:
            store.put_documents(items, new_ids=frozenset(d.doc_id for d, *_ in items), scopes=scopes(items))
            store.log_changes([d.doc_id for d, *_ in items])
            items = []
    store.touch()
    return store.count()


def legacy_layout(env: dict) -> int:
    """Write the fields the old design reads over the knowledge base: each chunk with its report's title, source,
    date and origin and its text as Chroma's document, each record's fields as metadata values, as youthqa wrote
    them then (today's ingest keeps a report's fields once, in its record as one JSON value, and a chunk's text as
    a metadata value). The new design reads either. Returns the chunks rewritten."""
    from ingest.chunk import record_of
    from ingest.settings import Settings
    from ingest.store import Store

    store = Store.open(Settings.from_env(env))
    records = {r.doc_id: r for r in store.documents()}
    ids = list(records)
    for i in range(0, len(ids), 5000):
        store.docs.update(ids=ids[i:i + 5000], metadatas=[vars(records[d]) for d in ids[i:i + 5000]])
    shared = {d: record_of(vars(r)) for d, r in records.items()}
    done, offset = 0, 0
    fields = ("metadatas", "documents", "embeddings")  # update() with documents embeds them unless given vectors
    while (got := store.chunks.get(include=list(fields), limit=5000, offset=offset))["ids"]:
        todo = [(row, e) for row, d, e in zip(store._rows(got, records=False), got["documents"], got["embeddings"])
                if d is None]  # read as the new design reads them: text and place
        if todo:
            metas = [{**m, "end": m["start"] + len(t), **shared.get(m["doc_id"], record_of({}))} for (_, t, m), _ in todo]
            store.chunks.update(ids=[i for (i, _, _), _ in todo], documents=[t for (_, t, _), _ in todo],
                                embeddings=[e for _, e in todo], metadatas=metas)
        done, offset = done + len(todo), offset + len(got["ids"])
    store.touch()
    return done


class Bare:
    """The bare cost, in this process: one query embedding + one Chroma query (top 5). Timed between the
    workers' answers, so that both see the same Chroma (its speed drifts by half over a run at 100k)."""

    def __init__(self, env: dict):
        from ingest.embed import load_embedder
        from ingest.settings import Settings
        from ingest.store import Store

        self.store = Store.open(Settings.from_env(env))
        self.embedder = load_embedder(self.store.model, 1)

    def ms(self, q: str) -> float:
        t = time.perf_counter()
        self.store.chunks.query(query_embeddings=[self.embedder.embed_query(q)], n_results=5)
        return 1000 * (time.perf_counter() - t)


def bare_ms(env: dict, qs: list[str]) -> tuple[float, float]:
    """p50/p95 of the bare cost over the questions (asked twice, the second round timed)."""
    bare = Bare(env)
    times = [bare.ms(q) for q in qs * 2][len(qs):]
    return statistics.median(times), sorted(times)[int(0.95 * len(times)) - 1]


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """VmRSS, or RssAnon (the worker's own memory: RssFile is the mapped base, shared by the node's workers)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


_CLIENTS = threading.local()


def ask(url: str, q: str, timeout: float = 300) -> tuple[float, str]:
    """One question over a kept-alive connection, as a load balancer keeps them: `httpx.post` builds a client
    (and an SSL context) per call, ~30 ms of the client's own time that the old figures counted as latency."""
    client = getattr(_CLIENTS, "client", None)
    if client is None:
        client = _CLIENTS.client = httpx.Client()
    t = time.perf_counter()
    r = client.post(url, json={"question": q}, timeout=timeout)
    return time.perf_counter() - t, r.text if r.status_code == 200 else ""


def run_design(name: str, code: Path, env: dict, work: Path, qs: list[str], size: int) -> dict:
    env = {**env, "PYTHONPATH": str(code), "YOUTHQA_EMBED_THREADS": "1"}
    procs, urls, out = [], [], {}
    try:
        started = time.perf_counter()
        for n in (1, 2):
            port = free_port()
            log = (work / f"{name}-{n}.log").open("wb")
            procs.append(subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port",
                                           str(port)], cwd=code, env=env, stdout=log, stderr=subprocess.STDOUT))
            urls.append(f"http://127.0.0.1:{port}/api/ask")
        for url, proc in zip(urls, procs):
            wait_until(lambda: httpx.post(url, json={"question": qs[0]}, timeout=600).status_code == 200,
                       f"{name} worker", proc, seconds=900)
        out["cold_s"] = time.perf_counter() - started
        # The page may still be loading after the first answer (app/web/serve.py): wait for the address line, so
        # that p50 and RSS are those of a worker that has everything loaded.
        serving = SERVING.split(" (")[0].split("http")[0]
        for n, proc in enumerate(procs, start=1):
            wait_until(lambda: serving in (work / f"{name}-{n}.log").read_text(encoding="utf-8", errors="replace"),
                       f"{name} worker's page", proc, seconds=900)
        out["page_s"] = time.perf_counter() - started
        times, bare_times, bare = [], [], Bare(env)
        for q in qs * 2:
            times.append(ask(urls[0], q)[0] * 1000)
            bare_times.append(bare.ms(q))
        out["p50_ms"], out["p95_ms"] = statistics.median(times), sorted(times)[int(0.95 * len(times)) - 1]
        out["bare_ms"] = statistics.median(bare_times)
        out["x_bare"] = out["p50_ms"] / out["bare_ms"]
        out["rss_mb"] = max(rss_mb(p.pid) for p in procs)
        out["anon_mb"] = max(rss_mb(p.pid, "RssAnon") for p in procs)
        out.update(catch_up(code, env, work / f"{name}-{size}-new", urls, *new_report(name, size)))
        out["rss_after_mb"] = max(rss_mb(p.pid) for p in procs)
        return out
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def catch_up(code: Path, env: dict, folder: Path, urls: list[str], city: str, figure: str) -> dict:
    """Seconds from a new report's ingest end until both workers answer from it; the longest request meanwhile."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"city-{figure}-2025.txt").write_text(NEW_REPORT.format(city=city, figure=figure), encoding="utf-8")
    longest, stop = [0.0], threading.Event()

    def pester(url):
        while not stop.is_set():
            longest[0] = max(longest[0], ask(url, "共青团组织开展了哪些志愿服务?")[0])

    threads = [threading.Thread(target=pester, args=(u,), daemon=True) for u in urls]
    for t in threads:
        t.start()
    subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(folder)], cwd=code, env=env, check=True,
                   capture_output=True)
    ended, pending = time.perf_counter(), set(urls)
    while pending and time.perf_counter() - ended < 600:
        pending = {u for u in pending if figure not in ask(u, NEW_QUESTION.format(city=city))[1]}
        time.sleep(0.1)
    answerable = time.perf_counter() - ended
    time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join()
    return {"answerable_s": answerable if not pending else float("inf"), "longest_s": longest[0]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--old-ref", default="13a3875", help="the commit of the old design")
    ap.add_argument("--designs", default="old,new", help="old,new (default) or one of them")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    old = work / "old-code"
    subprocess.run(["git", "worktree", "add", "--detach", str(old), args.old_ref], cwd=ROOT, check=True,
                   capture_output=True)
    port = free_port()
    chroma = subprocess.Popen([str(CHROMA), "run", "--path", str(work / "chroma"), "--host", "127.0.0.1", "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    rows = []
    try:
        wait_until(lambda: httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).is_success, "chroma", chroma)
        env = {**os.environ, "YOUTHQA_CHROMA_HOST": "127.0.0.1", "YOUTHQA_CHROMA_PORT": str(port),
               "YOUTHQA_FEEDBACK": str(work / "feedback.jsonl")}
        subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(ROOT / "corpus")], cwd=ROOT, check=True,
                       env={**env, "YOUTHQA_INDEX": str(work / "seed")}, capture_output=True)
        qs = questions()[:20]
        random.Random(0).shuffle(qs)
        for size in (int(s) for s in args.sizes.split(",")):
            t = time.perf_counter()
            chunks = grow({**env, "YOUTHQA_INDEX": str(work / "seed")}, size)
            bare = bare_ms({**env, "YOUTHQA_INDEX": str(work / "seed")}, qs)
            print(f"{chunks} chunks ({time.perf_counter() - t:.0f} s to write); bare cost (embed + Chroma query) "
                  f"p50 {bare[0]:.1f} ms, p95 {bare[1]:.1f} ms", flush=True)
            for name, code in (d for d in (("old", old), ("new", ROOT)) if d[0] in args.designs.split(",")):
                if name == "old":
                    legacy_layout({**env, "YOUTHQA_INDEX": str(work / "seed")})
                r = run_design(name, code, {**env, "YOUTHQA_INDEX": str(work / f"{name}-{size}")}, work, qs, size)
                if name == "new":  # again, with the node's on-disk index present
                    r["warm_cold_s"] = run_design("new-again", code, {**env, "YOUTHQA_INDEX": str(work / f"new-{size}")},
                                                  work, qs[:3], size)["cold_s"]
                rows.append((size, name, r))
                print(f"  {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in r.items()), flush=True)
        print_table(rows)
        return 0
    finally:
        chroma.terminate()
        chroma.wait(timeout=30)
        subprocess.run(["git", "worktree", "remove", "--force", str(old)], cwd=ROOT, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


def print_table(rows) -> None:
    keys = ("cold_s", "page_s", "rss_mb", "anon_mb", "p50_ms", "p95_ms", "bare_ms", "x_bare", "answerable_s", "longest_s")
    print(f"\n{'chunks':>8} {'design':<6}" + "".join(f"{k:>14}" for k in keys) + f"{'warm start s':>14}")
    by = {(s, n): r for s, n, r in rows}
    for (size, name), r in by.items():
        print(f"{size:>8} {name:<6}" + "".join(f"{r[k]:>14.2f}" for k in keys) + f"{r.get('warm_cold_s', float('nan')):>14.2f}")
        if name == "new" and (size, "old") in by:
            old = by[(size, "old")]
            print(f"{size:>8} {'new/old':<6}" + "".join(f"{r[k] / old[k] if old[k] else float('nan'):>14.2f}" for k in keys))


if __name__ == "__main__":
    raise SystemExit(main())
