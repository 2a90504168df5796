"""The entries of a raw folder, each classified before anything is opened.

Every entry gets an account: a regular file (or a link to one inside the folder) is read; a
subfolder, a hidden file, a link that leads outside the folder, dangles or loops, a FIFO, a
socket or a device is skipped with the reason, and never opened. File names that are not
UTF-8 (GBK names from zips unpacked on Chinese Windows) are decoded, else escaped visibly, and
control characters are removed from names, so every writer can take them.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import NamedTuple


class Entry(NamedTuple):
    """One directory entry: where it is on disk, its name for the tables, and what to do
    (a named tuple: a large folder has many, made fast)."""

    folder: Path
    raw_name: str  # its name on disk
    name: str  # UTF-8, control characters removed: the ingest log's source_file
    skip_reason: str = ""  # why it is not read; "" for a file to read
    name_note: str = ""  # how the name was repaired, if it was
    # kind, size, modification and change times (of a link, its own)
    stat: tuple[int, int, int, int] | None = None

    @property
    def path(self) -> Path:
        return self.folder / self.raw_name


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def display_name(raw_name: str) -> tuple[str, str]:
    """A name every writer can take, and a note when it had to be repaired."""
    if raw_name.isascii() and raw_name.isprintable():  # most names: nothing to repair
        return raw_name, ""
    data = os.fsencode(raw_name)
    note = ""
    try:
        name = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            name, note = data.decode("gb18030"), "file name decoded from GBK/GB18030"
        except UnicodeDecodeError:
            name = data.decode("utf-8", errors="backslashreplace")
            note = "file name is not UTF-8 or GBK; undecodable bytes shown as \\xNN"
    escaped, n = _CONTROL.subn(lambda m: f"\\x{ord(m.group()):02x}", name)
    if n:  # escaped, not removed: two names that differ by one never merge
        note = "; ".join(filter(None, [note, f"{n} control character(s) of the name shown "
                                              "as \\xNN"]))
    return escaped, note


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return ""
    for test, kind in ((stat.S_ISDIR, "a subfolder (notices are read from the folder itself)"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "" if stat.S_ISREG(mode) else "not a regular file"


def _link_reason(path: Path, folder: Path) -> str:
    """Why a symbolic link is not followed, or "" when it leads to a file inside the folder."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # dangling, or a loop
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", 0) == 40
        return "a symbolic link that loops" if loop else "a dangling symbolic link"
    if target.parent != folder:
        return "a symbolic link to a file outside the raw folder"
    kind = _kind(target.stat().st_mode)
    return f"a symbolic link to {kind}" if kind else ""


def _classify(folder: Path, raw_name: str) -> tuple[str, tuple[int, int, int, int] | None]:
    """Why the entry is not read ("" when it is), and its stat."""
    if raw_name.startswith("."):
        return "a hidden file", None
    try:
        info = os.lstat(os.path.join(folder, raw_name))
    except OSError as exc:
        return f"cannot be examined: {exc.strerror or exc}", None
    found = (info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    if stat.S_ISLNK(info.st_mode):
        return _link_reason(folder / raw_name, folder), found
    return _kind(info.st_mode), found


def scan(folder: Path) -> list[Entry]:
    """Every entry of the folder, in name order, classified (see the module docstring)."""
    folder = Path(folder).resolve()
    entries = []
    for raw_name in sorted(os.listdir(folder), key=os.fsencode):
        name, note = display_name(raw_name)
        reason, found = _classify(folder, raw_name)
        entries.append(Entry(folder, raw_name, name, reason, note, found))
    return entries
