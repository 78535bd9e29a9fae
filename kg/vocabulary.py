"""How common a word is in general modern Chinese.

jionlp's ``word_distribution`` counts the words of a large modern web and news corpus (about six
billion words, segmented with jieba). jieba's own dictionary is older: it lacks the everyday jargon
of administrative writing (托育, 非遗, 暖心; 城市更新 is rare in it), which therefore looks as unknown
as a name it has never seen (五指耙, 满京华). These counts tell the two apart.
"""

from __future__ import annotations

import functools

from kg import gazetteer

# Words seen at least once in a million words of the corpus are vocabulary, not names.
PER_MILLION = 1.0


@functools.cache
def word_counts() -> dict[str, int]:
    """Every counted word, cached in the user cache like the gazetteer."""
    files = {"word_counts": gazetteer.data_files()["word_counts"]}
    return gazetteer.cached("words", dict, files, lambda: gazetteer.read_word_counts(files["word_counts"]))


@functools.cache
def _total() -> int:
    return sum(word_counts().values())


def is_common(word: str, per_million: float = PER_MILLION) -> bool:
    """Is `word` ordinary vocabulary of modern Chinese rather than a name?"""
    return word_counts().get(word, 0) >= _total() * per_million / 1e6
