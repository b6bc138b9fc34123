"""The stage machine as one table: from, to, who may, guards, clocks, events, duty or right.

Read a row as: action, from which stages, to which stage, who may, the event it writes; then
the guards that must pass, the clocks it stops and starts, and whether it is a duty or a right.

A DUTY is what the case waits on: if nobody does it the case stalls, or a clock runs out
against whoever must act (the provider accepting or declining, the organisation's response,
the complainant's consent, the neutral's declaration and outcome, the parties' answer to a
non-binding outcome, implementing and confirming it). Where several actions discharge the
same duty (accept or decline; respond or refuse), each of them is marked a duty: doing any one
of them is doing one's turn. A RIGHT is optional: withdrawing, objecting to the neutral,
offers, extending a clock, asking for a review. Rows taken by the clock job are duties of the
clock job; nobody is shown them.

Two actions are a duty only in one situation (`DutyWhen`):

- `accept_outcome` and `reject_outcome`: a duty for each side that has not answered a
  non-binding outcome while the reflection period is open (the case waits for both answers);
  a right for a binding award (it becomes final when the period ends, whatever the parties
  do) and after the period.
- `close`: a right of the provider at any active stage (discontinuing, with a reason), and a
  duty once the implementation has been escalated to it (below): then the case waits on the
  provider alone, timed by the closure clock. (Also for a non-binding outcome whose reflection
  period ended before the clock job closed such cases: nothing else moves those.)

Every clock is a DUTY clock (someone must act by its due date; running past it is a delay of
the responsible party, and the clock is recorded missed) or a WINDOW (the time in which a
right may be used; its end is nobody's failure and never makes a case overdue): see
`CLOCK_OBLIGATIONS`. The reflection period is a window: for a binding award it is the time to
ask for a review, for a non-binding outcome the time in which answering is a duty, but a side
that lets it pass has chosen not to accept, which is not a delay.

A way forward from every stage (issue 15): no active stage waits on nobody. Where a clock's
lapse has a consequence, a row of the clock job takes it (`lapse_of`: the system row that
stops that clock and whose guards pass); any other duty clock that runs out is recorded
missed and keeps its case overdue while the duty is owed.

- Consent: accepting starts the complainant's consent clock; when it runs out without consent
  (`consent_lapsed`) the case closes as `consent_not_given`.
- Reply: the organisation's position opens a window for the complainant's reply, as long as
  the organisation had to respond (DOMAIN.md: equal windows). The file is not complete while it
  is open: `complete_file` waits for the reply, or for the window's end.
- Neutrals: before an outcome, the neutral may withdraw (`recuse`) and the provider may remove
  them (`remove_neutral`), each with reasons; the provider then appoints a replacement, in
  `file_review` or `in_resolution`, who declares and may be objected to as the first one was.
  In resolution, the outcome clock of a neutral who leaves is stopped (nobody's delay, unless
  it had already run out: then it is recorded missed), and the replacement's confirmation
  starts a new one: an outcome clock always names a neutral who is there. A confirmed neutral
  who learns of a new circumstance discloses it (`disclose_circumstance`): the parties get a
  new objection window, and the provider decides any objection as before.
- Negotiation has no neutral: its outcome clock names the parties (`clocks.responsible`), and
  when it runs out without a settlement the clock job closes the case as `not_settled`
  (`negotiation_lapsed`), rather than leaving the provider a duty to do the same by hand: the
  time was known to both parties from the start, and extending it stays the provider's right.
- A non-binding outcome not accepted by both sides when the reflection period ends closes as
  `outcome_not_accepted` (`outcome_not_accepted`: silence counts as not accepting); until then
  the provider may still close the case by hand.
- Implementation: recording it starts the complainant's confirmation clock. The complainant
  confirms (closed `resolved`) or reports it not done, with reasons
  (`report_not_implemented`); a confirmation clock or an implementation clock that runs out
  does the same without them (`confirmation_lapsed`, `implementation_lapsed`). Each escalates
  to the provider, whose closure clock then runs: it closes the case as `resolved` (the
  implementation is recorded) or `not_implemented` (the organisation's non-compliance, counted
  in its management review), or discontinues it.
- Withdrawal: the complainant at any stage until an outcome is agreed; the organisation only
  where its scheme allows it (`Scheme.organisation_may_withdraw`), and otherwise refuses to take
  part before responding.

Each row also says who is told of the step by mail (`tells`); every step that ends a case
in `closed` is told to the parties by the case-closed mail, which the `close` row's `tells`
addresses.

The API's `availableActions`, `viewerDuties`, `viewerRights`, `whoMustAct`, the overdue
filter, the mails, the docs' stage diagram and the permission tests all read this table;
`services.perform` is the only code that executes it. Complaints have a table of their own,
read the same way: `portal.complaints.transitions`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from portal.cases.events import EventKind
from portal.cases.guards import (
    CaseView,
    Guard,
    a_clock_is_running,
    an_appointment,
    an_offer_lapsed,
    automated_decision_reversible,
    awaiting_declaration,
    binding,
    confirmation_clock_ran_out,
    consent_clock_ran_out,
    facilitative,
    fees_settled,
    implementation_clock_ran_out,
    implementation_not_recorded,
    implementation_recorded,
    may_withdraw,
    negotiation,
    neutral_at_work,
    neutral_confirmed,
    neutral_confirmed_or_not_needed,
    no_active_appointment,
    not_binding,
    not_escalated,
    objection_pending,
    objection_window_elapsed,
    objection_window_open,
    other_side_has_open_offer,
    outcome_clock_ran_out,
    outcome_unanswered_by_side,
    own_open_offer,
    reflection_period_elapsed,
    reflection_period_open,
    reply_window_open,
    reply_window_over,
    response_clock_ran_out,
    silence_is_refusal,
)
from portal.cases.states import (
    ACTIVE_STAGES,
    COMPLAINANT_SIDE,
    PARTY_ROLES,
    AutomatedRule,
    CaseRole,
    ClockHold,
    ClockKind,
    ClockStatus,
    Stage,
)

__all__ = [
    "CLOCK_OBLIGATIONS",
    "DUTY_CLOCKS",
    "FEE_HOLD_STAGES",
    "HOLDS",
    "HOLD_PAUSES",
    "TABLE",
    "TRANSITIONS",
    "WINDOWS",
    "Action",
    "CaseView",
    "ClockObligation",
    "DutyWhen",
    "Obligation",
    "Transition",
    "available_actions",
    "discharging",
    "held_clocks",
    "is_duty",
    "lapse_of",
    "obligations",
    "owed_in",
    "refusal",
]


V = TypeVar("V")  # what a table's guards decide on: a case or a complaint, loaded once
R = TypeVar("R")  # a role on it


class Obligation(StrEnum):
    """What an action is to whoever may take it (the module's docstring)."""

    DUTY = "duty"  # the case waits on it
    RIGHT = "right"  # optional


class ClockObligation(StrEnum):
    """What a clock is to whoever it names."""

    DUTY = "duty"  # they must act by its due date; later is their delay
    WINDOW = "window"  # they may use a right until its due date; its end is nobody's failure


@dataclass(frozen=True)
class DutyWhen:
    """A right that is a duty in one situation, decided from the case as the guards see it."""

    test: Callable[[CaseView, CaseRole], bool]
    situation: str  # how docs/stages.md states the situation


class Action(StrEnum):
    ACCEPT = "accept"
    DECLINE = "decline"
    GIVE_CONSENT = "give_consent"
    SUBMIT_RESPONSE = "submit_response"
    SUBMIT_REPLY = "submit_reply"
    REFUSE_PARTICIPATION = "refuse_participation"
    APPOINT_NEUTRAL = "appoint_neutral"
    DECLARE_IMPARTIALITY = "declare_impartiality"
    OBJECT_TO_NEUTRAL = "object_to_neutral"
    DECIDE_OBJECTION = "decide_objection"
    DISCLOSE_CIRCUMSTANCE = "disclose_circumstance"
    RECUSE = "recuse"
    REMOVE_NEUTRAL = "remove_neutral"
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
    REPORT_NOT_IMPLEMENTED = "report_not_implemented"
    CLOSE = "close"
    WITHDRAW = "withdraw"
    REVERSE_AUTOMATED_DECISION = "reverse_automated_decision"
    # Taken by the clock job, never by a person.
    CONSENT_LAPSED = "consent_lapsed"
    ORGANISATION_SILENT = "organisation_silent"
    CONFIRM_NEUTRAL = "confirm_neutral"
    NEGOTIATION_LAPSED = "negotiation_lapsed"
    AWARD_FINAL = "award_final"
    OUTCOME_NOT_ACCEPTED = "outcome_not_accepted"
    CONFIRMATION_LAPSED = "confirmation_lapsed"
    IMPLEMENTATION_LAPSED = "implementation_lapsed"
    OFFER_EXPIRED = "offer_expired"


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
    # Its record names the person who took it (the maker of an offer, the author of an
    # objection, who appointed or issued): an integration client may not take it.
    by_person: bool = False
    # DUTY, RIGHT or DutyWhen (module docstring); None only while a row is being written: a
    # test fails for any row without it.
    obligation: Obligation | DutyWhen | None = None
    # It cannot be undone (a commitment, or the end of the case or of a party's say): the
    # portal asks for a check and a confirmation first, and the one who took it gets a receipt
    # by mail (portal.notifications.receipts; issue 16, deliverable 2).
    irreversible: bool = False
    # The roles mailed about the step (portal.notifications.steps), those who may read its
    # event: the one who took it is never among them (their own step is no news to them).
    # Whoever must act next is told by the duty clock the step starts (`CLOCK_OBLIGATIONS`),
    # so a row names either who is told or a duty clock it starts; a test fails for a row
    # with neither (issue 15, deliverable 2).
    tells: frozenset[CaseRole] = frozenset()


_PARTIES = PARTY_ROLES
_PROVIDER = frozenset({CaseRole.PROVIDER})
_ORG = frozenset({CaseRole.ORGANISATION})
_NEUTRAL = frozenset({CaseRole.NEUTRAL})
_SYSTEM = frozenset({CaseRole.SYSTEM})
# The neutral is appointed, declares, may be objected to and is confirmed before the file is
# complete (COMPLETE_FILE needs a confirmed neutral); a replacement for one who recused or was
# removed goes through the same steps, in resolution too, until an outcome is issued.
_APPOINTING = frozenset({Stage.FILE_REVIEW, Stage.IN_RESOLUTION})
_FILE = frozenset({Stage.FILE_REVIEW})
# Issue 20, 3: where the clock job's steps leave a case (their rows' targets, or their source
# when the stage stays), and where they start from: a reversal goes from one to the other.
_AUTOMATED_RESULTS = frozenset(
    {Stage.CLOSED, Stage.IMPLEMENTATION, Stage.FILE_REVIEW, Stage.IN_RESOLUTION}
)
_BEFORE_AUTOMATED = (
    Stage.ACCEPTED,
    Stage.AWAITING_RESPONSE,
    Stage.FILE_REVIEW,
    Stage.IN_RESOLUTION,
    Stage.OUTCOME_PROPOSED,
    Stage.IMPLEMENTATION,
)


def _answer_due(view: CaseView, role: CaseRole) -> bool:
    """A non-binding outcome, this side has not answered it, the reflection period is open."""
    outcome = view.outcome
    reflection = view.running(ClockKind.REFLECTION)
    return (
        outcome is not None
        and not outcome.binding
        and outcome_unanswered_by_side(view, role) is None
        and reflection is not None
        and not view.past_due(reflection)
    )


def _close_due(view: CaseView, role: CaseRole) -> bool:
    """The implementation was escalated to the provider to decide (module docstring); or a
    non-binding outcome's reflection period ended, and no clock is left to close the case:
    a case from before the clock job closed such cases, whose reflection clock it recorded
    met and left waiting on the provider."""
    if view.case.stage is Stage.IMPLEMENTATION:
        return view.case.escalated_at is not None
    outcome = view.outcome
    return (
        view.case.stage is Stage.OUTCOME_PROPOSED
        and outcome is not None
        and not outcome.binding
        and view.running(ClockKind.REFLECTION) is None
    )


_DUTY = Obligation.DUTY
_RIGHT = Obligation.RIGHT
_ANSWER = DutyWhen(
    _answer_due,
    "duty while a non-binding outcome is unanswered by your side and the reflection period "
    "is open; otherwise a right",
)
_CLOSE = DutyWhen(
    _close_due,
    "duty once the implementation has been escalated to the provider (or a non-binding "
    "outcome's reflection period ended with no clock left to close the case); otherwise a right",
)


def _t(*args: object, **kwargs: object) -> Transition:
    return Transition(*args, **kwargs)  # type: ignore[arg-type]


# fmt: off
TRANSITIONS: tuple[Transition, ...] = (
    _t(Action.ACCEPT, frozenset({Stage.REFERRED}), (Stage.ACCEPTED,), _PROVIDER, EventKind.CASE_ACCEPTED,
       guards=(fees_settled,),
       stops=(ClockKind.ACCEPTANCE,), starts=(ClockKind.CONSENT,),
       obligation=_DUTY,
       tells=_PARTIES,
       summary="Accept the dispute; the parties are notified (ISO 10003 7.3) and the complainant's consent clock starts."),
    _t(Action.DECLINE, frozenset({Stage.REFERRED}), (Stage.DECLINED,), _PROVIDER, EventKind.CASE_DECLINED,
       stops=(ClockKind.ACCEPTANCE,),
       obligation=_DUTY,
       irreversible=True,
       tells=_PARTIES,
       summary="Decline on a ground from the fixed list, with reasons."),
    _t(Action.GIVE_CONSENT, frozenset({Stage.ACCEPTED}), (Stage.AWAITING_RESPONSE,), COMPLAINANT_SIDE, EventKind.CONSENT_GIVEN,
       guards=(fees_settled,),
       stops=(ClockKind.CONSENT,), starts=(ClockKind.RESPONSE,), by_person=True,
       obligation=_DUTY,
       irreversible=True,
       tells=COMPLAINANT_SIDE | _PROVIDER,  # the organisation: its response clock
       summary="Consent to the method, knowing its legal effect and the right to withdraw."),
    _t(Action.SUBMIT_RESPONSE, frozenset({Stage.AWAITING_RESPONSE}), (Stage.FILE_REVIEW,), _ORG, EventKind.RESPONSE_SUBMITTED,
       guards=(fees_settled,),
       stops=(ClockKind.RESPONSE,), starts=(ClockKind.REPLY,),
       obligation=_DUTY,
       tells=COMPLAINANT_SIDE | _PROVIDER,
       summary="State the organisation's position (ISO 10003 7.4); the complainant's reply window opens."),
    _t(Action.SUBMIT_REPLY, _FILE, (), COMPLAINANT_SIDE, EventKind.REPLY_SUBMITTED,
       guards=(reply_window_open,), stops=(ClockKind.REPLY,),
       obligation=_RIGHT,
       tells=_ORG | _PROVIDER | _NEUTRAL,
       summary="Reply to the organisation's position, within a window as long as it had to respond (DOMAIN.md: equal windows)."),
    _t(Action.REFUSE_PARTICIPATION, frozenset({Stage.AWAITING_RESPONSE}), (Stage.CLOSED,), _ORG, EventKind.PARTICIPATION_REFUSED,
       stops=(ClockKind.RESPONSE,),
       obligation=_DUTY,
       irreversible=True,
       tells=_PROVIDER,  # the parties: the case-closed mail
       summary="Refuse to take part; the case closes."),
    _t(Action.APPOINT_NEUTRAL, _APPOINTING, (), _PROVIDER, EventKind.NEUTRAL_APPOINTED,
       guards=(no_active_appointment,), by_person=True,
       obligation=_DUTY,
       tells=_PARTIES | _NEUTRAL,
       summary="Appoint a neutral from the provider's roster (or a replacement for one who left)."),
    _t(Action.DECLARE_IMPARTIALITY, _APPOINTING, (), _NEUTRAL, EventKind.IMPARTIALITY_DECLARED,
       guards=(awaiting_declaration,), by_person=True,
       obligation=_DUTY,
       tells=_PARTIES | _PROVIDER,
       summary="Declare impartiality and conflicts before seeing the file; the parties may then object within the window."),
    _t(Action.OBJECT_TO_NEUTRAL, _APPOINTING, (), _PARTIES, EventKind.NEUTRAL_OBJECTED,
       guards=(objection_window_open,), stops=(ClockKind.OBJECTION,), by_person=True,
       obligation=_RIGHT,
       tells=_PROVIDER | _NEUTRAL,
       summary="Object to the neutral, with reasons, within the window."),
    _t(Action.DECIDE_OBJECTION, _APPOINTING, (), _PROVIDER, EventKind.OBJECTION_DECIDED,
       guards=(objection_pending,),
       obligation=_DUTY,
       tells=_PARTIES | _NEUTRAL,
       summary="Uphold the objection (the neutral is removed) or reject it (confirmed)."),
    _t(Action.DISCLOSE_CIRCUMSTANCE, _APPOINTING, (), _NEUTRAL, EventKind.CIRCUMSTANCE_DISCLOSED,
       guards=(neutral_confirmed,), starts=(ClockKind.OBJECTION,), by_person=True,
       obligation=_RIGHT,
       tells=_PARTIES | _PROVIDER,
       summary="Disclose a circumstance that arose after confirmation; the parties get a new objection window."),
    _t(Action.RECUSE, _APPOINTING, (), _NEUTRAL, EventKind.NEUTRAL_RECUSED,
       guards=(an_appointment,), by_person=True,
       obligation=_RIGHT,
       irreversible=True,
       tells=_PARTIES | _PROVIDER,
       summary="Withdraw from the case as its neutral, with reasons, before an outcome; the provider appoints a replacement."),
    _t(Action.REMOVE_NEUTRAL, _APPOINTING, (), _PROVIDER, EventKind.NEUTRAL_REMOVED,
       guards=(an_appointment,), by_person=True,
       obligation=_RIGHT,
       irreversible=True,
       tells=_PARTIES | _NEUTRAL,
       summary="Remove the neutral, with reasons, to appoint a replacement."),
    _t(Action.COMPLETE_FILE, _FILE, (Stage.IN_RESOLUTION,), _PROVIDER, EventKind.FILE_COMPLETED,
       guards=(neutral_confirmed_or_not_needed, reply_window_over, fees_settled), stops=(ClockKind.REPLY,), starts=(ClockKind.OUTCOME,),
       obligation=_DUTY,
       tells=_PARTIES,  # the neutral: the outcome clock
       summary="Declare the file complete, once the complainant has replied or the reply window has ended; the outcome clock starts."),
    _t(Action.MAKE_OFFER, frozenset({Stage.IN_RESOLUTION}), (), _PARTIES, EventKind.OFFER_MADE,
       guards=(facilitative,), by_person=True,
       obligation=_RIGHT,
       tells=_PARTIES,
       summary="Offer (or counter-offer) an amount and terms, with an expiry."),
    _t(Action.WITHDRAW_OFFER, frozenset({Stage.IN_RESOLUTION}), (), _PARTIES, EventKind.OFFER_WITHDRAWN,
       guards=(facilitative, own_open_offer,),
       obligation=_RIGHT,
       tells=_PARTIES,
       summary="Withdraw your side's open offer."),
    _t(Action.REJECT_OFFER, frozenset({Stage.IN_RESOLUTION}), (), _PARTIES, EventKind.OFFER_REJECTED,
       guards=(facilitative, other_side_has_open_offer,),
       obligation=_RIGHT,
       tells=_PARTIES,
       summary="Reject the other side's open offer."),
    _t(Action.ACCEPT_OFFER, frozenset({Stage.IN_RESOLUTION}), (Stage.IMPLEMENTATION,), _PARTIES, EventKind.OFFER_ACCEPTED,
       guards=(facilitative, other_side_has_open_offer,), stops=(ClockKind.OUTCOME,), starts=(ClockKind.IMPLEMENTATION,), by_person=True,
       obligation=_RIGHT,
       irreversible=True,
       tells=_PARTIES | _PROVIDER | _NEUTRAL,
       summary="Accept the other side's open offer: it becomes the settlement."),
    _t(Action.ISSUE_OUTCOME, frozenset({Stage.IN_RESOLUTION}), (Stage.OUTCOME_PROPOSED,), _NEUTRAL, EventKind.OUTCOME_ISSUED,
       guards=(neutral_at_work,), stops=(ClockKind.OUTCOME,), starts=(ClockKind.REFLECTION,), by_person=True,
       obligation=_DUTY,
       irreversible=True,
       tells=_PARTIES | _PROVIDER,
       summary="Issue the proposed settlement, recommendation or award, with reasons."),
    _t(Action.EXTEND_CLOCK, ACTIVE_STAGES, (), _PROVIDER | _NEUTRAL, EventKind.CLOCK_EXTENDED,
       guards=(a_clock_is_running,),
       obligation=_RIGHT,
       tells=_PARTIES | _PROVIDER | _NEUTRAL,
       summary="Extend a running clock with a reasoned notice (the outcome clock once)."),
    _t(Action.ACCEPT_OUTCOME, frozenset({Stage.OUTCOME_PROPOSED}), (Stage.IMPLEMENTATION,), _PARTIES, EventKind.OUTCOME_ACCEPTED,
       guards=(outcome_unanswered_by_side,),
       obligation=_ANSWER,
       irreversible=True,
       tells=_PARTIES | _PROVIDER | _NEUTRAL,
       summary="Accept the outcome; once both sides have, it is implemented."),
    _t(Action.REJECT_OUTCOME, frozenset({Stage.OUTCOME_PROPOSED}), (Stage.CLOSED,), _PARTIES, EventKind.OUTCOME_REJECTED,
       guards=(not_binding, outcome_unanswered_by_side,), stops=(ClockKind.REFLECTION,),
       obligation=_ANSWER,
       irreversible=True,
       tells=_PROVIDER | _NEUTRAL,  # the parties: the case-closed mail
       summary="Reject a non-binding outcome, stating reasons (ISO 10003 7.5)."),
    _t(Action.REQUEST_REVIEW, frozenset({Stage.OUTCOME_PROPOSED}), (Stage.UNDER_REVIEW,), _PARTIES, EventKind.REVIEW_REQUESTED,
       guards=(binding, reflection_period_open,), stops=(ClockKind.REFLECTION,), starts=(ClockKind.REVIEW,),
       obligation=_RIGHT,
       irreversible=True,
       tells=_PARTIES | _NEUTRAL,  # the provider: the review clock
       summary="Ask for review of a binding award, stating reasons."),
    _t(Action.DECIDE_REVIEW, frozenset({Stage.UNDER_REVIEW}), (Stage.IMPLEMENTATION,), _PROVIDER, EventKind.REVIEW_DECIDED,
       stops=(ClockKind.REVIEW,), starts=(ClockKind.IMPLEMENTATION,), by_person=True,
       obligation=_DUTY,
       irreversible=True,
       tells=_PARTIES | _NEUTRAL,
       summary="Uphold or vary the award, with reasons."),
    _t(Action.RECORD_IMPLEMENTATION, frozenset({Stage.IMPLEMENTATION}), (), _ORG, EventKind.IMPLEMENTATION_RECORDED,
       guards=(implementation_not_recorded,), stops=(ClockKind.IMPLEMENTATION,), starts=(ClockKind.CONFIRMATION,),
       obligation=_DUTY,
       tells=COMPLAINANT_SIDE | _PROVIDER,
       summary="Record how the outcome was implemented, with evidence (ISO 10003 7.6); the complainant's confirmation clock starts."),
    _t(Action.CONFIRM_IMPLEMENTATION, frozenset({Stage.IMPLEMENTATION}), (Stage.CLOSED,), COMPLAINANT_SIDE, EventKind.IMPLEMENTATION_CONFIRMED,
       guards=(implementation_recorded,), stops=(ClockKind.CONFIRMATION,),
       obligation=_DUTY,
       irreversible=True,
       tells=_PROVIDER | _NEUTRAL,  # the parties: the case-closed mail
       summary="Confirm the implementation; the case closes as resolved."),
    _t(Action.REPORT_NOT_IMPLEMENTED, frozenset({Stage.IMPLEMENTATION}), (), COMPLAINANT_SIDE, EventKind.IMPLEMENTATION_DISPUTED,
       guards=(implementation_recorded, not_escalated), stops=(ClockKind.CONFIRMATION,), starts=(ClockKind.CLOSURE,),
       obligation=_DUTY,
       irreversible=True,
       tells=_ORG,  # the provider: the closure clock
       summary="Report, with reasons, that the outcome was not carried out as recorded; the provider decides."),
    _t(Action.CLOSE, ACTIVE_STAGES, (Stage.CLOSED,), _PROVIDER, EventKind.CASE_CLOSED,
       stops=(ClockKind.CLOSURE,),
       obligation=_CLOSE,
       irreversible=True,
       tells=_PARTIES,
       summary="Close the case with a reason (ISO 10003 7.7); after an escalated implementation, as resolved or not implemented."),
    # Not once an outcome is agreed (implementation): the dispute is then settled, and what
    # remains is carrying the outcome out, not a process to leave (issue 16: "You can now:
    # withdraw" after accepting a full and final settlement).
    _t(Action.WITHDRAW, ACTIVE_STAGES - {Stage.IMPLEMENTATION}, (Stage.WITHDRAWN,), _PARTIES, EventKind.CASE_WITHDRAWN,
       guards=(may_withdraw,),
       obligation=_RIGHT,
       irreversible=True,
       tells=_PARTIES | _PROVIDER | _NEUTRAL,
       summary="Withdraw from the process until an outcome is agreed: the complainant at any stage (ISO 10003 4.6), the organisation where its scheme allows it."),
    # Issue 20, 3: a provider caseworker who decides a party's review of an automated step
    # against it reverses the step here: the case goes back to the stage it was in before the
    # step, the clocks the step stopped start again (whole) and those it started stop, and
    # what the step wrote is undone (portal.automated.reversal).
    _t(Action.REVERSE_AUTOMATED_DECISION, _AUTOMATED_RESULTS, _BEFORE_AUTOMATED, _PROVIDER, EventKind.AUTOMATED_DECISION_REVERSED,
       guards=(automated_decision_reversible,), by_person=True,
       obligation=_RIGHT,
       tells=_PARTIES | _NEUTRAL,
       summary="Reverse a step the clock job took automatically, after a party asked a person to review it: the case returns to the stage before it, with its clocks."),
    _t(Action.CONSENT_LAPSED, frozenset({Stage.ACCEPTED}), (Stage.CLOSED,), _SYSTEM, EventKind.CONSENT_LAPSED,
       guards=(consent_clock_ran_out,), stops=(ClockKind.CONSENT,), system=True,
       obligation=_DUTY,
       tells=_PROVIDER,  # the parties: the case-closed mail
       summary="The consent clock ran out: no resolution step starts without consent, and the case closes."),
    _t(Action.ORGANISATION_SILENT, frozenset({Stage.AWAITING_RESPONSE}), (Stage.CLOSED,), _SYSTEM, EventKind.ORGANISATION_SILENT,
       guards=(silence_is_refusal, response_clock_ran_out), stops=(ClockKind.RESPONSE,), system=True,
       obligation=_DUTY,
       tells=_PROVIDER,  # the parties: the case-closed mail
       summary="The response clock ran out: where the scheme says so, silence is recorded as a refusal."),
    _t(Action.CONFIRM_NEUTRAL, _APPOINTING, (), _SYSTEM, EventKind.NEUTRAL_CONFIRMED,
       guards=(objection_window_elapsed,), stops=(ClockKind.OBJECTION,), system=True,
       obligation=_DUTY,
       tells=_PARTIES | _PROVIDER | _NEUTRAL,
       summary="The objection window closed without objection."),
    _t(Action.NEGOTIATION_LAPSED, frozenset({Stage.IN_RESOLUTION}), (Stage.CLOSED,), _SYSTEM, EventKind.NEGOTIATION_LAPSED,
       guards=(negotiation, outcome_clock_ran_out), stops=(ClockKind.OUTCOME,), system=True,
       obligation=_DUTY,
       tells=_PROVIDER,  # the parties: the case-closed mail
       summary="A negotiation's time ran out without a settlement: the case closes as not settled."),
    _t(Action.AWARD_FINAL, frozenset({Stage.OUTCOME_PROPOSED}), (Stage.IMPLEMENTATION,), _SYSTEM, EventKind.AWARD_FINAL,
       guards=(binding, reflection_period_elapsed,), stops=(ClockKind.REFLECTION,), starts=(ClockKind.IMPLEMENTATION,), system=True,
       obligation=_DUTY,
       tells=_PARTIES | _PROVIDER | _NEUTRAL,
       summary="The reflection period ended without a review request: the award is final."),
    _t(Action.OUTCOME_NOT_ACCEPTED, frozenset({Stage.OUTCOME_PROPOSED}), (Stage.CLOSED,), _SYSTEM, EventKind.OUTCOME_NOT_ACCEPTED,
       guards=(not_binding, reflection_period_elapsed,), stops=(ClockKind.REFLECTION,), system=True,
       obligation=_DUTY,
       tells=_PROVIDER | _NEUTRAL,  # the parties: the case-closed mail
       summary="The reflection period ended without both sides accepting a non-binding outcome: the case closes as not accepted."),
    _t(Action.CONFIRMATION_LAPSED, frozenset({Stage.IMPLEMENTATION}), (), _SYSTEM, EventKind.CONFIRMATION_LAPSED,
       guards=(not_escalated, confirmation_clock_ran_out), stops=(ClockKind.CONFIRMATION,), starts=(ClockKind.CLOSURE,), system=True,
       obligation=_DUTY,
       tells=_PARTIES,  # the provider: the closure clock
       summary="The complainant neither confirmed nor disputed the implementation in time: the provider decides."),
    _t(Action.IMPLEMENTATION_LAPSED, frozenset({Stage.IMPLEMENTATION}), (), _SYSTEM, EventKind.IMPLEMENTATION_OVERDUE,
       guards=(not_escalated, implementation_clock_ran_out), stops=(ClockKind.IMPLEMENTATION,), starts=(ClockKind.CLOSURE,), system=True,
       obligation=_DUTY,
       tells=_PARTIES,  # the provider: the closure clock
       summary="The organisation did not record the implementation in time: the provider decides."),
    # Issue 20, 3: an offer's expiry is a rule applied without a person, like a clock's lapse.
    # Reversed, the offer is open again without an expiry (its maker may still withdraw it).
    _t(Action.OFFER_EXPIRED, frozenset({Stage.IN_RESOLUTION}), (), _SYSTEM, EventKind.OFFER_EXPIRED,
       guards=(an_offer_lapsed,), system=True,
       obligation=_DUTY,
       tells=_PARTIES,
       summary="An offer reached the expiry its maker set without an answer: it is recorded expired and can no longer be accepted."),
)
# fmt: on


TABLE: dict[Action, Transition] = {t.action: t for t in TRANSITIONS}

# Issue 20: the stages a scheme may name for a case to wait at until its fees are paid or
# waived: those a step guarded by `fees_settled` leaves (a fee schedule names one of them).
FEE_HOLD_STAGES = frozenset(
    stage for t in TRANSITIONS if fees_settled in t.guards for stage in t.sources
)
# Holds on a case's clocks. A hold is in force while its guard refuses: the fee hold exactly
# while `fees_settled` keeps the case at its stage (a fee invoiced for that stage is due), so
# the one rule that holds the stage also says when the clocks stand still. While a hold is in
# force the clocks it pauses (`HOLD_PAUSES`) do not run: their time does not count toward their
# due date, and no row of the clock job takes their lapse (a paused clock has not run out:
# `clocks.past_due`); when it ends they resume with the time they had left. Whoever ends a hold
# (the fee code, on a payment or a waiver) only says that it may have changed:
# `portal.cases.holds` reads these tables and pauses or resumes the clocks.
HOLDS: dict[ClockHold, Guard] = {ClockHold.FEES: fees_settled}
HOLD_PAUSES: dict[ClockHold, frozenset[ClockKind]] = {
    # The case waits for its fees, and nothing but paying or waiving them moves it on: the
    # duty the hold blocks (accepting, consenting, responding, completing the file) cannot be
    # done, so no clock on the case runs, duty or window. No consent lapses, no silence is
    # recorded, no objection window or reply window closes while nobody could move the case.
    ClockHold.FEES: frozenset(ClockKind),
}
if set(HOLDS) != set(ClockHold) or set(HOLD_PAUSES) != set(ClockHold):  # pragma: no cover
    raise RuntimeError("every hold needs its guard and the clocks it pauses")
if any(
    not any(guard in t.guards for t in TRANSITIONS) for guard in HOLDS.values()
):  # pragma: no cover
    raise RuntimeError("a hold's guard must be one that holds a stage of the table")


def held_clocks(view: CaseView) -> dict[ClockKind, ClockHold]:
    """The running clocks of the case (by kind) that a hold in force pauses now, each with
    the hold that pauses it (the first in `HOLDS` order, when several would)."""
    held: dict[ClockKind, ClockHold] = {}
    for hold, guard in HOLDS.items():
        if guard(view, CaseRole.SYSTEM) is None:
            continue
        for clock in view.clocks:
            if clock.status is ClockStatus.RUNNING and clock.kind in HOLD_PAUSES[hold]:
                held.setdefault(clock.kind, hold)
    return held


# Issue 20, 3: the clock job's rows are the rules that decide automatically; each names its
# event, and the reversal row goes from where any of them leaves a case to where it was.
_SYSTEM_ROWS = [t for t in TRANSITIONS if t.system]
if {t.action.value for t in _SYSTEM_ROWS} != {r.value for r in AutomatedRule}:  # pragma: no cover
    raise RuntimeError("AutomatedRule differs from the transition table's system rows")
if any(
    not (set(t.targets) or t.sources) <= _AUTOMATED_RESULTS
    or not t.sources <= set(_BEFORE_AUTOMATED)
    for t in _SYSTEM_ROWS
):  # pragma: no cover
    raise RuntimeError("the reversal row does not cover every system row's stages")

# Every clock, a duty or a window (module docstring).
CLOCK_OBLIGATIONS: dict[ClockKind, ClockObligation] = {
    ClockKind.ACCEPTANCE: ClockObligation.DUTY,  # the provider accepts or declines
    ClockKind.CONSENT: ClockObligation.DUTY,  # the complainant consents (or the case closes)
    ClockKind.RESPONSE: ClockObligation.DUTY,  # the organisation responds or refuses
    ClockKind.REPLY: ClockObligation.WINDOW,  # the complainant may reply to the position
    ClockKind.OBJECTION: ClockObligation.WINDOW,  # the parties may object to the neutral
    ClockKind.OUTCOME: ClockObligation.DUTY,  # the neutral issues an outcome
    ClockKind.REFLECTION: ClockObligation.WINDOW,  # consider the outcome; ask for a review
    ClockKind.REVIEW: ClockObligation.DUTY,  # the provider decides the review
    ClockKind.IMPLEMENTATION: ClockObligation.DUTY,  # the organisation implements
    ClockKind.CONFIRMATION: ClockObligation.DUTY,  # the complainant confirms or disputes it
    ClockKind.CLOSURE: ClockObligation.DUTY,  # the provider closes an escalated case
}
WINDOWS = frozenset(k for k, o in CLOCK_OBLIGATIONS.items() if o is ClockObligation.WINDOW)
DUTY_CLOCKS = frozenset(k for k, o in CLOCK_OBLIGATIONS.items() if o is ClockObligation.DUTY)


@functools.cache
def discharging(kind: ClockKind) -> tuple[Action, ...]:
    """The duties a person does to stop a duty clock (in table order): what "who must act"
    names for it. Rights that also stop it (accepting an offer ends the outcome clock) and
    the clock job's rows are left out. Read once per kind (the table is fixed): `due_duties`
    asks for every owed clock of a page."""
    return tuple(
        t.action
        for t in TRANSITIONS
        if kind in t.stops and not t.system and t.obligation is not Obligation.RIGHT
    )


def owed_in(kind: ClockKind) -> frozenset[Stage]:
    """The stages in which a duty clock's duty is still owed: where the duties that stop it
    may be taken. A missed clock keeps its case overdue while the case is in one of them."""
    return frozenset(s for action in discharging(kind) for s in TABLE[action].sources)


def lapse_of(kind: ClockKind, view: CaseView) -> Action | None:
    """The clock job's row that takes the lapse of a running clock of ``kind`` on the case as
    ``view`` sees it (its due date passed): the system row that stops that clock and whose
    guards pass now. None: the lapse has no consequence beyond being recorded (missed for a
    duty clock, which keeps its party overdue; met for a window)."""
    return next(
        (
            t.action
            for t in TRANSITIONS
            if t.system and kind in t.stops and refusal(t, view, _SYSTEM) is None
        ),
        None,
    )


def is_duty(transition: Transition, view: CaseView, roles: frozenset[CaseRole]) -> bool:
    """Whether ``transition`` is a duty for ``roles`` now (a situational one for any of them)."""
    mark = transition.obligation
    if isinstance(mark, DutyWhen):
        return any(mark.test(view, role) for role in sorted(transition.roles & roles))
    return mark is Obligation.DUTY


def refusal(
    transition: Transition,
    view: CaseView,
    roles: frozenset[CaseRole],
    *,
    person: bool = True,
) -> str | None:
    """Why ``roles`` may not take ``transition`` now, or None when they may; ``person`` is
    False for an integration client (a service account).

    With several allowed roles (rare: a representative who is also staff), one that passes
    every guard is enough.
    """
    allowed = _allowed(transition, view.case.stage, roles, person)
    if isinstance(allowed, str):
        return allowed
    return guards_refusal(transition.guards, view, allowed)


def _allowed(
    transition: Transition, stage: Stage, roles: frozenset[CaseRole], person: bool
) -> str | tuple[CaseRole, ...]:
    """The roles of ``roles`` that may take ``transition`` from ``stage`` before its guards
    are asked (sorted), or why none may: what the row alone says."""
    if stage not in transition.sources:
        return "ACTION_NOT_AVAILABLE"
    allowed = tuple(sorted(transition.roles & roles))
    if not allowed or (transition.by_person and not person):
        return "FORBIDDEN"
    return allowed


@functools.cache
def _rows_for(
    stage: Stage, roles: frozenset[CaseRole], person: bool
) -> tuple[tuple[Transition, tuple[CaseRole, ...]], ...]:
    """The rows a person or client may take from ``stage`` as far as the row alone says (not
    the clock job's), in table order, each with its allowed roles: `refusal` without the
    guards, decided once per stage and set of roles instead of for every row of every case."""
    found = []
    for t in TRANSITIONS:
        if t.system:
            continue
        allowed = _allowed(t, stage, roles, person)
        if not isinstance(allowed, str):
            found.append((t, allowed))
    return tuple(found)


def guards_refusal(
    guards: Sequence[Callable[[V, R], str | None]], view: V, allowed: Sequence[R]
) -> str | None:
    """None when one of the ``allowed`` roles passes every guard (a transition table's, for a
    case or a complaint); else the first refusal's code, for the first role."""
    first_reason: str | None = None
    for role in allowed:
        reason = next((code for guard in guards if (code := guard(view, role))), None)
        if reason is None:
            return None
        first_reason = first_reason or reason
    return first_reason


def available_actions(
    view: CaseView, roles: frozenset[CaseRole], *, person: bool = True
) -> list[Action]:
    """The rows (not the clock job's) that ``roles`` may take now: those `refusal` lets
    through, in table order."""
    return [
        t.action
        for t, allowed in _rows_for(Stage(view.case.stage), roles, person)
        if guards_refusal(t.guards, view, allowed) is None
    ]


def obligations(
    view: CaseView, roles: frozenset[CaseRole], *, person: bool = True
) -> tuple[list[Action], list[Action]]:
    """`available_actions`, split into (duties, rights), each in table order."""
    return split_obligations(available_actions(view, roles, person=person), view, roles)


def split_obligations(
    actions: list[Action], view: CaseView, roles: frozenset[CaseRole]
) -> tuple[list[Action], list[Action]]:
    """``actions`` (`available_actions` of the same view and roles) split into (duties,
    rights), each in table order: for a caller that needs both without asking twice."""
    duties: list[Action] = []
    rights: list[Action] = []
    for action in actions:
        (duties if is_duty(TABLE[action], view, roles) else rights).append(action)
    return duties, rights
