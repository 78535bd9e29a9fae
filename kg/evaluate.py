"""Score extraction output against gold annotations, and list the errors behind the figures.

The metrics are those of the shared scorer (shared/tools/score.py, whose docstring is the
JSONL contract); kg carries its own implementation because that script is not shipped, and
`Evaluation.summary()` must equal the scorer's `--json` output figure for figure. Beyond the
figures it keeps the errors themselves — false positives, false negatives with the nearest
predicted name, timeline, district and section misses — so a developer sees why.

Gold is a folder of <doc>.json files (see the annotation guide) plus optional
recurrence*.json lists of recurring-project clusters; predictions are `DocResult.to_json()`
records, in memory or as the JSONL `kg extract` writes.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import zip_longest
from pathlib import Path
from typing import Any

from kg.model import TYPES, EntityType, Mode

Record = Mapping[str, Any]  # one JSON object: a gold or predicted document, entity, section …

_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』()（）【】\[\]·、,，。:：;；]")
COVER_MIN_CHARS, COVER_MIN_SHARE = 3, 0.6  # the scorer's near-cover rule
NEAR_MISS = 0.4  # least similarity for a predicted name to be shown beside a false negative


class EvalError(Exception):
    """Unusable gold or prediction input; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = str(path), reason


# ---------------------------------------------------------------- matching (the scorer's rules)

def norm(s: str | None) -> str:
    """A name without spaces, quotes, brackets or punctuation, so spelling variants compare equal."""
    return _STRIP.sub("", s or "")


def spellings(entity: Record) -> set[str]:
    """The normalised name and aliases of a gold or predicted entity."""
    return {n for n in map(norm, [entity.get("name", ""), *(entity.get("aliases") or [])]) if n}


def same(a: set[str], b: set[str]) -> bool:
    """Two spelling sets name one thing when a spelling equals another, or a spelling of at
    least three characters lies inside a longer one and makes up at least 60 % of it."""
    for x in a:
        for y in b:
            short, long_ = sorted((x, y), key=len)
            if x == y or (len(short) >= COVER_MIN_CHARS and short in long_
                          and len(short) / len(long_) >= COVER_MIN_SHARE):
                return True
    return False


def match(gold: list[Record], pred: list[Record],
          typed: bool) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Greedy one-to-one matching in gold order: each gold entity takes the first free prediction
    with a matching name (and, when `typed`, one of its types).
    Returns (gold, prediction) index pairs, unmatched gold indexes, unmatched prediction indexes."""
    used: set[int] = set()
    pairs = []
    pred_names = [spellings(p) for p in pred]
    for gi, g in enumerate(gold):
        names = spellings(g)
        for pi, p in enumerate(pred):
            if pi not in used and (not typed or p.get("type") in g["types"]) and same(names, pred_names[pi]):
                used.add(pi)
                pairs.append((gi, pi))
                break
    matched = {gi for gi, _ in pairs}
    return (pairs, [i for i in range(len(gold)) if i not in matched],
            [i for i in range(len(pred)) if i not in used])


def similarity(a: set[str], b: set[str]) -> float:
    """How alike the closest two spellings are (difflib ratio, 0–1): ranks near-misses."""
    return max((SequenceMatcher(None, x, y).ratio() for x in a for y in b), default=0.0)


# ---------------------------------------------------------------- results

@dataclass
class Counts:
    """True positives, false positives and false negatives of one kind of match."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def prf(self) -> dict:
        """Precision, recall, F1 (rounded to 3 places, as the scorer does) and the counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """Share of items right: documents (district, sections) or timeline facts."""

    ok: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.ok += ok
        self.n += 1

    @property
    def value(self) -> float:
        return round(self.ok / max(1, self.n), 3)


@dataclass
class Miss:
    """A false positive or false negative of typed matching."""

    doc: str
    types: tuple[str, ...]  # gold: every type it may take (the first counts); predicted: its type
    name: str
    nearest: tuple[str, str] | None = None  # false negatives: (type, name) of the likeliest prediction

    @property
    def type(self) -> str:
        return self.types[0]


@dataclass
class TimelineMiss:
    """A gold (project, year, stage) the prediction did not give."""

    doc: str
    project: str
    year: int
    stage: str
    predicted: str | None  # the predicted entity taken for the project, None when none matched
    stages: list[str]  # its stages in that year ("-" for a mention without one); empty: not mentioned


@dataclass
class Mismatch:
    """A per-document fact (district, sections) that differs from gold."""

    doc: str
    gold: str
    predicted: str


@dataclass
class Recurrence:
    """Recurring projects: gold clusters against predicted ids seen in two or more years."""

    counts: Counts
    missed: list[str]  # shortest spelling of each gold cluster not found
    spurious: list[str]  # shortest spelling of each predicted recurring project matching no cluster


@dataclass
class Evaluation:
    """Every figure of the scorer, plus the errors behind them."""

    documents: int
    typed: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    untyped: Counts = field(default_factory=Counts)
    district: Accuracy = field(default_factory=Accuracy)
    sections: Accuracy = field(default_factory=Accuracy)
    timeline: Accuracy = field(default_factory=Accuracy)
    recurrence: Recurrence | None = None
    quantities: Counts | None = None  # only where some gold document lists quantities
    quantity_misses: list[str] = field(default_factory=list)
    false_positives: list[Miss] = field(default_factory=list)
    false_negatives: list[Miss] = field(default_factory=list)
    timeline_misses: list[TimelineMiss] = field(default_factory=list)
    district_misses: list[Mismatch] = field(default_factory=list)
    section_misses: list[Mismatch] = field(default_factory=list)

    def summary(self) -> dict:
        """The scorer's `--json` object, key for key."""
        out = {
            "documents": self.documents,
            "entities_typed": {**{t: c.prf() for t, c in self.typed.items()},
                               "all": sum(self.typed.values(), Counts()).prf()},
            "entities_untyped": self.untyped.prf(),
            "district_accuracy": self.district.value,
            "sections_accuracy": self.sections.value,
            "timeline_accuracy": self.timeline.value,
        }
        if self.quantities is not None:
            out["quantities"] = self.quantities.prf()
        if self.recurrence is not None:
            out["recurrence"] = {**self.recurrence.counts.prf(), "missed": self.recurrence.missed}
        return out


