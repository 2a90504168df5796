"""The dataset as one Excel workbook, for spreadsheet users.

Written with XlsxWriter in constant-memory mode: every cell is a string, a number, a boolean
or a real date, never a formula (text beginning with = stays text). Each sheet keeps its
header in view, filters on every column, and sets widths, long text wrapped. Zip entries
carry a fixed timestamp and the document a fixed creation date, so the same tables give the
same bytes.
Excel's limits are kept in the workbook only: a table longer than a sheet continues on further
sheets, and a cell longer than Excel allows is cut, each with a warning. A corpus of more than
MAX_WORKBOOK_CELLS cells gets no workbook, with a note in the build's summary and the data
dictionary: the CSV and Parquet files always hold everything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa

from zhenggai.dataset import schema

MAX_ROWS = 1_048_576  # rows of an Excel sheet, the header included
# Beyond this many cells (about 500 notices) no workbook is written: spreadsheet users of
# 100,000-row sheets are rare, and writing them would take most of a build.
MAX_WORKBOOK_CELLS = 200_000
MAX_CELL_CHARS = 32_767
_CUT_MARK = "…[cut: see the CSV]"
_FIXED_CREATED = dt.datetime(2000, 1, 1)
_OPTIONS = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
            "strings_to_numbers": False}


def _cell(value: object, kind: str) -> tuple[object, bool]:
    """The value to write and whether it had to be cut."""
    if value is None:
        return None, False
    if kind in ("integer", "number", "boolean"):
        return value, False
    text = str(value)
    if len(text) > MAX_CELL_CHARS:
        return text[: MAX_CELL_CHARS - len(_CUT_MARK)] + _CUT_MARK, True
    return text, False


LONG_TEXT = ("title", "problem", "response", "result", "text", "evidence", "warnings",
             "message", "cleaning_notes", "object", "section")
TEXT_WIDTH, LONG_WIDTH, DATE_WIDTH = 14, 48, 11


def _layout(sheet, table: pa.Table, kinds: list[str], rows: int, formats: dict) -> None:
    """A header that stays in view and filters, and columns as wide as their content needs
    (long text wrapped), set before any row is written (constant-memory mode)."""
    for col, (name, kind) in enumerate(zip(table.column_names, kinds, strict=True)):
        if name in LONG_TEXT:
            sheet.set_column(col, col, LONG_WIDTH, formats["wrap"])
        elif kind == "date":
            sheet.set_column(col, col, DATE_WIDTH, formats["date"])
        else:
            sheet.set_column(col, col, max(TEXT_WIDTH, len(name) + 2))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(kinds) - 1)


def _write_sheet(sheet, table: pa.Table, kinds: list[str], start: int, stop: int,
                 formats: dict) -> int:
    """Rows [start, stop) of a table on one sheet, under its header; returns cells cut."""
    _layout(sheet, table, kinds, stop - start, formats)
    for col, name in enumerate(table.column_names):
        sheet.write_string(0, col, name, formats["header"])
    cut = 0
    columns = [column.to_pylist() for column in table.slice(start, stop - start).columns]
    for offset in range(stop - start):
        for col, kind in enumerate(kinds):
            value, was_cut = _cell(columns[col][offset], kind)
            cut += was_cut
            if value is None:
                continue
            if kind == "integer":
                sheet.write_number(offset + 1, col, int(value))
            elif kind == "number":
                sheet.write_number(offset + 1, col, float(value))
            elif kind == "boolean":
                sheet.write_boolean(offset + 1, col, bool(value))
            elif kind == "date" and value:  # a real date cell, shown as YYYY-MM-DD
                sheet.write_datetime(offset + 1, col, dt.date.fromisoformat(value),
                                     formats["date"])
            elif kind == "date":
                continue
            else:
                sheet.write_string(offset + 1, col, value)
    return cut


def too_large(cells: int) -> str:
    """Why tables of this many cells get no workbook, or "" when they fit one."""
    if cells <= MAX_WORKBOOK_CELLS:
        return ""
    return (f"no zhenggai.xlsx: {cells:,} cells are more than a workbook is for (the limit is "
            f"{MAX_WORKBOOK_CELLS:,}); every table is in the CSV and Parquet files")


def write_workbook(tables: dict[str, pa.Table], path: Path) -> list[str]:
    """Write every table as a sheet (or several) of one workbook; returns warnings."""
    import xlsxwriter  # here: most builds of a large corpus write no workbook

    warnings: list[str] = []
    workbook = xlsxwriter.Workbook(str(path), {**_OPTIONS, "tmpdir": str(Path(path).parent)})
    workbook.set_properties({"author": "zhenggai", "created": _FIXED_CREATED})
    formats = {"date": workbook.add_format({"num_format": "yyyy-mm-dd"}),
               "wrap": workbook.add_format({"text_wrap": True, "valign": "top"}),
               "header": workbook.add_format({"bold": True})}
    per_sheet = MAX_ROWS - 1
    for name, table in tables.items():
        kinds = [kind for _, kind, _ in schema.TABLES[name]]
        parts = max(1, -(-table.num_rows // per_sheet))
        if parts > 1:
            warnings.append(f"xlsx: {name} has {table.num_rows:,} rows, more than one Excel sheet "
                            f"holds; continued on {parts} sheets (the CSV holds all rows)")
        cut = 0
        for part in range(parts):
            sheet = workbook.add_worksheet(name if part == 0 else f"{name} ({part + 1})")
            cut += _write_sheet(sheet, table, kinds, part * per_sheet,
                                min(table.num_rows, (part + 1) * per_sheet), formats)
        if cut:
            warnings.append(f"xlsx: {cut} cell(s) of {name} longer than Excel's "
                            f"{MAX_CELL_CHARS:,} characters were cut (the CSV holds them whole)")
    workbook.close()
    return warnings
