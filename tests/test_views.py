"""HTML views and exports: escaping, links and offline-ness always; behaviour in a real browser
when Debian's /usr/bin/chromium is installed. All names below are invented."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import browser
import networkx as nx
import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import BrowserContext

from kg import pipeline, views

HOSTILE = '<img src=x onerror="window.__pwned=1">'
BREAKOUT = "</script><script>window.__pwned=2</script>"
QUOTED = '"onerror="window.__pwned=3'


def _timeline(name: str, *entries: tuple[int, str | None, str, str]) -> list[dict]:
    """Timeline entries whose mention of `name` sits inside the sentence (start/end within it)."""
    out = []
    for year, stage, mode, sentence in entries:
        start = sentence.index(name)
        out.append({"year": year, "stage": stage, "mode": mode, "doc": f"doc{year}", "sentence": sentence,
                    "start": start, "end": start + len(name)})
    return out


def fixture_graph() -> nx.MultiDiGraph:
    """Three districts, four projects (one hostile, one slipped), an organization, a program, a person."""
    g = nx.MultiDiGraph()

    def node(n: str, label: str, type_: str, years: list[int], **extra: object) -> None:
        attrs = {"label": label, "type": type_, "aliases": [], "mentions": 2 * len(years) + 1, "years": years,
                 "docs": [f"doc{y}" for y in years], "district": None, "level": None, "code": None,
                 "timeline": [], "slipped": False}
        g.add_node(n, **(attrs | extra))

    def edge(u: str, v: str, relation: str, weight: int = 1) -> None:
        g.add_edge(u, v, key=relation, relation=relation, weight=weight)

    node("district-100", "青禾市", "District", [2021, 2022, 2023], level="city", code="990100000000")
    node("district-110", "云溪街道", "District", [2021, 2022, 2023], level="town", code="990101001000",
         aliases=["云溪"])
    node("district-111", "石榴社区", "District", [2022], level="village", code="990101001001")
    park = "云溪湿地公园提升工程"
    node("project-a", park, "Project", [2021, 2022, 2023], aliases=["湿地公园提升工程", "湿地公园"],
         district="district-110",
         timeline=_timeline(park, (2021, "planned", "plan", f"谋划{park}前期方案。"),
                            (2022, "started", "review", f"{park}顺利开工。"),
                            (2022, "under_way", "review", f"{park}主体施工过半。"),
                            (2023, "completed", "review", f"{park}建成并验收。")))
    lot = "北岸智慧停车场"
    node("project-b", lot, "Project", [2022, 2023], district="district-111", slipped=True,
         timeline=_timeline(lot, (2022, "completed", "plan", f"力争{lot}年内完工。"),
                            (2023, "under_way", "review", f"{lot}仍在施工。")))
    node("project-x", HOSTILE, "Project", [2021, 2022], aliases=[BREAKOUT], district="district-110",
         timeline=_timeline(HOSTILE, (2021, "planned", "plan", f"规划{HOSTILE}与{BREAKOUT}。"),
                            (2022, None, "review", f"继续关注{HOSTILE}。")))
    node("project-c", "东桥便民服务中心", "Project", [2023], district="district-110")
    node("org-1", "青禾城建集团", "Organization", [2022, 2023])
    node("org-2", QUOTED, "Organization", [2022])
    node("program-1", "美丽庭院行动", "Program", [2021, 2022])
    node("person-1", "林晓", "Person", [2022])
    edge("district-110", "district-100", "partOf")
    edge("district-111", "district-110", "partOf")
    for p, d in (("project-a", "district-110"), ("project-b", "district-111"), ("project-x", "district-110"),
                 ("project-c", "district-110"), ("program-1", "district-110")):
        edge(p, d, "locatedIn")
    edge("org-1", "project-a", "participatesIn")
    edge("project-b", "org-1", "runBy")
    edge("program-1", "org-1", "runBy")
    edge("org-2", "project-x", "participatesIn")
    edge("person-1", "project-a", "participatesIn")
    edge("project-a", "project-c", "cooccurs", 3)
    g.graph["reports"] = [  # doc2023 is named in timelines but not a report of the graph: no page
        {"doc": "doc2021", "title": "云溪街道2021年工作总结", "publisher": "district-110",
         "sections": [{"index": 0, "title": "一、2021年工作回顾", "year": 2021, "mode": "review"},
                      {"index": 1, "title": HOSTILE, "year": 2022, "mode": "plan"}]},
        {"doc": "doc2022", "title": "doc2022", "publisher": "district-110", "sections": []},
    ]
    return g


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return fixture_graph()


@pytest.fixture(scope="module")
def site(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return views.render(graph, tmp_path_factory.mktemp("site"), ledger=LEDGER)


def _figure(value: float, unit: str, doc: str, bound: str = "=") -> dict:
    return {"value": value, "unit": unit, "bound": bound, "doc": doc, "start": 0, "end": 4, "sentence": f"句子{value}"}


LEDGER = [  # what kg.builds.ledger reads from a store
    {"district": "青禾街道", "indicator": "新增就业岗位", "year": 2022, "status": "met", "ratio": 1.1,
     "target": _figure(300, "个", "doc2021", "≥"), "result": _figure(330, "个", "doc2022")},
    {"district": "青禾街道", "indicator": HOSTILE, "year": 2022, "status": "missed", "ratio": 0.5,
     "target": _figure(2, "亿元", "doc2021"), "result": _figure(1, "亿元", "doc2022")},
    {"district": "青禾街道", "indicator": "固定资产投资", "year": 2022, "status": "no_result", "ratio": None,
     "target": _figure(5, "%", "doc2021", "≈"), "result": None},
]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_data(path: Path) -> dict:
    return json.loads(soup(path).find("script", id="kg-data").string)


def test_render_writes_a_page_per_district_and_project(site: dict[str, Path], graph: nx.MultiDiGraph) -> None:
    expected = {"index", "recurrence", "list", "ledger", "report/doc2021", "report/doc2022"} | {
        f"{d['type'].lower()}/{n}" for n, d in graph.nodes(data=True) if d["type"] in ("District", "Project")}
    assert set(site) == expected
    assert all(p.is_file() for p in site.values())


def test_every_local_link_resolves(site: dict[str, Path]) -> None:
    for path in site.values():
        refs = [t.get("href") or t.get("src") for t in soup(path).find_all(["a", "link", "script"])]
        for ref in filter(None, refs):
            target = ref.split("#")[0]
            assert target and (path.parent / target).resolve().is_file(), f"{path.name}: broken link {ref}"


def test_no_generated_file_names_a_remote_url(site: dict[str, Path]) -> None:
    out = site["index"].parent
    # The minified vis-network keeps URLs only in its licence comment and the SVG namespace string;
    # that nothing is fetched is checked by the browser test on recorded requests.
    files = [p for p in out.rglob("*") if p.is_file() and p.name != "vis-network.min.js"]
    assert len(files) > len(site)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text, path


def test_hostile_names_are_text_in_every_page(site: dict[str, Path]) -> None:
    for path in site.values():
        raw = path.read_text(encoding="utf-8")
        assert HOSTILE not in raw and BREAKOUT not in raw and QUOTED not in raw, path.name
        doc = soup(path)
        assert not doc.find_all("img")
        assert not doc.find_all(attrs={"onerror": True})
        scripts = doc.find_all("script")
        assert all(s.get("src", "").endswith(".js") or s.get("id") == "kg-data" for s in scripts), path.name
    project = soup(site["project/project-x"])
    assert HOSTILE in project.h1.get_text() and BREAKOUT in project.get_text()
    assert any(HOSTILE in a.get_text() for a in soup(site["recurrence"]).find_all("a"))


def test_embedded_json_round_trips_hostile_names(site: dict[str, Path]) -> None:
    nodes = {n["id"]: n for n in page_data(site["index"])["nodes"]}
    assert nodes["project-x"]["label"] == HOSTILE and nodes["project-x"]["aliases"] == [BREAKOUT]
    assert nodes["org-2"]["label"] == QUOTED
    assert "\\u003c/script\\u003e" in site["index"].read_text(encoding="utf-8")


def test_names_script_lists_every_page_with_names_as_data(site: dict[str, Path]) -> None:
    text = (site["index"].parent / views.NAMES).read_text(encoding="utf-8")
    assert text.startswith("window.kgNames = ") and "<" not in text and "\u2028" not in text
    names = json.loads(text.removeprefix("window.kgNames = ").removesuffix(";\n"))
    assert sorted(href for _, _, href, _ in names) == sorted(
        f"{name}.html" for name in site if name.startswith(("district/", "project/")))
    assert [HOSTILE, [BREAKOUT], "project/project-x.html", "Project"] in names


def test_overview_summary_counts_reports_projects_and_recurrence(site: dict[str, Path]) -> None:
    summary = soup(site["index"]).find(id="kg-summary").get_text(" ", strip=True)
    # 2 reports; 4 projects, 3 of them in two or more years, 1 slipped
    assert summary.startswith("2 reports (2021–2023), 4 projects: 3 recur across years , 1 slipped")


def test_overview_holds_the_whole_graph_below_the_limit(site: dict[str, Path],
                                                        graph: nx.MultiDiGraph) -> None:
    data = page_data(site["index"])
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert soup(site["index"]).find(id="kg-banner") is None


def test_overview_keeps_districts_and_their_top_projects_above_the_limit(graph: nx.MultiDiGraph,
                                                                         tmp_path: Path) -> None:
    pages = views.render(graph, tmp_path, max_nodes=3)
    data = page_data(pages["index"])
    kept = {n["id"] for n in data["nodes"]}
    # the district with most projects (3), then its two most mentioned projects (7 and 5 mentions)
    assert kept == {"district-110", "project-a", "project-x"}
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    banner = soup(pages["index"]).find(id="kg-banner").get_text()
    assert f"showing 3 of {graph.number_of_nodes()} nodes — the districts with most projects" in banner
    assert "project/project-b" in pages  # pages are still written for everything
    more = {n["id"] for n in page_data(views.render(graph, tmp_path, max_nodes=8)["index"])["nodes"]}
    assert {"district-111", "project-b"} <= more  # the next district brings its own project


def test_recurrence_grid_rows_and_cells(site: dict[str, Path]) -> None:
    grid = soup(site["recurrence"]).find(id="kg-grid")
    assert [th.get_text() for th in grid.thead.find_all("th")][3:] == ["2021", "2022", "2023"]
    rows = {tr.find("a").get_text(): tr for tr in grid.tbody.find_all("tr")}
    assert set(rows) == {"云溪湿地公园提升工程", "北岸智慧停车场", HOSTILE}
    stages = [td.get("class", []) for td in rows["云溪湿地公园提升工程"].find_all("td")[2:]]
    # two stages reported for 2022: the cell shows the furthest
    assert stages == [["st", "st-planned"], ["st", "st-under_way"], ["st", "st-completed"]]
    assert [td.get("class", []) for td in rows[HOSTILE].find_all("td")[2:]] == [
        ["st", "st-planned"], ["st", "st-mentioned"], []]
    assert rows["北岸智慧停车场"].find(class_="slipped") is not None
    assert rows["云溪湿地公园提升工程"].find(class_="slipped") is None


def test_district_page_lists_what_lies_in_it(site: dict[str, Path]) -> None:
    page = soup(site["district/district-110"])
    links = {a.get_text(): a["href"] for a in page.main.find_all("a")}
    assert links["青禾市"] == "../district/district-100.html"  # the parent, in the breadcrumb
    assert links["石榴社区"] == "../district/district-111.html"
    assert links["云溪湿地公园提升工程"] == "../project/project-a.html"
    assert {"东桥便民服务中心", HOSTILE} <= set(links)
    text = page.get_text()
    for name in ("青禾城建集团", "美丽庭院行动", "林晓", QUOTED):  # linked to the district or its projects
        assert name in text
    assert "北岸智慧停车场" not in text  # it lies in the sub-district


def test_project_page_timeline_marks_the_mention_and_the_slip(site: dict[str, Path]) -> None:
    page = soup(site["project/project-b"])
    rows = page.find("table", class_="timeline").tbody.find_all("tr")
    assert [r.td.get_text() for r in rows] == ["2022", "2023"]
    assert all(r.find("mark").get_text() == "北岸智慧停车场" for r in rows)
    assert rows[1].get("class") == ["behind"] and rows[0].get("class") is None
    assert views.SLIPPED_NOTE in page.find(class_="note").get_text()
    assert soup(site["project/project-a"]).find(class_="note") is None
    data = page_data(site["project/project-b"])
    assert data["center"] == "project-b"
    assert {n["id"] for n in data["nodes"]} == {"project-b", "district-111", "org-1"}


def test_report_page_names_the_report_and_lists_sections_and_entities(site: dict[str, Path]) -> None:
    page = soup(site["report/doc2021"])
    assert page.h1.get_text().startswith("云溪街道2021年工作总结")
    assert [tr.find_all("td")[1].get_text() for tr in page.find(id="kg-sections").tbody.find_all("tr")] == [
        "一、2021年工作回顾", HOSTILE]
    links = {a.get_text(): a["href"] for a in page.main.find_all("a")}
    assert links["云溪街道"] == "../district/district-110.html"
    assert links["云溪湿地公园提升工程"] == "../project/project-a.html"  # named in it (docs)
    assert "美丽庭院行动" in page.get_text() and "北岸智慧停车场" not in links  # that one is named in 2022-23
    untitled = soup(site["report/doc2022"])
    assert untitled.h1.get_text().startswith("云溪街道 report") and "none recognised" in untitled.get_text()


def test_evidence_rows_link_their_report_by_title_and_year(site: dict[str, Path]) -> None:
    rows = soup(site["project/project-a"]).find("table", class_="timeline").tbody.find_all("tr")
    reports = [r.find_all("td")[3] for r in rows]
    assert reports[0].a["href"] == "../report/doc2021.html"
    assert reports[0].get_text() == "云溪街道2021年工作总结"  # the year is in the title already
    assert reports[1].get_text() == "云溪街道 report（2021–2023）"  # untitled: district and years
    assert reports[-1].find("a") is None and reports[-1].get_text() == "doc2023"  # not a report of the graph
    listed = soup(site["list"]).find("table").tbody.find_all("tr")
    assert [tr.td.get_text() for tr in listed] == ["云溪街道 report（2021–2023）", "云溪街道2021年工作总结"]


def test_district_chart_stacks_projects_by_stage_and_year(site: dict[str, Path]) -> None:
    chart = soup(site["district/district-110"]).find(id="kg-stage-bars")
    bars = {g["data-year"]: g for g in chart.find_all("g", class_="bar")}
    assert list(bars) == ["2021", "2022", "2023"]
    # 2021: the park planned, the hostile one planned; 2022: park under way, hostile one mentioned
    assert [(r["class"][0], r.title.get_text()) for r in bars["2021"].find_all("rect")] == [
        ("st-planned", "2021: 2 planned")]
    assert sorted(r["class"][0] for r in bars["2022"].find_all("rect")) == ["st-mentioned", "st-under_way"]
    assert bars["2023"]["data-total"] == "1"
    heights = [float(r["height"]) for r in chart.find_all("rect")]
    assert max(heights) == 180.0 and min(heights) > 0


def test_project_chart_has_a_point_per_staged_year(site: dict[str, Path]) -> None:
    chart = soup(site["project/project-a"]).find(id="kg-stage-line")
    points = [(c.title.get_text(), c["class"][0]) for c in chart.find_all("circle")]
    assert points == [("2021: planned", "st-planned"), ("2022: under_way", "st-under_way"),
                      ("2023: completed", "st-completed")]
    assert soup(site["project/project-c"]).find(id="kg-stage-line") is None  # one undated mention only


def test_empty_graph_renders_and_drops_stale_pages(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    views.render(graph, tmp_path)
    pages = views.render(nx.MultiDiGraph(), tmp_path)
    assert set(pages) == {"index", "recurrence", "list", "ledger"}
    assert page_data(pages["index"])["nodes"] == []
    assert not list(tmp_path.glob("*/*.html"))


def test_render_writes_each_page_before_rendering_the_next(graph: nx.MultiDiGraph, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    rendered: list[int] = []
    page = views._page

    def counting(*args: object, **context: object) -> str:
        rendered.append(len(list(tmp_path.rglob("*.html"))))  # pages on disk when this one starts
        return page(*args, **context)

    monkeypatch.setattr(views, "_page", counting)
    pages = views.render(graph, tmp_path)
    assert rendered == list(range(len(pages)))


def test_a_project_page_does_not_grow_with_unrelated_projects(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    bigger = graph.copy()
    district = bigger.nodes["district-110"]  # project-a's district, now named in 300 more reports
    district["docs"] = district["docs"] + [f"doc-u{k}" for k in range(300)]
    district["mentions"] += 300
    for k in range(300):  # in that district, co-mentioned with each other but not with project-a
        n = f"project-u{k}"
        bigger.add_node(n, **graph.nodes["project-c"] | {"label": f"北岸{k}号安置房工程", "docs": [f"doc-u{k}"]})
        bigger.add_edge(n, "district-110", key="locatedIn", relation="locatedIn", weight=1)
        bigger.add_edge(n, f"project-u{(k + 1) % 300}", key="cooccurs", relation="cooccurs", weight=2)
    small, large = views.render(graph, tmp_path / "small"), views.render(bigger, tmp_path / "large")
    for name in ("project/project-a", "project/project-x"):  # only the district's mention count changes
        assert abs(large[name].stat().st_size - small[name].stat().st_size) <= 16


def test_a_long_project_list_is_split_into_linked_pages(graph: nx.MultiDiGraph, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views.data, "LIST_ROWS", 3)
    pages = views.render(graph, tmp_path)
    assert {"list/projects-1", "list/projects-2"} <= set(pages) and "list/projects-3" not in pages
    index = [a["href"] for a in soup(pages["list"]).find(class_="list-pages").find_all("a")]
    assert index == ["list/projects-1.html", "list/projects-2.html"]
    listed = [a["href"] for n in (1, 2) for a in soup(pages[f"list/projects-{n}"]).tbody.find_all("a")
              if a["href"].startswith("../project/")]
    assert sorted(listed) == sorted(f"../{name}.html" for name in pages if name.startswith("project/"))
    for n in (1, 2):
        for a in soup(pages[f"list/projects-{n}"]).find_all("a"):
            assert (pages[f"list/projects-{n}"].parent / a["href"].split("#")[0]).is_file(), a["href"]
    monkeypatch.undo()
    assert "list/projects-1" not in views.render(graph, tmp_path) and not list(tmp_path.glob("list/*.html"))


def test_page_id_that_cannot_be_a_file_name_is_refused(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("project/../x", label="甲乙工程", type="Project")
    with pytest.raises(ValueError, match=r"project/\.\./x"):
        views.render(g, tmp_path)


def test_exports_parse_back(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    paths = views.export_graph(graph, tmp_path)
    for reader in (nx.read_graphml, nx.read_gexf):
        back = reader(paths[reader.__name__.removeprefix("read_")])
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()
        assert back.nodes["project-x"]["label"] == HOSTILE
        assert json.loads(back.nodes["project-a"]["aliases"]) == ["湿地公园提升工程", "湿地公园"]
        assert json.loads(back.nodes["project-b"]["timeline"])[1]["stage"] == "under_way"
    back = nx.node_link_graph(json.loads(paths["json"].read_text(encoding="utf-8")), edges="edges")
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    assert "云溪湿地公园提升工程" in paths["json"].read_text(encoding="utf-8")  # ensure_ascii=False


def test_gexf_written_in_batches_reads_back_as_networkx_writes_it(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    views._write_gexf(graph, tmp_path / "batched.gexf", batch=2)
    nx.write_gexf(views._flat(graph), tmp_path / "whole.gexf")
    batched, expected = nx.read_gexf(tmp_path / "batched.gexf"), nx.read_gexf(tmp_path / "whole.gexf")
    assert dict(batched.nodes(data=True)) == dict(expected.nodes(data=True))
    assert sorted(batched.edges(data=True)) == sorted(expected.edges(data=True))


# ---- in a real browser -------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(not browser.CHROMIUM.exists(),
                                    reason="needs Debian's /usr/bin/chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def chromium() -> Iterator[BrowserContext]:
    with browser.browser() as context:
        yield context


@pytest.fixture
def opened(chromium: BrowserContext) -> Iterator[Callable[[Path], browser.Visit]]:
    """Open pages; afterwards each must have logged no error and fetched nothing from outside."""
    visits: list[browser.Visit] = []

    def open_(path: Path) -> browser.Visit:
        visits.append(browser.visit(chromium, path))
        return visits[-1]

    yield open_
    for v in visits:
        assert v.errors == [], v.page.url
        assert all(url.startswith(browser.LOCAL_SCHEMES) for url in v.requests), v.requests
        assert v.page.evaluate("window.__pwned") is None, v.page.url
        v.page.close()


@needs_chromium
def test_every_page_loads_offline_without_errors(site: dict[str, Path], opened) -> None:
    for path in site.values():
        v = opened(path)
        assert v.page.locator("header nav a").count() == len(views.NAV)
        assert v.requests[0] == path.resolve().as_uri()  # requests are recorded (checked after the test)
        assert any(url.endswith("/static/kg.css") for url in v.requests)


@needs_chromium
def test_overview_holds_every_node_and_finds_a_chinese_alias(site: dict[str, Path], graph: nx.MultiDiGraph,
                                                             opened) -> None:
    page = opened(site["index"]).page
    assert page.evaluate("window.kgNodes.length") == graph.number_of_nodes()
    page.fill("#kg-search", "湿地公园")
    page.wait_for_function("window.kgNetwork.getSelectedNodes()[0] === 'project-a'")
    assert page.locator("#kg-details h2").inner_text() == "云溪湿地公园提升工程"
    assert page.locator("#kg-details a").get_attribute("href") == "project/project-a.html"
    page.fill("#kg-search", "云溪")  # a whole-alias match (the district) beats longer names containing it
    page.wait_for_function("window.kgNetwork.getSelectedNodes()[0] === 'district-110'")


@needs_chromium
def test_overview_filters_by_type_and_year(site: dict[str, Path], graph: nx.MultiDiGraph, opened) -> None:
    page = opened(site["index"]).page
    hidden = "window.kgNodes.get({filter: (n) => n.hidden}).map((n) => n.id).sort()"
    page.uncheck("input[name=kg-type][value=Project]")
    assert page.evaluate(hidden) == sorted(n for n, d in graph.nodes(data=True) if d["type"] == "Project")
    page.check("input[name=kg-type][value=Project]")
    page.select_option("#kg-year", "2021")
    assert page.evaluate(hidden) == sorted(n for n, d in graph.nodes(data=True) if 2021 not in d["years"])
    page.fill("#kg-search", "林晓")  # hidden by the year filter, so not found
    assert page.locator("#kg-results").inner_text() == "no match"  # nor has a page


@needs_chromium
def test_hostile_names_show_as_text_on_the_overview(site: dict[str, Path], opened) -> None:
    page = opened(site["index"]).page
    page.fill("#kg-search", "onerror")
    assert page.locator("#kg-results button").count() == 2
    for name in (HOSTILE, QUOTED):
        page.locator("#kg-results button", has_text=name).click()
        assert page.locator("#kg-details h2").inner_text() == name
    assert page.evaluate("window.kgNodes.get('project-x').title.textContent").startswith(HOSTILE)
    assert page.evaluate("document.querySelectorAll('img, [onerror]').length") == 0


@needs_chromium
def test_hostile_names_show_as_text_on_project_and_recurrence_pages(site: dict[str, Path], opened) -> None:
    page = opened(site["project/project-x"]).page
    assert HOSTILE in page.locator("h1").inner_text()
    assert BREAKOUT in page.locator("table.timeline").inner_text()
    page = opened(site["recurrence"]).page
    assert page.get_by_role("link", name=HOSTILE).count() == 1


@needs_chromium
def test_banner_when_the_graph_is_over_the_limit(graph: nx.MultiDiGraph, tmp_path: Path, opened) -> None:
    page = opened(views.render(graph, tmp_path, max_nodes=3)["index"]).page
    assert page.locator("#kg-banner").is_visible()
    drawn = page.evaluate("window.kgNodes.getIds()")
    assert "project-b" not in drawn
    page.fill("#kg-search", "智慧停车")  # not drawn: its page is offered instead
    link = page.locator("#kg-results a")
    assert link.inner_text() == "北岸智慧停车场" and link.get_attribute("href") == "project/project-b.html"
    assert page.evaluate("window.kgNodes.length") == 3


@needs_chromium
def test_recurrence_grid_colors_each_year_and_sorts(site: dict[str, Path], graph: nx.MultiDiGraph,
                                                   opened) -> None:
    page = opened(site["recurrence"]).page
    rows = page.locator("#kg-grid tbody tr")
    recurring = {d["label"]: d for d in graph.nodes.values()
                 if d["type"] == "Project" and len(d["years"]) >= 2}
    assert rows.count() == len(recurring)
    colored = page.evaluate("""[...document.querySelectorAll('#kg-grid tbody tr')].map((tr) => [
        tr.querySelector('th a').textContent,
        [...tr.querySelectorAll('td.st')]
          .filter((td) => getComputedStyle(td).backgroundColor !== 'rgba(0, 0, 0, 0)').length])""")
    assert {name: n for name, n in colored} == {name: len(d["years"]) for name, d in recurring.items()}
    names = "[...document.querySelectorAll('#kg-grid tbody tr')].map((tr) => tr.dataset.name)"
    page.click("button[data-sort=years]")
    assert page.evaluate(names)[0] == "云溪湿地公园提升工程"  # the only one with three years
    page.click("button[data-sort=name]")
    ordered = page.evaluate("(ns) => [...ns].sort((a, b) => a.localeCompare(b, 'zh'))", page.evaluate(names))
    assert page.evaluate(names) == ordered
    page.click("button[data-sort=name]")
    assert page.evaluate(names) == ordered[::-1]
    page.get_by_role("link", name=HOSTILE).click()
    page.wait_for_url("**/project/project-x.html")


# ---- the bundled reports, in a real browser ------------------------------------------------------

@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pages of a build of the bundled reports."""
    out = tmp_path_factory.mktemp("bundled")
    pipeline.build([pipeline.DEFAULT_INPUT], out, pipeline.Options(jobs=1))
    return out


