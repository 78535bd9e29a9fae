"""kg.rdf.view: the entity graph the HTML pages draw, read back from the store."""

from __future__ import annotations

from sample_corpus import COUNTY, DISTRICT, ORG, PROJECT

from kg import rdf


def test_graph_view_nodes_edges_and_timeline(store) -> None:
    g = rdf.graph_view(store)
    p = g.nodes[PROJECT]
    assert (p["label"], p["type"], p["mentions"]) == ("绿洲路改造工程", "Project", 3)
    assert p["aliases"] == ["绿洲路段改造工程"]
    assert p["years"] == [2022, 2023, 2024] and p["docs"] == ["a-2022", "b-2024"]
    assert p["district"] == DISTRICT and p["slipped"] is True
    assert [(t["year"], t["stage"], t["mode"], t["doc"]) for t in p["timeline"]] == [
        (2022, "under_way", "review", "a-2022"), (2023, "completed", "plan", "a-2022"),
        (2024, "under_way", "review", "b-2024")]
    assert not any(t["presumed"] for t in p["timeline"])  # each stage has its cue words
    assert "力争竣工" in p["timeline"][1]["sentence"]
    town = g.nodes[DISTRICT]
    assert (town["level"], town["code"], town["district"]) == ("town", "440399001", None)
    assert g.edges[ORG, PROJECT, "participatesIn"] == {"relation": "participatesIn", "weight": 2}
    assert g.edges[DISTRICT, COUNTY, "partOf"]["weight"] == 1
    assert {r["doc"] for r in g.graph["reports"]} == {"a-2022", "b-2024"}
