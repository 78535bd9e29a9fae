"""Who a report speaks for, at any level, on invented headers; and on the provincial and national
reports of ../shared/corpus-gwr where present."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kg.author import author, publisher
from kg.gazetteer import Gazetteer
from kg.ingest import read_document
from kg.model import Document

GWR = Path(__file__).resolve().parents[2] / "shared" / "corpus-gwr"


def doc(text: str, title: str = "") -> Document:
    return Document(id="t", path="t.txt", text=text, sha256="0" * 64, title=title)


def placed(text: str, title: str = "") -> tuple[str, str] | None:
    p = author(doc(text, title), Gazetteer.load())
    return None if p is None else (p.name, p.level)


def test_a_province_is_named_by_its_congress_and_its_governor():
    text = ("政府工作报告\n——2025年1月10日在湖南省第十四届人民代表大会第三次会议上\n湖南省省长 某某\n"
            "各位代表：\n现在，我代表省人民政府，向大会报告工作。\n一、2024年工作回顾\n")
    assert placed(text) == ("湖南省", "province")


def test_a_municipality_speaks_as_a_city_and_is_a_province():
    text = "2025年天津市政府工作报告\n天津市市长 某 某\n各位代表：\n现在，我代表天津市人民政府，向大会报告工作。\n"
    assert placed(text) == ("天津市", "province")


def test_a_county_level_city_speaks_as_a_city():
    text = ("政府工作报告\n——2024年2月27日在新郑市第六届人民代表大会第五次会议上\n新郑市人民政府市长 某某\n"
            "各位代表：\n现在，我代表市人民政府，向大会报告工作。\n一、2023年工作回顾\n")
    assert placed(text) == ("新郑市", "county")


def test_a_county_of_a_city_is_read_from_the_signature_after_its_city():
    text = ("政府工作报告\n在珠海市香洲区第九届人民代表大会第一次会议上\n珠海市香洲区区长 某某\n"
            "我代表区人民政府作报告。\n")
    assert placed(text) == ("香洲区", "county")


@pytest.mark.parametrize("opening", [
    "本报讯 12月26日上午，珠海市香洲区第九届人民代表大会第三次会议举行，区长某某作政府工作报告。",
    "本报讯 珠海市香洲区九届人大三次会议昨日开幕。记者从会上获悉，今年该区将实施五大行动。",
])
def test_a_news_item_is_placed_by_the_congress_session_it_reports(opening):
    text = opening + "\n2024年，全区新建口袋公园12个，完成老旧小区改造。凤山街道、拱北街道同步推进。"
    assert placed(text) == ("香洲区", "county")


def test_a_congress_a_town_report_only_mentions_does_not_place_it():
    text = "凤山街道2024年工作总结\n深入贯彻香洲区第九届人民代表大会第三次会议精神，完成道路建设。"
    assert placed(text)[0] == "凤山街道"


def test_a_county_known_by_its_short_name_is_resolved_in_full():
    text = "2024年峨边县政府工作报告\n县长 某某\n我代表县人民政府向大会报告工作。\n"
    assert placed(text) == ("峨边彝族自治县", "county")


def test_the_state_council_speaks_for_the_country():
    text = "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n一、过去一年工作回顾\n"
    assert placed(text) == ("中华人民共和国", "country")


def test_a_town_summary_titled_with_its_name_is_placed_even_when_the_name_is_shared():
    text = "建设街道2022年工作总结和2023年工作思路\n2022年以来，街道坚持稳中求进。\n"
    assert placed(text) == ("建设街道", "town")


def test_a_header_whose_division_is_not_the_speaker_s_level_decides_nothing():
    text = "在广东省第十四届人民代表大会上\n我代表镇人民政府，向大会报告工作。\n"
    assert placed(text) is None


def test_the_portal_s_issuing_body_places_a_report_whose_header_does_not():
    report = Document(id="t", path="t.txt", text="一、2024年工作回顾\n2024年，我们完成了道路建设。", sha256="0" * 64,
                      title="2024年政府工作报告", metadata={"发布机构": "沔城回族镇"})
    place = author(report, Gazetteer.load())
    assert place is not None and (place.name, place.level) == ("沔城回族镇", "town")
    assert place.evidence == ["metadata: 发布机构: 沔城回族镇"]


def test_a_text_without_a_header_is_left_to_the_body():
    assert placed("今年以来，街道认真贯彻落实各项决策部署，推进青河公园建设。") is None


@pytest.mark.skipif(not GWR.is_dir(), reason="../shared/corpus-gwr is absent")
def test_the_provincial_and_national_reports_are_placed_at_their_level():
    rows = list(csv.DictReader((GWR / "index.tsv").open(encoding="utf-8"), delimiter="\t"))
    gaz = Gazetteer.load()
    right = sum((p := author(read_document(next(GWR.rglob(r["file"]))), gaz)) is not None and p.name == r["place"]
                for r in rows)
    assert right >= 0.95 * len(rows), right


def test_a_title_naming_a_province_by_its_short_name_places_it():
    assert placed("2025年新疆政府工作报告\n各位代表：\n过去一年，全区经济增长6%。") == ("新疆维吾尔自治区", "province")
    assert placed("政府工作报告\n各位代表：\n过去一年，全区经济增长6%。") is None  # no name, no place


def test_a_title_cut_before_its_last_word_still_names_the_district():
    assert placed("2019年宣城市宣州区政府工作\n一、2018年工作回顾\n全区生产总值增长7%。") == ("宣州区", "county")
    assert placed("一、2018年工作回顾\n宣州区政府工作有序推进。") is None  # mid-sentence: no title


def test_the_office_of_a_district_government_that_issued_a_page_places_it():
    d = Document(id="t", path="t.txt", text="政府工作报告\n各位代表：\n一、2022年工作回顾\n", sha256="0" * 64,
                 metadata={"发布机构": "浦东新区政府办"})
    place = author(d, Gazetteer.load())
    assert place is not None and place.name == "浦东新区"


def test_a_level_word_alone_names_no_author_but_the_division_named_with_it_does():
    assert placed("3月15日，社区代表会议召开。与会代表听取和审议了街道工作报告。") is None
    assert placed("与会代表听取和审议了静安寺街道工作报告。") == ("静安寺街道", "town")


def test_a_progress_report_titled_with_its_district_is_placed_there():
    assert placed("宣州区2024年重点建设项目1-9月推进情况\n一、总体推进情况\n项目完成投资60%。") == ("宣州区", "county")
    assert placed("一、总体推进情况\n宣州区2024年重点项目推进情况良好。") is None  # mid-sentence: no title


def test_a_byline_places_a_page_only_through_publisher_not_as_its_author():
    text = "来源：本网-宣城市宣州区人民政府 【字号：大 中 小】\n一、2022年工作回顾\n全区生产总值增长7%。"
    assert placed(text) is None  # a county's site publishes its towns' news too: not the header's author
    assert publisher(doc(text), Gazetteer.load()).name == "宣州区"
