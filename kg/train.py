"""Gold → model: train the extraction decision on annotated reports, and measure it honestly.

Gold is a folder of `<doc>.json` files (the annotation guide's format). The texts they annotate
are found in a `texts/` folder beside the gold, else among the INPUT files (by file stem). Every
candidate span of a text is labelled by the gold: the type of the gold entity one of whose
spellings it is, `O` where it names nothing; spans of entities the gold marks optional teach
nothing and are left out. A multinomial logistic regression (scikit-learn) learns the decision
from the features that spans of two sources or more share (`_rows`); its weights go into a JSON
`Model`. The tagger (`kg.extract.tagger`) learns the gold's names
first; the decision learns from the spans it reads in each fold's documents when trained on the
other folds, never from spans it read in its own training text.

Cross-validation holds out whole sources: each held-out group is a site (the host of the page's
address in the gold folder's `index.tsv`) or, without one, the document itself, so the figure is
always one on text from a source the model did not learn from.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

from kg import linear, manifest, presumption
from kg.evaluate import EvalError, Evaluation, Gold, evaluate, load_gold, norm, same, spellings
from kg.extract import extract, tagger
from kg.extract.candidates.propose import propose
from kg.extract.candidates.tokens import tokenize
from kg.extract.decide import NONE, Model
from kg.extract.features import Features, Span, featurize
from kg.extract.rules import decide_by_rules
from kg.gazetteer import Gazetteer
from kg.ingest import IngestError, iter_input_files, read_document
from kg.model import TYPES, Document, EntityType
from kg.pipeline import replacing
from kg.reading import read
from kg.resolve import resolve
from kg.simplified import simplified
from kg.structure.clauses import sentences
from kg.structure.trained import READING_MODES, unheaded_features

C = 0.2  # inverse regularisation strength: cross-validated over 509 documents (0.05, 0.1, 0.2, 0.4), tagger included
THRESHOLD = 0.5
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
F1_TOLERANCE = 0.003  # typed F1 differences this small between thresholds are the folds' noise
FOLDS = 5
MIN_SOURCES = 2  # a feature counts only where the labelled spans of this many sources have it …
FEW_SOURCES = 10  # … when the gold comes from this many sources at least (a source: a site, else a document)
MIN_NAMES = 30  # a type with fewer distinct annotated names than this is left to the rules
READING_C = 0.3  # the reading's inverse regularisation strength: 0.1, 0.3 and 1 cross-validated over 1,155 documents


@dataclass
class GoldDoc:
    doc: Document
    gold: dict
    group: str  # the source it came from: held out together


def _sites(folder: Path) -> dict[str, str]:
    """Document id → site (the host of its address in the folder's manifest)."""
    return {doc_id: urlparse(url).hostname or "" for doc_id, url in manifest.addresses(folder).items()}


def load(gold_dirs: Iterable[Path], inputs: Iterable[Path] = ()) -> list[GoldDoc]:
    """The annotated documents of each gold folder, read as a build reads them."""
    by_stem: dict[str, Path] = {}
    for path in iter_input_files(list(inputs)):
        by_stem.setdefault(path.stem, path)
    out = []
    for folder in map(Path, gold_dirs):
        gold = load_gold(folder)
        texts = {p.stem: p for p in sorted((folder / "texts").glob("*"))} if (folder / "texts").is_dir() else {}
        sites = _sites(folder)
        for doc_id, g in gold.docs.items():
            found = texts.get(doc_id) or by_stem.get(doc_id)
            if found is None:
                raise EvalError(folder, f"no text for gold document {doc_id!r} (in texts/ or among the inputs)")
            try:
                doc = read_document(found)
            except IngestError as e:
                raise EvalError(found, e.reason) from None
            out.append(GoldDoc(doc, g, f"{folder.name}:{sites.get(doc_id) or doc_id}"))
    return out


def _label(names: dict[str, str | None], span_names: list[str | None]) -> str | None:
    """The gold type of a span from its spellings; None where it names an optional entity."""
    for n in span_names:
        if n and n in names:
            return names[n]
    return NONE


def _gold_names(gold: dict, proposed: set[str]) -> dict[str, str | None]:
    """Normalised spelling → type (the proposed one when the gold allows several), None if optional."""
    out: dict[str, str | None] = {}
    for e in gold["entities"]:
        types = [t for t in e["types"] if t in TYPES]
        typ = next((t for t in types if t in proposed), types[0] if types else None)
        for n in {norm(e["name"]), *map(norm, e.get("aliases") or [])}:
            if n and n not in out:
                out[n] = None if e.get("optional") else typ
    return out


@dataclass
class Featured:
    """A gold document's candidate spans, their features and their labels (None: not labelled)."""

    gold: GoldDoc
    spans: list[tuple[Span, Features]]  # offsets in the text as read (`kg.reading`)
    labels: list[str | None]
    text: str  # the text as read

    @cached_property
    def reading(self) -> tuple[Features, str] | None:
        """The document as the reading learns it, once for all folds: its features, labelled with the
        mode of its first gold section; None for a text whose headings say what it is."""
        first = (self.gold.gold.get("sections") or [{}])[0].get("mode")
        if first not in READING_MODES:
            return None
        f = unheaded_features(self.text, read(self.gold.doc.title).text, self.gold.doc.metadata)
        return None if f is None else (f, first)


def featurize_gold(docs: Iterable[GoldDoc], gaz: Gazetteer | None = None,
                   taggers: Mapping[tuple[str, str], tagger.Tagger] | None = None) -> list[Featured]:
    """Every candidate span of the gold documents, with features and the gold's label; the spans a
    document's tagger (`taggers`, by source and document id: two gold folders may use one id) reads
    are candidates too."""
    gaz = gaz or Gazetteer.load()
    out = []
    for gd in docs:
        reading = read(gd.doc.text)  # as `extract` reads it
        proposal = propose(reading.text, gaz, (taggers or {}).get((gd.group, gd.doc.id)))
        featured = featurize(proposal, decide_by_rules(proposal), gaz)
        labels = [_label(_gold_names(gd.gold, {c.type for c in sp.candidates}),
                         [norm(gd.doc.text[slice(*reading.span(sp.start, sp.end))]), norm(sp.full)])
                  for sp, _ in featured]
        out.append(Featured(gd, featured, labels, reading.text))
    return out


def tagger_sequences(gd: GoldDoc) -> list[tagger.Labelled]:
    """A gold document's sentences as the tagger learns them: each character's features and label."""
    text = read(gd.doc.text).text
    names = [(simplified(n).replace(" ", ""), EntityType(types[0]))
             for e in gd.gold["entities"] if not e.get("optional") and (types := [t for t in e["types"] if t in TYPES])
             for n in sorted({e["name"], *(e.get("aliases") or [])})]  # sorted: the same file in any process
    spans = sentences(text)
    return [(tagger.features(text[s0:s1], toks), tagger.labels(text[s0:s1], [(n, t) for n, t in names if len(n) > 1]))
            for (s0, s1), toks in zip(spans, tokenize(text, spans), strict=True) if s1 > s0]


def train_tagger(docs: Iterable[GoldDoc], path: Path) -> bool:
    """Train the tagger on the gold documents' names and write it to `path` whole or not at all;
    False when the gold names nothing."""
    with replacing(path) as tmp:
        trained = tagger.train((seq for gd in docs for seq in tagger_sequences(gd)), tmp)
        if not trained:
            tmp.unlink()  # nothing learnt: the previous file stays
    return trained


def prepare(docs: list[GoldDoc], k: int = FOLDS, gaz: Gazetteer | None = None) -> list[Featured]:
    """The gold documents featurized for training and cross-validation. Each document's tagger spans
    come from a tagger trained on the other folds (the folds `cross_validate` holds out), so the
    decision learns how far to trust the tagger on text it did not learn from."""
    with tempfile.TemporaryDirectory(prefix="kg-tagger-") as tmp:
        taggers: dict[tuple[str, str], tagger.Tagger] = {}
        for i, held in enumerate(folds(docs, k)):
            path = Path(tmp) / f"fold{i}.crf"
            rest = [d for d in docs if d.group not in held]
            if rest and train_tagger(rest, path):
                fold_tagger = tagger.Tagger(path)
                taggers.update(((d.group, d.doc.id), fold_tagger) for d in docs if d.group in held)
        return featurize_gold(docs, gaz, taggers)


def _names(items: Iterable[Featured]) -> dict[str, int]:
    """Distinct labelled names of each type."""
    seen = {(it.text[sp.start : sp.end], y) for it in items
            for (sp, _), y in zip(it.spans, it.labels, strict=True) if y not in (None, NONE)}
    return dict(Counter(y for _, y in seen))


def _rows(items: Sequence[Featured], min_sources: int = MIN_SOURCES) -> list[tuple[Features, str]]:
    """The labelled spans' features, each kept only where spans of at least `min_sources` sources
    have it: a word seen in one source alone is that source's, and a weight for it would learn the
    source by heart rather than the language. Gold of few sources (a researcher's own reports of
    one site) keeps every feature, or it would teach nothing."""
    labelled = [(it.gold.group, f, y) for it in items for (_, f), y in zip(it.spans, it.labels, strict=True)
                if y is not None]
    if len({g for g, _, _ in labelled}) < FEW_SOURCES:
        return [(f, y) for _, f, y in labelled]
    sources: dict[str, set[str]] = {}
    for group, f, _ in labelled:
        for name in f:
            sources.setdefault(name, set()).add(group)
    common = {name for name, seen in sources.items() if len(seen) >= min_sources}
    return [({k: v for k, v in f.items() if k in common}, y) for _, f, y in labelled]


def fit(rows: list[tuple[Features, str]], c: float = C, threshold: float = THRESHOLD,
        meta: dict[str, str] | None = None, names: dict[str, int] | None = None) -> Model:
    """A deterministic fit: the same rows in the same order give the same model bytes. `names`:
    how many distinct names of each type the gold has (types with too few are left to the rules)."""
    names = names or {t: MIN_NAMES for t in TYPES}
    if len({y for _, y in rows}) < 2 or NONE not in {y for _, y in rows}:
        raise ValueError("training needs spans that name nothing and spans that name something")
    lin = linear.fit(rows, c)
    model = Model(lin.classes, lin.intercept, lin.weights, threshold,
                  deferred=tuple(sorted(t for t in TYPES if names.get(t, 0) < MIN_NAMES)),
                  meta=tuple(sorted((meta or {}).items())))
    return Model.from_json(model.to_json())  # what a reader of the file gets, rounding included


def presumption_rows(items: Iterable[Featured], model: Model) -> list[tuple[Features, str]]:
    """Each mention of a project the model's extraction finds named with no cue in a year, labelled
    with the stage the gold's timeline gives that project in that year (unlabelled where it gives none)."""
    rows = []
    for it in items:
        timeline = it.gold.gold.get("timeline") or []
        if not timeline:
            continue
        text = read(it.gold.doc.text).aligned  # as `extract` presumes
        for e, year, mentions in presumption.uncued(text, extract(it.gold.doc, model, it.spans).entities):
            names = spellings({"name": e.name, "aliases": e.aliases})
            stage = next((t["stage"] for t in timeline if t.get("year") == year
                          and same(spellings({"name": t["project"], "aliases": t.get("aliases")}), names)), None)
            rows += [(presumption.features(text, m, e.name), stage) for m in mentions if stage]
    return rows


def reading_rows(items: Iterable[Featured]) -> list[tuple[Features, str]]:
    """Each gold document with no heading saying what it is, labelled with the mode of its first
    section in the gold: what the text is before any part of it turns to another year."""
    return [it.reading for it in items if it.reading is not None]


def with_reading(model: Model, items: list[Featured]) -> Model:
    """The model with a reading of texts with no heading learnt from the gold documents' sections
    (none when they hold fewer than two modes to tell apart)."""
    rows = reading_rows(items)
    return replace(model, reading=linear.fit(rows, READING_C) if len({y for _, y in rows}) > 1 else None)


def presuming(model: Model, items: list[Featured]) -> Model:
    """The model with a presumption learnt from the gold documents it extracts."""
    return replace(model, presumption=presumption.train(presumption_rows(items, model)))


def learnt(items: list[Featured], c: float = C, threshold: float = THRESHOLD,
           meta: dict[str, str] | None = None) -> Model:
    """Everything a model learns from `items`, in order: the decision, the reading of texts with no
    heading, then the presumption (learnt from what the first two extract)."""
    model = fit(_rows(items), c, threshold, meta, _names(items))
    return presuming(with_reading(model, items), items)


def folds(docs: list[GoldDoc], k: int) -> list[set[str]]:
    """Groups (sources) dealt into at most k folds, largest first, so that no source is split. A
    source's size is its count of gold entities: the folds change when the annotations do, never
    when a change to reading the texts moves their lengths."""
    sizes: dict[str, int] = {}
    for d in docs:
        sizes[d.group] = sizes.get(d.group, 0) + 1 + len(d.gold.get("entities", []))
    out: list[set[str]] = [set() for _ in range(min(k, len(sizes)))]
    load = [0] * len(out)
    for group in sorted(sizes, key=lambda g: (-sizes[g], g)):
        i = load.index(min(load))
        out[i].add(group)
        load[i] += sizes[group]
    return out


def predict(items: list[Featured], model: Model | None) -> list[dict]:
    """Resolved prediction records of the documents, as `kg extract` writes them."""
    results = [extract(it.gold.doc, model, it.spans) for it in items]
    return [r.to_json() for r in resolve(results).results]


def cross_validate(items: list[Featured], k: int = FOLDS, c: float = C,
                   thresholds: Iterable[float] = (THRESHOLD,),
                   train_only: Sequence[Featured] = ()) -> dict[float, list[dict]]:
    """For each threshold, predictions for every document of `items` by models that never saw its
    source. `train_only`: more gold that the folds' models learn from (held out with its source like
    the rest) but that is never predicted: a few reports of one's own scored, all the gold one has
    training."""
    out: dict[float, list[dict]] = {t: [] for t in thresholds}
    every = [*items, *train_only]
    for held_groups in folds([it.gold for it in every], k):
        held = [it for it in items if it.gold.group in held_groups]
        if not held:
            continue  # a fold of training gold alone: nothing to predict
        train_items = [it for it in every if it.gold.group not in held_groups]
        model = learnt(train_items, c)
        for t in out:
            out[t] += predict(held, replace(model, threshold=t))
    return out


def best_threshold(items: list[Featured], k: int = FOLDS, c: float = C) -> float:
    """The threshold with the best cross-validated timeline (the stage of each project in each year:
    a project dropped has none) among those whose typed F1 is within F1_TOLERANCE of the best; then
    the better F1, then the one nearer 0.5."""
    runs = cross_validate(items, k, c, THRESHOLDS)
    docs = [it.gold for it in items]
    summaries = {t: score(docs, runs[t]).summary() for t in THRESHOLDS}
    f1 = {t: summaries[t]["entities_typed"]["all"]["f1"] for t in THRESHOLDS}
    near = [t for t in THRESHOLDS if f1[t] >= max(f1.values()) - F1_TOLERANCE]
    return max(near, key=lambda t: (summaries[t]["timeline_accuracy"] or 0.0, f1[t], -abs(t - .5)))


def train(docs: list[GoldDoc], c: float = C, threshold: float | None = None, tagger_path: Path | None = None,
          tagger_held_out: Iterable[str] = ()) -> Model:
    """A model trained on every labelled span of `docs`; its threshold chosen by cross-validation
    unless given. With `tagger_path`, a tagger trained on `docs` is written there and the model
    names it (the file beside the model's); the documents of the gold folders named in
    `tagger_held_out` are left out of the tagger, so that scoring the model on them measures the
    tagger as on reports it never saw (a tagger learns the names it was trained on by heart)."""
    items = prepare(docs)
    if threshold is None:
        threshold = best_threshold(items, FOLDS, c)
    spans = sum(y is not None for it in items for y in it.labels)  # the labelled ones: a row each
    model = learnt(items, c, threshold, {"documents": str(len(docs)), "spans": str(spans),
                                         "groups": " ".join(sorted({d.group for d in docs}))})
    held = set(tagger_held_out)
    if tagger_path is not None and train_tagger([d for d in docs if d.group.split(":")[0] not in held], tagger_path):
        model = replace(model, tagger_file=tagger_path.name)
    return model


def score(docs: list[GoldDoc], records: list[dict]) -> Evaluation:
    """The evaluation of prediction records against the gold of `docs`."""
    gold = Gold({d.doc.id: d.gold for d in docs}, [])
    return evaluate(gold, records)
