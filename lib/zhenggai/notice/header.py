"""The notice's header and footer: title, issuer, source line, signature and publication dates."""

from __future__ import annotations

import datetime as dt

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import DateRecord, Line
from zhenggai.text.dates import find_dates


def find_title(lines: list[Line]) -> int | None:
    """The first title-like line near the top; numbered lines (a table of contents) are not
    titles, and a line naming the document type (通报, 报告…) wins over one that does not."""
    candidates = [
        i for i, line in enumerate(lines[:v.TITLE_SEARCH_LINES])
        if len(line.text) <= v.TITLE_MAX_CHARS and v.TITLE.search(line.text)
        and "。" not in line.text[:-1] and not v.NUMBERED_ITEM.match(line.text)
    ]
    typed = [i for i in candidates if v.TITLE_NAMING_DOCUMENT.search(lines[i].text)]
    return (typed or candidates or [None])[0]


def read_title(title: str, above: list[Line]) -> tuple[str, str, list[Line], list[str]]:
    """The title (joined when set on two lines, a repeated word in the issuer removed), the
    issuer it opens with, the lines above it that remain, and notes on what was repaired."""
    notes = []
    if title.startswith("关于") and above and v.ISSUER_SUFFIX.search(above[-1].text) \
            and len(above[-1].text) <= v.ISSUER_LINE_MAX_CHARS:
        # the title set on two lines: 中共…党组 / 关于…的通报
        title = above[-1].text + title
        above = above[:-1]
        notes.append("title: joined the issuer's line to the title line")
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
    return title, issuer.replace(" ", ""), above, notes


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
                not before or v.ISSUER_SUFFIX.search(before)):
            previous = lines[i - 1].text if i > 0 else ""
            if not before and v.ISSUER_SUFFIX.search(previous) \
                    and len(previous) <= v.ISSUER_LINE_MAX_CHARS:
                return i - 1, previous
            return i, before
    return None, ""


def publication_dates(header: list[Line], lines: list[Line], signature_at: int | None,
                      reference: dt.date | None) -> list[DateRecord]:
    """The header's publication line (发布时间…) and the date under the signature."""
    records: list[DateRecord] = []
    for line in header:
        label = v.PUBLICATION_LINE.search(line.text)
        found = find_dates(line.text[label.end():]) if label else []
        if found and found[0].first.day:
            date, inferred = found[0].first.resolve(reference)
            records.append(DateRecord("publication", date, inferred, found[0].text,
                                      line.original, line.number))
            break
    if signature_at is None:
        return records
    for line in lines[signature_at: signature_at + 2]:
        found = find_dates(line.text)
        if found and found[-1].first.day:
            date, inferred = found[-1].first.resolve(reference)
            event = "other" if records else "publication"
            note = "signature date" if records else "date under the signature"
            records.append(DateRecord(event, date, inferred, found[-1].text, line.original,
                                      line.number, note))
            break
    return records
