"""The one way this project puts an interval on a share, a mean or a median: over notices.

Notices are the unit. Problems, measures and outcomes nest in notices, and a notice with many
problems must not pass for many independent observations, so every interval resamples
notices, each bringing all its rows (a cluster bootstrap). Two rules keep the intervals
honest at the sizes this corpus has:
- below MIN_NOTICES notices no interval is given at all: a percentile bootstrap over 2, 4 or
  5 values is the range of the data and covers far less than it claims;
- a median of one value per notice gets the exact distribution-free interval from order
  statistics, whose coverage is computed and stated (at 8 notices it is the range, and
  covers 99.2 %), instead of a bootstrap.
Every interval carries its method and its number of notices, which the notebooks print.

What an interval means here: these notices are not a random sample of a known population
(they are the notices the collector found and the parser read), so an interval describes how
much a figure depends on which of these notices happen to be in the corpus, not a margin of
error for all notices of the genre.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

SEED = 0
CONFIDENCE = 0.95
DRAWS = 2000
MIN_NOTICES = 8  # fewer notices than this get no interval
BOOTSTRAP = "cluster bootstrap over notices (percentile, 2,000 draws)"
ORDER_STATISTIC = "exact order-statistic interval of the median"
NONE = "no interval"
INFERENCE_FRAME = (
    "These notices are not a sample drawn from a known population: they are the notices "
    "collected and read. An interval here shows how much a figure depends on which of these "
    f"notices are in the corpus (resampling notices, never problems); none is given below "
    f"{MIN_NOTICES} notices.")


@dataclass(frozen=True)
class Interval:
    """An estimate over notices, its interval and how it was made."""

    estimate: float
    low: float
    high: float
    n_notices: int
    method: str
    coverage: float  # the interval's own coverage (exact intervals reach more than 95 %)

    @property
    def has_interval(self) -> bool:
        return not np.isnan(self.low)

    def label(self) -> str:
        """How the interval was made, in words: method, coverage, number of notices."""
        notices = f"{self.n_notices} notice{'' if self.n_notices == 1 else 's'}"
        if not self.has_interval:
            return f"no interval: {notices}, fewer than {MIN_NOTICES}"
        return f"{self.coverage:.1%} {self.method}, {notices}".replace(".0%", "%")


DRAW_CELLS = 2_000_000  # notice positions held at once (16 MB), whatever the corpus


def draw_notices(n: int, draws: int = DRAWS) -> Iterator[np.ndarray]:
    """The resampling primitive: `draws` rows of n notice positions drawn with replacement
    (the same seed every time, so every figure is reproducible), in blocks of rows small
    enough that memory does not grow with the corpus (the blocks are the rows one draw of
    all of them would give)."""
    rng = np.random.default_rng(SEED)
    per_block = max(1, DRAW_CELLS // max(n, 1))
    for start in range(0, draws, per_block):
        yield rng.integers(0, n, size=(min(per_block, draws - start), n))


def _none(estimate: float, n: int) -> Interval:
    return Interval(estimate, float("nan"), float("nan"), n, NONE, float("nan"))


def ratio(numerators, denominators, draws: int = DRAWS) -> Interval:
    """A share or mean made of per-notice sums: sum(numerators) / sum(denominators) (the share
    of problems completed, measures per problem), bootstrapped over notices."""
    return ratios(np.asarray(numerators, dtype=float)[:, None], denominators, draws)[0]


def ratios(numerators, denominators, draws: int = DRAWS) -> list[Interval]:
    """`ratio` for each column of `numerators` (notices × columns) over the same
    denominators, on the same draws: one resample of the notices serves every column."""
    num = np.asarray(numerators, dtype=float)
    den = np.asarray(denominators, dtype=float)
    keep = den > 0
    num, den = num[keep], den[keep]
    n = len(den)
    # column by column: a 2-D sum adds in another order and can differ in the last digit
    estimates = [column.sum() / den.sum() if n else np.nan for column in num.T]
    if n < MIN_NOTICES:
        return [_none(float(e), n) for e in estimates]
    boot: list[list[np.ndarray]] = [[] for _ in range(num.shape[1])]
    for picks in draw_notices(n, draws):
        # how often each notice was drawn in each resample: then one product gives every
        # column's resampled sums (gathering each column draw by draw was most of the time)
        rows = len(picks)
        counts = np.bincount((picks + (np.arange(rows) * n)[:, None]).ravel(),
                             minlength=rows * n).reshape(rows, n).astype(float)
        totals = counts @ den
        sums = counts @ num
        for j in range(num.shape[1]):
            boot[j].append(sums[:, j] / totals)
    tail = (1 - CONFIDENCE) / 2 * 100
    found = []
    for estimate, parts in zip(estimates, boot, strict=True):
        low, high = np.percentile(np.concatenate(parts), [tail, 100 - tail])
        found.append(Interval(float(estimate), float(low), float(high), n, BOOTSTRAP,
                              CONFIDENCE))
    return found


def mean(values, draws: int = DRAWS) -> Interval:
    """The mean of one value per notice (a share of notices when the values are 0/1)."""
    values = np.asarray(pd.Series(values, dtype="Float64").dropna(), dtype=float)
    return ratio(values, np.ones(len(values)), draws)


def median(values) -> Interval:
    """The median of one value per notice, with the exact order-statistic interval: the
    widest k with P(Bin(n, 1/2) < k) ≤ 2.5 % gives [x(k), x(n+1-k)], whose coverage is
    1 − 2·P(Bin(n, 1/2) ≤ k − 1)."""
    values = np.sort(np.asarray(pd.Series(values, dtype="Float64").dropna(), dtype=float))
    n = len(values)
    estimate = float(np.median(values)) if n else float("nan")
    if n < MIN_NOTICES:
        return _none(estimate, n)
    alpha = 1 - CONFIDENCE
    k = 1
    while stats.binom.cdf(k, n, 0.5) <= alpha / 2:  # P(B ≤ k) small enough: widen k
        k += 1
    coverage = 1 - 2 * stats.binom.cdf(k - 1, n, 0.5)
    return Interval(estimate, float(values[k - 1]), float(values[n - k]), n, ORDER_STATISTIC,
                    float(coverage))


def as_columns(interval: Interval, prefix: str = "") -> dict:
    """An interval as table columns: estimate, low, high, n_notices, interval (in words)."""
    return {f"{prefix}estimate": interval.estimate, f"{prefix}ci_low": interval.low,
            f"{prefix}ci_high": interval.high, "n_notices": interval.n_notices,
            "one_notice": interval.n_notices == 1, "interval": interval.label()}
