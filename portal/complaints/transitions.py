"""The complaint lifecycle as one table (ISO 10002 7.2 to 7.9), beside the case table
(`portal.cases.transitions`) and read the same way.

A row: the action; the statuses it may be taken from; the status it leads to (None: the status
stays); who may take it (`ComplaintRole`: the complainant, the organisation's staff, or the
clock job); the guards that must pass; the complaint clocks it stops and starts; whether it is a
DUTY (the complaint waits on it) or a RIGHT (optional); and who is told of it by mail
(`tells`: the complainant, or the organisation's managers when a clock is missed).

Both complaint clocks are the organisation's duties: ACKNOWLEDGE runs from receipt until the
complaint is acknowledged (ISO 10002 7.4), RESPOND from receipt until it is answered (7.7),
each per the organisation's policy (`portal.cases.clocks.DEFAULT_COMPLAINT_POLICY`). A clock
that runs out is recorded missed by the clock job's row for it, and the organisation's
managers are told; a missed RESPOND clock also tells the complainant that they may take the
complaint to dispute resolution (REFER, open to them from any status but REFERRED).

The API's `availableActions`, the overdue filter, the mails, docs/stages.md and the tests all
read this table; `portal.complaints.engine.perform` is the only code that executes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from portal.cases.states import ClockStatus
from portal.cases.transitions import Obligation, guards_refusal
from portal.complaints.models import Complaint, ComplaintClock, ComplaintStatus
from portal.complaints.states import (
    Audience,
    ComplaintAction,
    ComplaintAutomatedRule,
    ComplaintClockKind,
    ComplaintRole,
)

__all__ = [
    "CLOCKS",
    "OPEN",
    "TABLE",
    "TERMINAL",
    "TRANSITIONS",
    "ComplaintTransition",
    "ComplaintView",
    "automated_rule",
    "available_actions",
    "owed_in",
    "refusal",
]


@dataclass(frozen=True)
class ComplaintView:
    """What the guards decide on: one complaint and its clocks, loaded once."""

    complaint: Complaint
    clocks: tuple[ComplaintClock, ...]
    now: datetime

    def running(self, kind: ComplaintClockKind) -> ComplaintClock | None:
        return next(
            (c for c in self.clocks if c.kind is kind and c.status is ClockStatus.RUNNING), None
        )


# A guard answers None when the action may go ahead, else the code of the reason it may not.
Guard = Callable[[ComplaintView, ComplaintRole], str | None]


def unconfirmed(view: ComplaintView, role: ComplaintRole) -> str | None:
    """Issue 13 F5: a complaint recorded for someone waits for them to confirm it once."""
    return None if view.complaint.confirmed_at is None else "ALREADY_CONFIRMED"


def confirmed_unless_complainant(view: ComplaintView, role: ComplaintRole) -> str | None:
    """Issue 13 F5: the organisation refers a recorded complaint only once its complainant has
    confirmed it; the complainant referring it is their confirmation."""
    if role is ComplaintRole.COMPLAINANT or view.complaint.confirmed_at is not None:
        return None
    return "COMPLAINANT_NOT_CONFIRMED"


def _ran_out(kind: ComplaintClockKind) -> Guard:
    def ran_out(view: ComplaintView, role: ComplaintRole) -> str | None:
        clock = view.running(kind)
        return None if clock is not None and view.now > clock.due_at else "CLOCK_NOT_RUNNING"

    ran_out.__name__ = f"{kind.value}_clock_ran_out"
    return ran_out


@dataclass(frozen=True)
class ComplaintTransition:
    action: ComplaintAction
    sources: frozenset[ComplaintStatus]  # empty: how a complaint comes in (its first step)
    target: ComplaintStatus | None  # None: the status stays
    roles: frozenset[ComplaintRole]
    obligation: Obligation
    summary: str
    guards: tuple[Guard, ...] = ()
    starts: tuple[ComplaintClockKind, ...] = ()
    stops: tuple[ComplaintClockKind, ...] = ()
    tells: frozenset[Audience] = frozenset()
    # The input field whose text the step records (the assessment, note, response...).
    text: str | None = None
    system: bool = False  # taken by the clock job only
    # The refusal in a status outside `sources` (a second referral is ALREADY_REFERRED).
    elsewhere: str = "ACTION_NOT_AVAILABLE"


C = ComplaintStatus
OPEN = frozenset({C.RECEIVED, C.ACKNOWLEDGED, C.ASSESSED, C.RESPONDED})
TERMINAL = frozenset({C.CLOSED, C.REFERRED})
_COMPLAINANT = frozenset({ComplaintRole.COMPLAINANT})
_STAFF = frozenset({ComplaintRole.STAFF})
_SYSTEM = frozenset({ComplaintRole.SYSTEM})
_BOTH_CLOCKS = (ComplaintClockKind.ACKNOWLEDGE, ComplaintClockKind.RESPOND)
_TO_COMPLAINANT = frozenset({Audience.COMPLAINANT})
_DUTY = Obligation.DUTY
_RIGHT = Obligation.RIGHT

# fmt: off
TRANSITIONS: tuple[ComplaintTransition, ...] = (
    ComplaintTransition(
        ComplaintAction.FILE, frozenset(), C.RECEIVED, _COMPLAINANT, _RIGHT,
        starts=_BOTH_CLOCKS,
        summary="File a complaint online (ISO 10002 7.2); the organisation's clocks start."),
    ComplaintTransition(
        ComplaintAction.RECORD, frozenset(), C.RECEIVED, _STAFF, _DUTY,
        starts=_BOTH_CLOCKS, tells=_TO_COMPLAINANT,
        summary="Record a complaint received by phone, letter, e-mail or in person (ISO 10002 "
                "7.2); the address is told, and the complaint waits for its confirmation."),
    ComplaintTransition(
        ComplaintAction.CONFIRM, frozenset(ComplaintStatus), None, _COMPLAINANT, _RIGHT,
        guards=(unconfirmed,),
        summary="Confirm that a complaint recorded for you is yours."),
    ComplaintTransition(
        ComplaintAction.ACKNOWLEDGE, frozenset({C.RECEIVED}), C.ACKNOWLEDGED, _STAFF, _DUTY,
        stops=(ComplaintClockKind.ACKNOWLEDGE,), tells=_TO_COMPLAINANT,
        summary="Acknowledge the complaint to the complainant (ISO 10002 7.4)."),
    ComplaintTransition(
        ComplaintAction.ASSESS, frozenset({C.ACKNOWLEDGED}), C.ASSESSED, _STAFF, _DUTY,
        text="assessment",
        summary="Record the initial assessment (ISO 10002 7.5)."),
    ComplaintTransition(
        ComplaintAction.ADD_NOTE, OPEN, None, _STAFF, _RIGHT,
        text="note",
        summary="Add a note of the investigation (ISO 10002 7.6); repeatable."),
    ComplaintTransition(
        ComplaintAction.RESPOND, frozenset({C.ACKNOWLEDGED, C.ASSESSED}), C.RESPONDED, _STAFF,
        _DUTY,
        stops=(ComplaintClockKind.RESPOND,), tells=_TO_COMPLAINANT, text="response",
        summary="Give the decision and the answer (ISO 10002 7.7); the complainant is mailed "
                "them, with the way to dispute resolution unless the complaint is upheld."),
    ComplaintTransition(
        ComplaintAction.CLOSE, frozenset({C.ACKNOWLEDGED, C.ASSESSED, C.RESPONDED}), C.CLOSED,
        _STAFF, _DUTY,
        tells=_TO_COMPLAINANT, text="note",
        summary="Close the complaint with a note (ISO 10002 7.9); the complainant is mailed it."),
    # Open to the complainant from every status but REFERRED, a closed complaint included: the
    # way to dispute resolution stays open after the organisation's last word (EU ADR Art. 13).
    # The case's own table tells the parties and the provider (`case_referred`).
    ComplaintTransition(
        ComplaintAction.REFER, frozenset(ComplaintStatus) - {C.REFERRED}, C.REFERRED,
        _COMPLAINANT | _STAFF, _RIGHT,
        guards=(confirmed_unless_complainant,), text="unresolved_reason",
        elsewhere="ALREADY_REFERRED",
        summary="Take the unresolved complaint to one of the organisation's dispute-resolution "
                "providers (ISO 10002 7.9, ISO 10003 7.2); this opens the dispute case."),
    ComplaintTransition(
        ComplaintAction.MISS_ACKNOWLEDGE, frozenset({C.RECEIVED}), None, _SYSTEM, _DUTY,
        guards=(_ran_out(ComplaintClockKind.ACKNOWLEDGE),),
        stops=(ComplaintClockKind.ACKNOWLEDGE,), tells=frozenset({Audience.MANAGERS}),
        system=True,
        summary="The acknowledgement clock ran out: recorded missed; the organisation's "
                "managers are told."),
    ComplaintTransition(
        ComplaintAction.MISS_RESPOND, frozenset({C.RECEIVED, C.ACKNOWLEDGED, C.ASSESSED}), None,
        _SYSTEM, _DUTY,
        guards=(_ran_out(ComplaintClockKind.RESPOND),),
        stops=(ComplaintClockKind.RESPOND,),
        tells=frozenset({Audience.MANAGERS, Audience.COMPLAINANT}),
        system=True,
        summary="The response clock ran out: recorded missed; the organisation's managers are "
                "told, and the complainant that they may take the complaint to dispute "
                "resolution."),
)
# fmt: on

TABLE: dict[ComplaintAction, ComplaintTransition] = {t.action: t for t in TRANSITIONS}

# Issue 20, 3: the clock job's rows are rules that act without a person, marked as such on the
# complaint's steps and in the mails that report them, as the case table's are.
if {t.action.value for t in TRANSITIONS if t.system} != {
    r.value for r in ComplaintAutomatedRule
}:  # pragma: no cover
    raise RuntimeError("ComplaintAutomatedRule differs from the complaint table's system rows")


def automated_rule(action: ComplaintAction) -> ComplaintAutomatedRule | None:
    """The rule that took a step of ``action`` automatically; None for a person's step."""
    return ComplaintAutomatedRule(action.value) if TABLE[action].system else None


