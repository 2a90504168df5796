"""Reading notice files of any supported format into plain text.

Every failure is raised as `ReadError` with a sentence a researcher can act on; the batch
builder turns it into a `rejected` row of the ingest log instead of a traceback. Control
characters (C0 and C1, but newline and tab) are removed from every text and noted.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from zhenggai.read.decode import decode_bytes
from zhenggai.read.docx import read_docx
from zhenggai.read.errors import ReadError
from zhenggai.read.pdf import read_pdf

__all__ = ["SUPPORTED_SUFFIXES", "Document", "ReadError", "read_bytes", "read_document",
           "strip_controls"]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
MAX_FILE_BYTES = 20 * 1024 * 1024  # default cap on one input file
_CJK = re.compile(r"[\u3400-\u9fff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # \r is a line break, handled first


@dataclass(frozen=True)
class Document:
    """The text of one input file, with how it was obtained."""

    path: Path
    text: str
    encoding: str  # the detected encoding, or "docx" for Word files
    file_format: str  # txt / md / html / docx
    notes: tuple[str, ...] = ()  # what was repaired on reading (replaced bytes, controls)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_controls(text: str) -> tuple[str, int]:
    """The text without C0/C1 control characters (newline and tab kept), and how many went."""
    cleaned, n = _CONTROL.subn("", text)
    return cleaned, n


def _html_text(raw: str) -> tuple[str, tuple[str, ...]]:
    from zhenggai.read.html_article import article_text
    from zhenggai.read.html_plain import TREE_LIMIT, plain_text, without_noise

    if len(raw) > TREE_LIMIT:
        raw = without_noise(raw)
        if len(raw) > TREE_LIMIT:  # memory is bounded per file: no tree of this size
            return plain_text(raw), (f"a page of {len(raw):,} characters of markup was read "
                                     "as plain text, without its layout",)

    with warnings.catch_warnings(record=True) as caught:  # BeautifulSoup's, named by file
        warnings.simplefilter("always")
        text = article_text(raw)
    notes = tuple(f"HTML reader: {str(w.message).splitlines()[0][:120]}" for w in caught)
    return text, notes


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(f"file too large: {size:,} bytes, over the limit of {max_bytes:,} "
                            "(raise it with --max-file-mb)")
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open the file: {exc.strerror or exc}") from exc


def read_document(path: str | Path, max_bytes: int = MAX_FILE_BYTES,
                  data: bytes | None = None) -> Document:
    """Read one notice file (.txt, .md, .html/.htm, .docx, .pdf) into text; `data`, when given,
    are the file's bytes, already read.

    Raises ReadError with a plain-language reason when the file cannot be used.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(
            f"unsupported file type '{suffix or '(none)'}': use one of "
            + ", ".join(SUPPORTED_SUFFIXES)
        )
    if data is None:
        data = read_bytes(path, max_bytes)
    notes: tuple[str, ...] = ()
    if suffix == ".docx":
        text, encoding, fmt = read_docx(data), "docx", "docx"
    elif suffix == ".pdf":
        text, encoding, fmt = read_pdf(data), "pdf", "pdf"
    else:
        decoded = decode_bytes(data)
        text, encoding, notes = decoded.text, decoded.encoding, decoded.notes
        fmt = suffix.lstrip(".")
        if suffix in (".html", ".htm"):
            (text, html_notes), fmt = _html_text(text), "html"
            notes += html_notes
    text, n_controls = strip_controls(normalise_newlines(text))
    if n_controls:
        notes += (f"removed {n_controls} control character(s)",)
    if fmt == "md":
        text = _plain_markdown(text)
    if not text.strip():
        raise ReadError("empty file: it contains no text")
    if not _CJK.search(text):
        raise ReadError("no Chinese text: the file decodes, but holds no Chinese characters")
    return Document(path=path, text=text, encoding=encoding, file_format=fmt, notes=notes)


_MARKDOWN_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s*|>\s?)|\*\*|__")
# YAML front matter, as note-taking apps write it above a clipped page (title:, source:,
# created:): metadata about the clipping, not the notice's text.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _plain_markdown(text: str) -> str:
    """Front matter, heading, quote and emphasis marks removed: the words of a Markdown
    notice (list items and pipe tables stay, as the body reader reads them)."""
    text = _FRONT_MATTER.sub("", text, count=1)
    return "\n".join(_MARKDOWN_MARKS.sub("", line) for line in text.split("\n"))
