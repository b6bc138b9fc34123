"""The cases service: actions on a case, and the periodic clock job.

Importing this module registers every action's handler with the engine.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from tortoise.transactions import in_transaction

from portal.automated import services as _automated  # noqa: F401  (registers its handler)
from portal.cases import appointments as _appointments  # noqa: F401  (registers handlers)
from portal.cases import closing as _closing  # noqa: F401
from portal.cases import handlers as _handlers  # noqa: F401
from portal.cases.clocks import past_due
from portal.cases.engine import load_view, now, perform
from portal.cases.errors import CaseError
from portal.cases.events import EventKind, record
from portal.cases.models import Clock, DisputeCase, Offer
from portal.cases.states import CaseRole, ClockStatus, OfferStatus
from portal.cases.transitions import WINDOWS, Action, lapse_of

log = logging.getLogger("portal.clocks")

__all__ = ["Action", "perform", "run_clock_job"]


async def run_clock_job(at: datetime | None = None) -> int:
    """Handle every running clock whose due date has passed; returns how many. A paused
    clock is left alone: its time stands still while a hold is in force on its case
    (`transitions.HOLDS`), so it has not run out, and no lapse is taken for it.

    Safe to run in several processes at once: each clock is claimed by a conditional update
    inside its case's transaction, so exactly one process acts on it.
    """
    at = at or now()
    due = await Clock.filter(
        status=ClockStatus.RUNNING, paused_at__isnull=True, due_at__lt=at
    ).order_by("due_at")
    handled = 0
    for clock in due:
        try:
            handled += await _lapse(clock.id, clock.case_id, at)
        except CaseError as exc:  # the case moved on meanwhile; the next run sees it afresh
            log.info("clock %s not handled: %s", clock.id, exc.code)
    # Issue 20, 3: offers past the expiry their maker set, by the table's `offer_expired` row
    # (its guard checks again under the case's lock: an offer is recorded expired once).
    lapsed = await Offer.filter(
        status=OfferStatus.OPEN, expires_at__isnull=False, expires_at__lte=at
    ).order_by("expires_at")
    for offer in lapsed:
        try:
            await perform(None, offer.case_id, Action.OFFER_EXPIRED, {"offer_id": offer.id}, at=at)
        except CaseError as exc:  # answered, or the case left resolution, meanwhile
            log.info("offer %s not expired: %s", offer.id, exc.code)
            continue
        handled += 1
    return handled


async def _lapse(clock_id: uuid.UUID, case_id: uuid.UUID, at: datetime) -> int:
    async with in_transaction():
        case = await DisputeCase.select_for_update().get(id=case_id)
        clock = await Clock.get(id=clock_id)
        # Read again under the case's lock: acted on, extended or paused since the job
        # listed it.
        if clock.status is not ClockStatus.RUNNING or not past_due(clock, at):
            return 0
        # The table's row for this lapse, if one applies (transitions.lapse_of).
        action = lapse_of(clock.kind, await load_view(case, at))
    if action is not None:
        await perform(None, case_id, action, at=at)
        return 1
    async with in_transaction():
        case = await DisputeCase.select_for_update().get(id=case_id)
        # A window that closes is nobody's failure; any other clock was missed.
        status = ClockStatus.MET if clock.kind in WINDOWS else ClockStatus.MISSED
        claimed = await Clock.filter(
            id=clock_id, status=ClockStatus.RUNNING, paused_at__isnull=True, due_at__lt=at
        ).update(status=status, ended_at=at)
        if not claimed:
            return 0
        await record(
            case,
            EventKind.CLOCK_MET if status is ClockStatus.MET else EventKind.CLOCK_MISSED,
            at=at,
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload={"clock": clock.kind, "due_at": clock.due_at, "responsible": clock.responsible},
        )
        await case.save(update_fields=["last_sequence", "head_hash"])
    log.info("clock %s", status.value, extra={"case": case.reference, "clock": clock.kind.value})
    return 1
