"""Issue 19, receipts: the head of a case's chain as mailed to each party when an outcome is
issued, accepted and when the case closes, kept on their account. A new table; no rows before.
"""

from uuid import uuid4

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from portal.notifications.models import ReceiptMoment


class Migration(migrations.Migration):
    dependencies = [("portal", "0023_chain_coverage")]

    initial = False

    operations = [
        ops.CreateModel(
            name="HeadReceipt",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "user",
                    fields.ForeignKeyField(
                        "portal.User",
                        source_field="user_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="head_receipts",
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
                        related_name="head_receipts",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "moment",
                    fields.CharEnumField(
                        description="OUTCOME_ISSUED: outcome_issued\nOUTCOME_ACCEPTED: outcome_accepted\nCASE_CLOSED: case_closed",
                        enum_type=ReceiptMoment,
                        max_length=24,
                    ),
                ),
                ("sequence", fields.IntField()),
                ("hash", fields.CharField(max_length=64)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "head_receipt",
                "app": "portal",
                "unique_together": (("user", "case", "sequence"),),
                "indexes": [Index(fields=["user_id", "created_at"])],
                "pk_attr": "id",
                "table_description": "A case's chain head as mailed to one person at one moment, kept on their account so",
            },
            bases=["Model"],
        ),
    ]
