"""Is this text a rectification notice? The evidence of its opening decides, not its title.

For a notice: the publication formula (现将巡察整改进展情况予以公布), a title naming the
document (…整改情况的通报), and, as support, 整改 headings, response labels and a declared count.
Against it: a news dateline, a 巡察公告, a speech, a summary of several notices, a round-level
disclosure, a report about a notice (decisive whatever else the text says), and a meeting told
in the third person (召开…反馈会, 主持, 表态发言), which the publication formula or a title
naming a notice outweighs.
Every decision names the evidence that made it, with its line, for the ingest log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Line, NotANotice

_CJK = re.compile(r"[\u3400-\u9fff]")
FORMULA_LINES_AFTER_FRAMING = 2  # the formula closes the framing paragraph or the next one
SUPPORT_LINES_AFTER_FRAMING = 15  # where 整改 headings and response labels are looked for
MIN_SUPPORT = 2  # kinds of supporting evidence that accept a notice without formula or title


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence: what it is, the words found and the line they stand on."""

    kind: str
    words: str
    line: int

    def __str__(self) -> str:
        return f'{self.kind} "{self.words}" (line {self.line})'


def _first(pattern: re.Pattern[str], lines: list[Line], kind: str) -> Evidence | None:
    for line in lines:
        match = pattern.search(line.text)
        if match:
            return Evidence(kind, match.group(0), line.number)
    return None


def _supporting(after: list[Line], opening: list[Line]) -> list[Evidence]:
    found = [
        _first(v.RECTIFICATION_HEADING, after, "整改 heading"),
        _first(v.RESPONSE_LABEL, after, "response label"),
        _first(v.DECLARED_PROBLEMS, opening + after, "declared count"),
    ]
    return [e for e in found if e is not None]


def decide(lines: list[Line], title_lines: list[Line], framing_at: int | None) -> str:
    """The evidence that makes the text a notice, as one line for the ingest log; raises
    NotANotice, naming the evidence against it, for any other genre."""
    end = framing_at + 1 if framing_at is not None else min(len(lines), v.FRAMING_SEARCH_LINES)
    opening = lines[:end]
    for kind, pattern in v.LOOKALIKE_DECISIVE:
        against = _first(pattern, opening, kind)
        if against:
            raise NotANotice(f"not a rectification notice: {against}")
    below = lines[len(title_lines):] if title_lines else lines
    pointer = _first(v.ATTACHMENT_POINTER, below, "a pointer to an attachment")
    if pointer and sum(len(_CJK.findall(line.text)) for line in below) \
            <= v.POINTER_PAGE_MAX_CJK:
        raise NotANotice(f"not a rectification notice: the page only points to its "
                         f"attachment ({pointer}); save the attachment itself")
    formula_lines = lines[: end + FORMULA_LINES_AFTER_FRAMING]
    formula = _first(v.PUBLICATION_FORMULA, formula_lines, "publication formula")
    if formula:
        return f"accepted: {formula}"
    title = _first(v.NOTICE_TITLE, title_lines, "title naming a notice")
    if title and len(lines) > len(title_lines):  # a title with nothing under it is no notice
        return f"accepted: {title}"
    meeting = _first(v.MEETING_NEWS, opening, "meeting told in the third person")
    if meeting:
        raise NotANotice(f"not a rectification notice: {meeting}, and no publication formula "
                         "or title naming a notice")
    support = _supporting(lines[end: end + SUPPORT_LINES_AFTER_FRAMING], opening)
    if framing_at is not None and len(support) >= MIN_SUPPORT:
        return "accepted: " + "; ".join(map(str, support))
    raise NotANotice(
        "not a rectification notice: no publication formula (现将…整改…予以公布), no title "
        "naming a notice (…整改情况的通报) and too little 整改 structure in the opening"
    )
