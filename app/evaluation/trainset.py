"""The training data of the answer model: every gold question asked through the real pipeline, and each
candidate the answer step considered, with its features and whether it is the right answer.

Retrieval and candidate generation do not depend on the model, so one pass over the gold sets (a few
minutes) gives a table that training and cross-validation reuse in seconds. The pass runs with a
neutral model that refuses everything (no conflict check follows), so the table never depends on the
model it will train.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
import zlib
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from ..engine import answer, answer_model
from . import goldsets
from .goldsets import REPORT_SETS, SELF_NAMED
from .evaluate import Outcome, evaluate
from ..engine.features import FEATURES
from .metrics import Conversation, Gold, answer_matches, contains_evidence, load_gold
from ..engine.numbers import parse_quantity, same_quantity

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold"
SETS = REPORT_SETS + SELF_NAMED


@dataclass
class Table:
    """One row per candidate; `question` maps a row to its entry in `outcomes` (one per question asked)."""

    x: np.ndarray  # features, rounded to 6 decimals
    question: np.ndarray  # int, index into outcomes
    label: np.ndarray  # 1: this candidate's value is an accepted answer, cited where the evidence is
    correct: np.ndarray  # as `youthqa eval` would score the answer this candidate gives
    cited: np.ndarray
    outcomes: list[Outcome]  # the eval record of each question (found/correct/cited set per decision)
    groups: list[str]  # the report each question belongs to, for leave-reports-out folds
    exact: np.ndarray | None = None  # the answer's own value is accepted (eval also accepts it in the quote)
    key: str = ""  # sources() when it was built: code, gold and reports
    values: tuple[str, ...] = ()  # each candidate's answer value (or clause), to read what a model picked

    def digest(self) -> str:
        h = hashlib.sha256()
        for part in (self.x, self.question, self.label):
            h.update(np.ascontiguousarray(part).tobytes())
        h.update(json.dumps(self.groups, ensure_ascii=False).encode())
        return h.hexdigest()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, x=self.x, question=self.question, label=self.label, correct=self.correct,
                            cited=self.cited, exact=self.exact, features=np.array(FEATURES),
                            meta=np.array(json.dumps({"outcomes": [asdict(o) for o in self.outcomes],
                                                      "groups": self.groups, "key": self.key,
                                                      "values": list(self.values)}, ensure_ascii=False)))

    @classmethod
    def load(cls, path: Path) -> "Table":
        data = np.load(path, allow_pickle=False)
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path} holds other features: build it again")
        meta = json.loads(str(data["meta"]))
        outcomes = [Outcome(**{**o, "expected": tuple(o["expected"])}) for o in meta["outcomes"]]
        return cls(data["x"], data["question"], data["label"], data["correct"], data["cited"], outcomes, meta["groups"],
                   data["exact"], meta.get("key", ""), tuple(meta.get("values", ())))


def sources(sets=SETS) -> str:
    """A hash of what the table is made from: the code that asks (not the training code), gold files, reports."""
    skip = {"train.py", "cv.py", "answer_model.py"}
    files = [p for folder in ("app", "ingest") for p in sorted((ROOT / folder).rglob("*.py"))
             if p.name not in skip and "web" not in p.parts]
    files += [GOLD / f"{name}.jsonl" for name, _ in sets]
    # the reports folders named by the gold sets (every near miss and conversation is about one of them)
    folders = goldsets.folders(SETS)
    files += sorted(p for folder in folders
                    for p in (ROOT / folder).rglob("*") if p.is_file())
    h = hashlib.sha256()
    for p in files:
        h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def build(cache: Path, sets=SETS, progress: bool = False, jobs: int = 0, sample: int = 1) -> Table:
    """Ask every gold question of `sets`, over an index per reports folder kept under `cache`; the folders are
    shared out to `jobs` processes (0: one per core, at most 4). The table is the same for any number of jobs.
    sample: ask one question (or conversation) in `sample`, the same ones on every run (`sampled`)."""
    key = sources(sets) + (f":1/{sample}" if sample > 1 else "")  # before asking: code edited meanwhile must not pass
    by_corpus: dict[str, list] = {}
    for name, corpus in sets:
        for item in load_gold(GOLD / f"{name}.jsonl"):
            if sampled(item.id, sample):
                by_corpus.setdefault(corpus or item.corpus, []).append((name, item))
    jobs = jobs or min(4, os.cpu_count() or 1)
    work = [(corpus, group, cache, jobs > 1, progress and jobs == 1) for corpus, group in by_corpus.items()]
    rows, outcomes, items = [], [], []
    sizes = [len(group) for group in by_corpus.values()]
    for part_rows, part_outcomes, part_items in _map(_ask_corpus, work, jobs, progress, sizes):
        offset = len(outcomes)
        rows += [[(*r[:4], r[4] + offset, *r[5:]) for r in question] for question in part_rows]
        outcomes += part_outcomes
        items += part_items
    table = _table(rows, outcomes, _groups(items))
    table.key = key
    return table


def sampled(gold_id: str, sample: int) -> bool:
    """One id in `sample`, by a hash of the id: every gold file, kind and report keeps its share."""
    return sample <= 1 or zlib.crc32(gold_id.encode()) % sample == 0


def _map(function, work: list[tuple], jobs: int, progress: bool, sizes=None) -> list:
    """function over work, in work's order; the largest (sizes) first to the processes (spawned: torch and
    Chroma do not survive a fork)."""
    if jobs == 1:
        return [function(*w) for w in work]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        order = sorted(range(len(work)), key=lambda i: -sizes[i]) if sizes else range(len(work))
        futures = {i: pool.submit(function, *work[i]) for i in order}
        if progress:
            for i, future in futures.items():
                future.add_done_callback(lambda _, name=work[i][0]: print(f"asked: {name}", file=sys.stderr))
        return [futures[i].result() for i in range(len(work))]


def _ask_corpus(corpus: str, group: list, cache: Path, shared: bool, progress: bool):
    """(rows per question, outcomes, (file, gold) per question) of one reports folder; numbered from 0."""
    assistant = _assistant(ROOT / corpus, cache / re.sub(r"\W+", "-", corpus), shared)
    asked: list = []
    ask = assistant.ask

    def recorded(question, history=None):
        asked.append((None, [], None))  # stays empty when the answer is refused before extraction (scope)
        return ask(question, history)

    def seen(*call):
        asked[-1] = call

    assistant.ask = recorded
    rows, outcomes, items = [], [], []
    try:
        for name, item in (_progress(group, corpus) if progress else group):
            asked.clear()
            with answer_model.use(answer_model.neutral()), answer.observe(seen):
                done = evaluate(assistant, [item], file=name)
            turns = item.turns if isinstance(item, Conversation) else (item,)
            for gold, outcome, call in zip(turns, done, asked, strict=True):
                rows.append(_rows(gold, call, len(outcomes)))
                outcomes.append(outcome)
                items.append((name, gold))
    finally:
        assistant.close()  # the worker indexes the next folder: no thread left polling this one
    return rows, outcomes, items


def _assistant(corpus: Path, index: Path, shared: bool = False):
    from ingest import Settings, ingest_paths
    from ingest.load import SUPPORTED
    from ingest.pipeline import expand

    from ..api import Assistant

    # Beside other processes, one encoder thread each.
    settings = Settings(index=index, chroma_host="", collection="youthqa-train", embed_threads=1 if shared else 0)
    reports = [p for p in expand([corpus]) if p.suffix.lower() in SUPPORTED]
    summary = ingest_paths(reports, settings, prune=True)
    if summary.exit_code():
        raise RuntimeError(f"could not index {corpus}:\n{summary.report()}")
    assistant = Assistant.open(settings)
    embedder = assistant.retriever.embedder  # the eval embeds each question twice (answer, evidence rank)
    embedder.embed_query = functools.lru_cache(maxsize=4096)(embedder.embed_query)
    return assistant


def _progress(group, corpus):
    from tqdm import tqdm

    return tqdm(group, unit="q", desc=Path(corpus).name, leave=False)


def _rows(g: Gold, call, number: int) -> list[tuple]:
    """(features, label, correct, cited, question, exact) per candidate of one asked question."""
    _, candidates, finalise = call
    seen = []
    for c in candidates:
        a = finalise(c)
        top = a.citations[0]
        value_ok = g.answerable and _value_ok(g.answers, a.value, a.text)
        seen.append((c.features, value_ok, contains_evidence(top.text, g.evidence), top.source == g.doc,
                     g.answerable and answer_matches(g.answers, a.value, a.text), a.value or a.text[:60]))
    # Right value where the evidence is; when no candidate has that, the right value from the right report.
    where = 2 if any(v and e for _, v, e, _, _, _ in seen) else 3
    return [(f, bool(v and row[where]), ok, bool(g.answerable and e), number, bool(v), shown) for row in seen
            for f, v, e, _, ok, shown in [row]]


def _value_ok(accepted, value: str, text: str) -> bool:
    """The answer's own value is accepted: a figure as value and unit ("8" is not "580人", though the text
    match of `youthqa eval` lets it pass); a name or a clause as text."""
    figures = [a for a in accepted if parse_quantity(a)]
    if value and figures and parse_quantity(value):
        return any(same_quantity(a, value) for a in figures)
    return answer_matches(accepted, value, value or text)


def _table(rows, outcomes, groups) -> Table:
    flat = [r for question in rows for r in question]
    x = np.round(np.array([r[0] for r in flat], dtype=np.float64).reshape(-1, len(FEATURES)), 6)
    column = lambda i, kind: np.array([r[i] for r in flat], dtype=kind)  # noqa: E731
    return Table(x, column(4, np.int64), column(1, np.int8), column(2, np.int8), column(3, np.int8), outcomes, groups,
                 column(5, np.int8), values=tuple(r[6] for r in flat))


def _groups(items: list[tuple[str, Gold]]) -> list[str]:
    """The report of each question: its doc; an unanswerable question that names its report (docs), that one; a
    near miss, its source question's; another unanswerable question, the report its file's questions with the
    same id stem (id less its number) are about; else its own id."""
    doc = {g.id: g.doc for _, g in items if g.doc}
    stems: dict[str, set] = {}
    for _, g in items:
        if g.doc:
            stems.setdefault(_stem(g.id), set()).add(g.doc)
    out = []
    for _, g in items:
        if g.doc:
            out.append(g.doc)
        elif g.docs:  # a hand-written unanswerable question names the report it is about
            out.append(g.docs[0])
        elif g.source_id and g.source_id in doc:
            out.append(doc[g.source_id])
        else:
            docs = stems.get(_stem(g.id), set())
            out.append(next(iter(docs)) if len(docs) == 1 else f"own:{g.id}")
    return out


def _stem(gold_id: str) -> str:
    """'p2a-huaian-league-five-years-2017-03' -> 'p2a-huaian-league-five-years-2017'; 'c#2' -> 'c'."""
    return re.sub(r"(?:[-#]\d+)+$", "", gold_id)
