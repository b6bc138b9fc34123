"""Issue 16, deliverable 5: a provider's published texts in the reader's language.

`text_language` says which language the profile's texts are written in (rows from before are
English); `translations` holds the provider's own translations, by language and field
({"zh-Hans": {"fees": "..."}}). A text without a translation is shown as written, in its language.
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
            f"NOT NULL DEFAULT '{self.sql_default}'"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0010_recorded_complaints")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="ProviderProfile",
            name="text_language",
            field=fields.CharField(default="en", max_length=35),
            sql_default="en",
        ),
        AddColumnWithDefault(
            model_name="ProviderProfile",
            name="translations",
            field=fields.JSONField(default=dict),
            sql_default="{}",
        ),
    ]
