"""A trained sequence labeller that proposes the names the candidate generators' patterns miss.

The generators find a name by its ending, its quotes, the list it stands in; a name in ordinary
words with none of these marks (a works named by what it makes, a body by its brand) escapes
them. A linear-chain CRF, trained on the gold's names, labels each character of a sentence as the
beginning or inside of a name of some type, or outside, from what surrounds it: the characters and
character pairs around it, where it stands in its jieba word and that word's dictionary tag,
whether it is a suffix's last character or a digit. No feature holds a whole name. Its spans join
the candidates with the source `tagger`, and the trained decision weighs them like any other; and
for every candidate, whichever generator proposed it, the decision also reads the tagger's
`Chances`: how likely the span is exactly a name of each type, or part of a longer one.

python-crfsuite trains it and its file is crfsuite's own (opening it runs no code). Reading is done
here, with the file's weights in numpy tables: crfsuite reads one sentence at a time from feature
strings, and building 14 strings a character cost extraction twice jieba's time; here a document's
characters become table rows at once and all its sentences are decoded together (the same labels:
a test holds the two readers to each other).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, repeat
from operator import attrgetter
from pathlib import Path

import numpy as np
import pycrfsuite

from kg import lexicon as lx
from kg.extract.candidates.tokens import Token
from kg.model import EntityType

_CODE = {EntityType.DISTRICT: "D", EntityType.PROJECT: "P", EntityType.ORGANIZATION: "O",
         EntityType.PROGRAM: "G", EntityType.PERSON: "E"}
_CODES = list(_CODE.values())
TYPES = list(_CODE)  # the order of `Chances.of`'s columns
OUTSIDE = "O"
# Strong L1 keeps the model small (under 1 MB) and learns fewer names by heart, at the same held-out
# recall of the names the rules miss; chosen, with the iterations, by that recall.
_PARAMS = {"c1": 1.0, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
Labelled = tuple[list[list[str]], list[str]]  # a sentence's character features and labels
Spans = list[tuple[int, int, EntityType]]  # (start, end, type) in a sentence

# The feature templates, in the order each character lists them: the character `offset` places away,
# the pair of characters starting `offset` places away, then the word's place and tag, the
# suffix-end and digit marks. A sentence is padded with "#" on both sides.
_CHARS = (("c", 0), ("c-1", -1), ("c+1", 1), ("c-2", -2), ("c+2", 2))
_PAIRS = (("b-1", -1), ("b+1", 0), ("b-2", -2), ("b+2", 1))
_PLACES = "BMES"  # first, middle, last character of a word, or a word of one
_PAD = 2
_PAIR_KEY = 0x110000  # a pair of code points as one integer: first * _PAIR_KEY + second


class TaggerError(Exception):
    """A tagger file that cannot be opened; the message names the file and the reason."""


def _words(n: int, tokens: list[Token]) -> tuple[list[str], list[str]]:
    """Each character's place in its jieba word and the word's dictionary tag ("x" for none)."""
    place, tag = ["S"] * n, ["x"] * n
    for t in tokens:
        if t.end - t.start > 1:
            place[t.start : t.end] = ["B", *["M"] * (t.end - t.start - 2), "E"]
        tag[t.start : t.end] = [t.tag or "x"] * (t.end - t.start)
    return place, tag


def features(sentence: str, tokens: list[Token]) -> list[list[str]]:
    """Each character's features as crfsuite's attribute strings, for training."""
    n, p = len(sentence), "#" * _PAD + sentence + "#" * _PAD
    cols = [[f"{name}={c}" for c in p[_PAD + k : _PAD + k + n]] for name, k in _CHARS]
    cols += [[f"{name}={p[_PAD + k + i : _PAD + k + i + 2]}" for i in range(n)] for name, k in _PAIRS]
    place, tag = _words(n, tokens)
    cols += [[f"w={w}" for w in place], [f"t={t}" for t in tag],
             [f"wt={w}{t}" for w, t in zip(place, tag, strict=True)],
             [f"last={c in lx.SUFFIX_LAST}" for c in sentence], [f"digit={c.isdigit()}" for c in sentence]]
    return [list(f) for f in zip(*cols, strict=True)]


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


def train(sequences: Iterable[Labelled], path: Path) -> bool:
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


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


class _Table:
    """One kind of feature value (characters, pairs, small sets) → a row of weights per template;
    row 0, all zeros, for a value the model has no weight for."""

    def __init__(self, keys: list[int], weights: list[dict[int, np.ndarray]], size: int) -> None:
        self.keys = np.array(sorted(keys), dtype=np.int64)
        row = {k: i + 1 for i, k in enumerate(self.keys.tolist())}
        self.rows = []
        for by_key in weights:
            m = np.zeros((len(self.keys) + 1, size))
            for k, w in by_key.items():
                m[row[k]] = w
            self.rows.append(m)

    def ids(self, keys: np.ndarray) -> np.ndarray:
        if not len(self.keys):
            return np.zeros(len(keys), dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[at] == keys, at + 1, 0)


def _summed(tables: list[np.ndarray], ids: np.ndarray, at: np.ndarray,
            templates: Sequence[tuple[str, int]]) -> np.ndarray:
    """The sum of each template's table rows for every character, added in the templates' order.
    Rows are gathered with take(), four times faster than indexing a table with an array."""
    total = np.zeros((len(at), tables[0].shape[1]))
    for table, (_, k) in zip(tables, templates, strict=True):
        total += table.take(ids[at + k], axis=0)
    return total


class Tagger:
    """An opened tagger file, read into weight tables."""

    def __init__(self, path: str | Path) -> None:
        try:
            data = Path(path).read_bytes()
            crf = pycrfsuite.Tagger()
            crf.open(str(path))
            info = crf.info()
        except (OSError, ValueError, AssertionError, AttributeError) as e:
            raise TaggerError(f"{path}: cannot open the tagger file ({getattr(e, 'strerror', None) or e})") from None
        self.sha256 = hashlib.sha256(data).hexdigest()
        self._labels = sorted(info.labels, key=lambda y: int(info.labels[y]))
        # each label's kind (0 outside, 1 begins, 2 inside) and type (its place in TYPES)
        self._kind = np.array([" BI".index(y[0]) if y[1:2] == "-" else 0 for y in self._labels])
        self._type = np.array([_CODES.index(y[2:]) if y[1:2] == "-" else -1 for y in self._labels])
        index = {y: i for i, y in enumerate(self._labels)}
        # for each type (TYPES' order), its B and I labels' index (-1 where the tagger learnt none)
        self._begin = [index.get(f"B-{_CODE[t]}", -1) for t in TYPES]
        self._inside = [index.get(f"I-{_CODE[t]}", -1) for t in TYPES]
        size = len(self._labels)
        self._transitions = np.zeros((size, size))
        for (a, b), w in info.transitions.items():
            self._transitions[index[a], index[b]] = w
        by_template: dict[str, dict[str, np.ndarray]] = {}
        for (attribute, y), w in info.state_features.items():
            name, _, value = attribute.partition("=")
            by_template.setdefault(name, {}).setdefault(value, np.zeros(size))[index[y]] = w

        def keyed(templates: Sequence[tuple[str, int]], key: Callable[[str], int]) -> list[dict[int, np.ndarray]]:
            return [{key(v): w for v, w in by_template.get(n, {}).items()} for n, _ in templates]

        char = keyed(_CHARS, ord)
        self._chars = _Table(list({k for d in char for k in d}), char, size)
        pair = keyed(_PAIRS, lambda v: ord(v[0]) * _PAIR_KEY + ord(v[1]))
        self._pairs = _Table(list({k for d in pair for k in d}), pair, size)
        self._tag_id = {t: i + 1 for i, t in enumerate(sorted(by_template.get("t", {})))}
        untagged = self._tag_id.get("x", 0)  # a word jieba's dictionary gives no tag reads as x
        self._tag_of: dict[str | None, int] = {None: untagged, "": untagged}
        self._tag_of.update(self._tag_id)
        self._place = np.zeros((len(_PLACES), size))
        self._tag = np.zeros((len(self._tag_id) + 1, size))
        self._place_tag = np.zeros((len(_PLACES), len(self._tag_id) + 1, size))
        for v, w in by_template.get("w", {}).items():
            self._place[_PLACES.index(v)] = w
        for v, w in by_template.get("t", {}).items():
            self._tag[self._tag_id[v]] = w
        for v, w in by_template.get("wt", {}).items():
            if v[1:] in self._tag_id:
                self._place_tag[_PLACES.index(v[0]), self._tag_id[v[1:]]] = w
        self._flags = [np.array([by_template.get(n, {}).get(v, np.zeros(size)) for v in ("False", "True")])
                       for n in ("last", "digit")]

    def _emissions(self, sentences: list[str], tokens: list[list[Token]]) -> np.ndarray:
        """Each character's score of each label: the sum of its features' weights."""
        lengths = np.array([len(s) for s in sentences], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths  # each sentence's first character among all
        padded = "".join(f"{'#' * _PAD}{s}{'#' * _PAD}" for s in sentences)
        cps = _code_points(padded)
        at = np.repeat(np.arange(len(sentences)) * 2 * _PAD + _PAD, lengths) + np.arange(lengths.sum())  # in `padded`
        chars = self._chars.ids(cps)
        pairs = self._pairs.ids(cps[:-1] * _PAIR_KEY + cps[1:])
        scores = _summed(self._chars.rows, chars, at, _CHARS) + _summed(self._pairs.rows, pairs, at, _PAIRS)
        place = np.full(len(at), _PLACES.index("S"))
        tag = np.full(len(at), self._tag_of[None])
        flat = list(chain.from_iterable(tokens))  # the words' attributes are read by map, not a loop of ours
        if flat:
            count = len(flat)
            begin = np.fromiter(map(attrgetter("start"), flat), dtype=np.int64, count=count)
            size = np.fromiter(map(attrgetter("end"), flat), dtype=np.int64, count=count) - begin
            first = np.repeat(starts, [len(toks) for toks in tokens]) + begin
            within = np.arange(size.sum()) - np.repeat(np.cumsum(size) - size, size)
            long = np.repeat(size, size)
            where = np.repeat(first, size) + within
            place[where] = np.where(long == 1, 3, np.where(within == 0, 0, np.where(within == long - 1, 2, 1)))
            ids = map(self._tag_of.get, map(attrgetter("tag"), flat), repeat(0))
            tag[where] = np.repeat(np.fromiter(ids, dtype=np.int64, count=count), size)
        seen = set(padded)
        marks = [{c for c in seen if c in lx.SUFFIX_LAST}, {c for c in seen if c.isdigit()}]
        for rows, chars_marked in zip(self._flags, marks, strict=True):
            marked = np.isin(cps[at], np.array([ord(c) for c in chars_marked], dtype=np.int64))
            scores = scores + rows.take(marked.astype(np.int64), axis=0)
        place_tag = self._place_tag.reshape(-1, self._place_tag.shape[2])  # row place * tags + tag
        return (scores + self._place.take(place, axis=0) + self._tag.take(tag, axis=0)
                + place_tag.take(place * self._place_tag.shape[1] + tag, axis=0))

    def _decode(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The best labels of every sentence (Viterbi), all sentences a step at a time, longest
        first, so that the sentences still going at a step are always the first columns. Scores
        are held label by sentence, so that the best predecessor is a maximum over the first axis
        (numpy's fastest). The way back finds the best predecessors of the chosen labels again."""
        order, first, alive, into, chars = _by_step(lengths)
        steps = len(alive)
        ordered = scores.take(chars, axis=0).T.copy()
        go = self._transitions[:, :, None]  # go[x, y]: the weight of label y after label x
        best = ordered[:, : alive[0]]
        history = [best]
        last = np.zeros(len(order), dtype=np.int64)  # each sentence's best label at its last step
        for t in range(1, steps + 1):
            n = alive[t] if t < steps else 0
            if n < alive[t - 1]:
                last[n : alive[t - 1]] = best[:, n:].argmax(0)  # the sentences that ended at t - 1
            if n:
                best = (best[:, None, :n] + go).max(0) + ordered[:, into[t] : into[t] + n]
                history.append(best)
        path = np.zeros(int(lengths.sum()), dtype=np.int64)
        label = last.copy()
        for t in range(steps - 1, -1, -1):
            n, ended = alive[t], alive[t + 1] if t + 1 < steps else 0
            if ended < n:
                label[ended:n] = last[ended:n]  # the sentences whose last step is t
            path[first[:n] + t] = label[:n]
            if t:
                label[:n] = (history[t - 1][:, :n] + self._transitions.take(label[:n], axis=1)).argmax(0)
        return path

    def read(self, sentences: list[str], tokens: list[list[Token]],
             offsets: Sequence[int] | None = None) -> tuple[list[Spans], Chances | None]:
        """Each sentence's names as the tagger reads them: (start, end, type), two characters or more;
        and the `Chances` of every span of the sentences (None when all are empty). `tokens` are each
        sentence's jieba words (`candidates.tokens.tokenize`), `offsets` where each sentence starts in
        its document, the positions `Chances` takes (by default its index)."""
        out: list[Spans] = [[] for _ in sentences]
        kept = [i for i, s in enumerate(sentences) if s]
        if not kept:
            return out, None
        lengths = np.array([len(sentences[i]) for i in kept], dtype=np.int64)
        starts = np.cumsum(lengths) - lengths
        scores = self._emissions([sentences[i] for i in kept], [tokens[i] for i in kept])
        path = self._decode(scores, lengths)
        at = offsets if offsets is not None else range(len(sentences))
        chances = Chances(scores, lengths, {at[i]: k for k, i in enumerate(kept)}, self)
        kind, typ = self._kind[path], self._type[path]
        inside = np.zeros(len(path), dtype=bool)  # continues the name of the character before it
        inside[1:] = (kind[1:] == 2) & (kind[:-1] > 0) & (typ[1:] == typ[:-1])
        breaks = np.flatnonzero(~inside)
        for b in np.flatnonzero(kind == 1).tolist():
            nxt = int(np.searchsorted(breaks, b, side="right"))
            e = int(breaks[nxt]) if nxt < len(breaks) else len(path)
            s = int(np.searchsorted(starts, b, side="right")) - 1
            e = min(e, int(starts[s] + lengths[s]))
            if e - b >= 2:
                out[kept[s]].append((b - int(starts[s]), e - int(starts[s]), TYPES[int(typ[b])]))
        return out, chances


