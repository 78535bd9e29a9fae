"""The trained decision: which candidate spans are names, of what type, and which of overlapping ones.

A `Model` is a multinomial logistic regression (`kg.linear`) over the features of
`kg.extract.features`, kept as plain JSON (class names, one weight per class for each feature,
intercepts): loading a model runs no code, and a model file can be read, diffed and hashed. The
same file holds the presumption (`kg.presumption`): the stage of a project named with no cue, and
the reading (`kg.structure.trained`): whether a text with no heading saying so reviews or plans.
`kg train` writes one; the one shipped in the package was trained on annotated reports by the same
command.

Choosing among spans: each span takes its most probable class; the kept spans are taken from the
most confident down, and a span is dropped where it crosses a kept one, or lies inside or around a
kept one of the same type (a district inside a project's name stays; two readings of one project
do not).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from kg.extract.features import Features, Span
from kg.extract.rules import Typed, settle_facilities
from kg.extract.tagger import Tagger, TaggerError
from kg.linear import Linear, dump
from kg.model import STAGES, EntityType
from kg.structure.trained import READING_MODES

FORMAT = "kg-decision/1"
NONE = "O"  # the class of spans that name nothing
SHIPPED = "decision.json"  # inside the package: kg/models/decision.json


class ModelError(Exception):
    """A model file that cannot be used; the message names the file and the reason."""


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5  # least probability of naming something (1 - P(O)) for a span to be kept
    deferred: tuple[str, ...] = ()  # types too rare in the training gold to learn: the rules decide them
    sha256: str = ""  # of the file it was read from (and its tagger's): part of the extraction cache key
    meta: tuple[tuple[str, str], ...] = ()
    tagger_file: str = ""  # the trained tagger's file, beside the model file; "" for none
    tagger: Tagger | None = field(default=None, compare=False, repr=False)  # that file, opened
    presumption: Linear | None = None  # the stage of a project named with no cue (`kg.presumption`); None: under way
    reading: Linear | None = None  # review or plan of a text with no heading (`kg.structure.trained`); None: the rules

    @cached_property
    def linear(self) -> Linear:
        """The decision's weights as the regression that scores spans."""
        return Linear(self.classes, self.intercept, self.weights)

    def scores(self, f: Features) -> dict[str, float]:
        """Probability of each class for one span."""
        return self.scores_many([f])[0]

    def scores_many(self, many: list[Features]) -> list[dict[str, float]]:
        """Probability of each class for each span."""
        if not many:
            return []
        probs = self.linear.probabilities(many)
        return [dict(zip(self.classes, map(float, p), strict=True)) for p in probs]

    def to_json(self) -> str:
        """The model file's text: sorted, rounded, one feature a line (readable diffs), so that the
        same training gives the same bytes."""
        head = {"format": FORMAT, "meta": dict(self.meta), "classes": list(self.classes),
                "threshold": round(self.threshold, 6), "intercept": [round(v, 6) for v in self.intercept],
                "deferred": list(self.deferred), **({"tagger": self.tagger_file} if self.tagger_file else {})}
        lines = [f"{dump(k)}: {dump(v)}," for k, v in head.items()]
        for key, p in (("presumption", self.presumption), ("reading", self.reading)):
            if p is not None:
                lines += [f'"{key}": {{"classes": {dump(list(p.classes))}, '
                          f'"intercept": {dump([round(v, 6) for v in p.intercept])}, "weights": {{',
                          ",\n".join(p.json_lines()), "}},"]
        lines += ['"weights": {', ",\n".join(self.linear.json_lines()), "}"]
        return "{\n" + "\n".join(lines) + "\n}\n"

    @classmethod
    def from_json(cls, text: str, origin: str = "<model>", folder: Path | None = None) -> Model:
        """The model a file's text describes; its tagger is opened from `folder` when it names one."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ModelError(f"{origin}: not a kg decision model (format {data.get('format')!r}, "
                                 f"expected {FORMAT!r})")
            classes = tuple(data["classes"])
            weights = {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()}
            intercept = tuple(float(x) for x in data["intercept"])
            threshold = float(data["threshold"])
            deferred = tuple(str(t) for t in data.get("deferred", ()))
            tagger_file = str(data.get("tagger") or "")
            presumption = Linear.from_dict(data["presumption"]) if "presumption" in data else None
            reading = Linear.from_dict(data["reading"]) if "reading" in data else None
        except ModelError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise ModelError(f"{origin}: corrupt model file ({type(e).__name__}: {e})") from None
        if NONE not in classes or len(intercept) != len(classes) or any(len(w) != len(classes)
                                                                         for w in weights.values()):
            raise ModelError(f"{origin}: corrupt model file (classes and weights do not agree)")
        if presumption is not None and not set(presumption.classes) <= set(STAGES):
            raise ModelError(f"{origin}: corrupt model file (a presumed stage that is no stage)")
        if reading is not None and not set(reading.classes) <= set(READING_MODES):
            raise ModelError(f"{origin}: corrupt model file (a reading that is neither review nor plan)")
        meta = tuple(sorted((str(k), str(v)) for k, v in (data.get("meta") or {}).items()))
        sha256 = hashlib.sha256(text.encode()).hexdigest()
        tagger = None
        if tagger_file and folder is not None:
            try:
                tagger = Tagger(folder / tagger_file)
            except TaggerError as e:
                raise ModelError(f"{origin}: its tagger {e}") from None
            sha256 = hashlib.sha256((sha256 + tagger.sha256).encode()).hexdigest()
        return cls(classes, intercept, weights, threshold, deferred, sha256, meta, tagger_file, tagger, presumption,
                   reading)

    @classmethod
    def load(cls, path: str | Path) -> Model:
        """Read a model file written by `kg train`."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ModelError(f"{path}: cannot read the model file ({getattr(e, 'strerror', None) or e})") from None
        return cls.from_json(text, str(path), Path(path).parent)


