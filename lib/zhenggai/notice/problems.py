"""The problems walker: from the body's lines to problems with their responses.

Headings set the section and status of the problems under them; a problem header opens a
problem; the lines after it are its response until the next header, heading or closing line.
Notices whose problems carry neither an explicit introduction nor a response label are read by
the numbering family whose items are most often followed by response text.
"""

from __future__ import annotations

from zhenggai.notice import vocabulary as v
from zhenggai.notice.items import (
    ProblemHeader,
    heading,
    is_response_text,
    numbering_of,
    problem_header,
    status_of_heading,
    status_of_words,
)
from zhenggai.notice.measures import split_measures
from zhenggai.notice.model import Line, Problem


def find_problems(body: list[Line]) -> list[Problem]:
    """The problems of a notice's body: labelled ones, else unlabelled numbered ones."""
    problems = _walk(body, _accepted_headers(body, None))
    if not problems and (family := _unlabelled_family(body)):
        problems = _walk(body, _accepted_headers(body, family))
    return [_finished(p) for p in problems]


def _in_problem_chapters(body: list[Line]) -> list[bool]:
    """Which lines stand in a chapter about the problems (all lines when there are none)."""
    headings = [heading(line.text) for line in body]
    if not any(h and h[0] == "chapter" for h in headings):
        return [True] * len(body)
    inside, flags = False, []
    for found in headings:
        if found and found[0] == "chapter":
            inside = bool(v.PROBLEM_CHAPTER.search(found[1]))
        flags.append(inside)
    return flags


def _followed_by_response(header: ProblemHeader, following: str) -> bool:
    return is_response_text(following) or \
        len(header.statement.partition("。")[2]) >= v.MIN_INLINE_RESPONSE_CHARS


def _accepted_headers(body: list[Line], unlabelled: str | None) -> list[ProblemHeader | None]:
    """Problem headers of the body. A generic numbered item counts when a response label
    follows it, or, with `unlabelled` set to a numbering family, when an item of that family
    in a problem chapter is followed by response text (then its first sentence is the
    problem and the rest of the line the start of the response)."""
    headers = [problem_header(line.text) for line in body]
    region = _in_problem_chapters(body) if unlabelled else []
    for i, header in enumerate(headers):
        if header is None or not header.needs_label:
            continue
        following = body[i + 1].text if i + 1 < len(body) else ""
        if v.RESPONSE_LABEL.match(following):
            continue
        family = numbering_of(header.number)
        if unlabelled and region[i] and family and family.name == unlabelled \
                and _followed_by_response(header, following):
            statement, _, rest = header.statement.partition("。")
            headers[i] = ProblemHeader(header.number, statement, rest.strip())
        else:
            headers[i] = None
    return headers


def _unlabelled_family(body: list[Line]) -> str | None:
    """For notices with neither explicit nor labelled problems: the numbering family whose
    items are most often followed by response text (ties: the deeper family), if any."""
    region = _in_problem_chapters(body)
    scores: dict[v.Numbering, int] = {}
    for i, line in enumerate(body):
        header = problem_header(line.text)
        if not (header and header.needs_label and region[i]):
            continue
        following = body[i + 1].text if i + 1 < len(body) else ""
        family = numbering_of(header.number)
        if family and _followed_by_response(header, following):
            scores[family] = scores.get(family, 0) + 1
    if not scores:
        return None
    return max(scores, key=lambda f: (scores[f], f.depth)).name


class _Walker:
    """Walks the body once, line by line, keeping the current heading, status and problem."""

    def __init__(self, headers: list[ProblemHeader | None]) -> None:
        self.headers = headers
        self.last_header = max((i for i, h in enumerate(headers) if h), default=-1)
        self.problems: list[Problem] = []
        self.chapter = self.section = self.status = ""
        self.current: Problem | None = None
        self.continuation: list[int] = []  # continuation lines of each finished problem
        self.extra = 0
        self.line_number = 0

    def close(self) -> None:
        if self.current is not None:
            self.continuation.append(self.extra)
        self.current = None

    def open(self, line: Line, header: ProblemHeader) -> None:
        self.close()
        self.current = Problem(
            seq=len(self.problems) + 1, number_as_printed=header.number,
            section=self.section or self.chapter,
            problem=header.statement.rstrip("。；，"), response=header.rest,
            status=self.status, line=line.number,
        )
        self.problems.append(self.current)
        self.extra = 0

    def enter_heading(self, level: str, text: str) -> None:
        if level == "chapter":
            self.chapter, self.section = text, ""
            self.status = status_of_heading(text)
        else:
            self.section = text
            self.status = status_of_heading(text) or status_of_heading(self.chapter)
        self.close()

    def continue_response(self, i: int, text: str) -> None:
        current = self.current
        assert current is not None
        if v.CLOSING_LINE.match(text):
            self.close()
            return
        # the last problem keeps no more continuation lines than the others have
        if self.continuation and self.extra >= max(self.continuation) \
                and i > self.last_header and not v.MEASURE_START.match(text):
            self.current = None
            return
        self.extra += 1
        current.response_lines.append(self.line_number)
        label = v.RESPONSE_LABEL.match(text)
        addition = text[label.end():].strip() if label and not current.response else text
        if addition:
            current.response = (current.response + "\n" + addition).strip()

    def step(self, i: int, line: Line) -> None:
        self.line_number = line.number
        header = self.headers[i]
        if header:
            self.open(line, header)
            return
        found = heading(line.text)
        if found:
            self.enter_heading(*found)
        elif self.current is not None:
            self.continue_response(i, line.text)


def _walk(body: list[Line], headers: list[ProblemHeader | None]) -> list[Problem]:
    walker = _Walker(headers)
    for i, line in enumerate(body):
        walker.step(i, line)
    return walker.problems


def _finished(problem: Problem) -> Problem:
    """An inline status label sets the status and leaves the wording; measures are split."""
    inline = v.STATUS_LABEL.search(problem.problem) or v.STATUS_LABEL.search(
        problem.response[:v.STATUS_LABEL_WINDOW]) or v.STATUS_LEAD.match(problem.response)
    if inline:
        label = next(g for g in inline.groups() if g)
        problem.status = problem.status or status_of_words(label)
        problem.problem = v.STATUS_LABEL.sub("", problem.problem).rstrip("。；，")
    problem.measures = split_measures(problem.response)
    return problem
