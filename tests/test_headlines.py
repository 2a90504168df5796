"""A referee's recomputation: the headline figures of the pages, recomputed here from the CSV
files with plain pandas, must equal what the library prints."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from zhenggai import load_tables
from zhenggai.analysis import headlines


@pytest.fixture(scope="module")
def csv(seeds_processed):
    read = {"keep_default_na": False, "na_values": [""]}
    return {name: pd.read_csv(seeds_processed / f"{name}.csv", **read)
            for name in ("notices", "problems", "outcomes")}


@pytest.fixture(scope="module")
def frames(seeds_processed):
    return load_tables(seeds_processed)


def test_lag_medians_and_the_two_kinds_of_publication_date(csv, frames):
    summary = headlines.lag_summary(frames).set_index("lag")
    notices = csv["notices"]
    for lag in ("days_inspecting", "days_to_feedback"):
        values = notices[lag].dropna()
        assert summary.loc[lag, "median"] == values.median()
        assert summary.loc[lag, "n_notices"] == len(values)
        assert np.isnan(summary.loc[lag, "ci_low"])  # 5 notices: below the minimum
    page = notices.loc[notices["publication_source"] == "page", "days_to_publication"].dropna()
    signed = notices.loc[notices["publication_source"] == "signature",
                         "days_to_publication"].dropna()
    by_page = summary.loc["days_to_publication (publication dated by the page)"]
    by_signature = summary.loc["days_to_publication (publication dated under the signature)"]
    assert (by_page["median"], by_page["n_notices"]) == (page.median(), len(page))
    assert by_signature["n_notices"] == len(signed)
    assert by_signature["median"] == signed.median() or (signed.empty
                                                          and np.isnan(by_signature["median"]))


def test_outcome_figures_name_what_they_count(csv, frames):
    summary = headlines.outcome_summary(frames).set_index("kind")
    outcomes = csv["outcomes"]
    money = outcomes[(outcomes["kind"] == "money") & ~outcomes["action"].isin(["解决", "纠正",
                                                                                "清理"])]
    assert summary.loc["money", "figure_total"] == pytest.approx(money["amount_yuan"].sum())
    assert summary.loc["money", "notices_reporting"] == outcomes.loc[
        outcomes["kind"] == "money", "notice_id"].nunique()
    people = outcomes[(outcomes["kind"] == "discipline")
                      & outcomes["count_unit"].isin(["人", "名", "人次"])]
    assert summary.loc["discipline", "figure_total"] == people["count"].sum()
    assert summary.loc["discipline", "figure"] == "人次 and persons counted"
    assert (summary["n_notices"] == len(csv["notices"])).all()


def test_headlines_are_given_without_the_incomplete_notices_too(csv, frames):
    both = headlines.both_ways(frames, headlines.lag_summary)
    assert set(both["notices"]) == {"all notices (5)", "complete notices only (4)"}
    complete = csv["notices"][~csv["notices"]["truncated"]
                              & ~(csv["notices"]["n_problems"]
                                  < csv["notices"]["n_problems_declared"].fillna(0))]
    row = both[(both["notices"] == "complete notices only (4)")
               & (both["lag"] == "days_inspecting")].iloc[0]
    assert row["median"] == complete["days_inspecting"].median()


def test_per_notice_figures_are_missing_not_zero_where_none_is_printed(frames):
    from zhenggai.analysis.results import per_notice

    table = per_notice(frames)
    money = table["yuan_in_money_results"]
    assert money.isna().any() and not (money == 0).any()
