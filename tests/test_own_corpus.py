"""A researcher's own corpus never breaks the project: notices added to the raw folder as the
README says (a GBK text file and a saved page, with rows in sources.csv) build and report
like the seeds, and no test depends on what data/raw holds."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
from zhenggai.cli import main
from zhenggai.report.pages import build_report

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).parent / "fixtures" / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "notices"

GBK_NOTICE = """中共宁乡市文学艺术界联合会党组关于市委巡察整改情况的通报
根据市委统一部署，2022年9月5日至11月4日，市委第三巡察组对市文联党组开展了常规巡察。2022年12月8日，市委第三巡察组向市文联党组反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改情况予以公布。
一、巡察反馈问题整改落实情况
1.理论学习中心组学习不够深入。
一是修订理论学习中心组学习制度；二是开展专题研讨4次。
2.协会管理不规范，部分协会换届滞后。
一是督促3个协会完成换届；二是制定《宁乡市文联所属协会管理办法》。
二、下一步工作打算
市文联党组将持续巩固整改成果。
中共宁乡市文学艺术界联合会党组
2023年3月20日
"""


def test_a_corpus_with_notices_of_ones_own_builds_and_reports(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(SEEDS, raw)
    (raw / "ningxiang_wenlian_2023_gbk.txt").write_bytes(GBK_NOTICE.encode("gbk"))
    shutil.copy(FIXTURES / "region_neimenggu_2023.html", raw / "neimenggu_page.html")
    with open(raw / "sources.csv", "a", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["ningxiang_wenlian_2023_gbk.txt", "http://www.example.gov.cn/a.html"]
                        + [""] * 10)
        writer.writerow(["neimenggu_page.html", "http://www.example.gov.cn/b.html"] + [""] * 10)
    out = tmp_path / "processed"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    notices = pd.read_csv(out / "notices.csv", dtype=str, keep_default_na=False)
    assert len(notices) == 7
    added = notices.set_index("source_file").loc["ningxiang_wenlian_2023_gbk.txt"]
    assert added["encoding"] in ("gb18030", "gbk") and added["n_problems"] == "2"
    assert added["source_url"] == "http://www.example.gov.cn/a.html"
    log = pd.read_csv(out / "ingest_log.csv", dtype=str, keep_default_na=False)
    assert not log["message"].str.contains("sources.csv").any()
    executed = build_report(ROOT / "notebooks", tmp_path / "reports", out, raw_dir=raw)
    for name, notebook in executed.items():
        errors = [o for c in notebook.cells for o in c.get("outputs", [])
                  if o.output_type == "error"]
        assert not errors, name
    assert "7 notices" in (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")


def test_no_test_reads_the_projects_raw_folder():
    """Tests read their frozen fixtures; data/raw is only compared with data/processed."""
    for path in Path(__file__).parent.glob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        uses = re.findall(r'"data"\s*/\s*"raw"|"data/raw', text)
        if path.name == "test_build.py":
            assert len(uses) == 1, path.name  # the project's own state: committed = built
        elif path.name != Path(__file__).name:
            assert not uses, path.name
