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
    assert original[reading.pos(a) : reading.pos(b)] == "青湖大橋擴(kuò)建(jiàn)"  # a gloss goes with its character
    assert plain(original[reading.pos(a) : reading.pos(b)]) == "青湖大橋擴建"


def test_a_text_without_glosses_keeps_its_offsets():
    reading = read("青湖大桥建成通车。")
    assert reading.origin is None and reading.pos(4) == 4


def test_a_glossed_name_is_found_as_written_and_known_by_its_plain_spelling():
    text = "2023年，青湖街道全力推進(jìn)青湖大橋擴(kuò)建工程建設(shè)。"
    result = extract(Document(id="g", path="g.txt", text=text, sha256="0" * 64, title=""), model="rules")
    names = {e.name: e for e in result.entities}
    bridge = next(e for n, e in names.items() if "大橋" in n)
    mention = bridge.mentions[0]
    assert text[mention.start : mention.end] == mention.text
    assert "(kuò)" in mention.text and bridge.name == plain(mention.text)
    assert mention.stage == "under_way"  # 推進(jìn) is read as 推进
