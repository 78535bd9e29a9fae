"""Stages on small invented snippets: the guide's cue table, plans aiming at a stage, and the scope
of a cue (its own clause and predicate, not every name of the sentence)."""

from __future__ import annotations

import pytest

from kg.model import Mode
from kg.stages import stage_of, without_cues_inside


def stage(text: str, name: str, mode: str = "review") -> tuple[str | None, str | None]:
    start = text.index(name)
    return stage_of(text, start, start + len(name), mode)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("规划青湖大桥。", "planned"),
        ("青湖大桥完成立项。", "planned"),
        ("谋划青湖大桥。", "planned"),
        ("青湖大桥开展可研。", "planned"),
        ("启动青湖大桥前期工作。", "planned"),
        ("青湖大桥完成方案设计。", "planned"),
        ("青湖大桥完成专规审批。", "planned"),
        ("青湖大桥完成计划申报。", "planned"),
        ("青湖大桥完成施工图设计。", "planned"),
        ("青湖大桥现正办理相关手续。", "planned"),
        ("推动青湖商场、乙厂等地块上市。", "planned"),
        ("青湖大桥开工建设。", "started"),
        ("青湖大桥动工。", "started"),
        ("青湖大桥施工队伍进场。", "started"),
        ("启动青湖大桥建设。", "started"),
        ("投建青湖大桥。", "started"),
        ("今年新上投资2000万元的青湖商场。", "started"),
        ("青湖镇上马青湖公园。", "started"),
        ("加快推进青湖大桥建设。", "under_way"),
        ("青湖大桥加速建设。", "under_way"),
        ("青湖大桥正在施工。", "under_way"),
        ("青湖大桥完成45%。", "under_way"),
        ("青湖大桥进度过半。", "under_way"),
        ("青湖大桥完成二层主体浇筑。", "under_way"),
        ("青湖公园完成围墙工程。", "under_way"),
        ("青湖大桥主体封顶。", "under_way"),
        ("青湖大桥顺利结顶。", "under_way"),
        ("青湖大桥主体竣工。", "under_way"),  # the main structure, not the whole
        ("青湖大桥主体已完工。", "under_way"),
        ("青湖大桥还未正式动工。", "planned"),
        ("青湖大桥获批建设。", "planned"),  # approved: still to be built
        ("青湖大桥改造工程完美收官。", "completed"),
        ("青湖大桥开通首发。", "completed"),  # a step not reached: the one before it
        ("青湖大桥尚未完工。", "under_way"),
        ("青湖大桥等3个项目通过市项目预审。", "planned"),
        ("策划实施青湖大桥等重大项目。", "planned"),
        ("完成青湖大桥一期30亩组件上报。", "planned"),
        ("青湖大桥与省交通集团达成合作框架。", "planned"),
        ("青湖大桥腾出土地30亩。", "planned"),
        ("青湖商场正式营业。", "operating"),
        ("青湖公园揭牌。", "operating"),
        ("青湖商场营业综合楼加快建设。", "under_way"),  # 营业 in a name is no step
        ("青湖大桥完成实地勘测。", "planned"),  # the site surveyed, laid out, papers filed: before works
        ("青湖大桥完成放线，即将开工。", "planned"),
        ("青湖大桥预计7月申报。", "planned"),
        ("做好青湖大桥建设的准备工作。", "planned"),
        ("会议票决通过了青湖大桥、乙路改造工程等民生实事项目。", "planned"),
        ("推进青湖大桥建设。", "under_way"),
        ("建成青湖大桥。", "completed"),
        ("青湖大桥完工。", "completed"),
        ("青湖大桥竣工。", "completed"),
        ("完成青湖大桥建设。", "completed"),
        ("青湖大桥正式通车。", "completed"),
        ("青湖大桥全线贯通。", "completed"),
        ("青湖大桥通过验收。", "completed"),
        ("青湖大桥投用。", "completed"),
        ("青湖公园投运。", "completed"),  # put into operation: built, as 投用
        ("青湖公园正式启用。", "completed"),  # put into use: built
        ("青湖大桥交付使用。", "completed"),
        ("青湖商场投入运营。", "operating"),
        ("青湖商场开业。", "operating"),
        ("青湖公园开园。", "operating"),
        ("青湖商场正式运营。", "operating"),
        ("青湖商场运营。", "operating"),
        ("青湖大桥完成建设。", "completed"),
    ],
)
def test_every_cue_row_gives_its_stage(text, want):
    name = "青湖大桥" if "大桥" in text else "青湖商场" if "商场" in text else "青湖公园"
    got, cue = stage(text, name)
    assert got == want, (text, cue)
    assert cue and cue in text


