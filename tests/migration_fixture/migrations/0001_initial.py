# Written by `tortoise makemigrations`; Tortoise reads these class attributes as they are.
# ruff: noqa: RUF012
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name="Parent",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                ("kind", fields.CharField(db_index=True, max_length=20)),
                ("name", fields.CharField(max_length=50)),
            ],
            options={
                "table": "fixture_parent",
                "app": "portal",
                "unique_together": (("kind", "name"),),
                "pk_attr": "id",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="Child",
            fields=[
                (
                    "id",
                    fields.IntField(generated=True, primary_key=True, unique=True, db_index=True),
                ),
                (
                    "parent",
                    fields.ForeignKeyField(
                        "portal.Parent",
                        source_field="parent_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="children",
                        on_delete=OnDelete.CASCADE,
                    ),
                ),
                ("label", fields.CharField(max_length=50)),
            ],
            options={"table": "fixture_child", "app": "portal", "pk_attr": "id"},
            bases=["Model"],
        ),
    ]
