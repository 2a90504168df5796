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


def test_small_chinese_numerals_are_read_as_cn2an_reads_them():
    import itertools

    import cn2an
    from zhenggai.text.numerals import _small_chinese

    read = 0
    for n in (1, 2, 3):
        for token in map("".join, itertools.product("〇零一二两三四五六七八九十百", repeat=n)):
            value = _small_chinese(token)
            if value is not None:
                assert value == int(cn2an.cn2an(token, "normal")), token
                read += 1
    assert read == 11 + 10 + 10 + 100  # 一…九 两 十; 十一…; 二十…; 二十一… (两 as a digit)


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
    ("需要长期坚持整改的问题", "long_term"), ("持续推进整改的事项", "in_progress"), ("需长期坚持的问题", "long_term"),
    ("加强组织领导", ""),
]


@pytest.mark.parametrize(("heading", "status"), STATUS_HEADINGS)
def test_status_heading(heading, status):
    assert status_of_heading(heading) == status


# (line as printed, its analysed form): NFKC, the genre's full-width punctuation outside
# numbers, traditional → simplified, spaces between Chinese characters dropped
ANALYSED_FORMS = [
    ("整改资金１，２００万元，已到位。", "整改资金1,200万元，已到位。"),
    ("会议于9:30召开:一是(1)学习;二是?", "会议于9:30召开：一是（1）学习；二是？"),
    ("1,2,3, 共三项", "1,2,3，共三项"),
    ("開展巡察　工作「回頭看」", "开展巡察工作“回头看”"),
    ("①加强学习②健全制度", "①加强学习②健全制度"),
    ('他说"整改"和"落实"', "他说“整改”和“落实”"),
]


@pytest.mark.parametrize(("printed", "analysed"), ANALYSED_FORMS)
def test_analysed_form(printed, analysed):
    assert split_lines(printed)[0][0].text == analysed


def test_analysed_forms_of_a_whole_text_are_those_of_its_lines():
    lines, _ = split_lines("\n\n".join(printed for printed, _ in ANALYSED_FORMS))
    assert [line.text for line in lines] == [analysed for _, analysed in ANALYSED_FORMS]
    assert [line.number for line in lines] == list(range(1, 2 * len(ANALYSED_FORMS), 2))


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


# (page line, whether it is chrome)
CHROME = [
    ("当前位置：首页 > 巡察工作 > 整改公开", True),
    ("您当前的位置：首页 >> 本级巡察情况", True),
    ("- 索 引 号：4301000/2024-00012", True),
    ("发布机构：中共某县纪委", True),
    ("字号：大 中 小", True),
    ("【字号：大", True),
    ("分享到", True),
    ("2024-01-18", True),
    ("微信截图_20240920153326.jpg", True),
    ("中共某县文联党组关于巡察整改进展情况的通报", False),
    ("一、组织整改落实情况", False),
]


@pytest.mark.parametrize(("line", "chrome"), CHROME)
def test_chrome_line(line, chrome):
    from zhenggai.notice.chrome import is_chrome
    from zhenggai.notice.model import Line

    assert is_chrome(Line(1, line, split_lines(line)[0][0].text)) is chrome


# (sentence, the publication formula found in it, or None)
PUBLICATION_FORMULAS = [
    ("现将巡察整改进展情况予以公布。", "现将巡察整改进展情况予以公布"),
    ("现将巡察整改情况向社会通报如下：", "现将巡察整改情况向社会通报如下"),
    ("现按党务公开原则和巡察工作有关要求，将巡察整改进展情况予以通报。",
     "现按党务公开原则和巡察工作有关要求，将巡察整改进展情况予以通报"),
    ("现将具体情况通报如下。", "现将具体情况通报如下"),
    ("现就巡察整改情况公示如下。", "现就巡察整改情况公示如下"),
    ("现将整改落实情况公开如下：", "现将整改落实情况公开如下"),
    ("现公告如下：", None),
    ("要将整改情况及时向县委报告。", None),
]


@pytest.mark.parametrize(("sentence", "formula"), PUBLICATION_FORMULAS)
def test_publication_formula(sentence, formula):
    from zhenggai.notice.vocabulary import PUBLICATION_FORMULA

    text = split_lines(sentence)[0][0].text
    match = PUBLICATION_FORMULA.search(text)
    assert (match.group(0) if match else None) == formula


