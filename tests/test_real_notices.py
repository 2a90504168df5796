"""The development set of real pages (tests/fixtures/real, copied from shared/real-notices):
37 excerpts of real rectification notices and 14 look-alikes, with hand-made gold.

Scored with the set's own score.py, so what the parser reaches cannot regress. The pages are
public notices; tests/fixtures/real/sources.csv keeps each one's URL.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from zhenggai import dataset

REAL = Path(__file__).parent / "fixtures" / "real"
LIB = Path(__file__).resolve().parents[1] / "lib" / "zhenggai"
FIELDS_REACHED = 378  # of 378: raise it when the parser reads more, never lower it


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("real") / "out"
    dataset.build(REAL / "raw", out)
    return out


def test_score_keeps_its_floor(built):
    result = subprocess.run([sys.executable, str(REAL / "score.py"), str(built),
                             str(REAL / "gold.json")], capture_output=True, text=True)
    last = result.stdout.strip().splitlines()[-1]
    matched = int(re.search(r"(\d+)/\d+", last).group(1))
    assert matched >= FIELDS_REACHED, result.stdout


def test_every_lookalike_is_rejected_with_its_evidence(built):
    gold = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))
    with open(built / "ingest_log.csv", encoding="utf-8") as f:
        log = {row["source_file"]: row for row in csv.DictReader(f)}
    for name in gold["rejected"]:
        assert log[name]["status"] == "rejected", name
        assert log[name]["evidence"].startswith("rejected: not a rectification notice"), name


def test_every_accepted_notice_names_its_evidence(built):
    with open(built / "ingest_log.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["status"] in ("ok", "warning")]
    assert len(rows) == 37
    for row in rows:
        assert re.match(r'accepted: .+ "[^"]+" \(line \d+\)', row["evidence"]), row


def test_every_file_keeps_its_url():
    with open(REAL / "sources.csv", encoding="utf-8") as f:
        urls = {row["file"]: row["url"] for row in csv.DictReader(f)}
    assert sorted(urls) == sorted(p.name for p in (REAL / "raw").iterdir())
    assert all(url.startswith("http") for url in urls.values())


def _gold_places() -> set[str]:
    """The city and county stems of the set (湘潭市 → 湘潭), two characters or more."""
    gold = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))
    stems = set()
    for fields in gold["notices"].values():
        for key in ("city", "county"):
            values = fields[key] if isinstance(fields[key], list) else [fields[key]]
            stems |= {re.sub(r"(市|区|县|旗)$", "", v) for v in values if v}
    return {s for s in stems if len(s) >= 2}


def test_library_code_names_no_place_of_the_set():
    for path in LIB.rglob("*.py"):
        text = path.read_text(encoding="utf-8").replace("长沙市", "")  # 沙市 inside 长沙市
        for stem in _gold_places():
            assert stem not in text, f"{path.name} mentions {stem}"
