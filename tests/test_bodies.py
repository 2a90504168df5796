"""Table-driven tests of the body shapes of the genre: one row per form the body reader knows.

Each body below was written for these tests in the genre's style (no text is copied from a
public page). Adding a body form means one vocabulary entry or reader feature and one row
here: the body, then what a careful reader counts in it (the counting rules of
../shared/real-notices/bodies/README.md).
"""

from __future__ import annotations

import pytest
from zhenggai import read_document
from zhenggai.notice.parse import parse_notice

HEAD = (
    "中共平江县交通运输局党组关于县委巡察整改情况的通报\n"
    "根据县委统一部署，2023年3月1日至4月28日，县委第二巡察组对县交通运输局党组开展了常规巡察。"
    "2023年5月26日，县委第二巡察组向局党组反馈了巡察意见。按照党务公开原则，现将巡察整改情况予以公布。\n"
    "一、整改工作开展情况\n"
    "局党组把巡察整改作为重大政治任务，成立整改工作领导小组，制定了《巡察整改工作方案》，逐项明确责任。\n"
    "二、巡察反馈问题整改落实情况\n"
)
TAIL = (
    "\n三、下一步工作打算\n"
    "局党组将持续巩固整改成果，对已完成的整改事项开展“回头看”，防止问题反弹。\n"
    "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0730-1234567。\n"
    "中共平江县交通运输局党组\n2023年9月20日\n"
)

# (form, body, measures per problem, statuses, the section of each problem (a substring))
BODIES = [
    ("circled problems restarting per section, 1) measures",
     "（一）党的领导方面\n①学习制度执行不严格。\n1）修订学习制度。\n2）建立学习台账。\n"
     "②议事规则不健全。\n1）修订议事规则。\n（二）作风建设方面\n①公务接待不规范。\n"
     "1）开展自查。\n2）退还费用。\n3）完善审批。",
     [2, 1, 3], ["", "", ""], ["党的领导", "党的领导", "作风建设"]),
    ("问题N： blocks: only the 整改措施 are measures, the 整改成效 is the result",
     "问题1：项目资金监管不到位。\n整改措施：一是开展专项检查。二是建立台账。\n"
     "整改成效：追回资金2.5万元。\n问题2：干部交流不够。\n整改措施：制定交流办法。\n"
     "整改成效：交流轮岗干部3名。",
     [2, 1], ["", ""], ["", ""]),
    ("【问题一】 with 【整改情况】 and one measure per paragraph",
     "【问题一】理论学习不深入。\n【整改情况】\n修订中心组学习制度。\n开展专题研讨4次。\n"
     "【问题二】财务管理不规范。\n【整改情况】\n开展财务检查，整改问题6个。",
     [2, 1], ["", ""], ["", ""]),
    ("反馈问题： pairs with 第一，…；第二，…",
     "反馈问题：村务公开不及时。\n整改情况：第一，制定公开制度；第二，设置公开栏；第三，建立微信群。\n"
     "反馈问题：低保评定不规范。\n整改情况：第一，开展入户核查；第二，规范评议程序。",
     [3, 2], ["", ""], ["", ""]),
    ("status groups with counts; prose split at ；",
     "（一）已完成整改的问题（2个）\n1.学习贯彻不够深入。\n局党组开展专题学习；组织知识测试；建立学习台账。\n"
     "2.财务制度执行不严。\n修订财务管理制度。\n（二）需长期坚持的问题（1个）\n"
     "1.干部队伍结构老化。\n制定干部队伍建设规划；通过公开招录补充人员。",
     [3, 1, 2], ["completed", "completed", "long_term"], ["已完成整改", "已完成整改", "需长期坚持"]),
    ("status suffixes at the end of the problem line",
     "1.党建工作责任落实不到位。（已完成）\n（1）制定责任清单。\n（2）开展述职评议。\n"
     "2.科研成果转化率不高。（持续推进）\n（1）修订转化办法。\n3.人才引育不足。（长期坚持）\n"
     "（1）修订引进办法。\n（2）实施青年教师计划。",
     [2, 1, 2], ["completed", "in_progress", "long_term"], ["", "", ""]),
    ("（1） problems, 整改措施： with ● bullets, then 整改进度：",
     "（一）落实决策部署方面\n（1）食品安全责任不到位。\n整改措施：\n●制定责任清单。\n●建立督导台账。\n"
     "整改进度：已完成。\n（2）营商环境举措不实。\n整改措施：\n●推行一网通办。\n整改进度：持续推进。",
     [2, 1], ["completed", "in_progress"], ["落实决策部署", "落实决策部署"]),
    ("针对“…”的问题，一是…；二是…",
     "针对“工会经费管理不规范”的问题，局党组一是开展经费清理；二是修订经费管理办法。\n"
     "针对巡察指出的意识形态责任制落实不到位问题，局党组一是制定实施细则；二是建立审核制度；三是开展培训。",
     [2, 3], ["", ""], ["", ""]),
    ("a paragraph listing findings, each answered by 关于…问题。",
     "巡察指出，局党组存在以下问题：一是产业规划不科学；二是监测帮扶不及时。\n"
     "关于产业规划不科学问题。局党组重新修编产业规划，调整种植结构。\n"
     "关于监测帮扶不及时问题。局党组开展全覆盖排查；建立动态监测机制；逐户制定帮扶计划。",
     [1, 3], ["", ""], ["", ""]),
    ("【一】 problems numbered across sections, ◆ bullets",
     "（一）政治建设方面\n【一】学习贯彻不够深入。\n◆落实第一议题制度。\n◆开展专题调研。\n"
     "（二）从严治党方面\n【二】主体责任落实不够。\n◆修订责任清单。",
     [2, 1], ["", ""], ["政治建设", "从严治党"]),
    ("第一，第二， problems with ■ bullets",
     "第一，河长制推进不力。\n■健全河长体系。\n■开展清四乱行动。\n■建立考核机制。\n"
     "第二，水资源管理不严。\n■实行双控。",
     [3, 1], ["", ""], ["", ""]),
    ("Markdown: headings, bold problems, list items, a nested list",
     "### （一）落实决策部署方面\n**1. 环境卫生问题反复出现。**\n- 制定整治方案。\n- 推行网格化管理。\n"
     "**2. 垃圾分类推进缓慢。**\n- 新建分类投放点。\n- 开展风险排查，重点做好以下工作：\n"
     "  - 梳理风险点；\n  - 推行全过程记录。",
     [2, 2], ["", ""], ["落实决策部署", "落实决策部署"]),
    ("a ledger written as a Markdown table, a category row spanning it",
     "| 序号 | 反馈问题 | 整改措施 | 完成情况 |\n|---|---|---|---|\n"
     "| 一、党的领导方面 | 一、党的领导方面 | 一、党的领导方面 | 一、党的领导方面 |\n"
     "| 1 | 决策部署落实不力。 | 1.成立工作专班。<br>2.制定行动方案。 | 持续推进 |\n"
     "| 2 | 议事规则不完善。 | 修订议事规则。 | 已完成 |",
     [2, 1], ["in_progress", "completed"], ["党的领导", "党的领导"]),
    ("a status given by a sentence of the response",
     "1.档案管理不规范。\n对档案进行全面清理。该问题已整改完成。\n2.台账登记不全。\n补齐台账登记。",
     [1, 1], ["completed", ""], ["", ""]),
    ("full-width numbers, measures inline as （1）（2）",
     "１．学习流于形式。\n（１）制定学习计划。（２）开展知识测试。（３）建立检查制度。\n"
     "２．安全监管不到位。\n（１）签订责任书。（２）排查安全隐患。",
     [3, 2], ["", ""], ["", ""]),
    ("一是 right after its subject, in one paragraph",
     "①理论学习不深入。\n局党组一是制定学习计划，二是开展专题研讨，三是建立考勤制度。\n"
     "②维权工作不到位。\n局党组完善维权机制，设立服务站12个。",
     [3, 1], ["", ""], ["", ""]),
    ("the last problem's paragraphs all kept when a chapter follows",
     "关于“建筑市场监管不力”的问题\n局党组开展专项整治。\n建立信用评价体系。\n"
     "关于“违规收取配套费”的问题\n督促企业补缴配套费120万元。\n对1名股室负责人给予党内警告处分。\n"
     "修订《配套费征收管理办法》。",
     [2, 3], ["", ""], ["", ""]),
]


