"""Files on disk → `Document`: find inputs, decode, extract text by format, clean.

Reports are scraped from template sites, forums and government portals, so the raw text
carries site prefaces, forum footers, metadata blocks and sometimes its whole body twice.
Every cleaning rule here is a generic, line-based pattern about *web pages*, never about
one report's wording, so the same cleaning works on reports this code has not seen.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import logging
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg import manifest
from kg.model import Document

SUPPORTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}


class IngestError(Exception):
    """A file that cannot be read, with a reason a user can act on."""

    def __init__(self, path: str | Path, reason: str):
        super().__init__(str(path), reason)  # both in args, so the error survives pickling
        self.path = str(path)
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


# ---------------------------------------------------------------------------- finding files

def _hidden(name: str) -> bool:
    """Dot-files and Word's ~$ lock files are never reports."""
    return name.startswith((".", "~$"))


def _walk(root: Path) -> list[Path]:
    """Supported files under a folder, sorted per folder; symlinked folders are not followed."""
    def refuse(err: OSError) -> None:
        raise IngestError(err.filename or root, f"cannot list folder: {err.strerror or err}")

    found = []
    for folder, dirs, files in os.walk(root, onerror=refuse):
        dirs[:] = sorted(d for d in dirs if not _hidden(d))
        found += [Path(folder, f) for f in sorted(files)
                  if not _hidden(f) and f.lower().endswith(SUPPORTED)]
    return found


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files and folders (recursive, sorted, deterministic; hidden files/dirs skipped); yields every
    regular file with a SUPPORTED suffix (case-insensitive). A path that does not exist raises
    IngestError. A file named explicitly is yielded whatever it is, so that `read_document` can
    say what is wrong with it instead of it vanishing silently. Each real file is yielded once."""
    seen: set[str] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates = _walk(path)
        elif path.exists() or path.is_symlink():
            candidates = [path]
        else:
            raise IngestError(path, "no such file or directory")
        for p in candidates:
            real = os.path.realpath(p)
            if real not in seen:
                seen.add(real)
                yield p


# ---------------------------------------------------------------------------- reading bytes

def _size(n: float) -> str:
    return f"{n / 1e6:.1f}".removesuffix(".0") + " MB" if n >= 100_000 else f"{int(n):,} bytes"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after checking with stat that it is a regular file of sane size."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise IngestError(path, "broken symbolic link (target missing)" if path.is_symlink()
                          else "no such file") from None
    except PermissionError:
        raise IngestError(path, "permission denied") from None
    except OSError as e:
        raise IngestError(path, f"cannot access: {e.strerror or e}") from None
    if stat.S_ISDIR(st.st_mode):
        raise IngestError(path, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(path, "not a regular file (device, pipe or socket)")
    if st.st_size > max_bytes:
        raise IngestError(path, f"too large: {_size(st.st_size)} > {_size(max_bytes)} limit (--max-size)")
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)  # +1: a file that grew since stat is still caught
    except PermissionError:
        raise IngestError(path, "permission denied") from None
    except OSError as e:
        raise IngestError(path, f"cannot read: {e.strerror or e}") from None
    if len(raw) > max_bytes:
        raise IngestError(path, f"too large: more than {_size(max_bytes)} limit (--max-size)")
    if not raw:
        raise IngestError(path, "empty file")
    return raw


# ---------------------------------------------------------------------------- decoding

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
# Characters no real text is made of: control codes, private use, replacement marks.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def _is_text(text: str) -> bool:
    """At most 2 % of the characters are control codes or similar junk."""
    return len(_NOT_TEXT.findall(text)) <= 0.02 * max(1, len(text))


def _bomless_utf16(raw: bytes) -> str | None:
    """UTF-16 without BOM: ASCII code units put their NUL byte on one side only."""
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    if max(even, odd) < 4 * min(even, odd) + 1:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


def _looks_utf8(raw: bytes) -> bool:
    """Many good multi-byte UTF-8 characters per bad byte: damaged UTF-8, not another encoding."""
    text = raw.decode("utf-8", "replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    return sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd") >= 10 * max(bad, 1)


def _bad_bytes(enc: str, err: UnicodeDecodeError, skip: int) -> str:
    kind = "truncated" if err.reason in ("unexpected end of data", "truncated data") else "invalid"
    name = enc.removesuffix("-sig").upper()
    return f"not valid text in any supported encoding ({kind} {name} at byte {err.start + skip})"


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    """Text and the encoding that produced it: BOM, then UTF-8, BOM-less UTF-16 (NUL bytes),
    GB18030 and charset detection. Damaged UTF-8/UTF-16 is refused, not read as something else."""
    suffix = path.suffix.lower()
    bom = next(((b, enc) for b, enc in _BOMS if raw.startswith(b)), None)
    if bom:
        tries = [(bom[1], len(bom[0]))]
    elif b"\x00" in raw:
        enc16 = _bomless_utf16(raw)
        try:  # only a guess: taken when the bytes (up to a dangling last one) read as text
            utf16 = enc16 is not None and _is_text(raw[:len(raw) // 2 * 2].decode(enc16))
        except UnicodeDecodeError:
            utf16 = False
        if not utf16 or enc16 is None:
            raise IngestError(path, f"binary content (NUL bytes) in a {suffix} file")
        tries = [(enc16, 0)]
    else:
        tries = [("utf-8", 0), ("gb18030", 0)]
    junk = False  # something decoded, but into control codes or private-use characters
    for enc, skip in tries:
        try:
            text = raw[skip:].decode(enc)
        except UnicodeDecodeError as err:
            if len(tries) == 1 or (enc == "utf-8" and _looks_utf8(raw)):
                raise IngestError(path, _bad_bytes(enc, err, skip)) from None
            continue
        if _is_text(text):
            return text, enc
        junk = True
    if len(tries) > 1:
        from charset_normalizer import from_bytes  # last resort, and slow: imported when needed

        best = from_bytes(raw).best()
        if best is not None and _is_text(str(best)):
            return str(best), best.encoding
    if junk:
        raise IngestError(path, f"binary content (mostly non-text) in a {suffix} file")
    raise IngestError(path, "not valid text in any supported encoding (tried UTF-8, UTF-16, GB18030 "
                            "and detection)")


# ---------------------------------------------------------------------------- formats

_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3",
               "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "aside", "main",
               "blockquote", "pre", "dd", "dt", "dl", "figure", "figcaption", "form", "hr")


# Block tags in a text file (<p class="…">, <br/>): the source of a page, copied as text.
_MARKUP = re.compile(rf"<(?:{'|'.join(_BLOCK_TAGS)})\b[^<>]{{0,200}}>", re.I)
_MARKUP_REACH = 20_000  # characters looked at for it


def _html_text(html: str) -> str:
    """Visible text only; block elements become line breaks, inline whitespace collapses as in
    a browser (a line break inside a <p> is not a paragraph break)."""
    from bs4 import BeautifulSoup, NavigableString  # heavy imports, only for HTML input

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "head", "template", "svg", "iframe"]):
        tag.decompose()
    for s in soup.find_all(string=True):
        if type(s) is not NavigableString:  # comments, doctype, CDATA
            s.extract()
        elif s.find_parent("pre") is None:
            s.replace_with(re.sub(r"\s+", " ", s))
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    return soup.get_text()


# Single * emphasis is left alone: * is also the mask of anonymised names (*街道).
_MD_RULES = (
    (re.compile(r"^\s{0,3}(```|~~~).*$", re.M), ""),  # code fences
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M), ""),  # reference-link definitions
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [label](url), ![alt](src)
    (re.compile(r"^\s{0,3}(#{1,6}|>+|[-*+])\s+", re.M), ""),  # heading, quote, bullet markers
    (re.compile(r"(\*\*|__|~~|`)(\S|\S.*?\S)\1"), r"\2"),  # bold, strike-through, code
    (re.compile(r"^\s*\|(.*)\|\s*$", re.M), lambda m: "  ".join(c.strip() for c in m[1].split("|"))),
)


def _markdown_text(md: str) -> str:
    """Markdown with the markup lightly stripped: headings, emphasis, links, table pipes."""
    for pattern, repl in _MD_RULES:
        md = pattern.sub(repl, md)
    return md


def _docx_text(raw: bytes) -> str:
    """Paragraphs and table cells in document order (merged cells once)."""
    import docx  # heavy import, only for .docx input
    from docx.table import Table

    lines = []
    for block in docx.Document(io.BytesIO(raw)).iter_inner_content():
        if not isinstance(block, Table):
            lines.append(block.text)
            continue
        for row in block.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    lines.append(cell.text)
    return "\n".join(lines)


_SENTENCE_END = tuple("。！？!?；;：:…”」』)）")


def _unwrap(text: str) -> str:
    """Rejoin lines a PDF wrapped at the page margin: a line about as long as the longest lines
    that does not end a sentence continues on the next (a name split over two lines is rejoined)."""
    lines = text.split("\n")
    lengths = sorted(len(s.strip()) for s in lines if s.strip())
    full = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    out: list[str] = []
    wrapped = False
    for line in (s.strip() for s in lines):
        if wrapped and line and not _HEADING.match(line):
            sep = " " if out[-1][-1].isascii() and line[0].isascii() else ""
            out[-1] += sep + line
        else:
            out.append(line)
        wrapped = full >= 15 and len(line) >= 0.85 * full and not line.endswith(_SENTENCE_END)
    return "\n".join(out)


def _pdf_text(raw: bytes) -> str:
    from pypdf import PdfReader  # heavy import, only for .pdf input

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings repeat our IngestError reason
    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValueError("encrypted PDF (needs a password)")
    return _unwrap("\n".join(page.extract_text() or "" for page in reader.pages))


def _check_expanded(raw: bytes, path: Path, max_bytes: int) -> None:
    """Refuse an archive (a .docx is a zip) whose members expand past `max_bytes`, before any XML
    is parsed. The sizes its directory declares are enough: zipfile never inflates a member past
    its declared size (a crafted, understated one fails its CRC check instead). Not a zip: the
    parser says why."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            declared = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return
    if declared > max_bytes:
        raise IngestError(path, f"expands to {_size(declared)} > {_size(max_bytes)} limit (--max-size)")


