"""A receipt by mail for every step that cannot be undone (issue 16, deliverable 2).

The transition table marks those steps (`Transition.irreversible`); the engine calls
`mail_receipt` in the transaction that records the step, so the receipt is an outbox row like
every other mail: written with its cause or not at all, delivered at least once.

The receipt goes to the person who took the step, in their stored language: what they did, on
which case, when, what it means, what happens next, and the timeline receipt (the event's
sequence number and the chain's hash after it) with which anyone can check later that the
record still holds the step as it was taken (`verifyTimeline`).

Issue 19 adds the head receipt: when an outcome is issued, when it is accepted and when the
case closes, every party (the complainant, their representatives, the organisation's staff,
the neutral) is mailed the chain's head, and the same head is kept on their account
(`HeadReceipt`, `viewer.receipts`), so each can later prove the record was not rewritten.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from portal.accounts.models import User
from portal.cases.events import EventKind
from portal.cases.models import Clock, DisputeCase
from portal.cases.states import COMPLAINANT_SIDE, CaseRole, Stage
from portal.cases.transitions import TRANSITIONS, Action, Transition
from portal.notifications.derive import case_context, mail_people
from portal.notifications.mail import TEMPLATES, MailKind
from portal.notifications.models import HeadReceipt, ReceiptMoment
from portal.notifications.recipients import Recipient, audience, case_people
from portal.timeline.models import TimelineEvent, Visibility

# What a receipt repeats of the step's record: the amount agreed, the kind of outcome issued,
# a review's decision. Never free text: the reasons stay on the record, in the portal.
PAYLOAD_KEYS = ("amount", "currency", "kind", "decision")


def receipt_actions() -> list[Action]:
    """The actions whose taker gets a receipt: the table's irreversible rows."""
    return [t.action for t in TRANSITIONS if t.irreversible]


def template_name(action: str) -> str:
    """The template of one action's receipt, per locale: ``templates/<locale>/<this>.txt``."""
    return f"receipt_{Action(action).value}"


def template_path(locale: str, action: Action) -> Path:
    return TEMPLATES / locale / f"{template_name(action)}.txt"


async def mail_receipt(
    case: DisputeCase,
    event: TimelineEvent,
    transition: Transition,
    actor_id: uuid.UUID,
    started: list[Clock],
) -> int:
    """Queue the receipt for the person who took ``transition`` (``event`` is its record).

    An integration client (a service account) has no mailbox: its receipt is the event itself,
    read through the API. Returns the number of mails queued (0 or 1).
    """
    user = await User.get_or_none(id=actor_id, is_active=True)
    if user is None:
        return 0
    person = Recipient.of(user)
    context: dict[str, Any] = {
        **await case_context(case),
        "action": transition.action.value,
        "role": event.actor_role,
        # Instants: written out in the taker's own time zone (derive.mail_people).
        "when": event.occurred_at,
        "stage": case.stage.value,
        "binding": case.method.binding,
        "family": case.method.family.value,
        "step": {k: event.payload[k] for k in PAYLOAD_KEYS if k in event.payload},
        "next": [{"clock": c.kind.value, "due": c.due_at} for c in started],
        "receipt": {"sequence": event.sequence, "hash": event.hash},
    }
    return await mail_people(
        MailKind.RECEIPT, [person], context, at=event.occurred_at, case_id=case.id
    )


# --- head receipts (issue 19) -------------------------------------------------------------

# Who is mailed the head: every party to the case, and the neutral (DOMAIN.md "The timeline").
HEAD_ROLES = COMPLAINANT_SIDE | {CaseRole.ORGANISATION, CaseRole.NEUTRAL}


def head_moment(event: str, was: Stage, now: Stage) -> ReceiptMoment | None:
    """The moment a step is, if its head is mailed: any step that closed the case; an outcome
    issued; an outcome accepted by everyone who must (the step that moves the case on, not
    the first of two acceptances)."""
    if now is Stage.CLOSED and was is not Stage.CLOSED:
        return ReceiptMoment.CASE_CLOSED
    if event == EventKind.OUTCOME_ISSUED:
        return ReceiptMoment.OUTCOME_ISSUED
    if event == EventKind.OUTCOME_ACCEPTED and now is not was:
        return ReceiptMoment.OUTCOME_ACCEPTED
    return None


async def mail_head(case: DisputeCase, moment: ReceiptMoment, at: datetime) -> int:
    """Mail the case's head (as it stands now, in the transaction that moved it) to every
    party who may read the case's common record, and keep it on each one's account. Called
    last by the engine, so the head covers everything the step recorded. Returns the number of
    mails queued."""
    people, appointment = await case_people(case)
    chosen = audience(people, appointment, HEAD_ROLES, Visibility.ALL_PARTIES)
    receipt = {"sequence": case.last_sequence, "hash": case.head_hash}
    for person in chosen:
        await HeadReceipt.create(
            user_id=person.user_id,
            case_id=case.id,
            moment=moment,
            sequence=case.last_sequence,
            hash=case.head_hash,
            created_at=at,
        )
    context: dict[str, Any] = {
        **await case_context(case),
        "moment": moment.value,
        "when": at,
        "receipt": receipt,
    }
    return await mail_people(MailKind.HEAD_RECEIPT, chosen, context, at=at, case_id=case.id)
