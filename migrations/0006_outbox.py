from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from portal.notifications.models import AttemptOutcome, Channel, OutboxStatus
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('portal', '0005_feedback')]

    initial = False

    operations = [
        ops.CreateModel(
            name='ClockNotice',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('clock_id', fields.UUIDField()),
                ('due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'clock_notice', 'app': 'portal', 'unique_together': (('clock_id', 'due_at'),), 'pk_attr': 'id', 'table_description': 'A reminder scheduled for one clock and one due date: written once, whichever worker'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SignInCode',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('email', fields.CharField(db_index=True, max_length=254)),
                ('user', fields.ForeignKeyField('portal.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='sign_in_codes', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(max_length=64)),
                ('failed_attempts', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'sign_in_code', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'A one-time code mailed for passwordless sign-in (QUALITY.md "Tokens": its own kind).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WebhookSubscription',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organisation', fields.ForeignKeyField('portal.Organisation', source_field='organisation_id', db_index=True, db_constraint=True, to_field='id', related_name='webhooks', on_delete=OnDelete.CASCADE)),
                ('url', fields.CharField(max_length=2048)),
                ('event_kinds', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('secret', fields.CharField(max_length=80)),
                ('description', fields.CharField(default='', max_length=200)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_by_id', fields.UUIDField(null=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'webhook_subscription', 'app': 'portal', 'pk_attr': 'id', 'table_description': "An organisation's endpoint for the case events it chose (Standard Webhooks)."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxMessage',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('channel', fields.CharEnumField(description='EMAIL: email\nWEBHOOK: webhook', enum_type=Channel, max_length=8)),
                ('kind', fields.CharField(max_length=48)),
                ('recipient', fields.CharField(max_length=2048)),
                ('locale', fields.CharField(default='en', max_length=16)),
                ('context', fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads)),
                ('case_id', fields.UUIDField(null=True, db_index=True)),
                ('subscription', fields.ForeignKeyField('portal.WebhookSubscription', source_field='subscription_id', null=True, db_constraint=True, to_field='id', related_name='messages', on_delete=OnDelete.SET_NULL)),
                ('status', fields.CharEnumField(default=OutboxStatus.PENDING, description='PENDING: pending\nCLAIMED: claimed\nDELIVERED: delivered\nDEAD: dead', enum_type=OutboxStatus, max_length=16)),
                ('attempts', fields.IntField(default=0)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('lease_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('claimed_by', fields.CharField(default='', max_length=80)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'outbox_message', 'app': 'portal', 'indexes': [Index(fields=['status', 'next_attempt_at']), Index(fields=['status', 'lease_until'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DeliveryAttempt',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('message', fields.ForeignKeyField('portal.OutboxMessage', source_field='message_id', db_index=True, db_constraint=True, to_field='id', related_name='attempt_log', on_delete=OnDelete.CASCADE)),
                ('number', fields.IntField()),
                ('worker', fields.CharField(max_length=80)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('finished_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('outcome', fields.CharEnumField(description='DELIVERED: delivered\nRETRY: retry\nDEAD: dead', enum_type=AttemptOutcome, max_length=16)),
                ('detail', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'delivery_attempt', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'One try at delivering one outbox row: who tried, when, and what came of it.'},
            bases=['Model'],
        ),
    ]