def test_a_word_ending_in_a_cue_s_characters_is_no_cue():
    assert stage("青湖镇在科技创新上发力，青禾产业园亮点纷呈。", "青禾产业园") == (None, None)


def test_nothing_cues_no_stage():
    assert stage("青湖大桥位于城东，横跨青湖。", "青湖大桥") == (None, None)


def test_a_cue_is_found_whatever_the_mode():
    assert stage("青湖大桥开工建设。", "青湖大桥", "other")[0] == "started"


@pytest.mark.parametrize(
    ("text", "mode", "want"),
    [
        ("加快青湖大桥建设，力争年底前完成建设。", "plan", "completed"),
        ("加快青湖大桥建设，力争年底前完成建设。", "review", "under_way"),
        ("完善青湖大桥方案设计，力争年底开工。", "plan", "started"),
        ("确保建成青湖大桥。", "plan", "completed"),
        ("推动青湖大桥开工建设。", "plan", "started"),
        ("谋划青湖大桥。", "plan", "planned"),
        ("启动青湖大桥规划建设项目。", "plan", "started"),
    ],
)
def test_a_plan_gives_the_stage_it_aims_at(text, mode, want):
    assert stage(text, "青湖大桥", mode)[0] == want


def test_each_project_takes_the_cue_of_its_own_clause():
    text = "甲路、乙路完成90%、20%，丙厂开工建设，丁园等5个项目完成专规。"
    assert stage(text, "甲路") == ("under_way", "完成90%")
    assert stage(text, "乙路")[0] == "under_way"
    assert stage(text, "丙厂") == ("started", "开工")
    assert stage(text, "丁园") == ("planned", "专规")


def test_the_rest_of_the_sentence_helps_a_clause_without_cue():
    assert stage("以青湖片区为重点，谋划推进征迁工作。", "青湖片区")[0] == "planned"


def test_another_projects_clause_keeps_its_cue():
    assert stage("青湖片区完善配套，丙厂开工建设。", "青湖片区") == (None, None)


def test_built_after_is_not_built():
    assert stage("加快青湖公寓建设，建成后提供住房500套。", "青湖公寓")[0] == "under_way"


@pytest.mark.parametrize(
    ("text", "mode", "want"),
    [
        ("推动青湖大桥等3个拟开工项目。", "review", "planned"),
        ("青湖大桥预计明年建成。", "review", "under_way"),
        ("青湖大桥即将投入运营。", "review", "completed"),
        ("青湖大桥即将投入使用。", "review", "completed"),  # built: only the use is to come
        ("青湖大桥即将投运。", "review", "completed"),
        ("青湖大桥即将建成。", "review", "under_way"),
        ("青湖大桥计划明年建成。", "review", "planned"),
        ("青湖大桥拟于2025年建成。", "review", "planned"),
        ("青湖大桥预计明年建成。", "plan", "completed"),
        ("青湖大桥累计完成投资3亿元。", "review", "under_way"),
        ("预计完成投资5亿元（含青湖大桥）。", "review", "under_way"),
        ("洽谈青湖大桥等5个项目。", "review", "planned"),
    ],
)
def test_intended_steps_in_a_review_stand_at_the_step_before(text, mode, want):
    assert stage(text, "青湖大桥", mode)[0] == want


