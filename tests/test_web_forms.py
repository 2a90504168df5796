"""Forms of real web pages, one row each: invented notices and look-alikes in the genre's
style (no real page), for the variety the development set does not show.

Each row is a page's text and the values it must give; adding a form of the genre means one
vocabulary entry and one row here.
"""

from __future__ import annotations

import pytest
from zhenggai.notice.model import NotANotice
from zhenggai.notice.parse import parse_notice
from zhenggai.text.dates import iso

FRAMING = "按照巡察工作有关要求，现将巡察整改进展情况予以公布。"

# (name, page text, expected: level, province, city, county, kind, team, start, end, feedback,
#  publication)
NOTICES = [
    ("title on three lines, break inside the round; traditional 發佈時間",
     "中共衡阳市雁峰区文化旅游广电体育局党组关于十三届区\n委第四轮巡察整改进展\n情况的通报\n"
     "發佈時間：2024-05-06 09:30\n"
     "根據區委統一部署，2023年9月4日至10月27日，區委第三巡察組對區文化旅遊廣電體育局黨組"
     "開展了常規巡察。2023年12月8日，區委第三巡察組向區文化旅遊廣電體育局黨組反饋了巡察意見。"
     "按照巡察工作有關要求，現將巡察整改進展情況予以公布。\n一、整改工作組織情況\n",
     ("county", "湖南省", "衡阳市", "雁峰区", "巡察", "区委第三巡察组",
      "2023-09-04", "2023-10-27", "2023-12-08", "2024-05-06")),
    ("no title; team 巡察N组; a range and a feedback across the year end",
     "根据市委统一部署，2022年11月21日至1月13日，市委巡察三组对衡阳市卫生健康委员会党组开展了"
     "常规巡察。3月2日，市委巡察三组向衡阳市卫生健康委员会党组反馈了巡察意见。" + FRAMING
     + "\n一、组织整改落实情况\n",
     ("prefecture", "湖南省", "衡阳市", "", "巡察", "巡察三组",
      "2022-11-21", "2023-01-13", "2023-03-02", None)),
    ("breadcrumb, disclosure metadata, 【】 prefix; the 市委 of a county-level city",
     "当前位置：首页 > 巡察工作 > 整改公开\n索引号：430182/2024-01234\n发布机构：宁乡市纪委监委\n"
     "【整改公开】中共宁乡市住房和城乡建设局党组关于巡察整改进展情况的通报\n"
     "2024年07月15日 10:21 来源：宁乡市纪委监委 字号：大 中 小\n"
     "根据市委统一部署，2024年1月8日至3月8日，八届市委第二巡察组对市住房和城乡建设局党组进行了"
     "巡察。2024年4月12日，市委第二巡察组向市住房和城乡建设局党组反馈了巡察意见。" + FRAMING,
     ("county", "湖南省", "长沙市", "宁乡市", "巡察", "市委第二巡察组",
      "2024-01-08", "2024-03-08", "2024-04-12", "2024-07-15")),
    ("vague dates stay empty; the feedback is the 反馈 sentence, not a later meeting",
     "根据县委统一部署，2023年5月上旬至6月下旬，县委第一巡察组对县水利局党组开展了巡察。"
     "2023年8月16日，县委第一巡察组向县水利局党组反馈了巡察意见。" + FRAMING + "\n"
     "2023年8月20日，局党组召开专题会议，传达巡察反馈意见，研究部署整改工作。\n",
     ("county", "", "", "", "巡察", "县委第一巡察组", "", "", "2023-08-16", None)),
    ("a ministry inspected by the centre; 巡视“回头看”",
     "中共国家体育总局党组关于巡视“回头看”整改进展情况的通报\n"
     "根据中央统一部署，2018年10月12日至12月8日，中央第八巡视组对国家体育总局党组开展了巡视"
     "“回头看”。2019年1月29日，中央巡视组向国家体育总局党组反馈了巡视意见。"
     "按照巡视工作有关要求，现将巡视整改进展情况予以公布。\n",
     ("central", "", "", "", "巡视", "中央第八巡视组",
      "2018-10-12", "2018-12-08", "2019-01-29", None)),
    ("a township under a county, named in full only in the title",
     "中共醴陵市白兔潭镇委员会关于市委巡察整改情况的通报\n"
     "根据市委统一部署，2021年4月6日至5月28日，市委第四巡察组对白兔潭镇党委开展了常规巡察。"
     "6月25日，市委第四巡察组向白兔潭镇党委反馈了巡察意见。" + FRAMING,
     ("county", "湖南省", "株洲市", "醴陵市", "巡察", "市委第四巡察组",
      "2021-04-06", "2021-05-28", "2021-06-25", None)),
    ("a district of a municipality; 届 and round in brackets before the team",
     "中共重庆市渝中区商务委员会党组关于巡察整改情况的通报\n"
     "根据区委统一部署，2022年3月1日至4月29日，六届区委（第二轮）巡察一组对区商务委党组开展了"
     "常规巡察，并于2022年6月10日反馈了巡察意见。" + FRAMING,
     ("county", "重庆市", "", "渝中区", "巡察", "巡察一组",
      "2022-03-01", "2022-04-29", "2022-06-10", None)),
    ("a county of its city by its short form; a special team; 进行了反馈",
     "中共长沙市岳麓投资集团有限公司委员会关于区委专项巡察整改进展情况的通报\n"
     "发布日期：2025年3月18日\n"
     "根据区委巡察工作统一部署，2024年9月2日至10月31日，区委国有企业专项巡察组对岳麓投资集团党委"
     "开展了专项巡察，2024年12月19日就巡察情况向我单位进行了反馈。" + FRAMING,
     ("county", "湖南省", "长沙市", "岳麓区", "巡察", "专项巡察组",
      "2024-09-02", "2024-10-31", "2024-12-19", "2025-03-18")),
    ("framing after the title's site line; the place only in a plan's title",
     "市档案局\n市档案局党组关于巡察整改情况的通报\n"
     "根据市委统一部署，2020年6月1日至7月10日，市委第五巡察组对市档案局党组开展了巡察。"
     "8月5日，市委第五巡察组向市档案局党组反馈了巡察意见。" + FRAMING + "\n"
     "局党组制定了《中共衡阳市档案局党组巡察反馈问题整改方案》，明确整改任务。\n",
     ("prefecture", "湖南省", "衡阳市", "", "巡察", "市委第五巡察组",
      "2020-06-01", "2020-07-10", "2020-08-05", None)),
]


