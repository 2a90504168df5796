"""A hostile user's inputs, one test per defect of the robustness review (issue 9): each must
give a clear message and exit code, no traceback, and lose nothing."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from zhenggai import dataset
from zhenggai.cli import main
from zhenggai.dataset import xlsx
from zhenggai.dataset.assemble import assembled_tables
from zhenggai.read.document import read_document
from zhenggai.read.errors import ReadError

RAW = Path(__file__).parent / "fixtures" / "seeds"  # the frozen seeds
SEED = (RAW / "wuxi_wenlian_2021_xuncha.txt").read_text(encoding="utf-8")
CLI = [sys.executable, "-m", "zhenggai"]


def _run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def _log(out: Path) -> dict[str, dict]:
    with open(out / "ingest_log.csv", encoding="utf-8") as f:
        return {row["source_file"]: row for row in csv.DictReader(f)}


def _no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_1_control_characters_in_text_and_name(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a\x07b.txt").write_text(SEED.replace("。", "。\x07\x1b", 3), encoding="utf-8")
    result = _run("build", "--raw", str(raw), "--out", str(tmp_path / "o"))
    _no_traceback(result)
    assert result.returncode == 0
    log = _log(tmp_path / "o")
    assert list(log) == ["a\\x07b.txt"]  # escaped, never removed: names stay apart
    with open(tmp_path / "o" / "notices.csv", encoding="utf-8") as f:
        text = f.read()
    assert "\x07" not in text and "\x1b" not in text
    assert "removed 6 control character(s)" in text
    assert "1 control character(s) of the name shown as \\xNN" in text


def test_2_byte_order_mark_then_bad_bytes(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ReadError, match="undecodable bytes after a utf-16 byte-order mark"):
        read_document(path)
    result = _run("parse", str(path))
    _no_traceback(result)
    assert result.returncode == 1
    assert "byte-order mark" in result.stdout + result.stderr


def test_3_a_gbk_file_name(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    name = "巡察整改通报.txt".encode("gbk")
    with open(os.path.join(os.fsencode(raw), name), "w", encoding="utf-8") as f:
        f.write(SEED)
    frames = dataset.build(raw, tmp_path / "o")
    assert frames["ingest_log"]["source_file"].tolist() == ["巡察整改通报.txt"]
    assert "decoded from GBK" in frames["notices"]["cleaning_notes"].iloc[0]


def _raw_of(tmp_path: Path, n: int) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(n):  # distinct notices: each one's text differs
        (raw / f"n{i:04d}.txt").write_text(SEED + f"\n附件{i}", encoding="utf-8")
    return raw


def test_4_outputs_are_atomic_even_when_killed(tmp_path):
    raw = _raw_of(tmp_path, 400)
    out = tmp_path / "out"
    (tmp_path / "small").mkdir()
    shutil.copy(RAW / "wuxi_wenlian_2021_xuncha.txt", tmp_path / "small")
    dataset.build(tmp_path / "small", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for delay in (0.5, 2.0, 4.0):
        process = subprocess.Popen([*CLI, "build", "--raw", str(raw), "--out", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        files = {p.name: p.read_bytes() for p in out.iterdir()}
        if files != before:  # the new dataset was swapped in whole, never a mixture
            with open(out / "notices.csv", encoding="utf-8") as f:
                assert sum(1 for _ in csv.DictReader(f)) == 400
    result = _run("build", "--raw", str(tmp_path / "small"), "--out", str(out))
    assert result.returncode == 0
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(tmp_path.glob(".out.*"))  # the next build cleans what a kill left


def test_4_a_read_only_workbook_does_not_block_the_build(tmp_path):
    out = tmp_path / "out"
    dataset.build(RAW, out)
    (out / "zhenggai.xlsx").chmod(0o444)
    assert main(["build", "--raw", str(RAW), "--out", str(out)]) == 0


def test_5_deeply_nested_html_is_read_in_bounded_time(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 20000 + "<p>中共某县文联党组关于巡察整改情况的通报</p>"
                    + "</div>" * 20000 + "</body></html>", encoding="utf-8")
    started = time.monotonic()
    item = dataset.parse_file(page)
    assert time.monotonic() - started < 30
    assert item.status == "rejected"  # a title alone is no notice, but it was read


def test_6_a_docx_zip_bomb_is_refused_before_inflating(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (16 * 1024 * 1024)
            for _ in range(20):  # 320 MB of zeros, a few hundred KB packed
                member.write(chunk)
    code = ("import resource, sys; from zhenggai.dataset import parse_file; "
            f"item = parse_file(__import__('pathlib').Path({str(bomb)!r})); "
            "print(item.status, item.message); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    status_line, rss_kib = result.stdout.strip().splitlines()
    assert status_line.startswith("rejected refused .docx")
    assert int(rss_kib) < 1024 * 1024  # under 1 GiB


def test_7_no_formula_cells_in_the_workbook(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "=cmd.txt").write_text(SEED.replace("根据市委统一部署", "＝HYPERLINK(1)根据市委统一部署"),
                                  encoding="utf-8")
    dataset.build(raw, tmp_path / "o")
    book = openpyxl.load_workbook(tmp_path / "o" / "zhenggai.xlsx")
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    assert any(c.value == "=cmd.txt" for c in cells)


def test_8_identical_notices_keep_one_id(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "b.txt"):
        (raw / name).write_text(SEED, encoding="utf-8")
    frames = dataset.build(raw, tmp_path / "o")
    assert frames["notices"]["notice_id"].is_unique and len(frames["notices"]) == 1
    log = _log(tmp_path / "o")
    assert log["b.txt"]["status"] == "rejected"
    assert log["b.txt"]["message"].startswith("duplicate of a.txt")
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path / "o"), "--strict"]) == 1


def test_9_risky_folder_choices_are_refused(tmp_path, capsys):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "README.md").write_text("mine", encoding="utf-8")
    assert main(["build", "--raw", str(raw), "--out", str(raw)]) == 2
    assert main(["build", "--raw", str(raw), "--out", str(tmp_path)]) == 2
    assert main(["build", "--raw", str(raw), "--out", str(raw / "o")]) == 2
    assert (raw / "README.md").read_text(encoding="utf-8") == "mine"
    assert main(["build", "--raw", str(raw / "sources.csv"), "--out", str(tmp_path / "o")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    good = tmp_path / "good"
    dataset.build(RAW, good)
    empty = tmp_path / "empty"
    empty.mkdir()
    before = (good / "notices.csv").read_bytes()
    assert main(["build", "--raw", str(empty), "--out", str(good), "--strict"]) == 2
    assert "refusing to replace the dataset" in capsys.readouterr().err
    assert (good / "notices.csv").read_bytes() == before
    assert main(["build", "--raw", str(empty), "--out", str(good), "--force"]) == 0
    result = _run("build", "--raw", str(RAW), "--out", "/proc/zhenggai-out")
    _no_traceback(result)
    assert result.returncode == 2 and "cannot write" in result.stderr


def test_10_every_entry_has_a_row(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "wuxi_wenlian_2021_xuncha.txt", raw / "a.txt")
    (raw / "sub").mkdir()
    (raw / ".hidden.txt").write_text(SEED, encoding="utf-8")
    os.mkfifo(raw / "fifo.txt")
    (raw / "dangling.txt").symlink_to(raw / "missing.txt")
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "outside.txt").symlink_to(RAW / "nantong_wenlian_2021_xuncha.txt")
    (raw / "inside.txt").symlink_to(raw / "a.txt")
    frames = dataset.build(raw, tmp_path / "o")  # returns: the FIFO was never opened
    log = frames["ingest_log"].set_index("source_file")
    assert sorted(log.index) == sorted(os.listdir(raw))
    reasons = {name: log.loc[name, "message"] for name in log.index}
    assert "subfolder" in reasons["sub"]
    assert "hidden" in reasons[".hidden.txt"]
    assert "FIFO" in reasons["fifo.txt"]
    assert "dangling" in reasons["dangling.txt"]
    assert "loops" in reasons["loop.txt"]
    assert "outside" in reasons["outside.txt"]
    assert log.loc["inside.txt", "message"].startswith("duplicate of a.txt")


def test_11_concatenated_notices_are_warned_about(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("\n".join([SEED] * 30), encoding="utf-8")
    item = dataset.parse_file(path)
    assert "the file holds 30 notices" in item.message
    assert len(item.notice.problems) == item.notice.declared.problems


def test_12_tables_beyond_excel_go_on_further_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ROWS", 4)
    monkeypatch.setattr(xlsx, "MAX_CELL_CHARS", 30)
    warnings = xlsx.write_workbook(assembled_tables(RAW), tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    problems = [s for s in book.sheetnames if s.startswith("problems")]
    assert len(problems) == -(-66 // 3)
    assert sum(s.max_row - 1 for s in (book[n] for n in problems)) == 66
    assert any("continued on" in w for w in warnings)
    assert any("were cut" in w for w in warnings)


def test_13_command_line_conventions(tmp_path):
    assert _run("--version").stdout.startswith("zhenggai ")
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "bad.txt").write_bytes(b"")
    result = _run("build", "--raw", str(raw), "--out", str(tmp_path / "o"),
                  env={"LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    _no_traceback(result)
    assert result.returncode == 0
    assert "rejected bad.txt" in result.stderr and "bad.txt" not in result.stdout


def test_13_a_stray_byte_is_located_or_tolerated(tmp_path):
    short = tmp_path / "short.txt"
    short.write_bytes("中共某县文联党组关于巡察整改情况的通报\n".encode() + b"\xb0\n")
    with pytest.raises(ReadError, match=r"line 2, byte offset \d+"):
        read_document(short)
    long = tmp_path / "long.txt"
    long.write_bytes(SEED.encode() + b"\xb0")
    document = read_document(long)
    assert "1 undecodable byte(s) replaced" in document.notes[0]


def test_13_a_beautifulsoup_warning_is_a_note_of_its_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><p>" + SEED.encode() + b"</p></body></html>")
    assert read_document(page).file_format == "html"


def test_13_python_dash_m_works():
    result = _run("--help")
    assert result.returncode == 0 and "Exit codes" in result.stdout


def test_a_figure_too_large_for_the_tables_is_left_empty_with_a_warning(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(SEED.replace("40条整改措施", "40000000000000000000条整改措施"),
                               encoding="utf-8")
    frames = dataset.build(raw, tmp_path / "o")
    notice = frames["notices"].iloc[0]
    assert pd.isna(notice["n_measures_declared"])
    assert "declared measures 40000000000000000000" in notice["warnings"]
    assert _log(tmp_path / "o")["a.txt"]["status"] == "warning"
