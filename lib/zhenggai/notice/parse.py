"""Parsing one rectification notice: the list of its parts, read in order.

A notice (巡视/巡察整改情况的通报) has a title naming the issuing party group, a framing
paragraph saying when the inspection ran and when the team fed back, then problems with what
was done about each. Each step below is one module of this package; the words it recognises
are in `vocabulary`.
"""

from __future__ import annotations

import hashlib
import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.counts import declared_counts
from zhenggai.notice.header import (
    find_signature,
    find_title,
    publication_dates,
    read_title,
    source_of,
)
from zhenggai.notice.inspection import inspection_details
from zhenggai.notice.items import problem_header
from zhenggai.notice.lines import split_lines
from zhenggai.notice.model import Line, NotANotice, Notice
from zhenggai.notice.places import locate
from zhenggai.notice.problems import find_problems
from zhenggai.notice.quality import quality_warnings
from zhenggai.notice.timeline import (
    find_framing,
    framing_dates,
    has_feedback_sentence,
    undated_framing,
)

__all__ = ["NotANotice", "Notice", "parse_notice"]


def _title_at(lines: list[Line]) -> int:
    """Where the title stands; NotANotice when the text announces no inspection's notice."""
    if not lines:
        raise NotANotice("empty text")
    title_at = find_title(lines)
    has_inspection = any(v.INSPECTION_WORD.search(line.text)
                         for line in lines[:v.INSPECTION_SEARCH_LINES])
    if title_at is None or not has_inspection:
        raise NotANotice(
            "not a rectification notice: no title announcing 巡视/巡察整改 "
            "(…整改情况的通报) was found near the top"
        )
    return title_at


def _framing_lines(lines: list[Line], framing_at: int) -> list[Line]:
    """The framing paragraph, and the next one when the feedback stands there (两段式)."""
    framing = lines[framing_at] if framing_at < len(lines) else lines[0]
    follow = lines[framing_at + 1] if framing_at + 1 < len(lines) else None
    if follow is not None and has_feedback_sentence(follow) and \
            v.FEEDBACK_WORD not in framing.text and problem_header(follow.text) is None:
        return [framing, follow]
    return [framing]


def parse_notice(text: str) -> Notice:
    """Parse the text of one notice. Raises NotANotice for text of another genre."""
    all_lines, cleaning_notes = split_lines(text)
    title_at = _title_at(all_lines)
    lines = all_lines[title_at:]
    title, issuer, above, title_notes = read_title(lines[0].text, all_lines[:title_at])
    cleaning_notes += title_notes
    warnings: list[str] = []

    framing_at = find_framing(lines)
    if framing_at is None:
        framing_at = undated_framing(lines)
        warnings.append("no dated framing paragraph (inspection and feedback dates) found")
    header = above + lines[1:framing_at]
    signature_at, signature_issuer = find_signature(lines)
    issuer = issuer or signature_issuer
    unit = v.ISSUER_SUFFIX.sub("", re.sub(r"^中共", "", issuer))

    framing = _framing_lines(lines, framing_at)
    dates = framing_dates(framing)
    reference = max((d.date for d in dates if d.date), default=None)
    dates += publication_dates(header, lines, signature_at, reference)
    inspection = inspection_details(title, framing[0].text)

    body_start = framing_at + len(framing)
    body = lines[body_start: signature_at if signature_at is not None else len(lines)]
    problems = find_problems(body)
    declared = declared_counts(lines, problems)
    if not problems:
        if not v.TITLE_NAMING_DOCUMENT.search(title):
            raise NotANotice(
                "not a rectification notice: no problems with responses were found and the "
                f"title ('{title[:40]}') announces no notice (…整改情况的通报)"
            )
        warnings.append("no problems found: the notice's problem list was not recognised")
    warnings += quality_warnings(problems, declared.problems, body, dates, issuer)
    place, place_warnings = locate(unit, inspection.inspecting_body)
    all_text = "\n".join(line.text for line in lines)
    return Notice(
        notice_id=hashlib.sha256(all_text.encode("utf-8")).hexdigest()[:12],
        title=title, issuer=issuer, unit=unit, published_by=source_of(header),
        inspection=inspection, declared=declared, place=place,
        n_chars=sum(len(re.sub(r"\s", "", line.text)) for line in lines),
        dates=dates, problems=problems, warnings=warnings + place_warnings,
        cleaning_notes=cleaning_notes,
    )
