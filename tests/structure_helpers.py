"""Snippets, the bundled reports and summaries of `find_sections`, shared by the tests in tests/structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.structure.sections import find_sections

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"


def kinds(text: str, title: str = "", metadata: dict[str, str] | None = None) -> list[tuple]:
    return [(s.year, s.mode, s.heading_mode) for s in find_sections(text, title, metadata)]


def dated(text: str, title: str = "", metadata: dict[str, str] | None = None) -> set[tuple]:
    """The (year, mode) set of the review and plan sections, as the scorer compares them."""
    return {(s.year, s.mode) for s in find_sections(text, title, metadata) if s.mode in ("review", "plan")}


REVIEW_BODY = (
    "全年新建道路12公里，同比增长15%。累计完成投资8.6亿元，超额完成任务。荣获省级文明街道称号。成功举办招商会6场。\n"
)
PLAN_BODY = "将加快推进青湖大桥建设，力争年底前建成。确保新增就业岗位3000个以上。要持续优化营商环境。\n"


def evidence(text: str, title: str = "", metadata: dict[str, str] | None = None) -> list[list[tuple]]:
    return [[(e.kind, e.text) for e in s.evidence] for s in find_sections(text, title, metadata)]


def report(prefix: str) -> str:
    path = next(REPORTS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"no report {prefix} in {REPORTS}")
    return path.read_text(encoding="utf-8")
