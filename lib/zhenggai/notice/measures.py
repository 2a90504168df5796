"""Splitting a problem's response into its measures, and saying how they were counted.

The count comes from the first rule that applies (the genre's ways of listing):
1. enumerated: 一是…二是…, （1）…（2）…, 第一，…第二，…, ①…②…, 1）…, numbered lines (1. / 1、,
   also after 。 as in a table cell), or bullets (● ◆ ■ - ) opening lines. We take the family
   whose markers run 1, 2, 3… most often (a new run starting at 1 continues the list: a notice
   may enumerate completed work, then further work);
2. paragraphs: a response written as several unnumbered paragraphs, one measure each;
3. semicolon: one prose block whose parts are separated by ；;
4. prose: one block, one measure.
Label-only lines (正在深化整改的内容及时限：) stay in the response but are not measure text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Measure
from zhenggai.notice.vocabulary.numbering import CN_NUMERAL
from zhenggai.text.numerals import read_numeral

# A measure marker stands at the start, or after punctuation or a line break. The text is
# searched with a newline put before it, for the boundary character that opens every match: a
# pattern that opens with a character class is scanned fast, a lookbehind is not.
_AFTER_PUNCTUATION = r"[。；;，,：:\s！？]"
_AT_SENTENCE_START = r"[\n。；]"  # 1. numbers a line, or a sentence in a table cell
# 一是 may follow its subject (局党组一是…), but not inside a word (统一是, 唯一是, 第一是). The
# check stands after the numeral's first character, so that the pattern opens with a numeral,
# which a search skips to (opening with "any character but 统唯…" would try every position).
_NOT_IN_WORD = "统唯同第之万专划单均逐"
_CN_SHI = re.compile(
    rf"(?P<marker>(?P<n>[{CN_NUMERAL}](?<![{_NOT_IN_WORD}].)[{CN_NUMERAL}]*)是)")
MIN_MEASURE_CHARS = 2  # a semicolon part shorter than this is no measure

__all__ = ["Measure", "split_measures"]


@dataclass(frozen=True)
class _Marker:
    start: int
    end: int
    text: str  # as printed
    value: int  # 0 for a malformed numeral (十十是), which never fits a run


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    def pattern(family: v.Numbering) -> re.Pattern[str]:
        if family.name == "cn_shi":  # the family's marker, 一是, not inside a word
            return _CN_SHI
        boundary = _AT_SENTENCE_START if family.measure_at_line_start else _AFTER_PUNCTUATION
        return re.compile(boundary + f"(?=(?P<marker>{family.marker}))")

    return tuple(pattern(f) for f in v.MEASURE_NUMBERINGS)


def _markers(text: str, pattern: re.Pattern[str]) -> Iterator[_Marker]:
    """The family's markers in the text, left to right, none overlapping the one before."""
    last_end = 0
    for match in pattern.finditer("\n" + text):
        start, end = match.start("marker") - 1, match.end("marker") - 1
        if start >= last_end:
            yield _Marker(start, end, match.group("marker"), read_numeral(match.group("n")) or 0)
            last_end = end


def _run(text: str, pattern: re.Pattern[str]) -> list[_Marker]:
    """Markers of one family that count 1, 2, 3… (a restart at 1 is allowed)."""
    kept: list[_Marker] = []
    expected = 1
    for marker in _markers(text, pattern):
        value = marker.value
        if value and (value == expected or (value == 1 and kept)):
            kept.append(marker)
            expected = value + 1
    return kept if len(kept) >= 2 or (kept and kept[0].value == 1) else []


def _bullets(text: str) -> list[_Marker]:
    """Bullets opening lines (● ◆ ■ -): a list without numbers."""
    found, offset = [], 0
    for line in text.split("\n"):
        bullet = v.BULLET.match(line)
        if bullet:
            found.append(_Marker(offset, offset + bullet.end(), bullet.group().strip(), 1))
        offset += len(line) + 1
    return found


def split_measures(response: str) -> list[Measure]:
    """The measures of one response, in order, each with the form it was counted by."""
    response = response.strip()
    if not response:
        return []
    runs = [_run(response, pattern) for pattern in _patterns()] + [_bullets(response)]
    best = max(runs, key=lambda r: (len(r), -(r[0].start if r else 0)))
    if len(best) >= 2:
        measures = []
        for i, marker in enumerate(best):
            end = best[i + 1].start if i + 1 < len(best) else len(response)
            body = _strip_labels(response[marker.end:end])
            measures.append(Measure(marker.text.strip(), body, "enumerated"))
        return measures
    paragraphs = _paragraphs(_strip_labels(response))
    if len(paragraphs) >= 2:
        return [Measure("", p, "paragraphs") for p in paragraphs]
    text = paragraphs[0] if paragraphs else response
    parts = [p for p in re.split(r"；", text) if len(p.strip("。 ")) >= MIN_MEASURE_CHARS]
    if len(parts) >= 2:
        return [Measure("", p.strip(), "semicolon") for p in parts]
    return [Measure("", _strip_labels(response), "prose")]


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a text: lines, a line that stops mid-sentence joined to the next
    (a hard-wrapped text file)."""
    paragraphs: list[str] = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if paragraphs and not paragraphs[-1].endswith(v.SENTENCE_END):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


def _strip_labels(text: str) -> str:
    lines = [line.strip() for line in text.strip().split("\n")]
    return "\n".join(line for line in lines if line and not v.LABEL_ONLY_LINE.match(line))
