"""Which government a report speaks for, at any level, read from its header.

A government work report says who gives it in a few fixed places: its title (广东省政府工作报告,
甲街道2022年工作总结), the congress it is given to (在甲市第十届人民代表大会…上), the signature
of the one who gives it (甲县人民政府县长 某某) and the speaker's own words (我代表省人民政府,
我代表国务院). The name comes from the first of these that names a division; the speaker's level
(省, 市, 区/县, 镇) chooses among several. The State Council's reports speak for the country.
"""

from __future__ import annotations

import re

from kg.gazetteer import Gazetteer
from kg.model import Document, Place
from kg.reading import read

COUNTRY = Place(name="中华人民共和国", level="country", evidence=["the State Council gives the report"])

_HEADER_CHARS = 900  # title, date, congress and signature lines come before the body
_NATIONAL = re.compile(r"代表国务院|受(?:中共中央和)?国务院(?:的)?委托|根据国务院的决定|国务院总理|全国人民代表大会")
_OUR_COUNTRY = re.compile(r"我国")
_COUNTRY_DENSITY = 2000  # a report without a header that says 我国 once per this many characters or more
# The level a word of office or body belongs to; the first group of LEVEL names the division's own.
_LEVEL_OF = (("province", r"省长|省人民政府|自治区主席|自治区人民政府|省政府"),
             ("city", r"市长|市人民政府|州长|州人民政府|盟长"),
             ("county", r"区长|县长|旗长|区人民政府|县人民政府|旗人民政府"),
             ("town", r"镇长|乡长|镇人民政府|乡人民政府|街道办事处|办事处主任"))
_SPEAKER = re.compile(r"我代表([\u4e00-\u9fff]{0,16}?(?:人民政府|政府|办事处))")
# A signature: the office, then the holder's name alone on its line (上海市市长 龚 正, 县长 某某同志).
_OFFICE = re.compile(r"(?:省长|自治区主席|市长|州长|区长|县长|旗长|镇长|乡长)[\s\u3000]*"
                     r"[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}(?=[\s\u3000]|同志|$)")
# A run of division names: 珠海市斗门区, 福州市长乐区, 广东省 (the last is the one meant).
_DIVISION = r"[\u4e00-\u9fff]{1,12}?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|区|县|旗|街道|苏木|镇|乡)"
_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|州|盟|区|县|旗|街道|苏木|镇|乡)$")
# The congress the report is given to (在甲市第十届人民代表大会…上), or, in a news item, the session
# that opens where the report is given (甲区第五届人民代表大会第三次会议举行, 甲区十五届人大五次会议开幕).
_CONGRESS = re.compile(rf"在((?:{_DIVISION})+)(?:第[一二三四五六七八九十]+届)?人民代表大会"
                       rf"|((?:{_DIVISION})+)第?[一二三四五六七八九十]+届(?:人民代表大会|人大)"
                       r"第?[一二三四五六七八九十]+次(?:全体)?会议[^，。,]{0,4}?(?:开幕|举行|召开)")
_TITLE = re.compile(rf"((?:{_DIVISION})+)(?:人民政府)?(?:(?:办公室)?关于印发《?)?(?:20\d\d年)?(?:上半年|年度)?(?:政府)?"
                    r"工作(?:报告|总结|计划|要点|思路|安排)"
                    rf"|((?:{_DIVISION})+)(?:人民)?政府工作[ \t\u3000]*$"  # a title cut before 报告
                    # a progress report's title (甲区2024年重点建设项目1-9月推进情况)
                    rf"|^[ \t\u3000]*((?:{_DIVISION})+)20\d\d年度?[^\n，。]{{0,24}}?"
                    r"(?:推进|进展|进度|完成|执行|落实)情况"
                    r"(?:快报|通报)?(?:[（(][^\n（()）]{0,8}[)）])?[ \t\u3000]*$", re.M)
# A title that names a province or city by its short name (2025年新疆政府工作报告, 湖南政府工作报告).
_SHORT_TITLE = re.compile(r"^[\s\u3000]*(?:20\d\d年)?([\u4e00-\u9fff]{2,3}?)(?:20\d\d年)?(?:人民)?政府工作报告", re.M)
_ISSUER = re.compile(rf"((?:{_DIVISION})+)(?:(?:人民)?政府(?:办公室|办)?|办事处|街道办事处|街道办)?")
_ISSUER_KEYS = ("发布机构", "发文机关", "发文单位", "来源", "信息来源", "发布部门")
# A byline naming the government that publishes the page, after its site (来源：本网-甲区乙镇人民政府 【字号】)
_GOVERNMENT = rf"(?:[^\s:：|]{{1,6}}[-—－])?((?:{_DIVISION})+)(?:人民政府|政府办公室|政府|办事处|党工委|管委会)"
_PUBLISHER = re.compile(_GOVERNMENT)
_BYLINE = re.compile(rf"(?:{'|'.join(_ISSUER_KEYS)})\s*[:：]\s*{_GOVERNMENT}")
_SIGNATURE = re.compile(rf"((?:{_DIVISION})+)(?:人民政府)?(?:省长|自治区主席|市长|州长|区长|县长|旗长|镇长|乡长)")