@pytest.mark.parametrize(("form", "body", "measures", "statuses", "sections"), BODIES,
                         ids=[row[0] for row in BODIES])
def test_body_form(form, body, measures, statuses, sections, tmp_path):
    suffix = ".md" if form.startswith("Markdown") else ".txt"  # read as a file would be
    path = tmp_path / f"notice{suffix}"
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    notice = parse_notice(read_document(path).text)
    assert [len(p.measures) for p in notice.problems] == measures
    assert [p.status for p in notice.problems] == statuses
    for problem, section in zip(notice.problems, sections, strict=True):
        assert section in problem.section, (problem.section, section)
    assert not any("truncated" in w or "notices (the next" in w for w in notice.warnings)


def test_result_is_kept_apart_from_the_response():
    notice = parse_notice(HEAD + BODIES[1][1] + TAIL)
    first = notice.problems[0]
    assert first.response.startswith("一是开展专项检查")
    assert first.result == "追回资金2.5万元。"
    assert [m.form for m in first.measures] == ["enumerated", "enumerated"]
    money = [o for o in notice.outcomes if o.kind == "money"]
    assert [(o.problem_seq, o.amount_yuan) for o in money] == [(1, 25000.0)]


def test_measure_forms_say_how_they_were_counted():
    notice = parse_notice(HEAD + BODIES[4][1] + TAIL)
    assert [p.measures[0].form for p in notice.problems] == ["semicolon", "prose", "semicolon"]
    paragraphs = parse_notice(HEAD + BODIES[2][1] + TAIL).problems[0]
    assert [m.form for m in paragraphs.measures] == ["paragraphs", "paragraphs"]


def test_statement_loses_wrapper_label_and_suffix():
    suffix = parse_notice(HEAD + BODIES[5][1] + TAIL).problems[0]
    assert suffix.problem == "党建工作责任落实不到位"
    wrapped = parse_notice(HEAD + BODIES[8][1] + TAIL).problems
    assert [p.problem for p in wrapped] == ["产业规划不科学", "监测帮扶不及时"]
    quoted = parse_notice(HEAD + BODIES[7][1] + TAIL).problems
    assert [p.problem for p in quoted] == ["工会经费管理不规范", "意识形态责任制落实不到位"]


def test_outcomes_outside_any_problem_are_kept_with_no_problem():
    summary = ("截至目前，已完成整改8个。对巡察移交的问题线索，已全部办结，给予党纪政务处分2人，"
               "诫勉谈话3人。整改过程中，共制定修订制度12项。\n")
    text = HEAD.replace("逐项明确责任。\n", "逐项明确责任。\n" + summary) + BODIES[13][1] + TAIL
    rows = [(o.problem_seq, o.kind, o.count) for o in parse_notice(text).outcomes]
    assert rows == [(None, "discipline", 2), (None, "discipline", 3), (None, "rules", 12)]
