"""What rectification produced, summed per notice and compared across groups.

Notices report results unevenly: one counts every talk held, another says only that talks
were held. So the unit of comparison is the notice: how many notices report a result of each
kind (a share of notices, with an interval over notices), and what those that print a figure
add up to. Each column says what it counts: 人次 are counted acts (a person talked to twice
counts twice), not people; yuan are those printed in money results, and a sum put right
(解决/纠正 of an irregular transfer) is kept apart from money recovered. Where a notice
prints no figure the value is missing (shown as —), never 0. Absence from a notice is not
absence in fact.
"""

from __future__ import annotations

import pandas as pd

from zhenggai.analysis import resample
from zhenggai.analysis.compare import group_labels
from zhenggai.dataset.load import notice_labels

KINDS = ["discipline", "money", "rules", "personnel"]
PERSON_UNITS = ["人", "名", "人次"]
PUT_RIGHT = ["解决", "纠正", "清理"]  # money: an irregular sum put right, not recovered


def _summed(part: pd.DataFrame, column: str, index: pd.Index) -> pd.Series:
    """The sum of a column per notice; missing (not 0) where the notice prints no figure."""
    printed = part[part[column].notna()]
    return printed.groupby("notice_id")[column].sum(min_count=1).reindex(index)


def per_notice(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per notice: results of each kind, and the figures printed in them, named for what they
    count; missing where nothing is printed."""
    notices, outcomes = frames["notices"], frames["outcomes"]
    table = pd.DataFrame(index=notices["notice_id"])
    for kind in KINDS:
        part = outcomes[outcomes["kind"] == kind]
        table[f"{kind}_results"] = part.groupby("notice_id").size().reindex(table.index,
                                                                              fill_value=0)
    discipline = outcomes[(outcomes["kind"] == "discipline")
                          & outcomes["count_unit"].isin(PERSON_UNITS)]
    table["discipline_persons_or_person_times"] = _summed(discipline, "count", table.index)
    table["discipline_figures_approximate"] = discipline.groupby("notice_id")[
        "approximate"].any().reindex(table.index).astype("boolean")
    money = outcomes[outcomes["kind"] == "money"]
    recovered = money[~money["action"].isin(PUT_RIGHT)]
    table["yuan_in_money_results"] = _summed(recovered, "amount_yuan", table.index)
    table["yuan_put_right"] = _summed(money[money["action"].isin(PUT_RIGHT)], "amount_yuan",
                                      table.index)
    table["n_problems"] = notices.set_index("notice_id")["n_problems"]
    table.index = notice_labels(notices).to_numpy()
    return table


def reporting_shares(frames: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Share of a group's notices that report at least one result of each kind, with its
    interval over notices (none below resample.MIN_NOTICES)."""
    notices, outcomes = frames["notices"], frames["outcomes"]
    groups = group_labels(notices, by)
    rows = []
    for group, members in notices.groupby(groups, sort=True):
        for kind in KINDS:
            ids = set(outcomes.loc[outcomes["kind"] == kind, "notice_id"])
            reports = members["notice_id"].isin(ids).astype(int)
            interval = resample.mean(reports)
            rows.append({by: group, "kind": kind, "notices_reporting": int(reports.sum()),
                         "share": interval.estimate, "ci_low": interval.low,
                         "ci_high": interval.high, "n_notices": interval.n_notices,
                         "one_notice": interval.n_notices == 1, "interval": interval.label()})
    return pd.DataFrame(rows)
