"""Lexical index candidates on the real data shape (issue 13): bm25s rebuilt whole (the old design),
bm25s base segment + delta (the new one), SQLite FTS5 over the same pre-tokenised n-grams.

    python benchmarks/lexical_alternatives.py --chunks 10000

Chunks are the bundled reports plus variants (bench_query.variant_text); no embedding, no Chroma.
Quality: lexical-only hit@1/hit@3 of the gold evidence paragraph (gold questions on the bundled corpus,
ranked over all chunks, variants included). Prints one row per candidate.
"""
from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_query import originals, variant_text  # noqa: E402
from ingest.chunk import chunk_document  # noqa: E402
from ingest.clean import clean_document  # noqa: E402
from ingest.lexical import Segment, document_rows, tokenize  # noqa: E402
from ingest.lexstate import State  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"


def corpus_chunks(target: int):
    docs = originals()
    rows = [c for _, d in docs for c in chunk_document(d)]
    n = 0
    while len(rows) < target:
        stem, doc = docs[n % len(docs)]
        lines = variant_text(doc, n, 0).splitlines()
        varied = clean_document(lines, Path(f"v{n:06d}-{stem}.txt"), lines[0].lstrip("# "))
        rows.extend(chunk_document(varied)[: target - len(rows)])
        n += 1
    return rows


def gold():
    names = {p.name for p in (ROOT / "corpus").iterdir()}
    for file in GOLD.glob("*.jsonl"):
        for line in file.read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            for turn in g.get("turns", [g]):
                if turn.get("evidence") and turn.get("doc") in names:
                    yield turn["question"], turn["doc"], turn["evidence"]


def hits(rank, chunks, questions) -> tuple[float, float]:
    h1 = h3 = 0
    for q, doc, evidence in questions:
        seen, paras = set(), []
        for pos in rank(q):
            c = chunks[pos]
            if (c.doc_id, c.paragraph) not in seen:
                seen.add((c.doc_id, c.paragraph))
                paras.append(c)
            if len(paras) == 3:
                break
        good = [c.source == doc and evidence[:12] in "".join(x.text for x in chunks if x.doc_id == c.doc_id
                                                           and x.paragraph == c.paragraph) for c in paras]
        h1 += bool(good[:1] and good[0])
        h3 += any(good)
    return h1 / len(questions), h3 / len(questions)


def meta(c) -> dict:
    return {"doc_id": c.doc_id, "title": c.title, "source": c.source, "date": c.date, "paragraph": c.paragraph,
            "start": c.start}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn, qs):
    times = []
    for q in qs:
        t = time.perf_counter()
        fn(q)
        times.append(1000 * (time.perf_counter() - t))
    return statistics.median(times)


def bm25s_rows(chunks, qs, folder: Path):
    import numpy as np

    rows = [(c.chunk_id, c.text, meta(c)) for c in chunks]
    t = time.perf_counter()
    seg = Segment.write(folder / "seg", rows, seq=0)
    build = time.perf_counter() - t
    state = State(Segment.open(folder / "seg"))
    # In chunk order, as the others rank: variants repeat paragraphs word for word, so ties are many and are
    # broken by position (the bundled reports come first), for every candidate alike.
    at = np.array([state.position(c.chunk_id) for c in chunks])
    rank = lambda q: np.argsort(-state.scores(q)[at], kind="stable")[:40]  # noqa: E731
    one = [(f"new:{c.paragraph}:{c.start}", c.text, {**meta(c), "doc_id": "new"}) for c in chunks[:40]]
    t = time.perf_counter()
    state.with_changes(document_rows(one), 1).scores("铜川志愿者")
    add = time.perf_counter() - t
    return {"build_s": build, "add_report_s": add, "query_p50_ms": timed(state.scores, qs), "rank": rank,
            "disk_mb": sum(p.stat().st_size for p in (folder / "seg").rglob("*") if p.is_file()) / 2**20, "seg": seg}


