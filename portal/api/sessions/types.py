"""Sessions and hearings as GraphQL serves them, each checked against the reader's scopes on
its case (`access_to`, portal.auth.policy) however it is reached: a caucus session of the
other side answers exactly like a missing one."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.api.cases import timeline as _timeline  # noqa: F401  (registers the session enums)
from portal.api.cases.access import access_to
from portal.api.cases.loaders import CaseAccess
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, reference_resolver, to_global_id
from portal.auth import policy
from portal.cases.models import DisputeCase as CaseRow
from portal.cases.states import CaseRole, Side
from portal.sessions import models
from portal.sessions.states import SessionAttendee, SessionKind, SessionStatus
from portal.timeline.models import Visibility

if TYPE_CHECKING:
    from portal.api.cases.types import DisputeCase
    from portal.api.groups.types import CaseGroup

described_enum(
    SessionStatus,
    name="SessionStatus",
    description="Where a session or hearing stands.",
    values={
        SessionStatus.PROPOSED: "Slots offered; the sides asked pick one or decline.",
        SessionStatus.SCHEDULED: "A slot chosen: every side picked it, or the neutral or "
        "provider confirmed it. Invitations went out.",
        SessionStatus.CANCELLED: "Called off, with reasons.",
        SessionStatus.HELD: "Held: attendance and a minute are recorded.",
    },
)


@strawberry.type(description="One of the times offered for a session.")
class SessionSlot:
    number: int = strawberry.field(description="Its number, from 1, as answers name it.")
    starts_at: datetime = strawberry.field(description="When it would start.")
    ends_at: datetime = strawberry.field(description="When it would end.")


@strawberry.type(description="One side's answer to a proposed session.")
class SessionAnswer:
    side: Side = strawberry.field(description="The side that answered.")
    slot_number: int | None = strawberry.field(
        description="The slot it picked; null when it declined them all."
    )
    reason: str | None = strawberry.field(description="Why it declined, as written.")
    answered_at: datetime = strawberry.field(description="When it answered (last).")


@strawberry.type(
    description="A mediation meeting or a hearing on a case (issue 20): proposed with slots, "
    "scheduled, moved, cancelled, held. Seen by those who may read its scope; a caucus "
    "session only by its side and the neutral."
)
class CaseSession(Node):
    kind: SessionKind = strawberry.field(description="A mediation meeting or a hearing.")
    status: SessionStatus = strawberry.field(description="Where it stands.")
    visibility: Visibility = strawberry.field(
        description="Who may see it and is asked: all parties, or one side's caucus."
    )
    slots: list[SessionSlot] = strawberry.field(description="The times offered, in order.")
    duration_minutes: int = strawberry.field(description="How long it lasts, in minutes.")
    place: str | None = strawberry.field(description="Where it is held, when in person.")
    link: str | None = strawberry.field(description="The video or phone link, when remote.")
    agenda: str = strawberry.field(description="What it is about.")
    slot_number: int | None = strawberry.field(description="The slot chosen, once scheduled.")
    starts_at: datetime | None = strawberry.field(
        description="When it starts (after a move, the new time); null while proposed."
    )
    ends_at: datetime | None = strawberry.field(description="When it ends; null while proposed.")
    sequence: int = strawberry.field(
        description="Its RFC 5545 SEQUENCE: one up for each move and the cancellation."
    )
    proposer_role: CaseRole = strawberry.field(description="The role it was proposed in.")
    proposed_at: datetime = strawberry.field(description="When it was proposed.")
    scheduled_at: datetime | None = strawberry.field(description="When its slot was chosen.")
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled.")
    cancel_reason: str | None = strawberry.field(description="Why it was cancelled.")
    attended: list[SessionAttendee] | None = strawberry.field(
        description="Who attended, once the minute is recorded."
    )
    minute: str | None = strawberry.field(description="The minute recorded after it.")
    minuted_at: datetime | None = strawberry.field(description="When the minute was recorded.")
    answers: list[SessionAnswer] = strawberry.field(
        description="Each side's answer to the slots (while proposed, and after)."
    )
    viewer_may_run: bool = strawberry.field(
        description="Whether you may confirm a slot, move, cancel and minute it (the neutral, "
        "or the provider for a session with all parties)."
    )
    viewer_side: Side | None = strawberry.field(
        description="The side you answer its slots for; null when you are not asked."
    )
    row: strawberry.Private[models.CaseSession]

    @classmethod
    def from_row(
        cls, row: models.CaseSession, answers: Iterable[models.SessionAnswer], access: CaseAccess
    ) -> CaseSession:
        length = timedelta(minutes=row.duration_minutes)
        slots = [
            SessionSlot(number=n, starts_at=s, ends_at=s + length)
            for n, s in enumerate(row.slot_instants(), start=1)
        ]
        return cls(
            id=to_global_id("CaseSession", row.id),
            kind=row.kind,
            status=row.status,
            visibility=row.visibility,
            slots=slots,
            duration_minutes=row.duration_minutes,
            place=row.place,
            link=row.link,
            agenda=row.agenda,
            slot_number=row.slot_number,
            starts_at=row.starts_at,
            ends_at=row.starts_at + length if row.starts_at else None,
            sequence=row.sequence,
            proposer_role=CaseRole(row.proposer_role),
            proposed_at=row.proposed_at,
            scheduled_at=row.scheduled_at,
            cancelled_at=row.cancelled_at,
            cancel_reason=row.cancel_reason,
            attended=[SessionAttendee(a) for a in row.attended] if row.attended else None,
            minute=row.minute,
            minuted_at=row.minuted_at,
            answers=[
                SessionAnswer(
                    side=a.side,
                    slot_number=a.slot_number,
                    reason=a.reason,
                    answered_at=a.answered_at,
                )
                for a in sorted(answers, key=lambda a: list(Side).index(a.side))
            ],
            viewer_may_run=policy.may_run_session(access.roles, access.appointment, row.visibility),
            viewer_side=policy.session_side(access.roles, row.visibility),
            row=row,
        )

    @strawberry.field(
        description="The group whose session it is (issue 20): the same session is on every "
        "member case, each member's parties answering on their own. Null for a session of "
        "this case alone, or a group you may not see."
    )
    async def group(
        self, info: Info
    ) -> Annotated[CaseGroup, strawberry.lazy("portal.api.groups.types")] | None:
        from portal.api.groups.types import CaseGroup
        from portal.groups import services as groups
        from portal.groups.errors import GroupError

        if self.row.group_id is None:
            return None
        try:
            row = await groups.group_for(info.context.require_actor(), self.row.group_id)
        except GroupError:
            return None
        return CaseGroup.from_row(row)

    @strawberry.field(description="The case it is on.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")]:
        from portal.api.cases.types import DisputeCase

        row = await info.context.loaders.case.load(self.row.case_id)
        assert row is not None  # the session was read through its case's access
        return DisputeCase.from_row(row)


async def sessions_of_case(info: Info, case: CaseRow) -> list[CaseSession]:
    """The case's sessions the reader may see, oldest first: two statements for all of them."""
    access = await access_to(info, case)
    scopes = [s for s in access.scopes if s in policy.SESSION_SIDES]
    rows = await models.CaseSession.filter(case_id=case.id, visibility__in=scopes).order_by(
        "proposed_at"
    )
    answers = await models.SessionAnswer.filter(session_id__in=[r.id for r in rows])
    return [
        CaseSession.from_row(r, [a for a in answers if a.session_id == r.id], access) for r in rows
    ]


