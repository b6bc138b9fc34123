"""A session's mails, through the outbox in the transaction of the step: the proposal to the
sides asked to pick, and to everyone taking part the invitation, its moves, its cancellation
and a reminder, each with an RFC 5545 .ics made when the mail is sent (portal.sessions.calendar).

Recipients are chosen as for every case mail (portal.notifications.recipients.audience): only
those who may read the session's scope, so a caucus is never announced to the other side.
Every instant is written in the recipient's own time zone, in the text and in the .ics.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from portal.auth import policy
from portal.cases.models import DisputeCase
from portal.cases.states import COMPLAINANT_SIDE, CaseRole, Side
from portal.notifications.derive import case_context, case_path
from portal.notifications.mail import MailKind, in_zone
from portal.notifications.models import Channel
from portal.notifications.outbox import enqueue
from portal.notifications.recipients import Recipient, audience, case_people
from portal.sessions.calendar import CalendarEntry, uid_of
from portal.sessions.models import CaseSession

SIDE_ROLES: dict[Side, frozenset[CaseRole]] = {
    Side.COMPLAINANT: COMPLAINANT_SIDE,
    Side.ORGANISATION: frozenset({CaseRole.ORGANISATION}),
}
# Who takes part in a session: the sides it asks, the neutral, and the provider (which reads
# no caucus: `audience` leaves it out of one).
RUNNERS = frozenset({CaseRole.NEUTRAL, CaseRole.PROVIDER})


def asked_roles(session: CaseSession) -> frozenset[CaseRole]:
    return frozenset().union(*(SIDE_ROLES[s] for s in policy.SESSION_SIDES[session.visibility]))


def entry_of(case: DisputeCase, session: CaseSession) -> CalendarEntry:
    """The session as calendars show it."""
    assert session.starts_at is not None
    where = ", ".join(p for p in (session.place, session.link) if p)
    return CalendarEntry(
        uid=uid_of(session.calendar_id),
        sequence=session.sequence,
        starts_at=session.starts_at.isoformat(),
        minutes=session.duration_minutes,
        summary=f"{case.reference}: {session.kind.value.replace('_', ' ')}",
        location=where,
        description=session.agenda,
        url=case_path(case),
        cancelled=session.cancelled_at is not None,
    )


def _session_context(session: CaseSession) -> dict[str, Any]:
    return {
        "kind": session.kind.value,
        "caucus": session.visibility.value.startswith("caucus"),
        "agenda": session.agenda,
        "place": session.place or "",
        "link": session.link or "",
        "minutes": session.duration_minutes,
    }


async def _send(
    kind: MailKind,
    case: DisputeCase,
    session: CaseSession,
    roles: frozenset[CaseRole],
    at: datetime,
    extra: dict[str, Any],
    *,
    calendar: bool,
    sent: set[str] | None = None,
) -> list[Recipient]:
    """Mail each person of ``roles`` who reads the session's scope on the case. ``sent``
    gathers the addresses mailed in one step of a group's session: a person taking part in
    several member cases (the neutral, the provider, the organisation) gets one mail."""
    people, appointment = await case_people(case)
    chosen = audience(people, appointment, roles, session.visibility)
    if sent is not None:
        chosen = [p for p in chosen if p.email not in sent]
        sent.update(p.email for p in chosen)
    context = {**await case_context(case), "session": _session_context(session), **extra}
    if calendar:
        context["calendar"] = entry_of(case, session).as_context()
    for person in chosen:
        await enqueue(
            Channel.EMAIL,
            kind.value,
            person.email,
            # Every instant in the person's own zone; the .ics is made in it too (`zone`).
            in_zone({**context, "name": person.name, "zone": person.time_zone}, person.time_zone),
            at=at,
            locale=person.locale,
            case_id=case.id,
        )
    return chosen


async def proposed(
    case: DisputeCase, session: CaseSession, at: datetime, *, sent: set[str] | None = None
) -> None:
    """To the sides asked: the slots, to pick one or decline."""
    slots = session.slot_instants()
    await _send(
        MailKind.SESSION_PROPOSED,
        case,
        session,
        asked_roles(session),
        at,
        {"slots": slots},
        calendar=False,
        sent=sent,
    )


async def scheduled(
    case: DisputeCase,
    session: CaseSession,
    at: datetime,
    *,
    moved: bool,
    reason: str | None,
    sent: set[str] | None = None,
) -> None:
    """The invitation (METHOD REQUEST), or its move (the same UID, SEQUENCE one up)."""
    await _send(
        MailKind.SESSION_MOVED if moved else MailKind.SESSION_SCHEDULED,
        case,
        session,
        asked_roles(session) | RUNNERS,
        at,
        {"starts": session.starts_at, "reason": reason or ""},
        calendar=True,
        sent=sent,
    )


async def cancelled(
    case: DisputeCase,
    session: CaseSession,
    at: datetime,
    *,
    was_scheduled: bool,
    sent: set[str] | None = None,
    to: frozenset[CaseRole] | None = None,
) -> None:
    """The cancellation; a scheduled session's invitation is withdrawn (METHOD CANCEL)."""
    await _send(
        MailKind.SESSION_CANCELLED,
        case,
        session,
        (asked_roles(session) | RUNNERS) & (to or frozenset(CaseRole)),
        at,
        {"starts": session.starts_at or "", "reason": session.cancel_reason or ""},
        calendar=was_scheduled,
        sent=sent,
    )


async def reminded(
    case: DisputeCase, session: CaseSession, at: datetime, *, sent: set[str] | None = None
) -> None:
    """Before the session: its time, place and agenda again."""
    await _send(
        MailKind.SESSION_REMINDER,
        case,
        session,
        asked_roles(session) | RUNNERS,
        at,
        {"starts": session.starts_at, "reason": ""},
        calendar=False,
        sent=sent,
    )
