"""Every kind of fact a case's timeline records, and the one function that writes them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from portal.cases.models import DisputeCase
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import append


class EventKind(StrEnum):
    CASE_REFERRED = "case_referred"
    CASE_ACCEPTED = "case_accepted"
    CASE_DECLINED = "case_declined"
    CONSENT_GIVEN = "consent_given"
    CONSENT_LAPSED = "consent_lapsed"
    RESPONSE_SUBMITTED = "response_submitted"
    REPLY_SUBMITTED = "reply_submitted"
    PARTICIPATION_REFUSED = "participation_refused"
    ORGANISATION_SILENT = "organisation_silent"
    NEUTRAL_APPOINTED = "neutral_appointed"
    IMPARTIALITY_DECLARED = "impartiality_declared"
    CONFLICT_DECLARED = "conflict_declared"
    NEUTRAL_OBJECTED = "neutral_objected"
    OBJECTION_DECIDED = "objection_decided"
    NEUTRAL_CONFIRMED = "neutral_confirmed"
    NEUTRAL_RECUSED = "neutral_recused"
    NEUTRAL_REMOVED = "neutral_removed"
    CIRCUMSTANCE_DISCLOSED = "circumstance_disclosed"
    FILE_COMPLETED = "file_completed"
    OFFER_MADE = "offer_made"
    OFFER_WITHDRAWN = "offer_withdrawn"
    OFFER_REJECTED = "offer_rejected"
    OFFER_ACCEPTED = "offer_accepted"
    NEGOTIATION_LAPSED = "negotiation_lapsed"
    OUTCOME_ISSUED = "outcome_issued"
    OUTCOME_ACCEPTED = "outcome_accepted"
    OUTCOME_REJECTED = "outcome_rejected"
    OUTCOME_NOT_ACCEPTED = "outcome_not_accepted"
    AWARD_FINAL = "award_final"
    REVIEW_REQUESTED = "review_requested"
    REVIEW_DECIDED = "review_decided"
    IMPLEMENTATION_RECORDED = "implementation_recorded"
    IMPLEMENTATION_CONFIRMED = "implementation_confirmed"
    IMPLEMENTATION_DISPUTED = "implementation_disputed"
    CONFIRMATION_LAPSED = "confirmation_lapsed"
    IMPLEMENTATION_OVERDUE = "implementation_overdue"
    CASE_CLOSED = "case_closed"
    CASE_WITHDRAWN = "case_withdrawn"
    CLOCK_STARTED = "clock_started"
    CLOCK_EXTENDED = "clock_extended"
    CLOCK_MET = "clock_met"
    CLOCK_MISSED = "clock_missed"
    CLOCK_STOPPED = "clock_stopped"
    DOCUMENT_UPLOADED = "document_uploaded"
    DOCUMENT_SUPERSEDED = "document_superseded"
    MESSAGE_POSTED = "message_posted"
    REPRESENTATIVE_INVITED = "representative_invited"
    REPRESENTATIVE_INVITATION_REVOKED = "representative_invitation_revoked"
    REPRESENTATIVE_ACCEPTED = "representative_accepted"
    REPRESENTATIVE_REMOVED = "representative_removed"
    # Issue 19, part A: the digests of every message and document version a case held when
    # the chain began to cover them (migration 0023; portal.timeline.coverage).
    RECORDS_ANCHORED = "records_anchored"
    # D (issue 19, data protection): retention or a granted erasure removed the case's
    # personal data; its payload holds the rule and the counts, never the data.
    RECORDS_REDACTED = "records_redacted"


def _plain(value: Any) -> Any:
    """Payload values as JSON: enums by value, instants as ISO 8601, decimals as strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


async def record(
    case: DisputeCase,
    kind: EventKind,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
    payload: dict[str, Any] | None = None,
    visibility: Visibility = Visibility.ALL_PARTIES,
) -> TimelineEvent:
    """Append the event, and in the same transaction the outbox rows it causes: the mails to
    those who may read it and the webhooks of the organisation (ARCHITECTURE.md "Events out")."""
    # Imported here: notifications reads EventKind from this module.
    from portal.notifications.derive import event_recorded

    event = await append(
        case,
        kind.value,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        visibility=visibility,
        payload=_plain(payload or {}),
    )
    await event_recorded(case, event)
    return event
