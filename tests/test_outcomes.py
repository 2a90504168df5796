"""What rectification produced: the outcomes table, on the seeds (values read by hand) and on
sentences written in the genre's style for every kind, achievements and plans excluded."""

from __future__ import annotations

import pytest
from zhenggai import load_tables
from zhenggai.notice.outcomes import outcomes_of

GANSU, NANTONG, XIANGTAN = "30d519874fe0", "e3b43146dafb", "e51c9bd28fdc"


@pytest.fixture(scope="module")
def outcomes(seeds_processed):
    return load_tables(seeds_processed)["outcomes"]


def test_the_seeds_outcomes_read_by_hand(outcomes):
    money = outcomes[outcomes["kind"] == "money"]
    assert {850000.0, 200000.0} <= set(money["amount_yuan"].dropna())
    talks = outcomes[(outcomes["action"] == "约谈") & (outcomes["notice_id"] == GANSU)]
    assert talks[["count", "count_unit", "approximate"]].astype(object).values.tolist() == [
        [24, "人次", False], [70, "人次", True]]
    stopped = outcomes[outcomes["action"] == "停发"].iloc[0]
    assert (stopped["kind"], stopped["count"], stopped["count_unit"]) == ("personnel", 4, "名")
    # a recovery that states no amount (湘潭: 已追回违规发放的款项并退回国库) is no money row
    assert money["amount_yuan"].notna().all()
    assert not ((outcomes["notice_id"] == XIANGTAN) & (outcomes["kind"] == "money")).any()
    assert "《南通市文联政府采购内部控制制度》" in outcomes.loc[
        (outcomes["notice_id"] == NANTONG) & (outcomes["kind"] == "rules"), "object"].tolist()
    assert (outcomes["evidence"].str.len() > 0).all()


def test_no_fund_raising_or_donation_is_an_outcome(outcomes):
    assert not outcomes["evidence"].str.contains("筹集|捐赠|义捐").any()
    assert 4_600_000 not in outcomes["amount_yuan"].dropna().tolist()


# (sentence, [(kind, action, count, unit, approximate, amount)]) in the genre's style
SENTENCES = [
    ("对3名相关责任人进行了诫勉谈话", [("discipline", "诫勉谈话", 3, "名", False, None)]),
    ("给予1名干部党纪处分", [("discipline", "党纪处分", 1, "名", False, None)]),
    ("共清退违规发放补贴12.5万元", [("money", "清退", None, "", False, 125000.0)]),
    ("督促2名同志补缴房租3000余元", [("money", "补缴", None, "", True, 3000.0)]),  # money has no count
    ("清退金额共计3.26万元", [("money", "清退", None, "", False, 32600.0)]),
    ("追回违规发放的补贴1.36万元", [("money", "追回", None, "", False, 13600.0)]),  # exact, never 13600.000000000002
    ("补缴城市基础设施配套费580万余元", [("money", "补缴", None, "", True, 5800000.0)]),
    ("已追缴欠缴的维修资金1.26亿元", [("money", "追缴", None, "", False, 126000000.0)]),
    ("给予1名处级干部党内严重警告处分", [("discipline", "党内严重警告处分", 1, "名", False, None)]),
    ("给予党纪处分3人、政务处分2人", [("discipline", "党纪处分", 3, "人", False, None), ("discipline", "政务处分", 2, "人", False, None)]),
    ("已向市纪委监委移送问题线索4条", [("discipline", "移送问题线索", 4, "条", False, None)]),
    ("对述职评议排名靠后的单位主要负责人进行约谈", [("discipline", "约谈", None, "", False, None)]),  # an act stated without a number
    ("对负有领导责任的2名干部，经审理，给予政务处分", [("discipline", "政务处分", 2, "名", False, None)]),
    ("常态化开展提醒谈话", []),  # routine, aimed at no one in particular
    ("对进度滞后的施工单位约谈督促", []),  # a contractor: regulatory work
    ("立案查处违法用地案件57宗", []),  # regulatory work
    ("对在同一岗位任职满5年的8名干部进行交流轮岗", [("personnel", "交流轮岗", 8, "名", False, None)]),
    ("调整充实村务监督委员会", [("personnel", "调整充实", None, "", False, None)]),
    ("对不再符合条件的9户予以停发", []),  # households, not the unit's staff
    ("制定修订《干部选拔任用工作实施办法》等制度5项", [("rules", "制定修订", 5, "项", False, None)]),
    ("共建立完善制度16项", [("rules", "建立完善", 16, "项", False, None)]),
    ("制定了《关于巡察反馈意见的整改方案》", []),  # a plan, not a rule
    ("全县完成投资12.6亿元，罚没款186.4万元", []),  # business figures
    ("已约谈相关负责人", [("discipline", "约谈", None, "", False, None)]),  # done, no number
    ("挽回经济损失120万元", [("money", "挽回", None, "", False, 1200000.0)]),
    ("收缴违纪款3.2万元", [("money", "收缴", None, "", False, 32000.0)]),
    ("完善制度机制15项", [("rules", "完善", 15, "项", False, None)]),
    ("已废止《机关差旅费管理办法》", [("rules", "废止", None, "", False, None)]),
    ("对2名履职不力的干部免职", [("personnel", "免职", 2, "名", False, None)]),
    ("累计提醒谈话15人次", [("discipline", "提醒谈话", 15, "人次", False, None)]),
    ("共为贫困村筹集帮扶资金30万元", []),  # an achievement
    ("捐赠图书2000册", []),
    ("下一步将约谈相关责任人", []),  # a plan
    ("建立健全约谈制度", []),  # no document named, no result
    ("认真贯彻落实市委出台的《关于加强作风建设的意见》", []),  # someone else's rule
]


@pytest.mark.parametrize(("sentence", "want"), SENTENCES)
def test_outcome_forms(sentence, want):
    got = [(o.kind, o.action, o.count, o.count_unit, o.approximate, o.amount_yuan)
           for o in outcomes_of(1, sentence)]
    assert got == want
