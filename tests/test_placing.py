"""Placing a report: the district that wrote it, from invented reports and pages."""

from __future__ import annotations

import hashlib
import re

from kg.extract import extract
from kg.model import DocResult, Document, Entity, EntityType, Mention
from kg.resolve import resolve


def doc(doc_id: str, text: str, title: str = "") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, title=title,
                    sha256=hashlib.sha256(text.encode()).hexdigest())


def test_masked_district_is_placed_only_on_strong_evidence():
    strong = doc("m", "XX街道2022年工作总结\n一、2022年工作总结\nXX街道在宝安区委领导下，"
                      "完成塘尾社区、新田社区、桥头社区和和平社区的治理工作。", "XX街道2022年工作总结")
    weak = doc("w", "XX街道2022年工作总结\n一、2022年工作总结\nXX街道完成塘尾社区治理工作。",
               "XX街道2022年工作总结")
    placed = resolve([extract(strong)]).results[0].district
    assert placed is not None and placed.name == "福海街道" and placed.confidence >= 0.5 and placed.evidence
    assert resolve([extract(weak)]).results[0].district is None


def test_a_masked_town_speaking_as_itself_is_not_placed_at_the_county_it_names_often():
    body = ("2031年，全街上下推进宝安区“三城”建设，为宝安区跨越发展贡献力量；完成塘尾社区、新田社区、桥头社区"
            "和和平社区的治理工作，宝安区下达的任务全部完成。")
    placed = resolve([extract(doc("m", "街道2031年党工委工作报告\n" + body))]).results[0].district
    assert placed is not None and placed.name == "福海街道" and "宝安区" in placed.parents
    county = body.replace("全街上下", "各方")  # no voice of a town: the county it names again and again
    assert resolve([extract(doc("c", "2031年工作报告\n" + county))]).results[0].district.name == "宝安区"


def test_a_news_item_about_a_county_is_placed_at_the_county_it_names_again_and_again():
    item = ("宝安区召开招商引资推进大会。今年以来，宝安区引进青木湾智能制造项目等企业12家，"
            "宝安区青禾商会组织南山区企业来访。宝安区将加快青木湾产业园建设。")
    assert resolve([extract(doc("c", item))]).results[0].district.name == "宝安区"
    town = item + "福海街道推进塘尾社区治理。福海街道完成桥头社区改造。"
    assert resolve([extract(doc("t", town))]).results[0].district.name == "福海街道"  # its own town first
    tied = "宝安区与南山区召开联席会议。宝安区、南山区共建青木湾产业园，宝安区和南山区企业参加。"
    assert resolve([extract(doc("e", tied))]).results[0].district is None  # two counties alike: no author


def test_a_header_naming_a_town_several_divisions_share_is_placed_by_the_places_the_text_names():
    text = "石塘镇2031年工作总结\n一、2031年工作回顾\n石塘镇推进青湖渔港改造，与温岭青禾渔业公司签约。"
    placed = resolve([extract(doc("s", text, "石塘镇2031年工作总结"))]).results[0].district
    assert placed.name == "石塘镇" and placed.code and "温岭市" in placed.parents
    alone = "石塘镇2031年工作总结\n一、2031年工作回顾\n石塘镇推进青湖渔港改造。"
    unplaced = resolve([extract(doc("a", alone, "石塘镇2031年工作总结"))]).results[0].district
    assert unplaced.name == "石塘镇" and unplaced.code is None  # nothing to choose by: named, not placed


def test_a_portal_page_titled_with_its_town_s_name_alone_is_placed_there():
    text = "一、2031年工作回顾\n我镇推进青湖渔港改造，与温岭青禾渔业公司签约。"
    assert resolve([extract(doc("t", text, "石塘镇"))]).results[0].district.code == "331081105"
    assert resolve([extract(doc("u", text, "渔港改造"))]).results[0].district is None


def test_a_town_named_once_in_passing_does_not_outrank_the_county_the_item_is_about():
    item = ("宝安区盘点一季度重点项目进展。福海街道青禾产业园主体封顶；宝安区青木湾智能制造项目开工，"
            "宝安区翠峰学校扩建，宝安区将加快推进。")
    assert resolve([extract(doc("c", item))]).results[0].district.name == "宝安区"


