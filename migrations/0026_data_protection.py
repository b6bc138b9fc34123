"""Issue 19, data protection: each scheme's retention period (whole years after a case closes;
6 for schemes from before, the default), the mark of a case whose personal data was redacted,
erasure requests (GDPR Art. 17) with their legal holds and decision, and subject-access exports
(GDPR Art. 15). Rows from before: no case redacted, no request, no export.
"""

from uuid import uuid4

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops

from portal.privacy.models import ErasureStatus


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {int(self.field.default)}"
        )


def _user(related_name: str, on_delete: OnDelete) -> fields.ForeignKeyField:
    return fields.ForeignKeyField(
        "portal.User",
        source_field="user_id",
        db_index=True,
        db_constraint=True,
        to_field="id",
        related_name=related_name,
        on_delete=on_delete,
    )


def _at(null: bool = False) -> fields.DatetimeField:
    return fields.DatetimeField(null=null, auto_now=False, auto_now_add=False)


class Migration(migrations.Migration):
    dependencies = [("portal", "0025_access_log")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="Scheme",
            name="retention_years",
            field=fields.IntField(default=6),
        ),
        ops.AddField(model_name="DisputeCase", name="redacted_at", field=_at(null=True)),
        ops.CreateModel(
            name="ErasureRequest",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("user", _user("erasure_requests", OnDelete.RESTRICT)),
                ("requested_by_id", fields.UUIDField()),
                ("on_paper", fields.BooleanField(default=False)),
                ("reasons", fields.TextField(default="", unique=False)),
                (
                    "status",
                    fields.CharEnumField(
                        description="PENDING: pending\nHELD: held\nGRANTED: granted\n"
                        "REFUSED: refused",
                        enum_type=ErasureStatus,
                        max_length=16,
                    ),
                ),
                ("holds", fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ("created_at", _at()),
                ("decided_by_id", fields.UUIDField(null=True)),
                ("decided_at", _at(null=True)),
                ("decision_reasons", fields.TextField(default="", unique=False)),
                ("erased", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
            ],
            options={
                "table": "erasure_request",
                "app": "portal",
                "pk_attr": "id",
                "table_description": "One request to erase a person's data: made by them, or "
                "recorded by an admin from a",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="DataExport",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                ("user", _user("data_exports", OnDelete.CASCADE)),
                ("requested_by_id", fields.UUIDField()),
                ("on_paper", fields.BooleanField(default=False)),
                ("created_at", _at()),
                ("expires_at", _at()),
                ("size", fields.BigIntField()),
                ("sha256", fields.CharField(max_length=64)),
                ("content", fields.BinaryField()),
            ],
            options={
                "table": "data_export",
                "app": "portal",
                "pk_attr": "id",
                "table_description": "One subject-access export: the archive, kept for its "
                "person to download until it",
            },
            bases=["Model"],
        ),
    ]
