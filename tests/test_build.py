"""`zhenggai build`: deterministic outputs, the committed data, and failing well."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from zhenggai.cli import main

ROOT = Path(__file__).resolve().parents[1]
RAW = Path(__file__).parent / "fixtures" / "seeds"  # the frozen seeds
PROJECT_RAW, PROCESSED = ROOT / "data" / "raw", ROOT / "data" / "processed"
BAD = Path(__file__).parent / "fixtures" / "bad"
OUTPUTS = ["notices", "problems", "measures", "dates", "outcomes", "ingest_log"]


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory) -> tuple[Path, Path]:
    first, second = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    assert main(["build", "--raw", str(RAW), "--out", str(first)]) == 0
    assert main(["build", "--raw", str(RAW), "--out", str(second)]) == 0
    return first, second


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_csv_parquet_xlsx_and_datapackage(built_twice):
    first, _ = built_twice
    expected = {f"{t}.{ext}" for t in OUTPUTS for ext in ("csv", "parquet")}
    assert set(_files(first)) == expected | {"zhenggai.xlsx", "datapackage.json", "README.md"}
    sheets = pd.read_excel(first / "zhenggai.xlsx", sheet_name=None)
    assert set(sheets) == set(OUTPUTS)
    assert len(sheets["problems"]) == 66
    parquet = pd.read_parquet(first / "problems.parquet")
    assert parquet.equals(pd.read_csv(first / "problems.csv", dtype=str, keep_default_na=False)
                          .astype(parquet.dtypes.to_dict()))


def test_two_builds_are_byte_identical(built_twice):
    first, second = built_twice
    for name in _files(first):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.skipif(not PROJECT_RAW.is_dir(), reason="no data/raw in this copy")
def test_committed_data_is_what_the_build_makes(tmp_path):
    """The project's own state, not a fixture: data/processed is what data/raw builds
    (`make test` runs `make data` first when a raw file or the library changed)."""
    first = tmp_path / "built"
    assert main(["build", "--raw", str(PROJECT_RAW), "--out", str(first), "--no-cache"]) == 0
    assert _files(PROCESSED) == _files(first), "run `make data` and commit data/processed"
    for name in _files(first):
        assert (PROCESSED / name).read_bytes() == (first / name).read_bytes(), (
            f"data/processed/{name} is stale: run `make data` and commit it")


def test_bad_files_are_rejected_and_nothing_else_is_lost(tmp_path, capsys, built_twice):
    built_alone = built_twice[0]
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (raw / "blank.md").write_text("\n \n\t\n", encoding="utf-8")
    (raw / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    for fixture in BAD.iterdir():
        shutil.copy(fixture, raw / fixture.name)
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "5 notices parsed" in printed
    log = pd.read_csv(out / "ingest_log.csv", keep_default_na=False).set_index("source_file")
    assert log.loc["empty.txt", "message"] == "empty file: it contains no text"
    assert log.loc["blank.md", "message"] == "empty file: it contains no text"
    assert log.loc["binary.txt", "message"].startswith("binary file")
    assert log.loc["picture.png", "message"].startswith("unsupported file type '.png'")
    assert log.loc["news_feedback_meeting.txt", "message"].startswith(
        "not a rectification notice")
    assert log.loc["inspection_announcement.txt", "message"].startswith(
        "not a rectification notice")
    rejected = log[log["status"] == "rejected"].index
    assert sorted(rejected) == sorted(["empty.txt", "binary.txt", "blank.md", "picture.png",
                                       *[f.name for f in BAD.iterdir()]])
    # the five notices are all still there, with the same values
    notices = pd.read_csv(out / "notices.csv", keep_default_na=False)
    alone = pd.read_csv(built_alone / "notices.csv", keep_default_na=False)
    assert notices.equals(alone)
    assert len(pd.read_csv(out / "problems.csv")) == 66


def test_strict_fails_on_rejected_files_or_warnings(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "xiangtan_wenlian_2019_xuncha.txt", raw)
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "a"), "--strict"]) == 0
    (raw / "empty.txt").write_bytes(b"")
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "b")]) == 0
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "c"), "--strict"]) == 1
    shutil.copy(RAW / "qingyang_wenlian_2023_xuncha.txt", raw)  # truncated: a warning
    (raw / "empty.txt").unlink()
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "d"), "--strict"]) == 1


def test_raw_files_are_not_modified(built_twice):
    manifest = pd.read_csv(RAW / "sources.csv")
    import hashlib

    for row in manifest.itertuples():
        digest = hashlib.sha256((RAW / row.file).read_bytes()).hexdigest()
        assert digest == row.sha256, row.file


def test_missing_raw_folder_is_a_message(tmp_path, capsys):
    assert main(["build", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_datapackage_validates_with_foreign_keys(built_twice):
    frictionless = pytest.importorskip("frictionless")
    first, _ = built_twice
    report = frictionless.validate(first / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = frictionless.Package(first / "datapackage.json")
    assert {r.name for r in package.resources} == set(OUTPUTS)


def test_data_dictionary_documents_every_column(built_twice):
    from zhenggai.dataset import schema

    readme = (built_twice[0] / "README.md").read_text(encoding="utf-8")
    for table, cols in schema.TABLES.items():
        section = readme.split(f"### `{table}`", 1)[1].split("### ", 1)[0]
        for name, _, _ in cols:
            assert f"| `{name}` |" in section, (table, name)


def test_a_corpus_too_large_for_a_workbook_gets_none_and_says_so(tmp_path, monkeypatch,
                                                                  capsys):
    from zhenggai.dataset import xlsx

    monkeypatch.setattr(xlsx, "MAX_WORKBOOK_CELLS", 1_000)
    assert main(["build", "--raw", str(RAW), "--out", str(tmp_path / "o"),
                 "--no-cache"]) == 0
    assert not (tmp_path / "o" / "zhenggai.xlsx").exists()
    assert "no zhenggai.xlsx" in capsys.readouterr().err
    dictionary = (tmp_path / "o" / "README.md").read_text(encoding="utf-8")
    assert "No zhenggai.xlsx: " in dictionary and "CSV and Parquet" in dictionary
    assert len(pd.read_csv(tmp_path / "o" / "problems.csv")) == 66  # the tables are whole


def test_a_build_never_imports_pandas(tmp_path):
    """Arrow imports pandas when it first converts Python values unless told the build has
    none (tables.convert_without_pandas), and again for any value given without a type: a
    fifth of a second of every rebuild. A build and a rebuild of the seeds, with a notice
    added, in a fresh process."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    script = ("import shutil, sys\nfrom zhenggai.cli import main\n"
              f"raw, out = {str(raw)!r}, {str(tmp_path / 'out')!r}\n"
              "assert main(['build', '--raw', raw, '--out', out]) == 0\n"
              "shutil.copy(sorted(p for p in __import__('pathlib').Path(raw).glob('*.txt'))[0],"
              " raw + '/zz_added.txt')\n"
              "with open(raw + '/zz_added.txt', 'a', encoding='utf-8') as f: f.write('附。')\n"
              "assert main(['build', '--raw', raw, '--out', out]) == 0\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pandas'))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
