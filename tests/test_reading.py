"""The copy the extractor reads: simplified, pinyin glosses left out, offsets mapped back."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document
from kg.reading import plain, read


def test_glosses_are_left_out_and_offsets_map_back_to_the_original():
    original = "推進(jìn)青湖大橋擴(kuò)建(jiàn)，社區(qū)(km)達標"
    reading = read(original)
    assert reading.text == "推进青湖大桥扩建，社区(km)达标"  # a bracket without a tone mark stays
    a = reading.text.index("青湖")
    b = reading.text.index("，")
    assert original[slice(*reading.span(a, b))] == "青湖大橋擴(kuò)建(jiàn)"  # a gloss goes with its character
    assert plain(original[slice(*reading.span(a, b))]) == "青湖大橋擴建"


def test_blanks_of_a_wrapped_pdf_line_are_left_out_but_not_reported():
    original = "青禾昊 瑞环保公司 2023 年建成 投产，引进 3 家企业。"
    reading = read(original)
    assert reading.text == "青禾昊瑞环保公司2023年建成投产，引进3家企业。"
    a, b = reading.text.index("青禾"), reading.text.index("公司") + 2
    assert original[slice(*reading.span(a, b))] == "青禾昊 瑞环保公司"  # no blank after the name


def test_a_text_without_glosses_keeps_its_offsets():
    reading = read("青湖大桥建成通车。")
    assert reading.starts is None and reading.span(4, 6) == (4, 6)


def test_a_glossed_name_is_found_as_written_and_known_by_its_plain_spelling():
    text = "2023年，青湖街道全力推進(jìn)青湖大橋擴(kuò)建工程建設(shè)。"
    result = extract(Document(id="g", path="g.txt", text=text, sha256="0" * 64, title=""), model="rules")
    names = {e.name: e for e in result.entities}
    bridge = next(e for n, e in names.items() if "大橋" in n)
    mention = bridge.mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert "(kuò)" in mention.text and bridge.name == plain(mention.text)
    assert mention.stage == "under_way"  # 推進(jìn) is read as 推进


def test_full_width_digits_and_letters_read_as_ascii_in_place():
    reading = read("２０３１年ＧＤＰ增长５％")
    assert reading.text == "2031年GDP增长5％" and reading.starts is None