def test_a_completed_main_structure_is_work_under_way():
    assert stage("青湖文体中心完成主体建设。", "青湖文体中心", "review")[0] == "under_way"
    assert stage("青湖文体中心完成建设。", "青湖文体中心", "review")[0] == "completed"


def test_a_plan_aims_at_its_furthest_step():
    assert stage("青湖大桥3月开工，10月竣工。", "青湖大桥", "plan")[0] == "completed"
    assert stage("青湖大桥3月开工，10月竣工。", "青湖大桥", "review")[0] == "started"


@pytest.mark.parametrize(
    ("text", "name", "mode", "want"),
    [
        ("推动青湖食品厂年内投产。", "青湖食品厂", "plan", "completed"),  # producing: built and put to use (投用)
        ("青湖食品项目进入试生产阶段。", "青湖食品项目", "review", "completed"),
        ("青湖食品项目建成投产运营。", "青湖食品项目", "review", "operating"),  # run as a business: operation
        ("青湖食品项目厂房建设进入收尾阶段。", "青湖食品项目", "review", "under_way"),
    ],
)
def test_production_is_completion_and_running_it_operation(text, name, mode, want):
    assert stage(text, name, mode)[0] == want


def test_an_aim_for_another_project_is_not_this_ones():
    assert stage("有序推进青湖大桥建设，争取乙二期落地开工。", "青湖大桥", "plan")[0] == "under_way"


# ---------------------------------------------------------------- scope: what a cue governs


def test_a_cue_governs_its_own_list_not_a_name_in_a_clause_with_its_own_verb():
    text = "完成甲路、乙路及丙堤加固等工程建设任务，对接丁创新基地。"
    assert stage(text, "甲路") == ("completed", "完成")
    assert stage(text, "乙路")[0] == "completed"
    assert stage(text, "丁创新基地") == (None, None)


def test_a_second_predicate_governs_its_own_objects():
    text = "完成甲小区、乙小区2个小区改造并推进丙公寓、丁花园等3个小区改造。"
    assert stage(text, "甲小区")[0] == "completed"
    assert stage(text, "丙公寓") == ("under_way", "推进")
    assert stage(text, "丁花园")[0] == "under_way"


def test_a_cue_after_a_second_predicate_is_not_the_first_objects():
    text = "完成甲路改造并开工乙桥。"
    assert stage(text, "甲路") == ("completed", "完成")
    assert stage(text, "乙桥") == ("started", "开工")


def test_a_topic_clause_takes_the_next_clauses_cue():
    assert stage("围绕甲片区，启动建设三个安置点。", "甲片区")[0] == "started"


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("甲园、乙馆等项目建设顺利。", "乙馆", "under_way"),
        ("甲中心建设取得新进展。", "甲中心", "under_way"),
        ("甲路改造有序推进。", "甲路", "under_way"),
        ("同步将甲街、乙站提升改造纳入商圈提升计划。", "甲街", "planned"),
        ("开启“甲露营带”建设。", "甲露营带", "started"),
        ("甲中心、乙园基本完工。", "甲中心", "completed"),
    ],
)
def test_progress_inclusion_and_opening_words(text, name, want):
    assert stage(text, name)[0] == want


def test_coordinated_verbs_share_their_objects_and_the_more_telling_decides():
    assert stage("逐步启动、实施甲街区建设项目。", "甲街区") == ("started", "启动")
    assert stage("推进、完成甲路改造。", "甲路") == ("completed", "完成")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("甲项目已完成发改局立项。", "planned"),
        ("甲项目完成可研编制工作。", "planned"),
        ("启动甲项目前期工作。", "planned"),
        ("完成甲研究院建设。", "completed"),  # a step word inside a name is no step
        ("甲医院项目进展顺利。", "under_way"),
        ("甲项目已办理完成产权证。", "planned"),
        ("甲项目完成工程量10%。", "under_way"),
    ],
)
def test_a_step_before_construction_ending_a_short_object(text, want):
    name = "甲研究院" if "研究院" in text else "甲医院项目" if "医院" in text else "甲项目"
    assert stage(text, name)[0] == want


