"""Issue 20, deliverable 1 (sessions and hearings): sessions of a case with their slots, each
side's answer, and per-person calendar feeds (tokens stored hashed). New tables only."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from portal.cases.states import Side
from portal.sessions.states import SessionKind, SessionStatus
from portal.timeline.models import Visibility
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('portal', '0032_idempotent_answers')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CalendarFeed',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('user', fields.ForeignKeyField('portal.User', source_field='user_id', db_constraint=True, to_field='id', related_name='calendar_feeds', on_delete=OnDelete.CASCADE)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'calendar_feed', 'app': 'portal', 'indexes': [Index(fields=['user_id', 'revoked_at'])], 'pk_attr': 'id', 'table_description': "A person's calendar feed: a secret URL that serves their visible sessions as one .ics."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CaseSession',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(description='MEDIATION_MEETING: mediation_meeting\nHEARING: hearing', enum_type=SessionKind, max_length=24)),
                ('visibility', fields.CharEnumField(description='ALL_PARTIES: all_parties\nCAUCUS_COMPLAINANT: caucus_complainant\nCAUCUS_ORGANISATION: caucus_organisation\nNEUTRAL_ONLY: neutral_only\nORGANISATION_INTERNAL: organisation_internal\nPROVIDER_INTERNAL: provider_internal', enum_type=Visibility, max_length=24)),
                ('status', fields.CharEnumField(default=SessionStatus.PROPOSED, description='PROPOSED: proposed\nSCHEDULED: scheduled\nCANCELLED: cancelled\nHELD: held', enum_type=SessionStatus, max_length=16)),
                ('slots', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('duration_minutes', fields.IntField()),
                ('place', fields.CharField(null=True, max_length=500)),
                ('link', fields.CharField(null=True, max_length=500)),
                ('agenda', fields.TextField(unique=False)),
                ('slot_number', fields.IntField(null=True)),
                ('starts_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('sequence', fields.IntField(default=0)),
                ('proposed_by_id', fields.UUIDField()),
                ('proposer_role', fields.CharField(max_length=16)),
                ('proposed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('scheduled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('cancelled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('cancel_reason', fields.TextField(null=True, unique=False)),
                ('attended', fields.JSONField(null=True, encoder=JSON_DUMPS, decoder=loads)),
                ('minute', fields.TextField(null=True, unique=False)),
                ('minuted_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('reminded_for', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'case_session', 'app': 'portal', 'indexes': [Index(fields=['case_id', 'proposed_at']), Index(fields=['status', 'starts_at'])], 'pk_attr': 'id', 'table_description': 'A mediation meeting or a hearing: proposed with slots, then scheduled on one of them.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SessionAnswer',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('session', fields.ForeignKeyField('portal.CaseSession', source_field='session_id', db_constraint=True, to_field='id', related_name='answers', on_delete=OnDelete.CASCADE)),
                ('side', fields.CharEnumField(description='COMPLAINANT: complainant\nORGANISATION: organisation', enum_type=Side, max_length=16)),
                ('slot_number', fields.IntField(null=True)),
                ('reason', fields.TextField(null=True, unique=False)),
                ('answered_by_id', fields.UUIDField()),
                ('answered_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'case_session_answer', 'app': 'portal', 'unique_together': (('session', 'side'),), 'pk_attr': 'id', 'table_description': "One side's answer to a proposed session: the slot it picked, or its reasons for"},
            bases=['Model'],
        ),
    ]
