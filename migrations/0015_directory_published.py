"""Issue 14, deliverable 5: the public directory lists only the providers that publish.

`provider.published` (default true: every provider there was is listed, as the directory
already was to anyone signed in); off, the provider is hidden from the public.
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    def __init__(self, *args, sql_default: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.sql_default = sql_default

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {self.sql_default}"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0014_admin_audit")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="Provider",
            name="published",
            field=fields.BooleanField(default=True),
            sql_default="TRUE",
        ),
    ]
