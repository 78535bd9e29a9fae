"""Promised and delivered: each target of a year linked to the result reported for it.

A target is a quantity a plan sets for year Y (in any report); its result is the quantity of the
same district, subject (a project's figures are its own), indicator (`kg.indicators.key`), kind and
year that a review reports. The status
follows one convention, documented in the README:

- a level or count is met only when reached, after unit conversion (616亿斤 against 3080万吨);
- a rate of change (增长5.5%): met when reached; an ≈ target (5.5%左右) also within 0.5 points below;
  a result that went the other way (下降2.4% against 增长5%) counts as less than none (-2.4);
- a ceiling (≤: 失业率控制在5.5%以内, and ≈ targets of what is better low: 价格涨幅3%左右) is met at or
  below it, an ≈ ceiling also within 0.5 points above;
- no figure for the indicator in a review of the year is `no_result`; a general claim (主要目标
  任务顺利完成) gives no figure, so it decides nothing.

`ratio` is result ÷ target in the same unit.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.indicators import LOWER_IS_BETTER, RATE_OF_CHANGE, base, key
from kg.model import DocResult, Quantity

MULTI_YEAR = re.compile(r"[五两三]年|十.五|累计|年均|^[比较与同]\d{4}年")  # 比2024年: a base years before
_OVER_YEARS = re.compile(r"累计|年均")  # a total or an average of the years, not where they ended
TOLERANCE = 0.5  # percentage points an ≈ target on a rate may be missed by and still be met
_RATES = ("%", "个百分点", "‰")


@dataclass(frozen=True)
class Figure:
    """A quantity where it was read: the report, and its index among the report's quantities."""

    doc: str
    index: int
    quantity: Quantity


@dataclass(frozen=True)
class Entry:
    district: str  # the district's entity id
    district_name: str
    indicator: str
    year: int
    target: Figure
    result: Figure | None
    status: str  # met | missed | no_result
    ratio: float | None


class Book:
    """The targets and results of the reports read so far, added one report at a time (a build
    streams its reports by: what is kept is their quantities, not the reports)."""

    def __init__(self) -> None:
        self.targets: list[tuple[str, str, Figure]] = []
        # by district, year, subject (a project's 总投资 is not the district's), indicator and family
        self.results: dict[tuple[str, int | None, str | None, str, str], list[Figure]] = defaultdict(list)

    def add(self, r: DocResult) -> None:
        if not r.district_id or r.district is None:
            return  # a number of nobody's is nobody's target
        for i, q in enumerate(r.quantities):
            if q.year is None:
                continue
            figure = Figure(r.doc.id, i, q)
            # 五年城镇新增就业690万人: five years' total judges no one year's target, nor is five years' aim
            # one year's; but a rate the years bring to (“十四五”时期…研发投入强度达3.1%) is the last year's
            if q.period and MULTI_YEAR.search(q.period) and (_family(q) != "rate" or _OVER_YEARS.search(q.period)):
                continue
            if q.mode == "target":
                self.targets.append((r.district_id, r.district.name, figure))
            else:
                self.results[r.district_id, q.year, _other_subject(q, r.district.name), key(q.indicator),
                             _family(q)].append(figure)

    def entries(self) -> list[Entry]:
        """Every target read with its result and status, by district, year and indicator."""
        out = []
        for district, name, t in self.targets:
            q = t.quantity
            subject = _other_subject(q, name)
            found = self.results.get((district, q.year, subject, key(q.indicator), _family(q)), [])
            result = _best(q, found)
            status, ratio = judge(q, result.quantity if result else None)
            out.append(Entry(district, name, (subject or "") + q.indicator, q.year, t, result, status, ratio))  # type: ignore[arg-type]
        return sorted(out, key=lambda e: (e.district_name, e.year, e.indicator, e.target.doc, e.target.index))


def entries(results: Iterable[DocResult]) -> list[Entry]:
    """Every target of the reports with its result and status, by district, year and indicator."""
    book = Book()
    for r in results:
        book.add(r)
    return book.entries()


def judge(target: Quantity, result: Quantity | None) -> tuple[str, float | None]:
    """(status, ratio) of a target against its result, by the module's convention."""
    if result is None:
        return "no_result", None
    t, unit = base(target.value, target.unit)
    r, result_unit = base(toward(target, result), result.unit)
    if unit != result_unit:
        return "no_result", None
    ratio = round(r / t, 4) if t else None
    # a fall aimed at (能耗下降2%) is met by falling at least that far, whatever is better low
    ceiling = target.bound == "≤" or (target.bound == "≈" and not target.falls
                                      and bool(LOWER_IS_BETTER.search(target.indicator)))
    # ≈ is met within the tolerance on a rate of change or a ceiling (增长5.5%左右, 失业率5.5%左右); a level
    # rate is met only when reached, as other levels are (城镇化率60%左右)
    slack = TOLERANCE if target.bound == "≈" and unit in _RATES and (ceiling or _family(target) == "change") else 0.0
    met = r <= t + slack if ceiling else r >= t - slack
    return ("met" if met else "missed"), ratio


def toward(target: Quantity, result: Quantity) -> float:
    """The result as a change in the target's direction: a fall where a rise was aimed at is less
    than none (增长5%左右 against 下降2.4%: -2.4), a fall where a fall was aimed at is what was aimed at
    (能耗下降2% against 下降3%: 3)."""
    return -result.value if result.falls != target.falls else result.value


def _other_subject(q: Quantity, district: str) -> str | None:
    """What a figure is about when that is not the district itself (a project's 总投资): None for
    the district's own figures."""
    return q.subject if q.subject and q.subject != district else None


def _family(q: Quantity) -> str:
    """Targets and results compare within one kind of number: a rate of change with a rate of
    change (增长5.5%), a level rate with a level rate (失业率5.5%), an amount with an amount."""
    if base(q.value, q.unit)[1] in _RATES:
        return "change" if q.kind == "change" or RATE_OF_CHANGE.search(q.indicator) else "rate"
    return "amount"


def _best(target: Quantity, found: Iterable[Figure]) -> Figure | None:
    """The result for a target: one of the same unit first, of a whole year (no 1-10月) first."""
    unit = base(target.value, target.unit)[1]
    ranked = sorted(found, key=lambda f: (base(f.quantity.value, f.quantity.unit)[1] != unit,
                                          f.quantity.period is not None, f.doc, f.index))
    return ranked[0] if ranked else None
