"""Find named districts, projects, organizations, programs and people in one document.

Candidates come only from generic evidence: type-bearing suffixes (…工业园, …社区, …商会,
…行动), quoted spans, stage verbs whose subject is a name, titles after a person's name,
and the gazetteer for places. jieba's segmentation gives the word boundaries; left
boundaries are found by walking back over name-like words and stopping at actions,
function words and modifiers. Mentions of one thing in one document are grouped into
an `Entity` with its aliases; `resolve` links entities across documents.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import jieba
import jieba.posseg

from kg import lexicon as lx
from kg.gazetteer import Gazetteer
from kg.model import Document, DocResult, Entity, Mention
from kg.structure import clause_bounds, find_sections, section_at, sentences, stage_of

MASK = re.compile(r"[Xx×＊*]{1,}|XX|ＸＸ")
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+·\-]")
QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,24})[”\"」』]")
PAREN = re.compile(r"[（(][^（()）\n]{1,20}[)）]")


@dataclass
class Token:
    word: str
    start: int
    end: int
    tag: str | None


@cache
def _setup() -> None:
    """Teach jieba the generic suffixes and the gazetteer's short place names, once."""
    jieba.setLogLevel(60)
    for suffix in lx.ALL_SUFFIXES:
        jieba.add_word(suffix, freq=2000)
    for w in lx.BREAK_WORDS:
        jieba.add_word(w, freq=3000)


def tokenize(text: str) -> list[Token]:
    _setup()
    tags = jieba.posseg.dt.word_tag_tab
    out, pos = [], 0
    for w in jieba.cut(text, HMM=True):
        out.append(Token(w, pos, pos + len(w), tags.get(w)))
        pos += len(w)
    return out


def _name_like(tok: Token) -> bool:
    """May this word be part of a name when walking left from a suffix?"""
    w = tok.word
    if not NAME_CHAR.match(w) or w in lx.BREAK_WORDS:
        return False
    if w in lx.NAME_INTERNAL:
        return True
    return tok.tag not in lx.BREAK_TAGS


def _trim(name: str) -> str:
    """Strip modifiers and actions that precede a name (全力推进…, 辖区…)."""
    changed = True
    while changed:
        changed = False
        for p in lx.LEADING_TRIM:
            if name.startswith(p) and len(name) - len(p) >= 2:
                name, changed = name[len(p):], True
    return name


def type_of(name: str, gaz: Gazetteer) -> str | None:
    """The entity type a suffix-bearing name carries, or None for a generic word."""
    if name in lx.GENERIC or len(name) < 2:
        return None
    if gaz.is_known(name) and name.endswith(lx.DISTRICT_SUFFIXES):
        return "District"
    for suffix, typ in lx.SUFFIX_TYPES:
        if name.endswith(suffix):
            head = name[: -len(suffix)]
            if len(head) < lx.MIN_HEAD.get(suffix, 1) or head in lx.GENERIC_HEADS:
                return None
            return typ
    return None


@dataclass
class Candidate:
    start: int
    end: int
    type: str


def _suffix_candidates(text: str, toks: list[Token], gaz: Gazetteer) -> list[Candidate]:
    out = []
    for j, tok in enumerate(toks):
        if not tok.word.endswith(lx.ALL_SUFFIXES) or tok.word in lx.GENERIC_HEADS:
            continue
        i = j
        while i > 0 and _name_like(toks[i - 1]) and tok.end - toks[i - 1].start <= lx.MAX_NAME:
            i -= 1
        start = toks[i].start
        name = _trim(text[start : tok.end])
        start = tok.end - len(name)
        typ = type_of(name, gaz)
        if typ:
            out.append(Candidate(start, tok.end, typ))
    return out


def _quoted_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    out = []
    for m in QUOTED.finditer(text):
        inner = m.group(1).strip()
        if lx.SLOGAN.search(inner) or any(c in inner for c in "，。,；;：:！？"):
            continue
        typ = type_of(inner, gaz) or ("Program" if len(inner) <= 12 else None)
        if typ:
            out.append(Candidate(m.start(1), m.end(1), typ))
    return out


def _person_candidates(text: str) -> list[Candidate]:
    return [Candidate(m.start(1), m.end(1), "Person") for m in lx.PERSON.finditer(text)]


