"""From a folder of raw notices to the dataset: every entry read, parsed and accounted for.

Every entry of the raw folder gets a row in `ingest_log`: parsed (ok / warning), rejected with
the reason, or skipped (the manifest, subfolders, hidden files, links leading elsewhere,
FIFOs and devices). One bad file never stops the batch: each file is bounded in size and in
time, and identical notices are kept once. Outputs are deterministic: entries are read in
name order and nothing depends on the clock.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.tables import tables
from zhenggai.dataset.write import write_tables
from zhenggai.notice.model import NotANotice, Notice
from zhenggai.notice.parse import parse_notice
from zhenggai.read.document import MAX_FILE_BYTES, ReadError, read_document

MANIFEST = "sources.csv"
TIME_LIMIT_S = 30.0  # default bound on one file's reading and parsing


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


def _parse_document(path: Path, name: str, limits: Limits) -> ParsedFile:
    try:
        document = read_document(path, limits.max_file_bytes)
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


def parse_file(path: Path, limits: Limits = Limits(), name: str | None = None) -> ParsedFile:
    """Read and parse one file; never raises for bad input."""
    name = name or path.name
    try:
        with _time_limit(limits.time_limit_s):
            return _parse_document(path, name, limits)
    except _TimeUp:
        message = (f"took longer than {limits.time_limit_s:g} s to read and parse; skipped "
                   "(raise the bound with --time-limit)")
        return ParsedFile(name, "rejected", message, evidence=f"unreadable: {message}")
    except (RecursionError, MemoryError) as exc:
        message = f"too deeply nested or too large to read ({type(exc).__name__})"
        return ParsedFile(name, "rejected", message, evidence=f"unreadable: {message}")


def _parse_entry(entry: Entry, limits: Limits) -> ParsedFile:
    if entry.skip_reason:
        return ParsedFile(entry.name, "skipped", f"not read: {entry.skip_reason}",
                          evidence=f"skipped: {entry.skip_reason}")
    if entry.name == MANIFEST:
        return ParsedFile(entry.name, "skipped", "manifest of the raw files",
                          evidence=f"skipped: named {MANIFEST}")
    parsed = parse_file(entry.path, limits, entry.name)
    if entry.name_note and parsed.notice is not None:
        parsed.notice.cleaning_notes.append(entry.name_note)
    return parsed


def _without_duplicates(parsed: list[ParsedFile]) -> list[ParsedFile]:
    """A notice whose text was already read from an earlier file is rejected as its copy."""
    first: dict[str, str] = {}
    kept = []
    for item in parsed:
        notice_id = item.notice.notice_id if item.notice else ""
        if notice_id in first:
            message = f"duplicate of {first[notice_id]} (the same notice text)"
            item = replace(item, status="rejected", message=message, notice=None,
                           evidence=f"rejected: {message}")
        elif notice_id:
            first[notice_id] = item.source_file
        kept.append(item)
    return kept


def parse_folder(raw_dir: Path, limits: Limits = Limits(),
                 advance: Callable[[], None] | None = None) -> list[ParsedFile]:
    """Parse every entry of a folder (not recursing), in name order; `advance` is called
    after each (a progress bar)."""
    parsed = []
    for entry in scan(Path(raw_dir)):
        parsed.append(_parse_entry(entry, limits))
        if advance:
            advance()
    return _without_duplicates(parsed)


def build(raw_dir: Path, out_dir: Path, limits: Limits = Limits()) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables."""
    frames = tables(parse_folder(Path(raw_dir), limits))
    write_tables(frames, Path(out_dir))
    return frames
