"""Quantities on invented snippets: units, bounds, kinds, Chinese numerals, targets and results,
and the numbers that are not quantities."""

from __future__ import annotations

import pytest

from kg.extract.quantities import find_quantities
from kg.model import Section


def found(text: str, mode: str = "review", year: int = 2023) -> list[tuple]:
    sections = [Section("", 0, len(text), year, mode)]  # type: ignore[arg-type]
    return [(q.indicator, q.value, q.unit, q.kind, q.bound, q.mode) for q in find_quantities(text, sections)]


def test_a_result_with_its_growth_rate_gives_two_quantities_of_one_indicator():
    got = found("全年实现青河区工业总产值128.5亿元，同比增长6.2%。")
    assert got == [("青河区工业总产值", 128.5, "亿元", "level", "=", "result"),
                   ("青河区工业总产值", 6.2, "%", "change", "=", "result")]


@pytest.mark.parametrize(("text", "bound"), [
    ("新增就业岗位1200个以上。", "≥"), ("新增就业岗位约1200个。", "≈"), ("新增就业岗位1200个左右。", "≈"),
    ("失业率控制在3.5%以内。", "≤"), ("新增就业岗位超1200个。", "≥"), ("新增就业岗位1200余个。", "≥"),
    ("新增就业岗位1200个。", "="),
])
def test_bounds_are_read_from_the_words_around_the_number(text, bound):
    assert found(text)[0][4] == bound


def test_chinese_numerals_and_magnitudes_are_parsed():
    assert found("举办文化惠民演出三十场。")[0][1:3] == (30.0, "场")
    assert found("接待游客1.2万人次。")[0][1:3] == (1.2, "万人次")
    assert found("全省生产总值达到2.1万亿元。")[0][1:3] == (2.1, "万亿元")
    assert found("镇域面积5平方公里，人口4.1万，下辖8个社区。")[1][:4] == ("人口", 4.1, "万", "level")  # as written
    assert found("开办农业知识培训班19期。")[0][1:3] == (19.0, "期")  # sessions (a works' 一期 is its phase)


def test_a_range_keeps_both_ends():
    q = find_quantities("培育骨干企业3-5家。", [Section("", 0, 12, 2023, "plan")])[0]
    assert (q.value, q.high, q.unit, q.mode) == (3.0, 5.0, "家", "target")


def test_a_plan_s_numbers_and_aimed_ones_are_targets_a_review_s_are_results():
    assert found("改造背街小巷5条。", mode="plan")[0][-1] == "target"
    assert found("力争改造背街小巷5条。", mode="other")[0][-1] == "target"
    assert found("改造背街小巷5条。", mode="review")[0][-1] == "result"
    # 力争, 确保, 力求 aim at a figure even inside a review (the guide); 争取 there is what was obtained
    assert found("全年GDP增长6%，确保新增就业岗位263个。", mode="review")[-1][-1] == "target"
    assert found("全年GDP增长6%，力争引进项目8个。", mode="review")[0][-1] == "result"
    assert found("全年GDP增长6%，力争引进项目8个。", mode="review")[-1][-1] == "target"
    assert found("全年争取上级资金2亿元。", mode="review")[0][-1] == "result"
    assert found("全年GDP增长6%，计划实施重点项目23个。", mode="review")[-1][-1] == "target"  # 计划 and its act
    assert found("计划生育率达97.2%。", mode="review")[0][-1] == "result"  # a name
    assert found("“青苗计划”累计资助学生300名。", mode="other")[0][-1] == "result"  # a name, not an aim


def test_the_verb_before_an_indicator_is_not_part_of_it():
    assert found("引进高层次人才15名。")[0][0] == "高层次人才"
    assert found("城镇调查失业率平均为5.1%。")[0][0] == "城镇调查失业率"


def test_adverbs_and_actions_opening_an_indicator_are_dropped_unless_only_a_class_is_left():
    assert found("依法选举产生人民调解员27名，及时解决群众诉求587宗。") == [
        ("人民调解员", 27.0, "名", "count", "=", "result"), ("群众诉求", 587.0, "宗", "count", "=", "result")]
    assert found("走访企业790家次。")[0][:3] == ("走访企业", 790.0, "家次")
    # two actions joined (新建和改造) open it as one does; a name that opens with 和 keeps it
    assert [q[:2] for q in found("新建和改造乡村公路86公里，建设及改造排水管网12公里，新增和美乡村9个。")] == [
        ("乡村公路", 86.0), ("排水管网", 12.0), ("和美乡村", 9.0)]


def test_how_many_there_are_is_a_level_how_many_were_done_a_count():
    got = [(q[0], q[1], q[3]) for q in found("下辖8个社区，常住人口约5万人，现有规上企业21家。今年新增规上企业4家，"
                                            "规上企业增至25家，走访企业60家，高新企业达12家。")]
    assert got == [("社区", 8.0, "level"), ("常住人口", 5.0, "level"), ("规上企业", 21.0, "level"),
                   ("规上企业", 4.0, "count"), ("规上企业", 25.0, "level"), ("走访企业", 60.0, "count"),
                   ("高新企业", 12.0, "level")]


def test_a_count_before_its_noun_counts_the_noun():
    assert found("统筹推进两个青河未来社区建设。", mode="plan")[0][:3] == ("青河未来社区", 2.0, "个")
    # an area or a length after the action that made it measures the noun that follows
    assert found("新建10公里非机动车道，清理3个闲置园区。") == [
        ("非机动车道", 10.0, "公里", "level", "=", "result"), ("闲置园区", 3.0, "个", "count", "=", "result")]


def test_who_did_it_is_not_part_of_the_indicator_and_a_change_follows_its_count():
    assert found("全年累计组织理论学习43次，青年宣讲队走进村居开展专题宣讲15场。") == [
        ("理论学习", 43.0, "次", "count", "=", "result"), ("专题宣讲", 15.0, "场", "count", "=", "result")]
    assert found("接报涉诈警情3418宗同比下降3.8%。") == [
        ("接报涉诈警情", 3418.0, "宗", "count", "=", "result"),
        ("接报涉诈警情", 3.8, "%", "change", "=", "result")]


def test_respectively_gives_each_number_to_the_item_in_its_place():
    assert found("城镇、农村居民人均可支配收入分别增长4.5%、6.5%，新建学校3所。") == [
        ("城镇居民人均可支配收入", 4.5, "%", "change", "=", "result"),
        ("农村居民人均可支配收入", 6.5, "%", "change", "=", "result"),
        ("新建学校", 3.0, "所", "count", "=", "result")]
    assert [q[0] for q in found("其中一、二、三产业增加值分别增长4%、7%、5%。")] == [
        "一产业增加值", "二产业增加值", "三产业增加值"]
    assert [q[0] for q in found("工业、制造业投资分别增长14.5%和35.1%。")] == ["工业投资", "制造业投资"]


def test_a_word_that_opens_like_an_action_stays_whole():
    assert [q[0] for q in found("辖区面积14.5平方公里，其中建成区面积7.5平方公里。")][1] == "建成区面积"


def test_rates_per_day_and_concentrations_are_units():
    assert found("处理能力达200吨/日，PM2.5年均浓度21.8微克/立方米。") == [
        ("处理能力", 200.0, "吨/日", "level", "=", "result"),
        ("PM2.5年均浓度", 21.8, "微克/立方米", "level", "=", "result")]