def test_a_plan_entry_aims_at_the_furthest_step_its_clauses_name():
    text = "（一）甲产业园项目：该项目总投资120万元，目前正在推进土地流转，预计3月开工建设，10月竣工。"
    assert stage(text, "甲产业园项目", "plan") == ("completed", "竣工")
    assert stage(text, "甲产业园项目", "review")[0] == "planned"  # land still being transferred
    other = "（一）甲产业园项目：总投资120万元，乙园项目预计3月开工。"
    assert stage(other, "甲产业园项目", "plan") == (None, None)


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("青湖农庄、松林民宿等项目建成运营。", "青湖农庄", "operating"),
        ("青湖食品项目已全面完成建设并投产运营。", "青湖食品项目", "operating"),
        ("青湖大桥建成，松林路开工。", "青湖大桥", "completed"),  # a step of another clause is not in the chain
        ("青湖大桥完工，运营单位同步确定。", "青湖大桥", "completed"),
    ],
)
def test_a_review_s_chained_steps_give_the_last_one(text, name, want):
    assert stage(text, name)[0] == want, text


def test_a_call_on_the_audience_gives_no_stage():
    text = "让我们更加紧密地团结起来，奋力建成青湖共同富裕示范区，谱写新篇章！"
    assert stage(text, "青湖共同富裕示范区") == (None, None)
    assert stage("奋力建成青湖共同富裕示范区。", "青湖共同富裕示范区")[0] == "completed"


def test_a_later_clause_s_step_shared_by_all_names_listed_before_it():
    text = "青湖路硬化4公里，白鹭路硬化2公里，青石路硬化均已完成项目设计，预计下半年实施。"
    for name in ("青湖路硬化", "白鹭路硬化"):
        assert stage(text, name, "review")[0] == "planned"
    # without 均 a later clause naming its own road keeps its step to itself
    text = "青湖路硬化4公里，青石路硬化已完成项目设计。"
    assert stage(text, "青湖路硬化", "review")[0] is None


def test_a_company_taking_a_step_as_its_subject_stands_for_its_works():
    from kg.stages import takes_step

    text = "青禾电子年内已开工，白鹭科技顺利投产，青石公司参加展会。"
    assert takes_step(text, text.index("青禾电子") + 4) and takes_step(text, text.index("白鹭科技") + 4)
    assert not takes_step(text, text.index("青石公司") + 4)
    assert takes_step("青禾电子建成。", 4)  # a step that is itself a cue is not taken for the words before it


def test_completing_only_the_main_structure_is_work_under_way():
    text = "完成青湖大桥、白鹭项目及青石5G主体部分，青木项目提前结顶。"
    assert stage(text, "青湖大桥", "review")[0] == "under_way"
    assert stage("完成青湖大桥建设。", "青湖大桥", "review")[0] == "completed"


@pytest.mark.parametrize(("text", "name"), [
    ("完成青湖地块、白石地块等3个项目土地验收入库。", "白石地块"),
    ("完成青湖商住地块做地出让。", "青湖商住地块"),
])
def test_land_made_ready_is_a_step_before_building(text, name):
    assert stage(text, name)[0] == "planned"  # not completed: the land is ready, the works are to come


def test_a_step_that_could_not_be_reached_stands_at_the_step_before():
    assert stage("青湖大桥未能如期完工。", "青湖大桥", "review")[0] == "under_way"


def test_a_plant_connected_to_the_grid_is_completed_and_each_listed_one_with_it():
    text = "青峰2万千瓦、白石20万千瓦风电成功并网，清洁能源占比提升。"
    assert stage(text, "白石20万千瓦风电") == ("completed", "并网")
    assert stage(text, "青峰2万千瓦") == ("completed", "并网")


