"""How well ingest/facts.py reads figures: precision and recall of value + unit + indicator against the hand-checked
set tests/data/facts/figures.jsonl (its README: one figure a line with doc, sentence, value, unit, indicator, ...,
para_start; every figure of each paragraph that has a para_start is annotated).

Recall: the share of hand-checked figures some fact states. Precision: the share of facts in annotated paragraphs
(those a para_start names) that state a hand-checked figure; other paragraphs may hold unannotated figures.
A fact states a figure when it is in the same report and paragraph, has the same value and the same unit family
(名 = 人 = 位), and its indicator contains the hand-checked one, is contained in it, or reads alike
(difflib ratio >= INDICATOR_ALIKE).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

INDICATOR_ALIKE = 0.5  # one phrase written two ways ("注册志愿者" / "实名注册的志愿者": 0.77); unrelated ones 0-0.3
_FAMILY = {"名": "人", "位": "人"}


@dataclass(frozen=True)
class Located:
    fact: object  # ingest.schema.Fact
    paragraph: str  # its paragraph's text, whitespace removed


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load_figures(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def same_figure(found: Located, figure: dict) -> bool:
    fact = found.fact
    if fact.source != figure["doc"] or _squash(figure["sentence"]) not in found.paragraph:
        return False
    if not math.isclose(fact.value, float(figure["value"]), rel_tol=1e-6):
        return False
    if _FAMILY.get(fact.unit, fact.unit) != _FAMILY.get(figure["unit"], figure["unit"]):
        return False
    a, b = fact.indicator, str(figure["indicator"])
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= INDICATOR_ALIKE


def annotated(found: Located, figures: list[dict]) -> bool:
    return any(f["doc"] == found.fact.source and found.paragraph.startswith(_squash(f["para_start"])) for f in figures)


def extraction_scores(found: list[Located], figures: list[dict]) -> dict:
    """{"precision", "recall", "facts" (in annotated paragraphs), "figures", "wrong", "missed"}."""
    judged = [x for x in found if annotated(x, figures)]
    wrong = [x.fact for x in judged if not any(same_figure(x, g) for g in figures)]
    missed = [g for g in figures if not any(same_figure(x, g) for x in found if x.fact.source == g["doc"])]
    return {"precision": round(1 - len(wrong) / len(judged), 4) if judged else 0.0,
            "recall": round(1 - len(missed) / len(figures), 4) if figures else 0.0,
            "facts": len(judged), "figures": len(figures), "wrong": wrong, "missed": missed}


def corpus_facts(folders) -> list[Located]:
    """Every fact ingest would store for the reports in these folders (no index needed), with its paragraph."""
    from ingest.clean import clean_document
    from ingest.facts import extract_facts
    from ingest.load import SUPPORTED, LoadError, load_file
    from ingest.pipeline import expand
    from ingest.settings import Settings

    found = []
    for path in expand(folders):
        if path.suffix.lower() not in SUPPORTED:
            continue
        try:
            loaded = load_file(path, Settings().max_file_mb * 2**20)
        except LoadError:
            continue
        doc = clean_document(loaded.lines, path, loaded.title_hint)
        found += [Located(f, _squash(doc.paragraphs[f.paragraph - 1])) for f in extract_facts(doc)]
    return found