def test_a_government_notice_issuing_its_work_report_is_placed_by_its_title():
    text = "各街道办事处，区政府各部门：现将2031年政府工作报告主要工作任务分解印发给你们，请认真贯彻落实。"
    title = "深圳市宝安区人民政府关于印发2031年政府工作报告主要工作任务分工方案的通知"
    assert resolve([extract(doc("n", text, title))]).results[0].district.name == "宝安区"


def test_a_town_named_twice_does_not_outrank_the_county_an_item_names_far_more_often():
    item = ("宝安区盘点重点项目进展。宝安区青木湾智能制造项目开工，宝安区翠峰学校扩建，宝安区将加快推进，"
            "宝安区青禾产业园主体封顶。" + "项目现场机器轰鸣，工人们抢抓工期，确保按期完成年度任务。" * 6
            + "福海街道青湖公园开园，福海街道塘尾社区完成改造。")  # the town named twice, after the head
    assert resolve([extract(doc("c", item))]).results[0].district.name == "宝安区"


def test_an_item_naming_only_its_county_twice_is_placed_there():
    item = "今年以来，宝安区全面落实决策部署，青木湾智能制造项目开工。宝安区青禾产业园主体封顶。"
    assert resolve([extract(doc("c", item))]).results[0].district.name == "宝安区"


def test_an_item_naming_its_county_twice_and_a_town_once_is_the_county_s():
    item = ("今年以来，宝安区全面落实决策部署，青木湾智能制造项目开工。宝安区青禾产业园主体封顶。"
            + "项目现场机器轰鸣，工人们抢抓工期，确保按期完成年度任务。" * 6 + "福海街道青湖公园开园。")
    assert resolve([extract(doc("c", item))]).results[0].district.name == "宝安区"
    twice = item + "福海街道塘尾社区完成改造。"  # a town named twice is its own news, as before
    assert resolve([extract(doc("e", twice))]).results[0].district.name == "福海街道"


def test_a_report_placed_by_its_title_gives_its_district_in_the_titles_characters():
    title = "松崗(gǎng)街道2022年工作總結"
    placed = DocResult(doc=doc("t", title + "\n推進潭頭、溪頭、紅星社區治理。", title))  # no place kept from the text
    (r,) = resolve([placed]).results
    assert r.district.name == "松岗街道" and r.to_json()["district"]["name"] == "松崗街道"


def test_a_page_whose_byline_names_the_town_government_publishing_it_is_placed_there():
    text = "一、2031年工作回顾\n过去一年，全镇推进青湖渔港改造，与青禾渔业公司签约。"
    page = doc("b", text)
    page.metadata = {"来源": "本网-温岭市石塘镇人民政府"}
    assert resolve([extract(page)]).results[0].district.code == "331081105"
    under_title = doc("c", "来源：温岭市石塘镇人民政府  发布：2031-01-05\n" + text)
    assert resolve([extract(under_title)]).results[0].district.code == "331081105"
    assert resolve([extract(doc("d", text))]).results[0].district is None  # no byline: nothing says where


def named(doc_id: str, text: str, *districts: str) -> DocResult:
    """A document whose District entities are the given names, each at every place the text writes it
    (the decision's choice among overlapping spans set aside: these tests are about placing)."""
    entities, taken = [], set()
    for name in sorted(districts, key=len, reverse=True):
        at = [m.start() for m in re.finditer(re.escape(name), text) if not any(a <= m.start() < b for a, b in taken)]
        taken |= {(a, a + len(name)) for a in at}
        mentions = [Mention(a, a + len(name), name, EntityType.DISTRICT, (0, len(text))) for a in at]
        entities.append(Entity(name, EntityType.DISTRICT, mentions=mentions))
    return DocResult(doc=doc(doc_id, text), entities=entities)


def test_a_town_called_by_a_short_name_that_is_also_a_county_s_is_still_the_town():
    text = ("记者从宝安区西乡街道了解到，2031年，西乡实施青禾工程。今年，西乡将打造甲乙海岸带。"
            "西乡作为试点将全面启动丙丁工程，西乡街道负责实施。西乡新建一座公园。")
    placed = resolve([named("x", text, "宝安区", "西乡街道", "西乡")]).results[0].district
    assert placed.name == "西乡街道"  # 西乡 is the town's short name here, not 西乡县


