"""Facts query latency at 100k chunks, next to a plain chunk query measured in the same run.

    python benchmarks/bench_facts.py                    # 100k chunks (a few minutes: no embedding of the padding)
    python benchmarks/bench_facts.py --chunks 10000
    python benchmarks/bench_facts.py --scores           # only: match scores of the cross gold's figures vs the rest

The 37 bundled and practice reports are ingested for real (chunks and facts, default encoder). The index is then
padded to --chunks with copies of their records: the same texts and metadata under new ids and doc_ids, vectors
of the originals plus small noise (Chroma's HNSW cost depends on the count and dimension, not on what the vectors
mean), and reports' facts in the measured ratio of reports to chunks: each copy counts indicators of its own (the
originals' renamed, their vectors jittered: an upper bound, as real reports share many indicators). Timed,
interleaved, over the indicator queries below: `Assistant.facts(q)` (embed, Chroma query of the nearest
indicators, scoring their facts), and the plain chunk query
`embed_query(q)` + `store.query(v, 5)`.

Target (issue 11): a facts query p50 <= 50 ms at 100k chunks.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.api import Assistant  # noqa: E402
from ingest import Settings, ingest_paths  # noqa: E402
from ingest.load import SUPPORTED  # noqa: E402
from ingest.pipeline import expand  # noqa: E402

FOLDERS = [ROOT / "corpus", ROOT / "tests/data/practice2/A", ROOT / "tests/data/practice2/B"]
QUERIES = ("注册志愿者", "注册青年志愿者", "团员", "团组织", "希望小学", "资助学生", "青年志愿服务组织", "西部计划志愿者",
           "筹集资金", "创业贷款", "青年之家", "禁毒宣传资料", "团支部", "少先队员", "见习岗位", "志愿服务时长")
TARGET_P50_MS = 50.0
STEP = 2000  # records per Chroma add


def reports() -> list[Path]:
    return [p for p in expand(FOLDERS) if p.suffix.lower() in SUPPORTED]


def pad(collection, target: int, rng) -> None:
    """Copies of the collection's records until it holds `target`: new ids and doc_ids, vectors jittered."""
    got = collection.get(include=["embeddings", "metadatas", "documents"])
    base = len(got["ids"])
    vectors = np.asarray(got["embeddings"], dtype=np.float32)
    copy, added = 0, base
    while added < target:
        copy += 1
        for i in range(0, base, STEP):
            n = min(STEP, base - i, target - added)
            if n <= 0:
                break
            metas = [dict(m, doc_id=f"{m['doc_id']}-copy{copy}") for m in got["metadatas"][i:i + n]]
            collection.add(ids=[f"{x}-copy{copy}" for x in got["ids"][i:i + n]], embeddings=_jitter(vectors[i:i + n], rng),
                           metadatas=metas, documents=got["documents"][i:i + n])
            added += n


def pad_facts(store, target: int, rng) -> None:
    """Copies of the reports' fact records until `target` reports hold facts, each copy with indicators of its own."""
    from ingest.facts_store import indicator_key

    by_doc: dict[str, list] = {}
    for f in store.all_facts():
        by_doc.setdefault(f.doc_id, []).append(f)
    reports = list(by_doc.values())
    got = store.indicators.get(include=["embeddings", "metadatas"])
    vector_of = dict(zip((m["indicator"] for m in got["metadatas"]), np.asarray(got["embeddings"], dtype=np.float32)))
    copy, added = 0, len(reports)
    while added < target:
        copy += 1
        facts = [replace(f, doc_id=f"{f.doc_id}-copy{copy}", indicator=f"{f.indicator}·{copy}")
                 for own in reports[:target - added] for f in own]
        names = sorted({f.indicator for f in facts})
        vectors = _jitter(np.stack([vector_of[n.rsplit("·", 1)[0]] for n in names]), rng)
        for i in range(0, len(names), STEP):
            store.indicators.add(ids=[indicator_key(n) for n in names[i:i + STEP]], embeddings=vectors[i:i + STEP],
                                 metadatas=[{"indicator": n} for n in names[i:i + STEP]])
        store.put_facts(sorted({f.doc_id for f in facts}), facts)
        added += min(len(reports), target - added)


def _jitter(vectors, rng):
    jittered = vectors + rng.normal(0, 0.02, vectors.shape).astype(np.float32)
    return jittered / np.linalg.norm(jittered, axis=1, keepdims=True)


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return 1000 * (time.perf_counter() - started)


def bench(chunks: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="youthqa-bench-facts-") as tmp:
        settings = Settings(index=Path(tmp) / "idx")
        ingest_paths(reports(), settings)
        assistant = Assistant.open(settings)
        store, rng = assistant.store, np.random.default_rng(0)
        ratio = store.facts.count() / store.count()
        started = time.perf_counter()
        pad(store.chunks, chunks, rng)
        pad_facts(store, int(chunks * ratio), rng)
        store.touch()
        print(f"padded to {store.count()} chunks, {store.facts.count()} reports' facts ({ratio:.3f} a chunk), "
              f"{store.indicators.count()} indicators "
              f"in {time.perf_counter() - started:.0f} s", flush=True)
        assistant.retriever.refresh()
        for q in QUERIES[:3]:  # warm-up: lexical index, catalogue, encoder
            assistant.facts(q)
        embedder = assistant.retriever.embedder
        facts_ms, plain_ms = [], []
        for _ in range(rounds):
            for q in QUERIES:
                facts_ms.append(timed(lambda: assistant.facts(q)))
                plain_ms.append(timed(lambda: store.query(embedder.embed_query(q), 5)))
        p50, plain = statistics.median(facts_ms), statistics.median(plain_ms)
        return {"chunks": store.count(), "facts": store.fact_count(), "indicators": store.indicators.count(), "facts_p50_ms": round(p50, 1),
                "facts_p95_ms": round(sorted(facts_ms)[int(0.95 * (len(facts_ms) - 1))], 1),
                "plain_p50_ms": round(plain, 1), "ratio": round(p50 / plain, 2), "target_met": p50 <= TARGET_P50_MS}


def scores() -> None:
    """The match scores (app/engine/cross.py MATCH_MIN) of the figures the cross gold's list and trend questions
    name, against every other figure the facts query returns for them."""
    import app.engine.cross as cross
    from app.evaluation.metrics import load_gold

    with tempfile.TemporaryDirectory(prefix="youthqa-bench-facts-") as tmp:
        settings = Settings(index=Path(tmp) / "idx")
        ingest_paths(reports(), settings)
        assistant, kept, cross.MATCH_MIN = Assistant.open(settings), cross.MATCH_MIN, 0.0
        right, other = [], []
        for g in load_gold(ROOT / "tests/data/gold/cross.jsonl"):
            if g.kind not in ("list", "trend"):
                continue
            named = {x for answer in g.answers for x in answer.split("|")}
            asked = cross.detect(g.question)
            for f, s in cross.match(assistant.fact_table, "", assistant.retriever.embedder, asked.indicator):
                (right if f.figure in named or f.label() in named else other).append(s)
    print("figures the gold names:", sorted(round(s, 2) for s in right))
    print("other figures, deciles:", [round(x, 2) for x in statistics.quantiles(other, n=10)],
          f"share at or above MATCH_MIN {kept}: {sum(s >= kept for s in other) / len(other):.3f} of {len(other)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the queries")
    parser.add_argument("--scores", action="store_true")
    args = parser.parse_args()
    if args.scores:
        scores()
        return 0
    result = bench(args.chunks, args.rounds)
    print(result)
    return 0 if result["target_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
