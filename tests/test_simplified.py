"""Traditional text is read in simplified characters and reported in its own."""

from __future__ import annotations

import hashlib

from kg.extract import extract
from kg.extract.decide import RULES
from kg.model import Document
from kg.simplified import simplified


def test_simplified_keeps_length_and_changes_only_traditional_characters():
    text = "推進青木灣科技產業園建設，ABC 123。"
    out = simplified(text)
    assert out == "推进青木湾科技产业园建设，ABC 123。"
    assert len(out) == len(text)


def test_names_in_traditional_text_are_found_and_reported_as_written():
    text = "一、2022年工作總結\n加快推進青木灣科技產業園建設。\n"
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title="")
    result = extract(doc, RULES)
    mentions = [(m.text, e.type) for e in result.entities for m in e.mentions]
    assert ("青木灣科技產業園", "Project") in mentions
    assert [(s.year, s.mode) for s in result.sections if s.mode != "other"] == [(2022, "review")]


def _doc(text: str) -> Document:
    return Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title="")


def test_a_place_known_by_a_fuller_name_is_named_in_the_texts_characters():
    text = "一、2022年工作總結\n龍津街推進潭頭社區治理，永春縣蓬壺鎮(zhèn)推進青木灣產業園建設。龍津街完成舊改。"
    names = {e.name for e in extract(_doc(text)).entities if e.type == "District"}
    assert {"龍津街道", "蓬壺鎮"} <= names  # 龍津街 is 龍津街道; the gloss is left out, the characters kept
    assert not names & {"龙津街道", "蓬壶镇"}
