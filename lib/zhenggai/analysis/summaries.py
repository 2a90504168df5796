"""Tables the notebooks show: corpus overview, data-quality flags, lags, group comparisons.

Every group comparison carries its sample size (`n_notices`, `n_problems`) beside the numbers,
because with a handful of notices a share or a median can rest on one document.
"""

from __future__ import annotations

import pandas as pd

from zhenggai.analysis.compare import group_labels
from zhenggai.dataset.load import notice_labels

LAGS = ["days_inspecting", "days_to_feedback", "days_to_publication"]


def overview(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per notice: unit, level, place, kind, dates and counts."""
    n = frames["notices"].copy()
    n.index = notice_labels(n)
    columns = ["unit", "admin_level", "province", "inspection_kind", "inspection_start",
               "inspection_end", "feedback_date", "publication_date", "n_problems_declared",
               "n_problems", "n_measures"]
    table = n[columns].copy()
    for c in ("inspection_start", "inspection_end", "feedback_date", "publication_date"):
        table[c] = table[c].dt.strftime("%Y-%m-%d").fillna("")
    return table.sort_values("inspection_start")


def quality_flags(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per notice: declared vs extracted counts, truncation, inferred years, empty fields."""
    n = frames["notices"].copy()
    n.index = notice_labels(n)
    key_fields = ["issuer", "admin_level", "province", "team", "inspection_start",
                  "inspection_end", "feedback_date", "publication_date"]
    empty = n[key_fields].apply(lambda col: col.isna() | (col.astype(str) == ""))
    return pd.DataFrame({
        "n_problems_declared": n["n_problems_declared"],
        "n_problems": n["n_problems"],
        "problems_missing": (n["n_problems_declared"] - n["n_problems"]).clip(lower=0),
        "n_measures_declared": n["n_measures_declared"],
        "n_measures": n["n_measures"],
        "measures_missing": (n["n_measures_declared"] - n["n_measures"]).clip(lower=0),
        "truncated": n["truncated"],
        "years_inferred": n["years_inferred"],
        "empty_fields": empty.apply(lambda r: ", ".join(c for c in key_fields if r[c]), axis=1),
        "warnings": n["warnings"],
    }).sort_index()


def measures_per_problem(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Distribution of measures per problem, by notice."""
    p = frames["problems"].copy()
    labels = notice_labels(frames["notices"]).set_axis(frames["notices"]["notice_id"])
    p["notice"] = p["notice_id"].map(labels)
    grouped = p.groupby("notice")["n_measures"]  # describe() per group is slow past 1,000
    table = pd.DataFrame({"n_problems": grouped.count(), "mean": grouped.mean(),
                          "min": grouped.min(), "median": grouped.median(),
                          "max": grouped.max()})
    return table.astype("Float64")


def lags(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per notice: the three lags in days, where the publication date comes from, whether the
    notice appeared after the two-month due date of the rectification report (descriptive: no
    rule sets a date for publishing), and which years were inferred."""
    n = frames["notices"].copy()
    n.index = notice_labels(n)
    after = n["publication_date"] > n["feedback_date"] + pd.DateOffset(months=2)
    n["report_due_passed_at_publication"] = after.where(
        n["publication_date"].notna() & n["feedback_date"].notna()).astype("boolean")
    columns = ["admin_level", "province", *LAGS, "publication_source",
               "report_due_passed_at_publication", "years_inferred"]
    return n[columns].sort_values("days_to_feedback")


def per_group(frames: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Problems per notice and measures per problem by a notice column (province, level),
    with the notices behind each group and the one-notice flag (descriptive: no interval)."""
    n = frames["notices"]
    rows = {}
    for group, part in n.groupby(group_labels(n, by), sort=True):
        problems = frames["problems"][frames["problems"]["notice_id"].isin(part["notice_id"])]
        rows[group] = {
            "n_notices": len(part),
            "n_problems": len(problems),
            "problems_per_notice": part["n_problems"].mean(),
            "measures_per_problem": problems["n_measures"].mean() if len(problems) else pd.NA,
            "notices_truncated": int(part["truncated"].fillna(False).sum()),
            "one_notice": len(part) == 1,
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(by)
