"""What one line of a notice's body is: a problem header, a heading, or neither.

Problems are recognised by the genre's general forms, never by unit:
- an explicit introduction: 具体问题：…, 存在问题：…, 问题一：…, 关于“…”问题…, 针对“…”的问题…;
- any numbered item ((一), 1., 1、, ①) followed by a response label (整改情况：…).
Headings ((一)…, 一、…) that are not problems are the sections problems stand under; a heading
that names a status (已完成整改的问题…) gives that status to the problems under it.
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
    needs_label: bool = False  # generic numbered item: a problem only if a label follows


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


def problem_header(text: str) -> ProblemHeader | None:
    """The problem header a line is, if any (generic numbered items marked `needs_label`)."""
    quoted = _quoted_header(text)
    if quoted:
        return quoted
    explicit = v.EXPLICIT_PROBLEM.match(text)
    if explicit:
        number = (explicit.group("num") or "") + (
            explicit.group("intro") if explicit.group("qn") else "")
        statement, rest = split_label(explicit.group("rest"))
        return ProblemHeader(number.strip() or explicit.group("intro"), statement, rest)
    generic = v.NUMBERED_ITEM.match(text)
    if generic:
        statement, rest = split_label(generic.group("rest"))
        return ProblemHeader(generic.group("num"), statement, rest, needs_label=not rest)
    return None


def heading(text: str) -> tuple[str, str] | None:
    """('chapter' | 'section', heading text) for a short heading line, else None."""
    for level, pattern in (("chapter", v.CHAPTER_HEADING), ("section", v.SECTION_HEADING)):
        match = pattern.match(text)
        if match and len(text) <= v.HEADING_MAX_CHARS and "。" not in text[:-1]:
            return level, match.group("text").rstrip("。")
    return None


def status_of_heading(text: str) -> str:
    """The status a heading gives the problems under it, or ""."""
    if not v.STATUS_HEADING_TOPIC.search(text):
        return ""
    return status_of_words(text)


def status_of_words(text: str) -> str:
    """The status code status words stand for (long-term words first), or ""."""
    return next((status for status, pattern in v.STATUS_WORDS if pattern.search(text)), "")


def is_response_text(text: str) -> bool:
    """A line that can only continue a response: no header, heading or closing line."""
    return bool(text) and not problem_header(text) and not heading(text) \
        and not v.CLOSING_LINE.match(text)