def _bundled_nodes(build: Path) -> dict[str, dict]:
    from kg import rdf

    with rdf.open_store(build / "store") as store:
        return {n: {**d, "id": n} for n, d in rdf.graph_view(store).nodes(data=True)}


@needs_chromium
def test_bundled_overview_names_its_largest_nodes_at_load(bundled: Path, opened) -> None:
    page = opened(bundled / "index.html").page
    assert page.evaluate("window.kgNodes.length") > 100
    assert page.evaluate("window.kgVisibleLabels()") >= 20
    page.evaluate("window.kgNetwork.moveTo({scale: 0.02})")  # far out, names are too small to draw
    assert page.evaluate("window.kgVisibleLabels()") == 0


@needs_chromium
def test_bundled_overview_search_centres_the_entity_and_shows_its_timeline(bundled: Path, opened) -> None:
    nodes = _bundled_nodes(bundled)
    labels = Counter(n["label"] for n in nodes.values())
    project = max((n for n in nodes.values() if n["type"] == "Project" and labels[n["label"]] == 1),
                  key=lambda n: (len(n["years"]), n["mentions"], n["id"]))  # a label the search finds alone
    page = opened(bundled / "index.html").page
    distance = ("(id) => { const p = kgNetwork.getPositions([id])[id], v = kgNetwork.getViewPosition();"
                " return Math.hypot(p.x - v.x, p.y - v.y); }")
    assert page.evaluate(distance, project["id"]) > 50  # not where the view starts
    page.fill("#kg-search", project["label"])
    page.wait_for_function(f"window.kgNetwork.getSelectedNodes()[0] === {json.dumps(project['id'])}")
    page.wait_for_function(f"({distance})({json.dumps(project['id'])}) < 1")
    assert page.locator("#kg-details h2").inner_text() == project["label"]
    years = page.locator("#kg-details .timeline-list li").all_inner_texts()
    assert [int(t.split()[0]) for t in years] == sorted(project["years"])


