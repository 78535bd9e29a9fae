"""Interactive HTML views of the knowledge graph, and its exports for other tools.

`render` turns the graph built by `kg.rdf.graph_view` into static pages that work offline
from file://: an overview network laid out in groups, one page per district, project and
report, a recurrence grid, the ledger of targets and results and a list of all pages. `data`
prepares what each page shows; the Jinja2 templates in templates/ present it with
autoescaping, so names from reports (untrusted) are text wherever they appear; graph data
travels as a JSON block that cannot close its <script>, and kg.js puts text on the page only
through textContent or the vis canvas.
static/ (vis-network, MIT, with its licence; kg.js and kg.css) is copied into out_dir/static/,
beside static/kg-names.js: every entity with a page, for the overview's search to reach what it
does not draw (a script, since pages opened from file:// cannot fetch data).
A page's size does not grow with the corpus: what it lists or draws is capped (see kg.views.data),
with counts of the rest; every district, project and report keeps its page.

`export_graph` writes the same graph as GraphML, GEXF (Gephi) and node-link JSON, for `kg export`.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import jinja2
import networkx as nx
from markupsafe import Markup

from kg.model import STAGES
from kg.views.data import BEHIND_NOTE, PAGE_KINDS, SLIPPED_NOTE, STAGE_SYMBOLS, Site, script_json

STATIC = Path(__file__).parent / "static"
NAMES = "static/kg-names.js"  # every page's entity, for the overview's search: a script, as file:// has no fetch
ASSETS = ("vis-network.min.js", "vis-network.css", "LICENSE-vis-network.txt", "kg.js", "kg.css")
NAV = (("Overview", "index.html"), ("Recurrence", "recurrence.html"), ("Ledger", "ledger.html"),
       ("Reports", "list.html#reports"),
       ("Districts", "list.html#districts"), ("Projects", "list.html#projects"))
GRAPH_FORMATS = ("graphml", "gexf", "json")  # for networkx, Gephi and JavaScript tools: `kg export` writes them
__all__ = ["GRAPH_FORMATS", "NAV", "SLIPPED_NOTE", "export_graph", "query_page", "render"]


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
    for kind in (*PAGE_KINDS.values(), "report", "list"):
        for old in (out_dir / kind).glob("*.html"):
            old.unlink()
    (out_dir / "static").mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(STATIC / name, out_dir / "static" / name)
    (out_dir / NAMES).write_text(f"window.kgNames = {script_json(site.names())};\n", encoding="utf-8")
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
    chunks = site.project_chunks()
    yield "list", _page("list.html", 0, **site.lists(chunks))
    for i in range(1, len(chunks) + 1) if len(chunks) > 1 else ():
        yield f"list/projects-{i}", _page("list_projects.html", 1, **site.project_list(chunks, i))
    yield "ledger", _page("ledger.html", 0, **site.ledger(ledger))
    for n, a in site.nodes.items():
        if a["kind"] == "district":
            yield f"district/{n}", _page("district.html", 1, **site.district(n))
        elif a["kind"] == "project":
            yield f"project/{n}", _page("project.html", 1, **site.project(n))
    for doc, r in site.reports.items():
        if r["href"]:
            yield f"report/{doc}", _page("report.html", 1, **site.report(doc))


def export_graph(graph: nx.MultiDiGraph, out_dir: Path,
                 formats: Iterable[str] = GRAPH_FORMATS) -> dict[str, Path]:
    """Write graph.graphml, graph.gexf and graph.json (node-link) into out_dir, those of `formats`,
    each streamed or in batches, so that no more than one scalar copy of the graph is held beside it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {fmt: out_dir / f"graph.{fmt}" for fmt in GRAPH_FORMATS if fmt in formats}
    if "graphml" in paths:
        nx.write_graphml(_flat(graph), paths["graphml"])  # with lxml, written element by element
    if "gexf" in paths:
        _write_gexf(graph, paths["gexf"])
    if "json" in paths:
        _write_node_link(graph, paths["json"])
    return paths


def _write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:  # what nx.node_link_data gives, a line per item
        fh.write(f'{{"directed": true, "multigraph": true, "graph": {_json(graph.graph)},\n"nodes": [')
        fh.writelines(("\n" if i == 0 else ",\n") + _json({**d, "id": n})
                      for i, (n, d) in enumerate(graph.nodes(data=True)))
        fh.write("],\n\"edges\": [")
        fh.writelines(("\n" if i == 0 else ",\n") + _json({**d, "source": u, "target": v, "key": k})
                      for i, (u, v, k, d) in enumerate(graph.edges(keys=True, data=True)))
        fh.write("]}\n")


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


def _write_gexf(graph: nx.MultiDiGraph, path: Path, batch: int = 2000) -> None:
    """GEXF as networkx writes it, but `batch` nodes or edges at a time (networkx builds the whole
    document as one element tree, several times the graph's size): each batch's elements go to a
    temporary file; the attribute declarations they collect are written in front of them at the end."""
    writer = nx.readwrite.gexf.GEXFWriter(prettyprint=False)
    writer.graph_element = graph_element = ElementTree.Element("graph", defaultedgetype="directed", mode="static",
                                                               name="")
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".gexf-") as tmp:
        parts = {"nodes": Path(tmp) / "nodes", "edges": Path(tmp) / "edges"}
        for kind, items in (("nodes", list(graph.nodes)), ("edges", list(graph.edges(keys=True)))):
            with open(parts[kind], "w", encoding="utf-8") as fh:
                for i in range(0, len(items), batch):
                    part = nx.MultiDiGraph()
                    if kind == "nodes":
                        part.add_nodes_from((n, _scalars(graph.nodes[n])) for n in items[i:i + batch])
                        writer.add_nodes(part, graph_element)
                    else:
                        part.add_nodes_from(u for u, _, _ in items[i:i + batch])  # edges in the graph's order
                        part.add_edges_from((u, v, k, _scalars(graph.edges[u, v, k])) for u, v, k in items[i:i + batch])
                        writer.add_edges(part, graph_element)
                    done = graph_element[-1]
                    graph_element.remove(done)
                    fh.writelines(ElementTree.tostring(e, encoding="unicode") for e in done)
        for kind in parts:  # markers where the batches go
            ElementTree.SubElement(graph_element, kind).text = f"@{kind}@"
        writer.xml.append(graph_element)
        head = "<?xml version='1.0' encoding='utf-8'?>\n" + ElementTree.tostring(writer.xml, encoding="unicode")
        with open(path, "w", encoding="utf-8") as out:
            for kind, part_path in parts.items():
                before, head = head.split(f"@{kind}@")
                out.write(before)
                with open(part_path, encoding="utf-8") as fh:
                    shutil.copyfileobj(fh, out)
            out.write(head)


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, as GraphML and GEXF hold them: lists and dicts as JSON text."""
    flat = nx.MultiDiGraph()
    flat.add_nodes_from((n, _scalars(d)) for n, d in graph.nodes(data=True))
    flat.add_edges_from((u, v, k, _scalars(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    return flat


def _scalars(attrs: dict) -> dict:
    """Attributes as GraphML/GEXF can store them: None dropped, containers as JSON strings."""
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict | tuple) else v
            for k, v in attrs.items() if v is not None}
