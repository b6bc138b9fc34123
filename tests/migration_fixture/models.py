"""Test-only models: a parent with indexes, a child with ON DELETE CASCADE."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Parent(Model):
    id = fields.IntField(primary_key=True)
    kind = fields.CharField(max_length=20, db_index=True)
    name = fields.CharField(max_length=100)

    class Meta:
        table = "fixture_parent"
        unique_together = (("kind", "name"),)


class Child(Model):
    id = fields.IntField(primary_key=True)
    parent: fields.ForeignKeyRelation[Parent] = fields.ForeignKeyField(
        "portal.Parent", related_name="children", on_delete=fields.CASCADE
    )
    label = fields.CharField(max_length=50)

    class Meta:
        table = "fixture_child"
