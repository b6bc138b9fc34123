"""Mails of case events whose readers are not a visibility scope's (issue 20): fees, and a
person's review of an automated step.

Fee events are recorded in the provider's own scope (`policy.FEE_EVENT_SCOPE`), yet each party
reads its own invoices, waivers and payments: so who hears of one is asked of the fee rules of
portal.auth.policy, never of the event's scope. A review of an automated step is asked for by
the parties it affects and decided by the provider's caseworkers: the same rules
(`automated_review_requester`, `may_decide_automated_review`) name who is told. The reversal of
an automated step is a row of the transition table, mailed as every step is, to the roles the
row tells (portal.notifications.steps).

Each mail is written to the outbox in the transaction that records its event
(portal.notifications.derive.event_recorded), so a step refused or replayed writes none, and a
step taken writes one per person; whoever took the step is never mailed about it.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from portal.auth import policy
from portal.automated.models import AutomatedDecision
from portal.cases.events import EventKind
from portal.cases.models import DisputeCase
from portal.fees.models import FeeInvoice, FeeWaiver
from portal.fees.states import FeePayer, decimal_of
from portal.notifications.mail import MailKind
from portal.notifications.recipients import Recipient, case_people
from portal.timeline.models import TimelineEvent

Chooser = Callable[[list[Recipient], TimelineEvent], Awaitable[list[Recipient]]]


def _payer(event: TimelineEvent) -> FeePayer:
    return FeePayer(event.payload["payer"])


async def _payers_side(people: list[Recipient], event: TimelineEvent) -> list[Recipient]:
    """Those who answer for the invoice's payer (ask its waiver, pay it)."""
    payer = _payer(event)
    return [p for p in people if policy.fee_payer_role(p.roles, payer) is not None]


async def _waiver_deciders(people: list[Recipient], event: TimelineEvent) -> list[Recipient]:
    return [p for p in people if policy.may_decide_fee_waiver(p.roles)]


async def _waiver_requester(people: list[Recipient], event: TimelineEvent) -> list[Recipient]:
    """Who asked for the waiver, while they may still read it (their side's)."""
    waiver = await FeeWaiver.get(id=uuid.UUID(str(event.payload["waiver_id"])))
    payer = _payer(event)
    return [
        p
        for p in people
        if p.user_id == waiver.requested_by_id and policy.may_read_fee_waiver(p.roles, payer)
    ]


async def _paid(people: list[Recipient], event: TimelineEvent) -> list[Recipient]:
    """The payer's side (its receipt), and those who record payments (the provider's
    caseworkers: a card payment was recorded by no one of them)."""
    payer = _payer(event)
    return [
        p
        for p in people
        if policy.fee_payer_role(p.roles, payer) is not None
        or policy.may_record_fee_payment(p.roles)
    ]


async def _review_deciders(people: list[Recipient], event: TimelineEvent) -> list[Recipient]:
    return [
        p
        for p in people
        if policy.may_decide_automated_review(p.roles)
        and event.visibility in policy.readable_scopes(p.roles, None)
    ]


async def _affected_parties(people: list[Recipient], event: TimelineEvent) -> list[Recipient]:
    """The parties an automated step affects: those who may ask a person to review it."""
    return [
        p
        for p in people
        if policy.automated_review_requester(p.roles) is not None
        and event.visibility in policy.readable_scopes(p.roles, None)
    ]


@dataclass(frozen=True)
class PolicyMail:
    kind: MailKind
    choose: Chooser
    # About fees: only those who may read a case's fees get it, whatever else `choose` says.
    fees: bool = False
    # An invoice is issued with the referral, by the scheme's schedule: news to the one who
    # referred too. Any other step is no news to whoever took it.
    to_actor: bool = False


MAILS: dict[str, PolicyMail] = {
    EventKind.FEE_INVOICE_ISSUED: PolicyMail(
        MailKind.FEE_INVOICE_ISSUED, _payers_side, fees=True, to_actor=True
    ),
    EventKind.FEE_WAIVER_REQUESTED: PolicyMail(
        MailKind.FEE_WAIVER_REQUESTED, _waiver_deciders, fees=True
    ),
    EventKind.FEE_WAIVER_DECIDED: PolicyMail(
        MailKind.FEE_WAIVER_DECIDED, _waiver_requester, fees=True
    ),
    EventKind.FEE_PAYMENT_RECORDED: PolicyMail(MailKind.FEE_PAYMENT_RECORDED, _paid, fees=True),
    EventKind.AUTOMATED_REVIEW_REQUESTED: PolicyMail(
        MailKind.AUTOMATED_REVIEW_REQUESTED, _review_deciders
    ),
    EventKind.AUTOMATED_DECISION_UPHELD: PolicyMail(
        MailKind.AUTOMATED_DECISION_UPHELD, _affected_parties
    ),
}


async def _context(event: TimelineEvent) -> dict[str, Any]:
    payload = event.payload
    context: dict[str, Any] = {}
    if "invoice_id" in payload:
        invoice = await FeeInvoice.get(id=uuid.UUID(str(payload["invoice_id"])))
        context["invoice"] = {
            "number": invoice.number,
            "amount": str(decimal_of(invoice.amount_minor)),
            "currency": invoice.currency,
            "payer": invoice.payer.value,
            "status": invoice.status.value,
        }
    if event.kind == EventKind.FEE_WAIVER_DECIDED:
        waiver = await FeeWaiver.get(id=uuid.UUID(str(payload["waiver_id"])))
        # The provider's answer to the side that asked: its decision and reasons.
        context.update(granted=payload["decision"] == "granted", reasons=waiver.decision_reasons)
    if event.kind == EventKind.FEE_PAYMENT_RECORDED:
        # Recorded by the provider's staff, or from the card processor's confirmation.
        context["by_card"] = payload.get("adapter") != "staff"
    if "automated_decision_id" in payload:
        decision = await AutomatedDecision.get(id=uuid.UUID(str(payload["automated_decision_id"])))
        context["automated_step"] = {"rule": decision.rule.value, "decided": decision.decided_at}
        if event.kind == EventKind.AUTOMATED_DECISION_UPHELD:
            context["reasons"] = payload.get("reasons", "")
    return context


async def told(
    case: DisputeCase, event: TimelineEvent
) -> tuple[MailKind, list[Recipient], dict[str, Any]] | None:
    """The mail of ``event``, who gets it and what it says; None when it has no such mail or
    nobody is told."""
    mail = MAILS.get(event.kind)
    if mail is None:
        return None
    people, _ = await case_people(case)
    chosen = [
        p
        for p in await mail.choose(people, event)
        if (mail.to_actor or p.user_id != event.actor_id)
        and (not mail.fees or policy.may_read_fees(p.roles))
    ]
    if not chosen:
        return None
    return mail.kind, chosen, await _context(event)
