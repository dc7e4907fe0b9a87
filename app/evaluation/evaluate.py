"""`youthqa eval`: accuracy, citation, retrieval and refusal measures over gold sets.

Conversations are asked turn by turn with the earlier turns (question, the system's own answer text) as
history, as the web UI passes them; turns after the first are counted apart as follow-up turns.
"""
from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .metrics import (Conversation, Gold, answer_matches, check_evidence, contains_evidence, cross_cited, cross_correct,
                      load_gold, percentile)


@dataclass(frozen=True)
class Outcome:
    id: str
    type: str
    question: str
    expected: tuple[str, ...]
    got: str
    found: bool
    correct: bool
    cited: bool  # top citation contains the evidence
    rank: int  # 1-based rank of the first retrieved paragraph with the evidence, 0 if none
    cited_paragraph: str
    ms: float
    file: str = ""  # the gold file's stem
    conversation: str = ""  # its conversation's id, "" for a lone question
    turn: int = 0  # 1-based turn in the conversation, 0 for a lone question
    asked: str = ""  # the standalone question a follow-up was rewritten into
    variant: str = ""  # near misses: place | year | part
    warning: str = ""  # the gold evidence is not in the text youthqa extracts: retrieval cannot find it
    cited_label: str = ""  # the top citation: report title · date · 第N段


def evaluate(assistant, gold: list, progress: bool = False, file: str = "") -> list[Outcome]:
    """gold: questions (Gold) and/or conversations (Conversation)."""
    items = gold
    if progress:
        from tqdm import tqdm

        items = tqdm(gold, unit="q", desc="eval", leave=False)
    outcomes: list[Outcome] = []
    for g in items:
        outcomes.extend(_conversation(assistant, g, file) if isinstance(g, Conversation) else [_one(assistant, g, file)])
    return outcomes


def _one(assistant, g: Gold, file: str = "") -> Outcome:
    return _score(assistant, g, assistant.ask(g.question), g.question, file)


def _conversation(assistant, c: Conversation, file: str = "") -> list[Outcome]:
    from ..engine.followup import condense

    history, outcomes = [], []
    for n, g in enumerate(c.turns, start=1):
        answer = assistant.ask(g.question, history=list(history))
        # Retrieval is measured on what the assistant searched with: the follow-up made standalone.
        asked = condense(g.question, list(history), assistant.llm) if history else g.question
        outcomes.append(_score(assistant, g, answer, asked, file, c.id, n))
        if answer.text:  # app/web/ui.py keeps only turns that produced text
            history.append((g.question.strip(), answer.text))
    return outcomes


def _score(assistant, g: Gold, answer, asked: str, file: str, conversation: str = "", turn: int = 0) -> Outcome:
    passages = assistant.retriever.search(asked, k=5)
    rank = next((i for i, p in enumerate(passages, 1) if p.source == g.doc and contains_evidence(p.text, g.evidence)), 0)
    top = answer.citations[0].text if answer.citations else ""
    if g.type == "cross":  # figures from many reports: scored on the winner or every figure, and every report cited
        return Outcome(g.id, g.type, g.question, g.answers, answer.value or answer.text[:120], answer.found,
                       cross_correct(g, answer), cross_cited(g, answer), 0, top,
                       float(answer.timings.get("total_ms", 0.0)), file, conversation, turn, "", "", g.warning,
                       answer.citations[0].label() if answer.citations else "")
    correct = (not answer.found) if not g.answerable else answer.found and answer_matches(g.answers, answer.value, answer.text)
    return Outcome(g.id, g.type, g.question, g.answers, answer.value or answer.text[:120], answer.found, correct,
                   g.answerable and answer.found and contains_evidence(top, g.evidence), rank, top,
                   float(answer.timings.get("total_ms", 0.0)), file, conversation, turn,
                   asked if asked != g.question else "", g.variant, g.warning,
                   answer.citations[0].label() if answer.citations else "")


