"""Uncertainty beside every comparison: Wilson intervals for shares, bootstrap intervals for
medians and means, Fisher's exact test for 2×2 tables, and the flag for a group of one."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

SEED = 0
CONFIDENCE = 0.95
BOOTSTRAP_DRAWS = 2000


def wilson(successes: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The Wilson score interval of a share; (nan, nan) when n is 0."""
    if n == 0:
        return float("nan"), float("nan")
    ci = stats.binomtest(int(successes), int(n)).proportion_ci(confidence, method="wilson")
    return float(ci.low), float(ci.high)


def bootstrap(values, statistic=np.median, draws: int = BOOTSTRAP_DRAWS,
              confidence: float = CONFIDENCE) -> tuple[float, float]:
    """A percentile bootstrap interval of `statistic`; (nan, nan) with fewer than 2 values."""
    values = np.asarray(pd.Series(values).dropna(), dtype=float)
    if len(values) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(SEED)
    samples = rng.choice(values, size=(draws, len(values)), replace=True)
    estimates = statistic(samples, axis=1)
    tail = (1 - confidence) / 2 * 100
    return float(np.percentile(estimates, tail)), float(np.percentile(estimates, 100 - tail))


def fisher(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p of Fisher's exact test for the 2×2 table [[a, b], [c, d]]."""
    return float(stats.fisher_exact([[a, b], [c, d]]).pvalue)


def share_table(counts: pd.DataFrame, group: str, n_notices: pd.Series) -> pd.DataFrame:
    """Shares with Wilson intervals. `counts` has columns `group`, `successes`, `n`;
    `n_notices` gives the notices behind each group. A group of one notice is flagged."""
    rows = []
    for row in counts.itertuples():
        low, high = wilson(row.successes, row.n)
        key = getattr(row, group)
        rows.append({group: key, "share": row.successes / row.n if row.n else float("nan"),
                     "ci_low": low, "ci_high": high, "successes": row.successes, "n": row.n,
                     "n_notices": int(n_notices.get(key, 0)),
                     "one_notice": int(n_notices.get(key, 0)) == 1})
    return pd.DataFrame(rows)
