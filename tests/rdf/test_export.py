"""kg.rdf.export: the build's RDF outputs hold exactly the mapped triples."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from sample_corpus import make_corpus

from kg import rdf
from kg.rdf.terms import to_rdflib


def test_streamed_build_holds_exactly_the_rdflib_mapping(graph: Graph, tmp_path: Path) -> None:
    from rdflib.compare import isomorphic

    count = rdf.write_graph(make_corpus().results, tmp_path)
    assert count == len(graph)
    with rdf.open_store(tmp_path / "store") as store:
        stored = Graph()
        for q in store.store:
            stored.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    assert isomorphic(stored, graph)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq", "store"]  # one interchange file
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(tmp_path / "graph.nq", format="nquads")
    assert isomorphic(ds.graph(URIRef(rdf.DATASET_GRAPH)), graph)


def test_exports_parse_back_to_the_same_triples(graph: Graph, tmp_path: Path) -> None:
    paths = rdf.export(graph, tmp_path)
    assert set(paths) == {"ttl", "nt", "nq", "jsonld"} and not list(tmp_path.glob(".export-*"))
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        assert len(Graph().parse(paths[ext], format=fmt)) == len(graph), ext
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(paths["nq"], format="nquads")
    assert len(ds.graph(URIRef(rdf.DATASET_GRAPH))) == len(graph)


def test_a_large_build_writes_its_n_quads_compressed(graph: Graph, tmp_path: Path, monkeypatch) -> None:
    import gzip
    import sys

    monkeypatch.setattr(sys.modules["kg.rdf.export"], "GZIP_OVER", 100)  # the module, not its function
    rdf.write_graph(make_corpus().results, tmp_path)
    assert not (tmp_path / "graph.nq").exists()
    with gzip.open(tmp_path / "graph.nq.gz", "rt", encoding="utf-8") as fh:
        assert sum(1 for _ in fh) == len(graph)
