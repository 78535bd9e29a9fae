"""The word tests the walks share: which words may stand inside a name."""

from __future__ import annotations

from proposals import proposed


def test_a_word_of_manner_and_action_ends_a_name_though_jieba_tags_it_a_noun():
    got = proposed("充分发挥青湖大厦的带动作用。")
    assert "青湖大厦" in got and "充分发挥青湖大厦" not in got
