"""Removing personal data while every chain keeps verifying (issue 19; DOMAIN.md "The timeline").

One function redacts a case (retention, or a granted erasure of its complainant); one blanks a
complaint that never became a case; one the person's own traces elsewhere. What goes: event
payloads (through `erase_payload`: the digest stays), message bodies, complaint step texts and
document content (each row keeps its digest and gets `redacted_at`), the free text of the case,
its complaint and its records, survey comments, and the mails sent about it. What stays: every
row, every digest, every hash, the stages, dates, amounts and decisions, which the statistics of
ISO 10002 8 and ISO 10004 and the chain itself need.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from portal.automated.models import AutomatedReview
from portal.casefiles.models import Document, Message
from portal.casefiles.storage import Storage
from portal.cases.events import EventKind
from portal.cases.models import (
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    Outcome,
    RepresentativeInvitation,
)
from portal.complaints.models import Complaint, ComplaintStep
from portal.feedback.models import SatisfactionRecord
from portal.fees.models import FeeWaiver
from portal.groups.models import CaseLink
from portal.notifications.models import OutboxMessage, OutboxStatus
from portal.sessions.models import CaseSession, SessionAnswer
from portal.timeline.catalogue import RedactionRule
from portal.timeline.chain import ERASED, is_erased
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import append, erase_payload

# Free text and personal fields, per model: blanked, never dropped (the columns are NOT NULL).
CASE_TEXT = (
    "subject",
    "unresolved_reason",
    "decline_reasons",
    "organisation_position",
    "complainant_reply",
    "implementation_evidence",
    "escalation_note",
    "closure_note",
    "withdrawal_reason",
)
COMPLAINT_TEXT = (
    "complainant_name",
    "subject",
    "description",
    "remedy_sought",
    "assessment",
    "response",
    "closure_note",
    "unresolved_reason",
    "remedy_granted",
)
APPOINTMENT_TEXT = ("disclosures", "end_reasons")
OBJECTION_TEXT = ("reasons", "decision_reasons")
# Issue 20: a session's free text (its minute and reasons), and where it was held.
SESSION_TEXT = ("agenda", "place", "link", "cancel_reason", "minute")
OUTCOME_TEXT = (
    "summary",
    "reasons",
    "rejection_reasons",
    "review_reasons",
    "review_decision_reasons",
)


# Why personal data was removed (the `records_redacted` event's `rule`).
Rule = RedactionRule


def _blank(names: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(names, "")


async def mails_erased(rows: list[OutboxMessage], at: datetime) -> int:
    """A mail's recipient and what it was built from go; the row (its id, kind, times, status)
    stays as the record that it was sent. One not yet sent is not sent any more."""
    ids = [m.id for m in rows if m.context != {ERASED: at.isoformat()}]
    if not ids:
        return 0
    await OutboxMessage.filter(id__in=ids).update(recipient="", context={ERASED: at.isoformat()})
    await OutboxMessage.filter(
        id__in=ids, status__in=[OutboxStatus.PENDING, OutboxStatus.CLAIMED, OutboxStatus.HELD]
    ).update(status=OutboxStatus.DEAD, last_error="erased (issue 19)")
    return len(ids)


async def _complaint(complaint: Complaint, at: datetime, counts: Counter[str]) -> None:
    await Complaint.filter(id=complaint.id).update(**_blank(COMPLAINT_TEXT))
    counts["complaint_steps"] += await ComplaintStep.filter(
        complaint_id=complaint.id, redacted_at__isnull=True
    ).update(text="", redacted_at=at)
    # Complaint mails carry no case id: they are found by the complaint's reference.
    mails = [
        m
        for m in await OutboxMessage.filter(case_id=None, kind__startswith="complaint_")
        if isinstance(m.context.get("complaint"), dict)
        and m.context["complaint"].get("reference") == complaint.reference
    ]
    counts["mails"] += await mails_erased(mails, at)


async def redact_complaint(complaint_id: uuid.UUID, at: datetime) -> dict[str, int]:
    """A complaint that never became a case: its free text and its steps' texts."""
    counts: Counter[str] = Counter()
    async with in_transaction():
        complaint = await Complaint.select_for_update().get(id=complaint_id)
        await _complaint(complaint, at, counts)
    return dict(counts)


async def redact_case(
    case_id: uuid.UUID,
    at: datetime,
    storage: Storage,
    rule: Rule,
    detail: dict[str, Any] | None = None,
) -> dict[str, int]:
    """Remove the personal data of one case, its complaint and its records, in one transaction;
    then one `records_redacted` event (the rule and the counts) on its chain. Returns the counts.

    Files on disk are deleted after the commit (a file system is not rolled back); in the
    database, with the rows."""
    counts: Counter[str] = Counter()
    async with in_transaction():
        case = await DisputeCase.select_for_update().get(id=case_id)
        events = await TimelineEvent.filter(case_id=case.id).only("id", "payload")
        for event in events:
            if not is_erased(event.payload):
                await erase_payload(event.id, at)
                counts["events"] += 1
        counts["messages"] = await Message.filter(case_id=case.id, redacted_at__isnull=True).update(
            body="", redacted_at=at
        )
        documents = await Document.filter(case_id=case.id, redacted_at__isnull=True)
        keys = [d.storage_key for d in documents]
        if documents:
            await Document.filter(id__in=[d.id for d in documents]).update(
                filename="", redacted_at=at
            )
        counts["documents"] = len(documents)
        if storage.in_database:
            for key in keys:
                await storage.delete(key)
        await DisputeCase.filter(id=case.id).update(**_blank(CASE_TEXT), redacted_at=at)
        await _complaint(await Complaint.get(id=case.complaint_id), at, counts)
        await NeutralAppointment.filter(case_id=case.id).update(**_blank(APPOINTMENT_TEXT))
        appointments = Subquery(NeutralAppointment.filter(case_id=case.id).values("id"))
        await Objection.filter(appointment_id__in=appointments).update(**_blank(OBJECTION_TEXT))
        await Offer.filter(case_id=case.id).update(terms="")
        await Outcome.filter(case_id=case.id).update(**_blank(OUTCOME_TEXT))
        await RepresentativeInvitation.filter(case_id=case.id).update(email="")
        await CaseSession.filter(case_id=case.id).update(**_blank(SESSION_TEXT))
        sessions = Subquery(CaseSession.filter(case_id=case.id).values("id"))
        await SessionAnswer.filter(session_id__in=sessions).update(reason="")
        # Issue 20: a waiver's reasons (often about someone's means), a person's review of an
        # automated step, and why the provider linked two cases.
        await FeeWaiver.filter(invoice__case_id=case.id).update(reasons="", decision_reasons="")
        await AutomatedReview.filter(case_id=case.id).update(reasons="", decision_reasons="")
        await CaseLink.filter(Q(case_id=case.id) | Q(other_id=case.id)).update(reason="")
        counts["survey_comments"] = (
            await SatisfactionRecord.filter(case_id=case.id).exclude(comment="").update(comment="")
        )
        counts["mails"] += await mails_erased(await OutboxMessage.filter(case_id=case.id), at)
        payload: dict[str, Any] = {"rule": rule.value, "counts": dict(sorted(counts.items()))}
        await append(
            case,
            EventKind.RECORDS_REDACTED.value,
            at=at,
            actor_id=None,
            actor_role="system",
            visibility=Visibility.ALL_PARTIES,
            payload={**payload, **(detail or {})},
        )
        await case.save(update_fields=["last_sequence", "head_hash"])
    if not storage.in_database:
        for key in keys:
            await storage.delete(key)
    return dict(counts)