# Each clock: the duty that meets it, and the clock job's row that records it missed.
CLOCKS: dict[ComplaintClockKind, tuple[ComplaintAction, ComplaintAction]] = {
    ComplaintClockKind.ACKNOWLEDGE: (ComplaintAction.ACKNOWLEDGE, ComplaintAction.MISS_ACKNOWLEDGE),
    ComplaintClockKind.RESPOND: (ComplaintAction.RESPOND, ComplaintAction.MISS_RESPOND),
}


def owed_in(kind: ComplaintClockKind) -> frozenset[ComplaintStatus]:
    """The statuses in which a clock's duty is still owed: where the clock job's row for it
    may run. A missed clock keeps its complaint overdue while the complaint is in one."""
    return TABLE[CLOCKS[kind][1]].sources


def refusal(
    transition: ComplaintTransition, view: ComplaintView, roles: frozenset[ComplaintRole]
) -> str | None:
    """Why ``roles`` may not take ``transition`` now, or None when they may."""
    if view.complaint.status not in transition.sources:
        return transition.elsewhere if transition.sources else "ACTION_NOT_AVAILABLE"
    allowed = sorted(transition.roles & roles)
    if not allowed:
        return "FORBIDDEN"
    return guards_refusal(transition.guards, view, allowed)


def available_actions(
    view: ComplaintView, roles: frozenset[ComplaintRole]
) -> list[ComplaintAction]:
    """What ``roles`` may do on the complaint now, in table order."""
    return [t.action for t in TRANSITIONS if not t.system and refusal(t, view, roles) is None]
