"""Types that survive every tool a student opens the tables with: Parquet with real dates,
booleans and exact decimals; CSV booleans R reads as logical; a workbook with date cells, a
frozen header, filters and widths."""

from __future__ import annotations

import datetime as dt
import decimal

import pyarrow as pa
import pyarrow.parquet as pq


def test_parquet_has_dates_booleans_and_exact_amounts(seeds_processed):
    notices = pq.read_table(seeds_processed / "notices.parquet")
    assert notices.schema.field("inspection_start").type == pa.date32()
    assert notices.schema.field("truncated").type == pa.bool_()
    outcomes = pq.read_table(seeds_processed / "outcomes.parquet")
    assert outcomes.schema.field("amount_yuan").type == pa.decimal128(18, 2)
    amounts = [a for a in outcomes.column("amount_yuan").to_pylist() if a is not None]
    assert decimal.Decimal("200000.00") in amounts
    starts = notices.column("inspection_start").to_pylist()
    assert all(isinstance(d, dt.date) for d in starts if d is not None)


def test_csv_booleans_are_true_and_false_in_capitals(seeds_processed):
    header, *rows = (seeds_processed / "notices.csv").read_text(encoding="utf-8").splitlines()
    column = header.split(",").index("truncated")
    import csv

    values = {row[column] for row in csv.reader(rows)}
    assert values == {"TRUE", "FALSE"}


def test_the_workbook_has_date_cells_a_frozen_header_and_filters(seeds_processed):
    import openpyxl

    sheet = openpyxl.load_workbook(seeds_processed / "zhenggai.xlsx")["notices"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    header = [cell.value for cell in sheet[1]]
    start = sheet.cell(2, header.index("inspection_start") + 1)
    assert isinstance(start.value, dt.datetime) and start.number_format == "yyyy-mm-dd"
    title = header.index("title") + 1
    assert sheet.column_dimensions[openpyxl.utils.get_column_letter(title)].width > 40
