"""Who inspected and when: inspecting bodies, teams, rounds and modes, units, the framing's events."""

from __future__ import annotations

import re

from zhenggai.notice.vocabulary.numbering import NUMERAL

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
# A township: 乡/镇/街道/苏木 ending the unit's place, or before one of its own bodies (never
# the 乡 of 城乡建设局 or 乡村振兴局, nor the 镇 of 城镇).
TOWNSHIP_WORD = r"(?:(?<!城)乡(?!村振兴)|(?<!城)镇|街道|苏木)"
TOWNSHIP_UNIT = re.compile(
    TOWNSHIP_WORD + r"(?=$|村|社区|嘎查|人民政府|政府|党委|党工委|工委|纪委|机关|卫生院|中心|办事处|中学|小学|学校|总支|支部)")
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

# The inspected unit's sector, from its name (the first that matches). Codes are stable; the
# glosses are in the data dictionary.
UNIT_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("village_community", re.compile(r"(?:村|社区|嘎查)(?:党支部|党总支|支部|委员会|村委会|居委会|村民委员会)?$")),
    ("township", re.compile(TOWNSHIP_WORD + r"(?:党委|党工委|工委|人民政府|政府|办事处)?$")),
    ("development_zone", re.compile(r"开发区|高新区|高新技术产业|保税区|新区|产业园区|园区|管理委员会$|管委会")),
    ("court_procuratorate", re.compile(r"法院|检察院")),
    ("university", re.compile(r"大学|(?<!行政)(?<!党校)学院$|职业技术学院|高等专科学校|职业学院")),
    ("soe_bank", re.compile(r"集团|公司|银行|信用社|农商行|农村商业|保险|证券|控股|投资")),
    ("peoples_organisation", re.compile(
        r"文联|文学艺术界联合会|妇联|妇女联合会|科协|科学技术协会|总工会|工会|团[省市县区]?委|共青团|"
        r"残联|残疾人联合会|侨联|归国华侨联合会|工商联|工商业联合会|作家协会|作协|红十字会|社科联|"
        r"社会科学界联合会|记协|记者协会|台联")),
    ("public_institution", re.compile(
        r"医院|卫生院|疾病预防控制中心|学校|中学|小学|幼儿园|报社|日报社|电视台|广播电视台|融媒体中心|"
        r"出版社|研究院|研究所|研究中心|博物馆|图书馆|纪念馆|文化馆|档案馆|党校|行政学院|事务中心|服务中心")),
    ("government_department", re.compile(
        r"局$|厅$|委员会$|委$|办公室$|办$|部$|署$|人民政府$|政府$|人大常委会|政协|监察|公安|司法|"
        r"(?:局|厅|委)(?:机关)?$")),
    ("locality_party_committee", re.compile(
        r"(?:省|市|县|区|州|旗|盟|自治区|自治州|自治县)(?:委)?$")),
)