# ---------------------------------------------------------------- input

@dataclass
class Gold:
    """Gold annotations: documents by id, and the recurring-project clusters of all recurrence files."""

    docs: dict[str, dict]
    clusters: list[dict]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalError(path, e.strerror or str(e)) from None
    except UnicodeDecodeError:
        raise EvalError(path, "not UTF-8 text") from None
    except json.JSONDecodeError as e:
        raise EvalError(path, f"not JSON ({e.msg}, line {e.lineno})") from None


def _check(ok: bool, path: Path, reason: str) -> None:
    if not ok:
        raise EvalError(path, reason)


def _has(items: Any, keys: set[str]) -> bool:
    """`items` is a list of objects that each have `keys`."""
    return isinstance(items, list) and all(isinstance(x, dict) and keys <= x.keys() for x in items)


def _check_gold_doc(path: Path, g: Any) -> None:
    _check(isinstance(g, dict) and isinstance(g.get("doc"), str), path, 'expected an object with a "doc" id')
    entities = g.get("entities")
    _check(_has(entities, {"name", "types"}), path, '"entities" must be a list of {"name", "types", …}')
    for e in entities:
        _check(isinstance(e["types"], list) and bool(e["types"]) and set(e["types"]) <= set(TYPES), path,
               f'entity {e["name"]!r}: "types" must be a non-empty list of {", ".join(TYPES)}')
    _check(_has(g.get("sections", []), {"year", "mode"}), path,
           '"sections" must be a list of {"year", "mode"}')
    _check(_has(g.get("timeline", []), {"project", "year", "stage"}), path,
           '"timeline" must be a list of {"project", "year", "stage", …}')


def load_gold(folder: Path | str) -> Gold:
    """Read a gold folder as the scorer does: every *.json but recurrence*.json is a document
    (keyed by its "doc"); the recurrence*.json files are cluster lists, read together."""
    folder = Path(folder)
    _check(folder.is_dir(), folder, "not a folder")
    docs, clusters = {}, []
    for path in sorted(folder.glob("*.json")):
        data = _read_json(path)
        if path.name.startswith("recurrence"):
            _check(_has(data, {"cluster", "entries"}) and all(_has(c["entries"], {"doc", "year", "name"})
                                                              for c in data),
                   path, 'expected a list of {"cluster", "entries": [{"doc", "year", "name"}]}')
            clusters += data
        else:
            _check_gold_doc(path, data)
            docs[data["doc"]] = data
    _check(bool(docs), folder, "no gold documents (<doc>.json files)")
    return Gold(docs, clusters)