# (clause after a date, whether it is the team's feedback)
FEEDBACK_EVENTS = [
    ("，区委第二巡察组向区妇联反馈了巡察意见", True),
    ("反馈了巡察意见", True),
    ("，巡察组向市卫健委党委反馈巡察意见", True),
    ("召开了巡察反馈会议", True),
    ("就巡察情况向我单位进行了反馈", True),
    ("，区委第四巡察组向区红十字会党组反馈了巡察工作情况", True),
    ("召开专题会议，传达巡察反馈意见", False),
    ("，巡察意见反馈后，局党组立即召开会议", False),
    ("研究巡察组反馈意见整改工作方案", False),
]


@pytest.mark.parametrize(("clause", "is_feedback"), FEEDBACK_EVENTS)
def test_feedback_event(clause, is_feedback):
    from zhenggai.notice.vocabulary import FEEDBACK_EVENT

    assert bool(FEEDBACK_EVENT.search(split_lines(clause)[0][0].text)) is is_feedback


# (framing sentence, team) for the forms of team names
TEAM_FORMS = [
    ("市委巡察四组对市司法局开展巡察", "市委巡察四组"),
    ("八届市委巡察四组对市司法局开展巡察", "八届市委巡察四组"),
    ("市委对村巡察第四组对某镇9个村党组织开展巡察", "市委对村巡察第四组"),
    ("市委第七提级交叉巡察组对我单位开展了巡察", "市委第七提级交叉巡察组"),
    ("市委第一提级巡察组对区司法局党组开展了提级巡察", "市委第一提级巡察组"),
    ("县委机动巡察一组对某镇党委进行了巡察", "县委机动巡察一组"),
    ("六届区委（第二轮）巡察一组对区商务委党组开展了巡察", "六届区委（第二轮）巡察一组"),
    ("市委巡察“回头看”第一组对市文联党组开展了巡察", "市委巡察“回头看”第一组"),
]


@pytest.mark.parametrize(("framing", "team"), TEAM_FORMS)
def test_team_form(framing, team):
    assert inspection_details("", framing).team == team


# (text, month and day read from a date that lost 年 and 月, or None when ambiguous)
GARBLED_DATES = [
    ("2024717日", (2024, 7, 17)),
    ("至830日", (None, 8, 30)),
    ("2023814日至1031县委", (2023, 8, 14)),
    ("。1227县委巡察组向中心党委反馈", (None, 12, 27)),
    ("202339日", (2023, 3, 9)),
    ("2023112日", None),
]


@pytest.mark.parametrize(("text", "date"), GARBLED_DATES)
def test_garbled_date(text, date):
    found = find_dates(text, garbled=True)
    got = (found[0].first.year, found[0].first.month, found[0].first.day) if found else None
    assert got == date
    assert not find_dates(text)  # never read unless asked for


# (the inspected unit's name, its sector)
UNIT_TYPES = [
    ("韶关市住房和城乡建设局", "government_department"), ("宜昌市卫生健康委员会", "government_department"),
    ("甘肃省文联", "peoples_organisation"), ("延边朝鲜族自治州总工会", "peoples_organisation"),
    ("共青团南县委员会", "peoples_organisation"), ("荆州市沙市区人民法院", "court_procuratorate"),
    ("最高人民检察院", "court_procuratorate"), ("晋江市融媒体中心", "public_institution"),
    ("县人民医院", "public_institution"), ("安徽建筑大学", "university"),
    ("陕西省水务集团有限公司", "soe_bank"), ("县农村商业银行", "soe_bank"),
    ("宾川县金牛镇", "township"), ("成都市郫都区犀浦街道", "township"),
    ("经济技术开发区", "development_zone"), ("鹿邑县玄武镇李楼村支部", "village_community"),
    ("平江县", "locality_party_committee"), ("某某总社", ""),
]


@pytest.mark.parametrize(("unit", "sector"), UNIT_TYPES)
def test_unit_type(unit, sector):
    from zhenggai.notice.sector import unit_type

    assert unit_type(unit) == sector
