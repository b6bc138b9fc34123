"""Complaint clocks: which are late (one definition for the `overdue` filter and flags), and
the clock job's pass over those that ran out.

A clock is late when it runs past its due date, or was recorded missed while the complaint
still waits on its duty (`transitions.owed_in`).
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from portal.cases.errors import CaseError
from portal.cases.states import ClockStatus
from portal.complaints.engine import now, perform
from portal.complaints.models import ComplaintClock
from portal.complaints.states import ComplaintClockKind
from portal.complaints.transitions import CLOCKS, owed_in

log = logging.getLogger("portal.clocks")

__all__ = ["late", "late_ids", "overdue_complaints", "run_complaint_clock_job"]


def late(at: datetime) -> QuerySet[ComplaintClock]:
    """Clocks late at ``at``: running past due, or missed with their duty still owed."""
    conditions = [Q(status=ClockStatus.RUNNING, due_at__lt=at)]
    for kind in ComplaintClockKind:
        conditions.append(
            Q(status=ClockStatus.MISSED, kind=kind, complaint__status__in=sorted(owed_in(kind)))
        )
    return ComplaintClock.filter(Q(*conditions, join_type=Q.OR))


def overdue_complaints(at: datetime) -> Q:
    """A condition on complaints: one of their clocks is late at ``at``."""
    return Q(id__in=Subquery(late(at).values("complaint_id")))


async def late_ids(complaint_ids: Iterable[uuid.UUID], at: datetime) -> set[uuid.UUID]:
    """The ids of the clocks of these complaints that are late at ``at``."""
    ids = list(complaint_ids)
    if not ids:
        return set()
    found = await late(at).filter(complaint_id__in=ids).values_list("id", flat=True)
    return set(found)  # type: ignore[arg-type]


async def run_complaint_clock_job(at: datetime | None = None) -> int:
    """Record every complaint clock that ran out as missed, by the table's row for it (which
    tells the managers, and for the response clock the complainant); returns how many.

    Safe in several processes at once: the row's guard is checked again under the
    complaint's lock, so a clock is recorded missed once. (The clock job's rows write nothing
    but what the table declares: they have no handler.)
    """
    at = at or now()
    due = await ComplaintClock.filter(status=ClockStatus.RUNNING, due_at__lt=at).order_by("due_at")
    by_complaint: dict[uuid.UUID, list[ComplaintClockKind]] = defaultdict(list)
    for clock in due:
        by_complaint[clock.complaint_id].append(clock.kind)
    handled = 0
    for complaint_id, kinds in by_complaint.items():
        for kind in kinds:
            try:
                await perform(None, complaint_id, CLOCKS[kind][1], at=at)
            except CaseError as exc:  # acted on meanwhile; the next run sees it afresh
                log.info("complaint clock not handled: %s", exc.code)
                continue
            handled += 1
    return handled
