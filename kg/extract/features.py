"""What the trained decision knows of a candidate span: features that describe it, never name it.

A feature says what a span ends with (its last one to three characters, when at least two more
stand before them; its last word), how it is built (length, unknown words, codes, quotes), what
surrounds it (the words and tags on either side, a count or an award nearby, a step of works its
clause tells of), what the generic resources say of it (gazetteer, word counts,
`kg.names.type_of`), which generators proposed it with which type, what the hand-written rules
chose, and how often the same string recurs in the document. No feature holds a whole name, so a
trained model is not a list of the names it saw.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import jieba

from kg import lexicon as lx
from kg import vocabulary
from kg.extract.candidates.proposal import Candidate, Proposal, Sentence
from kg.extract.candidates.tokens import Token, is_verb
from kg.extract.rules import Typed, class_use, facility_type
from kg.extract.tagger import TYPES as TAGGER_TYPES
from kg.gazetteer import Gazetteer
from kg.model import EntityType, Stage
from kg.names import cut, distinctive, runs, type_of
from kg.stages import cue_marks
from kg.structure.clauses import clause_bounds

Features = dict[str, float]

_QUOTES_OPEN, _QUOTES_CLOSE = "“\"「『《", "”\"」』》"
_DIGIT = re.compile(r"[0-9０-９]")


@dataclass
class Span:
    """One span of a proposal with every candidate proposed on it (several sources may agree)."""

    start: int
    end: int
    candidates: list[Candidate]
    sentence: Sentence

    @property
    def full(self) -> str | None:
        return next((c.full for c in self.candidates if c.full), None)


def spans(proposal: Proposal) -> list[Span]:
    """The distinct spans of a proposal, in text order, each with its candidates."""
    out: list[Span] = []
    for s in proposal.sentences:
        by_span: dict[tuple[int, int], Span] = {}
        for c in s.candidates:
            if c.end > c.start:
                by_span.setdefault((c.start, c.end), Span(c.start, c.end, [], s)).candidates.append(c)
        out += sorted(by_span.values(), key=lambda sp: (sp.start, sp.end))
    return out


def _words(sp: Span, name: str) -> tuple[str, ...]:
    """The span's words: the sentence's own where the span starts and ends on its word boundaries
    (no second segmentation), else jieba's cut of the span."""
    s0, toks = sp.sentence.start, sp.sentence.tokens
    k = bisect_left(sp.sentence.starts, sp.start - s0)
    inside = []
    while k < len(toks) and toks[k].end + s0 <= sp.end:
        inside.append(toks[k].word)
        k += 1
    if inside and toks[k - len(inside)].start + s0 == sp.start and sum(map(len, inside)) == len(name):
        return tuple(inside)
    return cut(name)


def _length(n: int) -> str:
    return str(n) if n <= 6 else "7-9" if n <= 9 else "10-14" if n <= 14 else "15+"


def _count(n: int) -> str:
    return str(n) if n <= 2 else "3-5" if n <= 5 else "6+"


def _word_at(s: Sentence, offset: int, before: bool) -> Token | None:
    """The sentence word ending (before) or starting (after) at a sentence offset."""
    bounds = s.ends if before else s.starts
    k = bisect_left(bounds, offset)
    return s.tokens[k] if k < len(bounds) and bounds[k] == offset else None


_CLAUSE_MARKS = frozenset("，,；;：:。")
_LIST_MARKS = frozenset("、和及与")


def _clause_verb(s: Sentence, offset: int) -> str | None:
    """The nearest verb before a sentence offset in its clause: what is done to (or by) the span."""
    for k in range(bisect_right(s.ends, offset) - 1, -1, -1):
        t = s.tokens[k]
        if t.word in _CLAUSE_MARKS:
            return None
        if t.tag == "v" and len(t.word) > 1:
            return t.word
    return None


