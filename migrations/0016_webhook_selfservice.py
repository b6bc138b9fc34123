from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.notifications.models import OutboxStatus
from tortoise import fields


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        default = str(self.field.default).replace("'", "''")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT '{default}'"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0015_directory_published")]

    initial = False

    operations = [
        ops.AddField(
            model_name="DeliveryAttempt",
            name="duration_ms",
            field=fields.IntField(null=True),
        ),
        ops.AddField(
            model_name="DeliveryAttempt",
            name="response_status",
            field=fields.IntField(null=True),
        ),
        ops.AlterField(
            model_name="OutboxMessage",
            name="status",
            field=fields.CharEnumField(
                default=OutboxStatus.PENDING,
                description="PENDING: pending\nCLAIMED: claimed\nDELIVERED: delivered\nDEAD: dead\nHELD: held",
                enum_type=OutboxStatus,
                max_length=16,
            ),
        ),
        AddColumnWithDefault(
            model_name="ServiceAccount",
            name="previous_secret_hash",
            field=fields.CharField(default="", max_length=64),
        ),
        ops.AddField(
            model_name="ServiceAccount",
            name="previous_secret_until",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]