@pytest.mark.parametrize("text", [
    "2023年3月15日召开大会。", "地铁12号线二期开通。", "打造“13+2”产业集群。", "第3个试点落地。",
    "一是抓好项目建设。", "联系电话12345。", "引进一批优质项目。", "实现核查人员24小时内清零。",
    "服务甲电缆、六一节能、乙轨道等企业。", "青河宾馆一期已经开业迎客。", "完成青河小区一、二期建设项目。",
    "三次产业比例为5∶40∶55。",
])
def test_dates_names_codes_and_list_markers_are_not_quantities(text):
    # the same sentence's real quantity is still found: only the number that is none is left out
    assert found(text + "新建学校3所。") == [("新建学校", 3.0, "所", "count", "=", "result")]


def test_a_figure_of_several_years_says_so_in_its_period():
    sections = [Section("", 0, 60, 2025, "review")]
    text = "这五年，青河省城镇新增就业累计120万人。\n全年城镇新增就业25万人，人均收入年均增长6%。"
    got = {(q.value, q.period) for q in find_quantities(text, sections)}
    assert (120.0, "这五年") in got and (25.0, None) in got and (6.0, "年均") in got


def test_a_change_from_a_base_years_before_is_of_several_years_and_a_plan_s_look_back_is_a_result():
    text = ("全县生产总值达到420亿元，比2020年增长38%，财政收入比上年增长6%，农民收入比2024年增长5%。\n"
            "2020年与2015年相比，粮食产量增长12%。今年生产总值增长6%左右。")
    sections = [Section("", 0, 52, 2025, "review"), Section("", 52, len(text), 2026, "plan")]  # type: ignore[arg-type]
    got = {(q.indicator, q.value): (q.year, q.mode, q.period) for q in find_quantities(text, sections)}
    assert got[("生产总值", 38.0)] == (2025, "result", "比2020年")  # five years' growth, not the year's
    assert got[("财政收入", 6.0)] == (2025, "result", None) and got[("农民收入", 5.0)] == (2025, "result", None)
    assert got[("粮食产量", 12.0)] == (2020, "result", "与2015年相比")  # a plan looking back: that year, done
    assert got[("生产总值", 6.0)] == (2026, "target", None)


def test_a_percentage_written_out_or_with_a_full_width_point_is_read():
    got = found("全区生产总值提高百分之七点九，菜价涨幅控制在百分之四以内，财政收入增长8．5％，"
                "茶叶产量要在2030年基数上提高百分之三点六。", mode="plan")
    assert [(q[0], q[1], q[2], q[4]) for q in got] == [
        ("生产总值", 7.9, "%", "="), ("菜价涨幅", 4.0, "%", "≤"), ("财政收入", 8.5, "%", "="),
        ("茶叶产量", 3.6, "%", "=")]  # a decimal in words is one number; the base and the modal are no name


def test_the_words_that_make_a_figure_an_aim_and_who_set_it_are_no_part_of_its_indicator():
    got = found("省委确定今年菜籽增收预期目标为6%左右，茶叶增速的调控目标定为7%，努力把菜价涨幅控制在3%以内，"
                "全县商品零售额今年将达到9亿元。", mode="plan")
    assert [q[0] for q in got] == ["菜籽增收", "茶叶增速", "菜价涨幅", "商品零售额"]
    got = found("园区投用后年产值可达12亿元，茶叶产量要增长3%，办理排水许可86件。", mode="plan")
    assert [q[0] for q in got] == ["园区投用后年产值", "茶叶产量", "排水许可"]  # 许可 is a word


def test_a_review_of_two_years_gives_each_clause_its_year_and_a_topic_before_a_colon_names_the_figures():
    text = "在茶叶总产值方面：2028年比2027年提高百分之七点六，2029年又比2028年提高百分之五点二。"
    sections = [Section("", 0, len(text), 2029, "review")]  # type: ignore[arg-type]
    got = [(q.indicator, q.value, q.year) for q in find_quantities(text, sections)]
    assert got == [("茶叶总产值", 7.6, 2028), ("茶叶总产值", 5.2, 2029)]


def test_a_plan_s_figure_measured_from_its_own_year_is_the_year_after_s():
    text = "茶叶总产值比2030年预计增长5.5%，比2029年增长9%。"
    sections = [Section("", 0, len(text), 2030, "plan")]  # type: ignore[arg-type]
    assert [(q.value, q.year) for q in find_quantities(text, sections)] == [(5.5, 2031), (9.0, 2030)]


def test_a_sentence_opening_on_one_year_dates_the_figures_after_it_in_its_paragraph():
    text = ("二、今后的工作\n今后五年，全县茶叶产量年均增长6%。\n"
            "要使全县经济的发展速度比过去五年高一点。2031年的计划，要求茶叶产量增长4%。在收入分配上，菜籽收入增长5%，养蜂收入增长3%。")
    sections = [Section("", 0, len(text), 2031, "plan")]  # type: ignore[arg-type]
    got = [(q.value, q.period) for q in find_quantities(text, sections)]
    assert got == [(6.0, "五年"), (4.0, None), (5.0, None), (3.0, None)]  # not the five years of the paragraph before


def test_the_jobs_added_keep_the_word_that_says_so():
    got = found("今年新增城镇就业7万人，新增就业8500人。", mode="plan")
    assert [q[0] for q in got] == ["新增城镇就业", "新增就业"]


def test_a_raised_level_is_one_quantity_of_the_indicator_before_from():
    got = found("城乡低保最低标准从每人每月800元提高到850元。", mode="plan")
    assert got == [("城乡低保最低标准", 850.0, "元", "level", "=", "target")]
    got = found("全县财政收入由12亿元增加到15亿元，报销比例由去年的45%上升到62%。")  # 由 says from as 从 does
    assert got == [("财政收入", 15.0, "亿元", "level", "=", "result"), ("报销比例", 62.0, "%", "level", "=", "result")]


def test_a_generic_word_or_a_closed_bracket_is_no_indicator():
    assert found("其中15个。") == []
    assert found("（含外资）利用资金3亿元。")[0][0] == "利用资金"


def test_a_number_inside_a_name_counts_nothing_and_an_action_is_no_indicator():
    assert found("严格落实中央八项规定精神。") == []
    assert found("全年坚决完成拆除违法建筑7.4万平方米。")[0][0] == "拆除违法建筑"
    assert found("坚决完成7.4万平方米。") == []


def test_unit_symbols_are_written_as_the_guide_writes_units():
    assert found("拆除违章搭建5444㎡。") == [("拆除违章搭建", 5444.0, "平方米", "level", "=", "result")]
    assert found("派出医疗队8批次。")[0][1:3] == (8.0, "批次")


def test_a_bounded_count_before_its_noun_counts_the_noun():
    assert found("开展4场以上就业招聘会。", "plan") == [("就业招聘会", 4.0, "场", "count", "≥", "target")]


def test_a_count_closing_a_list_counts_the_class_noun_after_it():
    assert found("建成青溪小学、石岭小学等3所改扩建学校。") == [("改扩建学校", 3.0, "所", "count", "=", "result")]
    assert found("全面落实中央八项规定。") == []  # a count inside a name: no list, no action before it


