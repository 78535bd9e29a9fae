"""Ingestion: decoding, formats, cleaning rules on invented snippets, and the real corpus."""

from __future__ import annotations

import os
import pickle
from collections import Counter
from pathlib import Path

import pytest

from kg.ingest import SUPPORTED, IngestError, clean_text, iter_input_files, read_document

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"

BODY = ("青禾街道2022年工作总结\n一、2022年工作回顾\n"
        "全年新建云杉路口袋公园2个，完成溪畔小学改扩建工程，群众满意度稳步提升。\n"
        "二、2023年工作计划\n力争建成北岭社区党群服务中心，推进滨河片区城市更新。\n")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def reason(path: Path, **kw) -> str:
    with pytest.raises(IngestError) as info:
        read_document(path, **kw)
    assert info.value.path == str(path)
    return info.value.reason


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line]


# ---------------------------------------------------------------------------- encodings

@pytest.mark.parametrize(("data", "encoding"), [
    (BODY.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + BODY.encode("utf-8"), "utf-8-sig"),
    (b"\xff\xfe" + BODY.encode("utf-16-le"), "utf-16-le"),
    (b"\xfe\xff" + BODY.encode("utf-16-be"), "utf-16-be"),
    (BODY.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by where the NUL bytes sit
    (BODY.encode("utf-16-be"), "utf-16-be"),
    (BODY.encode("gb18030"), "gb18030"),
    (BODY.encode("gbk"), "gb18030"),
])
def test_each_encoding_decodes_to_the_same_text(tmp_path, data, encoding):
    doc = read_document(write(tmp_path, "r.txt", data))
    assert doc.encoding == encoding
    assert doc.text == BODY.strip()
    assert "\ufeff" not in doc.text
    assert doc.title == "青禾街道2022年工作总结"


def test_windows_line_endings_and_mac_line_endings(tmp_path):
    doc = read_document(write(tmp_path, "r.txt", BODY.replace("\n", "\r\n").encode("gb18030")))
    assert doc.text == BODY.strip()
    doc = read_document(write(tmp_path, "m.txt", BODY.replace("\n", "\r")))
    assert doc.text == BODY.strip()


def test_truncated_utf8_is_refused_with_the_byte_offset(tmp_path):
    data = BODY.encode("utf-8")[:-2]  # cut inside the last character
    why = reason(write(tmp_path, "cut.txt", data))
    assert f"truncated UTF-8 at byte {len(data) - 2}" in why


def test_truncated_utf16_without_bom_is_named(tmp_path):
    data = BODY.encode("utf-16-le")[:-1]
    assert f"truncated UTF-16-LE at byte {len(data) - 1}" in reason(write(tmp_path, "cut.txt", data))


def test_big5_is_found_by_detection(tmp_path):
    text = "本街道全年新建公園兩個，完成學校改擴建工程。\n推進城市更新，群眾滿意度穩步提升。\n"
    doc = read_document(write(tmp_path, "tw.txt", text.encode("big5")))
    assert doc.encoding == "big5" and doc.text == text.strip()


def test_invalid_byte_in_utf8_is_refused_not_read_as_gb18030(tmp_path):
    data = BODY.encode("utf-8")
    data = data[:40] + b"\xff" + data[40:]
    assert "invalid UTF-8 at byte 40" in reason(write(tmp_path, "bad.txt", data))


def test_binary_with_nul_bytes_is_refused(tmp_path):
    data = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    assert reason(write(tmp_path, "img.txt", data)) == "binary content (NUL bytes) in a .txt file"


def test_binary_without_nul_bytes_is_refused(tmp_path):
    data = bytes(range(1, 32)) * 40
    assert "binary content" in reason(write(tmp_path, "ctl.md", data))


def test_empty_whitespace_and_boilerplate_only_files(tmp_path):
    assert reason(write(tmp_path, "a.txt", b"")) == "empty file"
    assert reason(write(tmp_path, "b.txt", " \n\u3000\u3000\n\t\n")) == "empty file"
    assert reason(write(tmp_path, "c.txt", "我要回帖\n\n更多推荐\n}\n")) == \
        "no text left after removing boilerplate"


# ---------------------------------------------------------------------------- file problems

def test_too_large_is_refused_before_reading(tmp_path):
    path = write(tmp_path, "big.txt", BODY * 50)
    why = reason(path, max_bytes=1000)
    assert why.startswith("too large:") and "1,000 bytes limit (--max-size)" in why
    assert read_document(path, max_bytes=path.stat().st_size).text


def test_megabyte_sizes_are_written_in_mb(tmp_path):
    path = write(tmp_path, "big.txt", b"x" * 2_100_000)
    assert reason(path, max_bytes=2_000_000) == "too large: 2.1 MB > 2 MB limit (--max-size)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_real_permissions(tmp_path):
    path = write(tmp_path, "secret.txt", BODY)
    path.chmod(0)
    try:
        assert reason(path) == "permission denied"
    finally:
        path.chmod(0o644)


def test_unreadable_file_is_reported_as_permission_denied(tmp_path, monkeypatch):
    """As root chmod 000 does not stop reads, so the OS refusal is simulated at open()."""
    path = write(tmp_path, "secret.txt", BODY)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert reason(path) == "permission denied"


def test_directory_symlink_missing_and_unsupported(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert reason(folder) == "is a directory, not a file"
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert reason(link) == "broken symbolic link (target missing)"
    assert reason(tmp_path / "absent.txt") == "no such file"
    assert reason(write(tmp_path, "sheet.xyz", BODY)).startswith("unsupported file type .xyz")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reason(fifo) == "not a regular file (device, pipe or socket)"  # and does not hang


def test_error_names_file_and_survives_pickling():
    err = pickle.loads(pickle.dumps(IngestError("a/b.txt", "empty file")))
    assert (err.path, err.reason, str(err)) == ("a/b.txt", "empty file", "a/b.txt: empty file")


# ---------------------------------------------------------------------------- formats

def test_html_keeps_visible_text_only(tmp_path):
    html = """<!DOCTYPE html><html><head><title>站点标题_某某网</title>
    <style>p { color: red }</style></head><body>
    <script>alert(1)</script><noscript>请启用脚本</noscript><!-- 注释 -->
    <h1>青禾街道2022年工作总结</h1>
    <table><tr><td>发布机构</td><td>青禾街道办事处</td></tr></table>
    <p>全年新建云杉路口袋公园2个，
       完成溪畔小学改扩建工程。<br>群众满意度&nbsp;稳步提升&amp;持续巩固。</p>
    <div>打印本页</div></body></html>"""
    doc = read_document(write(tmp_path, "page.htm", html.encode("gb18030")))
    assert doc.format == "html"
    for gone in ("alert", "color", "请启用脚本", "注释", "站点标题", "打印本页", "<"):
        assert gone not in doc.text
    assert doc.metadata == {"发布机构": "青禾街道办事处"}
    assert paragraphs(doc.text) == ["青禾街道2022年工作总结",
                                    "全年新建云杉路口袋公园2个， 完成溪畔小学改扩建工程。",
                                    "群众满意度 稳步提升&持续巩固。"]
    assert doc.title == "青禾街道2022年工作总结"


def test_html_with_only_markup_is_refused(tmp_path):
    html = "<html><head><title>x</title></head><body><script>1</script></body></html>"
    path = write(tmp_path, "empty.html", html)
    assert reason(path) == "no visible text in the HTML markup"


def test_markdown_markup_is_stripped_lightly(tmp_path):
    md = ("# 青禾街道工作总结\n\n## 一、2022年工作回顾\n\n"
          "- **云杉路**口袋公园建成，详见[公告](http://x.example/a)。\n"
          "> 引用的一句话很长很长。\n\n*街道卫生院开工。\n\n"
          "| 项目 | 进度 |\n|---|---|\n| 溪畔小学 | 完工 |\n")
    doc = read_document(write(tmp_path, "r.md", md))
    assert doc.format == "md"
    assert paragraphs(doc.text) == ["青禾街道工作总结", "一、2022年工作回顾",
                                    "云杉路口袋公园建成，详见公告。", "引用的一句话很长很长。",
                                    "*街道卫生院开工。", "项目  进度", "溪畔小学  完工"]


def test_docx_paragraphs_and_table_cells_in_order(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_heading("青禾街道2022年工作总结", level=1)
    d.add_paragraph("一、2022年工作回顾")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "进度"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "溪畔小学改扩建工程已完工"
    d.add_paragraph("二、2023年工作计划")
    path = tmp_path / "r.docx"
    d.save(path)
    doc = read_document(path)
    assert (doc.format, doc.encoding, doc.title) == ("docx", "", "青禾街道2022年工作总结")
    assert paragraphs(doc.text) == ["青禾街道2022年工作总结", "一、2022年工作回顾", "项目", "进度",
                                    "溪畔小学改扩建工程已完工", "二、2023年工作计划"]


def test_corrupt_docx_and_old_doc(tmp_path):
    assert reason(write(tmp_path, "bad.docx", b"PK\x03\x04 not really a zip")).startswith(
        "corrupt or unreadable .docx: BadZipFile")
    assert "old binary Word (.doc)" in reason(write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0" + b"\x00" * 64))


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose text layer holds `lines`: a Type0 font with a ToUnicode map,
    so any Chinese text can be written without embedding a font."""
    chars = sorted({ch for line in lines for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n" + "".join(f"<{cid[c]:04X}> <{ord(c):04X}>\n" for c in chars)
            + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    ops = "".join(f"BT /F1 12 Tf 50 {780 - 20 * i} Td <{''.join(f'{cid[c]:04X}' for c in line)}> Tj ET\n"
                  for i, line in enumerate(lines))
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        " /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H"
        " /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        f"<< /Length {len(ops.encode())} >>\nstream\n{ops}endstream",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_pdf_text_layer_with_wrapped_lines_rejoined(tmp_path):
    lines = ["一、2022年工作回顾",
             "全年新建云杉路口袋公园两个，完成溪畔小学改扩",
             "建工程，推进滨河片区城市更新，北岭社区党群服",
             "务中心投入使用，群众满意度稳步提升，社会大局",
             "和谐稳定。",
             "二、2023年工作计划",
             "力争建成青禾体育公园。"]
    doc = read_document(write(tmp_path, "r.pdf", make_pdf(lines)))
    assert doc.format == "pdf"
    assert paragraphs(doc.text) == [
        "一、2022年工作回顾",
        "全年新建云杉路口袋公园两个，完成溪畔小学改扩建工程，推进滨河片区城市更新，北岭社区党群服务中心投入使用，"
        "群众满意度稳步提升，社会大局和谐稳定。",
        "二、2023年工作计划", "力争建成青禾体育公园。"]


def test_pdf_without_text_is_a_scan_and_corrupt_pdf_is_refused(tmp_path):
    assert reason(write(tmp_path, "scan.pdf", make_pdf([]))) == "scanned PDF: no text layer"
    assert reason(write(tmp_path, "bad.pdf", b"%PDF-1.4\n" + b"garbage " * 20)).startswith(
        "corrupt or unreadable .pdf:")


# ---------------------------------------------------------------------------- normalisation

def test_normalisation_keeps_fullwidth_punctuation():
    raw = ("  青禾街道：完成ＡＢＣ项目１２个（含二期），\u3000投资\xa0５亿元。  \r\n"
           "\n\n\n\n下一段\u200b内容。\t\n")
    text, _, _ = clean_text(raw)
    assert text == "青禾街道：完成ABC项目12个（含二期）， 投资 5亿元。\n\n下一段内容。"


# ---------------------------------------------------------------------------- metadata

def test_metadata_block_key_then_value_on_next_line_or_same_line():
    raw = ("索引号：\n\nABC123/2023-0001\n\n发布机构:\n\n北岭镇人民政府\n\n公开方式：主动公开\n"
           "发布日期：2023-02-01  来源：北岭镇  浏览次数：35\n生成日期:\n2023-02-02\n\n"
           "北岭镇2023年工作要点\n\n一、稳增长。新建来源于社会资本的产业基金一支，建成滨河绿道。\n")
    text, meta, title = clean_text(raw)
    assert meta == {"索引号": "ABC123/2023-0001", "发布机构": "北岭镇人民政府", "公开方式": "主动公开",
                    "发布日期": "2023-02-01", "来源": "北岭镇", "生成日期": "2023-02-02"}
    assert paragraphs(text) == ["北岭镇2023年工作要点",
                                "一、稳增长。新建来源于社会资本的产业基金一支，建成滨河绿道。"]
    assert title == "北岭镇2023年工作要点"


@pytest.mark.parametrize("line", ["18.02.2016  12:16", "2016-02-18 12:16:05", "2016年2月18日"])
def test_a_date_alone_near_the_top_is_the_publication_date(line):
    raw = f"青禾街道推进三项重点工作\n\n{line}\n\n青禾街道迅速行动，全年新建口袋公园两个。\n"
    text, meta, _ = clean_text(raw)
    assert meta == {"发布日期": "2016-02-18"}
    assert paragraphs(text) == ["青禾街道推进三项重点工作", "青禾街道迅速行动，全年新建口袋公园两个。"]


@pytest.mark.parametrize("line", ["2016-02-18 12:16:05 来源:青禾街道办事处",
                                  "(2016/2/18 9:41:02)  来源:某县融媒体中心  打印本页"])
def test_a_date_before_the_pages_fields_is_the_publication_date_and_the_fields_stay(line):
    raw = f"青禾街道推进三项重点工作\n\n{line}\n\n青禾街道迅速行动，全年新建口袋公园两个。\n"
    text, meta, _ = clean_text(raw)
    assert meta == {"发布日期": "2016-02-18"}
    assert "来源:" in text and "青禾街道迅速行动" in text


def test_a_news_pages_source_and_time_line_is_metadata():
    text, meta, _ = clean_text("青禾镇推进三项重点工作\n来源:青禾日报 时间:2023-07-28\n青禾镇全年新建口袋公园两个。\n")
    assert meta == {"来源": "青禾日报", "时间": "2023-07-28"}
    assert text.startswith("青禾镇推进三项重点工作") and "口袋公园" in text and "时间" not in text


def test_a_portal_s_posting_time_field_is_metadata():
    text, meta, _ = clean_text("青禾镇推进三项重点工作\n发表时间:2023-07-28\n青禾镇全年新建口袋公园两个。\n")
    assert meta == {"发表时间": "2023-07-28"}
    assert "口袋公园" in text and "发表时间" not in text


def test_a_date_before_words_that_are_no_fields_is_no_publication_date():
    text, meta, _ = clean_text("青禾街道工作简报\n2016-02-18 青禾街道召开推进会\n")
    assert meta == {}
    assert "2016-02-18 青禾街道召开推进会" in text


def test_a_key_spaced_out_with_several_blanks_is_a_key():
    text, meta, title = clean_text("名  称: 青禾镇2022年工作总结\n青禾镇2022年工作总结\n全年新建口袋公园两个。\n")
    assert meta == {"名称": "青禾镇2022年工作总结"}
    assert "名  称" not in text and "全年新建口袋公园两个。" in text


def test_a_date_inside_a_sentence_stays_in_the_text():
    text, meta, _ = clean_text("青禾街道工作简报\n2016年2月18日，青禾街道召开推进会。\n")
    assert meta == {}
    assert "2016年2月18日，青禾街道召开推进会。" in text


def test_metadata_key_without_short_value_does_not_eat_the_body():
    text, meta, _ = clean_text("来源：\n一、全年新建口袋公园两个。\n")
    assert meta == {}
    assert text == "一、全年新建口袋公园两个。"


def test_an_empty_last_field_of_a_row_does_not_take_the_next_line():
    raw = "发布日期:2024-06-05 14:47 信息来源:青禾镇 浏览次数:\n\n2023年工作回顾\n\n一年来，全镇新建口袋公园两个。\n"
    text, meta, _ = clean_text(raw)
    assert meta == {"发布日期": "2024-06-05 14:47", "信息来源": "青禾镇"}
    assert paragraphs(text) == ["2023年工作回顾", "一年来，全镇新建口袋公园两个。"]
    alone, meta_alone, _ = clean_text("信息来源:\n青禾镇\n一年来，全镇新建口袋公园两个。\n")
    assert meta_alone == {"信息来源": "青禾镇"} and "青禾镇\n" not in alone  # a key alone still takes it


def test_a_key_alone_takes_no_sentence_of_the_body_as_its_value():
    raw = ("青禾镇项目开工活动\n时间:2031-03-31 18:59\n字体\n\n"
           "3月30日上午，青禾镇办了一场重点项目开工活动，县里领导一行出席。\n\n本次开工项目共8个。\n")
    text, meta, _ = clean_text(raw)
    assert meta == {"时间": "2031-03-31 18:59"}
    assert paragraphs(text)[1:] == ["3月30日上午，青禾镇办了一场重点项目开工活动，县里领导一行出席。",
                                    "本次开工项目共8个。"]
    text, _, _ = clean_text("青禾镇项目开工活动\n字号\n大 中 小\n\n本次开工项目共8个。\n")
    assert paragraphs(text) == ["青禾镇项目开工活动", "本次开工项目共8个。"]  # the key's own short line goes


def test_a_forum_post_line_dates_the_page_and_stays():
    raw = "青禾论坛\n发表于 2023-10-27 08:10:55 | 显示全部楼层 |阅读模式\n\n今年以来，青禾镇新建口袋公园两个。\n"
    text, meta, _ = clean_text(raw)
    assert meta == {"发布日期": "2023-10-27"}
    assert "显示全部楼层" in text and "今年以来" in text
    _, undated, _ = clean_text("青禾论坛\n他发表于2023年的文章被转载多次。\n")
    assert undated == {}


def test_metadata_title_field_wins():
    raw = "标题：关于青禾街道2023年工作计划的报告\n青禾街道\n正文第一段内容较长，写明了全年的目标任务。\n"
    _, meta, title = clean_text(raw)
    assert title == "关于青禾街道2023年工作计划的报告" == meta["标题"]


# ---------------------------------------------------------------------------- boilerplate

def test_template_site_preface_and_markers_are_removed():
    raw = ("青禾街道2023年工作计划范文(通用3篇)\n【概述】\n"
           "根据实际需要，某某范文网的网友为您精心整理了这篇工作计划，供大家参考借鉴。\n【正文】\n"
           "青禾街道2023年工作计划\n一、2022年工作总结\n全年新建口袋公园两个。\n")
    text, _, title = clean_text(raw)
    assert paragraphs(text) == ["青禾街道2023年工作计划", "一、2022年工作总结", "全年新建口袋公园两个。"]
    assert title == "青禾街道2023年工作计划"


def test_title_taken_from_template_preface_when_no_heading():
    raw = ("以下是小编为大家整理的北岭镇上半年工作总结，仅供参考。\n"
           "今年以来，北岭镇坚持稳中求进，全年新建口袋公园两个，成效明显，群众普遍满意。\n")
    text, _, title = clean_text(raw)
    assert title == "北岭镇上半年工作总结"
    assert "小编" not in text


def test_forum_ad_and_navigation_lines_are_removed_and_report_lines_stay():
    raw = ("当前位置：首页 > 政务公开 > 计划总结\n报告标题在这里(第2/5页)\n"
           "一、2021年工作总结\n推动辖区企业开通微信公众号，引导居民关注社区公众号获取通知。\n"
           "关闭违规小作坊十二家，打印社区宣传册三千份。\n（二）更多惠民举措落地\n"
           "上一篇：某某镇工作总结\n下一篇：另一篇文章\n相关推荐\n扫一扫在手机打开当前页\n"
           "关注我们的微信公众号\n免责声明：本站内容来自网络。\n责任编辑：王某\n【打印本页】【关闭窗口】\n"
           "分享到：\n原文地址：http://example.com/a.html\n本文由某网站收集整理\n———\n")
    text, _, title = clean_text(raw)
    assert paragraphs(text) == ["报告标题在这里", "一、2021年工作总结",
                                "推动辖区企业开通微信公众号，引导居民关注社区公众号获取通知。",
                                "关闭违规小作坊十二家，打印社区宣传册三千份。", "（二）更多惠民举措落地"]
    assert title == "报告标题在这里"


def test_stray_question_title_at_top_is_dropped_but_not_in_body():
    raw = ("从青禾地铁站到云杉公园要多久？\n\n一、2022年工作回顾\n怎样让群众更满意？\n"
           "我们坚持问需于民，全年办理民生实事二十件，群众满意度稳步提升。\n")
    text, _, _ = clean_text(raw)
    assert paragraphs(text) == ["一、2022年工作回顾", "怎样让群众更满意？",
                                "我们坚持问需于民，全年办理民生实事二十件，群众满意度稳步提升。"]


# ---------------------------------------------------------------------------- repeated blocks

COPY = ["一、2022年工作回顾", "全年新建云杉路口袋公园两个，完成溪畔小学改扩建工程，群众满意度稳步提升。",
        "二、2023年工作计划",
        "力争建成北岭社区党群服务中心，推进滨河片区城市更新，打造宜居街区；深化基层治理，办好民生实事，"
        "持续提升群众获得感、幸福感和安全感。"]


def test_body_held_twice_is_read_once():
    second = ["  " + line.replace("，", " ，") for line in COPY]  # tiny whitespace differences
    other = "另一篇网页的正文内容，讲的是别的事情，长度也超过二十个字。"
    raw = "\n".join(["标题行：青禾街道工作", *COPY, "}", other, "}", *second, "}"])
    text, _, _ = clean_text(raw)
    assert paragraphs(text) == ["标题行：青禾街道工作", *COPY, other]


def test_short_repeated_lines_outside_a_repeated_block_stay():
    raw = "\n".join(["一、工作回顾", "全年新建云杉路口袋公园两个，完成溪畔小学改扩建工程。", "附表",
                     "二、工作计划", "力争建成北岭社区党群服务中心，推进滨河片区城市更新。", "附表",
                     "一、", "第三段完全不同的内容，也超过二十个字，作为对照。", "一、"])
    text, _, _ = clean_text(raw)
    assert Counter(paragraphs(text))["附表"] == 2
    assert Counter(paragraphs(text))["一、"] == 2


def test_teaser_quoting_the_body_at_the_top_is_dropped_body_kept():
    assert len(COPY[3]) >= 60  # teasers are long excerpts; short lines (titles) are never teasers
    teaser = "（" + COPY[3].replace("力争建成", "力争全面建成") + "）"
    text, _, _ = clean_text("\n".join([teaser, *COPY, "后文是另一段无关内容，说明页面上还有别的东西。"]))
    assert paragraphs(text) == [*COPY, "后文是另一段无关内容，说明页面上还有别的东西。"]


def test_title_quoted_later_in_the_body_is_kept():
    raw = ("青禾街道2022年工作总结\n一、总体情况\n"
           "现将青禾街道2022年工作总结报告如下，请予审议，并提出意见建议。\n")
    text, _, title = clean_text(raw)
    assert paragraphs(text)[0] == title == "青禾街道2022年工作总结"


def test_intro_of_a_repeated_report_is_not_mistaken_for_a_teaser():
    intro = ("今年以来，青禾街道坚持稳中求进工作总基调，统筹发展和安全，扎实推进城市更新和基层治理，"
             "各项工作取得新进展，现将情况报告如下。")
    changed = intro.replace("现将情况报告如下", "现将有关情况报告如下")
    assert len(intro) >= 60  # long enough to be looked at as a possible teaser
    text, _, _ = clean_text("\n".join([intro, *COPY, changed, *COPY]))
    assert paragraphs(text)[:len(COPY) + 1] == [intro, *COPY]


# ---------------------------------------------------------------------------- finding files

def test_iter_input_files_walks_sorted_skips_hidden_and_unsupported(tmp_path):
    for rel in ["报告 二/b 2022.TXT", "报告 二/a.docx", "报告 二/.草稿.txt", "报告 二/~$a.docx",
                "报告 一/z.md", "报告 一/深层/x.html", "报告 一/notes.xyz", ".hidden/in.txt", "top.pdf"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "zz link.txt").symlink_to(tmp_path / "top.pdf")  # the same file twice: yielded once
    loose = tmp_path / "报告 一" / "notes.xyz"
    inputs = [tmp_path, loose, tmp_path / "top.pdf"]
    found = [p.relative_to(tmp_path).as_posix() for p in iter_input_files(inputs)]
    assert found == ["top.pdf", "报告 一/z.md", "报告 一/深层/x.html", "报告 二/a.docx",
                     "报告 二/b 2022.TXT",
                     "报告 一/notes.xyz"]  # named explicitly: read_document will say why it is refused
    assert found == [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path, loose])]
    assert all(Path(f).suffix.lower() in SUPPORTED for f in found[:-1])


def test_iter_input_files_missing_path_raises(tmp_path):
    with pytest.raises(IngestError) as info:
        list(iter_input_files([tmp_path / "无此目录"]))
    assert info.value.reason == "no such file or directory"


# ---------------------------------------------------------------------------- the real corpus

@pytest.fixture(scope="module")
def corpus() -> dict[str, object]:
    return {p.name[:3]: read_document(p) for p in iter_input_files([REPORTS])}


def test_every_report_reads(corpus):
    assert len(corpus) == 5
    for doc in corpus.values():
        assert doc.text and doc.encoding == "utf-8" and doc.format == "txt" and len(doc.sha256) == 64
        assert "范文" not in doc.title and "页)" not in doc.title


def test_report_with_its_body_twice_is_read_once(corpus):
    doc = corpus["001"]
    paras = paragraphs(doc.text)
    assert [p for p, n in Counter(paras).items() if n > 1 and len(p) >= 20] == []
    raw = [line.strip() for line in (REPORTS / f"{doc.id}.txt").read_text(encoding="utf-8").split("\n")]
    first = raw.index(next(line for line in raw if line.startswith("一、")))
    copy = [line for line in raw[first:raw.index("}", first)] if line]
    assert paras[:len(copy)] == copy  # the first copy, intact, opens the cleaned text
    assert "我要回帖" not in doc.text and "版权声明" not in doc.text and "}" not in doc.text


def test_government_metadata_block_is_parsed_off(corpus):
    doc = corpus["003"]
    assert doc.metadata["发布机构"].endswith("街道")
    assert doc.metadata["发布日期"][:4].isdigit()
    assert "索引号" not in doc.text and "公开方式" not in doc.text
    assert doc.text.startswith(doc.title)


def test_template_preface_is_removed(corpus):
    assert "好范文网" not in corpus["000"].text and "【正文】" not in corpus["000"].text
    assert "小编" not in corpus["004"].text
    assert corpus["000"].text.startswith(corpus["000"].title + "\n一、")
    assert "第3/4页" not in corpus["002"].text


def test_portal_metadata_in_table_and_space_separated_layouts():
    table = "[ 索引号 ] | 99X/2030-00001 | [ 发文字号 ] | 青府发〔2030〕1号 |\n[ 发布机构 ] | 青溪镇 | [ 有效性 ] | |\n"
    spaced = "索引号 AB123/2030-00002 生成日期 2030-01-17\n文件编号 发布机构 青溪镇人民政府 效力状况 有效\n"
    for head, agency in ((table, "青溪镇"), (spaced, "青溪镇人民政府")):
        text, meta, _ = clean_text(head + "青溪镇2030年工作总结\n一、2030年工作回顾\n青溪镇完成了道路建设。\n")
        assert meta["发布机构"] == agency
        assert "索引号" not in text and "|" not in text
        assert "青溪镇完成了道路建设" in text


def test_portal_keys_spaced_out_in_a_pipe_table():
    head = ("索 引 号: | 99X/2030-00001 | 信息类别: | 其他 |\n发布机构: | 青溪镇 | 发文日期: | 2030-03-27 |\n"
            "标 题: | 2030年政府工作报告 | ||\n文 号: | 无 | 效力状态: | 有效 |\n")
    text, meta, title = clean_text(head + "一、2029年工作回顾\n青溪镇完成了道路建设。\n")
    assert (meta["索引号"], meta["发布机构"], meta["发文日期"]) == ("99X/2030-00001", "青溪镇", "2030-03-27")
    assert title == "2030年政府工作报告" and text.startswith("一、2029年工作回顾")


def test_a_docx_that_expands_past_the_limit_is_refused_before_it_is_parsed(tmp_path):
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:t>" + b" " * 3_000_000 + b"</w:t>")
    assert path.stat().st_size < 100_000  # small on disk, three megabytes inside
    with pytest.raises(IngestError, match=r"expands to 3 MB > 1 MB limit \(--max-size\)") as e:
        read_document(path, max_bytes=1_000_000)
    assert e.value.path == str(path)


def test_an_edit_time_field_dates_the_page():
    raw = "青禾镇召开人代会\n最后编辑时间:2024-03-16 15:02:33 来源:未知 作者:未知\n\n3月6日，青禾镇人代会召开。\n"
    _, meta, _ = clean_text(raw)
    assert meta["最后编辑时间"] == "2024-03-16 15:02:33"


def test_a_text_file_holding_a_page_s_source_is_read_as_the_page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text('<p class="ql-block">回顾2021</p><p class="ql-block">青湖镇全年实现税收1亿元。</p>'
                 '展望2022 <p class="ql-block">2022年，青湖镇将力争税收增长10%。</p>', encoding="utf-8")
    doc = read_document(p)
    assert "<p" not in doc.text and "class" not in doc.text
    assert "\n2022年，青湖镇将" in doc.text  # each paragraph on its own line
    plain = tmp_path / "plain.txt"
    plain.write_text("青湖镇全年实现税收1亿元，增幅<5%的企业有3家。\n", encoding="utf-8")
    assert read_document(plain).text.strip() == "青湖镇全年实现税收1亿元，增幅<5%的企业有3家。"
