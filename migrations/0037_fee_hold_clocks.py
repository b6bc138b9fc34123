"""Issue 20 (fees): a clock paused while a hold is in force on its case (a fee due at the
stage the case waits at), since when and for which hold (portal.cases.holds). Two nullable
columns added to `clock`: existing clocks are not paused."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.cases.states import ClockHold
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0036_case_groups')]

    initial = False

    operations = [
        ops.AddField(
            model_name='Clock',
            name='paused_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Clock',
            name='paused_for',
            field=fields.CharEnumField(null=True, description='FEES: fees', enum_type=ClockHold, max_length=16),
        ),
    ]
