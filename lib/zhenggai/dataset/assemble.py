"""A raw folder to the dataset's tables: the rows of every entry, in name order, put together.

The rows of an entry unchanged since the last build, or with the content of one of its
entries, are reused from it (zhenggai.dataset.cache); the others are read and parsed, over a
process pool when there are many. A notice whose text was already read from an earlier file
is rejected as its copy. The result does not depend on what was reused or pooled: the tables
equal a cold build's, byte for byte (tests/test_cache.py).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from zhenggai.dataset import cache
from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.ingest import MANIFEST, Limits, content_hash, entry_rows
from zhenggai.dataset.lock import BuildLock, die_with_parent
from zhenggai.dataset.provenance import apply_provenance
from zhenggai.dataset.rows import FileRows
from zhenggai.dataset.tables import TableBuilder, splice, with_positions, with_source_files
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


def pool_context():
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
    pool = started_pool(workers)
    try:
        yield from pool.map(_task, tasks, chunksize=chunk)
    except BaseException:  # Ctrl-C, or the consumer gone: stop now, not after every task
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)


def started_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A pool whose workers are all started, with Ctrl-C held back while they start: they
    inherit it blocked, ignore it (Ctrl-C is the build's to handle) and die with the build."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(),
                                   initializer=die_with_parent)
        pool.submit(int).result()  # starts every worker
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pool


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """End a pool now: the tasks not yet begun are dropped, the few under way finish (its
    workers ignore Ctrl-C; killing them would break the pool's own bookkeeping)."""
    pool.shutdown(wait=False, cancel_futures=True)


def _reused(entries: list[Entry], last: cache.LastBuild | None, limits: Limits
            ) -> dict[str, str]:
    """Entry name → the name, in the last build, of the entry whose outcome it takes: the
    same entry unchanged, else one with the same content (a renamed, touched or copied
    file). Only entries read from disk; one whose name had to be repaired is read again."""
    if last is None:
        return {}
    readable = [e for e in entries if not (e.skip_reason or e.name == MANIFEST or e.name_note)]
    reused = {e.name: e.name for e in readable if last.unchanged_entry(e.name, e.stat)}
    for entry in readable:
        if entry.name not in reused:
            try:
                sha = content_hash(read_bytes(entry.path, limits.max_file_bytes))
            except ReadError:
                continue
            if sha in last.by_hash:
                reused[entry.name] = last.by_hash[sha]
    return reused


class _LastLog:
    """The last build's ingest_log rows: by entry name, and each notice's (that of the entry
    that held it, not of its duplicates)."""

    def __init__(self, last: cache.LastBuild | None) -> None:
        self.by_name: dict[str, tuple] = {}
        self.by_notice: dict[str, tuple] = {}
        if last is not None:
            log = last.tables["ingest_log"]
            for row in zip(*(log[c].to_pylist() for c in log.column_names), strict=True):
                self.by_name[row[0]] = row
                if row[4]:
                    self.by_notice[row[4]] = row


def _logged(name: str, row: tuple) -> FileRows:
    """An entry whose ingest_log row is `row` (taken from another name, maybe)."""
    _, status, encoding, file_format, notice_id, message, evidence = row
    log = (name, status, encoding, file_format, notice_id, message, evidence)
    return FileRows(name, status, message, notice_id, {"ingest_log": [log]})


def assemble(raw_dir: Path, limits: Limits | None = None, last: cache.LastBuild | None = None,
             advance: Callable[[], None] | None = None, workers: int | None = None
             ) -> Assembled:
    """The tables of a raw folder (see the module docstring); `last` is the last build, whose
    rows are reused where they can be."""
    limits = limits or Limits()
    entries = scan(Path(raw_dir))
    reused = _reused(entries, last, limits)
    fresh = _rows([e for e in entries if e.name not in reused], limits,
                  workers or os.cpu_count() or 1)
    builder, first, last_log = TableBuilder(), {}, _LastLog(last)
    positions: dict[str, int] = {}  # a notice reused from the last build → its new position
    reusable: dict[str, cache.Reusable] = {}
    for position, entry in enumerate(entries):
        old = reused.get(entry.name)
        if old:  # the outcome of the last build's entry `old`, under this name
            record = last.by_name[old]
            notice_id, sha = record.notice_id, record.sha
            item = _logged(entry.name, last_log.by_notice[notice_id] if notice_id
                           else last_log.by_name[old])
        else:
            item = next(fresh)
            notice_id, sha = item.notice_id, item.sha
        if notice_id in first:  # the same text as an earlier file: a duplicate
            if old:
                item = _logged(entry.name, last_log.by_name[old])
            item = item.rejected(f"duplicate of {first[notice_id]} (the same notice text)")
        elif notice_id:
            first[notice_id] = entry.name
            if old:
                positions[notice_id] = position
        builder.add(item, position)
        if entry.stat and sha and item.reusable:
            reusable[entry.name] = cache.Reusable(entry.stat, sha, notice_id)
        if advance:
            advance()
    parts = [builder.positioned()]
    if positions:
        parts.insert(0, with_positions(last.tables, positions))
        tables = with_source_files(splice(parts))
    else:
        tables = splice(parts)
    hashes = {name: entry.sha for name, entry in reusable.items()}  # taken once, above
    return Assembled(apply_provenance(tables, raw_dir, hashes), reusable, len(reused))


def build(raw_dir: Path, out_dir: Path, limits: Limits | None = None, use_cache: bool = True
          ) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables. The last
    build's rows are reused (zhenggai.dataset.cache) unless `use_cache` is false."""
    from zhenggai.dataset.describe import summary
    from zhenggai.dataset.tables import to_frames
    from zhenggai.dataset.write import write_tables

    raw_dir, out_dir, limits = Path(raw_dir), Path(out_dir), limits or Limits()
    with BuildLock(out_dir):
        folder = cache.default_folder(out_dir) if use_cache else None
        if folder:
            cache.check(folder, out_dir)
        last = cache.load(folder, out_dir, limits) if folder else None
        result = assemble(raw_dir, limits, last)
        write_tables(result.tables, out_dir)
        if folder:
            cache.remember(folder, out_dir, cache.folder_signature(raw_dir, limits),
                           summary(result.tables), result.tables, result.reusable, limits)
    return to_frames(result.tables)
