"""The sample corpus as an rdflib graph and as an on-disk store, shared by the kg.rdf tests."""

from __future__ import annotations

import pytest
from rdflib import Graph
from sample_corpus import make_corpus

from kg import rdf


@pytest.fixture(scope="module")
def graph() -> Graph:
    return rdf.corpus_to_graph(make_corpus())


@pytest.fixture(scope="module")
def store(graph: Graph, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("kg") / "store"
    rdf.save_store(graph, path)
    with rdf.open_store(path) as s:
        yield s
