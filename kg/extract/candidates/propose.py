"""Propose the spans that may name a district, project, organization, program or person.

This stage aims at recall: overlapping and doubtful spans are all kept, each with the source that
proposed it and the type that source suggests; `kg.extract.rules` and the trained `kg.extract.decide`
choose among them. Two passes: the divisions the suffix walks find fix which nearby places' short
names to look for; then every generator runs on every sentence, the weak ones last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg import lexicon as lx
from kg.extract.candidates.filters import after_mask, is_masked, kept_candidates
from kg.extract.candidates.lists import (
    acted_list_candidates,
    bracket_candidates,
    enumerated_candidates,
    list_candidates,
)
from kg.extract.candidates.people import person_candidates
from kg.extract.candidates.places import division_candidates, local_names, major_places, place_candidates
from kg.extract.candidates.proposal import Candidate, Proposal, Sentence
from kg.extract.candidates.quotes import quoted_candidates
from kg.extract.candidates.suffixes import suffix_candidates
from kg.extract.candidates.tokens import tokenize
from kg.extract.candidates.walks import suffix_walks
from kg.extract.candidates.weak import (
    department_candidates,
    framed_candidates,
    governed_candidates,
    subject_candidates,
)
from kg.extract.candidates.works import capacity_candidates, entry_candidates, segment_candidates
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
    walks_of = [suffix_walks(text[s0:s1], toks, gaz) for (s0, s1), toks in zip(spans, toks_of, strict=True)]
    # Pass 1: the divisions the text names fix which nearby places' short names to look for.
    districts = [text[s0:s1][c.start : c.end] for (s0, s1), walks in zip(spans, walks_of, strict=True)
                 for c in suffix_candidates(text[s0:s1], walks, gaz, suffixes=lx.DISTRICT_SUFFIXES)
                 if c.type == EntityType.DISTRICT]
    nearby = {**major_places(gaz), **local_names(districts, gaz)}
    places = frozenset(nearby)
    tagged, chances = (tagger.read([text[s0:s1] for s0, s1 in spans], toks_of, [s0 for s0, _ in spans])
                       if tagger else ([[] for _ in spans], None))
    out = []
    for (s0, s1), toks, walks, names in zip(spans, toks_of, walks_of, tagged, strict=True):
        sent, starts = text[s0:s1], {t.start for t in toks}  # where its words start
        found = [*_tagged("entry", entry_candidates(sent, gaz)), *_tagged("quote", quoted_candidates(sent, gaz)),
                 *_tagged("list", list_candidates(sent, toks, gaz, places)),
                 *_tagged("list", acted_list_candidates(sent)),
                 *_tagged("capacity", capacity_candidates(sent)),
                 *_tagged("bracket", bracket_candidates(sent, places)),
                 *_tagged("suffix", suffix_candidates(sent, walks, gaz, places)),
                 *_tagged("division", division_candidates(sent, starts, gaz)),
                 *_tagged("person", person_candidates(sent, starts)),
                 *_tagged("place", place_candidates(toks, nearby, sent)),
                 *(Candidate(a, b, typ, source=TAGGER) for a, b, typ in names)]
        if weak := [*_tagged("governed", governed_candidates(sent)), *_tagged("framed", framed_candidates(sent)),
                    *_tagged("department", department_candidates(sent, gaz)),
                    *_tagged("subject", subject_candidates(sent, toks, starts))]:
            taken = {(c.start, c.end) for c in found}  # weak evidence adds spans, not a second word on a name
            found += [c for c in weak if (c.start, c.end) not in taken]
        cands = [Candidate(c.start + s0, c.end + s0, c.type, c.full, c.listed, c.source) for c in found]
        masked = [(c.start, c.end) for c in cands if is_masked(text[c.start : c.end]) or after_mask(text, c)]
        ends = [(m.start() + s0, m.end() + s0) for m in lx.SECTION_ENDS.finditer(sent)]
        cands = kept_candidates(text, cands, masked, ends)
        listed = [e for c in cands if c.start > 0 and text[c.start - 1] == "、"
                  for e in _tagged("enumerated", enumerated_candidates(text, c, toks, s0, gaz, places))]
        cands += kept_candidates(text, listed, masked, ends)
        cands += kept_candidates(text, _tagged("segment", segment_candidates(text, cands)), masked, ends)
        out.append(Sentence(s0, s1, toks, cands))
    return Proposal(text, out, places, chances)
