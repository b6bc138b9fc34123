"""The guards of the stage machine: each answers None when an action may go ahead, or the code
of the reason it may not, from one case's records loaded once (no I/O of their own)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from portal.cases.clocks import past_due
from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Offer, Outcome, Scheme
from portal.cases.states import (
    COMPLAINANT_SIDE,
    AppointmentStatus,
    AutomatedRule,
    CaseRole,
    ClockKind,
    ClockStatus,
    MethodFamily,
    OfferStatus,
    Side,
    Stage,
)
from portal.fees.states import InvoiceStatus

if TYPE_CHECKING:
    from portal.fees.models import FeeInvoice


@dataclass(frozen=True)
class PendingAutomatedReview:
    """A party's pending request that a person review a step the clock job took (issue 20,
    3), with where that step left the case: what the reversal row's guard decides on."""

    review_id: object  # the AutomatedReview's id (a UUID)
    rule: AutomatedRule
    stage_before: Stage
    stage_after: Stage
    clocks_after: frozenset[ClockKind]  # the clocks running when the step was done


@dataclass(frozen=True)
class CaseView:
    """What the guards decide on: one case and its current records, loaded once."""

    case: DisputeCase
    scheme: Scheme  # the case's rule book (a scheme cases point at never changes)
    appointment: NeutralAppointment | None  # the latest one not removed
    outcome: Outcome | None  # the current (not superseded) one
    offers: tuple[Offer, ...]
    clocks: tuple[Clock, ...]
    now: datetime
    fees: tuple[FeeInvoice, ...] = ()  # the case's fee invoices (portal.fees)
    # Issue 20, 3: the case's pending review of an automated step, if any.
    automated_review: PendingAutomatedReview | None = None

    def running(self, kind: ClockKind) -> Clock | None:
        return next(
            (c for c in self.clocks if c.kind is kind and c.status is ClockStatus.RUNNING), None
        )

    def ran_out(self, kind: ClockKind) -> bool:
        """A clock of this kind is running past its due date (the clock job has not yet
        taken it, or is taking it now). A paused clock never has: its time stands still."""
        clock = self.running(kind)
        return clock is not None and self.past_due(clock)

    def past_due(self, clock: Clock) -> bool:
        """Whether ``clock`` has run out now (never while it is paused: `clocks.past_due`)."""
        return past_due(clock, self.now)

    def open_offers(self, side: Side | None = None) -> list[Offer]:
        return [
            o for o in self.offers if o.is_open_at(self.now) and (side is None or o.side is side)
        ]


# A guard answers None when the action may go ahead, else the code of the reason it may not.
Guard = Callable[[CaseView, CaseRole], str | None]


def facilitative(view: CaseView, role: CaseRole) -> str | None:
    return None if view.case.method.family is MethodFamily.FACILITATIVE else "NOT_FACILITATIVE"


def neutral_confirmed_or_not_needed(view: CaseView, role: CaseRole) -> str | None:
    if not view.case.method.needs_neutral:
        return None
    return neutral_confirmed(view, role)


def no_active_appointment(view: CaseView, role: CaseRole) -> str | None:
    if not view.case.method.needs_neutral:
        return "NO_NEUTRAL_FOR_METHOD"
    return "APPOINTMENT_ACTIVE" if view.appointment is not None else None


def awaiting_declaration(view: CaseView, role: CaseRole) -> str | None:
    pending = view.appointment and view.appointment.status is AppointmentStatus.AWAITING_DECLARATION
    return None if pending else "NO_DECLARATION_DUE"


def objection_window_open(view: CaseView, role: CaseRole) -> str | None:
    window = view.appointment and view.appointment.status is AppointmentStatus.OBJECTION_WINDOW
    clock = view.running(ClockKind.OBJECTION)
    open_now = window and clock is not None and not view.past_due(clock)
    return None if open_now else "OBJECTION_WINDOW_CLOSED"


def objection_window_elapsed(view: CaseView, role: CaseRole) -> str | None:
    window = view.appointment and view.appointment.status is AppointmentStatus.OBJECTION_WINDOW
    clock = view.running(ClockKind.OBJECTION)
    elapsed = window and clock is not None and view.past_due(clock)
    return None if elapsed else "OBJECTION_WINDOW_OPEN"


