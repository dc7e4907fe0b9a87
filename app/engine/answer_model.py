"""The learned answer choice at run time: a small JSON file, read with numpy only (no scikit-learn).

Two models, both written by `make train` (app/evaluation/train.py) into app/engine/data/answer_model.json:
- choice: a conditional logit, P(this candidate is the answer) from its features (app/engine/features.py); the
  best one is the answer;
- answerable: gradient-boosted trees, P(that best candidate is right) from its features, its choice score, its
  lead over the runner-up and the number of candidates. Below the threshold, calibrated on cross-validated
  predictions, the question is refused. (Trees, not a logistic regression: a figure of another unit, or a part the
  report never names, should refuse whatever the coverage, and a sum of weights cannot say "whatever".)
The file also records the feature names and the hash of the training data.
"""
from __future__ import annotations

import json
import re
import threading
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import FEATURES

PATH = Path(__file__).parent / "data" / "answer_model.json"
# the best candidate, as a whole; role_found: a name stands right after the role asked in any candidate's passage
# (a 副书记 asked of reports naming only the 书记 is unanswerable whatever the best name's coverage)
ANSWERABLE = FEATURES + ("choice_logit", "choice_lead", "candidates", "role_found")
_ROLE_ASKED = FEATURES.index("role_asked")
MAX_LEAD, MAX_CANDIDATES = 10.0, 300
_local = threading.local()


class Linear:
    """A logistic regression over standardised inputs."""

    def __init__(self, spec: dict):
        scale = np.asarray(spec["scale"], dtype=np.float64)
        self.coef = np.asarray(spec["coef"], dtype=np.float64) / scale
        self.intercept = float(spec["intercept"]) - float(self.coef @ np.asarray(spec["mean"], dtype=np.float64))

    def logits(self, x) -> np.ndarray:
        return np.asarray(x, dtype=np.float64).reshape(-1, len(self.coef)) @ self.coef + self.intercept


class Trees:
    """Boosted regression trees as flat arrays (scikit-learn's HistGradientBoostingClassifier, exported): every
    tree is walked at once, one level per step. A row goes left where its value is <= the node's threshold."""

    def __init__(self, spec: dict):
        self.baseline = float(spec["baseline"])
        nodes = spec["nodes"]  # per node: feature, threshold, left, right, value (leaves: left == right == -1)
        self.feature = np.asarray(nodes["feature"], dtype=np.int64)
        self.threshold = np.asarray(nodes["threshold"], dtype=np.float64)
        self.left = np.asarray(nodes["left"], dtype=np.int64)
        self.right = np.asarray(nodes["right"], dtype=np.int64)
        self.value = np.asarray(nodes["value"], dtype=np.float64)
        self.roots = np.asarray(spec["roots"], dtype=np.int64)
        self.leaf = self.left < 0

    def logits(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        x = x.reshape(-1, x.shape[-1])
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        rows = np.arange(len(x))[:, None]
        while not self.leaf[node].all():
            inner = ~self.leaf[node]
            goes_left = x[rows, np.where(inner, self.feature[node], 0)] <= self.threshold[node]
            node = np.where(inner, np.where(goes_left, self.left[node], self.right[node]), node)
        return self.baseline + self.value[node].sum(axis=1)


def readable(spec: dict):
    """The model a spec describes: trees where it has nodes, else a logistic regression."""
    return Trees(spec) if "nodes" in spec else Linear(spec)


class Model:
    def __init__(self, spec: dict):
        if tuple(spec["features"]) != FEATURES:
            changed = sorted(set(FEATURES) ^ set(spec["features"]))
            raise ValueError(f"the answer model was trained on other features ({', '.join(changed[:5])}): make train")
        self.spec = spec
        self.choice, self.answerable = Linear(spec["choice"]), readable(spec["answerable"])
        self.threshold = float(spec["threshold"])

    def decide(self, rows, values=None) -> tuple[int, float, np.ndarray]:
        """(index of the best candidate, P(it is right), every candidate's choice logit); (-1, 0, []) for none.
        values: each candidate's answer value, so that the lead is over the best other figure (summary)."""
        if not len(rows):
            return -1, 0.0, np.zeros(0)
        logits = self.choice.logits(rows)
        best, whole = summary(rows, logits, values)
        return best, float(_sigmoid(self.answerable.logits(whole))[0]), logits


# A figure as an answer's value ("10,618人次", "约23小时"): two candidates of the same figure agree, not compete.
_FIGURE = re.compile(r"[约近超逾]?\d[\d.]*(?:万|亿|千)?[^\d\s]{0,4}")


def figure_key(value: str) -> str | None:
    value = value.replace(",", "").replace(" ", "")
    return value if _FIGURE.fullmatch(value) else None


def summary(rows, logits: np.ndarray, values=None) -> tuple[int, np.ndarray]:
    """The best candidate and the answerable model's inputs: its features, logit, lead, candidate count. The lead
    is over the best candidate of another figure: a table row and a sentence stating the same 10618人次 had split
    the lead between them and refused the answer both gave."""
    rows = np.asarray(rows, dtype=np.float64).reshape(len(logits), -1)
    best = int(np.argmax(logits))
    others = np.delete(logits, best)
    if values is not None and (key := figure_key(values[best])) is not None:
        others = logits[[i for i in range(len(logits)) if i != best and figure_key(values[i]) != key]]
    lead = min(float(logits[best] - others.max()), MAX_LEAD) if len(others) else MAX_LEAD
    return best, np.concatenate([rows[best], [logits[best], lead, min(len(logits), MAX_CANDIDATES) / MAX_CANDIDATES,
                                              rows[:, _ROLE_ASKED].max()]])


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))


def neutral() -> Model:
    """Scores every candidate alike and answers nothing: the model the training data is collected with."""
    def zero(n):
        return {"mean": [0.0] * n, "scale": [1.0] * n, "coef": [0.0] * n, "intercept": 0.0}

    return Model({"features": list(FEATURES), "choice": zero(len(FEATURES)), "answerable": zero(len(ANSWERABLE)),
                  "threshold": 2.0})


@lru_cache(maxsize=1)
def _shipped() -> Model:
    return Model(json.loads(PATH.read_text(encoding="utf-8")))


def current() -> Model:
    """The model answers use: the shipped file, unless `use()` put another in place (training, CV)."""
    return getattr(_local, "model", None) or _shipped()


@contextmanager
def use(model: Model):
    previous = getattr(_local, "model", None)
    _local.model = model
    try:
        yield model
    finally:
        _local.model = previous
