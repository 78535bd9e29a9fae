"""Sentence and clause spans."""

from __future__ import annotations

import re

from structure_helpers import REPORTS

from kg.structure.clauses import clause_bounds, sentence_around, sentences


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_split_at_marks_and_line_breaks_and_stay_tight():
    text = "  青湖路建成通车。桥梁完工！\n  社区增设驿站；另一句？\n\n末句没有句号"
    assert spans(text) == ["青湖路建成通车。", "桥梁完工！", "社区增设驿站；", "另一句？", "末句没有句号"]


def test_a_sentence_keeps_its_closing_quote():
    assert spans("他说“已经完工。”然后离开。") == ["他说“已经完工。”", "然后离开。"]


def test_clause_is_bounded_by_commas_but_not_by_enumeration_marks():
    text = "甲路、乙路完成90%、20%，丙厂开工建设。"
    lo, hi = clause_bounds(text, 0, 2)
    assert text[lo:hi] == "甲路、乙路完成90%、20%"
    lo, hi = clause_bounds(text, text.index("丙厂"), text.index("丙厂") + 2)
    assert text[lo:hi] == "丙厂开工建设"


def test_clause_and_sentence_bounds_found_by_bisection_are_those_found_by_walking():
    """clause_bounds and sentence_around look marks up in a per-text cache: the answers are those of
    walking back and forth from the span, at every position of a report."""
    stop, end_ = re.compile(r"[，,；;。！？!?：:\n]"), re.compile(r"[。！？!?；;]+[”’」』）)】]*|\n")

    def walked(text: str, start: int, end: int, mark: re.Pattern[str]) -> tuple[int, int]:
        lo = start
        while lo > 0 and not mark.match(text, lo - 1):
            lo -= 1
        m = mark.search(text, end)
        return lo, m.start() if m else len(text)

    text = (REPORTS / "001_aaf01d99df054c6c.txt").read_text("utf-8")[:6000] + "，末句没有句号"
    for pos in range(len(text) + 1):
        end = min(len(text), pos + 3)
        lo, hi = walked(text, pos, end, stop)
        while lo < hi and text[lo] in " \t\r\u3000\xa0":
            lo += 1
        while hi > max(lo, end) and text[hi - 1] in " \t\r\u3000\xa0":
            hi -= 1
        assert clause_bounds(text, pos, end) == (lo, hi)
        assert sentence_around(text, pos) == walked(text, pos, pos, end_)
