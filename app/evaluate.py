"""`youthqa eval`: accuracy, citation, retrieval and refusal measures over a gold set."""
from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .metrics import Gold, answer_matches, contains_evidence, load_gold, percentile


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


def evaluate(assistant, gold: list[Gold], progress: bool = False) -> list[Outcome]:
    items = gold
    if progress:
        from tqdm import tqdm

        items = tqdm(gold, unit="q", desc="eval", leave=False)
    return [_one(assistant, g) for g in items]


def _one(assistant, g: Gold) -> Outcome:
    answer = assistant.ask(g.question)
    passages = assistant.retriever.search(g.question, k=5)
    rank = next((i for i, p in enumerate(passages, 1) if p.source == g.doc and contains_evidence(p.text, g.evidence)), 0)
    top = answer.citations[0].text if answer.citations else ""
    correct = (not answer.found) if not g.answerable else answer.found and answer_matches(g.answers, answer.value, answer.text)
    return Outcome(g.id, g.type, g.question, g.answers, answer.value or answer.text[:120], answer.found, correct,
                   g.answerable and answer.found and contains_evidence(top, g.evidence), rank, top,
                   float(answer.timings.get("total_ms", 0.0)))


def summarise(outcomes: list[Outcome]) -> dict:
    answerable = [o for o in outcomes if o.type != "unanswerable"]
    unanswerable = [o for o in outcomes if o.type == "unanswerable"]
    share = lambda xs, f: round(sum(map(f, xs)) / len(xs), 4) if xs else None  # noqa: E731
    summary = {
        "questions": len(outcomes),
        "accuracy": share(answerable, lambda o: o.correct),
        "citation_accuracy": share(answerable, lambda o: o.cited),
        **{f"evidence_hit@{k}": share(answerable, lambda o, k=k: 0 < o.rank <= k) for k in (1, 3, 5)},
        "mrr": share(answerable, lambda o: 1 / o.rank if o.rank else 0),
        "refusal_accuracy": share(unanswerable, lambda o: not o.found),
        "false_refusal_rate": share(answerable, lambda o: not o.found),
        "latency_p50_ms": round(percentile([o.ms for o in outcomes], 0.5), 2),
        "latency_p95_ms": round(percentile([o.ms for o in outcomes], 0.95), 2),
    }
    summary["by_type"] = {t: {"n": len(xs), "correct": share(xs, lambda o: o.correct)}
                          for t in sorted({o.type for o in outcomes})
                          for xs in [[o for o in outcomes if o.type == t]]}
    return summary


def table(summary: dict) -> str:
    rows = [f"{k:<22}{v}" for k, v in summary.items() if not isinstance(v, dict)]
    rows += [f"  {t:<20}{v['correct']}  (n={v['n']})" for t, v in summary["by_type"].items()]
    naive = summary.get("baseline_naive")
    if naive:
        rows += ["", f"{'':<22}{'youthqa':>10}{'naive':>10}"]
        rows += [f"{k:<22}{summary[k]:>10}{naive[k]:>10}" for k in ("evidence_hit@1", "evidence_hit@3")]
    return "\n".join(rows)


def run_cli(args, settings) -> int:
    from .api import Assistant
    from .report import write_report

    gold = load_gold(Path(args.gold), Path(args.corpus) if args.corpus else None)
    with tempfile.TemporaryDirectory(prefix="youthqa-eval-") as tmp:
        if args.corpus:
            from ingest import ingest_paths

            settings = settings.with_(index=Path(tmp) / "index", chroma_host="", collection="youthqa-eval")
            summary = ingest_paths([args.corpus], settings, progress=not args.json)
            if summary.exit_code():
                print(summary.report(), file=sys.stderr)
                return 1
        assistant = Assistant.open(settings)
        outcomes = evaluate(assistant, gold, progress=not args.json)
    summary = summarise(outcomes)
    if args.baseline:
        from .baseline import naive_hits

        summary["baseline_naive"] = naive_hits(gold, Path(args.corpus or "corpus"))
    if args.report:
        write_report(Path(args.report), summary, outcomes)
    if args.json:
        print(json.dumps({"summary": summary, "outcomes": [asdict(o) for o in outcomes]}, ensure_ascii=False, indent=2))
    else:
        print(table(summary))
    if args.min_accuracy is not None and (summary["accuracy"] or 0) < args.min_accuracy:
        print(f"accuracy {summary['accuracy']} is below --min-accuracy {args.min_accuracy}", file=sys.stderr)
        return 1
    return 0
