"""A saved page too large to be held as a tree, read as plain text in bounded memory.

A notice is a few pages of text; a saved page of many megabytes is mostly scripts, styles,
embedded images or repeated markup. Those are removed first; if what is left is still larger
than TREE_LIMIT characters, the page is read without its layout (tags dropped, block tags as
line breaks), which needs a few copies of the text instead of the tens of bytes per byte a
parsed tree takes, so two such pages read at once stay well under a gigabyte.
"""

from __future__ import annotations

import html
import re

TREE_LIMIT = 3_000_000  # characters of markup a page may have to be parsed as a tree
_NOISE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>|<!--.*?-->"
                    r"|data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+",
                    re.IGNORECASE | re.DOTALL)
_BLOCK = re.compile(r"<\s*/?\s*(?:p|div|br|li|tr|h[1-6]|table|section|article|td|th)\b[^>]*>",
                    re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u3000\xa0]+")


def without_noise(raw: str) -> str:
    """The page without scripts, styles, comments and embedded data."""
    return _NOISE.sub(" ", raw)


def plain_text(raw: str) -> str:
    """The page's text, one block a line, without any tag."""
    text = _TAG.sub("", _BLOCK.sub("\n", raw))
    lines = (_SPACES.sub(" ", html.unescape(line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