def test_a_count_in_figures_before_its_noun_counts_the_noun_whatever_stands_before_it():
    assert found("青河镇12家物流企业入驻园区。")[0][:3] == ("物流企业入驻园区", 12.0, "家")
    assert found("新增6家省级5G工厂。")[0][0] == "省级5G工厂"
    assert found("中央八项规定精神。") == []  # in words, with no action before it: a name


def test_a_counted_noun_runs_over_and_until_the_next_count_or_the_predicate():
    assert found("推动30家小作坊和加工企业接入监测平台。")[0][0] == "小作坊和加工企业接入监测平台"
    assert [q[:2] for q in found("新建5座驿站和8座公厕。")] == [("驿站", 5.0), ("公厕", 8.0)]
    assert found("青河片区16个安置项目已全部交付。")[0][0] == "安置项目"


def test_a_counted_noun_of_one_word_takes_the_words_that_qualify_it():
    assert found("出台支持青河数字产业发展10条措施。")[0][:3] == ("支持青河数字产业发展措施", 10.0, "条")
    assert found("协调解决8家企业。")[0][0] == "解决企业"  # the action says which count a class is


def test_respectively_reaches_numbers_joined_by_and_and_items_parallel_to_the_last_one():
    assert [q[:2] for q in found("城镇居民、农村居民人均收入分别增长4%和6%。")] == [
        ("城镇居民人均收入", 4.0), ("农村居民人均收入", 6.0)]


def test_a_bare_measure_measures_what_the_sentence_just_named():
    assert found("办理青河许可200家，完成率98%。")[1][:3] == ("青河许可完成率", 98.0, "%")
    assert found("新增规上企业30家，总量突破500家。")[1][:2] == ("规上企业总量", 500.0)
    assert found("开展青河读书节，服务人次达5000人次。")[0][:2] == ("青河读书节服务人次", 5000.0)
    assert found("完成率98%。") == []  # nothing named before it


def test_a_measure_that_names_its_own_thing_after_another_measure_is_a_statistic_of_its_own():
    got = [q[:2] for q in found("全乡工业总产值8.3亿元、出口总额完成0.6亿元，粮食产量10万吨、播种面积5万亩。")]
    assert got == [("工业总产值", 8.3), ("出口总额", 0.6), ("粮食产量", 10.0), ("播种面积", 5.0)]
    assert found("全乡工业投资3亿元、执行率95%。")[1][0] == "工业投资执行率"  # how far the one before got


def test_an_age_a_duration_or_a_rating_right_before_a_noun_is_no_quantity():
    assert found("为60岁老人提供24小时值守，投运2兆瓦时储能电站，新建学校3所。") == [
        ("新建学校", 3.0, "所", "count", "=", "result")]
    assert found("人均预期寿命达到80岁。")[0][1:3] == (80.0, "岁")


def test_who_did_it_ends_at_a_total_s_adverb_or_at_done_and_a_time_limit_opens_no_indicator():
    assert found("青河镇两级网格员累计上报隐患线索840条。")[0][0] == "上报隐患线索"
    assert found("开放首日共完成青少年体检1500人。")[0][0] == "青少年体检"
    assert found("截至10月底实施雨污分流工程3200户。")[0][0] == "雨污分流工程"
    assert found("本年度完成植树造林900亩。")[0][0] == "植树造林"
    assert found("到年底建成充电桩40个。")[0][0] == "充电桩"
    assert [q[0] for q in found("力争明年新增规上企业3家。")] == ["规上企业"]
    assert found("光伏电站建成投运，并网装机容量达50兆瓦。")[0][0] == "并网装机容量"  # 并网 is a word, no "and"
    assert found("工业投资完成率98%。")[0][0] == "工业投资完成率"  # 完成率 is a measure, not done


def test_a_count_of_only_an_action_counts_some_of_the_things_just_counted():
    got = found("全年共受理民生事项2286件，办结2161件。介入调处邻里纠纷61宗，成功化解57宗。"
                "清运垃圾1764吨，拆违410处。")
    assert [q[0] for q in got] == ["民生事项", "办结民生事项", "介入调处邻里纠纷", "成功化解邻里纠纷",
                                   "清运垃圾", "拆违"]  # 拆违: another unit, a count of its own
    # a word more of the thing just counted goes on from it; a step the class takes is a count of its own
    got = found("组织党小组学习43次，学习主题50项。全年开工项目20个，项目竣工8个。")
    assert [q[0] for q in got] == ["党小组学习", "党小组学习主题", "开工项目", "项目竣工"]


def test_respective_changes_in_the_next_clause_belong_to_the_amounts_before_it():
    got = found("接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39%。")
    assert [(q[0], q[1], q[3]) for q in got[2:]] == [("接待国内游客", 6.7, "change"), ("入境游客", 39.0, "change")]


def test_a_unit_written_once_for_two_figures_and_shares_in_tenths_written_in_digits():
    got = found("甲市、乙市地铁客运量分别达1409万、1305万人次。无人机产量增长39%、占全国9成。")
    assert [q[:3] for q in got] == [("甲市地铁客运量", 1409.0, "万人次"), ("乙市地铁客运量", 1305.0, "万人次"),
                                    ("无人机产量", 39.0, "%"), ("无人机产量占全国比重", 90.0, "%")]


def test_a_measure_of_the_firms_just_counted_and_an_average_level():
    got = found("规模以上工业企业达7.6万家、增加值增长3%。高新技术企业达800家，营业收入增长10%。"
                "城镇调查失业率平均值为5.0%。")
    assert [q[0] for q in got] == ["规模以上工业企业", "规模以上工业增加值", "高新技术企业", "高新技术企业营业收入",
                                   "城镇调查失业率"]


def test_respective_shares_levels_reached_lists_opened_by_an_action_and_units_written_once():
    assert found("分别增长5%、6%，编制甲项目、乙项目清单。") == []  # 分别 opens the text: no clause before it
    got = found("工业产值120亿元、服务业营收80亿元，分别占全市30%、20%。")
    assert [q[0] for q in got] == ["工业产值", "服务业营收", "工业产值占全市比重", "服务业营收占全市比重"]
    assert found("城镇调查失业率下降为4.5%。")[0][3] == "level"  # the level reached, not a change
    assert found("防止万一起火，解决二十一起纠纷。") == [("纠纷", 21.0, "起", "count", "=", "result")]
    assert found("巩固脱贫成果、开展乙活动、丙课程不少于15场。")[0][0] == "乙活动、丙课程"
    assert [q[:2] for q in found("甲项目占地100亩总投资5亿元。新建道路全长3.5公里双向四车道。")] == [
        ("甲项目占地", 100.0), ("总投资", 5.0), ("道路全长", 3.5)]
    assert [q[2] for q in found("甲、乙、丙客运量分别达1409万、1305万、1200万人次。")] == ["万人次"] * 3


def test_respective_amounts_after_a_list_in_the_clause_before_name_its_items():
    got = found("编制甲项目、乙项目清单，分别计划投资7.9亿元、6.2亿元。", mode="plan")
    assert [q[:3] for q in got] == [("甲项目计划投资", 7.9, "亿元"), ("乙项目计划投资", 6.2, "亿元")]


