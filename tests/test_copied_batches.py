"""A rebuild copies the last build's unchanged batches as bytes: the Parquet footer codec,
the files put together from row groups, where batches are cut, and the census kept per
batch. (tests/test_cache.py checks that the files equal a cold build's, byte for byte.)"""

from __future__ import annotations

import shutil
import struct
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from zhenggai.cli import main
from zhenggai.dataset import compact_thrift, schema, tables
from zhenggai.dataset.batches import batch_spans
from zhenggai.dataset.describe import Census
from zhenggai.dataset.parquet_parts import OldParquet, ParquetParts
from zhenggai.dataset.table_files import parquet_ready, parquet_schema

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import write_corpus  # noqa: E402


def _measures(first: int, n: int) -> pa.Table:
    rows = [(f"n{k // 3}", k, 1, "一是" if k % 2 else "", f"措施{k}（含“引号”，和逗号）")
            for k in range(first, first + n)]
    return parquet_ready(tables.rows_table("measures", rows))


def _footer(path: Path) -> bytes:
    data = path.read_bytes()
    n = struct.unpack("<I", data[-8:-4])[0]
    return data[-8 - n:-8]


def test_a_parquet_footer_is_read_and_written_back_byte_for_byte(tmp_path):
    pq.write_table(_measures(0, 50), tmp_path / "a.parquet", compression="zstd")
    footer = _footer(tmp_path / "a.parquet")
    decoded = compact_thrift.decode(footer)
    assert compact_thrift.encode(decoded) == footer
    assert decoded.get(3) == 50  # FileMetaData.num_rows
    lazy = compact_thrift.decode(footer, raw_depth=2)  # column chunks left encoded
    assert isinstance(lazy.get(4).items[0].get(1).items[0], compact_thrift.Raw)
    assert compact_thrift.encode(lazy) == footer
    with pytest.raises(ValueError):
        compact_thrift.decode(footer[:len(footer) // 2])


@pytest.mark.parametrize("kind, value", [
    (compact_thrift.I64, -(2 ** 40)), (compact_thrift.I32, 300), (compact_thrift.BINARY, b"x"),
    (compact_thrift.DOUBLE, 0.25), (compact_thrift.BYTE, -3), (compact_thrift.TRUE, False),
])
def test_each_thrift_type_round_trips(kind, value):
    field_id = 20  # past 15: the long field header
    encoded = compact_thrift.encode(compact_thrift.Struct([(field_id, kind, value)]))
    assert compact_thrift.decode(encoded).get(field_id) == value


def test_row_groups_written_or_copied_make_the_same_file(tmp_path):
    batches = [_measures(0, 30), _measures(30, 0), _measures(30, 45), _measures(75, 7)]
    written = ParquetParts(tmp_path / "written.parquet", parquet_schema("measures"))
    for batch in batches:
        written.write(batch)
    written.close()
    whole = pq.read_table(tmp_path / "written.parquet")
    assert whole.equals(pa.concat_tables(batches))
    assert pq.ParquetFile(tmp_path / "written.parquet").metadata.num_row_groups == 4
    # a rebuild: a new batch first, then the old ones copied (every offset moves)
    old = OldParquet(tmp_path / "written.parquet")
    rebuilt = ParquetParts(tmp_path / "rebuilt.parquet", parquet_schema("measures"))
    rebuilt.write(_measures(500, 3))
    for k in range(4):
        rebuilt.copy(old, k)
    rebuilt.close()
    old.close()
    cold = ParquetParts(tmp_path / "cold.parquet", parquet_schema("measures"))
    for batch in [_measures(500, 3), *batches]:
        cold.write(batch)
    cold.close()
    assert (tmp_path / "rebuilt.parquet").read_bytes() == (tmp_path / "cold.parquet").read_bytes()
    found = pq.ParquetFile(tmp_path / "rebuilt.parquet")
    assert found.read_row_group(3).equals(batches[2])
    assert found.metadata.row_group(3).column(1).statistics.max == 74  # measure_seq kept


def test_a_file_added_changes_only_the_batches_around_it(monkeypatch):
    monkeypatch.setattr(tables, "BATCH_FILES", 20)
    names = [f"notice_{k:05d}.txt" for k in range(2_000)]
    before = batch_spans(names)
    assert 50 < len(before) < 200 and max(b - a for a, b in before) <= 80
    after = batch_spans(sorted([*names, "notice_00999a.txt"]))
    cut_before = {names[b - 1] for _, b in before}
    cut_after = {sorted([*names, "notice_00999a.txt"])[b - 1] for _, b in after}
    assert len(cut_before ^ cut_after) <= 2  # the cuts are where they were, but one or two
    assert batch_spans([]) == [(0, 0)]


def test_a_census_merged_batch_by_batch_equals_one_of_the_whole(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    whole = {name: pq.read_table(out / f"{name}.parquet") for name in schema.TABLES}
    from zhenggai.dataset.table_files import from_parquet

    whole = {name: from_parquet(table) for name, table in whole.items()}
    one = Census()
    one.add(whole)
    merged = Census()
    for start in range(0, whole["ingest_log"].num_rows, 2):
        ids = set(whole["ingest_log"]["notice_id"].to_pylist()[start:start + 2])
        part = Census()
        part.add({name: table.filter(pa.array([v in ids for v in
                                               table["notice_id"].to_pylist()]))
                  if name != "ingest_log" else table.slice(start, 2)
                  for name, table in whole.items()})
        merged.merge(Census.from_saved(part.saved()))
    assert merged.description() == one.description()
    assert merged.summary() == one.summary()
    assert merged.sources() == one.sources()


def test_adding_a_notice_copies_the_batches_it_does_not_fall_in(tmp_path, monkeypatch,
                                                                 capsys):
    monkeypatch.setattr(tables, "BATCH_FILES", 8)
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 80)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    shutil.copy(SEEDS / "wuxi_wenlian_2021_xuncha.txt", raw / "notice_000040a.txt")
    capsys.readouterr()
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    n_batches = len(batch_spans(sorted(p.name for p in raw.iterdir())))
    copied = int(said.split(" of ")[0].rsplit("(", 1)[1])
    assert f"of {n_batches} batches copied" in said
    assert n_batches - 2 <= copied < n_batches  # all but the one or two it falls in


def test_the_rows_of_some_notices_are_read_a_row_group_at_a_time(tmp_path, monkeypatch):
    from zhenggai.dataset import load

    monkeypatch.setattr(tables, "BATCH_FILES", 8)
    raw, out = tmp_path / "raw", tmp_path / "out"
    write_corpus(raw, 40)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    file = pq.ParquetFile(out / "problems.parquet")
    assert file.num_row_groups >= 3
    first, last = (file.read_row_group(k, columns=["notice_id"]).column(0)[0].as_py()
                   for k in (0, file.num_row_groups - 1))
    every = load.load_tables(out, tables=["problems"])["problems"]
    some = load.load_tables(out, tables=["problems"], notices={first, last})["problems"]
    expected = every[every["notice_id"].isin({first, last})].reset_index(drop=True)
    assert len(some) > 2 and set(some["notice_id"]) == {first, last}
    pd.testing.assert_frame_equal(some, expected, check_exact=True)
