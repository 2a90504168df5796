"""From a folder of raw notices to the dataset's tables, and writing them to disk.

Every file in the raw folder gets a row in `ingest_log`: parsed (ok / warning), rejected with
the reason, or skipped (the manifest). One bad file never stops the batch. Outputs are
deterministic: files are read in name order and nothing depends on the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from zhenggai.dataset import schema
from zhenggai.notice.parse import NotANotice, Notice, parse_notice
from zhenggai.notice.places import resolve_place
from zhenggai.read.document import ReadError, read_document

MANIFEST = "sources.csv"
_LEVEL_OF_BODY = {"中央": "central", "省委": "province", "自治区党委": "province",
                  "市委": "prefecture", "地委": "prefecture", "州委": "prefecture",
                  "盟委": "prefecture",
                  "县委": "county", "区委": "county", "旗委": "county"}
# Fixed timestamp written into the .xlsx package so rebuilding gives identical bytes.
_FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass
class ParsedFile:
    """One input file: its ingest-log row and, when parsed, its notice and place."""

    source_file: str
    status: str
    message: str
    encoding: str = ""
    file_format: str = ""
    notice: Notice | None = None
    place: dict[str, str] = field(default_factory=dict)


def parse_file(path: Path) -> ParsedFile:
    """Read and parse one file; never raises for bad input."""
    try:
        document = read_document(path)
    except ReadError as exc:
        return ParsedFile(path.name, "rejected", str(exc))
    try:
        notice = parse_notice(document.text)
    except NotANotice as exc:
        return ParsedFile(path.name, "rejected", str(exc), document.encoding,
                          document.file_format)
    place = resolve_place(notice.unit)
    level = place.admin_level
    if not level and notice.inspecting_body in _LEVEL_OF_BODY:
        level = _LEVEL_OF_BODY[notice.inspecting_body]
        notice.warnings.append(
            f"level inferred from the inspecting body ({notice.inspecting_body})")
    if not place.admin_level and not place.notes:
        notice.warnings.append("place not resolved")
    notice.warnings += [f"place: {note}" for note in place.notes]
    status = "warning" if notice.warnings else "ok"
    return ParsedFile(
        path.name, status, "; ".join(notice.warnings), document.encoding,
        document.file_format, notice,
        {"admin_level": level, "province": place.province, "city": place.city,
         "county": place.county, "adcode": place.adcode},
    )


def parse_folder(raw_dir: Path) -> list[ParsedFile]:
    """Parse every file of a folder (not recursing; hidden files ignored), in name order."""
    results = []
    for path in sorted(p for p in Path(raw_dir).iterdir()
                       if p.is_file() and not p.name.startswith(".")):
        if path.name == MANIFEST:
            results.append(ParsedFile(path.name, "skipped", "manifest of the raw files"))
            continue
        results.append(parse_file(path))
    return results


def _days(later: str, earlier: str) -> int | None:
    if not later or not earlier:
        return None
    return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days


def tables(parsed: list[ParsedFile]) -> dict[str, pd.DataFrame]:
    """The dataset's tables from parsed files (see zhenggai.schema for the columns)."""
    rows: dict[str, list[dict]] = {name: [] for name in schema.TABLES}
    for item in parsed:
        notice = item.notice
        rows["ingest_log"].append({
            "source_file": item.source_file, "status": item.status, "encoding": item.encoding,
            "file_format": item.file_format, "message": item.message,
            "notice_id": notice.notice_id if notice else "",
        })
        if notice is None:
            continue
        event_date = {d.event: d.date for d in reversed(notice.dates) if d.date}
        inferred = [d.event for d in notice.dates if d.year_inferred and d.event != "other"]
        n_measures = sum(len(p.measures) for p in notice.problems)
        rows["notices"].append({
            "notice_id": notice.notice_id, "source_file": item.source_file,
            "title": notice.title, "issuer": notice.issuer, "unit": notice.unit,
            **item.place,
            "inspection_kind": notice.inspection_kind,
            "inspecting_body": notice.inspecting_body, "team": notice.team,
            "round": notice.round, "inspection_mode": notice.inspection_mode,
            "inspection_start": event_date.get("inspection_start", ""),
            "inspection_end": event_date.get("inspection_end", ""),
            "feedback_date": event_date.get("feedback", ""),
            "publication_date": event_date.get("publication", ""),
            "years_inferred": "; ".join(inferred),
            "days_inspecting": _days(event_date.get("inspection_end", ""),
                                     event_date.get("inspection_start", "")),
            "days_to_feedback": _days(event_date.get("feedback", ""),
                                      event_date.get("inspection_end", "")),
            "days_to_publication": _days(event_date.get("publication", ""),
                                         event_date.get("feedback", "")),
            "n_problems_declared": notice.n_problems_declared,
            "n_problems": len(notice.problems),
            "n_sections_declared": notice.n_sections_declared,
            "n_measures_declared": notice.n_measures_declared,
            "n_measures": n_measures,
            "n_chars": notice.n_chars,
            "published_by": notice.published_by,
            "encoding": item.encoding, "file_format": item.file_format,
            "truncated": any(w.startswith("text ends mid-sentence") for w in notice.warnings),
            "warnings": "; ".join(notice.warnings),
            "cleaning_notes": "; ".join(notice.cleaning_notes),
        })
        for p in notice.problems:
            rows["problems"].append({
                "notice_id": notice.notice_id, "problem_seq": p.seq,
                "number_as_printed": p.number_as_printed, "section": p.section,
                "problem": p.problem, "response": p.response, "status": p.status,
                "n_measures": len(p.measures), "source_line": p.line,
            })
            for k, m in enumerate(p.measures, start=1):
                rows["measures"].append({
                    "notice_id": notice.notice_id, "problem_seq": p.seq, "measure_seq": k,
                    "marker": m.marker, "text": m.text,
                })
        for d in notice.dates:
            rows["dates"].append({
                "notice_id": notice.notice_id, "event": d.event, "date": d.date,
                "year_inferred": d.year_inferred, "as_printed": d.as_printed,
                "evidence": d.evidence, "source_line": d.line, "note": d.note,
            })
    return {name: _typed(name, rows[name]) for name in schema.TABLES}


