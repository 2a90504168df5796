"""Describing a built dataset in words: the data dictionary's corpus part and the build summary."""

from __future__ import annotations

import pandas as pd

MAX_LISTED = 20  # notices or files named one by one; past this, a count


def _listed(names: list[str], separator: str) -> str:
    shown = separator.join(names[:MAX_LISTED])
    return shown + (f" … and {len(names) - MAX_LISTED} more" if len(names) > MAX_LISTED
                    else "")


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
    warned = notices[notices["warnings"] != ""]
    for row in warned.head(MAX_LISTED).itertuples():
        lines.append(f"- {row.unit or row.source_file} (`{row.source_file}`): {row.warnings}.")
    if len(warned) > MAX_LISTED:
        lines.append(f"- … and {len(warned) - MAX_LISTED} more notices with warnings "
                     "(notices.warnings).")
    status_given = frames["problems"].loc[frames["problems"]["status"] != "", "notice_id"]
    lines.append(f"- Statuses per problem are given in {status_given.nunique()} of "
                 f"{len(notices)} notices.")
    undated = notices.loc[notices["publication_date"] == "", "unit"].tolist()
    if undated:
        lines.append(f"- No publication date printed: {_listed(undated, '、')}.")
    rejected = frames["ingest_log"].query("status == 'rejected'")["source_file"].tolist()
    if rejected:
        lines.append(f"- Rejected files (see ingest_log): {_listed(rejected, ', ')}.")
    return "\n".join(lines)


def summary(frames: dict[str, pd.DataFrame]) -> str:
    """One line: files read, notices parsed, rejected and skipped entries, problems."""
    log = frames["ingest_log"]
    counts = log["status"].value_counts()
    n_files = int((log["status"] != "skipped").sum())
    return (
        f"{n_files} files read: {len(frames['notices'])} notices parsed "
        f"({int(counts.get('warning', 0))} with warnings), {int(counts.get('rejected', 0))} "
        f"rejected, {int(counts.get('skipped', 0))} skipped; "
        f"{len(frames['problems'])} problems, {len(frames['measures'])} measures"
    )
