"""A raw folder to the dataset's tables, streamed: the rows of every entry, in name order,
gathered into batches (zhenggai.dataset.batches), each handed to a sink (the output files)
and let go, so memory does not grow with the corpus.

A batch whose key the last build had is copied from its files (the sink's `copy`). In the
other batches, the rows of an entry unchanged since the last build, or with the content of
one of its entries, are read back from the last build's output (zhenggai.dataset.cache,
.reuse); the others are read and parsed, over a process pool when there are many, with a
bounded number of files in flight. A notice whose text was already read from an earlier
file is rejected as its copy. The batches do not depend on what was reused or pooled: the
files equal a cold build's, byte for byte (tests/test_cache.py).
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyarrow as pa

from zhenggai.dataset import cache
from zhenggai.dataset.batches import BatchKey, BatchRecord, batch_spans
from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.ingest import MANIFEST, Limits, content_hash, entry_rows
from zhenggai.dataset.lock import die_with_parent
from zhenggai.dataset.provenance import Provenance
from zhenggai.dataset.reuse import StaleOutput
from zhenggai.dataset.rows import FileRows
from zhenggai.dataset.tables import BatchBuilder, concatenated
from zhenggai.read.document import ReadError, read_bytes

POOL_MIN_FILES = 48  # fewer files parse faster in one process than a pool starts
CHUNKS_IN_FLIGHT = 4  # per worker: enough to keep it busy, few enough to bound memory

@dataclass
class Assembled:
    """What a build needs to remember: the entries whose rows a later build can reuse."""

    reusable: dict[str, cache.Reusable] = field(default_factory=dict)
    n_reused: int = 0  # entries whose rows came from the last build
    n_batches: int = 0
    n_copied: int = 0  # batches copied as they were from the last build's files


def _chunk(tasks: list[tuple[Entry, Limits]]) -> list[FileRows]:
    return [entry_rows(*task) for task in tasks]


def pool_context():
    """Forked workers start at once and share the loaded gazetteer (where fork exists)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _rows(entries: list[Entry], limits: Limits, workers: int) -> Iterator[FileRows]:
    """The rows of the entries, in their order: in this process, or over a pool that is
    given a few chunks at a time (so parsed files never pile up waiting to be written)."""
    if len(entries) < POOL_MIN_FILES or workers == 1:
        yield from (entry_rows(entry, limits) for entry in entries)
        return
    size = max(1, min(64, len(entries) // (workers * 8)))
    chunks = ([(e, limits) for e in entries[k:k + size]]
              for k in range(0, len(entries), size))
    pool = started_pool(workers)
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.submit(_chunk, chunk))
            if len(pending) >= workers * CHUNKS_IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
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
            ) -> dict[str, cache.Reusable]:
    """Entry name → the last build's entry whose outcome it takes: the same entry unchanged,
    else one with the same content (a renamed, touched or copied file). Only entries read
    from disk; one whose name had to be repaired is read again; a notice whose rows the last
    build did not keep is parsed again."""
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
    found = {name: last.by_name[old] for name, old in reused.items()}
    return {name: old for name, old in found.items()
            if not old.notice_id or old.notice_id in last.holder}


def _logged(name: str, row: tuple) -> FileRows:
    """An entry whose ingest_log row is `row` (taken from another name, maybe)."""
    _, status, encoding, file_format, notice_id, message, evidence = row
    log = (name, status, encoding, file_format, notice_id, message, evidence)
    return FileRows(name, status, message, notice_id, {"ingest_log": [log]})


def _taken(name: str, old: cache.Reusable, last: cache.LastBuild, first: dict[str, str]
           ) -> tuple[FileRows, list]:
    """An entry's outcome taken from the last build: its ingest_log row, and the slices of
    its notice's rows (none for a copy of an earlier file)."""
    if old.notice_id and old.notice_id not in first:
        position = last.holder[old.notice_id]
        return (_logged(name, last.rows.log_row(position)),
                last.rows.notice_rows(position, old.notice_id))
    return _logged(name, last.rows.log_row(old.position)), []


def _outcome(entry: Entry, old: cache.Reusable | None, last: cache.LastBuild | None,
             first: dict[str, str], fresh: Iterator[FileRows], limits: Limits
             ) -> tuple[FileRows, list, cache.Reusable | None]:
    """An entry's rows (and slices of the last build's), and the last build's entry they
    were taken from, if they were."""
    if old is None:
        return next(fresh), [], None
    try:
        return (*_taken(entry.name, old, last, first), old)
    except StaleOutput:  # the last build's files let us down: parse it after all
        return entry_rows(entry, limits), [], None


class Sink(Protocol):
    """Where batches go: written (their tables), or copied from the last build's files."""

    def add(self, tables: dict[str, pa.Table], batch: BatchRecord) -> None: ...

    def copy(self, k: int, batch: BatchRecord) -> None: ...


