"""Reading a Word (.docx) notice: paragraphs in order, then table cells.

A .docx is a zip. Its members' sizes are checked before anything is inflated, so that a zip
bomb (a small member that inflates to gigabytes) is refused instead of exhausting memory.
"""

from __future__ import annotations

import io
import zipfile

from zhenggai.read.errors import ReadError

MAX_MEMBER_BYTES = 64 * 1024 * 1024  # uncompressed size of one member
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # uncompressed size of the whole package
MAX_RATIO = 200  # uncompressed / compressed size of one member (text compresses ~5-20x)


def check_package(data: bytes) -> None:
    """Refuse a package whose members would inflate beyond the limits."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ReadError("not a readable .docx file (the Word package is damaged)") from exc
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES or ratio > MAX_RATIO or total > MAX_TOTAL_BYTES:
            raise ReadError(
                f"refused .docx: member '{member.filename}' would inflate to "
                f"{member.file_size:,} bytes (ratio {ratio:.0f}:1), beyond the limits for a "
                "document (a zip bomb or a damaged file)")


def read_docx(data: bytes) -> str:
    """Paragraphs of a Word document in order (headings included), then table cells."""
    import docx  # python-docx

    if not data.strip():
        raise ReadError("empty file: it contains no text")
    check_package(data)
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