@pytest.mark.parametrize(("text", "name", "want"), [
    ("青禾种植加工项目完成土地流转。", "青禾种植加工项目", ("planned", "流转")),
    ("滨河产业园集体用地完成统筹。", "滨河产业园", ("planned", "用地")),
    ("青石大道改造工程完成设计审查。", "青石大道改造工程", ("planned", "设计")),
    ("白鹭电子基本完成桩基工程。", "白鹭电子", ("under_way", "桩基")),
    ("青河公路拓宽工程已完成了挡墙衬砌。", "青河公路拓宽工程", ("under_way", "挡墙")),
    ("青河大桥完成建设。", "青河大桥", ("completed", "完成")),
    ("完成白鹭湾安置区征拆扫尾，推进东岭路建设。", "白鹭湾安置区", ("planned", "征拆")),
    ("确保青石公园项目净地移交。", "青石公园项目", ("planned", "净地")),
    ("完成滨河西路改造工程政策处理。", "滨河西路改造工程", ("planned", "政策处理")),
    ("青峰风电场项目已完成安装风机8台。", "青峰风电场项目", ("under_way", "完成安装风机8")),
    ("青湖广场、白石大厦等6个项目开复工。", "白石大厦", ("started", "开复工")),
    ("白石垃圾焚烧发电项目已启动运行。", "白石垃圾焚烧发电项目", ("operating", "启动运行")),
    ("持续用力抓项目，共储备青禾新能源、白石再生资源产业园等项目12个。", "白石再生资源产业园", ("planned", "储备")),
])
def test_land_made_ready_is_planned_a_part_of_the_works_under_way_and_each_step_read_by_its_cue(text, name, want):
    assert stage(text, name) == want


def test_a_later_clause_that_says_all_of_them_took_a_step_gives_it_to_every_one_listed():
    text = "青湖镇负责实施青禾商贸城、翠峰产业园、白石路改造工程3个重点项目，截至目前，全部开工，完成投资9亿元。"
    assert [stage(text, n)[0] for n in ("青禾商贸城", "翠峰产业园", "白石路改造工程")] == ["started"] * 3
    alone = "青湖镇负责实施青禾商贸城、翠峰产业园3个重点项目，截至目前，完成投资9亿元。"
    assert stage(alone, "青禾商贸城") == ("under_way", "实施")  # no word for all of them: the work goes on


def test_a_later_step_said_of_all_outranks_the_work_going_on_before_them():
    text = "全力推进青禾纤维、翠峰新材料等2个重点项目，目前2个项目都顺利达产。"
    assert [stage(text, n) for n in ("青禾纤维", "翠峰新材料")] == [("completed", "达产")] * 2
    earlier = "全力推进青禾纤维、翠峰新材料等2个重点项目，目前2个项目均已开工。"
    assert stage(earlier, "青禾纤维") == ("under_way", "全力推进")  # a step behind the work going on: no news


def test_a_part_of_the_structure_inside_another_name_is_no_cue():
    text = "截至目前，青禾建材生产线、长龙钢结构金属加工生产线2个项目已开工。"
    assert stage(text, "青禾建材生产线") == ("started", "开工")
    assert stage("青禾大桥钢结构已完成吊装。", "青禾大桥")[0] == "under_way"


def test_a_list_introduced_by_what_it_counts_takes_the_step_said_before_it():
    text = "全年集中开工项目12个，总投资30亿元，主要包括青湖大桥、乙路改造工程等。"
    assert stage(text, "青湖大桥")[0] == "started"
    text = "谋划项目34个，总投资440亿元。包括青湖大桥、乙路改造工程等4个总投资20亿元以上项目。"
    assert stage(text, "青湖大桥")[0] == "planned"  # the sentence before, when the list opens its own
    assert stage("主要包括青湖大桥、乙路改造工程等。", "青湖大桥") == (None, None)  # nothing said before


