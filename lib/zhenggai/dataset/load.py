"""Loading the processed tables, from a notebook, a script or `make report` alike.

Every table is checked against the schema the data dictionary states: the columns must be
exactly the schema's, every value must parse as its column's type, and a row may not be
empty (what a spreadsheet leaves after an edit: ,,,,). Any fault raises TableError naming the
file, the column and the line; `lenient=True` drops empty rows with a warning instead.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from zhenggai.dataset import schema

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

DATA_ENV = "ZHENGGAI_DATA"  # set by `make report RAW=…` to point at another build


def data_dir(folder: str | Path | None = None) -> Path:
    """The processed-data folder: the argument, else $ZHENGGAI_DATA, else the project's
    data/processed found by walking up from the working directory (notebooks/ or the root)."""
    if folder is not None:
        return Path(folder)
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV])
    for base in (Path.cwd(), *Path.cwd().parents):
        candidate = base / "data" / "processed"
        if (candidate / "notices.csv").exists():
            return candidate
    raise FileNotFoundError(
        "no data/processed/notices.csv found above the working directory: run `make data`"
    )


class TableError(ValueError):
    """A processed table that does not match its schema; the message names file, column
    and line."""


_DATES = pd.to_datetime(pd.Series(["2020-01-01"]), format="%Y-%m-%d").dtype
_BOOLEANS = {"true": True, "false": False, "1": True, "0": False}


def _typed(values: pd.Series, kind: str) -> tuple[pd.Series, pd.Series]:
    """A column in its type, and which of its non-empty values did not parse."""
    empty = values == ""
    if kind in ("integer", "number"):
        parsed = pd.to_numeric(values.where(~empty), errors="coerce")
        bad = parsed.isna() & ~empty
        if kind == "integer":
            bad |= parsed.notna() & (parsed % 1 != 0)
            return parsed.where(~bad).astype("Int64"), bad
        return parsed.astype("Float64"), bad
    if kind == "boolean":
        parsed = values.str.lower().map(_BOOLEANS)
        return parsed.astype("boolean"), parsed.isna() & ~empty
    if kind == "date":
        parsed = pd.to_datetime(values.where(~empty), format="%Y-%m-%d", errors="coerce")
        return parsed, parsed.isna() & ~empty
    return values, pd.Series(False, index=values.index)


def _load(path: Path, cols: list, lenient: bool) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError) as exc:
        raise TableError(f"{path.name}: cannot be read ({exc})") from exc
    expected = [name for name, _, _ in cols]
    missing = [c for c in expected if c not in frame.columns]
    extra = [c for c in frame.columns if c not in expected]
    if missing or extra:
        raise TableError(f"{path.name}: " + "; ".join(
            filter(None, [f"missing column(s) {', '.join(missing)}" if missing else "",
                          f"column(s) the schema does not have: {', '.join(extra)}"
                          if extra else ""])) + " (see the data dictionary, README.md)")
    blank = (frame == "").all(axis=1)
    if blank.any():
        lines = [str(i + 2) for i in frame.index[blank][:5]]
        if not lenient:
            raise TableError(f"{path.name}: empty row(s) at line {', '.join(lines)} (a "
                             "spreadsheet's leftovers?); remove them, or load with "
                             "lenient=True to drop them")
        warnings.warn(f"{path.name}: dropped {int(blank.sum())} empty row(s)", stacklevel=3)
        frame = frame[~blank]  # the index keeps each row's line in the file
    for name, kind, _ in cols:
        printed = frame[name]
        frame[name], bad = _typed(printed, kind)
        if bad.any():
            row = frame.index[bad][0]
            raise TableError(f"{path.name}, column {name}, line {int(row) + 2}: "
                             f"{printed[row]!r} is not {_WHAT[kind]}")
    return frame.reset_index(drop=True)


_WHAT = {"integer": "a whole number", "number": "a number", "boolean": "true or false",
         "date": "a date (YYYY-MM-DD)"}


def _parquet_current(csv: Path, parquet: Path) -> bool:
    """Whether the Parquet file is the one to read: written with the CSV by the build (a
    CSV edited since, by hand or a spreadsheet, is newer and read instead, and checked)."""
    try:
        return parquet.stat().st_mtime_ns >= csv.stat().st_mtime_ns
    except FileNotFoundError:
        return parquet.exists() and not csv.exists()


def _rows_of_notices(file: pq.ParquetFile, columns: list[str] | None,
                     notices: Collection[str]) -> pa.Table:
    """The rows of some notices, read a row group at a time: a filter given to read_table
    decodes several row groups whole at once, so a sample of notices from a large corpus
    would hold much of its text together."""
    import pyarrow as pa
    import pyarrow.compute as pc

    wanted = pa.array(sorted(notices), pa.string())
    parts = []
    for k in range(file.num_row_groups):
        mask = pc.is_in(file.read_row_group(k, columns=["notice_id"]).column(0),
                        value_set=wanted)
        if pc.any(mask).as_py():
            parts.append(file.read_row_group(k, columns=columns).filter(mask))
    empty = file.schema_arrow.empty_table()
    return pa.concat_tables(parts) if parts else \
        empty.select(columns) if columns is not None else empty


def _load_parquet(path: Path, cols: list, columns: list[str] | None,
                  notices: Collection[str] | None = None) -> pd.DataFrame:
    """A table from its Parquet file, in the types _load gives the CSV's (read by Arrow:
    only the columns and the notices' rows asked for, without the CSV's text parsing)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = [name for name, _, _ in cols]
    try:
        table = pq.read_table(path, columns=columns) if notices is None else \
            _rows_of_notices(pq.ParquetFile(path), columns, notices)
    except (OSError, pa.ArrowException) as exc:
        raise TableError(f"{path.name}: cannot be read ({exc})") from exc
    if table.column_names != (columns or names):
        raise TableError(f"{path.name}: its columns are not the schema's (see the data "
                         "dictionary, README.md)")
    for i, field in enumerate(table.schema):
        if pa.types.is_date32(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.timestamp("ns")))
        elif pa.types.is_decimal(field.type):
            table = table.set_column(i, field.name, table.column(i).cast(pa.float64()))
    types = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype(),
             pa.bool_(): pd.BooleanDtype()}
    frame = table.to_pandas(types_mapper=types.get)
    for name in frame.columns[frame.dtypes.map(pd.api.types.is_datetime64_any_dtype)]:
        frame[name] = frame[name].astype(_DATES)  # the unit the CSV's dates are parsed to
    return frame


