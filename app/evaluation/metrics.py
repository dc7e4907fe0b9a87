"""Gold sets and the measures of an answer: normalised matching, numbers compared as value and unit.

A gold file holds questions, one a line, or conversations ({"id", "corpus", "turns": [question, ...]}).
Evidence is checked against the paragraphs youthqa itself extracts from the reports (ingest's loader and
cleaner), not the raw bytes: a .docx, a PDF or a GB18030 page has no readable raw text.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ingest.script import fold

from ..engine.numbers import parse_quantity, same_quantity

TYPES = ("numeric", "entity", "date", "name", "person", "list", "unanswerable", "cross")
CROSS_KINDS = ("compare", "rank", "gap", "list", "total", "mention", "trend")  # cross: "kind" says how it is scored
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
    corpus: str = ""  # the reports folder it is scored against, when the file says (near misses)
    source_id: str = ""  # a near miss: the answerable question it was made from
    variant: str = ""  # a near miss: "place", "year" or "part"
    where: str = field(default="", compare=False)  # "file:line", for messages
    warning: str = field(default="", compare=False)  # why its evidence is not in the extracted text
    docs: tuple[str, ...] = ()  # cross: the reports involved, each of which the answer must cite
    kind: str = ""  # cross: compare | rank (the value names the winner) | list | total | mention | trend (all present)

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


@dataclass(frozen=True)
class Conversation:
    """Turns asked in order, each after the earlier ones with the system's own answers as history."""

    id: str
    corpus: str
    turns: tuple[Gold, ...]
    where: str = field(default="", compare=False)


def normalise(text: str) -> str:
    """NFKC, lower case, simplified characters, no spaces or punctuation: '“青春微讲堂”' == '青春微讲堂', 梁穎詩 ==
    梁颖诗 (youthqa reads a Traditional Chinese report as simplified: ingest/script.py)."""
    return _PUNCT.sub("", fold(unicodedata.normalize("NFKC", text or "").lower()))