def load_golds(folders: Iterable[Path | str]) -> Gold:
    """Several gold folders read as one (document ids must differ between them)."""
    docs: dict[str, dict] = {}
    clusters: list[dict] = []
    for folder in folders:
        gold = load_gold(folder)
        _check(not set(docs) & set(gold.docs), Path(folder), "document ids also in another gold folder: "
               + ", ".join(sorted(set(docs) & set(gold.docs))[:5]))
        docs.update(gold.docs)
        clusters += gold.clusters
    return Gold(docs, clusters)


def load_predictions(path: Path | str) -> list[dict]:
    """Read a prediction JSONL (one document object a line, as `kg extract` writes)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise EvalError(path, e.strerror or str(e)) from None
    except UnicodeDecodeError:
        raise EvalError(path, "not UTF-8 text") from None
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(path, f"line {n}: not JSON ({e.msg})") from None
        _check(isinstance(r, dict) and isinstance(r.get("doc"), str), path, f'line {n}: no "doc" id')
        entities = r.get("entities", [])
        _check(_has(entities, set()) and all(_has(e.get("mentions", []), set()) for e in entities),
               path, f'line {n}: "entities" and their "mentions" must be lists of objects')
        records.append(r)
    return records


# ---------------------------------------------------------------- scoring

def nearest(gold: Record, pred: list[Record]) -> tuple[str, str] | None:
    """The predicted entity most like a missed gold one (ties go to one of its types), or None
    when nothing is even NEAR_MISS alike: shows near-misses and type confusions."""
    names = spellings(gold)
    best = max(pred, default=None,
               key=lambda p: (similarity(names, spellings(p)), p.get("type") in gold["types"]))
    if best is None or similarity(names, spellings(best)) < NEAR_MISS:
        return None
    return best["type"], best.get("name") or ""


def _score_entities(ev: Evaluation, doc: str, gold: list[Record], pred: list[Record]) -> None:
    """Typed and untyped P/R/F1; a prediction matching only optional gold is neither TP nor FP."""
    required = [e for e in gold if not e.get("optional")]
    optional = [e for e in gold if e.get("optional")]
    for typed in (True, False):
        pairs, missed, unmatched = match(required, pred, typed)
        rest = [pred[i] for i in unmatched]
        spurious = [rest[i] for i in match(optional, rest, typed=False)[2]]
        if not typed:
            ev.untyped += Counts(len(pairs), len(spurious), len(missed))
            continue
        for _, pi in pairs:
            ev.typed[pred[pi]["type"]].tp += 1
        for gi in missed:
            g = required[gi]
            ev.typed[g["types"][0]].fn += 1
            ev.false_negatives.append(Miss(doc, tuple(g["types"]), g["name"], nearest(g, pred)))
        for p in spurious:
            ev.typed[p["type"]].fp += 1
            ev.false_positives.append(Miss(doc, (p["type"],), p.get("name") or ""))


def _score_district(ev: Evaluation, doc: str, gold: Record, pred: Record) -> None:
    gd, pd = gold.get("district"), pred.get("district")
    ok = (gd is None and pd is None) or bool(gd and pd and norm(gd["name"]) == norm(pd.get("name", "")))
    ev.district.add(ok)
    if not ok:
        ev.district_misses.append(Mismatch(doc, (gd or {}).get("name") or "none",
                                           (pd or {}).get("name") or "none"))


def _score_sections(ev: Evaluation, doc: str, gold: Record, pred: Record) -> None:
    """The set of (year, mode) of review and plan sections must equal gold's."""
    gs = {(s["year"], s["mode"]) for s in gold.get("sections", [])}
    ps = {(s.get("year"), s.get("mode")) for s in pred.get("sections", [])
          if s.get("mode") in (Mode.REVIEW, Mode.PLAN)}
    ev.sections.add(gs == ps)
    if gs != ps:
        ev.section_misses.append(Mismatch(doc, _show_sections(gs), _show_sections(ps)))


def _show_sections(pairs: set[tuple]) -> str:
    return ", ".join(f"{y} {m}" for y, m in sorted(pairs, key=str)) or "none"


def _score_timeline(ev: Evaluation, doc: str, gold: Record, pred: list[Record]) -> None:
    """A gold (project, year, stage) is right when the first prediction naming the project has a
    mention of that year with that stage."""
    for t in gold.get("timeline", []):
        names = spellings({"name": t["project"], "aliases": t.get("aliases", [])})
        hit = next((e for e in pred if same(names, spellings(e))), None)
        stages = {m.get("stage") for m in (hit or {}).get("mentions", []) if m.get("year") == t["year"]}
        ev.timeline.add(t["stage"] in stages)
        if t["stage"] not in stages:
            ev.timeline_misses.append(TimelineMiss(doc, t["project"], t["year"], t["stage"],
                                                   None if hit is None else hit.get("name") or "",
                                                   sorted(s or "-" for s in stages)))


