"""Reading one numeral token as printed, whatever its script.

Notices number things in Arabic (12), full-width (１２), Chinese (十二, 二〇二一, 两) and circled
(⑫) digits. This is the project's only reader of numerals, and the only module that imports
cn2an.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_CIRCLED = ("\u2460", "\u2473")  # ① … ⑳


@lru_cache(maxsize=4096)  # the same few tokens (一, 二, 2023…) recur in every notice
def read_numeral(token: str | None) -> int | None:
    """The value of a numeral token, or None when it is empty or not a numeral (十十)."""
    if not token:
        return None
    token = token.strip()
    if len(token) == 1 and _CIRCLED[0] <= token <= _CIRCLED[1]:
        return ord(token) - ord(_CIRCLED[0]) + 1
    plain = unicodedata.normalize("NFKC", token)
    if plain.isascii() and plain.isdigit():
        return int(plain)
    # ○ (a circle) stands for 〇 in many typed dates; cn2an reads digit-by-digit years itself
    import cn2an  # here, not at the top: it takes a sixth of a second to import

    try:
        return int(cn2an.cn2an(plain.replace("○", "〇"), "normal"))
    except (ValueError, KeyError):
        return None