def speaker_level(header: str) -> str | None:
    """The level of the government the speaker represents or holds office in, if the header says."""
    said = [m.group(1) for m in _SPEAKER.finditer(header)] + [m.group() for m in _OFFICE.finditer(header)]
    for words in said:
        for level, pattern in _LEVEL_OF:
            if re.search(pattern, words):
                return level
    return None


def author(doc: Document, gaz: Gazetteer, context: list[str] | None = None) -> Place | None:
    """The division the report speaks for, when its header names it; None leaves the decision to
    the body (a 街道 summary that names its town only in passing). `context`, the places the text
    names, chooses among divisions of one name."""
    header = read(doc.title + "\n" + doc.text[:_HEADER_CHARS]).text
    level = speaker_level(header)
    if level is None and _NATIONAL.search(header):
        return COUNTRY
    found: list[tuple[Place, str]] = []
    for pattern in (_TITLE, _CONGRESS, _SIGNATURE):
        for m in pattern.finditer(header):
            if (place := _resolve_chain(next(g for g in m.groups() if g), gaz, context or [])) is not None:
                found.append((place, f"header: {m.group().strip()}"))
    if not found:
        for m in _SHORT_TITLE.finditer(header):
            place = gaz.resolve(m.group(1), context or []) if m.group(1) in gaz.short_names() else None
            if place is not None and place.level in ("province", "city"):
                found.append((place, f"header: {m.group().strip()}"))
    if not found:  # the portal's record of who issued it (发布机构: 甲镇人民政府)
        for key, said in _bylines(doc):
            issuer = _ISSUER.fullmatch(said)
            if issuer and (place := _resolve_chain(issuer.group(1), gaz, context or [])) is not None:
                found.append((place, f"metadata: {key}: {issuer.group()}"))
                break
    if not found:
        mentions = len(_OUR_COUNTRY.findall(doc.text))
        national = level is None and mentions >= 10 and mentions * _COUNTRY_DENSITY >= len(doc.text)
        return COUNTRY if national else None
    place, words = next(((p, w) for p, w in found if _same_level(p, level)), found[0])
    if level is not None and not _same_level(place, level):
        return None  # the header names a division of another level than the one speaking
    place.evidence = [words] + ([f"speaker's level: {level}"] if level else [])
    return place


def publisher(doc: Document, gaz: Gazetteer, context: list[str] | None = None) -> Place | None:
    """The government a page's byline says publishes it (来源：本网-甲区乙镇人民政府, in its metadata or under
    its title). Weaker than `author`: a county's site publishes news of its towns, so this places
    only a report that names no town of its own."""
    said_in_text = _BYLINE.search(read(doc.text[:_HEADER_CHARS]).text)
    for m in [*(_PUBLISHER.match(said) for _, said in _bylines(doc)), said_in_text]:
        if m and (place := _resolve_chain(m.group(1), gaz, context or [])) is not None:
            place.evidence = [f"published by: {m.group()}", *place.evidence]
            return place
    return None


def _bylines(doc: Document) -> list[tuple[str, str]]:
    """(key, value) of the page's metadata fields that say who issued or published it, as read."""
    return [(key, read(doc.metadata[key]).text.strip()) for key in _ISSUER_KEYS if key in doc.metadata]


def _same_level(place: Place, level: str | None) -> bool:
    """A municipality (北京市) is a province that its own government calls a city, and a county-level
    city (新郑市) a county whose head is its 市长."""
    return place.level == level or (place.level in ("province", "county") and level == "city"
                                    and place.name.endswith("市"))


def _resolve_chain(chain: str, gaz: Gazetteer, context: list[str]) -> Place | None:
    """The last division the run names (珠海市|斗门区), resolved with the ones before it and the
    text's places as context; a town several divisions share the name of stays unresolved but named."""
    parts = _known_in(chain, gaz)
    if not parts:
        return None
    name, before = parts[-1], parts[:-1]
    place = gaz.resolve(name, before + context) or gaz.resolve(name[:-1], before + context)  # 镇沅县: short 镇沅
    if place is None and gaz.lookup(name) and name.endswith(("街道", "镇", "乡", "苏木")):
        return Place(name=name, level="town", confidence=0.5, evidence=["several divisions have this name"])
    if place is None or not all(c == place.name or any(p.startswith(c[:2]) for p in place.parents) for c in before):
        return None
    return place


def _known_in(chain: str, gaz: Gazetteer) -> list[str]:
    """The divisions a run of names holds, longest first where two readings overlap (年|镇沅县:
    a stray character before a name is no part of it)."""
    out: list[str] = []
    end = len(chain)
    while end > 1:
        start = next((a for a in range(max(0, end - 16), end - 1) if _known(chain[a:end], gaz)), None)
        if start is None:
            end -= 1
            continue
        out.insert(0, chain[start:end])
        end = start
    return out


def _known(name: str, gaz: Gazetteer) -> bool:
    if not _SUFFIX.search(name) or _SUFFIX.fullmatch(name):
        return False  # 审议了街道工作报告: a level word alone names no division
    return bool(gaz.lookup(name)) or any(p.level in ("province", "city", "county") for p in gaz.lookup(name[:-1]))
