"""Comparisons across groups of notices (levels, kinds, provinces, years, unit types).

Every estimate comes with the number of notices behind it and an interval over notices made
by `analysis/resample.py` (none below its minimum number of notices), labelled with its
method. Shares of problems are ratios of per-notice sums; medians of lags have exact
order-statistic intervals; a difference between two groups is tested by permuting notices
between them, never problems, since problems cluster in notices.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

from zhenggai.analysis import resample
from zhenggai.analysis.prevalence import by_group

LAGS = ["days_inspecting", "days_to_feedback", "days_to_publication"]
UNKNOWN = "(unknown)"
PERMUTATIONS = 5000
# Publication lags are measured from two kinds of date that must not be pooled.
PUBLICATION_SOURCES = {"page": "publication dated by the page",
                       "signature": "publication dated under the signature"}


def group_labels(notices: pd.DataFrame, by: str) -> pd.Series:
    """Each notice's group by a column: a year for a date column, (unknown) when empty."""
    values = notices[by]
    if pd.api.types.is_datetime64_any_dtype(values):
        values = values.dt.year.astype("Int64").astype(str).replace("<NA>", "")
    return values.fillna("").astype(str).replace("", UNKNOWN)


def lag_series(notices: pd.DataFrame) -> dict[str, pd.Series]:
    """The lags to report, each with its notices: inspection and feedback lags, and the
    publication lag once per kind of publication date."""
    series = {lag: notices[lag] for lag in LAGS[:2]}
    for source, name in PUBLICATION_SOURCES.items():
        series[f"days_to_publication ({name})"] = notices[LAGS[2]].where(
            notices["publication_source"] == source)
    return series


def lag_medians(notices: pd.DataFrame, by: str) -> pd.DataFrame:
    """Median of each lag by group, with its exact interval and the notices behind it."""
    groups = group_labels(notices, by)
    rows = []
    for group, part in notices.groupby(groups, sort=True):
        for lag, values in lag_series(part).items():
            interval = resample.median(values.dropna().astype(float))
            rows.append({by: group, "lag": lag, "median": interval.estimate,
                         "ci_low": interval.low, "ci_high": interval.high,
                         "n_notices": interval.n_notices,
                         "one_notice": interval.n_notices == 1,
                         "interval": interval.label()})
    return pd.DataFrame(rows)


def problem_shares(frames: dict[str, pd.DataFrame], flags: pd.DataFrame, by: str
                   ) -> pd.DataFrame:
    """Share of a group's problems in each column of `flags` (0/1 or shares, aligned with the
    problems table), with its interval over notices, notices and problems."""
    problems, notices = frames["problems"], frames["notices"]
    group_of = pd.Series(group_labels(notices, by).to_numpy(), index=notices["notice_id"])
    groups = problems["notice_id"].map(group_of).fillna(UNKNOWN)
    table = by_group(flags.reset_index(drop=True), problems["notice_id"].reset_index(drop=True),
                     groups.reset_index(drop=True))
    return table.rename(columns={"group": by})


def status_shares(frames: dict[str, pd.DataFrame], by: str) -> tuple[pd.DataFrame, int]:
    """The share of problems of each status, among the notices that state statuses at all
    (a notice that labels none says nothing of completion); and how many notices do."""
    problems = frames["problems"]
    stating = set(problems.loc[problems["status"] != "", "notice_id"])
    part = problems[problems["notice_id"].isin(stating)].reset_index(drop=True)
    flags = pd.DataFrame({status: (part["status"] == status).astype(int)
                          for status in ("completed", "in_progress", "long_term")})
    sub = {**frames, "problems": part,
           "notices": frames["notices"][frames["notices"]["notice_id"].isin(stating)]}
    return problem_shares(sub, flags, by), len(stating)


