"""Counts a notice declares of itself: problems found, problem areas (方面) and measures."""

from __future__ import annotations

import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.items import heading
from zhenggai.notice.model import DeclaredCounts, Line, Problem
from zhenggai.text.numerals import read_numeral


def _declaration(sentence: str) -> re.Match[str] | None:
    """A declaration of the problems found, in a clause that counts no progress; 一个问题
    (每一个问题, 解决一个问题) is an idiom, not a count."""
    for clause in re.split(r"[，,]", sentence):
        if v.PROGRESS_COUNT.search(clause):
            continue
        for pattern in (v.DECLARED_PROBLEMS, v.DECLARED_PROBLEMS_AFTER):
            match = pattern.search(clause)
            if match and match.group("n") != "一":
                return match
    return None


def _declared_in(sentence: str, found: DeclaredCounts) -> DeclaredCounts:
    """`found`, completed with what one sentence declares (the first declaration wins)."""
    problems, sections, measures = found.problems, found.sections, found.measures
    if problems is None:
        match = _declaration(sentence)
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
    if found.problems is None and first_problem is not None:
        answers = {n for p in problems for n in (p.line, *p.response_lines)}
        total = next((m for line in lines if line.number > first_problem
                      and line.number not in answers
                      for m in [v.DECLARED_PROBLEMS_TOTAL.search(line.text)] if m), None)
        if total and total.group("n") != "一":
            found = DeclaredCounts(read_numeral(total.group("n")), found.sections,
                                   found.measures)
    return found
