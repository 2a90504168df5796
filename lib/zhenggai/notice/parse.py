"""Parsing one rectification notice: the list of its parts, read in order.

A notice (巡视/巡察整改情况的通报) has a framing paragraph saying when the inspection ran and
when the team fed back, usually under a title naming the issuing party group, then problems
with what was done about each. Saved web pages add chrome around it. Each step below is one
module of this package; the words it recognises are in `vocabulary`.
"""

from __future__ import annotations

import hashlib
import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.acceptance import decide
from zhenggai.notice.chrome import chrome_flags
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
from zhenggai.notice.locate import locate
from zhenggai.notice.model import Line, NotANotice, Notice
from zhenggai.notice.outcomes import find_outcomes
from zhenggai.notice.problems import find_problems
from zhenggai.notice.quality import quality_warnings
from zhenggai.notice.sector import unit_type
from zhenggai.notice.several import later_notices
from zhenggai.notice.timeline import (
    find_framing,
    framing_dates,
    has_feedback_sentence,
    undated_framing,
)

__all__ = ["NotANotice", "Notice", "parse_notice"]

TEAM_SEARCH_LINES = 5
MIN_UNIT_CHARS = 2  # lines after the framing where a team named in full is looked for


def _framing_lines(lines: list[Line], framing_at: int) -> list[Line]:
    """The framing paragraph, and the next one when the feedback stands there (两段式)."""
    framing = lines[framing_at]
    follow = lines[framing_at + 1] if framing_at + 1 < len(lines) else None
    if follow is not None and has_feedback_sentence(follow) and \
            not v.FEEDBACK_EVENT.search(framing.text) and problem_header(follow.text) is None:
        return [framing, follow]
    return [framing]


def _unit_from_framing(framing: list[Line]) -> str:
    """The inspected unit as the framing names it (对XX党组开展… / 向XX反馈): one ending in
    a party group's name wins; 我单位 and the like name none."""
    found = [m.group("unit") for line in framing for m in v.UNIT_IN_FRAMING.finditer(line.text)]
    named = [u for u in found if not re.match(r"^(?:我|本)", u)
             and len(v.ISSUER_SUFFIX.sub("", u)) >= MIN_UNIT_CHARS]  # not 局党组 alone
    return next((u for u in named if v.ISSUER_SUFFIX.search(u)), named[0] if named else "")


def _unit(issuer: str) -> str:
    """The inspected organisation: the issuer without 中共 and its party organ (党组, 党委…,
    or the committee itself: 中共某县委员会, 某街道工作委员会)."""
    name = re.sub(r"^中共", "", issuer)
    if v.ISSUER_SUFFIX.search(name):
        return v.ISSUER_SUFFIX.sub("", name)
    return re.sub(r"(?:工作)?委员会$", "", name) if issuer.startswith("中共") else name


def parse_notice(text: str) -> Notice:
    """Parse the text of one notice. Raises NotANotice for text of another genre."""
    lines, cleaning_notes = split_lines(text)
    if not lines:
        raise NotANotice("empty text")
    chrome = chrome_flags(lines)
    framing_at = find_framing(lines, chrome)
    block = find_title(lines, chrome, framing_at)
    title_lines = lines[block[0]:block[1]] if block else []
    evidence = decide(lines, title_lines, framing_at)
    warnings: list[str] = []
    if framing_at is None:
        framing_at = undated_framing(lines, block[1] if block else 0)
        warnings.append("no dated framing paragraph (inspection and feedback dates) found")
    start = block[0] if block else framing_at
    title, issuer, title_notes = read_title(title_lines, lines[:start])
    header = lines[:framing_at]

    related = next((k for k in range(framing_at + 1, len(lines))
                    if v.RELATED_ARTICLES.match(lines[k].text)), None)
    if related is not None:
        cleaning_notes.append(f"removed the list of related articles (line "
                              f"{lines[related].number} on)")
        lines = lines[:related]
    others = later_notices(lines, framing_at)
    if others:
        warnings.append(f"the file holds {len(others) + 1} notices (the next begins at line "
                        f"{lines[others[0]].number}); only the first was read")
        lines = lines[: others[0]]
    notice_lines = lines[start:]
    signature_at, signature_issuer = find_signature(notice_lines)
    framing = _framing_lines(lines, framing_at)
    issuer = issuer or signature_issuer
    if not issuer and (named := _unit_from_framing(framing)):
        issuer = named
        warnings.append(f"issuer: taken from the framing paragraph ('{named}')")
    dates = framing_dates(framing)
    reference = max((d.date for d in dates if d.date), default=None)
    dates += publication_dates(header, notice_lines, signature_at, reference)
    after = lines[framing_at + 1: framing_at + 1 + TEAM_SEARCH_LINES]
    inspection = inspection_details(title, framing[0].text, [line.text for line in after])

    body_start = framing_at + len(framing) - start
    body = notice_lines[body_start: signature_at if signature_at is not None else None]
    appendix = notice_lines[signature_at + 1:] if signature_at is not None else []
    problems = find_problems(body, appendix)
    declared = declared_counts(notice_lines, problems)
    if not problems:
        warnings.append("no problems found: the notice's problem list was not recognised")
    warnings += quality_warnings(problems, declared.problems, body, dates, issuer)
    unit = _unit(issuer)
    source = source_of(header)
    place, place_warnings = locate(unit, lines, source, inspection.inspecting_body)
    analysed = "\n".join(line.text for line in notice_lines)
    return Notice(
        notice_id=hashlib.sha256(analysed.encode("utf-8")).hexdigest()[:12],
        title=title, issuer=issuer, unit=unit, unit_type=unit_type(unit),
        published_by=source, evidence=evidence,
        inspection=inspection, declared=declared, place=place,
        n_chars=sum(len(re.sub(r"\s", "", line.text)) for line in notice_lines),
        dates=dates, problems=problems, warnings=warnings + place_warnings,
        cleaning_notes=cleaning_notes + title_notes, outcomes=find_outcomes(problems, body),
        title_lines=[line.number for line in title_lines],
        framing_lines=[line.number for line in framing],
    )