def _place_candidates(text: str, toks: list[Token], gaz: Gazetteer) -> list[Candidate]:
    """Bare short names of provinces, cities and counties (宝安, 深圳, 慈溪)."""
    shorts = gaz.short_names()
    return [Candidate(t.start, t.end, "District") for t in toks if t.word in shorts]


def _masked(name: str) -> bool:
    """A name that is only a mask plus a suffix (XX医院, *街道) names nothing."""
    if not MASK.search(name):
        return False
    rest = MASK.sub("", name)
    return type_of(rest, Gazetteer.load()) is None or len(rest) <= 4


def _select(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate where spans overlap, earlier sources winning ties."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0) + 1)
    for c in sorted(cands, key=lambda c: -(c.end - c.start)):
        if any(taken[c.start : c.end]):
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


def _facility_type(text: str, c: Candidate, sent: tuple[int, int]) -> str:
    """Schools, hospitals and parks being built are Projects; acting, they are Organizations."""
    name = text[c.start : c.end]
    if c.type == "Organization" and name.endswith(lx.FACILITY_SUFFIXES):
        lo, hi = clause_bounds(text, c.start, c.end)
        if lx.BUILD_CUE.search(text[lo:hi]):
            return "Project"
    if c.type == "Project" and name.endswith(lx.PROGRAMME_TAIL_SUFFIXES) and not lx.BUILD_CUE.search(name):
        return "Program"
    return c.type


def core(name: str) -> str:
    """The name without generic tails, for matching spellings of one thing."""
    name = PAREN.sub("", name)
    for tail in lx.GENERIC_TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return core(name[: -len(tail)])
    return name


def same_thing(a: str, b: str) -> bool:
    """Are two spellings in one document the same thing? (十二高人行天桥 ~ 十二高配套塘尾人行天桥)."""
    ca, cb = core(a), core(b)
    if ca == cb:
        return True
    short, long_ = sorted((ca, cb), key=len)
    if len(short) < 3:
        return False
    if short in long_ and (long_.startswith(short) or len(short) >= 4):
        return long_.startswith(short) or long_.endswith(short)
    # abbreviation: the short one is an ordered subsequence sharing the head and the tail
    it = iter(long_)
    return (all(ch in it for ch in short) and short[:2] == long_[:2]
            and (short[-2:] == long_[-2:] or len(short) <= 4))


def _group(doc: Document, mentions: list[Mention]) -> list[Entity]:
    entities: list[Entity] = []
    for m in mentions:
        for e in entities:
            if e.type == m.type and any(same_thing(m.text, n) for n in {e.name, *e.aliases}):
                e.mentions.append(m)
                if m.text not in e.aliases and m.text != e.name:
                    e.aliases.append(m.text)
                break
        else:
            entities.append(Entity(name=m.text, type=m.type, mentions=[m]))
    for e in entities:
        spellings = Counter(m.text for m in e.mentions)
        e.name = min(spellings, key=lambda s: (len(core(s)) < 2, len(s), -spellings[s]))
        e.aliases = sorted(s for s in spellings if s != e.name)
    return entities


def extract(doc: Document) -> DocResult:
    """Sections, mentions and per-document entities of one document."""
    gaz = Gazetteer.load()
    text = doc.text
    sections = find_sections(text, doc.title, doc.metadata)
    mentions: list[Mention] = []
    for s0, s1 in sentences(text):
        sent = text[s0:s1]
        toks = tokenize(sent)
        cands = [Candidate(c.start + s0, c.end + s0, c.type) for c in (
            *_quoted_candidates(sent, gaz), *_suffix_candidates(sent, toks, gaz),
            *_person_candidates(sent), *_place_candidates(sent, toks, gaz))]
        for c in _select(cands):
            name = text[c.start : c.end]
            if _masked(name):
                continue
            typ = _facility_type(text, c, (s0, s1))
            idx = section_at(sections, c.start)
            sec = sections[idx] if idx is not None else None
            m = Mention(c.start, c.end, name, typ, (s0, s1), idx,
                        sec.year if sec else None, sec.mode if sec else "other")
            if typ == "Project":
                m.stage, m.stage_cue = stage_of(text, c.start, c.end, m.mode)
            mentions.append(m)
    return DocResult(doc=doc, sections=sections, entities=_group(doc, mentions))
