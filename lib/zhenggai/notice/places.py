"""Resolving the place of an inspected unit through the national administrative-division list.

The gazetteer is the adcode table shipped with `cpca` (民政部 administrative divisions with
their six-digit codes). `cpca` recognises full and short names (长沙市, 长沙, 江阴市); a short
autonomous-prefecture form (湘西州, 延边州) falls back to a prefix search of the same table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

import pandas as pd

from zhenggai.notice.vocabulary import INSPECTING_BODIES

# Names the gazetteer uses where a level does not apply (municipal districts, county-level
# units administered directly by a province).
_NOT_A_CITY = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_CENTRAL = re.compile(r"^(中国|中华全国|中央|全国)")
_ORGANISATION = re.compile(r"(文学艺术界联合会|文联|作家协会|作协|文化|党组|党委|委员会)")
_SHORT_PREFECTURE = re.compile(r"^(.{2,4}?)(州|盟|地区)$")


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
def _gazetteer() -> pd.DataFrame:
    from importlib.resources import files

    table = pd.read_csv(files("cpca.resources") / "adcodes.csv", dtype={"adcode": str})
    table["code"] = table["adcode"].str[:6]
    return table[["code", "name"]].drop_duplicates()


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return dict(zip(_gazetteer()["code"], _gazetteer()["name"], strict=True))


def _name_of(code: str) -> str:
    return _names().get(code, "")


def place_text(unit: str) -> str:
    """The part of a unit's name that names a place: 长沙市文联 → 长沙市."""
    match = _ORGANISATION.search(unit)
    return unit[: match.start()] if match else unit


def resolve_place(unit: str) -> Place:
    """Resolve an organisation name (长沙市文联, 中国文联, 江阴市文联) to its place and level."""
    text = place_text(unit).strip()
    if _CENTRAL.match(unit) and not text.replace("中国", "").strip():
        return Place(admin_level="central")
    if len(text) < 2:  # 市文联, 县文联: the level word alone names no place
        return Place(notes=("no place name in the unit's name",))
    import cpca

    # 延边州, 恩施州: the short form of an autonomous prefecture, which cpca would read as
    # the county-level city of the same stem (恩施市).
    code = _autonomous_prefecture(text)
    row = cpca.transform([text]).iloc[0]
    if not code:
        code = "" if pd.isna(row["adcode"]) else str(row["adcode"])[:6]
    if not code:
        code = _prefix_match(text)
    if not code:
        return Place(notes=(f"'{text}' not found in the administrative-division list",))
    notes: tuple[str, ...] = ()
    county = "" if pd.isna(row["区"]) else str(row["区"])
    if county and text.startswith(county):  # no province or city named before the county
        namesakes = int((_gazetteer()["name"] == county).sum())
        if namesakes > 1:
            notes = (f"'{county}' names {namesakes} places in the gazetteer; took {code}",)
    return _place_from_code(code, notes)


def _autonomous_prefecture(text: str) -> str:
    """The code of the 自治州 a short name (XX州) stands for, when it names no place itself."""
    if not text.endswith("州") or len(text) < 3:
        return ""
    names = _gazetteer()["name"]
    if names.str.startswith(text).any():  # 杭州 → 杭州市: a real name, not a short form
        return ""
    hits = _gazetteer()[names.str.startswith(text[:-1]) & names.str.endswith("自治州")]
    return str(hits["code"].iloc[0]) if len(hits) == 1 else ""


def _prefix_match(text: str) -> str:
    """湘西州 → 湘西土家族苗族自治州: a short prefecture name found by its prefix."""
    match = _SHORT_PREFECTURE.match(text)
    stem = match.group(1) if match else text
    table = _gazetteer()
    hits = table[table["name"].str.startswith(stem)]
    return str(hits["code"].iloc[0]) if len(hits) == 1 else ""


def _place_from_code(code: str, notes: tuple[str, ...]) -> Place:
    province = _name_of(code[:2] + "0000")
    city_code, county_code = code[:4] + "00", code
    city = _name_of(city_code) if code[2:4] != "00" else ""
    county = _name_of(county_code) if code[4:6] != "00" else ""
    if city in _NOT_A_CITY:
        city = ""
    if county:
        level = "county"
    elif code[2:4] != "00":
        level = "prefecture"
    else:
        level = "province"
    return Place(level, province, city, county, code, notes)


def locate(unit: str, inspecting_body: str) -> tuple[Place, list[str]]:
    """The place of an inspected unit, and warnings on how it was found. When the unit's name
    gives no level, the inspecting committee does (市委 inspects prefecture-level units)."""
    place = resolve_place(unit)
    warnings = []
    if not place.admin_level and inspecting_body in INSPECTING_BODIES:
        place = replace(place, admin_level=INSPECTING_BODIES[inspecting_body])
        warnings.append(f"level inferred from the inspecting body ({inspecting_body})")
    if not place.admin_level and not place.notes:
        warnings.append("place not resolved")
    return place, warnings + [f"place: {note}" for note in place.notes]