def test_every_item_of_a_list_of_clauses_takes_the_step_told_a_sentence_or_two_before():
    text = ("这次集中开工的项目包含产业类、基础设施类。其中，产业类3项，总投资8亿元。 分别是总投资5亿元的青木湾"
            "养殖项目，总投资1亿元的青禾配件生产线项目，总投资2亿元的青湖葡萄基地项目。")
    assert [stage(text, n)[0] for n in ("青木湾养殖项目", "青禾配件生产线项目", "青湖葡萄基地项目")] == ["started"] * 3
    far = "这次集中开工的项目包含产业类。甲。乙。丙。分别是总投资5亿元的青木湾养殖项目，总投资1亿元的青禾配件项目。"
    assert stage(far, "青禾配件项目") == (None, None)  # three sentences back: too far to say
    own = text.replace("总投资1亿元的青禾", "对接青禾")  # a clause with its own verb is no item of the list
    assert stage(own, "青禾配件生产线项目") == (None, None)
    colon = "今天集中开工项目22个，总投资120亿元。其中：产业类12个，具体为：青木湾产业园、青禾设备改造等。"
    assert stage(colon, "青禾设备改造")[0] == "started"  # right after 具体为：, an item though a verb is in it


def test_items_listed_one_to_a_line_take_the_step_told_before_the_list_opens():
    text = ("12月15日，青湖市举行招商项目集中开工仪式。\n市委书记宣布项目开工。\n这些项目分别是：\n"
            "由甲公司投资的青木湾搬迁项目、\n由乙公司投资的青禾深加工项目、\n由丙公司投资的青湖光伏项目。\n")
    assert [stage(text, n)[0] for n in ("青木湾搬迁项目", "青禾深加工项目", "青湖光伏项目")] == ["started"] * 3
    unlisted = text.replace("这些项目分别是：", "这些项目投资规模大。")  # no list opens: each line says nothing
    assert stage(unlisted, "青禾深加工项目") == (None, None)


def test_a_list_opened_inside_its_sentence_takes_the_step_said_with_its_opening():
    subject = "本批集中开工项目共6个。产业类项目分别是青木湾养殖项目、青禾配件项目。"  # a subject, then the list
    assert stage(subject, "青禾配件项目")[0] == "started"
    assert stage(subject.replace("分别是", "已对接"), "青禾配件项目") == (None, None)  # its own verb, no list
    colon = "据悉，本次集中开工的3个项目分别是：青木湾养殖项目、青禾配件项目。"  # the opening ends the clause before
    assert stage(colon, "青禾配件项目")[0] == "started"
    semicolons = "集中开工的3个项目分别为：青木湾养殖项目；青禾配件项目；青湖光伏项目。"  # items end with ；
    assert [stage(semicolons, n)[0] for n in ("青禾配件项目", "青湖光伏项目")] == ["started"] * 2
    told = "项目包括：甲等2个新开工项目；青禾配件项目、青湖光伏项目等2个竣工项目。"  # a second group says its own
    assert stage(told, "青禾配件项目")[0] != "started"


def test_works_a_review_says_were_built_in_the_past_tense_are_completed():
    assert stage("新建了青禾泵站，疏浚河道3公里。", "青禾泵站") == ("completed", "新建了")
    assert stage("镇里建设了青禾村史馆。", "青禾村史馆")[0] == "completed"
    assert stage("开工建设了青禾航道疏浚项目。", "青禾航道疏浚项目")[0] == "started"  # begun, not built
    assert stage("新建青禾泵站。", "青禾泵站") == (None, None)  # new works, not said to be done
    assert stage("对青禾大堰饮水工程进行了巩固提升改造。", "青禾大堰饮水工程")[0] == "completed"
    assert stage("青禾学校改扩建工程确保下半年投入利用。", "青禾学校改扩建工程", "plan")[0] == "completed"
    assert stage("青禾纤维项目顺利达产。", "青禾纤维项目")[0] == "completed"


def test_works_open_to_their_users_are_operating():
    assert stage("青禾医院正式开诊。", "青禾医院")[0] == "operating"
    assert stage("青禾中学开学招生。", "青禾中学")[0] == "operating"
    assert stage("青禾会客馆实现对外开放。", "青禾会客馆")[0] == "operating"
    assert stage("青禾核电1号机组投入商业运行。", "青禾核电1号机组")[0] == "operating"
    assert stage("青禾实训基地开班运行。", "青禾实训基地")[0] == "operating"
    assert stage("青禾养殖场营运有序进行。", "青禾养殖场")[0] == "operating"
    assert stage("青禾产业园入驻7家企业。", "青禾产业园")[0] == "operating"  # a park its firms moved into
    assert stage("青禾公司入驻我镇并顺利竣工投产。", "青禾公司")[0] == "completed"  # a firm that moved in
    assert stage("青禾公馆稳步推进开放准备工作。", "青禾公馆")[0] == "under_way"
    assert stage("青禾口岸打造内陆开放高地。", "青禾口岸") == (None, None)  # opening up, a policy's word
    assert stage("青禾口岸推进改革开放。", "青禾口岸")[0] == "under_way"


