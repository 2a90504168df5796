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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from zhenggai.dataset.entries import Entry, scan
from zhenggai.dataset.rows import FileRows, file_rows
from zhenggai.notice.model import NotANotice, Notice
from zhenggai.notice.parse import parse_notice
from zhenggai.read.document import MAX_FILE_BYTES, ReadError, read_bytes, read_document

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
    timed_out: bool = False  # rejected for time: another run, or machine, may finish it


def _unreadable(name: str, message: str, timed_out: bool = False) -> ParsedFile:
    return ParsedFile(name, "rejected", message, evidence=f"unreadable: {message}",
                      timed_out=timed_out)


def content_hash(data: bytes) -> str:
    """The SHA-256 of a file's bytes: what identifies its content (zhenggai.dataset.cache)."""
    return hashlib.sha256(data).hexdigest()


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
        return _unreadable(name, str(exc))
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
               data: bytes | None = None) -> ParsedFile:
    """Read (unless its bytes are given) and parse one file; never raises for bad input."""
    name = name or path.name
    try:
        with _time_limit(limits.time_limit_s):
            return _parse_document(path, name, limits, data)
    except _TimeUp:
        return _unreadable(name, f"took longer than {limits.time_limit_s:g} s to read and "
                           "parse; skipped (raise the bound with --time-limit)", timed_out=True)
    except (RecursionError, MemoryError) as exc:
        return _unreadable(name, "too deeply nested or too large to read "
                           f"({type(exc).__name__})")


def _skipped(entry: Entry) -> ParsedFile | None:
    if entry.skip_reason:
        return ParsedFile(entry.name, "skipped", f"not read: {entry.skip_reason}",
                          evidence=f"skipped: {entry.skip_reason}")
    if entry.name == MANIFEST:
        return ParsedFile(entry.name, "skipped", "manifest of the raw files",
                          evidence=f"skipped: named {MANIFEST}")
    return None


def _parse_entry(entry: Entry, limits: Limits, data: bytes | None = None) -> ParsedFile:
    parsed = _skipped(entry) or parse_file(entry.path, limits, entry.name, data)
    if entry.name_note and parsed.notice is not None:
        parsed.notice.cleaning_notes.append(entry.name_note)
    return parsed


def _read_settled(entry: Entry, limits: Limits) -> bytes:
    """An entry's bytes, read within the time limit; read once more if the file changed
    while it was read (a copy still being written), so that the bytes and the stat the
    cache records belong together."""
    for _ in range(2):
        with _time_limit(limits.time_limit_s):
            data = read_bytes(entry.path, limits.max_file_bytes)
        try:
            info = os.lstat(entry.path)
        except OSError:
            return data
        now = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
        if entry.stat is None or tuple(entry.stat) == now:
            return data
        entry = replace(entry, stat=now)
    return data


def entry_rows(entry: Entry, limits: Limits = Limits()) -> FileRows:
    """One entry's rows, with the hash of its bytes; never raises for bad input."""
    if (skipped := _skipped(entry)) is not None:
        return file_rows(skipped)
    try:
        data = _read_settled(entry, limits)
    except ReadError as exc:
        return file_rows(_unreadable(entry.name, str(exc)))
    except _TimeUp:
        return file_rows(_unreadable(
            entry.name, f"took longer than {limits.time_limit_s:g} s to read (a stalled disk "
            "or mount?); skipped (raise the bound with --time-limit)", timed_out=True))
    parsed = _parse_entry(entry, limits, data)
    return file_rows(parsed, content_hash(data), reusable=not parsed.timed_out)


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


def iter_folder(raw_dir: Path, limits: Limits = Limits()) -> Iterator[ParsedFile]:
    """Parse every entry of a folder (not recursing), in name order, in this process: each
    file with its notice, for inspecting parses (a build uses zhenggai.dataset.assemble)."""
    entries = scan(Path(raw_dir))
    yield from _without_duplicates(_parse_entry(entry, limits) for entry in entries)


def parse_folder(raw_dir: Path, limits: Limits = Limits()) -> list[ParsedFile]:
    """Every entry of a folder parsed, in name order (see iter_folder)."""
    return list(iter_folder(raw_dir, limits))
