"""Splitting a problem's response into its enumerated measures.

Responses enumerate what was done as 一是…二是…, （1）…（2）…, 第一，…第二，…, ①…②…, or
numbered lines (1. / 1、). We take the family whose markers run 1, 2, 3… most often (a new run
starting at 1 continues the list: a notice may enumerate completed work, then further work); a
response with no enumeration is one measure. Label-only lines (正在深化整改的内容及时限：) stay in
the response but are not measure text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

_CN = "一二三四五六七八九十"
_BOUNDARY = r"(?:^|(?<=[。；;，,：:\s！？]))"
_FAMILIES: dict[str, re.Pattern[str]] = {
    "是": re.compile(rf"{_BOUNDARY}(?P<n>[{_CN}]{{1,3}})是"),
    "第": re.compile(rf"{_BOUNDARY}第(?P<n>[{_CN}]{{1,3}})[，、：,:]"),
    "括号": re.compile(rf"{_BOUNDARY}（(?P<n>\d{{1,2}})）"),
    "圈": re.compile(rf"{_BOUNDARY}(?P<n>[①-⑳])"),
    "行号": re.compile(r"(?:^|(?<=\n))(?P<n>\d{1,2})[\.、．](?!\d)"),
}
_LABEL_LINE = re.compile(r"^[^。，；]{2,30}[：:]$")


@dataclass(frozen=True)
class Measure:
    marker: str  # as printed: 一是 / （1） / 第一， / ① / 1. ; "" for an unenumerated response
    text: str


def _value(token: str) -> int:
    """The number of a marker; 0 for a malformed one (十十是), which never fits a run."""
    if "\u2460" <= token <= "\u2473":  # ①…⑳ (str.isdigit() is true for them too)
        return ord(token) - 0x2460 + 1
    if token.isdecimal():
        return int(token)
    try:
        return int(cn2an.cn2an(token, "normal"))
    except (ValueError, KeyError):
        return 0


def _run(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Markers of one family that count 1, 2, 3… (a restart at 1 is allowed)."""
    kept: list[re.Match[str]] = []
    expected = 1
    for match in pattern.finditer(text):
        value = _value(match.group("n"))
        if value and (value == expected or (value == 1 and kept)):
            kept.append(match)
            expected = value + 1
    return kept if len(kept) >= 2 or (kept and _value(kept[0].group("n")) == 1) else []


def split_measures(response: str) -> list[Measure]:
    """The measures of one response, in order."""
    response = response.strip()
    if not response:
        return []
    runs = [_run(response, pattern) for pattern in _FAMILIES.values()]
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
    return "\n".join(line for line in lines if line and not _LABEL_LINE.match(line))
