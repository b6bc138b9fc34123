"""A mail for every step of a case, generated from the transition table (issue 15,
deliverable 2).

The engine calls `step_taken` when a step is done, in the transaction that records it (as it
does for the receipt), so the mail knows where the step left the case and the clocks it
started: the file being complete states when the outcome is due (EU ADR Art. 8(d)).

Who is mailed is the row's `tells`, and of those only who may read the step's record
(`policy.readable_scopes`, through `recipients.audience`). The one who took the step is never
mailed about it: it is no news to them, and they get a receipt when it cannot be undone. Two
exceptions to the reading rule: a neutral just appointed reads nothing of the file before
declaring impartiality, yet must hear of the appointment to declare; their mail names the
case and asks for the declaration, nothing more. And a neutral the provider removed is no
longer on the case, yet is told that they are off it.

A row whose event has a mail kind of its own (`case_accepted`, `case_declined`,
`outcome_issued`) is mailed as that kind; every other row as `case_step`, worded per action
(`templates/<locale>/step_<action>.txt`). The `close` row's event, `case_closed`, is mailed
as an event whichever step wrote it (portal.notifications.derive), never here.
"""

from __future__ import annotations

import uuid
from typing import Any

from portal.accounts.models import User
from portal.automated import records as automated
from portal.automated.models import AutomatedDecision
from portal.cases.events import EventKind
from portal.cases.models import Clock, DisputeCase, Offer
from portal.cases.states import AppointmentStatus, CaseRole, side_of
from portal.cases.transitions import Transition
from portal.notifications.derive import CASE_MAILS, case_context, instant, mail_people
from portal.notifications.mail import MailKind
from portal.notifications.recipients import Recipient, audience, case_people
from portal.timeline.models import TimelineEvent

# Which of a recipient's roles a step's mail addresses, when they hold several.
ADDRESSED_AS = (
    CaseRole.NEUTRAL,
    CaseRole.PROVIDER,
    CaseRole.ORGANISATION,
    CaseRole.REPRESENTATIVE,
    CaseRole.COMPLAINANT,
)
# What a step's mail repeats of its record: amounts, kinds, decisions, and the reasons of a
# decline and of an extension, which the parties must be given (EU ADR Art. 5(4), 8(e)).
# Other free text (positions, objections, an outcome's reasons) stays in the portal.
PAYLOAD_KEYS = (
    "amount",
    "currency",
    "kind",
    "decision",
    "ground",
    "reasons",
    "impartial",
    "upheld",
    "clock",
    "days",
    "reason",
)
# The decline's reasons are the provider's answer to the parties; an extension's reason is
# its notice; any other `reasons` (an objection's, a rejection's) stays on the record.
REASONS_TOLD = frozenset({EventKind.CASE_DECLINED, EventKind.CLOCK_EXTENDED})


def mail_kind(transition: Transition) -> MailKind | None:
    """The kind of a row's mail; None for a row whose event is mailed as an event."""
    if transition.event in CASE_MAILS:
        return None
    kinds = {k.value for k in MailKind}
    return MailKind(transition.event.value) if transition.event in kinds else MailKind.CASE_STEP


def _side(role: str | CaseRole) -> str | None:
    side = side_of(CaseRole(role)) if role in set(CaseRole) else None
    return side.value if side else None


async def _details(event: TimelineEvent, started: list[Clock]) -> dict[str, Any]:
    payload = event.payload
    details: dict[str, Any] = {k: payload[k] for k in PAYLOAD_KEYS if k in payload}
    if event.kind not in REASONS_TOLD:
        details.pop("reasons", None)
        details.pop("reason", None)
    for key in ("due_at", "previous_due_at", "expires_at"):
        if payload.get(key):
            details[key.removesuffix("_at")] = instant(payload[key])
    if "offer_id" in payload:
        offer = await Offer.get(id=uuid.UUID(payload["offer_id"]))
        details.update(
            amount=str(offer.amount), currency=offer.currency, offer_side=offer.side.value
        )
        if offer.replying_to_id is not None:
            details["counter"] = True
    if "neutral_id" in payload:
        name = await User.filter(id=uuid.UUID(payload["neutral_id"])).values_list(
            "display_name", flat=True
        )
        details["neutral"] = name[0] if name else ""
    if "automated_decision_id" in payload:
        # Issue 20, 3: a mail about the review of an automated step names the step's rule.
        decision = await AutomatedDecision.get(id=uuid.UUID(payload["automated_decision_id"]))
        details["automated_step"] = {"rule": decision.rule.value, "decided": decision.decided_at}
    details["next"] = [{"clock": c.kind.value, "due": c.due_at} for c in started]
    return details


def _addressed(person: Recipient, tells: frozenset[CaseRole]) -> CaseRole:
    return next(role for role in ADDRESSED_AS if role in person.roles & tells)


async def step_taken(
    case: DisputeCase,
    event: TimelineEvent,
    transition: Transition,
    actor_id: uuid.UUID | None,
    started: list[Clock],
) -> int:
    """Queue the mails of one step (``event`` is its record); returns how many."""
    kind = mail_kind(transition)
    if kind is None or not transition.tells:
        return 0
    people, appointment = await case_people(case)
    told = audience(people, appointment, transition.tells, event.visibility, leave_out=actor_id)
    if (
        transition.event is EventKind.NEUTRAL_APPOINTED
        and CaseRole.NEUTRAL in transition.tells
        and appointment is not None
        and appointment.status is AppointmentStatus.AWAITING_DECLARATION
    ):
        told += [p for p in people if CaseRole.NEUTRAL in p.roles and p not in told]
    if transition.event is EventKind.NEUTRAL_REMOVED and CaseRole.NEUTRAL in transition.tells:
        # Removed, they are no longer on the case's list, yet must hear that they are off the
        # case (the mail names it, nothing of its file).
        removed = await User.get_or_none(id=uuid.UUID(event.payload["neutral_id"]), is_active=True)
        if removed is not None and removed.id != actor_id:
            told.append(Recipient.of(removed, frozenset({CaseRole.NEUTRAL})))
    if not told:
        return 0
    context = {
        **await case_context(case),
        **await _details(event, started),
        "action": transition.action.value,
        "by": event.actor_role,
        "by_side": _side(event.actor_role),
        "stage": case.stage.value,
        "binding": case.method.binding,
        "outcome": event.payload.get("kind", ""),
    }
    if transition.system:
        # Issue 20, 3: the mail says the step was automated, by which rule, and how to ask
        # a person to review it.
        context.update(await automated.disclosure(case.id, event.occurred_at))
    for person in told:
        you = _addressed(person, transition.tells)
        mine = {"you": you.value, "your_side": _side(you)}
        await mail_people(
            kind, [person], {**context, **mine}, at=event.occurred_at, case_id=case.id
        )
    return len(told)
