"""The analysis layer: statistics checked against hand computations, the codebook's rules,
the validation sample, topics against their baseline, keyness and concordance."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from zhenggai import load_tables
from zhenggai.analysis import (
    codebook,
    compare,
    keyness,
    represent,
    resample,
    topics,
    validation,
)
from zhenggai.cli import main

ROOT = Path(__file__).resolve().parents[1]
CODES = ROOT / "data" / "validation" / "problem_codes.csv"


@pytest.fixture(scope="module")
def frames(seeds_processed):
    return load_tables(seeds_processed)


def test_the_codebook_lists_no_keyword_twice():
    assert codebook.duplicate_keywords() == []


def test_every_category_is_defined():
    book = codebook.codebook()
    for column in ("definition", "include", "exclude"):
        assert book[column].str.len().gt(20).all(), column


def test_the_codebook_is_multi_label_and_reports_ties():
    assert codebook.categorise("执行财务制度不严，公务用车不规范") == ["财务与资产"]
    both = codebook.categorise("协会财务监管缺失")
    assert set(both) == {"财务与资产", "协会与行业管理"}
    assert codebook.primary("协会财务") == codebook.TIE  # 协会 and 财务 weigh the same
    assert codebook.categorise("天气晴朗") == [codebook.OTHER]


def test_every_seed_problem_is_hand_coded(frames):
    codes = pd.read_csv(CODES, dtype={"notice_id": str})
    keys = set(zip(codes["notice_id"], codes["problem_seq"], strict=True))
    problems = frames["problems"]
    assert keys == set(zip(problems["notice_id"], problems["problem_seq"], strict=True))
    known = set(codebook.categories())
    for categories in codes["categories"]:
        assert set(categories.split(";")) <= known, categories


def test_agreement_matches_a_hand_computation(tmp_path):
    # coder A: 1 1 0 0, coder B: 1 0 0 0 on one category, four problems.
    # κ: p_o = 3/4, p_e = 1/2·1/4 + 1/2·3/4 = 1/2, κ = (3/4 − 1/2)/(1 − 1/2) = 1/2.
    # α (nominal): coincidences o11 = 2, o10 = o01 = 1, o00 = 4, n = 8; D_o = 2/8,
    # D_e = 2·3·5/(8·7) = 15/28, α = 1 − (1/4)/(15/28) = 8/15.
    rows = pd.DataFrame({"notice_id": ["n"] * 4, "problem_seq": [1, 2, 3, 4]})
    a = rows.assign(categories=["政治建设", "政治建设", "其他", "其他"])
    b = rows.assign(categories=["政治建设", "其他", "其他", "其他"])
    a.to_csv(tmp_path / "a.csv", index=False)
    b.to_csv(tmp_path / "b.csv", index=False)
    table = validation.agreement(validation.read_codes(tmp_path / "a.csv"),
                                 validation.read_codes(tmp_path / "b.csv"))
    row = table.loc["政治建设"]
    assert (row.tp, row.fp, row.fn, row.tn) == (1, 0, 1, 2)
    assert row.precision == 1.0 and row.recall == 0.5
    assert math.isclose(row.f1, 2 / 3)
    assert math.isclose(row.kappa, 0.5)
    assert math.isclose(row.alpha, 8 / 15)


def test_the_codebook_commands(tmp_path, capsys, seeds_processed):
    assert main(["codebook", "sheet", "--data", str(seeds_processed),
                 "--out", str(tmp_path / "coding.xlsx")]) == 0
    sheet = pd.read_excel(tmp_path / "coding.xlsx", sheet_name="coding")
    assert len(sheet) == 66 and "政治建设" in sheet.columns
    capsys.readouterr()
    assert main(["codebook", "agreement", str(CODES), "--auto", "--data", str(seeds_processed)]) == 0
    out = capsys.readouterr().out
    assert "overall" in out and "alpha" in out
    assert main(["codebook", "agreement", str(CODES), str(CODES)]) == 0
    assert "1.0" in capsys.readouterr().out


def test_the_median_interval_is_exact_and_says_its_coverage():
    eight = resample.median([5, 1, 8, 3, 7, 2, 6, 4])
    # by hand: at n = 8 only k = 1 keeps P(Bin(8, 1/2) < k) ≤ 2.5 %: the range, 1 − 2/256
    assert (eight.estimate, eight.low, eight.high) == (4.5, 1.0, 8.0)
    assert round(eight.coverage, 4) == 0.9922 and eight.method == resample.ORDER_STATISTIC
    twenty = resample.median(range(1, 21))
    # at n = 20, k = 6: [x(6), x(15)], coverage 1 − 2·P(Bin(20, 1/2) ≤ 5) = 0.9586
    assert (twenty.low, twenty.high, round(twenty.coverage, 4)) == (6.0, 15.0, 0.9586)
    assert "95.9% exact order-statistic interval of the median, 20 notices" == twenty.label()


def test_no_interval_below_the_minimum_of_notices():
    two = resample.median([82, 151])
    assert two.estimate == 116.5 and not two.has_interval  # never printed as 116
    assert two.label() == "no interval: 2 notices, fewer than 8"
    assert not resample.ratio([1, 2, 3], [2, 2, 2]).has_interval


def test_intervals_resample_notices_not_problems():
    # one notice of 100 problems, all flagged; seven of one problem each, none flagged
    interval = resample.ratio([100, 0, 0, 0, 0, 0, 0, 0], [100, 1, 1, 1, 1, 1, 1, 1])
    assert round(interval.estimate, 3) == round(100 / 107, 3)
    # (7/8)^8 = 34 % of draws leave the big notice out: the interval reaches 0. Resampling
    # the 107 problems would have given a narrow interval around 93 %.
    assert interval.low == 0.0 and interval.high > 0.98
    assert interval.method == resample.BOOTSTRAP and interval.n_notices == 8


def test_a_single_notice_group_has_no_interval(frames):
    flags = pd.DataFrame({"completed": (frames["problems"]["status"] == "completed").astype(int)})
    table = compare.problem_shares(frames, flags, "admin_level").set_index("admin_level")
    assert table.loc["province", "one_notice"] and np.isnan(table.loc["province", "ci_low"])
    assert table.loc["prefecture", "n_notices"] == 4
    assert np.isnan(table.loc["prefecture", "ci_low"])  # 4 notices: below the minimum
    assert not compare.permutation_between(frames, flags, "admin_level", "completed")[
        "testable"]


def test_the_permutation_test_shuffles_notices():
    notices = pd.DataFrame({"notice_id": list("abcd"), "g": ["x", "x", "y", "y"]})
    problems = pd.DataFrame({"notice_id": list("aabccd")})
    flags = pd.DataFrame({"f": [1, 1, 1, 0, 0, 0]})
    test = compare.permutation_between({"notices": notices, "problems": problems}, flags, "g",
                                       "f")
    # x: 3 of 3, y: 0 of 3; of the 6 splits of 4 notices into two pairs, the observed one
    # and its mirror are as extreme: p = 2/6
    assert test["testable"] and round(test["p"], 3) == round(2 / 6, 3)
    assert test["method"].startswith("exact permutation test over notices")


def test_status_shares_count_only_notices_that_state_statuses(frames):
    table, stating = compare.status_shares(frames, "admin_level")
    problems = frames["problems"]
    assert stating == problems.loc[problems["status"] != "", "notice_id"].nunique() == 1
    completed = table[table["column"] == "completed"].iloc[0]
    wuxi = problems[problems["notice_id"].isin(problems.loc[problems["status"] != "",
                                                             "notice_id"])]
    assert completed["share"] == (wuxi["status"] == "completed").mean() == 8 / 11


def test_no_seed_problem_has_an_empty_vector(frames):
    texts = frames["problems"]["problem"]
    matrix, _ = represent.tfidf(texts)
    assert represent.empty_vectors(texts, matrix).empty
    chars, _ = represent.tfidf(texts, represent.CHARACTERS)
    assert chars.shape[0] == len(texts)


def test_topic_diagnostics_stand_beside_their_baseline(frames):
    texts = frames["problems"]["problem"]
    table = topics.diagnostics(texts, "nmf", ks=[2, 4])
    assert set(table["corpus"]) == {"corpus", "shuffled baseline"}
    assert table["chosen"].sum() == 2  # one k, marked on both its rows
    model = topics.fit(texts, "nmf", topics.chosen_k(table))
    assert len(topics.labels(model)) == model.k
    assert len(topics.representative(model, texts)) == 3 * model.k


def test_the_k_range_is_not_capped_below_the_corpus():
    assert max(topics.k_values(66)) == 22
    assert max(topics.k_values(5000)) == 30


def test_keyness_and_kwic():
    # by hand: 10 of 20 words against 0 of 20: expected 5 and 5, G² = 2·10·ln 2 = 13.86
    assert math.isclose(keyness._g2(10, 0, 20, 20), 20 * math.log(2))
    texts = pd.Series(["财务制度不严，财务混乱", "财务报销", "意识形态工作", "意识形态阵地"])
    table = keyness.keyness(texts, pd.Series([True, True, False, False]), min_count=1)
    assert table.iloc[0]["term"] == "财务" and table.iloc[0]["g2"] > 0
    assert table.iloc[-1]["term"] == "意识形态" and table.iloc[-1]["g2"] < 0
    context = keyness.kwic(texts, "意识形态", window=2)
    assert list(context["right"]) == ["工作", "阵地"]


def test_the_number_of_topics_is_chosen_against_a_null_distribution(frames):
    texts = frames["problems"]["problem"]
    table = topics.diagnostics(texts, "nmf", ks=[2, 4, 6], shuffles=5)
    null = table[table["corpus"] == "shuffled baseline"]
    assert (null["n_shuffles"] == 5).all() and (null["sd_coherence"] > 0).all()
    margins = topics.margin_table(table)
    z = (margins - margins.mean()) / margins.std(ddof=0)
    assert topics.chosen_k(table) == int(z.mean(axis=1).idxmax())
    assert topics.at_edge(table) == (topics.chosen_k(table) in (2, 6))


def test_most_devoted_statements_are_ranked_on_unnormalised_weights(frames):
    texts = frames["problems"]["problem"]
    model = topics.fit(texts, "nmf", 4)
    table = topics.representative(model, texts)
    for _, part in table.groupby("topic"):
        assert part["weight"].is_monotonic_decreasing
        assert part["statements_wholly_in_topic"].nunique() == 1


def test_a_coding_sheet_accepts_only_its_marks_and_something_coded(tmp_path, frames, capsys):
    sheet = tmp_path / "sheet.xlsx"
    validation.coding_sheet(frames["problems"], frames["notices"], sheet)
    import openpyxl

    book = openpyxl.load_workbook(sheet)
    rules = book["coding"].data_validations.dataValidation
    assert rules and rules[0].formula1 == '"1"'  # a drop-down of the one mark
    assert main(["codebook", "agreement", str(sheet), "--auto", "--data", "x"]) == 2
    assert "nothing coded" in capsys.readouterr().err
    first = codebook.categories()[0]
    for mark in ("否", "no", "x"):
        table = pd.read_excel(sheet, dtype={"notice_id": str})
        table[first] = table[first].astype(object)
        table.loc[0, first] = mark
        table.to_csv(tmp_path / "marked.csv", index=False)
        with pytest.raises(validation.CodesError, match=f"the mark '{mark}'"):
            validation.read_codes(tmp_path / "marked.csv")


def test_humans_are_compared_first_and_named(capsys):
    assert main(["codebook", "agreement", str(CODES), str(CODES)]) == 0
    out = capsys.readouterr().out
    assert "coded by zhenggai-dev-1" in out and "human against human" in out
    assert validation.coders(CODES) == ["zhenggai-dev-1"]


def test_leave_one_notice_out_drops_the_keywords_of_the_notice_coded(frames):
    hand = validation.read_codes(CODES)
    inside = validation.agreement(hand, validation.auto_codes(frames["problems"]))
    outside = validation.leave_one_notice_out(hand, frames["problems"])
    assert outside.loc["overall", "f1"] <= inside.loc["overall", "f1"]
    intervals = validation.intervals_over_notices(hand, validation.auto_codes(
        frames["problems"]))
    assert intervals.loc["f1", "interval"] == "no interval: 5 notices, fewer than 8"


def _synthetic(n_per_group: int = 15) -> tuple[dict, pd.DataFrame]:
    """Notices of two levels whose share of problems in category x is 20 % and 60 %."""
    notices, problems, flags = [], [], []
    for level, hits in (("county", 1), ("prefecture", 3)):
        for k in range(n_per_group):
            nid = f"{level}{k}"
            notices.append({"notice_id": nid, "admin_level": level, "inspection_kind": "巡察",
                            "unit_type": "government_department",
                            "inspection_start": pd.Timestamp(f"{2018 + k % 5}-03-01")})
            for j in range(5):
                problems.append({"notice_id": nid, "problem_seq": j + 1})
                flags.append(int(j < hits))
    return ({"notices": pd.DataFrame(notices), "problems": pd.DataFrame(problems)},
            pd.DataFrame({"x": flags}))


def test_covariate_effects_recover_a_known_difference_with_intervals_over_notices():
    from zhenggai.analysis import effects

    frames, flags = _synthetic()
    table, why = effects.effects(frames, flags)
    assert why == ""
    level = table[table["term"] == "admin_level: prefecture (vs county)"].iloc[0]
    assert round(level["estimate"], 6) == 0.4
    assert level["ci_low"] <= 0.4 <= level["ci_high"] and level["n_notices"] == 30


def test_covariate_effects_are_not_estimated_on_a_handful_of_notices(frames):
    from zhenggai.analysis import effects

    table, why = effects.effects(frames, codebook.indicator(frames["problems"]["problem"]))
    assert table.empty and why.startswith("not estimated")


def test_template_share_and_shared_problems():
    from zhenggai.analysis import templates

    shared = "对照巡察反馈意见逐条建立问题清单任务清单责任清单实行销号管理"
    frames = {"problems": pd.DataFrame({
        "notice_id": ["a", "a", "b", "c"], "problem_seq": [1, 2, 1, 1],
        "problem": ["党组理论学习中心组学习不够深入", "财务报销审核把关不严格存在白条入账现象",
                    "党组理论学习中心组学习不够深入", "意识形态工作责任制落实不到位"],
        "response": [shared, "开展财务专项检查", shared, "制定意识形态工作责任清单"]})}
    share = templates.template_share(frames).set_index("notice_id")["template_share"]
    assert share["c"] == 0 and share["b"] == 1.0 and 0 < share["a"] < 1
    pairs = templates.shared_problems(frames)
    assert pairs[["notice_id", "other_notice_id"]].values.tolist() == [["a", "b"]]
    assert pairs.attrs["n_pairs"] == 1