def test_a_budget_s_revenue_is_no_step_before_construction():
    assert stage("青禾园区实现一般公共预算收入2亿元。", "青禾园区") == (None, None)
    assert stage("青禾园区完成预算编制。", "青禾园区")[0] == "planned"


def test_a_part_of_the_works_done_is_work_under_way():
    assert stage("青禾绕城路路基基本完成。", "青禾绕城路")[0] == "under_way"
    assert stage("青禾门业扩建主体框架已建成。", "青禾门业扩建")[0] == "under_way"
    assert stage("完成青禾绕城路路面工程。", "青禾绕城路")[0] == "under_way"
    assert stage("青禾综合体与农科院达成合作框架。", "青禾综合体")[0] != "under_way"  # an agreement, no part


def test_a_plan_to_carry_out_works_aims_at_starting_them():
    assert stage("明年实施青禾冷链物流项目。", "青禾冷链物流项目", "plan") == ("started", "实施")
    assert stage("今年实施青禾冷链物流项目。", "青禾冷链物流项目")[0] == "under_way"  # a review: work going on


def test_a_plan_that_speeds_up_works_already_carried_out_keeps_them_under_way():
    text = "明年加快实施青禾城际铁路和白鹭港扩建两项工程。"
    assert stage(text, "青禾城际铁路", "plan") == ("under_way", "实施")
    assert stage("继续实施白鹭港扩建工程。", "白鹭港扩建工程", "plan")[0] == "under_way"
    assert stage("年内实施白鹭港扩建工程。", "白鹭港扩建工程", "plan")[0] == "started"


def test_works_on_schedule_are_under_way():
    assert stage("青禾堤坝修复工程、青湖景区道路等6个项目均按序时进度完成。", "青禾堤坝修复工程")[0] == "under_way"
    assert stage("青禾堤坝修复工程按计划进度推进。", "青禾堤坝修复工程")[0] == "under_way"


def test_a_facility_s_works_are_no_construction_under_way():
    text = "当天集中开工的青禾育肥场项目，东湖、北湖3个湖体及海绵设施工程，青湖雨水排放工程等5个项目。"
    assert stage(text, "青湖雨水排放工程")[0] == "started"  # 设施|工程 holds no 施工
    assert stage("青湖雨水排放工程正在施工。", "青湖雨水排放工程")[0] == "under_way"


def test_money_spent_after_a_step_does_not_outweigh_it():
    text = "青木湾养殖项目、青禾配件项目2个项目已开工建设完成投资4亿元。"
    assert stage(text, "青禾配件项目") == ("started", "开工")
    assert stage(text, "青禾配件项目", "plan") == ("started", "开工")


def test_money_spent_does_not_outweigh_the_step_a_list_was_counted_by():
    text = "本次集中开工项目14个，年度计划完成投资13亿元，其中：工业项目2个，分别是青木湾养殖项目、青禾配件项目。"
    assert stage(text, "青禾配件项目")[0] == "started"
    spent = "推进年度重点项目41个，完成年度投资35亿元，其中包括青木湾养殖项目、青禾配件项目。"
    assert stage(spent, "青禾配件项目")[0] == "under_way"  # nothing else told: money spent is work going on


def test_an_item_whose_name_holds_a_verb_is_still_an_item_of_the_list():
    text = "计划竣工项目3个。\n包括青木湾防涝工程，青禾污水厂改造工程，青湖水厂等。"
    assert stage(text, "青禾污水厂改造工程")[0] == "completed"  # 改造 is the name's, not the clause's
    assert stage(text.replace("，青禾", "，对接青禾"), "青禾污水厂改造工程") == (None, None)


