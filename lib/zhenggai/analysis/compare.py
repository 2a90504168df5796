"""Comparisons across groups of notices (levels, kinds, provinces, years), with uncertainty.

Every estimate comes with a 95 % interval and the number of notices behind it. Medians of lags
have bootstrap intervals over notices; shares of problems have Wilson intervals (which treat
problems as independent) and bootstrap intervals over notices (which do not, and are the ones
to read: problems nest in notices). A group resting on one notice is flagged and kept out of
comparative claims; a difference between two groups is tested with Fisher's exact test, and
only claimed when both groups rest on more than one notice.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zhenggai.analysis.intervals import bootstrap, fisher, wilson
from zhenggai.analysis.prevalence import by_group

LAGS = ["days_inspecting", "days_to_feedback", "days_to_publication"]
UNKNOWN = "(unknown)"


def group_labels(notices: pd.DataFrame, by: str) -> pd.Series:
    """Each notice's group by a column: a year for a date column, (unknown) when empty."""
    values = notices[by]
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.year.astype("Int64").astype(str).replace("<NA>", "")
    return values.fillna("").astype(str).replace("", UNKNOWN)


def lag_medians(notices: pd.DataFrame, by: str) -> pd.DataFrame:
    """Median of each lag by group, with its bootstrap interval and the notices behind it."""
    groups = group_labels(notices, by)
    rows = []
    for group, part in notices.groupby(groups, sort=True):
        for lag in LAGS:
            values = part[lag].dropna().astype(float)
            low, high = bootstrap(values)
            rows.append({by: group, "lag": lag, "median": values.median() if len(values)
                         else np.nan, "ci_low": low, "ci_high": high,
                         "n_notices": len(values), "one_notice": len(values) == 1})
    return pd.DataFrame(rows)


def problem_shares(frames: dict[str, pd.DataFrame], flags: pd.DataFrame, by: str
                   ) -> pd.DataFrame:
    """Share of a group's problems in each column of `flags` (0/1, aligned with the problems
    table): the share, Wilson and bootstrap-over-notices intervals, notices and problems."""
    problems, notices = frames["problems"], frames["notices"]
    group_of = pd.Series(group_labels(notices, by).to_numpy(), index=notices["notice_id"])
    groups = problems["notice_id"].map(group_of).fillna(UNKNOWN)
    table = by_group(flags.reset_index(drop=True), problems["notice_id"].reset_index(drop=True),
                     groups.reset_index(drop=True))
    wilson_low, wilson_high = [], []
    for r in table.itertuples():
        successes = round(r.share * r.n_problems)
        low, high = wilson(successes, r.n_problems)
        wilson_low.append(low)
        wilson_high.append(high)
    return table.assign(wilson_low=wilson_low, wilson_high=wilson_high).rename(
        columns={"group": by})


def fisher_between(shares: pd.DataFrame, by: str, column: str) -> dict:
    """Fisher's exact test of one column's share between the two groups of `shares` that rest
    on more than one notice, when there are exactly two such groups; else why none can be run."""
    part = shares[(shares["column"] == column) & ~shares["one_notice"]]
    if len(part) != 2:
        return {"testable": False, "p": np.nan,
                "reason": f"{len(part)} group(s) rest on more than one notice; a test needs two"}
    a, b = part.iloc[0], part.iloc[1]
    hits_a, hits_b = round(a.share * a.n_problems), round(b.share * b.n_problems)
    p = fisher(hits_a, a.n_problems - hits_a, hits_b, b.n_problems - hits_b)
    return {"testable": True, "p": p, "groups": (a[by], b[by]),
            "shares": (a.share, b.share), "reason": ""}


def measures_per_problem(frames: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Mean measures per problem by group, within each form of response (enumerated or prose:
    a prose answer always counts as one), with bootstrap intervals over problems."""
    problems, notices = frames["problems"], frames["notices"]
    group_of = pd.Series(group_labels(notices, by).to_numpy(), index=notices["notice_id"])
    p = problems.assign(group=problems["notice_id"].map(group_of).fillna(UNKNOWN))
    p = p[p["measure_form"] != ""]
    rows = []
    for (group, form), part in p.groupby(["group", "measure_form"], sort=True):
        values = part["n_measures"].astype(float)
        low, high = bootstrap(values, statistic=np.mean)
        n_notices = part["notice_id"].nunique()
        rows.append({by: group, "measure_form": form, "mean": values.mean(), "ci_low": low,
                     "ci_high": high, "n_problems": len(part), "n_notices": n_notices,
                     "one_notice": n_notices == 1})
    return pd.DataFrame(rows)


def describe_share(row: pd.Series, by: str) -> str:
    """A sentence fragment from a share row: 31 % (95 % CI 12–58 %; 16 problems, 1 notice)."""
    interval = "no interval: one notice" if row.one_notice else \
        f"95 % CI {row.ci_low:.0%}–{row.ci_high:.0%}"
    return (f"{row[by]}: {row.share:.0%} ({interval}; {row.n_problems} problems, "
            f"{row.n_notices} notice{'s' if row.n_notices != 1 else ''})")
