from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.notifications.models import Channel
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows: the column is added with its
    default in the SQL; the model state changes as AddField's does."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        default = str(self.field.default).replace("'", "''")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT '{default}'"
        )


class Migration(migrations.Migration):
    dependencies = [('portal', '0007_webhook_secret_overlap')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ExternalPerson',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='external_people', on_delete=OnDelete.CASCADE)),
                ('external_id', fields.CharField(max_length=200)),
                ('user', fields.ForeignKeyField('portal.User', source_field='user_id', db_constraint=True, to_field='id', related_name='external_references', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'external_person', 'app': 'portal', 'unique_together': (('provider', 'external_id'),), 'pk_attr': 'id', 'table_description': 'A person an external provider named in a callback, and the account they act through.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ProviderCallback',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('provider_id', fields.UUIDField()),
                ('message_id', fields.CharField(max_length=200)),
                ('kind', fields.CharField(max_length=32)),
                ('case_id', fields.UUIDField(null=True)),
                ('received_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'provider_callback', 'app': 'portal', 'unique_together': (('provider_id', 'message_id'),), 'pk_attr': 'id', 'table_description': 'A callback (or answer form) received from a provider, by its id: the unique index'},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='OutboxMessage',
            name='channel',
            field=fields.CharEnumField(description='EMAIL: email\nWEBHOOK: webhook\nPROVIDER: provider', enum_type=Channel, max_length=8),
        ),
        AddColumnWithDefault(
            model_name='Provider',
            name='adapter',
            field=fields.CharField(default='inportal', max_length=64),
        ),
        AddColumnWithDefault(
            model_name='Provider',
            name='adapter_email',
            field=fields.CharField(default='', max_length=254),
        ),
        AddColumnWithDefault(
            model_name='Provider',
            name='endpoint_url',
            field=fields.CharField(default='', max_length=2048),
        ),
        AddColumnWithDefault(
            model_name='Provider',
            name='inbound_secret',
            field=fields.CharField(default='', max_length=80),
        ),
        AddColumnWithDefault(
            model_name='Provider',
            name='outbound_secret',
            field=fields.CharField(default='', max_length=80),
        ),
    ]
