"""A receipt by mail for every step that cannot be undone (issue 16, deliverable 2).

The transition table marks those steps (`Transition.irreversible`); the engine calls
`mail_receipt` in the transaction that records the step, so the receipt is an outbox row like
every other mail: written with its cause or not at all, delivered at least once.

The receipt goes to the person who took the step, in their stored language: what they did, on
which case, when, what it means, what happens next, and the timeline receipt (the event's
sequence number and the chain's hash after it) with which anyone can check later that the
record still holds the step as it was taken (`verifyTimeline`).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from portal.accounts.models import User
from portal.cases.models import Clock, DisputeCase
from portal.cases.transitions import TRANSITIONS, Action, Transition
from portal.notifications.derive import case_context, mail_people
from portal.notifications.mail import TEMPLATES, MailKind
from portal.notifications.recipients import Recipient
from portal.timeline.models import TimelineEvent

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
