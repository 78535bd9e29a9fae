"""The trained reading of a text with no heading saying what it is."""

from __future__ import annotations

from kg.linear import Linear
from kg.structure.sections import find_sections
from kg.structure.trained import unheaded_features

# A news item with no heading: the rules read it as a review (its lead reports the event), though
# most of what it quotes is intent.
UNHEADED = ("3月5日，青湖镇召开项目推进会。会议要求，要加快推进青湖大道建设，力争年底前建成通车。"
            "要确保产业园二期按期开工。要争取新引进企业五家以上。")
SURE_PLAN = Linear(("plan", "review"), (0.0, 0.0), {"share": (3.0, -3.0)})  # the more sentences look ahead, the plan


def test_a_trained_reading_decides_a_text_with_no_heading_where_it_is_sure():
    assert [s.mode for s in find_sections(UNHEADED)] == ["review"]  # the rules: news of an event
    [section] = find_sections(UNHEADED, reading=SURE_PLAN)
    assert section.mode == "plan"
    [why] = [e for e in section.evidence if e.kind == "learned"]
    assert why.text.startswith("要") and why.text.endswith(")")  # the cues it read and how sure it was
    assert UNHEADED[why.start : why.end] == "要"
    unsure = Linear(("plan", "review"), (0.0, 0.0), {"share": (0.2, -0.2)})
    assert [s.mode for s in find_sections(UNHEADED, reading=unsure)] == ["review"]  # not sure: the rules' reading


def test_a_trained_reading_leaves_headed_texts_and_texts_without_cues_to_the_rules():
    headed = "青湖镇2031年工作总结\n" + UNHEADED
    eager = Linear(("plan", "review"), (3.0, -3.0), {})  # plan, whatever it reads
    assert [(s.year, s.mode) for s in find_sections(headed, reading=eager)] == [(2031, "review")]
    quiet = "青湖镇位于县城东部，辖五个村。"
    assert find_sections(quiet, reading=eager) == find_sections(quiet)  # nothing to read
    assert [s.mode for s in find_sections(UNHEADED, reading=eager)] == ["plan"]
    assert unheaded_features(headed) is None
    done = "青湖镇今年新建道路三条，同比增长一成，获评省级卫生镇。"
    plan, review = unheaded_features(UNHEADED), unheaded_features(done)
    assert plan is not None and review is not None and plan["share"] > review["share"]
