"""A trained sequence labeller that proposes the names the candidate generators' patterns miss.

The generators find a name by its ending, its quotes, the list it stands in; a name in ordinary
words with none of these marks (a works named by what it makes, a body by its brand) escapes
them. A linear-chain CRF (python-crfsuite), trained on the gold's names, labels each character of
a sentence as the beginning or inside of a name of some type, or outside, from what surrounds it:
the characters and character pairs around it, where it stands in its jieba word and that word's
dictionary tag, whether it is a suffix's last character or a digit. No feature holds a whole name.
Its spans join the candidates with the source `tagger`, and the trained decision weighs them like
any other. The model is crfsuite's own file: opening it runs no code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import pycrfsuite

from kg import lexicon as lx
from kg.extract.candidates import Token
from kg.model import EntityType

_CODE = {EntityType.DISTRICT: "D", EntityType.PROJECT: "P", EntityType.ORGANIZATION: "O",
         EntityType.PROGRAM: "G", EntityType.PERSON: "E"}
_TYPE = {code: typ for typ, code in _CODE.items()}
OUTSIDE = "O"
# Strong L1 keeps the model small (under 1 MB) and learns fewer names by heart, at the same held-out
# recall of the names the rules miss; chosen, with the iterations, by that recall.
_PARAMS = {"c1": 1.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
Sequence = tuple[list[list[str]], list[str]]  # a sentence's character features and labels


class TaggerError(Exception):
    """A tagger file that cannot be opened; the message names the file and the reason."""


def features(sentence: str, tokens: list[Token]) -> list[list[str]]:
    """Each character's features: its neighbours, its place in its word and the word's tag."""
    place = ["S"] * len(sentence)
    tag = ["x"] * len(sentence)
    for t in tokens:
        if t.end - t.start > 1:
            place[t.start : t.end] = ["B", *["M"] * (t.end - t.start - 2), "E"]
        tag[t.start : t.end] = [t.tag or "x"] * (t.end - t.start)
    p = f"##{sentence}##"  # p[i + 2] is sentence[i]
    return [[f"c={ch}", f"c-1={p[i + 1]}", f"c+1={p[i + 3]}", f"c-2={p[i]}", f"c+2={p[i + 4]}",
             f"b-1={p[i + 1 : i + 3]}", f"b+1={p[i + 2 : i + 4]}", f"b-2={p[i : i + 2]}", f"b+2={p[i + 3 : i + 5]}",
             f"w={place[i]}", f"t={tag[i]}", f"wt={place[i]}{tag[i]}", f"last={ch in lx.SUFFIX_LAST}",
             f"digit={ch.isdigit()}"] for i, ch in enumerate(sentence)]


def labels(sentence: str, names: Iterable[tuple[str, EntityType]]) -> list[str]:
    """The gold's labels of a sentence: every place a name is written, longest names first."""
    out = [OUTSIDE] * len(sentence)
    for name, typ in sorted(names, key=lambda n: (-len(n[0]), n[0], n[1])):
        at = sentence.find(name)
        while at >= 0:
            if all(x == OUTSIDE for x in out[at : at + len(name)]):
                out[at : at + len(name)] = [f"B-{_CODE[typ]}"] + [f"I-{_CODE[typ]}"] * (len(name) - 1)
            at = sentence.find(name, at + len(name))
    return out


def train(sequences: Iterable[Sequence], path: Path) -> bool:
    """Train a tagger on labelled sentences and write it to `path`; False (nothing written) when the
    sentences name nothing to learn from. The same sentences in the same order give the same file."""
    trainer = pycrfsuite.Trainer(verbose=False)
    named = False
    for xs, ys in sequences:
        trainer.append(xs, ys)
        named = named or any(y != OUTSIDE for y in ys)
    if not named:
        return False
    trainer.set_params(_PARAMS)
    trainer.train(str(path))
    return True


class Tagger:
    """An opened tagger file."""

    def __init__(self, path: str | Path) -> None:
        try:
            data = Path(path).read_bytes()
            self._tagger = pycrfsuite.Tagger()
            self._tagger.open(str(path))
        except (OSError, ValueError) as e:
            raise TaggerError(f"{path}: cannot open the tagger file ({getattr(e, 'strerror', None) or e})") from None
        self.sha256 = hashlib.sha256(data).hexdigest()

    def spans(self, sentence: str, tokens: list[Token]) -> list[tuple[int, int, EntityType]]:
        """(start, end, type) of each name the tagger reads in a sentence."""
        if not sentence:
            return []
        tags = self._tagger.tag(features(sentence, tokens))
        out = []
        i = 0
        while i < len(tags):
            if tags[i].startswith("B-"):
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                    j += 1
                if j - i >= 2:
                    out.append((i, j, _TYPE[tags[i][2:]]))
                i = j
            else:
                i += 1
        return out
