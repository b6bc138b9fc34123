"""An auditor's runs over the case chains, and the findings they record against cases."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import User
from portal.cases.models import DisputeCase


class RunStatus(StrEnum):
    QUEUED = "queued"  # started, no worker has taken it yet
    RUNNING = "running"  # a worker holds it under a lease
    DONE = "done"  # every case of the run is checked


class AuditRun(Model):
    """One bulk verification: every case in the starter's audit scope when it was started.

    The cases are fixed at the start (`AuditRunCase`), so a worker that resumes the run after a
    restart checks exactly the cases that are left. `checked` and `broken` move with each case,
    in the same transaction as its result."""

    id = fields.UUIDField(primary_key=True)
    started_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="audit_runs", on_delete=fields.RESTRICT
    )
    started_by_id: uuid.UUID
    # The audit scopes the starter held (portal.auth.policy.audit_scopes): who else may see it.
    scopes: list[str] = fields.JSONField()
    status = fields.CharEnumField(RunStatus, max_length=16, default=RunStatus.QUEUED)
    total = fields.IntField()
    checked = fields.IntField(default=0)
    broken = fields.IntField(default=0)
    started_at = fields.DatetimeField(db_index=True)
    finished_at: datetime | None = fields.DatetimeField(null=True)
    claimed_by = fields.CharField(max_length=64, default="")
    lease_until: datetime | None = fields.DatetimeField(null=True)

    class Meta:
        table = "audit_run"
        indexes = (("status", "lease_until"),)


class AuditRunCase(Model):
    """One case of a run: unchecked until `checked_at`, then intact or broken at a sequence."""

    id = fields.BigIntField(primary_key=True)
    run: fields.ForeignKeyRelation[AuditRun] = fields.ForeignKeyField(
        "portal.AuditRun", related_name="cases", on_delete=fields.CASCADE
    )
    run_id: uuid.UUID
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="audit_checks", on_delete=fields.RESTRICT, db_index=True
    )
    case_id: uuid.UUID
    checked_at: datetime | None = fields.DatetimeField(null=True)
    intact = fields.BooleanField(null=True)
    length = fields.IntField(default=0)
    broken_sequence: int | None = fields.IntField(null=True)

    class Meta:
        table = "audit_run_case"
        unique_together = (("run", "case"),)
        indexes = (("run_id", "checked_at"),)


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class FindingStatus(StrEnum):
    OPEN = "open"  # raised, nothing done yet
    FOLLOWED_UP = "followed_up"  # at least one follow-up entry, not closed
    CLOSED = "closed"  # closed by a follow-up entry; takes no more


class AuditFinding(Model):
    """What an auditor found on a case, and what should follow."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase",
        related_name="audit_findings",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    case_id: uuid.UUID
    # The run that showed it, when it came from one.
    run: fields.ForeignKeyNullableRelation[AuditRun] = fields.ForeignKeyField(
        "portal.AuditRun",
        related_name="findings",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    run_id: uuid.UUID | None
    raised_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="audit_findings", on_delete=fields.RESTRICT
    )
    raised_by_id: uuid.UUID
    severity = fields.CharEnumField(Severity, max_length=16)
    found = fields.TextField()
    action = fields.TextField()
    status = fields.CharEnumField(FindingStatus, max_length=16, default=FindingStatus.OPEN)
    raised_at = fields.DatetimeField(db_index=True)
    closed_at: datetime | None = fields.DatetimeField(null=True)

    class Meta:
        table = "audit_finding"


class AuditFollowUp(Model):
    """One entry of a finding's follow-up: what was done, by whom, and whether it closed it."""

    id = fields.BigIntField(primary_key=True)
    finding: fields.ForeignKeyRelation[AuditFinding] = fields.ForeignKeyField(
        "portal.AuditFinding", related_name="follow_ups", on_delete=fields.CASCADE, db_index=True
    )
    finding_id: uuid.UUID
    author: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="audit_follow_ups", on_delete=fields.RESTRICT
    )
    author_id: uuid.UUID
    at = fields.DatetimeField()
    text = fields.TextField()
    closes = fields.BooleanField(default=False)

    class Meta:
        table = "audit_follow_up"
