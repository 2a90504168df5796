"""The problems walker: from the body's lines to problems with their responses.

A notice states its problems in one of the genre's forms, chosen here in this order:
1. a 整改台账 table (`notice/ledger.py`);
2. explicit problems (问题1：, 【问题一】, 反馈问题：, 针对“…”的问题，, 关于…问题。);
3. numbered items of one family: the shallowest family (一、 above （一） above 【一】 above
   1. above （1） above ① above 1） above 第一，) whose statements are answered, by the lines
   after them or on their own line. Items of shallower families are the headings the problems
   stand under; items of deeper families belong to the responses.
Problems are looked for in the chapters about problems (二、巡察反馈问题整改落实情况), or in
the whole body when it has no such chapter. A problem's answer runs to the next problem,
heading or closing line; its labels say which lines are the response, which the result
(整改成效：) and which the status (整改进度：已完成).
"""

from __future__ import annotations

import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.items import (
    Label,
    ProblemHeader,
    block_label,
    heading,
    heading_like,
    numbering_of,
    problem_header,
    status_of_heading,
    status_of_words,
)
from zhenggai.notice.ledger import ledger_problems
from zhenggai.notice.measures import split_measures
from zhenggai.notice.model import Line, Problem


def find_problems(body: list[Line], appendix: list[Line] | None = None) -> list[Problem]:
    """The problems of a notice's body; `appendix` (the lines after the signature) is read
    for a table the body points to (详见下表)."""
    ledger = ledger_problems(body) or ledger_problems(appendix or [])
    if ledger:
        return ledger
    headers = [problem_header(line.text) for line in body]
    for region in (_in_problem_chapters(body), [True] * len(body)):
        problems = _walk(body, _problem_starts(body, headers, region), region, headers)
        if problems:
            return [_finished(p) for p in problems]
    return []


def _in_problem_chapters(body: list[Line]) -> list[bool]:
    """Which lines stand in the chapters about the problems: from the first chapter naming
    问题 (else naming its 整改落实) up to a chapter about what comes next or what was achieved
    (下一步, 成效…); all lines when there are no chapters. Chapters between stay in, since
    problem categories may be chapters of their own (一、党的领导方面 / 二、…)."""
    headings = [heading(line.text) for line in body]
    chapters = [h[1] for h in headings if h and h[0] == "chapter"]
    if not chapters:
        return [True] * len(body)
    start = v.PROBLEM_CHAPTER_STRONG if any(
        v.PROBLEM_CHAPTER_STRONG.search(c) for c in chapters) else v.PROBLEM_CHAPTER
    inside, started, flags = False, False, []
    for found in headings:
        if found and found[0] == "chapter":
            if not started and start.search(found[1]):
                inside = started = True
            elif started and v.AFTER_PROBLEMS_CHAPTER.search(found[1]) \
                    and not v.PROBLEM_CHAPTER_STRONG.search(found[1]):
                inside = False
        flags.append(inside)
    return flags


def _inline_answer(header: ProblemHeader) -> bool:
    return len(header.statement.partition("。")[2]) >= v.MIN_INLINE_RESPONSE_CHARS


def _answered_families(body: list[Line], headers: list[ProblemHeader | None],
                       region: list[bool], statements_only: bool) -> dict[v.Numbering, int]:
    """How many items of each family are answered: by the line after them (anything but an
    item of the same family) or on their own line. With `statements_only`, short lines
    without a sentence (headings, mostly) are left out; without it, such an item counts only
    when a label or plain text follows it (①党组会议议事规则执行不严格 / 落实情况：…)."""
    answered: dict[v.Numbering, int] = {}
    for i, header in enumerate(headers):
        family = numbering_of(header.number) if header and region[i] else None
        if family is None or (statements_only and heading_like(body[i].text)):
            continue
        following = headers[i + 1] if i + 1 < len(body) else None
        if statements_only:
            next_family = numbering_of(following.number) if following and following.needs_label \
                else None
            ok = (i + 1 < len(body) and next_family is not family) or _inline_answer(header) \
                or bool(header.rest)
        else:
            ok = i + 1 < len(body) and (following is None or not following.needs_label) \
                and heading(body[i + 1].text) is None
        if ok:
            answered[family] = answered.get(family, 0) + 1
    return answered


def _problem_starts(body: list[Line], headers: list[ProblemHeader | None],
                    region: list[bool]) -> dict[int, ProblemHeader]:
    """The lines that open problems, with their headers (see the module docstring)."""
    explicit = {i: h for i, h in enumerate(headers) if h and not h.needs_label and region[i]}
    if explicit:
        return explicit
    answered = _answered_families(body, headers, region, statements_only=True) or \
        _answered_families(body, headers, region, statements_only=False)
    if not answered:
        return {}
    chosen = min(answered, key=lambda f: f.depth or 0)
    starts = {}
    for i, header in enumerate(headers):
        if header and region[i] and numbering_of(header.number) is chosen:
            if not header.rest and not heading_like(body[i].text):
                statement, _, rest = header.statement.partition("。")
                if not v.STATUS_LABEL.fullmatch(rest.strip()):  # not 。（已完成）
                    header = ProblemHeader(header.number, statement, rest.strip())
            starts[i] = header
    return starts