def _container_text(extract: Callable[[bytes], str], raw: bytes, path: Path, fmt: str) -> str:
    """Run a docx/pdf library; whatever it raises on a broken file becomes a short reason."""
    if fmt == "docx" and raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError(path, "old binary Word (.doc) file named .docx: save it as .docx first")
    try:
        return extract(raw)
    except Exception as e:  # pypdf and python-docx raise many exception types on broken files
        msg = re.sub(r"\s+", " ", str(e)).strip()[:120]
        raise IngestError(path, f"corrupt or unreadable .{fmt}: {type(e).__name__}: {msg}") from None


# ---------------------------------------------------------------------------- cleaning

_WIDE_ALNUM = str.maketrans({chr(c): chr(c - 0xFEE0) for c in
                             (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))})
_SPACES = re.compile(r"[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\xad\u200b-\u200d\u2060\ufeff]")
_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")

# Section headings of a report: 一、 (一) 第一章 1. — used to tell the lead of a page from its body.
_HEADING = re.compile(r"([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]"
                      r"|第[一二三四五六七八九十]+[章节部分篇]|\d{1,2}[.、．](?!\d))")

# Government-portal metadata fields (key: value, or key alone with the value on the next line).
_META_KEYS = ("索引号", "发布机构", "发文机关", "发文单位", "公开方式", "组配分类", "主题分类", "体裁分类",
              "服务对象", "公开范围", "公开时限", "发布日期", "发布时间", "发表日期", "发表时间", "成文日期",
              "生效日期", "生成日期",
              "更新时间", "编辑时间", "最后编辑时间", "发稿时间",
              "文号", "发文字号", "来源", "信息来源", "标题", "主题词", "关键词", "作者", "公开日期", "文件编号",
              "发布部门", "有效性", "效力状况", "效力状态", "时效性", "发文日期", "信息类别", "名称",
              "时间")  # a news page's 来源：某网 时间：2023-07-28