def test_works_completed_at_a_stated_cost_are_completed_not_money_spent():
    assert stage("完成投资505万元的青禾饮水工程。", "青禾饮水工程") == ("completed", "完成")
    assert stage("青禾饮水工程完成投资505万元。", "青禾饮水工程")[0] == "under_way"


def test_pushing_on_with_a_step_before_construction_is_that_step():
    assert stage("青禾储能产业园等8个项目正在有序推进前期工作。", "青禾储能产业园")[0] == "planned"
    assert stage("加快推进青禾储能产业园项目前期工作。", "青禾储能产业园")[0] == "planned"
    assert stage("青禾储能产业园正在有序推进。", "青禾储能产业园")[0] == "under_way"
    assert stage("青禾公馆项目稳步推进开放准备工作。", "青禾公馆项目")[0] == "under_way"  # readied to open: built


def test_a_list_of_works_that_did_not_start_as_planned_is_still_planned():
    text = "未按计划开工项目2项，欠进度1亿元。主要有：青木湾养殖项目、青禾配件项目。"
    assert stage(text, "青禾配件项目") == ("planned", "开工")
    assert stage(text.replace("未按计划开工", "按计划开工"), "青禾配件项目")[0] == "started"
    assert stage("青禾配件项目未按计划开工。", "青禾配件项目")[0] == "planned"


def test_numbered_items_under_a_list_s_opening_take_its_step():
    text = "会议票决产生2031年度民生实事项目，结果为：\n1.青禾路安全提升项目\n2.青湖体育公园改造项目\n"
    assert stage(text, "青湖体育公园改造项目")[0] == "planned"
    told = text.replace("1.青禾路安全提升项目", "1.青禾路安全提升项目已竣工")  # an item telling its own step
    assert stage(told, "青湖体育公园改造项目") == (None, None)


def test_works_finished_in_part_while_another_part_is_still_being_built_are_under_way():
    text = "青禾戏台工程：甲村、乙村已完工，丙村正在进行内墙抹灰。"
    assert stage(text, "青禾戏台工程") == ("under_way", "正在进行内墙抹灰")
    assert stage("青禾避风港已完成基础设施建设，进入收尾阶段。", "青禾避风港") == ("under_way", "进入收尾")
    assert stage("青禾驿站主体建筑已完成，室外环境正在提升。", "青禾驿站")[0] == "under_way"
    assert stage("青禾水厂已完成坝体清淤，正进行絮凝池改造。", "青禾水厂")[0] == "under_way"
    assert stage("青禾超市已投入使用，乙村正在安装暖气和门。", "青禾超市")[0] == "under_way"
    assert stage("青禾戏台工程已完工，正在进行验收。", "青禾戏台工程")[0] == "completed"  # no building goes on
    others = "青禾物流、青木回收等7个项目已建成投产，丙等3个项目正在建设。"
    assert stage(others, "青禾物流")[0] == "completed"  # the later clause tells of other works


def test_a_cue_word_inside_another_name_is_no_step_of_the_names_around_it():
    text = "2031年，引进青禾产业园、甲电子加速器项目、乙大桥竣工纪念馆。"
    names = [(text.index(n), text.index(n) + len(n)) for n in ("青禾产业园", "甲电子加速器项目", "乙大桥竣工纪念馆")]
    blanked = without_cues_inside(text, names)
    assert len(blanked) == len(text) and "加速" not in blanked and "竣工" not in blanked
    start, end = names[0]
    assert stage_of(text, start, end, Mode.REVIEW)[1] in ("加速", "竣工")  # in the raw text, a name's word is a cue
    assert stage_of(blanked, start, end, Mode.REVIEW) == (None, None)
    staged = "2031年，甲电子加速器项目开工。"
    assert without_cues_inside(staged, [(5, 13)]).endswith("项目开工。")  # the step after the name stays
