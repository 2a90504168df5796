"""Reading a PDF notice (often published as an attachment) from its text layer.

pypdfium2 is used: it binds PDFium, the PDF engine of Chromium, ships as a wheel with no
system dependency, reads Chinese text layers (CID fonts with ToUnicode maps) well, and is
several times faster than the pure-Python pdfminer under pdfplumber, whose table finding we
do not need. A scanned PDF has no text layer: it is refused with that reason, since OCR is
not done. Lines a PDF breaks only because the page is narrow are joined again (a line as
long as the page's full lines, not ending a sentence, continues on the next).
"""

from __future__ import annotations

import re

from zhenggai.read.errors import ReadError

MAX_PAGES = 300  # a notice is a few pages; past this the file is something else
MIN_CJK_PER_PAGE = 20  # fewer Chinese characters than this per page: no real text layer
FULL_LINE_SHARE = 0.85  # a line this close to the page's full width was broken by the page
_CJK = re.compile(r"[\u3400-\u9fff]")
_ENDS_SENTENCE = tuple("。！？；：”」）)…|")


def _joined(lines: list[str]) -> list[str]:
    """A page's lines, those broken only by the page's width joined to the next."""
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return []
    full = lengths[int(0.9 * (len(lengths) - 1))]
    out: list[str] = []
    carry = False
    for line in lines:
        if carry and out:
            out[-1] += line
        else:
            out.append(line)
        carry = len(line) >= FULL_LINE_SHARE * full and not line.endswith(_ENDS_SENTENCE)
    return out


def read_pdf(data: bytes) -> str:
    """The text of a PDF's text layer, page after page; ReadError for a scan or a damaged
    or locked file."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReadError(f"not a readable PDF ({exc}): damaged, or locked with a password") \
            from exc
    try:
        n_pages = len(document)
        if n_pages > MAX_PAGES:
            raise ReadError(f"a PDF of {n_pages} pages is no notice (at most {MAX_PAGES})")
        pages = []
        for index in range(n_pages):
            page = document[index]
            text = page.get_textpage().get_text_range()
            lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
            pages.append("\n".join(_joined([line for line in lines if line])))
    finally:
        document.close()
    text = "\n".join(pages)
    if len(_CJK.findall(text)) < MIN_CJK_PER_PAGE * max(1, n_pages) / 4:
        raise ReadError("no text layer; OCR is not done: the PDF holds images of its pages "
                        "(a scan), not their text")
    return text
