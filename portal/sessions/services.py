"""Sessions and hearings (issue 20, 1): propose, answer, confirm, move, cancel, minute.

Who may do what is portal.auth.policy's (`may_run_session`, `session_side`, and the readable
scopes of the case file): a session is seen only by those who may read its scope, so a caucus
stays with its side and the neutral, and a session of the other side's caucus answers exactly
like a missing one. Each change is one transaction with its timeline event (in the session's
scope) and its mails (portal.sessions.mails), or nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor
from portal.casefiles.services import CaseFileAccess, access, case_access
from portal.cases.events import EventKind, record_step
from portal.cases.inputs import MAX_TEXT
from portal.cases.models import DisputeCase
from portal.cases.states import TERMINAL_STAGES, CaseRole, Side
from portal.groups.models import CaseGroup, GroupConsent, GroupMember
from portal.lengths import at_most
from portal.sessions import mails
from portal.sessions.errors import SessionError, SessionNotFound
from portal.sessions.models import CaseSession, SessionAnswer
from portal.sessions.states import SessionAttendee, SessionKind, SessionStatus
from portal.timeline.models import Visibility

MAX_SLOTS = 10
# A session is held while the case runs: its clocks are weeks, so a slot two years ahead is a
# typing mistake, and one near the year 9999 overflowed when its end was computed (review).
MAX_AHEAD = timedelta(days=731)
MIN_MINUTES, MAX_MINUTES = 15, 12 * 60
# Texts are limited as every case text is (the web portal counts against the same number).
MAX_AGENDA = MAX_MINUTE = MAX_REASON = MAX_TEXT
MAX_PLACE = 500


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class SessionDraft:
    """What a proposal says, before it is checked."""

    kind: SessionKind
    visibility: Visibility
    slots: Sequence[datetime]
    duration_minutes: int
    agenda: str | None
    place: str | None = None
    link: str | None = None


# --- checks of what was sent ------------------------------------------------------------------


def _text(value: str | None, field: str, limit: int, *, required: bool) -> str | None:
    text = (value or "").strip()
    if not text:
        if required:
            raise SessionError("REQUIRED", f"Write the {field.replace('_', ' ')}.", field)
        return None
    at_most(text, limit, field, SessionError)
    return text


def _written(value: str | None, field: str, limit: int) -> str:
    text = _text(value, field, limit, required=True)
    assert text is not None  # `required` refused an empty one
    return text


def _link(value: str | None) -> str | None:
    link = _text(value, "link", MAX_PLACE, required=False)
    if link is None:
        return None
    parts = urlsplit(link)
    if parts.scheme not in {"https", "http", "tel", "sip"} or not (parts.netloc or parts.path):
        raise SessionError(
            "INVALID_URL", "A video link is an https:// URL; a phone line a tel: URI.", "link"
        )
    return link


def _instant(value: datetime, field: str, at: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise SessionError(
            "INVALID_INPUT", "Give each time with its offset (`2026-12-20T18:00:00+01:00`).", field
        )
    try:
        in_utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        in_utc = None
    if in_utc is not None and in_utc <= at:
        raise SessionError("SLOT_IN_PAST", "A session cannot start in the past.", field)
    if in_utc is None or in_utc > at + MAX_AHEAD:
        raise SessionError("INVALID_INPUT", "A session starts within two years from now.", field)
    return value


def _minutes(value: int) -> int:
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise SessionError(
            "INVALID_INPUT",
            f"A session lasts {MIN_MINUTES} to {MAX_MINUTES} minutes.",
            "duration_minutes",
        )
    return value


def _slots(values: Sequence[datetime], at: datetime) -> list[datetime]:
    if not values:
        raise SessionError("REQUIRED", "Offer at least one slot.", "slots")
    if len(values) > MAX_SLOTS:
        raise SessionError("INVALID_INPUT", f"Offer at most {MAX_SLOTS} slots.", "slots")
    slots = [_instant(v, "slots", at) for v in values]
    if len({s.astimezone(UTC) for s in slots}) != len(slots):
        raise SessionError("INVALID_INPUT", "Each slot is offered once.", "slots")
    return slots


# --- who may see and do what ------------------------------------------------------------------


@dataclass(frozen=True)
class SessionAccess:
    session: CaseSession
    found: CaseFileAccess

    @property
    def case(self) -> DisputeCase:
        return self.found.case

    def runner_role(self) -> CaseRole:
        """The role the actor runs the session in; FORBIDDEN when they may not."""
        roles, appointment = self.found.roles, self.found.appointment
        if not policy.may_run_session(roles, appointment, self.session.visibility):
            raise SessionError("FORBIDDEN", "Only the neutral or the provider runs sessions.")
        return CaseRole.NEUTRAL if CaseRole.NEUTRAL in roles else CaseRole.PROVIDER

    def side(self) -> Side:
        side = policy.session_side(self.found.roles, self.session.visibility)
        if side is None:
            raise SessionError("FORBIDDEN", "Only the parties asked answer a session's slots.")
        return side


async def session_access(
    actor: Actor, session_id: uuid.UUID, *, lock: bool = False
) -> SessionAccess:
    """The session and the actor's access to its case; SessionNotFound when they may not see
    it. With ``lock``, the case row first (its events are appended to its chain, as every
    step of the case locks it), then the session's."""
    session = await CaseSession.get_or_none(id=session_id)
    if session is None:
        raise SessionNotFound()
    if lock:
        if session.group_session_id is not None:
            # A group's session: every member case it is on, in id order (no two steps
            # deadlock), as the group's own steps lock them.
            on = CaseSession.filter(group_session_id=session.group_session_id)
            await (
                DisputeCase.select_for_update()
                .filter(id__in=list(await on.values_list("case_id", flat=True)))
                .order_by("id")
            )
        case = await DisputeCase.select_for_update().get(id=session.case_id)
        session = await CaseSession.select_for_update().get(id=session_id)
    else:
        case = await DisputeCase.get(id=session.case_id)
    found = await access(actor, case)
    if session.visibility not in found.readable:
        raise SessionNotFound()
    return SessionAccess(session, found)


