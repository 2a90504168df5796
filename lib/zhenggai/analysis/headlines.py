"""The headline figures of the pages, computed once here so that the notebooks print them and
the tests recompute them from the CSV files.

Every headline is given twice: over all notices, and over the complete ones only (no notice
that is cut off or extracts fewer problems than it declares), so that a reader sees at once
whether an incomplete notice moves it. Every interval is over notices (`resample`).
"""

from __future__ import annotations

import pandas as pd

from zhenggai.analysis import resample
from zhenggai.analysis.compare import lag_series
from zhenggai.analysis.results import KINDS, per_notice

ALL, COMPLETE = "all notices", "complete notices only"


def incomplete(notices: pd.DataFrame) -> pd.Series:
    """Notices cut off, or extracting fewer problems than they declare."""
    short = notices["n_problems_declared"].notna() & (
        notices["n_problems"] < notices["n_problems_declared"])
    return notices["truncated"].fillna(False).astype(bool) | short.astype(bool)


def complete_only(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables without the incomplete notices and their rows."""
    keep = set(frames["notices"].loc[~incomplete(frames["notices"]), "notice_id"])
    return {name: (table[table["notice_id"].isin(keep)] if "notice_id" in table else table)
            for name, table in frames.items()}


def both_ways(frames: dict[str, pd.DataFrame], table) -> pd.DataFrame:
    """A headline table over all notices, then over the complete ones, with a column saying
    which."""
    parts = []
    for label, these in ((ALL, frames), (COMPLETE, complete_only(frames))):
        part = table(these)
        part.insert(0, "notices", f"{label} ({len(these['notices'])})")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def lag_summary(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each lag (the publication lag once per kind of publication date): notices, range,
    median and its interval."""
    rows = []
    for lag, values in lag_series(frames["notices"]).items():
        values = values.dropna().astype(float)
        interval = resample.median(values)
        rows.append({"lag": lag, "n_notices": len(values),
                     "min": values.min() if len(values) else float("nan"),
                     "max": values.max() if len(values) else float("nan"),
                     "median": interval.estimate, "ci_low": interval.low,
                     "ci_high": interval.high, "interval": interval.label()})
    return pd.DataFrame(rows)


def outcome_summary(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per kind of result: the notices reporting one (a share of notices with its interval)
    and the figures printed in them, named for what they count."""
    table = per_notice(frames)
    figures = {"discipline": ("discipline_persons_or_person_times", "人次 and persons counted"),
               "money": ("yuan_in_money_results", "yuan named in money results")}
    rows = []
    for kind in KINDS:
        reports = (table[f"{kind}_results"] > 0).astype(int)
        interval = resample.mean(reports)
        column, what = figures.get(kind, ("", ""))
        printed = table[column].dropna() if column else pd.Series(dtype=float)
        rows.append({"kind": kind, "notices_reporting": int(reports.sum()),
                     "n_notices": len(reports), "share": interval.estimate,
                     "ci_low": interval.low, "ci_high": interval.high,
                     "interval": interval.label(),
                     "figure": what, "notices_printing_figure": len(printed),
                     "figure_total": printed.sum() if len(printed) else float("nan")})
    return pd.DataFrame(rows)
