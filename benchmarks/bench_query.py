"""Query latency at 1k / 10k / 100k chunks, next to the bare cost of one embedding + one Chroma query.

    python benchmarks/bench_query.py                      # 1k, 10k, 100k (100k chunks take 15-45 min to embed and store on 2 cores)
    python benchmarks/bench_query.py --sizes 1000,10000   # quicker
    python benchmarks/bench_query.py --profile 10000      # plus a cProfile of ask() at 10k

The knowledge base is the 9 bundled reports plus variants of them (place names swapped for other
Chinese cities, figures changed, paragraphs shuffled), ingested with ingest_paths into one temporary
index that grows from size to size, so each size builds on the previous one. At each size a fresh
Assistant is opened, its lexical index built (timed separately, outside the latencies), a few
questions asked to warm up, then `assistant.ask(q)` is timed over ~30 gold questions until --timings
timings; interleaved with it, the bare cost: `embedder.embed_query(q)` plus
`store.chunks.query(query_embeddings=[v], n_results=5)` for the same question.

Targets (from the issue): ask p50 <= 50 ms at 10k chunks, and ask p50 <= 3x the bare p50 at every size.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.api import Assistant  # noqa: E402
from ingest import Settings, ingest_paths  # noqa: E402
from ingest.chunk import chunk_document  # noqa: E402
from ingest.clean import clean_document  # noqa: E402
from ingest.load import load_file  # noqa: E402
from ingest.store import Store  # noqa: E402

CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"
TARGET_P50_MS = 50.0
TARGET_AT = 10_000
TARGET_RATIO = 3.0
MAX_BYTES = 1 << 30

# Place names in the bundled reports, each replaced by a city from CITIES in a variant.
PLACES = ("乌鲁木齐", "铜川", "陕西", "宁夏", "银川", "金凤", "海南", "海口", "湖北", "咸安", "武汉", "济宁",
          "泗水", "山东", "洛阳", "河南", "清镇", "贵阳", "贵州", "天心", "长沙", "湖南", "新疆")
CITIES = ("宝鸡", "咸阳", "渭南", "延安", "汉中", "榆林", "安康", "商洛", "兰州", "天水", "白银", "酒泉", "张掖",
          "西宁", "石嘴山", "吴忠", "固原", "中卫", "三亚", "儋州", "琼海", "襄阳", "宜昌", "荆州", "黄冈", "孝感",
          "十堰", "恩施", "淄博", "烟台", "潍坊", "临沂", "泰安", "威海", "日照", "德州", "聊城", "菏泽", "开封",
          "安阳", "新乡", "焦作", "许昌", "南阳", "信阳", "周口", "驻马店", "遵义", "六盘水", "安顺", "毕节",
          "铜仁", "凯里", "都匀", "株洲", "湘潭", "衡阳", "岳阳", "常德", "郴州", "永州", "怀化", "邵阳", "喀什",
          "伊宁", "库尔勒", "阿克苏", "哈密", "昌吉", "石河子", "克拉玛依", "吐鲁番", "无锡", "常州", "苏州",
          "南通", "扬州", "镇江", "泰州", "徐州", "温州", "嘉兴", "湖州", "绍兴", "金华", "台州", "丽水",
          "芜湖", "蚌埠", "安庆", "阜阳", "泉州", "漳州", "莆田", "赣州", "九江", "上饶", "宜春", "柳州",
          "桂林", "梧州", "玉林", "曲靖", "大理", "玉溪", "绵阳", "德阳", "宜宾", "南充", "泸州", "乐山",
          "大同", "长治", "运城", "晋中", "包头", "赤峰", "鄂尔多斯", "保定", "唐山", "邯郸", "沧州", "廊坊",
          "大连", "鞍山", "锦州", "吉林", "四平", "齐齐哈尔", "牡丹江", "佛山", "东莞", "珠海", "汕头", "湛江")
_PLACE = re.compile("|".join(sorted(PLACES, key=len, reverse=True)))
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


# -- the generated reports --------------------------------------------------------------------
def originals():
    """(stem, Document) for each bundled report, as the pipeline cleans it."""
    docs = []
    for path in sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.startswith(".")):
        loaded = load_file(path, MAX_BYTES)
        docs.append((path.stem, clean_document(loaded.lines, path, loaded.title_hint)))
    return docs


def _vary_number(m: re.Match, text: str, rng: random.Random) -> str:
    raw, after = m.group(), text[m.end():m.end() + 1]
    if after == "月" and "." not in raw:
        return str(rng.randint(1, 12))
    if after in "日号" and after and "." not in raw:
        return str(rng.randint(1, 28))
    if len(raw) == 4 and raw[:2] in ("19", "20"):
        return str(int(raw) + rng.randint(-4, 3))
    factor = rng.uniform(0.4, 2.5)
    if "." in raw:
        decimals = len(raw.split(".")[1])
        return f"{float(raw) * factor:.{decimals}f}"
    return str(max(1, round(int(raw) * factor)))


def variant_text(doc, n: int, seed: int, keep: int | None = None) -> str:
    """Report n: the document with its places swapped, its figures changed, its paragraphs shuffled."""
    rng = random.Random(f"{seed}:{n}")
    places = dict(zip(PLACES, rng.sample(CITIES, len(PLACES))))

    def vary(text: str) -> str:
        text = _PLACE.sub(lambda m: places[m.group()], text)
        return _NUMBER.sub(lambda m: _vary_number(m, text, rng), text)

    paragraphs = [vary(p) for p in doc.paragraphs]
    rest = paragraphs[1:]
    rng.shuffle(rest)  # the lead paragraph stays first, as in a real report
    paragraphs = (paragraphs[:1] + rest)[:keep]
    meta = f"{doc.date} | 来源:youthqa benchmark variant {n}" if doc.date else f"来源:youthqa benchmark variant {n}"
    return f"# {vary(doc.title)}\n{meta}\n" + "\n".join(paragraphs) + "\n"


def chunk_count(path: Path) -> int:
    loaded = load_file(path, MAX_BYTES)
    return len(chunk_document(clean_document(loaded.lines, path, loaded.title_hint)))


class Generator:
    """Writes variant reports into a folder, n = 0, 1, 2, ...; cycles through the originals."""

    def __init__(self, folder: Path, seed: int):
        self.folder, self.seed = folder, seed
        self.docs = originals()
        folder.mkdir(parents=True, exist_ok=True)
        # A reused --workdir: carry on after the reports already written (and ingested, see main).
        self.n = 1 + max((int(p.name[1:7]) for p in folder.glob("v[0-9][0-9][0-9][0-9][0-9][0-9]-*.txt")), default=-1)

    def next(self, remaining: int) -> tuple[Path, int] | None:
        """The next report, trimmed so it adds at most `remaining` chunks; None after 50 misses."""
        for _ in range(50):
            stem, doc = self.docs[self.n % len(self.docs)]
            path = self.folder / f"v{self.n:06d}-{stem}.txt"
            n = self.n
            self.n += 1
            for keep in range(len(doc.paragraphs), 0, -1):
                text = variant_text(doc, n, self.seed, keep)
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    path.write_text(text, encoding="utf-8")
                count = chunk_count(path)
                if 0 < count <= remaining:
                    return path, count
            path.unlink()
        return None


def grow(settings: Settings, gen: Generator, target: int, current: int, batch_files: int) -> int:
    """Ingest new variant reports until the index holds `target` chunks; returns the new count."""
    if current >= target:
        return current
    started, added, last = time.perf_counter(), 0, 0.0
    need = target - current
    while current < target:
        batch, planned = [], 0
        while len(batch) < batch_files and current + planned < target:
            got = gen.next(target - current - planned)
            if got is None:
                break
            batch.append(got[0])
            planned += got[1]
        if not batch:
            print(f"  [ingest] could not reach {target} chunks exactly; stopping at {current}", flush=True)
            break
        summary = ingest_paths([str(p) for p in batch], settings)
        if summary.failed:
            raise SystemExit("ingest failed:\n" + summary.report())
        before, current = current, Store.open(settings).count()
        added += current - before
        now = time.perf_counter()
        if now - last > 5 or current >= target:
            rate = added / (now - started)
            eta = (target - current) / rate if rate else 0
            print(f"  [ingest] {current:>7} / {target} chunks  ({added}/{need} new, {rate:.0f} chunks/s, "
                  f"{now - started:.0f} s elapsed, ETA {eta:.0f} s)", flush=True)
            last = now
    return current


# -- the questions ----------------------------------------------------------------------------
def questions(n: int = 30, seed: int = 0) -> list[str]:
    """~n gold questions across all reports and question types, English included in proportion."""
    # The gold files about corpus/, which the benchmark's knowledge base is made of (not the practice2 reports,
    # near misses or conversations).
    files = [GOLD / f"{name}.jsonl" for name in ("practice", "tongchuan", "heldout")]
    rows = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    rng = random.Random(seed)
    picked = []
    for english in (False, True):  # English questions take a slower path (clause similarities): keep their share
        group = sorted((r for r in rows if _english(r["question"]) == english), key=lambda r: (r["type"], r["id"]))
        quota = min(len(group), max(1 if group else 0, round(n * len(group) / len(rows))))
        step = len(group) / quota if quota else 1  # systematic sample over type-sorted rows: types in proportion
        start = rng.random() * step
        picked += [group[int(start + i * step)] for i in range(quota)]
    rng.shuffle(picked)
    return [row["question"] for row in picked]


def _english(question: str) -> bool:
    return len(re.findall(r"[A-Za-z]", question)) > 2 * len(re.findall(r"[\u4e00-\u9fff]", question))


# -- measuring --------------------------------------------------------------------------------
def rss_mb() -> tuple[float, float]:
    """(current RSS, peak RSS) of this process in MB."""
    try:
        status = Path("/proc/self/status").read_text()
        cur = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024
    except (OSError, AttributeError):
        cur = float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return cur, peak


class OtherLoad:
    """Share of the machine's CPU time that other processes used between start() and stop().

    The default embedder runs one BLAS thread per core; when another process holds a core, each
    query embedding gets many times slower, so a figure is only comparable with its load beside it.
    """

    def start(self) -> "OtherLoad":
        self.t0, self.busy0, self.own0 = time.perf_counter(), self._busy(), self._own()
        return self

    def stop(self) -> float:
        wall = time.perf_counter() - self.t0
        others = (self._busy() - self.busy0) - (self._own() - self.own0)
        return max(0.0, others / (wall * (os.cpu_count() or 1))) if wall > 0 else float("nan")

    @staticmethod
    def _busy() -> float:
        try:
            fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return float("nan")
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")

    @staticmethod
    def _own() -> float:
        t = os.times()
        return t.user + t.system


def wait_idle(limit_s: float, threshold: float = 0.15) -> None:
    """Wait (up to limit_s) until other processes use less than `threshold` of the CPUs."""
    started = time.perf_counter()
    said = -30.0
    while time.perf_counter() - started < limit_s:
        probe = OtherLoad().start()
        time.sleep(2)
        load = probe.stop()
        if load < threshold:
            return
        waited = time.perf_counter() - started
        if waited - said >= 30:
            print(f"  [wait-idle] other processes use {100 * load:.0f}% of the CPUs; waited {waited:.0f} s", flush=True)
            said = waited
    print(f"  [wait-idle] still busy after {limit_s:.0f} s; timing anyway (see the 'other' column)", flush=True)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def measure(settings: Settings, qs: list[str], timings: int, warmup: int, profile: bool, top: int,
            idle_s: float = 0.0) -> dict:
    gc.collect()
    if idle_s:
        wait_idle(idle_s)
    # Assistant.open keeps the lexical index pickled under <index>/cache: drop it, so a reused --workdir
    # still measures a build (what the first ask after every ingest pays), not a cache load.
    shutil.rmtree(settings.index / "cache", ignore_errors=True)
    t = time.perf_counter()
    assistant = Assistant.open(settings)
    open_s = time.perf_counter() - t
    t = time.perf_counter()
    assistant.retriever.index()  # the lexical index (+ document index): built once per store stamp
    lexical_s = time.perf_counter() - t
    store, embedder = assistant.store, assistant.retriever.embedder
    chunks = store.count()

    def bare(q: str) -> None:
        v = embedder.embed_query(q)
        store.chunks.query(query_embeddings=[v], n_results=5)

    for q in qs[:warmup]:
        assistant.ask(q)
        bare(q)
    ask_ms, bare_ms, retrieve_ms, per_q = [], [], [], {}
    load = OtherLoad().start()
    for i in range(timings):
        q = qs[i % len(qs)]
        t = time.perf_counter()
        answer = assistant.ask(q)
        a = 1000 * (time.perf_counter() - t)
        t = time.perf_counter()
        bare(q)
        b = 1000 * (time.perf_counter() - t)
        ask_ms.append(a)
        bare_ms.append(b)
        retrieve_ms.append(answer.timings.get("retrieve_ms", float("nan")))
        per_q.setdefault(q, []).append(a)
    other_load = load.stop()
    result = {
        "chunks": chunks, "other_load": other_load, "open_s": open_s, "lexical_s": lexical_s,
        "ask_p50": pct(ask_ms, 50), "ask_p95": pct(ask_ms, 95),
        "retrieve_p50": pct(retrieve_ms, 50), "retrieve_p95": pct(retrieve_ms, 95),
        "bare_p50": pct(bare_ms, 50), "bare_p95": pct(bare_ms, 95),
        "slowest": sorted(((statistics.median(v), q) for q, v in per_q.items()), reverse=True)[:5],
    }
    result["ratio"] = result["ask_p50"] / result["bare_p50"]
    result["rss_mb"], result["peak_mb"] = rss_mb()
    if profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for q in qs:
            assistant.ask(q)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs()
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
        result["profile"] = out.getvalue()
    del assistant
    gc.collect()
    return result


def verdict(size: int, r: dict) -> str:
    marks = []
    if size == TARGET_AT:
        marks.append(("p50<=50ms " + ("met" if r["ask_p50"] <= TARGET_P50_MS else "MISSED")))
    marks.append(f"ratio<={TARGET_RATIO:g}x " + ("met" if r["ratio"] <= TARGET_RATIO else "MISSED"))
    return ", ".join(marks)


def print_table(rows: list[tuple[int, dict]]) -> None:
    head = (f"{'size':>7} {'chunks':>7} | {'ask p50':>8} {'ask p95':>8} | {'retr p50':>8} | {'bare p50':>8} "
            f"{'bare p95':>8} | {'ratio':>6} | {'lex build':>9} | {'RSS MB':>7} {'peak':>7} | {'other':>5} | targets")
    print("\n" + head)
    print("-" * len(head))
    for size, r in rows:
        print(f"{size:>7} {r['chunks']:>7} | {r['ask_p50']:>8.1f} {r['ask_p95']:>8.1f} | {r['retrieve_p50']:>8.1f} | "
              f"{r['bare_p50']:>8.1f} {r['bare_p95']:>8.1f} | {r['ratio']:>5.1f}x | {r['lexical_s']:>8.2f}s | "
              f"{r['rss_mb']:>7.0f} {r['peak_mb']:>7.0f} | {100 * r['other_load']:>4.0f}% | {verdict(size, r)}")
    print("(ms; ratio = ask p50 / bare p50; bare = embed_query + chunks.query(n_results=5); "
          "retr = Answer.timings['retrieve_ms']; lex build = first retriever.index() after open, not timed in ask;\n"
          " other = CPU share other processes used while timing: above ~10% the figures are inflated)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="chunk counts, ascending (default: %(default)s)")
    ap.add_argument("--timings", type=int, default=100, help="timed asks per size (default: %(default)s)")
    ap.add_argument("--questions", type=int, default=30, help="distinct gold questions (default: %(default)s)")
    ap.add_argument("--warmup", type=int, default=5, help="untimed asks after opening (default: %(default)s)")
    ap.add_argument("--workdir", type=Path, help="keep reports and index here (reused next run) instead of a temp dir")
    ap.add_argument("--batch-files", type=int, default=150, help="reports per ingest_paths call (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--profile", default="", help="sizes at which to cProfile one pass of ask() over the questions")
    ap.add_argument("--top", type=int, default=30, help="profile rows to print (default: %(default)s)")
    ap.add_argument("--wait-idle", type=float, default=0.0, metavar="SECONDS",
                    help="before timing each size, wait up to this long for other processes to go quiet")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    profile_at = {int(s) for s in args.profile.split(",") if s.strip()}

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="youthqa-bench-query-"))
    workdir.mkdir(parents=True, exist_ok=True)
    settings = Settings(index=workdir / "index")
    qs = questions(args.questions, args.seed)
    english = sum(map(_english, qs))
    print(f"workdir {workdir}; {len(qs)} questions ({english} English), {args.timings} timings per size; "
          f"{os.cpu_count()} CPUs", flush=True)
    rows, missed = [], False
    try:
        t = time.perf_counter()
        summary = ingest_paths([str(CORPUS)], settings)
        if summary.failed:
            raise SystemExit("ingest of the bundled corpus failed:\n" + summary.report())
        gen = Generator(workdir / "reports", args.seed)
        if gen.n:  # a reused --workdir: make sure every report written last time is in the index
            ingest_paths([str(gen.folder)], settings)
        current = Store.open(settings).count()
        print(f"bundled corpus{' + %d reused reports' % gen.n if gen.n else ''}: {current} chunks "
              f"({time.perf_counter() - t:.1f} s, includes loading the embedder)", flush=True)
        for size in sizes:
            if current > size * 1.01:  # a reused index a few chunks over (the bundled corpus re-chunked) is measured
                print(f"size {size}: the index already holds {current} chunks (reused --workdir?); skipped", flush=True)
                continue
            print(f"\nsize {size}: growing the index from {current} chunks", flush=True)
            t = time.perf_counter()
            current = grow(settings, gen, size, current, args.batch_files)
            print(f"  ingest to {current} chunks: {time.perf_counter() - t:.1f} s", flush=True)
            r = measure(settings, qs, args.timings, args.warmup, size in profile_at, args.top, args.wait_idle)
            print(f"  open {r['open_s']:.2f} s, lexical index build {r['lexical_s']:.2f} s; "
                  f"ask p50 {r['ask_p50']:.1f} ms p95 {r['ask_p95']:.1f} ms; bare p50 {r['bare_p50']:.1f} ms "
                  f"p95 {r['bare_p95']:.1f} ms; ratio {r['ratio']:.1f}x; RSS {r['rss_mb']:.0f} MB "
                  f"(peak {r['peak_mb']:.0f} MB); other processes used {100 * r['other_load']:.0f}% of the CPUs", flush=True)
            print("  slowest questions (p50 ms): " + "; ".join(f"{ms:.0f} {q[:28]}" for ms, q in r["slowest"]))
            if "profile" in r:
                print(f"\n  cProfile, one pass of {len(qs)} asks at {current} chunks:\n{r['profile']}", flush=True)
            rows.append((size, r))
            missed |= "MISSED" in verdict(size, r)
        print_table(rows)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