def summarise(outcomes: list[Outcome], per_file: bool = True) -> dict:
    answerable = [o for o in outcomes if o.type != "unanswerable"]
    retrieval = [o for o in answerable if o.type != "cross"]  # a cross question has no one evidence paragraph
    unanswerable = [o for o in outcomes if o.type == "unanswerable"]
    share = lambda xs, f: round(sum(map(f, xs)) / len(xs), 4) if xs else None  # noqa: E731
    summary = {
        "questions": len(outcomes),
        "accuracy": share(answerable, lambda o: o.correct),
        "citation_accuracy": share(answerable, lambda o: o.cited),
        **{f"evidence_hit@{k}": share(retrieval, lambda o, k=k: 0 < o.rank <= k) for k in (1, 3, 5)},
        "mrr": share(retrieval, lambda o: 1 / o.rank if o.rank else 0),
        "refusal_accuracy": share(unanswerable, lambda o: not o.found),
        "false_refusal_rate": share(answerable, lambda o: not o.found),
        "latency_p50_ms": round(percentile([o.ms for o in outcomes], 0.5), 2),
        "latency_p95_ms": round(percentile([o.ms for o in outcomes], 0.95), 2),
    }
    if any(o.warning for o in outcomes):
        summary["evidence_not_extracted"] = sum(bool(o.warning) for o in outcomes)
    conversations = {o.conversation for o in outcomes if o.conversation}
    if conversations:
        later = [o for o in outcomes if o.turn > 1]
        summary["conversations"] = len(conversations)
        summary["follow_up_turns"] = len(later)
        summary["follow_up_turns_right"] = share(later, lambda o: o.correct)
        summary["conversations_all_right"] = share(sorted(conversations), lambda c: all(
            o.correct for o in outcomes if o.conversation == c))
    summary["by_type"] = _by(outcomes, lambda o: o.type)
    if any(o.variant for o in outcomes):  # near misses: refused per kind of swap
        summary["by_variant"] = _by([o for o in outcomes if o.variant], lambda o: o.variant)
    files = sorted({o.file for o in outcomes if o.file})
    if per_file and len(files) > 1:
        summary["by_file"] = {f: summarise([o for o in outcomes if o.file == f], False) for f in files}
    return summary


def _by(outcomes: list[Outcome], key) -> dict:
    groups: dict[str, list[Outcome]] = {}
    for o in outcomes:
        groups.setdefault(key(o), []).append(o)
    return {k: {"n": len(v), "correct": round(sum(o.correct for o in v) / len(v), 4)} for k, v in sorted(groups.items())}


_COLUMNS = {"questions": "questions", "accuracy": "accuracy", "citation_accuracy": "citation",
            "refusal_accuracy": "refusals", "false_refusal_rate": "false refusals", "follow_up_turns_right": "follow-ups"}


def table(summary: dict) -> str:
    """The plain-text summary: each measure's Chinese name, then its JSON key (evaluators grep for those)."""
    from .report import MEASURES, NA

    label = lambda k: f"{MEASURES[k][0]} {k}" if k in MEASURES else k  # noqa: E731
    rows = [f"{label(k):<30}{NA if v is None else v}" for k, v in summary.items() if not isinstance(v, dict)]
    rows += [f"  类型 {t:<20}{v['correct']}  (n={v['n']})" for t, v in summary["by_type"].items()]
    rows += [f"  近似无答案 {t:<11}{v['correct']}  (n={v['n']},应拒答)" for t, v in summary.get("by_variant", {}).items()]
    for key in ("by_file", "by_corpus"):  # one row per gold file, per reports folder
        if summary.get(key):
            rows += ["", f"{key[3:]:<24}" + "".join(f"{label:>15}" for label in _COLUMNS.values())]
            rows += [f"{name[-23:]:<24}" + "".join(f"{str(s.get(c, '-')):>15}" for c in _COLUMNS)
                     for name, s in summary[key].items()]
    naive = summary.get("baseline_naive")
    if naive:
        rows += ["", f"{'':<24}{'youthqa':>10}{'naive':>10}"]
        rows += [f"{k:<24}{summary[k]:>10}{naive[k]:>10}" for k in ("evidence_hit@1", "evidence_hit@3")]
    return "\n".join(rows)