async def session_scopes(info: Info, case: CaseRow) -> list[Visibility]:
    """Where the reader may propose a session: the policy's answer for each session scope."""
    access = await access_to(info, case)
    return [
        scope
        for scope in policy.SESSION_SIDES
        if policy.may_run_session(access.roles, access.appointment, scope)
    ]


async def session_for(info: Info, pk: uuid.UUID) -> CaseSession | None:
    """The session when the reader may see it (its case, and its scope); None otherwise."""
    row = await models.CaseSession.get_or_none(id=pk)
    if row is None:
        return None
    case = await info.context.loaders.case.load(row.case_id)
    if case is None:
        return None
    access = await access_to(info, case)
    if row.visibility not in access.scopes:
        return None
    answers = await models.SessionAnswer.filter(session_id=row.id)
    return CaseSession.from_row(row, answers, access)


@node_resolver("CaseSession")
async def session_node(info: Info, pk: uuid.UUID) -> CaseSession | None:
    return await session_for(info, pk)


@reference_resolver("CaseSession")
async def _session_reference(info: Info, pk: uuid.UUID) -> CaseSession | None:
    return await session_for(info, pk)


@strawberry.type(
    description="Your calendar feed: a secret URL (shown once, when issued) that serves your "
    "sessions and hearings as an iCalendar file."
)
class CalendarFeed:
    issued_at: datetime = strawberry.field(description="When its URL was issued.")
