"""Name tests on invented strings: what makes a phrase a name, its type, and one name's spellings."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer
from kg.names import core, distinctive, match_keys, same_thing, trim, type_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize(("a", "b", "same"), [
    ("石榴湾街区城市更新项目", "石榴湾街区", True),
    ("云溪人行天桥", "云溪配套北岸人行天桥", True),  # one left-out run: an abbreviation
    ("东湖小学", "西湖小学", False),
    ("第一工业区", "第二工业区", False),
    ("柳塘村", "柳塘社区", True),  # a village that became a community
    ("青禾大学", "青禾大学眼病防治中心", False),  # a body of its own, not a longer spelling
    ("青山镇道路改造绿化工程", "青山镇三岔路口道路改造及绿化工程", False),  # two left-out runs
    ("“四调衔接”机制", "四调衔接", True),
    ("青禾路", "青禾南路", False),  # a road's branch is another road
    ("青禾东大街", "青禾大街", False),
    ("青禾村公园", "青禾村利益统筹项目", False),  # without its tail the project is only the place
    ("青禾村利益统筹项目", "青禾村利益统筹", True),
    ("柳溪县委", "柳溪县人大常委会", False),  # a short form keeps the kind: the county's committee is another body
    ("柳溪国际机场", "柳溪机场", True),  # … which 机场 keeps
    ("云峰乡", "云峰傈僳族乡", True),
    ("云峰米", "云峰稻米加工产业园", False),
])
def test_same_thing(a, b, same):
    assert same_thing(a, b) is same


def test_core_drops_generic_tails_only():
    assert core("青木湾街区城市更新项目") == "青木湾街区"
    assert core("和顺路(东环路-西环路)新建工程") == "和顺路"
    assert core("工程") == "工程"


@pytest.mark.parametrize(("head", "named"), [
    ("五指岙", True),  # a word jieba does not know
    ("T4", True),  # a code
    ("非遗", False),  # jargon jieba lacks but general text uses
    ("托育", False),
    ("专项经费", False),  # a compound of common words
    ("养老服务", False),
])
def test_distinctive(head, named):
    assert distinctive(head) is named


@pytest.mark.parametrize(("name", "typ"), [
    ("民政部", "Organization"),  # a body named by its field
    ("市委党校", "Organization"),
    ("省工商联", "Organization"),  # a people's body singled out by its level
    ("区总工会", "Organization"),
    ("工商联", None),  # without a level: the kind of body
    ("省委宣传部", "Organization"),  # a level's department named by what it does
    ("市委组织部", "Organization"),
    ("宣传部", None),  # without a level: the kind of department
    ("兴业路", "Project"),  # a road named by an auspicious word
    ("海洋生物科技产业园", "Project"),  # a zone named by its theme
    ("青蓝光电", "Organization"),  # a company named by its trade
    ("青禾油脂", "Organization"),
    ("青禾汽车零部件", "Organization"),
    ("乡村振兴战略", "Program"),
    ("河长制", "Program"),  # an officer for each river: what the scheme is in charge of is its whole head
    ("链长制", "Program"),
    ("家长制", None),  # a word of its own
    ("青禾路拓宽提标工程", "Project"),  # 工程 of works on a road, not a programme
    ("青禾路架空线入地工程", "Project"),
    ("文化千村万户工程", "Program"),
    ("农贸市场", None),  # class nouns
    ("一条路", None),
    ("4号地块", None),
    ("重要道路", None),
])
def test_type_of(gaz, name, typ):
    assert type_of(name, gaz) == typ


def test_a_joiner_opens_no_name():
    assert trim("+湿地公园") == "湿地公园" and trim("5G+智慧园") == "5G+智慧园"


def test_a_verb_that_brings_projects_in_opens_no_name():
    assert trim("策划青禾工业园") == "青禾工业园" and trim("招引白鹭科技产业园") == "白鹭科技产业园"
    assert trim("谋划") == "谋划"  # nothing after it: left as it is


@pytest.mark.parametrize("name", ["苏木党委", "自治州党委", "村两委", "街道团工委", "电梯95部", "规章72部"])
def test_a_kind_of_division_s_committee_and_a_counted_single_character_body_name_nothing(name):
    gaz = Gazetteer.load()
    assert type_of(name, gaz) is None
    assert type_of("青溪镇党委", gaz) == "Organization"  # a place's own committee is one


@pytest.mark.parametrize("name", ["青湖快速通道", "滨江步道", "翠屏山栈道", "青禾渠", "白鹭湖电排站", "青湖中学扩建",
                                  "天青高中迁建", "青禾纸业技改"])
def test_passages_walkways_water_works_and_named_extensions_are_projects(name):
    assert type_of(name, Gazetteer.load()) == "Project"
    assert type_of("学校扩建", Gazetteer.load()) is None  # a kind of works, named by nothing


def test_a_named_education_campaign_is_a_programme_but_the_kind_alone_is_not():
    gaz = Gazetteer.load()
    assert type_of("“青春筑梦”主题教育", gaz) == "Program"
    assert type_of("党的群众路线教育实践活动", gaz) == "Program"
    assert type_of("主题教育", gaz) is None


def test_works_of_a_section_or_a_structure_s_part_are_construction_not_a_programme():
    gaz = Gazetteer.load()
    assert type_of("青湖高速公路白石段工程", gaz) == "Project"
    assert type_of("桩基工程", gaz) == "Project"
    assert type_of("文化千村万户工程", gaz) == "Program"  # a programme of activity stays one


@pytest.mark.parametrize(("first", "second"), [
    ("青河大道提升工程", "青河大道提升改造工程"),  # the shorter begins the longer
    ("湾区青河科创中心", "青河科创中心"),  # the shorter ends the longer
    ("青河高新区产业园", "青河高园"),  # an abbreviation of four characters
    ("青河光电半导体", "青河光导体"),  # an abbreviation of five: first two, last two, one between
    ("青河村", "青河社区"),  # one village stem
])
def test_spellings_of_one_thing_meet_in_a_block(first, second):
    assert same_thing(first, second)
    assert match_keys(first)[0] & match_keys(second)[1] and match_keys(second)[0] & match_keys(first)[1]


def test_names_sharing_only_a_common_ending_do_not_share_a_block():
    """Every company ends in 有限公司: a block keyed by the last four characters held them all, and
    resolution grew with the square of the corpus."""
    one, other = match_keys("青河光电有限公司"), match_keys("石岭机械有限公司")
    assert not (one[0] & other[1]) and not (other[0] & one[1])
    assert match_keys("石岭青河光电有限公司")[0] & one[1]  # the shorter ends the longer: they meet
    assert one[0] & match_keys("石岭青河光电有限公司")[1]


def test_names_sharing_only_their_first_and_last_two_do_not_share_a_block():
    """An abbreviation key of the first two and last two characters alone held 115k names at 1,000
    reports; the character between them must be one the longer name holds."""
    one, other = match_keys("青河光电半导体"), match_keys("青河机械半导体")
    assert not same_thing("青河光电半导体", "青河机械半导体")
    assert not (one[0] & other[1]) and not (other[0] & one[1])
