"""`make train`: fit the answer model on every gold set and write app/engine/data/answer_model.json.
`make cv`: the same recipe, leave-reports-out, to estimate accuracy on reports the model has not seen.

Each candidate is a row (app/evaluation/trainset.py). The choice model (a conditional logit) learns which candidate of
a question is right; the answerable model (gradient-boosted trees) learns, from the choice model's
out-of-fold picks, whether the pick is right. A question is refused when that probability is below the
threshold that makes the most questions right (answered right + refused right) on out-of-fold
probabilities. In the CV estimate, all of this is done without the held-out reports (nested).
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from ..engine.answer_model import ANSWERABLE, PATH, Linear, readable, summary
from ..engine.features import FEATURES
from .trainset import ROOT, Table, build, sources

CACHE = ROOT / ".youthqa-train"
FOLDS, INNER_FOLDS = 10, 5
C = 1.0  # inverse L2 penalty, as scikit-learn's default; not tuned
ITERATIONS = 50
TREES = 400  # the answerable model's boosting rounds


def conditional_logistic(x: np.ndarray, y: np.ndarray, group: np.ndarray, start: np.ndarray | None = None) -> dict:
    """A softmax over each question's candidates (a conditional logit) fitted by Newton's method: it learns
    which candidate of a question is right, rather than how right each looks on its own. Questions with no
    right candidate teach it nothing and are left out; the right ones of a question share its target.
    start: a direction in raw feature units (`direction` of another fit) to begin from; a fit on most of the
    same questions then takes a few steps, not fifteen (CV fits ~60 of them)."""
    keep = np.isin(group, np.unique(group[y > 0]))
    if not keep.any():
        raise ValueError("no question has a right candidate to learn from")
    z = x if keep.all() else x[keep]  # x is the caller's copy: scaled in place
    y, group = y[keep], np.unique(group[keep], return_inverse=True)[1]  # rows come question by question
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    mean, scale = _standardise(z)
    target = y / np.bincount(group, weights=y)[group]
    weighted = np.empty_like(z)  # one buffer for every step's Hessian: a fresh 300 MB array a step costs seconds

    def softmax(beta):
        s = z @ beta
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group])
        total = np.add.reduceat(e, starts)
        return s, e / total[group], top + np.log(total)

    def loss(beta):
        s, _, lse = softmax(beta)
        return float(lse.sum() - target @ s + beta @ beta / (2 * C))

    def step(beta):
        _, p, _ = softmax(beta)
        m = np.add.reduceat(np.multiply(z, p[:, None], out=weighted), starts)  # the buffer, before it is reused below
        gradient = z.T @ (p - target) + beta / C
        np.multiply(z, np.sqrt(p)[:, None], out=weighted)
        hessian = weighted.T @ weighted - m.T @ m + np.eye(len(beta)) / C  # A.T @ A: numpy's symmetric product
        return np.linalg.solve(hessian, gradient)

    beta = _newton(loss, step, np.zeros(z.shape[1]) if start is None else start * scale)
    return {"mean": _r(mean), "scale": _r(scale), "coef": _r(beta), "intercept": 0.0}


def direction(choice: dict) -> np.ndarray:
    """A choice model's coefficients in raw feature units: the same ranking under any standardisation (a
    softmax over one question's candidates ignores the shift the means add)."""
    return np.asarray(choice["coef"]) / np.asarray(choice["scale"])