def load_tables(folder: str | Path | None = None, lenient: bool = False,
                tables: list[str] | None = None,
                columns: dict[str, list[str]] | None = None,
                notices: Collection[str] | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a build (all, or those named), checked against the schema and typed by
    it: dates as datetimes, counts as Int64, flags as boolean. TableError names any fault.
    With `notices`, only the rows of those notice_ids (every table has the column).

    Each table is read from its Parquet file when that is as new as its CSV (faster, and
    `columns` and `notices` then read only what is asked for), else from the CSV."""
    folder = data_dir(folder)
    found = {}
    for table in tables or list(schema.TABLES):
        cols = schema.TABLES[table]
        csv, parquet = folder / f"{table}.csv", folder / f"{table}.parquet"
        wanted = (columns or {}).get(table)
        if unknown := [c for c in wanted or [] if c not in schema.columns(table)]:
            raise TableError(f"{table}: no column {', '.join(unknown)} in the schema (see "
                             "the data dictionary, README.md)")
        if _parquet_current(csv, parquet):
            found[table] = _load_parquet(parquet, cols, wanted, notices)
        else:
            frame = _load(csv, cols, lenient)
            if notices is not None:
                frame = frame[frame["notice_id"].isin(set(notices))].reset_index(drop=True)
            found[table] = frame[wanted] if wanted else frame
    return found


def notice_labels(notices: pd.DataFrame) -> pd.Series:
    """Short labels for figures: the most specific place and the year of the feedback (else
    of the inspection), numbered when two notices would share a label."""
    place = notices["county"].where(notices["county"] != "", notices["city"])
    place = place.where(place != "", notices["province"])
    place = place.where(place != "", notices["unit"])
    when = notices["feedback_date"].fillna(notices["inspection_start"])
    year = when.dt.year.astype("Int64").astype(str).replace("<NA>", "?")
    labels = place + " " + year
    repeat = labels.groupby(labels).cumcount()
    labels = labels.where(repeat == 0, labels + " (" + (repeat + 1).astype(str) + ")")
    return labels.rename("label")