async def together(actor: Actor, found: SessionAccess) -> list[SessionAccess]:
    """The session and, for a group's session, the same session on every other member case
    still in the group and open (their cases locked by `session_access`), in case order: a
    step on one is a step on all. A case that left the group, or ended, takes no part."""
    session = found.session
    if session.group_session_id is None:
        return [found]
    rows = await (
        CaseSession.select_for_update()
        .filter(group_session_id=session.group_session_id)
        .order_by("case_id")
    )
    members = set(
        await GroupMember.filter(group_id=session.group_id, consent=GroupConsent.GIVEN).values_list(
            "case_id", flat=True
        )
    )
    out: list[SessionAccess] = []
    for row in rows:
        if row.id == session.id:
            out.append(found)
            continue
        case = await DisputeCase.get(id=row.case_id)
        if row.case_id not in members or case.stage in TERMINAL_STAGES:
            continue
        out.append(SessionAccess(row, await access(actor, case)))
    return out


def _open_case(case: DisputeCase) -> None:
    if case.stage in TERMINAL_STAGES:
        raise SessionError("CASE_CLOSED", "The case has ended: it holds no more sessions.")


# --- the steps ---------------------------------------------------------------------------------


async def propose(
    actor: Actor, case_id: uuid.UUID, draft: SessionDraft, *, at: datetime | None = None
) -> CaseSession:
    """A neutral or the provider offers 1 to 10 slots for a session, with where and why."""
    at = at or _now()
    checked = check_draft(draft, at)
    async with in_transaction():
        found = await case_access(actor, case_id, lock=True)
        if draft.visibility not in policy.SESSION_SIDES:
            raise SessionError(
                "SCOPE_NOT_ALLOWED",
                "A session is with all parties or in one side's caucus.",
                "visibility",
            )
        _open_case(found.case)
        session = await open_session(actor, found, checked, at)
        await mails.proposed(found.case, session, at)
    return session


