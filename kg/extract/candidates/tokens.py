"""jieba's words of each sentence with their offsets, and the word tests the generators share.

jieba's segmentation gives the word boundaries; left boundaries are found by walking back over
name-like words (`name_like`) and stopping at actions, function words and modifiers. `MASK` is what
a masked name is made of (XX, ＊＊): a mask names nothing, whichever generator meets it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import sub

import jieba
import jieba.posseg

from kg import lexicon as lx
from kg import segment
from kg.names import teach_jieba

MASK = re.compile(r"[Xx×＊*]{1,}|XX|ＸＸ|[（(]略[)）]")
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+·.]")


@dataclass(slots=True)
class Token:
    word: str
    start: int
    end: int
    tag: str | None


def tokenize(text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
    """jieba's words of each sentence (`spans`), offsets relative to the sentence. The whole text
    is cut in one pass: jieba cuts at every sentence mark anyway, so the words are the same."""
    teach_jieba()
    tag = jieba.posseg.dt.word_tag_tab.get
    words = segment.cut(text)
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]]
    tags = list(map(tag, words))
    out, j = [], 0
    for s0, s1 in spans:  # the words that start and end inside the sentence
        i = bisect_left(starts, s0, j)
        j = bisect_right(ends, s1, i)
        # offsets from the sentence's start; map runs in C, only Token() in Python
        out.append(list(map(Token, words[i:j], map(sub, starts[i:j], repeat(s0)), map(sub, ends[i:j], repeat(s0)),
                            tags[i:j])))
    return out


def name_like(tok: Token) -> bool:
    """May this word be part of a name when walking left from a suffix?"""
    w = tok.word
    if not NAME_CHAR.match(w) or (w in lx.BREAK_WORDS and w not in lx.NAME_INTERNAL) or w in lx.NEVER_IN_NAMES:
        return False
    if len(w) == 1:  # unknown words come as single characters: only function characters break
        return w not in lx.FUNCTION_CHARS
    if len(w) == 4 and w[:2] in lx.MANNER and _acts(w[2:]):
        return False  # 充分发挥, 精心策划: an action in one word, though jieba may tag it a noun
    return w in lx.NAME_INTERNAL or tok.tag not in lx.BREAK_TAGS or tok.tag == "f"  # a direction: 东部|软件园


def _acts(word: str) -> bool:
    """Is the word a verb by jieba's dictionary, or an action that ends names?"""
    return jieba.posseg.dt.word_tag_tab.get(word) in ("v", "vn", "vd") or word in lx.BREAK_WORDS


def is_verb(word: str) -> bool:
    """A verb that does not belong inside names (参加, 出席; not 整治, 提升)."""
    return jieba.posseg.dt.word_tag_tab.get(word) == "v" and word not in lx.NAME_INTERNAL
