"""The structure of a rectification notice: title, framing, dates, problems and responses.

A notice (巡视/巡察整改情况的通报) has a title naming the issuing party group, a framing
paragraph saying when the inspection ran and when the team fed back, then problems with what
was done about each. Problems are recognised by the genre's general forms, never by unit:

- an explicit introduction: 具体问题：…, 存在问题：…, 问题一：…, 关于“…”问题…, 针对“…”的问题…;
- any numbered item ((一), 1., 1、, ①) that is followed by a response label (整改情况：…).

Headings ((一)…, 一、…) that are not problems are the sections problems stand under; a heading
that names a status (已完成整改的问题, 正在推进整改的问题, 需要长期坚持整改的问题) gives that
status to the problems under it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from zhenggai.notice.measures import Measure, split_measures
from zhenggai.text import dates as dates_mod
from zhenggai.text.clean import normalise_line, remove_artefacts

_CN = "〇零一二三四五六七八九十百"
_NUM = rf"(?:\d+|[{_CN}]+)"
_MARKER = rf"(?:{_NUM}[\.、．]|（{_NUM}）|[①-⑳])"
_TITLE = re.compile(r"(巡视|巡察).{0,20}整改|整改.{0,30}(通报|公告|报告|公示|公开|情况)")
_TYPED_TITLE = re.compile(r"整改.*(通报|公告|报告|公示|公开)")
_EXPLICIT = re.compile(
    rf"^(?P<num>{_MARKER})?\s*(?P<intro>具体问题|存在问题|反馈问题|问题\s*(?P<qn>{_NUM})?)\s*[：:]\s*(?P<rest>.+)$"
)
_QUOTED_INTRO = re.compile(rf"^(?P<num>{_MARKER})?\s*(?P<intro>关于|针对)(?=“)")
_GENERIC = re.compile(rf"^(?P<num>{_MARKER})\s*(?P<rest>.+)$")
_RESPONSE_LABEL = re.compile(
    r"(?:整改(?:落实)?情况|整改措施(?:及(?:阶段性)?成效)?|整改结果(?:及成效)?|整改成效|"
    r"整改进展(?:情况)?|进展情况|落实情况|完成情况)\s*[：:]"
)
_FRAME_REST = re.compile(r"^(?:的)?(?:整改(?:落实)?(?:情况|进展情况|进展)?)?\s*[。：，；]?\s*")
_CHAPTER = re.compile(rf"^(?:[{_CN}]+、|第[{_CN}]+部分)\s*(?P<text>.+)$")
_SECTION = re.compile(rf"^（[{_CN}]+）\s*(?P<text>.+)$")
_STATUS = (
    ("long_term", re.compile(r"长期|久久为功|常态化|持续(?:坚持|整改|推进)")),
    ("in_progress", re.compile(r"正在|推进中|未完成|基本完成|阶段性")),
    ("completed", re.compile(r"已(?:经)?(?:完成|整改|办结|销号)|整改完成|完成整改|整改到位")),
)
_STATUS_LABEL = re.compile(
    r"[（(【](已完成|已整改|已整改完成|已完成整改|正在整改|整改中|基本完成|长期坚持|持续整改)[）)】]"
    r"|(?:整改状态|完成情况|整改进度)[：:]\s*(已完成|已整改|正在整改|整改中|基本完成|长期坚持|持续整改)"
)
# Lines that end the problem list. 下一步/今后 are not here: responses use them too.
# A response that opens with its status (整改进展：已完成。一是…).
_STATUS_LEAD = re.compile(
    r"^(已完成|已整改完成|已完成整改|已整改到位|整改完成|正在整改|正在推进|整改中|基本完成|"
    r"长期坚持|持续整改|持续推进)[。；，]"
)
_CLOSING = re.compile(
    r"^(欢迎|如有意见|联系方式|联系电话|特此通报|附件|（?责任编辑|【?打印|【?关闭)"
)
_MEASURE_START = re.compile(
    rf"^(?:[{_CN}]+是|第[{_CN}]+[，、]|（\d+）|[①-⑳]|\d+[\.、])"
)
_TERMINAL = tuple("。！？…”」』）)]；")
_TEAM = re.compile(
    # an optional place name (湖南省委, 长沙市委) before the committee; no dates or verbs
    r"(?P<team>(?P<body>中央|[^\W\d_年月日度了对向由经据的]{0,6}?"
    r"(?:省委|市委|地委|区委|县委|州委|盟委|旗委|党委|党组))"
    rf"(?:第{_NUM})?(?:专项)?(?P<kind>巡视|巡察)(?:组|工作组))"
)
_COMMITTEE = re.compile(r"(中央|省委|自治区党委|市委|地委|州委|盟委|区委|县委|旗委)")
_ROUND = re.compile(rf"((?:{_NUM}届)?(?:[省市区县州旗]委|自治区党委)?第{_NUM}轮)")
_MODE = re.compile(r"(常规|专项|政治|机动|提级|联动|交叉|巡察“回头看”|“回头看”)(?:巡视|巡察)?")
_PUBLICATION_LINE = re.compile(r"(发布时间|发布日期|发文日期|发表时间|时间|日期)[：:]")
_SOURCE_LINE = re.compile(
    r"来源[：:]\s*(?P<source>.+?)(?=\s*(?:发布|时间|日期|作者|阅读|浏览|点击|字号|$))"
)
_DECLARED_PROBLEMS = re.compile(
    rf"(?:(?P<aspects>{_NUM})个方面)?(?:共(?:计)?)?(?P<n>{_NUM})(?:项|个|条)(?:具体)?(?:反馈)?问题"
)
_DECLARED_PROBLEMS_AFTER = re.compile(  # 共反馈问题3个
    rf"(?:反馈|指出)(?:具体)?问题(?:共(?:计)?)?(?P<n>{_NUM})(?:项|个|条)"
)
_DECLARED_ASPECTS = re.compile(rf"(?P<aspects>{_NUM})个方面(?:的)?问题")
_DECLARED_MEASURES = re.compile(
    rf"(?P<n>{_NUM})(?:条|项)(?:具体)?整改措施|整改措施(?:共)?(?P<n2>{_NUM})(?:条|项)"
)
_ISSUER_SUFFIX = re.compile(r"(党组|党委|党总支|党支部|机关党委)$")
# The issuer opens the title: everything before 关于, or before the inspection's name when
# the title has no 关于 (中共某县文联党组巡察整改情况通报).
_TITLE_ISSUER = re.compile(
    r"^(.*?)关于|^(.*?(?:党组|党委|党总支|党支部))(?=.*?(?:巡视|巡察))"
)
_DUPLICATED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")


class NotANotice(ValueError):
    """Text that reads as something other than a rectification notice."""


@dataclass
class Line:
    number: int  # 1-based line number in the file's text
    original: str
    text: str  # analysed form (see zhenggai.text)


@dataclass
class DateRecord:
    event: str  # inspection_start / inspection_end / feedback / publication / other
    date: str  # ISO, "" when the printed date cannot be completed
    year_inferred: bool
    as_printed: str
    evidence: str
    line: int
    note: str = ""


@dataclass
class Problem:
    seq: int
    number_as_printed: str
    section: str
    problem: str
    response: str
    status: str
    line: int
    measures: list[Measure] = field(default_factory=list)


@dataclass
class Notice:
    notice_id: str
    title: str
    issuer: str
    unit: str
    published_by: str
    inspection_kind: str
    inspecting_body: str
    team: str
    round: str
    inspection_mode: str
    n_problems_declared: int | None
    n_sections_declared: int | None
    n_measures_declared: int | None
    n_chars: int
    dates: list[DateRecord]
    problems: list[Problem]
    warnings: list[str]
    cleaning_notes: list[str]


def _int(token: str | None) -> int | None:
    if not token:
        return None
    if token.isdigit():
        return int(token)
    import cn2an

    try:
        return int(cn2an.cn2an(token, "normal"))
    except ValueError:
        return None


def _lines(text: str) -> tuple[list[Line], list[str]]:
    """Non-empty lines with their analysed form, and notes on artefacts removed."""
    lines, notes = [], []
    for number, original in enumerate(text.split("\n"), start=1):
        _, artefacts = remove_artefacts(original)
        notes += [f"removed {a} (line {number})" for a in artefacts]
        analysed = normalise_line(original)
        if analysed:
            lines.append(Line(number, original.strip(), analysed))
    return lines, notes


def _find_title(lines: list[Line]) -> int | None:
    """The first title-like line near the top; numbered lines (a table of contents) are not
    titles, and a line naming the document type (通报, 报告…) wins over one that does not."""
    candidates = [
        i for i, line in enumerate(lines[:40])
        if len(line.text) <= 100 and _TITLE.search(line.text) and "。" not in line.text[:-1]
        and not re.match(_MARKER, line.text)
    ]
    typed = [i for i in candidates if _TYPED_TITLE.search(lines[i].text)]
    return (typed or candidates or [None])[0]


def _sentence(line: Line, position: int) -> str:
    """The original-wording sentence of `line` holding analysed character `position`."""
    ends = "。！？!?"
    k = sum(1 for c in line.text[:position] if c in ends)
    parts = re.split(r"(?<=[。！？!?])", line.original)
    parts = [p for p in parts if p]
    analysed_parts = [p for p in re.split(r"(?<=[。！？!?])", line.text) if p]
    if len(parts) == len(analysed_parts) and k < len(parts):
        return parts[k].strip()
    return line.original


def parse_notice(text: str) -> Notice:
    """Parse the text of one notice. Raises NotANotice for text of another genre."""
    lines, cleaning_notes = _lines(text)
    if not lines:
        raise NotANotice("empty text")
    title_at = _find_title(lines)
    has_inspection = any(re.search(r"巡视|巡察", line.text) for line in lines[:60])
    if title_at is None or not has_inspection:
        raise NotANotice(
            "not a rectification notice: no title announcing 巡视/巡察整改 "
            "(…整改情况的通报) was found near the top"
        )

    head_lines, lines = lines[:title_at], lines[title_at:]
    title_line = lines[0]
    title, issuer, head_lines = _title_and_issuer(title_line.text, head_lines, cleaning_notes)
    warnings: list[str] = []

    framing_at = next(
        (i for i, line in enumerate(lines[1:8], start=1)
         if re.search(r"巡视|巡察", line.text) and dates_mod.find_dates(line.text)),
        None,
    )
    if framing_at is None:
        framing_at = next((i for i, line in enumerate(lines[1:8], start=1)
                           if re.search(r"巡视|巡察", line.text)), 1)
        warnings.append("no dated framing paragraph (inspection and feedback dates) found")
    framing = lines[framing_at] if framing_at < len(lines) else title_line
    header = head_lines + lines[1:framing_at]

    signature_at, signature_issuer = _signature(lines)
    if not issuer and signature_issuer:
        issuer = signature_issuer
    unit = _ISSUER_SUFFIX.sub("", re.sub(r"^中共", "", issuer))

    # The feedback may stand in the paragraph after the inspection's (两段式 framing).
    framing_lines = [framing]
    follow = lines[framing_at + 1] if framing_at + 1 < len(lines) else None
    if follow is not None and "反馈" in follow.text and dates_mod.find_dates(follow.text) \
            and "反馈" not in framing.text and not _problem_header(follow.text):
        framing_lines.append(follow)
    date_records = _framing_dates(framing_lines)
    date_records += _publication_dates(header, lines, signature_at, date_records)

    inspection = _inspection_details(title, framing.text)
    published_by = next((m.group("source") for line in header
                         if (m := _SOURCE_LINE.search(line.text))), "")

    body_start = framing_at + len(framing_lines)
    body = lines[body_start: signature_at if signature_at is not None else len(lines)]
    problems = _problems(body)
    if not problems and (family := _unlabelled_family(body)):
        problems = _problems(body, unlabelled=family)
    all_text = "\n".join(line.text for line in lines)
    declared = _declared_counts(lines, problems)

    if not problems:
        if not _TYPED_TITLE.search(title):
            raise NotANotice(
                "not a rectification notice: no problems with responses were found and the "
                f"title ('{title[:40]}') announces no notice (…整改情况的通报)"
            )
        warnings.append("no problems found: the notice's problem list was not recognised")
    warnings += _quality_warnings(problems, declared[0], body, date_records, issuer)
    digest = hashlib.sha256(all_text.encode("utf-8")).hexdigest()[:12]
    return Notice(
        notice_id=digest,
        title=title,
        issuer=issuer,
        unit=unit,
        published_by=published_by,
        **inspection,
        n_problems_declared=declared[0],
        n_sections_declared=declared[1],
        n_measures_declared=declared[2],
        n_chars=sum(len(re.sub(r"\s", "", line.text)) for line in lines),
        dates=date_records,
        problems=problems,
        warnings=warnings,
        cleaning_notes=cleaning_notes,
    )


def _title_and_issuer(title: str, head_lines: list[Line], cleaning_notes: list[str]
                      ) -> tuple[str, str, list[Line]]:
    """The title (joined when set on two lines, a repeated word in the issuer removed), the
    issuer it opens with, and the lines before it that remain."""
    if title.startswith("关于") and head_lines and _ISSUER_SUFFIX.search(head_lines[-1].text) \
            and len(head_lines[-1].text) <= 40:
        # the title set on two lines: 中共…党组 / 关于…的通报
        title = head_lines[-1].text + title
        head_lines = head_lines[:-1]
        cleaning_notes.append("title: joined the issuer's line to the title line")
    match = _TITLE_ISSUER.match(title)
    issuer = next((g for g in match.groups() if g), "") if match else ""
    repaired = _DUPLICATED.sub(r"\1", issuer)
    if repaired != issuer:
        cleaning_notes.append(f"title: repeated word removed ('{issuer}' → '{repaired}')")
        title = repaired + title[len(issuer):]
        issuer = repaired
    if head_lines:
        cleaning_notes.append(f"dropped {len(head_lines)} line(s) before the title "
                              "(table of contents or page header)")
    return title, issuer.replace(" ", ""), head_lines


def _inspection_details(title: str, framing: str) -> dict[str, str]:
    """Kind (巡视/巡察), inspecting body, team, round and mode, from the title and framing."""
    team = _TEAM.search(framing)
    kind = next((k for k in ("巡察", "巡视") if k in title), "")
    if not kind:
        kind = team.group("kind") if team else next(
            (k for k in ("巡察", "巡视") if k in framing), "")
    body = _COMMITTEE.search(team.group("team") if team else framing)
    round_ = _ROUND.search(title) or _ROUND.search(framing)
    mode = _MODE.search(framing) or _MODE.search(title)
    return {
        "inspection_kind": kind,
        "inspecting_body": body.group(1) if body else "",
        "team": team.group("team") if team else "",
        "round": round_.group(1) if round_ else "",
        "inspection_mode": mode.group(1).strip("“”") if mode else "",
    }


def _quality_warnings(problems: list[Problem], declared: int | None, body: list[Line],
                      dates: list[DateRecord], issuer: str) -> list[str]:
    """What a researcher should know is missing or incomplete."""
    warnings = []
    if declared is not None and len(problems) < declared:
        warnings.append(f"extracted {len(problems)} of {declared} declared problems")
    last = body[-1].text if body else ""
    if last and not last.endswith(_TERMINAL) and not re.search(r"电话|邮箱|地址|联系", last):
        warnings.append(f"text ends mid-sentence ('…{last[-12:]}'): the notice appears truncated")
    events = {d.event for d in dates if d.date}
    for event, label in (("inspection_start", "inspection start"),
                         ("inspection_end", "inspection end"), ("feedback", "feedback")):
        if event not in events:
            warnings.append(f"no {label} date found")
    if not issuer:
        warnings.append("no issuing party group found in the title or signature")
    return warnings


# --- dates of the framing paragraph, header and signature -----------------------------------

def _framing_dates(framing_lines: list[Line]) -> list[DateRecord]:
    """Classify each date of the framing paragraph(s) by the words that follow (or precede)
    it; a date without a year is resolved against the date before it."""
    records: list[DateRecord] = []
    state = {"reference": None, "inspection": False, "feedback": False}
    for framing in framing_lines:
        records += _framing_line_dates(framing, state)
    return records


def _framing_line_dates(framing: Line, state: dict) -> list[DateRecord]:
    found = dates_mod.find_dates(framing.text)
    records: list[DateRecord] = []
    reference = state["reference"]
    have_inspection, have_feedback = state["inspection"], state["feedback"]
    for i, expr in enumerate(found):
        if expr.first.day is None:
            continue  # a month alone (6月前) is not a date we can place
        following = framing.text[expr.end: found[i + 1].start if i + 1 < len(found) else None]
        following = re.split(r"[。；]", following)[0]
        previous_end = found[i - 1].end if i > 0 else 0
        preceding = re.split(r"[。；]", framing.text[previous_end: expr.start])[-1]
        evidence = _sentence(framing, expr.start)
        first, inferred = expr.first.resolve(reference)
        note = "日 missing" if expr.first.day_marker_missing else ""
        if expr.is_range and not have_inspection:
            assert expr.second is not None
            second, inferred2 = expr.second.resolve(first)
            records.append(DateRecord("inspection_start", dates_mod.iso(first), inferred,
                                      expr.text, evidence, framing.number, note))
            note2 = "日 missing" if expr.second.day_marker_missing else ""
            records.append(DateRecord("inspection_end", dates_mod.iso(second), inferred2,
                                      expr.text, evidence, framing.number, note2))
            have_inspection = True
            reference = second or first
            continue
        context = following + "|" + preceding
        if not have_feedback and "反馈" in context and "整改" not in following[:12]:
            event = "feedback"
            have_feedback = True
        elif not have_inspection and "进驻" in context:
            event = "inspection_start"
        else:
            event = "other"
        records.append(DateRecord(event, dates_mod.iso(first), inferred, expr.text, evidence,
                                  framing.number, note))
        reference = first or reference
    state.update(reference=reference, inspection=have_inspection, feedback=have_feedback)
    return records


def _signature(lines: list[Line]) -> tuple[int | None, str]:
    """Index of the signature block (issuer and/or date at the end) and the issuer it names."""
    for i in range(len(lines) - 1, max(len(lines) - 7, 0), -1):
        text = lines[i].text
        found = dates_mod.find_dates(text)
        dated = bool(found) and found[-1].end >= len(text) - 1 and found[-1].first.day
        before = text[: found[-1].start].strip() if dated else ""
        # a date alone, or after the issuer's name (not 整改时限：2023年12月31日)
        if dated and len(text) <= 60 and (not before or _ISSUER_SUFFIX.search(before)):
            issuer = before
            if not issuer and i > 0 and _ISSUER_SUFFIX.search(lines[i - 1].text) \
                    and len(lines[i - 1].text) <= 40:
                return i - 1, lines[i - 1].text
            return i, issuer
    return None, ""


def _publication_dates(header: list[Line], lines: list[Line], signature_at: int | None,
                       framing: list[DateRecord]) -> list[DateRecord]:
    """The header's publication line (发布时间…) and the date under the signature."""
    records: list[DateRecord] = []
    reference = max((dates_mod.dt.date.fromisoformat(r.date) for r in framing if r.date),
                    default=None)
    for line in header:
        label = _PUBLICATION_LINE.search(line.text)
        found = dates_mod.find_dates(line.text[label.end():]) if label else []
        if found and found[0].first.day:
            date, inferred = found[0].first.resolve(reference)
            records.append(DateRecord("publication", dates_mod.iso(date), inferred,
                                      found[0].text, line.original, line.number))
            break
    if signature_at is not None:
        for line in lines[signature_at: signature_at + 2]:
            found = dates_mod.find_dates(line.text)
            if found and found[-1].first.day:
                date, inferred = found[-1].first.resolve(reference)
                event = "other" if records else "publication"
                note = "signature date" if records else "date under the signature"
                records.append(DateRecord(event, dates_mod.iso(date), inferred, found[-1].text,
                                          line.original, line.number, note))
                break
    return records


