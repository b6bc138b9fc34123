"""Findings an auditor records against a case, and their follow-up (ISO 10003 8.3: what was
found, what should follow, and that it did)."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portal.auditing.errors import AuditError, NotAnAuditor, NotFound
from portal.auditing.models import (
    AuditFinding,
    AuditFollowUp,
    AuditRun,
    FindingStatus,
    Severity,
)
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.inputs import MAX_TEXT
from portal.cases.models import REFERENCE_LENGTH, DisputeCase
from portal.lengths import at_most


def _text(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise AuditError("REQUIRED", f"Enter {field_words(field)}.", field)
    return at_most(value, MAX_TEXT, field, AuditError)


def field_words(field: str) -> str:
    return {"found": "what was found", "action": "what should follow", "text": "the follow-up"}[
        field
    ]


def audited_findings(actor: Actor) -> QuerySet[AuditFinding]:
    """The findings on the cases the actor audits (none for anyone else)."""
    if not policy.may_audit(actor):
        raise NotAnAuditor()
    cases = DisputeCase.filter(policy.audited_cases_filter(actor)).values("id")
    return AuditFinding.filter(case_id__in=Subquery(cases))


async def raise_finding(
    actor: Actor,
    case_id: uuid.UUID | None,
    *,
    severity: Severity,
    found: str,
    action: str,
    run_id: uuid.UUID | None,
    at: datetime,
    reference: str | None = None,
) -> AuditFinding:
    """Raise a finding on a case the actor audits, named by its id or else its reference."""
    if not policy.may_audit(actor):
        raise NotAnAuditor()
    if case_id is not None:
        case = await DisputeCase.get_or_none(id=case_id)
    elif reference and reference.strip():
        named = reference.strip().upper()
        too_long = len(named) > REFERENCE_LENGTH
        case = None if too_long else await DisputeCase.get_or_none(reference=named)
    else:
        raise AuditError("REQUIRED", "Name the case: its ID or its reference.", "case_reference")
    if case is None or not policy.may_audit_case(actor, case):
        raise NotFound("case_id" if case_id is not None else "case_reference")
    if run_id is not None:
        run = await AuditRun.get_or_none(id=run_id)
        if run is None or not policy.may_view_audit_run(actor, run.scopes):
            raise NotFound("run_id")
    return await AuditFinding.create(
        id=uuid.uuid4(),
        case_id=case.id,
        run_id=run_id,
        raised_by_id=actor.id,
        severity=severity,
        found=_text(found, "found"),
        action=_text(action, "action"),
        status=FindingStatus.OPEN,
        raised_at=at,
    )


async def visible_finding(actor: Actor, finding_id: uuid.UUID | None) -> AuditFinding:
    finding = (
        await audited_findings(actor).filter(id=finding_id).select_related("case").first()
        if finding_id is not None
        else None
    )
    if finding is None:
        raise NotFound("finding_id")
    return finding


async def follow_up(
    actor: Actor, finding_id: uuid.UUID | None, *, text: str, closes: bool, at: datetime
) -> AuditFinding:
    """Add a follow-up entry: the finding is FOLLOWED_UP, or CLOSED when the entry closes it.
    A closed finding takes no more entries (`FINDING_CLOSED`)."""
    finding = await visible_finding(actor, finding_id)
    text = _text(text, "text")
    async with in_transaction():
        status = FindingStatus.CLOSED if closes else FindingStatus.FOLLOWED_UP
        changed = (
            await AuditFinding.filter(id=finding.id)
            .exclude(status=FindingStatus.CLOSED)
            .update(status=status, closed_at=at if closes else None)
        )
        if not changed:
            raise AuditError("FINDING_CLOSED", "This finding is closed; it takes no follow-up.")
        await AuditFollowUp.create(
            finding_id=finding.id, author_id=actor.id, at=at, text=text, closes=closes
        )
    await finding.refresh_from_db()
    return finding


async def follow_ups(finding: AuditFinding) -> list[AuditFollowUp]:
    return await AuditFollowUp.filter(finding_id=finding.id).order_by("at", "id")
