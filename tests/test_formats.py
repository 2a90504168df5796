"""Notices in every format, encoding, script and numbering a researcher will meet.

The fixtures in tests/fixtures/notices/ are written by tests/fixtures/make_fixtures.py (and
county_jiangyin_2024.txt by hand); the values below are what each text states.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from zhenggai.dataset.ingest import parse_file
from zhenggai.text.dates import iso

FIXTURES = Path(__file__).parent / "fixtures" / "notices"

# file: encoding, format, level, province, city, county, adcode,
#       (start, end, feedback, publication), inferred events (years carried from an earlier
#       date; a range's end is read, not inferred), n_problems, statuses, measures
EXPECTED = {
    "central_zuoxie_2022.docx": dict(
        encoding="docx", file_format="docx", level="central", place=("", "", "", ""),
        dates=("2022-05-12", "2022-07-15", "2022-09-02", "2023-01-10"),
        inferred={"feedback"}, statuses=["", "", ""], measures=[3, 1, 2],
        sections=["贯彻落实党中央决策部署方面"] * 2 + ["全面从严治党方面"],
        first_problem="学习贯彻习近平总书记关于文艺工作重要论述不够深入系统",
        team="中央第十二巡视组", kind="巡视", body="中央"),
    "region_neimenggu_2023.html": dict(
        encoding="utf-8", file_format="html", level="province",
        place=("内蒙古自治区", "", "", "150000"),
        dates=("2023-04-06", "2023-06-02", "2023-07-20", "2023-09-15"), inferred=set(),
        statuses=["completed", "in_progress", "long_term"], measures=[3, 2, 1],
        sections=["整改落实情况"] * 3, first_problem="意识形态工作责任制落实不够到位",
        team="自治区党委第三巡视组", kind="巡视", body="自治区党委"),
    "municipality_chongqing_2022_gbk.txt": dict(
        encoding="gb18030", file_format="txt", level="province",
        place=("重庆市", "", "", "500000"),
        dates=("2021-11-08", "2021-12-31", "2022-01-10", "2022-03-25"),
        inferred={"feedback"}, statuses=["", "", ""], measures=[1, 1, 1],
        sections=["政治建设方面", "政治建设方面", "作风建设方面"],
        first_problem="落实意识形态工作责任制不到位", team="市委第五巡视组", kind="巡视",
        body="市委"),
    "banner_alashan_2023_utf16.txt": dict(
        encoding="utf-16", file_format="txt", level="county",
        place=("内蒙古自治区", "阿拉善盟", "阿拉善左旗", "152921"),
        dates=("2023-03-01", "2023-04-30", "2023-06-05", ""),
        inferred={"feedback"}, statuses=["", "", ""], measures=[2, 1, 3],
        sections=["", "", ""], first_problem="党组会议议事规则执行不严格",
        team="旗委第一巡察组", kind="巡察", body="旗委"),
    "district_chaoyang_2021_traditional.md": dict(
        encoding="utf-8-sig", file_format="md", level="county",
        place=("北京市", "", "朝阳区", "110105"),
        dates=("2021-04-07", "2021-06-04", "2021-07-15", "2021-10-20"),
        inferred=set(), statuses=["completed", "completed", "long_term"],
        measures=[2, 2, 1], sections=["已完成整改的问题"] * 2 + ["需要长期坚持整改的问题"],
        first_problem="党组理论学习中心组学习不够深入", team="区委第二巡察组", kind="巡察",
        body="区委"),
    "county_rucheng_2022_unlabelled.txt": dict(
        encoding="utf-8", file_format="txt", level="county",
        place=("湖南省", "郴州市", "汝城县", "431026"),
        dates=("2022-04-11", "2022-05-20", "2022-06-28", "2022-09-30"),
        inferred=set(), statuses=["", "", ""], measures=[2, 1, 3],
        sections=["反馈问题整改落实情况"] * 3, first_problem="党组理论学习不深入",
        team="县委第三巡察组", kind="巡察", body="县委"),
    "prefecture_yanbian_2021_gb.htm": dict(
        encoding="gb18030", file_format="html", level="prefecture",
        place=("吉林省", "延边朝鲜族自治州", "", "222400"),
        dates=("2020-09-01", "2020-10-30", "2020-12-03", "2021-03-02"),
        inferred=set(), statuses=["", "", ""], measures=[2, 1, 2],
        sections=["", "", ""], first_problem="党建工作责任落实不到位", team="州委第四巡察组",
        kind="巡察", body="州委"),
    "prefecture_kashi_2022_split.txt": dict(
        encoding="utf-8", file_format="txt", level="prefecture",
        place=("新疆维吾尔自治区", "喀什地区", "", "653100"),
        dates=("2021-10-08", "2021-12-06", "2022-01-12", "2022-04-08"),
        inferred=set(), statuses=["completed", "in_progress", "long_term"],
        measures=[2, 1, 3], sections=["", "", ""],
        first_problem="党组落实‘第一议题’制度不到位", team="地委第二巡察组", kind="巡察",
        body="地委"),
    "county_jiangyin_2024.txt": dict(
        encoding="utf-8", file_format="txt", level="county",
        place=("江苏省", "无锡市", "江阴市", "320281"),
        dates=("2024-03-11", "2024-05-10", "2024-06-18", "2024-09-20"),
        inferred={"feedback"},
        statuses=["completed"] * 3 + ["in_progress"] * 2 + ["long_term"],
        measures=[2, 1, 3, 2, 1, 2],
        sections=["已完成整改的问题"] * 3 + ["正在推进整改的问题"] * 2 + ["需要长期坚持整改的问题"],
        first_problem="理论学习中心组学习流于形式", team="市委第二巡察组", kind="巡察",
        body="市委"),
}


@pytest.fixture(scope="module")
def parsed():
    return {name: parse_file(FIXTURES / name) for name in EXPECTED}


def test_every_fixture_has_expectations():
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_notice(parsed, name):
    want, item = EXPECTED[name], parsed[name]
    assert item.status == "ok", item.message
    assert (item.encoding, item.file_format) == (want["encoding"], want["file_format"])
    place = item.notice.place
    assert place.admin_level == want["level"]
    assert (place.province, place.city, place.county, place.adcode) == want["place"]
    notice = item.notice
    by_event = {d.event: d for d in notice.dates if d.event != "other"}
    got = tuple(iso(by_event[e].date) if e in by_event else "" for e in
                ("inspection_start", "inspection_end", "feedback", "publication"))
    assert got == want["dates"]
    assert {d.event for d in notice.dates if d.year_inferred} == want["inferred"]
    assert [p.status for p in notice.problems] == want["statuses"]
    assert [len(p.measures) for p in notice.problems] == want["measures"]
    assert [p.section for p in notice.problems] == want["sections"]
    assert notice.problems[0].problem == want["first_problem"]
    assert (notice.inspection.team, notice.inspection.inspection_kind,
            notice.inspection.inspecting_body) == (
        want["team"], want["kind"], want["body"])


def test_traditional_text_is_simplified_but_evidence_keeps_the_original(parsed):
    notice = parsed["district_chaoyang_2021_traditional.md"].notice
    assert notice.unit == "北京市朝阳区文学艺术界联合会"
    assert notice.problems[1].problem == "财务报销审核不严格"
    assert notice.problems[1].response.startswith("一是全面自查近三年报销凭证")
    feedback = next(d for d in notice.dates if d.event == "feedback")
    assert feedback.evidence == "2021年7月15日，區委第二巡察組向區文聯黨組反饋了巡察意見。"


def test_web_page_keeps_the_article_and_drops_the_chrome(parsed):
    notice = parsed["region_neimenggu_2023.html"].notice
    assert notice.published_by == "内蒙古纪检监察网"
    assert notice.inspection.round == "十一届自治区党委第二轮"
    responses = " ".join(p.response for p in notice.problems)
    for chrome in ("首页", "统计代码", "版权所有", "console", "正文开始"):
        assert chrome not in responses
    assert notice.problems[-1].response == "制定青年文艺人才培养三年计划，每年举办两期研修班。"


def test_measure_enumerations(parsed):
    central = parsed["central_zuoxie_2022.docx"].notice.problems[0].measures
    assert [m.marker for m in central] == ["第一，", "第二，", "第三，"]
    assert central[1].text == "举办全国作家学习班。"
    region = parsed["region_neimenggu_2023.html"].notice.problems[0].measures
    assert [m.marker for m in region] == ["（1）", "（2）", "（3）"]
    county = parsed["county_rucheng_2022_unlabelled.txt"].notice.problems[2]
    assert county.problem == "财务报销手续不规范"
    assert [m.text for m in county.measures] == [
        "对近三年报销凭证进行全面自查；", "补齐审批手续；", "修订财务报销制度。"]


def test_unlabelled_items_outside_the_problem_chapter_are_not_problems(parsed):
    notice = parsed["county_rucheng_2022_unlabelled.txt"].notice
    assert [p.problem for p in notice.problems] == [
        "党组理论学习不深入", "意识形态阵地管理不严", "财务报销手续不规范"]
    assert "巩固整改成果" not in notice.problems[-1].response


def test_declared_counts_in_other_word_orders(parsed):
    assert parsed["prefecture_yanbian_2021_gb.htm"].notice.declared.problems == 3
    assert parsed["county_jiangyin_2024.txt"].notice.declared.problems == 6
    assert parsed["county_jiangyin_2024.txt"].notice.declared.sections == 3


def test_parse_command_shows_why_a_notice_came_out_as_it_did(capsys):
    from zhenggai.cli import main

    assert main(["parse", str(FIXTURES / "municipality_chongqing_2022_gbk.txt")]) == 0
    out = capsys.readouterr().out
    assert "ok (gb18030, txt)" in out
    assert "place     province: 重庆市 (500000)" in out
    assert "feedback         2022-01-10  (year inferred)" in out
    assert "1月10日，市委第五巡视组向市文联党组反馈了巡视意见。" in out
    assert "{政治建设方面} 1 measure(s): 落实意识形态工作责任制不到位" in out


def test_parse_command_explains_a_rejection(tmp_path, capsys):
    from zhenggai.cli import main

    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["parse", str(path)]) == 1
    assert "empty file: it contains no text" in capsys.readouterr().out


def test_split_framing_two_line_title_and_page_junk(parsed):
    notice = parsed["prefecture_kashi_2022_split.txt"].notice
    assert notice.title == "中共喀什地区文学艺术界联合会党组关于地委巡察整改进展情况的通报"
    feedback = next(d for d in notice.dates if d.event == "feedback")
    assert feedback.line == 5  # read from the paragraph after the inspection's
    assert notice.problems[1].response.endswith("下一步，将开展财务制度执行情况专项检查。")
    assert notice.problems[2].response.endswith("三是对发布人员开展培训。")  # closing text cut
    assert "责任编辑" not in notice.problems[2].response
