"""Sections cut where they turn to another year."""

from __future__ import annotations

from structure_helpers import PLAN_BODY, REVIEW_BODY, dated, kinds

from kg.structure.sections import find_sections


def test_a_review_with_one_forward_clause_stays_one_review():
    text = f"2023年工作总结\n{REVIEW_BODY}甲广场加快建设，计划今年10月底前开业。\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布时间": "2024-01-17"}) == {(2023, "review")}


def test_a_closing_run_of_forward_paragraphs_is_a_plan_section():
    tail = f"下一步，青湖街道{PLAN_BODY}"
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}{tail}"
    sections = find_sections(text)
    assert [(s.year, s.mode) for s in sections] == [(2022, "review"), (2023, "plan")]
    assert text[sections[1].start :] == tail
    assert sections[1].evidence[0].kind == "relative"
    half = find_sections(f"青湖街道2022年上半年工作总结\n{REVIEW_BODY}{tail}")
    assert [(s.year, s.mode) for s in half] == [(2022, "review"), (2022, "plan")]


def test_one_closing_forward_sentence_stays_in_the_review():
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}下一步，将继续加快推进青湖大桥建设。\n"
    assert [(s.year, s.mode) for s in find_sections(text)] == [(2022, "review")]


def test_an_official_who_turns_to_the_next_year_opens_a_plan_section():
    tail = f"王主任介绍，2023年，青湖街道{PLAN_BODY}"
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}{tail}"
    sections = find_sections(text)
    assert [(s.year, s.mode) for s in sections] == [(2022, "review"), (2023, "plan")]
    assert text[sections[1].start :] == tail


def test_a_forward_paragraph_followed_by_results_is_no_plan_section():
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}下一步，将力争年底前建成青湖大桥。\n{REVIEW_BODY}"
    assert dated(text) == {(2022, "review")}


def test_a_paragraph_that_sets_out_the_next_year_amid_the_results_is_a_plan_section():
    ahead = "新征程已经开启，2024年，青湖街道将全力实施五大工程，奋力打造中心城区。"
    text = f"2023年，青湖街道{REVIEW_BODY}{ahead}\n{REVIEW_BODY}"
    sections = find_sections(text)
    assert [(s.year, s.mode) for s in sections] == [(2023, "review"), (2024, "plan"), (2023, "review")]
    assert text[sections[1].start : sections[1].end] == ahead
    new_year = f"2023年，青湖街道{REVIEW_BODY}在新的一年，青湖街道将加快建设青湖大桥。\n{REVIEW_BODY}"
    assert dated(new_year) == {(2023, "review"), (2024, "plan")}
    reported = f"2023年，青湖街道{REVIEW_BODY}2024年，青湖街道将继续推进，已完成投资3亿元。\n{REVIEW_BODY}"
    assert dated(reported) == {(2023, "review")}  # results told after the year: no plan
    quoted = f"2023年，青湖街道{REVIEW_BODY}“2024年，青湖街道将加快建设青湖大桥。”书记说。\n{REVIEW_BODY}"
    assert dated(quoted) == {(2023, "review"), (2024, "plan")}  # an official's words, in quotes


def test_this_year_sets_out_the_plan_only_where_the_review_speaks_of_last_year():
    ahead = "据悉，今年，青湖街道将加快建设青湖大桥。\n"
    looked_back = f"过去一年，青湖街道在2022年{REVIEW_BODY}{ahead}{REVIEW_BODY}"
    assert dated(looked_back) == {(2022, "review"), (2023, "plan")}
    assert dated(f"2022年，青湖街道{REVIEW_BODY}{ahead}{REVIEW_BODY}") == {(2022, "review")}


def test_a_report_announced_hereby_is_no_intent_and_a_wrapped_title_is_no_turn():
    title = "青湖街道2024年度工作总结暨\n2025年工作思路\n"
    body = "2024年，青湖街道统筹推进各项工作。现将全年工作情况报告如下：\n全年新建道路12公里。\n"
    assert dated(title + body) == {(2024, "review")}


def test_the_date_a_report_is_given_on_does_not_turn_its_review_into_a_plan():
    text = ("2025年青河县政府工作报告\n2025年1月10日在青河县第五届人民代表大会第四次会议上县长某某作报告。\n"
            "2024年是极不平凡的一年。全县地区生产总值增长5.5%，新建学校3所，顺利完成年度目标。"
            "累计改造老旧小区12个，获评省级文明县城。\n"
            "2025年是关键之年。我们将力争地区生产总值增长6%左右，确保完成各项任务。"
            "将新建学校5所。力争引进项目20个。确保粮食产量稳定。努力提升群众满意度。")
    assert [(y, m) for y, m, _ in kinds(text)] == [(2024, "review"), (2025, "plan")]
    review, plan = find_sections(text)[-2:]
    assert text[plan.start:].startswith("2025年是关键之年")


