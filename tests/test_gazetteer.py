"""The gazetteer: merging the two public data sets, looking up, resolving and placing districts."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from kg import gazetteer
from kg.gazetteer import Gazetteer, GazetteerDataError
from kg.model import Place

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
GOLD = Path("/work/shared/gold/dev")


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.load()


# ---------------------------------------------------------------- merging, on a made-up tree

# jionlp's layout: tabs give the depth; rows down to counties carry a code and a short name.
TREE = "\n".join([
    "甲省\t910000\t甲",
    "\t乙市\t910100\t乙",
    "\t\t丙县\t910121\t丙",
    "\t\t\t丁镇",
    "\t\t\t\t戊戌村",
    "\t\t\t\t己亥社区",
    "\t\t庚午县\t910122\t庚",  # since become 庚午区, with a new code
    "\t\t\t辛镇",
    "\t\t\t\t壬寅村",
    "\t\t丑县\t910124\t丑",
    "\t\t\t丁镇",  # same name as the town in 丙县
    "\t\t\t\t甲寅村",
    "\t省直辖行政区划\t919000\t省直辖",  # a placeholder row, not a division
    "\t\t癸市\t919001\t癸",
    "卯市\t920000\t卯",
    "\t卯市\t920000\t卯",  # a municipality repeats itself as its city
    "\t\t辰区\t920101\t辰",
    "巳省\t930000\t巳",  # its official code differs
])
DIVISIONS = [
    [1, "910000", "", "甲省"], [2, "910100", "910000", "乙市"],
    [3, "910121", "910100", "丙县"], [4, "910121001", "910121", "丁镇"], [4, "910121002", "910121", "子街道"],
    [3, "910123", "910100", "庚午区"], [4, "910123100", "910123", "辛镇"],
    [3, "910124", "910100", "丑县"], [4, "910124100", "910124", "丁镇"],
    [3, "919001", "910000", "癸市"],
    [1, "920000", "", "卯市"], [3, "920101", "920000", "辰区"],
    [1, "930099", "", "巳省"],
]


@pytest.fixture(scope="module")
def tiny() -> Gazetteer:
    return Gazetteer(gazetteer._make_index(TREE, DIVISIONS))


def test_towns_and_villages_get_parents_and_official_codes(tiny):
    [town] = [p for p in tiny.lookup("丁镇") if p.parents[0] == "丙县"]
    assert (town.level, town.code, town.parents) == ("town", "910121001", ["丙县", "乙市", "甲省"])
    assert [c.name for c in tiny.children(town)] == ["戊戌村", "己亥社区"]
    assert tiny.lookup("己亥社区") == [Place("己亥社区", "village", None, ["丁镇", "丙县", "乙市", "甲省"])]


def test_placeholder_and_municipal_city_rows_are_folded(tiny):
    assert tiny.lookup("癸市")[0].parents == ["甲省"]
    assert tiny.lookup("辰区")[0].parents == ["卯市"]
    assert not tiny.is_known("省直辖行政区划")
    assert len(tiny.lookup("卯市")) == 1


def test_renamed_county_takes_over_its_towns_and_the_old_one_goes(tiny):
    [town] = tiny.lookup("辛镇")
    assert (town.code, town.parents) == ("910123100", ["庚午区", "乙市", "甲省"])
    assert [c.name for c in tiny.children(town)] == ["壬寅村"]
    assert not tiny.is_known("庚午县")
    assert tiny.lookup("庚午")[0].name == "庚午区"  # short name made for a county only in the official list


def test_division_with_a_changed_code_matches_by_name(tiny):
    assert tiny.lookup("巳省") == [Place("巳省", "province", "930099", [])]


def test_town_only_in_official_list_is_added(tiny):
    assert tiny.lookup("子街道") == [Place("子街道", "town", "910121002", ["丙县", "乙市", "甲省"])]


def test_resolve_scores_ancestors_descendants_and_siblings(tiny):
    assert tiny.resolve("丁镇", []) is None
    assert tiny.resolve("丁镇", ["丑县"]).code == "910124100"  # ancestor
    assert tiny.resolve("丁镇", ["戊戌村"]).code == "910121001"  # descendant
    assert tiny.resolve("丁镇", ["子街道"]).code == "910121001"  # sibling
    assert tiny.resolve("丁镇", ["乙市"]) is None  # both lie in it: a tie


def test_villages_written_whole_or_bare_place_a_town(tiny):
    place = tiny.place_masked("town", ["戊戌", "己亥村"], parents=["丙县"])
    assert (place.name, place.parents[0]) == ("丁镇", "丙县")
    assert tiny.place_masked("town", ["戊戌", "戊戌村", "戊戌社区"]) is None  # one village, written thrice


# ---------------------------------------------------------------- the real data


def test_a_town_held_in_a_text_comes_with_the_villages_it_names_as_bare_stems(g):
    found = dict((p.name, stems) for p, stems in g.towns_in("卜里坪大道改造，梁家湾小区完工，茅塘片区在建。"))
    assert found["卜里坪街道"] == ["梁家湾", "茅塘"]
    unnamed = g.towns_in("梁家湾小区完工，茅塘片区在建。")  # its villages, but not the town's own name
    assert "卜里坪街道" not in {p.name for p, _ in unnamed}


def test_same_named_town_resolved_by_its_county(g):
    place = g.resolve("福海街道", ["宝安区", "深圳市"])
    assert place.parents == ["宝安区", "深圳市", "广东省"]
    assert place.code == "440306010"
    assert place.evidence


def test_the_other_same_named_town_resolved_by_its_city(g):
    [other] = [p for p in g.lookup("福海街道") if p.code != "440306010"]
    assert other.parents == ["西山区", "昆明市", "云南省"]
    assert g.resolve("福海街道", ["昆明市"]) == Place(
        "福海街道", "town", other.code, other.parents, 1.0, g.resolve("福海街道", ["昆明市"]).evidence)


def test_ambiguous_name_without_context_is_not_resolved(g):
    assert len(g.lookup("福海街道")) == 2
    assert g.resolve("福海街道", []) is None
    assert g.resolve("福海街道", ["不存在的地方"]) is None


def test_short_names(g):
    assert g.resolve("宝安", []).name == "宝安区"
    [cixi] = g.lookup("慈溪")
    assert (cixi.name, cixi.level, cixi.parents) == ("慈溪市", "county", ["宁波市", "浙江省"])
    assert g.lookup("广东")[0].name == "广东省"
    assert not g.lookup("丁镇")  # short names are for provinces, cities and counties only
    assert g.is_known("宝安") and g.is_known("宝安区") and not g.is_known("宝安镇区")



def test_short_names_in_a_text_are_those_it_contains(g):
    text = "山水瓯海建设稳步推进，与慈溪、宝安两地签订协作协议。"
    found = g.short_names_in(text)
    assert {"瓯海", "慈溪", "宝安"} <= set(found)
    assert sorted(found) == sorted(n for n in g.short_names() if n in text)
    assert g.short_names_in("") == [] and g.short_names_in("镇") == []


def test_short_names_come_in_the_order_the_text_names_them(g):
    found = g.short_names_in("山水瓯海建设稳步推进，与慈溪、宝安两地签订协作协议。")
    assert [n for n in found if n in ("瓯海", "慈溪", "宝安")] == ["瓯海", "慈溪", "宝安"]  # whatever the hash seed


def test_is_known_agrees_with_lookup(g):
    """is_known's single bisection (and its cache) finds what lookup finds, at both ends of the sorted
    names too."""
    names = sorted(g._ix.names)
    probes = [*names[:3], *names[-3:], *names[:: len(names) // 500], *g.short_names(),
              "", "宝安镇区", names[0][:-1], names[-1] + "镇", "\uffff"]
    assert all(g.is_known(n) == bool(g.lookup(n)) for n in probes)
    assert all(g.is_known(n) == bool(g.lookup(n)) for n in probes)  # answered by the cache this time


def test_names_are_left_alone_by_the_garbage_collector(g):
    """700k names in a list would be traversed by every full collection during extraction."""
    gc.collect()
    assert not gc.is_tracked(g._ix.names)

def test_short_name_dictionary_drops_common_words(g):
    names = g.short_names()
    assert {"宝安", "慈溪", "东莞", "瓯海", "深圳"} <= names
    assert g.lookup("合作")[0].name == "合作市" and "合作" not in names
    assert g.lookup("光明")[0].name == "光明区" and "光明" not in names
    assert g.lookup("新建")[0].name == "新建区" and "新建" not in names
    assert {"大理", "白银"} <= names  # cities' short names stay, however common
    assert all(len(n) >= 2 for n in names)


def test_municipalities_and_cities_without_counties(g):
    assert g.lookup("嘉定区")[0].parents == ["上海市"]
    assert ["东莞市", "广东省"] in [p.parents for p in g.lookup("万江街道")]


def test_community_lies_in_its_town(g):
    fuhai = g.resolve("福海街道", ["宝安区"])
    assert "塘尾社区" in [c.name for c in g.children(fuhai)]
    assert g.resolve("塘尾社区", ["福海街道"]).parents[:2] == ["福海街道", "宝安区"]


def test_place_masked_by_three_communities(g):
    place = g.place_masked("town", ["大洋社区", "新和社区", "塘尾"], parents=["宝安区"])
    assert (place.name, place.code) == ("福海街道", "440306010")
    assert place.parents == ["宝安区", "深圳市", "广东省"]
    assert place.confidence >= 0.8
    assert "大洋社区" in place.evidence[0] and "福海街道" in place.evidence[0]


def test_place_masked_says_the_same_whatever_order_its_parents_come_in(g):
    a = g.place_masked("town", ["大洋社区", "新和社区", "塘尾"], parents=["宝安区", "深圳市", "东莞市"])
    b = g.place_masked("town", ["大洋社区", "新和社区", "塘尾"], parents=["东莞市", "深圳市", "宝安区"])
    assert a is not None and b is not None and a.evidence == b.evidence and a.name == b.name


def test_place_masked_needs_two_real_communities(g):
    assert g.place_masked("town", ["大洋社区"], parents=["宝安区"]) is None
    assert g.place_masked("town", ["甲乙丙丁社区", "子丑寅卯村", "天干地支社区"], parents=["宝安区"]) is None
    with pytest.raises(ValueError, match="level"):
        g.place_masked("hamlet", ["大洋社区", "新和社区"])


# ---------------------------------------------------------------- the real corpus


@pytest.mark.parametrize("gold", sorted(GOLD.glob("0*.json")), ids=lambda p: p.stem[:3])
def test_gold_districts_are_known_with_their_parents(g, gold):
    district = json.loads(gold.read_text(encoding="utf-8"))["district"]
    place = g.resolve(district["name"], district["parents"])
    assert place.parents == district["parents"] and place.code


def test_masked_report_placed_by_the_villages_it_names(g):
    """Report 004 writes its district as *街道; it names three of its villages and its county."""
    text = next(REPORTS.glob("004_*.txt")).read_text(encoding="utf-8")
    villages = [v for v in ("丹东", "应潭", "上垟") if v in text]
    place = g.place_masked("town", [v + "村" for v in villages], parents=["瓯海"])
    assert place.parents[0] == "瓯海区" and place.level == "town" and place.code
    assert place.confidence >= 0.5


# ---------------------------------------------------------------- the cache


def test_second_open_reads_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = Gazetteer.open()
    [cached_file] = (tmp_path / "kg").glob("gazetteer-*.pickle")

    def no_build(files):
        raise AssertionError("rebuilt although the cache is fresh")

    monkeypatch.setattr(gazetteer, "_build_index", no_build)
    assert Gazetteer.open()._ix == fresh._ix

    cached_file.write_bytes(b"not a pickle")
    monkeypatch.setattr(gazetteer, "_build_index", lambda files: fresh._ix)
    assert Gazetteer.open()._ix == fresh._ix  # a corrupt cache is rebuilt, silently


def test_unwritable_cache_dir_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(gazetteer, "_build_index", lambda files: gazetteer._make_index(TREE, DIVISIONS))
    assert Gazetteer.open(blocker / "kg").is_known("丁镇")


def test_missing_data_file_is_named(tmp_path, monkeypatch):
    missing = tmp_path / "china_location.zip"
    monkeypatch.setattr(gazetteer, "data_files", lambda: {"tree": missing})
    with pytest.raises(GazetteerDataError, match="china_location.zip"):
        Gazetteer.open(tmp_path)


def test_an_autonomous_county_is_found_by_its_short_name_with_a_plain_suffix(g):
    assert [p.name for p in g.lookup("天祝县")] == ["天祝藏族自治县"]
    assert [p.name for p in g.lookup("鄂伦春旗")] == ["鄂伦春自治旗"]
    assert [p.name for p in g.lookup("镇宁自治县")] == ["镇宁布依族苗族自治县"]  # the people left out
    assert g.is_known("民和县") and not g.is_known("民和区")