def _copied(batch: list[Entry], reused: dict[str, cache.Reusable], last: cache.LastBuild,
            first: dict[str, str], provenance: Provenance) -> tuple[int, dict, str] | None:
    """The last build's batch with the same rows as these entries (when each was reused,
    and the key of their batch was the last build's), the notices they hold, and the key."""
    key, claimed = BatchKey(), {}
    for entry in batch:
        if (old := reused.get(entry.name)) is None:
            return None
        duplicate_of = first.get(old.notice_id) or claimed.get(old.notice_id, "") \
            if old.notice_id else ""
        if old.notice_id and not duplicate_of:
            claimed[old.notice_id] = entry.name
        key.add(entry.name, old.sha, old.notice_id, duplicate_of,
                provenance.source_of(entry.name))
    k = last.batch_with_key.get(key.value())
    return None if k is None else (k, claimed, key.value())


def assemble(raw_dir: Path, sink: Sink, limits: Limits | None = None,
             last: cache.LastBuild | None = None, advance: Callable[[], None] | None = None,
             workers: int | None = None, entries: list[Entry] | None = None) -> Assembled:
    """Stream the tables of a raw folder to `sink`, a batch at a time (see the module
    docstring); `last` is the last build, whose rows are reused where they can be;
    `entries` the folder's, when it was already scanned."""
    limits = limits or Limits()
    entries = scan(Path(raw_dir)) if entries is None else entries
    provenance = Provenance(raw_dir, [e.name for e in entries])
    reused = _reused(entries, last, limits)
    fresh = _rows([e for e in entries if e.name not in reused], limits,
                  workers or os.cpu_count() or 1)
    result, first = Assembled(), {}
    for start, end in batch_spans([e.name for e in entries]):
        batch = entries[start:end]
        if last and (copied := _copied(batch, reused, last, first, provenance)):
            k, claimed, key = copied
            sink.copy(k, BatchRecord(len(batch), key))
            first.update(claimed)
            for position, entry in enumerate(batch, start):
                old = reused[entry.name]
                result.reusable[entry.name] = cache.Reusable(entry.stat, old.sha,
                                                             old.notice_id, position, old.holds)
            result.n_reused += len(batch)
            result.n_copied += 1
        else:
            tables_of_batch, key = _assembled_batch(batch, start, reused, last, first,
                                                    fresh, limits, provenance, result)
            sink.add(tables_of_batch, BatchRecord(len(batch), key))
        result.n_batches += 1
        for _ in batch if advance else ():
            advance()
    return result


def _assembled_batch(batch: list[Entry], start: int, reused: dict[str, cache.Reusable],
                     last: cache.LastBuild | None, first: dict[str, str],
                     fresh: Iterator[FileRows], limits: Limits, provenance: Provenance,
                     result: Assembled) -> tuple[dict[str, pa.Table], str]:
    """A batch's tables, entry by entry (reused rows, or fresh ones), and its key."""
    builder, hashes, key = BatchBuilder(), {}, BatchKey()
    for position, entry in enumerate(batch, start):
        item, slices, old = _outcome(entry, reused.get(entry.name), last, first, fresh,
                                     limits)
        result.n_reused += old is not None
        sha, notice_id = (old.sha, old.notice_id) if old else (item.sha, item.notice_id)
        duplicate_of = first.get(notice_id, "") if notice_id else ""
        if duplicate_of:  # the same text as an earlier file
            item, slices = item.rejected(f"duplicate of {duplicate_of} (the same notice "
                                         "text)"), []
        elif notice_id:
            first[notice_id] = entry.name
        builder.add(item)
        for name, table, row, length in slices:
            builder.add_slice(name, table, row, length)
        hashes[entry.name] = sha
        if entry.stat and sha and item.reusable:
            result.reusable[entry.name] = cache.Reusable(entry.stat, sha, notice_id, position,
                                                         bool(item.notice_id))
        if entry.stat and sha and item.reusable and not entry.name_note \
                and entry.name != MANIFEST:
            key.add(entry.name, sha, notice_id, duplicate_of, provenance.source_of(entry.name))
        else:
            key.unkeyed()
    return provenance.apply(builder.tables(), hashes), key.value()


def assembled_tables(raw_dir: Path, limits: Limits | None = None, workers: int | None = None
                     ) -> dict[str, pa.Table]:
    """The whole tables of a raw folder, held in memory (for a small folder: a build streams
    them to disk instead)."""
    batches: list[dict[str, pa.Table]] = []

    class Collected:
        def add(self, tables: dict[str, pa.Table], batch: BatchRecord) -> None:
            batches.append(tables)

        def copy(self, k: int, batch: BatchRecord) -> None:
            raise AssertionError("no last build to copy from")

    assemble(raw_dir, Collected(), limits, workers=workers)
    return concatenated(batches)
