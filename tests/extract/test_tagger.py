"""The trained tagger on invented sentences: its labels, its features, what it learns, its file."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from kg.extract.candidates.propose import TAGGER, propose
from kg.extract.candidates.tokens import tokenize
from kg.extract.rules import decide_by_rules
from kg.extract.tagger import TYPES, Tagger, TaggerError, features, labels, train
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.structure.clauses import sentences

# Invented works named in ordinary words before 项目, each opening its sentence's object.
WORKS = ["丰禾热电", "青川冷链", "云溪光储", "石岭智造", "桐湾新材", "松原精工", "柳塘储能", "枫桥数智"]


def sequences(names: list[str]) -> list[tuple[list[list[str]], list[str]]]:
    out = []
    for name in names:
        for sentence in (f"推进{name}项目建设。", f"全年引进{name}项目，总投资5亿元。"):
            toks = tokenize(sentence, [(0, len(sentence))])[0]
            out.append((features(sentence, toks), labels(sentence, [(f"{name}项目", EntityType.PROJECT)])))
    return out


def test_labels_mark_every_place_a_name_is_written_longest_first():
    sentence = "甲乙产业园和甲乙产业园二期"
    got = labels(sentence, [("甲乙产业园", EntityType.PROJECT), ("甲乙产业园二期", EntityType.PROJECT)])
    assert got == ["B-P", "I-P", "I-P", "I-P", "I-P", "O", "B-P", "I-P", "I-P", "I-P", "I-P", "I-P", "I-P"]


def test_features_describe_neighbours_and_words_never_a_whole_name():
    sentence = "推进丰禾热电项目建设"
    feats = features(sentence, tokenize(sentence, [(0, len(sentence))])[0])
    assert len(feats) == len(sentence)
    assert {"c=丰", "c-1=进", "c+1=禾", "b-1=进丰", "b+2=禾热"} <= set(feats[2])
    assert all(len(f.split("=", 1)[1]) <= 5 for fs in feats for f in fs)  # characters and pairs, not names


def test_a_tagger_trained_on_invented_works_reads_an_unseen_one(tmp_path: Path):
    path = tmp_path / "t.crf"
    assert train(sequences(WORKS[:-1]), path)
    sentence = f"推进{WORKS[-1]}项目建设。"
    [spans], _ = Tagger(path).read([sentence], tokenize(sentence, [(0, len(sentence))]))
    assert (2, 8, EntityType.PROJECT) in spans


def crfsuite_names(crf: pycrfsuite.Tagger, sentence: str, toks) -> list[tuple[int, int, EntityType]]:
    """crfsuite's own reading of a sentence, as runs of B-X I-X … of two characters or more."""
    tags, out, i = crf.tag(features(sentence, toks)), [], 0
    while i < len(tags):
        j = i + 1
        if tags[i].startswith("B-"):
            while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                j += 1
            if j - i >= 2:
                out.append((i, j, {"D": EntityType.DISTRICT, "P": EntityType.PROJECT, "O": EntityType.ORGANIZATION,
                                   "G": EntityType.PROGRAM, "E": EntityType.PERSON}[tags[i][2:]]))
        i = j
    return out


def test_reading_a_document_at_once_gives_crfsuites_own_labels(tmp_path: Path):
    path = tmp_path / "t.crf"
    train(sequences(WORKS[:-2]), path)
    text = (f"推进{WORKS[-1]}项目建设。全年引进{WORKS[-2]}项目、{WORKS[0]}项目，总投资5亿元；"
            f"建成{WORKS[3]}项目和Ω新区#2号楼。好。\n{WORKS[-1]}项目{WORKS[-2]}项目一二三四五六七八九十百千")
    spans = sentences(text)
    toks = tokenize(text, spans)
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    expected = [crfsuite_names(crf, text[a:b], t) for (a, b), t in zip(spans, toks, strict=True)]
    assert Tagger(path).read([text[a:b] for a, b in spans], toks)[0] == expected
    assert sum(map(len, expected)) >= 3  # the comparison is over names found, not over nothing
    assert Tagger(path).read(["", "推进", ""], [[], tokenize("推进", [(0, 2)])[0], []])[0][0::2] == [[], []]


