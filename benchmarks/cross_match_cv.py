"""MATCH_MIN (app/engine/cross.py) from data: every dev cross question (tests/data/gold/cross.jsonl and the odd ids of
crossdev.jsonl) is answered under each threshold of a grid over one index of their reports; folds leave reports out
(a question belongs to the fold of the first report it names, reports spread over folds by name), each fold's
threshold is the one best on the other folds (the middle of a tie), and the held-out questions are scored with it.

    python benchmarks/cross_match_cv.py INDEX [--folds 5]   # INDEX: an index of the reports (youthqa ingest)
"""
from __future__ import annotations

import argparse
import json
import zlib
from pathlib import Path

from app.api import Assistant
from app.engine import cross
from app.evaluation.metrics import _parse, cross_correct
from ingest.settings import Settings

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "gold"
GRID = [round(0.4 + 0.1 * i, 1) for i in range(13)]  # 0.4 .. 1.6


def dev_items() -> list:
    items = [json.loads(x) for x in (GOLD / "cross.jsonl").read_text(encoding="utf-8").splitlines()]
    dev = [json.loads(x) for x in (GOLD / "crossdev.jsonl").read_text(encoding="utf-8").splitlines()]
    return items + [g for g in dev if int(g["id"].rsplit("-", 1)[1]) % 2]


def outcomes(assistant: Assistant, items: list) -> dict[float, list[bool]]:
    got = {}
    for t in GRID:
        cross.MATCH_MIN = t
        got[t] = [cross_correct(_parse(g), assistant.ask(g["question"])) for g in items]
    return got


def best(got: dict[float, list[bool]], keep: list[bool]) -> float:
    scores = {t: sum(ok for ok, k in zip(v, keep) if k) for t, v in got.items()}
    top = [t for t in GRID if scores[t] == max(scores.values())]
    return top[len(top) // 2]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("index")
    p.add_argument("--folds", type=int, default=5)
    args = p.parse_args()
    items = dev_items()
    got = outcomes(Assistant.open(Settings(index=args.index)), items)
    fold = [zlib.crc32(g["docs"][0].encode()) % args.folds for g in items]
    held, chosen = 0, []
    for k in range(args.folds):
        t = best(got, [f != k for f in fold])
        chosen.append(t)
        held += sum(ok for ok, f in zip(got[t], fold) if f == k)
    print("threshold: " + "  ".join(f"{t}:{sum(v)}" for t, v in got.items()), f"(of {len(items)})")
    print(f"per fold chosen {chosen}; held-out accuracy {held}/{len(items)} = {held / len(items):.3f}")
    print(f"on all dev items: {best(got, [True] * len(items))}")


if __name__ == "__main__":
    main()
