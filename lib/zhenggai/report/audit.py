"""An audit page for every notice: its full text, line by line, with what the parser took
from each line labelled, and the lines that fed nothing left plain, so what was missed shows.

reports/notices/<notice_id>.html holds the warnings first, the evidence that made the text a
notice, the text with line numbers (title, framing, dates, problems, responses and outcomes
labelled and linked to their rows), then the notice's rows of the problems, dates and
outcomes tables, each linking back to its line. reports/notices/index.html lists every
notice. The pages are self-contained: no script, no stylesheet or font from elsewhere.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path

import pandas as pd

from zhenggai.dataset.entries import scan
from zhenggai.notice.lines import split_lines
from zhenggai.notice.model import NotANotice
from zhenggai.notice.parse import parse_notice
from zhenggai.read.document import ReadError, read_document
from zhenggai.text.dates import iso

STYLE = """body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",sans-serif;max-width:70em;margin:1.5em auto;padding:0 1em;line-height:1.55}
.warn{background:#fff4e5;border-left:4px solid #e8a33d;padding:.5em 1em}
.evidence{background:#eef5ff;border-left:4px solid #4c72b0;padding:.5em 1em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;
text-align:left;vertical-align:top}.text td{border:none}.n{color:#999;text-align:right;
width:3em;user-select:none}.fed{background:#f2f8f2}.missed{color:#777}
.tag{display:inline-block;font-size:.75em;background:#4c72b0;color:#fff;border-radius:3px;
padding:0 .4em;margin-right:.3em;text-decoration:none}.tag.date{background:#dd8452}
.tag.outcome{background:#55a868}.tag.title{background:#8172b2}.tag.response{background:#64b5cd}
.wrap{overflow-x:auto}"""


def _e(value) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and pd.isna(value))
                       else str(value))


def _labels(notice) -> tuple[dict[int, list[str]], dict[int, list[int]]]:
    """Line number → the labels (HTML links) of what the parser took from it, and each
    problem's lines."""
    tags: dict[int, list[str]] = defaultdict(list)
    for n in notice.title_lines:
        tags[n].append('<span class="tag title">title</span>')
    for n in notice.framing_lines:
        tags[n].append('<span class="tag">framing</span>')
    for k, d in enumerate(notice.dates, start=1):
        inferred = ", year inferred" if d.year_inferred else ""
        tags[d.line].append(f'<a class="tag date" href="#date-{k}">{_e(d.event)} '
                            f"{_e(iso(d.date) or '?')}{inferred}</a>")
    for p in notice.problems:
        tags[p.line].append(f'<a class="tag" href="#problem-{p.seq}">problem {p.seq}</a>')
        for n in p.response_lines:
            tags[n].append(f'<a class="tag response" href="#problem-{p.seq}">response '
                           f"{p.seq}</a>")
    lines_of = {p.seq: [p.line, *p.response_lines] for p in notice.problems}
    return tags, lines_of


def _outcome_lines(notice, analysed: dict[int, str], lines_of: dict) -> dict[int, int]:
    """Outcome number → the line its evidence stands on (among its problem's lines)."""
    found = {}
    for k, o in enumerate(notice.outcomes, start=1):
        probe = o.evidence[:12]
        candidates = lines_of.get(o.problem_seq, [])
        found[k] = next((n for n in candidates if probe and probe in analysed.get(n, "")),
                        candidates[0] if candidates else 0)
    return found


def _rows(headers: list[str], rows: list[list[str]], ids: list[str]) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(f'<tr id="{i}">' + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                   for i, row in zip(ids, rows, strict=True))
    return f'<div class="wrap"><table><tr>{head}</tr>{body}</table></div>'


def _event(record) -> str:
    """A date's event in words: a date under the signature is named so, not 'other'."""
    if record.event == "other" and "signature" in record.note:
        return "signature date"
    return record.event.replace("_", " ")


def _source_line(source: dict[str, str] | None) -> str:
    """Where the notice came from, as the raw folder's sources.csv says."""
    if not source or not any(source.values()):
        return "<p>Source: not stated (no URL for this file in the raw folder's sources.csv)</p>"
    url = source.get("source_url", "")
    link = f'<a href="{_e(url)}">{_e(url)}</a>' if url.startswith(("http://", "https://")) \
        else _e(url or "no URL")
    extra = " · ".join(_e(f"{label} {source[key]}") for key, label in
                       (("retrieved_at", "retrieved"), ("source_site", "site")) if source.get(key))
    return f"<p>Source: {link}{' · ' + extra if extra else ''}</p>"


def audit_page(text: str, source_file: str, source: dict[str, str] | None = None) -> str:
    """The audit page of one notice's text; `source` is its provenance (source_url,
    retrieved_at, source_site)."""
    notice = parse_notice(text)
    lines = text.split("\n")
    tags, lines_of = _labels(notice)
    analysed = {line.number: line.text for line in split_lines(text)[0]}
    where = _outcome_lines(notice, analysed, lines_of)
    for k, o in enumerate(notice.outcomes, start=1):
        tags[where[k]].append(f'<a class="tag outcome" href="#outcome-{k}">{_e(o.kind)}: '
                              f"{_e(o.action)} {_e(o.as_printed)}</a>")
    body = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fed = number in tags
        body.append(f'<tr id="L{number}" class="{"fed" if fed else "missed"}">'
                    f'<td class="n">{number}</td><td>{"".join(tags.get(number, []))}'
                    f"{_e(line)}</td></tr>")
    warnings = ('<div class="warn"><b>Warnings</b><ul>'
                + "".join(f"<li>{_e(w)}</li>" for w in notice.warnings) + "</ul></div>"
                if notice.warnings else "<p><b>Warnings:</b> none.</p>")
    problems = _rows(["seq", "number", "section", "status", "measures", "problem", "line"],
                     [[_e(p.seq), _e(p.number_as_printed), _e(p.section), _e(p.status),
                       _e(len(p.measures)), _e(p.problem), f'<a href="#L{p.line}">{p.line}</a>']
                      for p in notice.problems], [f"problem-{p.seq}" for p in notice.problems])
    dates = _rows(["event", "date", "year inferred", "as printed", "line"],
                  [[_e(_event(d)), _e(iso(d.date)), _e(d.year_inferred), _e(d.as_printed),
                    f'<a href="#L{d.line}">{d.line}</a>'] for d in notice.dates],
                  [f"date-{k}" for k in range(1, len(notice.dates) + 1)])
    outcomes = _rows(["kind", "action", "figure", "object", "problem", "line"],
                     [[_e(o.kind), _e(o.action), _e(o.as_printed), _e(o.object),
                       _e(o.problem_seq), f'<a href="#L{where[k]}">{where[k]}</a>']
                      for k, o in enumerate(notice.outcomes, start=1)],
                     [f"outcome-{k}" for k in range(1, len(notice.outcomes) + 1)])
    place = notice.place
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{_e(notice.title or source_file)}</title>
<style>{STYLE}</style></head><body>
<p><a href="index.html">all notices</a> · <a href="../index.html">report</a></p>
<h1>{_e(notice.title or notice.unit or source_file)}</h1>
<p>File <code>{_e(source_file)}</code> · notice <code>{_e(notice.notice_id)}</code> ·
{_e(place.admin_level or "level unknown")} {_e(" ".join(filter(None, [place.province,
place.city, place.county])))} · {_e(notice.inspection.team)}</p>
{_source_line(source)}
{warnings}
<p class="evidence">{_e(notice.evidence)}</p>
<h2>The text</h2><p>Lines the parser used are shaded and labelled; plain grey lines fed
nothing.</p><div class="wrap"><table class="text">{"".join(body)}</table></div>
<h2>Problems</h2>{problems}<h2>Dates</h2>{dates}<h2>Outcomes</h2>{outcomes}
</body></html>
"""


def _write_page(task: tuple[Path, str, str, Path, dict[str, str]]) -> str:
    """Write one notice's audit page; "" when written, else why not."""
    path, source_file, notice_id, folder, source = task
    try:
        page = audit_page(read_document(Path(path)).text, source_file, source)
    except (OSError, ReadError, NotANotice) as exc:
        return str(exc) or type(exc).__name__
    (folder / f"{notice_id}.html").write_text(page, encoding="utf-8")
    return ""


def _pages(tasks: list[tuple[Path, str, str, Path, dict[str, str]]]) -> list[str]:
    """Write the pages, over a process pool when there are many (each parses its notice)."""

    from zhenggai.dataset.assemble import POOL_MIN_FILES, started_pool, stop_pool

    if len(tasks) < POOL_MIN_FILES:
        return [_write_page(task) for task in tasks]
    pool = started_pool()
    try:
        return list(pool.map(_write_page, tasks, chunksize=32))
    except BaseException:
        stop_pool(pool)
        raise
    finally:
        pool.shutdown(wait=True)


def _sources(data_dir: Path) -> dict[str, dict[str, str]]:
    """Each notice's provenance columns, by notice_id (none from an older build)."""
    columns = ["notice_id", "source_url", "retrieved_at", "source_site"]
    try:
        notices = pd.read_csv(data_dir / "notices.csv", dtype=str, keep_default_na=False,
                              usecols=lambda c: c in columns)
    except (OSError, ValueError):
        return {}
    if not set(columns) <= set(notices.columns):
        return {}
    return {row["notice_id"]: {k: row[k] for k in columns[1:]}
            for row in notices.to_dict("records")}


def _about(data_dir: Path) -> dict[str, tuple[str, str, str]]:
    """Each notice's unit, place and inspection year, by notice_id, for the index."""
    try:
        notices = pd.read_csv(data_dir / "notices.csv", dtype=str, keep_default_na=False)
    except (OSError, ValueError):
        return {}
    found = {}
    for row in notices.to_dict("records"):
        place = " ".join(v for v in (row.get("province", ""), row.get("city", ""),
                                     row.get("county", "")) if v)
        year = (row.get("inspection_start") or row.get("feedback_date") or "")[:4]
        found[row["notice_id"]] = (row.get("unit", ""), place, year)
    return found


def write_audit_pages(raw_dir: Path, data_dir: Path, out_dir: Path) -> list[Path]:
    """An audit page for every notice of a build, and the list of them."""
    log = pd.read_csv(Path(data_dir) / "ingest_log.csv", dtype=str, keep_default_na=False)
    folder = Path(out_dir) / "notices"
    folder.mkdir(parents=True, exist_ok=True)
    notices = log[log["notice_id"] != ""]
    sources = _sources(Path(data_dir))
    # the tables name a file by its display name (GBK decoded, controls escaped): the entry
    # scanned under that name is the file on disk
    paths = {entry.name: entry.path for entry in scan(Path(raw_dir))}
    failures = dict(zip(notices["source_file"], _pages(
        [(paths.get(name, Path(raw_dir) / name), name, notice_id, folder,
          sources.get(notice_id, {}))
         for name, notice_id in zip(notices["source_file"], notices["notice_id"],
                                    strict=True)]), strict=True))
    written, rows = [], []
    about = _about(Path(data_dir))
    for row in log.itertuples():
        unit, place, year = about.get(row.notice_id, ("", "", ""))
        if not row.notice_id:
            link = ""
        elif failures[row.source_file]:
            link = "audit page not written: " + _e(failures[row.source_file])
        else:
            written.append(folder / f"{row.notice_id}.html")
            link = f'<a href="{row.notice_id}.html">audit page</a>'
        rows.append((unit or "~", [_e(unit), _e(place), _e(year), link, _e(row.source_file),
                                   _e(row.status), _e(row.message)]))
    rows.sort(key=lambda r: r[0])  # by unit; files that hold no notice last
    index = _rows(["unit", "place", "year", "audit page", "file", "status", "message"],
                  [cells for _, cells in rows], [f"f{i}" for i in range(len(rows))])
    (folder / "index.html").write_text(
        f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>Notices</title>
<style>{STYLE}</style></head><body><p><a href="../index.html">report</a></p>
<h1>Every file, and an audit page for every notice</h1>
<p>By inspected unit, with its place and the year its inspection began; use the browser's
find (Ctrl-F) to search by unit, place or year.</p>{index}</body></html>
""", encoding="utf-8")
    return written
