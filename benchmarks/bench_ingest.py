"""Ingest throughput against the embedder's own encode throughput.

    python benchmarks/bench_ingest.py              # 2,000 generated reports (what `make bench` runs)
    python benchmarks/bench_ingest.py --reports 200   # quick run

Generates N reports by varying the bundled corpus (paragraphs shuffled, numbers and place names
changed, formats rotated .txt/.md/.html), then in one process measures
  (a) encode: load_embedder(...).embed_documents on exactly the chunk texts ingest will embed,
      once before and once after (b); their mean is the baseline,
  (b) ingest: ingest_paths into a fresh index,
both as paragraphs (chunk texts) per second, and their ratio (target >= 0.8). A breakdown shows
where the ingest thread's time goes, and the CPU of this process and of the encoder workers.
"""
from __future__ import annotations

import argparse
import html
import os
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import Settings, ingest_paths  # noqa: E402
from ingest import pipeline, snapshot  # noqa: E402
from ingest.chunk import chunk_document  # noqa: E402
from ingest.clean import clean_document  # noqa: E402
from ingest.embed import load_embedder  # noqa: E402
from ingest.load import load_file  # noqa: E402
from ingest.settings import DEFAULT_EMBEDDING  # noqa: E402

TARGET = 0.8
PLACES = ["铜川", "宁夏", "济宁", "洛阳", "清镇", "天心", "海南", "新疆", "湖北", "咸宁", "银川", "贵阳",
          "长沙", "乌鲁木齐", "耀州", "王益", "宝鸡", "延安", "榆林", "汉中", "安康", "商洛", "渭南", "咸阳"]
_PLACE = re.compile("|".join(sorted(PLACES, key=len, reverse=True)))
_NUMBER = re.compile(r"\d+")


# -- corpus generation ----------------------------------------------------------------------------
def base_documents(corpus: Path):
    docs = []
    for path in sorted(corpus.iterdir()):
        loaded = load_file(path, 2**25)
        docs.append(clean_document(loaded.lines, path, loaded.title_hint))
    return docs


def _vary(text: str, rnd: random.Random, places: dict) -> str:
    text = _PLACE.sub(lambda m: places[m.group(0)], text)

    def number(m):
        digits = m.group(0)
        if len(digits) == 4 and digits.startswith(("19", "20")):
            return str(rnd.randint(2015, 2024))  # keep years looking like years
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 1
        return str(rnd.randint(low, 10 ** len(digits) - 1))

    return _NUMBER.sub(number, text)


