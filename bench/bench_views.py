"""How long a big overview takes: Python render time, then page load to settled layout in Chromium.

    .venv/bin/python bench/bench_views.py [NODES] [--png OUT.png]

The graph is generated (invented names, seeded): a district tree, projects located in it,
organizations, programs and people linked to projects, and co-occurrence links.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import browser  # noqa: E402  (tests/browser.py: the same headless Chromium the tests use)

from kg import views  # noqa: E402

STAGES = ("planned", "started", "under_way", "completed", "operating")


def generated_graph(size: int, seed: int = 7) -> nx.MultiDiGraph:
    """About `size` nodes shaped like a resolved corpus: 8% districts, half projects, the rest actors."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    years = list(range(2018, 2025))

    def add(kind: str, i: int, type_: str, label: str, **extra: object) -> str:
        n = f"{kind}-{i:05d}"
        ys = sorted(rng.sample(years, rng.choice((1, 1, 2, 3))))
        attrs = {"label": label, "type": type_, "aliases": [label[:4]], "mentions": rng.randint(1, 40),
                 "years": ys, "docs": [f"r{y}" for y in ys], "district": None, "level": None, "code": None,
                 "timeline": [], "slipped": False}
        g.add_node(n, **(attrs | extra))
        return n

    districts = [add("district", 0, "District", "测试市", level="city")]
    for i in range(1, size * 8 // 100):
        d = add("district", i, "District", f"测试{i}街道", level="town")
        g.add_edge(d, rng.choice(districts), key="partOf", relation="partOf", weight=1)
        districts.append(d)
    projects = []
    for i in range(size // 2):
        where = rng.choice(districts)
        p = add("project", i, "Project", f"测试{i}号道路改造工程", district=where)
        g.nodes[p]["timeline"] = [{"year": y, "stage": rng.choice(STAGES), "mode": "review", "doc": f"r{y}",
                                   "sentence": f"推进测试{i}号道路改造工程。", "start": 2, "end": 12}
                                  for y in g.nodes[p]["years"]]
        g.add_edge(p, where, key="locatedIn", relation="locatedIn", weight=1)
        projects.append(p)
    types = ("Organization", "Organization", "Program", "Person")
    for i in range(size - len(districts) - len(projects)):
        type_ = types[i % len(types)]
        a = add(type_.lower(), i, type_, f"测试{type_}{i}")
        for p in rng.sample(projects, rng.randint(1, 3)):
            rel = "runBy" if type_ == "Program" else "participatesIn"
            g.add_edge(a, p, key=rel, relation=rel, weight=rng.randint(1, 3))
    for _ in range(size):
        u, v = rng.sample(projects, 2)
        g.add_edge(u, v, key="cooccurs", relation="cooccurs", weight=rng.randint(1, 5))
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", type=int, nargs="?", default=2000)
    parser.add_argument("--png", type=Path, help="also save a screenshot of the settled overview")
    args = parser.parse_args()
    graph = generated_graph(args.nodes)
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        pages = views.render(graph, Path(out), max_nodes=max(2000, args.nodes))
        rendered = time.perf_counter() - t0
        with browser.browser() as context:
            t0 = time.perf_counter()
            v = browser.visit(context, pages["index"], timeout_ms=300_000)
            settled = time.perf_counter() - t0
            shown = v.page.evaluate("window.kgNodes.length")
            if args.png:
                v.page.screenshot(path=str(args.png))
    print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {len(pages)} pages")
    print(f"render (Python): {rendered:.2f} s")
    print(f"overview load to settled layout (Chromium): {settled:.2f} s for {shown} nodes")
    if v.errors:
        sys.exit(f"page errors: {v.errors}")


if __name__ == "__main__":
    main()
