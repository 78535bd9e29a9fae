"""Names typed by the list they stand in: before a class noun or a stage verb, in brackets, enumerated."""

from __future__ import annotations

from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.gazetteer import Gazetteer


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


def test_a_list_before_a_quoted_scheme_and_its_class_noun_names_its_items():
    got = proposed("青禾、白鹭、云杉等“工改工”项目加快建设。")
    assert all("list" in got.get(name, ()) for name in ("青禾", "白鹭", "云杉")), got


def test_a_class_noun_that_qualifies_another_noun_lists_kinds_not_names():
    text = "完成清淤、护坡加固及堤身培厚等工程建设任务，推进青禾大桥、白鹭公园等工程。"
    listed = {text[c.start : c.end] for s in propose(text, Gazetteer.load()).sentences
              for c in s.candidates if c.source == "list"}
    assert "白鹭公园" in listed  # 等工程 itself still names what it lists
    assert not {"清淤", "护坡加固", "堤身培厚"} & listed, listed


def test_plots_bases_and_media_are_class_nouns_of_lists():
    got = proposed("盘活青湖广场、蓝鲸城等多个黄金地块，青禾日报、蓝海网等媒体予以报道。")
    assert "list" in got.get("青湖广场", set()) and "list" in got.get("蓝鲸城", set()), got
    assert "list" in got.get("蓝海网", set()), got


def test_a_list_counted_by_its_great_number_names_its_items():
    got = proposed("青湖岛、蓝鲸城、白鹭湾三大综合体相继开工。")
    assert "list" in got.get("青湖岛", set()) and "list" in got.get("蓝鲸城", set()), got


def test_brands_listed_before_projects_or_a_stage_verb_are_proposed():
    got = proposed("沃拓农化、翔晟新材等12个亿元以上项目竣工投产，昊纳、欧锐达等顺利投产。")
    assert {"沃拓农化", "翔晟新材", "昊纳", "欧锐达"} <= {n for n, s in got.items() if "list" in s}
    kinds = proposed("集成电路、新能源等顺利投产。")
    assert "集成电路" not in kinds and "新能源" not in kinds  # trades, not brands
    works = proposed("青禾隆、翠峰机电等新厂房主体结构完工，蓝湾精工、白石光电等项目封顶。")
    assert {"青禾隆", "翠峰机电", "蓝湾精工", "白石光电"} <= {n for n, s in works.items() if "list" in s}


def test_places_listed_before_a_count_of_counties_or_cities_are_divisions_as_written():
    text = "枣阳、枝江等5个县市进入全国百强，榕口、新埔等社区。"
    got = {(text[c.start : c.end], c.type, c.full) for sent in propose(text, Gazetteer.load()).sentences
           for c in sent.candidates if c.source == "list"}
    assert ("枣阳", "District", None) in got and ("枝江", "District", None) in got  # no 枝江县: the class is no suffix
    assert ("新埔", "District", "新埔社区") in got
    qualified = propose("甲医院、乙医院等3个县级医院，丙园、丁园等6个城市更新项目。", Gazetteer.load())
    assert not any(c.type == "District" for s in qualified.sentences for c in s.candidates if c.source == "list")


def test_brands_listed_before_their_finished_shell_are_projects_of_the_list():
    got = proposed("瑞博精密汽车零部件、亿晟机械加工等完成主体建设。")
    assert {"瑞博精密汽车零部件", "亿晟机械加工"} <= {n for n, s in got.items() if "list" in s}