def test_a_bare_growth_rate_is_the_change_of_the_amount_just_given():
    got = found("实现外贸进出口额突破1550亿元，绝对增速10%以上。", mode="plan")
    assert [(q[0], q[1], q[3]) for q in got] == [("外贸进出口额", 1550.0, "level"), ("外贸进出口额", 10.0, "change")]
    assert found("社会消费品零售总额增幅为5%。")[0][:4] == ("社会消费品零售总额", 5.0, "%", "change")


def test_a_list_s_examples_before_deng_are_not_the_indicator():
    assert found("发放甲镇、乙镇等各类助学金120万元。")[0][:2] == ("助学金", 120.0)
    assert found("举办甲、乙、高等院校宣讲会8场。")[0][0] == "甲、乙、高等院校宣讲会"  # 高等 is no 等: one list


def test_counts_in_a_run_share_the_noun_after_the_last_one():
    assert [q[:3] for q in found("梳理3类、12项、40条责任清单。")] == [
        ("责任清单", 3.0, "类"), ("责任清单", 12.0, "项"), ("责任清单", 40.0, "条")]


def test_an_amount_right_after_a_count_s_noun_is_the_amount_of_what_was_counted():
    assert found("帮助9家企业申领补贴1.2亿元。")[1][:3] == ("企业申领补贴", 1.2, "亿元")
    assert found("盘活8家企业，6万平方米闲置厂房。")[1][:2] == ("闲置厂房", 6.0)  # an area opening its clause


def test_what_a_review_says_is_still_to_come_is_a_target_and_a_plenary_s_ordinal_no_quantity():
    assert found("青河学校扩建年底竣工，将新增学位900个。")[0][-1] == "target"
    assert found("贯彻省委十二届五次、六次全会精神，新建学校3所。") == [("新建学校", 3.0, "所", "count", "=", "result")]


def test_a_number_in_an_undated_part_takes_the_year_its_text_last_named():
    text = "2024年是攻坚之年。主要预期目标是：全县粮食产量增长3%左右。"
    q = find_quantities(text, [Section("", 0, len(text), None, "other")])[0]  # type: ignore[arg-type]
    assert (q.indicator, q.year, q.mode) == ("粮食产量", 2024, "target")


def test_a_measure_named_by_a_word_or_two_is_of_what_was_just_counted():
    got = found("受理劳动争议案件320宗，调解率98.5%；开展河道清淤，共计清淤面积约3万平方米。")
    assert [g[0] for g in got] == ["劳动争议案件", "劳动争议案件调解率", "河道清淤面积"]


def test_measures_listed_after_the_first_take_its_head():
    got = found("火灾事故起数、死亡人数和直接损失分别下降12%、30%、8%。")
    assert [g[0] for g in got] == ["火灾事故起数", "火灾事故死亡人数", "火灾事故直接损失"]


def test_a_list_of_things_keeps_its_items_as_written():
    got = found("城镇居民收入、农民收入分别增长5%、7%。")
    assert [g[0] for g in got] == ["城镇居民收入", "农民收入"]


def test_a_bare_action_counts_what_the_clause_before_told_of():
    got = found("乡村道路改造全面提速，完成3.2亿元，增长12%。")
    assert [g[:3] for g in got] == [("乡村道路改造", 3.2, "亿元"), ("乡村道路改造", 12.0, "%")]


def test_a_class_counted_keeps_the_action_on_it_and_drops_who_acted():
    assert found("成功招引甲科技、乙材料等6家企业。")[0][0] == "招引企业"
    assert found("区领导走访企业320家次。")[0][0] == "走访企业"
    assert found("完成市级重点改造项目2个。")[0][0] == "市级重点改造项目"


def test_as_many_items_as_numbers_listed_are_each_one_s_without_respectively():
    got = found("青河大桥、滨江公园完成80%、35%，新建公厕3座。")
    assert [g[:3] for g in got] == [("青河大桥", 80.0, "%"), ("滨江公园", 35.0, "%"), ("新建公厕", 3.0, "座")]


def test_money_written_without_yuan_is_in_yuan_and_other_bare_magnitudes_are_not_quantities():
    assert found("实施惠民项目12个，总金额560万，惠及居民3万，")[1][:3] == ("惠民项目总金额", 560.0, "万元")
    assert len(found("实施惠民项目12个，总金额560万，惠及居民3万，")) == 2


def test_a_share_in_tenths_is_a_percentage():
    assert found("全县茶叶产量占全省三成以上，建成茶园五成。")[0][:3] == ("茶叶产量占全省", 30.0, "%")
    assert len(found("全县茶叶产量占全省三成以上，建成茶园五成。")) == 1


def test_a_comparison_after_a_number_is_of_that_number():
    got = found("全县工业增加值增长7.1%、高于全市平均0.6个百分点。")
    assert got[1][:3] == ("工业增加值增速高于全市平均", 0.6, "个百分点")


def test_an_indicator_going_on_from_the_one_just_told_joins_it():
    got = found("全年开展青年读书会学习20次，学习篇目45篇。")
    assert got[1][:3] == ("青年读书会学习篇目", 45.0, "篇")


def test_a_magnitude_before_a_noun_counts_it_in_people_or_items():
    assert found("新建2.3万公共充电桩。")[0][1:4] == (2.3, "万个", "count")
    assert found("带动1.5万农民就业。")[0][1:3] == (1.5, "万人")
    assert found("输出电量120亿度、外送通道3条。") == [("外送通道", 3.0, "条", "count", "=", "result")]  # 度 is no noun


def test_of_actions_joined_by_bing_the_last_names_the_count_and_a_new_thing_stays_new():
    got = found("督办信访问题整改30条，自查自纠并整改安全隐患12个。")
    assert [g[0] for g in got] == ["督办信访问题整改", "整改安全隐患"]
    assert found("推进企业兼并重组12家。")[0][0] == "企业兼并重组"


def test_growth_of_the_economy_is_named_with_its_growth():
    # 经济 alone names no indicator: the growth is the indicator (the ledger reads it as GDP)
    assert found("主要预期目标是：经济增长5％左右。", mode="plan")[0][:5] == ("经济增长", 5.0, "%", "change", "≈")


def test_a_predicate_that_keeps_a_level_is_not_part_of_the_indicator():
    assert found("蔬菜产量继续保持300万吨以上。", mode="plan")[0][:3] == ("蔬菜产量", 300.0, "万吨")
    assert found("园区营收稳定在80亿元左右。", mode="plan")[0][:3] == ("园区营收", 80.0, "亿元")


def test_a_reduplicated_measure_word_counts_nothing():
    got = found("新建口袋公园12个。一张张民生清单增强了群众的获得感、幸福感、安全感。")
    assert got == [("口袋公园", 12.0, "个", "count", "=", "result")]


def test_a_second_figure_of_the_same_indicator_after_a_reach_verb():
    got = found("青河区税收收入突破300亿元、达到312亿元。")
    assert [(q[0], q[1], q[4]) for q in got] == [("青河区税收收入", 300.0, "≥"), ("青河区税收收入", 312.0, "=")]


