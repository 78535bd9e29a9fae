"""Interactive HTML views of the knowledge graph, and its exports for other tools.

`render` turns the graph built by `kg.rdf.graph_view` into static pages that work offline
from file://: an overview network, one page per district and per project, a recurrence grid
and a list of all pages. Names come from reports, so they are untrusted: the server side
escapes everything it writes into HTML, graph data travels as a JSON block that cannot close
its <script>, and kg.js puts text on the page only through textContent or the vis canvas.
vis-network (from the pyvis package, MIT) is copied once into out_dir/static/.

`export_graph` writes the same graph as GraphML, GEXF (Gephi) and node-link JSON.
"""

from __future__ import annotations

import json
import math
import re
import shutil
from collections import Counter
from html import escape
from pathlib import Path

import networkx as nx

from kg.model import STAGES, TYPES

STATIC = Path(__file__).parent / "static"
ASSETS = ("vis-network.min.js", "vis-network.css", "LICENSE-vis-network.txt", "kg.js", "kg.css")
TYPE_COLORS = {"District": "#4e79a7", "Project": "#f28e2b", "Organization": "#59a14f",
               "Program": "#b07aa1", "Person": "#e15759"}
OTHER_COLOR = "#9c9c9c"
PAGE_KINDS = {"District": "district", "Project": "project"}  # the types that get a page of their own
STAGE_SYMBOLS = {"planned": "○", "started": "◔", "under_way": "◑", "completed": "●", "operating": "★"}
PLURALS = {"Organization": "Organizations", "Program": "Programs", "Person": "People"}
NAV = (("Overview", "index.html"), ("Recurrence", "recurrence.html"),
       ("Districts", "list.html#districts"), ("Projects", "list.html#projects"))
SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
SLIPPED_NOTE = ("Slipped: a later report puts this project at an earlier stage than an earlier "
                "report had reached or aimed for, so it fell behind its own schedule.")
BEHIND_NOTE = "an earlier year already had a later stage"


def render(graph: nx.MultiDiGraph, out_dir: Path, *, max_nodes: int = 2000) -> dict[str, Path]:
    """Write every page into out_dir and return them by name ("index", "project/<id>", …).

    Pages left in district/ and project/ by an earlier render are removed: their entities may be gone.
    """
    site = _Site(graph)
    for kind in PAGE_KINDS.values():
        for old in (out_dir / kind).glob("*.html"):
            old.unlink()
    (out_dir / "static").mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(STATIC / name, out_dir / "static" / name)
    pages = {"index": site.overview(max_nodes), "recurrence": site.recurrence(), "list": site.lists()}
    for n, a in site.nodes.items():
        if a["type"] == "District":
            pages[f"district/{n}"] = site.district_page(n)
        elif a["type"] == "Project":
            pages[f"project/{n}"] = site.project_page(n)
    paths = {}
    for name, text in pages.items():
        path = out_dir / f"{name}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


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


def _script_json(data: object) -> str:
    """JSON for a <script> block: <, > and & escaped so no string in it can end the block."""
    text = json.dumps(data, ensure_ascii=False)
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _size(mentions: int) -> float:
    """Node radius: log scale, so a much-mentioned node doesn't swallow the picture."""
    return round(8 + 5 * math.log1p(mentions), 1)


def _type_rank(type_: str) -> int:
    return TYPES.index(type_) if type_ in TYPES else len(TYPES)


def _stage_rank(stage: str | None) -> int:
    return STAGES.index(stage) if stage in STAGES else -1


def _stage_badge(stage: str | None) -> str:
    if stage not in STAGES:
        return '<span class="stage st-mentioned">—</span>'
    return f'<span class="stage st-{stage}">{STAGE_SYMBOLS[stage]} {stage}</span>'


def _table(head: list[str], rows: list[str], attrs: str = "") -> str:
    """A table from header cells and already-escaped <tr> rows; attrs go into the tag as written."""
    ths = "".join(f"<th>{h}</th>" for h in head)
    return f"<table{attrs}><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _facts(pairs: list[tuple[str, str]]) -> str:
    """A definition list of already-escaped values, leaving out the empty ones."""
    rows = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in pairs if v)
    return f'<dl class="facts">{rows}</dl>'


