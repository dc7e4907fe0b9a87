"""Gold sets and the measures of an answer: normalised matching, numbers compared as value and unit."""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .numbers import parse_quantity, same_quantity

TYPES = ("numeric", "entity", "date", "name", "list", "unanswerable")
_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


class GoldError(ValueError):
    pass


@dataclass(frozen=True)
class Gold:
    id: str
    question: str
    answers: tuple[str, ...]
    doc: str | None
    evidence: str | None
    type: str

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def normalise(text: str) -> str:
    """NFKC, lower case, no spaces or punctuation: '“青春微讲堂”' == '青春微讲堂'."""
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text or "").lower())


def load_gold(path: Path, corpus: Path | None = None) -> list[Gold]:
    """Parse and validate a gold file; every problem is reported with its line number."""
    items, seen, problems = [], set(), []
    texts = _corpus_texts(corpus) if corpus else {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = _parse(json.loads(line))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
            problems.append(f"{path}:{number}: malformed gold line: {err}")
            continue
        if item.id in seen:
            problems.append(f"{path}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        if texts and item.evidence and normalise(item.evidence) not in texts.get(item.doc, ""):
            problems.append(f"{path}:{number}: evidence for {item.id!r} is not in {item.doc}")
        items.append(item)
    if problems:
        raise GoldError("\n".join(problems))
    return items


def _parse(raw: dict) -> Gold:
    kind = raw["type"]
    if kind not in TYPES:
        raise ValueError(f"type must be one of {', '.join(TYPES)}, got {kind!r}")
    if not str(raw["question"]).strip():
        raise ValueError("empty question")
    answers = tuple(str(a) for a in raw["answers"])
    if kind != "unanswerable" and not answers:
        raise ValueError("an answerable question needs at least one accepted answer")
    return Gold(str(raw["id"]), str(raw["question"]), answers, raw.get("doc"), raw.get("evidence"), kind)


def _corpus_texts(corpus: Path) -> dict[str, str]:
    return {p.name: normalise(p.read_text(encoding="utf-8", errors="ignore"))
            for p in Path(corpus).rglob("*") if p.is_file()}


def answer_matches(accepted: tuple[str, ...], value: str, text: str) -> bool:
    """An accepted answer appears in the value or the text, or states the same figure as the value."""
    value_n, text_n = normalise(value), normalise(text)
    for answer in accepted:
        a = normalise(answer)
        if a and (a in value_n or a in text_n):
            return True
        if value and parse_quantity(answer) and same_quantity(answer, value):
            return True
    return False


def contains_evidence(paragraph: str, evidence: str | None) -> bool:
    return bool(evidence) and normalise(evidence) in normalise(paragraph)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
