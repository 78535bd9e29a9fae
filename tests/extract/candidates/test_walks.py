"""Where a name before a type-bearing suffix word starts: the walk left over name-like words."""

from __future__ import annotations

from pathlib import Path

from proposals import proposed

from kg.extract.candidates.tokens import tokenize
from kg.extract.candidates.walks import _closes_name
from kg.structure.clauses import sentences

ROOT = Path(__file__).resolve().parents[3]


def test_a_name_opened_by_a_verb_like_word_is_proposed_whole_beside_the_rest():
    text = "推进启航湾科创园建设。"
    got = proposed(text)
    assert "启航湾科创园" in got, got
    assert "推进启航湾科创园" not in got, got
    got = proposed("合并推进立新河片区和青禾社区建设。")  # jieba: 推进|立|新河|片区
    assert "立新河片区" in got and "推进立新河片区" not in got, got


def test_a_companys_branch_place_in_brackets_and_newspapers():
    got = proposed("引进青禾卫星科技(广州)有限公司，青禾日报刊发了做法。")
    assert "青禾卫星科技(广州)有限公司" in got and "青禾日报" in got, got


def test_a_section_in_brackets_is_part_of_the_works_name():
    got = proposed("完成青禾湾旅游公路(石岭段)项目征地工作，引进青禾科技(广州)有限公司。")
    assert "青禾湾旅游公路(石岭段)项目" in got and "青禾科技(广州)有限公司" in got


def test_numbered_roads_are_proposed_though_jieba_knows_the_word_for_two_roads():
    got = proposed("完成纬二路、纬三路开工建设，兵分两路推进。")
    assert "纬二路" in got and "纬三路" in got and "两路" not in got


def test_a_step_of_the_works_closes_no_name():
    got = proposed("青禾公园开园试运营，白鹭博物馆开馆。")
    assert "青禾公园" in got and "白鹭博物馆" in got
    assert "青禾公园开园" not in got and "白鹭博物馆开馆" not in got


def test_a_one_character_verb_before_the_works_ends_no_name():
    got = proposed("形成大抓项目、真抓项目的氛围，推进青禾水厂提标改造工程。")
    assert "青禾水厂提标改造工程" in got
    assert not any(name.endswith("抓项目") for name in got), got


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


def test_an_extension_named_by_its_works_verb_keeps_it():
    got = proposed("推进青禾纸箱生产扩建项目和白鹭小学迁建项目，扩建青石路项目。")
    assert "青禾纸箱生产扩建项目" in got and "白鹭小学迁建项目" in got, got
    assert "青石路项目" in got, got  # a verb opening the name may be its action: both readings go on


def test_cached_suffix_word_test_answers_as_computed():
    """_closes_name is cached per (word, tag): the cache answers what the function computes."""
    text = (ROOT / "data" / "reports" / "001_aaf01d99df054c6c.txt").read_text("utf-8")
    words = [(t.word, t.tag) for toks in tokenize(text, sentences(text)) for t in toks]
    closing = [w for w in words if _closes_name(*w)]
    assert closing and len(closing) < len(words)
    assert all(_closes_name(*w) == _closes_name.__wrapped__(*w) for w in words)


def test_a_firm_named_by_brand_and_trade_is_proposed_without_the_words_before_it():
    got = proposed("控股子公司朗岳化工年产5万吨助剂，拆除河西路北侧恒钧机械厂房。")
    assert "朗岳化工" in got and "控股子公司朗岳化工" in got  # the decision picks one of the two
    assert "恒钧机械" in got


def test_a_places_committee_before_its_officials_title_is_proposed():
    got = proposed("青州市委书记林某到会指导，中共寿光市委、市政府高度重视。")
    assert "青州市委" in got and "中共寿光市委" in got, got
    assert "青州市" in got  # the place itself stays a reading of its own


def test_a_name_after_an_action_inside_the_walk_is_proposed_too():
    got = proposed("协助城投公司找准青禾老街定位。")
    assert "青禾老街" in got, got


def test_works_cut_short_after_what_they_work_on_stay_in_the_name():
    got = proposed("推进青湖厂家属区棚改项目，坚持大抓项目。")
    assert "青湖厂家属区棚改项目" in got, got
    assert not any(name.endswith("抓项目") for name in got), got


def test_a_long_works_name_is_proposed_whole():
    text = "推进青禾镇平安村现代农业产业园生态旅游综合开发项目建设。"
    assert "suffix" in proposed(text)["青禾镇平安村现代农业产业园生态旅游综合开发项目"]


def test_a_pilot_closes_the_scheme_named_before_it():
    got = proposed("用好青禾湖区生态修复综合试点机遇，建成青禾试点社区。")
    assert "青禾湖区生态修复综合试点" in got
    assert "试点" not in got  # the word alone names no scheme


def test_what_a_body_does_before_its_head_stays_in_its_name():
    text = "加快与澳门生产力促进局对接，成立青禾数字经济促进中心。"
    got = proposed(text)
    assert "澳门生产力促进局" in got  # 促进 is what the bureau does, not the end of a name
    assert "青禾数字经济促进中心" in got
    assert not any(name.startswith(("加快", "与", "成立")) for name in got), got


def test_the_walk_goes_on_past_an_action_before_a_campaigns_or_works_ending():
    # the walk stops at 培育 and 改建; a second walk past them proposes the whole name
    got = proposed("白鹭镇小集镇培育试点通过验收，青禾污泥处置场改建工程开工。")
    assert "白鹭镇小集镇培育试点" in got and "青禾污泥处置场改建工程" in got, got
    got = proposed("全力推进青禾园区建设提速行动。")  # 推进 governs the clause: the walk stops there
    assert "青禾园区建设提速行动" in got and not any(n.startswith("推进") for n in got), got
