"""Covariate effects on the prevalence of problem categories, as stm's estimateEffect does it.

Each notice's share of problems in a category is regressed (ordinary least squares) on the
notice's level, kind of inspection, unit type and year: one row per notice, so notices are
the unit, and the intervals resample notices (`resample.draw_notices`, the same draws as every
other interval) and refit. A coefficient says how much larger a category's share is in a
group than in the reference group, other covariates held equal. With fewer notices than the
design has parameters plus resample.MIN_NOTICES, nothing is estimated and the table says why:
a regression on a handful of documents fits them exactly and says nothing.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zhenggai.analysis import resample
from zhenggai.analysis.compare import group_labels

COVARIATES = ("admin_level", "inspection_kind", "unit_type", "inspection_start")


def notice_shares(frames: dict[str, pd.DataFrame], flags: pd.DataFrame) -> pd.DataFrame:
    """Each notice's share of problems in each column of `flags` (aligned with problems)."""
    ids = frames["problems"]["notice_id"].to_numpy()
    return flags.reset_index(drop=True).groupby(ids).mean()


def design(notices: pd.DataFrame, covariates=COVARIATES) -> pd.DataFrame:
    """The design matrix: an intercept, a dummy per group but the most common one (the
    reference), and the year centred on its mean."""
    columns = {"intercept": np.ones(len(notices))}
    for covariate in covariates:
        labels = group_labels(notices, covariate)
        if covariate == "inspection_start":
            years = pd.to_numeric(labels, errors="coerce")
            if years.notna().sum() and years.nunique() > 1:
                columns["year (centred)"] = (years - years.mean()).fillna(0).to_numpy()
            continue
        reference = labels.value_counts().index[0]
        for level in sorted(set(labels) - {reference}):
            columns[f"{covariate}: {level} (vs {reference})"] = (labels == level).astype(
                float).to_numpy()
    return pd.DataFrame(columns, index=notices["notice_id"].to_numpy())


def _weighted_fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Least squares on the rows of one resample, each notice weighted by the times it was
    drawn: the normal equations of p × p, not a fit on n rows (the same solution, the
    minimum-norm one when a resample lacks a level)."""
    weighted = x.T * weights
    return np.linalg.lstsq(weighted @ x, weighted @ y, rcond=None)[0]


def effects(frames: dict[str, pd.DataFrame], flags: pd.DataFrame,
            covariates=COVARIATES) -> tuple[pd.DataFrame, str]:
    """Coefficients of each covariate on each column's share, with intervals over notices;
    and "" or, when nothing can be estimated, why."""
    shares = notice_shares(frames, flags)
    x = design(frames["notices"].set_index("notice_id").loc[shares.index].reset_index(),
               covariates)
    n, p = x.shape
    if n < p + resample.MIN_NOTICES:
        return pd.DataFrame(), (f"not estimated: the design has {p} parameters and there are "
                                f"{n} notices; at least {p + resample.MIN_NOTICES} are needed")
    matrix, outcomes = x.to_numpy(), shares.to_numpy()
    estimate = np.linalg.lstsq(matrix, outcomes, rcond=None)[0]
    draws = [_weighted_fit(matrix, outcomes, np.bincount(rows, minlength=n))
             for block in resample.draw_notices(n) for rows in block]
    tail = (1 - resample.CONFIDENCE) / 2 * 100
    low, high = np.percentile(np.stack(draws), [tail, 100 - tail], axis=0)
    rows = [{"category": column, "term": term, "estimate": estimate[i, j],
             "ci_low": low[i, j], "ci_high": high[i, j], "n_notices": n,
             "interval": f"{resample.CONFIDENCE:.0%} {resample.BOOTSTRAP}, {n} notices"}
            for j, column in enumerate(shares.columns) for i, term in enumerate(x.columns)
            if term != "intercept"]
    return pd.DataFrame(rows), ""
