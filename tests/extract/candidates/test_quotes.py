"""Quoted names: typed by suffix or class noun, programmes by the words around them; catchwords not."""

from __future__ import annotations

from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.gazetteer import Gazetteer


def test_a_year_named_for_a_campaign_is_a_programme_in_quotes():
    got = proposed("深入落实全县“营商环境提升年”，奋战“项目创优年”。今年是“十四五”的关键之年。")
    assert {"营商环境提升年", "项目创优年"} <= set(got) and "关键之年" not in got


def test_a_quoted_phrase_right_after_a_place_is_that_place_s_scheme():
    got = proposed("推出可持续运作的花山“青禾夜校”，吸引青年参与。")
    assert "青禾夜校" in got, got
    assert "青禾夜校" not in proposed("推出可持续运作的“青禾夜校”，吸引青年参与。")  # a stressed phrase alone


def test_a_plan_named_after_a_numbered_series_is_proposed_but_the_series_alone_is_not():
    got = proposed("扎实推进“八八就业稳岗计划”，按照“重点项目落地见效年”要求，深化“两学一做”。")
    assert "八八就业稳岗计划" in got and "重点项目落地见效年" in got, got
    assert "两学一做" not in got


def test_the_top_priority_idiom_is_no_programme():
    got = proposed("把招商引资作为“一号工程”，深入实施青苗护航行动。")
    assert "一号工程" not in got, got
    assert "青苗护航行动" in got, got


def test_a_quoted_list_before_a_campaign_noun_is_one_campaign():
    text = "深入开展“提质量、强服务、优环境”行动，打造“青禾、绿岛”品牌。"
    got = proposed(text)
    assert "quote" in got["“提质量、强服务、优环境”行动"]
    assert not any("青禾、绿岛" in name for name in got), got  # a list before a mere noun stays a list


def test_quoted_names_listed_before_a_class_noun_take_its_type_but_a_quoted_kind_does_not():
    text = "滨河片区“青岚府”“澜庭”等项目基本完工，培育“小巨人”企业，推进“百日会战”行动。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
           if c.source == "quote"}
    assert {("青岚府", "Project"), ("澜庭", "Project"), ("百日会战", "Program")} <= got
    assert ("小巨人", "Organization") not in got


def test_a_quoted_responsibility_system_is_a_programme():
    text = "实施重点楼宇“街长制”，推进青湖片区建设。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert ("街长制", "Program") in got


def test_a_numbered_local_scheme_is_proposed_but_a_political_catchword_is_not():
    text = "创新推行“两岗三联”工作法，常态化开展“五访一帮”，坚决做到“两个维护”，落实“一户一档”台账。"
    got = {text[c.start : c.end]: c.type for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert got.get("两岗三联") == "Program"  # a scheme noun after it
    assert got.get("五访一帮") == "Program"  # launched by 开展
    assert "两个维护" not in got and "一户一档" not in got  # a catchword; a series with neither


def test_a_quoted_catchword_right_before_a_campaign_names_it():
    text = "深入开展“三访两送”活动，以“一带三促”主题活动为契机，增强“四个意识”。"
    got = {text[c.start : c.end]: c.type for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert got.get("三访两送") == "Program" and got.get("一带三促") == "Program"
    assert "四个意识" not in got  # no campaign follows it: a slogan


def test_a_quoted_kind_of_firm_is_no_programme_but_a_quoted_campaign_is():
    text = '建立“青禾之星”“小巨人”企业培育库，开展“青苗护航”活动。'
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert not any(name in ("青禾之星", "小巨人") for name, _ in got)
    assert ("青苗护航", "Program") in got
