"""The learned answer choice: named finite features, a shipped model that loads, training that is
reproducible bit for bit, and folds that never split a report."""
import json
import math
from dataclasses import replace

import numpy as np
import pytest

from app.engine import answer, answer_model
from app.engine.answer_model import ANSWERABLE, PATH, Model
from app.evaluation.evaluate import Outcome
from app.engine.features import FEATURES
from app.evaluation.train import cross_validate, decide, dump, folds, train
from app.evaluation.trainset import Table, _groups
from app.evaluation.metrics import Gold


def test_feature_names_are_unique_and_shipped_model_matches_them():
    assert len(set(FEATURES)) == len(FEATURES)
    spec = json.loads(PATH.read_text(encoding="utf-8"))
    model = Model(spec)
    assert spec["features"] == list(FEATURES) and spec["answerable_features"] == list(ANSWERABLE)
    assert 0 < model.threshold < 1 and len(spec["data"]["sha256"]) == 64
    assert PATH.stat().st_size < 400_000  # a small file in the repository: ~300 KB, mostly the 400 trees' nodes


def test_a_model_for_other_features_is_refused():
    spec = json.loads(PATH.read_text(encoding="utf-8"))
    with pytest.raises(ValueError, match="make train"):
        Model(dict(spec, features=spec["features"][:-1] + ["something_else"]))


def test_features_of_real_candidates_are_finite(corpus_index):
    from app import Assistant

    assistant = Assistant.open(corpus_index[0])
    seen = []
    with answer.observe(lambda q, found, finalise: seen.extend(found)):
        for question in ("铜川的志愿汇平台注册了多少志愿者?", "铜川团市委书记是谁?", "How many volunteers are in Tongchuan?",
                         "铜川团市委是在哪天召开的表彰会?", "铜川共青团助力平安建设全面实施的是什么行动?"):
            assistant.ask(question)
    assert len(seen) > 20
    kinds = {c.source for c in seen}
    assert {"quantity", "person", "date", "clause"} <= kinds
    for c in seen:
        assert len(c.features) == len(FEATURES) and all(math.isfinite(v) for v in c.features)


def _tiny(seed: int = 0) -> Table:
    """Synthetic candidates for 24 questions over 6 reports: the right one has a high first feature."""
    rng = np.random.default_rng(seed)
    rows, question, label, outcomes, groups = [], [], [], [], []
    for q in range(24):
        answerable = q % 4 != 0
        for c in range(5):
            right = answerable and c == 0
            x = rng.random(len(FEATURES))
            x[0] = 0.8 + 0.2 * x[0] if right else 0.6 * x[0]
            rows.append(np.round(x, 6))
            question.append(q)
            label.append(int(right))
        outcomes.append(Outcome(f"q{q}", "numeric" if answerable else "unanswerable", "?", (), "", False, False,
                                False, 0, "", 0.0))
        groups.append(f"report-{q % 6}")
    label = np.array(label, dtype=np.int8)
    return Table(np.array(rows), np.array(question), label, label.copy(), label.copy(), outcomes, groups, label.copy())


def test_training_is_reproducible_bit_for_bit():
    first, again = dump(train(_tiny(), k=3)), dump(train(_tiny(), k=3))
    assert first == again
    assert json.loads(first)["data"]["sha256"] != json.loads(dump(train(_tiny(1), k=3)))["data"]["sha256"]
    Model(json.loads(first))  # loads as the shipped one does


def test_the_model_learns_the_tiny_task_and_cv_holds_reports_out():
    table = _tiny()
    spec = train(table, k=3)
    with answer_model.use(Model(spec)) as model:
        best, p, _ = model.decide(table.x[table.question == 1])
        assert best == 0 and p >= model.threshold
    for held in folds(table, np.arange(24), 3):
        assert not {table.groups[q] for q in held} & {table.groups[q] for q in set(range(24)) - set(held)}
    best, thresholds = cross_validate(table, k=3, inner=2)
    assert set(best) == set(range(24)) and all(0 <= t <= 1 for t in thresholds.values())


