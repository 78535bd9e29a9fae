"""Mentions of one thing in one document become one `Entity`, with its aliases."""

from __future__ import annotations

from collections import Counter

from kg.model import Document, Entity, Mention
from kg.names import core, same_thing, village_stem


def _keys(spelling: str) -> tuple[str, ...]:
    """Spellings that `same_thing` can match share one of these: the first or last two characters
    of the core name, or the stem of a village (so grouping need not compare every pair)."""
    c = core(spelling)
    return c[:2], c[-2:], "村:" + village_stem(c)



def group(doc: Document, mentions: list[Mention]) -> list[Entity]:
    """Mentions of one thing in one document become one Entity; its name is the shortest
    spelling that still names it, the other spellings are its aliases."""
    entities: list[Entity] = []
    index: dict[tuple[str, str], list[int]] = {}  # (type, key of a spelling) -> entities with one
    for m in mentions:
        spelling = {m.text, m.full} - {None}
        near = sorted({i for a in spelling for k in _keys(a) for i in index.get((m.type, k), ())})
        hit = next((i for i in near if any(same_thing(a, b) for a in spelling
                                           for b in (entities[i].name, *entities[i].aliases))), None)
        if hit is None:
            hit = len(entities)
            entities.append(Entity(name=m.full or m.text, type=m.type, mentions=[m],
                                   aliases=sorted(spelling - {m.full or m.text})))
        else:
            e = entities[hit]
            e.mentions.append(m)
            e.aliases.extend(spelling - {e.name, *e.aliases})
        for k in {k for a in spelling for k in _keys(a)}:
            index.setdefault((m.type, k), [])
            if hit not in index[(m.type, k)]:
                index[(m.type, k)].append(hit)
    for e in entities:
        fulls = Counter(m.full for m in e.mentions if m.full)
        spellings = Counter(m.text for m in e.mentions) + fulls
        e.name = fulls.most_common(1)[0][0] if fulls else min(
            spellings, key=lambda s: (len(core(s)) < 2, len(s), -spellings[s]))
        e.aliases = sorted(s for s in spellings if s != e.name)
    return entities


