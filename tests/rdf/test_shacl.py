"""kg.rdf.shacl: validation of a graph in memory (pyshacl) and of a store (SPARQL compiled from the
shapes), which must find the same violations."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SH, SKOS
from sample_corpus import COUNTY, DISTRICT, ORG, PROJECT, TEXT_A

from kg import rdf
from kg.pipeline import build_corpus
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
    broken.add((m, KG.stagePresumed, Literal(True)))  # presumed, though cue words gave it (below)
    broken.add((m, KG.stageCue, Literal("建成")))
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
    assert any(line.startswith("星河科技公司") and "a stage read from cue words is not presumed" in line
               for line in lines), report


def test_shapes_are_checked_as_written_in_shapes_ttl(graph: Graph) -> None:
    """validate lifts nested property shapes to top level (faster in pyshacl): same findings."""
    broken = _broken(graph)
    as_written = shacl._shacl(broken, _as_written())
    assert shacl._shacl(broken, shacl._shapes()) == as_written
    assert len(as_written) >= 8


def _as_written() -> Graph:
    return Graph().parse(rdf.SHAPES, format="turtle")


def _store_findings(data: Graph, tmp_path: Path, shapes: Graph | None = None) -> set[shacl.Finding]:
    rdf.save_store(data, tmp_path / "store")
    with rdf.open_store(tmp_path / "store") as store:
        return shacl.store_findings(store, shacl.compile_checks(shapes))


E = KGR["e1"]  # 云杉路口袋公园, a Project
M, S, R, D = (URIRef(f"{KGR}{n}") for n in ("r1/mention/0-7", "r1/sentence/0-20", "r1", "d1"))


def _tiny() -> Graph:
    """A valid graph of one report of 青禾街道 naming one project once."""
    g = Graph()
    for s, p, o in [
        (R, RDF.type, KG.Report), (R, DCTERMS.title, Literal("青禾街道2023年政府工作报告")),
        (R, DCTERMS.identifier, Literal("r1")), (R, DCTERMS.publisher, D), (R, KG.mentions, E),
        (R, KG.placementConfidence, Literal("0.9", datatype=XSD.decimal)),
        (D, RDF.type, KG.District), (D, SKOS.prefLabel, Literal("青禾街道")), (D, KG.level, Literal("town")),
        (D, KG.divisionCode, Literal("440300")),
        (E, RDF.type, KG.Project), (E, SKOS.prefLabel, Literal("云杉路口袋公园")), (E, KG.locatedIn, D),
        (E, KG.mentionCount, Literal(1)),
        (S, RDF.type, KG.Sentence), (S, KG.inReport, R), (S, KG.text, Literal("建成云杉路口袋公园。")),
        (S, KG.startOffset, Literal(0)), (S, KG.endOffset, Literal(20)),
        (M, RDF.type, KG.Mention), (M, KG.mentionOf, E), (M, KG.inReport, R), (M, KG.inSentence, S),
        (M, KG.text, Literal("云杉路口袋公园")), (M, KG.startOffset, Literal(2)), (M, KG.endOffset, Literal(9)),
        (M, KG.stage, KG.completed),
    ]:
        g.add((s, p, o))
    return g


# Each breaks one kind of constraint: (what is removed, what is added), and a message it gives.
BREAKS = {
    "minCount": ([(M, KG.inReport, R)], [], "a mention is in exactly one Report"),
    "maxCount": ([], [(R, DCTERMS.title, Literal("另一个标题"))], "needs exactly one title"),
    "datatype": ([], [(E, KG.yearMentioned, Literal("2023"))], "years mentioned are xsd:gYear"),
    "ill-typed": ([(E, KG.mentionCount, Literal(1))], [(E, KG.mentionCount, Literal("一", datatype=XSD.integer))],
                  "needs at most one mention count"),
    "class": ([], [(E, KG.district, E)], "belongs to at most one district, a District"),
    "node class": ([], [(E, KG.partOf, D)], "only a District can be partOf another District"),
    "nodeKind": ([], [(R, KG.mentions, Literal("云杉路口袋公园"))], "mentions entities, named by IRI"),
    "in": ([(D, KG.level, Literal("town"))], [(D, KG.level, Literal("街道"))], "level is at most one of"),
    "pattern": ([(D, KG.divisionCode, Literal("440300"))], [(D, KG.divisionCode, Literal("44a"))],
                "division code is at most one string of digits"),
    "minLength": ([(E, SKOS.prefLabel, Literal("云杉路口袋公园"))], [(E, SKOS.prefLabel, Literal(""))],
                  "needs exactly one non-empty name"),
    "minInclusive": ([(E, KG.mentionCount, Literal(1))], [(E, KG.mentionCount, Literal(-1))],
                     "needs at most one mention count, an integer ≥ 0"),
    "maxInclusive": ([(R, KG.placementConfidence, Literal("0.9", datatype=XSD.decimal))],
                     [(R, KG.placementConfidence, Literal("1.5", datatype=XSD.decimal))], "placement confidence"),
    "lessThan": ([(M, KG.endOffset, Literal(9))], [(M, KG.endOffset, Literal(2))], "below the end offset"),
    "lessThanOrEquals": ([(S, KG.endOffset, Literal(20))], [(S, KG.endOffset, Literal(-5))], "not after the end"),
    "or": ([(E, RDF.type, KG.Project)], [(E, RDF.type, KG.Person)], "only a mention of a Project"),
    "qualifiedMaxCount": ([], [(E, RDF.type, KG.Organization)], "needs exactly one type among"),
    "qualifiedMinCount": ([(E, RDF.type, KG.Project)], [], "needs exactly one type among"),
    "targetObjectsOf": ([], [(M, KG.mentionOf, KGR["无名"])], "needs exactly one non-empty name"),
    "subClassOf": ([], [(E, KG.district, KGR["d2"]), (KGR["d2"], RDF.type, KG["Town"]),  # a District, as a Town:
                        (KG["Town"], RDFS.subClassOf, KG.District)], ""),  # no finding
}


def test_the_tiny_graph_conforms_both_ways(tmp_path: Path) -> None:
    assert shacl._shacl(_tiny(), _as_written()) == set() == _store_findings(_tiny(), tmp_path)


@pytest.mark.parametrize("kind", BREAKS)
def test_sparql_checks_find_what_pyshacl_finds(kind: str, tmp_path: Path) -> None:
    """Focus node, path and message of every violation, the same as pyshacl on the same data."""
    removed, added, message = BREAKS[kind]
    g = _tiny()
    for t in removed:
        g.remove(t)
    for t in added:
        g.add(t)
    expected = shacl._shacl(g, _as_written())
    assert _store_findings(g, tmp_path) == expected
    assert (message in "".join(m for _, _, m in expected)) if message else not expected


def test_a_component_that_is_not_compiled_is_refused() -> None:
    shapes = _as_written()
    shapes.add((URIRef("https://w3id.org/kg-reports/shapes#SlipShape"), SH.closed, Literal(True)))
    with pytest.raises(ValueError, match="closed is not compiled"):
        shacl.compile_checks(shapes)


def test_a_change_to_the_shapes_changes_the_checks(tmp_path: Path) -> None:
    shapes = _as_written()
    prop = next(p for p in shapes.objects(None, SH.property) if shapes.value(p, SH.path) == KG.divisionCode)
    shapes.remove((prop, SH.pattern, None))
    shapes.add((prop, SH.pattern, Literal("^[0-9]{12}$")))
    findings = _store_findings(_tiny(), tmp_path, shapes)
    assert findings == shacl._shacl(_tiny(), shapes) == {(D, KG.divisionCode, str(shapes.value(prop, SH.message)))}


@pytest.mark.parametrize("jobs", [1, 2])
def test_store_is_validated_as_the_whole_graph(graph: Graph, tmp_path: Path, jobs: int) -> None:
    broken = _broken(graph)
    rdf.save_store(broken, tmp_path / "store")
    assert rdf.validate_store(tmp_path / "store", jobs=jobs) == rdf.validate(broken)
    rdf.save_store(graph, tmp_path / "valid")
    assert rdf.validate_store(tmp_path / "valid", jobs=jobs) == (True, "conforms")


def test_every_check_runs_in_a_query_process(graph: Graph, tmp_path: Path, monkeypatch) -> None:
    """A check's memory (a hash join over all the nodes a shape targets) is a query process's,
    never the caller's: validate_store sends each one to kg.rdf.store's workers."""
    sent = []
    real = shacl.run_query

    def run_query(store, sparql, **kw):
        sent.append(sparql)
        return real(store, sparql, **kw)

    monkeypatch.setattr(shacl, "run_query", run_query)
    rdf.save_store(graph, tmp_path / "store")
    assert rdf.validate_store(tmp_path / "store", jobs=2) == (True, "conforms")
    assert sorted(sent) == sorted(c.query for c in shacl.compile_checks())


def test_the_bundled_corpus_conforms_both_ways(tmp_path: Path) -> None:
    graph = rdf.corpus_to_graph(build_corpus())
    rdf.save_store(graph, tmp_path / "store")
    assert rdf.validate(graph) == (True, "conforms") == rdf.validate_store(tmp_path / "store")


def test_a_report_dated_by_its_page_s_address_conforms(tmp_path: Path) -> None:
    (tmp_path / "index.tsv").write_text("doc\turl\nq01\thttp://a.example/news/203104/1.html\n", encoding="utf-8")
    (tmp_path / "q01.txt").write_text("今年以来，青湖镇加快推进青禾产业园建设，完成投资5亿元。", encoding="utf-8")
    corpus = build_corpus([tmp_path])
    kinds = [e.kind for s in corpus.results[0].sections for e in s.evidence]
    assert "address" in kinds
    conforms, report = rdf.validate(rdf.corpus_to_graph(corpus))
    assert conforms, report


def test_validate_store_on_a_missing_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(rdf.StoreError, match="no Oxigraph store"):
        rdf.validate_store(tmp_path / "nothing")


def test_the_shape_admits_every_kind_of_dating_evidence_the_code_can_write_and_no_other() -> None:
    from rdflib.collection import Collection

    from kg.model import EVIDENCE_KINDS, Evidence
    from kg.rdf.terms import SHAPES

    shapes = Graph().parse(SHAPES)
    prop = next(shapes.subjects(SH.path, KG.evidenceKind))
    admitted = [str(v) for v in Collection(shapes, next(shapes.objects(prop, SH["in"])))]
    assert sorted(admitted) == sorted(EVIDENCE_KINDS)
    with pytest.raises(ValueError, match="unknown kind"):
        Evidence("guessed", "2031年")  # a kind the shape does not know cannot be written
