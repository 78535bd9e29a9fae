"""What the pages are built from: the overview's layout, the charts' geometry, report names."""

from __future__ import annotations

import math

import networkx as nx

from kg.views import data


def test_layout_puts_each_group_in_its_own_disc_hub_in_the_middle() -> None:
    groups = [[f"a{i}" for i in range(30)], [f"b{i}" for i in range(12)], [f"c{i}" for i in range(5)]]
    pos = data._layout(groups, labelled=set())
    assert set(pos) == {n for g in groups for n in g}
    discs = []
    for g in groups:
        cx, cy = pos[g[0]]
        radius = max(math.dist(pos[g[0]], pos[n]) for n in g)
        discs.append((cx, cy, radius))
        assert all(math.dist(pos[g[0]], pos[n]) <= radius for n in g)
    for i, (x1, y1, r1) in enumerate(discs):  # no two groups share ground
        for x2, y2, r2 in discs[i + 1:]:
            assert math.dist((x1, y1), (x2, y2)) > r1 + r2


def test_named_nodes_are_spread_through_the_spiral() -> None:
    group = ["hub", *(f"n{i}" for i in range(20))]
    order = data._spread(group, labelled={"n0", "n1", "n2"})
    assert order[0] == "hub"
    places = [order.index(n) for n in ("n0", "n1", "n2")]
    assert places == [6, 12, 18]
    assert sorted(n for n in order if n) == sorted(group)


def test_stage_bars_count_each_project_once_a_year_at_its_furthest_stage() -> None:
    timelines = {
        "p": [{"year": 2022, "stage": "planned"}, {"year": 2022, "stage": "started"}, {"year": 2024, "stage": None}],
        "q": [{"year": 2022, "stage": "completed"}],
    }
    chart = data.stage_bars(timelines)
    bars = {b["year"]: b for b in chart["bars"]}
    assert list(bars) == [2022, 2023, 2024]  # the years between are shown, empty
    assert [(s["stage"], s["count"]) for s in bars[2022]["segments"]] == [("started", 1), ("completed", 1)]
    assert bars[2023]["segments"] == [] and bars[2024]["segments"][0]["stage"] == "mentioned"
    tallest = sum(s["height"] for s in bars[2022]["segments"])
    assert tallest == chart["height"] and bars[2022]["segments"][-1]["y"] == 0
    assert data.stage_bars({"p": []}) is None


def test_stage_line_needs_two_years_and_a_stage() -> None:
    assert data.stage_line([{"year": 2022, "stage": "planned"}]) is None
    assert data.stage_line([{"year": 2022, "stage": None}, {"year": 2023, "stage": None}]) is None
    chart = data.stage_line([{"year": 2021, "stage": "planned"}, {"year": 2023, "stage": "completed"}])
    assert [(p["year"], p["stage"]) for p in chart["points"]] == [(2021, "planned"), (2023, "completed")]
    planned, completed = chart["points"]
    assert completed["y"] < planned["y"] and completed["x"] > planned["x"]  # further on is higher up
    assert chart["path"].startswith(f"M{planned['x']},{planned['y']} L")


def test_reports_are_named_by_title_and_years() -> None:
    g = nx.MultiDiGraph()
    g.add_node("district-1", label="云溪街道", type="District", years=[2022], docs=["b"])
    g.graph["reports"] = [
        {"doc": "a", "title": "云溪街道2022年工作总结", "publisher": "district-1",
         "sections": [{"index": 0, "title": "回顾", "year": 2022, "mode": "review"}]},
        {"doc": "b", "title": "工作报告", "publisher": None,
         "sections": [{"index": 0, "title": "", "year": 2023, "mode": "plan"}]},
        {"doc": "c/d", "title": "c/d", "publisher": "district-1", "sections": []},
    ]
    site = data.Site(g)
    assert site.reports["a"]["label"] == "云溪街道2022年工作总结"  # its year is in its title
    assert site.reports["b"]["label"] == "工作报告（2023）"
    assert site.reports["c/d"]["label"] == "云溪街道 report"  # untitled: its district names it
    assert site.reports["c/d"]["href"] is None  # an id that cannot name a file gets no page
    assert site.report_ref("unknown") == {"label": "unknown", "href": None}
