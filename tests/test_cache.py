"""The parse cache and the process pool change nothing but the time a build takes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyarrow.parquet as pq
from zhenggai import dataset
from zhenggai.cli import main
from zhenggai.dataset import cache, tables, versions
from zhenggai.dataset.batches import batch_spans
from zhenggai.dataset.builder import build
from zhenggai.dataset.entries import scan
from zhenggai.dataset.load import load_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parent / "fixtures" / "seeds"  # the frozen seeds
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import write_corpus  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _cold(raw: Path, out: Path) -> dict[str, bytes]:
    """A build from nothing: no cache, no previous build, no pool."""
    build(raw, out, use_cache=False, workers=1)
    return _files(out)


def _build(raw: Path, out: Path) -> dict[str, bytes]:
    """A build as `zhenggai build` runs it: cached, pooled, keeping the last build's rows."""
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    return _files(out)


def test_cached_pooled_and_reused_builds_equal_a_cold_one(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "BATCH_FILES", 7)  # many batches: rows cross their borders
    raw, out = tmp_path / "raw", tmp_path / "out" / "processed"
    write_corpus(raw, 60)  # more than POOL_MIN_FILES: the pool runs
    shutil.copy(SEEDS / "sources.csv", raw)
    assert _build(raw, out) == _cold(raw, tmp_path / "cold1")  # pooled, cache filled
    n_batches = len(batch_spans([entry.name for entry in scan(raw)]))
    assert n_batches > 5  # cut by name: the number varies around 61 / 7
    assert pq.ParquetFile(out / "problems.parquet").metadata.num_row_groups == n_batches
    changes = [
        lambda: shutil.copy(SEEDS / "wuxi_wenlian_2021_xuncha.txt",
                            raw / "notice_000010a.txt"),  # a new notice among the others
        lambda: (raw / "notice_000003.txt").unlink(),  # a notice removed
        lambda: (raw / "notice_000004.txt").write_text(  # a notice edited
            (raw / "notice_000004.txt").read_text(encoding="utf-8") + "\n附：更正。\n",
            encoding="utf-8"),
        lambda: (raw / "notice_000005.txt").rename(raw / "zz_renamed.txt"),  # renamed
        lambda: shutil.copy(raw / "notice_000020.txt", raw / "a_copy.txt"),  # an earlier copy
        lambda: (raw / "a_copy.txt").unlink(),  # the copy gone: the original counts again
        lambda: [p.touch() for p in raw.iterdir()],  # every file touched (a fresh checkout)
        lambda: shutil.copy(raw / "notice_000030.txt", raw / "notice_000031a.txt"),  # a copy
        lambda: (raw / "notice_000030.txt").rename(raw / "a_first.txt"),  # now the copy's earlier
    ]
    for k, change in enumerate(changes):
        change()
        assert _build(raw, out) == _cold(raw, tmp_path / f"cold{k + 2}"), k


def test_a_rebuild_says_what_it_reused(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    (raw / "extra.txt").write_text("无关的文字", encoding="utf-8")
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "5 entries reused from the last build" in capsys.readouterr().out
    log = load_tables(out)["ingest_log"].set_index("source_file")
    assert log.loc["extra.txt", "status"] == "rejected"
    assert log.loc["wuxi_wenlian_2021_xuncha.txt", "status"] == "ok"


def test_a_change_to_the_parser_reuses_nothing(tmp_path, monkeypatch, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    (raw / "extra.txt").write_text("无关的文字", encoding="utf-8")
    monkeypatch.setattr(cache, "parser_version", lambda: "another-version")
    assert cache.load(cache.record(cache.default_folder(out), out)[0], out,
                      dataset.ingest.Limits()) is None
    capsys.readouterr()
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "reused" not in capsys.readouterr().out


def test_the_parser_version_is_derived_from_the_code(tmp_path, monkeypatch):
    import zhenggai

    copy = tmp_path / "zhenggai"
    shutil.copytree(Path(zhenggai.__file__).parent, copy)
    monkeypatch.setattr(zhenggai, "__file__", str(copy / "__init__.py"))
    versions.parser_version.cache_clear()
    before = versions.parser_version()
    with open(copy / "notice" / "vocabulary" / "body.py", "a", encoding="utf-8") as f:
        f.write("\n# a new form of the genre\n")
    versions.parser_version.cache_clear()
    after = versions.parser_version()
    versions.parser_version.cache_clear()
    assert before != after


def test_an_unchanged_folder_is_not_built_again(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "nothing changed since the last build" in capsys.readouterr().out
    (raw / "extra.txt").write_text("无关的文字", encoding="utf-8")
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "nothing changed" not in capsys.readouterr().out


def test_a_batch_of_fresh_rows_and_reused_slices_keeps_their_order():
    import random

    from zhenggai.dataset.reuse import _ranges
    from zhenggai.dataset.rows import FileRows

    old = tables.rows_table("measures", [(f"n{k // 3}", k, 1, "一是", f"措施{k}")
                                         for k in range(60)])
    where = _ranges(old)
    assert where["n0"] == (0, 3) and where["n19"] == (57, 3)
    rng = random.Random(0)
    for _ in range(30):
        builder, expected = tables.BatchBuilder(), []
        for k in sorted(rng.sample(range(20), rng.randint(0, 20))):
            if rng.random() < 0.3:  # a fresh parse
                rows = [(f"new{k}", 1, 1, "", "新的")]
                builder.add(FileRows(f"f{k}", "ok", "", "", {"measures": rows}))
                expected += rows
            else:  # the last build's rows of notice k
                start, length = where[f"n{k}"]
                builder.add_slice("measures", old, start, length)
                expected += [tuple(r.values()) for r in
                             old.slice(start, length).to_pylist()]
        got = builder.tables()["measures"]
        assert [tuple(r.values()) for r in got.to_pylist()] == expected
        assert got["notice_id"].num_chunks <= 1


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_the_cache_is_a_record_not_a_second_dataset(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out" / "processed"
    write_corpus(raw, 30)
    _build(raw, out)
    assert _size(cache.default_folder(out)) < 0.2 * _size(out)
    assert not list(cache.default_folder(out).rglob("*.arrow"))


def test_outputs_changed_by_hand_are_not_read_back(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    before = _build(raw, out)
    with open(out / "problems.parquet", "ab") as f:
        f.write(b"\0")  # a damaged Parquet file: its rows cannot be trusted
    (raw / "extra.txt").write_text("无关的文字", encoding="utf-8")
    capsys.readouterr()
    after = _build(raw, out)
    assert "reused" not in capsys.readouterr().out  # every file parsed again
    assert after["problems.csv"] == before["problems.csv"]
