"""Session mutations: propose, pick, decline, confirm, move, cancel, minute; and the viewer's
calendar feed. Each authenticates, calls one service of portal.sessions, and maps its
refusals to userErrors. A case or session the actor may not see is reported exactly like a
missing one (`NOT_FOUND`)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime

import strawberry

from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import decode_id
from portal.api.sessions.types import CalendarFeed, CaseSession, session_for
from portal.cases.errors import CaseError, CaseNotFound
from portal.groups.errors import GroupNotFound
from portal.sessions import feeds, group, services
from portal.sessions.errors import SessionNotFound
from portal.sessions.models import CaseSession as SessionRow
from portal.sessions.states import SessionAttendee, SessionKind
from portal.timeline.models import Visibility

SESSION_ID = "Global ID of the session."
SLOTS = "1 to 10 times it could start, each with its offset, in the next two years."


@strawberry.input(description="A session or hearing to propose, with the slots offered.")
class ProposeSessionInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of the case.")
    kind: SessionKind = strawberry.field(description="A mediation meeting or a hearing.")
    visibility: Visibility = strawberry.field(
        description="`ALL_PARTIES`, or one side's caucus (`CAUCUS_COMPLAINANT`, "
        "`CAUCUS_ORGANISATION`: the neutral's only, and the other side never learns of it)."
    )
    slots: list[datetime] = strawberry.field(description=SLOTS)
    duration_minutes: int = strawberry.field(description="15 to 720 minutes.")
    agenda: str = strawberry.field(description="What it is about, up to 20,000 characters.")
    place: str | None = strawberry.field(
        default=None, description="Where it is held, when in person (a place or a link)."
    )
    link: str | None = strawberry.field(
        default=None, description="An https:// video link or a tel: phone line, when remote."
    )


@strawberry.input(
    description="A session or hearing to propose to a formed group: one session of every "
    "member case, with the slots offered."
)
class ProposeGroupSessionInput:
    group_id: strawberry.ID = strawberry.field(description="Global ID of the group.")
    kind: SessionKind = strawberry.field(description="A mediation meeting or a hearing.")
    visibility: Visibility = strawberry.field(
        description="`ALL_PARTIES`, or `CAUCUS_ORGANISATION` (the organisation is party to "
        "every member case); a complainant's caucus belongs to one case (`SCOPE_NOT_ALLOWED`)."
    )
    slots: list[datetime] = strawberry.field(description=SLOTS)
    duration_minutes: int = strawberry.field(description="15 to 720 minutes.")
    agenda: str = strawberry.field(
        description="What it is about, up to 20,000 characters: every member case's parties "
        "read it, so it names no member's personal data."
    )
    place: str | None = strawberry.field(
        default=None, description="Where it is held, when in person (a place or a link)."
    )
    link: str | None = strawberry.field(
        default=None, description="An https:// video link or a tel: phone line, when remote."
    )


@strawberry.input(description="Your side picks one of a proposed session's slots.")
class PickSessionSlotInput:
    session_id: strawberry.ID = strawberry.field(description=SESSION_ID)
    slot_number: int = strawberry.field(description="The slot's number, from 1.")


@strawberry.input(description="Your side declines every slot of a proposed session.")
class DeclineSessionInput:
    session_id: strawberry.ID = strawberry.field(description=SESSION_ID)
    reason: str = strawberry.field(description="Why none suits you (required).")


@strawberry.input(description="The neutral or provider schedules a session on one slot.")
class ConfirmSessionSlotInput:
    session_id: strawberry.ID = strawberry.field(description=SESSION_ID)
    slot_number: int = strawberry.field(description="The slot's number, from 1.")


@strawberry.input(description="A scheduled session moves to another time.")
class MoveSessionInput:
    session_id: strawberry.ID = strawberry.field(description=SESSION_ID)
    starts_at: datetime = strawberry.field(description="The new start, with its offset.")
    duration_minutes: int | None = strawberry.field(
        default=None, description="A new length (15 to 720 minutes); empty: as it was."
    )
    reason: str | None = strawberry.field(default=None, description="Why it moves.")


@strawberry.input(description="A proposed or scheduled session is called off.")
class CancelSessionInput:
    session_id: strawberry.ID = strawberry.field(description=SESSION_ID)
    reason: str = strawberry.field(description="Why (required).")


@strawberry.input(description="After a session: who attended, and a short minute.")
class RecordSessionMinuteInput:
    session_id: strawberry.ID = strawberry.field(description=SESSION_ID)
    attended: list[SessionAttendee] = strawberry.field(description="Who attended.")
    minute: str = strawberry.field(description="The minute, up to 20,000 characters.")


@strawberry.input(description="Your calendar feed on or off.")
class SetCalendarFeedInput:
    active: bool = strawberry.field(
        description="true: issue a new secret URL (an earlier one stops working); false: "
        "revoke the feed (its URL answers 404)."
    )


@strawberry.type(description="The session as it now stands, or why the step was refused.")
class CaseSessionPayload:
    session: CaseSession | None = strawberry.field(
        default=None, description="The session; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="A group's session on each member case, or why it was refused.")
class GroupSessionPayload:
    sessions: list[CaseSession] = strawberry.field(
        default_factory=list,
        description="The session on each member case you may see, the lead case's first; "
        "empty when refused.",
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="Your calendar feed now, with its URL when one was issued.")
class CalendarFeedPayload:
    feed: CalendarFeed | None = strawberry.field(
        default=None, description="Your feed; null when revoked or refused."
    )
    feed_url: str | None = strawberry.field(
        default=None,
        description="The feed's secret URL, shown only in this answer (not stored): add it to "
        "a calendar application. Null when revoked or refused.",
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _session_id(value: str) -> uuid.UUID:
    pk = decode_id(value, "CaseSession")
    if pk is None:
        raise SessionNotFound()
    return pk


async def _done(info: Info, step: Callable[[], Awaitable[SessionRow]]) -> CaseSessionPayload:
    try:
        row = await step()
    except CaseError as exc:
        field = exc.field or ("case_id" if exc.code == "NOT_FOUND" else None)
        error = user_error(exc.code, exc.message, field, limit=exc.limit, actual=exc.actual)
        return CaseSessionPayload(user_errors=[error])
    info.context.loaders = Loaders()
    return CaseSessionPayload(session=await session_for(info, row.id))


@mutations
@strawberry.type
class SessionMutations:
    @strawberry.mutation(
        description="Propose a session or hearing with slots (the neutral, or the provider for "
        "one with all parties); the sides asked are mailed to pick one."
    )
    async def propose_session(self, info: Info, input: ProposeSessionInput) -> CaseSessionPayload:
        actor = info.context.require_actor()

        async def step() -> SessionRow:
            case_id = decode_id(input.case_id, "DisputeCase")
            if case_id is None:
                raise CaseNotFound()
            draft = services.SessionDraft(
                kind=input.kind,
                visibility=input.visibility,
                slots=input.slots,
                duration_minutes=input.duration_minutes,
                agenda=input.agenda,
                place=input.place,
                link=input.link,
            )
            return await services.propose(actor, case_id, draft)

        return await _done(info, step)

    @strawberry.mutation(
        description="Propose a session or hearing to a formed group: it is a session of every "
        "member case, all or none (a refusal names the case), on each member's timeline; each "
        "member's parties pick or decline on their own case and are mailed on it. The neutral "
        "appointed to every member, or the provider for one with all parties. A group you may "
        "not see answers `NOT_FOUND`."
    )
    async def propose_group_session(
        self, info: Info, input: ProposeGroupSessionInput
    ) -> GroupSessionPayload:
        actor = info.context.require_actor()
        try:
            group_id = decode_id(input.group_id, "CaseGroup")
            if group_id is None:
                raise GroupNotFound()
            draft = services.SessionDraft(
                kind=input.kind,
                visibility=input.visibility,
                slots=input.slots,
                duration_minutes=input.duration_minutes,
                agenda=input.agenda,
                place=input.place,
                link=input.link,
            )
            rows = await group.propose_for_group(actor, group_id, draft)
        except CaseError as exc:
            error = user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)
            return GroupSessionPayload(user_errors=[error])
        info.context.loaders = Loaders()
        shown = [await session_for(info, row.id) for row in rows]
        return GroupSessionPayload(sessions=[s for s in shown if s is not None])

    @strawberry.mutation(
        description="Pick a slot for your side; when every side asked has picked the same "
        "one, the session is scheduled and invitations go out."
    )
    async def pick_session_slot(
        self, info: Info, input: PickSessionSlotInput
    ) -> CaseSessionPayload:
        actor = info.context.require_actor()
        return await _done(
            info,
            lambda: services.answer(actor, _session_id(input.session_id), input.slot_number, None),
        )

    @strawberry.mutation(description="Decline every slot for your side, with reasons.")
    async def decline_session(self, info: Info, input: DeclineSessionInput) -> CaseSessionPayload:
        actor = info.context.require_actor()
        return await _done(
            info, lambda: services.answer(actor, _session_id(input.session_id), None, input.reason)
        )

    @strawberry.mutation(description="Schedule a proposed session on a slot, whatever the picks.")
    async def confirm_session_slot(
        self, info: Info, input: ConfirmSessionSlotInput
    ) -> CaseSessionPayload:
        actor = info.context.require_actor()
        return await _done(
            info, lambda: services.confirm(actor, _session_id(input.session_id), input.slot_number)
        )

    @strawberry.mutation(description="Move a scheduled session; invitations are sent again.")
    async def move_session(self, info: Info, input: MoveSessionInput) -> CaseSessionPayload:
        actor = info.context.require_actor()
        return await _done(
            info,
            lambda: services.move(
                actor,
                _session_id(input.session_id),
                input.starts_at,
                duration_minutes=input.duration_minutes,
                reason=input.reason,
            ),
        )

    @strawberry.mutation(description="Cancel a proposed or scheduled session, with reasons.")
    async def cancel_session(self, info: Info, input: CancelSessionInput) -> CaseSessionPayload:
        actor = info.context.require_actor()
        return await _done(
            info, lambda: services.cancel(actor, _session_id(input.session_id), input.reason)
        )

    @strawberry.mutation(description="Record who attended a session and its minute, after it.")
    async def record_session_minute(
        self, info: Info, input: RecordSessionMinuteInput
    ) -> CaseSessionPayload:
        actor = info.context.require_actor()
        return await _done(
            info,
            lambda: services.record_minute(
                actor, _session_id(input.session_id), input.attended, input.minute
            ),
        )

    @strawberry.mutation(
        description="Issue a new secret calendar-feed URL for yourself (any earlier one stops "
        "working), or revoke your feed. People only."
    )
    async def set_calendar_feed(
        self, info: Info, input: SetCalendarFeedInput
    ) -> CalendarFeedPayload:
        actor = info.context.require_actor()
        try:
            if not input.active:
                await feeds.revoke_feed(actor)
                return CalendarFeedPayload()
            feed, token = await feeds.issue_feed(actor)
        except CaseError as exc:
            return CalendarFeedPayload(user_errors=[user_error(exc.code, exc.message, exc.field)])
        url = info.context.settings.public_url.rstrip("/") + feeds.feed_path(token)
        return CalendarFeedPayload(feed=CalendarFeed(issued_at=feed.created_at), feed_url=url)
