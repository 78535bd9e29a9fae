"""kg.manifest: the address a corpus's index.tsv gives each document, and the date in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import manifest
from kg.ingest import read_document

BODY = "青湖镇今年以来紧盯重点项目，已完成征地一百亩，项目建设有序推进。\n"


def corpus(tmp_path: Path, index: str, *, nested: bool) -> Path:
    folder = tmp_path / "texts" if nested else tmp_path
    folder.mkdir(exist_ok=True)
    (tmp_path / "index.tsv").write_text(index, encoding="utf-8")
    path = folder / "q07.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


@pytest.mark.parametrize("nested", [False, True])
def test_a_document_takes_its_address_from_the_manifest_beside_or_above_it(tmp_path, nested):
    path = corpus(tmp_path, "NN\turl\tyears\nq06\thttp://a.example/6.html\t2019\n"
                            "q07\thttp://a.example/news/202404/7.html\t2020\n", nested=nested)
    assert manifest.address(path) == "http://a.example/news/202404/7.html"
    doc = read_document(path)
    assert doc.metadata[manifest.ADDRESS] == "http://a.example/news/202404/7.html"
    assert "2020" not in doc.metadata.values()  # other columns (the annotator's years) are not read


def test_without_a_row_or_a_web_address_a_document_has_none(tmp_path):
    path = corpus(tmp_path, "doc\turl\nq07\tbundled:data/reports/q07.txt\nq08\thttp://a.example/8.html\n",
                  nested=False)
    assert manifest.address(path) is None
    assert manifest.ADDRESS not in read_document(path).metadata
    assert manifest.address(tmp_path / "q08.txt") == "http://a.example/8.html"


@pytest.mark.parametrize(("url", "date"), [
    ("http://a.example/lanzhou/201608/5553412.html", (2016, 8)),
    ("http://a.example/art/2023/3/10/art_1229_590.html", (2023, 3)),
    ("https://a.example/system/2022/05/17/100947599.shtml", (2022, 5)),
    ("http://a.example/zwgk/t20191231_123.html", (2019, 12)),
    ("http://a.example/invest/2017/185869.html", (2017, None)),
    ("http://a.example/rdzt/2025hxc/xzjd/202501/t20250114_19.html", (2025, 1)),  # not a word's digits
    ("http://a.example/zwgk/1737361055370784769.html", None),  # a page number is no date
    ("http://10.20.2019.56/p/794755.html", None),  # nor is the host
    ("http://a.example/news/folder1991/hb/2021/04/2021-04-12474105.html", (2021, 4)),  # nor a folder's number
    ("http://a.example/c/2016/x/2018/0412/1.html", (2018, 4)),  # a full date before a year alone
    ("http://a.example/hn/20180408_col/szqx/202103/t20210330_151.html", (2021, 3)),  # the page's, not its channel's
    ("https://a.example/zxz2029-06-13/11223.html", (2029, 6)),  # a whole day with its separators after a word
    ("https://a.example/hebei/2031092444505.html", (2031, 9)),  # a page number opening with its day
    ("https://a.example/hebei/2031094444505.html", None),  # (no day 44)
    ("https://a.example/news/zxz2029-06/1.html", None),  # a month alone after a word: a word's digits
])
def test_the_date_in_an_address_s_path(url, date):
    assert manifest.address_date(url) == date


def test_a_file_column_names_the_document_and_a_title_column_titles_it(tmp_path):
    (tmp_path / "index.tsv").write_text("file\ttitle\nq07.txt\t2031年青湖县政府工作报告\n"
                                        "q08.txt\t2031年白鹭县政府工作报告\n", encoding="utf-8")
    (tmp_path / "q07.txt").write_text(f"各位代表：\n{BODY}", encoding="utf-8")
    (tmp_path / "q08.txt").write_text(f"白鹭县召开2030年工作会议\n{BODY}", encoding="utf-8")
    (tmp_path / "q09.txt").write_text(f"白鹭县2030年工作总结\n{BODY}", encoding="utf-8")
    assert manifest.title(tmp_path / "q07.txt") == "2031年青湖县政府工作报告"
    assert read_document(tmp_path / "q07.txt").title == "2031年青湖县政府工作报告"
    # the corpus keeper's title before a line of the text's lead (a sentence there may look like one)
    assert read_document(tmp_path / "q08.txt").title == "2031年白鹭县政府工作报告"
    assert read_document(tmp_path / "q09.txt").title == "白鹭县2030年工作总结"  # no row: the text's own
    assert manifest.address(tmp_path / "q07.txt") is None  # no url column: no address
