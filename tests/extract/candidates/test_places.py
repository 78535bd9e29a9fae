"""Known divisions wherever jieba cut their suffix, and the short names of nearby places."""

from __future__ import annotations

from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.gazetteer import Gazetteer


def test_inner_mongolia_s_townships_and_villages_are_divisions():
    text = "四子王旗江岸苏木推进夏布格嘎查人居环境整治。"
    got = {name: {c.type for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                  if text[c.start : c.end] == name} for name in ("江岸苏木", "夏布格嘎查", "四子王旗")}
    assert all("District" in types for types in got.values()), got


def test_a_known_town_behind_an_everyday_word_for_towns_is_a_division():
    got = proposed("2014年，金集镇以项目为抓手，推进新型城镇化，助力新乡村振兴。")  # jieba: 金|集镇
    assert got.get("金集镇") == {"division"}
    assert "新乡村" not in got and "型城镇" not in got


def test_a_known_county_or_city_is_proposed_wherever_jieba_cuts_its_suffix():
    # jieba reads 水|城区 and 镇|沅|县政府: the division is still one candidate; an unknown 某城区 is not
    text = "六盘水市水城区与镇沅县政府签约，推进青木城区改造。"
    got = proposed(text)
    assert "division" in got.get("水城区", set()), got
    assert "division" in got.get("镇沅县", set()), got
    assert "青木城区" not in got, got


def test_zone_words_are_never_divisions_but_a_county_is():
    text = "推动经开区和老城区提质，青山县工业园区扩容。"
    districts = {text[c.start : c.end] for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                 if c.type == "District"}
    assert "青山县" in districts
    assert not {"经开区", "老城区", "工业园区"} & districts, districts


def test_a_known_town_whose_name_ends_in_an_everyday_word_is_proposed():
    got = proposed("还有双阳区鹿乡镇。近年来，鹿乡镇放大梅花鹿产业优势，各乡镇全力推进。")
    assert "division" in got["鹿乡镇"]
    assert "各乡镇" not in got and "域城镇" not in proposed("为青溪河流域城镇合作起到了作用。")  # 流域 is the word


def test_a_known_town_whose_name_opens_with_a_function_character_is_a_division():
    got = proposed("今年，和桥镇将继续推进项目建设。")  # jieba: 和|桥|镇
    assert got.get("和桥镇") == {"division"}
    assert "全镇" not in proposed("全镇上下推进城镇建设。")


def test_a_county_s_short_name_is_the_county_though_one_of_its_towns_shares_it():
    text = "今年以来，临城县郝庄镇推进青木湾产业园建设。郝庄镇新建青禾村道路2公里，临城各界踊跃参与。"
    fulls = {c.full for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
             if text[c.start : c.end] == "临城"}
    assert fulls == {"临城县"}  # not 临城镇, the county seat's town of the same name
