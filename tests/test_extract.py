"""The hand-written rules (`--model rules`) on small invented snippets (not corpus text): one test
per hard case. The rules are also the trained decision's strongest features, so what they get
right here is what the model starts from; the model itself is tested in tests/extract/."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

from kg import indicators
from kg.extract import extract
from kg.extract.decide import RULES
from kg.model import Document

ROOT = Path(__file__).resolve().parent.parent


def run(text: str, title: str = "") -> dict[str, tuple[str, list[str]]]:
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title=title)
    return {e.name: (e.type, e.aliases) for e in extract(doc, RULES).entities}


def test_suffix_names_are_typed_and_trimmed_of_actions():
    got = run("一、2021年工作总结\n全力推进青木湾科技产业园建设，加快推进南岭小学改扩建工程。")
    assert got["青木湾科技产业园"][0] == "Project"
    assert any(n.startswith("南岭小学") for n in got), got
    assert not any(n.startswith(("全力", "推进", "加快")) for n in got)


def test_generic_class_nouns_are_not_entities():
    got = run("一、2021年工作总结\n组织辖区企业、物业公司和股份合作公司参加培训，社区党委全程参与。")
    assert not {"企业", "物业公司", "股份合作公司", "社区党委"} & set(got)


def test_organizations_and_programs():
    got = run("一、2021年工作总结\n联合青禾商会举办“春苗助学行动”，引进恒远精密公司。")
    assert got.get("青禾商会", ("",))[0] == "Organization"
    assert got.get("春苗助学行动", ("",))[0] == "Program"
    assert any(t == "Organization" and n.startswith("恒远精密") for n, (t, _) in got.items())


def test_masked_names_are_not_entities():
    got = run("一、2021年工作总结\nXX医院与*街道共同开展义诊。")
    assert not any("XX" in n or "*" in n for n in got), got


def test_person_before_title():
    got = run("一、2022年工作总结\n邀请省委党校林晓明教授作专题辅导。")
    assert got.get("林晓明", ("",))[0] == "Person"


def test_facility_being_built_is_a_project_acting_is_an_organization():
    built = run("一、2022年工作总结\n新建白沙中学，年内完成主体结构施工。")
    acting = run("一、2022年工作总结\n白沙中学荣获市级文明校园称号。")
    assert built["白沙中学"][0] == "Project"
    assert acting["白沙中学"][0] == "Organization"


def test_aliases_within_a_document_form_one_entity():
    got = run("一、2021年工作总结\n启动云溪配套北岸人行天桥建设工程。\n二、2022年工作计划\n建成云溪人行天桥。")
    projects = {n: a for n, (t, a) in got.items() if t == "Project"}
    assert len(projects) == 1, projects
    (name, aliases), = projects.items()
    assert {name, *aliases} >= {"云溪人行天桥"}


def test_listed_people_and_companies_take_the_class_nouns_type():
    got = run("一、2021年工作总结\n以林振东、罗家明等为代表的先辈，引进禾丰精工、青鸾微电子等5家企业。")
    assert got.get("林振东", ("",))[0] == "Person"
    assert got.get("罗家明", ("",))[0] == "Person"
    assert got.get("禾丰精工", ("",))[0] == "Organization"
    assert got.get("青鸾微电子", ("",))[0] == "Organization"


def test_short_place_names_near_the_report_district_are_its_communities():
    got = run("福海街道2021年工作总结\n一、2021年工作总结\n福海街道在宝安区委领导下，在塘尾、新田等社区推广垃圾分类。")
    assert got.get("塘尾社区", ("",))[0] == "District"
    assert "塘尾" in got["塘尾社区"][1]


def test_slogans_and_stressed_words_are_not_programs():
    got = run("一、2021年工作总结\n增强“四个意识”，落实“第一议题”制度，破解“瓶颈”，坚持“九九战略”。")
    assert not {"四个意识", "第一议题", "瓶颈", "九九战略"} & set(got), got


def test_quoted_programme_launched_by_a_verb_is_a_program():
    got = run("一、2021年工作总结\n开展“青苗护航”行动，实施“邻里暖心”工程。")
    assert any(t == "Program" and "青苗护航" in n for n, (t, _) in got.items()), got


def test_items_counted_before_a_class_noun_are_named_things():
    got = run("一、2022年工作总结\n完成青杉、柏岭2个老旧小区改造，破题破局抓好未来社区建设。")
    assert got.get("青杉", ("",))[0] == "Project"
    assert got.get("柏岭", ("",))[0] == "Project"
    assert not {"老旧小区", "未来社区"} & set(got), got
    assert not any(n.endswith("破局") for n in got), got


def test_honour_titles_are_not_places_and_divisions_stop_a_name():
    got = run("一、2030年工作总结\n青溪镇获评全国文明镇，重庆市巴南区青溪镇人民政府牵头。")
    assert "文明镇" not in got
    assert got.get("青溪镇", ("",))[0] == "District"


def test_counted_and_awarded_nouns_are_classes_not_names():
    got = run("一、2022年工作总结\n新建1家社康中心，创建无废示范小区12个；岚溪小学荣获“全国文明校园”称号，"
              "成功创建国家级创伤中心、卒中中心。")
    assert not {"社康中心", "无废示范小区", "全国文明校园", "创伤中心", "卒中中心"} & set(got), got
    assert got.get("岚溪小学", ("",))[0] == "Organization"


def test_modern_jargon_is_not_a_name_but_an_unknown_word_is():
    got = run("一、2022年工作总结\n打造非遗项目展示区，加快新建托育园，建成柳溪湾公园。")
    assert not any(n.startswith(("非遗", "托育")) for n in got), got
    assert got.get("柳溪湾公园", ("",))[0] == "Project"


def test_quoted_catchwords_and_formulas_by_what_follows():
    got = run("一、2022年工作总结\n推动“四调衔接”试点，深化“城管+物业”进社区，推进“标准+质量+示范”建设，"
              "落实“两学一做”，构建“一核两翼”格局。")
    assert got.get("四调衔接", ("",))[0] == "Program"
    assert got.get("城管+物业", ("",))[0] == "Program"
    assert not {"标准+质量+示范", "两学一做", "一核两翼"} & set(got), got


def test_bodies_named_by_their_field_and_companies_by_their_trade():
    got = run("一、2022年工作总结\n争取市民政局、国家卫健委支持，引进青蓝乳业、恒拓光电等3家企业，"
              "推动青松系6家企业入驻。")
    orgs = {n for n, (t, _) in got.items() if t == "Organization"}
    assert any(n.endswith("民政局") for n in orgs) and "国家卫健委" in orgs, got
    assert {"青蓝乳业", "恒拓光电"} <= orgs, got
    assert not any(n.startswith("青松系") for n in got), got


def test_centres_being_built_are_projects_and_acting_ones_organizations():
    built = run("一、2022年工作总结\n建设长岭艺术中心，落实石湾幼儿园用地。")
    acting = run("一、2022年工作总结\n长岭艺术中心举办书画展。")
    assert built.get("长岭艺术中心", ("",))[0] == "Project"
    assert built.get("石湾幼儿园", ("",))[0] == "Project"
    assert acting.get("长岭艺术中心", ("",))[0] == "Organization"


def test_an_organization_opening_a_longer_name_is_named_too():
    got = run("一、2022年工作总结\n推动青禾商会3.0改革。")
    assert got.get("青禾商会", ("",))[0] == "Organization", got
    assert any(t == "Program" and n.startswith("青禾商会") and n != "青禾商会" for n, (t, _) in got.items()), got


def test_numbered_project_list_entries_and_masked_tails():
    got = run("一、2022年工作总结\n1. 柳湾村道路硬化及亮化工程：总投资120万元，已完工。\n"
              "2. **市**县青石镇卫生院改造项目，已验收。****敬老院维修已完成。")
    assert got.get("柳湾村道路硬化及亮化工程", ("",))[0] == "Project", got
    assert any(n.startswith("青石镇卫生院") for n in got), got
    assert not any(n.startswith(("*", "县")) or n == "敬老院" for n in got), got


def test_event_series_roads_and_people_after_titles():
    got = run("一、2022年工作总结\n举办第三届青梅文化节，完成启航路、兴业路建设，党工委书记张明主持会议。")
    assert got.get("青梅文化节", ("",))[0] == "Program", got
    assert {"启航路", "兴业路"} <= {n for n, (t, _) in got.items() if t == "Project"}, got
    assert got.get("张明", ("",))[0] == "Person", got


def test_famous_heads_development_words_and_quoted_openings():
    got = run("一、2023年工作总结\n引进美团公司区域总部，推进青岚湾高质量发展攻坚行动，启动“青岚商圈”复兴行动。")
    assert got.get("美团公司", ("",))[0] == "Organization", got
    assert got.get("青岚湾高质量发展攻坚行动", ("",))[0] == "Program", got
    assert any(t == "Program" and "青岚商圈" in n and n.endswith("复兴行动") for n, (t, _) in got.items()), got


def test_dates_chance_suffixes_measures_and_everyday_city_names():
    got = run("2023年青山镇人民政府工作报告\n一、2022年工作回顾\n按照“一核两翼协同发展”工作思路，"
              "完成青石路东段380米排水管网铺设，共建和谐安康新家园。")
    assert got.get("青山镇", ("",))[0] == "District", got
    assert not any(n.endswith(("思路", "管网")) or "240" in n for n in got), got
    assert "安康市" not in got, got


def test_listed_communities_after_their_town_and_projects_named_by_a_village():
    got = run("青山镇2023年工作计划\n一、2023年工作计划\n组织青山镇松林社区、竹溪社区等三个社区开展活动，"
              "推进梅岭村安全饮水项目。")
    assert {"松林社区", "竹溪社区"} <= {n for n, (t, _) in got.items() if t == "District"}, got
    assert not any(n.startswith("青山镇") and n.endswith("社区") for n in got), got
    assert got.get("梅岭村安全饮水项目", ("",))[0] == "Project", got


def test_nothing_inside_a_masked_name_and_no_verb_before_a_quoted_name():
    got = run("一、2022年工作总结\n建成*翠屏桃园基地，创“青禾优品”富硒品牌。")
    assert not any("桃园" in n for n in got), got
    assert not any(n.startswith("创") for n in got), got


def test_names_in_brackets_after_a_counted_class_noun():
    got = run("一、2022年工作总结\n新认定科技型中小企业3家（岚峰塑业、青禾陶器、恒拓膜业），"
              "引进重点项目6个（其中工业项目4个），推进江汀路北侧地块、禾岭二期建设。")
    assert {"岚峰塑业", "青禾陶器", "恒拓膜业"} <= {n for n, (t, _) in got.items() if t == "Organization"}, got
    assert not any("其中" in n for n in got), got
    assert {"江汀路北侧地块", "禾岭二期"} <= {n for n, (t, _) in got.items() if t == "Project"}, got


def test_a_street_written_without_its_last_character_is_the_known_subdistrict():
    got = run("龙津街2023年工作计划\n一、2023年工作计划\n龙津街将加快推进旧城改造。")
    assert got.get("龙津街道") == ("District", ["龙津街"]), got


def test_a_person_a_memorial_is_named_after():
    got = run("一、2022年工作总结\n组织党员参观林则徐纪念馆，修缮詹天佑故居。")
    assert got.get("林则徐", ("",))[0] == "Person" and got.get("詹天佑", ("",))[0] == "Person", got
    assert any(n.startswith("林则徐纪念馆") for n in got), got


def test_long_quoted_names_and_numbered_schemes_listed_together():
    got = run("一、2022年工作总结\n第三届“青禾之约·湖畔之夏”消夏活动吸引游客，深化“一站式服务”“全链条招商”等模式，"
              "落实“四个意识”“两个维护”。")
    assert any(t == "Program" and "湖畔之夏" in n for n, (t, _) in got.items()), got
    assert got.get("一站式服务", ("",))[0] == "Program", got
    assert not {"四个意识", "两个维护"} & set(got), got


def test_a_quoted_programme_before_its_class_is_named_by_the_quote():
    got = run("一、2023年工作总结\n开展“青苗护航年”主题活动，实施“启航2023”专项行动计划。")
    assert got.get("青苗护航年", ("",))[0] == "Program", got
    assert any("主题活动" in a for a in got["青苗护航年"][1]), got
    assert got.get("启航2023", ("",))[0] == "Program", got


def test_numbered_quoted_programmes_by_context_but_not_classes_of_firms():
    got = run("一、2022年工作总结\n深入开展“百名党员进万家”活动，推进“四治融合”、“居民议事”建设，新增“四上企业”13家。")
    assert got.get("百名党员进万家", ("",))[0] == "Program", got
    assert got.get("四治融合", ("",))[0] == "Program", got
    assert "四上企业" not in got, got


def test_titles_listed_before_等荣誉称号_and_committees_of_no_place():
    got = run("一、2022年工作总结\n荣获“青禾文明镇”“(略)卫生单位”等荣誉称号，对标省委部署，在寿光市委领导下推进。")
    assert not any("卫生单位" in n or "文明镇" in n for n in got), got
    assert "标省委" not in got and got.get("寿光市委", ("",))[0] == "Organization", got


def test_an_estate_or_resort_named_before_its_class():
    got = run("一、2022年工作总结\n完成翠湖新村老旧小区改造，推进云栖山庄建设。")
    assert got.get("翠湖新村") == ("Project", ["翠湖新村老旧小区"]), got
    assert got.get("云栖山庄", ("",))[0] == "Project", got


def test_works_typed_as_a_programme_reach_stages_but_campaigns_do_not():
    text = "一、2022年工作总结\n完成青湖水库增容工程，启动“清风护航”专项行动。\n"
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), title="")
    stages = {m.text: (e.type, m.stage) for e in extract(doc, RULES).entities for m in e.mentions}
    assert stages["青湖水库增容工程"] == ("Program", "completed")  # works are built, whatever their type
    assert stages["“清风护航”专项行动"][1] is None  # a campaign is launched, not built


def test_a_company_that_breaks_ground_carries_the_stage_of_its_works():
    text = "2023年，青禾电子有限公司年内已开工，青禾电子有限公司参加了展会。"
    doc = Document(id="t", path="t.txt", text=text, sha256="0" * 64, title="")
    firm = next(e for e in extract(doc, RULES).entities if e.name == "青禾电子有限公司")
    assert firm.type == "Organization" and [m.stage for m in firm.mentions] == ["started", None]


def test_companies_listed_as_projects_carry_the_stage_of_their_works():
    text = "2023年，青禾电子有限公司、白鹭机械有限公司等5个新建项目相继开工，青禾电子有限公司参加了展会。"
    doc = Document(id="t", path="t.txt", text=text, sha256="0" * 64, title="")
    firms = {e.name: [m.stage for m in e.mentions] for e in extract(doc, RULES).entities if e.type == "Organization"}
    assert firms["青禾电子有限公司"] == ["started", None] and firms["白鹭机械有限公司"] == ["started"]


def test_extraction_makes_no_reference_cycles():
    """extract() pauses the cyclic garbage collector, which is harmless only while extraction leaves
    no cycles behind it; and the collector is on again afterwards."""
    text = (ROOT / "data" / "reports" / "001_aaf01d99df054c6c.txt").read_text("utf-8")
    doc = Document(id="r", path="r.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    extract(doc)  # loads what every extraction shares (gazetteer, dictionaries, model)
    gc.collect()
    gc.disable()
    try:
        result = extract(doc)
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert result.entities
    extract(doc)
    assert gc.isenabled()


def test_each_stage_in_the_jsonl_names_its_cue_or_none_when_presumed():
    text = ("青湖街道2023年工作总结\n一、2023年工作总结\n"
            "青湖大桥竣工通车。谋划建设云杉路口袋公园。松林路改造工程周边交通秩序良好。\n")
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    stages = {e["name"]: [(m["stage"], m["stage_cue"]) for m in e["mentions"]]
              for e in extract(doc, RULES).to_json()["entities"] if e["type"] == "Project"}
    assert stages["青湖大桥"] == [("completed", "竣工")]
    assert stages["云杉路口袋公园"] == [("planned", "谋划")]
    assert stages["松林路改造工程"] == [("under_way", None)]  # named with no cue: presumed under way


def test_rhetoric_in_traditional_script_is_not_presumed_work():
    text = "青湖街道2023年工作計劃\n一、2023年工作計劃\n讓我們攜手建設松林路改造工程。\n"
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    stages = {e["name"]: [(m["stage"], m["stage_cue"]) for m in e["mentions"]]
              for e in extract(doc, RULES).to_json()["entities"] if e["type"] == "Project"}
    assert stages["松林路改造工程"] == [(None, None)]  # found, and a call to the audience is no work under way


def test_an_indicator_is_given_as_the_text_writes_it_and_matched_across_scripts():
    text = "青湖鎮2023年工作總結\n一、2023年工作總結\n全鎮地區生產總值達到12.5億元，同比增長6%。\n"
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    got = [(q["indicator"], q["value"]) for q in extract(doc, RULES).to_json()["quantities"]]
    assert got == [("地區生產總值", 12.5), ("地區生產總值", 6.0)]
    assert indicators.key("地區生產總值") == indicators.key("地区生产总值")
    put_together = "青湖鎮2023年工作總結\n一、2023年工作總結\n全鎮規上工業企業達到52家，增加值增長8%。\n"
    doc = Document(id="p", path="p.txt", text=put_together, sha256="1" * 64)
    got = [(q["indicator"], q["value"]) for q in extract(doc, RULES).to_json()["quantities"]]
    assert ("規上工業增加值", 8.0) in got  # named from two places, in the text's own characters


def test_a_firm_named_where_its_works_are_told_of_takes_their_stage_but_a_bank_does_not():
    text = "2031年，青湖镇加快推进青禾精密机械有限公司建设，协调青湖农商银行发放贷款。"
    result = extract(Document(id="f", path="f.txt", text=text, sha256="0" * 64, title=""), model="rules")
    stages = {e.name: [m.stage for m in e.mentions] for e in result.entities}
    assert stages["青禾精密机械有限公司"] == ["under_way"]
    assert stages["青湖农商银行"] == [None]


def test_a_dotted_name_after_a_title_is_extracted_whole_by_the_shipped_model():
    text = ("2031年青州自治区政府工作报告\n来源：青州日报\n2031年1月19日在青州自治区第十四届人民代表大会第三次会议上\n"
            "自治区主席 阿力木·吐尼亚孜\n各位代表：\n现在，我代表自治区人民政府，向大会报告工作，请予审议。")
    doc = Document(id="t", path="t.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    assert [e.name for e in extract(doc).entities if e.type == "Person"] == ["阿力木·吐尼亚孜"]  # not 阿力木 alone
