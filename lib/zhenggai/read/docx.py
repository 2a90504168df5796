"""Reading a Word (.docx) notice: paragraphs and tables in the order they stand.

Word's automatic numbering is written into the text (`read/docx_numbering.py`), and a table is
written as Markdown rows with merged cells repeated (`read/tables.py`).

A .docx is a zip. Its members' sizes are checked before anything is inflated, so that a zip
bomb (a small member that inflates to gigabytes) is refused instead of exhausting memory.
"""

from __future__ import annotations

import io
import zipfile

from zhenggai.read.docx_numbering import Numbering, paragraph_list, read_numbering
from zhenggai.read.errors import ReadError
from zhenggai.read.tables import cell_text, table_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

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
    return "\n".join(_body_lines(document))


def _style_num_pr(style):
    """The numbering a paragraph style (or the style it is based on) gives, if any."""
    seen = 0
    while style is not None and seen < 10:
        ppr = style.element.find(_W + "pPr")
        num_pr = ppr.find(_W + "numPr") if ppr is not None else None
        if num_pr is not None:
            return num_pr
        style, seen = style.base_style, seen + 1
    return None


def _paragraph_text(paragraph, numbering: Numbering) -> str:
    try:
        style_num_pr = _style_num_pr(paragraph.style)
    except (KeyError, AttributeError, ValueError):  # a broken style reference
        style_num_pr = None
    in_list = paragraph_list(paragraph._p, style_num_pr)
    label = numbering.label(*in_list) if in_list else ""
    return label + paragraph.text if paragraph.text.strip() else ""


def _body_lines(document) -> list[str]:
    """Paragraphs (with their automatic numbers) and tables, in the document's order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        numbering = read_numbering(document.part.numbering_part.element)
    except (KeyError, NotImplementedError, AttributeError):  # no numbering part
        numbering = Numbering({})
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            lines.append(_paragraph_text(Paragraph(child, document), numbering))
        elif child.tag == _W + "tbl":
            table = Table(child, document)
            grid = [[cell_text([p.text for p in cell.paragraphs]) for cell in row.cells]
                    for row in table.rows]
            lines += table_lines(grid)
    return lines
