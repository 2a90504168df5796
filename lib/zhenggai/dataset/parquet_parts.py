"""A Parquet file put together one row group at a time, from row groups that Arrow wrote
alone or that an earlier file of this kind holds, their bytes copied as they are.

Arrow cannot add an existing row group to a file without decoding and encoding it again,
which for an unchanged batch is most of a rebuild's time. So each batch is written by Arrow
as a one-row-group file in memory; its row group's bytes go into the output file, and its
metadata, with every byte offset shifted to where the bytes now are, into the output's
footer (zhenggai.dataset.compact_thrift). A later build copies an unchanged batch's row group
from the last build's file the same way. Either way a row group ends up with the same bytes
and the same metadata, so a file is the same whichever way its row groups came.

The file is ordinary Parquet: "PAR1", the row groups, the footer (the schema and key-value
metadata of Arrow's own footer for the table, every row group's metadata, the row count),
its length, "PAR1". Page indexes and bloom filters are not written (they would lie after the
row groups, and are not needed here), nor the minimum and maximum of text columns.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from zhenggai.dataset.compact_thrift import STRUCT, List, Raw, Struct, decode, encode
from zhenggai.dataset.file_bytes import copy_range, write_all

MAGIC = b"PAR1"
_OPTIONS = {"compression": "zstd", "write_page_index": False}
# FileMetaData: 3 num_rows, 4 row_groups. RowGroup: 1 columns, 5 file_offset.
# ColumnChunk: 2 file_offset (0 when unset), 3 meta_data, 4 and 6 page index offsets.
# ColumnMetaData: 9 data, 10 index, 11 dictionary page offsets, 14 bloom filter offset.
_CHUNK_OFFSETS = (9, 10, 11, 14)
_PAGE_INDEX = (4, 6)


def _footer(data: bytes) -> tuple[Struct, int]:
    """A Parquet file's FileMetaData and where it begins; ValueError if there is none."""
    if len(data) < 12 or data[:4] != MAGIC or data[-4:] != MAGIC:
        raise ValueError("not a Parquet file")
    length = struct.unpack("<I", data[-8:-4])[0]
    start = len(data) - 8 - length
    if start < 4:
        raise ValueError("a Parquet footer longer than its file")
    return decode(data[start:-8]), start


def _shift(group: Struct, by: int) -> Struct:
    """A row group's metadata with every byte offset moved by `by`, in place (each group
    read from a file is placed once). Its column chunks may still be encoded (Raw): left
    so when nothing moves, decoded when something does."""
    if by == 0:
        return group
    group.set(5, group.get(5) + by)
    columns = group.get(1).items
    columns[:] = [c.decoded() if isinstance(c, Raw) else c for c in columns]
    for chunk in columns:
        if any(chunk.get(k) is not None for k in _PAGE_INDEX):
            raise ValueError("a column chunk with a page index")
        if chunk.get(2):
            chunk.set(2, chunk.get(2) + by)
        meta = chunk.get(3)
        for k in _CHUNK_OFFSETS:
            if meta.get(k) is not None:
                meta.set(k, meta.get(k) + by)
    return group


class OldParquet:
    """A Parquet file of the last build, open for copying its row groups: each one's
    metadata, and its bytes (from its start to the next one's, or to the footer)."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDONLY)
        try:
            size = os.fstat(self.fd).st_size
            length = struct.unpack("<I", os.pread(self.fd, 4, size - 8))[0] \
                if size >= 12 else size
            if length + 12 > size or os.pread(self.fd, 4, 0) != MAGIC:
                raise ValueError("not a Parquet file")
            # FileMetaData (0) → row_groups → RowGroup (1) → columns → ColumnChunk (2):
            # the column chunks stay encoded unless they have to move
            self.groups: list[Struct | None] = decode(
                os.pread(self.fd, length, size - 8 - length), raw_depth=2).get(4).items
            starts = [group.get(5) for group in self.groups]
            ends = [*starts[1:], size - 8 - length]
            self.ranges = [(a, b - a) for a, b in zip(starts, ends, strict=True)]
        except BaseException:
            os.close(self.fd)
            raise

    def close(self) -> None:
        os.close(self.fd)


class ParquetParts:
    """A Parquet file of one table, open for row groups (see the module docstring)."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.schema = schema
        # min and max of numbers, dates and flags; of text they would be most of the footer
        self._with_statistics = [f.name for f in schema if not pa.types.is_string(f.type)]
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        write_all(self.fd, MAGIC)
        self.at = len(MAGIC)
        self.groups: list[Struct] = []
        self.rows = 0

    def _arrow_file(self, table: pa.Table | None) -> bytes:
        sink = pa.BufferOutputStream()
        with pq.ParquetWriter(sink, self.schema, **_OPTIONS,
                              write_statistics=self._with_statistics) as writer:
            if table is not None:
                writer.write_table(table, row_group_size=max(1, table.num_rows))
        return sink.getvalue().to_pybytes()

    def write(self, table: pa.Table) -> None:
        """One batch as one row group, encoded by Arrow."""
        data = self._arrow_file(table)
        footer, end = _footer(data)
        (group,) = footer.get(4).items
        write_all(self.fd, data[len(MAGIC):end])
        self._added(group, len(MAGIC), end - len(MAGIC))

    def copy(self, old: OldParquet, k: int) -> None:
        """Row group k of the last build's file, its bytes as they are."""
        start, length = old.ranges[k]
        group, old.groups[k] = old.groups[k], None  # its offsets are about to change
        if group is None:
            raise ValueError(f"row group {k} was copied twice")
        copy_range(old.fd, self.fd, start, length)
        self._added(group, start, length)

    def _added(self, group: Struct, start: int, length: int) -> None:
        self.groups.append(_shift(group, self.at - start))
        self.rows += group.get(3)
        self.at += length

    def close(self) -> None:
        """The footer: Arrow's own for the table, with every row group's metadata."""
        footer, _ = _footer(self._arrow_file(None))
        footer.set(3, self.rows)
        footer.set(4, List(STRUCT, self.groups))
        data = encode(footer)
        write_all(self.fd, data + struct.pack("<I", len(data)) + MAGIC)
        os.close(self.fd)

    def abandon(self) -> None:
        os.close(self.fd)
