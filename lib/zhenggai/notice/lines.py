"""A notice's text as numbered lines, each with its original and analysed form."""

from __future__ import annotations

import re

from zhenggai.notice.model import Line
from zhenggai.text.clean import normalise_lines

_SENTENCE_END = re.compile(r"(?<=[。！？!?])")


def split_lines(text: str) -> tuple[list[Line], list[str]]:
    """Non-empty lines with their analysed form, and notes on the artefacts removed."""
    lines, notes = [], []
    numbered = [(number, original) for number, original in enumerate(text.split("\n"), start=1)
                if original.strip()]
    analysed_forms = normalise_lines([original for _, original in numbered])
    for (number, original), (analysed, artefacts) in zip(numbered, analysed_forms, strict=True):
        notes += [f"removed {a} (line {number})" for a in artefacts]
        if analysed:
            indent = len(original) - len(original.lstrip(" \t\u3000"))
            lines.append(Line(number, original.strip(), analysed, indent))
    return lines, notes


def sentence_at(line: Line, position: int) -> str:
    """The original-wording sentence of `line` holding analysed character `position` (the
    whole original line when the two forms do not split alike)."""
    k = sum(1 for c in line.text[:position] if c in "。！？!?")
    parts = [p for p in _SENTENCE_END.split(line.original) if p]
    analysed_parts = [p for p in _SENTENCE_END.split(line.text) if p]
    if len(parts) == len(analysed_parts) and k < len(parts):
        return parts[k].strip()
    return line.original
