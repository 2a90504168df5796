"""Reading notice files of any supported format into plain text.

Every failure is raised as `ReadError` with a sentence a researcher can act on; the batch
builder turns it into a `rejected` row of the ingest log instead of a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")

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


class ReadError(Exception):
    """A file that cannot be read as text; the message says why, for the ingest log."""


@dataclass(frozen=True)
class Document:
    """The text of one input file, with how it was obtained."""

    path: Path
    text: str
    encoding: str  # the detected encoding, or "docx" for Word files
    file_format: str  # txt / md / html / docx


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; return (text, encoding name).

    Order: byte-order mark, strict UTF-8, then charset detection among Chinese encodings.
    """
    if not data.strip():
        raise ReadError("empty file: it contains no text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name.replace("_sig", "-sig").replace("_", "-")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if _looks_binary(data):
        raise ReadError("binary file: it is not text (control bytes found)")
    best = from_bytes(data, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None:
        raise ReadError(
            "unknown encoding: the bytes are not UTF-8, GB18030/GBK, Big5 or UTF-16; "
            "re-save the file as UTF-8"
        )
    text = str(best)
    if _control_heavy(text):
        raise ReadError("binary file: it is not text (control characters after decoding)")
    return text, best.encoding.replace("_", "-")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
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
        return text, name
    return None


def _control_heavy(text: str) -> bool:
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\t\n\r\f")
    return controls > len(text[:4096]) // 20


def _looks_binary(data: bytes) -> bool:
    """NUL bytes (UTF-16 was tried before), or many control bytes, mean a binary file."""
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 20


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(path: str | Path) -> Document:
    """Read one notice file (.txt, .md, .html/.htm, .docx) into text.

    Raises ReadError with a plain-language reason when the file cannot be used.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(
            f"unsupported file type '{suffix or '(none)'}': use one of "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror or exc}") from exc
    if suffix == ".docx":
        text, encoding, fmt = _read_docx(data), "docx", "docx"
    elif suffix in (".html", ".htm"):
        from zhenggai.read.html_article import article_text

        raw, encoding = decode_bytes(data)
        text, fmt = article_text(raw), "html"
    else:
        text, encoding = decode_bytes(data)
        fmt = suffix.lstrip(".")
    text = normalise_newlines(text).replace("\x00", "")
    if fmt == "md":
        text = _plain_markdown(text)
    if not text.strip():
        raise ReadError("empty file: it contains no text")
    if not _CJK.search(text):
        raise ReadError("no Chinese text: the file decodes, but holds no Chinese characters")
    return Document(path=path, text=text, encoding=encoding, file_format=fmt)


_MARKDOWN_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s*|>\s?)|\*\*|__")


def _plain_markdown(text: str) -> str:
    """Heading, quote and emphasis marks removed: the words of a Markdown notice."""
    return "\n".join(_MARKDOWN_MARKS.sub("", line) for line in text.split("\n"))


def _read_docx(data: bytes) -> str:
    """Paragraphs of a Word document in order (headings included), then table cells."""
    import docx  # python-docx

    if not data.strip():
        raise ReadError("empty file: it contains no text")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError("not a readable .docx file (the Word package is damaged)") from exc
    except Exception as exc:  # python-docx raises assorted errors on foreign zips
        raise ReadError(f"not a readable .docx file ({type(exc).__name__})") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
