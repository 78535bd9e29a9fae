"""The year and mode of a mention."""

from __future__ import annotations

from structure_helpers import REVIEW_BODY

from kg.structure.sections import find_sections
from kg.structure.timing import time_of


def test_a_forward_clause_in_a_review_gives_its_mentions_plan_mode_and_its_year():
    text = f"2023年工作总结\n{REVIEW_BODY}乙商业街计划今年10月底前开业，丙公园加快建设。\n{REVIEW_BODY}"
    published = find_sections(text, "", {"发布时间": "2024-01-17"})
    unpublished = find_sections(text)

    def at(sections: list, name: str) -> tuple:
        return time_of(text, sections, text.index(name), text.index(name) + len(name))

    assert at(published, "乙商业街") == (0, 2024, "plan")
    assert at(published, "丙公园") == (0, 2023, "review")
    assert at(unpublished, "乙商业街") == (0, 2023, "review")  # 今年 of a report of 2023 is 2023


def test_a_forward_clause_that_first_tells_this_years_progress_stays_review():
    text = f"2021年工作总结\n{REVIEW_BODY}丁小学抓紧建设力争2022年9月投用。\n"
    sections = find_sections(text)
    start = text.index("丁小学")
    assert time_of(text, sections, start, start + 3) == (0, 2021, "review")
    start = text.index("同比")  # a mention outside every forward clause: its section's
    assert time_of(text, sections, start, start + 2) == (0, 2021, "review")
