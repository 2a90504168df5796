"""A raw folder to the dataset's tables: the rows of every entry, in name order, put together.

The rows of an entry unchanged since the last build are kept from it (zhenggai.dataset.
previous); the others are read and parsed, or taken from the parse cache, over a process pool
when there are many. A notice whose text was already read from an earlier file is rejected as
its copy. The result does not depend on what was kept, cached or pooled: the tables equal a
cold build's, byte for byte (tests/test_cache.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from zhenggai.dataset import cache, previous
from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.ingest import Limits, entry_rows
from zhenggai.dataset.rows import FileRows
from zhenggai.dataset.tables import TableBuilder, splice, with_positions

if TYPE_CHECKING:
    import pandas as pd

POOL_MIN_FILES = 48  # fewer files parse faster in one process than a pool starts


@dataclass
class Assembled:
    """The tables of a build, and per entry the stat under which its rows can be kept."""

    tables: dict[str, pa.Table]
    keepable: dict[str, previous.Stat] = field(default_factory=dict)
    n_kept: int = 0  # entries whose rows came from the last build


def _task(task: tuple[Entry, Limits, Path | None]) -> FileRows:
    return entry_rows(*task)


def _context():
    """Forked workers start at once and share the loaded gazetteer (where fork exists)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _rows(entries: list[Entry], limits: Limits, folder: Path | None, workers: int
          ) -> Iterator[FileRows]:
    """The rows of the entries, in their order: in this process, or over a pool."""
    tasks = [(entry, limits, folder) for entry in entries]
    if len(tasks) < POOL_MIN_FILES or workers == 1:
        yield from map(_task, tasks)
        return
    chunk = max(1, min(64, len(tasks) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        yield from pool.map(_task, tasks, chunksize=chunk)


class _KeptDuplicate(Exception):
    """A kept entry turned out to copy a new, earlier one: its rows cannot be kept."""


def assemble(raw_dir: Path, limits: Limits | None = None, cache_folder: Path | None = None,
             last: previous.Previous | None = None, advance: Callable[[], None] | None = None,
             workers: int | None = None) -> Assembled:
    """The tables of a raw folder (see the module docstring). `cache_folder` holds the parse
    cache; `last` is the previous build, whose unchanged entries' rows are kept."""
    limits = limits or Limits()
    folder = cache.prepare(cache_folder) if cache_folder is not None else None
    entries = scan(Path(raw_dir))
    stats = {entry.name: previous.entry_stat(entry.path) for entry in entries}
    try:
        return _assemble(entries, stats, limits, folder, last, advance,
                         workers or os.cpu_count() or 1)
    except _KeptDuplicate:
        return _assemble(entries, stats, limits, folder, None, advance,
                         workers or os.cpu_count() or 1)


def _keepable(item: FileRows) -> bool:
    return not item.message.startswith(("duplicate of", "took longer than"))


def _assemble(entries: list[Entry], stats: dict, limits: Limits, folder: Path | None,
              last: previous.Previous | None, advance: Callable[[], None] | None,
              workers: int) -> Assembled:
    kept = {e.name: k for k, e in enumerate(entries)
            if last is not None and not e.skip_reason and last.keeps(e.name, stats[e.name])}
    kept_ids = _kept_notice_ids(last, kept)
    fresh = _rows([e for e in entries if e.name not in kept], limits, folder, workers)
    builder, first, keepable = TableBuilder(), {}, {}
    for position, entry in enumerate(entries):
        if entry.name in kept:
            notice_id = kept_ids.get(entry.name, "")
            if notice_id in first:
                raise _KeptDuplicate
            item = None
        else:
            item = next(fresh)
            notice_id = item.notice_id
            if notice_id in first:
                item = item.rejected(f"duplicate of {first[notice_id]} (the same notice text)")
            builder.add(item, position)
        notice_id = notice_id if item is None else item.notice_id
        if notice_id:
            first.setdefault(notice_id, entry.name)
        if item is None or _keepable(item):
            keepable[entry.name] = stats[entry.name]
        if advance:
            advance()
    parts = [builder.positioned()]
    if kept:
        parts.insert(0, with_positions(last.tables, kept))
    return Assembled(splice(parts), {k: v for k, v in keepable.items() if v}, len(kept))


def _kept_notice_ids(last: previous.Previous | None, kept: dict[str, int]) -> dict[str, str]:
    if last is None or not kept:
        return {}
    log = last.tables["ingest_log"]
    return {name: nid for name, nid in zip(log["source_file"].to_pylist(),
                                           log["notice_id"].to_pylist(), strict=True)
            if name in kept}


def build(raw_dir: Path, out_dir: Path, limits: Limits | None = None, use_cache: bool = True
          ) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables. Parses are
    cached, and the last build's rows kept, beside out_dir unless `use_cache` is false."""
    from zhenggai.dataset.describe import summary
    from zhenggai.dataset.tables import to_frames
    from zhenggai.dataset.write import write_tables

    raw_dir, out_dir, limits = Path(raw_dir), Path(out_dir), limits or Limits()
    folder = cache.default_folder(out_dir) if use_cache else None
    last = previous.load(folder, out_dir, limits) if folder else None
    result = assemble(raw_dir, limits, folder, last)
    write_tables(result.tables, out_dir)
    if folder:
        previous.remember(folder, out_dir, previous.folder_signature(raw_dir, limits),
                          summary(result.tables), result.tables, result.keepable, limits)
    return to_frames(result.tables)
