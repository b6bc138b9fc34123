"""Issue 13 F5: a complaint recorded by an agent shows the name the complainant gave until they
confirm it; complaints filed online are confirmed when filed.

Rows from before: complaints filed online count as confirmed when received. Recorded ones stay
unconfirmed (the organisation refers them only once the complainant confirms, as new ones), and
keep showing the account's name they showed already.
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
        default = str(self.field.default).replace("'", "''")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT '{default}'"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0009_signin_limits")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="Complaint",
            name="complainant_name",
            field=fields.CharField(default="", max_length=200),
        ),
        ops.AddField(
            model_name="Complaint",
            name="confirmed_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.RunSQL(
            [
                "UPDATE complaint SET confirmed_at = received_at WHERE channel = 'web'",
                "UPDATE complaint SET complainant_name = (SELECT display_name FROM user_account "
                "WHERE user_account.id = complaint.complainant_id) WHERE channel <> 'web'",
            ],
            reverse_sql=[],
        ),
    ]
