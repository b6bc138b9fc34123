"""Issue 20, 4: a group's session is one row on each member case, tied by `group_session_id`
(new nullable columns: existing sessions are sessions of their case alone)."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields


class Migration(migrations.Migration):
    dependencies = [('portal', '0037_fee_hold_clocks')]

    initial = False

    operations = [
        ops.AddField(
            model_name='CaseSession',
            name='group_id',
            field=fields.UUIDField(null=True),
        ),
        ops.AddField(
            model_name='CaseSession',
            name='group_session_id',
            field=fields.UUIDField(null=True, db_index=True),
        ),
    ]