_MAGNITUDE = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}


def amount(value: Any, unit: str | None) -> tuple[float | None, str]:
    """Value and unit with leading magnitude prefixes applied, as the scorer compares them:
    (1.2, 万人) → (12000, 人); a unit that is only a prefix-like word (万, 百分点) keeps its text."""
    try:
        v: float | None = round(float(value), 6)
    except (TypeError, ValueError):
        v = None
    u = norm(unit or "")
    while v is not None and len(u) > 1 and u[0] in _MAGNITUDE and u != "百分点":
        v, u = v * _MAGNITUDE[u[0]], u[1:]
    return (None if v is None else round(v, 6)), u


def _score_quantities(ev: Evaluation, doc: str, gold: Record, pred: Record) -> None:
    """Quantities, where the gold document lists them: amount and unit, year and mode equal,
    indicator names matching as entity names do."""
    if "quantities" not in gold:
        return
    counts = ev.quantities = ev.quantities or Counts()
    predicted, used = list(pred.get("quantities") or []), set()
    for q in gold["quantities"]:
        key = (*amount(q.get("value"), q.get("unit")), q.get("year"), q.get("mode"))
        hit = next((i for i, r in enumerate(predicted) if i not in used
                    and (*amount(r.get("value"), r.get("unit")), r.get("year"), r.get("mode")) == key
                    and same(spellings({"name": q.get("indicator", "")}), spellings({"name": r.get("indicator", "")}))),
                   None)
        if hit is None:
            counts.fn += 1
            near = next((r for i, r in enumerate(predicted)  # one no gold figure before it took
                         if i not in used and amount(r.get("value"), r.get("unit")) == key[:2]), None)
            ev.quantity_misses.append(
                f"{doc}: {q.get('indicator')} {q.get('value')}{q.get('unit')} {q.get('year')} {q.get('mode')}"
                + (f"   ~ {near.get('indicator')} {near.get('year')} {near.get('mode')}" if near else ""))
        else:
            used.add(hit)
            counts.tp += 1
    counts.fp += len(predicted) - len(used)


def shortest(names: set[str]) -> str:
    """The name a cluster is listed under: its shortest spelling (alphabetically first among equals,
    where the scorer takes whichever its set yields first)."""
    return min(names, key=lambda s: (len(s), s))


def score_recurrence(clusters: Sequence[Record], preds: Mapping[str, Record], docs: set[str]) -> Recurrence:
    """Recurring projects: a predicted one is an id of type Project with mentions in two or more
    years, over the documents gold covers (its document files and those its clusters name); it
    matches a gold cluster when their names match and they share at least two years."""
    covered = docs | {x["doc"] for c in clusters for x in c["entries"]}
    by_id: dict[str, dict[str, set]] = defaultdict(lambda: {"names": set(), "years": set()})
    for doc, p in preds.items():
        if doc not in covered:
            continue
        for e in p.get("entities", []):
            if e.get("type") == EntityType.PROJECT and e.get("id"):
                by_id[e["id"]]["names"] |= spellings(e)
                by_id[e["id"]]["years"] |= {m.get("year") for m in e.get("mentions", []) if m.get("year")}
    predicted = [r for r in by_id.values() if len(r["years"]) >= 2]
    used: set[int] = set()
    missed = []
    for c in clusters:
        names = {norm(x["name"]) for x in c["entries"]} | {norm(c["cluster"])}
        years = {x["year"] for x in c["entries"]}
        hit = next((i for i, r in enumerate(predicted)
                    if i not in used and same(names, r["names"]) and len(years & r["years"]) >= 2), None)
        if hit is None:
            missed.append(shortest(names))
        else:
            used.add(hit)
    spurious = [shortest(r["names"]) for i, r in enumerate(predicted) if i not in used and r["names"]]
    tp = len(used)
    return Recurrence(Counts(tp, len(predicted) - tp, len(clusters) - tp), missed, spurious)


def evaluate(gold: Gold, predictions: Iterable[Record]) -> Evaluation:
    """Score prediction records (`DocResult.to_json()` objects) against gold. Gold documents
    without a prediction score zero; predictions without gold are ignored (except that
    recurrence reads every document a gold cluster names)."""
    preds = {Path(p["doc"]).stem: p for p in predictions}
    ev = Evaluation(documents=len(gold.docs))
    for doc, g in gold.docs.items():
        p = preds.get(doc, {"entities": []})
        entities = [e for e in p.get("entities", []) if e.get("type") in TYPES]
        _score_entities(ev, doc, g["entities"], entities)
        _score_district(ev, doc, g, p)
        _score_sections(ev, doc, g, p)
        _score_timeline(ev, doc, g, entities)
        _score_quantities(ev, doc, g, p)
    if gold.clusters:
        ev.recurrence = score_recurrence(gold.clusters, preds, set(gold.docs))
    return ev


