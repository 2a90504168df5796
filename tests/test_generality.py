"""Parsing is general: no code path names a seed's file, city or unit."""

from __future__ import annotations

from pathlib import Path

LIB = Path(__file__).resolve().parents[1] / "lib" / "zhenggai"
SEED_WORDS = ["湘潭", "南通", "庆阳", "甘肃", "无锡", "xiangtan", "nantong", "qingyang", "gansu",
              "wuxi", "e5517ce3", "84278682", "df2eaf45", "4517f60d", "5f92022a"]


def test_library_code_names_no_seed():
    for path in LIB.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in SEED_WORDS:
            assert word not in text, f"{path.name} mentions {word}"
