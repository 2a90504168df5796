"""The inspected unit's sector (unit_type): a locality's party committee, a government
department, a people's organisation (文联, 妇联, 科协…), a court or procuratorate, a public
institution (a hospital, a school, a newspaper), a university, a state-owned enterprise or
bank, a township or sub-district, a development zone, a village or community. Read from the
unit's name by the genre's words (`UNIT_TYPES` in the vocabulary); "" when none fits."""

from __future__ import annotations

from zhenggai.notice import vocabulary as v


def unit_type(unit: str) -> str:
    """The sector code of a unit's name, or ""."""
    name = unit.strip()
    if not name:
        return ""
    return next((code for code, pattern in v.UNIT_TYPES if pattern.search(name)), "")
