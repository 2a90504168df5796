"""The parse cache: what the last build into an output folder left, so that the next one
parses only what is new.

The cache is not a second copy of the dataset. A finished build leaves, in the cache folder
beside its output (data/.zhenggai-cache/), only a record: every raw entry's kind, size and
times, the SHA-256 of its bytes, the notice it held, its position in the folder, and the
size and times of every output file. The rows themselves are read back from the output's
Parquet files, batch by batch (zhenggai.dataset.reuse). The next build takes an entry's rows
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
from dataclasses import dataclass
from pathlib import Path

from zhenggai.dataset import tables
from zhenggai.dataset.reuse import LastRows, StaleOutput
from zhenggai.dataset.versions import build_version, parser_version

CACHE_FOLDER = ".zhenggai-cache"
# st_mode, st_size, st_mtime_ns, st_ctime_ns: the change time no tool can set back (cp -p,
# tar -x and unzip -o restore the modification time of a file they rewrite, not this)
Stat = tuple[int, int, int, int]
RECORD_KEYS = {"signature": str, "summary": str, "files": dict, "parser_version": str,
               "limits": str, "reusable": dict, "batch_files": int, "n_entries": int}


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


def folder_signature(raw_dir: Path, limits: object) -> str:
    """What a build of this folder depends on: every entry's name, kind, size and modification
    time, the limits, and the library's version. Equal signatures give equal outputs."""
    digest = hashlib.sha256(f"{build_version()}|{limits!r}".encode())
    folder = os.fsencode(raw_dir)
    for name in sorted(os.listdir(folder)):  # bytes: name order, and no Path per entry
        stat = entry_stat(os.path.join(folder, name))
        digest.update(name + b"|" + str(stat).encode())
    return digest.hexdigest()


def _home(folder: Path, out_dir: Path) -> Path:
    key = hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()[:16]
    return Path(folder) / key


def _record(folder: Path, out_dir: Path) -> dict:
    try:
        record = json.loads((_home(folder, out_dir) / "record.json").read_text(
            encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return record if _well_formed(record) else {}


def _well_formed(record: object) -> bool:
    return isinstance(record, dict) and all(isinstance(record.get(k), kind)
                                            for k, kind in RECORD_KEYS.items())


def check(folder: Path, out_dir: Path) -> str:
    """A one-line note when the cache of out_dir is damaged (it is then discarded, and
    every file is parsed again); "" when it is sound or absent."""
    home = _home(folder, out_dir)
    path = home / "record.json"
    if not path.exists():
        if home.exists():  # tables without a record: half a cache
            shutil.rmtree(home, ignore_errors=True)
        return ""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        problem = "" if _well_formed(record) else "its record is not of the expected shape"
    except (OSError, ValueError) as exc:
        problem = f"its record cannot be read ({type(exc).__name__})"
    if not problem:
        return ""
    shutil.rmtree(home, ignore_errors=True)
    return f"the parse cache ({home}) was damaged: {problem}; it is discarded and every " \
           "file is parsed again"


def output_stats(out_dir: Path) -> dict[str, list[int]]:
    """Each output file's size, modification and change times: a file edited or replaced by
    hand no longer matches."""
    found = {}
    for path in sorted(Path(out_dir).iterdir()):
        info = path.stat()
        found[path.name] = [info.st_size, info.st_mtime_ns, info.st_ctime_ns]
    return found


def unchanged(folder: Path, out_dir: Path, signature: str) -> str | None:
    """The summary of the last build into out_dir when nothing it depends on has changed
    and its outputs are exactly as it wrote them; else None."""
    record = _record(folder, out_dir)
    if record.get("signature") != signature or not record.get("files"):
        return None
    try:
        if output_stats(out_dir) != record["files"]:
            return None  # an output was edited, removed or added by hand
    except OSError:
        return None
    return record.get("summary")


@dataclass
class Reusable:
    """A raw entry whose outcome can be reused: its stat and content hash when last built,
    the notice it holds (its duplicates included), its position in the last build, and
    whether it held the notice's rows (the first file of that text) or was a copy."""

    stat: Stat
    sha: str
    notice_id: str = ""
    position: int = -1
    holds: bool = False

    def saved(self) -> list:
        return [list(self.stat), self.sha, self.notice_id, self.position, self.holds]


@dataclass
class LastBuild:
    """The last build's reusable entries by name and by content hash, where each notice's
    rows are, and the rows themselves (read back from its output)."""

    by_name: dict[str, Reusable]
    by_hash: dict[str, str]  # content hash → entry name in the last build
    holder: dict[str, int]  # notice_id → position of the entry that held its rows
    rows: LastRows

    def unchanged_entry(self, name: str, stat: Stat | None) -> bool:
        entry = self.by_name.get(name)
        return stat is not None and entry is not None and entry.stat == stat


def _n_batches(n_entries: int) -> int:
    return max(1, -(-n_entries // tables.BATCH_FILES))


def load(folder: Path, out_dir: Path, limits: object) -> LastBuild | None:
    """The last build into out_dir, when its rows can be reused by this one; else None."""
    record = _record(folder, out_dir)
    if record.get("parser_version") != parser_version() or \
            record.get("limits") != repr(limits) or record.get("batch_files") != tables.BATCH_FILES:
        return None
    try:
        if output_stats(out_dir) != record["files"]:
            return None  # an output was edited, removed or added by hand
        rows = LastRows(out_dir, tables.BATCH_FILES, _n_batches(record["n_entries"]))
        by_name = {name: Reusable(tuple(stat), sha, notice_id, position, holds)
                   for name, (stat, sha, notice_id, position, holds)
                   in record["reusable"].items()}
    except (OSError, StaleOutput, TypeError, ValueError, AttributeError):
        return None  # outputs gone or changed, or a record this code did not write
    by_hash = {entry.sha: name for name, entry in sorted(by_name.items(), reverse=True)}
    holder = {entry.notice_id: entry.position for entry in by_name.values() if entry.holds}
    return LastBuild(by_name, by_hash, holder, rows)


def remember(folder: Path, out_dir: Path, signature: str, summary: str,
             reusable: dict[str, Reusable], n_entries: int, limits: object) -> None:
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
                  "batch_files": tables.BATCH_FILES, "n_entries": n_entries,
                  "reusable": {name: entry.saved() for name, entry in reusable.items()}}
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
