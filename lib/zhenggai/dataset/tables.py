"""The dataset's tables as Arrow tables, gathered from files' rows (zhenggai.dataset.rows).

Rows are turned into Arrow batches every FLUSH_FILES files, so a large corpus is held once,
compactly. A table's rows are ordered by the position of their file in the raw folder, so a
table spliced from a previous build's rows and new ones equals a table built from scratch.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from zhenggai.dataset import schema
from zhenggai.dataset.rows import FileRows, file_rows

if TYPE_CHECKING:
    import pandas as pd

    from zhenggai.dataset.ingest import ParsedFile

FLUSH_FILES = 500  # files whose rows are held as Python objects before becoming Arrow
_POSITION = "__position"  # a table row's file's position in the folder, while splicing
_TYPES = {"string": pa.string(), "date": pa.string(), "integer": pa.int64(),
          "number": pa.float64(), "boolean": pa.bool_()}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow types of a table's columns (dates are ISO strings)."""
    return pa.schema([(name, _TYPES[kind]) for name, kind, _ in schema.TABLES[table]])


def _column(values: list, kind: str) -> pa.Array:
    try:
        array = pa.array(values, _TYPES[kind])
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # a value of another type: its text
        array = pa.array([None if v is None else str(v) for v in values], _TYPES[kind])
    return pc.fill_null(array, "") if kind in ("string", "date") else array


class TableBuilder:
    """Tables gathered from files' rows, each row tagged with its file's position."""

    def __init__(self) -> None:
        self._pending: dict[str, list] = {name: [] for name in schema.TABLES}
        self._positions: dict[str, list[int]] = {name: [] for name in schema.TABLES}
        self._batches: dict[str, list[pa.RecordBatch]] = {name: [] for name in schema.TABLES}
        self._files = 0

    def add(self, item: FileRows, position: int) -> None:
        for name, rows in item.rows.items():
            self._pending[name] += rows
            self._positions[name] += [position] * len(rows)
        self._files += 1
        if self._files % FLUSH_FILES == 0:
            self._flush()

    def _flush(self) -> None:
        for name, rows in self._pending.items():
            if not rows:
                continue
            kinds = [kind for _, kind, _ in schema.TABLES[name]]
            columns = zip(*rows, strict=True)  # every row has every column
            arrays = [_column(list(values), kind)
                      for values, kind in zip(columns, kinds, strict=True)]
            arrays.append(pa.array(self._positions[name], pa.int64()))
            self._batches[name].append(pa.RecordBatch.from_arrays(
                arrays, schema=arrow_schema(name).append(pa.field(_POSITION, pa.int64()))))
            self._pending[name], self._positions[name] = [], []

    def positioned(self) -> dict[str, pa.Table]:
        """Every table, with the position column (see `splice`)."""
        self._flush()
        return {name: pa.Table.from_batches(
            self._batches[name], arrow_schema(name).append(pa.field(_POSITION, pa.int64())))
            for name in schema.TABLES}


NOTICE_TABLES = ("notices", "problems", "measures", "dates", "outcomes")


def with_positions(tables: dict[str, pa.Table], position_of_notice: dict[str, int]
                   ) -> dict[str, pa.Table]:
    """A previous build's notice tables, each row tagged with its notice's new position, or
    with null for a notice not in `position_of_notice` (its rows are dropped by `splice`)."""
    notice_ids = pa.array(list(position_of_notice), pa.string())
    positions = pa.array(list(position_of_notice.values()), pa.int64())
    result = {}
    for name in NOTICE_TABLES:
        table = tables[name]
        index = pc.index_in(table["notice_id"], value_set=notice_ids)
        result[name] = table.append_column(_POSITION, pc.take(positions, index))
    return result


MAX_RUNS = 1_000  # past this many runs of rows, one gather beats many slices


def _in_order(table: pa.Table, order: pa.Array) -> pa.Table:
    """The rows of `table` at `order`: as slices of consecutive rows where they run (a rebuild
    keeps long runs of the last build's rows), else gathered."""
    import numpy as np

    index = order.to_numpy()
    breaks = np.flatnonzero(np.diff(index) != 1) + 1
    if len(index) == 0 or len(breaks) >= MAX_RUNS:
        return table.take(order)
    starts = np.concatenate(([0], breaks))
    ends = np.concatenate((breaks, [len(index)]))
    return pa.concat_tables([table.slice(int(index[a]), int(b - a))
                             for a, b in zip(starts, ends, strict=True)])


def splice(parts: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """Positioned tables put together in position order (a stable sort: a file's rows keep
    their order), rows without a position dropped, each table in one contiguous chunk."""
    result = {}
    for name in schema.TABLES:
        table = pa.concat_tables([part[name] for part in parts if name in part])
        if len(parts) > 1:  # a single part is built in position order already
            order = pc.sort_indices(table, sort_keys=[(_POSITION, "ascending", "at_end")])
            table = _in_order(table, order.slice(0, len(order) - table[_POSITION].null_count))
        result[name] = table.drop_columns([_POSITION]).combine_chunks()
    return result


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
    parses; a build assembles Arrow tables with zhenggai.dataset.assemble)."""
    builder = TableBuilder()
    for position, item in enumerate(parsed):
        builder.add(file_rows(item), position)
    return to_frames(splice([builder.positioned()]))