# A key alone takes the next line as its value, unless that line is prose: a sentence under 字体 (3月30日
# 上午，…调研。) is the body's first, no field's value.
_SENTENCE = re.compile(r"[。！？!?；;]$|[，,].{8,}")
_NOISE_KEYS = ("浏览次数", "阅读次数", "访问次数", "点击数", "点击量", "字号", "字体")
# Portals space a key out to align a table (索 引 号, 名  称): blanks may stand between its characters.
_KEYS = "|".join(r"[ \u3000]{0,3}".join(key) for key in sorted(_META_KEYS + _NOISE_KEYS, key=len, reverse=True))
_KEY_ALONE = re.compile(rf"(?P<key>{_KEYS})\s*[:：]?")
_KEY_COLON = re.compile(rf"(?P<key>{_KEYS})(\s*[:：]|\s+(?=\S))")
# Table layouts of portals: "[ 索引号 ] | 1133…/2024-00007 | [ 发布机构 ] | 某某镇 |".
_KEY_CELL = re.compile(rf"[\[【]\s*(?P<key>{_KEYS})\s*[\]】]\s*\|?")

# Page furniture, when a short line *starts* with it: forum, share, navigation and copyright lines.
_FURNITURE = re.compile(
    r"[\s【\[(（]*(我要回帖|回复本帖|发表评论|网友评论|更多(关于|相关|推荐|精彩|.{0,30}的文章)"
    r"|版权(声明|所有)|免责声明|本文(由|来源|链接|地址)|原文(地址|链接|出处)|转载(请|自)"
    r"|[上下]一(篇|页)|相关(推荐|阅读|文章|链接|范文|搜索)|推荐阅读|热门(推荐|文章|阅读|标签)"
    r"|猜你喜欢|扫一扫|扫描二维码|(关注|长按).{0,12}公众号|责任编辑|(编辑|审核|校对)[:：]"
    r"|打印本页|关闭(本页|窗口)|收藏本页|分享到|点击(添加|关注|这里|查看|下载|进入|阅读)"
    r"|(添加|加)(站长|客服|小编|作者|我的?)?微信"
    r"|返回(顶部|首页|列表)|网站(地图|首页)|(当前|您的|你的)位置|首页\s*[>»›])")
