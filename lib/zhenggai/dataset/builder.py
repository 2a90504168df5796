"""Building the dataset: a raw folder streamed into an output folder, batch by batch
(zhenggai.dataset.assemble into write.Staged), reusing the last build's rows (cache), and
swapped in only when complete. `zhenggai build` and `zhenggai.build()` both run this."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from zhenggai.dataset import cache
from zhenggai.dataset.assemble import assemble
from zhenggai.dataset.describe import Census
from zhenggai.dataset.entries import scan
from zhenggai.dataset.folders import notices_in
from zhenggai.dataset.ingest import Limits
from zhenggai.dataset.lock import BuildLock
from zhenggai.dataset.write import Staged, recover

if TYPE_CHECKING:
    import pandas as pd


class NothingParsed(Exception):
    """No notice was parsed, and the output folder holds a dataset that has some."""

    def __init__(self, held: int) -> None:
        super().__init__(held)
        self.held = held


@dataclass
class Built:
    """What a build did: its summary line and, unless nothing had changed, its census."""

    summary: str
    census: Census | None = None  # None: nothing had changed, nothing was written
    warnings: list[str] = field(default_factory=list)
    n_reused: int = 0
    batches_copied: tuple[int, int] = (0, 0)  # batches copied as they were, of all batches
    cache_note: str = ""  # why the cache was discarded, if it was


def build_locked(raw_dir: Path, out_dir: Path, limits: Limits, use_cache: bool = True,
                 advance: Callable[[], None] | None = None, workers: int | None = None,
                 keep_held: bool = False, shortcut: bool = True) -> Built:
    """Build, the caller holding the output folder's lock. With `keep_held`, a build that
    parsed no notice does not replace a dataset that has some (NothingParsed); with
    `shortcut`, nothing is done when nothing it depends on changed."""
    raw_dir, out_dir = Path(raw_dir), Path(out_dir)
    recover(out_dir)  # what an interrupted build left, even when nothing is to be built
    folder = cache.default_folder(out_dir) if use_cache else None
    last_record, note = cache.record(folder, out_dir) if folder else ({}, "")
    entries = scan(raw_dir)
    signature = cache.folder_signature(entries, limits) if folder else ""
    if shortcut and folder and (summary := cache.unchanged(last_record, out_dir, signature)):
        return Built(summary, cache_note=note)
    last = cache.load(last_record, out_dir, limits) if folder else None
    _quick_memory()
    try:
        with Staged(out_dir, last) as staged:
            result = assemble(raw_dir, staged, limits, last, advance, workers, entries)
            if keep_held and staged.census.rows["notices"] == 0 and \
                    (held := notices_in(out_dir)):
                raise NothingParsed(held)
            staged.finish()
            staged.commit()
    finally:
        if last:
            last.close()
    summary = staged.census.summary()
    if folder:
        cache.remember(folder, out_dir, signature, summary, result.reusable, staged.batches,
                       limits)
    return Built(summary, staged.census, staged.warnings, result.n_reused,
                 (result.n_copied, result.n_batches), note)


def _quick_memory() -> None:
    """Arrow's jemalloc pool where the platform has it: reading back and writing batches of
    fresh buffers, it is two to three times faster than mimalloc here."""
    import pyarrow as pa

    try:
        pa.set_memory_pool(pa.jemalloc_memory_pool())
    except (NotImplementedError, pa.ArrowException):
        pass


def build(raw_dir: Path, out_dir: Path, limits: Limits | None = None, use_cache: bool = True,
          workers: int | None = None) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables (read back
    whole: for a large corpus, use the files). The last build's rows are reused
    (zhenggai.dataset.cache) unless `use_cache` is false."""
    from zhenggai.dataset.table_files import read_tables
    from zhenggai.dataset.tables import to_frames

    with BuildLock(Path(out_dir)):
        build_locked(raw_dir, out_dir, limits or Limits(), use_cache, workers=workers)
    return to_frames(read_tables(Path(out_dir)))
