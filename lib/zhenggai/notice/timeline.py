"""The timeline: which date of the framing paragraph marks which event.

The framing paragraph says when the inspection ran (a range, or 进驻 and a date) and when the
team fed back (反馈). Each date is classified by the words around it; a date without a year is
resolved against the date before it (zhenggai.text.dates).
"""

from __future__ import annotations

from zhenggai.notice import vocabulary as v
from zhenggai.notice.lines import sentence_at
from zhenggai.notice.model import DateRecord, Line
from zhenggai.text.dates import DateExpression, find_dates


def find_framing(lines: list[Line]) -> int | None:
    """Index of the framing paragraph: the first line after the title naming the inspection
    with a date in it (None when no such line follows the title closely)."""
    window = enumerate(lines[1:v.FRAMING_SEARCH_LINES], start=1)
    return next((i for i, line in window
                 if v.INSPECTION_WORD.search(line.text) and find_dates(line.text)), None)


def undated_framing(lines: list[Line]) -> int:
    """Index of the first line after the title naming the inspection (1 when none does)."""
    window = enumerate(lines[1:v.FRAMING_SEARCH_LINES], start=1)
    return next((i for i, line in window if v.INSPECTION_WORD.search(line.text)), 1)


def has_feedback_sentence(line: Line) -> bool:
    return v.FEEDBACK_WORD in line.text and bool(find_dates(line.text))


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
        found = find_dates(line.text)
        records: list[DateRecord] = []
        for i, expr in enumerate(found):
            if expr.first.day is None:
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
                       _note(expr.first)),
            DateRecord("inspection_end", second, inferred2, expr.text, evidence, line.number,
                       _note(expr.second)),
        ]

    def _single(self, line: Line, found: list[DateExpression], i: int) -> DateRecord:
        expr = found[i]
        following = line.text[expr.end: found[i + 1].start if i + 1 < len(found) else None]
        following = v.CLAUSE_END.split(following)[0]
        previous_end = found[i - 1].end if i > 0 else 0
        preceding = v.CLAUSE_END.split(line.text[previous_end: expr.start])[-1]
        first, inferred = expr.first.resolve(self.reference)
        context = following + "|" + preceding
        if not self.have_feedback and v.FEEDBACK_WORD in context \
                and v.RECTIFY_WORD not in following[:v.RECTIFY_WINDOW]:
            event = "feedback"
            self.have_feedback = True
        elif not self.have_inspection and v.ENTRY_WORD in context:
            event = "inspection_start"
        else:
            event = "other"
        self.reference = first or self.reference
        return DateRecord(event, first, inferred, expr.text, sentence_at(line, expr.start),
                          line.number, _note(expr.first))


def _note(date) -> str:
    return "日 missing" if date.day_marker_missing else ""