def test_a_text_that_turns_from_its_year_to_the_next_is_a_review_and_a_plan():
    text = ("2023年，在区委的坚强领导下，街道上下团结一心，各项事业高质量发展。"
            "2024年，要锚定目标，力争各项工作走在前列。")
    assert kinds(text) == [(2023, "review", None), (2024, "plan", None)]


def test_a_plan_that_turns_to_the_year_before_tells_a_review_there():
    text = ("“2023年，青湖街道将全力推进城市更新，力争完成投资20亿元。”\n"
            "据了解，2022年，青湖街道完成固定资产投资12亿元，同比增长8%，建成青湖大桥。\n"
            "青湖街道将推动白鹭公园开工，确保年底建成。下一步，将争取青石小学落地。")
    parts = [(s.year, s.mode, text[s.start : s.end].strip()[:4]) for s in find_sections(text) if s.mode != "other"]
    assert parts == [(2023, "plan", "“202"), (2022, "review", "据了解，"), (2023, "plan", "青湖街道")]
    turned = "2022年，青湖街道建成青湖大桥，同比增长8%。2023年，将推动白鹭公园开工，力争年底建成。"
    for t in (text, turned):  # each quoted opening is where it says it is
        assert all(t[e.start : e.end] == e.text for s in find_sections(t) for e in s.evidence if e.kind == "opening")


def test_a_report_said_to_look_back_on_a_year_and_to_set_out_the_next():
    text = (f"1月10日，青湖乡人代会开幕。报告对2022年乡政府工作作了回顾，并对2023年工作作出部署。全乡{REVIEW_BODY}"
            "报告指出，2023年，全乡要更加突出三个发展重点，让群众的获得感更加充实。\n"
            "会议期间，甲路于2023年1月通车，乙桥于2023年1月开工，丙园于2023年1月开园。\n")
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_a_sentence_saying_what_the_town_will_do_in_the_next_year_is_its_plan():
    text = ("2031年，青湖镇实现地方财政收入1.2亿元，增长7%。青禾村完成道路硬化。"
            "青湖镇2032年将重点帮助甲家具、乙陶瓷增资扩产，推动丙基地投产。")
    assert dated(text) == {(2031, "review"), (2032, "plan")}
    named_after = ("青湖网5月28日讯 5月27日，青湖镇人民代表大会召开。\n会议听取了青湖镇政府工作报告，报告总结了"
                   "2031年该镇在民生实事等领域取得的成绩。2032年该镇将持续聚焦产业发展，推动丙基地投产。\n"
                   "大会还听取和审议了镇财政预算报告，选举副镇长两名，表彰了6名优秀代表。")
    assert dated(named_after) == {(2031, "review"), (2032, "plan")}
    done = "2031年，青湖镇实现地方财政收入1.2亿元，增长7%。青湖镇2031年将甲家具列入重点企业。"
    assert dated(done) == {(2031, "review")}  # the year reviewed itself: no turn


def test_a_review_that_turns_to_look_ahead_to_the_next_year_gets_its_plan():
    text = ("2031年，青湖镇预计完成规上工业总产值60亿元，同比增长14%，新增高新技术企业40家。"
            "展望2032年，青湖镇将聚焦新型工业化，着力打造都市制造中心，力争引进亿元项目10个。")
    assert dated(text) == {(2031, "review"), (2032, "plan")}


def test_a_line_opening_with_this_year_on_a_page_of_the_year_after_sets_out_its_plan():
    text = ("记者从青湖区人代会获悉，2031年，青湖区累计完成投资12亿元，同比增长9%，建成美丽乡村8个。"
            "青湖区获评省级卫生区，新增规上企业5家。\n"
            "今年，青湖区将持续发力，统筹推进3个特色小镇建设，打造美丽乡村示范点5个。")
    address = {"网址": "http://news.example/203202/26/1.html"}
    assert dated(text, metadata=address) == {(2031, "review"), (2032, "plan")}


def test_a_sentence_opening_with_this_year_mid_line_on_a_page_of_the_year_after_sets_out_its_plan():
    text = ("记者从青湖区人代会获悉，2031年，青湖区累计完成投资12亿元，同比增长9%，建成美丽乡村8个。"
            "青湖区获评省级卫生区，新增规上企业5家。今年，青湖区将持续发力，统筹推进3个特色小镇建设。")
    address = {"网址": "http://news.example/203202/26/1.html"}
    assert dated(text, metadata=address) == {(2031, "review"), (2032, "plan")}


def test_a_review_going_on_to_the_next_year_so_far_is_a_review_of_each_year():
    text = (f"1月5日，青湖镇召开总结会。2021年，青湖镇{REVIEW_BODY}"
            "会议指出，2022年以来，全镇上下冷静应对疫情，工业产值同比增长8%，累计完成投资3亿元，新建道路5公里。\n")
    assert dated(text) == {(2021, "review"), (2022, "review")}


