"""From a recorded fact to the outbox rows it causes, inside the transaction that records it.

`event_recorded` runs for every timeline event (portal.cases.events.record): mails to the
people who must hear of it and may read it (a step of the transition table is mailed when it
is done, by portal.notifications.steps, to the roles its row tells), and a webhook to each
subscription of the case's organisation that asked for the event's kind and may see it; and,
for a provider working outside Parley, a row for its adapter. Complaint steps are not case
events: their mails are `portal.notifications.complaint_mails`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from portal.accounts.models import Organisation, Provider
from portal.auth import policy
from portal.automated import records as automated
from portal.cases.events import EventKind
from portal.cases.models import DisputeCase
from portal.cases.states import COMPLAINANT_SIDE, CaseRole, ClockKind, Party
from portal.cases.transitions import TABLE, WINDOWS, Action
from portal.ids import global_id
from portal.notifications import policy_mails
from portal.notifications.mail import MailKind, in_zone
from portal.notifications.models import Channel, OutboxStatus, WebhookSubscription
from portal.notifications.outbox import enqueue
from portal.notifications.provider_outbox import provider_rows
from portal.notifications.recipients import (
    PARTIES,
    RESPONSIBLE_ROLES,
    Recipient,
    audience,
    case_people,
)
from portal.notifications.webhooks import webhook_body
from portal.timeline.models import TimelineEvent

EVERYONE = frozenset(CaseRole)
WITH_PROVIDER = PARTIES | {CaseRole.PROVIDER}
CASE_FILE_EVENTS = frozenset(
    {EventKind.DOCUMENT_UPLOADED, EventKind.DOCUMENT_SUPERSEDED, EventKind.MESSAGE_POSTED}
)
# What the organisation's own systems may see of a case: what its staff may read.
ORGANISATION_SCOPES = policy.readable_scopes(frozenset({CaseRole.ORGANISATION}), None)

# Event kind -> (mail kind, roles it goes to), for the events that are not the record of a
# step: a step of the transition table is mailed when it is done, to the roles its row
# `tells` (portal.notifications.steps). The end of a case is mailed here, whichever step
# ended it: every `case_closed` event, to the `close` row's `tells`. Clock events are
# decided by the clock's kind.
CASE_MAILS: dict[str, tuple[MailKind, frozenset[CaseRole]]] = {
    EventKind.CASE_REFERRED: (MailKind.CASE_REFERRED, WITH_PROVIDER),
    EventKind.CASE_CLOSED: (MailKind.CASE_CLOSED, TABLE[Action.CLOSE].tells),
    **{kind: (MailKind.CASE_FILE_ADDED, EVERYONE) for kind in CASE_FILE_EVENTS},
    # Issue 20: bundling needs each complainant's consent; their side is asked by mail.
    EventKind.GROUP_CONSENT_ASKED: (MailKind.GROUP_CONSENT_ASKED, COMPLAINANT_SIDE),
}


def instant(value: Any) -> datetime:
    """An instant from an event's payload (stored as ISO 8601) or from a row."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    assert isinstance(moment, datetime)
    return moment


def clock_mail(kind: ClockKind) -> MailKind:
    """The mail that announces a clock: its duty, or the right it is a window for."""
    return MailKind.WINDOW_OPEN if kind in WINDOWS else MailKind.ACTION_NEEDED


def _mail_for(event: TimelineEvent) -> tuple[MailKind, frozenset[CaseRole]] | None:
    payload = event.payload
    if event.kind == EventKind.CLOCK_STARTED:
        if payload.get("clock") == ClockKind.IMPLEMENTATION:
            return MailKind.IMPLEMENTATION_DUE, PARTIES
        # "Action needed" only for a duty (transitions.CLOCK_OBLIGATIONS); a window for a right
        # says what the recipient may do, and until when.
        roles = RESPONSIBLE_ROLES[Party(payload["responsible"])]
        return clock_mail(ClockKind(payload["clock"])), roles
    if event.kind == EventKind.CLOCK_RESUMED:
        # A clock a hold paused runs again, with a new due date: its party is told as when it
        # started (its turn, or the right it may use, and by when).
        return clock_mail(ClockKind(payload["clock"])), RESPONSIBLE_ROLES[
            Party(payload["responsible"])
        ]
    if event.kind == EventKind.CLOCK_MISSED:
        # Escalation: the provider hears of every missed clock, besides who missed it.
        missed = RESPONSIBLE_ROLES[Party(payload["responsible"])]
        return MailKind.CLOCK_MISSED, missed | {CaseRole.PROVIDER}
    return CASE_MAILS.get(event.kind)


