"""The dataset's tables as Arrow tables, one batch of raw-folder entries at a time.

A build never holds the whole dataset: it gathers the rows of a batch of about BATCH_FILES
entries (zhenggai.dataset.rows: fresh parses as Python tuples, or slices of the last
build's tables), turns them into one Arrow table per table, writes them out and lets them
go. Batches are cut by the entries' names (zhenggai.dataset.batches), so every build of the
same folder writes the same batches, byte for byte, whatever it reused.
"""

from __future__ import annotations

import importlib.abc
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from zhenggai.dataset import schema
from zhenggai.dataset.rows import FileRows, Row, file_rows

if TYPE_CHECKING:
    import pandas as pd

    from zhenggai.dataset.ingest import ParsedFile

BATCH_FILES = 500  # entries per batch: a Parquet row group, a bounded amount of memory
NOTICE_TABLES = ("notices", "problems", "measures", "dates", "outcomes")
_TYPES = {"string": pa.string(), "date": pa.string(), "integer": pa.int64(),
          "number": pa.float64(), "boolean": pa.bool_()}


class _NoPandas(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] == "pandas":
            raise ImportError("pandas is not needed to convert a build's rows")


def convert_without_pandas() -> None:
    """Tell Arrow, once for this process, that the build converts no pandas objects.

    Arrow imports pandas the first time it converts Python values, to ask whether they are
    pandas objects, and the import is a fifth of a second of every rebuild; a build converts
    only lists. Call it before anything imports pandas (else it does nothing). Arrow imports
    pandas again where pandas is asked for (to_pandas), so nothing that needs it loses it."""
    if "pandas" in sys.modules:
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([], pa.string())
    finally:
        sys.meta_path.remove(finder)


def empty_text() -> pa.Scalar:
    """"" as an Arrow string. Every value a build gives Arrow is typed (inferring a type makes
    Arrow import pandas); made on call, as a conversion at import would come first."""
    return pa.scalar("", pa.string())


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow types of a table's columns (dates are ISO strings)."""
    return pa.schema([(name, _TYPES[kind]) for name, kind, _ in schema.TABLES[table]])


def _column(values: list, kind: str) -> pa.Array:
    try:
        array = pa.array(values, _TYPES[kind])
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a value of another type: its text
        array = pa.array([None if v is None else str(v) for v in values], _TYPES[kind])
    return pc.fill_null(array, empty_text()) if kind in ("string", "date") else array


def rows_table(name: str, rows: list[Row]) -> pa.Table:
    """Python rows of one table (every row has every column) as an Arrow table."""
    kinds = [kind for _, kind, _ in schema.TABLES[name]]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in kinds]
    arrays = [_column(list(values), kind) for values, kind in zip(columns, kinds, strict=True)]
    return pa.Table.from_arrays(arrays, schema=arrow_schema(name))


class BatchBuilder:
    """One batch's rows in entry order: Python rows of fresh parses, and runs of rows of the
    last build's tables (adjacent slices of one table are merged, so a batch that reuses
    everything is a handful of slices)."""

    def __init__(self) -> None:
        self._parts: dict[str, list] = {name: [] for name in schema.TABLES}

    def add(self, item: FileRows) -> None:
        """An entry's Python rows."""
        for name, rows in item.rows.items():
            parts = self._parts[name]
            if parts and isinstance(parts[-1], list):
                parts[-1].extend(rows)
            elif rows:
                parts.append(list(rows))

    def add_slice(self, name: str, table: pa.Table, start: int, length: int) -> None:
        """Rows start … start+length of `table` (the last build's, in this table's schema)."""
        parts = self._parts[name]
        if parts and isinstance(parts[-1], tuple) and parts[-1][0] is table \
                and parts[-1][1] + parts[-1][2] == start:
            parts[-1] = (table, parts[-1][1], parts[-1][2] + length)
        elif length:
            parts.append((table, start, length))

    def tables(self) -> dict[str, pa.Table]:
        """Every table of the batch, each in one contiguous chunk."""
        result = {}
        for name, parts in self._parts.items():
            pieces = [rows_table(name, part) if isinstance(part, list)
                      else part[0].slice(part[1], part[2]) for part in parts]
            table = pa.concat_tables(pieces) if pieces else arrow_schema(name).empty_table()
            result[name] = table.combine_chunks()
        return with_source_files(result)


def with_source_files(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The tables with notices.source_file taken from ingest_log (a reused notice carries the
    name of the file that held it last time): notices has one row per ingest_log row that
    names a notice, in the same order."""
    log, notices = tables["ingest_log"], tables["notices"]
    names = [name for name, notice_id in zip(log["source_file"].to_pylist(),
                                             log["notice_id"].to_pylist(), strict=True)
             if notice_id]
    column = notices.schema.get_field_index("source_file")
    return {**tables, "notices": notices.set_column(column, "source_file",
                                                    pa.array(names, pa.string()))}


def concatenated(batches: Iterable[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Batches of tables as whole tables (for a corpus small enough to hold)."""
    parts: dict[str, list[pa.Table]] = {name: [] for name in schema.TABLES}
    for batch in batches:
        for name, table in batch.items():
            parts[name].append(table)
    return {name: (pa.concat_tables(tables) if tables else arrow_schema(name).empty_table()
                   ).combine_chunks() for name, tables in parts.items()}


def to_frames(tables: dict[str, pa.Table]) -> dict[str, pd.DataFrame]:
    """The tables as pandas DataFrames: counts Int64, amounts Float64, flags boolean."""
    import pandas as pd

    types = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
             pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype("python")}
    frames = {}
    for name, table in tables.items():
        frame = table.to_pandas(types_mapper=types.get)
        for column, kind, _ in schema.TABLES[name]:
            if kind in ("string", "date"):
                frame[column] = frame[column].astype(str)
        frames[name] = frame
    return frames


def tables_of(parsed: Iterable[ParsedFile]) -> dict[str, pd.DataFrame]:
    """The dataset's tables from parsed files, in their order, as DataFrames (for inspecting
    parses; a build streams Arrow batches with zhenggai.dataset.assemble)."""
    builder = BatchBuilder()
    for item in parsed:
        builder.add(file_rows(item))
    return to_frames(builder.tables())
