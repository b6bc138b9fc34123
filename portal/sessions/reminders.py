"""Session reminders, written by the worker's clock round: one per session and start, however
many workers run (a moved session is reminded again, for its new time)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from portal.cases.models import DisputeCase
from portal.cases.states import TERMINAL_STAGES
from portal.sessions import mails
from portal.sessions.models import CaseSession
from portal.sessions.states import SessionStatus

log = logging.getLogger("portal.sessions")


async def schedule_session_reminders(at: datetime, hours_before: int) -> int:
    """Mail a reminder for each scheduled session starting within ``hours_before`` hours
    that has none for its current start; returns how many sessions got one."""
    if hours_before <= 0:
        return 0
    due = await CaseSession.filter(
        status=SessionStatus.SCHEDULED,
        starts_at__gt=at,
        starts_at__lte=at + timedelta(hours=hours_before),
        # A case closed since (withdrawn, say, or by the clock job) holds no more sessions.
        case__stage__not_in=list(TERMINAL_STAGES),
    )
    reminded = 0
    done: set[object] = set()
    for session in due:
        if session.reminded_for == session.starts_at or session.calendar_id in done:
            continue
        done.add(session.calendar_id)
        # A group's session is reminded on all its member rows at once, one mail a person.
        rows = (
            [session]
            if session.group_session_id is None
            else [s for s in due if s.group_session_id == session.group_session_id]
        )
        async with in_transaction():
            # A conditional update claims it: a second worker updates nothing and mails nothing.
            claimed = (
                await CaseSession.filter(
                    id__in=[s.id for s in rows],
                    status=SessionStatus.SCHEDULED,
                    starts_at=session.starts_at,
                )
                .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=session.starts_at))
                .update(reminded_for=session.starts_at)
            )
            if not claimed:
                continue
            sent: set[str] = set()
            for row in rows:
                case = await DisputeCase.get(id=row.case_id)
                await mails.reminded(case, row, at, sent=sent)
        reminded += 1
    if reminded:
        log.info("scheduled reminders for %d sessions", reminded)
    return reminded
