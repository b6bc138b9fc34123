"""A group's sessions (issue 20, 4): a session proposed on a formed group is a session of
every member case, one row on each (`CaseSession.group_session_id` ties them), so each
member's parties pick a slot and attend on their own case, each is mailed on their own case
(in their own time zone, with one calendar UID for the group's session), and each member's
timeline records every step. The steps after the proposal are portal.sessions.services',
which take them on every member row together (`services.together`).

Privacy between members: a member's parties read only their own case's row (their own
side's answer and the organisation's), never another member's case, parties or answers; a
scheduling caused by another member's pick is recorded on the others' timelines as the
portal's. Which scopes a group's session may be held in is `policy.GROUP_SESSION_SCOPES`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor
from portal.casefiles.services import access
from portal.cases.models import DisputeCase
from portal.cases.states import COMPLAINANT_SIDE, CaseRole
from portal.groups.services import formed_group
from portal.sessions import mails, services
from portal.sessions.errors import SessionError
from portal.sessions.models import CaseSession
from portal.sessions.states import SessionStatus

LEFT_GROUP = "The case left the group: its complainant withdrew consent to the group."


async def propose_for_group(
    actor: Actor, group_id: uuid.UUID, draft: services.SessionDraft, *, at: datetime | None = None
) -> list[CaseSession]:
    """Propose one session on every open member case of the formed group, all or none (a
    refusal on one names the case): the lead case's row first."""
    at = at or datetime.now(UTC)
    checked = services.check_draft(draft, at)
    async with in_transaction():
        group, members = await formed_group(actor, group_id)
        if not policy.may_hold_group_session(draft.visibility):
            raise SessionError(
                "SCOPE_NOT_ALLOWED",
                "A group's session is with all parties, or in the organisation's caucus: a "
                "complainant's caucus belongs to one case.",
                "visibility",
            )
        shared = uuid.uuid4()
        rows: list[tuple[DisputeCase, CaseSession]] = []
        for _, case in members:
            found = await access(actor, case)
            try:
                row = await services.open_session(
                    actor, found, checked, at, group_id=group.id, group_session_id=shared
                )
            except SessionError as exc:
                raise SessionError(
                    exc.code,
                    f"Case {case.reference}: {exc.message}",
                    exc.field,
                    limit=exc.limit,
                    actual=exc.actual,
                ) from exc
            rows.append((case, row))
        sent: set[str] = set()
        for case, row in rows:
            await mails.proposed(case, row, at, sent=sent)
    rows.sort(key=lambda pair: pair[0].id != group.lead_case_id)
    return [row for _, row in rows]


async def leave_group_sessions(
    case: DisputeCase, group_id: uuid.UUID, at: datetime, actor_id: uuid.UUID, role: CaseRole
) -> None:
    """The case left the group (its case row locked by the caller): its rows of the group's
    sessions still ahead are cancelled on its own timeline; only its complainant's side is
    told (the others keep the group's session, under the same calendar UID)."""
    ahead = await CaseSession.select_for_update().filter(
        case_id=case.id,
        group_id=group_id,
        status__in=[SessionStatus.PROPOSED, SessionStatus.SCHEDULED],
    )
    for row in ahead:
        await services.call_off(case, row, LEFT_GROUP, at, actor_id, role, to=COMPLAINANT_SIDE)
