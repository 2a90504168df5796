"""The parse cache and the process pool change nothing but the time a build takes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from zhenggai import dataset
from zhenggai.cli import main
from zhenggai.dataset import cache, versions
from zhenggai.dataset.assemble import assemble
from zhenggai.dataset.load import load_tables

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parent / "fixtures" / "seeds"  # the frozen seeds
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import write_corpus  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _cold(raw: Path, out: Path) -> dict[str, bytes]:
    """A build from nothing: no cache, no previous build, no pool."""
    dataset.write_tables(assemble(raw, workers=1).tables, out)
    return _files(out)


def _build(raw: Path, out: Path) -> dict[str, bytes]:
    """A build as `zhenggai build` runs it: cached, pooled, keeping the last build's rows."""
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    return _files(out)


def test_cached_pooled_and_reused_builds_equal_a_cold_one(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out" / "processed"
    write_corpus(raw, 60)  # more than POOL_MIN_FILES: the pool runs
    shutil.copy(SEEDS / "sources.csv", raw)
    assert _build(raw, out) == _cold(raw, tmp_path / "cold1")  # pooled, cache filled
    assert list(cache.default_folder(out).rglob("*.arrow"))
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
    assert cache.load(cache.default_folder(out), out, dataset.ingest.Limits()) is None
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


def test_rows_put_in_order_by_slices_equal_a_gather():
    import random

    import pyarrow as pa
    from zhenggai.dataset import tables

    table = pa.table({"text": [f"第{k}条" for k in range(200)], "n": list(range(200))})
    rng = random.Random(0)
    for _ in range(50):
        runs = sorted(rng.sample(range(200), rng.randint(0, 12)))
        order = [k for a, b in zip([0, *runs], [*runs, 200], strict=True)
                 for k in range(a, b) if rng.random() < 0.9]
        if rng.random() < 0.2:
            rng.shuffle(order)  # no runs at all
        gathered = table.take(pa.array(order, pa.int64()))
        assert tables._in_order(table, pa.array(order, pa.int64())).equals(gathered)