def test_a_county_named_by_its_short_and_its_full_name_counts_every_mention():
    item = "今年以来，凤阳全力推进青木湾智能制造项目。凤阳县青禾产业园主体封顶。"
    assert resolve([extract(doc("c", item))]).results[0].district.name == "凤阳县"


def test_an_autonomous_county_written_with_a_plain_suffix_is_that_county():
    item = "今年以来，天祝县全力推进青木湾智能制造项目。天祝县青禾产业园主体封顶。"
    (r,) = resolve([extract(doc("c", item))]).results
    assert r.district.name == "天祝藏族自治县" and "武威市" in r.district.parents
    assert r.to_json()["district"]["name"] == "天祝县"  # as the report writes it, beside the official name
    assert r.to_json()["district"]["canonical"] == "天祝藏族自治县"


def test_a_text_speaking_as_its_district_is_placed_at_the_one_of_that_kind_it_names():
    item = "2月16日，我区举行宝安区一季度重点项目集中开工仪式，青木湾智能制造项目开工。"
    assert resolve([extract(doc("w", item))]).results[0].district.name == "宝安区"
    two = "2月16日，我区与南山区共建青木湾产业园，宝安区企业参加。"
    assert resolve([extract(doc("t", two))]).results[0].district is None  # which of the two speaks?


def test_a_report_titled_by_its_level_alone_is_placed_at_the_one_town_of_that_level_it_names():
    text = ("过去的一年，乡党委政府带领干部群众，推进青禾产业园建设。" + "全年各项工作稳步推进，成效明显。" * 12
            + "完成金寨县长岭乡青木村道路硬化。")
    placed = resolve([extract(doc("t", text, "2031年乡政府年终工作总结"))]).results[0].district
    assert placed.name == "长岭乡" and "金寨县" in placed.parents
    assert resolve([extract(doc("u", text, "2031年年终工作总结"))]).results[0].district is None


def test_a_text_speaking_as_its_town_is_placed_at_the_town_it_names_by_its_short_name():
    text = ("过去一年，全镇上下推进青禾产业园建设。" + "全年各项工作稳步推进，成效明显。" * 12
            + "枨冲新建青木村道路2公里。")
    assert resolve([named("t", text, "枨冲", "青木村")]).results[0].district.name == "枨冲镇"
    other = text.replace("全镇上下", "干部群众")
    assert resolve([named("u", other, "枨冲", "青木村")]).results[0].district is None  # no one speaks as a town


def test_a_news_item_whose_headline_names_its_county_is_the_county_s_though_it_names_a_town_twice():
    item = ("凤阳：聚力项目建设 助推乡村振兴\n今年以来，凤阳县全力推进项目建设。凤阳县青木湾智能制造项目开工，"
            "凤阳县青禾产业园主体封顶。武店镇完成青木村道路硬化，武店镇新建冷链仓库一座。")
    assert resolve([extract(doc("h", item))]).results[0].district.name == "凤阳县"
    site = "凤阳县\n" + item.split("\n", 1)[1]  # a county's site's name over its town's news is no headline
    assert resolve([extract(doc("s", site))]).results[0].district.name == "武店镇"


def test_a_city_s_news_naming_no_county_or_town_of_its_own_is_placed_at_the_city():
    item = ("今年以来，营口市全力推进项目建设，青木湾智能制造项目开工。在营口市，青禾产业园主体封顶，"
            "营口市将加快推进重点项目建设。")
    assert resolve([extract(doc("c", item))]).results[0].district.name == "营口市"
    twice = "今年以来，青木湾智能制造项目开工，营口市全力推进项目建设。在营口市，青禾产业园主体封顶。"
    assert resolve([extract(doc("t", twice))]).results[0].district is None  # twice, and not as the subject


def test_a_breadcrumb_trail_over_a_town_s_news_is_no_headline():
    item = ("您当前的位置：滁州 > 县区 > 凤阳\n凤阳武店镇：聚力项目建设\n今年以来，凤阳县武店镇推进青木湾产业园建设，"
            "凤阳县青禾产业园主体封顶，凤阳县新建冷链仓库一座。武店镇新建青禾村道路2公里。")
    assert resolve([extract(doc("b", item))]).results[0].district.name == "武店镇"
    headline = "凤阳：聚力项目建设\n" + item.split("\n", 2)[2]  # a headline naming the county alone
    assert resolve([extract(doc("h", headline))]).results[0].district.name == "凤阳县"