# ---------------------------------------------------------------- report

def render_table(ev: Evaluation) -> str:
    """The figures in the scorer's layout (its output without --examples), line for line."""
    s = ev.summary()
    lines = [f"documents scored: {s['documents']}",
             f"{'type':14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for t, v in s["entities_typed"].items():
        lines.append(f"{t:14}{v['p']:7.3f}{v['r']:7.3f}{v['f1']:7.3f}{v['tp']:6}{v['fp']:6}{v['fn']:6}")
    u = s["entities_untyped"]
    lines.append(f"{'(untyped)':14}{u['p']:7.3f}{u['r']:7.3f}{u['f1']:7.3f}")
    lines.append(f"district accuracy {s['district_accuracy']}, sections accuracy {s['sections_accuracy']}, "
                 f"timeline accuracy {s['timeline_accuracy']}")
    if "recurrence" in s:
        r = s["recurrence"]
        lines.append(f"recurring projects P {r['p']} R {r['r']} F1 {r['f1']}; "
                     f"missed: {', '.join(r['missed'][:15])}")
    if "quantities" in s:
        q = s["quantities"]
        lines.append(f"quantities P {q['p']} R {q['r']} F1 {q['f1']} (TP {q['tp']} FP {q['fp']} FN {q['fn']})")
    lines.append(f"entity F1 (typed, all) {s['entities_typed']['all']['f1']}")
    return "\n".join(lines)


def sample_by_type(misses: list[Miss], n: int) -> dict[str, list[Miss]]:
    """Up to `n` misses, taken in turn from each type so that no type crowds out the others,
    grouped by type in TYPES order (document order within a type)."""
    groups: dict[str, list[Miss]] = {t: [m for m in misses if m.type == t] for t in TYPES}
    out: dict[str, list[Miss]] = {t: [] for t in TYPES}
    taken = 0
    for row in zip_longest(*groups.values()):
        for t, m in zip(TYPES, row, strict=True):
            if m is not None and taken < n:
                out[t].append(m)
                taken += 1
    return {t: ms for t, ms in out.items() if ms}


def render_errors(ev: Evaluation, n: int) -> str:
    """Up to `n` false positives, `n` false negatives (with their nearest prediction), `n`
    timeline misses and `n` quantity misses (with a prediction of the same amount, after ~), plus
    every district, section and recurrence miss."""
    lines: list[str] = []
    for title, misses in (("false positives", ev.false_positives), ("false negatives", ev.false_negatives)):
        shown = sample_by_type(misses, n)
        lines.append(f"\n{title}: {len(misses)} (showing {sum(map(len, shown.values()))})")
        for t, ms in shown.items():
            lines.append(f"  {t} ({sum(m.type == t for m in misses)})")
            for m in ms:
                near = f"   ~ {m.nearest[0]} {m.nearest[1]}" if m.nearest else ""
                kind = f"[{'/'.join(m.types)}] " if len(m.types) > 1 else ""
                lines.append(f"    {m.doc}  {kind}{m.name}{near}")
    tl = ev.timeline_misses
    lines.append(f"\ntimeline misses: {len(tl)} (showing {min(n, len(tl))})")
    for miss in tl[:n]:
        got = ("not found" if miss.predicted is None
               else f"{', '.join(miss.stages) or 'not mentioned that year'} (as {miss.predicted})")
        lines.append(f"    {miss.doc}  {miss.year} {miss.project}: gold {miss.stage}, predicted {got}")
    qm = ev.quantity_misses
    if ev.quantities is not None:
        lines.append(f"\nquantity misses: {len(qm)} (showing {min(n, len(qm))})")
        lines.extend(f"    {miss}" for miss in qm[:n])
    for title, mismatches in (("district", ev.district_misses), ("sections", ev.section_misses)):
        for mm in mismatches:
            lines.append(f"{title} miss: {mm.doc}: gold {mm.gold}, predicted {mm.predicted}")
    if ev.recurrence and ev.recurrence.spurious:
        lines.append(f"recurring projects not in gold: {', '.join(ev.recurrence.spurious)}")
    return "\n".join(lines)
