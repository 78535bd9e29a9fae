"""kg.rdf.shacl: validation of a graph in memory and of a store a batch at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS
from sample_corpus import COUNTY, DISTRICT, ORG, PROJECT, TEXT_A

from kg import rdf
from kg.rdf import KG, KGR, shacl


def test_placement_without_a_publisher_or_out_of_range_is_a_violation(graph: Graph) -> None:
    broken = _copy(graph)
    report = rdf.report_iri("b-2024")
    broken.remove((report, DCTERMS.publisher, None))
    broken.set((report, KG.placementConfidence, Literal("1.5", datatype=XSD.decimal)))
    conforms, text = rdf.validate(broken)
    assert not conforms
    assert "needs the district placed (dcterms:publisher)" in text
    assert "placement confidence is at most one decimal from 0 to 1 (kg:placementConfidence)" in text


def test_valid_graph_conforms(graph: Graph) -> None:
    conforms, report = rdf.validate(graph)
    assert conforms, report


def _copy(graph: Graph) -> Graph:
    out = Graph()
    for t in graph:
        out.add(t)
    return out


def _broken(graph: Graph) -> Graph:
    """The graph with one violation of each kind a shape looks for."""
    broken = _copy(graph)
    start = TEXT_A.index("星河科技公司")
    m = URIRef(f"{rdf.report_iri('a-2022')}/mention/{start}-{start + 6}")
    broken.remove((m, KG.endOffset, None))
    broken.add((m, KG.stage, KG.completed))  # a stage on the mention of nothing
    broken.add((m, KG.mentionOf, KGR["nobody"]))  # an entity with no triples of its own
    broken.add((rdf.report_iri("b-2024"), DCTERMS.publisher, KGR[PROJECT]))  # a publisher that is no District
    broken.set((KGR[ORG], SKOS.prefLabel, Literal("")))
    broken.add((KGR[PROJECT], KG.partOf, KGR[DISTRICT]))  # only a District is part of one
    broken.remove((KGR[COUNTY], RDF.type, None))  # the town is now part of an untyped thing
    return broken


def test_broken_graph_reports_readable_violations(graph: Graph) -> None:
    conforms, report = rdf.validate(_broken(graph))
    assert not conforms
    lines = report.splitlines()
    assert any(line.startswith("星河科技公司") and "end offset" in line and "(kg:endOffset)" in line
               for line in lines), report
    assert any("only a mention of a Project, or of works" in line for line in lines), report
    assert "kgr:nobody: needs exactly one non-empty name (skos:prefLabel) (skos:prefLabel)" in lines, report
    assert any(line.startswith("绿洲路改造工程") and "only a District can be partOf" in line for line in lines)


def test_shapes_are_checked_as_written_in_shapes_ttl(graph: Graph) -> None:
    """validate lifts nested property shapes to top level (faster in pyshacl): same findings."""
    broken = _broken(graph)
    as_written = shacl._shacl(broken, Graph().parse(rdf.SHAPES, format="turtle"))
    assert shacl._shacl(broken, shacl._shapes()) == as_written
    assert len(as_written[1]) >= 8


@pytest.mark.parametrize(("batch", "jobs"), [(1, 1), (40, 1), (100_000, 1), (1, 2), (40, 2)])
def test_store_is_validated_in_batches_as_the_whole_graph(graph: Graph, tmp_path: Path, batch: int,
                                                          jobs: int) -> None:
    broken = _broken(graph)
    rdf.save_store(broken, tmp_path / "store")
    assert rdf.validate_store(tmp_path / "store", batch=batch, jobs=jobs) == rdf.validate(broken)
    rdf.save_store(graph, tmp_path / "valid")
    assert rdf.validate_store(tmp_path / "valid", batch=batch, jobs=jobs) == (True, "conforms")


@pytest.mark.parametrize("jobs", [1, 2])
def test_validate_store_on_a_missing_store_says_so(tmp_path: Path, jobs: int) -> None:
    with pytest.raises(rdf.StoreError, match="no Oxigraph store"):
        rdf.validate_store(tmp_path / "nothing", jobs=jobs)
