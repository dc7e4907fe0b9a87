"""How well ingest/facts.py reads figures: precision and recall of value + unit + indicator against a hand-checked
set (tests/data/facts/figures.jsonl, one figure a line: {"doc": file name, "indicator", "value", "unit"}, optional
"paragraph").

A fact is right when a hand-checked figure of its report has the same value, the same unit family (名 = 人 = 位)
and an indicator that one contains the other's, or reads alike (difflib ratio ≥ INDICATOR_ALIKE).
"""
from __future__ import annotations

import json
import math
from difflib import SequenceMatcher
from pathlib import Path

INDICATOR_ALIKE = 0.5  # two indicators of one figure written apart ("注册志愿者" / "实名注册的志愿者") read at 0.6-0.8
_FAMILY = {"名": "人", "位": "人"}


def load_figures(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def same_figure(fact, figure: dict) -> bool:
    if fact.source != figure["doc"] or ("paragraph" in figure and int(figure["paragraph"]) != fact.paragraph):
        return False
    if not math.isclose(fact.value, float(figure["value"]), rel_tol=1e-6):
        return False
    if _FAMILY.get(fact.unit, fact.unit) != _FAMILY.get(figure["unit"], figure["unit"]):
        return False
    a, b = fact.indicator, str(figure["indicator"])
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= INDICATOR_ALIKE


def extraction_scores(facts: list, figures: list[dict]) -> dict:
    """{"precision", "recall", "facts", "figures"}: facts of the reports the set covers only (it need not cover all)."""
    covered = {f["doc"] for f in figures}
    mine = [f for f in facts if f.source in covered]
    right = sum(any(same_figure(f, g) for g in figures) for f in mine)
    found = sum(any(same_figure(f, g) for f in mine) for g in figures)
    return {"precision": round(right / len(mine), 4) if mine else 0.0,
            "recall": round(found / len(figures), 4) if figures else 0.0, "facts": len(mine), "figures": len(figures)}


def corpus_facts(folders) -> list:
    """Every fact ingest would store for the reports in these folders (no index needed)."""
    from ingest.clean import clean_document
    from ingest.facts import extract_facts
    from ingest.load import SUPPORTED, LoadError, load_file
    from ingest.pipeline import expand
    from ingest.settings import Settings

    facts = []
    for path in expand(folders):
        if path.suffix.lower() not in SUPPORTED:
            continue
        try:
            loaded = load_file(path, Settings().max_file_mb * 2**20)
        except LoadError:
            continue
        facts += extract_facts(clean_document(loaded.lines, path, loaded.title_hint))
    return facts