def test_each_listed_item_takes_the_head_the_last_item_gives_them_all():
    got = found("对北美、南美出口分别增长8.1%、3.2%。")
    assert [(q[0], q[1]) for q in got] == [("对北美出口", 8.1), ("南美出口", 3.2)]


def test_a_count_whose_noun_stops_at_a_list_takes_the_head_of_the_next_count():
    got = found("新增3个过百亿、5个过十亿特色园区。")
    assert [(q[0], q[1]) for q in got] == [("过百亿特色园区", 3.0), ("过十亿特色园区", 5.0)]


def test_a_counted_noun_stops_where_the_clause_turns_to_its_number():
    got = found("6个新型疫苗获批上市、数量居全国前列。")
    assert got[0][:3] == ("新型疫苗获批上市", 6.0, "个")


def test_a_variant_of_the_indicator_just_given_is_named_with_it():
    got = found("青河区税收收入85亿元，同口径增长4.2%。")
    assert [(q[0], q[1]) for q in got] == [("青河区税收收入", 85.0), ("同口径青河区税收收入", 4.2)]


def test_rounds_and_ships_are_counted():
    assert found("成功应对8轮寒潮。")[0][1:4] == (8.0, "轮", "count")
    assert found("新增远洋渔船12艘。")[0][:4] == ("远洋渔船", 12.0, "艘", "count")


def test_a_number_at_either_end_of_the_text_is_read():
    assert found("6个新型疫苗获批上市")[0][:3] == ("新型疫苗获批上市", 6.0, "个")
    assert found("新建口袋公园12个")[0][:3] == ("口袋公园", 12.0, "个")


def test_the_next_round_is_no_count_of_rounds():
    assert found("启动新一轮老旧小区改造，新建口袋公园8个。") == [("口袋公园", 8.0, "个", "count", "=", "result")]


def test_an_abbreviated_indicator_is_read():
    assert found("全年GDP增长4.5%。")[0][:4] == ("GDP", 4.5, "%", "change")


def test_a_paragraph_that_opens_with_one_year_is_not_a_span_of_years():
    text = ("一、过去五年工作回顾\n过去五年，新建学校30所。\n改造道路120公里。\n"
            "各位代表，刚刚过去的2025年，新建学校6所。\n改造道路25公里。")
    sections = [Section("一、过去五年工作回顾", 0, len(text), 2025, "review")]  # type: ignore[arg-type]
    periods = [(q.value, q.period) for q in find_quantities(text, sections)]
    assert periods == [(30.0, "过去五年"), (120.0, "过去五年"), (6.0, None), (25.0, None)]


def test_a_sentence_on_one_year_inside_five_years_gives_that_year_s_figures():
    text = ("一、五年来的工作\n这五年，新建学校30所。在稳增长上多措并举，财政赤字率保持稳定。2025年，"
            "我们顺利完成年初提出的主要目标，全县生产总值增长6.35%，物价涨幅回落到1.8%。")
    sections = [Section("一、五年来的工作", 0, len(text), 2025, "review")]  # type: ignore[arg-type]
    got = [(q.indicator, q.value, q.kind, q.mode, q.period) for q in find_quantities(text, sections)]
    assert got == [("新建学校", 30.0, "count", "result", "这五年"), ("生产总值", 6.35, "change", "result", None),
                   ("物价涨幅", 1.8, "level", "result", None)]


def test_a_number_aimed_at_a_later_year_holds_for_that_year():
    got = find_quantities("到2030年，技术合同成交额达到600亿元。", [Section("", 0, 30, 2026, "plan")])  # type: ignore[arg-type]
    assert [(q.indicator, q.value, q.year) for q in got] == [("技术合同成交额", 600.0, 2030)]
    got = find_quantities("技术合同成交额2030年达到600亿元。", [Section("", 0, 30, 2026, "plan")])  # type: ignore[arg-type]
    assert [(q.indicator, q.year) for q in got] == [("技术合同成交额", 2030)]
    got = find_quantities("到2026年底，技术合同成交额达到500亿元。", [Section("", 0, 30, 2026, "plan")])  # type: ignore[arg-type]
    assert [q.year for q in got] == [2026]
    got = find_quantities("到1995年，粮食产量达到600万吨。", [Section("", 0, 30, 1991, "plan")])  # type: ignore[arg-type]
    assert [(q.indicator, q.year) for q in got] == [("粮食产量", 1995)]  # a year of the last century too


def test_a_comparison_base_an_ordinal_and_an_adverb_over_a_list_are_not_the_indicator():
    assert found("生产安全事故死亡人数比2020年下降58.3%。")[0][:2] == ("生产安全事故死亡人数", 58.3)
    assert found("三是新建口袋公园12个。")[0][:2] == ("口袋公园", 12.0)
    assert found("入园率和普惠率均超过90%。")[0][:2] == ("入园率和普惠率", 90.0)


@pytest.mark.parametrize(("text", "want"), [
    ("城乡居民人均可支配收入分别增长5.3%、7%。", [("城镇居民人均可支配收入", 5.3), ("农村居民人均可支配收入", 7.0)]),
    ("电子和通信业、批发和零售业增加值分别增长9.1%、4.2%。",
     [("电子和通信业增加值", 9.1), ("批发和零售业增加值", 4.2)]),
    ("城镇和农村居民收入分别增长4%左右和6%左右。", [("城镇居民收入", 4.0), ("农村居民收入", 6.0)]),
    ("茶叶产量首次跃上3.5万吨。", [("茶叶产量", 3.5)]),
    ("城区二氧化氮（NO2）平均浓度下降2.7%。", [("城区二氧化氮（NO2）平均浓度", 2.7)]),
    ("青稞产量80万吨、占全国65.2%。", [("青稞产量", 80.0), ("青稞产量占全国比重", 65.2)]),
    ("新增装机容量3.7亿千瓦。", [("装机容量", 3.7)]),
])
def test_lists_shares_glosses_and_reaching_verbs(text, want):
    assert [(q[0], q[1]) for q in found(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("生物医药产值超千亿元。", [("生物医药产值", 1e11, "元")]),
    ("千家万户受益，近百家企业入驻。", [("企业入驻", 100.0, "家")]),  # 千家万户 is an idiom of many
    ("新增就业32.7万人。", [("新增就业", 32.7, "万人")]),  # the statistic keeps its verb
    ("信息传输、租赁和商务服务业增加值分别增长18.6%、10.4%。",
     [("信息传输增加值", 18.6, "%"), ("租赁和商务服务业增加值", 10.4, "%")]),
    ("第一、二产业增加值分别增长3%、5%。", [("第一产业增加值", 3.0, "%"), ("第二产业增加值", 5.0, "%")]),
])
def test_bare_magnitudes_idioms_and_the_measure_a_list_shares(text, want):
    assert [q[:3] for q in found(text)] == want


