"""Mentions of one thing in one document become one `Entity`, with its aliases."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from kg import lexicon as lx
from kg.gazetteer import county_short
from kg.model import Document, Entity, EntityType, Mention
from kg.names import core, match_keys, same_thing
from kg.simplified import simplified

_AUTONOMOUS = re.compile(r"(.{2,3}?)(?:[^族]{1,3}族)+自治[县旗]")  # 昌江|黎族自治县: the county's bare name


def group(doc: Document, mentions: list[Mention]) -> list[Entity]:
    """Mentions of one thing in one document become one Entity; its name is the shortest
    spelling that still names it, the other spellings are its aliases."""
    entities: list[Entity] = []
    # (type, key a spelling is filed under) -> entities with one: a spelling is compared only with
    # the entities that filed a key it probes with, as `same_thing` can match no other
    index: dict[tuple[str, str], set[int]] = {}
    keys_of = cache(match_keys)  # a spelling's keys, made once per document
    spelt: dict[tuple[str, str], int] = {}  # (type, spelling) -> the first entity written so
    for m in mentions:
        spelling = {m.text} | ({m.full} if m.full else set())
        # an entity already written this way is the answer unless an earlier one matches too
        first = min((spelt.get((m.type, a), len(entities)) for a in spelling), default=len(entities))
        near = sorted({i for a in spelling for k in keys_of(a)[1] for i in index.get((m.type, k), ()) if i < first})
        hit = next((i for i in near if any(same_thing(a, b) for a in spelling
                                           for b in (entities[i].name, *entities[i].aliases))),
                   first if first < len(entities) else None)
        if hit is None:
            hit, new = len(entities), spelling
            entities.append(Entity(name=m.full or m.text, type=m.type, mentions=[m],
                                   aliases=sorted(spelling - {m.full or m.text})))
        else:
            e = entities[hit]
            new = spelling - {e.name, *e.aliases}
            e.mentions.append(m)
            e.aliases.extend(new)
        for a in spelling:
            spelt.setdefault((m.type, a), hit)
        for k in {k for a in new for k in keys_of(a)[0]}:  # only the spellings the entity gains file keys
            index.setdefault((m.type, k), set()).add(hit)
    for e in entities:
        fulls = Counter(m.full for m in e.mentions if m.full)
        spellings = Counter(m.text for m in e.mentions) + fulls
        e.name = fulls.most_common(1)[0][0] if fulls else min(
            spellings, key=lambda s: (len(core(s)) < 2, len(s), -spellings[s]))
        e.aliases = sorted(s for s in spellings if s != e.name)
    return _short_places_joined(entities)


def _stem(name: str) -> str:
    """A county's or town's name without its level, in simplified characters (东宁县 → 东宁, 玉塘鎮 → 玉塘,
    昌江黎族自治县 → 昌江); others as they are."""
    name = simplified(name)
    if autonomous := _AUTONOMOUS.fullmatch(name):
        return autonomous.group(1)
    for suffix in lx.TOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return county_short(name)


def _short_places_joined(entities: list[Entity]) -> list[Entity]:
    """A division the text also calls by its bare name (东宁县 … 东宁) is one place: the bare name joins
    the one division of the document it is the stem of — never where two share it (西乡县, 西乡街道)."""
    places = [e for e in entities if e.type == EntityType.DISTRICT]
    full: dict[str, list[Entity]] = {}
    for e in places:
        spelt = {simplified(n) for n in (e.name, *e.aliases)}
        for stem in {_stem(n) for n in spelt} - spelt:
            full.setdefault(stem, []).append(e)
    joined = set()
    for e in places:
        into = full.get(simplified(e.name), [])
        if len(into) == 1 and into[0] is not e and all(_stem(n) == simplified(n) for n in e.aliases):
            target = into[0]
            target.mentions = sorted([*target.mentions, *e.mentions], key=lambda m: m.start)
            target.aliases = sorted({*target.aliases, e.name, *e.aliases} - {target.name})
            joined.add(id(e))
    return [e for e in entities if id(e) not in joined]


