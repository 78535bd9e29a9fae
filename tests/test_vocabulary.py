"""Modern word counts: everyday words are common, unknown names are not, and the counts are cached."""

from __future__ import annotations

from kg import vocabulary


def test_everyday_words_and_jargon_are_common_unknown_names_are_not():
    assert vocabulary.is_common("学校")
    assert vocabulary.is_common("托育")  # jargon jieba's dictionary lacks
    assert not vocabulary.is_common("五指岙")
    assert vocabulary.is_common("养老", per_million=5.0)
    assert not vocabulary.is_common("白沙", per_million=5.0)


def test_counts_are_built_once_into_the_user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    vocabulary.word_counts.cache_clear()
    try:
        counts = vocabulary.word_counts()
        cached = list((tmp_path / "kg").glob("words-*.pickle"))
        assert len(cached) == 1 and counts["学校"] > 0
        vocabulary.word_counts.cache_clear()
        assert vocabulary.word_counts() == counts  # read back from the cache
    finally:
        vocabulary.word_counts.cache_clear()
