"""Grouping a document's mentions into entities: blocked comparison, same answer as comparing all."""

from __future__ import annotations

import sys

from kg.extract.group import group
from kg.model import Document, Mention
from kg.pipeline import DEFAULT_INPUT

grouping = sys.modules["kg.extract.group"]  # the module: the package exports the function by its name


def _mention(text: str, start: int, typ: str = "Project") -> Mention:
    return Mention(start, start + len(text), text, typ, (start, start + len(text)), 0, 2023, "review")


def test_spellings_of_one_thing_become_one_entity_with_aliases():
    doc = Document(id="t", path="t.txt", text="", sha256="")
    found = group(doc, [_mention("青河大道提升改造工程", 0), _mention("青河大道提升工程", 40),
                        _mention("白石小学", 80, "Project"), _mention("青河村", 90, "District")])
    by_name = {e.name: e for e in found}
    assert len(found) == 3
    road = next(e for e in found if e.type == "Project" and "青河" in e.name)
    assert len(road.mentions) == 2 and road.aliases
    assert "白石小学" in by_name and by_name["白石小学"].aliases == []


def test_blocked_grouping_equals_comparing_every_entity(monkeypatch):
    from kg import extract as extraction
    from kg.ingest import iter_input_files, read_document

    captured: list[tuple[Document, list[Mention]]] = []
    real = extraction.group
    monkeypatch.setattr(extraction, "group", lambda d, ms: captured.append((d, list(ms))) or real(d, ms))
    for p in iter_input_files([DEFAULT_INPUT]):
        extraction.extract(read_document(p))
    assert sum(len(ms) for _, ms in captured) > 200
    blocked = [[[(m.start, m.end) for m in e.mentions] for e in real(d, ms)] for d, ms in captured]
    monkeypatch.setattr(grouping, "match_keys", lambda spelling: ({"all"}, {"all"}))
    every = [[[(m.start, m.end) for m in e.mentions] for e in real(d, ms)] for d, ms in captured]
    assert blocked == every


def test_a_division_called_also_by_its_bare_name_is_one_place_unless_two_share_it():
    doc = Document(id="t", path="t.txt", text="", sha256="")
    found = group(doc, [_mention("东宁县", 0, "District"), _mention("东宁", 20, "District"),
                        _mention("玉塘镇", 40, "District"), _mention("玉塘", 60, "District"),
                        _mention("东宁", 80, "District")])
    assert sorted((e.name, e.aliases, len(e.mentions)) for e in found) == [
        ("东宁县", ["东宁"], 3), ("玉塘镇", ["玉塘"], 2)]
    other = group(doc, [_mention("青山滿族自治縣", 0, "District"), _mention("青山", 20, "District"),
                        _mention("白河鎮", 40, "District"), _mention("白河", 60, "District")])
    assert sorted((e.name, e.aliases) for e in other) == [("白河鎮", ["白河"]), ("青山滿族自治縣", ["青山"])]
    two = group(doc, [_mention("西乡县", 0, "District"), _mention("西乡街道", 20, "District"),
                      _mention("西乡", 40, "District")])
    assert len(two) == 3  # 西乡 may be either: it stays a name of its own
