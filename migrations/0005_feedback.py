from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from portal.cases.states import Method
from portal.feedback.states import QuestionKind, Respondent
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('portal', '0004_directory')]

    initial = False

    operations = [
        ops.CreateModel(
            name='SurveyInvitation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='survey_invitations', on_delete=OnDelete.CASCADE)),
                ('respondent', fields.CharEnumField(description='COMPLAINANT: complainant\nORGANISATION: organisation', enum_type=Respondent, max_length=16)),
                ('recipient', fields.ForeignKeyField('portal.User', source_field='recipient_id', null=True, db_constraint=True, to_field='id', related_name='survey_invitations', on_delete=OnDelete.SET_NULL)),
                ('questions', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('reminder_due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('reminded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'survey_invitation', 'app': 'portal', 'unique_together': (('case', 'respondent'),), 'indexes': [Index(fields=['answered_at', 'reminded_at', 'reminder_due_at'])], 'pk_attr': 'id', 'table_description': "One personal, login-free survey link's row: its single use is enforced here."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SatisfactionRecord',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('invitation', fields.ForeignKeyField('portal.SurveyInvitation', source_field='invitation_id', db_constraint=True, to_field='id', related_name='answers', on_delete=OnDelete.CASCADE)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='satisfaction_records', on_delete=OnDelete.CASCADE)),
                ('organisation', fields.ForeignKeyField('portal.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='satisfaction_records', on_delete=OnDelete.CASCADE)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='satisfaction_records', on_delete=OnDelete.CASCADE)),
                ('method', fields.CharEnumField(description='NEGOTIATION: negotiation\nMEDIATION: mediation\nCONCILIATION: conciliation\nOMBUDSMAN_RECOMMENDATION: ombudsman_recommendation\nEXPERT_OPINION: expert_opinion\nARBITRATION_BINDING: arbitration_binding\nARBITRATION_NON_BINDING: arbitration_non_binding', enum_type=Method, max_length=32)),
                ('respondent', fields.CharEnumField(description='COMPLAINANT: complainant\nORGANISATION: organisation', enum_type=Respondent, max_length=16)),
                ('question', fields.CharField(max_length=32)),
                ('kind', fields.CharEnumField(description='SCALE: scale\nYES_NO: yes_no\nTEXT: text', enum_type=QuestionKind, max_length=8)),
                ('score', fields.IntField(null=True)),
                ('agreed', fields.BooleanField(null=True)),
                ('comment', fields.TextField(default='', unique=False)),
                ('answered_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'satisfaction_record', 'app': 'portal', 'indexes': [Index(fields=['organisation_id', 'answered_at']), Index(fields=['provider_id', 'answered_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SurveyPolicy',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organisation', fields.OneToOneField('portal.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='survey_policy', on_delete=OnDelete.CASCADE)),
                ('questions', fields.JSONField(encoder=JSON_DUMPS, decoder=loads)),
                ('invite_organisation', fields.BooleanField(default=False)),
                ('valid_days', fields.IntField(default=30)),
                ('reminder_after_days', fields.IntField(default=7)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'survey_policy', 'app': 'portal', 'pk_attr': 'id', 'table_description': "An organisation's survey: its questions, and whether its own side is asked too."},
            bases=['Model'],
        ),
    ]
