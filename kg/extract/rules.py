"""The rule-based decision: which candidates are names, by the extractor's hand-written rules.

Where spans overlap the longest wins (plus the names nested in it that are named on their own);
a noun used as a class (counted, awarded) drops out; a facility being built is a Project, one
acting an Organization. The trained decision (`kg.extract.decide`) reads these choices as
features, and this decider is what `--model rules` runs.
"""

from __future__ import annotations

from kg import lexicon as lx
from kg.extract.candidates.proposal import Candidate, Proposal
from kg.extract.candidates.propose import TAGGER
from kg.extract.candidates.suffixes import suffix_len
from kg.model import EntityType
from kg.names import core
from kg.structure.clauses import clause_bounds

Typed = tuple[Candidate, EntityType, tuple[int, int]]  # a candidate, its type, its sentence


def _select(cands: list[Candidate], text: str) -> list[Candidate]:
    """Keep the longest candidate where spans overlap, earlier sources winning ties, and the names
    nested in a chosen one that are named on their own."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0) + 1)
    for c in sorted(cands, key=lambda c: -(c.end - c.start)):
        if any(taken[c.start : c.end]):
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return _unique(chosen + _nested(chosen, cands, text))



def _nested(chosen: list[Candidate], cands: list[Candidate], text: str) -> list[Candidate]:
    """An organization or a person opening a chosen name (福海商会|2.0改革, 中山大学|肿瘤防治中心,
    某某|纪念馆), and a division inside one (甲镇|乙村|安置房建设项目) written whole or, for a
    county, by its short name (番禺|广场); a bare city or village inside a name (日照|中心) is a word."""
    starts = {c.start: c for c in chosen if c.type != EntityType.DISTRICT}
    out = [c for c in cands if c.start in starts and c.end < starts[c.start].end and (
        c.type == EntityType.PERSON or c.type == EntityType.ORGANIZATION and c.end - c.start >= 3
        and not text[c.start : c.end].endswith(lx.NOT_NESTED))]
    outer = [c for c in chosen if c.type != EntityType.DISTRICT]
    districts = [d for d in chosen if d.type == EntityType.DISTRICT]
    out += [c for c in cands if c.type == EntityType.DISTRICT and c not in chosen and (
        not c.full or c.full.endswith(("区", "县")) and not c.full.endswith("社区")) and any(
        o.start <= c.start and c.end <= o.end - suffix_len(text[o.start : o.end]) for o in outer) and not any(
        d.start <= c.start < d.end or c.start <= d.start < c.end for d in districts)]
    return out



def _unique(cands: list[Candidate]) -> list[Candidate]:
    """One candidate a span (the first given), in text order."""
    first: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        first.setdefault((c.start, c.end), c)
    return sorted(first.values(), key=lambda c: c.start)



def class_use(text: str, c: Candidate) -> bool:
    """Is a suffixed noun used as a class rather than a name? Counted (新建1家社康中心,
    创建美丽庭院小区120个) or awarded as a title (获评“…”, 成为…之一, 创建国家级…)."""
    if c.type in (EntityType.DISTRICT, EntityType.PERSON):
        return False
    before, after = text[max(0, c.start - 8) : c.start], text[c.end : c.end + 6]
    lo, _ = clause_bounds(text, c.start, c.end)
    if lx.HONOUR_BEFORE.search(text[lo : c.start]) or lx.HONOUR_AFTER.match(after):
        return True
    return not c.listed and bool(lx.COUNTED_BEFORE.search(before) or lx.COUNTED_AFTER.match(after))



def facility_type(text: str, c: Candidate) -> EntityType:
    """Schools, hospitals, halls and centres being built are Projects; acting, Organizations.
    A school is being built when its clause says so; a centre or hall when the words right
    before or after it do (建设甲村职工服务中心, 落实乙湾幼儿园用地)."""
    name = text[c.start : c.end]
    if c.type == EntityType.PROJECT and name.endswith(lx.PROGRAMME_TAIL_SUFFIXES) and not lx.BUILD_CUE.search(name):
        return EntityType.PROGRAM
    if c.type not in (EntityType.ORGANIZATION, EntityType.PROJECT) or (
            not name.endswith(lx.FACILITY_SUFFIXES + lx.VENUE_SUFFIXES)):
        return c.type
    lo, hi = clause_bounds(text, c.start, c.end)
    if lx.BUILT_BEFORE.search(text[lo : c.start]) or lx.BUILT_AFTER.match(text, c.end):
        return EntityType.PROJECT
    if name.endswith(lx.FACILITY_SUFFIXES):
        return EntityType.PROJECT if lx.BUILD_CUE.search(text, lo, hi) else EntityType.ORGANIZATION
    return c.type



def settle_facilities(typed: list[Typed], text: str) -> list[Typed]:
    """One facility, one type in a document: built anywhere, it is a Project everywhere."""
    built = {core(text[c.start : c.end]) for c, t, _ in typed if t == EntityType.PROJECT}
    return [(c, EntityType.PROJECT if t == EntityType.ORGANIZATION and text[c.start : c.end].endswith(
        lx.FACILITY_SUFFIXES + lx.VENUE_SUFFIXES) and core(text[c.start : c.end]) in built else t, sent)
            for c, t, sent in typed]




def decide_by_rules(proposal: Proposal) -> list[Typed]:
    """The candidates the rules keep, with their types and sentences. The trained tagger's spans
    are the trained decision's to weigh, not the rules'."""
    text, typed = proposal.text, []
    for s in proposal.sentences:
        own = [c for c in s.candidates if c.source != TAGGER]
        typed += [(c, facility_type(text, c), (s.start, s.end)) for c in _select(own, text) if not class_use(text, c)]
    return settle_facilities(typed, text)
