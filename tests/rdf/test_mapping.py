"""kg.rdf.mapping: a resolved corpus as triples, with provenance and derived summaries."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from sample_corpus import COUNTY, DISTRICT, ORG, PROJECT, TEXT_A, make_corpus, select

from kg import rdf
from kg.model import Mention, Place
from kg.rdf import KG, KGR


def test_entity_is_one_resource_with_most_frequent_name_and_the_rest_as_aliases(graph: Graph) -> None:
    project = KGR[PROJECT]
    assert (project, RDF.type, KG.Project) in graph
    assert list(graph.objects(project, SKOS.prefLabel)) == [Literal("绿洲路改造工程")]
    assert set(graph.objects(project, SKOS.altLabel)) == {Literal("绿洲路段改造工程")}
    assert set(graph.objects(KGR[ORG], SKOS.altLabel)) == {Literal("星河科技")}
    assert graph.value(KGR[PROJECT], KG.district) == KGR[DISTRICT]


def test_district_hierarchy_level_and_code(graph: Graph) -> None:
    town = KGR[DISTRICT]
    assert (town, KG.partOf, KGR[COUNTY]) in graph
    assert graph.value(town, KG.level) == Literal("town")
    assert graph.value(town, KG.divisionCode) == Literal("440399001")
    assert graph.value(KGR[COUNTY], KG.level) == Literal("county")
    assert (KGR[PROJECT], KG.locatedIn, town) in graph
    assert graph.value(rdf.report_iri("a-2022"), DCTERMS.publisher) == town


def test_relation_provenance_leads_back_to_mention_offsets_and_sentence(graph: Graph) -> None:
    org, project = KGR[ORG], KGR[PROJECT]
    assert (org, KG.participatesIn, project) in graph
    [assertion] = graph.subjects(RDF.subject, org)
    assert graph.value(assertion, RDF.predicate) == KG.participatesIn
    assert graph.value(assertion, RDF.object) == project
    assert graph.value(assertion, KG.inReport) == rdf.report_iri("a-2022")
    spans = {}
    for m in graph.objects(assertion, PROV.wasDerivedFrom):
        start, end = graph.value(m, KG.startOffset).toPython(), graph.value(m, KG.endOffset).toPython()
        spans[str(graph.value(m, KG.text))] = TEXT_A[start:end]
        sentence = graph.value(graph.value(m, KG.inSentence), KG.text)
        assert "星河科技公司参与建设" in str(sentence)
    assert spans == {"星河科技公司": "星河科技公司", "绿洲路改造工程": "绿洲路改造工程"}


def test_summaries_derived_for_fast_queries(graph: Graph) -> None:
    project = KGR[PROJECT]
    assert graph.value(project, KG.mentionCount).toPython() == 3
    assert graph.value(project, KG.reportCount).toPython() == 2
    assert sorted(str(y) for y in graph.objects(project, KG.yearMentioned)) == ["2022", "2023", "2024"]
    [assertion] = graph.subjects(RDF.predicate, KG.participatesIn)
    assert graph.value(assertion, KG.evidenceCount).toPython() == 2
    assert graph.value(assertion, KG.sentenceCount).toPython() == 1
    [runby] = graph.subjects(RDF.predicate, KG.runBy)  # the program and its runner share no sentence
    assert graph.value(runby, KG.sentenceCount) is None
    assert graph.value(assertion, KG.evidenceReportCount).toPython() == 1  # only report A gives it


def test_a_recurring_project_is_filed_with_its_years_and_reports(graph: Graph) -> None:
    [recurrence] = graph.subjects(RDF.type, KG.Recurrence)
    assert graph.value(recurrence, KG.recurrenceOf) == KGR[PROJECT]
    assert graph.value(recurrence, KG.yearCount).toPython() == 3
    assert sorted(str(y) for y in graph.objects(recurrence, KG.datedYear)) == ["2022", "2023", "2024"]


def test_ranks_put_each_kind_best_first(graph: Graph) -> None:
    def rank(node: URIRef, p: URIRef) -> int:
        return graph.value(node, p).toPython()

    assert (rank(KGR[DISTRICT], KG.typeRank), rank(KGR[COUNTY], KG.typeRank)) == (1, 2)  # two reports, then one
    assert rank(KGR[PROJECT], KG.typeRank) == rank(KGR[ORG], KG.typeRank) == 1  # each type ranked on its own
    [recurrence] = graph.subjects(RDF.type, KG.Recurrence)
    assert rank(recurrence, KG.recurrenceRank) == 1
    assert str(graph.value(recurrence, KG.yearList)) == "2022, 2023, 2024"
    [participation] = graph.subjects(RDF.predicate, KG.participatesIn)
    assert rank(participation, KG.participationRank) == 1
    [runby] = graph.subjects(RDF.predicate, KG.runBy)
    assert graph.value(runby, KG.participationRank) is None and graph.value(runby, KG.pairRank) is None
    pairs = sorted((rank(a, KG.pairRank), rank(a, KG.sentenceCount)) for a in graph.subjects(KG.pairRank, None))
    assert [r for r, _ in pairs] == list(range(1, len(pairs) + 1)) and len(pairs) >= 2
    assert [n for _, n in pairs] == sorted((n for _, n in pairs), reverse=True)


def test_only_projects_have_name_grams_of_every_spelling(graph: Graph) -> None:
    grams = {str(g) for g in graph.objects(KGR[PROJECT], KG.nameGram)}
    assert {"绿洲", "路段", "工程"} <= grams and "段改" in grams  # 路段 only in report B's spelling
    assert all(len(g) == 2 for g in grams)
    assert not list(graph.objects(KGR[ORG], KG.nameGram))


def test_slip_is_derived_from_the_plan_and_the_later_mention(graph: Graph) -> None:
    [slip] = graph.subjects(RDF.type, KG.Slip)
    assert graph.value(slip, KG.slipOf) == KGR[PROJECT]
    assert (graph.value(slip, KG.planYear), graph.value(slip, KG.aimedStage), graph.value(slip, KG.reachedStage)) == (
        Literal("2023", datatype=XSD.gYear), KG.completed, KG.under_way)
    sources = {(str(graph.value(m, KG.year)), graph.value(m, KG.mode))
               for m in graph.objects(slip, PROV.wasDerivedFrom)}
    assert sources == {("2023", KG.plan), ("2024", KG.review)}


def test_slips_are_the_ones_kg_resolve_finds() -> None:
    from kg.resolve import timelines

    corpus = make_corpus()
    # a later mention outside review and plan: resolve's timelines leave it out, and so does the graph
    later = corpus.results[1].entities[0].mentions[0]
    corpus.results[1].entities[0].mentions.append(
        Mention(later.start, later.end, later.text, "Project", later.sentence, 0, 2025, "other", "completed"))
    g = rdf.corpus_to_graph(corpus)
    findings = [f for t in timelines(corpus) for f in t.slipped]
    assert findings == ["planned completed in 2023; 2024 shows under_way"]
    [slip] = g.subjects(RDF.type, KG.Slip)
    assert g.value(slip, KG.reachedStage) == KG.under_way
    assert sorted(str(y) for y in g.objects(slip, KG.laterYear)) == ["2024"]


def test_placement_of_the_writing_district_carries_confidence_and_evidence() -> None:
    corpus = make_corpus()
    a, b = corpus.results
    a.district = Place("青禾街道", "town", "440399001", ["云山区"], confidence=0.857,
                       evidence=["甲社区, 乙社区 are communities of 青禾街道 (云山区)", "runner-up 丙街道 holds 1"])
    b.district, b.district_id = None, None  # not placed: nothing about placement
    g = rdf.corpus_to_graph(corpus)
    report = rdf.report_iri("a-2022")
    assert g.value(report, KG.placementConfidence) == Literal("0.857", datatype=XSD.decimal)
    assert {str(e) for e in g.objects(report, KG.placementEvidence)} == set(a.district.evidence)
    unplaced = rdf.report_iri("b-2024")
    assert not {*g.objects(unplaced, KG.placementConfidence), *g.objects(unplaced, KG.placementEvidence),
                *g.objects(unplaced, DCTERMS.publisher)}
    conforms, report_text = rdf.validate(g)
    assert conforms, report_text


def test_mention_year_mode_stage_and_section(graph: Graph) -> None:
    start = TEXT_A.index("绿洲路改造工程", TEXT_A.index("2023年"))
    m = URIRef(f"{rdf.report_iri('a-2022')}/mention/{start}-{start + 7}")
    assert graph.value(m, KG.mentionOf) == KGR[PROJECT]
    assert graph.value(m, KG.year) == Literal("2023", datatype=XSD.gYear)
    assert graph.value(m, KG.mode) == KG.plan
    assert graph.value(m, KG.stage) == KG.completed
    assert graph.value(m, KG.stageCue) == Literal("力争竣工")
    section = graph.value(m, KG.inSection)
    assert graph.value(section, DCTERMS.isPartOf) == rdf.report_iri("a-2022")
    assert graph.value(section, KG.mode) == KG.plan


def test_unresolved_entity_is_a_clear_error() -> None:
    corpus = make_corpus()
    corpus.results[0].entities[1].id = ""
    with pytest.raises(ValueError, match="绿洲路改造工程.*no id"):
        rdf.corpus_to_graph(corpus)


def test_default_corpus_end_to_end(tmp_path: Path) -> None:
    pipeline = pytest.importorskip("kg.pipeline")
    corpus = pipeline.build_corpus([Path(__file__).parents[2] / "data" / "reports"])
    graph = rdf.corpus_to_graph(corpus)
    conforms, report = rdf.validate(graph)
    assert conforms, report
    rdf.save_store(graph, tmp_path / "store")
    with rdf.open_store(tmp_path / "store") as store:
        recurring = select(store, "recurring-projects")
        assert recurring and all(r["n_years"] >= 2 for r in recurring)
        view = rdf.graph_view(store)
    assert view.number_of_nodes() > 20 and view.number_of_edges() > 0


def test_a_section_is_derived_from_the_evidence_that_dated_it() -> None:
    from kg.model import Evidence

    corpus = make_corpus()
    section = corpus.results[1].sections[0]
    section.year, section.evidence = 2024, [Evidence("opening", "2024年", 0, 5),
                                            Evidence("published", "发布时间: 2025-01-10")]
    graph = rdf.corpus_to_graph(corpus)
    node = rdf.report_iri("b-2024") + "/section/0"
    evidence = sorted(graph.objects(node, PROV.wasDerivedFrom),
                      key=lambda e: graph.value(e, KG.evidenceRank).toPython())
    assert [(graph.value(e, KG.evidenceKind).toPython(), graph.value(e, KG.text).toPython()) for e in evidence] == [
        ("opening", "2024年"), ("published", "发布时间: 2025-01-10")]
    assert graph.value(evidence[0], KG.endOffset).toPython() == 5
    assert graph.value(evidence[1], KG.startOffset) is None  # metadata is not in the text
    conforms, report = rdf.validate(graph)
    assert conforms, report
    graph.set((evidence[0], KG.evidenceKind, Literal("hunch")))
    assert not rdf.validate(graph)[0]


def test_a_quantity_is_an_observation_traced_to_its_sentence() -> None:
    from kg.model import Corpus, DocResult, Document, Quantity, Section

    text = "2023年工作计划。力争新增就业岗位1200个以上。"
    start = text.index("新增")
    q = Quantity("新增就业岗位", 1200, "个", "count", "≥", start, text.index("。", start), 2023, "target",
                 subject="青禾街道", section=0)
    doc = Document(id="q", path="q.txt", text=text, sha256="q" * 4, title="")
    graph = rdf.corpus_to_graph(Corpus([DocResult(doc, [Section("", 0, len(text), 2023, "plan")], quantities=[q])]))
    [obs] = graph.subjects(RDF.type, KG.Quantity)
    assert graph.value(obs, KG.indicator) == Literal("新增就业岗位")
    assert graph.value(obs, KG.value).toPython() == 1200
    assert (graph.value(obs, KG.unit), graph.value(obs, KG.bound)) == (Literal("个"), Literal("≥"))
    assert graph.value(obs, KG.quantityMode) == Literal("target")
    assert str(graph.value(obs, KG.year)) == "2023"
    sentence = graph.value(obs, PROV.wasDerivedFrom)
    assert "新增就业岗位1200个以上" in str(graph.value(sentence, KG.text))
    assert text[graph.value(obs, KG.startOffset).toPython():graph.value(obs, KG.endOffset).toPython()] == (
        "新增就业岗位1200个以上")
    assert rdf.validate(graph)[0], rdf.validate(graph)


def test_a_report_links_the_page_its_manifest_gives_it() -> None:
    corpus = make_corpus()
    a, b = corpus.results
    a.doc.metadata["网址"] = "http://news.example/青禾/2022 总结.html"
    g = rdf.corpus_to_graph(corpus)
    assert str(g.value(rdf.report_iri("a-2022"), DCTERMS.source)) == (
        "http://news.example/%E9%9D%92%E7%A6%BE/2022%20%E6%80%BB%E7%BB%93.html")
    assert g.value(rdf.report_iri("b-2024"), DCTERMS.source) is None
    conforms, report_text = rdf.validate(g)
    assert conforms, report_text