def check_draft(draft: SessionDraft, at: datetime) -> CaseSession:
    """The proposal checked, as an unsaved session of no case yet (`open_session`)."""
    slots = _slots(draft.slots, at)
    minutes = _minutes(draft.duration_minutes)
    agenda = _written(draft.agenda, "agenda", MAX_AGENDA)
    place = _text(draft.place, "place", MAX_PLACE, required=False)
    link = _link(draft.link)
    if place is None and link is None:
        raise SessionError("REQUIRED", "Give a place, or a video or phone link.", "place")
    return CaseSession(
        kind=draft.kind,
        visibility=draft.visibility,
        slots=[s.isoformat() for s in slots],
        duration_minutes=minutes,
        place=place,
        link=link,
        agenda=agenda,
    )


async def open_session(
    actor: Actor,
    found: CaseFileAccess,
    checked: CaseSession,
    at: datetime,
    *,
    group_id: uuid.UUID | None = None,
    group_session_id: uuid.UUID | None = None,
) -> CaseSession:
    """The checked proposal saved on the case (locked by the caller), with its event; the
    caller mails it."""
    session = CaseSession(
        case_id=found.case.id,
        kind=checked.kind,
        visibility=checked.visibility,
        slots=list(checked.slots),
        duration_minutes=checked.duration_minutes,
        place=checked.place,
        link=checked.link,
        agenda=checked.agenda,
        proposed_by_id=actor.id,
        proposer_role="",
        proposed_at=at,
        group_id=group_id,
        group_session_id=group_session_id,
    )
    role = SessionAccess(session, found).runner_role()
    session.proposer_role = role.value
    await session.save()
    await _record(
        found.case,
        session,
        EventKind.SESSION_PROPOSED,
        actor,
        role,
        at,
        {
            "session_kind": session.kind,
            "slots": session.slots,
            "duration_minutes": session.duration_minutes,
            "agenda": session.agenda,
            "place": session.place,
            "link": session.link,
        },
    )
    return session


async def answer(
    actor: Actor,
    session_id: uuid.UUID,
    slot_number: int | None,
    reason: str | None,
    *,
    at: datetime | None = None,
) -> CaseSession:
    """A side picks a slot (by its number, from 1), or declines them all with reasons. When
    every side asked has picked the same slot, the session is scheduled on it.

    A group's session is scheduled when every side asked on every member case picked the
    same slot. The organisation is one party to all of them: its answer on one member case
    is its answer on each it answers for there."""
    at = at or _now()
    async with in_transaction():
        found = await session_access(actor, session_id, lock=True)
        session = found.session
        side = found.side()
        _proposed(session)
        if slot_number is None:
            why = _text(reason, "reason", MAX_REASON, required=False)
            if why is None:
                raise SessionError(
                    "REASONS_REQUIRED", "Say why none of the slots suits you.", "reason"
                )
        else:
            _slot(session, slot_number)
            why = None
        all_of = await together(actor, found)
        for each in all_of:
            mine = each is found or (
                side is Side.ORGANISATION
                and policy.session_side(each.found.roles, each.session.visibility) is side
            )
            if not mine:
                continue
            await SessionAnswer.update_or_create(
                defaults={
                    "slot_number": slot_number,
                    "reason": why,
                    "answered_by_id": actor.id,
                    "answered_at": at,
                },
                session_id=each.session.id,
                side=side,
            )
        picked = await SessionAnswer.filter(
            session_id__in=[each.session.id for each in all_of]
        ).values_list("session_id", "side", "slot_number")
        chosen: set[int | None] = set()
        for each in all_of:
            asked = set(policy.SESSION_SIDES[each.session.visibility])
            answers = {s: n for pk, s, n in picked if pk == each.session.id and s in asked}
            if set(answers) != asked:
                return session  # a side has yet to answer
            chosen |= set(answers.values())
        if len(chosen) == 1 and (number := chosen.pop()) is not None:
            sent: set[str] = set()
            for each in all_of:
                await _schedule(each, number, actor, at, confirmed=False, sent=sent)
    return session


