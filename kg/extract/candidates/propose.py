"""Propose the spans that may name a district, project, organization, program or person.

This stage aims at recall: overlapping and doubtful spans are all kept, each with the source that
proposed it and the type that source suggests; `kg.extract.rules` and the trained `kg.extract.decide`
choose among them. Two passes: the divisions the suffix walks find fix which nearby places' short
names to look for; then every generator runs on every sentence, the weak ones last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg import lexicon as lx
from kg.extract.candidates.filters import _after_mask, _kept, _masked
from kg.extract.candidates.lists import _acted_list_candidates, _bracket_candidates, _enumerated, _list_candidates
from kg.extract.candidates.people import _person_candidates
from kg.extract.candidates.places import _division_candidates, _major_places, _place_candidates, local_names
from kg.extract.candidates.proposal import Candidate, Proposal, Sentence
from kg.extract.candidates.quotes import _quoted_candidates
from kg.extract.candidates.suffixes import _suffix_candidates
from kg.extract.candidates.tokens import tokenize
from kg.extract.candidates.walks import _walks
from kg.extract.candidates.weak import (
    _department_candidates,
    _framed_candidates,
    _governed_candidates,
    _subject_candidates,
)
from kg.extract.candidates.works import _capacity_candidates, _entry_candidates, _segment_candidates
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.structure.clauses import sentences

if TYPE_CHECKING:
    from kg.extract.tagger import Tagger


def _tagged(source: str, cands: list[Candidate]) -> list[Candidate]:
    for c in cands:
        c.source = c.source or source
    return cands


TAGGER = "tagger"  # the source of the trained tagger's spans


def propose(text: str, gaz: Gazetteer | None = None, tagger: Tagger | None = None) -> Proposal:
    """All candidates of a text, sentence by sentence, the trained tagger's spans among them when
    there is one. Masks are removed here, since a mask names nothing by definition (XX医院,
    ****敬老院); everything else is left to a decider."""
    gaz = gaz or Gazetteer.load()
    spans = sentences(text)
    toks_of = tokenize(text, spans)
    walks_of = [_walks(text[s0:s1], toks, gaz) for (s0, s1), toks in zip(spans, toks_of, strict=True)]
    # Pass 1: the divisions the text names fix which nearby places' short names to look for.
    districts = [text[s0:s1][c.start : c.end] for (s0, s1), walks in zip(spans, walks_of, strict=True)
                 for c in _suffix_candidates(text[s0:s1], walks, gaz, suffixes=lx.DISTRICT_SUFFIXES)
                 if c.type == EntityType.DISTRICT]
    nearby = {**_major_places(gaz), **local_names(districts, gaz)}
    places = frozenset(nearby)
    tagged = tagger.read([text[s0:s1] for s0, s1 in spans], toks_of) if tagger else [[] for _ in spans]
    out = []
    for (s0, s1), toks, walks, names in zip(spans, toks_of, walks_of, tagged, strict=True):
        sent, starts = text[s0:s1], {t.start for t in toks}  # where its words start
        found = [*_tagged("entry", _entry_candidates(sent, gaz)), *_tagged("quote", _quoted_candidates(sent, gaz)),
                 *_tagged("list", _list_candidates(sent, toks, gaz, places)),
                 *_tagged("list", _acted_list_candidates(sent)),
                 *_tagged("capacity", _capacity_candidates(sent)),
                 *_tagged("bracket", _bracket_candidates(sent, places)),
                 *_tagged("suffix", _suffix_candidates(sent, walks, gaz, places)),
                 *_tagged("division", _division_candidates(sent, starts, gaz)),
                 *_tagged("person", _person_candidates(sent, starts)),
                 *_tagged("place", _place_candidates(toks, nearby, sent)),
                 *(Candidate(a, b, typ, source=TAGGER) for a, b, typ in names)]
        if weak := [*_tagged("governed", _governed_candidates(sent)), *_tagged("framed", _framed_candidates(sent)),
                    *_tagged("department", _department_candidates(sent, gaz)),
                    *_tagged("subject", _subject_candidates(sent, toks, starts))]:
            taken = {(c.start, c.end) for c in found}  # weak evidence adds spans, not a second word on a name
            found += [c for c in weak if (c.start, c.end) not in taken]
        cands = [Candidate(c.start + s0, c.end + s0, c.type, c.full, c.listed, c.source) for c in found]
        masked = [(c.start, c.end) for c in cands if _masked(text[c.start : c.end]) or _after_mask(text, c)]
        ends = [(m.start() + s0, m.end() + s0) for m in lx.SECTION_ENDS.finditer(sent)]
        cands = _kept(text, cands, masked, ends)
        listed = [e for c in cands if c.start > 0 and text[c.start - 1] == "、"
                  for e in _tagged("enumerated", _enumerated(text, c, toks, s0, gaz, places))]
        cands += _kept(text, listed, masked, ends)
        cands += _kept(text, _tagged("segment", _segment_candidates(text, cands)), masked, ends)
        out.append(Sentence(s0, s1, toks, cands))
    return Proposal(text, out, places)
