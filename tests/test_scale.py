"""What changes when the corpus is large: tables read from Parquet (only what is asked for),
audit pages for the warned notices and a stated sample, `zhenggai audit` for any other, the
report's CSVs linked rather than copied. (The streaming build and its reuse of the last
build's rows are in test_cache.py; memory and time are measured by `make bench`.)"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from zhenggai.cli import main
from zhenggai.dataset import load, schema
from zhenggai.report import audit_pages, pages

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def test_tables_read_from_parquet_equal_those_read_from_csv(seeds_processed):
    fast = load.load_tables(seeds_processed)
    for table, cols in schema.TABLES.items():
        assert load._parquet_current(seeds_processed / f"{table}.csv",
                                     seeds_processed / f"{table}.parquet")
        slow = load._load(seeds_processed / f"{table}.csv", cols, lenient=False)
        pd.testing.assert_frame_equal(fast[table], slow, check_exact=True)


def test_only_the_tables_and_columns_asked_for_are_read(seeds_processed):
    frames = load.load_tables(seeds_processed, tables=["notices"],
                              columns={"notices": ["notice_id", "feedback_date"]})
    assert list(frames) == ["notices"]
    notices = frames["notices"]
    assert list(notices.columns) == ["notice_id", "feedback_date"]
    assert len(notices) == 5 and notices["feedback_date"].dtype.kind == "M"


def test_the_rows_of_the_notices_asked_for_are_read_and_serve_the_templates(
        seeds_processed, monkeypatch):
    from zhenggai.analysis import templates

    every = load.load_tables(seeds_processed, tables=["problems"])["problems"]
    two = set(every["notice_id"].drop_duplicates()[:2])
    fast = load.load_tables(seeds_processed, tables=["problems"], notices=two)["problems"]
    assert set(fast["notice_id"]) == two and len(fast) == every["notice_id"].isin(two).sum()
    monkeypatch.setattr(load, "_parquet_current", lambda csv, parquet: False)  # the CSV way
    slow = load.load_tables(seeds_processed, tables=["problems"], notices=two)["problems"]
    pd.testing.assert_frame_equal(fast, slow, check_exact=True)
    monkeypatch.undo()
    none = load.load_tables(seeds_processed, tables=["problems"], notices={"000000000000"},
                            columns={"problems": ["notice_id", "problem"]})["problems"]
    assert list(none.columns) == ["notice_id", "problem"] and none.empty
    monkeypatch.setattr(templates, "MAX_NOTICES", 3)  # a sample of the five
    compared = set(templates.compared_notices(every.drop(columns="response")))
    assert len(compared) == 3
    of_sample = load.load_tables(seeds_processed, tables=["problems"], notices=compared)
    assert templates.template_share(of_sample).set_index("notice_id").sort_index().equals(
        templates.template_share({"problems": every}).set_index("notice_id").sort_index())


def test_a_csv_edited_after_the_build_is_read_instead_of_the_parquet(seeds_processed,
                                                                      tmp_path):
    folder = tmp_path / "processed"
    shutil.copytree(seeds_processed, folder)
    path = folder / "notices.csv"
    time.sleep(0.01)
    path.write_text(path.read_text(encoding="utf-8").replace("无锡市文学艺术界联合会", "无锡文联（改）"),
                    encoding="utf-8")
    units = load.load_tables(folder, tables=["notices"])["notices"]["unit"]
    assert "无锡文联（改）" in set(units)


def test_a_large_corpus_gets_audit_pages_for_warned_notices_and_a_stated_sample(
        seeds_processed, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(audit_pages, "AUDIT_ALL", 2)  # the five seeds count as large
    monkeypatch.setattr(audit_pages, "AUDIT_SAMPLE", 1)
    notices = load.load_tables(seeds_processed, tables=["notices"])["notices"]
    warned = set(notices.loc[notices["warnings"] != "", "notice_id"])
    assert len(warned) == 1  # qingyang's notice is truncated
    out = tmp_path / "reports"
    written = audit_pages.write_audit_pages(SEEDS, seeds_processed, out)
    rest = sorted(set(notices["notice_id"]) - warned)
    sample = audit_pages.sampled(rest, 1)
    assert {p.stem for p in written} == warned | sample
    index = (out / "notices" / "index.html").read_text(encoding="utf-8")
    assert "a sample of 1 of the 4 others" in index
    missing = sorted(set(rest) - sample)[0]
    assert f"zhenggai audit {missing}" in index
    # any other page on demand
    assert main(["audit", missing, "--data", str(seeds_processed), "--raw", str(SEEDS),
                 "--out", str(out)]) == 0
    assert (out / "notices" / f"{missing}.html").exists()
    assert main(["audit", "0000000000000000", "--data", str(seeds_processed), "--raw",
                 str(SEEDS), "--out", str(out)]) == 2
    assert "no notice 0000000000000000" in capsys.readouterr().err


def test_the_sample_keeps_its_members_as_the_corpus_grows():
    ids = [f"{k:016x}" for k in range(2000)]
    small = audit_pages.sampled(ids[:1000], 50)
    large = audit_pages.sampled(ids, 50)
    assert len(large) == 50 and large >= {n for n in small if n in large}
    assert audit_pages.sampled(list(reversed(ids)), 50) == large  # order does not matter


@pytest.mark.parametrize("limit, copied", [(10**9, True), (0, False)])
def test_the_report_copies_the_csvs_only_while_they_are_small(seeds_processed, tmp_path,
                                                              monkeypatch, limit, copied):
    monkeypatch.setattr(pages, "COPY_CSV_MAX_BYTES", limit)
    out = tmp_path / "reports"
    out.mkdir()
    links, note = pages._copy_dataset(seeds_processed, out)
    assert (out / "data" / "problems.parquet").exists()  # the Parquet files always
    assert (out / "data" / "problems.csv").exists() == copied
    link = next(li for li in links if "problems.csv" in li)
    href = link.split('href="')[1].split('"')[0]
    assert (out / href).resolve() == (seeds_processed / "problems.csv").resolve() or copied
    assert ("not copied" in note) != copied
    assert os.path.exists(out / href)


def test_shared_problems_are_all_counted_and_the_first_listed(monkeypatch):
    from zhenggai.analysis import templates

    copied = "领导班子落实全面从严治党主体责任不到位"
    frames = {"problems": pd.DataFrame({  # four notices state it; d states it twice
        "notice_id": ["a", "b", "c", "d", "d"], "problem_seq": [1, 1, 1, 1, 2],
        "problem": [copied] * 5})}
    monkeypatch.setattr(templates, "MAX_PAIRS", 3)
    pairs = templates.shared_problems(frames)
    # 10 pairs of the five statements, less the one inside notice d
    assert pairs.attrs["n_pairs"] == 9 and len(pairs) == 3
    assert (pairs["notice_id"] != pairs["other_notice_id"]).all()


def test_draws_in_blocks_are_the_draws_of_one_block_and_serve_every_column(monkeypatch):
    import numpy as np
    from zhenggai.analysis import resample

    whole = np.concatenate(list(resample.draw_notices(50)))
    monkeypatch.setattr(resample, "DRAW_CELLS", 120)  # blocks of 2 draws
    blocks = list(resample.draw_notices(50))
    assert len(blocks) == resample.DRAWS // 2 and (np.concatenate(blocks) == whole).all()
    rng = np.random.default_rng(1)
    num, den = rng.random((50, 3)) * 4, rng.integers(1, 5, 50).astype(float)
    together = resample.ratios(num, den)
    alone = [resample.ratio(num[:, j], den) for j in range(3)]
    for one, shared in zip(alone, together, strict=True):  # the same draws; one product
        assert np.allclose([one.estimate, one.low, one.high],
                           [shared.estimate, shared.low, shared.high], rtol=1e-12, atol=0)
        assert (one.n_notices, one.method) == (shared.n_notices, shared.method)
    assert together[0].label().endswith("50 notices")


def test_past_the_fit_sample_topics_are_learned_from_a_sample_and_shared_by_all(monkeypatch):
    import numpy as np
    from zhenggai.analysis import topics

    texts = pd.Series(["干部作风不实，形式主义突出", "意识形态工作责任制落实不到位",
                       "财务管理不规范，票据不全", "基层党组织建设薄弱，组织生活不严肃"] * 15)
    whole = topics.fit(texts, "nmf", 3)
    monkeypatch.setattr(topics, "FIT_SAMPLE", 40)
    sampled = topics.fit(texts, "nmf", 3)
    assert (whole.n_fitted, sampled.n_fitted) == (60, 40)
    assert sampled.shares.shape == whole.shares.shape == (60, 3)
    assert np.allclose(sampled.shares.sum(axis=1), 1)


def test_past_the_select_sample_k_is_chosen_on_a_sample_and_clusters_all(monkeypatch):
    from zhenggai.analysis import problem_types, represent

    texts = pd.Series(["干部作风不实，形式主义突出", "意识形态工作责任制落实不到位",
                       "财务管理不规范，票据不全", "基层党组织建设薄弱，组织生活不严肃"] * 15)
    whole = problem_types.cluster_problems(texts, range(2, 5))
    assert (whole.matrix != represent.tfidf(texts)[0]).nnz == 0  # counts → TF-IDF, the same
    monkeypatch.setattr(problem_types, "SELECT_SAMPLE", 30)
    sampled = problem_types.cluster_problems(texts, range(2, 5))
    assert (whole.n_selected, sampled.n_selected) == (60, 30)
    assert len(sampled.labels) == 60 and sampled.k in (2, 3, 4)
