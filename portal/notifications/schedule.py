"""Clock reminders, scheduled by the worker: one per clock and due date, however many workers
run and however often they restart (DOMAIN.md "Clocks": reminders go out before a due date)."""

from __future__ import annotations

import logging
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.cases.clocks import days_ahead
from portal.cases.models import Clock, DisputeCase
from portal.cases.states import ClockStatus
from portal.notifications.derive import case_context, clock_mail, mail_people
from portal.notifications.mail import MailKind
from portal.notifications.models import ClockNotice
from portal.notifications.recipients import RESPONSIBLE_ROLES, audience, case_people
from portal.timeline.models import Visibility

log = logging.getLogger("portal.notifications")


async def schedule_reminders(at: datetime, days_before: int) -> int:
    """Write the reminders due by ``at``: running clocks that end within ``days_before`` days
    and have no reminder for their current due date yet. Returns how many clocks got one."""
    if days_before <= 0:
        return 0
    clocks = await Clock.filter(
        status=ClockStatus.RUNNING,
        # A paused clock's due date is not where it stands: it moves when the clock resumes.
        paused_at__isnull=True,
        due_at__gt=at,
        due_at__lte=at + days_ahead(days_before),
    ).order_by("due_at")
    if not clocks:
        return 0
    noticed = set(
        await ClockNotice.filter(clock_id__in=[c.id for c in clocks]).values_list(
            "clock_id", "due_at"
        )
    )
    scheduled = 0
    for clock in clocks:
        if (clock.id, clock.due_at) in noticed:
            continue
        try:
            async with in_transaction():
                # The unique (clock, due date) row first: a second worker fails here, and its
                # transaction writes no mail.
                await ClockNotice.create(clock_id=clock.id, due_at=clock.due_at, created_at=at)
                case = await DisputeCase.get(id=clock.case_id)
                people, appointment = await case_people(case)
                chosen = audience(
                    people,
                    appointment,
                    RESPONSIBLE_ROLES[clock.responsible],
                    Visibility.ALL_PARTIES,
                )
                context = {
                    **await case_context(case),
                    "clock": clock.kind.value,
                    "due": clock.due_at,
                    "binding": case.method.binding,
                }
                # A window for a right is never "due": it is recalled as "You may ... until".
                kind = MailKind.CLOCK_REMINDER
                if clock_mail(clock.kind) is MailKind.WINDOW_OPEN:
                    kind = MailKind.WINDOW_OPEN
                await mail_people(kind, chosen, context, at=at, case_id=case.id)
        except IntegrityError:
            continue  # another worker scheduled this one first
        scheduled += 1
    if scheduled:
        log.info("scheduled reminders for %d clocks", scheduled)
    return scheduled
