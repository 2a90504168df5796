"""Counts a notice declares of itself: problems found, problem areas (方面) and measures."""

from __future__ import annotations

import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.items import heading
from zhenggai.notice.model import DeclaredCounts, Line, Problem
from zhenggai.text.numerals import read_numeral


def _declared_in(sentence: str, found: DeclaredCounts) -> DeclaredCounts:
    """`found`, completed with what one sentence declares (the first declaration wins)."""
    problems, sections, measures = found.problems, found.sections, found.measures
    if problems is None and not v.PROGRESS_COUNT.search(sentence):
        match = v.DECLARED_PROBLEMS.search(sentence) or v.DECLARED_PROBLEMS_AFTER.search(sentence)
        if match:
            problems = read_numeral(match.group("n"))
            sections = sections or read_numeral(match.groupdict().get("aspects"))
    if sections is None:
        match = v.DECLARED_ASPECTS.search(sentence)
        sections = read_numeral(match.group("aspects")) if match else None
    if measures is None:
        match = v.DECLARED_MEASURES.search(sentence)
        measures = read_numeral(match.group("n") or match.group("n2")) if match else None
    return DeclaredCounts(problems, sections, measures)


def declared_counts(lines: list[Line], problems: list[Problem]) -> DeclaredCounts:
    """What the text before the first problem declares; section headings are skipped, as
    they carry per-section counts (（7个问题）)."""
    first_problem = problems[0].line if problems else None
    found = DeclaredCounts()
    for line in lines:
        if first_problem is not None and line.number >= first_problem:
            break
        if heading(line.text):
            continue
        for sentence in re.split(r"[。；]", line.text):
            found = _declared_in(sentence, found)
    return found
