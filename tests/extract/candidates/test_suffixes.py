"""Names ending in a type-bearing suffix, typed: works, bodies, campaigns and divisions by their suffix word."""

from __future__ import annotations

import pytest
from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.gazetteer import Gazetteer


def test_suffix_candidates_keep_their_type_beside_phrases():
    text = "加快推进青木湾科技产业园建设。"
    sources = proposed(text)
    assert "suffix" in sources["青木湾科技产业园"]
    cands = [c for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if text[c.start : c.end] == "青木湾科技产业园" and c.source == "suffix"]
    assert cands[0].type == "Project"


def test_roads_and_pipelines_named_before_their_class_noun_are_proposed():
    got = proposed("完成青湖公路改造，推进甲乙高速公路和丙丁成品油管道建设。")
    assert {"青湖公路", "甲乙高速公路", "丙丁成品油管道"} <= set(got), got


def test_farms_mines_malls_and_model_sites_are_proposed_by_their_class_noun():
    got = proposed("新建青湖村肉牛养殖场和甲乙商城，扩建丙丁煤矿，打造戊己村柑桔示范点。")
    assert {"青湖村肉牛养殖场", "甲乙商城", "丙丁煤矿", "戊己村柑桔示范点"} <= set(got), got


def test_a_project_named_after_its_village_is_proposed_whole_and_split():
    text = "石岭村安置留地项目顺利结顶。"
    got = proposed(text)
    assert "placed" in got.get("石岭村安置留地项目", set()), got  # named after the village
    assert "安置留地项目" in got  # the split reading stays for the decider to weigh


def test_a_places_own_body_is_proposed_with_the_place():
    got = proposed("推动东湖区政府与青禾传媒联合打造数字产业园，陇县人大常委会开展视察。")
    assert "东湖区政府" in got and "陇县人大常委会" in got, got


def test_an_urban_renewal_unit_is_proposed_whole():
    got = proposed("加快推进青禾科技工业区城市更新单元规划审批。")
    assert "青禾科技工业区" in got and "青禾科技工业区城市更新单元" in got  # the park, and the unit renewing it


def test_works_named_in_everyday_words_are_proposed_before_their_works():
    got = proposed("加快推进绿色建材产业园建设，启动环城小学改造。全市产业园发展良好。")
    assert got.get("绿色建材产业园") == {"staged"} and got.get("环城小学") == {"staged"}
    assert "全市产业园" not in got  # no works follow: a class of things, not a name
    assert "土地整备项目" not in proposed("土地整备项目有序推进。")  # a kind of works and its tail


def test_a_strategy_named_in_everyday_words_is_proposed_whole():
    got = proposed("深入实施乡村振兴战略，深入实施创新驱动发展战略。")
    assert "乡村振兴战略" in got and "placed" not in got["乡村振兴战略"]  # 乡村 is the countryside here
    assert "创新驱动发展战略" in got


def test_leading_groups_and_branches_are_bodies():
    got = proposed("青禾街道创文工作领导小组召开会议，青禾文化馆东湖分馆开馆。")
    assert "青禾街道创文工作领导小组" in got and "青禾文化馆东湖分馆" in got, got


