"""Where a build cuts the raw folder into batches, and when a batch is one the last build
already wrote.

Cuts depend on the entries' names only: a batch ends after an entry whose name's hash says
so, once it has a quarter of BATCH_FILES entries, and at four times BATCH_FILES at most
(about BATCH_FILES on average); the end of the folder after the last cut is cut finer. A
file added or removed changes the batch it falls in (now and then the next one too), not
the batches after it.

A batch's key is a hash of everything its rows depend on, entry by entry: the name, the
content hash, the notice, the earlier file it duplicates, and its row in the manifest (the
parser version and limits are the cache's own condition). A batch whose every entry is
reusable has a key; a batch with the key of one of the last build's has that batch's rows,
which the build then copies as bytes (zhenggai.dataset.table_files) instead of writing them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from zhenggai.dataset import tables


def _hit(name: str, every: int) -> bool:
    digest = hashlib.blake2b(name.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % every == 0


def _cut(names: list[str], start: int, end: int, least: int, every: int, most: int
         ) -> list[tuple[int, int]]:
    """Spans of names[start:end] cut by the rule; the last runs to `end` (it is open)."""
    spans = []
    for k in range(start, end):
        size = k + 1 - start
        if size == most or (size >= least and _hit(names[k], every)):
            spans.append((start, k + 1))
            start = k + 1
    return spans + ([(start, end)] if start < end else [])


def batch_spans(names: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each batch of entries with these names, in order; one empty batch
    for no entries (a dataset of no rows still has its files).

    The open end of the folder (after the last cut) is cut again, finer (about a tenth of
    BATCH_FILES), so that files added at the end, the usual case, change a small batch."""
    least, most = max(1, tables.BATCH_FILES // 4), 4 * tables.BATCH_FILES
    spans = _cut(names, 0, len(names), least, max(1, tables.BATCH_FILES - least), most)
    if not spans:
        return [(0, 0)]
    start, end = spans.pop()
    fine = max(1, tables.BATCH_FILES // 10)
    return spans + _cut(names, start, end, max(1, fine // 4), max(1, fine - fine // 4), most)


class BatchKey:
    """The key of a batch, entry by entry (see the module docstring)."""

    def __init__(self) -> None:
        self._digest = hashlib.sha256()
        self._keyed = True

    def add(self, name: str, sha: str, notice_id: str, duplicate_of: str, source: str) -> None:
        for part in (name, sha, notice_id, duplicate_of, source):
            self._digest.update(part.encode("utf-8", "surrogateescape") + b"\x00")

    def unkeyed(self) -> None:
        """An entry whose outcome may differ next time: the batch has no key."""
        self._keyed = False

    def value(self) -> str:
        return self._digest.hexdigest() if self._keyed else ""


@dataclass
class BatchRecord:
    """One batch as a build wrote it: its entries, its key ("" for none), where its rows
    are in each CSV file ([start, length] by table), and its census (Census.saved)."""

    n_entries: int
    key: str
    csv: dict[str, list[int]] = field(default_factory=dict)
    census: dict = field(default_factory=dict)

    def saved(self) -> list:
        return [self.n_entries, self.key, self.csv, self.census]
