"""Page chrome: the lines of a saved web page that are not the notice.

Breadcrumbs, site furniture, the metadata block of government disclosure pages, share, print
and font-size links, image names and mojibake navigation are marked, not deleted: the header
still reads its publication date and source from them, but no chrome line is ever taken for
the title, the framing or the body.
"""

from __future__ import annotations

import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Line

# A line with fewer than two Chinese characters is navigation, ids or dates.
_TWO_CJK = re.compile(r"[\u4e00-\u9fff][^\u4e00-\u9fff]*[\u4e00-\u9fff]")


def is_chrome(line: Line) -> bool:
    """True for a line of page furniture rather than of the notice."""
    text = line.text
    return bool(v.CHROME_LINE_START.match(text) or v.CHROME_LINE.search(text)
                or not _TWO_CJK.search(text))


def chrome_flags(lines: list[Line]) -> list[bool]:
    """Which lines are chrome, in the opening where title and framing are looked for (the
    body's lines are read by the problems walker, which has its own closing lines)."""
    head = min(len(lines), max(v.OPENING_LINES, v.TITLE_SEARCH_LINES))
    return [is_chrome(line) for line in lines[:head]] + [False] * (len(lines) - head)
