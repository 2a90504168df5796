"""The tables' CSV and Parquet files, written one batch at a time, and read back.

CSV and Parquet are encoded by Arrow, a batch at a time; an unchanged batch of the last
build is copied from its files as bytes (zhenggai.dataset.parquet_parts). A CSV is a header
of plain column names, then each batch's rows appended: every text value quoted where
needed, a missing number an empty field, booleans TRUE/FALSE. A Parquet file holds one row
group per batch (an empty batch included, so row group k is always batch k:
zhenggai.dataset.reuse reads the last build's rows back by it), compressed with zstd, with
dates as date32 and amounts as exact decimals. The same batches give the same bytes.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as arrow_csv
import pyarrow.parquet as pq

from zhenggai.dataset import schema
from zhenggai.dataset.file_bytes import copy_range, write_all
from zhenggai.dataset.parquet_parts import OldParquet, ParquetParts
from zhenggai.dataset.tables import arrow_schema, empty_text

_CSV_OPTIONS = arrow_csv.WriteOptions(include_header=False, quoting_style="needed")
_AMOUNT = pa.decimal128(18, 2)  # yuan to the fen


def _csv_ready(table: pa.Table) -> pa.Table:
    """Booleans as TRUE/FALSE, which R's read.csv, Stata and Excel read as logical values
    (Arrow writes true/false, which R reads as text)."""
    for i, field in enumerate(table.schema):
        if pa.types.is_boolean(field.type):
            column = pc.if_else(table.column(i), pa.scalar("TRUE", pa.string()),
                                pa.scalar("FALSE", pa.string()))
            table = table.set_column(i, field.name, column)
    return table


def parquet_ready(table: pa.Table) -> pa.Table:
    """Parquet types a reader needs no help with: dates as date32, amounts as exact
    decimals (yuan to the fen), booleans as booleans."""
    for i, field in enumerate(table.schema):
        kind = schema.KINDS.get(field.name)
        if kind == "date":
            text = table.column(i)
            column = pc.if_else(pc.equal(text, empty_text()), pa.scalar(None, pa.string()), text)
            table = table.set_column(i, field.name, column.cast(pa.date32()))
        elif field.name in schema.AMOUNTS:
            table = table.set_column(i, field.name, table.column(i).cast(_AMOUNT))
    return table


def parquet_schema(name: str) -> pa.Schema:
    """The Parquet file's schema of a table: what parquet_ready makes of its columns (said
    without running it: Arrow's compute functions take a third of a second to start)."""
    return pa.schema([(field.name, pa.date32() if schema.KINDS.get(field.name) == "date"
                       else _AMOUNT if field.name in schema.AMOUNTS else field.type)
                      for field in arrow_schema(name)])


def from_parquet(table: pa.Table) -> pa.Table:
    """A table read from Parquet in the build's own types: the inverse of parquet_ready."""
    for i, field in enumerate(table.schema):
        if pa.types.is_date32(field.type):
            text = pc.fill_null(table.column(i).cast(pa.string()), empty_text())
            table = table.set_column(i, field.name, text)
        elif pa.types.is_decimal(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.float64()))
    return table


def csv_header(table: pa.Table | pa.Schema) -> bytes:
    return (",".join(table.names if isinstance(table, pa.Schema) else table.column_names)
            + "\n").encode()


Range = list[int]  # [start, length]: where a batch's bytes are in a file


class OldFiles:
    """The last build's CSV and Parquet files, open for copying unchanged batches."""

    def __init__(self, folder: Path) -> None:
        self.csv: dict[str, int] = {}
        self.parquet: dict[str, OldParquet] = {}
        try:
            for name in schema.TABLES:
                self.csv[name] = os.open(Path(folder) / f"{name}.csv", os.O_RDONLY)
                self.parquet[name] = OldParquet(Path(folder) / f"{name}.parquet")
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for fd in self.csv.values():
            os.close(fd)
        for old in self.parquet.values():
            old.close()
        self.csv, self.parquet = {}, {}


class TableFiles:
    """The CSV and Parquet file of every table in a folder, open for batches: written, or
    copied as they are from the last build's files."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._csv: dict[str, int] = {}
        self._parquet: dict[str, ParquetParts] = {}
        self._at: dict[str, int] = {}  # the end of each CSV file
        try:
            for name in schema.TABLES:
                self._csv[name] = os.open(self.folder / f"{name}.csv",
                                          os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                header = csv_header(arrow_schema(name))
                write_all(self._csv[name], header)
                self._at[name] = len(header)
                self._parquet[name] = ParquetParts(self.folder / f"{name}.parquet",
                                                   parquet_schema(name))
        except BaseException:
            self.abandon()
            raise

    def _csv_range(self, name: str, length: int) -> Range:
        start, self._at[name] = self._at[name], self._at[name] + length
        return [start, length]

    def write(self, tables: dict[str, pa.Table]) -> dict[str, Range]:
        """One batch of every table: CSV rows appended, one Parquet row group. Returns where
        its CSV rows are in each file."""
        ranges = {}
        for name, table in tables.items():
            sink = pa.BufferOutputStream()
            arrow_csv.write_csv(_csv_ready(table), sink, _CSV_OPTIONS)
            data = sink.getvalue()
            write_all(self._csv[name], data)
            ranges[name] = self._csv_range(name, data.size)
            self._parquet[name].write(parquet_ready(table))
        return ranges

    def copy(self, old: OldFiles, k: int, csv_ranges: dict[str, Range]) -> dict[str, Range]:
        """Batch k of the last build, unchanged: its CSV bytes and Parquet row group."""
        ranges = {}
        for name in schema.TABLES:
            start, length = csv_ranges[name]
            copy_range(old.csv[name], self._csv[name], start, length)
            ranges[name] = self._csv_range(name, length)
            self._parquet[name].copy(old.parquet[name], k)
        return ranges

    def close(self) -> None:
        """Every file finished: the CSVs first, so each Parquet file, whose footer is written
        last, is never older than its CSV (load.py reads it only then)."""
        for fd in self._csv.values():
            os.close(fd)
        self._csv = {}
        parts, self._parquet = self._parquet, {}
        for part in parts.values():
            part.close()

    def abandon(self) -> None:
        """Every file closed as it is (a failed build: the folder is removed)."""
        for fd in self._csv.values():
            os.close(fd)
        for part in self._parquet.values():
            part.abandon()
        self._csv, self._parquet = {}, {}


def read_tables(folder: Path) -> dict[str, pa.Table]:
    """Every table of a written dataset, whole, in the build's own types (for a small one)."""
    # ParquetFile, not read_table: read_table loads Arrow's datasets, which import pandas
    return {name: from_parquet(pq.ParquetFile(Path(folder) / f"{name}.parquet").read())
            for name in schema.TABLES}
