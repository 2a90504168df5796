"""Putting a saved page in the shape the article measures expect, before they are taken.

- a 整改台账 table (a header naming the problems and the measures) becomes Markdown rows
  (`read/tables.py`), merged cells repeated; layout tables stay as they are;
- lines separated by `<br>` in one block (the TRS editor layout of many government sites)
  become paragraphs, so that such a body weighs as much as one written in `<p>`;
- a list of related articles (相关阅读, 相关新闻…) is dropped with its heading.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from zhenggai.read.tables import cell_text, table_lines

# A ledger's header names the problems and what was done about them.
_LEDGER_PROBLEM = re.compile(r"问题|問題")
_LEDGER_MEASURES = re.compile(r"措施|整改情况|整改情況|落实情况|落實情況")
# The heading of a list of other articles placed inside the article.
_RELATED = re.compile(r"^\W*(?:相关|相關|推荐|推薦|延伸|热点|熱點|更多)"
                      r"(?:阅读|閱讀|新闻|新聞|链接|鏈接|文章|稿件|报道|報道|推荐|推薦)\W*$")
_INLINE_TAGS = frozenset(("span", "a", "b", "strong", "i", "em", "font", "u", "sub", "sup",
                          "small", "big", "label", "ins", "mark", "code"))
BREAK = "\u2029"  # a <br>: a line break that no source whitespace can be mistaken for


def drop_related_lists(soup: BeautifulSoup) -> None:
    """Remove each 相关阅读 heading with the list of links after it (or the block of links
    holding it)."""
    for string in soup.find_all(string=_RELATED):
        heading = string.parent
        if not isinstance(heading, Tag) or heading.parent is None:
            continue
        block = heading.parent
        text = block.get_text("", strip=True)
        linked = sum(len(a.get_text("", strip=True)) for a in block.find_all("a"))
        if block.name not in ("body", "html", "article") and linked >= 0.5 * max(
                len(text) - len(string.strip()), 1):
            block.decompose()
            continue
        following = heading.find_next_sibling()
        if isinstance(following, Tag) and following.name in ("ul", "ol", "div", "table", "dl"):
            following.decompose()
        heading.decompose()


def _grid(table: Tag) -> list[list[str]]:
    """The cells of a table as a full grid: rowspan and colspan cells repeated."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        row: list[str] = []
        cells = [c for c in tr.find_all(["td", "th"]) if c.find_parent("tr") is tr]
        col = 0
        for cell in [*cells, None]:
            while col in pending:
                left, text = pending[col]
                row.append(text)
                pending[col] = (left - 1, text)
                if left - 1 <= 0:
                    del pending[col]
                col += 1
            if cell is None:
                break
            for br in cell.find_all("br"):
                br.replace_with(BREAK)
            blocks = [b.get_text("", strip=True) for b in cell.find_all(["p", "div", "li"])
                      if not b.find(["p", "div", "li"])]
            text = cell_text(blocks if len(blocks) > 1 else [cell.get_text("", strip=False)])
            text = cell_text([part for chunk in text.split("<br>")
                              for part in chunk.split(BREAK)])
            span = _span(cell, "colspan")
            for _ in range(span):
                row.append(text)
                if _span(cell, "rowspan") > 1:
                    pending[col] = (_span(cell, "rowspan") - 1, text)
                col += 1
        grid.append(row)
    return grid


def _span(cell: Tag, attribute: str) -> int:
    value = str(cell.get(attribute, "1")).strip()
    return max(1, min(int(value), 100)) if value.isdigit() else 1


def ledgers_as_rows(soup: BeautifulSoup) -> None:
    """Replace each 整改台账 table by one paragraph per Markdown row."""
    for table in soup.find_all("table"):
        if table.find("table"):
            continue  # a layout table holding others
        grid = _grid(table)
        header = next((row for row in grid if any(cell for cell in row)), [])
        if not (any(_LEDGER_PROBLEM.search(c) and len(c) <= 12 for c in header)
                and any(_LEDGER_MEASURES.search(c) and len(c) <= 12 for c in header)):
            continue
        block = soup.new_tag("div")
        for line in table_lines(grid):
            paragraph = soup.new_tag("p")
            paragraph.string = line
            block.append(paragraph)
        table.replace_with(block)


def paragraphs_from_breaks(soup: BeautifulSoup) -> None:
    """In a block whose lines are separated by <br>, make each line a paragraph."""
    parents = {id(br.parent): br.parent for br in soup.find_all("br") if br.parent is not None}
    for parent in parents.values():
        if parent.name in ("p", "td", "th", "li", "span", "a", "font", "strong", "b"):
            for br in parent.find_all("br"):
                br.replace_with(BREAK)  # a line inside a paragraph: split by _block_lines
            continue
        for run in _inline_runs(parent):
            if not "".join(n.get_text() if isinstance(n, Tag) else str(n) for n in run).strip():
                continue
            paragraph = soup.new_tag("p")
            run[0].insert_before(paragraph)
            for node in run:
                paragraph.append(node.extract())
        for br in parent.find_all("br", recursive=False):
            br.decompose()


def _inline_runs(parent: Tag) -> list[list]:
    """The runs of text and inline tags among a block's children, split at <br> and at
    block children."""
    runs: list[list] = [[]]
    for child in list(parent.children):
        inline = isinstance(child, NavigableString) or (
            isinstance(child, Tag) and child.name in _INLINE_TAGS)
        if inline:
            runs[-1].append(child)
        else:
            runs.append([])
    return runs
