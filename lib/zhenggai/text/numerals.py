"""Reading one numeral token as printed, whatever its script.

Notices number things in Arabic (12), full-width (１２), Chinese (十二, 二〇二一, 两) and circled
(⑫) digits. This is the project's only reader of numerals, and the only module that imports
cn2an.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_CIRCLED = ("\u2460", "\u2473")  # ① … ⑳
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}


def _small_chinese(token: str) -> int | None:
    """一 … 九十九 (十, 十二, 二十, 二十三), the numerals of almost every marker, read without
    cn2an (whose import a build of one new file would otherwise pay); None for any other
    token. tests/test_vocabulary.py checks it agrees with cn2an."""
    digits = [_CN_DIGITS.get(c) for c in token]
    if len(token) == 1:
        return digits[0] if digits[0] else (10 if token == "十" else None)
    if len(token) == 2 and token[0] == "十" and digits[1]:
        return 10 + digits[1]
    if len(token) == 2 and token[1] == "十" and digits[0]:
        return digits[0] * 10
    if len(token) == 3 and token[1] == "十" and digits[0] and digits[2]:
        return digits[0] * 10 + digits[2]
    return None


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
    small = _small_chinese(plain)
    if small is not None:
        return small
    # ○ (a circle) stands for 〇 in many typed dates; cn2an reads digit-by-digit years itself
    import cn2an  # here, not at the top: it takes a third of a second to import

    try:
        return int(cn2an.cn2an(plain.replace("○", "〇"), "normal"))
    except (ValueError, KeyError):
        return None
