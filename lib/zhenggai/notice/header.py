"""The notice's header and footer: title, issuer, source line, signature and publication dates."""

from __future__ import annotations

import datetime as dt
import re

from zhenggai.notice import vocabulary as v
from zhenggai.notice.chrome import is_chrome as _is_chrome
from zhenggai.notice.model import DateRecord, Line
from zhenggai.notice.timeline import year_from
from zhenggai.text.dates import DateExpression, find_dates


def title_like(line: Line) -> bool:
    """A short line, no sentence in it, no numbered item, with the words of a title."""
    return len(line.text) <= v.TITLE_MAX_CHARS and bool(v.TITLE.search(line.text)) \
        and "。" not in line.text[:-1] and not v.NUMBERED_ITEM.match(line.text)


def _joinable(line: Line) -> bool:
    """A short line without sentence punctuation or a date: part of a title set on lines."""
    return len(line.text) <= v.ISSUER_LINE_MAX_CHARS and not re.search(r"[。，；：]", line.text) \
        and not find_dates(line.text)


def find_title(lines: list[Line], chrome: list[bool], before: int | None) -> tuple[int, int] | None:
    """The lines [start, end) of the title: the first title-like line above the framing (one
    naming the document type, 通报/报告…, wins), joined with the lines it was broken from. A
    chrome line (a breadcrumb repeating the title) is never the title."""
    limit = min(len(lines), before if before is not None else v.TITLE_SEARCH_LINES)
    candidates = [i for i in range(limit) if not chrome[i] and title_like(lines[i])]
    typed = [i for i in candidates if v.TITLE_NAMING_DOCUMENT.search(lines[i].text)]
    found = (typed or candidates or [None])[0]
    if found is None:
        return None
    start, end = found, found + 1
    # upwards: the block does not open a title by itself (关于…, 委第六轮…), the line above does
    while end - start < v.TITLE_BLOCK_LINES and start > 0 and not chrome[start - 1] \
            and _joinable(lines[start - 1]) and not v.TITLE_START.match(lines[start].text):
        start -= 1
    # downwards: the document type (…的通报) stands on the next line
    while end - start < v.TITLE_BLOCK_LINES and end < limit and not chrome[end] \
            and _joinable(lines[end]) and not v.TITLE_NAMING_DOCUMENT.search(
                "".join(line.text for line in lines[start:end])) \
            and v.TITLE_NAMING_DOCUMENT.search(
                "".join(line.text for line in lines[start:end + 1])):
        end += 1
    return start, end


def read_title(block: list[Line], above: list[Line]) -> tuple[str, str, list[str]]:
    """The title (its lines joined, a column prefix and a trailing date removed, a repeated
    word in the issuer removed), the issuer it opens with, and notes on what was repaired."""
    notes = []
    title = "".join(line.text for line in block)
    if len(block) > 1:
        notes.append(f"title: joined {len(block)} lines")
    title = v.TITLE_PREFIX.sub("", title)
    title = v.TRAILING_DATE.sub("", title)
    match = v.TITLE_ISSUER.match(title)
    issuer = next((g for g in match.groups() if g), "") if match else ""
    repaired = v.REPEATED_WORD.sub(r"\1", issuer)
    if repaired != issuer:
        notes.append(f"title: repeated word removed ('{issuer}' → '{repaired}')")
        title = repaired + title[len(issuer):]
        issuer = repaired
    if above:
        notes.append(f"dropped {len(above)} line(s) before the title "
                     "(table of contents or page header)")
    return title, issuer.replace(" ", ""), notes


def source_of(header: list[Line]) -> str:
    """Where the page says the notice was published (来源：…), or ""."""
    return next((m.group("source") for line in header if (m := v.SOURCE_LINE.search(line.text))),
                "")


def find_signature(lines: list[Line]) -> tuple[int | None, str]:
    """Index of the signature block (issuer and/or date at the end) and the issuer it names."""
    for i in range(len(lines) - 1, max(len(lines) - 1 - v.SIGNATURE_SEARCH_LINES, 0), -1):
        text = lines[i].text
        found = find_dates(text)
        dated = bool(found) and found[-1].end >= len(text) - 1 and found[-1].first.day
        before = text[: found[-1].start].strip() if dated else ""
        # a date alone, or after the issuer's name (not 整改时限：2023年12月31日)
        if dated and len(text) <= v.SIGNATURE_MAX_CHARS and (
                not before or v.SIGNATURE_ISSUER.search(before)):
            previous = lines[i - 1].text if i > 0 else ""
            if not before and v.SIGNATURE_ISSUER.search(previous) \
                    and len(previous) <= v.ISSUER_LINE_MAX_CHARS:
                return i - 1, previous
            return i, before
    return None, ""


def _full_date(text: str) -> DateExpression | None:
    return next((e for e in find_dates(text) if e.first.year and e.first.day), None)


def _page_date(header: list[Line]) -> tuple[Line, DateExpression] | None:
    """The page's own publication date: a labelled line (发布时间：…, 發佈時間, 更新时间…),
    else the first full date on a short header line (a bare 2025-08-07 11:00 line, a date
    under or at the end of the title, 2025年02月17日 17:21 来源：…)."""
    for line in header:
        label = v.PUBLICATION_LINE.search(line.text)
        found = _full_date(line.text[label.end():]) if label else None
        if found:
            return line, found
    for line in header:
        found = _full_date(line.text)
        if found and (len(line.text) <= v.PAGE_DATE_LINE_MAX_CHARS
                      or v.TRAILING_DATE.search(line.text) or _is_chrome(line)):
            return line, found
    return None


def publication_dates(header: list[Line], lines: list[Line], signature_at: int | None,
                      reference: dt.date | None) -> list[DateRecord]:
    """The page's publication date (header) and the date under the signature."""
    records: list[DateRecord] = []
    page = _page_date(header)
    if page:
        line, found = page
        date, inferred = found.first.resolve(reference)
        records.append(DateRecord("publication", date, inferred, found.text, line.original,
                                  line.number, "the page's own date",
                                  year_from(date, inferred)))
    if signature_at is None:
        return records
    for line in lines[signature_at: signature_at + 2]:
        found = find_dates(line.text)
        if found and found[-1].first.day:
            date, inferred = found[-1].first.resolve(reference)
            event = "other" if records else "publication"
            note = "signature date" if records else "date under the signature"
            records.append(DateRecord(event, date, inferred, found[-1].text, line.original,
                                      line.number, note, year_from(date, inferred)))
            break
    return records
