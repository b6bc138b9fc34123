"""Issue 14, administration: organisations, providers, schemes and their links are retired,
never deleted; schemes gain methods, fees, legal-effect texts and versions; every admin change
is written to the append-only admin audit log."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields


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
            f"NOT NULL DEFAULT {self.sql_default}"
        )


class Migration(migrations.Migration):
    dependencies = [('portal', '0013_refresh_superseded')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AdminAuditEntry',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('created_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
                ('actor_id', fields.UUIDField()),
                ('actor_kind', fields.CharField(max_length=32)),
                ('actor_label', fields.CharField(default='', max_length=254)),
                ('action', fields.CharField(max_length=64)),
                ('subject_type', fields.CharField(max_length=32)),
                ('subject_id', fields.UUIDField(db_index=True)),
                ('before', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
                ('after', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
            ],
            options={'table': 'admin_audit_entry', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'Who changed what, when, and how it stood before and after. Never updated or deleted.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Organisation',
            name='retired_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='OrganisationProvider',
            name='retired_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='Provider',
            name='retired_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddColumnWithDefault(
            model_name='Scheme',
            name='fees',
            field=fields.TextField(default='', unique=False),
            sql_default="''",
        ),
        AddColumnWithDefault(
            model_name='Scheme',
            name='legal_effects',
            field=fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
            sql_default="'{}'",
        ),
        AddColumnWithDefault(
            model_name='Scheme',
            name='methods',
            field=fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads),
            sql_default="'[]'",
        ),
        ops.AddField(
            model_name='Scheme',
            name='replaced_by',
            field=fields.ForeignKeyField('portal.Scheme', source_field='replaced_by_id', null=True, db_constraint=True, to_field='id', related_name='replaces', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='Scheme',
            name='retired_at',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddColumnWithDefault(
            model_name='Scheme',
            name='version',
            field=fields.IntField(default=1),
            sql_default='1',
        ),
    ]
