"""Who inspected and how: kind (巡视/巡察), committee, team, round and mode."""

from __future__ import annotations

from zhenggai.notice import vocabulary as v
from zhenggai.notice.model import InspectionDetails


def inspection_details(title: str, framing: str) -> InspectionDetails:
    """Kind, inspecting body, team, round and mode, from the title and the framing paragraph."""
    team = v.TEAM.search(framing)
    kind = next((k for k in v.INSPECTION_KINDS if k in title), "")
    if not kind:
        kind = team.group("kind") if team else next(
            (k for k in v.INSPECTION_KINDS if k in framing), "")
    body = v.COMMITTEE.search(team.group("team") if team else framing)
    round_ = v.INSPECTION_ROUND.search(title) or v.INSPECTION_ROUND.search(framing)
    mode = v.INSPECTION_MODE.search(framing) or v.INSPECTION_MODE.search(title)
    return InspectionDetails(
        inspection_kind=kind,
        inspecting_body=body.group(1) if body else "",
        team=team.group("team") if team else "",
        round=round_.group(1) if round_ else "",
        inspection_mode=mode.group(1).strip("“”") if mode else "",
    )
