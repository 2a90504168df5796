"""A file that holds several notices, one after another (pages saved together, a corpus
pasted into one file): where the next notice begins, so only the first is read.

A notice begins again where a title naming a notice is followed within a few lines by a
framing paragraph, or where a framing paragraph carries the publication formula again.
"""

from __future__ import annotations

from zhenggai.notice import vocabulary as v
from zhenggai.notice.header import title_like
from zhenggai.notice.model import Line
from zhenggai.notice.timeline import is_framing

TITLE_TO_FRAMING_LINES = 4


def _starts_notice(lines: list[Line], i: int) -> bool:
    line = lines[i]
    if title_like(line) and v.TITLE_NAMING_DOCUMENT.search(line.text):
        return any(is_framing(later) for later in lines[i + 1: i + 1 + TITLE_TO_FRAMING_LINES])
    # a numbered part of this notice (（三）整改进展情况。…现将主要问题整改情况通报如下) opens none
    return bool(v.PUBLICATION_FORMULA.search(line.text)) and is_framing(line) \
        and not v.NUMBERED_ITEM.match(line.text)


def later_notices(lines: list[Line], after: int) -> list[int]:
    """Indexes where further notices begin, after line index `after` (the first framing)."""
    starts: list[int] = []
    i = after + 1
    while i < len(lines):
        if _starts_notice(lines, i):
            starts.append(i)
            i += TITLE_TO_FRAMING_LINES + 1  # a title and its framing open one notice
        else:
            i += 1
    return starts