@needs_chromium
def test_bundled_report_page_lists_its_sections(bundled: Path, opened) -> None:
    records = [json.loads(line) for line in (bundled / "extract.jsonl").read_text(encoding="utf-8").splitlines()]
    record = max(records, key=lambda r: len(r["sections"]))
    page = opened(bundled / "report" / f"{record['doc']}.html").page
    rows = page.locator("#kg-sections tbody tr")
    assert rows.count() == len(record["sections"]) > 1
    assert rows.nth(0).locator("td").nth(1).inner_text() == (record["sections"][0]["title"] or "(untitled)")
    assert page.locator("h1").inner_text() != record["doc"]  # named by its title, not its file


@needs_chromium
def test_bundled_charts_render(bundled: Path, opened) -> None:
    nodes = _bundled_nodes(bundled)
    district = next(n for n in nodes.values() if n["type"] == "District"
                    and (bundled / "district" / f"{n['id']}.html").read_text(encoding="utf-8").count("<rect") > 2)
    page = opened(bundled / "district" / f"{district['id']}.html").page
    boxes = page.locator("#kg-stage-bars rect").evaluate_all(
        "(rs) => rs.map((r) => [r.getBBox().height, getComputedStyle(r).fill])")
    assert boxes and all(h > 0 and fill not in ("none", "rgb(0, 0, 0)") for h, fill in boxes)
    project = next(n for n in nodes.values() if n["type"] == "Project"
                   and "kg-stage-line" in (bundled / "project" / f"{n['id']}.html").read_text(encoding="utf-8"))
    page = opened(bundled / "project" / f"{project['id']}.html").page
    assert page.locator("#kg-stage-line circle").count() >= 1
    assert page.locator("#kg-stage-line").bounding_box()["height"] > 100


