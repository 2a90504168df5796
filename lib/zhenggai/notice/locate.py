"""Where the inspected unit is, and at what level.

The place is read from, in order: the issuer in the title (or the signature, or the unit the
framing names); the unit's full name anywhere in the text, or a document of its party group
(《中共XX县…党组关于…》); the page's source line (来源：XX市纪委监委网站); and last the first
division of the unit's level the text mentions, which is flagged as inferred. 我单位, 本市…
name no place of their own and take theirs from these sources.

The level is the place's (a county-level city, even one whose 市委 inspected it, is county
level; a township counts as county level); without a place, the unit's level word (市妇联 →
prefecture), and last the inspecting committee. Units of the centre have no place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Line
from zhenggai.notice.places import Place, leading_places, place_mentions, resolve_place


def unit_level_word(unit: str) -> str:
    """The level a unit's own name implies without naming a place (市妇联 → prefecture)."""
    return next((level for pattern, level in v.UNIT_LEVEL_WORD if pattern.search(unit)), "")


def fits(unit: str, place: Place) -> bool:
    """Whether a place can be the unit's: of the level its name implies, where 市 is also a
    county-level city (the 市委 of 晋州市 inspects 市X局)."""
    level = unit_level_word(unit)
    county_city = level == "prefecture" and place.county.endswith("市")
    return not level or place.admin_level == level or county_city


def _stem(unit: str) -> str:
    """The unit's name without its level word: 市妇联 → 妇联 (a township keeps its name)."""
    return re.sub(r"^(?:中共)?[省市区县旗州盟]", "", unit)


def _chain_before(text: str, end: int) -> str:
    """The full division names that stand right before position `end` (长沙市岳麓区)."""
    chain_start = end
    for mention in reversed([m for m in place_mentions(text[:end]) if m.end <= end]):
        if mention.end != chain_start:
            break
        chain_start = mention.start
    return text[chain_start:end]


def _full_name_in_text(unit: str, lines: list[Line]) -> tuple[str, int] | None:
    """The place before the unit's name where the text names it in full (岳麓区妇联), or before
    a document of a party group of the unit's level (《中共衡阳市科学技术局党组…》)."""
    stem = _stem(unit)
    level = unit_level_word(unit)
    for line in lines:
        if len(stem) >= 2:
            for found in re.finditer(re.escape(stem), line.text):
                chain = _chain_before(line.text, found.start())
                place = _resolved(chain) if chain else None
                if place and fits(unit, place):
                    return chain, line.number
        for document in re.finditer(r"《中共", line.text):
            chain = leading_places(line.text[document.end():])
            place = _resolved(chain) if chain and level else None
            if place and fits(unit, place):
                return chain, line.number
    return None


def _first_mention_of_level(unit: str, lines: list[Line]) -> tuple[str, int] | None:
    for line in lines:
        for mention in place_mentions(line.text):
            chain = _chain_before(line.text, mention.end)
            place = _resolved(chain)
            if place and fits(unit, place):
                return chain, line.number
    return None


def place_text_of_source(source: str) -> str:
    """The place a source line names: XX市纪委监委网站 → XX市."""
    return re.sub(r"(?:纪委|监委|人民政府|政府|委员会|党委|网站|网).*$", "", source)


def _resolved(text: str) -> Place | None:
    place = resolve_place(text)
    return place if place.adcode else None


def _find_place(unit: str, lines: list[Line], source: str) -> tuple[Place | None, list[str]]:
    """The place by the sources in order, with a warning where it was inferred."""
    own = _resolved(unit) if unit else None
    if own:
        return own, []
    found = _full_name_in_text(unit, lines) if unit else None
    if found:
        place = _resolved(found[0])
        if place:
            return place, [f"place: from the unit's name in the text ('{found[0]}', line "
                           f"{found[1]})"]
    from_source = _resolved(place_text_of_source(source)) if source else None
    if from_source and fits(unit, from_source):
        return from_source, [f"place: from the page's source line ('{source}')"]
    mention = _first_mention_of_level(unit, lines)
    if mention:
        place = _resolved(mention[0])
        if place:
            return place, [f"place: inferred from the first mention of a division of the "
                           f"unit's level in the text ('{mention[0]}', line {mention[1]})"]
    return None, []


def locate(unit: str, lines: list[Line], source: str, inspecting_body: str
           ) -> tuple[Place, list[str]]:
    """The place and level of the inspected unit, and warnings on how they were found."""
    if v.CENTRAL_UNIT.search(unit):
        return Place(admin_level="central"), []
    place, warnings = _find_place(unit, lines, source)
    if place is None and v.TOWNSHIP_UNIT.search(unit):
        place = Place(admin_level="county", notes=("a township: county level, place unnamed",))
    if place is None:
        if inspecting_body == "中央" and not unit_level_word(unit):
            return Place(admin_level="central"), []
        own = resolve_place(unit) if unit else Place(notes=("no unit named",))
        place = replace(own, admin_level=unit_level_word(unit))
        if not place.admin_level and inspecting_body in v.INSPECTING_BODIES:
            place = replace(place, admin_level=v.INSPECTING_BODIES[inspecting_body])
            warnings.append(f"level inferred from the inspecting body ({inspecting_body})")
    if v.TOWNSHIP_UNIT.search(unit.replace(place.county or "\0", "")) and \
            place.admin_level == "prefecture":
        place = replace(place, admin_level="county")
        warnings.append("level: a township counts as county level")
    if not place.admin_level and not place.notes:
        warnings.append("place not resolved")
    return place, warnings + [f"place: {note}" for note in place.notes]
