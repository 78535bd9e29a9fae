"""Projects no suffix walk finds whole: the name opening a numbered entry of a project list
(3. 甲镇乙村道路改造工程：…), works whose name holds their output figure (年产2万吨…项目), which the walk
never crosses, and a line extended by the section or part after its name (甲高铁乙段).
"""

from __future__ import annotations

import re

from kg import lexicon as lx
from kg.extract.candidates.proposal import Candidate
from kg.extract.candidates.tokens import MASK, is_verb
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.names import cut, type_of

# A works named by what it turns out (甲公司年产2万吨乙项目, 丙100万千瓦风电): the output figure sits inside
# the name, which the walk never crosses.
_CAPACITY = re.compile(r"(?P<made>年产|年处理|年加工|日处理)?\s*(?:[\d.]+|[一二两三四五六七八九十百千]+)\s*[万亿千]?\s*"
                       r"(?:吨|件|台|套|辆|只|头|樘|张|双|片|平方米|立方米|立方|方|(?P<power>万?千瓦|兆瓦|千伏安))")
_CAPACITY_WORD = re.compile(r"年产|年处理|年加工|日处理|千瓦|兆瓦|千伏安")
_CAPACITY_END = re.compile(r"(?!的)(?:[^，,。；;、“”\"\n等]{1,24}?(?:项目|工程)"
                           r"|[\u4e00-\u9fff]{2,6}?(?=等|[，,。；;、\n]|建成|投产|并网|开工))")
_CAPACITY_OPENS = re.compile(r".*(?:[，,。；;、：:“\"（(\n的是]|[0-9.]+[万亿]?元|推进|实施|引进|签约|新建|落地|建设)")


def capacity_candidates(text: str) -> list[Candidate]:
    """Works whose names hold their output figure: from the figure, and from the firm or place
    before it (back to the clause's start, a governing verb or the investment figure)."""
    out: list[Candidate] = []
    if not _CAPACITY_WORD.search(text):
        return out  # no output figure: the pattern is slow to fail
    for m in _CAPACITY.finditer(text):
        if not (m.group("made") or m.group("power")) or not (tail := _CAPACITY_END.match(text, m.end())):
            continue
        end = tail.end()
        out.append(Candidate(m.start() + len(m.group()) - len(m.group().lstrip()), end, EntityType.PROJECT))
        before = text[max(0, m.start() - 16) : m.start()]
        opened = _CAPACITY_OPENS.match(before)
        lead = before[opened.end() if opened else 0 :].strip()
        while (first := next(iter(cut(lead)), "")) and is_verb(first):
            lead = lead[len(first):]  # 建成|甲公司…: the verb governs the works, it is no part of the name
        if len(lead) >= 2 and not re.search(r"\s", lead):
            out.append(Candidate(m.start() - len(lead), end, EntityType.PROJECT))
    return out


def entry_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """A numbered entry of a project list opens with the project's name: 3. 甲镇乙村道路改造工程：…"""
    m = lx.LIST_ENTRY.match(text)
    if not m:
        return []
    masked = lx.MASKED_DIVISIONS.match(m.group("name"))  # **市**县甲镇… → 甲镇… (the pattern matches always)
    start = m.start("name") + (masked.end() if masked else 0)
    name = MASK.sub("", text[start : m.end("name")])
    typ = type_of(name, gaz, quoted=True)
    if len(name) < 4 or not (typ == EntityType.PROJECT or (typ == EntityType.PROGRAM and name.endswith(lx.WORKS))):
        return []  # in a list of projects, …工程 is construction
    return [Candidate(start, m.end("name"), EntityType.PROJECT)]


# A line's section or part named after it (甲高铁乙丙段, 甲高速乙东出口, 甲铁路乙站, 甲路社区服务设施):
# the works of the line named whole.
_LINE = re.compile(r"(?:路|大道|街|公路|高速|高铁|铁路|干线|快线|支线|环线|外环|内环|国道|省道|轨道|运河|渠)$")
_SEGMENT = re.compile(r"[^\s，,。；;、：:“”\"（）()的和及与等]{1,6}?(?:段|出口|互通|连接线|立交|匝道|站|延伸段|延长线"
                      r"|[东南西北]延|改造|拓宽|提升|提标|设施)"
                      r"(?=[，,。；;、\s及和与等]|$|建设|工程|项目|施工|开工|通车|投用|完工|竣工|顺利|全面|加快|正式)")


def segment_candidates(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A Project on a line extended by the section or part that follows its name."""
    out = []
    for c in cands:
        if c.type == EntityType.PROJECT and _LINE.search(text, c.start, c.end) and (m := _SEGMENT.match(text, c.end)):
            out.append(Candidate(c.start, m.end(), EntityType.PROJECT))
    return out