@pytest.mark.parametrize(("text", "want"), [
    ("建成743㎡“颐乐居”日间照料中心、500㎡托育园。",
     [("颐乐居日间照料中心", 743.0, "平方米"), ("托育园", 500.0, "平方米")]),
    ("打通1.2km智慧健康步道。", [("智慧健康步道", 1.2, "公里")]),
    ("建成青河桥下2000㎡运动公园。", [("运动公园", 2000.0, "平方米")]),  # the size of the noun after it
    ("调解25起纠纷，与群众一起学习。", [("调解纠纷", 25.0, "起")]),
    ("一起学习，解决十一起纠纷。", [("纠纷", 11.0, "起")]),
    ("开展亲子阅读活动、家长讲堂不少于12场。", [("亲子阅读活动、家长讲堂", 12.0, "场")]),  # one number for the list
    ("稳住就业大局、全面推进民生实事项目9个。", [("民生实事项目", 9.0, "个")]),  # two clauses, not a list
    ("沿街商户各20家。", [("沿街商户", 20.0, "家")]),  # 各: each of them, not the name
    ("12.新建口袋公园3个。", [("口袋公园", 3.0, "个")]),  # the item's number opens no name
    ("其中3起重大纠纷均成功化解。", [("重大纠纷", 3.0, "起")]),  # 均 opens the predicate
    ("开展“甲乙丙丁行动”系列活动、文化周系列活动不少于80场。",
     [("甲乙丙丁行动系列活动、文化周系列活动", 80.0, "场")]),
    ("一个难题一个难题去破解，部署了8个方面重点工作，新建口袋公园3个。", [("口袋公园", 3.0, "个")]),
    ('力争新增"小巨人"5家，建设"13+2"产业集群。', [("小巨人", 5.0, "家")]),
    ("新增纳统产值(营收)40亿元以上。", [("纳统产值", 40.0, "亿元")]),
    ("PM2.5平均浓度控制在19.0μg/m3以下。", [("PM2.5平均浓度", 19.0, "微克/立方米")]),
    ("建成后将新增养老床位1680张。", [("养老床位", 1680.0, "张")]),
    ("完成青禾路、云栖路两条断头路贯通。", [("断头路贯通", 2.0, "条")]),
])
def test_sizes_cases_groupings_quotes_brackets_and_short_names(text, want):
    assert [q[:3] for q in found(text, mode="plan")] == want


def test_a_review_s_figure_for_a_later_year_is_aimed_at():
    got = find_quantities("到2027年，全区绿化覆盖率达到45%。", [Section("", 0, 20, 2024, "review")])  # type: ignore[arg-type]
    assert [(q.value, q.year, q.mode) for q in got] == [(45.0, 2027, "target")]


@pytest.mark.parametrize(("text", "want"), [
    # a bare magnitude alone counts nothing
    ("新开工亿元以上项目35个，百万人口城市惠及万家。", [("开工亿元以上项目", 35.0)]),
    ("居民收入人均达到4万元。", [("居民收入人均", 4.0)]),
    ("主要任务：（1）新建学校3所；（2）改造道路5公里。", [("新建学校", 3.0), ("改造道路", 5.0)]),
    ("引进3个项目、5个重大产业项目。", [("重大产业项目", 5.0)]),
])
def test_what_the_review_of_this_stop_found(text, want):
    assert [(q[0], q[1]) for q in found(text)] == want


@pytest.mark.parametrize(("text", "year", "mode", "want"), [
    ("截至2025年1月底，全区累计备案企业320家。", 2024, "review", (2024, "result")),
    ("2021年至2025年，全区新建学校30所。", 2023, "review", (2023, "result")),
    ("到2030年成交额达到600亿元，今年成交额达到400亿元。", 2025, "plan", (2025, "target")),
])
def test_only_an_aim_at_a_later_year_moves_a_figure_s_year(text, year, mode, want):
    got = find_quantities(text, [Section("", 0, len(text), year, mode)])  # type: ignore[arg-type]
    assert (got[-1].year, got[-1].mode) == want


def test_a_two_character_name_keeps_the_action_that_says_what_was_counted_but_not_a_light_verb():
    got = {q[0] for q in found("全乡新增林地3200亩，实现税收8600万元。")}
    assert got == {"新增林地", "税收"}


def test_a_flattened_table_names_each_growth_rate_anew():
    got = found("渔业总产值增长4.2%规上工业增加值增长7.1%零售总额增长3.6%")
    assert [q[0] for q in got] == ["渔业总产值", "规上工业增加值", "零售总额"]


def test_a_growth_rate_right_after_its_amount_keeps_the_amount_s_name():
    got = found("全年警情2418宗同比下降3.8%。")
    assert [q[0] for q in got] == ["警情", "警情"]


def test_a_name_glossed_in_brackets_before_an_estimate_is_the_name():
    got = found("我镇一般预算收入(不含退税)预计完成12.3亿元，同比增长4.5%。")
    assert [(q[0], q[1]) for q in got] == [("一般预算收入", 12.3), ("一般预算收入", 4.5)]


def test_a_sum_that_sizes_a_class_of_things_and_a_capacity_in_a_works_name_are_no_quantities():
    got = found("销售超亿元企业3家，年收入超千万元的村达到5个，建成年产20万吨饲料加工项目，粮食年产量达到120万吨。")
    assert [(q[0], q[1], q[2]) for q in got] == [("销售超亿元企业", 3.0, "家"), ("年收入超千万元的村", 5.0, "个"),
                                               ("粮食年产量", 120.0, "万吨")]


def test_a_change_after_a_bracketed_breakdown_is_the_whole_s():
    got = found("实现生产总值98.6亿元（农业0.5亿元，工业60.1亿元），增长2.3%。")
    assert [(q[0], q[1]) for q in got][-1] == ("生产总值", 2.3)


def test_a_manner_word_before_a_noun_is_part_of_the_name_but_before_an_action_is_not():
    got = {q[0] for q in found("全乡新增高标准农田520亩，高标准建设示范大棚12座，扎实开展政策宣讲会6场。")}
    assert got == {"高标准农田", "示范大棚", "政策宣讲会"}


def test_words_that_name_two_things_split_over_a_pair_of_numbers():
    got = found("金融机构存贷款余额分别达120亿元、80亿元，城乡居民人均可支配收入分别为3万元、2万元，增长5.5%、6.5%。")
    assert [(q[0], q[1]) for q in got] == [
        ("金融机构存款余额", 120.0), ("金融机构贷款余额", 80.0),
        ("城镇居民人均可支配收入", 3.0), ("农村居民人均可支配收入", 2.0),
        ("城镇居民人均可支配收入", 5.5), ("农村居民人均可支配收入", 6.5)]


def test_rates_listed_after_amounts_each_in_its_own_clause_are_theirs_in_order():
    got = found("城镇居民收入4.6万元，农村居民收入2.7万元，同比分别增长4.5%、6.1%。")
    assert [(q[0], q[1]) for q in got][2:] == [("城镇居民收入", 4.5), ("农村居民收入", 6.1)]


def test_a_respective_list_in_a_flattened_table_starts_after_the_last_figure():
    got = found("财政收入增长2.8%城乡居民收入分别增长4.7%、6.6%")
    assert [q[0] for q in got] == ["财政收入", "城镇居民收入", "农村居民收入"]


def test_lamps_poles_trees_and_ponds_are_counted():
    got = found("维修路灯43盏、灯杆6根，补种树木110颗，清淤池塘6口。")
    assert [(q[1], q[2]) for q in got] == [(43.0, "盏"), (6.0, "根"), (110.0, "颗"), (6.0, "口")]