def reflection_period_open(view: CaseView, role: CaseRole) -> str | None:
    """A binding award is reviewed only if asked within the reflection period; after it the
    award is final, whether or not the clock job has run yet."""
    clock = view.running(ClockKind.REFLECTION)
    return None if clock is not None and not view.past_due(clock) else "REFLECTION_PERIOD_OVER"


def reflection_period_elapsed(view: CaseView, role: CaseRole) -> str | None:
    clock = view.running(ClockKind.REFLECTION)
    return None if clock is not None and view.past_due(clock) else "REFLECTION_PERIOD_OPEN"


def response_clock_ran_out(view: CaseView, role: CaseRole) -> str | None:
    return None if view.ran_out(ClockKind.RESPONSE) else "RESPONSE_CLOCK_RUNNING"


def silence_is_refusal(view: CaseView, role: CaseRole) -> str | None:
    """DOMAIN.md: the organisation's silence counts as refusal where the scheme says so."""
    return None if view.scheme.silence_is_refusal else "SILENCE_NOT_REFUSAL"


def consent_clock_ran_out(view: CaseView, role: CaseRole) -> str | None:
    return None if view.ran_out(ClockKind.CONSENT) else "CONSENT_CLOCK_RUNNING"


def outcome_clock_ran_out(view: CaseView, role: CaseRole) -> str | None:
    return None if view.ran_out(ClockKind.OUTCOME) else "OUTCOME_CLOCK_RUNNING"


def implementation_clock_ran_out(view: CaseView, role: CaseRole) -> str | None:
    return None if view.ran_out(ClockKind.IMPLEMENTATION) else "IMPLEMENTATION_CLOCK_RUNNING"


def confirmation_clock_ran_out(view: CaseView, role: CaseRole) -> str | None:
    return None if view.ran_out(ClockKind.CONFIRMATION) else "CONFIRMATION_CLOCK_RUNNING"


def reply_window_open(view: CaseView, role: CaseRole) -> str | None:
    clock = view.running(ClockKind.REPLY)
    return None if clock is not None and not view.past_due(clock) else "REPLY_WINDOW_CLOSED"


def reply_window_over(view: CaseView, role: CaseRole) -> str | None:
    """The file waits for the complainant's reply to the organisation's position, or for the
    end of the window for it (DOMAIN.md, fairness: equal windows)."""
    clock = view.running(ClockKind.REPLY)
    return None if clock is None or view.past_due(clock) else "REPLY_WINDOW_OPEN"


def negotiation(view: CaseView, role: CaseRole) -> str | None:
    return "NOT_NEGOTIATION" if view.case.method.needs_neutral else None


def not_escalated(view: CaseView, role: CaseRole) -> str | None:
    return "ALREADY_ESCALATED" if view.case.escalated_at else None


def may_withdraw(view: CaseView, role: CaseRole) -> str | None:
    """ISO 10003 4.6: the complainant may withdraw at any stage; the organisation only where
    its scheme allows it."""
    if role is not CaseRole.ORGANISATION or view.scheme.organisation_may_withdraw:
        return None
    return "WITHDRAWAL_NOT_ALLOWED"


def an_appointment(view: CaseView, role: CaseRole) -> str | None:
    """A neutral is appointed (in any state short of removed)."""
    return None if view.appointment is not None else "NO_APPOINTMENT"


def neutral_confirmed(view: CaseView, role: CaseRole) -> str | None:
    confirmed = view.appointment and view.appointment.status is AppointmentStatus.CONFIRMED
    return None if confirmed else "NEUTRAL_NOT_CONFIRMED"


def objection_pending(view: CaseView, role: CaseRole) -> str | None:
    objected = view.appointment and view.appointment.status is AppointmentStatus.OBJECTED
    return None if objected else "NO_OBJECTION_PENDING"