def _by_step(lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[int], list[int], np.ndarray]:
    """How the decoders lay out all sentences to go through them a step at a time, longest first, so
    that the sentences still going at a step are always the first columns: the sentences' order, their
    first characters (among all) in that order, how many run past each step and where each step's
    columns start (Python ints: the loops take a step per character of the longest sentence, and
    numpy's scalars are slow), and each column's character."""
    order = np.argsort(-lengths, kind="stable")
    first = (np.cumsum(lengths) - lengths)[order]
    alive_at = np.searchsorted(-lengths[order], -np.arange(int(lengths[order][0])), side="left")
    alive = alive_at.tolist()
    chars = np.concatenate([first[:n] + t for t, n in enumerate(alive)])
    return order, first, alive, (np.cumsum(alive_at) - alive_at).tolist(), chars


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    """log(sum(exp(x))) along an axis, without overflow."""
    top = x.max(axis)
    return top + np.log(np.exp(x - np.expand_dims(top, axis)).sum(axis))


_RESCALE = 8  # characters between rescalings of the weights: eight characters' products stay far from underflow


class Chances:
    """How likely the tagger finds each span of the sentences it read to be exactly a name of each
    type, or part of a longer one: the weight of all the labellings that label the span so (for a name,
    its beginning, inside, and no name going on after it), over the weight of all labellings
    (forward-backward). Where the best labelling only says yes or no, this grades every candidate,
    the ones the tagger did not choose too."""

    def __init__(self, scores: np.ndarray, lengths: np.ndarray, row_of: dict[int, int], tagger: Tagger) -> None:
        self._scores, self._lengths, self._row_of = scores, lengths, row_of
        self._first = np.cumsum(lengths) - lengths  # each sentence's first character among all
        self._go, self._begin, self._inside = tagger._transitions, tagger._begin, tagger._inside
        self._tables: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def _forward_backward(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Log forward and backward weights of every character and label, each sentence's log total,
        and the running sums of the emissions. All sentences go a step at a time, longest first, with
        the characters laid out step by step (as in `Tagger._decode`), in plain weights rescaled every
        `_RESCALE` steps: a matrix product a step, where sums of logarithms would take the exponential
        of every pair of labels."""
        scores, lengths = self._scores, self._lengths
        order, _, live, into, chars = _by_step(lengths)
        steps = len(live)
        top = scores.max(1)[chars]
        emit = np.exp(scores[chars] - top[:, None]).T  # label by (step, sentence), each scaled by its best
        go = np.exp(self._go)
        back = np.ascontiguousarray(go.T)
        ahead, behind = np.empty_like(emit), np.ones_like(emit)
        shrunk = np.ones((2, len(chars)))  # what each column's weights were divided by
        for t, n in enumerate(live):
            a, b = into[t], into[t] + n
            if t:
                np.multiply(back @ ahead[:, into[t - 1] : into[t - 1] + n], emit[:, a:b], out=ahead[:, a:b])
            else:
                ahead[:, a:b] = emit[:, a:b]
            if t % _RESCALE == 0:  # before the weights fall too low
                total = ahead[:, a:b].sum(0)
                ahead[:, a:b] /= total
                shrunk[0, a:b] = total
        for t in range(steps - 2, -1, -1):
            going = live[t + 1]
            a, c = into[t], into[t + 1]
            np.matmul(go, emit[:, c : c + going] * behind[:, c : c + going], out=behind[:, a : a + going])
            if t % _RESCALE == 0:
                total = behind[:, a : a + going].sum(0)
                behind[:, a : a + going] /= total
                shrunk[1, c : c + going] = total  # kept with the character that was folded in
        # each column's scale: the running sum, along its sentence, of the logs divided out
        grid = np.zeros((2, steps, len(lengths)))
        real = np.arange(steps)[:, None] < lengths[order][None, :]
        grid[:, real] = np.log(shrunk) + top
        grid[0] = np.cumsum(grid[0], axis=0)
        grid[1] = np.cumsum(grid[1][::-1], axis=0)[::-1] - grid[1]  # what comes after each step
        with np.errstate(divide="ignore"):  # a label no path reaches weighs 0: its log is -inf
            forward, backward = np.empty_like(scores), np.empty_like(scores)
            forward[chars] = (np.log(ahead) + grid[0][real]).T
            backward[chars] = (np.log(behind) + grid[1][real]).T
        total = _logsumexp(forward[self._first + lengths - 1], 1)
        return forward, backward, total, np.cumsum(scores, axis=0)

    def of(self, spans: Sequence[tuple[int, int, int]]) -> tuple[np.ndarray, np.ndarray]:
        """For each (sentence start, span start, span end), in document offsets, and each type (`TYPES`'
        order): the probability that the span is exactly a name of that type, and that it is part of
        a longer one (its characters inside one name that goes on before or after it); 0 for a
        sentence the tagger did not read."""
        exact, part = np.zeros((len(spans), len(TYPES))), np.zeros((len(spans), len(TYPES)))
        if not spans:
            return exact, part
        if self._tables is None:
            self._tables = self._forward_backward()
        forward, backward, total, summed = self._tables
        go, scores = self._go, self._scores
        rows = np.array([self._row_of.get(s0, -1) for s0, _, _ in spans], dtype=np.int64)
        where = np.array([(a - s0, b - s0) for s0, a, b in spans], dtype=np.int64).reshape(-1, 2)
        size = self._lengths[np.maximum(rows, 0)]
        ok = (rows >= 0) & (where[:, 0] >= 0) & (where[:, 0] < where[:, 1]) & (where[:, 1] <= size)
        k, first = rows[ok], self._first[rows[ok]]
        x, y = first + where[ok, 0], first + where[ok, 1]  # the spans' characters among all
        long, goes_on = y - x > 1, y < first + self._lengths[k]
        after = np.minimum(y, len(scores) - 1)  # the character after each span (any, where none follows)
        for j, (bl, il) in enumerate(zip(self._begin, self._inside, strict=True)):
            if bl < 0:
                continue
            w = forward[x, bl].copy()
            last = np.full(len(x), bl)
            if il >= 0:
                inside = summed[y - 1, il] - summed[x, il] + (y - x - 2) * go[il, il]  # the rest inside
                w += np.where(long, go[bl, il] + inside, 0.0)
                last[long] = il
            within = np.exp(w + backward[y - 1, last] - total[k])  # begins here, goes on as it may
            nxt = go[last] + scores[after] + backward[after]
            if il >= 0:
                nxt[:, il] = -np.inf  # the name ends: the next character is not inside it
            w += np.where(goes_on, _logsumexp(nxt, 1), 0.0)
            p = np.exp(w - total[k])
            if il < 0:
                p[long] = 0.0
                within[long] = 0.0
            else:  # or began before it
                within += np.exp(forward[x, il] + np.where(long, go[il, il] + inside, 0.0) + backward[y - 1, il]
                                 - total[k])
            exact[ok, j], part[ok, j] = p, np.maximum(within - p, 0.0)
        return exact, part
