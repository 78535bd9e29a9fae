"""All generators run on one text: overlapping readings are all proposed, each with its sources."""

from __future__ import annotations

from proposals import proposed


def test_overlapping_readings_are_all_proposed_for_the_decision():
    text = "引进青蓝光电、恒拓光电等3家企业，推进溪桥街道青木湾科技产业园建设。"
    got = proposed(text)
    assert {"list", "suffix"} <= got["青蓝光电"]  # two generators agree: both are kept, with their sources
    assert "溪桥街道" in got and "溪桥街道青木湾科技产业园" in got  # the town and the park around it
    assert not any(name.startswith(("引进", "推进")) for name in got), got
