"""People next to a title, on a signature line, counted or elected."""

from __future__ import annotations

from proposals import proposed

from kg.extract.candidates.propose import propose
from kg.gazetteer import Gazetteer


def test_a_name_after_a_title_is_proposed_across_the_blanks_of_a_signature_line():
    text = "青山县人民政府县长  林振东\n各位代表：现在，我代表县人民政府向大会报告工作。"
    got = proposed(text)
    assert "person" in got.get("林振东", set()), got
    assert not any(name.startswith((" ", "\u3000")) for name in got), got


def test_a_name_alone_on_its_line_or_after_a_candidate_s_title_is_a_person():
    text = "青山镇党委副书记、镇长候选人 林振东\n\n序号\n重点工作\n责任领导\n边祥东\n"
    got = proposed(text)
    assert "person" in got.get("林振东", set()) and "person" in got.get("边祥东", set()), got
    assert not {"序号", "重点工作", "责任领导"} & set(got), got


def test_names_after_titles_are_proposed_where_the_name_tagger_misses_them():
    def people(text: str) -> set[str]:
        return {text[c.start : c.end] for s in propose(text, Gazetteer.load()).sentences for c in s.candidates
                if c.type == "Person"}

    assert "林 溪" in people("青山镇人民政府镇长 林 溪\n")  # padded to the width of three
    assert "林 溪" in people("林 溪\n")  # alone on the signature line
    spaced = [c for s in propose("镇长 林 溪\n", Gazetteer.load()).sentences
              for c in s.candidates if c.type == "Person"]
    assert [c.full for c in spaced] == ["林溪"]  # named without the padding, written with it
    assert "陈海军" in people("青山镇人民政府镇长  陈海军\n")  # jieba reads 海军, a navy
    assert "陈海东" in people("由办事处主任陈海东任专班总指挥。")  # before the verb that follows a name
    assert "陈育菊" in people("陈育菊等5名企业职工获评优秀。")  # the first of the people counted
    assert not people("青山镇人民政府镇长办公会议召开。")


def test_a_name_after_a_title_and_a_colon_or_joined_by_a_middle_dot_is_a_person():
    got = proposed("青禾县县长 艾买提·吐尔逊\n各位代表：青禾街道办事处主任：郑明远（8月任职）。")
    assert "person" in got["艾买提·吐尔逊"] and "person" in got["郑明远"]
    assert "person" not in got.get("青禾街道", set())


def test_a_person_with_a_less_common_surname_after_a_title_is_proposed():
    got = proposed("镇党委副书记、镇长查明远主持会议，党委副书记代小军出席。")
    assert "person" in got["查明远"] and "person" in got["代小军"]


def test_people_after_more_titles_and_before_what_they_said_are_proposed():
    got = proposed("市委常委、市人武部部长刘继文参加。镇党委副书记、镇长胡天明表示，科创是关键。")
    assert "person" in got["刘继文"] and "person" in got["胡天明"]
    assert "胡天" not in got  # the whole name, not its first two characters


def test_a_name_after_a_title_ends_before_the_word_that_follows_names():
    got = proposed("县长柳青代表县政府作报告，镇长叶明川轮值接听专线，村民方小溪说，市委书记王岩率代表团考察。")
    assert {"柳青", "叶明川", "方小溪", "王岩"} <= got.keys()
    assert "柳青代" not in got and "王岩率" not in got  # 代表 and 率 follow the name


def test_names_after_a_title_are_proposed_whole_and_each_of_a_list_after_it():
    got = proposed("区长林祥为到青湖街道调研，政委叶青松、方溪陪同；本报记者柳小禾报道。")
    assert {"林祥为", "叶青松", "方溪", "柳小禾"} <= got.keys(), got
    assert "方溪陪" not in got  # 陪同 follows the name


def test_people_elected_or_speaking_after_a_banner_s_title_are_proposed():
    got = proposed("会议选举产生新一届领导班子。柯青山当选为镇长、窦明川当选为副镇长；代旗长苏云海，书记梅小林强调。")
    assert {"柯青山", "窦明川", "苏云海", "梅小林"} <= got.keys()
