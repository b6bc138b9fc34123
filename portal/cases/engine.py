"""Executing the transition table: one transaction per action, with its clocks and events.

A state change, its timeline events and its clock changes are written together or not at all.
The case row is locked for the transaction (FOR UPDATE on PostgreSQL; SQLite serialises every
transaction), so sequences and stages cannot race.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor, ActorKind
from portal.automated import records as automated
from portal.cases.clocks import (
    DEFAULT_MAX_EXTENSIONS,
    MAX_EXTENSIONS,
    due_at,
    past_due,
    responsible,
    rule_for,
)
from portal.cases.errors import CaseNotFound, refused, stage_changed
from portal.cases.events import EventKind, record
from portal.cases.holds import apply_holds
from portal.cases.models import (
    CaseParticipant,
    Clock,
    DisputeCase,
    NeutralAppointment,
    Offer,
    Outcome,
    Scheme,
)
from portal.cases.states import (
    TERMINAL_STAGES,
    AppointmentStatus,
    AutomatedRule,
    Calendar,
    CaseRole,
    ClockKind,
    ClockStatus,
    OfferStatus,
    Stage,
)
from portal.cases.transitions import TABLE, WINDOWS, Action, CaseView, Transition, refusal
from portal.feedback.closure import case_ended
from portal.fees.models import FeeInvoice
from portal.notifications.receipts import head_moment, mail_head, mail_receipt
from portal.notifications.steps import step_taken
from portal.timeline.models import TimelineEvent


def now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Step:
    """One action in progress: what the handler sees and what it asks the engine to do."""

    case: DisputeCase
    view: CaseView
    scheme: Scheme
    transition: Transition
    actor_id: uuid.UUID | None
    role: CaseRole
    at: datetime
    data: Mapping[str, Any]
    payload: dict[str, Any] = field(default_factory=dict)
    target: Stage | None = None  # set by the handler when the table lists several targets
    start: list[ClockKind] = field(default_factory=list)  # clocks started beyond the table's
    stop: list[ClockKind] = field(default_factory=list)
    # Clocks whose party is gone (a neutral who recused or was removed): `halt_clock`.
    halt: list[ClockKind] = field(default_factory=list)

    async def event(self, kind: EventKind, payload: dict[str, Any] | None = None) -> TimelineEvent:
        return await record(
            self.case,
            kind,
            at=self.at,
            actor_id=self.actor_id,
            actor_role=self.role.value,
            payload=payload,
        )


Handler = Callable[[Step], Awaitable[None]]
HANDLERS: dict[Action, Handler] = {}


def handles(action: Action) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[action] = handler
        return handler

    return register


async def load_view(case: DisputeCase, at: datetime) -> CaseView:
    scheme = await Scheme.get(id=case.scheme_id)
    appointment = (
        await NeutralAppointment.filter(case_id=case.id)
        .exclude(status=AppointmentStatus.REMOVED)
        .order_by("-appointed_at")
        .first()
    )
    outcome = (
        await Outcome.filter(case_id=case.id, superseded_at__isnull=True)
        .order_by("-issued_at")
        .first()
    )
    offers = await Offer.filter(case_id=case.id).order_by("made_at")
    clocks = await Clock.filter(case_id=case.id).order_by("started_at")
    fees = await FeeInvoice.filter(case_id=case.id).order_by("issued_at", "number")
    return CaseView(
        case=case,
        scheme=scheme,
        appointment=appointment,
        outcome=outcome,
        offers=tuple(offers),
        clocks=tuple(clocks),
        now=at,
        fees=tuple(fees),
        automated_review=await automated.pending_review(case.id),
    )


async def roles_on(
    actor: Actor, case: DisputeCase, appointment: NeutralAppointment | None
) -> frozenset[CaseRole]:
    participant_roles: list[str] = await CaseParticipant.filter(  # type: ignore[assignment]
        case_id=case.id, user_id=actor.id
    ).values_list("role", flat=True)
    return policy.case_roles(actor, case, participant_roles, appointment)


async def perform(
    actor: Actor | None,
    case_id: uuid.UUID,
    action: Action,
    data: Mapping[str, Any] | None = None,
    *,
    at: datetime | None = None,
    expected_stage: Stage | None = None,
) -> DisputeCase:
    """Take ``action`` on the case as ``actor`` (None: the clock job).

    Raises CaseNotFound for a case the actor may not see, CaseError STAGE_CHANGED when
    ``expected_stage`` is given and the case is no longer there, and CaseError with the guard's
    code when the action may not be taken; then nothing has changed.
    """
    transition = TABLE[action]
    at = at or now()
    async with in_transaction():
        case = await DisputeCase.select_for_update().get_or_none(id=case_id)
        if case is None:
            raise CaseNotFound()
        view = await load_view(case, at)
        if actor is None:
            roles = frozenset({CaseRole.SYSTEM})
        else:
            roles = await roles_on(actor, case, view.appointment)
            if not roles:
                raise CaseNotFound()
        # Issue 13 D5: checked under the case's lock, after the visibility check (a case the
        # actor may not see says nothing of its stage), before the guards: an action aimed at
        # a stage the case has left is refused as such, even when the new stage allows it.
        if expected_stage is not None and case.stage is not expected_stage:
            raise stage_changed(expected_stage, case.stage)
        person = actor is None or actor.kind is ActorKind.USER
        reason = refusal(transition, view, roles, person=person)
        if reason is not None:
            raise refused(reason)
        role = sorted(transition.roles & roles)[0]
        step = Step(
            case=case,
            view=view,
            scheme=view.scheme,
            transition=transition,
            actor_id=actor.id if actor else None,
            role=role,
            at=at,
            data=data or {},
        )
        await HANDLERS[action](step)
        await _finish(step)
        await case.save()
    return case


async def _finish(step: Step) -> None:
    transition = step.transition
    was = step.case.stage
    target = step.target or (transition.targets[0] if len(transition.targets) == 1 else None)
    rule = AutomatedRule(transition.action.value) if transition.system else None
    if rule is not None:
        # Issue 20, 3: the record itself says the step was automated, and by which rule.
        step.payload["automated_rule"] = rule
    event = await step.event(transition.event, step.payload)
    decision = None
    if rule is not None:
        # Before the steps below record more (the case-closed mail names the decision).
        decision = await automated.decided(
            step.case, step.scheme, rule, event, before=was, after=target or was, at=step.at
        )
    for kind in (*transition.stops, *step.stop):
        await stop_clock(step, kind)
    for kind in step.halt:
        await halt_clock(step, kind)
    if target is not None and target is not step.case.stage:
        if step.case.stage is Stage.IN_RESOLUTION:
            # Leaving resolution ends the bargaining: offers still open can no longer be taken.
            await Offer.filter(case_id=step.case.id, status=OfferStatus.OPEN).update(
                status=OfferStatus.EXPIRED, decided_at=step.at
            )
        step.case.stage = target
        step.case.stage_changed_at = step.at
        if target in TERMINAL_STAGES:
            step.case.closed_at = step.at
            for clock in step.view.clocks:
                if clock.status is ClockStatus.RUNNING:
                    await _end_clock(step, clock, ClockStatus.STOPPED)
            # ISO 10003 8: the complaint's record and the surveys, in this same transaction.
            await case_ended(step.case, step.view.outcome, step.data, at=step.at)
        if target is Stage.CLOSED and transition.event is not EventKind.CASE_CLOSED:
            await step.event(
                EventKind.CASE_CLOSED,
                {"reason": step.case.closure_reason, "note": step.case.closure_note or None},
            )
    started = [await start_clock(step, kind) for kind in (*transition.starts, *step.start)]
    # Where the step leaves the case, the holds in force there pause or resume its clocks
    # (transitions.HOLDS): one started at a held stage is paused at once.
    clocks = await Clock.filter(case_id=step.case.id).order_by("started_at")
    await apply_holds(
        replace(step.view, clocks=tuple(clocks)),
        actor_id=step.actor_id,
        actor_role=step.role.value,
    )
    # The step's mail lists the clocks it started with their dates: not those a hold paused
    # at once (their dates move; their resumption is mailed).
    paused = {c.id for c in clocks if c.paused_at is not None}
    started = [c for c in started if c.id not in paused]
    if decision is not None:
        decision.clocks_after = await automated.clocks_running(step.case.id)
        await decision.save(update_fields=["clocks_after"])
    # Those the row tells hear of the step, with the clocks it started (issue 15).
    await step_taken(step.case, event, transition, step.actor_id, started)
    if transition.irreversible and step.actor_id is not None:
        # The receipt is written last: it says where the case stands after the step.
        await mail_receipt(step.case, event, transition, step.actor_id, started)
    moment = head_moment(transition.event, was, step.case.stage)
    if moment is not None:
        # Last of all: the head every party is mailed covers everything the step recorded.
        await mail_head(step.case, moment, step.at)


async def holds_changed(
    case: DisputeCase, *, at: datetime, actor_id: uuid.UUID | None, actor_role: str
) -> None:
    """A hold on the case may have started or ended (a fee invoiced, paid or waived): pause
    or resume its clocks as the tables say (`portal.cases.holds`). Inside the caller's
    transaction, with the case row locked; the events go on its timeline at ``at``."""
    await apply_holds(await load_view(case, at), actor_id=actor_id, actor_role=actor_role)


async def start_clock(step: Step, kind: ClockKind) -> Clock:
    return await open_clock(
        step.case, step.scheme, kind, at=step.at, actor_id=step.actor_id, actor_role=step.role.value
    )


async def open_clock(
    case: DisputeCase,
    scheme: Scheme,
    kind: ClockKind,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
) -> Clock:
    """Start a clock under the scheme's rule, and record it on the timeline."""
    rule = rule_for(scheme.clock_policy, kind, complex_case=case.is_complex)
    due = due_at(at, rule.days, rule.calendar, scheme.country)
    party = responsible(kind, case.method)
    clock = await Clock.create(
        case_id=case.id,
        kind=kind,
        responsible=party,
        calendar=rule.calendar.value,
        days=rule.days,
        started_at=at,
        due_at=due,
    )
    await record(
        case,
        EventKind.CLOCK_STARTED,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        payload={
            "clock": kind,
            "responsible": party,
            "due_at": due,
            "days": rule.days,
            "calendar": rule.calendar,
        },
    )
    return clock


