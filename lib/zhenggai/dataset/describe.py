"""Describing a built dataset in words: the data dictionary's corpus part and the build summary."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa

MAX_LISTED = 20  # notices or files named one by one; past this, a count


def _listed(names: list[str], separator: str) -> str:
    shown = separator.join(names[:MAX_LISTED])
    return shown + (f" … and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED
                    else "")


def _columns(table: pa.Table, *names: str) -> list[list]:
    return [table[name].to_pylist() for name in names]


def corpus_description(tables: dict[str, pa.Table], no_workbook: str = "") -> str:
    """Markdown bullets on what the tables hold and where they are incomplete."""
    notices = tables["notices"]
    if notices.num_rows == 0:
        return "- No notices were parsed."
    files, units, starts, levels, provinces, warnings, published = _columns(
        notices, "source_file", "unit", "inspection_start", "admin_level", "province",
        "warnings", "publication_date")
    years = sorted(s[:4] for s in starts if s)
    by_level = sorted(Counter(level or "unknown" for level in levels).items())
    named = sorted({p for p in provinces if p})
    lines = [
        f"- {notices.num_rows} notices"
        + (f", inspections begun {years[0]}–{years[-1]}" if years else "")
        + "; by level: " + ", ".join(f"{n} {level}" for level, n in by_level)
        + (f"; provinces: {'、'.join(named)}" if named else "") + ".",
    ]
    warned = [k for k, w in enumerate(warnings) if w]
    for k in warned[:MAX_LISTED]:
        lines.append(f"- {units[k] or files[k]} (`{files[k]}`): {warnings[k]}.")
    if len(warned) > MAX_LISTED:
        lines.append(f"- … and {len(warned) - MAX_LISTED} more notices with warnings "
                     "(notices.warnings).")
    status_ids, statuses = _columns(tables["problems"], "notice_id", "status")
    with_status = {nid for nid, status in zip(status_ids, statuses, strict=True) if status}
    lines.append(f"- Statuses per problem are given in {len(with_status)} of "
                 f"{notices.num_rows} notices.")
    undated = [unit for unit, date in zip(units, published, strict=True) if not date]
    if undated:
        lines.append(f"- No publication date printed: {_listed(undated, '、')}.")
    log_files, log_status = _columns(tables["ingest_log"], "source_file", "status")
    rejected = [f for f, s in zip(log_files, log_status, strict=True) if s == "rejected"]
    if rejected:
        lines.append(f"- Rejected files (see ingest_log): {_listed(rejected, ', ')}.")
    if no_workbook:
        lines.append(f"- {no_workbook[0].upper()}{no_workbook[1:]}.")
    return "\n".join(lines)


def summary(tables: dict[str, pa.Table]) -> str:
    """One line: files read, notices parsed, rejected and skipped entries, problems."""
    counts = Counter(tables["ingest_log"]["status"].to_pylist())
    n_files = sum(n for status, n in counts.items() if status != "skipped")
    return (
        f"{n_files} files read: {tables['notices'].num_rows} notices parsed "
        f"({counts['warning']} with warnings), {counts['rejected']} "
        f"rejected, {counts['skipped']} skipped; "
        f"{tables['problems'].num_rows} problems, {tables['measures'].num_rows} measures"
    )