def test_the_chance_of_each_span_sums_to_crfsuites_marginal_of_its_beginning(tmp_path: Path):
    # A name begins at a character exactly when one of the spans starting there is a name: summed over
    # the span's ends, the chances must give crfsuite's own marginal of the B label there.
    path = tmp_path / "t.crf"
    train(sequences(WORKS[:-2]), path)
    text = f"推进{WORKS[-1]}项目建设。全年引进{WORKS[-2]}项目、{WORKS[0]}项目，总投资5亿元；好。\n建成{WORKS[3]}项目"
    spans = sentences(text)
    toks = tokenize(text, spans)
    _, chances = Tagger(path).read([text[a:b] for a, b in spans], toks, [a for a, _ in spans])
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    project = TYPES.index(EntityType.PROJECT)  # the one type these sentences name
    checked = 0
    for (a, b), t in zip(spans, toks, strict=True):
        crf.set(features(text[a:b], t))
        queries = [(a, a + i, a + j) for i in range(b - a) for j in range(i + 1, b - a + 1)]
        chance, part = (kind[:, project] for kind in chances.of(queries))
        for i in range(b - a):
            begins = chance[[q[1] == a + i for q in queries]].sum()
            assert begins == pytest.approx(crf.marginal("B-P", i), abs=1e-4)
            one = queries.index((a, a + i, a + i + 1))  # a character is in a name: the name, or part of one
            assert chance[one] + part[one] == pytest.approx(crf.marginal("B-P", i) + crf.marginal("I-P", i), abs=1e-4)
            checked += 1
    assert checked == len(text) - text.count("\n")
    name = text.index(WORKS[-1])
    exact, part = chances.of([(0, name, name + 6), (0, name, name + 4), (0, 0, 2)])
    whole, head, verb = exact[:, project]
    assert whole > 0.5 > max(head, verb)  # the whole name, not its head, not the verb before it
    assert part[1, project] > 0.5 > part[0, project] + part[2, project]  # the head is part of the name
    assert sum(a.sum() for a in chances.of([(999, 1000, 1002)])) == 0  # a sentence it did not read


def test_training_is_deterministic_and_needs_names(tmp_path: Path):
    a, b = tmp_path / "a.crf", tmp_path / "b.crf"
    assert train(sequences(WORKS), a) and train(sequences(WORKS), b)
    assert a.read_bytes() == b.read_bytes()
    nameless = [(xs, ["O"] * len(ys)) for xs, ys in sequences(WORKS)]
    assert not train(nameless, tmp_path / "c.crf") and not (tmp_path / "c.crf").exists()


def test_a_corrupt_or_missing_tagger_file_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "bad.crf"
    bad.write_bytes(b"not a model")
    with pytest.raises(TaggerError, match="bad.crf: cannot open the tagger file"):
        Tagger(bad)
    with pytest.raises(TaggerError, match="missing.crf: cannot open the tagger file"):
        Tagger(tmp_path / "missing.crf")


def test_the_taggers_spans_are_candidates_for_the_decision_not_for_the_rules(tmp_path: Path):
    path = tmp_path / "t.crf"
    train(sequences(WORKS[:-1]), path)
    text = f"推进{WORKS[-1]}项目建设。"
    proposal = propose(text, Gazetteer.load(), Tagger(path))
    tagged = [c for s in proposal.sentences for c in s.candidates if c.source == TAGGER]
    assert [text[c.start : c.end] for c in tagged] == [f"{WORKS[-1]}项目"]
    assert all(c.source != TAGGER for c, _, _ in decide_by_rules(proposal))
