"""Issue 16 (nothing lost): a refresh token spent by the lost-answer replacement is marked, so
that presenting it ends the session (two holders) instead of earning another replacement."""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("portal", "0012_representative_invitations")]

    initial = False

    operations = [
        ops.AddField(
            model_name="RefreshToken",
            name="superseded_at",
            field=fields.DatetimeField(null=True),
        ),
    ]
