"""Issue 19, storage: every document records the backend that holds its content, so a change of
PORTAL_DOCUMENT_STORAGE no longer orphans what is stored elsewhere, and a move between backends
(`portal documents migrate`) can be interrupted and resumed.

Rows from before: a document whose content is in `document_chunk` is in `database`; every other
one in `local`, the only other backend there was. This is the setting in use unless it was
changed after the first uploads, and then it is where the content really is.
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
        literal = "'" + str(self.field.default).replace("'", "''") + "'"
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {literal}"
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0028_commitments")]

    initial = False

    operations = [
        AddColumnWithDefault(
            model_name="Document",
            name="storage_backend",
            field=fields.CharField(default="local", max_length=16),
        ),
        ops.AddField(
            model_name="Document",
            name="storage_moved_from",
            field=fields.CharField(null=True, max_length=16),
        ),
        ops.RunSQL(
            [
                "UPDATE document SET storage_backend = 'database' WHERE storage_key IN "
                "(SELECT DISTINCT storage_key FROM document_chunk)"
            ],
            reverse_sql=[],
        ),
    ]
