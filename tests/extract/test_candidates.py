"""Candidates aim at recall: names without any suffix are proposed too, masks never are."""

from __future__ import annotations

from kg.extract.candidates import UNTYPED, propose
from kg.gazetteer import Gazetteer


def proposed(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in propose(text, Gazetteer.load()).sentences:
        for c in s.candidates:
            out.setdefault(text[c.start : c.end], set()).add(c.source)
    return out


def test_bare_brands_and_unknown_words_are_proposed_untyped():
    text = "成功引进蓝鲸智联和Kolo Mart等企业，澜石堂修缮完工。"
    got = proposed(text)
    assert "phrase" in got.get("Kolo Mart", set()) or "phrase" in got.get("Kolo", set()), got
    assert any("澜石堂" in name and "phrase" in sources for name, sources in got.items()), got
    cands = [c for s in propose(text, Gazetteer.load()).sentences for c in s.candidates if c.source == "phrase"]
    assert cands and all(c.type == UNTYPED for c in cands)


def test_suffix_candidates_keep_their_type_beside_phrases():
    text = "加快推进青木湾科技产业园建设。"
    sources = proposed(text)
    assert "suffix" in sources["青木湾科技产业园"]
    cands = [c for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if text[c.start : c.end] == "青木湾科技产业园" and c.source == "suffix"]
    assert cands[0].type == "Project"


def test_masked_names_are_never_proposed_but_the_rest_of_the_sentence_is():
    text = "XX医院与青禾商会共同开展义诊。"
    got = proposed(text)
    assert not any("XX" in name for name in got), got
    assert "青禾商会" in got
