from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0003_casefiles')]

    initial = False

    operations = [
        ops.CreateModel(
            name='NeutralProfile',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='roster', on_delete=OnDelete.CASCADE)),
                ('user', fields.ForeignKeyField('portal.User', source_field='user_id', db_constraint=True, to_field='id', related_name='neutral_profiles', on_delete=OnDelete.CASCADE)),
                ('title', fields.CharField(default='', max_length=200)),
                ('biography', fields.TextField(default='', unique=False)),
                ('competences', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('languages', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('methods', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('standing_disclosures', fields.TextField(default='', unique=False)),
                ('mandate_ends_on', fields.DateField(null=True)),
                ('accepting_cases', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'neutral_profile', 'app': 'portal', 'unique_together': (('provider', 'user'),), 'pk_attr': 'id', 'table_description': "A neutral's entry on one provider's roster (Art. 7(1)(b): who decides, for how long)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ProviderProfile',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('provider', fields.OneToOneField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='profile', on_delete=OnDelete.CASCADE)),
                ('summary', fields.TextField(default='', unique=False)),
                ('website', fields.CharField(default='', max_length=500)),
                ('contact_email', fields.CharField(default='', max_length=254)),
                ('postal_address', fields.TextField(default='', unique=False)),
                ('methods', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('languages', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('countries', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('dispute_types', fields.TextField(default='', unique=False)),
                ('rules_url', fields.CharField(default='', max_length=500)),
                ('decision_basis', fields.TextField(default='', unique=False)),
                ('preliminary_requirements', fields.TextField(default='', unique=False)),
                ('fees', fields.TextField(default='', unique=False)),
                ('consumer_fee_amount', fields.DecimalField(null=True, max_digits=12, decimal_places=2)),
                ('consumer_fee_currency', fields.CharField(default='EUR', max_length=3)),
                ('legal_effect', fields.TextField(default='', unique=False)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'provider_profile', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'One per provider. A provider without one publishes nothing beyond its name.'},
            bases=['Model'],
        ),
    ]
