"""The linear model both trained decisions use: a deterministic fit and scores by its weights."""

from __future__ import annotations

import pytest

from kg.linear import Linear, fit

ROWS = [({"suf=园": 1.0}, "Project"), ({"suf=镇": 1.0}, "District"), ({"suf=园": 1.0, "q": 1.0}, "Project"),
        ({"suf=镇": 1.0, "q": 1.0}, "District"), ({"suf=厂": 1.0}, "O"), ({"suf=厂": 1.0, "q": 1.0}, "O")]


def test_the_same_rows_give_the_same_weights_and_the_weights_favour_what_was_taught():
    a, b = fit(ROWS, 1.0), fit(list(ROWS), 1.0)
    assert a == b and a.json_lines() == b.json_lines()
    park, town = a.probabilities([{"suf=园": 1.0}, {"suf=镇": 1.0}])
    assert a.classes[park.argmax()] == "Project" and a.classes[town.argmax()] == "District"
    assert abs(park.sum() - 1) < 1e-9
    unknown = a.probabilities([{"never seen": 1.0}])[0]  # a feature with no weight adds nothing
    assert unknown == pytest.approx(a.probabilities([{}])[0])


def test_a_two_class_fit_keeps_one_weight_per_class_and_mismatched_weights_are_refused():
    two = fit([({"x": 1.0}, "a"), ({"y": 1.0}, "b")], 1.0)
    assert two.classes == ("a", "b") and all(len(w) == 2 for w in two.weights.values())
    assert two.probabilities([{"x": 1.0}])[0].argmax() == 0
    with pytest.raises(ValueError):
        Linear(("a", "b"), (0.0,), {})
    with pytest.raises(ValueError):
        Linear.from_dict({"classes": ["a", "b"], "intercept": [0, 0], "weights": {"x": [1.0]}})
