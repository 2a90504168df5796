"""The body of a notice: problems, responses, statuses, the end of the list, declared counts."""

from __future__ import annotations

import re

from zhenggai.notice.vocabulary.numbering import ITEM_MARKER, NUMERAL

# --- problems and responses -----------------------------------------------------------------

# 具体问题：… / 存在问题：… / 反馈问题：… / 问题一：… / 问题1： / 【问题一】… (optionally
# after a number)
EXPLICIT_PROBLEM = re.compile(
    rf"^(?P<num>{ITEM_MARKER})?\s*"
    rf"(?:(?P<intro>(?:巡[视察])?(?:具体问题|存在问题|反馈问题|指出问题|问题描述|问题表现)|问题\s*(?P<qn>{NUMERAL})?)\s*[：:]"
    rf"|【(?P<bintro>问题\s*(?P<bqn>{NUMERAL})?)】)\s*(?P<rest>.+)$"
)
# 关于…问题。(the paragraph answering it follows the first sentence) and 针对…问题，(the
# response follows the comma): a problem named by its wrapper, without quotes.
WRAPPED_PROBLEM = re.compile(
    r"^(?:关于(?P<about>[^。；：]{2,80}?)(?:的)?问题(?:的整改(?:落实)?情况)?[。：]"
    r"|针对(?:巡[视察](?:组)?(?:反馈|指出|发现)的)?(?P<facing>[^。；，]{2,80}?)(?:的)?问题[，：])"
    r"\s*(?P<rest>.*)$"
)
# A wrapper around the findings as a whole (针对巡察反馈意见指出的问题), not one problem.
FINDINGS_REFERENCE = re.compile(r"(?:指出|反馈|发现|提出|查找|存在)(?:的)?$|^(?:上述|以上|这些|相关|各类|所有|全部)")
# A paragraph listing findings (巡察指出，…存在以下问题：一是…) answers nothing itself.
FINDINGS_LIST = re.compile(r"^(?:巡[视察](?:组)?(?:还|也)?(?:指出|反馈|发现)|反馈指出|同时指出)")
# 关于“…”问题 / 针对“…”的问题: the quoted statement is read by its balanced quotes.
QUOTED_PROBLEM_INTRO = re.compile(rf"^(?P<num>{ITEM_MARKER})?\s*(?P<intro>关于|针对)(?=“)")
NUMBERED_ITEM = re.compile(rf"^(?P<num>{ITEM_MARKER})\s*(?P<rest>.+)$")
# What follows a quoted problem before its response: 的整改情况：
QUOTED_PROBLEM_TAIL = re.compile(r"^(?:的)?(?:整改(?:落实)?(?:情况|进展情况|进展)?)?\s*[。：，；]?\s*")

RESPONSE_LABEL = re.compile(
    r"""【(?:整改(?:落实)?情况|整改措施|整改成效|整改进展|整改结果)】
    |(?:整改(?:落实)?情况
        |整改措施(?:及(?:阶段性)?成效)?
        |整改结果(?:及成效)?
        |整改成效
        |整改进展(?:情况)?
        |进展情况|落实情况|完成情况
    )\s*[：:]""",
    re.VERBOSE,
)
# A label that opens a line of a problem's answer, and what its text is: the response (what
# was done), its result (整改成效), or its status (整改进度：已完成).
BLOCK_LABEL = re.compile(
    r"^(?:【(?P<bracketed>[^】]{2,8})】|(?P<plain>整改(?:落实)?情况|整改措施(?:及(?:阶段性)?成效)?"
    r"|整改结果(?:及成效)?|整改成效|整改效果|取得成效|整改进展(?:情况)?|整改进度|整改状态|进展情况"
    r"|落实情况|完成情况|整改时限|完成时限|责任(?:领导|单位|部门|科室|人))\s*[：:])\s*"
)
RESULT_LABEL = re.compile(r"成效|效果|结果")
STATUS_LABEL_WORD = re.compile(r"进度|状态|进展|完成情况")
DEADLINE_LABEL = re.compile(r"时限|责任")

# A label-only line inside a response (正在深化整改的内容及时限：): not measure text.
LABEL_ONLY_LINE = re.compile(r"^[^。，；]{2,30}[：:]$")

# --- statuses -------------------------------------------------------------------------------

