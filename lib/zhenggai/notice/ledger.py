"""Problems set out as a table: the 整改台账 (序号 / 问题类别 / 反馈问题 / 整改措施 / 时限 /
完成情况).

Readers write a table as Markdown rows with merged cells repeated (`read/tables.py`), and
Markdown notices may hold one as printed. A row whose cells all say the same (a category row
spanning the table) is a section; a 类别 column gives the section of its row; the 措施 column
is the response (its `<br>` items or numbers are the measures); the 完成情况 or 进展 column
gives the status.
"""

from __future__ import annotations

import re

from zhenggai.notice.items import status_of_words
from zhenggai.notice.measures import split_measures
from zhenggai.notice.model import Line, Problem

_ROW = re.compile(r"^\|.*\|$")
_SEPARATOR = re.compile(r"^\|[\s:\-|]+\|$")
_COLUMNS: tuple[tuple[str, re.Pattern[str]], ...] = (  # first match wins, column by column
    ("seq", re.compile(r"^(?:序号|编号|序)$")),
    ("category", re.compile(r"类别|类型|分类|方面|领域")),
    ("problem", re.compile(r"问题")),
    ("measures", re.compile(r"措施|整改情况|落实情况")),
    # a second 整改情况 column, after the 措施 one, says how far the work is
    ("status", re.compile(r"完成情况|进展|进度|状态|是否完成|整改结果|完成结果|整改情况|落实情况")),
    ("deadline", re.compile(r"时限|时间|期限")),
)
_CHAPTER_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|（[一二三四五六七八九十]+）)\s*")


def _cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        for role, pattern in _COLUMNS:
            if role not in found and pattern.search(name):
                found[role] = index
                break
    return found


def _table_blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    previous = None
    for i, line in enumerate(lines):
        if _ROW.match(line.text):
            if previous is None or previous != i - 1:
                blocks.append([])
            blocks[-1].append(line)
            previous = i
    return blocks


def ledger_problems(lines: list[Line]) -> list[Problem]:
    """The problems of every 整改台账 among the lines, in order ([] when there is none)."""
    problems: list[Problem] = []
    for block in _table_blocks(lines):
        rows = [line for line in block if not _SEPARATOR.match(line.text)]
        if not rows:
            continue
        columns = _columns(_cells(rows[0].text))
        if "problem" not in columns or "measures" not in columns:
            continue  # a table of something else
        section = ""
        for line in rows[1:]:
            cells = _cells(line.text)
            if len(set(cells)) == 1:  # a category row spanning the table
                section = _CHAPTER_NUMBER.sub("", cells[0])
                continue
            problem = _row_problem(cells, columns, section, line, len(problems) + 1)
            if problem is not None:
                problems.append(problem)
    return problems


def _row_problem(cells: list[str], columns: dict[str, int], section: str, line: Line,
                 seq: int) -> Problem | None:
    def cell(role: str) -> str:
        index = columns.get(role)
        return cells[index] if index is not None and index < len(cells) else ""

    statement = cell("problem").replace("<br>", "")
    if not statement:
        return None
    response = cell("measures").replace("<br>", "\n")
    status_text = cell("status").replace("<br>", "\n")
    status = status_of_words(status_text[:12])
    problem = Problem(
        seq=seq, number_as_printed=cell("seq"),
        section=_CHAPTER_NUMBER.sub("", cell("category")) or section,
        problem=statement.rstrip("。；，"), response=response, status=status, line=line.number,
        result="" if status and len(status_text) <= 12 else status_text,
        status_evidence=status_text[:12] if status else "",
    )
    problem.measures = split_measures(response)
    return problem
