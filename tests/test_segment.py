"""kg.segment must cut exactly as jieba.lcut(text, HMM=False) does, taught words included."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from kg import segment
from kg.names import teach_jieba
from kg.simplified import simplified

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    folders = [ROOT / "data" / "reports", *sorted((ROOT / "data" / "gold").glob("web-*/texts"))]
    return [simplified(p.read_text("utf-8")) for folder in folders for p in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("text", [
    "", " ", "\r\n", "a\r\nb  c\t", "2025年GDP增长5.5%，R&D投入1.2亿元。",
    "甲乙丙丁戊己庚", "“十四五”规划纲要（草案）", "ABC123def 中文mixed", "１２３ＡＢＣ",
])
def test_same_words_as_jieba_on_edge_cases(text):
    teach_jieba()
    assert segment.cut(text) == jieba.lcut(text, HMM=False)


def test_same_words_as_jieba_on_every_bundled_text():
    teach_jieba()  # the words extraction teaches change jieba's totals and paths: they must count
    texts = _texts()
    assert len(texts) > 20
    for text in texts:
        assert segment.cut(text) == jieba.lcut(text, HMM=False)


def test_cached_prefix_dictionary_is_jiebas(tmp_path):
    built = jieba.Tokenizer.gen_pfdict(segment.DICTIONARY.open("rb"))
    assert segment.prefix_dictionary(cache_dir=tmp_path) == built  # built, then written
    assert list(tmp_path.glob("jieba-prefix-*.pickle"))
    assert segment.prefix_dictionary(cache_dir=tmp_path) == built  # read back


def test_cached_prefix_dictionary_follows_its_word_list(tmp_path):
    words = tmp_path / "dict.txt"
    words.write_text("青木 5 n\n", encoding="utf-8")
    assert segment.prefix_dictionary(words, tmp_path) == ({"青木": 5, "青": 0}, 5)
    words.write_text("青木 5 n\n青木湾 7 ns\n", encoding="utf-8")
    assert segment.prefix_dictionary(words, tmp_path) == ({"青木": 5, "青": 0, "青木湾": 7}, 12)
    assert len(list(tmp_path.glob("jieba-prefix-*.pickle"))) == 1  # the stale one is gone
