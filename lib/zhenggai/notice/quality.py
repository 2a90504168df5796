"""Quality warnings: what a researcher should know is missing or incomplete in a notice."""

from __future__ import annotations

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import DateRecord, Line, Problem

_REQUIRED_EVENTS = (("inspection_start", "inspection start"),
                    ("inspection_end", "inspection end"), ("feedback", "feedback"))


def quality_warnings(problems: list[Problem], declared: int | None, body: list[Line],
                     dates: list[DateRecord], issuer: str) -> list[str]:
    """Declared problems not extracted, a cut-off text, missing dates, no issuer."""
    warnings = []
    selective = any(v.MAIN_PROBLEMS_ONLY.search(line.text) for line in body
                    if not problems or line.number < problems[0].line)
    if declared is not None and len(problems) < declared and not selective:
        warnings.append(f"extracted {len(problems)} of {declared} declared problems")
    elif declared is not None and len(problems) > declared:
        warnings.append(f"extracted {len(problems)} problems, more than the {declared} declared: "
                        "items that are not problems may have been read as problems")
    last = body[-1].text if body else ""
    if last and not last.endswith(v.SENTENCE_END) and not v.CONTACT_LINE.search(last) \
            and not (len(last) <= v.ISSUER_LINE_MAX_CHARS and v.SIGNATURE_ISSUER.search(last)):
        warnings.append(f"text ends mid-sentence ('…{last[-12:]}'): the notice appears truncated")
    events = {d.event for d in dates if d.date or d.as_printed}  # a month is a date given
    warnings += [f"no {label} date found" for event, label in _REQUIRED_EVENTS
                 if event not in events]
    if not issuer:
        warnings.append("no issuing party group found in the title or signature")
    return warnings
