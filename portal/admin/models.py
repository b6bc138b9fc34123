"""The admin audit log: every change an installation admin makes, append-only."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AdminAuditEntry(Model):
    """Who changed what, when, and how it stood before and after. Never updated or deleted."""

    id = fields.UUIDField(primary_key=True)
    created_at = fields.DatetimeField(db_index=True)
    actor_id = fields.UUIDField()
    actor_kind = fields.CharField(max_length=32)  # user | service_account
    actor_label = fields.CharField(max_length=254, default="")  # the e-mail address, as it was
    action = fields.CharField(max_length=64)  # e.g. organisation.create, scheme.update
    subject_type = fields.CharField(max_length=32)  # Organisation, Provider, Scheme, ...
    subject_id = fields.UUIDField(db_index=True)
    before: dict[str, Any] | None = fields.JSONField(null=True)
    after: dict[str, Any] | None = fields.JSONField(null=True)

    class Meta:
        table = "admin_audit_entry"
