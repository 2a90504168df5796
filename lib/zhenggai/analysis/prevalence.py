"""How prevalent each topic or category is in groups of notices, with honest intervals.

Problems nest in notices: one notice with many problems must not pass for many independent
observations. The share of a group's problems in a column is therefore a ratio of per-notice
sums, and its interval resamples notices (`analysis/resample.py`), each bringing all its
problems. Every estimate carries the number of notices and problems behind it; a group of
fewer than resample.MIN_NOTICES notices has no interval.
"""

from __future__ import annotations

import pandas as pd

from zhenggai.analysis import resample


def by_group(shares: pd.DataFrame, notice_ids: pd.Series, groups: pd.Series) -> pd.DataFrame:
    """Mean share of each column (a topic, or a 0/1 category) among a group's problems, with
    its interval over notices. `shares`, `notice_ids` and `groups` align by row."""
    rows = []
    frame = shares.assign(_notice=notice_ids.to_numpy(), _group=groups.to_numpy())
    for group, members in frame.groupby("_group", sort=True):
        per_notice = members.groupby("_notice")
        sums = per_notice[list(shares.columns)].sum()
        sizes = per_notice.size()
        intervals = resample.ratios(sums[list(shares.columns)].to_numpy(dtype=float),
                                    sizes.to_numpy())
        for column, interval in zip(shares.columns, intervals, strict=True):
            rows.append({"group": group, "column": column, "share": interval.estimate,
                         "ci_low": interval.low, "ci_high": interval.high,
                         "n_notices": interval.n_notices, "n_problems": int(sizes.sum()),
                         "one_notice": interval.n_notices == 1,
                         "interval": interval.label()})
    return pd.DataFrame(rows)
