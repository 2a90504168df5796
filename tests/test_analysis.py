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
    intervals,
    keyness,
    prevalence,
    represent,
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


def test_wilson_and_fisher_match_known_values():
    low, high = intervals.wilson(5, 16)
    # by hand: centre (p + z²/2n)/(1 + z²/n) = 0.3488, half-width 0.2072 (z = 1.96)
    assert (round(low, 3), round(high, 3)) == (0.142, 0.556)
    assert round(intervals.fisher(5, 11, 8, 42), 2) == 0.28  # the review's 5/16 against 8/50


def test_a_single_notice_group_has_no_interval(frames):
    flags = pd.DataFrame({"completed": (frames["problems"]["status"] == "completed").astype(int)})
    table = compare.problem_shares(frames, flags, "admin_level").set_index("admin_level")
    assert table.loc["province", "one_notice"] and np.isnan(table.loc["province", "ci_low"])
    assert table.loc["prefecture", "n_notices"] == 4
    assert table.loc["prefecture", "ci_low"] <= table.loc["prefecture", "share"]
    assert not compare.fisher_between(table.reset_index(), "admin_level", "completed")[
        "testable"]


def test_prevalence_resamples_notices_not_problems():
    shares = pd.DataFrame({"x": [1, 1, 1, 0]})
    notice = pd.Series(["a", "a", "a", "b"])
    table = prevalence.by_group(shares, notice, pd.Series(["g"] * 4))
    row = table.iloc[0]
    assert row.share == 0.75 and row.n_notices == 2 and row.n_problems == 4
    assert row.ci_low == 0.0 and row.ci_high == 1.0  # a draw of b, b, or a, a


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
