"""The timeline: which date of the framing paragraph marks which event.

The framing paragraph says when the inspection ran (a range, or 进驻 and a date) and when the
team fed back (反馈). Each date is classified by the words around it; a date without a year is
resolved against the date before it (zhenggai.text.dates).
"""

from __future__ import annotations

import datetime as dt
import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.lines import sentence_at
from zhenggai.notice.model import DateRecord, Line
from zhenggai.text.dates import DateExpression, PartialDate, find_dates


def is_framing(line: Line) -> bool:
    """A sentence naming the inspection, what the team did and a date."""
    text = line.text
    return bool(v.INSPECTION_WORD.search(text) and v.INSPECTION_ACT.search(text)
                and re.search(r"[，。]", text) and find_dates(text, garbled=True))


def find_framing(lines: list[Line], chrome: list[bool]) -> int | None:
    """Index of the framing paragraph, wherever it stands in the opening: the first sentence
    naming the inspection, what the team did (对…开展, 进驻, 反馈) and a date."""
    window = range(min(len(lines), v.OPENING_LINES))
    return next((i for i in window if not chrome[i] and is_framing(lines[i])), None)


def undated_framing(lines: list[Line], after: int) -> int:
    """Index of the first line after the title naming the inspection (the line after the
    title when none does)."""
    window = range(after, min(len(lines), after + v.FRAMING_SEARCH_LINES))
    found = next((i for i in window if v.INSPECTION_WORD.search(lines[i].text)), after)
    return min(found, len(lines) - 1)  # a title alone: the title is all the framing there is


def has_feedback_sentence(line: Line) -> bool:
    return bool(v.FEEDBACK_EVENT.search(line.text)) and bool(find_dates(line.text, garbled=True))


def framing_dates(framing_lines: list[Line]) -> list[DateRecord]:
    """The dated events of the framing paragraph(s), in order."""
    reader = _TimelineReader()
    records: list[DateRecord] = []
    for line in framing_lines:
        records += reader.read(line)
    return records


class _TimelineReader:
    """Reads framing lines in order, remembering the last date and the events already seen."""

    def __init__(self) -> None:
        self.reference = None
        self.have_inspection = False
        self.have_feedback = False

    def read(self, line: Line) -> list[DateRecord]:
        found = find_dates(line.text, garbled=True)
        records: list[DateRecord] = []
        for i, expr in enumerate(found):
            if expr.first.day is None:
                if expr.is_range and expr.first.year and not self.have_inspection:
                    records += self._months_only(line, expr)
                continue  # a month alone (6月前) is not a date we can place
            if expr.is_range and not self.have_inspection:
                records += self._inspection_range(line, expr)
            else:
                records.append(self._single(line, found, i))
        return records

    def _inspection_range(self, line: Line, expr: DateExpression) -> list[DateRecord]:
        assert expr.second is not None
        evidence = sentence_at(line, expr.start)
        first, inferred = expr.first.resolve(self.reference)
        second, inferred2 = expr.second.resolve(first)
        self.have_inspection = True
        self.reference = second or first
        return [
            DateRecord("inspection_start", first, inferred, expr.text, evidence, line.number,
                       _note(expr.first), year_from(first, inferred)),
            # a range's end without its own year takes its start's: read, not inferred
            DateRecord("inspection_end", second, False, expr.text, evidence, line.number,
                       _note(expr.second), year_from(second, False, inferred2)),
        ]

    def _months_only(self, line: Line, expr: DateExpression) -> list[DateRecord]:
        """An inspection given in months (2023年4月至7月): recorded as printed, no date."""
        self.have_inspection = True
        evidence = sentence_at(line, expr.start)
        note = "month only: no day printed, so no date is given"
        return [DateRecord(event, None, False, expr.text, evidence, line.number, note)
                for event in ("inspection_start", "inspection_end")]

    def _single(self, line: Line, found: list[DateExpression], i: int) -> DateRecord:
        expr = found[i]
        following = line.text[expr.end: found[i + 1].start if i + 1 < len(found) else None]
        following = v.CLAUSE_END.split(following)[0]
        previous_end = found[i - 1].end if i > 0 else 0
        preceding = v.CLAUSE_END.split(line.text[previous_end: expr.start])[-1]
        first, inferred = expr.first.resolve(self.reference)
        if not self.have_feedback and (v.FEEDBACK_EVENT.search(following)
                                       or v.FEEDBACK_EVENT.search(preceding)):
            event = "feedback"
            self.have_feedback = True
        elif not self.have_inspection and v.ENTRY_WORD in following + "|" + preceding:
            event = "inspection_start"
        else:
            event = "other"
        self.reference = first or self.reference
        return DateRecord(event, first, inferred, expr.text, sentence_at(line, expr.start),
                          line.number, _note(expr.first), year_from(first, inferred))


def year_from(date: dt.date | None, inferred: bool, from_range: bool = False) -> str:
    """Where a date's year comes from (dates.year_from): printed, range start, earlier date."""
    if date is None:
        return ""
    if from_range:
        return "range start"
    return "earlier date" if inferred else "printed"


def _note(date: PartialDate) -> str:
    if date.garbled:
        return "年/月 lost in the source; read as the one valid month and day"
    return "日 missing" if date.day_marker_missing else ""