def _standardise(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """z scaled in place to mean 0 and standard deviation 1 per column (constant columns left at scale 1)."""
    mean = z.mean(axis=0)
    z -= mean
    scale = np.sqrt(np.einsum("ij,ij->j", z, z) / len(z))
    scale[scale == 0] = 1.0
    z /= scale
    return mean, scale


def _newton(loss, step, beta: np.ndarray) -> np.ndarray:
    """Newton's method with step halving (a full step can overshoot on rare, large standardised values)."""
    current = loss(beta)
    for _ in range(ITERATIONS):
        delta, rate = step(beta), 1.0
        while (trial := loss(beta - rate * delta)) > current and rate > 1e-6:
            rate /= 2
        if trial > current:
            break
        beta, improved, current = beta - rate * delta, current - trial, trial
        if improved < 1e-10 * max(1.0, abs(current)):
            break
    return beta


def _r(values) -> list[float]:
    """Floats cut to 9 significant digits: the JSON is the same bytes for the same data."""
    return [float(f"{v:.9g}") for v in np.asarray(values, dtype=np.float64)]


def _rows(table: Table, questions: np.ndarray) -> np.ndarray:
    return np.flatnonzero(np.isin(table.question, questions))


def _by_question(table: Table, questions) -> dict[int, np.ndarray]:
    starts = np.searchsorted(table.question, questions, side="left")
    ends = np.searchsorted(table.question, questions, side="right")
    return {int(q): np.arange(a, b) for q, a, b in zip(questions, starts, ends)}


def fit_choice(table: Table, questions: np.ndarray, start: np.ndarray | None = None) -> dict:
    rows = _rows(table, questions)
    group = table.question[rows]
    rows = rows[np.isin(group, group[table.label[rows] > 0])]  # one copy of x, of the rows it learns from
    return conditional_logistic(table.x[rows], table.label[rows].astype(np.float64), table.question[rows], start)


def wholes(table: Table, choice: dict, questions) -> dict[int, tuple[int, np.ndarray | None]]:
    """question -> (row of its best candidate, the answerable model's inputs); (-1, None) without candidates."""
    linear = Linear(choice)
    out = {}
    for q, rows in _by_question(table, questions).items():
        if not len(rows):
            out[q] = (-1, None)
            continue
        best, whole = summary(table.x[rows], linear.logits(table.x[rows]),
                              [table.values[r] for r in rows] if table.values else None)
        out[q] = (int(rows[best]), whole)
    return out


def _right(table: Table, row: int, q: int) -> bool:
    """The pick is right as `youthqa eval` scores it. (Learning and calibrating on the stricter "its own value
    is accepted" was measured worse under CV on both measures: value accuracy 0.831 against 0.869.)"""
    return row >= 0 and table.outcomes[q].type != "unanswerable" and bool(table.correct[row])


def fit(table: Table, questions: np.ndarray | None = None, k: int = FOLDS, start: np.ndarray | None = None) -> dict:
    """Both models on these questions; the answerable one learns from the choice model's out-of-fold picks,
    and its threshold is calibrated on its own out-of-fold probabilities (leave-reports-out, k folds). The
    inner choice fits begin where the fit on all these questions ended (start: where that one begins)."""
    questions = np.arange(len(table.outcomes)) if questions is None else np.asarray(questions)
    choice = fit_choice(table, questions, start)
    picked = {}
    for held in folds(table, questions, k):
        picked.update(wholes(table, fit_choice(table, np.setdiff1d(questions, held), direction(choice)), held))
    probs = {}
    for held in folds(table, questions, k):
        model = _answerable(table, picked, np.setdiff1d(questions, held))
        held = held.tolist()
        probs.update({q: (picked[q][0], float(p)) for q, p in zip(held, _probabilities(model, [picked[q][1] for q in held]))})
    return {"features": list(FEATURES), "answerable_features": list(ANSWERABLE),
            "choice": choice, "answerable": _answerable(table, picked, questions),
            "threshold": calibrate(table, probs)}


def _answerable(table: Table, picked: dict, questions) -> dict:
    usable = [q for q in np.asarray(questions).tolist() if picked[q][1] is not None]
    x = np.array([picked[q][1] for q in usable])
    y = np.array([_right(table, picked[q][0], q) for q in usable], dtype=np.float64)
    return boosted_trees(x, y)


def boosted_trees(x: np.ndarray, y: np.ndarray) -> dict:
    """scikit-learn's HistGradientBoostingClassifier, exported as flat node arrays (answer_model.Trees). Settings
    as its defaults but for a lower learning rate and more, smaller-leaved trees; not tuned beyond trying 100,
    200, 400 and 800 trees under CV (400 kept). No early stopping: it would hold out a random part."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40,
                                           l2_regularization=1.0, early_stopping=False, random_state=0).fit(x, y)
    nodes = {"feature": [], "threshold": [], "left": [], "right": [], "value": []}
    roots = []
    for (tree,) in model._predictors:
        base = len(nodes["value"])
        roots.append(base)
        for n in tree.nodes:
            leaf = bool(n["is_leaf"])
            nodes["feature"].append(0 if leaf else int(n["feature_idx"]))
            nodes["threshold"].append(0.0 if leaf else float(n["num_threshold"]))
            nodes["left"].append(-1 if leaf else base + int(n["left"]))
            nodes["right"].append(-1 if leaf else base + int(n["right"]))
            nodes["value"].append(float(n["value"]) if leaf else 0.0)
    nodes = {k: v if k in ("feature", "left", "right") else _r(v) for k, v in nodes.items()}
    return {"baseline": _r(np.ravel(model._baseline_prediction))[0], "roots": roots, "nodes": nodes}


def _probabilities(spec: dict, wholes_: list) -> np.ndarray:
    """P(right) of each whole (None: no candidate, 0)."""
    out = np.zeros(len(wholes_))
    present = [i for i, w in enumerate(wholes_) if w is not None]
    if present:
        logits = readable(spec).logits(np.array([wholes_[i] for i in present]))
        out[present] = 1.0 / (1.0 + np.exp(-logits))
    return out


def apply(table: Table, spec: dict, questions) -> dict[int, tuple[int, float]]:
    """question -> (row of the answer, P(it is right)) under a model spec."""
    picked = wholes(table, spec["choice"], questions)
    probs = _probabilities(spec["answerable"], [whole for _, whole in picked.values()])
    return {q: (row, float(p)) for (q, (row, _)), p in zip(picked.items(), probs)}


def decide(table: Table, best: dict, threshold, strict: bool = False) -> dict[int, tuple[bool, bool, bool]]:
    """question -> (found, correct, cited) when answering at or above the threshold (a number or q -> number);
    correct as `youthqa eval` scores it, or when strict only if the answer's value itself is accepted."""
    right = table.exact if strict else table.correct
    out = {}
    for q, (row, p) in best.items():
        if row < 0:  # no candidate: refused before extraction, or answered from the facts (cross path): as asked
            o = table.outcomes[q]
            out[q] = (o.found, o.correct, o.cited)
            continue
        t = threshold(q) if callable(threshold) else threshold
        found = p >= t
        answerable = table.outcomes[q].type != "unanswerable"
        correct = bool(right[row]) if found and answerable else not found and not answerable
        out[q] = (found, correct, found and answerable and bool(table.cited[row]))
    return out


def calibrate(table: Table, best: dict) -> float:
    """The threshold that makes the most questions right; the middle one of a tied range. Only questions people
    wrote count: generated near misses teach the answerable model, but how many of them there are is our choice
    (406, 704, 841 as kinds were added) and would move the threshold with it."""
    best = {q: v for q, v in best.items() if not table.outcomes[q].variant}
    rows = np.array([row for row, _ in best.values()])
    probs = np.array([p if row >= 0 else -1.0 for row, p in best.values()])
    refuse_right = np.array([table.outcomes[q].type == "unanswerable" for q in best])
    answer_right = np.array([_right(table, row, q) for q, (row, _) in best.items()])
    cuts = sorted({0.0, 1.0} | set(probs[rows >= 0].tolist()))
    cuts = np.array([(a + b) / 2 for a, b in zip(cuts, cuts[1:])])
    answered = probs[None, :] >= cuts[:, None]
    right = np.where(answered, answer_right[None, :], refuse_right[None, :]).sum(axis=1)
    tied = cuts[right == right.max()]
    return float(f"{tied[(len(tied) - 1) // 2]:.6g}")


def folds(table: Table, questions: np.ndarray, k: int) -> list[np.ndarray]:
    """Reports (groups) dealt to k folds, largest first, each to the fold with the fewest questions."""
    groups: dict[str, list[int]] = {}
    for q in np.asarray(questions).tolist():
        groups.setdefault(table.groups[q], []).append(q)
    bins: list[list[int]] = [[] for _ in range(min(k, len(groups)))]
    for name in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        min(bins, key=len).extend(groups[name])
    return [np.array(sorted(b), dtype=np.int64) for b in bins]


def single_threaded(function):
    """One BLAS thread: sums in one order (the same bytes every run), and far faster on a busy machine."""
    @functools.wraps(function)
    def run(*args, **kwargs):
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):
            return function(*args, **kwargs)
    return run


