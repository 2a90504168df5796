"""The data model of a parsed notice: what each part of the parser produces.

Dates stay `datetime.date` here and are formatted only when the tables are written; a place
stays a `Place` all the way to the tables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zhenggai.notice.places import Place


class NotANotice(ValueError):
    """Text that reads as something other than a rectification notice."""


@dataclass(frozen=True)
class Line:
    """One non-empty line of the text."""

    number: int  # 1-based line number in the file's text
    original: str
    text: str  # analysed form (see zhenggai.text.clean)
    indent: int = 0  # leading spaces as printed (a nested list item is indented further)


@dataclass
class DateRecord:
    """One date of the notice, the event it marks and the text it was read from."""

    event: str  # inspection_start / inspection_end / feedback / publication / other
    date: dt.date | None  # None when the printed date cannot be completed
    year_inferred: bool
    as_printed: str
    evidence: str
    line: int
    note: str = ""
    # where the year comes from: printed / range start (a range's end, in its start's year or
    # the next) / earlier date (carried from the date before: the only truly inferred year)
    year_from: str = ""


@dataclass(frozen=True)
class Measure:
    """One enumerated measure of a response."""

    marker: str  # as printed: 一是 / （1） / 第一， / ① / 1. / ● ; "" for an unenumerated response
    text: str
    form: str = "prose"  # how the response lists it: enumerated / paragraphs / semicolon / prose


@dataclass
class Problem:
    """One problem the inspection found, and the unit's response to it."""

    seq: int
    number_as_printed: str
    section: str
    problem: str
    response: str
    status: str
    line: int
    measures: list[Measure] = field(default_factory=list)
    response_lines: list[int] = field(default_factory=list)  # lines the response was read from
    result: str = ""  # what the notice gives as the response's result (整改成效：…)
    status_evidence: str = ""  # the words the status was read from, as analysed


@dataclass(frozen=True)
class InspectionDetails:
    """Who inspected, and how: from the title and the framing paragraph."""

    inspection_kind: str = ""  # 巡视 / 巡察
    inspecting_body: str = ""  # 中央, 省委, 市委…
    team: str = ""
    round: str = ""
    inspection_mode: str = ""


@dataclass(frozen=True)
class DeclaredCounts:
    """Numbers the notice states of itself (25项具体问题, 4个方面, 40条整改措施)."""

    problems: int | None = None
    sections: int | None = None
    measures: int | None = None


@dataclass(frozen=True)
class Header:
    """The lines above the body: title, issuer and the page's own lines."""

    title: str
    issuer: str
    lines: list[Line]  # lines between the top of the page and the framing paragraph
    cleaning_notes: list[str]


@dataclass
class Notice:
    """Everything read from one notice."""

    notice_id: str
    title: str
    issuer: str
    unit: str
    published_by: str
    evidence: str  # what decided that the text is a notice (for the ingest log)
    inspection: InspectionDetails
    declared: DeclaredCounts
    place: Place
    n_chars: int
    dates: list[DateRecord]
    problems: list[Problem]
    warnings: list[str]
    cleaning_notes: list[str]
    outcomes: list = field(default_factory=list)  # notice.outcomes.Outcome, in order
    unit_type: str = ""  # the unit's sector (notice.sector)
    title_lines: list[int] = field(default_factory=list)  # lines the title was read from
    framing_lines: list[int] = field(default_factory=list)