def run_cli(args, settings) -> int:
    from .provenance import provenance
    from .report import write_report

    folders = [Path(c) for c in (args.corpus or [])]
    loaded = [(Path(p), load_gold(Path(p))) for p in args.gold]
    outcomes, gold_items, by_corpus = [], [], {}
    groups = _groups(loaded, folders, args.by_corpus)
    source = provenance(settings, [p for p, _ in loaded], list(groups), cv=bool(getattr(args, "cv", False)))
    for corpus, group in groups.items():
        checked = check_evidence([item for _, item in group], corpus, strict=args.strict_evidence) if corpus else \
            [item for _, item in group]
        _warn(checked)
        gold_items += [g for g in checked if isinstance(g, Gold)]
        by_corpus[" + ".join(map(str, corpus)) or "--index"] = done = _run_group(
            corpus, [(f, g) for (f, _), g in zip(group, checked)], settings, args)
        outcomes += done
    summary = summarise(outcomes)
    if len(by_corpus) > 1:
        summary["by_corpus"] = {name: summarise(done, False) for name, done in by_corpus.items()}
    if args.baseline:
        from .baseline import naive_hits

        summary["baseline_naive"] = naive_hits(gold_items, folders[0] if folders else Path("corpus"))
    if args.report:
        write_report(Path(args.report), summary, outcomes, source)
    if args.json:
        print(json.dumps({"provenance": source, "summary": summary, "outcomes": [asdict(o) for o in outcomes]},
                         ensure_ascii=False, indent=2))
    else:
        print(table(summary))
    if args.min_accuracy is not None and (summary["accuracy"] or 0) < args.min_accuracy:
        print(f"accuracy {summary['accuracy']} is below --min-accuracy {args.min_accuracy}", file=sys.stderr)
        return 1
    return 0


def _groups(loaded, folders: list[Path], by_corpus: bool) -> dict[tuple, list]:
    """Items keyed by the report folders they are scored against: --corpus for all, or with --by-corpus
    each item's own `corpus` (near misses, conversations); () means the existing --index."""
    groups: dict[tuple, list] = {}
    for path, items in loaded:
        for item in items:
            own = _resolve(item.corpus, path) if by_corpus and item.corpus else None
            groups.setdefault((own,) if own else tuple(folders), []).append((path.stem, item))
    return groups


def _resolve(corpus: str, gold_path: Path) -> Path:
    """A corpus folder as written in a gold file: relative to the working directory or the repository."""
    for base in (Path.cwd(), *gold_path.resolve().parents):
        if (base / corpus).is_dir():
            return base / corpus
    raise FileNotFoundError(f"{gold_path}: corpus folder {corpus!r} not found")


def _warn(items) -> None:
    """One stderr line per question whose evidence youthqa cannot extract; it is still scored."""
    for item in items:
        for g in item.turns if isinstance(item, Conversation) else (item,):
            if g.warning:
                print(f"warning: {g.where}: evidence for {g.id!r} {g.warning}", file=sys.stderr)


def _run_group(corpus: tuple, group: list, settings, args) -> list[Outcome]:
    from ..api import Assistant

    with tempfile.TemporaryDirectory(prefix="youthqa-eval-") as tmp:
        if corpus:
            from ingest import ingest_paths
            from ingest.load import SUPPORTED
            from ingest.pipeline import expand

            settings = settings.with_(index=Path(tmp) / "index", chroma_host="", collection="youthqa-eval")
            reports = [p for p in expand(corpus) if p.suffix.lower() in SUPPORTED]  # not sources.tsv
            summary = ingest_paths(reports, settings, progress=not args.json)
            if summary.exit_code():
                raise RuntimeError(f"could not index {', '.join(map(str, corpus))}:\n{summary.report()}")
        assistant = Assistant.open(settings)
        if not args.json:
            from tqdm import tqdm

            group = tqdm(group, unit="q", desc="eval", leave=False)
        return [o for file, item in group for o in evaluate(assistant, [item], file=file)]