@pytest.mark.parametrize(("name", "text", "want"), NOTICES, ids=[n[0] for n in NOTICES])
def test_notice_form(name, text, want):
    notice = parse_notice(text)
    place, inspection = notice.place, notice.inspection
    events = {d.event: iso(d.date) for d in notice.dates if d.event != "other"}
    got = (place.admin_level, place.province, place.city, place.county,
           inspection.inspection_kind, want[5] if want[5] in inspection.team else inspection.team,
           events.get("inspection_start", ""), events.get("inspection_end", ""),
           events.get("feedback", ""), events.get("publication"))
    assert got == want
    assert notice.evidence.startswith("accepted: ")


# (name, page text, words the rejection names)
LOOKALIKES = [
    ("mobilisation meeting news",
     "根据县委统一部署，2024年3月12日，县委第二巡察组巡察县林业局党组工作动员会召开。"
     "县委第二巡察组组长作动员讲话，县林业局党组书记主持会议并作表态发言。",
     "meeting told in the third person"),
    ("巡察公告 with a hotline",
     "根据市委统一部署，市委第三巡察组于2024年4月1日至5月31日对市教育局党组开展常规巡察。"
     "巡察期间设立举报电话：0734-1234567，受理时间为每天8:00—18:00。",
     "巡察公告"),
    ("a rectification push meeting",
     "5月8日，市统计局召开巡察整改推进会，局党组书记主持会议。根据市委统一部署，2023年10月"
     "9日至12月1日，市委第一巡察组对市统计局党组进行了巡察，2024年1月5日反馈了巡察意见。",
     "meeting told in the third person"),
    ("a summary of several notices",
     "近日，市委巡察办公布了12家单位党组织的巡察整改进展情况。根据市委统一部署，2023年3月至5月，"
     "十届市委第五轮巡察对12家单位开展了常规巡察。",
     "summary of several notices"),
    ("a speech at a feedback meeting",
     "同志们：\n根据区委统一部署，2024年3月4日至5月10日，区委第一巡察组对区交通局党组开展了巡察。"
     "今天召开反馈会，我讲三点意见。",
     "speech"),
    ("a news story about a notice",
     "本报讯 日前，市农业农村局在官网发布《中共市农业农村局党组关于巡察整改进展情况的通报》。"
     "根据市委统一部署，2023年5月6日至6月30日，市委第二巡察组对市农业农村局党组开展了巡察。",
     "news agency dateline"),
]


@pytest.mark.parametrize(("name", "text", "words"), LOOKALIKES, ids=[n[0] for n in LOOKALIKES])
def test_lookalike_is_rejected_with_its_evidence(name, text, words):
    with pytest.raises(NotANotice, match=words):
        parse_notice(text)


def test_an_ambiguous_bare_county_name_is_flagged():
    notice = parse_notice(
        "中共鼓楼区教育局党组关于巡察整改情况的通报\n根据区委统一部署，2021年3月1日至4月30日，"
        "区委第二巡察组对区教育局党组开展了巡察。5月20日，区委第二巡察组向区教育局党组反馈了巡察"
        "意见。" + FRAMING)
    assert any("names" in w and "鼓楼区" in w for w in notice.warnings)


def test_an_ambiguous_garbled_date_stays_unread():
    notice = parse_notice(
        "根据区委统一部署，2023112日至320日，区委第一巡察组对区司法局党组开展了巡察。"
        "2023年5月6日，区委第一巡察组向区司法局党组反馈了巡察意见。" + FRAMING)
    events = {d.event: iso(d.date) for d in notice.dates}
    assert events.get("inspection_start", "") == ""
    assert events["feedback"] == "2023-05-06"
