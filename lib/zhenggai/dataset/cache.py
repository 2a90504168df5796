"""The parse cache: what the last build into an output folder left, so that the next one
parses only what is new.

The cache is not a second copy of the dataset. A finished build leaves, in the cache folder
beside its output (data/.zhenggai-cache/), only a record: every raw entry's kind, size and
times, the SHA-256 of its bytes, the notice it held, its position in the folder, and the
size and times of every output file, and each batch's key and where its rows are in the
CSV files (zhenggai.dataset.batches). A batch whose key is unchanged is copied from the
output's files as bytes; other rows are read back from its Parquet files, batch by batch
(zhenggai.dataset.reuse). The next build takes an entry's rows
from there when its kind, size and times are unchanged, or else when its content hash is
that of an entry of the last build (a renamed, touched or copied file); every other entry
is parsed. A notice's rows are found by the position of the entry that held it, so a copy
that becomes the first of its text (the earlier file removed) takes them too.

Rows are reused only under the same parser version (zhenggai.dataset.versions, derived from
the code), the same limits and batch size, and only while the output files are exactly as
the last build wrote them. A file that ran out of time is read again: another run may
finish it. Builds that reuse rows write the same bytes as a cold build: tests/test_cache.py
checks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from zhenggai.dataset import tables
from zhenggai.dataset.batches import BatchRecord
from zhenggai.dataset.describe import Census
from zhenggai.dataset.entries import Entry
from zhenggai.dataset.reuse import LastRows, StaleOutput
from zhenggai.dataset.table_files import OldFiles
from zhenggai.dataset.versions import build_version, parser_version

CACHE_FOLDER = ".zhenggai-cache"
# st_mode, st_size, st_mtime_ns, st_ctime_ns: the change time no tool can set back (cp -p,
# tar -x and unzip -o restore the modification time of a file they rewrite, not this)
Stat = tuple[int, int, int, int]
RECORD_KEYS = {"signature": str, "summary": str, "files": dict, "parser_version": str,
               "limits": str, "reusable": dict, "batch_files": int, "batches": list}


def default_folder(out_dir: Path) -> Path:
    """The cache beside the output folder: data/processed → data/.zhenggai-cache."""
    return Path(out_dir).resolve().parent / CACHE_FOLDER


def entry_stat(path: Path | str | bytes) -> Stat | None:
    """An entry's kind, size, modification and change times (of a link, the link's own), or
    None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def folder_signature(entries: list[Entry], limits: object) -> str:
    """What a build of a folder depends on: every entry's name, kind, size and modification
    time (zhenggai.dataset.entries.scan), the limits, and the library's version. Equal
    signatures give equal outputs."""
    digest = hashlib.sha256(f"{build_version()}|{limits!r}".encode())
    for entry in entries:
        digest.update(os.fsencode(entry.raw_name) + b"|" + str(entry.stat).encode())
    return digest.hexdigest()


def _home(folder: Path, out_dir: Path) -> Path:
    key = hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()[:16]
    return Path(folder) / key


def _well_formed(record: object) -> bool:
    return isinstance(record, dict) and all(isinstance(record.get(k), kind)
                                            for k, kind in RECORD_KEYS.items())


def record(folder: Path, out_dir: Path) -> tuple[dict, str]:
    """The record of the last build into out_dir ({} when there is none), and a one-line
    note when the cache was damaged (it is then discarded, and every file is parsed again)."""
    home = _home(folder, out_dir)
    path = home / "record.json"
    if not path.exists():
        if home.exists():  # tables without a record: half a cache
            shutil.rmtree(home, ignore_errors=True)
        return {}, ""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        problem = "" if _well_formed(found) else "its record is not of the expected shape"
    except (OSError, ValueError) as exc:
        problem = f"its record cannot be read ({type(exc).__name__})"
    if not problem:
        return found, ""
    shutil.rmtree(home, ignore_errors=True)
    return {}, f"the parse cache ({home}) was damaged: {problem}; it is discarded and " \
               "every file is parsed again"


def output_stats(out_dir: Path) -> dict[str, list[int]]:
    """Each output file's size, modification and change times: a file edited or replaced by
    hand no longer matches."""
    found = {}
    for path in sorted(Path(out_dir).iterdir()):
        info = path.stat()
        found[path.name] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns]
    return found


def unchanged(record: dict, out_dir: Path, signature: str) -> str | None:
    """The summary of the last build into out_dir (its `record`) when nothing it depends on
    has changed and its outputs are exactly as it wrote them; else None."""
    if record.get("signature") != signature or not record.get("files"):
        return None
    try:
        if output_stats(out_dir) != record["files"]:
            return None  # an output was edited, removed or added by hand
    except OSError:
        return None
    return record.get("summary")


