"""The genre's vocabulary: every word and form the notice parser recognises, as named data.

A new form of the genre (a numbering style, a response label, a status heading, a committee, a
way of declaring counts) is one entry here and one row in tests/test_vocabulary.py. The parser's
modules hold only the logic that walks a notice with these words. Patterns apply to the
*analysed* text (zhenggai.text.clean): simplified script, NFKC, full-width ，：；（）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- numerals and numbering ---------------------------------------------------------------

CN_NUMERAL = "〇零一二三四五六七八九十百"  # the characters of a Chinese numeral token
NUMERAL = rf"(?:\d+|[{CN_NUMERAL}]+)"  # any numeral token (read with text.numerals)


@dataclass(frozen=True)
class Numbering:
    """One numbering family: how its markers look, and where it is used.

    `marker` has one group `n`, the numeral (read with zhenggai.text.numerals.read_numeral).
    `depth` orders the families that number problems and headings (一、 above （一） above 1.);
    None for families that only enumerate measures inside a response (一是…二是…).
    `measure_at_line_start`: as a measure marker it counts only at the start of a line.
    """

    name: str
    marker: str
    depth: int | None
    in_measures: bool
    measure_at_line_start: bool = False


NUMBERINGS: tuple[Numbering, ...] = (
    Numbering("cn", rf"(?P<n>[{CN_NUMERAL}]+)[\.、．]", depth=0, in_measures=False),
    Numbering("paren_cn", rf"（(?P<n>[{CN_NUMERAL}]+)）", depth=1, in_measures=False),
    Numbering("arabic", r"(?P<n>\d+)[\.、．](?!\d)", depth=2, in_measures=True,
              measure_at_line_start=True),
    Numbering("paren_arabic", r"（(?P<n>\d+)）", depth=3, in_measures=True),
    Numbering("circled", r"(?P<n>[①-⑳])", depth=4, in_measures=True),
    Numbering("cn_shi", rf"(?P<n>[{CN_NUMERAL}]+)是", depth=None, in_measures=True),  # 一是
    Numbering("cn_di", rf"第(?P<n>[{CN_NUMERAL}]+)[，、：]", depth=None, in_measures=True),  # 第一，
)
ITEM_NUMBERINGS = tuple(f for f in NUMBERINGS if f.depth is not None)
MEASURE_NUMBERINGS = tuple(f for f in NUMBERINGS if f.in_measures)


def _without_group(marker: str) -> str:
    return marker.replace("(?P<n>", "(?:")


# A numbered item's marker, any family (the group-less form, for use inside larger patterns).
ITEM_MARKER = "(?:" + "|".join(_without_group(f.marker) for f in ITEM_NUMBERINGS) + ")"
# A line that opens a new measure of the response being read.
MEASURE_START = re.compile(
    "^(?:" + "|".join(_without_group(f.marker) for f in MEASURE_NUMBERINGS) + ")"
)

# Headings that are not problems: the chapters and sections problems stand under.
CHAPTER_HEADING = re.compile(rf"^(?:[{CN_NUMERAL}]+、|第[{CN_NUMERAL}]+部分)\s*(?P<text>.+)$")
SECTION_HEADING = re.compile(rf"^（[{CN_NUMERAL}]+）\s*(?P<text>.+)$")
# A chapter about the problems (not about organisation or next steps).
PROBLEM_CHAPTER = re.compile(r"问题|整改落实|落实情况|整改情况|反馈意见|整改进展")

# --- problems and responses -----------------------------------------------------------------

# 具体问题：… / 存在问题：… / 问题一：… (optionally after a number)
EXPLICIT_PROBLEM = re.compile(
    rf"^(?P<num>{ITEM_MARKER})?\s*"
    rf"(?P<intro>具体问题|存在问题|反馈问题|问题\s*(?P<qn>{NUMERAL})?)\s*[：:]\s*(?P<rest>.+)$"
)
# 关于“…”问题 / 针对“…”的问题: the quoted statement is read by its balanced quotes.
QUOTED_PROBLEM_INTRO = re.compile(rf"^(?P<num>{ITEM_MARKER})?\s*(?P<intro>关于|针对)(?=“)")
NUMBERED_ITEM = re.compile(rf"^(?P<num>{ITEM_MARKER})\s*(?P<rest>.+)$")
# What follows a quoted problem before its response: 的整改情况：
QUOTED_PROBLEM_TAIL = re.compile(r"^(?:的)?(?:整改(?:落实)?(?:情况|进展情况|进展)?)?\s*[。：，；]?\s*")

RESPONSE_LABEL = re.compile(
    r"""(?:整改(?:落实)?情况
        |整改措施(?:及(?:阶段性)?成效)?
        |整改结果(?:及成效)?
        |整改成效
        |整改进展(?:情况)?
        |进展情况|落实情况|完成情况
    )\s*[：:]""",
    re.VERBOSE,
)
# A label-only line inside a response (正在深化整改的内容及时限：): not measure text.
LABEL_ONLY_LINE = re.compile(r"^[^。，；]{2,30}[：:]$")

# --- statuses -------------------------------------------------------------------------------

# The status a heading or label gives, tried in this order (long_term words win).
STATUS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("long_term", re.compile(r"长期|久久为功|常态化|持续(?:坚持|整改|推进)")),
    ("in_progress", re.compile(r"正在|推进中|未完成|基本完成|阶段性")),
    ("completed", re.compile(r"已(?:经)?(?:完成|整改|办结|销号)|整改完成|完成整改|整改到位")),
)
# A heading gives a status only when it is about problems or tasks.
STATUS_HEADING_TOPIC = re.compile(r"问题|事项|任务|整改")
# An inline status label: （已完成） or 整改状态：已完成 (one group: the status words)
STATUS_LABEL = re.compile(
    r"""[（(【](已完成|已整改|已整改完成|已完成整改|正在整改|整改中|基本完成|长期坚持|持续整改)[）)】]
        |(?:整改状态|完成情况|整改进度)[：:]\s*(已完成|已整改|正在整改|整改中|基本完成|长期坚持|持续整改)""",
    re.VERBOSE,
)
# A response that opens with its status: 整改进展：已完成。一是…
STATUS_LEAD = re.compile(
    r"^(已完成|已整改完成|已完成整改|已整改到位|整改完成|正在整改|正在推进|整改中|基本完成|"
    r"长期坚持|持续整改|持续推进)[。；，]"
)
# How far into a response an inline status label is looked for.
STATUS_LABEL_WINDOW = 40

# --- the end of the problem list --------------------------------------------------------------

# Lines that end the problem list. 下一步/今后 are not here: responses use them too.
CLOSING_LINE = re.compile(
    r"^(欢迎|如有意见|联系方式|联系电话|特此通报|附件|（?责任编辑|【?打印|【?关闭)"
)
# Characters a complete last sentence ends with; anything else means the text was cut off.
SENTENCE_END = tuple("。！？…”」』）)]；")
CONTACT_LINE = re.compile(r"电话|邮箱|地址|联系")

# --- title, issuer, source and publication lines ----------------------------------------------

TITLE = re.compile(r"(巡视|巡察).{0,20}整改|整改.{0,30}(通报|公告|报告|公示|公开|情况)")
TITLE_NAMING_DOCUMENT = re.compile(r"整改.*(通报|公告|报告|公示|公开)")  # 通报, 报告…
INSPECTION_WORD = re.compile(r"巡视|巡察")
# The issuer's organisation type ends its name.
ISSUER_SUFFIX = re.compile(r"(党组|党委|党总支|党支部|机关党委)$")
# The issuer opens the title: everything before 关于, or before the inspection's name when
# the title has no 关于 (中共某县文联党组巡察整改情况通报).
TITLE_ISSUER = re.compile(
    r"^(.*?)关于|^(.*?(?:党组|党委|党总支|党支部))(?=.*?(?:巡视|巡察))"
)
# A line that opens a title by itself (the issuer, or 关于 with nothing broken before it).
TITLE_START = re.compile(r"^(?:中共|中国共产党|共青团)|^[^关]{2,40}?(?:党组|党委|委员会|党总支|党支部|党工委)(?:关于)?")
# A date printed at the end of a title line: …情况的通报 2026-02-13
TRAILING_DATE = re.compile(r"\s*\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
REPEATED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")  # a word typed twice (XX省XX省)
PUBLICATION_LABEL = r"(?:发布时间|发布日期|发文日期|发文时间|发表时间|成文日期|成文时间|更新时间|来源时间为|时间|日期)\s*[：:]?"
PUBLICATION_LINE = re.compile(PUBLICATION_LABEL)
SOURCE_LINE = re.compile(
    r"来源[：:]\s*(?P<source>.+?)(?=\s*(?:发布|时间|日期|作者|阅读|浏览|点击|字号|$))"
)

# --- inspecting bodies, teams, rounds and modes -------------------------------------------------

# The committee that sends a team, and the administrative level of the units it inspects.
INSPECTING_BODIES: dict[str, str] = {
    "中央": "central",
    "省委": "province",
    "自治区党委": "province",
    "市委": "prefecture",
    "地委": "prefecture",
    "州委": "prefecture",
    "盟委": "prefecture",
    "县委": "county",
    "区委": "county",
    "旗委": "county",
}
# Committees that can open a team's name (党委/党组 of a system or firm included).
_TEAM_COMMITTEES = "省委|自治区党委|市委|地委|区委|县委|州委|盟委|旗委|党委|党组"
# What may stand between the committee and 巡察组: a kind of team (专项, 机动, 提级, 交叉,
# 对村…) or a special inspection's long name (深化“最多跑一次”改革、优化营商环境专项).
_TEAM_MODIFIER = r"[^，。；：:（）()\s]{0,30}?"
TEAM = re.compile(
    rf"""(?P<team>
        (?:{NUMERAL}届)?                       # 八届市委巡察四组
        (?P<body>中央
            # an optional place name (湖南省委, 长沙市委) before the committee; no dates or verbs
            |[^\W\d_年月日度了对向由经据的和及]{{0,6}}?(?:{_TEAM_COMMITTEES}))
        (?:（?第{NUMERAL}轮）?)?                 # 市委（第三轮）巡察二组
        (?:第{NUMERAL}{_TEAM_MODIFIER}            # 第七提级交叉巡察组
          |{_TEAM_MODIFIER})
        (?P<kind>巡视|巡察)
        (?:“回头看”)?                           # 巡察“回头看”第一组
        (?:第?{NUMERAL})?                      # 巡察第四组, 巡察四组
        (?:组|工作组)
        (?:“回头看”)?)""",
    re.VERBOSE,
)
TEAM_NUMBER = re.compile(rf"(?:第{NUMERAL}|巡[视察]第?{NUMERAL}组)")
COMMITTEE = re.compile(r"(中央|省委|自治区党委|市委|地委|州委|盟委|区委|县委|旗委)")
INSPECTION_ROUND = re.compile(
    rf"((?:{NUMERAL}届)?(?:中央|[省市区县州旗]委|自治区党委)?第{NUMERAL}轮)"
)
INSPECTION_MODE = re.compile(
    r"(常规|专项|政治|机动|提级|联动|交叉|巡察“回头看”|“回头看”)(?:巡视|巡察)?"
)
# Where a unit's name stops naming a place, when it does not open with a full division name
# (苏州文联, 共青团南县委员会).
ORGANISATION_WORD = re.compile(
    r"文学艺术界联合会|文联|作家协会|作协|文化|党组|党委|委员会|人民法院|人民检察院|机关"
)
# Units of the centre: ministries and national bodies, which have no place.
CENTRAL_UNIT = re.compile(
    r"^(?:中国|中华全国|中央|全国|国家|国务院|最高人民(?:法院|检察院))|共青团中央|团中央"
)
# A township's party committee counts as county level (乡, 镇, 街道 are below the county).
TOWNSHIP_UNIT = re.compile(r"[乡镇]|街道|苏木")
# The level a unit's name implies when it names no place: 市妇联 → prefecture.
UNIT_LEVEL_WORD: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:中共)?省"), "province"),
    (re.compile(r"^(?:中共)?(?:市|州|盟)"), "prefecture"),
    (re.compile(r"^(?:中共)?(?:区|县|旗)"), "county"),
)
INSPECTION_KINDS = ("巡察", "巡视")  # in the order a title is searched

# --- events of the framing paragraph ----------------------------------------------------------

FEEDBACK_WORD = "反馈"
# The team's feedback as an act (反馈了巡察意见, 进行了反馈, 召开了巡察反馈会议), not the
# feedback as a noun (传达巡察反馈意见) nor what followed it (巡察意见反馈后).
FEEDBACK_EVENT = re.compile(
    r"""(?<!巡察)(?<!巡视)反馈(?:了)?(?:巡[视察])?(?:意见|情况|工作情况)(?!后|以来|整改|的)
        |(?:进行|作出|作)(?:了)?反馈
        |反馈会(?:议)?
        |反馈(?:了)?(?=[。，；]|$)""",
    re.VERBOSE,
)
ENTRY_WORD = "进驻"  # the team's arrival: the start of the inspection
CLAUSE_END = re.compile(r"[。；]")
# The framing paragraph: the team came to (对…开展/进行) or fed back to the unit.
INSPECTION_ACT = re.compile(r"对.{0,80}?(?:开展|进行|实施)|进驻|反馈")
# The inspected unit as the framing names it: 对XX党组开展了巡察 / 向XX反馈
UNIT_IN_FRAMING = re.compile(
    r"""(?:对|向)(?P<unit>[^，。；、]{2,40}?)
        (?=(?:开展|进行|实施|正式)|(?:反馈)|(?:的)?(?:常规|专项|政治)?巡[视察])""",
    re.VERBOSE,
)
# A unit named only by the first person (我单位, 我局, 我院…) names no place of its own.
FIRST_PERSON_UNIT = re.compile(r"^(?:我|本)(?:单位|局|院|会|委|镇|乡|街道|中心|部|办|校|所|馆|司|厅)?$")

# --- deciding whether a text is a notice at all -------------------------------------------------

# For: the publication formula (现将巡察整改进展情况予以公布; 现按…要求，将…予以通报).
PUBLICATION_FORMULA = re.compile(
    r"""现(?:按[^。]{0,40}?)?[将就][^。]{0,30}?(?:予以|向社会|集中)?(?:公布|公开|公示|通报|报告)(?:如下)?
        |将[^。]{0,30}?整改[^。]{0,15}?予以(?:公布|公开|公示|通报)   # 按照…要求，将…整改情况予以公布""",
    re.VERBOSE,
)
# For: a title naming the document (…整改…情况的通报, 整改情况的报告).
NOTICE_TITLE = re.compile(r"(巡视|巡察|反馈).{0,30}整改.{0,20}(通报|报告|公告|公示|公开|情况)$")
# Against, whatever else the text says: the page reports on notices, or is another genre.
LOOKALIKE_DECISIVE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("news agency dateline", re.compile(r"(?:新华社|中新网|中新社|人民网|本报)[^。]{0,12}(?:\d+月\d+日)?电|本报讯|【[^】]{0,6}网】|记者")),
    ("巡察公告", re.compile(r"公告如下|举报电话|值班电话|受理(?:时间|信访)|信访受理|来信来[访电]")),
    ("speech", re.compile(r"^同志们[：，:]|(?:再|先|我)讲(?:[两三几]点|一下)")),
    ("summary of several notices", re.compile(r"\d+(?:个|家|所)(?:单位|中管高校|高校)?(?:党组织)?(?:的)?(?:巡视|巡察)?整改(?:进展)?情况|所中管高校|分批[^。]{0,10}公布")),
    ("round-level disclosure", re.compile(r"组建\d+个巡察组|向\d+(?:家|个)被巡察单位")),
    ("report about a notice", re.compile(r"《[^》]{0,40}(?:巡视|巡察)整改[^》]{0,10}(?:通报|报告)》")),
)
# Against, unless the publication formula says otherwise: a meeting told in the third person.
MEETING_NEWS = re.compile(
    r"""(?:反馈|动员部署|动员|督查工作|督查|民主生活)会(?:议)?(?:在[^。，]{0,20})?召开
        |召开[^。]{0,40}?(?:反馈会|动员会|民主生活会|督查工作会议|专题督查)
        |主持(?:会议|召开)|表态(?:发言|讲话)|出席会议|作动员讲话""",
    re.VERBOSE,
)
# Supporting evidence for a notice: 整改 headings and response labels in the opening.
RECTIFICATION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）).{0,30}整改")