# Template-site prefaces and ads, wherever they occur in a line of moderate length.
_PREFACE = re.compile(
    r"(为|给)(你|您|大家)(精心)?(整理|收集|搜集|分享)|小编|范文(网|大全|库|先生|之家)"
    r"|(供(大家|您|你|读者)|仅供)(参考|借鉴|学习)|如有侵权|侵权.{0,12}删除")
# Section markers of template sites: 【概述】 【正文】 …
_MARKER = re.compile(r"【(概述|正文|摘要|导读|简介|导语|全文|原文|内容简介|正文开始|相关阅读|相关文章"
                     r"|相关推荐|推荐阅读|热门推荐|热门文章)】"
                     r"|(\s*[【\[](打印|关闭|收藏|返回|打印本页|关闭窗口|返回顶部|字体|大|中|小|分享)[】\]])+")
_PAGE_MARK = re.compile(r"\s*[(（]\s*第\s*\d+\s*(/\s*\d+\s*页|页\s*[,，/]?\s*(共\s*\d+\s*页)?)\s*[)）]")
# What sites append to a page title: 范文, (通用5篇), _某某网.
_TITLE_NOISE = re.compile(r"(\s*[_|\-–—]\s*[^_|\-–—\s]{2,20}(网|网站|门户)"
                          r"|范文|范例|模板|精选|大全|[(（]?(通用|精选)?\s*\d+\s*篇[)）]?)+$")
