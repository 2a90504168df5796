"""Limits: how far the parser looks, as named numbers."""

from __future__ import annotations

# --- limits ---

OPENING_LINES = 60  # the framing paragraph stands within the first lines of a page
TITLE_BLOCK_LINES = 3
PAGE_DATE_LINE_MAX_CHARS = 40  # a header line that is little more than a date  # a title may be set on up to three lines------------------------------------------------------------------------------

TITLE_SEARCH_LINES = 40  # the title stands within the first lines of a page
INSPECTION_SEARCH_LINES = 60  # a notice names 巡视/巡察 within its first lines
TITLE_MAX_CHARS = 100
FRAMING_SEARCH_LINES = 8  # the framing paragraph follows the title within a few lines
HEADING_MAX_CHARS = 60
ISSUER_LINE_MAX_CHARS = 40  # a line naming the issuer alone (title's first line, signature)
SIGNATURE_SEARCH_LINES = 6  # the signature block stands within the last lines
SIGNATURE_MAX_CHARS = 60
MIN_INLINE_RESPONSE_CHARS = 10  # an unlabelled item's own line that carries its response
