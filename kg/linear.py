"""A multinomial logistic regression kept as plain JSON: its classes, an intercept per class, and
for each feature one weight per class.

Both trained decisions are one: which candidate spans are names and of what type
(`kg.extract.decide`), and which stage a project named with no stage cue is presumed at
(`kg.presumption`). Loading one runs no code, and the same training data gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, repeat
from typing import Any

import numpy as np

Features = Mapping[str, float]
MAX_ITER = 2000
MIN_WEIGHT = 1e-4  # weights smaller than this are left out of the file


@dataclass(frozen=True)
class Linear:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def __post_init__(self) -> None:
        if len(self.intercept) != len(self.classes) or any(len(w) != len(self.classes) for w in self.weights.values()):
            raise ValueError("classes and weights do not agree")

    @cached_property
    def _matrix(self) -> tuple[dict[str, int], np.ndarray]:
        """The weights as one matrix, a row per feature (and a last row of zeros for unknown ones)."""
        return {name: i for i, name in enumerate(self.weights)}, np.array(
            [*self.weights.values(), [0.0] * len(self.classes)], dtype=np.float64).reshape(-1, len(self.classes))

    def probabilities(self, many: Sequence[Features]) -> np.ndarray:
        """Each class's probability for each item, a row per item (a softmax over summed weights)."""
        row, matrix = self._matrix
        sizes = [len(f) for f in many]
        # every item's feature names and values in one pass each, by map and chain (C), not a loop of ours
        names = chain.from_iterable(many)
        rows = np.fromiter(map(row.get, names, repeat(len(self.weights))), dtype=np.intp, count=sum(sizes))
        values = np.fromiter(chain.from_iterable(f.values() for f in many), dtype=np.float64, count=sum(sizes))
        owner = np.repeat(np.arange(len(many)), sizes)
        z = np.tile(np.array(self.intercept), (len(many), 1))
        if len(rows):  # take() gathers the rows four times faster than indexing; the same values
            np.add.at(z, owner, matrix.take(rows, axis=0) * values[:, None])
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def json_lines(self) -> list[str]:
        """The weights as JSON members, one feature a line, sorted and rounded (readable diffs)."""
        return [f"{dump(k)}: {dump([round(v, 6) for v in w])}" for k, w in sorted(self.weights.items())]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Linear:
        """The model a file's object describes; ValueError, KeyError or TypeError when it is not one."""
        return cls(tuple(str(c) for c in data["classes"]), tuple(float(x) for x in data["intercept"]),
                   {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()})


def dump(value: object) -> str:
    """One JSON value on one line, keys sorted, characters as they are."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def fit(rows: Sequence[tuple[Features, str]], c: float) -> Linear:
    """A deterministic fit (scikit-learn's lbfgs): the same rows in the same order give the same
    weights, rounded as the file keeps them. `c` is the inverse regularisation strength."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([f for f, _ in rows])
    clf = LogisticRegression(C=c, max_iter=MAX_ITER, solver="lbfgs")
    clf.fit(x, [label for _, label in rows])
    classes = [str(k) for k in clf.classes_]
    coef = clf.coef_ if len(classes) > 2 else [-clf.coef_[0] / 2, clf.coef_[0] / 2]  # binary: one row
    intercept = clf.intercept_ if len(classes) > 2 else [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    weights = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        w = tuple(round(float(coef[k][j]), 6) for k in range(len(classes)))
        if max(abs(v) for v in w) >= MIN_WEIGHT:
            weights[str(name)] = w
    return Linear(tuple(classes), tuple(round(float(v), 6) for v in intercept), weights)