# --- page chrome ------------------------------------------------------------------------------

# Lines of a saved page that are not the notice: breadcrumbs, site furniture, disclosure
# metadata, share and print links. Their dates and sources are still read (header.py).
CHROME_LINE = re.compile(
    r"""(?:当前|所在)?位置[：:]|首页\s*[>＞»]|>\s*>|[>＞]{2}   # breadcrumbs
        |^[-•·]?\s*(?:索\s*引\s*号|主题分类|发布机构|文件名称|成文(?:日期|时间)|文\s*号
            |标\s*题|效力状态|发文(?:日期|时间)|公开方式|公开范围|有效性)[：:]  # disclosure metadata
        |字\s*[号体](?:[：:]|\s*[\[【〖]|$)|[【\[]?\s*大\s*中\s*小|^[】\]]?小】?$   # font size
        |分享到?[：:]?$|^打印|【打印|关闭窗口|返回上一级|^返回$|设为首页|加入收藏|无障碍|长者助手
        |浏览(?:次数|量)?[：:]|访问(?:量|次数)[：:]|阅读(?:次数)?[：:]|点击(?:数|量)?[：:]
        |网站支持IPV6|^朗读$|^主动公开$|^列表详情$|听新闻|保护视力色
        |\.(?:jpg|jpeg|png|gif)$""",
    re.VERBOSE | re.IGNORECASE,
)
# A bracketed column name before a title: 【巡察整改】
TITLE_PREFIX = re.compile(r"^【[^】]{1,10}】")
# --- declared counts ------------------------------------------------------------------------