def fts5_rows(chunks, qs, folder: Path):
    db = sqlite3.connect(folder / "fts.sqlite")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize=\"unicode61 tokenchars '.'\")")
    t = time.perf_counter()
    db.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)",
                   ((i, " ".join(tokenize(f"{c.title} {c.text}"))) for i, c in enumerate(chunks)))
    db.commit()
    build = time.perf_counter() - t
    t = time.perf_counter()
    db.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)",
                   ((10**9 + i, " ".join(tokenize(f"{c.title} {c.text}"))) for i, c in enumerate(chunks[:40])))
    db.commit()
    add = time.perf_counter() - t
    db.execute("DELETE FROM t WHERE rowid >= ?", (10**9,))
    db.commit()

    def rank(q, limit=40):
        terms = " OR ".join(f'"{tok}"' for tok in dict.fromkeys(tokenize(q, unigrams=False)))
        got = db.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rank LIMIT ?", (terms, limit)).fetchall()
        return [r[0] for r in got]

    return {"build_s": build, "add_report_s": add, "query_p50_ms": timed(rank, qs), "rank": rank,
            "disk_mb": (folder / "fts.sqlite").stat().st_size / 2**20}


def tantivy_rows(chunks, qs, folder: Path):
    """tantivy-py (not a dependency: `pip install --target DIR tantivy`, DIR on PYTHONPATH) over the same n-grams,
    pre-tokenised and split on whitespace."""
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=False, tokenizer_name="whitespace")
    sb.add_integer_field("pos", stored=True, indexed=False)
    (folder / "tv").mkdir()
    index = tantivy.Index(sb.build(), path=str(folder / "tv"))

    def add(rows, offset=0):
        writer = index.writer(heap_size=100_000_000, num_threads=1)
        for i, c in enumerate(rows):
            writer.add_document(tantivy.Document(body=" ".join(tokenize(f"{c.title} {c.text}")), pos=offset + i))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()

    t = time.perf_counter()
    add(chunks)
    build = time.perf_counter() - t
    t = time.perf_counter()
    add(chunks[:40], 10**9)
    add_s = time.perf_counter() - t
    searcher = index.searcher()

    def rank(q, limit=40):
        terms = " OR ".join(f'"{tok}"' for tok in dict.fromkeys(tokenize(q, unigrams=False)))
        hits = searcher.search(index.parse_query(terms, ["body"]), limit).hits
        return [p for p in (searcher.doc(a)["pos"][0] for _, a in hits) if p < 10**9]

    return {"build_s": build, "add_report_s": add_s, "query_p50_ms": timed(rank, qs), "rank": rank,
            "disk_mb": sum(p.stat().st_size for p in (folder / "tv").iterdir()) / 2**20}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chunks", type=int, default=10_000)
    args = ap.parse_args(argv)
    chunks = corpus_chunks(args.chunks)
    questions = list(gold())
    qs = [q for q, _, _ in questions]
    print(f"{len(chunks)} chunks, {len(questions)} gold questions on the bundled corpus")
    print(f"{'candidate':<28}{'build s':>9}{'add 1 rpt s':>12}{'query p50 ms':>13}{'disk MB':>9}{'hit@1':>7}{'hit@3':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        candidates = [("bm25s segment (+delta)", bm25s_rows), ("sqlite fts5 (n-gram col)", fts5_rows)]
        try:
            import tantivy  # noqa: F401

            candidates.append(("tantivy (whitespace n-grams)", tantivy_rows))
        except ImportError:
            print("tantivy: not installed, skipped")
        for name, run in candidates:
            before = rss_mb()
            r = run(chunks, qs, Path(tmp))
            h1, h3 = hits(r["rank"], chunks, questions)
            print(f"{name:<28}{r['build_s']:>9.2f}{r['add_report_s']:>12.3f}{r['query_p50_ms']:>13.2f}"
                  f"{r['disk_mb']:>9.1f}{h1:>7.2f}{h3:>7.2f}   (max RSS +{rss_mb() - before:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
