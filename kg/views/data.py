"""What each page shows, prepared from the graph `kg.rdf.graph_view` reads back from the store.

Every method of `Site` returns plain dicts and lists for one page; the templates in
kg/views/templates only present them, and Jinja2 escapes every string they print. Links are
relative to the site's root: a template puts its page's `up` ("" or "../") in front.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter, defaultdict

import networkx as nx

from kg.model import STAGES, TYPES, EntityType, Stage

TYPE_COLORS: dict[str, str] = {EntityType.DISTRICT: "#4e79a7", EntityType.PROJECT: "#f28e2b",
                               EntityType.ORGANIZATION: "#59a14f", EntityType.PROGRAM: "#b07aa1",
                               EntityType.PERSON: "#e15759"}
OTHER_COLOR = "#9c9c9c"
# The stage palette of kg.css (.st-*), for the overview's project nodes and the charts' legends.
STAGE_COLORS: dict[str, str] = {Stage.PLANNED: "#9dbfe0", Stage.STARTED: "#f2c94c", Stage.UNDER_WAY: "#f2994a",
                Stage.COMPLETED: "#6fbf73", Stage.OPERATING: "#2e7d4f"}
MENTIONED_COLOR = "#c8c8c8"
PAGE_KINDS = {EntityType.DISTRICT: "district", EntityType.PROJECT: "project"}  # the types that get a page of their own
STAGE_SYMBOLS = {Stage.PLANNED: "○", Stage.STARTED: "◔", Stage.UNDER_WAY: "◑", Stage.COMPLETED: "●",
                 Stage.OPERATING: "★"}
PLURALS: dict[str, str] = {EntityType.DISTRICT: "Districts", EntityType.PROJECT: "Projects",
                           EntityType.ORGANIZATION: "Organizations", EntityType.PROGRAM: "Programs",
                           EntityType.PERSON: "People"}
LEVELS = ("province", "city", "county", "town", "village")
SAFE_ID = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")
YEAR = re.compile(r"(?:19|20)\d\d")
SLIPPED_NOTE = ("Slipped: a later report puts this project at an earlier stage than an earlier "
                "report had reached or aimed for, so it fell behind its own schedule.")
BEHIND_NOTE = "an earlier year already had a later stage"
LABELLED = 40  # the overview writes the names of this many of its largest nodes in large type
MIN_GROUP = 4  # smaller communities are drawn together, as one group of loosely linked entities
SPACING = 60.0  # the overview's distance between neighbouring nodes of a group, in layout units
# A page's size must not grow with the corpus: an entity named in thousands of reports, or a project
# co-mentioned with thousands of others, gets a page of the same bounded size, with "N more" notes.
NEIGHBOURS_DRAWN = 24  # a project's network: its district, then its most strongly linked neighbours
LINKS_LISTED = 40  # per relation in a project's list of links, most strongly linked first (> NEIGHBOURS_DRAWN)
REPORTS_LISTED = 12  # reports named in an entity's facts, earliest first
ALIASES_LISTED = 12  # other names in an entity's facts and in its tooltip on a neighbour's page
TIMELINE_ROWS = 30  # above this, a project's timeline keeps one row per year and stage
PROJECTS_LISTED = 200  # a district's table of projects, most mentioned first; list.html has them all
LIST_ROWS = 500  # projects on one page of the project list: list.html, or list/projects-N.html when more


def script_json(data: object) -> str:
    """JSON for a <script> block: <, > and & escaped so no string in it can end the block."""
    text = json.dumps(data, ensure_ascii=False)
    for ch in "<>&\u2028\u2029":
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def node_size(mentions: int) -> float:
    """Node radius: log scale, so a much-mentioned node doesn't swallow the picture."""
    return round(8 + 5 * math.log1p(mentions), 1)


def stage_rank(stage: str | None) -> int:
    return STAGES.index(stage) if stage in STAGES else -1


