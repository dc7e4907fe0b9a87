"""The accuracy gate: the shipped gold sets against the bundled corpus, real pipeline, default embedder.

The floors are the product targets: answer accuracy and citation accuracy >= 0.95, refusals on
unanswerable questions >= 0.90, false refusals on answerable ones <= 0.05. The gate runs the same
code path as `youthqa ask`; nothing in the pipeline knows about gold questions.
"""
from pathlib import Path

import pytest

from app import Assistant
from app.cli import main
from app.evaluate import evaluate, summarise
from app.metrics import load_gold

GOLD = Path(__file__).parent / "data" / "gold"
FLOOR = {"accuracy": 0.95, "citation_accuracy": 0.95, "refusal_accuracy": 0.90}
MAX_FALSE_REFUSALS = 0.05


@pytest.fixture(scope="module")
def summary(corpus_index, corpus):
    settings, _ = corpus_index
    gold = [g for name in ("practice", "tongchuan", "heldout") for g in load_gold(GOLD / f"{name}.jsonl", corpus)]
    return summarise(evaluate(Assistant.open(settings), gold))


@pytest.mark.parametrize("metric", sorted(FLOOR))
def test_accuracy_gate(summary, metric):
    assert summary[metric] >= FLOOR[metric], f"{metric} {summary[metric]} fell below {FLOOR[metric]}"


def test_false_refusals_bounded(summary):
    assert summary["false_refusal_rate"] <= MAX_FALSE_REFUSALS


def test_eval_cli_on_a_folder_writes_report(tmp_path, corpus, capsys):
    report = tmp_path / "report.html"
    code = main(["eval", str(GOLD / "practice.jsonl"), "--corpus", str(corpus), "--report", str(report),
                 "--index", str(tmp_path / "unused")])
    out = capsys.readouterr().out
    assert code == 0 and "accuracy" in out
    html = report.read_text(encoding="utf-8")
    assert "<svg" in html and "numeric" in html and "<script" not in html


def test_eval_cli_min_accuracy_fails(corpus_index, capsys):
    settings, _ = corpus_index
    code = main(["eval", str(GOLD / "practice.jsonl"), "--index", str(settings.index), "--json", "--min-accuracy", "1.01"])
    assert code == 1


def test_naive_baseline_is_far_behind(summary, corpus, monkeypatch):
    """The LangChain-tutorial pipeline (500/50 splitter, all-MiniLM-L6-v2, k=3) on the same questions."""
    from app.baseline import naive_hits

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    gold = [g for name in ("practice", "tongchuan", "heldout") for g in load_gold(GOLD / f"{name}.jsonl", corpus)]
    naive = naive_hits(gold, corpus)
    assert naive["questions"] == sum(g.answerable for g in gold)
    assert naive["evidence_hit@3"] < summary["evidence_hit@3"] and naive["evidence_hit@1"] < 0.5
