"""Tables as text: a grid of cells written as Markdown pipe-table rows.

A 整改台账 (序号 / 问题 / 措施 / 时限 / 完成情况) is one of the genre's body shapes, in saved
pages and in Word files alike. Readers expand merged cells (rowspan/colspan, vMerge/gridSpan)
into a full grid and write it with `table_lines`, so that one body reader
(`notice/ledger.py`) handles tables from every format, and a researcher reading the text sees
an ordinary Markdown table. Line breaks inside a cell are kept as `<br>`.
"""

from __future__ import annotations

import re

CELL_BREAK = "<br>"
_SPACES = re.compile(r"[ \t\u3000\xa0]+")


def cell_text(paragraphs: list[str]) -> str:
    """One cell's text: its non-empty paragraphs joined by `<br>` (no pipe survives)."""
    parts = [_SPACES.sub(" ", p).strip().replace("|", "｜") for p in paragraphs]
    return CELL_BREAK.join(p for p in parts if p)


def table_lines(grid: list[list[str]]) -> list[str]:
    """Markdown rows of a grid whose first row is the header; empty rows are dropped."""
    rows = [row for row in grid if any(cell for cell in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return [lines[0], "|" + "---|" * width, *lines[1:]]
