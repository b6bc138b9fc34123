"""Issue 15, deliverable 4: a consent records the language its legal-effect text was shown in.

Rows from before keep an empty language: the consent screen did not show the text they
recorded (it showed the provider's profile text, or none), so no language was shown to record.
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
    dependencies = [("portal", "0018_signup")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="Consent",
            name="language",
            field=fields.CharField(default="", max_length=16),
        ),
    ]
