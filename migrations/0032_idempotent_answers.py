"""Issue 18, deliverable 5 (idempotent writes): the first answer to each idempotency key, for
every mutation (portal.api.idempotency). New table only. `idempotency_key`, which held the
result ids of the first twelve idempotent mutations, is no longer written and keeps its rows;
a later release drops it."""

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.data import JSON_DUMPS
from tortoise.migrations import operations as ops
from uuid import uuid4


class Migration(migrations.Migration):
    dependencies = [("portal", "0031_client_scopes")]

    initial = False

    operations = [
        ops.CreateModel(
            name="IdempotentAnswer",
            fields=[
                ("id", fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ("owner", fields.CharField(max_length=80)),
                ("key", fields.CharField(max_length=200)),
                ("operation", fields.CharField(max_length=64)),
                ("fingerprint", fields.CharField(max_length=64)),
                ("answer", fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ("created_at", fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ("expires_at", fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "idempotent_answer",
                "app": "portal",
                "unique_together": (("owner", "key"),),
                "pk_attr": "id",
                "table_description": "The first answer to an idempotency key (issue 18, 5).",
            },
            bases=["Model"],
        ),
    ]
