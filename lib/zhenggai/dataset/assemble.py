"""A raw folder to the dataset's tables: the rows of every entry, in name order, put together.

The rows of an entry unchanged since the last build, or with the content of one of its
entries, are reused from it (zhenggai.dataset.cache); the others are read and parsed, over a
process pool when there are many. A notice whose text was already read from an earlier file
is rejected as its copy. The result does not depend on what was reused or pooled: the tables
equal a cold build's, byte for byte (tests/test_cache.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from zhenggai.dataset import cache
from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.ingest import MANIFEST, Limits, entry_rows
from zhenggai.dataset.rows import FileRows
from zhenggai.dataset.tables import TableBuilder, renamed, splice, with_positions
from zhenggai.read.document import ReadError, read_bytes

if TYPE_CHECKING:
    import pandas as pd

POOL_MIN_FILES = 48  # fewer files parse faster in one process than a pool starts


@dataclass
class Assembled:
    """The tables of a build, and the entries whose rows a later build can reuse."""

    tables: dict[str, pa.Table]
    reusable: dict[str, cache.Reusable] = field(default_factory=dict)
    n_reused: int = 0  # entries whose rows came from the last build


def _task(task: tuple[Entry, Limits]) -> FileRows:
    return entry_rows(*task)


def _context():
    """Forked workers start at once and share the loaded gazetteer (where fork exists)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _rows(entries: list[Entry], limits: Limits, workers: int) -> Iterator[FileRows]:
    """The rows of the entries, in their order: in this process, or over a pool."""
    tasks = [(entry, limits) for entry in entries]
    if len(tasks) < POOL_MIN_FILES or workers == 1:
        yield from map(_task, tasks)
        return
    chunk = max(1, min(64, len(tasks) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        yield from pool.map(_task, tasks, chunksize=chunk)


def _reused(entries: list[Entry], stats: dict, last: cache.LastBuild | None, limits: Limits
            ) -> dict[str, str]:
    """Entry name → the name, in the last build, of the entry whose rows it takes: the same
    entry unchanged, else one with the same content (each used once)."""
    if last is None:
        return {}
    reused: dict[str, str] = {}
    for entry in entries:
        if entry.skip_reason or entry.name == MANIFEST:
            continue  # accounted for without being read: nothing to reuse
        if last.unchanged_entry(entry.name, stats[entry.name]):
            reused[entry.name] = entry.name
    taken = set(reused.values())
    for entry in entries:
        if entry.name in reused or entry.skip_reason or entry.name == MANIFEST \
                or entry.name_note:
            continue
        try:
            sha = cache.content_hash(read_bytes(entry.path, limits.max_file_bytes))
        except ReadError:
            continue
        old = last.by_hash.get(sha)
        if old is not None and old not in taken:
            reused[entry.name] = old
            taken.add(old)
    return reused


def assemble(raw_dir: Path, limits: Limits | None = None, last: cache.LastBuild | None = None,
             advance: Callable[[], None] | None = None, workers: int | None = None
             ) -> Assembled:
    """The tables of a raw folder (see the module docstring); `last` is the last build, whose
    rows are reused where they can be."""
    limits = limits or Limits()
    entries = scan(Path(raw_dir))
    stats = {entry.name: cache.entry_stat(entry.path) for entry in entries}
    reused = _reused(entries, stats, last, limits)
    fresh = _rows([e for e in entries if e.name not in reused], limits,
                  workers or os.cpu_count() or 1)
    builder, first = TableBuilder(), {}
    positions: dict[str, int] = {}  # the last build's entry name → its rows' new position
    reusable: dict[str, cache.Reusable] = {}
    last_log = _last_log(last, reused)
    for position, entry in enumerate(entries):
        old = reused.get(entry.name)
        item = None if old else next(fresh)
        notice_id = last_log[old][4] if old else item.notice_id
        if notice_id in first:  # the same text as an earlier file: a duplicate
            item = item or FileRows(entry.name, "", "", notice_id,
                                    {"ingest_log": [(entry.name, *last_log[old][1:])]})
            item = item.rejected(f"duplicate of {first[notice_id]} (the same notice text)")
        elif notice_id:
            first[notice_id] = entry.name
        if item is None:
            positions[old] = position
            reusable[entry.name] = cache.Reusable(stats[entry.name], last.by_name[old].sha)
        else:
            builder.add(item, position)
            if item.reusable and item.sha and stats[entry.name]:
                reusable[entry.name] = cache.Reusable(stats[entry.name], item.sha)
        if advance:
            advance()
    parts = [builder.positioned()]
    if positions:
        parts.insert(0, with_positions(last.tables, positions))
    tables = splice(parts)
    if any(old != name for name, old in reused.items()):
        tables = renamed(tables, [entry.name for entry in entries])
    return Assembled(tables, reusable, len(positions))


def _last_log(last: cache.LastBuild | None, reused: dict[str, str]) -> dict[str, tuple]:
    """The last build's ingest_log rows of the reused entries, by name."""
    if last is None or not reused:
        return {}
    wanted = set(reused.values())
    log = last.tables["ingest_log"]
    columns = [log[name].to_pylist() for name in log.column_names]
    return {row[0]: row for row in zip(*columns, strict=True) if row[0] in wanted}


def build(raw_dir: Path, out_dir: Path, limits: Limits | None = None, use_cache: bool = True
          ) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables. The last
    build's rows are reused (zhenggai.dataset.cache) unless `use_cache` is false."""
    from zhenggai.dataset.describe import summary
    from zhenggai.dataset.tables import to_frames
    from zhenggai.dataset.write import write_tables

    raw_dir, out_dir, limits = Path(raw_dir), Path(out_dir), limits or Limits()
    folder = cache.default_folder(out_dir) if use_cache else None
    last = cache.load(folder, out_dir, limits) if folder else None
    result = assemble(raw_dir, limits, last)
    write_tables(result.tables, out_dir)
    if folder:
        cache.remember(folder, out_dir, cache.folder_signature(raw_dir, limits),
                       summary(result.tables), result.tables, result.reusable, limits)
    return to_frames(result.tables)
