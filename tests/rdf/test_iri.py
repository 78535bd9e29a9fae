"""kg.rdf.iri: the IRIs minted for entities, reports and mentions."""

from __future__ import annotations

from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS
from sample_corpus import make_corpus

from kg import rdf
from kg.rdf import KG


def test_iris_of_non_ascii_ids_are_percent_encoded() -> None:
    corpus = make_corpus()
    corpus.results[1].doc.id = "报告 二"
    g = rdf.corpus_to_graph(corpus)
    report = rdf.report_iri("报告 二")
    assert str(report).endswith("/report/%E6%8A%A5%E5%91%8A%20%E4%BA%8C")
    assert (report, RDF.type, KG.Report) in g
    assert g.value(report, DCTERMS.title) == Literal("报告 二")  # an untitled report is named by its id
