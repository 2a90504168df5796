"""The parse cache and the process pool change nothing but the time a build takes."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from zhenggai import dataset
from zhenggai.cli import main
from zhenggai.dataset import cache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from synthetic import write_corpus  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_cached_and_pooled_builds_equal_a_cold_one(tmp_path):
    raw = tmp_path / "raw"
    write_corpus(raw, 60)  # more than POOL_MIN_FILES: the pool runs
    shutil.copy(ROOT / "data" / "raw" / "sources.csv", raw)
    dataset.write_tables(dataset.tables(dataset.parse_folder(raw, workers=1)), tmp_path / "cold")
    folder = tmp_path / "cache"
    for name in ("first", "cached"):
        frames = dataset.tables(dataset.parse_folder(raw, cache_folder=folder))
        dataset.write_tables(frames, tmp_path / name)
    assert _files(tmp_path / "first") == _files(tmp_path / "cold")
    assert _files(tmp_path / "cached") == _files(tmp_path / "cold")
    assert list((folder / cache.parser_version()).rglob("*.pickle"))


def test_a_change_to_the_parser_starts_a_new_cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    first = cache.prepare(folder)
    (first / "aa").mkdir()
    monkeypatch.setattr(cache, "parser_version", lambda: "another-version")
    second = cache.prepare(folder)
    assert second != first and not first.exists()


def test_the_parser_version_is_derived_from_the_code(tmp_path, monkeypatch):
    import zhenggai

    copy = tmp_path / "zhenggai"
    shutil.copytree(Path(zhenggai.__file__).parent, copy)
    monkeypatch.setattr(zhenggai, "__file__", str(copy / "__init__.py"))
    cache.parser_version.cache_clear()
    before = cache.parser_version()
    with open(copy / "notice" / "vocabulary.py", "a", encoding="utf-8") as f:
        f.write("\n# a new form of the genre\n")
    cache.parser_version.cache_clear()
    after = cache.parser_version()
    cache.parser_version.cache_clear()
    assert before != after


def test_an_unchanged_folder_is_not_built_again(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "data" / "raw", raw)
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "nothing changed since the last build" in capsys.readouterr().out
    (raw / "extra.txt").write_text("无关的文字", encoding="utf-8")
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "nothing changed" not in capsys.readouterr().out
