# Written by `tortoise makemigrations`; Tortoise reads these class attributes as they are.
# ruff: noqa: RUF012
from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    initial = False

    operations = [
        ops.AlterField(
            model_name="Parent",
            name="name",
            field=fields.CharField(max_length=100),
        ),
    ]