def generate(folder: Path, n: int, seed: int) -> list[Path]:
    rnd = random.Random(seed)
    docs = base_documents(ROOT / "corpus")
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        base = docs[i % len(docs)]
        places = {p: rnd.choice(PLACES) for p in PLACES}
        title = f"{_vary(base.title, rnd, places)}(第{i + 1}期)"
        paragraphs = [_vary(p, rnd, places) for p in base.paragraphs]
        rnd.shuffle(paragraphs)
        paragraphs = paragraphs[: max(2, rnd.randint(len(paragraphs) // 2, len(paragraphs)))]
        date = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        kind = i % 3
        if kind == 0:
            path = folder / f"report-{i:05d}.txt"
            path.write_text(f"欢迎访问{places['铜川']}共青团网站\n{title}\n发布时间:{date} 来源:团市委 点击数:{rnd.randint(1, 9999)}\n\n"
                            + "\n\n".join(paragraphs) + "\n\n上一篇:团市委召开工作会议\n", encoding="utf-8")
        elif kind == 1:
            path = folder / f"report-{i:05d}.md"
            path.write_text(f"# {title}\n\n{date} | 共青团\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        else:
            path = folder / f"report-{i:05d}.html"
            body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
            path.write_text(
                f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}_共青团</title></head>"
                f"<body><nav><a href='/'>首页</a></nav><article><h1>{html.escape(title)}</h1>"
                f"<p>发布时间:{date} 来源:团市委</p>{body}</article>"
                f"<footer><p>版权所有 ICP备12345号</p></footer></body></html>", encoding="utf-8")
        paths.append(path)
    return paths


def chunk_texts(paths: list[Path]) -> tuple[list[str], int, int]:
    """Exactly the texts ingest embeds (load -> clean -> chunk -> embedding_text), the paragraph count,
    and how many reports have distinct article text (titles aside)."""
    texts, paragraphs, distinct = [], 0, set()
    for path in paths:
        loaded = load_file(path, 2**25)
        doc = clean_document(loaded.lines, path, loaded.title_hint)
        paragraphs += len(doc.paragraphs)
        distinct.add(doc.paragraphs)
        texts.extend(c.embedding_text() for c in chunk_document(doc))
    return texts, paragraphs, len(distinct)


# -- timing breakdown -------------------------------------------------------------------------------
class Breakdown:
    """Wall time spent in the pipeline's stages during one ingest, by wrapping the functions it calls."""

    def __init__(self):
        self.seconds = defaultdict(float)
        self.calls = defaultdict(int)

    def wrap(self, owner, name: str, label: str):
        original = getattr(owner, name)
        self.seconds[label] += 0.0  # rows print in the order wrapped, nested rows under their parent

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - started
                self.calls[label] += 1

        setattr(owner, name, timed)
        return owner, name, original

    @contextmanager
    def active(self, embedder):
        from chromadb.api.models.Collection import Collection

        from ingest.store import Store

        patches = [
            self.wrap(pipeline, "load_file", "load (read + decode + extract)"),
            self.wrap(pipeline, "clean_document", "clean"),
            self.wrap(pipeline, "chunk_document", "chunk"),
            self.wrap(pipeline, "extract_facts", "extract facts"),
            self.wrap(Store, "documents", "store: read known documents"),
            self.wrap(pipeline._Batch, "_write", "write batches (wait for vectors + store)"),
            self.wrap(Store, "put_facts", "  store: put_facts"),
            self.wrap(Store, "put_documents", "  store: put_documents"),
            self.wrap(Collection, "delete", "    chroma delete (chunks, facts)"),
            self.wrap(Collection, "add", "    chroma add (chunks, facts)"),
            self.wrap(Collection, "upsert", "    chroma upsert (document records)"),
            self.wrap(type(embedder), "embed_documents", "(background) embedding calls"),
            self.wrap(Store, "touch", "store: touch stamp"),
            self.wrap(snapshot, "_end", "snapshot at the end of the session"),
        ]
        try:
            yield self
        finally:
            for owner, name, original in reversed(patches):
                setattr(owner, name, original)


@dataclass(frozen=True)
class Measured:
    seconds: float
    cpu: float  # this process
    children: float  # its child processes: the encoder workers


def measure(run, result: bool = False):
    started, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
    value = run()
    measured = Measured(time.perf_counter() - started, time.process_time() - cpu, children_cpu() - children)
    return (measured, value) if result else measured


def print_breakdown(breakdown: Breakdown, ingest_s: float) -> None:
    seconds, calls = breakdown.seconds, breakdown.calls
    background = "(background) embedding calls"
    write, puts = "write batches (wait for vectors + store)", ("  store: put_documents", "  store: put_facts")
    print("\nwhere the ingest thread's time went (wall seconds, share of ingest; indented rows are inside the one above):")
    for label in seconds:
        if label == background:
            continue
        print(f"  {label:40s} {seconds[label]:7.1f} s  {100 * seconds[label] / ingest_s:5.1f}%  {calls[label]:6d} calls")
        if label == write:
            waited = seconds[write] - sum(seconds.get(put, 0.0) for put in puts)
            print(f"  {'  waiting for the encoder':40s} {waited:7.1f} s  {100 * waited / ingest_s:5.1f}%")
    accounted = sum(s for label, s in seconds.items() if not label.startswith(" ") and label != background)
    print(f"  {'other (open store, embed_query, ...)':40s} {ingest_s - accounted:7.1f} s  "
          f"{100 * (ingest_s - accounted) / ingest_s:5.1f}%")
    print(f"  {background:40s} {seconds[background]:7.1f} s  in {calls[background]} calls, overlapping the rows above")


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's live child processes: the encoder workers. Linux only."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def wait_idle(limit: float) -> None:
    if limit <= 0:
        return
    deadline = time.monotonic() + limit
    while os.getloadavg()[0] >= 1.0 and time.monotonic() < deadline:
        time.sleep(5)
    print(f"load average {os.getloadavg()[0]:.1f} when measuring started")


# -- main ---------------------------------------------------------------------------------------------
def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=2000, help="how many reports to generate (default 2000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--embedding", default=DEFAULT_EMBEDDING)
    parser.add_argument("--no-breakdown", action="store_true", help="do not time the ingest stages")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it (and the index)")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="before measuring, wait up to this long for the 1-minute load average to drop below 1")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="youthqa-bench-") as tmp:
        work = args.keep or Path(tmp)
        reports, index = work / "reports", work / "index"

        started = time.perf_counter()
        paths = generate(reports, args.reports, args.seed)
        generated = time.perf_counter() - started
        texts, paragraphs, distinct = chunk_texts(paths)
        print(f"corpus:   {len(paths)} reports ({generated:.1f} s to write), {paragraphs} paragraphs, "
              f"{len(texts)} chunk texts, {sum(map(len, texts)) / max(len(texts), 1):.0f} chars/text; "
              f"{distinct} with distinct article text")

        started = time.perf_counter()
        embedder = load_embedder(args.embedding)
        embedder.embed_query("预热")
        embedder.embed_documents(texts[:256])  # warm up: weights paged in, encoder workers started
        print(f"embedder: {args.embedding}, loaded in {time.perf_counter() - started:.1f} s (excluded below)")
        wait_idle(args.wait_idle)
        load_before = os.getloadavg()[0]

        # (a) before and after (b): their mean cancels a drift in this machine's speed during the run
        before = measure(lambda: embedder.embed_documents(texts))
        breakdown = Breakdown()
        settings = Settings(index=index, embedding=args.embedding)
        with (nullcontext() if args.no_breakdown else breakdown.active(embedder)):
            ingest, summary = measure(lambda: ingest_paths([reports], settings), result=True)
        after = measure(lambda: embedder.embed_documents(texts))
        if summary.failed or summary.added != len(paths) or summary.chunks != len(texts):
            print(summary.report())
            print("ingest did not add every report / embed every chunk text: figures not comparable", file=sys.stderr)
            return 1

        n = len(texts)
        encode_rate = n / ((before.seconds + after.seconds) / 2)
        ingest_rate = n / ingest.seconds
        ratio = ingest_rate / encode_rate
        print()
        for label, m in (("(a) encode only, before", before), ("(b) full ingest", ingest), ("(a) encode only, after", after)):
            print(f"{label:24s}: {n:6d} texts in {m.seconds:6.1f} s = {n / m.seconds:6.1f} paragraphs/s  "
                  f"(CPU: this process {m.cpu:5.1f} s, encoder workers {m.children:5.1f} s)")
        print(f"ratio ingest / mean encode = {ingest_rate:.1f} / {encode_rate:.1f} = {ratio:.2f}  "
              f"(target >= {TARGET}: {'PASS' if ratio >= TARGET else 'FAIL'})")
        print(f"machine: {os.cpu_count()} CPUs, 1-min load average {load_before:.1f} before measuring"
              + ("  -- other work was running: wall-clock figures are inflated" if load_before >= 1.0 else ""))
        if breakdown.seconds:
            print_breakdown(breakdown, ingest.seconds)
        if ingest.children:
            # With every core busy, ingest/encode ~ encoder CPU / all CPU: what the rest costs, measured in one run.
            print(f"CPU share of the encoder during ingest = {ingest.children / (ingest.children + ingest.cpu):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
