"""Issue 19, deliverable 6 (ISO 10001): an organisation's code-of-conduct commitments, one row
per kind, with their public wording in English and Simplified Chinese
(portal.commitments). New table only: nothing existing changes."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from portal.cases.states import Calendar
from portal.commitments.models import CommitmentKind
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [("portal", "0027_audit")]

    initial = False

    operations = [
        ops.CreateModel(
            name="Commitment",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "organisation",
                    fields.ForeignKeyField(
                        "portal.Organisation",
                        source_field="organisation_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="commitments",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                (
                    "kind",
                    fields.CharEnumField(
                        description="ACKNOWLEDGE_COMPLAINT: acknowledge_complaint\nRESPOND_COMPLAINT: respond_complaint\nRESPOND_DISPUTE: respond_dispute\nREMEDIES: remedies\nLANGUAGES: languages\nACCESSIBILITY: accessibility",
                        enum_type=CommitmentKind,
                        max_length=24,
                    ),
                ),
                ("days", fields.IntField(null=True)),
                (
                    "calendar",
                    fields.CharEnumField(
                        null=True,
                        description="CALENDAR_DAYS: calendar_days\nWORKING_DAYS: working_days",
                        enum_type=Calendar,
                        max_length=16,
                    ),
                ),
                ("items", fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ("wording_en", fields.TextField(unique=False)),
                ("wording_zh_hans", fields.TextField(unique=False)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("updated_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "commitment",
                "app": "portal",
                "unique_together": (("organisation_id", "kind"),),
                "pk_attr": "id",
                "table_description": "One commitment of an organisation's code of conduct, one row per kind, with its",
            },
            bases=["Model"],
        ),
    ]