async def confirm(
    actor: Actor, session_id: uuid.UUID, slot_number: int, *, at: datetime | None = None
) -> CaseSession:
    """The neutral or the provider schedules the session on a slot, whatever the answers
    (a group's session on every member case, or on none)."""
    at = at or _now()
    async with in_transaction():
        found = await session_access(actor, session_id, lock=True)
        all_of = await together(actor, found)
        for each in all_of:
            each.runner_role()
            _proposed(each.session)
            _slot(each.session, slot_number)
        sent: set[str] = set()
        for each in all_of:
            await _schedule(each, slot_number, actor, at, confirmed=True, sent=sent)
    return found.session


async def move(
    actor: Actor,
    session_id: uuid.UUID,
    starts_at: datetime,
    *,
    duration_minutes: int | None = None,
    reason: str | None = None,
    at: datetime | None = None,
) -> CaseSession:
    """A scheduled session moves to another time: a new invitation, one SEQUENCE up."""
    at = at or _now()
    start = _instant(starts_at, "starts_at", at)
    minutes = None if duration_minutes is None else _minutes(duration_minutes)
    why = _text(reason, "reason", MAX_REASON, required=False)
    async with in_transaction():
        found = await session_access(actor, session_id, lock=True)
        all_of = await together(actor, found)
        roles = []
        for each in all_of:
            roles.append(each.runner_role())
            _scheduled(each.session)
            _open_case(each.case)
        sent: set[str] = set()
        for each, role in zip(all_of, roles, strict=True):
            session = each.session
            previous = session.starts_at
            session.starts_at = start
            session.duration_minutes = minutes or session.duration_minutes
            session.sequence += 1
            await session.save()
            await _record(
                each.case,
                session,
                EventKind.SESSION_MOVED,
                actor,
                role,
                at,
                {
                    "previous_starts_at": previous,
                    "starts_at": start,
                    "duration_minutes": session.duration_minutes,
                    "sequence": session.sequence,
                    "reason": why,
                },
            )
            await mails.scheduled(each.case, session, at, moved=True, reason=why, sent=sent)
    return found.session


async def cancel(
    actor: Actor, session_id: uuid.UUID, reason: str | None, *, at: datetime | None = None
) -> CaseSession:
    """A proposed or scheduled session is called off, with reasons; a scheduled one's
    invitation is withdrawn (METHOD CANCEL)."""
    at = at or _now()
    why = _text(reason, "reason", MAX_REASON, required=False)
    async with in_transaction():
        found = await session_access(actor, session_id, lock=True)
        all_of = await together(actor, found)
        roles = []
        for each in all_of:
            roles.append(each.runner_role())
            if each.session.status not in (SessionStatus.PROPOSED, SessionStatus.SCHEDULED):
                raise SessionError("SESSION_NOT_SCHEDULED", "The session is not ahead any more.")
        if why is None:
            raise SessionError("REASONS_REQUIRED", "Say why the session is cancelled.", "reason")
        sent: set[str] = set()
        for each, role in zip(all_of, roles, strict=True):
            await call_off(each.case, each.session, why, at, actor.id, role, sent=sent)
    return found.session


async def call_off(
    case: DisputeCase,
    session: CaseSession,
    why: str,
    at: datetime,
    actor_id: uuid.UUID | None,
    role: CaseRole,
    *,
    sent: set[str] | None = None,
    to: frozenset[CaseRole] | None = None,
) -> None:
    """Cancel one session row (its case locked by the caller): event and mails (to the roles
    ``to`` only, when given)."""
    was_scheduled = session.status is SessionStatus.SCHEDULED
    session.status = SessionStatus.CANCELLED
    session.cancelled_at = at
    session.cancel_reason = why
    session.sequence += 1
    await session.save()
    await _record_as(
        case,
        session,
        EventKind.SESSION_CANCELLED,
        actor_id,
        role,
        at,
        {"reason": why, "sequence": session.sequence},
    )
    await mails.cancelled(case, session, at, was_scheduled=was_scheduled, sent=sent, to=to)


