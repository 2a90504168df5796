"""The dataset's tables, built from parsed files (zhenggai.dataset.schema has the columns).

Values are formatted here and only here: dates become ISO strings, a place its names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from zhenggai.dataset import schema
from zhenggai.notice.model import Notice
from zhenggai.text.dates import iso

if TYPE_CHECKING:
    from zhenggai.dataset.ingest import ParsedFile


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
    """enumerated (一是…二是…) or prose (the response is one block); "" without a response."""
    if not measures:
        return ""
    return "enumerated" if measures[0].marker else "prose"


def _notice_row(source_file: str, encoding: str, file_format: str, notice: Notice) -> dict:
    event_date = {d.event: d.date for d in reversed(notice.dates) if d.date}
    inferred = [d.event for d in notice.dates if d.year_inferred and d.event != "other"]
    start, end = event_date.get("inspection_start"), event_date.get("inspection_end")
    feedback, published = event_date.get("feedback"), event_date.get("publication")
    place, inspection, declared = notice.place, notice.inspection, notice.declared
    published_by = next((d for d in reversed(notice.dates)
                         if d.event == "publication" and d.date), None)
    return {
        "notice_id": notice.notice_id, "source_file": source_file,
        "title": notice.title, "issuer": notice.issuer, "unit": notice.unit,
        "admin_level": place.admin_level, "province": place.province, "city": place.city,
        "county": place.county, "adcode": place.adcode,
        "inspection_kind": inspection.inspection_kind,
        "inspecting_body": inspection.inspecting_body, "team": inspection.team,
        "round": inspection.round, "inspection_mode": inspection.inspection_mode,
        "inspection_start": iso(start), "inspection_end": iso(end),
        "feedback_date": iso(feedback), "publication_date": iso(published),
        "publication_source": _publication_source(published_by),
        "years_inferred": "; ".join(inferred),
        "days_inspecting": _days(end, start),
        "days_to_feedback": _days(feedback, end),
        "days_to_publication": _days(published, feedback),
        "n_problems_declared": declared.problems,
        "n_problems": len(notice.problems),
        "n_sections_declared": declared.sections,
        "n_measures_declared": declared.measures,
        "n_measures": sum(len(p.measures) for p in notice.problems),
        "n_chars": notice.n_chars,
        "published_by": notice.published_by,
        "encoding": encoding, "file_format": file_format,
        "truncated": any(w.startswith("text ends mid-sentence") for w in notice.warnings),
        "warnings": "; ".join(notice.warnings),
        "cleaning_notes": "; ".join(notice.cleaning_notes),
    }


def _notice_parts(notice: Notice) -> dict[str, list[dict]]:
    """The problems, measures and dates rows of one notice."""
    parts: dict[str, list[dict]] = {"problems": [], "measures": [], "dates": [],
                                    "outcomes": []}
    for p in notice.problems:
        parts["problems"].append({
            "notice_id": notice.notice_id, "problem_seq": p.seq,
            "number_as_printed": p.number_as_printed, "section": p.section,
            "problem": p.problem, "response": p.response, "status": p.status,
            "n_measures": len(p.measures), "measure_form": _measure_form(p.measures),
            "source_line": p.line,
        })
        parts["measures"] += [{
            "notice_id": notice.notice_id, "problem_seq": p.seq, "measure_seq": k,
            "marker": m.marker, "text": m.text,
        } for k, m in enumerate(p.measures, start=1)]
    parts["dates"] = [{
        "notice_id": notice.notice_id, "event": d.event, "date": iso(d.date),
        "year_inferred": d.year_inferred, "as_printed": d.as_printed,
        "evidence": d.evidence, "source_line": d.line, "note": d.note,
        "year_from": d.year_from,
    } for d in notice.dates]
    parts["outcomes"] = [{
        "notice_id": notice.notice_id, "outcome_seq": k, "problem_seq": o.problem_seq,
        "kind": o.kind, "action": o.action, "count": o.count, "count_unit": o.count_unit,
        "approximate": o.approximate, "amount_yuan": o.amount_yuan, "object": o.object,
        "evidence": o.evidence, "as_printed": o.as_printed,
    } for k, o in enumerate(notice.outcomes, start=1)]
    return parts


class _Columns:
    """A table gathered column by column: a list per column instead of a dict per row, so a
    large corpus is held once, compactly, until it becomes a DataFrame."""

    def __init__(self, table: str) -> None:
        self.names = schema.columns(table)
        self.values: dict[str, list] = {name: [] for name in self.names}

    def add(self, row: dict) -> None:
        for name in self.names:
            self.values[name].append(row.get(name))


def tables(parsed: Iterable[ParsedFile]) -> dict[str, pd.DataFrame]:
    """The dataset's tables from parsed files (see zhenggai.dataset.schema for the columns)."""
    columns = {name: _Columns(name) for name in schema.TABLES}
    for item in parsed:
        notice = item.notice
        columns["ingest_log"].add({
            "source_file": item.source_file, "status": item.status, "encoding": item.encoding,
            "file_format": item.file_format, "message": item.message,
            "notice_id": notice.notice_id if notice else "", "evidence": item.evidence,
        })
        if notice is None:
            continue
        columns["notices"].add(_notice_row(item.source_file, item.encoding, item.file_format,
                                           notice))
        for name, part in _notice_parts(notice).items():
            for row in part:
                columns[name].add(row)
    return {name: _typed(name, columns[name].values) for name in schema.TABLES}


def _typed(table: str, values: dict[str, list]) -> pd.DataFrame:
    frame = pd.DataFrame(values, columns=schema.columns(table))
    for name, kind, _ in schema.TABLES[table]:
        if kind == "integer":
            frame[name] = frame[name].astype("Int64")
        elif kind == "number":
            frame[name] = frame[name].astype("Float64")
        elif kind == "boolean":
            frame[name] = frame[name].astype("boolean")
        else:
            frame[name] = frame[name].fillna("").astype(str)
    return frame
