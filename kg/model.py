"""The small data model every stage reads and writes.

A `Document` is one report's cleaned text; every offset in the pipeline points into
`Document.text`, which is what makes each fact traceable to its character span.
Stages add to it: `structure` finds `Section`s, `extract` finds `Mention`s grouped into
per-document `Entity`s, `resolve` gives each entity a corpus-wide id and `Relation`s,
`rdf` and `views` only read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """What a named thing is (the annotation guide's five types). A StrEnum: each member is its
    own name as a string, so JSON, RDF and gold files read and write plain strings."""

    DISTRICT = "District"
    PROJECT = "Project"
    ORGANIZATION = "Organization"
    PROGRAM = "Program"
    PERSON = "Person"


class Mode(StrEnum):
    """Whether a section reports work done (review) or to be done (plan)."""

    REVIEW = "review"
    PLAN = "plan"
    OTHER = "other"


class Stage(StrEnum):
    """A project's lifecycle stage in a year, in the order a project goes through them."""

    PLANNED = "planned"
    STARTED = "started"
    UNDER_WAY = "under_way"
    COMPLETED = "completed"
    OPERATING = "operating"


TYPES: tuple[EntityType, ...] = tuple(EntityType)
STAGES: tuple[Stage, ...] = tuple(Stage)


@dataclass
class Document:
    """A report as read from disk: cleaned text plus what was parsed off it."""

    id: str  # file stem, unique within a build
    path: str  # the first path the content was read from
    text: str  # cleaned text; all offsets refer to it
    sha256: str  # of `text`: the identity used for de-duplication and caching
    title: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # 发布机构, 发布日期 …
    encoding: str = "utf-8"
    format: str = "txt"
    also_paths: list[str] = field(default_factory=list)  # other files with the same content


# What can decide a section's year or mode; the graph's shape (kg:DatingEvidenceShape) lists the same.
EVIDENCE_KINDS = ("heading", "title", "opening", "relative", "published", "address", "named", "verbs", "learned")


@dataclass
class Evidence:
    """One thing that decided a section's year or mode, so a user can see why."""

    kind: str  # one of EVIDENCE_KINDS
    text: str  # the words themselves (for metadata: "发布时间: 2024-01-17")
    start: int | None = None  # span in Document.text; None for a title or metadata field not in the text
    end: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in EVIDENCE_KINDS:  # a new kind must be added to the list and the graph's shape
            raise ValueError(f"unknown kind of dating evidence: {self.kind!r}")


@dataclass
class Section:
    """A stretch of a document that speaks of one year, as review or plan."""

    title: str
    start: int
    end: int
    year: int | None
    mode: Mode
    heading_mode: Mode | None = None  # what the heading said, when the text overrode it
    evidence: list[Evidence] = field(default_factory=list)  # what decided year and mode, strongest first


@dataclass
class Mention:
    """One occurrence of a name in a document."""

    start: int
    end: int
    text: str
    type: EntityType
    sentence: tuple[int, int]  # span of the sentence holding the mention
    section: int | None = None  # index into DocResult.sections
    year: int | None = None
    mode: Mode = Mode.OTHER
    stage: Stage | None = None  # projects only
    stage_cue: str | None = None  # the words that gave the stage
    full: str | None = None  # the full name when the text writes a short one (宝安 → 宝安区) or glosses it

    @property
    def presumed(self) -> bool:
        """A stage no cue gave: the year's default (`kg.stages.presume`), which evidence of slippage ignores."""
        return self.stage is not None and not self.stage_cue


@dataclass
class Quantity:
    """One number a report states as done or aimed at (guide section 6), with its span.

    `value` is as written (1.2 for 1.2万人) and `unit` keeps its magnitude prefix (万人);
    `kg.extract.quantities` and the ledger compare after normalizing both.
    """

    indicator: str  # what is counted, shortest name that still says it: 规模以上工业总产值
    value: float  # the low end for a range (1-2家 → 1, high 2)
    unit: str  # as written, base form: 亿元, %, 家, 万人
    kind: str  # level | change | count
    bound: str  # = | ≥ | ≤ | ≈
    start: int  # span of the statement in Document.text
    end: int
    year: int | None = None
    mode: str = "result"  # result | target
    high: float | None = None  # upper end of a range
    subject: str | None = None  # the entity it is about, when the sentence names one
    period: str | None = None  # 1-10月, 上半年, 截至10月底
    section: int | None = None  # index into DocResult.sections
    falls: bool = False  # a change downward (下降2.4%): `value` is how far it fell, as written

    def to_json(self) -> dict:
        return {"indicator": self.indicator, "value": self.value, "high": self.high, "unit": self.unit,
                "kind": self.kind, "bound": self.bound, "falls": self.falls, "year": self.year, "mode": self.mode,
                "subject": self.subject, "period": self.period, "start": self.start, "end": self.end}


@dataclass
class Place:
    """An administrative division as known to the gazetteer (or only to the text)."""

    name: str
    level: str  # province | city | county | town | village
    code: str | None = None  # official division code, when the gazetteer has one
    parents: list[str] = field(default_factory=list)  # nearest first: 宝安区, 深圳市, 广东省
    confidence: float = 1.0
    evidence: list[str] = field(default_factory=list)
    written: str | None = None  # the name as the report writes it, when in other characters (大場鎮)


@dataclass
class Entity:
    """One real thing named in one document (ids make it one thing across documents)."""

    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    id: str = ""
    place: Place | None = None  # Districts: the gazetteer record
    district: str | None = None  # non-Districts: id of the district it belongs to


@dataclass
class Relation:
    """subject --predicate--> object between entity ids, with the mentions it came from."""

    subject: str
    predicate: str  # partOf | locatedIn | participatesIn | runBy | publishedBy | cooccurs
    object: str
    doc: str
    evidence: list[Mention] = field(default_factory=list)


@dataclass
class DocResult:
    """Everything the pipeline learnt from one document."""

    doc: Document
    sections: list[Section] = field(default_factory=list)
    district: Place | None = None  # the unit that wrote the report
    district_id: str | None = None  # its entity id, once resolved
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def to_json(self) -> dict:
        """The JSONL record of `kg extract` (the contract in shared/tools/score.py)."""
        d = self.district
        return {
            "doc": self.doc.id,
            "path": self.doc.path,
            "title": self.doc.title,
            "metadata": self.doc.metadata,
            "district": None
            if d is None
            else {"name": d.written or d.name, "canonical": d.name, "parents": d.parents, "code": d.code,
                  "confidence": d.confidence, "evidence": d.evidence},
            "sections": [
                {"title": s.title, "year": s.year, "mode": s.mode, "start": s.start, "end": s.end,
                 "evidence": [{"kind": e.kind, "text": e.text, "start": e.start, "end": e.end} for e in s.evidence]}
                for s in self.sections
            ],
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "aliases": e.aliases,
                    "mentions": [
                        {"start": m.start, "end": m.end, "text": m.text, "year": m.year,
                         "mode": m.mode, "stage": m.stage, "stage_cue": m.stage_cue}
                        for m in e.mentions
                    ],
                }
                for e in self.entities
            ],
            "quantities": [q.to_json() for q in self.quantities],
        }


@dataclass
class Skipped:
    """An input that could not be read, with the reason a user can act on."""

    path: str
    reason: str


@dataclass
class Corpus:
    """The resolved result of a build: what `rdf` and `views` turn into outputs."""

    results: list[DocResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def entities(self) -> dict[str, list[Entity]]:
        """Per-document entities grouped by their corpus-wide id."""
        out: dict[str, list[Entity]] = {}
        for r in self.results:
            for e in r.entities:
                out.setdefault(e.id, []).append(e)
        return out