async def stop_clock(step: Step, kind: ClockKind) -> None:
    """The responsible party acted: met if on time, missed if late."""
    clock = next(
        (c for c in step.view.clocks if c.kind is kind and c.status is ClockStatus.RUNNING), None
    )
    if clock is None:
        return
    on_time = not past_due(clock, step.at) or kind in WINDOWS
    await _end_clock(step, clock, ClockStatus.MET if on_time else ClockStatus.MISSED)


async def halt_clock(step: Step, kind: ClockKind) -> None:
    """The party a running clock names is gone (a neutral who recused or was removed): the
    clock stops as nobody's delay, unless it had already run out, which stays their delay."""
    clock = step.view.running(kind)
    if clock is None:
        return
    late = past_due(clock, step.at) and kind not in WINDOWS
    await _end_clock(step, clock, ClockStatus.MISSED if late else ClockStatus.STOPPED)


async def _end_clock(step: Step, clock: Clock, status: ClockStatus) -> None:
    clock.status = status
    clock.ended_at = step.at
    # An ended clock is no longer paused (only a running one is).
    clock.paused_at = None
    clock.paused_for = None  # type: ignore[assignment]
    await clock.save(update_fields=["status", "ended_at", "paused_at", "paused_for"])
    kind = {
        ClockStatus.MET: EventKind.CLOCK_MET,
        ClockStatus.MISSED: EventKind.CLOCK_MISSED,
        ClockStatus.STOPPED: EventKind.CLOCK_STOPPED,
    }[status]
    await step.event(
        kind, {"clock": clock.kind, "due_at": clock.due_at, "responsible": clock.responsible}
    )


async def extend(step: Step, clock: Clock, days: int, reason: str) -> None:
    if clock.extensions >= MAX_EXTENSIONS.get(clock.kind, DEFAULT_MAX_EXTENSIONS):
        raise refused("EXTENSION_LIMIT")
    previous = clock.due_at
    # The clock's own calendar: the scheme's rule for its kind may differ (a complex case's
    # response clock has a rule of its own).
    calendar = Calendar(clock.calendar)
    clock.due_at = due_at(clock.due_at, days, calendar, step.scheme.country)
    clock.extensions += 1
    await clock.save(update_fields=["due_at", "extensions"])
    step.payload.update(
        {
            "clock": clock.kind,
            "days": days,
            "reason": reason,
            "previous_due_at": previous,
            "due_at": clock.due_at,
        }
    )
