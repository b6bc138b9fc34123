from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.accounts.models import Locale, Role
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='LoginFailure',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('email', fields.CharField(db_index=True, max_length=254)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'login_failure', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'A failed sign-in, kept for throttling guessing against one address.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Organisation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('slug', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=200)),
                ('country', fields.CharField(default='', max_length=2)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'organisation', 'app': 'portal', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Provider',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('slug', fields.CharField(unique=True, max_length=64)),
                ('name', fields.CharField(max_length=200)),
                ('country', fields.CharField(default='', max_length=2)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'provider', 'app': 'portal', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ServiceAccount',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('client_id', fields.CharField(unique=True, max_length=64)),
                ('secret_hash', fields.CharField(max_length=64)),
                ('name', fields.CharField(max_length=200)),
                ('organisation', fields.ForeignKeyField('portal.Organisation', source_field='organisation_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='service_accounts', on_delete=OnDelete.CASCADE)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='service_accounts', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(description='ORG_AGENT: org_agent\nORG_MANAGER: org_manager\nPROVIDER_CASEWORKER: provider_caseworker\nNEUTRAL: neutral\nAUDITOR: auditor\nADMIN: admin', enum_type=Role, max_length=32)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'service_account', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'An integration client of one organisation or one provider (OAuth 2.0 client credentials).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('email', fields.CharField(unique=True, max_length=254)),
                ('display_name', fields.CharField(max_length=200)),
                ('locale', fields.CharEnumField(default=Locale.EN, description='EN: en\nZH_HANS: zh-Hans', enum_type=Locale, max_length=16)),
                ('password_hash', fields.CharField(default='', max_length=255)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_login_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'user_account', 'app': 'portal', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Membership',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('portal.User', source_field='user_id', db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(description='ORG_AGENT: org_agent\nORG_MANAGER: org_manager\nPROVIDER_CASEWORKER: provider_caseworker\nNEUTRAL: neutral\nAUDITOR: auditor\nADMIN: admin', enum_type=Role, max_length=32)),
                ('organisation', fields.ForeignKeyField('portal.Organisation', source_field='organisation_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.CASCADE)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='memberships', on_delete=OnDelete.CASCADE)),
                ('scope', fields.CharField(max_length=80)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'membership', 'app': 'portal', 'unique_together': (('user', 'role', 'scope'),), 'pk_attr': 'id', 'table_description': 'One role of one user, within an organisation, a provider, or the whole installation.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('portal.User', source_field='user_id', db_index=True, db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('method', fields.CharField(max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_reason', fields.CharField(default='', max_length=32)),
            ],
            options={'table': 'auth_session', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'One sign-in: the family of refresh tokens rotated from it.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RefreshToken',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('session', fields.ForeignKeyField('portal.Session', source_field='session_id', db_index=True, db_constraint=True, to_field='id', related_name='refresh_tokens', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'refresh_token', 'app': 'portal', 'pk_attr': 'id'},
            bases=['Model'],
        ),
    ]