_TEMPLATE_TITLE = re.compile(r"(整理|分享|收集|推荐|带来)[了的]?(这篇|一篇)?[“\"《]?"
                             r"(?P<t>[^,，。;；“”\"《》]{4,60}?)[”\"》]?(范文)?[,，。;；]")
_NOT_TITLE = re.compile(r"[。！？!?；;，,]|[:：]$|^[(（].*[)）]$")
_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[^\W_]")
_PUNCT = re.compile(r"[\W_]+")

_TIME = r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_YMD_LINE = re.compile(r"(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})日?" + _TIME)
_DMY_LINE = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)" + _TIME)  # 18.02.2016 12:16
# A date at the start of a line, alone, in brackets, or before the page's fields.
_DATED = [re.compile(rf"[(（\[【]?\s*{line.pattern}\s*[)）\]】]?(?=\s|$)") for line in (_YMD_LINE, _DMY_LINE)]
# A forum's or blog's post line: 发表于 2023-10-27 08:10:55 | 显示全部楼层 — whatever follows.
_POSTED = re.compile(rf"(?:发表于|发布于)\s*{_YMD_LINE.pattern}")
_FURNITURE_TAIL = re.compile(r"\s*(?:打印本页|关闭窗口|【?[大中小]】?|字号[:：]?|分享到?)+\s*$")
_LEAD_LINES = 8  # how far from the top page furniture (titles, teasers) is looked for
_MIN_REPEAT = 20  # paragraphs at least this long are dropped when seen before
_TEASER_OVERLAP = 0.8  # share of a lead paragraph's trigrams found in a later paragraph


def _normalise(raw: str) -> list[str]:
    """Unified line breaks, full-width letters/digits made ASCII (full-width punctuation is kept:
    the extractors rely on it), exotic spaces made plain, invisible characters removed, lines
    stripped."""
    text = _INVISIBLE.sub("", _BREAKS.sub("\n", raw)).translate(_WIDE_ALNUM)
    return [line.strip() for line in _SPACES.sub(" ", text).split("\n")]


def _lead_end(lines: list[str]) -> int:
    """Index where a page's lead (title, teaser, site furniture) ends: the first section heading,
    or after a few non-empty lines."""
    count = 0
    for i, line in enumerate(lines):
        if _HEADING.match(line):
            return i
        count += bool(line)
        if count > _LEAD_LINES:
            return i
    return len(lines)


def _meta_fields(line: str) -> list[tuple[str, str]] | None:
    """The (key, value) pairs of a metadata line (索引号：… 发布机构：…), or None for any other line."""
    if len(line) > 150:
        return None
    line = _KEY_CELL.sub(lambda m: m["key"] + "：", line).replace("|", " ").strip()
    if alone := _KEY_ALONE.fullmatch(line):
        return [(_key(alone["key"]), "")]
    marks = list(_KEY_COLON.finditer(line))
    if not marks or marks[0].start() != 0:
        return None
    ends = [m.start() for m in marks[1:]] + [len(line)]
    return [(_key(m["key"]), line[m.end():end].strip()) for m, end in zip(marks, ends, strict=True)]


def _key(written: str) -> str:
    return re.sub(r"[ \u3000]", "", written)