@lru_cache(maxsize=100_000)
def _shape(name: str, words: tuple[str, ...]) -> dict[str, float]:
    f: dict[str, float] = {"len=" + _length(len(name)): 1.0}
    for k in (1, 2, 3):
        if len(name) >= k + 2:
            f[f"suf{k}={name[-k:]}"] = 1.0
    if len(name) >= 4:
        f["pre1=" + name[0]] = 1.0
    if len(words) > 1:
        f["last_word=" + words[-1]] = 1.0
        f["first_tag=" + str(jieba.posseg.dt.word_tag_tab.get(words[0]))] = 1.0
    f["last_tag=" + str(jieba.posseg.dt.word_tag_tab.get(words[-1]))] = 1.0
    f["words=" + _length(len(words))] = 1.0
    if any(unknown for _, unknown in runs(words)):
        f["unknown_word"] = 1.0
    verbs = [k for k, w in enumerate(words) if len(w) > 1 and is_verb(w)]
    if verbs:  # 协助…找准|甲老街: an action inside a span means the clause was taken with the name
        f["verb_at=" + ("first" if verbs[0] == 0 else "inside")] = 1.0
    if _DIGIT.search(name):
        f["digit"] = 1.0
    if lx.CODE.search(name):
        f["code"] = 1.0
    if lx.SLOGAN.search(name) or lx.NUMBERED_SERIES.match(name):
        f["numbered"] = 1.0
    if suffix := lx.suffix_of(name):
        f["suffix_type=" + suffix[1]] = 1.0
    return f


@lru_cache(maxsize=100_000)
def _resources(name: str, gaz: Gazetteer, places: frozenset[str]) -> dict[str, float]:
    f: dict[str, float] = {}
    if gaz.is_known(name):
        f["gazetteer"] = 1.0
    if name in places:
        f["nearby_place"] = 1.0
    if vocabulary.is_common(name):
        f["common_word"] = 1.0
    freq = jieba.dt.FREQ.get(name) or 0
    f["jieba_freq=" + ("0" if not freq else "low" if freq < 20 else "mid" if freq < 1000 else "high")] = 1.0
    f["type_of=" + str(type_of(name, gaz, places=places))] = 1.0
    f["type_of_quoted=" + str(type_of(name, gaz, quoted=True, places=places))] = 1.0
    head = name[: len(name) - len(s[0])] if (s := lx.suffix_of(name)) else name
    if head and distinctive(head, places):
        f["distinctive_head"] = 1.0
    return f


def _context(text: str, sp: Span, marks: list[tuple[int, int, Stage]], mark_starts: list[int]) -> dict[str, float]:
    s = sp.sentence
    f: dict[str, float] = {}
    before, after = text[sp.start - 1 : sp.start], text[sp.end : sp.end + 1]
    f["char_before=" + (before if not before.isalnum() else "cjk" if "\u4e00" <= before <= "\u9fff" else "alnum")] = 1
    f["char_after=" + (after if not after.isalnum() else "cjk" if "\u4e00" <= after <= "\u9fff" else "alnum")] = 1
    if before and before in _QUOTES_OPEN and after and after in _QUOTES_CLOSE:
        f["quoted"] = 1.0
    if (prev := _word_at(s, sp.start - s.start, before=True)) is not None:
        f["prev_word=" + prev.word] = 1.0
        f["prev_tag=" + str(prev.tag)] = 1.0
    else:
        f["starts_inside_word"] = 1.0
    if (nxt := _word_at(s, sp.end - s.start, before=False)) is not None:
        f["next_word=" + nxt.word] = 1.0
        f["next_tag=" + str(nxt.tag)] = 1.0
    else:
        f["ends_inside_word"] = 1.0
    if (verb := _clause_verb(s, sp.start - s.start)) is not None:
        f["clause_verb=" + verb] = 1.0
    f["prev2=" + text[max(s.start, sp.start - 2) : sp.start]] = 1.0
    f["next2=" + text[sp.end : min(s.end, sp.end + 2)]] = 1.0
    if sp.start - s.start <= 1:
        f["sentence_start"] = 1.0
    # a step of works said of the span in its clause (甲项目竣工, 开工建设乙): works are what take steps
    lo, hi = clause_bounds(text, sp.start, sp.end)
    k = bisect_left(mark_starts, sp.end)
    if k < len(marks) and marks[k][1] <= hi:
        f["cue_after=" + marks[k][2].value] = 1.0
    k = bisect_right(mark_starts, sp.start) - 1
    while k >= 0 and marks[k][1] > sp.start:
        k -= 1  # a cue ending inside the span is none of its context
    if k >= 0 and marks[k][0] >= lo:
        f["cue_before=" + marks[k][2].value] = 1.0
    return f


