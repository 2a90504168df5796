"""Finding dates in notice text and resolving partial ones.

Notices write dates as 2019年3月4日, 二〇二一年三月十五日, 2017-7-24 or 2023.5.6, join ranges
with 至/到/—/~, and often leave out the year (3月4日) or the 日 (2022年11月15). A date with no
year takes the year that makes it the first such day on or after the date before it in the text
(the end of a range follows its start; a feedback follows the inspection), and is flagged
`year_inferred`.

Some pages lost the 年 and 月 of their dates (2024717日至830日, 1227县委巡察组…). Asked to
(`garbled=True`), find_dates reads such a digit run when exactly one split into month and day
gives a real date, and marks it `garbled`; an ambiguous run (112日: 1-12 or 11-2) stays unread.
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
    # after 年 only in 同年/当年/是年 (the year of the date before): 同年6月9日
    rf"(?<!\d)(?:(?<!年)|(?<=[同当是]年))(?:(?:{_YEAR})?{_MONTH}(?:{_DAY})?(?![\d月年%％])"
    r"|(?P<ny>\d{4})[-./](?P<nm>\d{1,2})[-./](?P<nd>\d{1,2})(?!\d))"
)
_DAY_ONLY = re.compile(rf"(?P<d>\d{{1,2}}|[{_CN_NUMBER}]{{1,3}})\s*(?P<dm>日|号)")
_RANGE_JOIN = re.compile(r"\s*(?:起?至|起?到|—+|–+|-|~|～)\s*")
# Digit runs that lost 年/月: with a year and 日 (2024717日), without a year (830日), a range
# end (至1031), or opening a clause whose subject is a committee's team (。1227县委巡察组).
_GARBLED = re.compile(
    r"""(?<![\d年月.\-/])(?:
        (?P<y>(?:19|20)\d{2})(?P<ymd>\d{2,4})日
        |(?P<md>\d{3,4})日
        |(?<=[至到])(?P<end>\d{3,4})(?![\d日月年])
        |(?:^|(?<=[，。；]))(?P<lead>\d{3,4})(?=[省市区县州旗]委|巡[视察]组)
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class PartialDate:
    """A date as printed: any of year, month and day may be missing."""

    year: int | None
    month: int | None
    day: int | None
    day_marker_missing: bool = False  # 2022年11月15 (no 日)
    garbled: bool = False  # 2024717日: 年 and 月 lost in the source

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


def find_dates(text: str, garbled: bool = False) -> list[DateExpression]:
    """All dates and date ranges in `text`, in order (month-only mentions included); with
    `garbled`, also digit runs that lost their 年 and 月 (see the module docstring)."""
    found: list[DateExpression] = []
    pos = 0
    while True:
        match = _DATE.search(text, pos)
        if match is None:
            break
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
    if garbled:
        found = sorted(found + _garbled_dates(text, found), key=lambda e: e.start)
    return found


def _month_day(digits: str, year: int | None) -> tuple[int, int] | None:
    """The one split of a digit run into a real month and day, or None (none, or several)."""
    splits = [(int(digits[:k]), int(digits[k:])) for k in (1, 2)
              if k < len(digits) and len(digits) - k <= 2 and digits[k] != "0"]
    valid = [(m, d) for m, d in splits if _safe_date(year or 2000, m, d) is not None]
    return valid[0] if len(valid) == 1 else None


def _garbled_dates(text: str, regular: list[DateExpression]) -> list[DateExpression]:
    taken = [(e.start, e.end) for e in regular]
    found: list[DateExpression] = []
    for match in _GARBLED.finditer(text):
        if any(a <= match.start() < b for a, b in taken):
            continue
        year = int(match.group("y")) if match.group("y") else None
        digits = next(g for g in (match.group(k) for k in ("ymd", "md", "end", "lead")) if g)
        month_day = _month_day(digits, year)
        if month_day is None:
            continue
        date = PartialDate(year, *month_day, garbled=True)
        previous = found[-1] if found else None
        # the end of a garbled range: 2024717日至830日
        joined = previous is not None and previous.second is None \
            and _RANGE_JOIN.fullmatch(text[previous.end: match.start()]) is not None
        if joined and previous is not None:
            found[-1] = DateExpression(previous.start, match.end(),
                                       text[previous.start: match.end()], previous.first, date)
        else:
            found.append(DateExpression(match.start(), match.end(), match.group(0), date))
    return found


def iso(date: dt.date | None) -> str:
    """ISO YYYY-MM-DD, or '' for a missing date."""
    return date.isoformat() if date else ""
