"""Interactive HTML views of the knowledge graph, and its exports for other tools.

`render` turns the graph built by `kg.rdf.graph_view` into static pages that work offline
from file://: an overview network laid out in groups, one page per district, project and
report, a recurrence grid, the ledger of targets and results and a list of all pages. `data`
prepares what each page shows; the Jinja2 templates in templates/ present it with
autoescaping, so names from reports (untrusted) are text wherever they appear; graph data
travels as a JSON block that cannot close its <script>, and kg.js puts text on the page only
through textContent or the vis canvas.
static/ (vis-network, MIT, with its licence; kg.js and kg.css) is copied into out_dir/static/.

`export_graph` writes the same graph as GraphML, GEXF (Gephi) and node-link JSON.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from kg.model import STAGES
from kg.views.data import BEHIND_NOTE, PAGE_KINDS, SLIPPED_NOTE, STAGE_SYMBOLS, Site, script_json

STATIC = Path(__file__).parent / "static"
ASSETS = ("vis-network.min.js", "vis-network.css", "LICENSE-vis-network.txt", "kg.js", "kg.css")
NAV = (("Overview", "index.html"), ("Recurrence", "recurrence.html"), ("Ledger", "ledger.html"),
       ("Reports", "list.html#reports"),
       ("Districts", "list.html#districts"), ("Projects", "list.html#projects"))
__all__ = ["NAV", "SLIPPED_NOTE", "export_graph", "query_page", "render"]


@cache
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("kg.views", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["script_json"] = lambda data: Markup(script_json(data))  # safe: script_json escapes < > &
    env.globals.update(nav=NAV, stages=STAGES, symbols=STAGE_SYMBOLS, slipped_note=SLIPPED_NOTE,
                       behind_note=BEHIND_NOTE)
    return env


def _page(template: str, depth: int, **context: object) -> str:
    return _templates().get_template(template).render(up="../" * depth, **context)


def query_page(queries: dict[str, dict[str, str]], pages: list[dict[str, str]]) -> str:
    """kg serve's query page: `queries` by name (description, text), `pages` (name, href) of the views."""
    return _page("query.html", 0, queries=queries, views=pages)


def render(graph: nx.MultiDiGraph, out_dir: Path, *, max_nodes: int = 2000,
           ledger: list[dict] | None = None) -> dict[str, Path]:
    """Write every page into out_dir and return them by name ("index", "project/<id>", "report/<doc>", …);
    `ledger` is what `kg.builds.ledger` reads from the store (targets against results).

    Each page is written as soon as it is rendered, so a corpus of any size holds one page's HTML at a
    time. Pages left in district/, project/ and report/ by an earlier render are removed: their
    subjects may be gone.
    """
    site = Site(graph)
    for kind in (*PAGE_KINDS.values(), "report"):
        for old in (out_dir / kind).glob("*.html"):
            old.unlink()
    (out_dir / "static").mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(STATIC / name, out_dir / "static" / name)
    paths = {}
    for name, text in _pages(site, max_nodes, ledger or []):
        paths[name] = out_dir / f"{name}.html"
        paths[name].parent.mkdir(exist_ok=True)
        paths[name].write_text(text, encoding="utf-8")
    return paths


def _pages(site: Site, max_nodes: int, ledger: list[dict]) -> Iterator[tuple[str, str]]:
    """Each page's name and HTML, rendered only when the one before has been taken."""
    yield "index", _page("overview.html", 0, **site.overview(max_nodes))
    yield "recurrence", _page("recurrence.html", 0, **site.recurrence())
    yield "list", _page("list.html", 0, **site.lists())
    yield "ledger", _page("ledger.html", 0, **site.ledger(ledger))
    for n, a in site.nodes.items():
        if a["kind"] == "district":
            yield f"district/{n}", _page("district.html", 1, **site.district(n))
        elif a["kind"] == "project":
            yield f"project/{n}", _page("project.html", 1, **site.project(n))
    for doc, r in site.reports.items():
        if r["href"]:
            yield f"report/{doc}", _page("report.html", 1, **site.report(doc))


def export_graph(graph: nx.MultiDiGraph, out_dir: Path) -> dict[str, Path]:
    """Write graph.graphml, graph.gexf and graph.json (node-link) into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out_dir / f"graph.{fmt}" for fmt in ("graphml", "gexf", "json")}
    flat = nx.MultiDiGraph()  # GraphML and GEXF hold only scalars: lists and dicts go as JSON text
    flat.add_nodes_from((n, _scalars(d)) for n, d in graph.nodes(data=True))
    flat.add_edges_from((u, v, k, _scalars(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    nx.write_graphml(flat, paths["graphml"])
    nx.write_gexf(flat, paths["gexf"])
    data = nx.node_link_data(graph, edges="edges")
    paths["json"].write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return paths


def _scalars(attrs: dict) -> dict:
    """Attributes as GraphML/GEXF can store them: None dropped, containers as JSON strings."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict | tuple) else v
            for k, v in attrs.items() if v is not None}
