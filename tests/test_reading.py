"""The copy the extractor reads: simplified, pinyin glosses left out, offsets mapped back."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document
from kg.reading import plain, read, spelled_in


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


def test_a_figure_written_a_digit_at_a_time_is_read_as_one():
    original = "1 9 9 8 年全县生产总值增长1 4 ．1 ％，引进 3 家企业，2030 2031年。"
    reading = read(original)
    assert reading.text == "1998年全县生产总值增长14．1 ％，引进3家企业，2030 2031年。"  # two figures stay two
    a = reading.text.index("14．1")
    assert original[slice(*reading.span(a, a + 4))] == "1 4 ．1"


def test_a_year_written_in_numerals_reads_as_its_digits_in_place():
    original = "一九七一年比一九七〇年提高，二〇三三年建成，“十一五”时期，一九五四个"
    reading = read(original)
    assert reading.text == "1971年比1970年提高，2033年建成，“十一五”时期，一九五四个"
    assert reading.starts is None  # one for one: the offsets are the original's
    assert read("二o三三年建成").text == "2033年建成"  # its zero typed as a letter, as the sections read it


_PAGE = (  # a report's page as a PDF copy gives it: every line of one width, cut mid-word
    "2031年，青湖镇坚持项目为王，全力以赴抓投资，总投\n"
    "资8亿元的白鹭新材料、青禾食品等6个续建项目投\n"
    "产达效，镇区道路改造提升，新建停车场两处，新增车\n"
    "位三百个，老旧小区改造惠及居民一千二百户，群众\n"
    "满意度明显提升，镇容镇貌焕然一新，获评市级文明\n"
    "乡镇。\n"
)


def test_the_line_breaks_of_a_page_wrapped_mid_sentence_are_read_as_nothing():
    reading = read(_PAGE)
    assert "投产达效" in reading.text and "新增车位" in reading.text
    assert reading.text.count("\n") == 1  # the paragraph's own end stays
    result = extract(Document(id="w", path="w.txt", text=_PAGE, sha256="0" * 64, title=""), model="rules")
    firm = next(m for e in result.entities for m in e.mentions if m.text == "青禾食品")
    assert firm.stage == "completed"  # 投产, cut by the line break, is read whole


def test_parallel_headings_of_one_width_among_paragraphs_are_not_joined():
    text = "".join(f"{h}\n{'全年新建道路三条，改造管网五公里，惠及群众一万人，' * 3}\n" for h in (
        "立足产业发展，让经济更有活力", "立足城市更新，让环境更加宜居", "立足民生保障，让群众更加满意",
        "立足基层治理，让社会更加和谐"))
    assert read(text).text == text


def test_a_page_of_two_columns_read_across_is_not_joined():
    left = ("2031年，青湖镇坚持项目为王，全力以赴", "总投资8亿元的白鹭新材料、青禾食品",
            "等6个续建项目投产达效，镇区道路改", "造提升，新建停车场两处，新增车位三",
            "百个，老旧小区改造惠及居民一千二百")
    right = ("抓投资，完成年度目标，新增市场主体", "二百家，新增就业岗位五百个，城乡居",
             "民收入稳步增长，社会大局和谐稳定，", "群众满意度明显提升，获评市级文明乡",
             "镇，全年安全生产形势平稳向好，群众")
    text = "".join(f"{a} {b}\n" for a, b in zip(left, right, strict=True))
    assert read(text).text.count("\n") == text.count("\n")  # a line's end runs on in the other column


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


def test_a_simplified_name_is_found_as_the_text_spells_it():
    text = "2023年長風(fēng)鄉政府工作報告"
    assert spelled_in(text, "长风乡") == "長風鄉"
    assert spelled_in(text, "青湖镇") is None
