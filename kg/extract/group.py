"""Mentions of one thing in one document become one `Entity`, with its aliases."""

from __future__ import annotations

from collections import Counter
from functools import cache

from kg.model import Document, Entity, Mention
from kg.names import core, match_keys, same_thing


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
    return entities