@single_threaded
def _fit_one(table: Table, questions: np.ndarray, k: int, start: np.ndarray | None) -> dict:
    return fit(table, questions, k, start)


def cross_validate(table: Table, k: int = FOLDS, inner: int = INNER_FOLDS, jobs: int = 0):
    """Out-of-fold (row, probability) and threshold per question: each question is answered by models
    trained and calibrated without its report (the calibration by CV inside the training reports). The k fits
    are shared out to `jobs` processes (0: one per core, at most 4); each fit is the same for any number."""
    return _validate(table, k, inner, jobs, ship=False)[0]


def cross_validate_and_train(table: Table, k: int = FOLDS, inner: int = INNER_FOLDS, jobs: int = 0):
    """(cross_validate's result, train's model): the shipped model's fit shares the processes with the folds'."""
    return _validate(table, k, inner, jobs, ship=True)


@single_threaded
def _validate(table: Table, k: int, inner: int, jobs: int, ship: bool):
    questions = np.arange(len(table.outcomes))
    held_out = folds(table, questions, k)
    start = _start(table)
    work = [(questions, FOLDS)] * ship + [(np.setdiff1d(questions, held), inner) for held in held_out]
    specs = _fits(table, work, jobs, start)  # the shipped model's, the largest, first
    shipped = _with_data(table, specs.pop(0)) if ship else None
    best, thresholds = {}, {}
    for held, spec in zip(held_out, specs):
        best.update(apply(table, spec, held))
        thresholds.update({q: spec["threshold"] for q in held.tolist()})
    return (best, thresholds), shipped