def test_a_review_stating_next_year_s_targets_gives_them_that_year():
    text = "全区生产总值增长1%。2021年全区的主要预期目标是：生产总值增长3%。"
    sections = [Section("", 0, len(text), 2020, "review")]  # type: ignore[arg-type]
    got = [(q.value, q.year, q.mode) for q in find_quantities(text, sections)]
    assert got == [(1.0, 2020, "result"), (3.0, 2021, "target")]


def test_a_blank_before_the_percent_sign_and_kilometres_written_as_qianmi():
    got = found("固定资产投资同比增长77.5 %，铺设污水管网33.3千米，建成区3.5平方千米。")
    assert [(q[1], q[2]) for q in got] == [(77.5, "%"), (33.3, "公里"), (3.5, "平方公里")]


def test_a_division_opening_the_words_is_the_subject_not_part_of_the_indicator():
    got = found("周庄镇全年实现规上工业产值52.3亿元，同比增长8%；青禾公司全年营收2000万元；1月至6月共签约项目12个。")
    assert [g[0] for g in got] == ["规上工业产值", "规上工业产值", "青禾公司营收", "签约项目"]


def test_a_change_written_short_is_a_change_of_the_indicator_before_it():
    got = found("规上产值30.5亿元、比增6.4%，固投比降3.2%。")
    assert got[1][:4] == ("规上产值", 6.4, "%", "change") and got[2][:4] == ("固投", 3.2, "%", "change")


def test_an_investment_named_alone_is_the_investment_in_what_was_counted_before_it():
    got = found("该镇实施项目40个，总投资6.2亿元，年度投资2.1亿元；完成固定资产投资9亿元，总投资3亿元。")
    assert [g[0] for g in got] == ["实施项目", "实施项目总投资", "实施项目年度投资", "固定资产投资", "总投资"]


def test_a_change_downward_falls_however_far_and_whatever_says_how_far():
    text = "全县财政收入增长3.05%，CPI微降0.4%，工业用电量小幅下降1.8%，进口、出口分别减少3%、4%。"
    sections = [Section("", 0, len(text), 2031, "review")]  # type: ignore[arg-type]
    got = [(q.indicator, q.value, q.kind, q.falls) for q in find_quantities(text, sections)]
    assert got == [("财政收入", 3.05, "change", False), ("CPI", 0.4, "change", True),
                   ("工业用电量", 1.8, "change", True), ("进口", 3.0, "change", True), ("出口", 4.0, "change", True)]


def test_a_stretch_target_after_a_figure_is_a_second_target_of_its_indicator():
    text = "青石县2031年主要预期目标：财政收入增长6%以上、力争达到7.5%，单位产值能耗下降2.5%、力争3%。"
    sections = [Section("", 0, len(text), 2031, "plan")]  # type: ignore[arg-type]
    got = [(q.indicator, q.value, q.kind, q.falls, q.mode) for q in find_quantities(text, sections)]
    assert got == [("财政收入", 6.0, "change", False, "target"), ("财政收入", 7.5, "change", False, "target"),
                   ("单位产值能耗", 2.5, "change", True, "target"), ("单位产值能耗", 3.0, "change", True, "target")]


def test_a_listed_item_keeps_a_word_its_opening_character_starts():
    got = found("全县新材料、智能装备产业产值分别增长8.6%、17.4%。")  # 新 opens 新材料, not "newly"
    assert got[0][0].startswith("新材料") and got[1][0] == "智能装备产业产值"


def test_an_investment_after_people_counted_is_not_theirs():
    got = found("全镇培育新型农民45名，完成投资3.6亿元；新建厂房6栋，总投资2.47亿元。")
    assert [g[0] for g in got] == ["新型农民", "完成投资", "新建厂房", "新建厂房总投资"]


def test_money_or_works_obtained_keep_the_word_that_obtained_them():
    got = found("今年争取资金860万元，争取各级资金1.5亿元，争取项目9个，发放补贴资金30万元。")
    assert [g[0] for g in got] == ["争取资金", "争取各级资金", "争取项目", "补贴资金"]


def test_a_share_of_the_year_s_plan_is_of_what_was_named_before_it():
    got = found("引进签约项目14个，完成全年任务的140%；工业投入完成年计划的125%。")
    assert [(g[0], g[1]) for g in got] == [("签约项目", 14.0), ("签约项目完成全年任务", 140.0),
                                           ("工业投入完成年计划", 125.0)]


def test_what_works_will_yield_once_built_is_a_target_even_in_a_review():
    got = found("青禾项目总投资6亿元，项目建成达产后，预计年营业收入8亿元，新增就业岗位500个。")
    assert [(g[0], g[5]) for g in got] == [("青禾项目总投资", "result"), ("年营业收入", "target"),
                                           ("就业岗位", "target")]


def test_a_share_of_the_year_s_target_is_a_result_and_an_estimate_is_no_part_of_the_name():
    text = "一般公共预算收入5亿元，占全年目标的114.4%；规上工业预计总产值80亿元。"
    got = [(q.indicator, q.value, q.mode) for q in find_quantities(text, [Section("", 0, len(text), 2031, "other")])]
    assert got == [("一般公共预算收入", 5.0, "result"), ("一般公共预算收入占全年目标", 114.4, "result"),
                   ("规上工业总产值", 80.0, "result")]


def test_the_parts_after_qizhong_share_the_measure_of_their_whole():
    got = found("青湖乡粮食播种面积8.8万亩，其中水稻8.1万亩，大豆2700亩。"
                "全乡地区生产总值20亿元，其中第一产业增加值4亿元。")
    assert [q[0] for q in got] == ["粮食播种面积", "水稻播种面积", "大豆播种面积", "地区生产总值", "第一产业增加值"]


def test_a_works_named_before_what_is_counted_is_the_subject_not_part_of_the_indicator():
    text = "青禾冷链物流园项目完成投资2.3亿元，全镇完成投资8亿元。"
    sections = [Section("", 0, len(text), 2023, "review")]  # type: ignore[arg-type]
    works = [(0, text.index("完成"))]  # the extractor found 青禾冷链物流园项目 there
    got = [(q.subject, q.indicator, q.value) for q in find_quantities(text, sections, works)]
    assert got[0] == ("青禾冷链物流园项目", "完成投资", 2.3)
    assert got[1][0] is None and got[1][2] == 8  # no works named before the town's own figure
    assert find_quantities(text, sections)[0].indicator.startswith("青禾")  # with no names, as written
    listed = "青禾幼儿园和白鹭幼儿园优质率达到100%。"
    works = [(0, 5), (6, 11)]
    q = find_quantities(listed, [Section("", 0, len(listed), 2023, "review")], works)[0]  # type: ignore[arg-type]
    assert (q.subject, q.indicator) == (None, "青禾幼儿园和白鹭幼儿园优质率")  # the rate of both: no one subject


@pytest.mark.parametrize(("text", "indicator", "period"), [
    ("该青禾冷库项目总投资4300万元。", "总投资", None),  # the works just named, referred back to
    ("截至目前已签约白鹭湾片区住户96户。", "签约白鹭湾片区住户", "截至目前"),
    ("三季度实现销售收入2.7亿元。", "销售收入", "三季度"),
    ("下半年完成技改投资1.9亿元。", "技改投资", "下半年"),
])
def test_a_period_or_a_reference_back_that_opens_the_words_is_no_part_of_the_indicator(text, indicator, period):
    q = find_quantities(text, [Section("", 0, len(text), 2023, "review")])[0]  # type: ignore[arg-type]
    assert (q.indicator, q.period) == (indicator, period)


