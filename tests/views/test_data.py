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


def test_a_presumed_stage_yields_to_a_stated_one_and_claims_no_slip() -> None:
    timeline = [{"year": 2022, "stage": "completed", "presumed": False, "doc": "a", "sentence": "甲"},
                {"year": 2023, "stage": "under_way", "presumed": True, "doc": "b", "sentence": "乙"},
                {"year": 2024, "stage": "under_way", "presumed": True, "doc": "c", "sentence": "丙"},
                {"year": 2024, "stage": "planned", "presumed": False, "doc": "c", "sentence": "丁"}]
    assert data.furthest_by_year(timeline) == {2022: "completed", 2023: "under_way", 2024: "planned"}
    unstaged = [{"year": 2025, "stage": "under_way", "presumed": True}, {"year": 2025, "stage": None}]
    assert data.furthest_by_year(unstaged) == {2025: "under_way"}  # a presumption outweighs no stage at all
    g = nx.MultiDiGraph()
    g.add_node("project-1", label="云溪公园", type="Project", timeline=timeline)
    page = data.Site(g).project("project-1")
    assert [(r["stage"], r["presumed"], r["behind"]) for r in page["timeline"]] == [
        ("completed", False, False), ("under_way", True, False), ("under_way", True, False),
        ("planned", False, True)]  # only the stated 2024 stage falls behind 2022's
    assert page["stage"] == "planned"  # the latest stated stage, not the later presumption


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


def _hub(co_mentioned: int, reports: int = 1) -> nx.MultiDiGraph:
    """A project in 云溪街道 run by one organization, co-mentioned with `co_mentioned` other projects
    (project-k with weight k, so the last are the most strongly linked), named in `reports` reports."""
    g = nx.MultiDiGraph()
    docs = [f"r{i:04d}" for i in range(reports)]
    g.add_node("district-1", label="云溪街道", type="District", aliases=[f"云溪{i}" for i in range(300)])
    g.add_node("org-1", label="青禾城建集团", type="Organization")
    g.add_node("project-0", label="云溪湿地公园提升工程", type="Project", district="district-1", docs=docs,
               timeline=[{"year": 2020 + i % 3, "stage": "under_way", "doc": d, "sentence": "湿地公园提升工程施工中。"}
                         for i, d in enumerate(docs)])
    g.add_edge("project-0", "district-1", key="locatedIn", relation="locatedIn", weight=1)
    g.add_edge("org-1", "project-0", key="participatesIn", relation="participatesIn", weight=1)
    for k in range(1, co_mentioned + 1):
        g.add_node(f"project-{k}", label=f"云溪{k}号道路改造工程", type="Project", mentions=k)
        g.add_edge("project-0", f"project-{k}", key="cooccurs", relation="cooccurs", weight=k)
    return g


def test_a_project_draws_its_district_and_strongest_links_and_lists_more() -> None:
    extra = 10
    page = data.Site(_hub(data.NEIGHBOURS_DRAWN + extra)).project("project-0")
    drawn = {n["id"] for n in page["data"]["nodes"]}
    assert len(drawn) == data.NEIGHBOURS_DRAWN + 1 and page["data"]["more"] == extra + 2
    assert {"project-0", "district-1", "org-1"} <= drawn  # its district, then named relations
    assert "project-1" not in drawn and f"project-{data.NEIGHBOURS_DRAWN + extra}" in drawn  # weakest left out
    assert all(e["from"] in drawn and e["to"] in drawn for e in page["data"]["edges"])
    cooccurs = next(g for g in page["links"] if g["relation"] == "cooccurs")
    listed = {e["entity"]["href"] for e in cooccurs["links"]}
    assert "project/project-1.html" in listed and cooccurs["more"] == 0  # beyond the drawing, still linked


def test_a_project_page_is_bounded_however_many_links_and_reports() -> None:
    many = data.LINKS_LISTED + 500
    page = data.Site(_hub(many, reports=400)).project("project-0")
    cooccurs = next(g for g in page["links"] if g["relation"] == "cooccurs")
    assert len(cooccurs["links"]) == data.LINKS_LISTED and cooccurs["more"] == 500
    assert f"project/project-{many}.html" in {e["entity"]["href"] for e in cooccurs["links"]}  # strongest kept
    assert len(page["data"]["nodes"]) == data.NEIGHBOURS_DRAWN + 1
    assert [(r["year"], r["stage"]) for r in page["timeline"]] == [(2020, "under_way"), (2021, "under_way"),
                                                                     (2022, "under_way")]
    assert page["timeline"][0]["report"]["label"] == "r0000" and page["more_mentions"] == 397
    assert len(page["facts"]["reports"]) == data.REPORTS_LISTED
    assert page["facts"]["more_reports"] == 400 - data.REPORTS_LISTED
    [drawn] = [n for n in data.Site(_hub(3, reports=400)).overview(50)["data"]["nodes"] if n["id"] == "project-0"]
    assert len(drawn["docs"]) == data.REPORTS_LISTED and drawn["reportCount"] == 400
    district = data.Site(_hub(1)).district("district-1")
    assert district["facts"]["aliases"].endswith(f"云溪{data.ALIASES_LISTED - 1} … ({300 - data.ALIASES_LISTED} more)")
    assert {len(n["aliases"]) for n in page["data"]["nodes"]} == {0, data.ALIASES_LISTED}


def test_a_district_lists_its_most_mentioned_projects_and_counts_the_rest() -> None:
    g = nx.MultiDiGraph()
    g.add_node("district-1", label="云溪街道", type="District")
    many = data.PROJECTS_LISTED + 50
    for k in range(many):
        g.add_node(f"project-{k}", label=f"云溪{k}号道路改造工程", type="Project", district="district-1", mentions=k,
                   timeline=[{"year": 2022, "stage": "planned"}])
        g.add_node(f"org-{k}", label=f"青禾{k}建设公司", type="Organization", mentions=k)
        g.add_edge(f"org-{k}", f"project-{k}", key="participatesIn", relation="participatesIn", weight=1)
    page = data.Site(g).district("district-1")
    shown = {r["project"]["href"] for r in page["projects"]}
    assert page["project_count"] == many and len(shown) == data.PROJECTS_LISTED
    assert f"project/project-{many - 1}.html" in shown and "project/project-0.html" not in shown
    [orgs] = page["linked"]
    assert orgs["count"] == many and len(orgs["entities"]) == data.LINKS_LISTED
    assert page["chart"]["bars"][0]["total"] == many  # the chart counts every project


def test_a_ledger_chart_draws_no_bar_below_zero() -> None:
    def cell(target: float, result: float | None) -> dict:
        return {"target": {"value": target, "unit": "%"},
                "result": None if result is None else {"value": result, "unit": "%"}}

    bars = data._bars([cell(6, 3), cell(5, -3.3), cell(4, None), None])
    assert bars == [{"target": 36, "result": 18}, {"target": 30, "result": 0}, {"target": 24, "result": None}, None]