def _start(table: Table) -> np.ndarray:
    """Where every fit's choice model begins: the choice fitted on all questions (a fold's optimum is near)."""
    return direction(fit_choice(table, np.arange(len(table.outcomes))))


def _fits(table: Table, work: list[tuple[np.ndarray, int]], jobs: int, start: np.ndarray) -> list[dict]:
    """fit(table, questions, k, start) for each (questions, k) of work, in work's order."""
    jobs = min(jobs or min(4, os.cpu_count() or 1), len(work))
    if jobs == 1:
        return [_fit_one(table, questions, k, start) for questions, k in work]
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    # The table goes to each process once (spawned: a fork would copy a BLAS pool mid-use).
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn"), initializer=_receive, initargs=(table,)) as pool:
        return list(pool.map(_fit_received, *zip(*work), [start] * len(work)))


_received: list[Table] = []  # the table a fitting process was given


def _receive(table: Table) -> None:
    # One OpenMP thread before scikit-learn loads it: threadpoolctl limits only libraries already loaded, and two
    # processes of two threads each on two cores ran no faster than one process.
    os.environ["OMP_NUM_THREADS"] = "1"
    _received.append(table)


def _fit_received(questions: np.ndarray, k: int, start: np.ndarray) -> dict:
    return _fit_one(_received[0], questions, k, start)


@single_threaded
def train(table: Table, k: int = FOLDS) -> dict:
    """The shipped model: fit on every gold question."""
    return _with_data(table, fit(table, k=k, start=_start(table)))


def _with_data(table: Table, spec: dict) -> dict:
    spec["data"] = {"sha256": table.digest(), "questions": len(table.outcomes), "candidates": int(len(table.x)),
                    "positives": int(table.label.sum())}
    return spec


def outcomes(table: Table, decided: dict) -> list:
    return [replace(o, found=decided[q][0], correct=decided[q][1], cited=decided[q][2])
            for q, o in enumerate(table.outcomes)]


def dump(spec: dict) -> str:
    """Indented, but each of the trees' node arrays on one line (thousands of numbers)."""
    trees = spec["answerable"]
    if "nodes" not in trees:
        return json.dumps(spec, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    flat = {key: f"@{key}@" for key in (*trees["nodes"], "roots")}
    text = json.dumps({**spec, "answerable": {**trees, "nodes": {k: flat[k] for k in trees["nodes"]}, "roots": flat["roots"]}},
                      ensure_ascii=False, indent=1, sort_keys=True)
    for key, mark in flat.items():
        values = trees["roots"] if key == "roots" else trees["nodes"][key]
        text = text.replace(json.dumps(mark), json.dumps(values, separators=(",", ":")))
    return text + "\n"


def table_for(cache: Path, rebuild: bool) -> Table:
    path = cache / "features.npz"
    if path.exists() and not rebuild:
        try:
            table = Table.load(path)
            if table.key == sources():
                return table
        except (ValueError, KeyError):
            pass
    table = build(cache, progress=sys.stderr.isatty())
    table.save(path)
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.evaluation.train", description=__doc__)
    parser.add_argument("--cv", action="store_true", help="print leave-reports-out CV figures beside in-sample")
    parser.add_argument("--out", type=Path, default=PATH, help="where to write the model (train only)")
    parser.add_argument("--cache", type=Path, default=CACHE, help="indexes and the feature table")
    parser.add_argument("--rebuild", action="store_true", help="ask every gold question again (code changed)")
    parser.add_argument("--json", action="store_true", help="CV: print the figures as JSON")
    parser.add_argument("--failures", type=Path, help="CV: write the questions it gets wrong here (JSONL)")
    args = parser.parse_args(argv)
    table = table_for(args.cache, args.rebuild)
    if args.cv:
        from .cv import failures, report

        validated, spec = cross_validate_and_train(table)
        print(report(table, as_json=args.json, validated=validated, spec=spec))
        if args.failures:
            args.failures.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n"
                                             for f in failures(table, validated)), encoding="utf-8")
        return 0
    spec = train(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dump(spec), encoding="utf-8")
    print(f"{args.out}: {spec['data']['questions']} questions, {spec['data']['candidates']} candidates, "
          f"threshold {spec['threshold']}, data {spec['data']['sha256'][:12]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
