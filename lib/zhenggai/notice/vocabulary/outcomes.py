"""What rectification produced: the verbs of each kind of outcome and the words that rule one out."""

from __future__ import annotations

import re

from zhenggai.notice.vocabulary.numbering import CN_NUMERAL

# --- outcomes: what rectification produced ---------------------------------------------------

# (kind, the verbs of that kind), longer forms first. A verb counts only in a result, never in
# a rule's name (《约谈制度》) or a plan (将约谈…); see notice/outcomes.py for each kind's test.
# Every alternative opens with a character, not a group: a search then skips to the verbs'
# first characters (one opening with a group makes it try every position, five times slower).
OUTCOME_VERBS: tuple[tuple[str, str], ...] = (
    ("discipline", "党纪政务处分|党纪处分|政务处分|党内严重警告(?:处分)?|党内警告(?:处分)?|严重警告(?:处分)?|"
                   "撤销党内职务(?:处分)?|留党察看(?:处分)?|开除党籍|"
                   "政务(?:警告|记过|记大过|降级|撤职|开除)(?:处分)?|"
                   "行政(?:警告|记过|记大过|降级|撤职|开除)(?:处分)?|记大过(?:处分)?|记过(?:处分)?|"
                   "警告处分|诫勉谈话|谈话诫勉|诫勉|提醒谈话|谈话提醒|批评教育|通报批评|约谈|"
                   "立案审查(?:调查)?|移送[^，。；]{0,12}?线索|线索[^，。；]{0,8}?移送|组织处理|处分"),
    ("money", "追回|收回|退回|退还|退赔|退缴|清退|补缴|追缴|收缴|挽回"),
    ("personnel", "调整充实|免职|撤职|撤换|解聘|辞退|停发|扣发|交流轮岗|岗位调整|调整(?:工作)?岗位|"
                  "进行了?调整|予以调整|清退会员"),
)
# Rules: a named document made, revised or abolished, or a counted batch of rules.
RULE_VERBS = re.compile(r"制定出台|修订完善|修改完善|修改和完善|制定修订|建立完善|建立健全|"
                        r"建章立制|制定|修订|修改|完善|出台|废止|印发|建立|新建")
RULE_BATCH = re.compile(
    rf"(?:(?:制定|修订|修改|建立|完善|出台|废止|健全|新建)[^，。；]{{0,24}}?制度(?:机制|文件)?|建章立制)"
    rf"(?:共)?(?P<n>\d+|[{CN_NUMERAL}两]+)(?:项|个|条|份|件)"
)
# A named document that is a plan for the rectification, not a rule it produced.
PLAN_DOCUMENT = re.compile(r"(?:方案|计划|规划|要点)》$")
# An act on people or cases: done to someone (对…进行, 给予…, 予以…, 责令…).
ACT_FORM = re.compile(r"对|给予|予以|进行|责令|经")
# An act said to be done, right before its verb (已约谈…, 先后约谈…).
DONE_BEFORE = re.compile(r"(?:已|已经|先后|累计|共|均)$")
# Acts that need no object to be acts (调整充实村务监督委员会).
SELF_ACT = re.compile(r"调整充实")
# Routine practice aimed at no one in particular: not a disciplinary result.
ROUTINE = re.compile(r"常态化|全覆盖|定期|经常性|节前|节日|逢节|每季度|每月|每年|每半年")
# A standing rule about whoever is found at fault (对发现…的, 凡…, 一律…), not an act done.
STANDING_RULE = re.compile(r"^对(?:发现|查实|查出|存在)|凡|一律|一经|发现一起")
# Third parties the unit regulates: their 约谈 is regulatory work, not discipline.
THIRD_PARTY = re.compile(r"施工单位|施工企业|开发商|开发企业|承包商|承租|商户|经营户|中介|供应商|"
                         r"维保单位|培训机构|业主")
# Personnel acts that must name a number of people to be the unit's own staff (停发 for 9户
# of households is welfare administration).
NEEDS_PEOPLE = re.compile(r"停发|扣发|调整$")
PERSON_UNITS = ("人次", "人", "名")
# An irregularity involving money that was put right: counts only with an amount and a word
# of irregularity in the clause (解决了违规划转结余资金85万元的问题).
MONEY_RESOLVED_VERBS = re.compile(r"解决|纠正|清理")
IRREGULAR = re.compile(r"违规|违纪|违反|不规范|超标|超支")
# Money that was raised, given or spent is an achievement, not a rectification result.
NOT_AN_OUTCOME = re.compile(r"筹集|捐赠|捐款|义捐|投入|拨付|争取|奖励|获得|资助|募集")
# A plan or an intention, not a result.
PLANNED = re.compile(r"将|拟|计划|要求|应当|必须|力争|下一步|正在|依法追缴中")
PLANNED_WINDOW = 6  # characters before a verb where a plan word makes it a plan
COUNT = re.compile(
    rf"(?P<n>\d+|[{CN_NUMERAL}两]+)(?P<approx>余|多)?(?P<unit>人次|人|名|次|起|件|个|项|条|家)"
)
AMOUNT = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)(?P<approx>余|多)?(?P<scale>万|亿)?(?P<approx2>余|多)?元"
)
NAMED_DOCUMENT = re.compile(r"《[^》]{2,60}》")
