"""The last build's rows, read back from the Parquet files it wrote, one batch at a time.

Row group k of every table is batch k of the last build (zhenggai.dataset.table_files), so
an entry at position p of the last build has its ingest_log row in the row group of the
batch that holds p, and the notice it held has its rows there too. Batches are read when
first needed and the last few are kept: a rebuild takes the last build's rows mostly in
their old order, so each batch is read about once, and memory holds only a few of them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from zhenggai.dataset import schema
from zhenggai.dataset.table_files import from_parquet, parquet_schema
from zhenggai.dataset.tables import NOTICE_TABLES

MAX_LOADED = 4  # batches held at once


class StaleOutput(Exception):
    """The last build's files cannot give the rows asked for (changed, damaged)."""


@dataclass
class OldBatch:
    """One batch of the last build: its ingest_log rows, its notice tables, and where each
    notice's rows are in them (a notice's rows are consecutive)."""

    log_rows: list[tuple]
    tables: dict[str, pa.Table]
    ranges: dict[str, dict[str, tuple[int, int]]]


def _ranges(table: pa.Table) -> dict[str, tuple[int, int]]:
    """notice_id → (first row, number of rows), from the runs of the notice_id column (Arrow
    encodes the runs: a batch has thousands of rows but only its notices' runs)."""
    if table.num_rows == 0:
        return {}
    runs = pc.run_end_encode(table["notice_id"].combine_chunks())
    ends = runs.run_ends.to_pylist()
    starts = [0, *ends[:-1]]
    return {name: (start, end - start)
            for name, start, end in zip(runs.values.to_pylist(), starts, ends, strict=True)}


class LastRows:
    """The rows of the last build into a folder, by the position of their entry."""

    def __init__(self, out_dir: Path, starts: list[int]) -> None:
        """`starts` are the positions of the first entry of each batch of the last build."""
        self.out_dir = Path(out_dir)
        self.starts = starts
        self._files: dict[str, pq.ParquetFile] = {}
        self._loaded: OrderedDict[int, OldBatch] = OrderedDict()

    def _opened(self) -> dict[str, pq.ParquetFile]:
        """The Parquet files, opened when first read (a rebuild that copies every batch
        reads none)."""
        for name in schema.TABLES:
            if name in self._files:
                continue
            try:
                found = pq.ParquetFile(self.out_dir / f"{name}.parquet")
            except (OSError, pa.ArrowException) as exc:
                raise StaleOutput(f"{name}.parquet cannot be read ({exc})") from None
            if found.metadata.num_row_groups != len(self.starts) or \
                    not found.schema_arrow.equals(parquet_schema(name)):
                raise StaleOutput(f"{name}.parquet is not the one the last build wrote")
            self._files[name] = found
        return self._files

    def _batch(self, k: int) -> OldBatch:
        if k in self._loaded:
            self._loaded.move_to_end(k)
            return self._loaded[k]
        try:
            tables = {name: from_parquet(found.read_row_group(k))
                      for name, found in self._opened().items()}
        except (OSError, pa.ArrowException) as exc:
            raise StaleOutput(f"batch {k} of the last build cannot be read ({exc})") from None
        log = tables["ingest_log"]
        batch = OldBatch(list(zip(*(log[c].to_pylist() for c in log.column_names),
                                  strict=True)),
                         {name: tables[name] for name in NOTICE_TABLES},
                         {name: _ranges(tables[name]) for name in NOTICE_TABLES})
        self._loaded[k] = batch
        if len(self._loaded) > MAX_LOADED:
            self._loaded.popitem(last=False)
        return batch

    def log_row(self, position: int) -> tuple:
        """The ingest_log row of the last build's entry at `position`."""
        k = bisect_right(self.starts, position) - 1
        rows = self._batch(k).log_rows
        try:
            return rows[position - self.starts[k]]
        except IndexError:
            raise StaleOutput(f"no ingest_log row at position {position}") from None

    def notice_rows(self, position: int, notice_id: str
                    ) -> list[tuple[str, pa.Table, int, int]]:
        """(table name, table, start, length) of the rows of the notice held by the last
        build's entry at `position`, in every notice table."""
        batch = self._batch(bisect_right(self.starts, position) - 1)
        if notice_id not in batch.ranges["notices"]:
            raise StaleOutput(f"notice {notice_id} is not where the last build put it")
        return [(name, batch.tables[name], *batch.ranges[name].get(notice_id, (0, 0)))
                for name in NOTICE_TABLES]
