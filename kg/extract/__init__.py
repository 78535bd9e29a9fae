"""Find named districts, projects, organizations, programs and people in one document.

Three steps, as in spaCy's pipelines: `candidates` proposes spans from generic evidence (high
recall, overlaps kept), a decider chooses among them (`rules` by hand-written rules, `decide` by
a model trained on annotated reports, which reads the rules' choices as features), and `group`
makes one `Entity` per thing with its aliases. `resolve` links entities across documents.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Literal

from kg import lexicon as lx
from kg.extract.candidates.propose import propose
from kg.extract.decide import RULES, Model, decide, shipped
from kg.extract.features import Features, Span, featurize
from kg.extract.group import group
from kg.extract.quantities import find_quantities
from kg.extract.rules import decide_by_rules
from kg.gazetteer import Gazetteer
from kg.model import DocResult, Document, EntityType, Mention, Quantity, Section
from kg.presumption import presume
from kg.reading import Reading, plain, read
from kg.stages import listed_as_works, stage_of, takes_step, without_cues_inside
from kg.structure.sections import find_sections
from kg.structure.timing import time_of

# Names of works and venues (甲水库除险加固工程, 乙服务中心) are built whatever type the decider gave
# them, and reach stages as a project does; campaigns, bodies, places and people do not.
BUILT = lx.WORKS + lx.FACILITY_SUFFIXES + lx.VENUE_SUFFIXES
# A firm named where its works are told of (甲公司…项目完成投资) stands for its works, as a project does.
_FIRMS = lx.COMPANY_SUFFIXES + lx.TRADE_SUFFIXES


def _staged(typ: str, name: str) -> bool:
    return typ == EntityType.PROJECT or (typ in (EntityType.PROGRAM, EntityType.ORGANIZATION) and name.endswith(BUILT))

Decider = Model | Literal["rules"] | None  # a trained model, the hand-written rules (RULES), or the shipped model


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a document is extracted, and back on after (unless it
    was off already). Extraction makes no reference cycles (tests/test_extract.py checks), so the
    collector's passes, some 600 over fifty reports as it allocates, would free nothing; they cost
    8% of the time."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def extract(doc: Document, model: Decider = None, featured: list[tuple[Span, Features]] | None = None) -> DocResult:
    """Sections, mentions and per-document entities of one document (`featured`: its candidate
    spans and their features, when a caller has them already, as training does)."""
    with _collector_paused():
        return _extract(doc, model, featured)


def _extract(doc: Document, model: Decider, featured: list[tuple[Span, Features]] | None) -> DocResult:
    reading = read(doc.text)  # simplified, glosses and stray blanks left out; spans map back to the original
    text = reading.text
    decider = None if model == RULES else model if isinstance(model, Model) else shipped()
    sections = find_sections(text, read(doc.title).text, doc.metadata, decider.reading if decider else None)
    if featured is None:
        gaz = Gazetteer.load()
        proposal = propose(text, gaz, decider.tagger if decider else None)
        by_rules = decide_by_rules(proposal)
        if decider is None:
            chosen = by_rules
        else:
            featured = featurize(proposal, by_rules, gaz)
    if featured is not None:
        chosen = decide(featured, decider or shipped(), text)
    mentions: list[Mention] = []
    spelled = cache(lambda: _written_as(doc.text, reading))  # read from the whole text only where needed
    staged = cache(lambda: without_cues_inside(text, [(c.start, c.end) for c, _, _ in chosen]))
    for c, typ, (s0, s1) in chosen:
        idx, year, mode = time_of(text, sections, c.start, c.end)
        start, end = reading.span(c.start, c.end)
        m = Mention(start, end, doc.text[start:end], typ, reading.span(s0, s1), idx, year, mode)
        if c.full:
            m.full = _full_as_written(c.full, c.start, c.end, reading, doc.text, spelled)
        elif reading.starts and (written := plain(m.text)) != m.text:
            m.full = written  # 擴(kuò)容 is known as 擴容
        if _staged(typ, m.text) or (c.full and _staged(typ, c.full)) or (  # 甲水库除险加固|工程: as written too
                typ == EntityType.ORGANIZATION and (takes_step(text, c.end) or listed_as_works(text, c.end)
                                                    or reading.aligned[start:end].endswith(_FIRMS))):
            # 甲电子年内已开工, 甲电子、乙机械等项目相继开工, 推进甲机械有限公司建设: the firm stands for its works
            m.stage, m.stage_cue = stage_of(staged(), c.start, c.end, m.mode)
        mentions.append(m)
    works = sorted((c.start, c.end) for c, typ, _ in chosen if typ == EntityType.PROJECT)  # 甲项目|总投资: the subject
    quantities = find_quantities(text, sections, works)
    if reading.aligned != doc.text:
        _as_written(doc.text, reading, quantities, spelled)
    if reading.starts:
        _map_back(reading, sections, quantities)
    entities = group(doc, mentions)
    # the original's offsets, read as simplified: 讓我們 is 让我们
    presume(reading.aligned, entities, decider.presumption if decider else None)
    return DocResult(doc=doc, sections=sections, entities=entities, quantities=quantities)


_NEAR = 60  # characters before a quantity where the words naming it may stand


def _as_written(original: str, reading: Reading, quantities: list[Quantity],
                spelled: Callable[[], dict[str, str]]) -> None:
    """An indicator the text writes in one piece is given as written (地區生產總值 in a text in
    traditional characters); one put together from several places, in the characters the text
    writes each of its characters in (規上工業 + 增加值 → 規上工業增加值)."""
    for q in quantities:
        if (at := reading.text.rfind(q.indicator, max(0, q.start - _NEAR), q.end)) >= 0:  # 甲…，增长6%: of 甲
            start, end = reading.span(at, at + len(q.indicator))
            q.indicator = plain(original[start:end])
        else:
            q.indicator = "".join(spelled().get(c, c) for c in q.indicator)


def _full_as_written(full: str, start: int, end: int, reading: Reading, original: str,
                     spelled: Callable[[], dict[str, str]]) -> str:
    """A name's full form in the characters the text writes its span in: the part of the span it
    repeats (“甲”主题活动 → 甲; 蓬壺鎮(zhèn) → 蓬壺鎮), plus what it adds after (雙河 → 雙河鎮), each
    added character as the text writes it elsewhere."""
    if reading.aligned == original and reading.starts is None:
        return full  # the text is read as written
    read_as = reading.text[start:end]
    at = read_as.find(full)
    if at < 0 and reading.text.startswith(full, start):
        at = 0  # 蓬壺|鎮: the text goes on with what the full form adds
    if at >= 0:
        return plain(original[slice(*reading.span(start + at, start + at + len(full)))])
    if full.startswith(read_as):
        return plain(original[slice(*reading.span(start, end))]) + "".join(
            spelled().get(c, c) for c in full[len(read_as):])
    return full


def _written_as(original: str, reading: Reading) -> dict[str, str]:
    """Each character as read → the character the text first writes it in (业 → 業)."""
    written: dict[str, str] = {}
    for read_as, was in zip(reading.aligned, original, strict=True):
        if read_as != was:
            written.setdefault(read_as, was)
    return written


def _map_back(reading: Reading, sections: list[Section], quantities: list[Quantity]) -> None:
    """Offsets of the read copy become offsets of the original text."""
    for s in sections:
        s.start, s.end = reading.span(s.start, s.end)
        for e in s.evidence:
            if e.start is not None and e.end is not None:
                e.start, e.end = reading.span(e.start, e.end)
    for q in quantities:
        q.start, q.end = reading.span(q.start, q.end)
