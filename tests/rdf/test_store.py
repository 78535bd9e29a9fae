"""kg.rdf.store: bulk loading, read-only handles, query worker processes and their time limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from sample_corpus import make_corpus

from kg import rdf
from kg.rdf import KG, KGR


def test_store_round_trip(graph: Graph, store) -> None:
    assert len(store) == len(graph)
    again = rdf.open_store(store.path)
    assert len(again) == len(graph)


def test_save_store_refuses_a_folder_in_use(graph: Graph, store) -> None:
    with pytest.raises(FileExistsError, match="not empty"):
        rdf.save_store(graph, store.path)


def test_open_store_on_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(rdf.StoreError, match="no Oxigraph store"):
        rdf.open_store(tmp_path / "nothing")


def test_a_triple_mapped_twice_is_stored_once(tmp_path: Path) -> None:
    corpus = make_corpus()
    twice = corpus.results[0].entities[1]  # the same project recorded twice in one report
    corpus.results[0].entities.append(twice)
    quads = list(rdf.quads(corpus.results))
    assert len(quads) > len(set(quads))
    assert rdf.save_store(iter(quads), tmp_path / "store") == len(set(quads)) == len(rdf.corpus_to_graph(corpus))


def _query_processes(store_dir: Path) -> set[int]:
    """Live query processes serving store_dir (zombies excluded), read from /proc."""
    found = set()
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if str(store_dir).encode() in cmd and any(b"_worker_main" in c for c in cmd) and state != "Z":
            found.add(int(proc.name))
    return found


def test_runaway_query_times_out_and_store_stays_usable(tmp_path: Path) -> None:
    g = Graph()
    for i in range(300):
        g.add((KGR[f"n{i}"], KG.rank, Literal(i)))
    path = tmp_path / "store"
    rdf.save_store(g, path)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with rdf.open_store(path) as store:
        assert rdf.run_query(store, count).rows == [(300,)]
        first = _query_processes(path)
        product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"  # 300^4 rows
        with pytest.raises(rdf.QueryTimeout, match="longer than 0.5 s"):
            rdf.run_query(store, product, timeout=0.5)
        assert rdf.run_query(store, count).rows == [(300,)]
        now = _query_processes(path)
        assert len(first) == len(now) == 1 and not first & now  # the runaway one was killed, not left running
    assert not _query_processes(path)
