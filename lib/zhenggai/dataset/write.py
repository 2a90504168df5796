"""Writing the tables to disk: CSV, Parquet, one xlsx workbook (for a corpus small enough),
datapackage.json and the data dictionary. Every file is deterministic: the same tables give
the same bytes. CSV and Parquet are written by Arrow: every text value of a CSV is quoted,
a missing number is an empty field; Parquet is compressed with zstd (smaller and faster to
write than the default snappy, and read by every current Parquet reader).

Writing is atomic. Everything goes into a staging folder beside the target, and only a
complete dataset is swapped in, with one atomic exchange where the system has it (Linux
renameat2), else two renames that the next build can undo. A failure at any moment, a kill
included, leaves the previous dataset whole.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as arrow_csv
import pyarrow.parquet as pq

from zhenggai.dataset import schema
from zhenggai.dataset.describe import corpus_description
from zhenggai.dataset.xlsx import too_large, write_workbook

_RENAME_EXCHANGE = 2  # renameat2 flag: swap two paths atomically
_AT_FDCWD = -100


_CSV_OPTIONS = arrow_csv.WriteOptions(include_header=False, quoting_style="needed")


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
            table = table.set_column(i, field.name, table.column(i).cast(pa.decimal128(18, 2)))
    return table


def write_csv(table: pa.Table, path: Path) -> None:
    """One table as CSV: a header of plain column names, then Arrow's rows."""
    with open(path, "wb") as f:
        f.write((",".join(table.column_names) + "\n").encode())
        arrow_csv.write_csv(_csv_ready(table), f, _CSV_OPTIONS)


def _workbook(tables: dict[str, pa.Table], path: Path) -> list[str]:
    """The workbook; XlsxWriter's own errors (a full disk among them) raised as OSError."""
    import xlsxwriter.exceptions

    try:
        return write_workbook(tables, path)
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        raise OSError(f"the workbook could not be written ({exc})") from exc


def _write_files(tables: dict[str, pa.Table], folder: Path) -> list[str]:
    """Every output file into `folder`; returns warnings (from the workbook, or why there is
    none)."""
    for name, table in tables.items():
        write_csv(table, folder / f"{name}.csv")
        pq.write_table(parquet_ready(table), folder / f"{name}.parquet", compression="zstd")
    no_workbook = too_large(tables)
    warnings = [no_workbook] if no_workbook else _workbook(tables,
                                                                folder / "zhenggai.xlsx")
    (folder / "datapackage.json").write_text(
        json.dumps(schema.datapackage(package_sources(tables["notices"])), ensure_ascii=False,
                   indent=2) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(
        schema.data_dictionary(corpus_description(tables, no_workbook)), encoding="utf-8")
    return warnings


MAX_SOURCES = 50  # sites listed one by one in datapackage.json; past this, a count


def package_sources(notices: pa.Table) -> list[dict[str, str]]:
    """datapackage.json's sources: each site the notices came from, with how many, the
    sites with most notices first; the URL of every notice is in notices.source_url."""
    from collections import Counter
    from urllib.parse import urlsplit

    sites: Counter[tuple[str, str]] = Counter()
    for url, site in zip(notices["source_url"].to_pylist(), notices["source_site"].to_pylist(),
                         strict=True):
        parts = urlsplit(url) if url else None
        home = f"{parts.scheme}://{parts.netloc}/" if parts and parts.netloc else ""
        if home or site:
            sites[(site or parts.netloc, home)] += 1
    listed = [{"title": f"{site} ({n} notice{'s' if n > 1 else ''}; URLs in "
                        "notices.source_url)", **({"path": home} if home else {})}
              for (site, home), n in sorted(sites.items(), key=lambda x: (-x[1], x[0]))]
    rest = len(listed) - MAX_SOURCES
    listed = listed[:MAX_SOURCES] + ([{"title": f"and {rest} more sites"}] if rest > 0 else [])
    unstated = notices.num_rows - sum(sites.values())
    if unstated:
        listed.append({"title": f"{unstated} notice{'s' if unstated > 1 else ''} whose source "
                                "the raw folder's sources.csv does not state"})
    return listed


def _staging_names(out_dir: Path) -> tuple[Path, Path]:
    return (out_dir.parent / f".{out_dir.name}.building-{os.getpid()}",
            out_dir.parent / f".{out_dir.name}.previous")


def recover(out_dir: Path) -> None:
    """Undo what an interrupted build left: the previous dataset back in place, stale
    staging folders removed."""
    _, previous = _staging_names(out_dir)
    if previous.exists() and not out_dir.exists():
        previous.rename(out_dir)
    elif previous.exists():
        shutil.rmtree(previous, ignore_errors=True)
    for stale in out_dir.parent.glob(f".{out_dir.name}.building-*"):
        if not _alive(stale.name.rsplit("-", 1)[-1]):  # a live build's staging is its own
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: str) -> bool:
    """Whether the process of a staging folder still runs (this one's never counts)."""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not hasattr(os, "fsencode"):
        return False
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _swap_in(staging: Path, out_dir: Path) -> None:
    _, previous = _staging_names(out_dir)
    if not out_dir.exists():
        staging.rename(out_dir)
    elif _exchange(staging, out_dir):
        shutil.rmtree(staging)
    else:
        out_dir.rename(previous)
        staging.rename(out_dir)
        shutil.rmtree(previous)


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> list[str]:
    """Write every table as CSV and Parquet, all of them into zhenggai.xlsx (unless too
    large), datapackage.json and the data dictionary README.md, atomically. Returns
    warnings."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    staging, _ = _staging_names(out_dir)
    staging.mkdir()
    try:
        warnings = _write_files(tables, staging)
        _swap_in(staging, out_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return warnings
