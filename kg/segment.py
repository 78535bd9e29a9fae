"""jieba's dictionary segmentation (`jieba.lcut(text, HMM=False)`), the same words in half the time.

Cutting is the largest single cost of extraction, and jieba spends most of it on bookkeeping: a
dict of candidate word ends per character, a generator and a tuple per candidate, three layers
of generators per word. Here the same dynamic programme runs in one backward pass over each
block, on jieba's own dictionary (`FREQ`, `total`, so words taught with `jieba.add_word` count)
and with its arithmetic and tie-breaking kept as they are, so the words are identical
(tests/test_segment.py compares the two on every bundled text).

jieba's dictionary itself is loaded from our cache (`initialize`): jieba's own cache is read by
`marshal.load` from a file, which reads it piecemeal, 0.75 s of every process's start; read whole
from the user cache, the same prefix dictionary takes a third of that.
"""

from __future__ import annotations

from math import log
from pathlib import Path

import jieba

from kg import gazetteer

_HAN, _SKIP, _ENG = jieba.re_han_default, jieba.re_skip_default, jieba.re_eng
DICTIONARY = Path(jieba.__file__).resolve().parent / jieba.DEFAULT_DICT_NAME  # the one jieba loads by default


def prefix_dictionary(path: Path = DICTIONARY, cache_dir: Path | None = None) -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary of a word list (each word and each of its prefixes -> frequency, 0 for
    a prefix alone; and the total), built by jieba and kept in the user cache, keyed by the word list
    and jieba's code."""
    files = {"dictionary": path, "jieba": Path(jieba.__file__), "segment": Path(__file__)}
    return gazetteer.cached("jieba-prefix", tuple, files, lambda: jieba.Tokenizer.gen_pfdict(path.open("rb")),
                            cache_dir)


def initialize() -> None:
    """Give jieba its default dictionary from our cache, unless it has one already or was told to use
    another; then it is ready as its own initialize() would have left it."""
    dt = jieba.dt
    if dt.initialized:
        return
    with dt.lock:
        if not dt.initialized and dt.dictionary == jieba.DEFAULT_DICT:
            dt.FREQ, dt.total = prefix_dictionary()
            dt.initialized = True
    dt.check_initialized()


def cut(text: str) -> list[str]:
    """The words of `text`, as `jieba.lcut(text, HMM=False)` gives them with jieba's current dictionary."""
    initialize()
    dt = jieba.dt
    freq, logtotal = dt.FREQ, log(dt.total)
    out: list[str] = []
    for block in _HAN.split(text):
        if not block:
            continue
        if _HAN.match(block):
            _cut_block(block, freq, logtotal, out)
            continue
        for piece in _SKIP.split(block):  # white space whole, anything else one character at a time
            if _SKIP.match(piece):
                out.append(piece)
            else:
                out.extend(piece)
    return out


def _cut_block(s: str, freq: dict[str, int], logtotal: float, out: list[str]) -> None:
    """Append the words of a block of Chinese and alphanumerics: the most probable path through the
    dictionary words it holds (jieba's get_DAG and calc), then single letters and digits run together
    (jieba's __cut_DAG_NO_HMM)."""
    n = len(s)
    score: list[float] = [0.0] * (n + 1)  # the best path's log probability from each character on
    ends = [0] * (n + 1)  # where the first word of that path ends
    get = freq.get
    for k in range(n - 1, -1, -1):
        best, end = None, k + 1
        i, f = k + 1, get(s[k])
        while f is not None:  # every prefix of a dictionary word is in FREQ, with 0 unless a word itself
            if f:
                p = log(f) - logtotal + score[i]
                if best is None or p >= best:  # jieba's max over (p, end): a tie goes to the longer word
                    best, end = p, i
            if i == n:
                break
            i += 1
            f = get(s[k:i])
        score[k] = best if best is not None else log(1) - logtotal + score[k + 1]
        ends[k] = end
    k, letters = 0, ""
    while k < n:
        end = ends[k]
        word = s[k:end]
        if end == k + 1 and _ENG.match(word):
            letters += word
        else:
            if letters:
                out.append(letters)
                letters = ""
            out.append(word)
        k = end
    if letters:
        out.append(letters)
