"""What rectification produced: the verbs of each kind of outcome and the words that rule one out."""

from __future__ import annotations

import re

from zhenggai.notice.vocabulary.numbering import CN_NUMERAL

# --- outcomes: what rectification produced ---------------------------------------------------

# (kind, the verbs of that kind). A verb counts only in a result, never in a rule's name
# (《约谈制度》) or a plan (将约谈…); see notice/outcomes.py for the conditions of each kind.
OUTCOME_VERBS: tuple[tuple[str, str], ...] = (
    ("discipline", "谈话提醒|提醒谈话|批评教育|诫勉谈话|谈话诫勉|诫勉|通报批评|党纪处分|政务处分|"
                   "组织处理|立案审查|立案|移送|约谈"),
    ("money", "追回|退回|收回|清退|补缴|挽回|退缴|上缴|整改金额"),
    ("rules", "制定出台|修订完善|修改完善|修改和完善|制定|修订|修改|完善|出台|废止|印发|建立"),
    ("personnel", "停发|免职|撤职|解聘|辞退|调整工作岗位|调整岗位|清退会员"),
)
# An irregularity involving money that was put right: counts only with an amount and a word
# of irregularity in the clause (解决了违规划转结余资金85万元的问题).
MONEY_RESOLVED_VERBS = re.compile(r"解决|纠正|清理")
IRREGULAR = re.compile(r"违规|违纪|违反|不规范|超标|超支")
# Money that was raised, given or spent is an achievement, not a rectification result.
NOT_AN_OUTCOME = re.compile(r"筹集|捐赠|捐款|义捐|投入|拨付|争取|奖励|获得|资助|募集")
# A plan or an intention, not a result.
PLANNED = re.compile(r"将|拟|计划|要求|应当|必须|力争|下一步")
PLANNED_WINDOW = 6  # characters before a verb where a plan word makes it a plan
# A result: done (已, 了, 共, 累计) or counted.
DONE = re.compile(r"已|了|共|累计|先后")
MONEY_OBJECT = re.compile(r"费用|款项|资金|款|经费|补贴|补助|元|国库|财政")
COUNT = re.compile(
    rf"(?P<n>\d+|[{CN_NUMERAL}两]+)(?P<approx>余|多)?(?P<unit>人次|人|名|次|起|件|个|项|条|家)"
)
AMOUNT = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?P<approx>余|多)?(?P<scale>万|亿)?元")
NAMED_DOCUMENT = re.compile(r"《[^》]{2,60}》")
