"""What one line of a notice's body is: a problem header, a heading, a label, or text.

Problems are recognised by the genre's general forms, never by unit:
- an explicit introduction: 具体问题：…, 反馈问题：…, 问题一：…, 问题1：…, 【问题一】…;
- a wrapper: 关于“…”问题…, 针对“…”的问题，…, 针对巡察指出的…问题，…, 关于…问题。…;
- a numbered item of any family (一、 （一） 【一】 1. （1） ① 1） 第一，), which is a problem when
  its family is the one whose items the notice answers (see `notice/problems.py`).
Headings ((一)…, 一、…) that are not problems are the sections problems stand under; a heading
that names a status (已完成整改的问题…) gives that status to the problems under it. A label
(整改措施：, 整改成效：, 整改进度：…) says what the text after it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhenggai.notice import vocabulary as v


@dataclass(frozen=True)
class ProblemHeader:
    """The line that opens a problem: its number, the statement and any response after it."""

    number: str
    statement: str
    rest: str  # response text on the header line itself
    needs_label: bool = False  # generic numbered item: a problem only if its family answers


def numbering_of(marker: str) -> v.Numbering | None:
    """The numbering family a problem or heading marker belongs to."""
    return next((f for f in v.ITEM_NUMBERINGS if re.fullmatch(f.marker, marker)), None)


def _balanced_quote(text: str, start: int) -> tuple[str, int] | None:
    """The quoted problem “…” opening at `start` (nested quotes allowed) and the end of the
    following 问题/的问题, or None."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if depth == 0:
                tail = re.match(r"(?:的|等)?问题", text[i + 1:])
                if tail:
                    return text[start + 1: i], i + 1 + tail.end()
                if i + 1 < len(text) and text[i + 1] not in "、和及与“":
                    return None
    return None


def split_label(text: str) -> tuple[str, str]:
    """Split '问题陈述。整改情况：措施' into statement and response."""
    label = v.RESPONSE_LABEL.search(text)
    if label:
        return text[: label.start()].strip(), text[label.end():].strip()
    return text.strip(), ""


def _quoted_header(text: str) -> ProblemHeader | None:
    quoted = v.QUOTED_PROBLEM_INTRO.match(text)
    found = _balanced_quote(text, quoted.end()) if quoted else None
    if not (quoted and found):
        return None
    statement, end = found
    rest = v.QUOTED_PROBLEM_TAIL.sub("", text[end:], count=1)
    return ProblemHeader((quoted.group("num") or "").strip(), statement, rest)


def _wrapped_header(text: str) -> ProblemHeader | None:
    wrapped = v.WRAPPED_PROBLEM.match(text)
    if not wrapped:
        return None
    statement = wrapped.group("about") or wrapped.group("facing")
    if v.FINDINGS_REFERENCE.search(statement):
        return None  # 针对巡察反馈意见指出的问题: all of them, not one
    intro = "关于" if wrapped.group("about") else "针对"
    return ProblemHeader(intro, statement, wrapped.group("rest").strip())


def problem_header(text: str) -> ProblemHeader | None:
    """The problem header a line is, if any (generic numbered items marked `needs_label`)."""
    quoted = _quoted_header(text)
    if quoted:
        return quoted
    explicit = v.EXPLICIT_PROBLEM.match(text)
    if explicit:
        intro = explicit.group("intro") or explicit.group("bintro")
        number = (explicit.group("num") or "") + (
            intro if explicit.group("qn") or explicit.group("bqn") else "")
        statement, rest = split_label(explicit.group("rest"))
        return ProblemHeader(number.strip() or intro, statement, rest)
    wrapped = _wrapped_header(text)
    if wrapped:
        return wrapped
    generic = v.NUMBERED_ITEM.match(text)
    if generic:
        statement, rest = split_label(generic.group("rest"))
        return ProblemHeader(generic.group("num"), statement, rest, needs_label=True)
    return None


def heading(text: str) -> tuple[str, str] | None:
    """('chapter' | 'section', heading text) for a short heading line, else None."""
    for level, pattern in (("chapter", v.CHAPTER_HEADING), ("section", v.SECTION_HEADING)):
        match = pattern.match(text)
        if match and len(text) <= v.HEADING_MAX_CHARS and "。" not in text[:-1]:
            return level, match.group("text").rstrip("。")
    return None


def heading_like(text: str) -> bool:
    """A short line without a sentence in it: a heading, never a problem statement."""
    return len(text) <= v.HEADING_MAX_CHARS and not re.search(r"[。；！？]", text)


def status_of_heading(text: str) -> str:
    """The status a heading gives the problems under it, or ""."""
    if not v.STATUS_HEADING_TOPIC.search(text):
        return ""
    return status_of_words(text)


def status_of_words(text: str) -> str:
    """The status code status words stand for (long-term words first), or ""."""
    return next((status for status, pattern in v.STATUS_WORDS if pattern.search(text)), "")


@dataclass(frozen=True)
class Label:
    """A label opening a line of an answer: what the text after it is, and that text."""

    kind: str  # response / result / status / other (a deadline or a person in charge)
    rest: str


def block_label(text: str) -> Label | None:
    """The label a line of an answer opens with (整改措施：, 【整改情况】, 整改进度：…), if any."""
    match = v.BLOCK_LABEL.match(text)
    if not match:
        return None
    name = match.group("bracketed") or match.group("plain")
    if match.group("bracketed") and not re.search(r"整改|措施|情况|成效|进展|进度", name):
        return None
    rest = text[match.end():].strip()
    if v.DEADLINE_LABEL.search(name):
        kind = "other"
    elif v.STATUS_LABEL_WORD.search(name) and status_of_words(rest[:12]) and len(rest) <= 30:
        kind = "status"
    elif v.RESULT_LABEL.search(name) and "措施" not in name:
        kind = "result"
    else:
        kind = "response"
    return Label(kind, rest)
