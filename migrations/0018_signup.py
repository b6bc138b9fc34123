"""Issue 14: sign-up and the first administrator. A person's time zone and whether an account
made for them by someone else (an agent's recordComplaint, a representative invitation) still
waits to be claimed; the profile a sign-up waits to create the account with; the one-time setup
links `portal serve` prints while there is no admin.

Rows from before: every account gets UTC, and none waits to be claimed (the people already
using Parley keep their accounts as they are).
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        default = self.field.default
        if isinstance(default, bool):
            literal = "TRUE" if default else "FALSE"
            if state_editor.DIALECT == "sqlite":
                literal = "1" if default else "0"
        else:
            literal = "'" + str(default).replace("'", "''") + "'"
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {literal}"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0017_staff_invitations")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="User",
            name="time_zone",
            field=fields.CharField(default="UTC", max_length=64),
        ),
        AddColumnWithDefault(
            model_name="User",
            name="claim_pending",
            field=fields.BooleanField(default=False),
        ),
        ops.AddField(
            model_name="SignInCode",
            name="sign_up",
            field=fields.JSONField(null=True),
        ),
        ops.CreateModel(
            name="SetupToken",
            fields=[
                ("id", fields.UUIDField(primary_key=True, unique=True, db_index=True)),
                ("token_hash", fields.CharField(unique=True, max_length=64)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("expires_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("used_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "setup_token",
                "app": "portal",
                "pk_attr": "id",
                "table_description": "Issue 14: the one-time link `portal serve` prints while "
                "the installation has no admin.",
            },
            bases=["Model"],
        ),
    ]
