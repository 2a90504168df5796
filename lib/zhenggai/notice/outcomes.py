"""What rectification produced: the results a notice reports, one row per statement and act.

Each passage is cut into clauses (at 。 and ；) and each clause into segments (at ，). A
segment yields a result when it holds a verb of one kind and passes that kind's test.
Precision matters more than recall:

- discipline (约谈, 诫勉谈话, 党内警告处分, 立案审查, 移送问题线索…): the act is counted (3人,
  12人次, 2件) or done to someone (对…进行, 给予…); a routine practice (常态化开展提醒谈话) and
  the 约谈 of a contractor are not results;
- money (追回, 收回, 清退, 追缴, 补缴, 退还…): a stated amount follows the verb (3.47万元,
  1.26亿元, 580万余元); raising or spending money (筹集, 投入) is an achievement, not this;
- rules: a named document 《…》 made, revised or abolished (no count: nothing is counted), or
  a counted batch (制定修订制度12项: count 12; 《…》等制度5项 is the batch alone); a plan
  (《…整改方案》) is no rule;
- personnel (免职, 交流轮岗, 岗位调整, 调整充实, 停发…): counted people, or done to someone.

A clause that announces a plan (将, 拟, 计划…) yields nothing, nor does a verb inside a
document's name (《约谈制度》). Counts are of people or cases; a money row has no count.
Amounts are exact: decimal arithmetic, rounded to the fen (70余人次 is 70, approximate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import Line, Problem
from zhenggai.text.numerals import read_numeral

_CLAUSE = re.compile(r"[^。；\n]+")
_SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000), None: Decimal(1)}
_VERB = {kind: re.compile(verbs) for kind, verbs in v.OUTCOME_VERBS}
_ANY_VERB = re.compile("|".join(verbs for _, verbs in v.OUTCOME_VERBS) + "|"
                       + v.RULE_VERBS.pattern + "|" + v.MONEY_RESOLVED_VERBS.pattern)
_MONEY_OR_RESOLVED = re.compile(_VERB["money"].pattern + "|" + v.MONEY_RESOLVED_VERBS.pattern)
MAX_GAP = 6  # characters between a verb (or a document) and the next document it governs
FEN = Decimal("0.01")


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


def amount_in_yuan(number: str, scale: str | None) -> float:
    """An amount as printed (3.47, 万) in yuan, exact to the fen: 34700.0, never 34700.000001."""
    return float((Decimal(number) * _SCALE[scale]).quantize(FEN))


def _outside_documents(clause: str) -> str:
    """The clause with named documents blanked, so no verb is read inside a title."""
    return v.NAMED_DOCUMENT.sub(lambda m: "□" * len(m.group()), clause)


def _planned(text: str, start: int) -> bool:
    return bool(v.PLANNED.search(text[max(0, start - v.PLANNED_WINDOW): start]))


def _segments(clause: str) -> list[tuple[int, str]]:
    """The comma-separated parts of a clause, with where each starts."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^，,]+", clause)]


def _count_after(segment: str, start: int, end: int) -> re.Match[str] | None:
    count = v.COUNT.search(segment, start, end)
    return count if count and read_numeral(count.group("n")) is not None else None


def _people_before(text: str) -> re.Match[str] | None:
    """The last count of people in a text (对…的2名干部)."""
    found = [m for m in v.COUNT.finditer(text) if m.group("unit") in v.PERSON_UNITS
             and read_numeral(m.group("n")) is not None]
    return found[-1] if found else None


def _acts(seq: int | None, kind: str, clause: str, searchable: str) -> list[Outcome]:
    """Discipline and personnel results: each verb counted, or done to someone."""
    found = []
    segments = _segments(searchable)
    for index, (offset, segment) in enumerate(segments):
        # 对…的2名干部，经…审理，给予政务处分: the people are named in an earlier segment
        opening = next((s for _, s in reversed(segments[:index]) if "对" in s[:6]), "")
        verbs = list(_VERB[kind].finditer(segment))
        for k, verb in enumerate(verbs):
            before = segment[: verb.start()]
            if _planned(searchable, offset + verb.start()) or \
                    (kind == "discipline" and (v.ROUTINE.search(segment)
                                               or v.THIRD_PARTY.search(before))):
                continue
            stop = verbs[k + 1].start() if k + 1 < len(verbs) else len(segment)
            count = _count_after(segment, verb.end(), stop) or _people_before(before) or \
                _people_before(opening)
            if v.NEEDS_PEOPLE.search(verb.group()) and not (
                    count and count.group("unit") in v.PERSON_UNITS):
                continue
            done = v.DONE_BEFORE.search(before) or segment[verb.end():].startswith("了")
            if not (count or done or v.ACT_FORM.search(before)
                    or v.SELF_ACT.match(verb.group())):
                continue
            if not count and (v.ROUTINE.search(searchable[: offset + verb.start()])
                              or v.STANDING_RULE.search(segment)):
                continue  # a practice (不定期抽查，对发现…的干部进行批评教育), not an act
            printed = count.group() if count else ""
            found.append(Outcome(
                seq, kind, verb.group(), read_numeral(count.group("n")) if count else None,
                count.group("unit") if count else "", bool(count and count.group("approx")),
                None, _object(clause[offset: offset + len(segment)], verb.end()), clause,
                printed))
    return found


