"""Who inspected and how: kind (巡视/巡察), committee, team, round and mode."""

from __future__ import annotations

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import InspectionDetails


def _team(texts: list[str]) -> str:
    """The first team named with its number (市委第三巡察组), else the first named at all: a
    team named again later without its number (市委巡察组) never replaces the full name."""
    teams = [m.group("team") for text in texts for m in v.TEAM.finditer(text)]
    numbered = [t for t in teams if v.TEAM_NUMBER.search(t)]
    return (numbered or teams or [""])[0]


def inspection_details(title: str, framing: str, rest: list[str] | None = None
                       ) -> InspectionDetails:
    """Kind, inspecting body, team, round and mode, from the framing paragraph (and the text
    after it when the framing names no numbered team) and the title."""
    team = _team([framing, *(rest or [])])
    kind_of_team = v.TEAM.search(team)
    kind = kind_of_team.group("kind") if kind_of_team else ""
    kind = kind or next((k for k in v.INSPECTION_KINDS if k in title), "") or next(
        (k for k in v.INSPECTION_KINDS if k in framing), "")
    body = v.COMMITTEE.search(team or framing)
    round_ = v.INSPECTION_ROUND.search(title) or v.INSPECTION_ROUND.search(framing)
    mode = v.INSPECTION_MODE.search(framing) or v.INSPECTION_MODE.search(title)
    return InspectionDetails(
        inspection_kind=kind,
        inspecting_body=body.group(1) if body else "",
        team=team,
        round=round_.group(1) if round_ else "",
        inspection_mode=mode.group(1).strip("“”") if mode else "",
    )