def _typed(table: str, rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=schema.columns(table))
    for name, kind, _ in schema.TABLES[table]:
        if kind == "integer":
            frame[name] = frame[name].astype("Int64")
        elif kind == "boolean":
            frame[name] = frame[name].astype("boolean")
        else:
            frame[name] = frame[name].fillna("").astype(str)
    return frame


def write_tables(frames: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write every table as CSV and Parquet, all of them into zhenggai.xlsx,
    datapackage.json and the data dictionary README.md. Returns the files written."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        csv_path = out_dir / f"{name}.csv"
        csv_path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        parquet_path = out_dir / f"{name}.parquet"
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    xlsx_path = out_dir / "zhenggai.xlsx"
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        writer.book.properties.creator = "zhenggai"
        for name, frame in frames.items():
            frame.to_excel(writer, sheet_name=name, index=False)
    xlsx_path.write_bytes(_deterministic_zip(buffer.getvalue()))
    package_path = out_dir / "datapackage.json"
    package_path.write_text(
        json.dumps(schema.datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    readme_path = out_dir / "README.md"
    readme_path.write_text(schema.data_dictionary(corpus_description(frames)), encoding="utf-8")
    return [*written, xlsx_path, package_path, readme_path]


def _deterministic_zip(data: bytes) -> bytes:
    """Re-pack an Office file with fixed timestamps (entries and document properties)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                                 rb"\g<1>2000-01-01T00:00:00Z", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()


def corpus_description(frames: dict[str, pd.DataFrame]) -> str:
    """Markdown bullets on what the tables hold and where they are incomplete."""
    notices = frames["notices"]
    if notices.empty:
        return "- No notices were parsed."
    years = notices["inspection_start"].str[:4].replace("", pd.NA).dropna()
    levels = notices["admin_level"].replace("", "unknown").value_counts().sort_index()
    provinces = sorted(p for p in notices["province"].unique() if p)
    lines = [
        f"- {len(notices)} notices"
        + (f", inspections begun {years.min()}–{years.max()}" if len(years) else "")
        + "; by level: " + ", ".join(f"{n} {level}" for level, n in levels.items())
        + (f"; provinces: {'、'.join(provinces)}" if provinces else "") + ".",
    ]
    for row in notices[notices["warnings"] != ""].itertuples():
        lines.append(f"- {row.unit or row.source_file} (`{row.source_file}`): {row.warnings}.")
    with_status = frames["problems"].groupby("notice_id")["status"].apply(lambda s: (s != "").any())
    lines.append(f"- Statuses per problem are given in {int(with_status.sum())} of "
                 f"{len(notices)} notices.")
    undated = notices.loc[notices["publication_date"] == "", "unit"].tolist()
    if undated:
        lines.append(f"- No publication date printed: {'、'.join(undated)}.")
    rejected = frames["ingest_log"].query("status == 'rejected'")["source_file"].tolist()
    if rejected:
        lines.append(f"- Rejected files (see ingest_log): {', '.join(rejected)}.")
    return "\n".join(lines)


def summary(frames: dict[str, pd.DataFrame]) -> str:
    """One line: files read, notices parsed, problems, warnings."""
    log = frames["ingest_log"]
    counts = log["status"].value_counts()
    n_files = int((log["status"] != "skipped").sum())
    n_warnings = int(frames["notices"]["warnings"].str.len().gt(0).sum())
    return (
        f"{n_files} files read: {len(frames['notices'])} notices parsed "
        f"({int(counts.get('warning', 0))} with warnings), {int(counts.get('rejected', 0))} "
        f"rejected; {len(frames['problems'])} problems, {len(frames['measures'])} measures; "
        f"{n_warnings} notices with warnings"
    )


def build(raw_dir: Path, out_dir: Path) -> dict[str, pd.DataFrame]:
    """Parse a raw folder and write the dataset into out_dir; return the tables."""
    frames = tables(parse_folder(Path(raw_dir)))
    write_tables(frames, Path(out_dir))
    return frames
