"""Issue 20, deliverable 3 (automated decisions, disclosed and reviewable): each step the clock
job takes, its rule and its review window (`automated_decision`); a party's request for a
person's review and the caseworker's decision (`automated_review`); the scheme's window in days.
New tables and one added column (with a default) only."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from orjson import loads
from portal.cases.states import AutomatedReviewStatus, AutomatedRule, Side, Stage
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from uuid import uuid4
from tortoise import fields

class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {int(self.field.default)}"
        )


class Migration(migrations.Migration):
    dependencies = [('portal', '0034_fees')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AutomatedDecision',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='automated_decisions', on_delete=OnDelete.RESTRICT)),
                ('event', fields.ForeignKeyField('portal.TimelineEvent', source_field='event_id', db_constraint=True, to_field='id', related_name='automated_decision', on_delete=OnDelete.RESTRICT)),
                ('rule', fields.CharEnumField(description='CONSENT_LAPSED: consent_lapsed\nORGANISATION_SILENT: organisation_silent\nCONFIRM_NEUTRAL: confirm_neutral\nNEGOTIATION_LAPSED: negotiation_lapsed\nAWARD_FINAL: award_final\nOUTCOME_NOT_ACCEPTED: outcome_not_accepted\nCONFIRMATION_LAPSED: confirmation_lapsed\nIMPLEMENTATION_LAPSED: implementation_lapsed', enum_type=AutomatedRule, max_length=32)),
                ('stage_before', fields.CharEnumField(description='REFERRED: referred\nDECLINED: declined\nACCEPTED: accepted\nAWAITING_RESPONSE: awaiting_response\nFILE_REVIEW: file_review\nIN_RESOLUTION: in_resolution\nOUTCOME_PROPOSED: outcome_proposed\nUNDER_REVIEW: under_review\nIMPLEMENTATION: implementation\nCLOSED: closed\nWITHDRAWN: withdrawn', enum_type=Stage, max_length=24)),
                ('stage_after', fields.CharEnumField(description='REFERRED: referred\nDECLINED: declined\nACCEPTED: accepted\nAWAITING_RESPONSE: awaiting_response\nFILE_REVIEW: file_review\nIN_RESOLUTION: in_resolution\nOUTCOME_PROPOSED: outcome_proposed\nUNDER_REVIEW: under_review\nIMPLEMENTATION: implementation\nCLOSED: closed\nWITHDRAWN: withdrawn', enum_type=Stage, max_length=24)),
                ('decided_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('clocks_after', fields.JSONField(default=list, encoder=JSON_DUMPS, decoder=loads)),
                ('review_due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'automated_decision', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'One step of the clock job: the rule that took it, its record on the timeline, where it'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AutomatedReview',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('decision', fields.OneToOneField('portal.AutomatedDecision', source_field='decision_id', db_constraint=True, to_field='id', related_name='review', on_delete=OnDelete.RESTRICT)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='automated_reviews', on_delete=OnDelete.RESTRICT)),
                ('side', fields.CharEnumField(description='COMPLAINANT: complainant\nORGANISATION: organisation', enum_type=Side, max_length=16)),
                ('requested_by_id', fields.UUIDField()),
                ('reasons', fields.TextField(unique=False)),
                ('requested_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status', fields.CharEnumField(db_index=True, description='PENDING: pending\nUPHELD: upheld\nREVERSED: reversed', enum_type=AutomatedReviewStatus, max_length=16)),
                ('decided_by_id', fields.UUIDField(null=True)),
                ('decision_reasons', fields.TextField(default='', unique=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'automated_review', 'app': 'portal', 'pk_attr': 'id', 'table_description': "A party's request that a person review an automated decision, and the decision on it."},
            bases=['Model'],
        ),
        AddColumnWithDefault(
            model_name='Scheme',
            name='automated_review_days',
            field=fields.IntField(default=14),
        ),
    ]