# The status a heading or label gives, tried in this order (long_term words win).
STATUS_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("long_term", re.compile(r"长期|久久为功|常态化|持续坚持")),
    ("in_progress", re.compile(r"正在|推进中|整改中|未完成|基本完成|阶段性|持续(?:推进|整改)")),
    ("completed", re.compile(r"已(?:经)?(?:完成|整改|办结|销号)|整改完成|完成整改|整改到位")),
)
# A heading gives a status only when it is about problems or tasks.
STATUS_HEADING_TOPIC = re.compile(r"问题|事项|任务|整改")
# An inline status label: （已完成） or 整改状态：已完成 (one group: the status words)
STATUS_LABEL = re.compile(
    r"""[（(【](已完成|已整改|已整改完成|已完成整改|整改完成|完成整改|已整改到位|已办结|已销号|正在整改|正在推进|整改中|推进中|基本完成|基本完成整改|长期坚持|需长期坚持|持续整改|持续推进|未完成)[）)】]
        |(?:整改状态|完成情况|整改进度|整改进展)[：:]\s*(已完成|已整改|正在整改|正在推进|整改中|基本完成|长期坚持|需长期坚持|持续整改|持续推进)""",
    re.VERBOSE,
)
# A response that opens with its status: 整改进展：已完成。一是…
STATUS_LEAD = re.compile(
    r"^(已完成|已整改完成|已完成整改|已整改到位|整改完成|正在整改|正在推进|整改中|基本完成|"
    r"长期坚持|持续整改|持续推进)[。；，]"
)
# A sentence that only states a status (该问题已整改完成。目前正在推进。)
STATUS_SENTENCE = re.compile(
    r"^(?:(?:目前|现|截至目前|该问题|此问题|上述问题|此项|该项|该项问题|问题)[，]?)*(?:已)?(?:全部)?"
    r"(已整改完成|已完成整改|整改已完成|已完成|已整改到位|已办结|已销号|正在推进|正在整改|持续推进|"
    r"基本完成整改|基本完成|长期坚持|需长期坚持)[。！]?$"
)
# How far into a response an inline status label is looked for.
STATUS_LABEL_WINDOW = 40

# --- the end of the problem list --------------------------------------------------------------

# Lines that end the problem list. 下一步/今后 are not here: responses use them too.
CLOSING_LINE = re.compile(
    r"^(欢迎|如有意见|联系方式|联系电话|特此通报|附件|（?责任编辑|【?打印|【?关闭)"
)
# Characters a complete last sentence ends with; anything else means the text was cut off.
SENTENCE_END = tuple("。！？…”」』）)]；|")  # | closes a table row
CONTACT_LINE = re.compile(r"电话|邮箱|地址|联系")

# --- declared counts ------------------------------------------------------------------------

# 3个方面25项具体问题 / 共12个问题
DECLARED_PROBLEMS = re.compile(
    rf"(?:(?P<aspects>{NUMERAL})个方面)?(?:共(?:计)?)?(?P<n>{NUMERAL})(?:项|个|条)(?:具体)?(?:反馈)?问题"
)
# 共反馈问题3个
DECLARED_PROBLEMS_AFTER = re.compile(
    rf"(?:反馈|指出)(?:具体)?问题(?:共(?:计)?)?(?:(?P<aspects>{NUMERAL})个方面)?(?P<n>{NUMERAL})(?:项|个|条)"
)
# A notice that says it reports only its main problems (现将主要问题整改情况通报如下) is not
# short of its declared count.
MAIN_PROBLEMS_ONLY = re.compile(r"(?:主要|重点|部分|典型)问题(?:的)?整改(?:落实|进展)?情况")
# After the problems, only a count of all of them (反馈的10个问题中，已完成整改6个) declares.
DECLARED_PROBLEMS_TOTAL = re.compile(rf"(?:反馈|指出)的(?P<n>{NUMERAL})(?:项|个|条)(?:具体)?问题中")
DECLARED_ASPECTS = re.compile(rf"(?P<aspects>{NUMERAL})个方面(?:的)?问题")
DECLARED_MEASURES = re.compile(
    rf"(?P<n>{NUMERAL})(?:条|项)(?:具体)?整改措施|整改措施(?:共)?(?P<n2>{NUMERAL})(?:条|项)"
)
# A sentence counting what was already done is not a declaration of problems found.
PROGRESS_COUNT = re.compile(r"已整改|正在|整改到位|已完成")
