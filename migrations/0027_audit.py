"""Issue 19, part E: audits. An auditor's verification runs (each case of a run and its
result), and findings against cases with their follow-up entries. New tables only.
"""

from uuid import uuid4

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from portal.auditing.models import FindingStatus, RunStatus, Severity


class Migration(migrations.Migration):
    dependencies = [("portal", "0026_data_protection")]

    initial = False

    operations = [
        ops.CreateModel(
            name="AuditRun",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "started_by",
                    fields.ForeignKeyField(
                        "portal.User",
                        source_field="started_by_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_runs",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("scopes", fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                (
                    "status",
                    fields.CharEnumField(
                        default=RunStatus.QUEUED,
                        description="QUEUED: queued\nRUNNING: running\nDONE: done",
                        enum_type=RunStatus,
                        max_length=16,
                    ),
                ),
                ("total", fields.IntField()),
                ("checked", fields.IntField(default=0)),
                ("broken", fields.IntField(default=0)),
                (
                    "started_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
                (
                    "finished_at",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
                ("claimed_by", fields.CharField(default="", max_length=64)),
                (
                    "lease_until",
                    fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
                ),
            ],
            options={
                "table": "audit_run",
                "app": "portal",
                "indexes": [Index(fields=["status", "lease_until"])],
                "pk_attr": "id",
                "table_description": "One bulk verification: every case in the starter's audit scope when it was started.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="AuditFinding",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "case",
                    fields.ForeignKeyField(
                        "portal.DisputeCase",
                        source_field="case_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_findings",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "run",
                    fields.ForeignKeyField(
                        "portal.AuditRun",
                        source_field="run_id",
                        null=True,
                        db_constraint=True,
                        to_field="id",
                        related_name="findings",
                        on_delete=OnDelete.SET_NULL,
                    ),
                ),
                (
                    "raised_by",
                    fields.ForeignKeyField(
                        "portal.User",
                        source_field="raised_by_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_findings",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "severity",
                    fields.CharEnumField(
                        description="LOW: low\nMEDIUM: medium\nHIGH: high",
                        enum_type=Severity,
                        max_length=16,
                    ),
                ),
                ("found", fields.TextField(unique=False)),
                ("action", fields.TextField(unique=False)),
                (
                    "status",
                    fields.CharEnumField(
                        default=FindingStatus.OPEN,
                        description="OPEN: open\nFOLLOWED_UP: followed_up\nCLOSED: closed",
                        enum_type=FindingStatus,
                        max_length=16,
                    ),
                ),
                (
                    "raised_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
                ("closed_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "audit_finding",
                "app": "portal",
                "pk_attr": "id",
                "table_description": "What an auditor found on a case, and what should follow.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="AuditFollowUp",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "finding",
                    fields.ForeignKeyField(
                        "portal.AuditFinding",
                        source_field="finding_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="follow_ups",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "author",
                    fields.ForeignKeyField(
                        "portal.User",
                        source_field="author_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_follow_ups",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("text", fields.TextField(unique=False)),
                ("closes", fields.BooleanField(default=False)),
            ],
            options={
                "table": "audit_follow_up",
                "app": "portal",
                "pk_attr": "id",
                "table_description": "One entry of a finding's follow-up: what was done, by whom, and whether it closed it.",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="AuditRunCase",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "run",
                    fields.ForeignKeyField(
                        "portal.AuditRun",
                        source_field="run_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="cases",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "case",
                    fields.ForeignKeyField(
                        "portal.DisputeCase",
                        source_field="case_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="audit_checks",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                ("checked_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ("intact", fields.BooleanField(null=True)),
                ("length", fields.IntField(default=0)),
                ("broken_sequence", fields.IntField(null=True)),
            ],
            options={
                "table": "audit_run_case",
                "app": "portal",
                "unique_together": (("run", "case"),),
                "indexes": [Index(fields=["run_id", "checked_at"])],
                "pk_attr": "id",
                "table_description": "One case of a run: unchecked until `checked_at`, then intact or broken at a sequence.",
            },
            bases=["Model"],
        ),
    ]