class Reusable(NamedTuple):
    """A raw entry whose outcome can be reused: its stat and content hash when last built,
    the notice it holds (its duplicates included), its position in the last build, and
    whether it held the notice's rows (the first file of that text) or was a copy."""

    stat: Stat
    sha: str
    notice_id: str = ""
    position: int = -1
    holds: bool = False


@dataclass
class LastBuild:
    """The last build's reusable entries by name and by content hash, where each notice's
    rows are, and the rows themselves (read back from its output)."""

    by_name: dict[str, Reusable]
    holder: dict[str, int]  # notice_id → position of the entry that held its rows
    rows: LastRows
    batches: list[BatchRecord]  # as written, in order: row group k is batch k
    files: OldFiles  # its CSV and Parquet files, open for copying
    batch_with_key: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.batch_with_key = {b.key: k for k, b in enumerate(self.batches) if b.key}

    @cached_property
    def by_hash(self) -> dict[str, str]:
        """Content hash → the first entry name in the last build with that content."""
        found: dict[str, str] = {}
        for name, entry in self.by_name.items():  # in name order: the first is kept
            found.setdefault(entry.sha, name)
        return found

    def unchanged_entry(self, name: str, stat: Stat | None) -> bool:
        entry = self.by_name.get(name)
        return stat is not None and entry is not None and entry.stat == stat

    def close(self) -> None:
        self.files.close()


def _batches(saved: list) -> list[BatchRecord]:
    batches = [BatchRecord(n, key, csv, census) for n, key, csv, census in saved]
    if not batches or not all(isinstance(b.n_entries, int) and isinstance(b.csv, dict)
                              and isinstance(b.census, dict) for b in batches):
        raise ValueError("no batches recorded")
    for batch in batches:
        Census.from_saved(batch.census)  # KeyError, TypeError: not a census
    return batches


def load(record: dict, out_dir: Path, limits: object) -> LastBuild | None:
    """The last build into out_dir (its `record`), when its rows can be reused by this one;
    else None."""
    if record.get("parser_version") != parser_version() or \
            record.get("limits") != repr(limits) or record.get("batch_files") != tables.BATCH_FILES:
        return None
    try:
        if output_stats(out_dir) != record["files"]:
            return None  # an output was edited, removed or added by hand
        batches = _batches(record["batches"])
        rows = LastRows(out_dir, [0, *accumulate(b.n_entries for b in batches)][:-1])
        columns = [record["reusable"][column] for column in ("name", *Reusable._fields)]
        by_name = {name: Reusable(tuple(stat), sha, notice_id, position, holds)
                   for name, stat, sha, notice_id, position, holds
                   in zip(*columns, strict=True)}
        files = OldFiles(out_dir)
    except (OSError, StaleOutput, TypeError, ValueError, AttributeError, KeyError):
        return None  # outputs gone or changed, or a record this code did not write
    if any(len(old.groups) != len(batches) for old in files.parquet.values()):
        files.close()
        return None
    holder = {entry.notice_id: entry.position for entry in by_name.values() if entry.holds}
    return LastBuild(by_name, holder, rows, batches, files)


def _columns(reusable: dict[str, Reusable]) -> dict[str, list]:
    """The reusable entries as a list per field: quicker to write and read than a list per
    entry."""
    entries = list(reusable.values())
    return {"name": list(reusable),
            **{column: [getattr(entry, column) for entry in entries]
               for column in Reusable._fields}}


def remember(folder: Path, out_dir: Path, signature: str, summary: str,
             reusable: dict[str, Reusable], batches: list[BatchRecord], limits: object
             ) -> None:
    """Keep a finished build's record for the next build (written whole, then renamed
    into place)."""
    home = _home(folder, out_dir)
    staging = home.with_name(f"{home.name}.{os.getpid()}.tmp")
    try:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        record = {"signature": signature, "summary": summary,
                  "files": output_stats(out_dir),
                  "parser_version": parser_version(), "limits": repr(limits),
                  "batch_files": tables.BATCH_FILES,
                  "batches": [batch.saved() for batch in batches],
                  "reusable": _columns(reusable)}
        (staging / "record.json").write_text(json.dumps(record, ensure_ascii=False),
                                             encoding="utf-8")
        old = home.with_name(f"{home.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if home.exists():
            home.rename(old)
        staging.rename(home)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # the next build then parses everything