def featurize(proposal: Proposal, chosen_by_rules: list[Typed], gaz: Gazetteer) -> list[tuple[Span, Features]]:
    """Every span of the proposal with its features."""
    text = proposal.text
    rules = {(c.start, c.end): typ for c, typ, _ in chosen_by_rules}
    rules_in: dict[int, list[tuple[int, int]]] = {}  # sentence start → the rules' spans in it
    for c, _, (s0, _) in chosen_by_rules:
        rules_in.setdefault(s0, []).append((c.start, c.end))
    rule_names = {text[c.start : c.end]: typ for c, typ, _ in chosen_by_rules}
    rule_starts = {c.start: typ for c, typ, _ in chosen_by_rules}
    rule_ends = {c.end: typ for c, typ, _ in chosen_by_rules}
    # the first characters of rule-chosen names: a span written as one's opening is its short form
    heads: dict[str, str] = {}
    for name, typ in rule_names.items():
        for k in range(2, len(name) - 1):
            heads.setdefault(name[:k], typ)
    all_spans = spans(proposal)
    strings = [text[sp.start : sp.end] for sp in all_spans]
    proposed = Counter(strings)
    occurs = {name: text.count(name) for name in proposed}
    marks = cue_marks(text)
    mark_starts = [m[0] for m in marks]
    chances: list[tuple[list[float], list[float]] | None] = [None] * len(all_spans)
    if proposal.chances:  # the tagger's, for every span at once
        exact, part = proposal.chances.of([(sp.sentence.start, sp.start, sp.end) for sp in all_spans])
        chances = list(zip(exact.tolist(), part.tolist(), strict=True))
    out = []
    for sp, name, chance in zip(all_spans, strings, chances, strict=True):
        f: Features = {"bias": 1.0}
        for c in sp.candidates:
            f["source=" + c.source] = 1.0
            f["proposed=" + c.type] = 1.0
            f[f"source_type={c.source}:{c.type}"] = 1.0
            if c.listed:
                f["listed"] = 1.0
            if class_use(text, c):
                f["class_use"] = 1.0
            if c.type in (EntityType.ORGANIZATION, EntityType.PROJECT):
                f["facility_type=" + facility_type(text, c)] = 1.0
        f["sources=" + _count(len({c.source for c in sp.candidates}))] = 1.0
        rule = rules.get((sp.start, sp.end))
        f["rule=" + str(rule)] = 1.0
        if rule is None:
            for a, b in rules_in.get(sp.sentence.start, ()):
                if a <= sp.start and sp.end <= b:
                    f["inside_rule=" + rules[(a, b)]] = 1.0
                elif sp.start <= a and b <= sp.end:
                    f["contains_rule=" + rules[(a, b)]] = 1.0
                elif a < sp.end and sp.start < b:
                    f["crosses_rule"] = 1.0
        # an item of a list whose neighbour the rules typed (甲、乙村: 甲 is listed with a village)
        if text[sp.end : sp.end + 1] in _LIST_MARKS and (t := rule_starts.get(sp.end + 1)):
            f["listed_before=" + t] = 1.0
        if sp.start > 0 and text[sp.start - 1] in _LIST_MARKS and (t := rule_ends.get(sp.start - 1)):
            f["listed_after=" + t] = 1.0
        if name in rule_names and rule is None:
            f["rule_elsewhere=" + rule_names[name]] = 1.0
        if name in heads:
            f["opens_rule_name=" + heads[name]] = 1.0
        if sp.full and sp.full != name:
            f["has_full"] = 1.0
        f["occurs=" + _count(occurs[name])] = 1.0
        f["proposed_times=" + _count(proposed[name])] = 1.0
        f.update(_shape(name, _words(sp, name)))
        f.update(_resources(sp.full or name, gaz, proposal.places))
        f.update(_context(text, sp, marks, mark_starts))
        if chance is not None:
            f.update(_chances(chance))
        out.append((sp, f))
    return out


_CHANCE_STEPS = (0.05, 0.2, 0.5, 0.8)  # where the tagger's probability of a span changes bucket


def _chances(chance: tuple[list[float], list[float]]) -> Features:
    """The tagger's probability that the span is exactly a name of each type, and that it is part of a
    longer one (`tagger.Chances`), in buckets, and the first as it is: the decision learns how far to
    trust each level, whether or not the tagger's best labelling chose the span."""
    f: Features = {}
    exact, part = chance
    for typ, p in zip(TAGGER_TYPES, exact, strict=True):
        if p >= _CHANCE_STEPS[0]:
            f[f"tagger_p={typ}:{bisect_right(_CHANCE_STEPS, p)}"] = 1.0
            f[f"tagger_p={typ}"] = p
    if not f:
        f["tagger_p=none"] = 1.0
    for typ, q in zip(TAGGER_TYPES, part, strict=True):
        if q >= _CHANCE_STEPS[0]:
            f[f"tagger_part={typ}:{bisect_right(_CHANCE_STEPS, q)}"] = 1.0
    return f
