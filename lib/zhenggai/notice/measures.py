"""Splitting a problem's response into its enumerated measures.

Responses enumerate what was done as 一是…二是…, （1）…（2）…, 第一，…第二，…, ①…②…, or
numbered lines (1. / 1、): the measure numberings of the vocabulary. We take the family whose
markers run 1, 2, 3… most often (a new run starting at 1 continues the list: a notice may
enumerate completed work, then further work); a response with no enumeration is one measure.
Label-only lines (正在深化整改的内容及时限：) stay in the response but are not measure text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Measure
from zhenggai.text.numerals import read_numeral

# A measure marker stands at the start, or after punctuation or a line break.
_AFTER_PUNCTUATION = r"(?:^|(?<=[。；;，,：:\s！？]))"
_AT_LINE_START = r"(?:^|(?<=\n))"

__all__ = ["Measure", "split_measures"]


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile((_AT_LINE_START if f.measure_at_line_start else _AFTER_PUNCTUATION)
                   + f.marker)
        for f in v.MEASURE_NUMBERINGS
    )


def _value(match: re.Match[str]) -> int:
    """The number of a marker; 0 for a malformed one (十十是), which never fits a run."""
    return read_numeral(match.group("n")) or 0


def _run(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Markers of one family that count 1, 2, 3… (a restart at 1 is allowed)."""
    kept: list[re.Match[str]] = []
    expected = 1
    for match in pattern.finditer(text):
        value = _value(match)
        if value and (value == expected or (value == 1 and kept)):
            kept.append(match)
            expected = value + 1
    return kept if len(kept) >= 2 or (kept and _value(kept[0]) == 1) else []


def split_measures(response: str) -> list[Measure]:
    """The measures of one response, in order."""
    response = response.strip()
    if not response:
        return []
    runs = [_run(response, pattern) for pattern in _patterns()]
    best = max(runs, key=lambda r: (len(r), -(r[0].start() if r else 0)))
    if len(best) < 2:
        return [Measure("", _strip_labels(response))]
    measures = []
    for i, match in enumerate(best):
        end = best[i + 1].start() if i + 1 < len(best) else len(response)
        body = _strip_labels(response[match.end():end])
        measures.append(Measure(match.group(0).strip(), body))
    return measures


def _strip_labels(text: str) -> str:
    lines = [line.strip() for line in text.strip().split("\n")]
    return "\n".join(line for line in lines if line and not v.LABEL_ONLY_LINE.match(line))
