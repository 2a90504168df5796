"""Uncertainty beside every comparison: Wilson intervals for shares, bootstrap intervals for
medians and means, Fisher's exact test for 2×2 tables."""

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
