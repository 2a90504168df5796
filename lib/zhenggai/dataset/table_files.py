"""The tables' CSV and Parquet files, written one batch at a time, and read back.

CSV and Parquet are written by Arrow. A CSV is a header of plain column names, then each
batch's rows appended: every text value quoted where needed, a missing number an empty
field, booleans TRUE/FALSE. A Parquet file holds one row group per batch (an empty batch
included, so row group k is always batch k: zhenggai.dataset.reuse reads the last build's
rows back by it), compressed with zstd, with dates as date32 and amounts as exact decimals.
The same batches give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as arrow_csv
import pyarrow.parquet as pq

from zhenggai.dataset import schema
from zhenggai.dataset.tables import arrow_schema

_CSV_OPTIONS = arrow_csv.WriteOptions(include_header=False, quoting_style="needed")
_AMOUNT = pa.decimal128(18, 2)  # yuan to the fen


def _csv_ready(table: pa.Table) -> pa.Table:
    """Booleans as TRUE/FALSE, which R's read.csv, Stata and Excel read as logical values
    (Arrow writes true/false, which R reads as text)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_boolean(field.type):
            column = pc.if_else(table.column(i), "TRUE", "FALSE")
            table = table.set_column(i, field.name, column)
    return table


def parquet_ready(table: pa.Table) -> pa.Table:
    """Parquet types a reader needs no help with: dates as date32, amounts as exact
    decimals (yuan to the fen), booleans as booleans."""
    for i, field in enumerate(table.schema):
        kind = schema.KINDS.get(field.name)
        if kind == "date":
            text = table.column(i)
            column = pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text)
            table = table.set_column(i, field.name, column.cast(pa.date32()))
        elif field.name in schema.AMOUNTS:
            table = table.set_column(i, field.name, table.column(i).cast(_AMOUNT))
    return table


def parquet_schema(name: str) -> pa.Schema:
    """The Parquet file's schema of a table (what parquet_ready makes of its columns)."""
    return parquet_ready(arrow_schema(name).empty_table()).schema


def from_parquet(table: pa.Table) -> pa.Table:
    """A table read from Parquet in the build's own types: the inverse of parquet_ready."""
    for i, field in enumerate(table.schema):
        if pa.types.is_date32(field.type):
            text = pc.fill_null(table.column(i).cast(pa.string()), "")
            table = table.set_column(i, field.name, text)
        elif pa.types.is_decimal(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.float64()))
    return table


def csv_header(table: pa.Table | pa.Schema) -> bytes:
    return (",".join(table.names if isinstance(table, pa.Schema) else table.column_names)
            + "\n").encode()


def write_csv(table: pa.Table, path: Path) -> None:
    """One whole table as CSV."""
    with open(path, "wb") as f:
        f.write(csv_header(table))
        arrow_csv.write_csv(_csv_ready(table), f, _CSV_OPTIONS)


class TableFiles:
    """The CSV and Parquet file of every table in a folder, open for batches."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._csv, self._parquet = {}, {}
        self.rows = dict.fromkeys(schema.TABLES, 0)
        try:
            for name in schema.TABLES:
                self._csv[name] = open(self.folder / f"{name}.csv", "wb")
                self._csv[name].write(csv_header(arrow_schema(name)))
                self._parquet[name] = pq.ParquetWriter(self.folder / f"{name}.parquet",
                                                       parquet_schema(name),
                                                       compression="zstd")
        except BaseException:
            self.close()
            raise

    def write(self, tables: dict[str, pa.Table]) -> None:
        """One batch of every table: CSV rows appended, one Parquet row group."""
        for name, table in tables.items():
            arrow_csv.write_csv(_csv_ready(table), self._csv[name], _CSV_OPTIONS)
            self._parquet[name].write_table(parquet_ready(table),
                                            row_group_size=max(1, table.num_rows))
            self.rows[name] += table.num_rows

    def close(self) -> None:
        # the CSVs first: their last buffered rows are flushed now, and each Parquet file,
        # closed after, is then never older than its CSV (load.py reads it only then)
        for f in self._csv.values():
            f.close()
        for writer in self._parquet.values():
            writer.close()
        self._csv, self._parquet = {}, {}

    def __enter__(self) -> TableFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_tables(folder: Path) -> dict[str, pa.Table]:
    """Every table of a written dataset, whole, in the build's own types (for a small one)."""
    return {name: from_parquet(pq.read_table(Path(folder) / f"{name}.parquet"))
            for name in schema.TABLES}
