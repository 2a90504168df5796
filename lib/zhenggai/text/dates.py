"""Finding dates in notice text and resolving partial ones.

Notices write dates as 2019年3月4日, 二〇二一年三月十五日, 2017-7-24 or 2023.5.6, join ranges
with 至/到/—/~, and often leave out the year (3月4日) or the 日 (2022年11月15). A date with no
year takes the year that makes it the first such day on or after the date before it in the text
(the end of a range follows its start; a feedback follows the inspection), and is flagged
`year_inferred`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from zhenggai.text.numerals import read_numeral

_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_NUMBER = "一二三四五六七八九十"
_YEAR = rf"(?P<y>\d{{4}}|[{_CN_DIGITS}]{{4}})\s*年\s*"
_MONTH = rf"(?P<m>\d{{1,2}}|[{_CN_NUMBER}]{{1,3}})\s*月\s*"
_DAY = rf"(?P<d>\d{{1,2}}|[{_CN_NUMBER}]{{1,3}})\s*(?P<dm>日|号)?"
_DATE = re.compile(
    rf"(?<![\d年])(?:(?:{_YEAR})?{_MONTH}(?:{_DAY})?(?![\d月年%％])"
    r"|(?P<ny>\d{4})[-./](?P<nm>\d{1,2})[-./](?P<nd>\d{1,2})(?!\d))"
)
_DAY_ONLY = re.compile(rf"(?P<d>\d{{1,2}}|[{_CN_NUMBER}]{{1,3}})\s*(?P<dm>日|号)")
_RANGE_JOIN = re.compile(r"\s*(?:起?至|起?到|—+|–+|-|~|～)\s*")


@dataclass(frozen=True)
class PartialDate:
    """A date as printed: any of year, month and day may be missing."""

    year: int | None
    month: int | None
    day: int | None
    day_marker_missing: bool = False  # 2022年11月15 (no 日)

    def resolve(self, reference: dt.date | None) -> tuple[dt.date | None, bool]:
        """Return (date, year_inferred); None when the date cannot be completed."""
        if self.month is None or self.day is None:
            return None, False
        if self.year is not None:
            return _safe_date(self.year, self.month, self.day), False
        if reference is None:
            return None, False
        candidate = _safe_date(reference.year, self.month, self.day)
        if candidate is not None and candidate < reference:
            candidate = _safe_date(reference.year + 1, self.month, self.day)
        return candidate, candidate is not None


@dataclass(frozen=True)
class DateExpression:
    """One date or date range found in a text, with its character span."""

    start: int
    end: int
    text: str
    first: PartialDate
    second: PartialDate | None = None  # the end of a range

    @property
    def is_range(self) -> bool:
        return self.second is not None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _partial(match: re.Match[str]) -> PartialDate:
    groups = match.groupdict()
    if groups.get("ny"):
        return PartialDate(int(groups["ny"]), int(groups["nm"]), int(groups["nd"]))
    day = read_numeral(groups.get("d"))
    return PartialDate(
        read_numeral(groups.get("y")),
        read_numeral(groups.get("m")),
        day,
        day_marker_missing=day is not None and not groups.get("dm"),
    )


def find_dates(text: str) -> list[DateExpression]:
    """All dates and date ranges in `text`, in order (month-only mentions included)."""
    found: list[DateExpression] = []
    pos = 0
    while True:
        match = _DATE.search(text, pos)
        if match is None:
            return found
        first = _partial(match)
        end, second = match.end(), None
        join = _RANGE_JOIN.match(text, end)
        if join and first.month is not None:
            tail = _DATE.match(text, join.end()) or _DAY_ONLY.match(text, join.end())
            if tail is not None:
                second = _partial(tail)
                if second.month is None:  # 7月10日——14日: the end shares the month
                    second = PartialDate(None, first.month, second.day)
                end = tail.end()
        found.append(DateExpression(match.start(), end, text[match.start():end], first, second))
        pos = end


def iso(date: dt.date | None) -> str:
    """ISO YYYY-MM-DD, or '' for a missing date."""
    return date.isoformat() if date else ""
