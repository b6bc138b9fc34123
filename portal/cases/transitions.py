"""The stage machine as one table: from, to, who may, guards, clocks, events.

The API's `availableActions`, the docs' stage diagram and the permission tests all read this
table; `services.perform` is the only code that executes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from portal.cases.events import EventKind
from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Offer, Outcome
from portal.cases.states import (
    ACTIVE_STAGES,
    COMPLAINANT_SIDE,
    PARTY_ROLES,
    AppointmentStatus,
    CaseRole,
    ClockKind,
    ClockStatus,
    MethodFamily,
    Side,
    Stage,
)


class Action(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    GIVE_CONSENT = "give_consent"
    SUBMIT_RESPONSE = "submit_response"
    REFUSE_PARTICIPATION = "refuse_participation"
    APPOINT_NEUTRAL = "appoint_neutral"
    DECLARE_IMPARTIALITY = "declare_impartiality"
    OBJECT_TO_NEUTRAL = "object_to_neutral"
    DECIDE_OBJECTION = "decide_objection"
    COMPLETE_FILE = "complete_file"
    MAKE_OFFER = "make_offer"
    WITHDRAW_OFFER = "withdraw_offer"
    REJECT_OFFER = "reject_offer"
    ACCEPT_OFFER = "accept_offer"
    ISSUE_OUTCOME = "issue_outcome"
    EXTEND_CLOCK = "extend_clock"
    ACCEPT_OUTCOME = "accept_outcome"
    REJECT_OUTCOME = "reject_outcome"
    REQUEST_REVIEW = "request_review"
    DECIDE_REVIEW = "decide_review"
    RECORD_IMPLEMENTATION = "record_implementation"
    CONFIRM_IMPLEMENTATION = "confirm_implementation"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    # Taken by the clock job, never by a person.
    ORGANISATION_SILENT = "organisation_silent"
    CONFIRM_NEUTRAL = "confirm_neutral"
    AWARD_FINAL = "award_final"


@dataclass(frozen=True)
class CaseView:
    """What the guards decide on: one case and its current records, loaded once."""

    case: DisputeCase
    appointment: NeutralAppointment | None  # the latest one not removed
    outcome: Outcome | None  # the current (not superseded) one
    offers: tuple[Offer, ...]
    clocks: tuple[Clock, ...]
    now: datetime

    def running(self, kind: ClockKind) -> Clock | None:
        return next(
            (c for c in self.clocks if c.kind is kind and c.status is ClockStatus.RUNNING), None
        )

    def open_offers(self, side: Side | None = None) -> list[Offer]:
        return [
            o for o in self.offers if o.is_open_at(self.now) and (side is None or o.side is side)
        ]


# A guard answers None when the action may go ahead, else the code of the reason it may not.
Guard = Callable[[CaseView, CaseRole], str | None]


def _facilitative(view: CaseView, role: CaseRole) -> str | None:
    return None if view.case.method.family is MethodFamily.FACILITATIVE else "NOT_FACILITATIVE"


def _neutral_confirmed_or_not_needed(view: CaseView, role: CaseRole) -> str | None:
    if not view.case.method.needs_neutral:
        return None
    confirmed = view.appointment and view.appointment.status is AppointmentStatus.CONFIRMED
    return None if confirmed else "NEUTRAL_NOT_CONFIRMED"


def _no_active_appointment(view: CaseView, role: CaseRole) -> str | None:
    if not view.case.method.needs_neutral:
        return "NO_NEUTRAL_FOR_METHOD"
    return "APPOINTMENT_ACTIVE" if view.appointment is not None else None


def _awaiting_declaration(view: CaseView, role: CaseRole) -> str | None:
    pending = view.appointment and view.appointment.status is AppointmentStatus.AWAITING_DECLARATION
    return None if pending else "NO_DECLARATION_DUE"


def _objection_window_open(view: CaseView, role: CaseRole) -> str | None:
    window = view.appointment and view.appointment.status is AppointmentStatus.OBJECTION_WINDOW
    clock = view.running(ClockKind.OBJECTION)
    open_now = window and clock is not None and view.now <= clock.due_at
    return None if open_now else "OBJECTION_WINDOW_CLOSED"


def _objection_window_elapsed(view: CaseView, role: CaseRole) -> str | None:
    window = view.appointment and view.appointment.status is AppointmentStatus.OBJECTION_WINDOW
    clock = view.running(ClockKind.OBJECTION)
    elapsed = window and clock is not None and view.now > clock.due_at
    return None if elapsed else "OBJECTION_WINDOW_OPEN"


def _objection_pending(view: CaseView, role: CaseRole) -> str | None:
    objected = view.appointment and view.appointment.status is AppointmentStatus.OBJECTED
    return None if objected else "NO_OBJECTION_PENDING"


def _neutral_at_work(view: CaseView, role: CaseRole) -> str | None:
    """The outcome comes from a confirmed neutral; negotiation has none."""
    if not view.case.method.needs_neutral:
        return "NO_NEUTRAL_FOR_METHOD"
    return _neutral_confirmed_or_not_needed(view, role)


def _outcome_unanswered_by_side(view: CaseView, role: CaseRole) -> str | None:
    outcome = view.outcome
    if outcome is None:
        return "NO_OUTCOME"
    answered = (
        outcome.accepted_by_complainant_at
        if role in COMPLAINANT_SIDE
        else outcome.accepted_by_organisation_at
    )
    return "ALREADY_ANSWERED" if answered else None


def _not_binding(view: CaseView, role: CaseRole) -> str | None:
    return "BINDING_AWARD" if view.outcome and view.outcome.binding else None


def _binding(view: CaseView, role: CaseRole) -> str | None:
    return None if view.outcome and view.outcome.binding else "NOT_BINDING"


def _implementation_not_recorded(view: CaseView, role: CaseRole) -> str | None:
    return "ALREADY_RECORDED" if view.case.implemented_at else None


def _implementation_recorded(view: CaseView, role: CaseRole) -> str | None:
    return None if view.case.implemented_at else "IMPLEMENTATION_NOT_RECORDED"


def _other_side_has_open_offer(view: CaseView, role: CaseRole) -> str | None:
    mine = Side.COMPLAINANT if role in COMPLAINANT_SIDE else Side.ORGANISATION
    theirs = Side.ORGANISATION if mine is Side.COMPLAINANT else Side.COMPLAINANT
    return None if view.open_offers(theirs) else "NO_OPEN_OFFER"


def _own_open_offer(view: CaseView, role: CaseRole) -> str | None:
    mine = Side.COMPLAINANT if role in COMPLAINANT_SIDE else Side.ORGANISATION
    return None if view.open_offers(mine) else "NO_OPEN_OFFER"


def _a_clock_is_running(view: CaseView, role: CaseRole) -> str | None:
    return None if any(c.status is ClockStatus.RUNNING for c in view.clocks) else "NO_RUNNING_CLOCK"


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Stage]
    targets: tuple[Stage, ...]  # empty: the stage stays; several: the handler decides
    roles: frozenset[CaseRole]
    event: EventKind
    guards: tuple[Guard, ...] = ()
    starts: tuple[ClockKind, ...] = ()
    stops: tuple[ClockKind, ...] = ()
    summary: str = ""
    system: bool = field(default=False)  # taken by the clock job only


_PARTIES = PARTY_ROLES
_PROVIDER = frozenset({CaseRole.PROVIDER})
_ORG = frozenset({CaseRole.ORGANISATION})
_NEUTRAL = frozenset({CaseRole.NEUTRAL})
_SYSTEM = frozenset({CaseRole.SYSTEM})
_RESOLVING = frozenset({Stage.FILE_REVIEW, Stage.IN_RESOLUTION})


def _t(*args: object, **kwargs: object) -> Transition:
    return Transition(*args, **kwargs)  # type: ignore[arg-type]


TRANSITIONS: tuple[Transition, ...] = (
    _t(
        Action.ACCEPT,
        frozenset({Stage.REFERRED}),
        (Stage.ACCEPTED,),
        _PROVIDER,
        EventKind.CASE_ACCEPTED,
        stops=(ClockKind.ACCEPTANCE,),
        summary="Accept the dispute; the parties are notified (ISO 10003 7.3).",
    ),
    _t(
        Action.DECLINE,
        frozenset({Stage.REFERRED}),
        (Stage.DECLINED,),
        _PROVIDER,
        EventKind.CASE_DECLINED,
        stops=(ClockKind.ACCEPTANCE,),
        summary="Decline on a ground from the fixed list, with reasons.",
    ),
    _t(
        Action.GIVE_CONSENT,
        frozenset({Stage.ACCEPTED}),
        (Stage.AWAITING_RESPONSE,),
        COMPLAINANT_SIDE,
        EventKind.CONSENT_GIVEN,
        starts=(ClockKind.RESPONSE,),
        summary="Consent to the method, knowing its legal effect and the right to withdraw.",
    ),
    _t(
        Action.SUBMIT_RESPONSE,
        frozenset({Stage.AWAITING_RESPONSE}),
        (Stage.FILE_REVIEW,),
        _ORG,
        EventKind.RESPONSE_SUBMITTED,
        stops=(ClockKind.RESPONSE,),
        summary="State the organisation's position (ISO 10003 7.4).",
    ),
    _t(
        Action.REFUSE_PARTICIPATION,
        frozenset({Stage.AWAITING_RESPONSE}),
        (Stage.CLOSED,),
        _ORG,
        EventKind.PARTICIPATION_REFUSED,
        stops=(ClockKind.RESPONSE,),
        summary="Refuse to take part; the case closes.",
    ),
    _t(
        Action.APPOINT_NEUTRAL,
        _RESOLVING,
        (),
        _PROVIDER,
        EventKind.NEUTRAL_APPOINTED,
        guards=(_no_active_appointment,),
        summary="Appoint a neutral from the provider's roster.",
    ),
    _t(
        Action.DECLARE_IMPARTIALITY,
        _RESOLVING,
        (),
        _NEUTRAL,
        EventKind.IMPARTIALITY_DECLARED,
        guards=(_awaiting_declaration,),
        summary="Declare impartiality and conflicts before seeing the file; the parties may "
        "then object within the window.",
    ),
    _t(
        Action.OBJECT_TO_NEUTRAL,
        _RESOLVING,
        (),
        _PARTIES,
        EventKind.NEUTRAL_OBJECTED,
        guards=(_objection_window_open,),
        stops=(ClockKind.OBJECTION,),
        summary="Object to the neutral, with reasons, within the window.",
    ),
    _t(
        Action.DECIDE_OBJECTION,
        _RESOLVING,
        (),
        _PROVIDER,
        EventKind.OBJECTION_DECIDED,
        guards=(_objection_pending,),
        summary="Uphold the objection (the neutral is removed) or reject it (confirmed).",
    ),
    _t(
        Action.COMPLETE_FILE,
        frozenset({Stage.FILE_REVIEW}),
        (Stage.IN_RESOLUTION,),
        _PROVIDER,
        EventKind.FILE_COMPLETED,
        guards=(_neutral_confirmed_or_not_needed,),
        starts=(ClockKind.OUTCOME,),
        summary="Declare the file complete; the outcome clock starts.",
    ),
    _t(
        Action.MAKE_OFFER,
        frozenset({Stage.IN_RESOLUTION}),
        (),
        _PARTIES,
        EventKind.OFFER_MADE,
        guards=(_facilitative,),
        summary="Offer (or counter-offer) an amount and terms, with an expiry.",
    ),
    _t(
        Action.WITHDRAW_OFFER,
        frozenset({Stage.IN_RESOLUTION}),
        (),
        _PARTIES,
        EventKind.OFFER_WITHDRAWN,
        guards=(_facilitative, _own_open_offer),
        summary="Withdraw your side's open offer.",
    ),
    _t(
        Action.REJECT_OFFER,
        frozenset({Stage.IN_RESOLUTION}),
        (),
        _PARTIES,
        EventKind.OFFER_REJECTED,
        guards=(_facilitative, _other_side_has_open_offer),
        summary="Reject the other side's open offer.",
    ),
    _t(
        Action.ACCEPT_OFFER,
        frozenset({Stage.IN_RESOLUTION}),
        (Stage.IMPLEMENTATION,),
        _PARTIES,
        EventKind.OFFER_ACCEPTED,
        guards=(_facilitative, _other_side_has_open_offer),
        stops=(ClockKind.OUTCOME,),
        starts=(ClockKind.IMPLEMENTATION,),
        summary="Accept the other side's open offer: it becomes the settlement.",
    ),
    _t(
        Action.ISSUE_OUTCOME,
        frozenset({Stage.IN_RESOLUTION}),
        (Stage.OUTCOME_PROPOSED,),
        _NEUTRAL,
        EventKind.OUTCOME_ISSUED,
        guards=(_neutral_at_work,),
        stops=(ClockKind.OUTCOME,),
        starts=(ClockKind.REFLECTION,),
        summary="Issue the proposed settlement, recommendation or award, with reasons.",
    ),
    _t(
        Action.EXTEND_CLOCK,
        ACTIVE_STAGES,
        (),
        _PROVIDER | _NEUTRAL,
        EventKind.CLOCK_EXTENDED,
        guards=(_a_clock_is_running,),
        summary="Extend a running clock with a reasoned notice (the outcome clock once).",
    ),
    _t(
        Action.ACCEPT_OUTCOME,
        frozenset({Stage.OUTCOME_PROPOSED}),
        (Stage.IMPLEMENTATION,),
        _PARTIES,
        EventKind.OUTCOME_ACCEPTED,
        guards=(_outcome_unanswered_by_side,),
        summary="Accept the outcome; once both sides have, it is implemented.",
    ),
    _t(
        Action.REJECT_OUTCOME,
        frozenset({Stage.OUTCOME_PROPOSED}),
        (Stage.CLOSED,),
        _PARTIES,
        EventKind.OUTCOME_REJECTED,
        guards=(_not_binding, _outcome_unanswered_by_side),
        stops=(ClockKind.REFLECTION,),
        summary="Reject a non-binding outcome, stating reasons (ISO 10003 7.5).",
    ),
    _t(
        Action.REQUEST_REVIEW,
        frozenset({Stage.OUTCOME_PROPOSED}),
        (Stage.UNDER_REVIEW,),
        _PARTIES,
        EventKind.REVIEW_REQUESTED,
        guards=(_binding,),
        stops=(ClockKind.REFLECTION,),
        starts=(ClockKind.REVIEW,),
        summary="Ask for review of a binding award, stating reasons.",
    ),
    _t(
        Action.DECIDE_REVIEW,
        frozenset({Stage.UNDER_REVIEW}),
        (Stage.IMPLEMENTATION,),
        _PROVIDER,
        EventKind.REVIEW_DECIDED,
        stops=(ClockKind.REVIEW,),
        starts=(ClockKind.IMPLEMENTATION,),
        summary="Uphold or vary the award, with reasons.",
    ),
    _t(
        Action.RECORD_IMPLEMENTATION,
        frozenset({Stage.IMPLEMENTATION}),
        (),
        _ORG,
        EventKind.IMPLEMENTATION_RECORDED,
        guards=(_implementation_not_recorded,),
        summary="Record how the outcome was implemented, with evidence (ISO 10003 7.6).",
    ),
    _t(
        Action.CONFIRM_IMPLEMENTATION,
        frozenset({Stage.IMPLEMENTATION}),
        (Stage.CLOSED,),
        COMPLAINANT_SIDE,
        EventKind.IMPLEMENTATION_CONFIRMED,
        guards=(_implementation_recorded,),
        stops=(ClockKind.IMPLEMENTATION,),
        summary="Confirm the implementation; the case closes as resolved.",
    ),
    _t(
        Action.CLOSE,
        ACTIVE_STAGES,
        (Stage.CLOSED,),
        _PROVIDER,
        EventKind.CASE_CLOSED,
        summary="Close the case with a reason (ISO 10003 7.7).",
    ),
    _t(
        Action.WITHDRAW,
        ACTIVE_STAGES,
        (Stage.WITHDRAWN,),
        COMPLAINANT_SIDE,
        EventKind.CASE_WITHDRAWN,
        summary="Withdraw from the process, at any stage (ISO 10003 4.6).",
    ),
    _t(
        Action.ORGANISATION_SILENT,
        frozenset({Stage.AWAITING_RESPONSE}),
        (Stage.CLOSED,),
        _SYSTEM,
        EventKind.ORGANISATION_SILENT,
        system=True,
        stops=(ClockKind.RESPONSE,),
        summary="The response clock ran out: silence is recorded as a refusal.",
    ),
    _t(
        Action.CONFIRM_NEUTRAL,
        _RESOLVING,
        (),
        _SYSTEM,
        EventKind.NEUTRAL_CONFIRMED,
        guards=(_objection_window_elapsed,),
        stops=(ClockKind.OBJECTION,),
        system=True,
        summary="The objection window closed without objection.",
    ),
    _t(
        Action.AWARD_FINAL,
        frozenset({Stage.OUTCOME_PROPOSED}),
        (Stage.IMPLEMENTATION,),
        _SYSTEM,
        EventKind.AWARD_FINAL,
        guards=(_binding,),
        system=True,
        stops=(ClockKind.REFLECTION,),
        starts=(ClockKind.IMPLEMENTATION,),
        summary="The reflection period ended without a review request: the award is final.",
    ),
)

TABLE: dict[Action, Transition] = {t.action: t for t in TRANSITIONS}


def refusal(transition: Transition, view: CaseView, roles: frozenset[CaseRole]) -> str | None:
    """Why ``roles`` may not take ``transition`` now, or None when they may.

    With several allowed roles (rare: a representative who is also staff), one that passes
    every guard is enough.
    """
    if view.case.stage not in transition.sources:
        return "ACTION_NOT_AVAILABLE"
    allowed = sorted(transition.roles & roles)
    if not allowed:
        return "FORBIDDEN"
    first_reason: str | None = None
    for role in allowed:
        reason = next((code for guard in transition.guards if (code := guard(view, role))), None)
        if reason is None:
            return None
        first_reason = first_reason or reason
    return first_reason


def available_actions(view: CaseView, roles: frozenset[CaseRole]) -> list[Action]:
    return [t.action for t in TRANSITIONS if not t.system and refusal(t, view, roles) is None]