# 3个方面25项具体问题 / 共12个问题
DECLARED_PROBLEMS = re.compile(
    rf"(?:(?P<aspects>{NUMERAL})个方面)?(?:共(?:计)?)?(?P<n>{NUMERAL})(?:项|个|条)(?:具体)?(?:反馈)?问题"
)
# 共反馈问题3个
DECLARED_PROBLEMS_AFTER = re.compile(
    rf"(?:反馈|指出)(?:具体)?问题(?:共(?:计)?)?(?P<n>{NUMERAL})(?:项|个|条)"
)
DECLARED_ASPECTS = re.compile(rf"(?P<aspects>{NUMERAL})个方面(?:的)?问题")
DECLARED_MEASURES = re.compile(
    rf"(?P<n>{NUMERAL})(?:条|项)(?:具体)?整改措施|整改措施(?:共)?(?P<n2>{NUMERAL})(?:条|项)"
)
# A sentence counting what was already done is not a declaration of problems found.
PROGRESS_COUNT = re.compile(r"已整改|正在|整改到位|已完成")

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

# --- limits ---

OPENING_LINES = 60  # the framing paragraph stands within the first lines of a page
TITLE_BLOCK_LINES = 3
PAGE_DATE_LINE_MAX_CHARS = 40  # a header line that is little more than a date  # a title may be set on up to three lines------------------------------------------------------------------------------

TITLE_SEARCH_LINES = 40  # the title stands within the first lines of a page
INSPECTION_SEARCH_LINES = 60  # a notice names 巡视/巡察 within its first lines
TITLE_MAX_CHARS = 100
FRAMING_SEARCH_LINES = 8  # the framing paragraph follows the title within a few lines
HEADING_MAX_CHARS = 60
ISSUER_LINE_MAX_CHARS = 40  # a line naming the issuer alone (title's first line, signature)
SIGNATURE_SEARCH_LINES = 6  # the signature block stands within the last lines
SIGNATURE_MAX_CHARS = 60
MIN_INLINE_RESPONSE_CHARS = 10  # an unlabelled item's own line that carries its response