@pytest.mark.parametrize(("text", "indicator"), [
    ("青禾社区下辖居民小组12个。", "居民小组"),  # what a place has ends at 下辖, 现有
    ("全街现有规上企业17家。", "规上企业"),
    ("成功引进投资6840万元。", "投资"),  # money brought in is counted as money, not as its bringing in
    ("重点推进文体中心建设3处。", "文体中心建设"),
])
def test_who_has_it_and_how_it_was_pushed_are_no_part_of_the_indicator(text, indicator):
    assert found(text)[0][0] == indicator


@pytest.mark.parametrize(("text", "indicator"), [
    ("截止今年7月已完成投资6125万元。", "完成投资"),  # the statistic of money spent on works
    ("白鹭镇全年完成年度投资2.7亿元。", "完成年度投资"),
    ("白鹭镇重点项目完成投资6.4亿元。", "白鹭镇重点项目完成投资"),
    ("甲乙项目计划投资5亿元。", "甲乙项目计划投资"),
    ("今年计划投资4.6亿元。", "计划投资"),  # and the money to be spent
])
def test_investment_done_or_planned_keeps_its_done_or_planned(text, indicator):
    assert found(text)[0][0] == indicator


@pytest.mark.parametrize(("text", "indicator", "period"), [
    ("青禾园区累计税收3亿元。", "青禾园区税收", "累计"),  # how it was counted is no part of what
    ("白鹭镇规上工业累计完成产值3亿元。", "白鹭镇规上工业产值", "累计"),
    ("青禾园区累计完成投资5.5亿元。", "青禾园区完成投资", "累计"),
    ("青禾园区1-8月税收3亿元。", "青禾园区税收", "1-8月"),  # nor the period it is given for
    ("白鹭镇上半年规上工业产值4.4亿元。", "白鹭镇规上工业产值", "上半年"),
    ("白鹭镇服务业预计实现营业收入2600万元。", "白鹭镇服务业营业收入", None),  # nor the verb of its result
    ("项目达产后，年可实现产值3亿元。", "年产值", None),
])
def test_a_total_or_a_period_inside_the_words_is_no_part_of_the_indicator(text, indicator, period):
    q = find_quantities(text, [Section("", 0, len(text), 2023, "review")])[0]  # type: ignore[arg-type]
    assert (q.indicator, q.period) == (indicator, period)


@pytest.mark.parametrize(("text", "indicator"), [("白鹭乡财政总收入412万元，同比上升31.5%。", "财政总收入"),
                                               ("白鹭乡财政总收入412万元，同步增长31.5%。", "财政总收入"),
                                               ("白鹭乡全年产茶520吨，增产31.5%。", "产茶"),
                                               ("完成白鹭乡生产总值3.2亿元、增31.5%。", "生产总值")])
def test_a_rise_is_a_change_of_the_level_just_given(text, indicator):
    assert found(text)[1][:4] == (indicator, 31.5, "%", "change")


def test_rates_listed_before_their_changes_are_named_without_the_change():
    got = found("青禾中学本科上线率和甲乙上线率同比提升6.5%和9.2%。")
    assert [(q[0], q[1], q[3]) for q in got] == [("青禾中学本科上线率", 6.5, "change"),
                                                 ("甲乙上线率", 9.2, "change")]


def test_a_variant_written_after_the_indicator_opens_it():
    assert found("青禾区税收收入可比口径增长8.3%。")[0][:2] == ("可比口径青禾区税收收入", 8.3)


@pytest.mark.parametrize(("text", "indicator"), [
    ("新引进甲公司、乙集团等总部企业共计7家。", "总部企业"),
    ("开复工项目共30个。", "开复工项目"),
])
def test_a_total_said_last_is_no_part_of_the_indicator(text, indicator):
    assert found(text)[0][0] == indicator


def test_each_years_change_is_of_the_level_just_given():
    assert found("青禾镇累计财政收入5120万元，每年增长12%以上。")[1][:5] == ("财政收入", 12.0, "%", "change", "≥")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("新建、改建道路9段。", 9, "段"), ("制作宣传横幅45幅。", 45, "幅"), ("全年产茧520担。", 520, "担")])
def test_segments_banners_and_piculs_are_units(text, value, unit):
    assert found(text)[0][1:3] == (value, unit)


@pytest.mark.parametrize(("text", "indicator"), [
    ("白鹭镇固定资产投资完成全年奋斗目标的126%。", "白鹭镇固定资产投资完成全年奋斗目标"),
    ("白鹭镇财政收入1800万元，占全年责任目标的97%。", "白鹭镇财政收入占全年责任目标"),
])
def test_a_share_of_the_year_s_striven_for_aim_is_of_what_was_named(text, indicator):
    assert found(text)[-1][0] == indicator


def test_numbers_listed_with_blanks_around_their_marks_are_each_items():
    got = found("青禾县城乡居民人均可支配收入分别为31200元 、12400元，同比增长4.1%、6.8%。")
    assert [(q[0], q[1], q[3]) for q in got] == [
        ("青禾县城镇居民人均可支配收入", 31200, "level"), ("青禾县农村居民人均可支配收入", 12400, "level"),
        ("青禾县城镇居民人均可支配收入", 4.1, "change"), ("青禾县农村居民人均可支配收入", 6.8, "change")]


def test_a_heading_in_square_brackets_is_no_part_of_the_indicator():
    assert found("【经济发展】实现地区生产总值95亿元。")[0][:2] == ("地区生产总值", 95.0)


def test_a_measure_of_the_whole_district_is_not_of_what_was_just_named():
    got = found("白鹭乡集镇距县城12公里，全乡总面积65平方公里。")
    assert [q[0] for q in got][1] == "总面积"  # not 集镇距县城总面积


@pytest.mark.parametrize(("text", "indicator"), [
    ("该镇在2031年实现工业增加值36亿元。", "工业增加值"),  # when, not what
    ("这一项目占地60亩，总投资3亿元。", "占地"),  # the works just named is the subject
])
def test_a_year_in_which_or_the_works_just_named_open_no_indicator(text, indicator):
    assert found(text)[0][0] == indicator


def test_a_year_s_planned_investment_is_in_the_works_just_counted():
    got = found("实施甲、乙等重点项目31个，计划总投资64亿元、年度计划投资19亿元。")
    assert [q[0] for q in got] == ["重点项目", "重点项目计划总投资", "重点项目年度计划投资"]


def test_a_share_of_the_investment_done_is_no_investment_done():
    indicator = found("青禾园区3个项目全部开工，完成年度投资额的115%。")[-1][0]
    assert indicator.endswith("年度投资额") and "完成" not in indicator


def test_bags_barrels_letters_and_birds_are_counted():
    got = found("向独居老人送去米面180袋、食用油95桶，收到感谢信46封，出栏肉鸽3.2万羽。")
    assert [(g[1], g[2], g[3]) for g in got] == [(180, "袋", "count"), (95, "桶", "count"), (46, "封", "count"),
                                                 (3.2, "万羽", "count")]
