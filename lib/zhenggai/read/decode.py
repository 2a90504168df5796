"""Decoding the bytes of a notice whose encoding nobody told us.

Order: a byte-order mark, strict UTF-8, UTF-16 without a mark, then charset detection among
the encodings Chinese notices arrive in. A file that is UTF-8 but for a few stray bytes (one
GBK character pasted in) is read with replacement when at least 99.9 % of it decodes, and the
place of the first bad byte is reported; otherwise the reason names that place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from zhenggai.read.errors import ReadError

# Encodings a Chinese notice realistically arrives in. Restricting the detector to these keeps
# it from "recognising" Chinese text as some Cyrillic or Latin code page.
_CANDIDATE_ENCODINGS = ["utf_8", "gb18030", "big5", "utf_16", "utf_16_le", "utf_16_be"]
_BOMS = (
    (b"\xef\xbb\xbf", "utf_8_sig"),
    (b"\xff\xfe", "utf_16"),
    (b"\xfe\xff", "utf_16"),
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# Characters a notice is made of: CJK, CJK and full-width punctuation, ASCII, whitespace.
_PLAUSIBLE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\s①-⑳]")
MIN_DECODED_SHARE = 0.999  # a file this much valid UTF-8 is read with replacement
SAMPLE_BYTES = 4096  # how much of a file the binary checks look at


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding's name and what was repaired on the way."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"line {line}, byte offset {offset}"


def _with_mark(data: bytes, bom: bytes, name: str) -> Decoded:
    label = name.replace("_sig", "-sig").replace("_", "-")
    try:
        return Decoded(data.decode(name), label)
    except UnicodeDecodeError as exc:
        raise ReadError(f"undecodable bytes after a {label} byte-order mark "
                        f"({_where(data, exc.start)}): re-save the file as UTF-8") from exc


def _mostly_utf8(data: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """UTF-8 with a few stray bytes: read with replacement when they are rare enough."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad > (1 - MIN_DECODED_SHARE) * len(data):
        return None
    note = (f"{bad} undecodable byte(s) replaced with U+FFFD; the first at "
            f"{_where(data, error.start)}")
    return Decoded(text, "utf-8", (note,))


def decode_bytes(data: bytes) -> Decoded:
    """Decode bytes of unknown encoding (see the module docstring)."""
    if not data.strip():
        raise ReadError("empty file: it contains no text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _with_mark(data, bom, name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        error = exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if _looks_binary(data):
        raise ReadError("binary file: it is not text (control bytes found)")
    nearly = _mostly_utf8(data, error)
    if nearly:
        return nearly
    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None:
        raise ReadError(
            "unknown encoding: the bytes are not UTF-8 (first bad byte at "
            f"{_where(data, error.start)}), GB18030/GBK, Big5 or UTF-16; re-save the file as UTF-8"
        )
    text = str(best)
    if _control_heavy(text):
        raise ReadError("binary file: it is not text (control characters after decoding)")
    return Decoded(text, best.encoding.replace("_", "-"))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: NULs (the high bytes of ASCII characters) mostly on
    one parity, and the text decodes strictly into mostly Chinese, ASCII and punctuation."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 3 * even:
        name = "utf-16-le"
    elif even >= 3 * odd:
        name = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    plausible = sum(1 for c in text if _PLAUSIBLE.match(c))
    if _CJK.search(text) and plausible >= 0.9 * len(text):
        return Decoded(text, name)
    return None


def _control_heavy(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > len(sample) // 20


def _looks_binary(data: bytes) -> bool:
    """NUL bytes (UTF-16 was tried before), or many control bytes, mean a binary file."""
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 20
