"""What the last build into an output folder left behind, so the next one redoes only what
changed.

A finished build leaves, in the cache folder (`builds/`), a record and its tables in Arrow's
uncompressed IPC format (read back memory-mapped, at no cost):
- the record holds the folder's signature, for the nothing-changed check, and, per raw
  entry, its kind, size and modification time and whether its rows can be kept;
- the next build keeps the rows of every entry whose kind, size and time are unchanged, and
  reads the others (from the parse cache where it can).
Rows are kept only under the same rows version (parser and table code) and limits. A
duplicate, and a file that ran out of time, are read again, since their outcome depends on
other files or on the machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

import zhenggai
from zhenggai.dataset import cache, schema

BUILDS = cache.BUILDS
Stat = tuple[int, int, int]  # st_mode, st_size, st_mtime_ns


@lru_cache(maxsize=1)
def build_version() -> str:
    """A hash of the rows' version and of the dataset layer's code and resources (writers,
    dictionary, schema): what decides the outputs, given the same raw files."""
    digest = hashlib.sha256(cache.parser_version().encode())
    root = Path(zhenggai.__file__).parent
    for path in sorted([*(root / "dataset").rglob("*.py"), *(root / "resources").iterdir()]):
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def entry_stat(path: Path) -> Stat | None:
    """An entry's kind, size and modification time (of a link, the link's own), or None."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_mode, info.st_size, info.st_mtime_ns)


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
    return Path(folder) / BUILDS / key


def _read(folder: Path, out_dir: Path) -> dict:
    try:
        return json.loads((_home(folder, out_dir) / "record.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def unchanged(folder: Path, out_dir: Path, signature: str) -> str | None:
    """The summary of the last build into out_dir when nothing it depends on has changed
    and its outputs are still there; else None."""
    record = _read(folder, out_dir)
    outputs = [Path(out_dir) / name for name in record.get("files", [])]
    if record.get("signature") != signature or not outputs or \
            not all(p.exists() for p in outputs):
        return None
    return record.get("summary")


@dataclass
class Previous:
    """The last build's tables and, per raw entry name, its stat when its rows can be kept."""

    tables: dict[str, pa.Table]
    keepable: dict[str, Stat]

    def keeps(self, name: str, stat: Stat | None) -> bool:
        return stat is not None and self.keepable.get(name) == stat


def load(folder: Path, out_dir: Path, limits: object) -> Previous | None:
    """The last build into out_dir, when its rows can be reused by this one; else None."""
    record = _read(folder, out_dir)
    if record.get("rows_version") != cache.parser_version() or \
            record.get("limits") != repr(limits):
        return None
    tables = {}
    try:
        for name in schema.TABLES:
            source = pa.memory_map(str(_home(folder, out_dir) / f"{name}.arrow"))
            tables[name] = pa.ipc.open_file(source).read_all()
    except (OSError, pa.ArrowInvalid):
        return None
    keepable = {name: tuple(stat) for name, stat in record.get("keepable", {}).items()}
    return Previous(tables, keepable)


def remember(folder: Path, out_dir: Path, signature: str, summary: str,
             tables: dict[str, pa.Table], keepable: dict[str, Stat], limits: object) -> None:
    """Keep a finished build's record and tables for the next build (all or nothing: a
    new folder swapped in for the old)."""
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
                  "files": sorted(p.name for p in Path(out_dir).iterdir()),
                  "rows_version": cache.parser_version(), "limits": repr(limits),
                  "keepable": keepable}
        (staging / "record.json").write_text(json.dumps(record, ensure_ascii=False),
                                             encoding="utf-8")
        old = home.with_name(f"{home.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if home.exists():
            home.rename(old)
        staging.rename(home)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # the next build then reads everything
