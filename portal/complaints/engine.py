"""Executing the complaint transition table: one transaction per step, with its clocks, its
record (`ComplaintStep`) and its mails.

The complaint row is locked for the transaction (FOR UPDATE on PostgreSQL; SQLite serialises
every transaction). Handlers (`portal.complaints.handlers`, registered when
`portal.complaints.services` is imported) write what is particular to an action; everything
the table declares is done here.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.clocks import complaint_rule, due_at
from portal.cases.errors import CaseError
from portal.cases.inputs import text
from portal.cases.states import ClockStatus
from portal.complaints.chain import chained_fields, next_link
from portal.complaints.models import Complaint, ComplaintClock, ComplaintStep
from portal.complaints.states import (
    ComplaintAction,
    ComplaintClockKind,
    ComplaintDecision,
    ComplaintRole,
)
from portal.complaints.transitions import (
    TABLE,
    TERMINAL,
    ComplaintTransition,
    ComplaintView,
    refusal,
)


def now() -> datetime:
    return datetime.now(UTC)


class ComplaintError(CaseError):
    pass


class ComplaintNotFound(ComplaintError):
    """Also what a complaint the actor may not see looks like."""

    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "No such complaint.")


MESSAGES = {
    "ACTION_NOT_AVAILABLE": "That step is not possible at this status of the complaint.",
    "FORBIDDEN": "Your role on this complaint does not allow that step.",
    "ALREADY_CONFIRMED": "The complaint is confirmed already.",
    "ALREADY_REFERRED": "This complaint is already referred.",
    "COMPLAINANT_NOT_CONFIRMED": "The complainant has not confirmed this recorded complaint "
    "yet; it can be referred once they do, or by them.",
    "CLOCK_NOT_RUNNING": "No clock of this kind has run out on this complaint.",
}


def refused(code: str) -> ComplaintError:
    return ComplaintError(code, MESSAGES[code])


@dataclass
class Step:
    """One step in progress: what the handler sees, and what it adds to the step's record."""

    complaint: Complaint
    view: ComplaintView
    transition: ComplaintTransition
    actor: Actor | None
    role: ComplaintRole
    at: datetime
    data: Mapping[str, Any]
    text: str = ""
    decision: ComplaintDecision | None = None
    clock: ComplaintClockKind | None = None
    # What the handler made beyond the complaint (a referral's dispute case).
    made: dict[str, Any] = field(default_factory=dict)

    @property
    def actor_id(self) -> uuid.UUID | None:
        return self.actor.id if self.actor is not None else None


Handler = Callable[[Step], Awaitable[None]]
HANDLERS: dict[ComplaintAction, Handler] = {}


def handles(action: ComplaintAction) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[action] = handler
        return handler

    return register


async def load_view(complaint: Complaint, at: datetime) -> ComplaintView:
    clocks = await ComplaintClock.filter(complaint_id=complaint.id).order_by("started_at", "kind")
    return ComplaintView(complaint=complaint, clocks=tuple(clocks), now=at)


async def perform(
    actor: Actor | None,
    complaint_id: uuid.UUID,
    action: ComplaintAction,
    data: Mapping[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> Step:
    """Take ``action`` on the complaint as ``actor`` (None: the clock job), in one transaction.

    Raises ComplaintNotFound for a complaint the actor may not see, and CaseError with the
    table's or a guard's code when the step may not be taken; then nothing has changed.
    """
    transition = TABLE[action]
    at = at or now()
    async with in_transaction():
        complaint = await Complaint.select_for_update().get_or_none(id=complaint_id)
        if complaint is None:
            raise ComplaintNotFound()
        if actor is None:
            roles = frozenset({ComplaintRole.SYSTEM})
        else:
            if not policy.may_view_complaint(actor, complaint):
                raise ComplaintNotFound()
            roles = policy.complaint_roles(actor, complaint)
        view = await load_view(complaint, at)
        reason = refusal(transition, view, roles)
        if reason is not None:
            raise refused(reason)
        step = Step(
            complaint=complaint,
            view=view,
            transition=transition,
            actor=actor,
            role=sorted(transition.roles & roles)[0],
            at=at,
            data=data or {},
        )
        if transition.text is not None:
            step.text = text(step.data, transition.text)
        handler = HANDLERS.get(action)
        if handler is not None:
            await handler(step)
        await _finish(step)
    return step


async def begin(
    complaint: Complaint, action: ComplaintAction, actor: Actor, role: ComplaintRole
) -> Step:
    """The first step of a complaint just created (FILE or RECORD), inside the caller's
    transaction: its record, its clocks and its mails, as the table's row declares."""
    transition = TABLE[action]
    assert not transition.sources
    assert complaint.status is transition.target
    step = Step(
        complaint=complaint,
        view=ComplaintView(complaint=complaint, clocks=(), now=complaint.received_at),
        transition=transition,
        actor=actor,
        role=role,
        at=complaint.received_at,
        data={},
    )
    await _finish(step)
    return step


async def _finish(step: Step) -> None:
    transition, complaint = step.transition, step.complaint
    for kind in transition.stops:
        await _stop(step, kind)
    if transition.target is not None and transition.target is not complaint.status:
        complaint.status = transition.target
        if transition.target in TERMINAL:
            for clock in step.view.clocks:
                if clock.status is ClockStatus.RUNNING:
                    await _end(step, clock, ClockStatus.STOPPED)
    # Issue 19: the step goes on the complaint's chain; the complaint keeps the new head.
    link = next_link(
        complaint,
        action=transition.action,
        status=complaint.status,
        actor_id=step.actor_id,
        actor_role=step.role,
        at=step.at,
        text=step.text,
        decision=step.decision,
        clock=step.clock,
    )
    complaint.last_sequence = link.sequence
    complaint.head_hash = link.hash()
    # Issue 18: a complaint's `updatedAt` moves with every step, here and nowhere else.
    complaint.updated_at = step.at
    await complaint.save()
    if transition.starts:
        organisation = await Organisation.get(id=complaint.organisation_id)
        for kind in transition.starts:
            await _start(step, organisation, kind)
    await ComplaintStep.create(
        complaint_id=complaint.id,
        action=transition.action,
        status=complaint.status,
        actor_id=step.actor_id,
        actor_role=step.role,
        at=step.at,
        text=step.text,
        decision=step.decision,
        clock=step.clock,
        **chained_fields(link),
    )
    if transition.tells:
        # Written in the same transaction as the step, or not at all.
        from portal.notifications.complaint_mails import tell

        await tell(step)


async def _start(step: Step, organisation: Organisation, kind: ComplaintClockKind) -> None:
    rule = complaint_rule(organisation.complaint_policy, kind)
    await ComplaintClock.create(
        complaint_id=step.complaint.id,
        kind=kind,
        calendar=rule.calendar,
        days=rule.days,
        started_at=step.at,
        due_at=due_at(step.at, rule.days, rule.calendar, organisation.country),
    )


async def _stop(step: Step, kind: ComplaintClockKind) -> None:
    """The organisation acted (met if on time, missed if late), or the clock job found the
    clock run out (missed)."""
    clock = step.view.running(kind)
    if clock is None:
        return
    if step.transition.system:
        step.clock = kind
    await _end(step, clock, ClockStatus.MET if step.at <= clock.due_at else ClockStatus.MISSED)


async def _end(step: Step, clock: ComplaintClock, status: ClockStatus) -> None:
    clock.status = status
    clock.ended_at = step.at
    await clock.save(update_fields=["status", "ended_at"])
