"""Pausing and resuming a case's clocks as holds start and end (the rule: `transitions.HOLDS`
and `transitions.HOLD_PAUSES`).

`apply_holds` brings the clocks in line with the holds in force now: a running clock a hold
pauses and that is not paused yet is paused (`clock_paused`); a paused clock that no hold
pauses any more resumes with the time it had left (`clock_resumed`, its new due date). The
engine calls it after every step (a step may bring a case to a held stage, start a clock
there, or leave it); whatever else may start or end a hold (the fee code, when it invoices,
and on a payment or a waiver) calls `engine.holds_changed`. Neither restates which clocks a
hold stops: that is the tables'.
"""

from __future__ import annotations

import uuid

from portal.cases.clocks import resumed_due
from portal.cases.events import EventKind, record_step
from portal.cases.guards import CaseView
from portal.cases.models import Clock
from portal.cases.states import Calendar, ClockHold, ClockStatus
from portal.cases.transitions import held_clocks
from portal.notifications.mail import MailKind
from portal.notifications.models import Channel, OutboxMessage, OutboxStatus

# The mails that announce a clock as it starts (`derive`: its duty or window, "by <date>").
_START_MAILS = [MailKind.ACTION_NEEDED, MailKind.WINDOW_OPEN, MailKind.IMPLEMENTATION_DUE]

__all__ = ["apply_holds"]


async def apply_holds(view: CaseView, *, actor_id: uuid.UUID | None, actor_role: str) -> int:
    """Pause and resume the case's running clocks as the holds in force on ``view`` (freshly
    loaded, its case row locked by the caller) say, each change on the timeline at
    ``view.now``; returns how many clocks changed."""
    held = held_clocks(view)
    changed = 0
    for clock in view.clocks:
        if clock.status is not ClockStatus.RUNNING:
            continue
        hold = held.get(clock.kind)
        if hold is not None and clock.paused_at is None:
            await _pause(view, clock, hold, actor_id=actor_id, actor_role=actor_role)
            changed += 1
        elif hold is None and clock.paused_at is not None:
            await _resume(view, clock, actor_id=actor_id, actor_role=actor_role)
            changed += 1
    return changed


async def _pause(
    view: CaseView,
    clock: Clock,
    hold: ClockHold,
    *,
    actor_id: uuid.UUID | None,
    actor_role: str,
) -> None:
    clock.paused_at = view.now
    clock.paused_for = hold
    await clock.save(update_fields=["paused_at", "paused_for"])
    if clock.started_at == view.now:
        await _withdraw_start_mails(view, clock)
    await record_step(
        view.case,
        EventKind.CLOCK_PAUSED,
        at=view.now,
        actor_id=actor_id,
        actor_role=actor_role,
        payload={
            "clock": clock.kind,
            "due_at": clock.due_at,
            "responsible": clock.responsible,
            "hold": hold,
        },
    )


async def _withdraw_start_mails(view: CaseView, clock: Clock) -> None:
    """A clock paused the moment it starts: the mails this same transaction wrote to announce
    it "by <date>" are withdrawn before anyone reads them (nobody can do its duty while the
    case is held, and its date will move); the mail of its resumption gives the real date."""
    written = await OutboxMessage.filter(
        case_id=view.case.id,
        channel=Channel.EMAIL,
        status=OutboxStatus.PENDING,
        kind__in=[k.value for k in _START_MAILS],
        created_at=view.now,
    )
    stale = [row.id for row in written if row.context.get("clock") == clock.kind.value]
    if stale:
        await OutboxMessage.filter(id__in=stale).delete()


async def _resume(
    view: CaseView, clock: Clock, *, actor_id: uuid.UUID | None, actor_role: str
) -> None:
    paused_at, hold, previous = clock.paused_at, clock.paused_for, clock.due_at
    assert paused_at is not None
    clock.due_at = resumed_due(
        previous, paused_at, view.now, Calendar(clock.calendar), view.scheme.country
    )
    clock.paused_at = None
    clock.paused_for = None  # type: ignore[assignment]
    await clock.save(update_fields=["due_at", "paused_at", "paused_for"])
    await record_step(
        view.case,
        EventKind.CLOCK_RESUMED,
        at=view.now,
        actor_id=actor_id,
        actor_role=actor_role,
        payload={
            "clock": clock.kind,
            "responsible": clock.responsible,
            "hold": hold,
            "paused_at": paused_at,
            "previous_due_at": previous,
            "due_at": clock.due_at,
        },
    )
