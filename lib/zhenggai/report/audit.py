"""The audit page of a notice: its full text, line by line, with what the parser took
from each line labelled, and the lines that fed nothing left plain, so what was missed shows.

reports/notices/<notice_id>.html holds the warnings first, the evidence that made the text a
notice, the text with line numbers (title, framing, dates, problems, responses and outcomes
labelled and linked to their rows), then the notice's rows of the problems, dates and
outcomes tables, each linking back to its line (which notices get a page, and the index of
them: zhenggai.report.audit_pages). The pages are self-contained: no script, no stylesheet or
font from elsewhere.
"""

from __future__ import annotations

import html
from collections import defaultdict

import pandas as pd

from zhenggai.notice.lines import split_lines
from zhenggai.notice.parse import parse_notice
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


def esc(value) -> str:
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
        tags[d.line].append(f'<a class="tag date" href="#date-{k}">{esc(d.event)} '
                            f"{esc(iso(d.date) or '?')}{inferred}</a>")
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


def table_html(headers: list[str], rows: list[list[str]], ids: list[str]) -> str:
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
    link = f'<a href="{esc(url)}">{esc(url)}</a>' if url.startswith(("http://", "https://")) \
        else esc(url or "no URL")
    extra = " · ".join(esc(f"{label} {source[key]}") for key, label in
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
        tags[where[k]].append(f'<a class="tag outcome" href="#outcome-{k}">{esc(o.kind)}: '
                              f"{esc(o.action)} {esc(o.as_printed)}</a>")
    body = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        fed = number in tags
        body.append(f'<tr id="L{number}" class="{"fed" if fed else "missed"}">'
                    f'<td class="n">{number}</td><td>{"".join(tags.get(number, []))}'
                    f"{esc(line)}</td></tr>")
    warnings = ('<div class="warn"><b>Warnings</b><ul>'
                + "".join(f"<li>{esc(w)}</li>" for w in notice.warnings) + "</ul></div>"
                if notice.warnings else "<p><b>Warnings:</b> none.</p>")
    problems = table_html(["seq", "number", "section", "status", "measures", "problem", "line"],
                     [[esc(p.seq), esc(p.number_as_printed), esc(p.section), esc(p.status),
                       esc(len(p.measures)), esc(p.problem), f'<a href="#L{p.line}">{p.line}</a>']
                      for p in notice.problems], [f"problem-{p.seq}" for p in notice.problems])
    dates = table_html(["event", "date", "year inferred", "as printed", "line"],
                  [[esc(_event(d)), esc(iso(d.date)), esc(d.year_inferred), esc(d.as_printed),
                    f'<a href="#L{d.line}">{d.line}</a>'] for d in notice.dates],
                  [f"date-{k}" for k in range(1, len(notice.dates) + 1)])
    outcomes = table_html(["kind", "action", "figure", "object", "problem", "line"],
                     [[esc(o.kind), esc(o.action), esc(o.as_printed), esc(o.object),
                       esc(o.problem_seq), f'<a href="#L{where[k]}">{where[k]}</a>']
                      for k, o in enumerate(notice.outcomes, start=1)],
                     [f"outcome-{k}" for k in range(1, len(notice.outcomes) + 1)])
    place = notice.place
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{esc(notice.title or source_file)}</title>
<style>{STYLE}</style></head><body>
<p><a href="index.html">all notices</a> · <a href="../index.html">report</a></p>
<h1>{esc(notice.title or notice.unit or source_file)}</h1>
<p>File <code>{esc(source_file)}</code> · notice <code>{esc(notice.notice_id)}</code> ·
{esc(place.admin_level or "level unknown")} {esc(" ".join(filter(None, [place.province,
place.city, place.county])))} · {esc(notice.inspection.team)}</p>
{_source_line(source)}
{warnings}
<p class="evidence">{esc(notice.evidence)}</p>
<h2>The text</h2><p>Lines the parser used are shaded and labelled; plain grey lines fed
nothing.</p><div class="wrap"><table class="text">{"".join(body)}</table></div>
<h2>Problems</h2>{problems}<h2>Dates</h2>{dates}<h2>Outcomes</h2>{outcomes}
</body></html>
"""