def test_zones_water_works_and_road_surfacing_close_project_names():
    text = ("推进青木湾总部经济集聚区建设，完成石门村路面硬化和北溪港泵闸改造，建成青禾智谷；"
            "完成青屿海塘除险加固，推进石岭路提升改造。")
    got = {text[c.start : c.end]: c.type for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    for name in ("青木湾总部经济集聚区", "石门村路面硬化", "北溪港泵闸", "青禾智谷",
                 "青屿海塘除险加固", "石岭路提升改造"):
        assert got.get(name) == "Project", (name, got)


def test_a_works_name_with_an_everyday_head_is_proposed_when_a_stage_cue_follows():
    got = proposed("清真食品产业园、莲藕展销基地破土动工。")
    assert "staged" in got.get("清真食品产业园", set()) and "莲藕展销基地" in got, got
    assert "清真食品产业园" not in proposed("发展清真食品产业园经济。")  # no cue: an everyday phrase


@pytest.mark.parametrize("name", ["青木湾团块", "白鹭区块", "青禾4号地块"])
def test_land_parcels_of_a_renewal_are_projects(name):
    text = f"{name}已进入腾空拆除阶段。"
    typed = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert (name, "Project") in typed, typed


def test_a_campaign_named_in_ordinary_words_is_proposed_for_the_decision():
    got = proposed("开展安全生产百日攻坚行动，实施大学生集聚工程，推进专项行动和3个行动计划。")
    assert "campaign" in got.get("安全生产百日攻坚行动", set()) and "campaign" in got.get("大学生集聚工程", set()), got
    assert "专项行动" not in got and not any(n.endswith("3个行动计划") for n in got), got



def test_a_campaign_whose_action_and_ending_jieba_writes_as_one_word_is_proposed():
    got = proposed("实施城乡风貌品质提升工程，完成翠屏湖整治工程。")  # jieba: 提升工程, 整治工程
    assert "campaign" in got.get("城乡风貌品质提升工程", set()), got
    assert "翠屏湖整治工程" in got, got

def test_canals_weirs_dams_and_drainage_stations_close_works_names():
    got = proposed("青禾渠改造竣工，白鹭湖电排站全面开工，翠屏堰除险加固。")
    assert {"青禾渠", "白鹭湖电排站"} <= {n for n, s in got.items() if "suffix" in s}
    assert any(n.startswith("翠屏堰") for n, s in got.items() if "suffix" in s)
    assert not any(n.endswith("全面") for n in got)  # an adverb ends no brand


def test_a_works_name_whose_suffix_word_holds_the_class_is_not_split_before_it():
    text = "推进北溪水厂扩建工程，打造翠湖新村老旧小区。"
    fulls = {text[c.start : c.end]: c.full for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if c.source == "suffix"}
    assert fulls["北溪水厂扩建工程"] is None  # 扩建工程 is one word: no 北溪水厂扩建 beside it
    assert fulls["翠湖新村老旧小区"] == "翠湖新村"  # the estate, then its class


def test_a_layout_told_in_numbered_parts_is_no_project_but_a_numbered_phase_is():
    got = proposed("构建一轴两廊四片区发展格局，推进青龙片区建设。推进双溪一期建设。")
    assert not any(n.endswith("两廊四片区") for n in got)
    assert {"双溪一期", "青龙片区"} <= got.keys()


def test_a_town_s_ring_road_and_road_network_are_projects():
    text = "西南外环顺利通车，青湖大道改造完成，白沙片区路网建成。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert {("西南外环", "Project"), ("青湖大道", "Project"), ("白沙片区路网", "Project")} <= got


def test_wind_farms_resettlement_and_tourist_areas_and_transmission_works_are_projects():
    got = proposed("青山坪风电场建成并网，乙村安置区交付使用，凤凰山旅游区加快建设，甲园区110千伏输变电工程开工。")
    for name in ("青山坪风电场", "乙村安置区", "凤凰山旅游区", "甲园区110千伏输变电工程"):
        assert name in got, (name, got)


def test_laboratories_airports_science_cities_and_plant_sheds_are_works():
    got = proposed("青湖中微子实验室投入使用，青湖国际机场扩建，青湖科学城加快建设，青湖村蓝莓大棚建成。")
    for name in ("青湖中微子实验室", "青湖国际机场", "青湖科学城", "青湖村蓝莓大棚"):
        assert name in got, (name, got)


def test_road_extensions_treatment_stations_and_power_works_are_works():
    got = proposed("青湖路南延线开工建设，青湖镇污水处理站建成，甲公司30兆瓦生物质发电投产。")
    for name in ("青湖路南延线", "青湖镇污水处理站"):
        assert name in got, (name, got)
    assert any(name.endswith("生物质发电") for name in got), got


def test_a_short_quoted_word_before_a_scheme_s_class_names_the_scheme_with_it():
    text = "深入实施“青禾”工程，开展“三访”行动，坚决做到“两个维护”工作。"
    fulls = {c.full for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if c.source == "suffix" and c.type == "Program"}
    assert {"青禾工程", "三访行动"} <= fulls  # two characters are too few to stand for the scheme alone
    assert not any(f and f.startswith("两个维护") for f in fulls)  # a slogan, whatever follows it


def test_a_body_named_by_its_level_and_an_everyday_field_is_proposed():
    got = proposed("市商贸集团、县水利执法局和市中医院参加，据国家气象局预报。")
    assert {"市商贸集团", "县水利执法局", "市中医院"} <= {n for n, src in got.items() if "levelled" in src}, got
    assert "国家气象局" in got and "据国家气象局" not in got, got  # 据 is a preposition, not part of a name
    got = proposed("全市推进实施行动，市实施集团。")  # an action is no body's field
    assert not any("levelled" in src for src in got.values()), got
