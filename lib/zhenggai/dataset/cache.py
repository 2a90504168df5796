"""The parse cache: what the last build into an output folder left, so that the next one
parses only what is new.

A finished build leaves, in the cache folder beside its output (data/.zhenggai-cache/), its
tables in Arrow's uncompressed IPC format (read back memory-mapped, at almost no cost) and a
record of every raw entry: its kind, size and modification time, the SHA-256 of its bytes,
and whether its rows can be reused. The next build takes an entry's rows from these tables
when its kind, size and time are unchanged, or else when its content hash is that of an
entry of the last build (a renamed, touched or copied file); every other entry is parsed. A
notice's rows are found by its notice_id, so a copy that becomes the first of its text (the
earlier file removed) takes them too.

Rows are reused only under the same parser version (zhenggai.dataset.versions, derived from
the code) and the same limits. A file that ran out of time is read again: another run may
finish it. Tables built from the cache are
byte-identical to a cold build's: tests/test_cache.py checks it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from zhenggai.dataset import schema
from zhenggai.dataset.tables import arrow_schema
from zhenggai.dataset.versions import build_version, parser_version

CACHE_FOLDER = ".zhenggai-cache"
# st_mode, st_size, st_mtime_ns, st_ctime_ns: the change time no tool can set back (cp -p,
# tar -x and unzip -o restore the modification time of a file they rewrite, not this)
Stat = tuple[int, int, int, int]
RECORD_KEYS = {"signature": str, "summary": str, "files": dict, "parser_version": str,
               "limits": str, "reusable": dict}


def default_folder(out_dir: Path) -> Path:
    """The cache beside the output folder: data/processed → data/.zhenggai-cache."""
    return Path(out_dir).resolve().parent / CACHE_FOLDER


def entry_stat(path: Path) -> Stat | None:
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
    for name in sorted(os.listdir(raw_dir), key=os.fsencode):
        stat = entry_stat(Path(raw_dir) / name)
        digest.update(os.fsencode(name) + b"|" + str(stat).encode())
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
    if not problem and not all((home / f"{name}.arrow").is_file() for name in schema.TABLES):
        problem = "some of its tables are missing"
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
    and the notice it holds (its duplicates included), if any."""

    stat: Stat
    sha: str
    notice_id: str = ""


@dataclass
class LastBuild:
    """The last build's tables, and its reusable entries by name and by content hash."""

    tables: dict[str, pa.Table]
    by_name: dict[str, Reusable]
    by_hash: dict[str, str]  # content hash → entry name in the last build

    def unchanged_entry(self, name: str, stat: Stat | None) -> bool:
        entry = self.by_name.get(name)
        return stat is not None and entry is not None and entry.stat == stat


def load(folder: Path, out_dir: Path, limits: object) -> LastBuild | None:
    """The last build into out_dir, when its rows can be reused by this one; else None."""
    record = _record(folder, out_dir)
    if record.get("parser_version") != parser_version() or \
            record.get("limits") != repr(limits):
        return None
    tables = {}
    try:
        for name in schema.TABLES:
            source = pa.memory_map(str(_home(folder, out_dir) / f"{name}.arrow"))
            tables[name] = pa.ipc.open_file(source).read_all()
    except (OSError, pa.ArrowInvalid, pa.ArrowException):
        return None
    if any(tables[name].schema != arrow_schema(name) for name in schema.TABLES):
        return None  # tables of another shape: build from scratch
    try:
        by_name = {name: Reusable(tuple(stat), sha, notice_id)
                   for name, (stat, sha, notice_id) in record.get("reusable", {}).items()}
    except (TypeError, ValueError, AttributeError):  # a record this code did not write
        return None
    by_hash = {entry.sha: name for name, entry in sorted(by_name.items(), reverse=True)}
    return LastBuild(tables, by_name, by_hash)


def remember(folder: Path, out_dir: Path, signature: str, summary: str,
             tables: dict[str, pa.Table], reusable: dict[str, Reusable],
             limits: object) -> None:
    """Keep a finished build's record and tables for the next build (all or nothing: a new
    folder swapped in for the old)."""
    home = _home(folder, out_dir)
    staging = home.with_name(f"{home.name}.{os.getpid()}.tmp")
    try:
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for name, table in tables.items():
            with pa.OSFile(str(staging / f"{name}.arrow"), "wb") as sink, \
                    pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table)
        record = {"signature": signature, "summary": summary,
                  "files": output_stats(out_dir),
                  "parser_version": parser_version(), "limits": repr(limits),
                  "reusable": {name: (entry.stat, entry.sha, entry.notice_id)
                               for name, entry in reusable.items()}}
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
