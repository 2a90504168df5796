"""How prevalent each topic or category is in groups of notices, with honest intervals.

Problems nest in notices: one notice with many problems must not pass for many independent
observations. Intervals are therefore bootstrapped over notices (a group's notices are
resampled with replacement, each bringing all its problems), and every estimate carries the
number of notices and problems behind it. A group resting on one notice is flagged and has no
interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from zhenggai.analysis.intervals import BOOTSTRAP_DRAWS, CONFIDENCE, SEED


def by_group(shares: pd.DataFrame, notice_ids: pd.Series, groups: pd.Series,
             draws: int = BOOTSTRAP_DRAWS) -> pd.DataFrame:
    """Mean share of each column (a topic, or a 0/1 category) among a group's problems, with a
    bootstrap interval over notices. `shares`, `notice_ids` and `groups` align by row."""
    rng = np.random.default_rng(SEED)
    tail = (1 - CONFIDENCE) / 2 * 100
    rows = []
    frame = shares.assign(_notice=notice_ids.to_numpy(), _group=groups.to_numpy())
    for group, members in frame.groupby("_group", sort=True):
        per_notice = members.groupby("_notice")
        sums = per_notice[list(shares.columns)].sum()
        sizes = per_notice.size()
        n_notices = len(sizes)
        if n_notices > 1:
            picks = rng.integers(0, n_notices, size=(draws, n_notices))
            totals = sums.to_numpy()[picks].sum(axis=1)
            counts = sizes.to_numpy()[picks].sum(axis=1, keepdims=True)
            boot = totals / counts
        for j, column in enumerate(shares.columns):
            low, high = (np.percentile(boot[:, j], [tail, 100 - tail])
                         if n_notices > 1 else (np.nan, np.nan))
            rows.append({"group": group, "column": column,
                         "share": float(sums[column].sum() / sizes.sum()),
                         "ci_low": float(low), "ci_high": float(high),
                         "n_notices": n_notices, "n_problems": int(sizes.sum()),
                         "one_notice": n_notices == 1})
    return pd.DataFrame(rows)