def _date_line(line: str) -> tuple[str, bool] | None:
    """A line that is a date (and time), as news pages print it, alone, in brackets or before the
    page's fields (2024-07-26 17:14 来源：某镇人民政府): the date ISO-written, and whether the line
    is the date alone."""
    if posted := _POSTED.match(line):
        return f"{posted['y']}-{int(posted['m']):02d}-{int(posted['d']):02d}", False
    m = _DATED[0].match(line) or _DATED[1].match(line)
    if m is None:
        return None
    rest = _FURNITURE_TAIL.sub("", line[m.end():]).strip()
    if rest and _meta_fields(rest) is None:
        return None
    return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}", not rest


def _take_metadata(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Metadata lines removed from the text and parsed; a key alone takes the next short line; a
    date opening a line near the top (alone, or before the page's fields) is the publication date."""
    kept: list[str] = []
    meta: dict[str, str] = {}
    i = 0
    while i < len(lines):
        fields = _meta_fields(lines[i])
        i += 1
        if fields is None and i <= 2 * _LEAD_LINES and (dated := _date_line(lines[i - 1])):
            meta.setdefault("发布日期", dated[0])
            if not dated[1]:
                kept.append(lines[i - 1])  # the fields after the date stay text, as they were
            continue
        if fields is None:
            kept.append(lines[i - 1])
            continue
        key, value = fields[-1]
        if not value and len(fields) == 1:  # a key alone on its line (not the empty last field of a row)
            j = i
            while j < len(lines) and not lines[j]:
                j += 1
            nxt = lines[j] if j < len(lines) else ""
            if nxt and len(nxt) <= 100 and _meta_fields(nxt) is None and not (
                    _HEADING.match(nxt) or _SENTENCE.search(nxt)):
                fields[-1] = (key, nxt)
                i = j + 1
        for key, value in fields:
            value = re.sub(r"【[^】]{0,8}】", "", value).strip()
            if key in _META_KEYS and value:
                meta.setdefault(key, value)
    return kept, meta


def _tidy_title(line: str) -> str:
    return _TITLE_NOISE.sub("", _PAGE_MARK.sub("", line)).strip()


def _title_like(line: str) -> bool:
    """A short heading that could name the document."""
    return (4 <= len(line) <= 50 and bool(_CJK.search(line)) and not _HEADING.match(line)
            and not _NOT_TITLE.search(line))


def _drop_boilerplate(lines: list[str]) -> tuple[list[str], list[str]]:
    """(kept, removed) lines: page furniture and template prefaces removed, page markers and
    site noise cut from titles, and a short question at the top dropped (the title of another
    page caught by the scraper: …有多远?)."""
    kept: list[str] = []
    removed: list[str] = []
    end = _lead_end(lines)
    body_started = False
    for i, line in enumerate(lines):
        line = _PAGE_MARK.sub("", line)
        if not line:
            kept.append(line)
            continue
        if (not _WORD.search(line) or _MARKER.fullmatch(line)
                or (len(line) <= 80 and _FURNITURE.match(line))
                or (len(line) <= 300 and _PREFACE.search(line))
                or (i < end and not body_started and len(line) <= 40 and line[-1] in "?？")):
            removed.append(line)
            continue
        if i < end and _title_like(line):
            line = _tidy_title(line) or line
        body_started = body_started or len(line) >= 60
        kept.append(line)
    return kept, removed


def _trigrams(key: str) -> set[str]:
    return {key[i:i + 3] for i in range(len(key) - 2)}


def _drop_repeats(lines: list[str]) -> list[str]:
    """Read a body held twice once. A paragraph of ≥ 20 characters whose normalised form was seen
    before is dropped; so is a repeated short line heading a dropped run (the 一、 headings of a
    second copy), and a line equal to the one just above. A paragraph at the top that reappears
    almost verbatim later, alone rather than as the start of a repeated run, is a page teaser
    quoting the body and is dropped instead of the body's own copy."""
    keys = [_PUNCT.sub("", line) for line in lines]
    drop = [False] * len(lines)
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if len(line) >= _MIN_REPEAT:
            drop[i] = keys[i] in seen
            seen.add(keys[i])
    long_after: list[int | None] = [None] * len(lines)  # index of the next long line, for each line
    nxt: int | None = None
    for i in range(len(lines) - 1, -1, -1):
        long_after[i] = nxt
        if len(lines[i]) >= _MIN_REPEAT:
            nxt = i
    seen_short: set[str] = set()
    last = None
    for i, line in enumerate(lines):
        if not line or drop[i]:
            continue
        if len(line) < _MIN_REPEAT:
            after = long_after[i]
            drop[i] = keys[i] in seen_short and after is not None and drop[after]
            seen_short.add(keys[i])
        drop[i] = drop[i] or keys[i] == last
        if not drop[i]:
            last = keys[i]
    for i in range(_lead_end(lines)):
        if len(lines[i]) < 3 * _MIN_REPEAT or drop[i]:
            continue
        grams = _trigrams(keys[i])
        for j in range(i + 1, len(lines)):
            if drop[j] or len(lines[j]) < _MIN_REPEAT:
                continue
            if len(grams & _trigrams(keys[j])) >= _TEASER_OVERLAP * len(grams):
                a, b = long_after[i], long_after[j]
                run = a is not None and b is not None and keys[a] == keys[b]
                drop[i] = not run
                break
    return [line for line, d in zip(lines, drop, strict=True) if not d]


def clean_text(raw: str) -> tuple[str, dict[str, str], str]:
    """(cleaned text, metadata, title) — the pure text part, testable on snippets."""
    lines, metadata = _take_metadata(_normalise(raw))
    lines, removed = _drop_boilerplate(lines)
    lines = _drop_repeats(lines)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    title = _tidy_title(metadata.get("标题") or metadata.get("名称", ""))
    if not title:
        title = next((line for line in lines[:_lead_end(lines)] if _title_like(line)), "")
    if not title:
        found = (_TEMPLATE_TITLE.search(line) for line in removed)
        title = next((_tidy_title(m["t"]) for m in found if m), "")
    return text, metadata, title


# ---------------------------------------------------------------------------- the entry point

def read_document(path: str | Path, max_bytes: int = 20_000_000) -> Document:
    """Read, decode, extract text by format, clean, parse metadata; raise IngestError on any
    failure. `encoding` is the detected text encoding, "" for .docx and .pdf."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise IngestError(path, f"unsupported file type {path.suffix or '(no extension)'} "
                                f"(supported: {' '.join(SUPPORTED)})")
    raw = _read_bytes(path, max_bytes)
    encoding = ""
    if fmt == "docx":
        _check_expanded(raw, path, max_bytes)
        text = _container_text(_docx_text, raw, path, fmt)
    elif fmt == "pdf":
        text = _container_text(_pdf_text, raw, path, fmt)
    else:
        text, encoding = _decode(raw, path)
        if text.strip():
            if fmt == "txt" and len(_MARKUP.findall(text, 0, _MARKUP_REACH)) >= 2:
                fmt = "html"  # a page's source saved as text: read as the page it is
            text = _html_text(text) if fmt == "html" else _markdown_text(text) if fmt == "md" else text
            if not text.strip():
                raise IngestError(path, f"no visible text in the {fmt.upper()} markup")
    if not text.strip():
        raise IngestError(path, {"pdf": "scanned PDF: no text layer",
                                 "docx": "empty document: no text in the .docx"}.get(fmt, "empty file"))
    cleaned, metadata, title = clean_text(text)
    if not cleaned.strip():
        raise IngestError(path, "no text left after removing boilerplate")
    if (url := manifest.address(path)) is not None:
        metadata[manifest.ADDRESS] = url
    title = manifest.title(path) or title  # the corpus keeper's title before a line the text's lead holds
    return Document(id=path.stem, path=str(path), text=cleaned,
                    sha256=hashlib.sha256(cleaned.encode("utf-8")).hexdigest(), title=title,
                    metadata=metadata, encoding=encoding, format=fmt)