def permutation_between(frames: dict[str, pd.DataFrame], flags: pd.DataFrame, by: str,
                        column: str, permutations: int = PERMUTATIONS) -> dict:
    """A permutation test of one column's pooled share between the two groups of `by` with
    the most notices (each of at least two): notices are shuffled between the groups, each
    with all its problems. Exact (every split) when there are few enough splits."""
    problems, notices = frames["problems"], frames["notices"]
    group_of = pd.Series(group_labels(notices, by).to_numpy(), index=notices["notice_id"])
    per_notice = pd.DataFrame({"hits": flags[column].to_numpy(), "n": 1,
                               "notice_id": problems["notice_id"].to_numpy()}
                              ).groupby("notice_id").sum()
    per_notice["group"] = per_notice.index.map(group_of)
    sizes = per_notice["group"].value_counts()
    sizes = sizes[(sizes >= 2) & (sizes.index != UNKNOWN)]
    if len(sizes) < 2:
        return {"testable": False, "p": np.nan, "reason": (
            f"{len(sizes)} group(s) rest on two notices or more; a test needs two")}
    a, b = sorted(sizes.index[:2])
    part = per_notice[per_notice["group"].isin([a, b])]
    hits, n = part["hits"].to_numpy(float), part["n"].to_numpy(float)
    in_a = (part["group"] == a).to_numpy()

    def difference(mask: np.ndarray) -> float:
        return hits[mask].sum() / n[mask].sum() - hits[~mask].sum() / n[~mask].sum()

    observed = difference(in_a)
    k, total = int(in_a.sum()), len(in_a)
    if math.comb(total, k) <= permutations:
        splits = [np.isin(np.arange(total), c) for c in itertools.combinations(range(total), k)]
        method = f"exact permutation test over notices ({len(splits)} splits)"
    else:
        rng = np.random.default_rng(resample.SEED)
        splits = [rng.permutation(in_a) for _ in range(permutations)]
        method = f"permutation test over notices ({permutations:,} shuffles)"
    null = np.array([difference(s) for s in splits])
    p = float((np.sum(np.abs(null) >= abs(observed) - 1e-12) + (0 if "exact" in method else 1))
              / (len(null) + (0 if "exact" in method else 1)))
    return {"testable": True, "p": p, "groups": (a, b), "difference": observed,
            "n_notices": (int(k), int(total - k)), "method": method, "reason": ""}


def measures_per_problem(frames: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Mean measures per problem by group, within each form of response (see
    problems.measure_form), as a ratio over notices with its interval."""
    problems, notices = frames["problems"], frames["notices"]
    group_of = pd.Series(group_labels(notices, by).to_numpy(), index=notices["notice_id"])
    p = problems.assign(group=problems["notice_id"].map(group_of).fillna(UNKNOWN))
    p = p[p["measure_form"] != ""]
    rows = []
    for (group, form), part in p.groupby(["group", "measure_form"], sort=True):
        per_notice = part.groupby("notice_id")["n_measures"].agg(["sum", "size"])
        interval = resample.ratio(per_notice["sum"], per_notice["size"])
        rows.append({by: group, "measure_form": form, "mean": interval.estimate,
                     "ci_low": interval.low, "ci_high": interval.high,
                     "n_problems": len(part), "n_notices": interval.n_notices,
                     "one_notice": interval.n_notices == 1, "interval": interval.label()})
    return pd.DataFrame(rows)


def notices_phrase(n: int) -> str:
    """1 notice, 2 notices."""
    return f"{n} notice" if n == 1 else f"{n} notices"


def describe_share(row: pd.Series, by: str) -> str:
    """A sentence fragment from a share row: 31 % (16 problems, 5 notices; no interval: …)."""
    interval = row.interval if np.isnan(row.ci_low) else \
        f"{row.ci_low:.0%}–{row.ci_high:.0%}, {row.interval}"
    return (f"{row[by]}: {row.share:.0%} ({row.n_problems} problems, "
            f"{notices_phrase(row.n_notices)}; {interval})")