def _money(seq: int | None, clause: str, searchable: str) -> list[Outcome]:
    """Money results: a verb with an amount after it in its segment (one per segment)."""
    found = []
    if v.NOT_AN_OUTCOME.search(searchable):
        return []
    for offset, segment in _segments(searchable):
        verb = _VERB["money"].search(segment)
        # 追回资金3万元, or 3万元资金已收回
        amount = (v.AMOUNT.search(segment, verb.end()) or v.AMOUNT.search(segment, 0,
                                                                            verb.start())) \
            if verb else None
        if not (verb and amount) or _planned(searchable, offset + verb.start()):
            continue
        found.append(Outcome(
            seq, "money", verb.group(), None, "",
            bool(amount.group("approx") or amount.group("approx2")),
            amount_in_yuan(amount.group("n"), amount.group("scale")),
            _object(clause[offset: offset + len(segment)], verb.end()), clause, amount.group()))
    return found


def _resolved_money(seq: int | None, clause: str, searchable: str) -> list[Outcome]:
    verb = v.MONEY_RESOLVED_VERBS.search(searchable)
    amount = v.AMOUNT.search(clause)
    if not (verb and amount and v.IRREGULAR.search(searchable)) or v.NOT_AN_OUTCOME.search(
            searchable) or _planned(searchable, verb.start()):
        return []
    return [Outcome(seq, "money", verb.group(), None, "",
                    bool(amount.group("approx") or amount.group("approx2")),
                    amount_in_yuan(amount.group("n"), amount.group("scale")),
                    _object(clause, verb.end()), clause, amount.group())]


def _rules(seq: int | None, clause: str, searchable: str) -> list[Outcome]:
    """A counted batch (制度12项), else one result per document the verb governs: the
    documents right after it, joined by 、/和/及 or a few words, not a plan, not one named
    later in a plan, nor a rule someone else made (出台的《…》)."""
    batch = v.RULE_BATCH.search(searchable)
    if batch and not _planned(searchable, batch.start()):
        return [Outcome(seq, "rules", v.RULE_VERBS.match(batch.group()).group(),
                        read_numeral(batch.group("n")), batch.group()[-1], False, None,
                        "制度", clause, batch.group())]
    found = []
    for verb in v.RULE_VERBS.finditer(searchable):
        if _planned(searchable, verb.start()) or clause[verb.end():][:1] == "的":
            continue
        anchor = verb.end()
        for doc in v.NAMED_DOCUMENT.finditer(clause, verb.end()):
            gap = clause[anchor: doc.start()]
            if len(gap) > MAX_GAP or re.search(r"[，,。；]", gap):
                break
            if not v.PLAN_DOCUMENT.search(doc.group()):
                found.append(Outcome(seq, "rules", verb.group(), None, "", False, None,
                                     doc.group(), clause, doc.group()))
            anchor = doc.end()
        if found:
            break
    return found


def _object(segment: str, end: int) -> str:
    rest = re.split(r"[，、：,]", segment[end:])[0].lstrip("了")
    count = v.COUNT.search(rest)
    if count and count.start() > 0 and not rest.startswith(("此", "这")):
        rest = rest[: count.start()]
    return rest.strip("了的和及并共") or segment[:end].strip()


def outcomes_of(seq: int | None, text: str) -> list[Outcome]:
    """The results one response (or passage) reports."""
    found: list[Outcome] = []
    for clause_match in _CLAUSE.finditer(text):
        clause = clause_match.group().strip()
        if not _ANY_VERB.search(clause):
            continue
        searchable = _outside_documents(clause)
        # each kind's reader runs only where its verbs stand (most clauses have none)
        found += _acts(seq, "discipline", clause, searchable) \
            if _VERB["discipline"].search(searchable) else []
        found += (_money(seq, clause, searchable) or _resolved_money(seq, clause, searchable)) \
            if _MONEY_OR_RESOLVED.search(searchable) else []
        found += _rules(seq, clause, searchable) if v.RULE_VERBS.search(searchable) else []
        found += _acts(seq, "personnel", clause, searchable) \
            if _VERB["personnel"].search(searchable) else []
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
