"""Erasure requests (GDPR Art. 17) and subject-access exports (GDPR Art. 15)."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import User


class ErasureStatus(StrEnum):
    """Where an erasure request stands."""

    PENDING = "pending"  # no legal hold stops it: waiting for an admin's decision
    HELD = "held"  # a legal hold stops it (its `holds` say which, why and until when)
    GRANTED = "granted"  # decided: the personal data was erased and the account anonymised
    REFUSED = "refused"  # decided: not erased, with the admin's reasons


class HoldKind(StrEnum):
    """What keeps personal data from being erased (GDPR Art. 17(3)(b), (e))."""

    OPEN_CASE = "open_case"  # a case or complaint of theirs is still being handled
    RETENTION_PERIOD = "retention_period"  # a closed case is kept for its scheme's period


class ErasureRequest(Model):
    """One request to erase a person's data: made by them, or recorded by an admin from a
    request on paper. Its holds are evaluated when it is made and again when it is decided."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="erasure_requests", on_delete=fields.RESTRICT, db_index=True
    )
    user_id: uuid.UUID
    # Who made or recorded it: the person, or the admin who recorded a paper request.
    requested_by_id = fields.UUIDField()
    on_paper = fields.BooleanField(default=False)
    reasons = fields.TextField(default="")  # what the person said, if anything
    status = fields.CharEnumField(ErasureStatus, max_length=16)
    # [{"kind", "reason", "until" (ISO 8601 or null: until it closes), "reference"}]
    holds: list[dict[str, Any]] = fields.JSONField(default=list)
    created_at = fields.DatetimeField()
    decided_by_id = fields.UUIDField(null=True)
    decided_at = fields.DatetimeField(null=True)
    decision_reasons = fields.TextField(default="")
    # What the erasure removed, as counts (no personal data): {"cases": n, "messages": n, ...}.
    erased: dict[str, Any] = fields.JSONField(default=dict)

    class Meta:
        table = "erasure_request"


class DataExport(Model):
    """One subject-access export: the archive, kept for its person to download until it
    expires, then deleted by the retention job."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="data_exports", on_delete=fields.CASCADE, db_index=True
    )
    user_id: uuid.UUID
    requested_by_id = fields.UUIDField()
    on_paper = fields.BooleanField(default=False)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    content = fields.BinaryField()

    class Meta:
        table = "data_export"
