"""Faults a researcher's machine meets: a killed build's workers, two builds into one folder,
a damaged cache, files rewritten with their times restored, outputs edited by hand."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from zhenggai.cli import main
from zhenggai.dataset.lock import BuildLock

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the workers")
def test_a_killed_builds_workers_die_with_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    text = (SEEDS / "wuxi_wenlian_2021_xuncha.txt").read_text(encoding="utf-8")
    for k in range(400):
        (raw / f"n{k:04d}.txt").write_text(text.replace("无锡", f"无锡{k}"), encoding="utf-8")
    build = subprocess.Popen([sys.executable, "-m", "zhenggai", "build", "--raw", str(raw),
                              "--out", str(tmp_path / "out"), "--no-cache"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
        workers = _children(build.pid)
        time.sleep(0.05)
    assert workers, "the build started no worker"
    build.send_signal(signal.SIGKILL)
    build.wait()
    time.sleep(1.5)
    assert not [w for w in workers if _alive(w)], "workers outlived their build"


def test_a_second_build_into_the_same_folder_is_refused_naming_the_first(tmp_path, capsys):
    out = tmp_path / "out"
    with BuildLock(out):
        assert main(["build", "--raw", str(SEEDS), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"PID {os.getpid()}" in err and "another build is writing into" in err
    assert main(["build", "--raw", str(SEEDS), "--out", str(out)]) == 0  # the lock is free


def test_a_damaged_cache_is_discarded_with_a_note(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--raw", str(SEEDS), "--out", str(out)]) == 0
    records = list((tmp_path / ".zhenggai-cache").glob("*/record.json"))
    assert len(records) == 1
    records[0].write_text(json.dumps([1, 2, 3]), encoding="utf-8")  # valid JSON, wrong shape
    assert main(["build", "--raw", str(SEEDS), "--out", str(out)]) == 0
    assert "the parse cache" in capsys.readouterr().err
    assert main(["build", "--raw", str(SEEDS), "--out", str(out)]) == 0
    assert "nothing changed" in capsys.readouterr().out  # the cache was made again


def test_edits_the_fast_path_could_not_see(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(SEEDS, raw)
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    capsys.readouterr()
    first_ids = (out / "notices.csv").read_text(encoding="utf-8")
    target = raw / "xiangtan_wenlian_2019_xuncha.txt"
    before = target.stat()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("一是", "壹是", 1), encoding="utf-8")  # the same size
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # mtime restored (cp -p)
    assert target.stat().st_size == before.st_size
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "nothing changed" not in capsys.readouterr().out
    assert (out / "notices.csv").read_text(encoding="utf-8") != first_ids  # read again
    (out / "notices.csv").write_text("edited by hand\n", encoding="utf-8")
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    assert "nothing changed" not in capsys.readouterr().out
    assert (out / "notices.csv").read_text(encoding="utf-8").startswith("notice_id,")


@pytest.mark.parametrize("limit", [["--max-file-mb", "inf"], ["--time-limit", "nan"],
                                   ["--time-limit", "1e12"], ["--max-file-mb", "-1"]])
def test_absurd_limits_are_refused_with_a_sentence(tmp_path, capsys, limit):
    with pytest.raises(SystemExit) as stop:
        main(["build", "--raw", str(SEEDS), "--out", str(tmp_path / "o"), *limit])
    assert stop.value.code == 2 and "must be a finite number" in capsys.readouterr().err


def test_a_symlinked_out_is_refused_before_anything_is_touched(tmp_path, capsys):
    target = tmp_path / "real"
    target.mkdir()
    (target / "keep.txt").write_text("x", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(target)
    assert main(["build", "--raw", str(SEEDS), "--out", str(link)]) == 2
    assert "symbolic link" in capsys.readouterr().err
    assert link.is_symlink() and (target / "keep.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_a_workbook_that_cannot_be_written_is_a_sentence(tmp_path, capsys, monkeypatch):
    import xlsxwriter.exceptions
    from zhenggai.dataset import write

    def full_disk(*args, **kwargs):
        raise xlsxwriter.exceptions.FileCreateError("[Errno 28] No space left on device")

    monkeypatch.setattr(write, "write_workbook", full_disk)
    out = tmp_path / "out"
    assert main(["build", "--raw", str(SEEDS), "--out", str(out), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "cannot write" in err and "No space left" in err and not out.exists()


def test_names_with_control_characters_or_gbk_stay_apart_and_get_audit_pages(tmp_path):
    from zhenggai.report.audit_pages import write_audit_pages

    raw = tmp_path / "raw"
    raw.mkdir()
    wuxi = (SEEDS / "wuxi_wenlian_2021_xuncha.txt").read_bytes()
    gansu = (SEEDS / "gansu_wenlian_2017_xunshi.txt").read_bytes()
    (raw / "notice\x07.txt").write_bytes(wuxi)
    (raw / "notice.txt").write_bytes(gansu)
    gbk_name = os.fsdecode("湘潭通报.txt".encode("gbk"))
    (raw / gbk_name).write_bytes((SEEDS / "xiangtan_wenlian_2019_xuncha.txt").read_bytes())
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    import pandas as pd

    log = pd.read_csv(out / "ingest_log.csv", dtype=str, keep_default_na=False)
    assert sorted(log["source_file"]) == sorted(["notice\\x07.txt", "notice.txt",
                                                 "湘潭通报.txt"])
    pages = write_audit_pages(raw, out, tmp_path / "reports")
    assert len(pages) == 3
    texts = {p.read_text(encoding="utf-8") for p in pages}
    assert any("无锡" in t for t in texts) and any("甘肃" in t for t in texts)


def _edited_copy(seeds_processed: Path, tmp_path: Path, edit) -> Path:
    folder = tmp_path / "processed"
    shutil.copytree(seeds_processed, folder)
    path = folder / "notices.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def test_hand_edited_tables_fail_with_file_column_and_line(seeds_processed, tmp_path):
    from zhenggai.dataset.load import TableError, load_tables

    def drop_column(text: str) -> str:
        return "\n".join(",".join(line.split(",")[:-1]) for line in text.splitlines()) + "\n"

    def bad_date(text: str) -> str:
        lines = text.splitlines()
        header = lines[0].split(",")
        cells = lines[2].split(",")
        cells[header.index("inspection_start")] = '"2021/13/45"'
        lines[2] = ",".join(cells)
        return "\n".join(lines) + "\n"

    with pytest.raises(TableError, match=r"notices\.csv: missing column"):
        load_tables(_edited_copy(seeds_processed, tmp_path / "a", drop_column))
    with pytest.raises(TableError, match=r"notices.csv, column inspection_start, line 3: "
                                         r"'2021/13/45' is not a date"):
        load_tables(_edited_copy(seeds_processed, tmp_path / "b", bad_date))
    blank = _edited_copy(seeds_processed, tmp_path / "c", lambda t: t + ",,,,\n,,,,\n")
    with pytest.raises(TableError, match="empty row"):
        load_tables(blank)


def test_excels_empty_rows_are_dropped_when_lenient(seeds_processed, tmp_path):
    from zhenggai.dataset.load import load_tables

    columns = (seeds_processed / "notices.csv").read_text(encoding="utf-8").split("\n")[0]
    empty = ",".join([""] * len(columns.split(","))) + "\n"
    folder = _edited_copy(seeds_processed, tmp_path, lambda t: t + empty * 2)
    with pytest.warns(UserWarning, match="dropped 2 empty row"):
        frames = load_tables(folder, lenient=True)
    assert len(frames["notices"]) == 5


def test_a_report_on_a_broken_table_stops_with_that_sentence(seeds_processed, tmp_path,
                                                             capsys):
    folder = _edited_copy(seeds_processed, tmp_path,
                          lambda t: t.replace("unit_type,", "sector,", 1))
    assert main(["report", "--data", str(folder), "--out", str(tmp_path / "r"),
                 str(ROOT / "notebooks" / "01_corpus.ipynb")]) == 2
    err = capsys.readouterr().err
    assert "the report stopped: TableError: notices.csv:" in err and "sector" in err


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the workers")
def test_ctrl_c_at_any_moment_of_a_pooled_build(tmp_path):
    """SIGINT to the process group at moments through the first second: exit 130 (or 0 when
    the build had finished), no traceback, no hang, the old dataset whole, no process left."""
    import random

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    text = (SEEDS / "wuxi_wenlian_2021_xuncha.txt").read_text(encoding="utf-8")
    for k in range(300):
        (raw / f"n{k:04d}.txt").write_text(text.replace("无锡", f"无锡{k}"), encoding="utf-8")
    shutil.copy(SEEDS / "xiangtan_wenlian_2019_xuncha.txt", tmp_path / "one.txt")
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(SEEDS / "xiangtan_wenlian_2019_xuncha.txt", first)
    assert main(["build", "--raw", str(first), "--out", str(out), "--no-cache"]) == 0
    before = (out / "notices.csv").read_bytes()
    rng = random.Random(0)
    for _ in range(6):
        build = subprocess.Popen([sys.executable, "-m", "zhenggai", "build", "--raw", str(raw),
                                  "--out", str(out), "--no-cache"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, start_new_session=True)
        time.sleep(rng.uniform(0.05, 1.0))
        seen = _children(build.pid)
        os.killpg(build.pid, signal.SIGINT)
        try:
            _, err = build.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(build.pid, signal.SIGKILL)
            pytest.fail("the build hung after Ctrl-C")
        assert build.returncode in (130, 0), err
        assert "Traceback" not in err
        time.sleep(0.5)
        assert not [w for w in seen if _alive(w)], "a worker outlived the build"
        if build.returncode == 130:
            assert (out / "notices.csv").read_bytes() == before  # the old dataset, whole


def test_a_page_too_large_for_a_tree_is_read_as_plain_text(tmp_path, monkeypatch):
    from zhenggai import read_document
    from zhenggai.read import html_plain

    monkeypatch.setattr(html_plain, "TREE_LIMIT", 50)  # as if the page were many megabytes
    page = ("<html><head><script>var x = 1;</script><style>p {}</style></head><body>"
            "<div><p>中共某县文联党组关于县委巡察整改情况的通报</p><p>根据县委统一部署，"
            "2023年3月1日至4月30日，县委第一巡察组对县文联党组开展了巡察。</p></div></body></html>")
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path)
    assert document.text.splitlines()[0] == "中共某县文联党组关于县委巡察整改情况的通报"
    assert "var x" not in document.text and "read as plain text" in document.notes[0]