def load_gold(path: Path, corpus=None, strict: bool = True) -> list:
    """Parse and validate a gold file (questions and/or conversations); problems name their line.

    corpus: a folder of reports, or several. Evidence missing from the text youthqa extracts there is an
    error when strict (gold hygiene), else a warning kept on the question (`Gold.warning`).
    """
    items, seen, problems = [], set(), []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            item = _parse_line(json.loads(line), where)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as err:
            problems.append(f"{where}: malformed gold line: {err}")
            continue
        if item.id in seen:
            problems.append(f"{where}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if corpus:
        try:
            items = check_evidence(items, corpus, strict)
        except GoldError as err:  # reported with the lines' other problems, in one message
            problems.append(str(err))
    if problems:
        raise GoldError("\n".join(problems))
    return items


def _parse_line(raw: dict, where: str):
    if "turns" not in raw:
        return _parse(raw, where)
    turns = raw["turns"]
    if not isinstance(turns, list) or len(turns) < 2:
        raise ValueError("a conversation needs at least two turns")
    conv_id, corpus = str(raw["id"]), str(raw["corpus"]).strip()
    if not corpus:
        raise ValueError("a conversation names the reports folder it is about (corpus)")
    return Conversation(conv_id, corpus, tuple(
        _parse(dict(t, id=f"{conv_id}#{n}", corpus=corpus), f"{where} turn {n}") for n, t in enumerate(turns, 1)), where)


def _parse(raw: dict, where: str = "") -> Gold:
    kind = raw["type"]
    if kind not in TYPES:
        raise ValueError(f"type must be one of {', '.join(TYPES)}, got {kind!r}")
    if not str(raw["question"]).strip():
        raise ValueError("empty question")
    answers = tuple(str(a) for a in raw["answers"])
    if kind != "unanswerable" and not answers:
        raise ValueError("an answerable question needs at least one accepted answer")
    if kind == "unanswerable" and answers:
        raise ValueError("an unanswerable question accepts no answer")
    if kind == "cross" and (raw.get("kind") not in CROSS_KINDS or not raw.get("docs")):
        raise ValueError(f"a cross question names its kind ({', '.join(CROSS_KINDS)}) and the reports involved (docs)")
    if kind not in ("unanswerable", "cross") and not (raw.get("doc") and raw.get("evidence")):
        raise ValueError("an answerable question names its doc and evidence")
    return Gold(str(raw["id"]), str(raw["question"]), answers, raw.get("doc") or None, raw.get("evidence") or None,
                kind, str(raw.get("corpus") or ""), str(raw.get("source_id") or ""), str(raw.get("variant") or ""), where,
                docs=tuple(map(str, raw.get("docs") or ())), kind=str(raw.get("kind") or ""))


def check_evidence(items: list, corpus, strict: bool = True) -> list:
    """Each evidence string must lie inside one paragraph youthqa extracts from its doc (a citation is a
    paragraph). strict: raise GoldError listing every miss; else return the items with `warning` set."""
    texts = corpus_paragraphs(corpus)
    out, problems = [], []
    for item in items:
        if isinstance(item, Conversation):
            turns = tuple(_checked(t, texts, problems) for t in item.turns)
            out.append(replace(item, turns=turns))
        else:
            out.append(_checked(item, texts, problems))
    if strict and problems:
        raise GoldError("\n".join(problems))
    return out


def _checked(g: Gold, texts: dict, problems: list) -> Gold:
    why = evidence_problem(g, texts)
    if not why:
        return g
    problems.append(f"{g.where}: evidence for {g.id!r} {why}")
    return replace(g, warning=why)


def evidence_problem(g: Gold, texts: dict) -> str:
    """'' when the evidence is in one extracted paragraph of g.doc, else why not (for a message)."""
    if not g.evidence:
        return ""
    extracted = texts.get(g.doc)
    if extracted is None:
        return f"names {g.doc}, which is not in the corpus"
    if isinstance(extracted, str):
        return f"is unreadable: youthqa cannot load {g.doc} ({extracted})"
    paragraphs, dropped = extracted
    wanted = normalise(g.evidence)
    if any(wanted in p for p in paragraphs):
        return ""
    if any(wanted in d for d in dropped):
        return f"is in {g.doc}, but youthqa drops it as title or boilerplate"
    return f"is not in the text youthqa extracts from {g.doc}"


def corpus_paragraphs(corpus, raw: bool = False) -> dict:
    """file name -> (paragraphs, title and dropped lines), normalised unless raw, or the LoadError text."""
    folders = [corpus] if isinstance(corpus, (str, Path)) else list(corpus)
    from ingest.load import SUPPORTED

    texts = {}
    for folder in map(Path, folders):
        files = [folder] if folder.is_file() else sorted(folder.rglob("*"))
        for p in files:
            if p.is_file() and p.suffix.lower() in SUPPORTED and p.name not in texts:
                stat = p.stat()
                texts[p.name] = (_extract if raw else _normalised)(str(p.resolve()), stat.st_mtime_ns, stat.st_size)
    return texts


@lru_cache(maxsize=512)
def _normalised(path: str, mtime_ns: int, size: int):
    extracted = _extract(path, mtime_ns, size)
    if isinstance(extracted, str):
        return extracted
    return tuple(map(normalise, extracted[0])), tuple(map(normalise, extracted[1]))


@lru_cache(maxsize=512)
def _extract(path: str, mtime_ns: int, size: int):
    """Cached per file version: tests load the same corpus for every gold file."""
    from ingest.clean import clean_document
    from ingest.load import LoadError, load_file
    from ingest.settings import Settings

    try:
        loaded = load_file(Path(path), Settings().max_file_mb * 2**20)
    except LoadError as err:
        return str(err)
    doc = clean_document(loaded.lines, Path(path), loaded.title_hint)
    return tuple(doc.paragraphs), (doc.title, *doc.dropped)


def _holds(text: str, answer: str) -> bool:
    """The answer in the text, a figure whole: "18" is not in "180个", nor "18个" in "118个"."""
    at = text.find(answer)
    while at >= 0:
        before = text[at - 1:at] if answer[0].isdigit() else ""
        after = text[at + len(answer):at + len(answer) + 1] if answer[-1].isdigit() else ""
        if not before.isdigit() and not after.isdigit():
            return True
        at = text.find(answer, at + 1)
    return False


def answer_matches(accepted: tuple[str, ...], value: str, text: str) -> bool:
    """An accepted answer appears in the value or the text, or states the same figure as the value."""
    value_n, text_n = normalise(value), normalise(text)
    for answer in accepted:
        a = normalise(answer)
        if a and (_holds(value_n, a) or _holds(text_n, a)):
            return True
        if value and parse_quantity(answer) and same_quantity(answer, value):
            return True
    return False


def cross_correct(g: Gold, answer) -> bool:
    """compare/rank: the value names the winner, gap: the difference; the other kinds: every accepted figure ("a|b":
    either) is in the text. Either way every report involved is cited."""
    if not answer.found or not cross_cited(g, answer):
        return False
    if g.kind in ("compare", "rank", "gap"):
        return answer_matches(g.answers, answer.value, "")
    return all(answer_matches(tuple(a.split("|")), "", answer.text) or
               any(_figure_in(a, answer.text) or _school_in(a, answer.text) for a in a.split("|")) for a in g.answers)


def _school_in(accepted: str, text: str) -> bool:
    """A university the gold shortens ("济大", "电子科大") named in full in the text (济南大学): the same report's."""
    from ..engine.localities import schools, spelled_out, universities

    named = list(dict.fromkeys([name for *_, name in schools(text)] + universities(text)))
    return bool(named) and (full := spelled_out(accepted, named)) != accepted and full in text


def cross_cited(g: Gold, answer) -> bool:
    cited = {c.source for c in answer.citations}
    return all(doc in cited for doc in g.docs)


def _figure_in(accepted: str, text: str) -> bool:
    """A figure stated in the text in another form ("3135800" and "313.58万")."""
    from ..engine.numbers import find_quantities

    wanted = parse_quantity(accepted)
    return wanted is not None and any(same_quantity(accepted, q.text) for q in find_quantities(text))


def contains_evidence(paragraph: str, evidence: str | None) -> bool:
    return bool(evidence) and normalise(evidence) in normalise(paragraph)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
