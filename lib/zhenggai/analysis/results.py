"""What rectification produced, summed per notice and compared across groups.

Notices report results unevenly: one counts every talk held, another says only that talks
were held. So the unit of comparison is the notice: how many notices report a result of each
kind (a share with a Wilson interval over notices, which are independent of each other), and
what those that do report add up to. Absence from a notice is not absence in fact.
"""

from __future__ import annotations

import pandas as pd

from zhenggai.analysis.compare import group_labels
from zhenggai.analysis.intervals import wilson
from zhenggai.dataset.load import notice_labels

KINDS = ["discipline", "money", "rules", "personnel"]


def per_notice(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per notice: results of each kind, people counted in discipline results, yuan in money
    results, named rules; zeros where the notice reports none."""
    notices, outcomes = frames["notices"], frames["outcomes"]
    table = pd.DataFrame(index=notices["notice_id"])
    for kind in KINDS:
        part = outcomes[outcomes["kind"] == kind]
        table[f"{kind}_results"] = part.groupby("notice_id").size().reindex(table.index,
                                                                              fill_value=0)
    people = outcomes[(outcomes["kind"] == "discipline")
                      & outcomes["count_unit"].isin(["人", "名", "人次"])]
    table["people_disciplined"] = people.groupby("notice_id")["count"].sum().reindex(
        table.index, fill_value=0)
    money = outcomes[outcomes["kind"] == "money"]
    table["yuan_recovered"] = money.groupby("notice_id")["amount_yuan"].sum().reindex(
        table.index, fill_value=0.0).astype("Float64")
    table["n_problems"] = notices.set_index("notice_id")["n_problems"]
    table.index = notice_labels(notices).to_numpy()
    return table


def reporting_shares(frames: dict[str, pd.DataFrame], by: str) -> pd.DataFrame:
    """Share of a group's notices that report at least one result of each kind, with Wilson
    intervals over notices; a group of one notice is flagged."""
    notices, outcomes = frames["notices"], frames["outcomes"]
    groups = group_labels(notices, by)
    rows = []
    for group, members in notices.groupby(groups, sort=True):
        ids = set(members["notice_id"])
        for kind in KINDS:
            reporting = outcomes.loc[(outcomes["kind"] == kind)
                                     & outcomes["notice_id"].isin(ids), "notice_id"].nunique()
            low, high = wilson(reporting, len(ids))
            rows.append({by: group, "kind": kind, "notices_reporting": reporting,
                         "share": reporting / len(ids), "ci_low": low, "ci_high": high,
                         "n_notices": len(ids), "one_notice": len(ids) == 1})
    return pd.DataFrame(rows)
