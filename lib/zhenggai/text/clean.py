"""Cleaning notice text for analysis, one line at a time.

The analysed form of a line is: traditional characters converted to simplified (OpenCC),
Unicode NFKC (full-width digits and letters become ASCII), one punctuation convention
(the genre's full-width ，：；（）？！ except between digits), conversion artefacts such as
Word's `[bookmark: …]` tags and pinyin glosses (關(guān)于) removed, and spaces between Chinese
characters dropped.
Lines keep their position, so every analysed line can be traced back to its original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTEFACT = re.compile(r"\[(?:bookmark|_Toc|anchor)[^\]]*\]", re.IGNORECASE)  # Word's tags
# Pinyin glosses some reposting sites insert after characters: 關(guān)于. A line must hold
# several before they are taken for glosses, so that a lone (app) stays.
_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
_MIN_GLOSSES = 2
_CJK_OR_FULLWIDTH = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、。"
_SPACE_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK_OR_FULLWIDTH}])\s+|\s+(?=[{_CJK_OR_FULLWIDTH}])"
)
# After NFKC these ASCII marks stand where the source had full-width ones (or typed ASCII).
_TO_FULLWIDTH = {";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
# Commas and colons are made full-width, then those between two digits ASCII again (few
# are: a pattern per mark spares a Python call per comma). Each pattern opens with the mark
# itself, which lets the regex engine skip to the marks (a lookbehind first would try every
# position).
_WIDE_COMMA_COLON = ((",", "，"), (":", "："))
_COMMA_IN_NUMBER = re.compile(r"，(?<=\d.)(?=\d)")
_COLON_IN_NUMBER = re.compile(r"：(?<=\d.)(?=\d)")
_WHITESPACE = re.compile(r"\s")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified Chinese (OpenCC's t2s); simplified text passes unchanged."""
    return _t2s().convert(text)


def remove_artefacts(line: str) -> tuple[str, list[str]]:
    """Drop conversion artefacts; return the line and the artefacts found."""
    found = _ARTEFACT.findall(line) if "[" in line else []
    if found:
        line = _ARTEFACT.sub("", line)
    glosses = _PINYIN_GLOSS.findall(line) if ("(" in line or "（" in line) else []
    if len(glosses) >= _MIN_GLOSSES:
        line = _PINYIN_GLOSS.sub("", line)
        found.append(f"{len(glosses)} pinyin glosses")
    return line, found


# NFKC would turn circled numbers (①②) into plain digits; they are measure markers, so they
# are kept as printed. The rest of the table: corner brackets are the quotation marks of
# traditional-script texts, ○ is a typed 〇.
_KEEP = re.compile("[\u2460-\u2473]")
_HAS_MARK = re.compile("[○「」『』;()?!]")
_MARKS = (("○", "〇"), ("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’"), *_TO_FULLWIDTH.items())


# What NFKC makes of the full-width ASCII forms and the ideographic space, which nearly
# every line has: mapped first by a quick table, most lines are then already in NFKC and
# are spared the slower normalisation (the result is the same: these map to one character).
_WIDE = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
                       "\u3000": " "})


# The forms nearly every line has are replaced one by one (str.replace runs in C; a
# translate table costs a dictionary look-up per character); the table takes the rare rest.
_COMMON_WIDE = tuple((c, _WIDE[ord(c)]) for c in "，：；（）？！\u3000")
_OTHER_WIDE = re.compile("[\uff01-\uff5e]")


def _replaced(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def _nfkc(text: str) -> str:
    text = _replaced(text, _COMMON_WIDE)
    if _OTHER_WIDE.search(text):
        text = text.translate(_WIDE)
    return text if unicodedata.is_normalized("NFKC", text) else \
        unicodedata.normalize("NFKC", text)


def normalise_punctuation(line: str) -> str:
    """Apply NFKC, then the genre's full-width punctuation outside numbers."""
    if _KEEP.search(line):
        line = "".join(c if _KEEP.match(c) else _nfkc(c) for c in line)
    else:
        line = _nfkc(line)
    line = line.replace("...", "…")
    line = _replaced(line, _WIDE_COMMA_COLON)
    line = _COLON_IN_NUMBER.sub(":", _COMMA_IN_NUMBER.sub(",", line))
    if _HAS_MARK.search(line):
        line = _replaced(line, _MARKS)
    if '"' in line:  # straight double quotes: alternate opening and closing marks
        parts = line.split('"')
        line = parts[0] + "".join(
            ("“" if i % 2 == 0 else "”") + part for i, part in enumerate(parts[1:])
        )
    return line


def _after_simplified(line: str) -> str:
    line = normalise_punctuation(line)
    if _WHITESPACE.search(line):  # most lines have none: spare them the slower search
        line = _SPACE_NEAR_CJK.sub("", line)
    return " ".join(line.split())


def normalise_line(line: str) -> str:
    """The analysed form of one line of a notice (see the module docstring)."""
    return _after_simplified(to_simplified(remove_artefacts(line)[0]))


def normalise_lines(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each line's analysed form (none holds a line break), as normalise_line gives it, with
    the artefacts removed from it. OpenCC converts them in one call, which costs half as much
    as a call per line (no dictionary entry holds a line break, so no conversion spans two
    lines)."""
    cleaned, artefacts = zip(*map(remove_artefacts, lines), strict=True) if lines else ((), ())
    simplified = to_simplified("\n".join(cleaned)).split("\n")
    if len(simplified) != len(cleaned):  # never seen; the line-by-line form stays the rule
        simplified = [to_simplified(line) for line in cleaned]
    return [(_after_simplified(line), found) for line, found in
            zip(simplified, artefacts, strict=True)]