RULES: Literal["rules"] = "rules"  # a model reference meaning the hand-written rules alone


@cache
def load_decider(ref: str | None) -> Model | Literal["rules"]:
    """A model reference (a model file's path, `rules`, or None for the shipped model) resolved once
    per process: workers get the short reference, not the weights."""
    if ref == RULES:
        return RULES
    return shipped() if ref is None else Model.load(ref)


def decider_key(ref: str | None) -> str:
    """What the extraction cache keys on: the model file's hash, or `rules`."""
    decider = load_decider(ref)
    return decider if isinstance(decider, str) else decider.sha256


@cache
def shipped() -> Model:
    """The model that ships inside the package."""
    folder = resources.files("kg.models")
    return Model.from_json(folder.joinpath(SHIPPED).read_text(encoding="utf-8"), f"kg/models/{SHIPPED}",
                           Path(str(folder)))


# What a longer span may add to a shorter one at the same start and still name the same thing
# (甲酒店 | 甲酒店项目): one reading each, not a company inside a project.
_SAME_THING_TAIL = re.compile(r"(?:建设)?(?:项目|工程)")
_WIDE_DIVISIONS = ("省", "市", "自治区", "自治州", "地区", "盟")  # divisions a company or a school is named after


def _conflict(a: tuple[Span, str], b: tuple[Span, str], text: str = "") -> bool:
    (x, tx), (y, ty) = a, b
    if x.end <= y.start or y.end <= x.start:
        return False
    nested = (x.start <= y.start and y.end <= x.end) or (y.start <= x.start and x.end <= y.end)
    if x.start == y.start and text and _SAME_THING_TAIL.fullmatch(text, min(x.end, y.end), max(x.end, y.end)):
        return True
    return not nested or tx == ty or (x.start, x.end) == (y.start, y.end)


def choose(scored: list[tuple[Span, dict[str, float]]], threshold: float = 0.5,
           text: str = "") -> list[tuple[Span, str]]:
    """Spans likely enough to name something, each with its most probable type, overlaps settled
    from the most confident down. One string names one kind of thing in a document: where the same
    words are kept several times, they all take the type their probabilities favour together."""
    votes: dict[str, dict[str, float]] = {}
    ranked = []
    for sp, probs in scored:
        if 1 - probs[NONE] >= threshold:
            typ = max((c for c in probs if c != NONE), key=lambda c: probs[c])
            ranked.append((1 - probs[NONE], sp.start, sp.end, sp, typ))
            tally = votes.setdefault(text[sp.start : sp.end], {})
            for c, p in probs.items():
                if c != NONE:
                    tally[c] = tally.get(c, 0.0) + p
    if text:
        ranked = [(p, a, b, sp, max(votes[text[a:b]], key=lambda c: votes[text[a:b]][c])) for p, a, b, sp, _ in ranked]
    kept: list[tuple[Span, str, float]] = []
    in_sentence: dict[int, list[tuple[Span, str]]] = {}  # spans conflict only within their sentence
    for p, _, _, sp, typ in sorted(ranked, key=lambda r: (-r[0], r[1], r[2])):
        near = in_sentence.setdefault(sp.sentence.start, [])
        if not any(_conflict((sp, typ), other, text) for other in near):
            kept.append((sp, typ, p))
            near.append((sp, typ))
    kept = [k for k in kept if not _inside_other(k[0], k[1], in_sentence[k[0].sentence.start], text)]
    return [(sp, typ) for sp, typ, _ in sorted(kept, key=lambda k: (k[0].start, k[0].end))]


def _inside_other(sp: Span, typ: str, near: list[tuple[Span, str]], text: str) -> bool:
    """A province or city inside the name of something else kept (甲省乙科技有限公司, 甲市丙小学) is
    part of that name: the text does not name the place on its own there. A town, community or
    village before its project or body (甲村乙驿站, 甲街道党工委) is where it is, and stays."""
    return typ == EntityType.DISTRICT and (sp.full or text[sp.start : sp.end]).endswith(_WIDE_DIVISIONS) and any(
        t != EntityType.DISTRICT and o.start <= sp.start and sp.end <= o.end for o, t in near if o is not sp)


def _deferred(f: Features, probs: dict[str, float], deferred: tuple[str, ...]) -> dict[str, float]:
    """Where the model defers a type to the rules: certain where the rules chose it, never else."""
    rule = next((t for t in deferred if f.get("rule=" + t)), None)
    if rule:
        return {c: float(c == rule) for c in probs}
    out = {c: (0.0 if c in deferred else p) for c, p in probs.items()}
    out[NONE] += sum(p for c, p in probs.items() if c in deferred)
    return out


def decide(featured: list[tuple[Span, Features]], model: Model, text: str) -> list[Typed]:
    """The candidates the model keeps among a text's featured spans, with types and sentences."""
    probs = model.scores_many([f for _, f in featured])
    if model.deferred:
        probs = [_deferred(f, p, model.deferred) for (_, f), p in zip(featured, probs, strict=True)]
    typed: list[Typed] = []
    for sp, name in choose([(sp, p) for (sp, _), p in zip(featured, probs, strict=True)], model.threshold, text):
        typ = EntityType(name)  # the model's classes are the types' names
        c = next((c for c in sp.candidates if c.type == typ), None) or replace(sp.candidates[0], type=typ)
        typed.append((c, typ, (sp.sentence.start, sp.sentence.end)))
    return settle_facilities(typed, text)
