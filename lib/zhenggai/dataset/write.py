"""Writing the dataset: every table as CSV and Parquet, a batch at a time
(zhenggai.dataset.table_files), then one xlsx workbook (for a corpus small enough),
datapackage.json and the data dictionary. Every file is deterministic: the same tables give
the same bytes.

Writing is atomic. Everything goes into a staging folder beside the target, and only a
complete dataset is swapped in, with one atomic exchange where the system has it (Linux
renameat2), else two renames that the next build can undo. A failure at any moment, a kill
included, leaves the previous dataset whole.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import queue
import shutil
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from zhenggai.dataset import schema
from zhenggai.dataset.batches import BatchRecord
from zhenggai.dataset.describe import Census
from zhenggai.dataset.table_files import TableFiles, read_tables
from zhenggai.dataset.xlsx import too_large, write_workbook

if TYPE_CHECKING:
    from zhenggai.dataset.cache import LastBuild

_RENAME_EXCHANGE = 2  # renameat2 flag: swap two paths atomically
_AT_FDCWD = -100


def _workbook(folder: Path, path: Path) -> list[str]:
    """The workbook of the tables written in `folder`; XlsxWriter's own errors (a full disk
    among them) raised as OSError."""
    import xlsxwriter.exceptions

    try:
        return write_workbook(read_tables(folder), path)
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        raise OSError(f"the workbook could not be written ({exc})") from exc


class Staged:
    """A dataset being written into a staging folder beside out_dir, batch by batch; only
    `commit` puts it in place, and leaving the `with` block without it removes it.

    Batches are written by a thread of their own (Arrow's writers and the kernel's copies
    release the GIL), so the next batch is assembled while the last is written; at most one
    batch of tables waits between them."""

    def __init__(self, out_dir: Path, last: LastBuild | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.last = last  # the last build, whose unchanged batches are copied
        self.batches: list[BatchRecord] = []
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)
        self.folder, _ = _staging_names(self.out_dir)
        self.folder.mkdir()
        self.census = Census()
        self.warnings: list[str] = []
        self._waiting: queue.Queue = queue.Queue()
        self._room = threading.Semaphore(2)  # batches of tables: one waiting, one written
        self._failure: BaseException | None = None
        self._writer: threading.Thread | None = None
        try:
            self._files = TableFiles(self.folder)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self._writer = threading.Thread(target=self._write_waiting, daemon=True)
        self._writer.start()

    def _write_waiting(self) -> None:
        while (job := self._waiting.get()) is not None:
            tables, batch, k = job
            if self._failure is None:
                try:
                    batch.csv = self._files.write(tables) if tables is not None else \
                        self._files.copy(self.last.files, k, self.last.batches[k].csv)
                except BaseException as exc:
                    self._failure = exc
            if tables is not None:
                self._room.release()

    def _stop_writer(self, complete: bool = True) -> None:
        if self._writer is not None:
            self._waiting.put(None)
            self._writer.join()
            self._writer = None
        if complete and self._failure is None:
            self._files.close()
        else:
            self._files.abandon()
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    def _queue(self, job: tuple) -> None:
        """A batch for the writer: tables wait for room (one batch of tables at a time),
        copies do not (they hold nothing)."""
        if job[0] is not None:
            self._room.acquire()
        if self._failure is not None:
            self._stop_writer(complete=False)
        self.batches.append(job[1])
        self._waiting.put(job)

    def add(self, tables: dict[str, pa.Table], batch: BatchRecord) -> None:
        """One batch of every table."""
        self._queue((tables, batch, -1))
        census = Census()
        census.add(tables)
        self._described(census, batch)

    def copy(self, k: int, batch: BatchRecord) -> None:
        """Batch k of the last build, unchanged: its bytes are copied, its census kept."""
        self._queue((None, batch, k))
        self._described(Census.from_saved(self.last.batches[k].census), batch)

    def _described(self, census: Census, batch: BatchRecord) -> None:
        self.census.merge(census)
        batch.census = census.saved()

    def finish(self) -> None:
        """The files written once every batch is in: workbook, datapackage.json, README.md."""
        self._stop_writer()
        no_workbook = too_large(self.census.cells)
        self.warnings = [no_workbook] if no_workbook else _workbook(
            self.folder, self.folder / "zhenggai.xlsx")
        (self.folder / "datapackage.json").write_text(
            json.dumps(self.census.datapackage(), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8")
        (self.folder / "README.md").write_text(
            schema.data_dictionary(self.census.description(no_workbook)), encoding="utf-8")

    def commit(self) -> None:
        """The finished dataset in place of the previous one."""
        _swap_in(self.folder, self.out_dir)

    def discard(self) -> None:
        try:
            self._stop_writer(complete=False)
        except BaseException:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.folder.exists():
            self.discard()


def _staging_names(out_dir: Path) -> tuple[Path, Path]:
    return (out_dir.parent / f".{out_dir.name}.building-{os.getpid()}",
            out_dir.parent / f".{out_dir.name}.previous")


def recover(out_dir: Path) -> None:
    """Undo what an interrupted build left: the previous dataset back in place, stale
    staging folders removed."""
    _, previous = _staging_names(out_dir)
    if previous.exists() and not out_dir.exists():
        previous.rename(out_dir)
    elif previous.exists():
        shutil.rmtree(previous, ignore_errors=True)
    for stale in out_dir.parent.glob(f".{out_dir.name}.building-*"):
        if not _alive(stale.name.rsplit("-", 1)[-1]):  # a live build's staging is its own
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: str) -> bool:
    """Whether the process of a staging folder still runs (this one's never counts)."""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step; False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not hasattr(os, "fsencode"):
        return False
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def _swap_in(staging: Path, out_dir: Path) -> None:
    _, previous = _staging_names(out_dir)
    if not out_dir.exists():
        staging.rename(out_dir)
    elif _exchange(staging, out_dir):
        shutil.rmtree(staging)
    else:
        out_dir.rename(previous)
        staging.rename(out_dir)
        shutil.rmtree(previous)


def write_tables(tables: dict[str, pa.Table], out_dir: Path) -> list[str]:
    """Write whole tables as one batch (a build streams its batches through Staged): CSV
    and Parquet, zhenggai.xlsx (unless too large), datapackage.json and the data dictionary
    README.md, atomically. Returns warnings."""
    with Staged(out_dir) as staged:
        staged.add(tables, BatchRecord(0, ""))
        staged.finish()
        staged.commit()
    return staged.warnings
