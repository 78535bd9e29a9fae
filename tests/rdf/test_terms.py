"""kg.rdf.terms: the ontology the graph is built on."""

from __future__ import annotations

from rdflib import RDF, Graph

from kg import rdf
from kg.rdf import KG


def test_every_ontology_term_has_chinese_and_english_label_and_comment() -> None:
    from rdflib.namespace import OWL, RDFS

    onto = Graph().parse(rdf.ONTOLOGY, format="turtle")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    terms = {s for k in kinds for s in onto.subjects(RDF.type, k) if str(s).startswith(str(KG))}
    assert len(terms) > 40
    for term in terms:
        for p in (RDFS.label, RDFS.comment):
            assert {o.language for o in onto.objects(term, p)} >= {"zh", "en"}, (term, p)