def test_cv_in_processes_is_cv_in_one():
    """`make test` and `make cv` share the folds out to the cores; every fit is the same as in one process."""
    from app.evaluation.trainset import _map

    table = _tiny()
    assert cross_validate(table, k=3, inner=2, jobs=2) == cross_validate(table, k=3, inner=2, jobs=1)
    assert _map(pow, [(2, 3), (3, 2), (2, 1)], 2, False) == [8, 9, 2]  # the table's folders: in their order


def test_near_misses_and_unanswerables_join_their_source_report():
    g = lambda i, doc=None, **kw: Gold(i, "?", ("1",) if doc else (), doc, "e" if doc else None,  # noqa: E731
                                       "numeric" if doc else "unanswerable", **kw)
    items = [("f", g("p-hubei-01", "hubei.html")), ("f", g("p-hubei-02")), ("n", g("nm-1", source_id="p-hubei-01")),
             ("f", g("heldout-09"))]
    assert _groups(items) == ["hubei.html", "hubei.html", "hubei.html", "own:heldout-09"]


def test_the_exported_trees_predict_as_scikit_learn_does():
    """The answerable model's trees are read with numpy at answer time (answer_model.Trees), not scikit-learn."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    from app.engine.answer_model import Trees
    from app.evaluation import train as training

    rng = np.random.default_rng(0)
    x = rng.random((1500, 6))
    x[:, 2] = rng.integers(0, 2, 1500)
    y = ((x[:, 0] + x[:, 1] * x[:, 2]) > 0.9).astype(float)
    spec = training.boosted_trees(x, y)
    fitted = HistGradientBoostingClassifier(max_iter=training.TREES, learning_rate=0.05, max_leaf_nodes=15,
                                            min_samples_leaf=40, l2_regularization=1.0, early_stopping=False,
                                            random_state=0).fit(x, y)
    probe = rng.random((300, 6))
    probe[:, 2] = rng.integers(0, 2, 300)
    ours = 1 / (1 + np.exp(-Trees(spec).logits(probe)))
    assert np.abs(ours - fitted.predict_proba(probe)[:, 1]).max() < 1e-6
    assert Trees(spec).logits(probe[0]).shape == (1,)


def test_a_question_answered_without_candidates_is_scored_as_it_was_answered():
    """The facts (cross) path answers some gold questions with no candidate for the model to weigh: CV counts
    what that answer was, right or wrong, not a refusal."""
    table = _tiny()
    table.outcomes[1] = replace(table.outcomes[1], found=True, correct=True, cited=True)
    table.outcomes[4] = replace(table.outcomes[4], found=True, correct=False)  # an unanswerable one answered
    table.outcomes[8] = replace(table.outcomes[8], correct=True)  # an unanswerable one refused (scope)
    best = {1: (-1, None), 4: (-1, None), 2: (-1, None), 8: (-1, None)}
    assert decide(table, best, 0.5) == {1: (True, True, True), 4: (True, False, False), 2: (False, False, False),
                                        8: (False, True, False)}


def test_the_gate_s_sample_is_the_same_questions_every_run_and_a_share_of_each_file():
    """`make test`'s CV gate asks one question in two (tests/test_evaluate.py GATE_SAMPLE): the same ones on every run
    (a hash of the id, not a random draw), about half of every gold file, all of them when the sample is 1."""
    from app.evaluation.metrics import load_gold
    from app.evaluation.trainset import GOLD, sampled

    for name in ("practice53", "practice54", "followups"):
        ids = [g.id for g in load_gold(GOLD / f"{name}.jsonl")]
        kept = [i for i in ids if sampled(i, 2)]
        assert kept == [i for i in ids if sampled(i, 2)] and 0.4 < len(kept) / len(ids) < 0.6
        assert all(sampled(i, 1) for i in ids)