def _type_rank(type_: str) -> int:
    return TYPES.index(type_) if type_ in TYPES else len(TYPES)


def _weight(t: dict) -> tuple[bool, int]:
    """A stage the text states outweighs one kg presumed (no stage words), which outweighs none."""
    return stage_rank(t.get("stage")) >= 0 and not t.get("presumed"), stage_rank(t.get("stage"))


def furthest_by_year(timeline: list[dict]) -> dict[int, str | None]:
    """Each dated year's furthest stage (None: mentioned with no stage stated); a presumed stage
    only where the year states none."""
    best: dict[int, dict] = {}
    for t in timeline:
        if t["year"] not in best or _weight(t) > _weight(best[t["year"]]):
            best[t["year"]] = t
    return {year: best[year].get("stage") for year in sorted(best)}


def evidence(t: dict) -> list[tuple[str, bool]]:
    """The sentence as (text, is the mention) pieces; start/end are offsets within it."""
    s, a, b = t.get("sentence") or "", t.get("start"), t.get("end")
    if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(s)):
        return [(s, False)]
    return [(s[:a], False), (s[a:b], True), (s[b:], False)]


class Site:
    """The graph plus what every page needs: normalised node attributes, reports, links between pages."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        self.nodes = {n: self._node(n, d) for n, d in graph.nodes(data=True)}
        self.projects_in: dict[str, set[str]] = defaultdict(set)
        for n, a in self.nodes.items():
            if a["type"] == EntityType.PROJECT and a["district"] in self.nodes:
                self.projects_in[a["district"]].add(n)
        for u, v, rel in graph.edges(data="relation"):
            if rel == "locatedIn" and self.nodes[u]["type"] == EntityType.PROJECT:
                self.projects_in[v].add(u)
        self.named_in: dict[str, set[str]] = defaultdict(set)
        for n, a in self.nodes.items():
            for doc in a["docs"]:
                self.named_in[doc].add(n)
        self.reports = {r["doc"]: self._report(r) for r in graph.graph.get("reports", [])}

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

    def _report(self, r: dict) -> dict:
        """A report named by its title and year(s): the years its sections are dated, else its entities'."""
        sections = sorted(r.get("sections") or [], key=lambda s: s["index"])
        years = sorted({s["year"] for s in sections if s.get("year")}) or sorted(
            {y for n in self.named_in.get(r["doc"], ()) for y in self.nodes[n]["years"]})
        district = r.get("publisher") if r.get("publisher") in self.nodes else None
        title = str(r.get("title") or r["doc"])
        if title == r["doc"] and district:  # untitled: the build filed it under its file name
            title = f"{self.nodes[district]['label']} report"
        span = f"{years[0]}–{years[-1]}" if len(years) > 2 else "、".join(map(str, years))
        label = title if not years or set(YEAR.findall(title)) & {str(y) for y in years} else f"{title}（{span}）"
        return {"doc": r["doc"], "title": title, "label": label, "years": years, "sections": sections,
                "district": district,
                "href": f"report/{r['doc']}.html" if SAFE_ID.fullmatch(r["doc"]) else None}

    # -- links

    def key(self, n: str) -> tuple[str, str]:
        return self.nodes[n]["label"], n

    def href(self, n: str) -> str | None:
        kind = self.nodes[n]["kind"]
        return f"{kind}/{n}.html" if kind else None

    def ref(self, n: str | None) -> dict | None:
        """A link to an entity's page (href None: the type has no pages), None for an unknown id."""
        if n is None or n not in self.nodes:
            return None
        a = self.nodes[n]
        return {"label": a["label"], "href": self.href(n), "type": a["type"]}

    def refs(self, ids: set[str] | list[str]) -> list[dict | None]:
        return [self.ref(n) for n in sorted(ids, key=self.key)]

    def report_ref(self, doc: str) -> dict:
        r = self.reports.get(doc)
        return {"label": r["label"], "href": r["href"]} if r else {"label": doc, "href": None}

    def latest_stage(self, n: str) -> str | None:
        staged = [t for t in self.nodes[n]["timeline"] if t.get("stage") in STAGES]
        stated = [t for t in staged if not t.get("presumed")] or staged
        return stated[-1]["stage"] if stated else None

    def parents(self, n: str) -> list[str]:
        """The partOf chain above a district, nearest first (stops on a cycle)."""
        chain: list[str] = []
        seen = {n}
        while True:
            up = [v for _, v, rel in self.graph.out_edges(n, data="relation") if rel == "partOf" and v not in seen]
            if not up:
                return chain
            n = min(up, key=self.key)
            chain.append(n)
            seen.add(n)

    def project_row(self, p: str) -> dict:
        a = self.nodes[p]
        return {"project": self.ref(p), "slipped": a["slipped"], "district": self.ref(a["district"]),
                "years": a["years"], "stage": self.latest_stage(p)}

    def facts(self, n: str) -> dict:
        a = self.nodes[n]
        more = len(a["aliases"]) - ALIASES_LISTED
        return {"aliases": "、".join(a["aliases"][:ALIASES_LISTED]) + (f" … ({more} more)" if more > 0 else ""),
                "years": ", ".join(map(str, a["years"])),
                "mentions": a["mentions"], "reports": [self.report_ref(d) for d in a["docs"][:REPORTS_LISTED]],
                "more_reports": max(0, len(a["docs"]) - REPORTS_LISTED)}

    def most_mentioned(self, ids: set[str] | list[str], limit: int | None) -> list[str]:
        """The `limit` most mentioned of ids (all when None), in name order."""
        kept = ids if limit is None else heapq.nsmallest(limit, ids, key=lambda n: (-self.nodes[n]["mentions"], n))
        return sorted(kept, key=self.key)

    def by_type(self, ids: set[str], limit: int | None = None) -> list[dict]:
        """Entities grouped by type, types in model order; with `limit`, each group's most mentioned
        and how many more it has."""
        groups: dict[str, set[str]] = defaultdict(set)
        for n in ids:
            groups[self.nodes[n]["type"]].add(n)
        return [{"title": PLURALS.get(t, t or "Untyped"), "count": len(ms),
                 "entities": [self.ref(m) for m in self.most_mentioned(ms, limit)]}
                for t, ms in sorted(groups.items(), key=lambda kv: (_type_rank(kv[0]), kv[0]))]

    # -- pages

    def overview(self, max_nodes: int) -> dict:
        """The graph, or districts and their most mentioned projects, laid out in groups."""
        ids = sorted(self.nodes)
        truncated = len(ids) > max_nodes
        if truncated:
            ids = self._sample(max_nodes)
        groups = self._groups(ids)
        labelled = set(sorted(ids, key=lambda n: (-self.nodes[n]["mentions"], n))[:LABELLED])
        labelled |= {g[0] for g in groups}  # every group's hub
        positions = _layout(groups, labelled)
        group_of = {n: i for i, g in enumerate(groups) for n in g}
        nodes = []
        for n in ids:
            a = self.nodes[n]
            stage = self.latest_stage(n) if a["type"] == EntityType.PROJECT else None
            color = (STAGE_COLORS.get(stage or "", MENTIONED_COLOR) if a["type"] == EntityType.PROJECT
                     else TYPE_COLORS.get(a["type"], OTHER_COLOR))
            x, y = positions[n]
            nodes.append({**{k: a[k] for k in ("id", "label", "type", "aliases", "years", "mentions")},
                          "docs": a["docs"][:REPORTS_LISTED], "reportCount": len(a["docs"]),
                          "color": color, "size": node_size(a["mentions"]), "url": self.href(n), "x": x, "y": y,
                          "big": n in labelled, "stage": stage,
                          "timeline": [[y_, s] for y_, s in furthest_by_year(a["timeline"]).items()]})
        edges = [e | {"across": group_of[e["from"]] != group_of[e["to"]]} for e in self._edges(ids)]
        counts = Counter(self.nodes[n]["type"] for n in ids)
        projects = [a for a in self.nodes.values() if a["type"] == EntityType.PROJECT]
        all_years = sorted({y for a in self.nodes.values() for y in a["years"]})
        return {
            "summary": {"reports": len(self.reports), "projects": len(projects),
                        "years": f"{all_years[0]}–{all_years[-1]}" if all_years else "",
                        "recurring": sum(len(set(a["years"])) >= 2 for a in projects),
                        "slipped": sum(a["slipped"] for a in projects)},
            "truncated": truncated, "shown": len(ids), "total": len(self.nodes),
            "types": [{"type": t, "count": counts[t], "color": TYPE_COLORS.get(t, OTHER_COLOR)}
                      for t in sorted(counts, key=lambda t: (_type_rank(t), t))],
            "stages": [{"stage": s, "color": STAGE_COLORS[s]} for s in STAGES],
            "mentioned_color": MENTIONED_COLOR,
            "years": sorted({y for n in ids for y in self.nodes[n]["years"]}),
            "groups": [(self.ref(g[0]) or {}) | {"size": len(g)} for g in groups],
            "data": {"nodes": nodes, "edges": edges, "hideCooccurs": True, "fixed": True,
                     "reports": {d: self.reports[d]["label"] for n in nodes for d in n["docs"] if d in self.reports}},
        }

    def names(self) -> list[list]:
        """Every entity with a page as [label, aliases, href, type], for the overview's search to find
        what it does not draw."""
        return [[a["label"], a["aliases"][:ALIASES_LISTED], self.href(n), a["type"]]
                for n, a in sorted(self.nodes.items(), key=lambda kv: self.key(kv[0])) if a["kind"]]

    def _sample(self, max_nodes: int) -> list[str]:
        """Districts first (those with most projects), then their most mentioned projects in turn,
        then whatever is most connected, up to max_nodes."""
        def busy(n: str) -> tuple:
            return (-len(self.projects_in.get(n, ())), -self.nodes[n]["mentions"], n)

        districts = sorted((n for n, a in self.nodes.items() if a["type"] == EntityType.DISTRICT), key=busy)
        kept = districts[: max(1, max_nodes // 4)]
        queues = [sorted(self.projects_in.get(d, ()), key=lambda p: (-self.nodes[p]["mentions"], p)) for d in kept]
        chosen = dict.fromkeys(kept)
        while len(chosen) < max_nodes and any(queues):
            for q in queues:
                if q and len(chosen) < max_nodes:
                    chosen.setdefault(q.pop(0))
        rest = sorted(set(self.nodes) - set(chosen),
                      key=lambda n: (-self.graph.degree(n), -self.nodes[n]["mentions"], n))
        chosen.update(dict.fromkeys(rest[: max_nodes - len(chosen)]))
        return sorted(chosen)

    def _groups(self, ids: list[str]) -> list[list[str]]:
        """Communities of the shown graph (Louvain, fixed seed), each ordered by mentions, hub first
        (its most mentioned district when it has one); largest group first."""
        g = nx.Graph()
        g.add_nodes_from(ids)
        for u, v, w in self.graph.subgraph(ids).edges(data="weight"):
            if u != v:
                g.add_edge(u, v, weight=(g.get_edge_data(u, v) or {}).get("weight", 0) + (w or 1))
        communities = nx.community.louvain_communities(g, weight="weight", seed=1) if g.number_of_edges() else []
        loose = {n for c in communities if len(c) < MIN_GROUP for n in c} | set(nx.isolates(g))
        communities = [c for c in communities if len(c) >= MIN_GROUP] + ([loose] if loose else [])

        def order(n: str) -> tuple:
            a = self.nodes[n]
            return (a["type"] != EntityType.DISTRICT, -a["mentions"], n)

        groups = [sorted(c, key=order) for c in communities]
        return sorted(groups, key=lambda c: (-len(c), c[0]))

    def _edges(self, ids: list[str]) -> list[dict]:
        """The edges among ids; each node's links are read from its side or from ids', whichever is
        fewer, so a hub linked to thousands costs no more than the ids shown."""
        keep, succ, out = set(ids), self.graph.succ, []
        for u in ids:
            adj = succ[u]
            for v in ([v for v in adj if v in keep] if len(adj) <= len(keep) else [v for v in ids if v in adj]):
                out += [{"from": u, "to": v, "relation": d.get("relation", k),
                         "width": round(min(1 + math.log1p(d.get("weight") or 1), 5), 1)}
                        for k, d in adj[v].items()]
        return out

    def links(self, n: str) -> list[tuple[str, str, str]]:
        """An entity's links as (relation, arrow, other end), strongest first: its own district, then
        named relations before co-mentions, then by evidence and mentions."""
        g, home = self.graph, self.nodes[n]["district"]
        ends = [(rel, "→", v, w) for _, v, rel, w in g.out_edges(n, keys=True, data="weight")]
        ends += [(rel, "←", u, w) for u, _, rel, w in g.in_edges(n, keys=True, data="weight")]
        ends.sort(key=lambda e: (e[2] != home, e[0] == "cooccurs", -(e[3] or 1), -self.nodes[e[2]]["mentions"],
                                 self.key(e[2]), e[0]))
        return [(rel, arrow, m) for rel, arrow, m, _ in ends if m != n]

    def neighbourhood(self, n: str, links: list[tuple[str, str, str]]) -> dict:
        """The network around one entity for its page (one folder down): the entity and the first
        NEIGHBOURS_DRAWN other ends of `links`; `more` counts those left out."""
        ends = list(dict.fromkeys(m for _, _, m in links))
        ids = sorted([n, *ends[:NEIGHBOURS_DRAWN]])
        nodes = [{**{k: a[k] for k in ("id", "label", "type", "years", "mentions")},
                  "aliases": a["aliases"][:ALIASES_LISTED], "color": TYPE_COLORS.get(a["type"], OTHER_COLOR),
                  "size": node_size(a["mentions"]),
                  "url": f"../{self.href(m)}" if self.href(m) else None}
                 for m in ids for a in [self.nodes[m]]]
        return {"nodes": nodes, "edges": self._edges(ids), "center": n, "more": max(0, len(ends) - NEIGHBOURS_DRAWN)}

    def district(self, n: str) -> dict:
        """A district: where it sits, what lies in it, who works there, and its projects' stages by year."""
        a, g = self.nodes[n], self.graph
        subs = {u for u, _, rel in g.in_edges(n, data="relation") if rel == "partOf"}
        projects = self.projects_in.get(n, set())
        linked: set[str] = set()
        for m in [n, *projects]:
            for u, v, rel in [*g.in_edges(m, data="relation"), *g.out_edges(m, data="relation")]:
                other = v if u == m else u
                if rel != "cooccurs" and self.nodes[other]["type"] not in PAGE_KINDS:
                    linked.add(other)
        return {"node": a, "crumbs": [self.ref(p) for p in reversed(self.parents(n))], "facts": self.facts(n),
                "subdistricts": self.refs(subs),
                "projects": [self.project_row(p) for p in self.most_mentioned(projects, PROJECTS_LISTED)],
                "project_count": len(projects), "linked": self.by_type(linked, LINKS_LISTED),
                "chart": stage_bars({p: self.nodes[p]["timeline"] for p in projects})}

    def project(self, n: str) -> dict:
        """A project: year by year the stage each report gave, with the sentence; then its neighbourhood,
        drawn and listed, both bounded (see NEIGHBOURS_DRAWN, LINKS_LISTED, TIMELINE_ROWS)."""
        a = self.nodes[n]
        best, rows = -1, []
        for t in a["timeline"]:
            rank = -1 if t.get("presumed") else stage_rank(t.get("stage"))  # a presumption claims no slip
            behind = 0 <= rank < best
            best = max(best, rank)
            rows.append({"year": t["year"], "stage": t.get("stage"), "presumed": bool(t.get("presumed")),
                         "behind": behind, "mode": t.get("mode") or "",
                         "report": self.report_ref(str(t.get("doc") or "")), "evidence": evidence(t)})
        if len(rows) > TIMELINE_ROWS:  # the first report's sentence for each year and stage
            firsts: dict[tuple, dict] = {}
            for r in rows:
                firsts.setdefault((r["year"], r["stage"], r["presumed"]), r)
            rows = list(firsts.values())
        links = self.links(n)
        listed: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for rel, arrow, m in links:
            listed[rel].append((arrow, m))
        groups = [{"relation": rel, "more": max(0, len(ends) - LINKS_LISTED),
                   "links": [{"arrow": arrow, "entity": self.ref(m)}
                             for arrow, m in sorted(ends[:LINKS_LISTED], key=lambda e: self.key(e[1]))]}
                  for rel, ends in sorted(listed.items())]
        return {"node": a, "district": self.ref(a["district"]), "stage": self.latest_stage(n), "facts": self.facts(n),
                "timeline": rows, "more_mentions": len(a["timeline"]) - len(rows), "chart": stage_line(a["timeline"]),
                "links": groups, "data": self.neighbourhood(n, links)}

    def report(self, doc: str) -> dict:
        """A report: its title, district, years, sections and every entity it names."""
        r = self.reports[doc]
        return {"report": r, "district": self.ref(r["district"]),
                "entities": self.by_type(self.named_in.get(doc, set()))}

    def recurrence(self) -> dict:
        """Recurring projects × years, each cell the furthest stage reported for that year."""
        recurring = sorted((n for n, a in self.nodes.items()
                            if a["type"] == EntityType.PROJECT and len(set(a["years"])) >= 2), key=self.key)
        all_years = {y for n in recurring for y in self.nodes[n]["years"]}
        years = list(range(min(all_years), max(all_years) + 1)) if all_years else []
        rows = []
        for n in recurring:
            a = self.nodes[n]
            stage = furthest_by_year(a["timeline"])
            cells = [{"year": y, "stage": stage.get(y), "mentioned": y in a["years"] or y in stage} for y in years]
            rows.append({"project": self.ref(n), "slipped": a["slipped"], "count": len(set(a["years"])),
                         "district": self.ref(a["district"]), "cells": cells})
        return {"years": years, "rows": rows}

    def ledger(self, entries: list[dict]) -> dict:
        """Per district, its indicators × years: the target, the result, met or missed, each figure
        linked to the report it was read from, and a bar pair per year for a small chart."""
        by_district: dict[str, dict[str, dict[int, dict]]] = defaultdict(lambda: defaultdict(dict))
        for e in entries:
            by_district[e["district"]][e["indicator"]].setdefault(e["year"], e)  # one target a year
        districts = []
        for name in sorted(by_district):
            indicators = by_district[name]
            years = sorted({y for cells in indicators.values() for y in cells})
            rows = []
            reported = {i: sum(e["result"] is not None for e in cells.values()) for i, cells in indicators.items()}
            for indicator in sorted(indicators, key=lambda i: (-reported[i], -len(indicators[i]), i)):
                cells = [self._ledger_cell(indicators[indicator].get(y)) for y in years]
                rows.append({"indicator": indicator, "cells": cells, "chart": _bars(cells)})
            counts = Counter(e["status"] for cells in indicators.values() for e in cells.values())
            districts.append({"name": name, "years": years, "rows": rows, "counts": dict(counts)})
        return {"districts": districts}

    def _ledger_cell(self, e: dict | None) -> dict | None:
        if e is None:
            return None
        def figure(f: dict | None) -> dict | None:
            if f is None:
                return None
            bound = "" if f["bound"] == "=" else f["bound"]
            return {"text": f"{bound}{f['value']:g}{f['unit']}", "sentence": f["sentence"],
                    "report": self.report_ref(f["doc"]), "value": f["value"], "unit": f["unit"]}
        return {"status": e["status"], "ratio": e["ratio"], "target": figure(e["target"]),
                "result": figure(e["result"])}

    def project_chunks(self) -> list[list[str]]:
        """Every project in name order, LIST_ROWS to a page of the project list."""
        projects = sorted((n for n, a in self.nodes.items() if a["type"] == EntityType.PROJECT), key=self.key)
        return [projects[i:i + LIST_ROWS] for i in range(0, len(projects), LIST_ROWS)]

    def lists(self, chunks: list[list[str]]) -> dict:
        """Every report, district and project page, so nothing is reachable only through the graph.
        Projects (`chunks`, from project_chunks) are listed here when they fit on one page, else
        each chunk on a page of its own (`project_list`), linked by its first and last names."""
        def by_level(n: str) -> tuple[int, str, str]:
            level = self.nodes[n]["level"]
            return (LEVELS.index(level) if level in LEVELS else len(LEVELS), *self.key(n))

        districts = sorted((n for n, a in self.nodes.items() if a["type"] == EntityType.DISTRICT), key=by_level)
        return {
            "reports": [r | {"district_ref": self.ref(r["district"]), "entities": len(self.named_in.get(d, ()))}
                        for d, r in sorted(self.reports.items(), key=lambda kv: kv[1]["label"])],
            "districts": [{"district": self.ref(n), "level": self.nodes[n]["level"] or "",
                           "code": self.nodes[n]["code"] or "", "parent": self.ref(next(iter(self.parents(n)), None)),
                           "projects": len(self.projects_in.get(n, ()))} for n in districts],
            "project_count": sum(map(len, chunks)),
            "projects": [self.project_row(p) for p in chunks[0]] if len(chunks) == 1 else [],
            "project_pages": [{"href": f"list/projects-{i}.html", "first": self.nodes[c[0]]["label"],
                               "last": self.nodes[c[-1]]["label"], "count": len(c)}
                              for i, c in enumerate(chunks, 1)] if len(chunks) > 1 else [],
        }

    def project_list(self, chunks: list[list[str]], i: int) -> dict:
        """Page i (from 1) of the project list, with its neighbours' numbers."""
        return {"page": i, "pages": len(chunks), "project_count": sum(map(len, chunks)),
                "projects": [self.project_row(p) for p in chunks[i - 1]]}


# ---------------------------------------------------------------- layout and charts


def _bars(cells: list[dict | None], height: int = 36) -> list[dict | None]:
    """Bar heights (px) of target and result per year, on one scale, where both are in one unit; a
    result that went the other way (below zero) has no height."""
    pairs = [(max(c["target"]["value"], 0), max(c["result"]["value"], 0) if c["result"] else None)
             if c and c["target"] and (not c["result"] or c["result"]["unit"] == c["target"]["unit"]) else None
             for c in cells]
    top = max((v for p in pairs if p for v in p if v is not None), default=0)
    return [None if p is None or not top else
            {"target": round(height * p[0] / top), "result": None if p[1] is None else round(height * p[1] / top)}
            for p in pairs]



def _layout(groups: list[list[str]], labelled: set[str]) -> dict[str, tuple[float, float]]:
    """Positions: each group a disc (a sunflower spiral, hub in the middle, larger nodes nearer it),
    discs packed in rows, largest first, about as wide as a 14:9 screen. Named nodes after the hub
    take every sixth place of the spiral, so their names do not sit on each other."""
    radius = [SPACING * math.sqrt(len(g) + 1) for g in groups]
    row_width = max([2 * r for r in radius] + [math.sqrt(sum(4 * r * r for r in radius)) * 1.4])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    golden = math.pi * (3 - math.sqrt(5))
    for group, r in zip(groups, radius, strict=True):
        if x and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height + SPACING, 0.0
        cx, cy = x + r, y + r
        for i, n in enumerate(_spread(group, labelled)):
            if n is None:
                continue
            d = SPACING * math.sqrt(i) * 0.95
            positions[n] = (round(cx + d * math.cos(i * golden), 1), round(cy + d * math.sin(i * golden), 1))
        x += 2 * r + SPACING
        row_height = max(row_height, 2 * r)
    return positions


def _spread(group: list[str], labelled: set[str], every: int = 6) -> list[str | None]:
    """The group's spiral order: the hub, then named nodes at every `every`th place, the rest
    filling in by size (None: an empty place)."""
    named = [n for n in group[1:] if n in labelled]
    rest = [n for n in group[1:] if n not in labelled]
    order: list[str | None] = [group[0]] if group else []
    while named or rest:
        if named and len(order) % every == 0:
            order.append(named.pop(0))
        elif rest:
            order.append(rest.pop(0))
        else:
            order.append(None)
    return order


CHART_HEIGHT = 180
BAR_WIDTH = 56
BAR_GAP = 22


def stage_bars(timelines: dict[str, list[dict]]) -> dict | None:
    """Stacked bars, one per year: how many projects reached each stage that year (their furthest
    that year; 'mentioned' when no stage was stated). None when no project is dated."""
    per_year: dict[int, Counter] = defaultdict(Counter)
    for timeline in timelines.values():
        for year, stage in furthest_by_year(timeline).items():
            per_year[year][stage or "mentioned"] += 1
    if not per_year:
        return None
    years = list(range(min(per_year), max(per_year) + 1))
    top = max(sum(c.values()) for c in per_year.values())
    bars = []
    for i, year in enumerate(years):
        base: float = CHART_HEIGHT
        segments = []
        for stage in ("mentioned", *STAGES):
            count = per_year[year][stage]
            if count:
                h = round(CHART_HEIGHT * count / top, 1)
                base -= h
                segments.append({"stage": stage, "count": count, "y": round(base, 1), "height": h})
        bars.append({"year": year, "x": i * (BAR_WIDTH + BAR_GAP) + 40, "total": sum(per_year[year].values()),
                     "segments": segments})
    return {"bars": bars, "width": len(years) * (BAR_WIDTH + BAR_GAP) + 60, "height": CHART_HEIGHT,
            "bar_width": BAR_WIDTH, "top": top, "stages": ["mentioned", *STAGES]}


def stage_line(timeline: list[dict]) -> dict | None:
    """A project's furthest stage per year as points on a stage-by-year chart (None: fewer than two
    years, or no stage stated)."""
    stages = furthest_by_year(timeline)
    if len(stages) < 2 or not any(s in STAGES for s in stages.values()):
        return None
    years = list(range(min(stages), max(stages) + 1))
    step, top = 56, 20
    rows = [{"stage": s, "y": top + (len(STAGES) - 1 - i) * 26} for i, s in enumerate(STAGES)]
    y_of = {r["stage"]: r["y"] for r in rows}
    points = [{"year": y, "stage": s, "x": 110 + i * step, "y": y_of[s]}
              for i, y in enumerate(years) for s in [stages.get(y)] if s in STAGES]
    return {"rows": rows, "points": points, "years": [{"year": y, "x": 110 + i * step} for i, y in enumerate(years)],
            "path": " ".join(f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}" for i, p in enumerate(points)),
            "width": 140 + (len(years) - 1) * step, "height": top + len(STAGES) * 26 + 20}