def neutral_at_work(view: CaseView, role: CaseRole) -> str | None:
    """The outcome comes from a confirmed neutral; negotiation has none."""
    if not view.case.method.needs_neutral:
        return "NO_NEUTRAL_FOR_METHOD"
    return neutral_confirmed_or_not_needed(view, role)


def outcome_unanswered_by_side(view: CaseView, role: CaseRole) -> str | None:
    outcome = view.outcome
    if outcome is None:
        return "NO_OUTCOME"
    answered = (
        outcome.accepted_by_complainant_at
        if role in COMPLAINANT_SIDE
        else outcome.accepted_by_organisation_at
    )
    return "ALREADY_ANSWERED" if answered else None


def not_binding(view: CaseView, role: CaseRole) -> str | None:
    return "BINDING_AWARD" if view.outcome and view.outcome.binding else None


def binding(view: CaseView, role: CaseRole) -> str | None:
    return None if view.outcome and view.outcome.binding else "NOT_BINDING"


def implementation_not_recorded(view: CaseView, role: CaseRole) -> str | None:
    return "ALREADY_RECORDED" if view.case.implemented_at else None


def implementation_recorded(view: CaseView, role: CaseRole) -> str | None:
    return None if view.case.implemented_at else "IMPLEMENTATION_NOT_RECORDED"


def _open_offer_of(view: CaseView, side: Side) -> str | None:
    if view.open_offers(side):
        return None
    # An offer left open past its expiry is the usual reason; saying so explains the refusal.
    lapsed = any(o.side is side and o.status is OfferStatus.OPEN for o in view.offers)
    return "OFFER_EXPIRED" if lapsed else "NO_OPEN_OFFER"


def an_offer_lapsed(view: CaseView, role: CaseRole) -> str | None:
    """Issue 20, 3: an offer still open whose maker's expiry has passed (the clock job records
    it expired)."""
    lapsed = any(
        o.status is OfferStatus.OPEN and o.expires_at is not None and o.expires_at <= view.now
        for o in view.offers
    )
    return None if lapsed else "NO_OPEN_OFFER"


def other_side_has_open_offer(view: CaseView, role: CaseRole) -> str | None:
    mine = Side.COMPLAINANT if role in COMPLAINANT_SIDE else Side.ORGANISATION
    return _open_offer_of(view, Side.ORGANISATION if mine is Side.COMPLAINANT else Side.COMPLAINANT)


def own_open_offer(view: CaseView, role: CaseRole) -> str | None:
    return _open_offer_of(view, Side.COMPLAINANT if role in COMPLAINANT_SIDE else Side.ORGANISATION)


def a_clock_is_running(view: CaseView, role: CaseRole) -> str | None:
    return None if any(c.status is ClockStatus.RUNNING for c in view.clocks) else "NO_RUNNING_CLOCK"


def fees_settled(view: CaseView, role: CaseRole) -> str | None:
    """Issue 20: a case waits at the stage its scheme names until every fee invoiced for it
    is paid or waived (each invoice keeps the stage it holds, as the schedule said when it was
    issued)."""
    held = any(
        invoice.status is InvoiceStatus.DUE and invoice.hold_stage is view.case.stage
        for invoice in view.fees
    )
    return "FEES_OUTSTANDING" if held else None


def automated_decision_reversible(view: CaseView, role: CaseRole) -> str | None:
    """A party asked for a person's review of an automated step, and the case has not moved
    on since the step: it is at the stage the step left it in, with the same clocks running
    (and, for a neutral's confirmation, the neutral still confirmed). Then reversing it puts
    the case back where it was before the step."""
    pending = view.automated_review
    if pending is None:
        return "NO_AUTOMATED_REVIEW_PENDING"
    running = frozenset(c.kind for c in view.clocks if c.status is ClockStatus.RUNNING)
    moved = view.case.stage is not pending.stage_after or running != pending.clocks_after
    if pending.rule is AutomatedRule.CONFIRM_NEUTRAL:
        confirmed = view.appointment and view.appointment.status is AppointmentStatus.CONFIRMED
        moved = moved or not confirmed
    return "AUTOMATED_DECISION_SUPERSEDED" if moved else None
