"""Per-person calendar feeds (issue 20, 1): a secret URL that serves, as one .ics, only the
sessions its owner may see now (asked again at every fetch, so a session of a case they left,
or of the other side's caucus, is never in it). The token is shown once; only its SHA-256 is
kept. Revoking ends it (the URL answers 404); issuing a new one revokes the old."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from portal.accounts.models import Membership, Role, User
from portal.auth import policy
from portal.auth.actor import Actor, ActorKind, Grant
from portal.casefiles.services import access
from portal.cases.models import DisputeCase
from portal.cases.states import TERMINAL_STAGES
from portal.sessions import calendar, mails
from portal.sessions.errors import SessionError
from portal.sessions.models import CalendarFeed, CaseSession
from portal.sessions.states import SessionStatus

FEED_PATH = "/calendar/{token}.ics"
# Sessions a feed lists: those that had a time (a proposal has only slots, and one cancelled
# before it was scheduled never reached a calendar).
LISTED = (SessionStatus.SCHEDULED, SessionStatus.HELD, SessionStatus.CANCELLED)


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feed_path(token: str) -> str:
    return FEED_PATH.format(token=token)


def _person(actor: Actor) -> None:
    if not policy.may_keep_calendar_feed(actor):
        raise SessionError("FORBIDDEN", "A calendar feed is a person's own.")


async def current_feed(user_id: object) -> CalendarFeed | None:
    return await CalendarFeed.filter(user_id=user_id, revoked_at__isnull=True).first()


async def issue_feed(actor: Actor, *, at: datetime | None = None) -> tuple[CalendarFeed, str]:
    """A new feed for the actor (the old one, if any, stops working); returns it and its
    token, which is not kept and cannot be shown again."""
    _person(actor)
    at = at or _now()
    token = secrets.token_urlsafe(32)
    async with in_transaction():
        await CalendarFeed.filter(user_id=actor.id, revoked_at__isnull=True).update(revoked_at=at)
        feed = await CalendarFeed.create(user_id=actor.id, token_hash=_digest(token), created_at=at)
    return feed, token


async def revoke_feed(actor: Actor, *, at: datetime | None = None) -> bool:
    """Stop the actor's feed; False when they had none."""
    _person(actor)
    at = at or _now()
    revoked = await CalendarFeed.filter(user_id=actor.id, revoked_at__isnull=True).update(
        revoked_at=at
    )
    return bool(revoked)


async def _actor_of(user: User) -> Actor:
    grants = await Membership.filter(user_id=user.id).values_list(
        "role", "organisation_id", "provider_id"
    )
    return Actor(
        kind=ActorKind.USER, id=user.id, grants=tuple(Grant(Role(r), o, p) for r, o, p in grants)
    )


async def feed_file(token: str, *, base_url: str, at: datetime | None = None) -> bytes | None:
    """The .ics a feed URL serves; None for a token that is unknown or revoked, or whose
    owner's account is disabled."""
    feed = await CalendarFeed.get_or_none(token_hash=_digest(token), revoked_at__isnull=True)
    if feed is None:
        return None
    user = await User.get_or_none(id=feed.user_id, is_active=True)
    if user is None:
        return None
    actor = await _actor_of(user)
    listed = CaseSession.filter(status__in=list(LISTED), starts_at__isnull=False)
    with_sessions = listed.values("case_id")
    cases = (
        await DisputeCase.filter(await policy.visible_cases_filter(actor))
        .filter(id__in=Subquery(with_sessions))
        .exclude(stage__in=list(TERMINAL_STAGES))  # a closed case holds no more sessions
    )
    entries: list[calendar.CalendarEntry] = []
    for case in cases:
        found = await access(actor, case)
        if not policy.takes_part_in_sessions(found.roles):
            continue
        scopes = [s for s in found.readable if s in policy.SESSION_SIDES]
        sessions = await listed.filter(case_id=case.id, visibility__in=scopes)
        entries += [mails.entry_of(case, s) for s in sessions]
    # A group's session is one event in a calendar, though its owner (the neutral, say) takes
    # part in it on several member cases: one entry per UID, a cancelled row only when no
    # row of it is still on (a case that left the group cancelled its own row alone).
    by_uid: dict[str, calendar.CalendarEntry] = {}
    for entry in entries:
        held = by_uid.get(entry.uid)
        if held is None or (held.cancelled and not entry.cancelled):
            by_uid[entry.uid] = entry
    entries = sorted(by_uid.values(), key=lambda e: datetime.fromisoformat(e.starts_at))
    return calendar.feed(entries, user.time_zone, base_url=base_url, stamp=at or _now())
