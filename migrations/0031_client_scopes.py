"""Issue 18, 4: the OAuth scopes (`read`, `write`, `webhooks`) an integration client may be
granted, space-separated. Clients from before keep what they could do: all three."""

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
        literal = "'" + str(self.field.default).replace("'", "''") + "'"
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {literal}"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0030_event_feed")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="ServiceAccount",
            name="scopes",
            field=fields.CharField(default="read write webhooks", max_length=64),
        ),
    ]
