"""The values the five seed notices state, as the dataset must hold them.

Every expected value below was read off the notice text by hand (see tests/fixtures/seeds/, a frozen copy of the seeds).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from zhenggai import dataset

RAW = Path(__file__).parent / "fixtures" / "seeds"  # the frozen seeds


@pytest.fixture(scope="module")
def frames() -> dict[str, pd.DataFrame]:
    return dataset.tables_of(dataset.parse_folder(RAW))


def notice(frames, source_file: str) -> pd.Series:
    rows = frames["notices"][frames["notices"]["source_file"] == source_file]
    assert len(rows) == 1, source_file
    return rows.iloc[0]


def problems(frames, source_file: str) -> pd.DataFrame:
    nid = notice(frames, source_file)["notice_id"]
    return frames["problems"][frames["problems"]["notice_id"] == nid].set_index("problem_seq")


def dates(frames, source_file: str) -> pd.DataFrame:
    nid = notice(frames, source_file)["notice_id"]
    return frames["dates"][frames["dates"]["notice_id"] == nid].set_index("event")


# source file, start, end, feedback, publication, years inferred (carried from an earlier date;
# a range's end read in its start's year is not inferred, issue 10)
DATES = [
    ("xiangtan_wenlian_2019_xuncha.txt", "2019-03-04", "2019-04-26", "2019-05-29", "",
     ""),
    ("nantong_wenlian_2021_xuncha.txt", "2021-04-20", "2021-05-21", "2021-07-06", "2021-12-04",
     ""),
    ("qingyang_wenlian_2023_xuncha.txt", "2022-08-19", "2022-11-15", "2023-01-16", "", ""),
    ("gansu_wenlian_2017_xunshi.txt", "2017-02-13", "2017-04-10", "2017-05-03", "2017-07-24",
     "feedback"),
    ("wuxi_wenlian_2021_xuncha.txt", "2020-11-12", "2021-01-12", "2021-03-04", "", "feedback"),
]


@pytest.mark.parametrize(("source", "start", "end", "feedback", "published", "inferred"), DATES)
def test_the_four_dates(frames, source, start, end, feedback, published, inferred):
    row = notice(frames, source)
    assert row["inspection_start"] == start
    assert row["inspection_end"] == end
    assert row["feedback_date"] == feedback
    assert row["publication_date"] == published
    assert row["years_inferred"] == inferred


def test_lags_are_computed_from_the_dates(frames):
    xiangtan = notice(frames, "xiangtan_wenlian_2019_xuncha.txt")
    assert xiangtan["days_inspecting"] == 53  # 4 March to 26 April 2019
    assert xiangtan["days_to_feedback"] == 33  # 26 April to 29 May
    assert pd.isna(xiangtan["days_to_publication"])
    nantong = notice(frames, "nantong_wenlian_2021_xuncha.txt")
    assert nantong["days_to_publication"] == 151  # 6 July to 4 December 2021


def test_feedback_without_a_year_is_inferred_and_evidenced(frames):
    wuxi = dates(frames, "wuxi_wenlian_2021_xuncha.txt").loc["feedback"]
    assert wuxi["as_printed"] == "3月4日"
    assert bool(wuxi["year_inferred"]) is True
    assert wuxi["evidence"] == "3月4日，市委第八巡察组向市文联党组反馈了巡察意见。"
    gansu = dates(frames, "gansu_wenlian_2017_xunshi.txt").loc["feedback"]
    assert gansu["as_printed"] == "5月3日"
    assert "5月3日进行了意见反馈" in gansu["evidence"]


def test_range_end_without_ri_is_read_and_noted(frames):
    end = dates(frames, "qingyang_wenlian_2023_xuncha.txt").loc["inspection_end"]
    assert end["date"] == "2022-11-15"
    assert end["note"] == "日 missing"
    # the evidence keeps the source's half-width commas
    assert "2022年8月19日至2022年11月15市委第三巡察组" in end["evidence"]


def test_publication_from_header_and_from_signature(frames):
    header = dates(frames, "nantong_wenlian_2021_xuncha.txt").loc["publication"]
    assert header["evidence"].startswith("来源:中共南通市纪委网站 发布时间:2021-12-04")
    signature = dates(frames, "gansu_wenlian_2017_xunshi.txt").loc["publication"]
    assert signature["as_printed"] == "2017-7-24"
    assert signature["note"] == "date under the signature"


PLACES = [
    ("xiangtan_wenlian_2019_xuncha.txt", "prefecture", "湖南省", "湘潭市", "", "430300"),
    ("nantong_wenlian_2021_xuncha.txt", "prefecture", "江苏省", "南通市", "", "320600"),
    ("qingyang_wenlian_2023_xuncha.txt", "prefecture", "甘肃省", "庆阳市", "", "621000"),
    ("gansu_wenlian_2017_xunshi.txt", "province", "甘肃省", "", "", "620000"),
    ("wuxi_wenlian_2021_xuncha.txt", "prefecture", "江苏省", "无锡市", "", "320200"),
]


@pytest.mark.parametrize(("source", "level", "province", "city", "county", "adcode"), PLACES)
def test_places_and_level(frames, source, level, province, city, county, adcode):
    row = notice(frames, source)
    assert (row["admin_level"], row["province"], row["city"], row["county"], row["adcode"]) == (
        level, province, city, county, adcode)


INSPECTIONS = [
    ("xiangtan_wenlian_2019_xuncha.txt", "中共湘潭市文联党组", "湘潭市文联", "巡察", "市委",
     "市委第三巡察组", "", "政治"),
    ("nantong_wenlian_2021_xuncha.txt", "中共南通市文学艺术界联合会党组",
     "南通市文学艺术界联合会", "巡察", "市委", "市委第一巡察组", "", ""),
    ("qingyang_wenlian_2023_xuncha.txt", "中共庆阳市文联党组", "庆阳市文联", "巡察", "市委",
     "市委第三巡察组", "五届市委第一轮", "常规"),
    ("gansu_wenlian_2017_xunshi.txt", "中共甘肃省文联党组", "甘肃省文联", "巡视", "省委",
     "省委第六巡视组", "", "专项"),
    ("wuxi_wenlian_2021_xuncha.txt", "中共无锡市文学艺术界联合会党组",
     "无锡市文学艺术界联合会", "巡察", "市委", "市委第八巡察组", "", ""),
]


@pytest.mark.parametrize(
    ("source", "issuer", "unit", "kind", "body", "team", "round_", "mode"), INSPECTIONS)
def test_issuer_and_inspection(frames, source, issuer, unit, kind, body, team, round_, mode):
    row = notice(frames, source)
    assert (row["issuer"], row["unit"], row["inspection_kind"], row["inspecting_body"],
            row["team"], row["round"], row["inspection_mode"]) == (
        issuer, unit, kind, body, team, round_, mode)


COUNTS = [  # extracted problems, declared problems, declared areas, declared measures
    ("xiangtan_wenlian_2019_xuncha.txt", 17, None, None, None),
    ("nantong_wenlian_2021_xuncha.txt", 15, None, None, None),
    ("qingyang_wenlian_2023_xuncha.txt", 7, 25, 4, None),
    ("gansu_wenlian_2017_xunshi.txt", 16, None, 5, None),
    ("wuxi_wenlian_2021_xuncha.txt", 11, 11, 4, 40),
]


@pytest.mark.parametrize(("source", "n", "declared", "areas", "measures"), COUNTS)
def test_problem_counts(frames, source, n, declared, areas, measures):
    row = notice(frames, source)
    assert row["n_problems"] == n
    assert len(problems(frames, source)) == n
    for column, value in (("n_problems_declared", declared), ("n_sections_declared", areas),
                          ("n_measures_declared", measures)):
        assert (pd.isna(row[column]) if value is None else row[column] == value), column


def test_whole_corpus_has_66_problems(frames):
    assert len(frames["problems"]) == 66


def test_xiangtan_statements_measures_and_no_sections(frames):
    p = problems(frames, "xiangtan_wenlian_2019_xuncha.txt")
    assert p.loc[1, "number_as_printed"] == "1."
    assert p.loc[1, "problem"] == "“四个意识”树立不够牢固，贯彻落实中央关于文艺工作的指示精神和决策部署不到位"
    assert p.loc[1, "response"].startswith("一是进一步深化了认识")
    assert p.loc[17, "problem"] == "监督管理不力"
    assert (p["section"] == "").all()
    assert (p["status"] == "").all()
    assert p.loc[4, "n_measures"] == 8
    assert p.loc[13, "n_measures"] == 6
    assert p.loc[17, "n_measures"] == 3


def test_nantong_quoted_problems_under_sections(frames):
    p = problems(frames, "nantong_wenlian_2021_xuncha.txt")
    assert p.loc[1, "section"] == "贯彻落实上级决策部署、推动深化改革有差距"
    assert p.loc[4, "section"] == "推进文艺家协会（社团）规范化建设不够有力，行业服务管理不到位"
    assert p.loc[15, "section"] == "领导班子和队伍建设存在薄弱环节"
    assert p.loc[1, "problem"] == "学习贯彻习近平总书记重要讲话精神不深入，存在机关化、行政化现象"
    assert p.loc[13, "problem"] == "领导干部存在‘老好人’思想"
    assert p.loc[1, "response"].startswith("一是深入学习《中国共产党党委（党组）理论学习中心组学习规则》")
    assert p.loc[6, "n_measures"] == 1  # no enumeration: one measure
    assert p.loc[8, "n_measures"] == 6
    # the closing chapter (三、严格落实…) belongs to no problem
    assert "持续推进干部作风建设" not in p.loc[15, "response"]


def test_qingyang_truncation(frames):
    row = notice(frames, "qingyang_wenlian_2023_xuncha.txt")
    assert bool(row["truncated"]) is True
    assert "extracted 7 of 25 declared problems" in row["warnings"]
    assert "text ends mid-sentence" in row["warnings"]
    assert "dropped 8 line(s) before the title" in row["cleaning_notes"]
    p = problems(frames, "qingyang_wenlian_2023_xuncha.txt")
    assert p.loc[1, "number_as_printed"] == "问题一"
    assert p.loc[1, "section"] == "聚焦党中央和省市委各项决策部署在基层落实情况方面（7个问题）"
    assert p.loc[4, "problem"] == "换届不及时，《章程》修订没有与时俱进"
    assert p.loc[1, "response"].startswith("我们组织认真学习贯彻")
    assert p.loc[7, "response"].endswith("会费由各协会收缴管理，有相")
    assert (p["n_measures"] == 1).all()
    assert (p["status"] == "").all()  # the notice gives counts per status, not labels


def test_gansu_numbering_restarts_per_section(frames):
    row = notice(frames, "gansu_wenlian_2017_xunshi.txt")
    assert row["title"] == "中共甘肃省文联党组关于巡视整改情况的通报"
    assert "repeated word removed" in row["cleaning_notes"]
    p = problems(frames, "gansu_wenlian_2017_xunshi.txt")
    assert list(p["number_as_printed"]) == (
        ["1、", "2、", "3、"] * 2 + ["1、", "2、", "3、", "4、"] + ["1、", "2、", "3、"] * 2)
    assert p.loc[1, "section"] == "党的领导弱化方面问题的整改落实"
    assert p.loc[4, "section"] == "党的建设缺失方面问题的整改落实"
    assert p.loc[16, "section"] == "执行组织纪律、选人用人方面问题的整改落实"
    # nested quotes inside the quoted problem
    assert p.loc[1, "problem"].startswith("工作标准不高。思想上习惯于群团组织定位")
    assert p.loc[1, "problem"].endswith("班子对照“四个意识”加强思想政治建设不够")
    assert p.loc[7, "problem"].endswith("发生腐败可能性不大的模糊思想，从而未投入足够精力去抓")
    assert p.loc[2, "n_measures"] == 6
    assert p.loc[10, "n_measures"] == 4
    # the closing paragraph and signature are not part of the last response
    assert p.loc[16, "response"].endswith("这项工作正在进行中。")


def test_wuxi_status_groups(frames):
    p = problems(frames, "wuxi_wenlian_2021_xuncha.txt")
    assert list(p["status"]) == ["completed"] * 8 + ["in_progress"] * 3
    assert p.loc[1, "section"] == "已整改完成的问题"
    assert p.loc[9, "section"] == "正在推进整改的问题"
    assert p.loc[9, "number_as_printed"] == "1、"
    assert p.loc[7, "problem"] == "党组核心作用发挥不充分"
    assert p.loc[5, "problem"] == "四风问题依然存在"
    assert p.loc[9, "n_measures"] == 6  # 一是…三是, then 正在深化整改的内容: 一是…三是
    assert p.loc[11, "n_measures"] == 2
    assert p.loc[11, "response"].endswith("提高干部干事创业的积极性。")
    assert "下一步全面推进整改计划" not in p.loc[11, "response"]


def test_measures_table_matches_problem_counts(frames):
    per_problem = frames["measures"].groupby(["notice_id", "problem_seq"]).size()
    counts = frames["problems"].set_index(["notice_id", "problem_seq"])["n_measures"]
    assert per_problem.sort_index().tolist() == counts.sort_index().tolist()
    first = frames["measures"].iloc[0]
    assert first["measure_seq"] == 1


def test_measure_texts(frames):
    nid = notice(frames, "xiangtan_wenlian_2019_xuncha.txt")["notice_id"]
    m = frames["measures"]
    m = m[(m["notice_id"] == nid) & (m["problem_seq"] == 11)].set_index("measure_seq")
    assert list(m["marker"]) == ["一是", "二是", "三是", "四是"]
    assert m.loc[3, "text"] == "已追回违规发放的款项并退回国库。"


def test_every_file_is_accounted_for(frames):
    log = frames["ingest_log"].set_index("source_file")
    assert log.loc["sources.csv", "status"] == "skipped"
    assert sorted(log.index) == sorted(p.name for p in RAW.iterdir())
    assert log.loc["qingyang_wenlian_2023_xuncha.txt", "status"] == "warning"
    assert log.loc["xiangtan_wenlian_2019_xuncha.txt", "status"] == "ok"
