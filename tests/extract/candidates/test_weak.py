"""The weak generators: campaigns by what governs them, bodies in a frame, departments, brands before their deed."""

from __future__ import annotations

from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.extract.candidates.weak import department_candidates, governed_candidates
from kg.gazetteer import Gazetteer


def test_a_campaign_governed_by_its_verb_or_heading_is_proposed_whole_with_its_inner_verbs():
    text = "实施园区建设提速行动，优化布局；一是招商落地推进行动。全面推行湖长制、实行轮值。"
    assert {"园区建设提速行动", "招商落地推进行动"} <= set(proposed(text))
    # the suffix walks propose some of them too, and a span keeps one candidate: ask the generator itself
    governed = {text[c.start : c.end] for c in governed_candidates(text)}
    assert {"园区建设提速行动", "招商落地推进行动", "湖长制"} <= governed
    assert "提速行动" not in governed  # the whole object, not the words after a verb


def test_a_campaign_year_named_after_its_year_is_proposed():
    got = proposed("会议审议了2031年青禾园区建设提速年专项行动方案。2030年建设年产5万吨饲料厂。")
    assert "governed" in got["青禾园区建设提速年"]
    assert not any(name.endswith("建设年") for name in got), got  # 建设|年产: a capacity, no campaign year


def test_each_campaign_of_a_quoted_list_is_proposed():
    got = proposed("推进“青峰护林先锋行动、 4A景区创建行动、扩绿提质行动”三项行动。")
    assert {"青峰护林先锋行动", "4A景区创建行动", "扩绿提质行动"} <= set(got)
    assert "governed" in got["4A景区创建行动"]  # the walk stops at the grade; the list item is whole


def test_a_brand_opening_its_clause_before_its_deed_is_proposed():
    got = proposed("主导产业加速成势，川渝锂能建成西南最大的正极材料基地；我镇建成公园，澜辰电子年内已建成。")
    assert "subject" in got["川渝锂能"]
    assert not any("subject" in s for n, s in got.items() if n != "川渝锂能"), got


def test_a_body_held_by_a_frame_is_proposed_whole_with_the_verbs_inside_it():
    got = proposed("发挥青州数字化发展促进中心作用，以禾丰养殖专业合作社为依托，发挥协会和基金会作用。")
    assert got["青州数字化发展促进中心"] & {"framed", "suffix"}  # the frame, or its head's walk, holds it whole
    assert "协会和基金会" not in got  # two bodies, not one


def test_a_brand_that_ends_a_list_before_its_deed_is_proposed():
    got = proposed("青禾产业园开工，鼎昱智能、瑞岚机电竣工投产。")
    assert "瑞岚机电" in got and "subject" in got["瑞岚机电"]


def test_a_level_s_department_is_proposed_with_its_level_or_its_place():
    text = "市级牵头单位：市发展改革委；区级牵头单位：区科经局；青海省德令哈市应急管理局配合。"
    got = proposed(text)
    assert {"市发展改革委", "区科经局", "德令哈市应急管理局"} <= got.keys()
    assert "市发展改革委" in {text[c.start : c.end] for c in department_candidates(text, Gazetteer.load())}


def test_a_battle_campaign_is_a_programme():
    text = "打好碧水保卫战，坚决打赢白云保卫战。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert ("碧水保卫战", "Program") in got and ("白云保卫战", "Program") in got


def test_each_campaign_year_of_a_quoted_list_is_proposed():
    got = proposed("以“重点项目攻坚年、城市治理突破年、基层组织提升年”为主抓手，统筹推进全年工作。")
    assert {"重点项目攻坚年", "城市治理突破年", "基层组织提升年"} <= {n for n, s in got.items() if "governed" in s}
