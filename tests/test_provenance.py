"""Where each notice came from: the raw folder's sources.csv, with any subset of its columns,
read by every build; what does not agree with the folder is a warning, never a failure."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
from zhenggai.cli import main

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
WUXI, XIANGTAN, GANSU = ("wuxi_wenlian_2021_xuncha.txt", "xiangtan_wenlian_2019_xuncha.txt",
                         "gansu_wenlian_2017_xunshi.txt")


def _folder(tmp_path: Path, manifest: str) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in (WUXI, XIANGTAN, GANSU):
        shutil.copy(SEEDS / name, raw)
    (raw / "sources.csv").write_text(manifest, encoding="utf-8")
    return raw


def _build(raw: Path, out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    read = {"keep_default_na": False}
    notices = pd.read_csv(out / "notices.csv", **read).set_index("source_file")
    log = pd.read_csv(out / "ingest_log.csv", **read).set_index("source_file")
    return notices, log


def test_provenance_reaches_the_notices_and_disagreements_are_warnings(tmp_path):
    wuxi_sha = hashlib.sha256((SEEDS / WUXI).read_bytes()).hexdigest()
    raw = _folder(tmp_path, (
        "file,url,final_url,retrieved_at,sha256,site\n"
        f"{WUXI},http://a.example/n/1.html,http://a.example/n/1.html,2026-11-30T08:00:00Z,"
        f"{wuxi_sha},a.example\n"
        f"{XIANGTAN},http://b.example/x.html,,2026-11-30T08:01:00Z,{'0' * 64},b.example\n"
        "gone.html,http://c.example/gone.html,,,,c.example\n"))
    notices, log = _build(raw, tmp_path / "out")
    assert notices.loc[WUXI, "source_url"] == "http://a.example/n/1.html"
    assert notices.loc[WUXI, "retrieved_at"] == "2026-11-30T08:00:00Z"
    assert notices.loc[WUXI, "source_site"] == "a.example"
    assert log.loc[WUXI, "status"] == "ok"
    assert "does not match the file" in log.loc[XIANGTAN, "message"]
    assert log.loc[XIANGTAN, "status"] == "warning"
    assert notices.loc[GANSU, "source_url"] == ""
    assert "no row in sources.csv" in log.loc[GANSU, "message"]
    assert log.loc["sources.csv", "status"] == "warning"
    assert "gone.html" in log.loc["sources.csv", "message"]


def test_any_subset_of_columns_will_do_and_edits_reach_a_rebuild(tmp_path):
    raw = _folder(tmp_path, f"file,url\n{WUXI},http://a.example/1\n{XIANGTAN},\n{GANSU},\n")
    out = tmp_path / "out"
    notices, log = _build(raw, out)
    assert notices.loc[WUXI, "source_url"] == "http://a.example/1"
    assert notices.loc[WUXI, "retrieved_at"] == ""
    assert (log["status"] != "warning").all()
    (raw / "sources.csv").write_text(f"file,url\n{WUXI},http://a.example/2\n", encoding="utf-8")
    notices, log = _build(raw, out)  # the last build's rows are reused: provenance is not
    assert notices.loc[WUXI, "source_url"] == "http://a.example/2"
    assert "no row in sources.csv" in log.loc[XIANGTAN, "message"]
    (raw / "sources.csv").write_text(f"file,url\n{WUXI},\n{XIANGTAN},\n{GANSU},\n",
                                     encoding="utf-8")
    notices, log = _build(raw, out)
    assert (log["status"] != "warning").all()  # no warning of an earlier build is left


def test_a_manifest_without_a_file_column_is_a_warning(tmp_path):
    raw = _folder(tmp_path, "name,link\nx,y\n")
    notices, log = _build(raw, tmp_path / "out")
    assert "no 'file' column" in log.loc["sources.csv", "message"]
    assert len(notices) == 3