def case_path(case: DisputeCase) -> str:
    """The case's page in the web portal (frontend/src/routes.ts: `/cases/:id`)."""
    return f"/cases/{global_id('DisputeCase', case.id)}"


async def case_context(case: DisputeCase) -> dict[str, Any]:
    """What every case mail may say about the case: reference, subject, who is involved, and
    the path of its page (the link into the case, issue 15)."""
    organisation = await Organisation.get(id=case.organisation_id).values_list("name", flat=True)
    provider = await Provider.get(id=case.provider_id).values_list("name", flat=True)
    return {
        "case": {"reference": case.reference, "subject": case.subject, "method": case.method.value},
        "organisation": organisation,
        "provider": provider,
        "path": case_path(case),
    }


def _details(case: DisputeCase, event: TimelineEvent) -> dict[str, Any]:
    payload = event.payload
    details: dict[str, Any] = {}
    if "clock" in payload:
        details["clock"] = payload["clock"]
        details["due"] = instant(payload["due_at"])
        # Which right a window is for: a binding award's is a review, others' an answer.
        details["binding"] = case.method.binding
    if event.kind == EventKind.CASE_CLOSED:
        # The feedback issue adds `survey_link` for the complainant here.
        details["reason"] = payload.get("reason", "")
    if "group_reference" in payload:
        details["group"] = payload["group_reference"]
    if event.kind in CASE_FILE_EVENTS:
        details["item"] = "message" if event.kind == EventKind.MESSAGE_POSTED else "document"
        details["filename"] = payload.get("filename", "")
    return details


async def mail_people(
    kind: MailKind,
    people: list[Recipient],
    context: dict[str, Any],
    *,
    at: datetime,
    case_id: uuid.UUID | None,
) -> int:
    for person in people:
        await enqueue(
            Channel.EMAIL,
            kind.value,
            person.email,
            # Every instant in the context, in the person's own time zone.
            in_zone({**context, "name": person.name}, person.time_zone),
            at=at,
            locale=person.locale,
            case_id=case_id,
        )
    return len(people)


async def event_recorded(case: DisputeCase, event: TimelineEvent) -> None:
    mail = _mail_for(event)
    if mail is not None:
        kind, roles = mail
        people, appointment = await case_people(case)
        # The author of a message or document knows of it already. The end of a case goes
        # to its parties, the one whose step ended it too: it carries their survey link.
        leave_out = event.actor_id if event.kind in CASE_FILE_EVENTS else None
        chosen = audience(people, appointment, roles, event.visibility, leave_out=leave_out)
        if chosen:
            context = {**await case_context(case), **_details(case, event)}
            if event.kind == EventKind.CASE_CLOSED and event.actor_id is None:
                # Issue 20, 3: a case the clock job closed says so, and how to ask for a
                # person's review.
                context.update(await automated.disclosure(case.id, event.occurred_at))
            await mail_people(kind, chosen, context, at=event.occurred_at, case_id=case.id)
    # Issue 20: fees and reviews of automated steps, to those the access policy names.
    told = await policy_mails.told(case, event)
    if told is not None:
        kind, people, details = told
        context = {**await case_context(case), **details}
        await mail_people(kind, people, context, at=event.occurred_at, case_id=case.id)
    await _webhooks(case, event)
    await provider_rows(case, event)


async def _webhooks(case: DisputeCase, event: TimelineEvent) -> None:
    if event.visibility not in ORGANISATION_SCOPES:
        return
    # Paused ones too: their events are kept, held, and delivered in order on resume.
    subscriptions = await WebhookSubscription.filter(organisation_id=case.organisation_id)
    wanted = [s for s in subscriptions if event.kind in s.event_kinds]
    if not wanted:
        return
    body = webhook_body(case, event)
    for subscription in wanted:
        await enqueue(
            Channel.WEBHOOK,
            event.kind,
            subscription.url,
            {"body": body},
            at=event.occurred_at,
            case_id=case.id,
            subscription_id=subscription.id,
            status=OutboxStatus.PENDING if subscription.is_active else OutboxStatus.HELD,
        )
