"""Cleaning notice text for analysis, one line at a time.

The analysed form of a line is: traditional characters converted to simplified (OpenCC),
Unicode NFKC (full-width digits and letters become ASCII), one punctuation convention
(the genre's full-width ，：；（）？！ except between digits), conversion artefacts such as
Word's `[bookmark: …]` tags removed, and spaces between Chinese characters dropped.
Lines keep their position, so every analysed line can be traced back to its original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTEFACT = re.compile(r"\[(?:bookmark|_Toc|anchor)[^\]]*\]", re.IGNORECASE)
_CJK_OR_FULLWIDTH = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、。"
_SPACE_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK_OR_FULLWIDTH}])\s+|\s+(?=[{_CJK_OR_FULLWIDTH}])"
)
# After NFKC these ASCII marks stand where the source had full-width ones (or typed ASCII).
_TO_FULLWIDTH = {";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_COMMA_OR_COLON = re.compile(r"(?<!\d)[,:]|[,:](?!\d)")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC's t2s); simplified text passes unchanged."""
    return _t2s().convert(text)


def remove_artefacts(line: str) -> tuple[str, list[str]]:
    """Drop conversion artefacts; return the line and the artefacts found."""
    found = _ARTEFACT.findall(line)
    return (_ARTEFACT.sub("", line), found) if found else (line, [])


def normalise_punctuation(line: str) -> str:
    """Apply NFKC, then the genre's full-width punctuation outside numbers."""
    # NFKC would turn circled numbers (①②) into plain digits; they are measure markers, so
    # they are kept as printed.
    line = "".join(c if "\u2460" <= c <= "\u2473" else unicodedata.normalize("NFKC", c)
                   for c in line)
    line = line.replace("○", "〇").replace("...", "…")
    # corner brackets are the quotation marks of traditional-script texts
    line = line.translate(str.maketrans("「」『』", "“”‘’"))
    line = _COMMA_OR_COLON.sub(lambda m: "，" if m.group() == "," else "：", line)
    for ascii_mark, full in _TO_FULLWIDTH.items():
        line = line.replace(ascii_mark, full)
    if '"' in line:  # straight double quotes: alternate opening and closing marks
        parts = line.split('"')
        line = parts[0] + "".join(
            ("“" if i % 2 == 0 else "”") + part for i, part in enumerate(parts[1:])
        )
    return line


def normalise_line(line: str) -> str:
    """The analysed form of one line of a notice (see the module docstring)."""
    line, _ = remove_artefacts(line)
    line = normalise_punctuation(to_simplified(line))
    line = _SPACE_NEAR_CJK.sub("", line)
    return " ".join(line.split())
