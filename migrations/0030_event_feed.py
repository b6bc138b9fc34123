"""Issue 18, 3 (incremental sync): the installation-wide event feed and `updatedSince`.

- `timeline_event.position`: an event's place in the feed, given in commit order under the row
  lock of `event_feed_head` (portal.timeline.feed explains why). Existing events take their id:
  they all committed long ago, and ids follow append order within a case.
- `dispute_case.updated_at`, `complaint.updated_at`: when anything a client syncs last changed
  (an event on the timeline, a step on the complaint); existing rows start from the last one
  recorded (or their creation).
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

EPOCH = "1970-01-01 00:00:00+00:00"


class AddInstantColumn(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without a default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (as in 0029): the column comes
    with a placeholder default, filled in below."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        table = model._meta.db_table
        await state_editor._run_sql(
            f'ALTER TABLE "{table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT '{EPOCH}'"
        )
        await state_editor._run_sql(
            f'CREATE INDEX "idx_{table}_{self.name}" ON "{table}" ("{self.name}")'
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0029_object_storage")]

    initial = False

    operations = [
        ops.CreateModel(
            name="EventFeedHead",
            fields=[
                ("id", fields.IntField(primary_key=True)),
                ("position", fields.BigIntField(default=0)),
            ],
            options={
                "table": "event_feed_head",
                "app": "portal",
                "pk_attr": "id",
                "table_description": "One row: the last feed position given out "
                "(portal.timeline.feed). Its row lock is",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="TimelineEvent",
            name="position",
            field=fields.BigIntField(null=True, unique=True),
        ),
        AddInstantColumn(
            model_name="DisputeCase",
            name="updated_at",
            field=fields.DatetimeField(auto_now_add=True, db_index=True),
        ),
        AddInstantColumn(
            model_name="Complaint",
            name="updated_at",
            field=fields.DatetimeField(auto_now_add=True, db_index=True),
        ),
        ops.RunSQL(
            [
                "UPDATE timeline_event SET position = id",
                "INSERT INTO event_feed_head (id, position) "
                "SELECT 1, COALESCE(MAX(id), 0) FROM timeline_event",
                "UPDATE dispute_case SET updated_at = COALESCE((SELECT MAX(e.occurred_at) "
                "FROM timeline_event e WHERE e.case_id = dispute_case.id), created_at)",
                "UPDATE complaint SET updated_at = COALESCE((SELECT MAX(s.at) "
                "FROM complaint_step s WHERE s.complaint_id = complaint.id), created_at)",
            ],
            reverse_sql=[],
        ),
    ]
