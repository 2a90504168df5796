"""Numerals and numbering families: how problems, headings and measures are numbered."""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- numerals and numbering ---------------------------------------------------------------

CN_NUMERAL = "〇零一二三四五六七八九十百"  # the characters of a Chinese numeral token
NUMERAL = rf"(?:\d+|[{CN_NUMERAL}]+)"  # any numeral token (read with text.numerals)


@dataclass(frozen=True)
class Numbering:
    """One numbering family: how its markers look, and where it is used.

    `marker` has one group `n`, the numeral (read with zhenggai.text.numerals.read_numeral).
    `depth` orders the families that number problems and headings (一、 above （一） above 1.);
    None for families that only enumerate measures inside a response (一是…二是…).
    `measure_at_line_start`: as a measure marker it counts only at the start of a line.
    """

    name: str
    marker: str
    depth: int | None
    in_measures: bool
    measure_at_line_start: bool = False


NUMBERINGS: tuple[Numbering, ...] = (
    Numbering("cn", rf"(?P<n>[{CN_NUMERAL}]+)[\.、．]", depth=0, in_measures=False),
    Numbering("paren_cn", rf"（(?P<n>[{CN_NUMERAL}]+)）", depth=1, in_measures=False),
    Numbering("bracket_cn", rf"【(?P<n>[{CN_NUMERAL}]+)】", depth=2, in_measures=False),  # 【一】
    Numbering("arabic", r"(?P<n>\d+)[\.、．](?!\d)", depth=3, in_measures=True,
              measure_at_line_start=True),
    Numbering("paren_arabic", r"（(?P<n>\d+)）", depth=4, in_measures=True),
    Numbering("circled", r"(?P<n>[①-⑳])", depth=5, in_measures=True),
    Numbering("arabic_paren", r"(?P<n>\d+)）", depth=6, in_measures=True),  # 1）
    Numbering("cn_di", rf"第(?P<n>[{CN_NUMERAL}]+)[，、：]", depth=7, in_measures=True),  # 第一，
    Numbering("cn_shi", rf"(?P<n>[{CN_NUMERAL}]+)是", depth=None, in_measures=True),  # 一是
)
ITEM_NUMBERINGS = tuple(f for f in NUMBERINGS if f.depth is not None)
MEASURE_NUMBERINGS = tuple(f for f in NUMBERINGS if f.in_measures)


def _without_group(marker: str) -> str:
    return marker.replace("(?P<n>", "(?:")


# A numbered item's marker, any family (the group-less form, for use inside larger patterns).
ITEM_MARKER = "(?:" + "|".join(_without_group(f.marker) for f in ITEM_NUMBERINGS) + ")"
# A line that opens a new measure of the response being read.
MEASURE_START = re.compile(
    "^(?:" + "|".join(_without_group(f.marker) for f in MEASURE_NUMBERINGS) + ")"
)

# Bullets that list measures: ● ◆ ■ and a Markdown list item (- / * / +).
BULLET = re.compile(r"^(?:[●◆■▲►•·▪◇□◎★☆√✓]|[-*+](?=\s|[\u4e00-\u9fff]))\s*")

# Headings that are not problems: the chapters and sections problems stand under.
CHAPTER_HEADING = re.compile(rf"^(?:[{CN_NUMERAL}]+、|第[{CN_NUMERAL}]+部分)\s*(?P<text>.+)$")
SECTION_HEADING = re.compile(rf"^（[{CN_NUMERAL}]+）\s*(?P<text>.+)$")
# A chapter about the problems (not about organisation or next steps).
PROBLEM_CHAPTER_STRONG = re.compile(r"问题")
# A chapter after the problems: what comes next, what was achieved.
AFTER_PROBLEMS_CHAPTER = re.compile(r"下一步|今后|打算|工作安排|工作计划|成效|成果|体会|经验|努力方向|长效")  # chapters naming the problems, when some do
PROBLEM_CHAPTER = re.compile(r"问题|整改落实|落实情况|整改情况|反馈意见|整改进展")