def _evidence(t: dict) -> str:
    """The sentence, escaped, with the mention (start/end are offsets within it) marked."""
    s, a, b = t.get("sentence") or "", t.get("start"), t.get("end")
    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(s)):
        return escape(s)
    return f"{escape(s[:a])}<mark>{escape(s[a:b])}</mark>{escape(s[b:])}"


class _Site:
    """The graph plus what every page needs: normalised node attributes and links between pages."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        self.nodes = {n: self._node(n, d) for n, d in graph.nodes(data=True)}
        self.projects_in: dict[str, set[str]] = {}
        for n, a in self.nodes.items():
            if a["type"] == "Project" and a["district"] in self.nodes:
                self.projects_in.setdefault(a["district"], set()).add(n)
        for u, v, rel in graph.edges(data="relation"):
            if rel == "locatedIn" and self.nodes[u]["type"] == "Project":
                self.projects_in.setdefault(v, set()).add(u)

    @staticmethod
    def _node(n: str, d: dict) -> dict:
        """A node's attributes with the optional ones defaulted, so pages need no checks."""
        kind = PAGE_KINDS.get(d.get("type", ""))
        if kind and not SAFE_ID.fullmatch(n):
            raise ValueError(f"node id {n!r} cannot name a page file: use letters, digits, '-', '_' or '.'")
        return {
            "id": n, "label": str(d.get("label") or n), "type": str(d.get("type") or ""),
            "aliases": [str(x) for x in d.get("aliases") or []], "mentions": int(d.get("mentions") or 0),
            "years": sorted(d.get("years") or []), "docs": [str(x) for x in d.get("docs") or []],
            "district": d.get("district"), "level": d.get("level"), "code": d.get("code"),
            "timeline": sorted(d.get("timeline") or [], key=lambda t: t["year"]),
            "slipped": bool(d.get("slipped")), "kind": kind,
        }

    def key(self, n: str) -> tuple[str, str]:
        return self.nodes[n]["label"], n

    def href(self, n: str, depth: int) -> str | None:
        kind = self.nodes[n]["kind"]
        return f"{'../' * depth}{kind}/{n}.html" if kind else None

    def link(self, n: str, depth: int) -> str:
        label, href = escape(self.nodes[n]["label"]), self.href(n, depth)
        return f'<a href="{href}">{label}</a>' if href else label

    def links(self, ids: set[str] | list[str], depth: int) -> str:
        return "、".join(self.link(n, depth) for n in sorted(ids, key=self.key))

    def vis_data(self, ids: list[str], depth: int, **extra: object) -> dict:
        """The JSON a page's network is built from: nodes as shown, edges among them."""
        keep = set(ids)
        nodes = [{**{k: a[k] for k in ("id", "label", "type", "aliases", "years", "docs", "mentions")},
                  "color": TYPE_COLORS.get(a["type"], OTHER_COLOR), "size": _size(a["mentions"]),
                  "url": self.href(n, depth)}
                 for n in ids for a in [self.nodes[n]]]
        edges = [{"from": u, "to": v, "relation": d.get("relation", k),
                  "width": round(min(1 + math.log1p(d.get("weight") or 1), 5), 1)}
                 for u, v, k, d in self.graph.out_edges(ids, keys=True, data=True) if v in keep]
        return {"nodes": nodes, "edges": edges, **extra}

    def latest_stage(self, n: str) -> str | None:
        staged = [t["stage"] for t in self.nodes[n]["timeline"] if t.get("stage") in STAGES]
        return staged[-1] if staged else None

    def parents(self, n: str) -> list[str]:
        """The partOf chain above a district, nearest first (stops on a cycle)."""
        chain, seen = [], {n}
        while True:
            up = [v for _, v, rel in self.graph.out_edges(n, data="relation")
                  if rel == "partOf" and v not in seen]
            if not up:
                return chain
            n = min(up, key=self.key)
            chain.append(n)
            seen.add(n)

    def page(self, title: str, body: str, depth: int, *, view: str = "", data: dict | None = None,
             vis: bool = False) -> str:
        """A whole page: shared header and assets around `body` (already escaped HTML)."""
        up = "../" * depth
        css = ["vis-network.css", "kg.css"] if vis else ["kg.css"]
        js = ["vis-network.min.js", "kg.js"] if vis else ["kg.js"]
        head = "".join(f'<link rel="stylesheet" href="{up}static/{c}">' for c in css)
        tail = "".join(f'<script src="{up}static/{s}"></script>' for s in js)
        if data is not None:
            tail = f'<script type="application/json" id="kg-data">{_script_json(data)}</script>{tail}'
        nav = "".join(f'<a href="{up}{href}">{name}</a>' for name, href in NAV)
        return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{escape(title)} · kg</title>{head}</head>\n"
                f'<body data-view="{view}"><header><a class="brand" href="{up}index.html">kg</a>'
                f"<nav>{nav}</nav></header>\n<main>{body}</main>\n{tail}</body></html>\n")

    def overview(self, max_nodes: int) -> str:
        """The whole graph (or its most connected part) with search, filters and a details panel."""
        ids = sorted(self.nodes)
        banner = ""
        if len(ids) > max_nodes:
            ids = sorted(ids, key=lambda n: (-self.graph.degree(n), -self.nodes[n]["mentions"], n))
            ids = ids[:max_nodes]
            banner = (f'<p class="banner" id="kg-banner">showing {len(ids):,} of {len(self.nodes):,} nodes — '
                      f'the most connected. Every district and project keeps its page: see the '
                      f'<a href="list.html">lists</a>.</p>')
        counts = Counter(self.nodes[n]["type"] for n in ids)
        boxes = "".join(
            f'<label><input type="checkbox" name="kg-type" value="{escape(t)}" checked>'
            f'<span class="swatch" style="background:{TYPE_COLORS.get(t, OTHER_COLOR)}"></span>'
            f'{escape(t or "untyped")} <span class="muted">{counts[t]}</span></label>'
            for t in sorted(counts, key=lambda t: (_type_rank(t), t)))
        years = sorted({y for n in ids for y in self.nodes[n]["years"]})
        options = "".join(f'<option value="{y}">{y}</option>' for y in years)
        body = (f'<div class="overview"><aside>{banner}'
                f'<label for="kg-search">Find a name</label><input id="kg-search" type="search" '
                f'placeholder="name or alias, e.g. 街道" autocomplete="off"><ul id="kg-results"></ul>'
                f'<section id="kg-details" hidden></section>'
                f"<fieldset><legend>Types</legend>{boxes}</fieldset>"
                f'<label>Year <select id="kg-year"><option value="">all years</option>{options}</select>'
                f'</label><label><input type="checkbox" id="kg-cooccurs"> show co-occurrence links</label>'
                f'<p id="kg-status" class="muted">laying out…</p>'
                f'<p class="muted">Click a node for its details, double-click to open its page.</p></aside>'
                f'<div id="kg-graph" class="graph"></div></div>')
        data = self.vis_data(ids, 0, hideCooccurs=True)
        return self.page("Overview", body, 0, view="overview", data=data, vis=True)

    def project_rows(self, projects: list[str], depth: int) -> list[str]:
        """One row per project: name (and slip), district, years, latest stage."""
        return [f"<tr><td>{self.link(p, depth)}{self.slipped_mark(p)}</td>"
                f"<td>{self.link(a['district'], depth) if a['district'] in self.nodes else ''}</td>"
                f"<td>{', '.join(map(str, a['years']))}</td>"
                f"<td>{_stage_badge(self.latest_stage(p))}</td></tr>"
                for p in projects for a in [self.nodes[p]]]

    def district_page(self, n: str) -> str:
        """A district: where it sits, what lies in it, and who works there."""
        a, g = self.nodes[n], self.graph
        subs = {u for u, _, rel in g.in_edges(n, data="relation") if rel == "partOf"}
        projects = sorted(self.projects_in.get(n, ()), key=self.key)
        linked: dict[str, set[str]] = {}
        for m in [n, *projects]:
            for u, v, rel in [*g.in_edges(m, data="relation"), *g.out_edges(m, data="relation")]:
                other = v if u == m else u
                if rel != "cooccurs" and self.nodes[other]["type"] not in PAGE_KINDS:
                    linked.setdefault(self.nodes[other]["type"], set()).add(other)
        crumbs = " › ".join(self.link(p, 1) for p in reversed(self.parents(n)))
        table = _table(["Project", "District", "Years", "Latest stage"], self.project_rows(projects, 1))
        sections = [("Sub-districts", len(subs), self.links(subs, 1)),
                    ("Projects", len(projects), table if projects else ""),
                    *((PLURALS.get(t, t), len(ms), self.links(ms, 1))
                      for t, ms in sorted(linked.items(), key=lambda kv: (_type_rank(kv[0]), kv[0])))]
        level = f" · {escape(a['level'])}" if a["level"] else ""
        body = (f'<p class="crumbs">{crumbs}</p><h1>{escape(a["label"])} <small>District{level}</small></h1>'
                + self.facts(n, [("code", escape(str(a["code"] or "")))])
                + "".join(f"<section><h2>{escape(title)} ({count})</h2>{content or '<p>none recorded</p>'}"
                          f"</section>" for title, count, content in sections))
        return self.page(a["label"], body, 1)

    def project_page(self, n: str) -> str:
        """A project: year by year the stage each report gave, with the sentence; then its neighbourhood."""
        a, g = self.nodes[n], self.graph
        best, rows = -1, []
        for t in a["timeline"]:
            rank = _stage_rank(t.get("stage"))
            behind = 0 <= rank < best
            best = max(best, rank)
            note = f'<div class="muted">↓ {BEHIND_NOTE}</div>' if behind else ""
            rows.append(f'<tr{" class=behind" if behind else ""}><td>{t["year"]}</td>'
                        f"<td>{_stage_badge(t.get('stage'))}{note}</td>"
                        f"<td>{escape(str(t.get('mode') or ''))}</td>"
                        f"<td>{escape(str(t.get('doc') or ''))}</td>"
                        f"<td>{_evidence(t)}</td></tr>")
        timeline = _table(["Year", "Stage", "Section", "Report", "Evidence"], rows, ' class="timeline"')
        edges = sorted([(rel, "→", v) for _, v, rel in g.out_edges(n, data="relation")]
                       + [(rel, "←", u) for u, _, rel in g.in_edges(n, data="relation")],
                       key=lambda e: (e[0], self.key(e[2])))
        links = [f"<tr><td>{escape(str(rel))}</td><td>{arrow}</td><td>{self.link(m, 1)}</td>"
                 f"<td>{escape(self.nodes[m]['type'])}</td></tr>" for rel, arrow, m in edges]
        near = sorted({n} | set(g.predecessors(n)) | set(g.successors(n)))
        district = self.link(a["district"], 1) if a["district"] in self.nodes else ""
        stage = _stage_badge(self.latest_stage(n)) if a["timeline"] else ""
        body = (f'<p class="crumbs">{district}</p>'
                f'<h1>{escape(a["label"])} <small>Project</small>{self.slipped_mark(n)}</h1>'
                + (f'<p class="note">{SLIPPED_NOTE}</p>' if a["slipped"] else "")
                + self.facts(n, [("district", district), ("latest stage", stage)])
                + f"<section><h2>Timeline</h2>{timeline if rows else '<p>no dated mention</p>'}</section>"
                f'<section><h2>Neighbourhood</h2><div id="kg-graph" class="graph small"></div>'
                f'<p class="muted">Click a district or project to open its page.</p>'
                + _table(["Relation", "", "Entity", "Type"], links) + "</section>")
        data = self.vis_data(near, 1, center=n)
        return self.page(a["label"], body, 1, view="neighbourhood", data=data, vis=True)

    def facts(self, n: str, extra: list[tuple[str, str]]) -> str:
        a = self.nodes[n]
        return _facts([("also called", escape("、".join(a["aliases"]))), *extra,
                       ("years", ", ".join(map(str, a["years"]))), ("mentions", str(a["mentions"])),
                       ("reports", escape(", ".join(a["docs"])))])

    def slipped_mark(self, n: str) -> str:
        if not self.nodes[n]["slipped"]:
            return ""
        return f' <span class="slipped" title="{escape(SLIPPED_NOTE)}">⚠</span>'

    def recurrence(self) -> str:
        """Recurring projects × years, each cell colored by the furthest stage reported for that year."""
        recurring = sorted((n for n, a in self.nodes.items()
                            if a["type"] == "Project" and len(set(a["years"])) >= 2), key=self.key)
        all_years = {y for n in recurring for y in self.nodes[n]["years"]}
        years = list(range(min(all_years), max(all_years) + 1)) if all_years else []
        rows = []
        for n in recurring:
            a = self.nodes[n]
            stage: dict[int, str | None] = {}
            for t in a["timeline"]:
                if _stage_rank(t.get("stage")) >= _stage_rank(stage.get(t["year"])):
                    stage[t["year"]] = t.get("stage")
            cells = "".join(_cell(y, stage.get(y), y in a["years"] or y in stage) for y in years)
            district = self.link(a["district"], 0) if a["district"] in self.nodes else ""
            count = len(set(a["years"]))
            rows.append(f'<tr data-name="{escape(a["label"])}" data-years="{count}">'
                        f'<th scope="row">{self.link(n, 0)}{self.slipped_mark(n)}</th>'
                        f'<td class="num">{count}</td><td>{district}</td>{cells}</tr>')
        legend = "".join(f"<li>{_stage_badge(s)}</li>" for s in STAGES)
        legend += '<li><span class="stage st-mentioned">·</span> mentioned, stage not stated</li>'
        legend += f'<li><span class="slipped">⚠</span> {escape(SLIPPED_NOTE)}</li>'
        sort = '<button type="button" data-sort="{}">{}</button>'
        head = [sort.format("name", "Project"), sort.format("years", "Years"), "District", *map(str, years)]
        body = (f"<h1>Recurring projects <small>{len(recurring)} mentioned in two or more years</small></h1>"
                f'<ul class="legend">{legend}</ul>' + _table(head, rows, ' class="grid" id="kg-grid"'))
        return self.page("Recurrence", body, 0, view="recurrence")

    def lists(self) -> str:
        """Every district and project page, so nothing is reachable only through the graph."""
        levels = ("province", "city", "county", "town", "village")

        def by_level(n: str) -> tuple[int, str, str]:
            level = self.nodes[n]["level"]
            return (levels.index(level) if level in levels else len(levels), *self.key(n))

        districts = sorted((n for n, a in self.nodes.items() if a["type"] == "District"), key=by_level)
        projects = sorted((n for n, a in self.nodes.items() if a["type"] == "Project"), key=self.key)
        rows = [f"<tr><td>{self.link(n, 0)}</td><td>{escape(str(a['level'] or ''))}</td>"
                f"<td>{escape(str(a['code'] or ''))}</td><td>{self.links(self.parents(n)[:1], 0)}</td>"
                f'<td class="num">{len(self.projects_in.get(n, ()))}</td></tr>'
                for n in districts for a in [self.nodes[n]]]
        body = (f'<h1 id="districts">Districts <small>{len(districts)}</small></h1>'
                + _table(["District", "Level", "Code", "Part of", "Projects"], rows)
                + f'<h1 id="projects">Projects <small>{len(projects)}</small></h1>'
                + _table(["Project", "District", "Years", "Latest stage"], self.project_rows(projects, 0)))
        return self.page("Districts and projects", body, 0)


def _cell(year: int, stage: str | None, mentioned: bool) -> str:
    """One recurrence-grid cell: colored and symbolised by stage, grey if only mentioned."""
    if stage in STAGES:
        return f'<td class="st st-{stage}" title="{year}: {stage}">{STAGE_SYMBOLS[stage]}</td>'
    if mentioned:
        return f'<td class="st st-mentioned" title="{year}: mentioned, stage not stated">·</td>'
    return "<td></td>"
