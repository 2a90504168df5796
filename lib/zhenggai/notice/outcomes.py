"""What rectification produced: the results a notice reports, one per sentence and verb.

Each response is cut into clauses, and a clause yields a result when it holds a verb of one
kind and passes that kind's test. Precision matters more than recall:

- discipline (约谈, 诫勉, 党纪处分…): the clause counts people or cases, or says it was done
  (已, 了, 共, 累计);
- money (追回, 退回, 收回…): the clause names money (费用, 款项, 资金, …元) and no
  achievement (筹集, 捐赠, 投入, 奖励…): raising funds for poor areas is not money recovered;
- rules (制定, 修订, 出台, 废止…): the verb is followed by a named document 《…》, one
  result per document;
- personnel (停发, 免职, 调整岗位…): counted or done.

A clause that announces a plan (将, 拟, 计划…) yields nothing, nor does a verb inside a
document's name (《约谈制度》). Numbers keep their printed form; 70余人次 is 70 and approximate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Line, Problem
from zhenggai.text.numerals import read_numeral

_CLAUSE = re.compile(r"[^。；]+")
_SCALE = {"万": 10_000, "亿": 100_000_000, None: 1}
_VERB = {kind: re.compile(verbs) for kind, verbs in v.OUTCOME_VERBS}
_ANY_VERB = re.compile("|".join(verbs for _, verbs in v.OUTCOME_VERBS)
                       + "|" + v.MONEY_RESOLVED_VERBS.pattern)  # most clauses have none
MAX_GAP = 6  # characters between a verb (or a document) and the next document it governs


@dataclass(frozen=True)
class Outcome:
    """One result of rectification, with the sentence it was read from."""

    problem_seq: int | None  # None when reported outside any problem
    kind: str  # discipline / money / rules / personnel
    action: str  # the verb as printed
    count: int | None
    count_unit: str
    approximate: bool
    amount_yuan: float | None
    object: str
    evidence: str
    as_printed: str


def _outside_documents(clause: str) -> str:
    """The clause with named documents blanked, so no verb is read inside a title."""
    return v.NAMED_DOCUMENT.sub(lambda m: "□" * len(m.group()), clause)


def _figures(segment: str, start: int) -> tuple[dict, str]:
    """The count and the amount of a segment, the count nearest after the verb."""
    found: dict = {"count": None, "count_unit": "", "approximate": False, "amount_yuan": None}
    printed = []
    count = v.COUNT.search(segment, start) or v.COUNT.search(segment)
    if count and (value := read_numeral(count.group("n"))) is not None:
        found.update(count=value, count_unit=count.group("unit"),
                     approximate=bool(count.group("approx")))
        printed.append(count.group())
    amount = v.AMOUNT.search(segment)
    if amount:
        found["amount_yuan"] = float(amount.group("n")) * _SCALE[amount.group("scale")]
        found["approximate"] = found["approximate"] or bool(amount.group("approx"))
        printed.append(amount.group())
    return found, "；".join(printed)


def _object(segment: str, end: int) -> str:
    rest = re.split(r"[，、：,]", segment[end:])[0].lstrip("了")
    count = v.COUNT.search(rest)
    if count and count.start() > 0 and not rest.startswith(("此", "这")):
        rest = rest[: count.start()]
    return rest.strip("了的和及并共") or segment[:end].strip()


def _passes(kind: str, clause: str, figures: dict) -> bool:
    """The kind's test on the whole clause (documents blanked)."""
    if v.NOT_AN_OUTCOME.search(clause):
        return False
    if kind == "money":
        return bool(v.MONEY_OBJECT.search(clause))
    return bool(v.DONE.search(clause)) or figures["count"] is not None


def _planned(searchable: str, start: int) -> bool:
    return bool(v.PLANNED.search(searchable[max(0, start - v.PLANNED_WINDOW): start]))


def _segments(clause: str) -> list[tuple[int, str]]:
    """The comma-separated parts of a clause, with where each starts."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^，,]+", clause)]


def _counted(seq: int | None, clause: str, searchable: str) -> list[Outcome]:
    found = []
    segments = _segments(searchable)
    for kind in ("discipline", "money", "personnel"):
        for offset, segment in segments:
            verbs = list(_VERB[kind].finditer(segment))
            # 追回…并退回国库 is one result: one money result per segment
            for verb in verbs[:1] if kind == "money" else verbs:
                if _planned(searchable, offset + verb.start()):
                    continue
                figures, printed = _figures(clause[offset: offset + len(segment)], verb.end())
                if _passes(kind, searchable, figures):
                    found.append(Outcome(seq, kind, verb.group(), figures["count"],
                                         figures["count_unit"], figures["approximate"],
                                         figures["amount_yuan"],
                                         _object(clause[offset: offset + len(segment)],
                                                 verb.end()), clause, printed))
    return found


def _resolved_money(seq: int | None, clause: str, searchable: str) -> list[Outcome]:
    verb = v.MONEY_RESOLVED_VERBS.search(searchable)
    amount = v.AMOUNT.search(clause)
    if not (verb and amount and v.IRREGULAR.search(searchable)) or v.NOT_AN_OUTCOME.search(
            searchable) or _planned(searchable, verb.start()):
        return []
    figures, printed = _figures(clause, verb.end())
    return [Outcome(seq, "money", verb.group(), None, "", figures["approximate"],
                    figures["amount_yuan"], _object(clause, verb.end()), clause, printed)]


def _rules(seq: int | None, clause: str, searchable: str) -> list[Outcome]:
    """One result per document the verb governs: the documents right after it, joined by
    、/和/及 or a few words (修订完善市文联《…》), not one named later in a plan, nor a rule
    someone else made (出台的《…》)."""
    verb = _VERB["rules"].search(searchable)
    if not verb or _planned(searchable, verb.start()) or clause[verb.end():][:1] == "的":
        return []
    found, anchor = [], verb.end()
    for doc in v.NAMED_DOCUMENT.finditer(clause, verb.end()):
        gap = clause[anchor: doc.start()]
        if len(gap) > MAX_GAP or re.search(r"[，,。；]", gap):
            break
        found.append(Outcome(seq, "rules", verb.group(), None, "", False, None, doc.group(),
                             clause, doc.group()))
        anchor = doc.end()
    return found


def outcomes_of(seq: int | None, text: str) -> list[Outcome]:
    """The results one response (or passage) reports."""
    found: list[Outcome] = []
    for clause_match in _CLAUSE.finditer(text):
        clause = clause_match.group().strip()
        if not _ANY_VERB.search(clause):
            continue
        searchable = _outside_documents(clause)
        counted = _counted(seq, clause, searchable)
        if not any(o.kind == "money" for o in counted):
            counted += _resolved_money(seq, clause, searchable)
        found += counted + _rules(seq, clause, searchable)
    return found


def find_outcomes(problems: list[Problem], body: list[Line] | None = None) -> list[Outcome]:
    """Every result the notice reports, in order: those outside any problem (a summary of
    the whole rectification) first, then each problem's response and result."""
    used = {n for p in problems for n in (p.line, *p.response_lines)}
    outside = [line.text for line in body or [] if line.number not in used
               and not line.text.startswith("|") and not v.CLOSING_LINE.match(line.text)]
    found = [o for text in outside for o in outcomes_of(None, text)]
    return found + [o for p in problems
                    for o in outcomes_of(p.seq, "\n".join(filter(None, (p.response, p.result))))]