class _Walker:
    """Walks the body once, line by line, keeping the current heading, status and problem."""

    def __init__(self, body: list[Line], starts: dict[int, ProblemHeader], region: list[bool],
                 headers: list[ProblemHeader | None]) -> None:
        self.starts, self.region, self.headers = starts, region, headers
        depths = [numbering_of(h.number).depth for h in starts.values() if numbering_of(h.number)]
        self.problem_depth = min(depths) if depths else None
        self.last_start = max(starts, default=-1)
        # without a heading after the last problem, its answer is bounded (see continue_answer)
        self.open_ended = not any(heading(line.text) for line in body[self.last_start + 1:])
        self.problems: list[Problem] = []
        self.chapter = self.section = self.status = ""
        self.current: Problem | None = None
        self.mode = "response"  # what the lines being read are: response / result
        self.base_indent: int | None = None  # indent of the answer's first list item
        self.continuation: list[int] = []  # continuation lines of each finished problem
        self.extra = 0

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
            status_evidence=self.section if self.status else "",
        )
        self.problems.append(self.current)
        self.extra, self.mode, self.base_indent = 0, "response", None

    def enter_heading(self, level: str, text: str) -> None:
        if level == "chapter":
            self.chapter, self.section = text, ""
            self.status = status_of_heading(text)
        else:
            self.section = text
            self.status = status_of_heading(text) or status_of_heading(self.chapter)
        self.close()

    def _heading_of(self, i: int, line: Line) -> tuple[str, str] | None:
        """A heading line; in a problem region, an item of a family shallower than the
        problems' is a heading too."""
        found = heading(line.text)
        header = self.headers[i]
        if found or header is None or self.problem_depth is None or not self.region[i]:
            return found
        family = numbering_of(header.number)
        if family is not None and family.depth is not None and family.depth < self.problem_depth \
                and (heading_like(line.text) or family.depth <= 1):
            return "section", header.statement.partition("。")[0]
        return None

    def add(self, line: Line) -> None:
        current = self.current
        assert current is not None
        label = block_label(line.text)
        text = line.text
        if label is not None:
            if label.kind == "status":  # 整改进度：已完成。(and what follows it, if anything)
                lead, _, after = label.rest.partition("。")
                self._set_status(status_of_words(lead[:12]), line.text[:len(line.text)
                                                                      - len(after)])
                if not after.strip():
                    return
                label = Label("response", after.strip())
            if label.kind == "other":
                return
            # a result label on the only account of what was done is the response
            self.mode = label.kind if current.response else "response"
            text = label.rest
        if not text:
            return
        current.response_lines.append(line.number)
        nested = self._nested(line)
        field = "result" if self.mode == "result" else "response"
        old = getattr(current, field)
        joiner = " " if nested and old else "\n"
        setattr(current, field, (old + joiner + text).strip())

    def _nested(self, line: Line) -> bool:
        """A list item indented below the answer's first one continues that item."""
        if not (v.BULLET.match(line.original) or v.MEASURE_START.match(line.text)):
            return False
        if self.base_indent is None:
            self.base_indent = line.indent
            return False
        return line.indent > self.base_indent

    def _set_status(self, status: str, evidence: str) -> None:
        if self.current is not None and status:
            self.current.status = status
            self.current.status_evidence = evidence

    def continue_answer(self, i: int, line: Line) -> None:
        text = line.text
        if v.CLOSING_LINE.match(text) or v.FINDINGS_LIST.match(text) or not self.region[i]:
            self.close()
            return
        # with nothing after it to end it, the last problem keeps no more continuation lines
        # than the others have (a closing paragraph is no part of it)
        if self.open_ended and self.continuation and self.extra >= max(self.continuation) \
                and i > self.last_start and not v.MEASURE_START.match(text) \
                and not v.BULLET.match(text) and block_label(text) is None:
            self.close()
            return
        self.extra += 1
        self.add(line)

    def step(self, i: int, line: Line) -> None:
        if i in self.starts:
            self.open(line, self.starts[i])
            return
        found = self._heading_of(i, line)
        if found:
            self.enter_heading(*found)
        elif self.current is not None:
            self.continue_answer(i, line)


def _walk(body: list[Line], starts: dict[int, ProblemHeader], region: list[bool],
          headers: list[ProblemHeader | None]) -> list[Problem]:
    if not starts:
        return []
    walker = _Walker(body, starts, region, headers)
    for i, line in enumerate(body):
        walker.step(i, line)
    return walker.problems


def _finished(problem: Problem) -> Problem:
    """A status the problem itself states (a suffix, a label, a sentence) outranks its
    group's; the statement loses its suffix; measures are split."""
    inline = v.STATUS_LABEL.search(problem.problem) or v.STATUS_LABEL.search(
        problem.response[:v.STATUS_LABEL_WINDOW]) or v.STATUS_LEAD.match(problem.response) \
        or _closing_suffix(problem.response)
    if inline:
        label = next(g for g in inline.groups() if g)
        problem.status = status_of_words(label) or problem.status
        problem.status_evidence = inline.group()
        problem.problem = v.STATUS_LABEL.sub("", problem.problem).rstrip("。；，")
    elif not problem.status_evidence.startswith(("整改", "完成")):
        sentence = next((s for s in _sentences(problem.response)
                         if v.STATUS_SENTENCE.match(s)), None)
        if sentence:
            problem.status = status_of_words(sentence) or problem.status
            problem.status_evidence = sentence
    problem.measures = split_measures(problem.response)
    return problem


def _closing_suffix(response: str) -> re.Match[str] | None:
    """A status suffix closing the response (…建立长效机制。（已完成）)."""
    found = list(v.STATUS_LABEL.finditer(response))
    return found[-1] if found and found[-1].end() >= len(response.rstrip("。 ")) else None


def _sentences(text: str) -> list[str]:
    return [s.strip() + "。" for part in text.split("\n") for s in part.split("。") if s.strip()]
