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

_CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CJK_CHARS = 2  # a line with fewer Chinese characters is navigation, ids or dates


def is_chrome(line: Line) -> bool:
    """True for a line of page furniture rather than of the notice."""
    return bool(v.CHROME_LINE.search(line.text)) or len(_CJK.findall(line.text)) < MIN_CJK_CHARS


def chrome_flags(lines: list[Line]) -> list[bool]:
    """Which lines are chrome, in the opening where title and framing are looked for (the
    body's lines are read by the problems walker, which has its own closing lines)."""
    head = min(len(lines), max(v.OPENING_LINES, v.TITLE_SEARCH_LINES))
    return [is_chrome(line) for line in lines[:head]] + [False] * (len(lines) - head)
