"""What names nothing by definition is never proposed: masks, spans inside a number, cut dotted names."""

from __future__ import annotations

from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.extract.decide import shipped
from kg.gazetteer import Gazetteer


def test_masked_names_are_never_proposed_but_the_rest_of_the_sentence_is():
    text = "XX医院与青禾商会共同开展义诊。"
    got = proposed(text)
    assert not any("XX" in name for name in got), got
    assert "青禾商会" in got


def test_a_masked_item_of_a_list_is_never_proposed_but_the_other_items_are():
    got = proposed("完成区妇幼保健XX分中心、青禾社康站、澄岭社区党群服务中心建设。")
    assert not any("XX" in name for name in got), got
    assert {"青禾社康站", "澄岭社区党群服务中心"} <= set(got), got


def test_the_ends_of_a_road_section_in_brackets_are_not_proposed():
    got = proposed("打造青禾路(白鹭大道-云杉大道)新建项目，白鹭大道完成提升。")
    assert "青禾路" in got and "白鹭大道" in got  # proposed where it is the works itself
    spans = [(c.start, c.end) for s in propose("打造青禾路(白鹭大道-云杉大道)新建项目。", Gazetteer.load()).sentences
             for c in s.candidates]
    assert all(end <= 6 or start >= 15 for start, end in spans)  # nothing between the brackets


def test_no_name_starts_inside_a_number_or_its_unit():
    got = proposed("青禾奥莱入选2025年省绿色低碳高质量发展重点项目，建成青禾公园。2024年度番禺区镇街考核第一。")
    assert "青禾公园" in got
    assert not any(name.startswith(("年", "度")) for name in got), got


def test_a_person_s_name_is_never_proposed_cut_at_its_middle_dot():
    text = ("2031年1月19日在青州自治区第十四届人民代表大会第三次会议上\n"
            "自治区主席 阿力木·吐尼亚孜\n副主席 艾尔江·买买提\n各位代表：")
    got = proposed(text)
    assert "阿力木·吐尼亚孜" in got and "艾尔江·买买提" in got  # the dotted names whole
    assert "艾尔江" not in got and "买买提" not in got  # never a part of one alone


def test_a_leader_named_only_as_a_doctrine_s_author_is_no_person_but_named_with_a_title_is():
    def people(text: str) -> set[int]:
        return {c.start for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                if c.type == "Person"}

    text = "坚持以陈海东同志为核心，学习陈海东书记讲话精神。"
    assert people(text) == {text.rindex("陈海东")}  # the second, with a title; not the formula's
    assert not people("深入学习陈海东思想。坚持以陈海东同志为核心。")
    assert people("陈海东书记强调思想政治工作。") == {0}  # his words on a subject, no formula


def test_no_span_leaves_a_bracket_open_though_the_tagger_reads_one():
    text = "引进省围棋协会(青禾培训中心)落地。编制云杉湖生态旅游区(北岸片区)详细规划。"
    spans = [(c.source, text[c.start : c.end]) for s in propose(text, Gazetteer.load(), shipped().tagger).sentences
             for c in s.candidates]
    assert not [n for _, n in spans if n.count("(") != n.count(")")], spans
    assert {"青禾培训中心", "北岸片区"} <= {n for _, n in spans}, spans  # the names inside stay
