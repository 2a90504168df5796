"""Table-driven tests of the genre's vocabulary: one row per form the parser knows.

Adding a form of the genre means one entry in zhenggai/notice/vocabulary.py and one row here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from zhenggai.notice.counts import declared_counts
from zhenggai.notice.inspection import inspection_details
from zhenggai.notice.items import numbering_of, problem_header, split_label, status_of_heading
from zhenggai.notice.lines import split_lines
from zhenggai.notice.measures import split_measures
from zhenggai.text.dates import find_dates
from zhenggai.text.numerals import read_numeral

NUMERALS = [
    ("12", 12), ("１２", 12), ("十二", 12), ("二十一", 21), ("二〇二一", 2021), ("二○二一", 2021),
    ("两", 2), ("〇", 0), ("⑫", 12), ("十十", None), ("", None),
]


@pytest.mark.parametrize(("token", "value"), NUMERALS)
def test_read_numeral(token, value):
    assert read_numeral(token) == value


# (problem line, numbering family of its marker)
NUMBERING_FAMILIES = [
    ("一、", "cn"), ("（一）", "paren_cn"), ("1.", "arabic"), ("1、", "arabic"),
    ("（1）", "paren_arabic"), ("①", "circled"),
]


@pytest.mark.parametrize(("marker", "family"), NUMBERING_FAMILIES)
def test_numbering_family(marker, family):
    assert numbering_of(marker).name == family


# (response, measure markers found)
MEASURE_ENUMERATIONS = [
    ("一是建立台账；二是完善制度。", ["一是", "二是"]),
    ("（1）清理资金。（2）追回款项。", ["（1）", "（2）"]),
    ("第一，开展自查。第二，健全机制。", ["第一，", "第二，"]),
    ("①约谈负责人。②完善制度。", ["①", "②"]),
    ("1.清理台账。\n2.建立制度。", ["1.", "2."]),
    ("已完成整改。", [""]),
]


@pytest.mark.parametrize(("response", "markers"), MEASURE_ENUMERATIONS)
def test_measure_enumeration(response, markers):
    assert [m.marker for m in split_measures(response)] == markers


# (line, problem statement, response on the same line)
PROBLEM_HEADERS = [
    ("1.学习制度落实不到位。整改情况：建立台账。", "学习制度落实不到位。", "建立台账。"),
    ("（一）财务管理不规范。整改措施：完善制度。", "财务管理不规范。", "完善制度。"),
    ("具体问题：会议记录不全", "会议记录不全", ""),
    ("问题一：三重一大制度执行不严", "三重一大制度执行不严", ""),
    ("关于“意识形态工作责任制落实不到位”问题的整改情况", "意识形态工作责任制落实不到位", ""),
    ("2.账目不清。整改落实情况：已清理。", "账目不清。", "已清理。"),
    ("3.制度缺失。整改进展情况：已制定。", "制度缺失。", "已制定。"),
    ("4.台账不全。整改结果及成效：已补齐。", "台账不全。", "已补齐。"),
]


@pytest.mark.parametrize(("line", "statement", "rest"), PROBLEM_HEADERS)
def test_problem_header(line, statement, rest):
    header = problem_header(line)
    assert (header.statement, header.rest) == (statement, rest)


# (response-label text, statement, response)
RESPONSE_LABELS = [
    ("甲。整改情况：乙", "甲。", "乙"), ("甲。整改措施及成效：乙", "甲。", "乙"),
    ("甲。完成情况：乙", "甲。", "乙"), ("甲。落实情况：乙", "甲。", "乙"),
    ("甲。整改成效：乙", "甲。", "乙"), ("甲", "甲", ""),
]


@pytest.mark.parametrize(("text", "statement", "response"), RESPONSE_LABELS)
def test_response_label(text, statement, response):
    assert split_label(text) == (statement, response)


# (heading, status it gives the problems under it)
STATUS_HEADINGS = [
    ("已完成整改的问题", "completed"), ("已整改到位的问题", "completed"),
    ("正在推进整改的问题", "in_progress"), ("基本完成整改的问题", "in_progress"),
    ("需要长期坚持整改的问题", "long_term"), ("持续推进整改的事项", "long_term"),
    ("加强组织领导", ""),
]


@pytest.mark.parametrize(("heading", "status"), STATUS_HEADINGS)
def test_status_heading(heading, status):
    assert status_of_heading(heading) == status


# (framing text, declared problems, sections, measures)
DECLARED_COUNTS = [
    ("巡察组反馈了3个方面25项具体问题。", 25, 3, None),
    ("共反馈问题12个。", 12, None, None),
    ("针对反馈的4个方面问题，制定40条整改措施。", None, 4, 40),
    ("已整改到位18个问题。", None, None, None),
]


@pytest.mark.parametrize(("text", "problems", "sections", "measures"), DECLARED_COUNTS)
def test_declared_counts(text, problems, sections, measures):
    lines, _ = split_lines(text)
    found = declared_counts(lines, [])
    assert (found.problems, found.sections, found.measures) == (problems, sections, measures)


# (framing sentence, team, kind, inspecting body)
TEAMS = [
    ("市委第三巡察组对市文联党组开展了巡察。", "市委第三巡察组", "巡察", "市委"),
    ("省委第二巡视组对省文联党组进行了巡视。", "省委第二巡视组", "巡视", "省委"),
    ("县委第一巡察组进驻县文联。", "县委第一巡察组", "巡察", "县委"),
    ("旗委专项巡察组对旗医保局开展了巡察。", "旗委专项巡察组", "巡察", "旗委"),
    ("中央第四巡视组对某部党组开展了常规巡视。", "中央第四巡视组", "巡视", "中央"),
]


@pytest.mark.parametrize(("framing", "team", "kind", "body"), TEAMS)
def test_team(framing, team, kind, body):
    details = inspection_details("", framing)
    assert (details.team, details.inspection_kind, details.inspecting_body) == (team, kind, body)


# (text, first date, end of range or None)
DATE_FORMS = [
    ("2019年3月4日", dt.date(2019, 3, 4), None),
    ("二〇二一年三月十五日", dt.date(2021, 3, 15), None),
    ("2017-7-24", dt.date(2017, 7, 24), None),
    ("2023.5.6", dt.date(2023, 5, 6), None),
    ("2022年11月15", dt.date(2022, 11, 15), None),
    ("2019年3月4日至4月26日", dt.date(2019, 3, 4), dt.date(2019, 4, 26)),
    ("2021年7月10日——14日", dt.date(2021, 7, 10), dt.date(2021, 7, 14)),
    ("2020年12月1日到2021年1月20日", dt.date(2020, 12, 1), dt.date(2021, 1, 20)),
]


@pytest.mark.parametrize(("text", "first", "second"), DATE_FORMS)
def test_date_form(text, first, second):
    (found,) = find_dates(text)
    start, _ = found.first.resolve(None)
    assert start == first
    end = found.second.resolve(start)[0] if found.second else None
    assert end == second