async def record_minute(
    actor: Actor,
    session_id: uuid.UUID,
    attended: Sequence[SessionAttendee],
    minute: str | None,
    *,
    at: datetime | None = None,
) -> CaseSession:
    """After the session: who attended, and a short minute, on the timeline (of every
    member case, for a group's session)."""
    at = at or _now()
    text = _written(minute, "minute", MAX_MINUTE)
    async with in_transaction():
        found = await session_access(actor, session_id, lock=True)
        all_of = await together(actor, found)
        roles = []
        for each in all_of:
            roles.append(each.runner_role())
            _scheduled(each.session)
            starts = each.session.starts_at
            assert starts is not None
            if starts + timedelta(minutes=each.session.duration_minutes) > at:
                raise SessionError("SESSION_NOT_OVER", "Record the minute after the session ends.")
        present = sorted(set(attended), key=list(SessionAttendee).index)
        for each, role in zip(all_of, roles, strict=True):
            session = each.session
            session.status = SessionStatus.HELD
            session.attended = [a.value for a in present]
            session.minute = text
            session.minuted_at = at
            await session.save()
            await _record(
                each.case,
                session,
                EventKind.SESSION_MINUTED,
                actor,
                role,
                at,
                {"attended": session.attended, "minute": text},
            )
    return found.session


# --- inside the steps --------------------------------------------------------------------------


def _proposed(session: CaseSession) -> None:
    if session.status is not SessionStatus.PROPOSED:
        raise SessionError("SESSION_NOT_PROPOSED", "The session's slots are no longer open.")


def _scheduled(session: CaseSession) -> None:
    if session.status is not SessionStatus.SCHEDULED:
        raise SessionError("SESSION_NOT_SCHEDULED", "The session is not scheduled.")


def _slot(session: CaseSession, number: int) -> None:
    if not 1 <= number <= len(session.slots):
        raise SessionError(
            "INVALID_CHOICE", f"Pick a slot from 1 to {len(session.slots)}.", "slot_number"
        )


async def _schedule(
    found: SessionAccess,
    number: int,
    actor: Actor,
    at: datetime,
    *,
    confirmed: bool,
    sent: set[str],
) -> None:
    session = found.session
    _open_case(found.case)
    session.status = SessionStatus.SCHEDULED
    session.slot_number = number
    session.starts_at = session.slot_instants()[number - 1]
    session.scheduled_at = at
    await session.save()
    # Scheduled by the runner's confirmation, or by the last side's pick. On the other member
    # cases of a group's session, that last pick was another case's party: the step is
    # recorded there as the portal's, so no member learns who the others are.
    actor_id: uuid.UUID | None = actor.id
    if confirmed:
        role = found.runner_role()
    else:
        answering = (CaseRole.COMPLAINANT, CaseRole.REPRESENTATIVE, CaseRole.ORGANISATION)
        mine = policy.session_side(found.found.roles, session.visibility) is not None
        role = next((r for r in answering if r in found.found.roles), CaseRole.SYSTEM)
        if not mine:
            actor_id, role = None, CaseRole.SYSTEM
    await _record_as(
        found.case,
        session,
        EventKind.SESSION_SCHEDULED,
        actor_id,
        role,
        at,
        {
            "slot_number": number,
            "starts_at": session.starts_at,
            "duration_minutes": session.duration_minutes,
            "confirmed": confirmed,
        },
    )
    await mails.scheduled(found.case, session, at, moved=False, reason=None, sent=sent)


async def _record(
    case: DisputeCase,
    session: CaseSession,
    kind: EventKind,
    actor: Actor,
    role: CaseRole,
    at: datetime,
    payload: dict[str, object],
) -> None:
    await _record_as(case, session, kind, actor.id, role, at, payload)


async def _record_as(
    case: DisputeCase,
    session: CaseSession,
    kind: EventKind,
    actor_id: uuid.UUID | None,
    role: CaseRole,
    at: datetime,
    payload: dict[str, object],
) -> None:
    group: dict[str, object] = {}
    if session.group_id is not None:
        reference = await CaseGroup.filter(id=session.group_id).values_list("reference", flat=True)
        group = {"group_id": session.group_id, "group_reference": reference[0]}
    await record_step(
        case,
        kind,
        at=at,
        actor_id=actor_id,
        actor_role=role.value,
        payload={"session_id": session.id, **payload, **group},
        visibility=session.visibility,
    )
