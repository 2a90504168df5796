"""One parsed file as rows of the dataset's tables (zhenggai.dataset.schema has the columns).

Values are formatted here and only here: dates become ISO strings, a place its names. A
file's rows depend on its content, and on its name only through `source_file` (and a note on
a repaired name), so they can be reused for a renamed file (zhenggai.dataset.cache).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from zhenggai.notice.model import Notice
from zhenggai.text.dates import iso

if TYPE_CHECKING:
    from zhenggai.dataset.ingest import ParsedFile

Row = tuple  # the values of one row, in the schema's column order

@dataclass
class FileRows:
    """One raw-folder entry as table rows: always one ingest_log row, and the notice's rows
    in the other tables when it holds a notice."""

    source_file: str
    status: str  # ok / warning / rejected / skipped
    message: str
    notice_id: str = ""
    rows: dict[str, list[Row]] = field(default_factory=dict)
    sha: str = ""  # SHA-256 of the file's bytes, when they were read
    reusable: bool = True  # False when the outcome may differ next time (out of time)

    def rejected(self, message: str) -> FileRows:
        """This entry rejected (a duplicate of an earlier file): its ingest_log row only."""
        _, _, encoding, file_format, _, _, _ = self.rows["ingest_log"][0]
        log = (self.source_file, "rejected", encoding, file_format, "", message,
               f"rejected: {message}")
        return FileRows(self.source_file, "rejected", message, "", {"ingest_log": [log]},
                        self.sha, self.reusable)


def _days(later: dt.date | None, earlier: dt.date | None) -> int | None:
    if not later or not earlier:
        return None
    return (later - earlier).days


def _publication_source(record) -> str:
    """page (the page's own publication line) or signature (the date under it)."""
    if record is None:
        return ""
    return "signature" if "signature" in record.note else "page"


def _measure_form(measures) -> str:
    """How the measures were counted (enumerated / paragraphs / semicolon / prose); "" without
    a response."""
    return measures[0].form if measures else ""


def _notice_row(source_file: str, encoding: str, file_format: str, notice: Notice) -> Row:
    event_date = {d.event: d.date for d in reversed(notice.dates) if d.date}
    inferred = [d.event for d in notice.dates if d.year_inferred and d.event != "other"]
    start, end = event_date.get("inspection_start"), event_date.get("inspection_end")
    feedback, published = event_date.get("feedback"), event_date.get("publication")
    place, inspection, declared = notice.place, notice.inspection, notice.declared
    published_by = next((d for d in reversed(notice.dates)
                         if d.event == "publication" and d.date), None)
    return (  # in the order of schema.TABLES["notices"]
        notice.notice_id, source_file, notice.title, notice.issuer, notice.unit,
        notice.unit_type, place.admin_level, place.province, place.city, place.county, place.adcode,
        inspection.inspection_kind, inspection.inspecting_body, inspection.team,
        inspection.round, inspection.inspection_mode,
        iso(start), iso(end), iso(feedback), iso(published),
        _publication_source(published_by), "; ".join(inferred),
        _days(end, start), _days(feedback, end), _days(published, feedback),
        declared.problems, len(notice.problems), declared.sections, declared.measures,
        sum(len(p.measures) for p in notice.problems), notice.n_chars, notice.published_by,
        encoding, file_format,
        any(w.startswith("text ends mid-sentence") for w in notice.warnings),
        "; ".join(notice.warnings), "; ".join(notice.cleaning_notes),
        "", "", "",  # source_url, retrieved_at, source_site: from the manifest (provenance.py)
    )


def _notice_rows(notice: Notice) -> dict[str, list[Row]]:
    """The problems, measures, dates and outcomes rows of one notice."""
    nid = notice.notice_id
    rows: dict[str, list[Row]] = {"problems": [], "measures": []}
    for p in notice.problems:
        rows["problems"].append((nid, p.seq, p.number_as_printed, p.section, p.problem,
                                 p.response, p.result, p.status, p.status_evidence,
                                 len(p.measures), _measure_form(p.measures), p.line))
        rows["measures"] += [(nid, p.seq, k, m.marker, m.text)
                             for k, m in enumerate(p.measures, start=1)]
    rows["dates"] = [(nid, d.event, iso(d.date), d.year_inferred, d.as_printed, d.evidence,
                      d.line, d.note, d.year_from) for d in notice.dates]
    rows["outcomes"] = [(nid, k, o.problem_seq, o.kind, o.action, o.count, o.count_unit,
                         o.approximate, o.amount_yuan, o.object, o.evidence, o.as_printed)
                        for k, o in enumerate(notice.outcomes, start=1)]
    return rows


MAX_INTEGER = 2**63 - 1  # the tables' integers are 64-bit


def _storable(item: ParsedFile) -> ParsedFile:
    """The parse with figures too large for a 64-bit integer (40000000000000000000条措施, a
    garbled count) left empty, each with a warning, rather than stored wrongly."""
    notice = item.notice
    declared = notice.declared
    too_large = [f"{name} {value}" for name, value in
                 (("declared problems", declared.problems),
                  ("declared sections", declared.sections),
                  ("declared measures", declared.measures))
                 if value is not None and abs(value) > MAX_INTEGER]
    too_large += [f"count {o.count} of outcome {k}" for k, o in enumerate(notice.outcomes, 1)
                  if o.count is not None and abs(o.count) > MAX_INTEGER]
    if not too_large:
        return item

    def fit(value):
        return None if value is not None and abs(value) > MAX_INTEGER else value

    warning = f"figures too large to be counts, left empty: {', '.join(too_large)}"
    notice = replace(notice, declared=replace(declared, problems=fit(declared.problems),
                                              sections=fit(declared.sections),
                                              measures=fit(declared.measures)),
                     outcomes=[replace(o, count=fit(o.count)) for o in notice.outcomes],
                     warnings=[*notice.warnings, warning])
    return replace(item, notice=notice, status="warning",
                   message="; ".join(filter(None, [item.message, warning])))


def file_rows(item: ParsedFile, sha: str = "", reusable: bool = True) -> FileRows:
    """The rows of one parsed entry."""
    if item.notice is not None:
        item = _storable(item)
    notice = item.notice
    nid = notice.notice_id if notice else ""
    log = (item.source_file, item.status, item.encoding, item.file_format, nid, item.message,
           item.evidence)
    rows = {"ingest_log": [log]}
    if notice is not None:
        rows["notices"] = [_notice_row(item.source_file, item.encoding, item.file_format,
                                       notice)]
        rows.update(_notice_rows(notice))
    return FileRows(item.source_file, item.status, item.message, nid, rows, sha, reusable)