def test_a_text_naming_one_county_once_and_no_town_is_the_county_s():
    item = "宁远县日前在青木湾产业园举行2031年重点项目集中开工仪式，共开工项目15个，总投资66亿元。"
    assert resolve([extract(doc("o", item))]).results[0].district.name == "宁远县"
    two = item.replace("宁远县日前", "日前").replace("共开工", "道县、宁远县共开工")  # two counties: no author
    assert resolve([extract(doc("t", two))]).results[0].district is None


def test_a_report_given_for_its_county_s_government_is_the_county_its_short_name_tells():
    text = ("现在，我代表县人民政府向大会报告工作，请予审议。\n一、2031年工作回顾\n"
            "2031年是宁远发展进程中极不平凡的一年，青木湾产业园建成投产。")
    assert resolve([named("g", text)]).results[0].district.name == "宁远县"  # no District entity at all
    two = text.replace("青木湾产业园", "宁远与蓝山合建的青木湾产业园")  # two counties' short names: neither
    assert resolve([named("t", two)]).results[0].district is None


def test_a_text_nothing_else_places_is_placed_at_the_division_its_opening_is_about():
    padding = "项目现场机器轰鸣，工人们抢抓工期，确保按期完成年度任务。" * 8
    item = "2031年，宝安区狠抓住房和城乡建设，青木湾产业园主体封顶。" + padding + "福海街道青湖公园开园。"
    placed = resolve([extract(doc("o", item))]).results[0].district
    assert placed.name == "宝安区" and placed.evidence[0].startswith("the opening is about it")
    chain = item.replace("宝安区", "深圳市宝安区")  # of 深圳市宝安区, the narrower
    assert resolve([extract(doc("c", chain))]).results[0].district.name == "宝安区"
    listed = item.replace("宝安区", "宝安区、南山区")  # a list opens the text: no subject
    assert resolve([extract(doc("l", listed))]).results[0].district is None
    later = "2031年，青木湾产业园主体封顶，宝安区狠抓住房和城乡建设。" + padding + "福海街道青湖公园开园。"
    assert resolve([extract(doc("n", later))]).results[0].district is None  # named, but not first


def test_a_town_s_office_named_as_its_writer_is_a_town():
    text = "青湖办事处2031年工作总结\n2031年，青湖办事处推进青木湾产业园建设，完成塘尾社区改造。"
    placed = resolve([extract(doc("b", text, "青湖办事处2031年工作总结"))]).results[0].district
    assert placed is not None and placed.name == "青湖办事处" and placed.level == "town"



def test_a_town_named_mostly_by_its_short_name_is_still_a_town():
    text = ("宁远县青湖镇获评2031年度全县小城镇建设先进镇\n日前，宁远县表彰先进乡镇。青湖推进渔港改造，"
            "青湖完成社区治理，青湖将加快建设。宁远县要求各镇对标先进，宁远县将持续推进。")
    r = named("s", text, "宁远县")
    at = [m.start() for m in re.finditer("青湖镇?", text)]
    mentions = [Mention(a, a + 3 if text[a + 2] == "镇" else a + 2, "青湖镇" if text[a + 2] == "镇" else "青湖",
                        EntityType.DISTRICT, (0, len(text))) for a in at]
    r.entities.append(Entity("青湖", EntityType.DISTRICT, mentions=mentions, aliases=["青湖镇"]))  # the shortest name
    placed = resolve([r]).results[0].district
    assert placed.name == "青湖镇" and placed.level == "town"  # not the county: the town the headline is about


def test_a_town_never_named_as_such_is_placed_by_its_name_and_villages_held_in_other_names():
    # 卜里坪街道 (苏仙区) holds 梁家湾 and 茅塘: the text names the town only inside a road's name
    text = ("今年以来，街道坚持项目为王，卜里坪大道提质改造进度过半，梁家湾安置小区主体完工，"
            "茅塘片区雨污分流改造有序推进。")
    placed = resolve([extract(doc("v", text))]).results[0].district
    assert placed is not None and placed.name == "卜里坪街道" and "苏仙区" in placed.parents
    assert "梁家湾" in placed.evidence[0] and "茅塘" in placed.evidence[0]
    one = text.replace("，茅塘片区雨污分流改造有序推进", "")  # one village is no evidence
    assert resolve([extract(doc("o", one))]).results[0].district is None
