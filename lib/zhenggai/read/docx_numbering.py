"""Word's automatic numbering: the labels a reader sees but the text does not hold.

A paragraph numbered by Word carries `<w:numPr>` (a list `numId` and a level `ilvl`), in its
own properties or through its style. `numbering.xml` maps the list to an abstract definition
whose levels give the start value, the format (`numFmt`: decimal, chineseCounting,
ideographTraditional…) and the label template (`lvlText`, e.g. `%1.` or `（%1）`). Counting
the paragraphs of each list in document order gives the label of each one, which is put in
front of its text, so that the notice parser sees "1.…" as printed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_BULLET = "●"  # a bullet drawn from a symbol font (a private-use character) prints as this


def _chinese(n: int) -> str:
    """一 … 九十九, then digit by digit."""
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    return "".join(_CN[int(d)] for d in str(n))


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def format_number(n: int, num_fmt: str) -> str:
    """A counter value in one of Word's number formats (decimal for unknown ones)."""
    if num_fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
                   "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital",
                   "chineseLegalSimplified"):
        return _chinese(n)
    formats = {
        "ideographTraditional": lambda k: _STEMS[(k - 1) % 10],
        "ideographZodiac": lambda k: _ZODIAC[(k - 1) % 12],
        "decimalEnclosedCircle": lambda k: chr(0x2460 + k - 1) if 1 <= k <= 20 else str(k),
        "decimalEnclosedCircleChinese": lambda k: chr(0x2460 + k - 1) if 1 <= k <= 20 else str(k),
        "decimalFullWidth": lambda k: "".join(chr(ord(c) + 0xFEE0) for c in str(k)),
        "decimalZero": lambda k: f"{k:02d}",
        "upperLetter": _letters,
        "lowerLetter": lambda k: _letters(k).lower(),
        "upperRoman": _roman,
        "lowerRoman": lambda k: _roman(k).lower(),
        "none": lambda k: "",
    }
    return formats.get(num_fmt, str)(n)


@dataclass(frozen=True)
class _Level:
    start: int
    num_fmt: str
    text: str  # lvlText, with %1…%9 standing for the counters of levels 0…8


@dataclass
class Numbering:
    """The lists of one document and their counters, advanced paragraph by paragraph."""

    levels: dict[str, dict[int, _Level]]  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list `num_id` at level `ilvl` ("" if none)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        level = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a deeper list restarts under each new item
        if level.num_fmt == "bullet":
            return _BULLET if not level.text or "\ue000" <= level.text[0] <= "\uf8ff" \
                else level.text
        label = level.text
        for k in range(9):
            if f"%{k + 1}" in label:
                value = counts.get(k, levels[k].start if k in levels else 1)
                fmt = levels[k].num_fmt if k in levels else "decimal"
                label = label.replace(f"%{k + 1}", format_number(value, fmt))
        return label


def _val(element, tag: str) -> str | None:
    found = element.find(_W + tag) if element is not None else None
    return found.get(_W + "val") if found is not None else None


def read_numbering(numbering_element) -> Numbering:
    """The lists defined in a document's numbering part (None: a document without lists)."""
    if numbering_element is None:
        return Numbering({})
    abstract: dict[str, dict[int, _Level]] = {}
    for definition in numbering_element.iter(_W + "abstractNum"):
        levels = {}
        for lvl in definition.iter(_W + "lvl"):
            start = _val(lvl, "start")
            levels[int(lvl.get(_W + "ilvl", "0"))] = _Level(
                int(start) if start and start.lstrip("-").isdigit() else 1,
                _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
        abstract[definition.get(_W + "abstractNumId", "")] = levels
    lists: dict[str, dict[int, _Level]] = {}
    for num in numbering_element.iter(_W + "num"):
        levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
        for override in num.iter(_W + "lvlOverride"):
            ilvl, start = int(override.get(_W + "ilvl", "0")), _val(override, "startOverride")
            if ilvl in levels and start and start.isdigit():
                old = levels[ilvl]
                levels[ilvl] = _Level(int(start), old.num_fmt, old.text)
        lists[num.get(_W + "numId", "")] = levels
    return Numbering(lists)


def paragraph_list(p_element, style_num_pr) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph element, from its own properties or its style's."""
    ppr = p_element.find(_W + "pPr")
    num_pr = ppr.find(_W + "numPr") if ppr is not None else None
    if num_pr is None:
        num_pr = style_num_pr
    if num_pr is None:
        return None
    num_id = _val(num_pr, "numId")
    if not num_id or num_id == "0":
        return None
    return num_id, int(_val(num_pr, "ilvl") or 0)
