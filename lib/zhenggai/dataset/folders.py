"""Checks on the folders a build reads and writes, made before anything is written.

A build must never damage what it reads or what it replaces: the output folder may not be the
raw folder, hold it, or sit inside it; it must be writable; and a build that parsed no notice
may not replace a dataset that holds some unless asked to (--force).
"""

from __future__ import annotations

import csv
import os
from pathlib import Path


class FolderError(Exception):
    """A folder choice that would lose data or cannot work; the message says which."""


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_folders(raw: Path, out: Path) -> None:
    """Raise FolderError for a raw folder that is not one, or an unsafe output folder."""
    if not raw.exists():
        raise FolderError(f"raw folder '{raw}' does not exist")
    if not raw.is_dir():
        raise FolderError(f"'{raw}' is a file, not a folder: --raw takes the folder of notices")
    try:
        os.listdir(raw)
    except OSError as exc:
        raise FolderError(f"raw folder '{raw}' cannot be listed: {exc.strerror or exc}") from exc
    if out.is_symlink():
        raise FolderError(f"--out '{out}' is a symbolic link (to '{os.readlink(out)}'); "
                          "nothing was touched: give the folder it points to as --out")
    raw_real, out_real = raw.resolve(), out.resolve()
    if _inside(raw_real, out_real):
        raise FolderError(f"--out '{out}' is or contains the raw folder '{raw}': the build would "
                          "replace the notices; choose another output folder")
    if _inside(out_real, raw_real):
        raise FolderError(f"--out '{out}' lies inside the raw folder '{raw}': the outputs would "
                          "be read as notices next time; choose a folder outside it")
    if out.exists() and not out.is_dir():
        raise FolderError(f"--out '{out}' is a file, not a folder")
    parent = out_real.parent
    while not parent.exists():
        parent = parent.parent
    if not os.access(parent, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise FolderError(f"cannot write to '{out}': permission denied")


def notices_in(out: Path) -> int:
    """How many notices the dataset already in `out` holds (0 when there is none)."""
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(out / "notices.parquet").metadata.num_rows
    except Exception:
        pass
    try:
        with open(out / "notices.csv", encoding="utf-8", newline="") as f:
            return sum(1 for _ in csv.DictReader(f))
    except (OSError, csv.Error, UnicodeDecodeError):
        return 0
