"""Candidates aim at recall: overlapping readings are all proposed, masks never are."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.candidates import _closes_name, _governed_candidates, propose, tokenize
from kg.gazetteer import Gazetteer
from kg.structure.clauses import sentences

ROOT = Path(__file__).resolve().parents[2]


def proposed(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in propose(text, Gazetteer.load()).sentences:
        for c in s.candidates:
            out.setdefault(text[c.start : c.end], set()).add(c.source)
    return out


def test_overlapping_readings_are_all_proposed_for_the_decision():
    text = "引进青蓝光电、恒拓光电等3家企业，推进溪桥街道青木湾科技产业园建设。"
    got = proposed(text)
    assert {"list", "suffix"} <= got["青蓝光电"]  # two generators agree: both are kept, with their sources
    assert "溪桥街道" in got and "溪桥街道青木湾科技产业园" in got  # the town and the park around it
    assert not any(name.startswith(("引进", "推进")) for name in got), got


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


def test_masked_names_are_never_proposed_but_the_rest_of_the_sentence_is():
    text = "XX医院与青禾商会共同开展义诊。"
    got = proposed(text)
    assert not any("XX" in name for name in got), got
    assert "青禾商会" in got


def test_a_masked_item_of_a_list_is_never_proposed_but_the_other_items_are():
    got = proposed("完成区妇幼保健XX分中心、青禾社康站、澄岭社区党群服务中心建设。")
    assert not any("XX" in name for name in got), got
    assert {"青禾社康站", "澄岭社区党群服务中心"} <= set(got), got


def test_a_project_named_after_its_village_is_proposed_whole_and_split():
    text = "石岭村安置留地项目顺利结顶。"
    got = proposed(text)
    assert "placed" in got.get("石岭村安置留地项目", set()), got  # named after the village
    assert "安置留地项目" in got  # the split reading stays for the decider to weigh


def test_a_name_after_a_title_is_proposed_across_the_blanks_of_a_signature_line():
    text = "青山县人民政府县长  林振东\n各位代表：现在，我代表县人民政府向大会报告工作。"
    got = proposed(text)
    assert "person" in got.get("林振东", set()), got
    assert not any(name.startswith((" ", "\u3000")) for name in got), got


def test_a_name_alone_on_its_line_or_after_a_candidate_s_title_is_a_person():
    text = "青山镇党委副书记、镇长候选人 林振东\n\n序号\n重点工作\n责任领导\n边祥东\n"
    got = proposed(text)
    assert "person" in got.get("林振东", set()) and "person" in got.get("边祥东", set()), got
    assert not {"序号", "重点工作", "责任领导"} & set(got), got


def test_a_name_opened_by_a_verb_like_word_is_proposed_whole_beside_the_rest():
    text = "推进启航湾科创园建设。"
    got = proposed(text)
    assert "启航湾科创园" in got, got
    assert "推进启航湾科创园" not in got, got
    got = proposed("合并推进立新河片区和青禾社区建设。")  # jieba: 推进|立|新河|片区
    assert "立新河片区" in got and "推进立新河片区" not in got, got


def test_inner_mongolia_s_townships_and_villages_are_divisions():
    text = "四子王旗江岸苏木推进夏布格嘎查人居环境整治。"
    got = {name: {c.type for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                  if text[c.start : c.end] == name} for name in ("江岸苏木", "夏布格嘎查", "四子王旗")}
    assert all("District" in types for types in got.values()), got


def test_brands_listed_before_a_company_class_are_proposed_whole():
    # a long modifier (a relative clause with 的) between the list and its class noun
    got = proposed("重点发展青禾建设、蓝川电力等一批口碑过硬的骨干企业。")
    assert {"青禾建设", "蓝川电力"} <= set(got), got
    assert not any(name.startswith("重点") for name in got), got
    # 和 inside a name does not split it; a size adjective (大型) is not a category (科技型)
    got = proposed("成功引进立昌、永和等大型餐饮与酒店管理企业。")
    assert {"立昌", "永和"} <= set(got), got


def test_a_verb_after_the_governing_verb_may_open_the_first_listed_name():
    got = proposed("成功招引联合青石半导体、奥蓝科技等8家企业。")
    assert "联合青石半导体" in got and "奥蓝科技" in got, got


def test_categories_listed_before_a_company_class_are_not_brands():
    got = proposed("新能源、新材料等企业落户青禾工业园。")
    assert "青禾工业园" in got
    assert "新能源" not in got and "新材料" not in got, got
    # one dictionary word among the items makes the list one of categories, not brands
    got = proposed("对涉氨制冷、烟花爆竹、冶金等企业实行严管，青禾商会参与巡查。")
    assert "青禾商会" in got
    assert "涉氨制冷" not in got, got


def test_a_companys_branch_place_in_brackets_and_newspapers():
    got = proposed("引进青禾卫星科技(广州)有限公司，青禾日报刊发了做法。")
    assert "青禾卫星科技(广州)有限公司" in got and "青禾日报" in got, got


def test_a_places_own_body_is_proposed_with_the_place():
    got = proposed("推动东湖区政府与青禾传媒联合打造数字产业园，陇县人大常委会开展视察。")
    assert "东湖区政府" in got and "陇县人大常委会" in got, got


def test_companies_listed_before_projects_stay_companies():
    text = "推动青禾文旅开发有限公司、蓝川生物有限公司等项目签约，建成白石小学等3所学校。"
    typed = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences
             for c in s.candidates if c.source == "list"}
    assert ("青禾文旅开发有限公司", "Organization") in typed and ("蓝川生物有限公司", "Organization") in typed
    assert ("白石小学", "Project") in typed  # the class still types the other items


def test_divisions_listed_before_a_count_of_villages_keep_their_own_names():
    text = "帮扶青川县石岭镇、蓝溪乡13个村发展产业，推进塘口、新围等社区改造。"
    full = {(text[c.start : c.end], c.full) for s in propose(text, Gazetteer.load()).sentences
            for c in s.candidates if c.source == "list"}
    assert ("蓝溪乡", None) in full and not any(f and f.endswith("乡村") for _, f in full)  # 13个村 counts villages
    assert ("塘口", "塘口社区") in full  # an item without a division word takes the class noun


def test_an_urban_renewal_unit_is_proposed_whole():
    got = proposed("加快推进青禾科技工业区城市更新单元规划审批。")
    assert "青禾科技工业区" in got and "青禾科技工业区城市更新单元" in got  # the park, and the unit renewing it


def test_a_section_in_brackets_is_part_of_the_works_name():
    got = proposed("完成青禾湾旅游公路(石岭段)项目征地工作，引进青禾科技(广州)有限公司。")
    assert "青禾湾旅游公路(石岭段)项目" in got and "青禾科技(广州)有限公司" in got


def test_numbered_roads_are_proposed_though_jieba_knows_the_word_for_two_roads():
    got = proposed("完成纬二路、纬三路开工建设，兵分两路推进。")
    assert "纬二路" in got and "纬三路" in got and "两路" not in got


def test_works_named_in_everyday_words_are_proposed_before_their_works():
    got = proposed("加快推进绿色建材产业园建设，启动环城小学改造。全市产业园发展良好。")
    assert got.get("绿色建材产业园") == {"staged"} and got.get("环城小学") == {"staged"}
    assert "全市产业园" not in got  # no works follow: a class of things, not a name
    assert "土地整备项目" not in proposed("土地整备项目有序推进。")  # a kind of works and its tail


def test_a_known_town_behind_an_everyday_word_for_towns_is_a_division():
    got = proposed("2014年，金集镇以项目为抓手，推进新型城镇化，助力新乡村振兴。")  # jieba: 金|集镇
    assert got.get("金集镇") == {"division"}
    assert "新乡村" not in got and "型城镇" not in got


def test_a_list_before_a_quoted_scheme_and_its_class_noun_names_its_items():
    got = proposed("青禾、白鹭、云杉等“工改工”项目加快建设。")
    assert all("list" in got.get(name, ()) for name in ("青禾", "白鹭", "云杉")), got


def test_a_strategy_named_in_everyday_words_is_proposed_whole():
    got = proposed("深入实施乡村振兴战略，深入实施创新驱动发展战略。")
    assert "乡村振兴战略" in got and "placed" not in got["乡村振兴战略"]  # 乡村 is the countryside here
    assert "创新驱动发展战略" in got


def test_the_ends_of_a_road_section_in_brackets_are_not_proposed():
    got = proposed("打造青禾路(白鹭大道-云杉大道)新建项目，白鹭大道完成提升。")
    assert "青禾路" in got and "白鹭大道" in got  # proposed where it is the works itself
    spans = [(c.start, c.end) for s in propose("打造青禾路(白鹭大道-云杉大道)新建项目。", Gazetteer.load()).sentences
             for c in s.candidates]
    assert all(end <= 6 or start >= 15 for start, end in spans)  # nothing between the brackets


def test_a_step_of_the_works_closes_no_name():
    got = proposed("青禾公园开园试运营，白鹭博物馆开馆。")
    assert "青禾公园" in got and "白鹭博物馆" in got
    assert "青禾公园开园" not in got and "白鹭博物馆开馆" not in got


def test_a_year_named_for_a_campaign_is_a_programme_in_quotes():
    got = proposed("深入落实全县“营商环境提升年”，奋战“项目创优年”。今年是“十四五”的关键之年。")
    assert {"营商环境提升年", "项目创优年"} <= set(got) and "关键之年" not in got


def test_no_name_starts_inside_a_number_or_its_unit():
    got = proposed("青禾奥莱入选2025年省绿色低碳高质量发展重点项目，建成青禾公园。2024年度番禺区镇街考核第一。")
    assert "青禾公园" in got
    assert not any(name.startswith(("年", "度")) for name in got), got


def test_a_one_character_verb_before_the_works_ends_no_name():
    got = proposed("形成大抓项目、真抓项目的氛围，推进青禾水厂提标改造工程。")
    assert "青禾水厂提标改造工程" in got
    assert not any(name.endswith("抓项目") for name in got), got


def test_leading_groups_and_branches_are_bodies():
    got = proposed("青禾街道创文工作领导小组召开会议，青禾文化馆东湖分馆开馆。")
    assert "青禾街道创文工作领导小组" in got and "青禾文化馆东湖分馆" in got, got


def test_a_known_county_or_city_is_proposed_wherever_jieba_cuts_its_suffix():
    # jieba reads 水|城区 and 镇|沅|县政府: the division is still one candidate; an unknown 某城区 is not
    text = "六盘水市水城区与镇沅县政府签约，推进青木城区改造。"
    got = proposed(text)
    assert "division" in got.get("水城区", set()), got
    assert "division" in got.get("镇沅县", set()), got
    assert "青木城区" not in got, got


def test_names_after_titles_are_proposed_where_the_name_tagger_misses_them():
    def people(text: str) -> set[str]:
        return {text[c.start : c.end] for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                if c.type == "Person"}

    assert "林 溪" in people("青山镇人民政府镇长 林 溪\n")  # padded to the width of three
    assert "林 溪" in people("林 溪\n")  # alone on the signature line
    spaced = [c for s in propose("镇长 林 溪\n", Gazetteer.load()).sentences
              for c in s.candidates if c.type == "Person"]
    assert [c.full for c in spaced] == ["林溪"]  # named without the padding, written with it
    assert "陈海军" in people("青山镇人民政府镇长  陈海军\n")  # jieba reads 海军, a navy
    assert "陈海东" in people("由办事处主任陈海东任专班总指挥。")  # before the verb that follows a name
    assert "陈育菊" in people("陈育菊等5名企业职工获评优秀。")  # the first of the people counted
    assert not people("青山镇人民政府镇长办公会议召开。")


def test_zones_water_works_and_road_surfacing_close_project_names():
    text = ("推进青木湾总部经济集聚区建设，完成石门村路面硬化和北溪港泵闸改造，建成青禾智谷；"
            "完成青屿海塘除险加固，推进石岭路提升改造。")
    got = {text[c.start : c.end]: c.type for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    for name in ("青木湾总部经济集聚区", "石门村路面硬化", "北溪港泵闸", "青禾智谷",
                 "青屿海塘除险加固", "石岭路提升改造"):
        assert got.get(name) == "Project", (name, got)


def test_a_road_named_by_its_two_ends_is_proposed_whole():
    text = "推进石岭村至青木坡公路改建工程，道路延伸至青禾路。"
    got = proposed(text)
    assert "石岭村至青木坡公路改建工程" in got, got
    assert "青禾路" in got and not any(name.startswith("延伸") for name in got), got


def test_what_a_company_does_stays_inside_its_name_but_a_verb_before_it_does_not():
    text = "拟引进青禾北方建设集团公司，推动青木科技服务（深圳）有限公司落地，加快建设石岭有限公司。"
    got = proposed(text)
    assert "青禾北方建设集团公司" in got and "青木科技服务（深圳）有限公司" in got, got
    assert "石岭有限公司" in got and not any(name.startswith(("引进", "建设", "加快")) for name in got), got


def test_a_works_name_with_an_everyday_head_is_proposed_when_a_stage_cue_follows():
    got = proposed("清真食品产业园、莲藕展销基地破土动工。")
    assert "staged" in got.get("清真食品产业园", set()) and "莲藕展销基地" in got, got
    assert "清真食品产业园" not in proposed("发展清真食品产业园经济。")  # no cue: an everyday phrase


def test_a_quoted_phrase_right_after_a_place_is_that_place_s_scheme():
    got = proposed("推出可持续运作的花山“青禾夜校”，吸引青年参与。")
    assert "青禾夜校" in got, got
    assert "青禾夜校" not in proposed("推出可持续运作的“青禾夜校”，吸引青年参与。")  # a stressed phrase alone


def test_a_class_noun_that_qualifies_another_noun_lists_kinds_not_names():
    text = "完成清淤、护坡加固及堤身培厚等工程建设任务，推进青禾大桥、白鹭公园等工程。"
    listed = {text[c.start : c.end] for s in propose(text, Gazetteer.load()).sentences
              for c in s.candidates if c.source == "list"}
    assert "白鹭公园" in listed  # 等工程 itself still names what it lists
    assert not {"清淤", "护坡加固", "堤身培厚"} & listed, listed


@pytest.mark.parametrize("name", ["青木湾团块", "白鹭区块", "青禾4号地块"])
def test_land_parcels_of_a_renewal_are_projects(name):
    text = f"{name}已进入腾空拆除阶段。"
    typed = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert (name, "Project") in typed, typed


def test_an_extension_named_by_its_works_verb_keeps_it():
    got = proposed("推进青禾纸箱生产扩建项目和白鹭小学迁建项目，扩建青石路项目。")
    assert "青禾纸箱生产扩建项目" in got and "白鹭小学迁建项目" in got, got
    assert "青石路项目" in got, got  # a verb opening the name may be its action: both readings go on


def test_zone_words_are_never_divisions_but_a_county_is():
    text = "推动经开区和老城区提质，青山县工业园区扩容。"
    districts = {text[c.start : c.end] for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                 if c.type == "District"}
    assert "青山县" in districts
    assert not {"经开区", "老城区", "工业园区"} & districts, districts


def test_cached_suffix_word_test_answers_as_computed():
    """_closes_name is cached per (word, tag): the cache answers what the function computes."""
    text = (ROOT / "data" / "reports" / "001_aaf01d99df054c6c.txt").read_text("utf-8")
    words = [(t.word, t.tag) for toks in tokenize(text, sentences(text)) for t in toks]
    closing = [w for w in words if _closes_name(*w)]
    assert closing and len(closing) < len(words)
    assert all(_closes_name(*w) == _closes_name.__wrapped__(*w) for w in words)


def test_a_campaign_named_in_ordinary_words_is_proposed_for_the_decision():
    got = proposed("开展安全生产百日攻坚行动，实施大学生集聚工程，推进专项行动和3个行动计划。")
    assert "campaign" in got.get("安全生产百日攻坚行动", set()) and "campaign" in got.get("大学生集聚工程", set()), got
    assert "专项行动" not in got and not any(n.endswith("3个行动计划") for n in got), got


def test_a_firm_named_by_brand_and_trade_is_proposed_without_the_words_before_it():
    got = proposed("控股子公司朗岳化工年产5万吨助剂，拆除河西路北侧恒钧机械厂房。")
    assert "朗岳化工" in got and "控股子公司朗岳化工" in got  # the decision picks one of the two
    assert "恒钧机械" in got


def test_a_word_of_manner_and_action_ends_a_name_though_jieba_tags_it_a_noun():
    got = proposed("充分发挥青湖大厦的带动作用。")
    assert "青湖大厦" in got and "充分发挥青湖大厦" not in got


def test_a_places_committee_before_its_officials_title_is_proposed():
    got = proposed("青州市委书记林某到会指导，中共寿光市委、市政府高度重视。")
    assert "青州市委" in got and "中共寿光市委" in got, got
    assert "青州市" in got  # the place itself stays a reading of its own


def test_a_name_after_an_action_inside_the_walk_is_proposed_too():
    got = proposed("协助城投公司找准青禾老街定位。")
    assert "青禾老街" in got, got


def test_a_plan_named_after_a_numbered_series_is_proposed_but_the_series_alone_is_not():
    got = proposed("扎实推进“八八就业稳岗计划”，按照“重点项目落地见效年”要求，深化“两学一做”。")
    assert "八八就业稳岗计划" in got and "重点项目落地见效年" in got, got
    assert "两学一做" not in got


def test_plots_bases_and_media_are_class_nouns_of_lists():
    got = proposed("盘活青湖广场、蓝鲸城等多个黄金地块，青禾日报、蓝海网等媒体予以报道。")
    assert "list" in got.get("青湖广场", set()) and "list" in got.get("蓝鲸城", set()), got
    assert "list" in got.get("蓝海网", set()), got


def test_a_list_counted_by_its_great_number_names_its_items():
    got = proposed("青湖岛、蓝鲸城、白鹭湾三大综合体相继开工。")
    assert "list" in got.get("青湖岛", set()) and "list" in got.get("蓝鲸城", set()), got


def test_works_cut_short_after_what_they_work_on_stay_in_the_name():
    got = proposed("推进青湖厂家属区棚改项目，坚持大抓项目。")
    assert "青湖厂家属区棚改项目" in got, got
    assert not any(name.endswith("抓项目") for name in got), got


def test_the_top_priority_idiom_is_no_programme():
    got = proposed("把招商引资作为“一号工程”，深入实施青苗护航行动。")
    assert "一号工程" not in got, got
    assert "青苗护航行动" in got, got


def test_a_quoted_list_before_a_campaign_noun_is_one_campaign():
    text = "深入开展“提质量、强服务、优环境”行动，打造“青禾、绿岛”品牌。"
    got = proposed(text)
    assert "quote" in got["“提质量、强服务、优环境”行动"]
    assert not any("青禾、绿岛" in name for name in got), got  # a list before a mere noun stays a list


def test_a_long_works_name_is_proposed_whole():
    text = "推进青禾镇平安村现代农业产业园生态旅游综合开发项目建设。"
    assert "suffix" in proposed(text)["青禾镇平安村现代农业产业园生态旅游综合开发项目"]


def test_a_name_after_a_title_and_a_colon_or_joined_by_a_middle_dot_is_a_person():
    got = proposed("青禾县县长 艾买提·吐尔逊\n各位代表：青禾街道办事处主任：郑明远（8月任职）。")
    assert "person" in got["艾买提·吐尔逊"] and "person" in got["郑明远"]
    assert "person" not in got.get("青禾街道", set())


def test_a_campaign_governed_by_its_verb_or_heading_is_proposed_whole_with_its_inner_verbs():
    text = "实施园区建设提速行动，优化布局；一是招商落地推进行动。全面推行湖长制、实行轮值。"
    got = proposed(text)
    assert "governed" in got["园区建设提速行动"] and "governed" in got["招商落地推进行动"]
    # its suffix proposes 湖长制 too, and the span keeps one candidate: ask the generator itself
    assert "湖长制" in {text[c.start : c.end] for c in _governed_candidates(text)}
    assert "governed" not in got.get("提速行动", set())  # the whole object, not the words after a verb


def test_a_campaign_year_named_after_its_year_is_proposed():
    got = proposed("会议审议了2031年青禾园区建设提速年专项行动方案。2030年建设年产5万吨饲料厂。")
    assert "governed" in got["青禾园区建设提速年"]
    assert not any(name.endswith("建设年") for name in got), got  # 建设|年产: a capacity, no campaign year


def test_a_pilot_closes_the_scheme_named_before_it():
    got = proposed("用好青禾湖区生态修复综合试点机遇，建成青禾试点社区。")
    assert "青禾湖区生态修复综合试点" in got
    assert "试点" not in got  # the word alone names no scheme


def test_each_campaign_of_a_quoted_list_is_proposed():
    got = proposed("推进“青峰护林先锋行动、 4A景区创建行动、扩绿提质行动”三项行动。")
    assert {"青峰护林先锋行动", "4A景区创建行动", "扩绿提质行动"} <= set(got)
    assert "governed" in got["4A景区创建行动"]  # the walk stops at the grade; the list item is whole


def test_brands_listed_before_projects_or_a_stage_verb_are_proposed():
    got = proposed("沃拓农化、翔晟新材等12个亿元以上项目竣工投产，昊纳、欧锐达等顺利投产。")
    assert {"沃拓农化", "翔晟新材", "昊纳", "欧锐达"} <= {n for n, s in got.items() if "list" in s}
    kinds = proposed("集成电路、新能源等顺利投产。")
    assert "集成电路" not in kinds and "新能源" not in kinds  # trades, not brands
    works = proposed("青禾隆、翠峰机电等新厂房主体结构完工，蓝湾精工、白石光电等项目封顶。")
    assert {"青禾隆", "翠峰机电", "蓝湾精工", "白石光电"} <= {n for n, s in works.items() if "list" in s}


def test_a_brand_opening_its_clause_before_its_deed_is_proposed():
    got = proposed("主导产业加速成势，川渝锂能建成西南最大的正极材料基地；我镇建成公园，澜辰电子年内已建成。")
    assert "subject" in got["川渝锂能"]
    assert not any("subject" in s for n, s in got.items() if n != "川渝锂能"), got


def test_works_named_by_their_output_are_proposed_with_and_without_the_firm():
    got = proposed("引进投资1亿元青川饲料有限公司年产30万吨饲料扩建项目，"
                   "华昌2万千瓦风电、宁能100万千瓦风光同场等项目顺利推进。建成年产5万吨的生产线。"
                   "推进青岩建材年产20万方装配式构件项目。")
    capacity = {n for n, s in got.items() if "capacity" in s}
    assert {"青川饲料有限公司年产30万吨饲料扩建项目", "年产30万吨饲料扩建项目"} <= capacity
    assert "年产20万方装配式构件项目" in capacity  # 方: cubic metres as reports write them
    assert {"华昌2万千瓦风电", "宁能100万千瓦风光同场"} <= capacity
    assert not any(n.startswith(("投资", "建成")) or "等" in n or "的" in n for n in capacity), capacity


def test_places_listed_before_a_count_of_counties_or_cities_are_divisions_as_written():
    text = "枣阳、枝江等5个县市进入全国百强，榕口、新埔等社区。"
    got = {(text[c.start : c.end], c.type, c.full) for sent in propose(text, Gazetteer.load()).sentences
           for c in sent.candidates if c.source == "list"}
    assert ("枣阳", "District", None) in got and ("枝江", "District", None) in got  # no 枝江县: the class is no suffix
    assert ("新埔", "District", "新埔社区") in got
    qualified = propose("甲医院、乙医院等3个县级医院，丙园、丁园等6个城市更新项目。", Gazetteer.load())
    assert not any(c.type == "District" for s in qualified.sentences for c in s.candidates if c.source == "list")


def test_a_body_held_by_a_frame_is_proposed_whole_with_the_verbs_inside_it():
    got = proposed("发挥青州数字化发展促进中心作用，以禾丰养殖专业合作社为依托，发挥协会和基金会作用。")
    assert got["青州数字化发展促进中心"] & {"framed", "suffix"}  # the frame, or its head's walk, holds it whole
    assert "协会和基金会" not in got  # two bodies, not one


def test_brands_listed_before_their_finished_shell_are_projects_of_the_list():
    got = proposed("瑞博精密汽车零部件、亿晟机械加工等完成主体建设。")
    assert {"瑞博精密汽车零部件", "亿晟机械加工"} <= {n for n, s in got.items() if "list" in s}


def test_a_person_with_a_less_common_surname_after_a_title_is_proposed():
    got = proposed("镇党委副书记、镇长查明远主持会议，党委副书记代小军出席。")
    assert "person" in got["查明远"] and "person" in got["代小军"]


def test_quoted_names_listed_before_a_class_noun_take_its_type_but_a_quoted_kind_does_not():
    text = "滨河片区“青岚府”“澜庭”等项目基本完工，培育“小巨人”企业，推进“百日会战”行动。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
           if c.source == "quote"}
    assert {("青岚府", "Project"), ("澜庭", "Project"), ("百日会战", "Program")} <= got
    assert ("小巨人", "Organization") not in got


def test_canals_weirs_dams_and_drainage_stations_close_works_names():
    got = proposed("青禾渠改造竣工，白鹭湖电排站全面开工，翠屏堰除险加固。")
    assert {"青禾渠", "白鹭湖电排站"} <= {n for n, s in got.items() if "suffix" in s}
    assert any(n.startswith("翠屏堰") for n, s in got.items() if "suffix" in s)
    assert not any(n.endswith("全面") for n in got)  # an adverb ends no brand


def test_people_after_more_titles_and_before_what_they_said_are_proposed():
    got = proposed("市委常委、市人武部部长刘继文参加。镇党委副书记、镇长胡天明表示，科创是关键。")
    assert "person" in got["刘继文"] and "person" in got["胡天明"]
    assert "胡天" not in got  # the whole name, not its first two characters


def test_a_quoted_responsibility_system_is_a_programme():
    text = "实施重点楼宇“街长制”，推进青湖片区建设。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert ("街长制", "Program") in got


def test_a_works_name_whose_suffix_word_holds_the_class_is_not_split_before_it():
    text = "推进北溪水厂扩建工程，打造翠湖新村老旧小区。"
    fulls = {text[c.start : c.end]: c.full for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if c.source == "suffix"}
    assert fulls["北溪水厂扩建工程"] is None  # 扩建工程 is one word: no 北溪水厂扩建 beside it
    assert fulls["翠湖新村老旧小区"] == "翠湖新村"  # the estate, then its class


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


def test_a_name_after_a_title_ends_before_the_word_that_follows_names():
    got = proposed("县长柳青代表县政府作报告，镇长叶明川轮值接听专线，村民方小溪说，市委书记王岩率代表团考察。")
    assert {"柳青", "叶明川", "方小溪", "王岩"} <= got.keys()
    assert "柳青代" not in got and "王岩率" not in got  # 代表 and 率 follow the name


def test_names_after_a_title_are_proposed_whole_and_each_of_a_list_after_it():
    got = proposed("区长林祥为到青湖街道调研，政委叶青松、方溪陪同；本报记者柳小禾报道。")
    assert {"林祥为", "叶青松", "方溪", "柳小禾"} <= got.keys(), got
    assert "方溪陪" not in got  # 陪同 follows the name


def test_a_line_s_section_or_part_is_proposed_with_the_line_s_name():
    got = proposed("加快青河高铁白沙段建设，完成滨江大道东延工程，青石铁路北湖站投用，推进石门路。")
    assert {"青河高铁白沙段", "滨江大道东延", "青石铁路北湖站"} <= got.keys()
    assert "segment" in got["青河高铁白沙段"] and "青河高铁" in got  # the line alone stays a reading
    assert not any(name.startswith("石门路") and name != "石门路" for name in got)  # nothing follows it


def test_a_layout_told_in_numbered_parts_is_no_project_but_a_numbered_phase_is():
    got = proposed("构建一轴两廊四片区发展格局，推进青龙片区建设。推进双溪一期建设。")
    assert not any(n.endswith("两廊四片区") for n in got)
    assert {"双溪一期", "青龙片区"} <= got.keys()


def test_people_elected_or_speaking_after_a_banner_s_title_are_proposed():
    got = proposed("会议选举产生新一届领导班子。柯青山当选为镇长、窦明川当选为副镇长；代旗长苏云海，书记梅小林强调。")
    assert {"柯青山", "窦明川", "苏云海", "梅小林"} <= got.keys()


def test_a_town_s_ring_road_and_road_network_are_projects():
    text = "西南外环顺利通车，青湖大道改造完成，白沙片区路网建成。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert {("西南外环", "Project"), ("青湖大道", "Project"), ("白沙片区路网", "Project")} <= got


def test_a_brand_that_ends_a_list_before_its_deed_is_proposed():
    got = proposed("青禾产业园开工，鼎昱智能、瑞岚机电竣工投产。")
    assert "瑞岚机电" in got and "subject" in got["瑞岚机电"]


def test_a_level_s_department_is_proposed_with_its_level_or_its_place():
    got = proposed("市级牵头单位：市发展改革委；区级牵头单位：区科经局；青海省德令哈市应急管理局配合。")
    assert {"市发展改革委", "区科经局", "德令哈市应急管理局"} <= got.keys()
    assert "department" in got["市发展改革委"]


def test_a_battle_campaign_is_a_programme():
    text = "打好碧水保卫战，坚决打赢白云保卫战。"
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert ("碧水保卫战", "Program") in got and ("白云保卫战", "Program") in got


def test_a_quoted_kind_of_firm_is_no_programme_but_a_quoted_campaign_is():
    text = '建立“青禾之星”“小巨人”企业培育库，开展“青苗护航”活动。'
    got = {(text[c.start : c.end], c.type) for s in propose(text, Gazetteer.load()).sentences for c in s.candidates}
    assert not any(name in ("青禾之星", "小巨人") for name, _ in got)
    assert ("青苗护航", "Program") in got


def test_a_known_town_whose_name_ends_in_an_everyday_word_is_proposed():
    got = proposed("还有双阳区鹿乡镇。近年来，鹿乡镇放大梅花鹿产业优势，各乡镇全力推进。")
    assert "division" in got["鹿乡镇"]
    assert "各乡镇" not in got and "域城镇" not in proposed("为青溪河流域城镇合作起到了作用。")  # 流域 is the word


def test_each_campaign_year_of_a_quoted_list_is_proposed():
    got = proposed("以“重点项目攻坚年、城市治理突破年、基层组织提升年”为主抓手，统筹推进全年工作。")
    assert {"重点项目攻坚年", "城市治理突破年", "基层组织提升年"} <= {n for n, s in got.items() if "governed" in s}


def test_a_known_town_whose_name_opens_with_a_function_character_is_a_division():
    got = proposed("今年，和桥镇将继续推进项目建设。")  # jieba: 和|桥|镇
    assert got.get("和桥镇") == {"division"}
    assert "全镇" not in proposed("全镇上下推进城镇建设。")


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


def test_a_county_s_short_name_is_the_county_though_one_of_its_towns_shares_it():
    text = "今年以来，临城县郝庄镇推进青木湾产业园建设。郝庄镇新建青禾村道路2公里，临城各界踊跃参与。"
    fulls = {c.full for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if text[c.start : c.end] == "临城"}
    assert fulls == {"临城县"}  # not 临城镇, the county seat's town of the same name


def test_what_a_body_does_before_its_head_stays_in_its_name():
    text = "加快与澳门生产力促进局对接，成立青禾数字经济促进中心。"
    got = proposed(text)
    assert "澳门生产力促进局" in got  # 促进 is what the bureau does, not the end of a name
    assert "青禾数字经济促进中心" in got
    assert not any(name.startswith(("加快", "与", "成立")) for name in got), got


def test_a_person_s_name_is_never_proposed_cut_at_its_middle_dot():
    text = ("2031年1月19日在青州自治区第十四届人民代表大会第三次会议上\n"
            "自治区主席 阿力木·吐尼亚孜\n副主席 艾尔江·买买提\n各位代表：")
    got = proposed(text)
    assert "阿力木·吐尼亚孜" in got and "艾尔江·买买提" in got  # the dotted names whole
    assert "艾尔江" not in got and "买买提" not in got  # never a part of one alone


def test_a_short_quoted_word_before_a_scheme_s_class_names_the_scheme_with_it():
    text = "深入实施“青禾”工程，开展“三访”行动，坚决做到“两个维护”工作。"
    fulls = {c.full for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if c.source == "suffix" and c.type == "Program"}
    assert {"青禾工程", "三访行动"} <= fulls  # two characters are too few to stand for the scheme alone
    assert not any(f and f.startswith("两个维护") for f in fulls)  # a slogan, whatever follows it


def test_a_leader_named_only_as_a_doctrine_s_author_is_no_person_but_named_with_a_title_is():
    def people(text: str) -> set[int]:
        return {c.start for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                if c.type == "Person"}

    text = "坚持以陈海东同志为核心，学习陈海东书记讲话精神。"
    assert people(text) == {text.rindex("陈海东")}  # the second, with a title; not the formula's
    assert not people("深入学习陈海东思想。坚持以陈海东同志为核心。")
    assert people("陈海东书记强调思想政治工作。") == {0}  # his words on a subject, no formula