# --- problems --------------------------------------------------------------------------------

@dataclass
class _Header:
    number: str
    statement: str
    rest: str  # response text on the header line itself
    needs_label: bool = False  # generic numbered item: a problem only if a label follows


def _balanced_quote(text: str, start: int) -> tuple[str, int] | None:
    """The quoted problem “…” opening at `start` (nested quotes allowed) and the end of the
    following 问题/的问题, or None."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "“":
            depth += 1
        elif text[i] == "”":
            depth -= 1
            if depth == 0:
                tail = re.match(r"(?:的|等)?问题", text[i + 1:])
                if tail:
                    return text[start + 1: i], i + 1 + tail.end()
                if i + 1 < len(text) and text[i + 1] not in "、和及与“":
                    return None
    return None


def _problem_header(text: str) -> _Header | None:
    quoted = _QUOTED_INTRO.match(text)
    if quoted:
        found = _balanced_quote(text, quoted.end())
        if found:
            statement, end = found
            rest = _FRAME_REST.sub("", text[end:], count=1)
            return _Header((quoted.group("num") or "").strip(), statement, rest)
    explicit = _EXPLICIT.match(text)
    if explicit:
        number = (explicit.group("num") or "") + (
            explicit.group("intro") if explicit.group("qn") else "")
        statement, rest = _split_label(explicit.group("rest"))
        return _Header(number.strip() or explicit.group("intro"), statement, rest)
    generic = _GENERIC.match(text)
    if generic:
        statement, rest = _split_label(generic.group("rest"))
        return _Header(generic.group("num"), statement, rest, needs_label=not rest)
    return None


def _split_label(text: str) -> tuple[str, str]:
    """Split '问题陈述。整改情况：措施' into statement and response."""
    label = _RESPONSE_LABEL.search(text)
    if label:
        return text[: label.start()].strip(), text[label.end():].strip()
    return text.strip(), ""


def _heading(text: str) -> tuple[str, str] | None:
    """('chapter' | 'section', heading text) for a short heading line, else None."""
    for level, pattern in (("chapter", _CHAPTER), ("section", _SECTION)):
        match = pattern.match(text)
        if match and len(text) <= 60 and "。" not in text[:-1]:
            return level, match.group("text").rstrip("。")
    return None


def _status_of(heading: str) -> str:
    if not re.search(r"问题|事项|任务|整改", heading):
        return ""
    for status, pattern in _STATUS:
        if pattern.search(heading):
            return status
    return ""


def _family(marker: str) -> str:
    """The numbering family of a marker: cn (一、), paren_cn (（一）), arabic (1. 1、),
    paren_arabic (（1）), circled (①)."""
    if re.match(r"[①-⑳]", marker):
        return "circled"
    if marker.startswith("（"):
        return "paren_arabic" if re.search(r"\d", marker) else "paren_cn"
    return "arabic" if re.match(r"\d", marker) else "cn"


_FAMILY_DEPTH = {"cn": 0, "paren_cn": 1, "arabic": 2, "paren_arabic": 3, "circled": 4}
_PROBLEM_CHAPTER = re.compile(r"问题|整改落实|落实情况|整改情况|反馈意见|整改进展")


def _in_problem_chapters(body: list[Line]) -> list[bool]:
    """Which lines stand in a chapter about the problems (all lines when there are none)."""
    chapters = [_heading(line.text) for line in body]
    if not any(h and h[0] == "chapter" for h in chapters):
        return [True] * len(body)
    inside, flags = False, []
    for heading in chapters:
        if heading and heading[0] == "chapter":
            inside = bool(_PROBLEM_CHAPTER.search(heading[1]))
        flags.append(inside)
    return flags


def _is_response_text(text: str) -> bool:
    return bool(text) and not _problem_header(text) and not _heading(text) \
        and not _CLOSING.match(text)


def _accepted_headers(body: list[Line], unlabelled: str | None) -> list[_Header | None]:
    """Problem headers of the body. A generic numbered item counts when a response label
    follows it, or, with `unlabelled` set to a numbering family, when an item of that family
    in a problem chapter is followed by response text (then its first sentence is the
    problem and the rest of the line the start of the response)."""
    headers = [_problem_header(line.text) for line in body]
    region = _in_problem_chapters(body) if unlabelled else []
    for i, header in enumerate(headers):
        if header is None or not header.needs_label:
            continue
        following = body[i + 1].text if i + 1 < len(body) else ""
        if _RESPONSE_LABEL.match(following):
            continue
        statement, _, rest = header.statement.partition("。")
        if unlabelled and region[i] and _family(header.number) == unlabelled and (
                _is_response_text(following) or len(rest) >= 10):
            headers[i] = _Header(header.number, statement, rest.strip())
        else:
            headers[i] = None
    return headers


def _unlabelled_family(body: list[Line]) -> str | None:
    """For notices with neither explicit nor labelled problems: the numbering family whose
    items are most often followed by response text (ties: the deeper family), if any."""
    region = _in_problem_chapters(body)
    scores: dict[str, int] = {}
    for i, line in enumerate(body):
        header = _problem_header(line.text)
        if not (header and header.needs_label and region[i]):
            continue
        following = body[i + 1].text if i + 1 < len(body) else ""
        if _is_response_text(following) or len(header.statement.partition("。")[2]) >= 10:
            family = _family(header.number)
            scores[family] = scores.get(family, 0) + 1
    if not scores:
        return None
    return max(scores, key=lambda f: (scores[f], _FAMILY_DEPTH[f]))


def _problems(body: list[Line], unlabelled: str | None = None) -> list[Problem]:
    """Walk the body: headings set section and status, problem headers open a problem."""
    problems: list[Problem] = []
    chapter = section = status = ""
    current: Problem | None = None
    continuation: list[int] = []  # continuation lines per finished problem
    extra = 0
    headers = _accepted_headers(body, unlabelled)
    last_header = max((i for i, h in enumerate(headers) if h), default=-1)
    for i, line in enumerate(body):
        text = line.text
        header = headers[i]
        heading = None if header else _heading(text)
        if header:
            if current is not None:
                continuation.append(extra)
            current = Problem(
                seq=len(problems) + 1, number_as_printed=header.number,
                section=section or chapter,
                problem=header.statement.rstrip("。；，"), response=header.rest,
                status=status, line=line.number,
            )
            problems.append(current)
            extra = 0
            continue
        if heading:
            level, heading_text = heading
            if level == "chapter":
                chapter, section = heading_text, ""
                status = _status_of(heading_text)
            else:
                section = heading_text
                status = _status_of(heading_text) or _status_of(chapter)
            if current is not None:
                continuation.append(extra)
            current = None
            continue
        if current is None:
            continue
        if _CLOSING.match(text):
            continuation.append(extra)
            current = None
            continue
        # the last problem keeps no more continuation lines than the others have
        if continuation and extra >= max(continuation) and i > last_header \
                and not _MEASURE_START.match(text):
            current = None
            continue
        extra += 1
        label = _RESPONSE_LABEL.match(text)
        addition = text[label.end():].strip() if label and not current.response else text
        current.response = (current.response + "\n" + addition).strip() if addition else \
            current.response
    for problem in problems:
        inline = _STATUS_LABEL.search(problem.problem) or _STATUS_LABEL.search(
            problem.response[:40]) or _STATUS_LEAD.match(problem.response)
        if inline:
            label = next(g for g in inline.groups() if g)
            problem.status = problem.status or next(s for s, p in _STATUS if p.search(label))
            # the label is not part of the problem's wording
            problem.problem = _STATUS_LABEL.sub("", problem.problem).rstrip("。；，")
        problem.measures = split_measures(problem.response)
    return problems


def _declared_counts(lines: list[Line], problems: list[Problem]) -> tuple[int | None, ...]:
    """Declared numbers of problems, of problem areas (方面) and of measures."""
    first_problem = problems[0].line if problems else None
    n_problems = n_aspects = n_measures = None
    for line in lines:
        if first_problem is not None and line.number >= first_problem:
            break
        if _heading(line.text):
            continue  # section headings carry per-section counts: (7个问题)
        for sentence in re.split(r"[。；]", line.text):
            if n_problems is None and not re.search(r"已整改|正在|整改到位|已完成", sentence):
                match = _DECLARED_PROBLEMS.search(sentence) or \
                    _DECLARED_PROBLEMS_AFTER.search(sentence)
                if match:
                    n_problems = _int(match.group("n"))
                    n_aspects = n_aspects or _int(match.groupdict().get("aspects"))
            if n_aspects is None:
                match = _DECLARED_ASPECTS.search(sentence)
                n_aspects = _int(match.group("aspects")) if match else None
            if n_measures is None:
                match = _DECLARED_MEASURES.search(sentence)
                n_measures = _int(match.group("n") or match.group("n2")) if match else None
    return n_problems, n_aspects, n_measures
