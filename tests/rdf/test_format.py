"""kg.rdf.format: results as tables, csv and JSON."""

from __future__ import annotations

import json

from rdflib import XSD
from sample_corpus import COUNTY, DISTRICT

from kg import rdf
from kg.rdf import KG, KGR
from kg.rdf.format import width


def test_formats(store) -> None:
    result = rdf.run_query(store, "PREFIX kg: <https://w3id.org/kg-reports/ontology#>\n"
                                  "SELECT ?s ?y WHERE { ?s a kg:Section ; kg:year ?y } ORDER BY ?y")
    table = rdf.format_result(result, "table").splitlines()
    assert table[0].split() == ["s", "y"]
    assert table[2].startswith("kgr:report/a-2022/section/0") and table[2].endswith("2022")
    assert table[-1] == "(3 rows)"
    csv_lines = rdf.format_result(result, "csv").splitlines()
    assert csv_lines[0] == "s,y" and csv_lines[1] == f"{rdf.report_iri('a-2022')}/section/0,2022"
    data = json.loads(rdf.format_result(result, "json"))
    assert data["head"]["vars"] == ["s", "y"]
    assert data["results"]["bindings"][0]["y"]["datatype"] == str(XSD.gYear)
    ask = rdf.run_query(store, "ASK { ?s ?p ?o }")
    assert ask.boolean is True and json.loads(rdf.format_result(ask, "json"))["boolean"] is True
    construct = rdf.run_query(store, "PREFIX kg: <https://w3id.org/kg-reports/ontology#>\n"
                                     "CONSTRUCT { ?a kg:partOf ?b } WHERE { ?a kg:partOf ?b }")
    assert construct.triples == [(KGR[DISTRICT], KG.partOf, KGR[COUNTY])]
    assert f"kgr:{DISTRICT} kg:partOf kgr:{COUNTY}" in rdf.format_result(construct, "table")


def test_table_aligns_chinese_by_display_width(store) -> None:
    result = rdf.run_query(store, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                                  "SELECT ?name ?n WHERE { ?e skos:prefLabel ?name BIND(1 AS ?n) }")
    rows = rdf.format_result(result, "table").splitlines()[2:-1]
    assert len({width(r[:-1]) for r in rows}) == 1  # the last column starts at one display column
