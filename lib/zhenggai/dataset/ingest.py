"""From a folder of raw notices to the dataset: every entry read, parsed and accounted for.

Every entry of the raw folder gets a row in `ingest_log`: parsed (ok / warning), rejected with
the reason, or skipped (the manifest, subfolders, hidden files, links leading elsewhere,
FIFOs and devices). One bad file never stops the batch: each file is bounded in size and in
time, and identical notices are kept once. Outputs are deterministic: entries are read in
name order and nothing depends on the clock.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from zhenggai.dataset import cache
from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.tables import tables
from zhenggai.dataset.write import write_tables
from zhenggai.notice.model import NotANotice, Notice
from zhenggai.notice.parse import parse_notice
from zhenggai.read.document import MAX_FILE_BYTES, ReadError, read_bytes, read_document

MANIFEST = "sources.csv"
TIME_LIMIT_S = 30.0  # default bound on one file's reading and parsing
POOL_MIN_FILES = 48  # fewer files parse faster in one process than a pool starts


@dataclass(frozen=True)
class Limits:
    """Bounds on one file: its size and the time its reading and parsing may take."""

    max_file_bytes: int = MAX_FILE_BYTES
    time_limit_s: float = TIME_LIMIT_S


@dataclass
class ParsedFile:
    """One input entry: its ingest-log row and, when parsed, its notice."""

    source_file: str
    status: str  # ok / warning / rejected / skipped
    message: str
    encoding: str = ""
    file_format: str = ""
    notice: Notice | None = None
    evidence: str = ""  # what decided the status (see the ingest_log schema)


class _TimeUp(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TimeUp after `seconds` (where the platform and thread allow an alarm)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum, frame):
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _parse_document(path: Path, name: str, limits: Limits, data: bytes | None = None
                    ) -> ParsedFile:
    try:
        document = read_document(path, limits.max_file_bytes, data)
    except ReadError as exc:
        return ParsedFile(name, "rejected", str(exc), evidence=f"unreadable: {exc}")
    try:
        notice = parse_notice(document.text)
    except NotANotice as exc:
        return ParsedFile(name, "rejected", str(exc), document.encoding,
                          document.file_format, evidence=f"rejected: {exc}")
    notice.cleaning_notes += list(document.notes)
    notice.warnings += [f"reading: {n}" for n in document.notes if "replaced" in n]
    status = "warning" if notice.warnings else "ok"
    return ParsedFile(name, status, "; ".join(notice.warnings), document.encoding,
                      document.file_format, notice, notice.evidence)


def parse_file(path: Path, limits: Limits = Limits(), name: str | None = None,
               cache_folder: Path | None = None) -> ParsedFile:
    """Read and parse one file (or take its parse from the cache); never raises for bad
    input."""
    name = name or path.name
    try:
        with _time_limit(limits.time_limit_s):
            data = read_bytes(path, limits.max_file_bytes)
            key = hashlib.sha256(data).hexdigest()
            cached = cache.load(cache_folder, key)
            if cached is not None:
                return replace(cached, source_file=name)
            parsed = _parse_document(path, name, limits, data)
    except ReadError as exc:
        return ParsedFile(name, "rejected", str(exc), evidence=f"unreadable: {exc}")
    except _TimeUp:
        message = (f"took longer than {limits.time_limit_s:g} s to read and parse; skipped "
                   "(raise the bound with --time-limit)")
        return ParsedFile(name, "rejected", message, evidence=f"unreadable: {message}")
    except (RecursionError, MemoryError) as exc:
        message = f"too deeply nested or too large to read ({type(exc).__name__})"
        return ParsedFile(name, "rejected", message, evidence=f"unreadable: {message}")
    cache.store(cache_folder, key, parsed)
    return parsed


def _parse_entry(entry: Entry, limits: Limits, cache_folder: Path | None = None) -> ParsedFile:
    if entry.skip_reason:
        return ParsedFile(entry.name, "skipped", f"not read: {entry.skip_reason}",
                          evidence=f"skipped: {entry.skip_reason}")
    if entry.name == MANIFEST:
        return ParsedFile(entry.name, "skipped", "manifest of the raw files",
                          evidence=f"skipped: named {MANIFEST}")
    parsed = parse_file(entry.path, limits, entry.name, cache_folder)
    if entry.name_note and parsed.notice is not None:
        parsed.notice.cleaning_notes.append(entry.name_note)
    return parsed


def _parse_entry_task(task: tuple[Entry, Limits, Path | None]) -> ParsedFile:
    return _parse_entry(*task)


def _without_duplicates(parsed: Iterable[ParsedFile]) -> Iterator[ParsedFile]:
    """A notice whose text was already read from an earlier file is rejected as its copy."""
    first: dict[str, str] = {}
    for item in parsed:
        notice_id = item.notice.notice_id if item.notice else ""
        if notice_id in first:
            message = f"duplicate of {first[notice_id]} (the same notice text)"
            item = replace(item, status="rejected", message=message, notice=None,
                           evidence=f"rejected: {message}")
        elif notice_id:
            first[notice_id] = item.source_file
        yield item


def _parsed(tasks: list, workers: int) -> Iterator[ParsedFile]:
    """The parses of the tasks, in their order: in this process, or over a pool."""
    if len(tasks) < POOL_MIN_FILES or workers == 1:
        yield from map(_parse_entry_task, tasks)
        return
    chunk = max(1, min(64, len(tasks) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        yield from pool.map(_parse_entry_task, tasks, chunksize=chunk)


def iter_folder(raw_dir: Path, limits: Limits = Limits(),
                advance: Callable[[], None] | None = None, cache_folder: Path | None = None,
                workers: int | None = None) -> Iterator[ParsedFile]:
    """Parse every entry of a folder (not recursing), yielding each in name order as it is
    ready, so that the tables can take a notice's rows and let it go; `advance` is called
    after each (a progress bar). With more than POOL_MIN_FILES files the work is spread over
    a process pool (`workers`, default: every core). With `cache_folder`, parses are taken
    from and kept in the cache."""
    folder = cache.prepare(cache_folder) if cache_folder is not None else None
    tasks = [(entry, limits, folder) for entry in scan(Path(raw_dir))]
    for item in _without_duplicates(_parsed(tasks, workers or os.cpu_count() or 1)):
        if advance:
            advance()
        yield item


def parse_folder(raw_dir: Path, limits: Limits = Limits(),
                 advance: Callable[[], None] | None = None, cache_folder: Path | None = None,
                 workers: int | None = None) -> list[ParsedFile]:
    """Every entry of a folder parsed, in name order (see iter_folder)."""
    return list(iter_folder(raw_dir, limits, advance, cache_folder, workers))


def _context():
    """Forked workers start at once and share the loaded gazetteer (where fork exists)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def build(raw_dir: Path, out_dir: Path, limits: Limits = Limits(), use_cache: bool = True
          ) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables. Parses are
    cached beside out_dir unless `use_cache` is false."""
    folder = cache.default_folder(Path(out_dir)) if use_cache else None
    frames = tables(iter_folder(Path(raw_dir), limits, cache_folder=folder))
    write_tables(frames, Path(out_dir))
    return frames