def test_ledger_page_marks_each_target_and_links_its_figures_to_their_reports(site: dict[str, Path]) -> None:
    page = soup(site["ledger"])
    cells = {tr.th.get_text(): tr.find("td") for tr in page.select("table.ledger-grid tbody tr")}
    assert set(cells) == {"新增就业岗位", HOSTILE, "固定资产投资"}  # the hostile name is text
    assert cells["新增就业岗位"]["class"] == ["ledger-met"] and "≥300个" in cells["新增就业岗位"].get_text()
    assert cells[HOSTILE]["class"] == ["ledger-missed"]
    assert "no result" in cells["固定资产投资"].get_text()
    links = [(a.get_text(), a["href"], a["title"]) for a in cells["新增就业岗位"].find_all("a")]
    assert links == [("≥300个", "report/doc2021.html", "句子300"), ("330个", "report/doc2022.html", "句子330")]
    rows = [tr.th.get_text() for tr in page.select("table.ledger-grid tbody tr")]
    assert rows[-1] == "固定资产投资"  # indicators with a result come first
    bars = cells["新增就业岗位"].find_parent("tr").find("svg").find_all("rect")
    assert [int(b["height"]) for b in bars] == [33, 36]  # target and result on one scale


@needs_chromium
def test_ledger_page_renders_offline_without_errors(site: dict[str, Path], opened) -> None:
    visit = opened(site["ledger"])
    assert not visit.errors
    assert visit.page.locator("td.ledger-missed").count() == 1
    assert visit.page.evaluate("document.querySelectorAll('img, [onerror]').length") == 0