def test_a_paragraph_naming_the_year_ahead_is_a_plan_when_a_later_sentence_of_it_states_the_aim():
    text = (f"2月2日，青湖镇召开经济工作会议。2022年，青湖镇{REVIEW_BODY}"
            "报告要求，2023年，是实施规划的重要一年。要继续守正创新，力争建成青湖中心幼儿园。\n"
            "镇长指出，过去的一年成绩难能可贵，各项工作都取得了成效。\n")
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_the_year_before_in_the_mouth_of_the_meeting_is_a_review_inside_a_plan():
    text = ("青湖镇召开2023年度经济工作会议\n发布时间：2023-03-08\n"
            "会议认为，2022年青湖镇全镇上下团结一心，各项工作成绩斐然，圆满完成了年度目标任务。\n"
            f"会议指出，2023年，{PLAN_BODY}")
    assert dated(text, metadata={"发布时间": "2023-03-08"}) == {(2022, "review"), (2023, "plan")}


def test_a_look_back_on_the_year_before_opens_a_review_inside_a_plan():
    text = (f"青湖区2026年重点项目集中开工。{PLAN_BODY}"
            "回望2025年，青湖区深耕实干，青湖大桥顺利建成，甲厂一期顺利投产，全年新增企业30家。\n"
            f"开局关系全局。{PLAN_BODY}")
    assert dated(text) == {(2025, "review"), (2026, "plan")}


def test_a_news_item_saying_the_report_set_out_the_year_ahead_has_that_plan_too():
    text = ("12月20日，青湖镇人民代表大会召开。报告回顾总结了2014年的工作，"
            "并对2015年的工作目标和任务进行了安排部署。"
            f"2014年，青湖镇{REVIEW_BODY}")
    assert dated(text) == {(2014, "review"), (2015, "plan")}


def test_a_news_item_saying_the_meeting_looked_back_on_the_year_before_has_that_review_too():
    text = f"青湖镇2023年工作要点\n{PLAN_BODY}会上，镇长回顾总结了2022年工作成绩。\n{PLAN_BODY}"
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_the_year_ahead_said_to_be_a_year_of_something_late_in_a_sentence_opens_its_plan_there():
    text = ("1月28日，青湖镇人民代表大会闭幕。会议回顾总结了2017年所取得的工作成效，并提出了今后的奋斗目标及主要任务，"
            "2018年是全面建成小康社会的关键一年，青湖镇将持续推进生态旅游小镇建设。\n")
    sections = [s for s in find_sections(text) if s.mode in ("review", "plan")]
    assert {(s.year, s.mode) for s in sections} == {(2017, "review"), (2018, "plan")}
    assert text[next(s.start for s in sections if s.mode == "plan"):].startswith("2018年是")


def test_a_news_item_opening_on_the_year_s_targets_then_telling_the_year_before_is_a_plan_and_a_review():
    text = ("在新的一年，青湖镇制定新目标，2023年全镇经济预期目标达到税收6.5亿元，固定资产投资10亿元。"
            "青湖镇将全力抓好项目建设，力争新增规上企业5家。\n"
            "据介绍，在过去的一年，青湖镇强化责任担当，狠抓工作落实，全镇税收实现4.81亿元，同比增长4.75%，签约项目11个。\n")
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_works_voted_for_the_year_ahead_are_its_plan_and_those_already_built_are_not():
    text = (f"3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
            "大会票决出2024年民生实事项目：\n1.青湖大桥改造项目\n2.乙路硬化工程\n")
    assert dated(text) == {(2023, "review"), (2024, "plan")}
    built = (f"3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
             "大会票决确定的2023-2024年度民生实事项目4个，目前均已完工。\n")
    assert dated(built) == {(2023, "review")}
    titled = (f"青湖镇人大票决出今年民生实事项目\n3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
              "大会票决了2024年民生实事项目。\n")
    assert dated(titled) == {(2023, "review"), (2024, "plan")}  # the title names no year, the sentence does
    scheme = (f"3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
              "代表们提出意见建议，为做好2024年民生实事票决项目提供了参考。\n")
    assert dated(scheme) == {(2023, "review")}  # 票决项目 names the scheme: no vote was held


def test_the_year_ahead_said_to_be_a_key_year_opens_a_plan_whose_aim_is_on_the_next_line():
    text = (f"1月17日，青湖县人民代表大会召开。报告指出，2024年是实施规划的关键之年，做好今年政府工作意义重大。\n"
            f"青湖县将聚焦产业转型，持续推动经济增长。\n奋进的2023年\n过去一年，青湖县{REVIEW_BODY}")
    assert dated(text) == {(2023, "review"), (2024, "plan")}
