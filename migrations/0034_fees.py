"""Issue 20, deliverable 2 (fees and waivers; portal.fees): fee schedules and their bands,
invoices (numbered through reference_counter), waivers, payments and card checkouts. New
tables only: nothing existing changes."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.cases.states import Stage
from portal.fees.states import FeePayer, InvoiceStatus, WaiverStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0033_sessions')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FeeInvoice',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('number', fields.CharField(unique=True, max_length=24)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='fee_invoices', on_delete=OnDelete.RESTRICT)),
                ('payer', fields.CharEnumField(description='COMPLAINANT: complainant\nORGANISATION: organisation', enum_type=FeePayer, max_length=16)),
                ('amount_minor', fields.BigIntField()),
                ('currency', fields.CharField(max_length=3)),
                ('hold_stage', fields.CharEnumField(null=True, description='REFERRED: referred\nDECLINED: declined\nACCEPTED: accepted\nAWAITING_RESPONSE: awaiting_response\nFILE_REVIEW: file_review\nIN_RESOLUTION: in_resolution\nOUTCOME_PROPOSED: outcome_proposed\nUNDER_REVIEW: under_review\nIMPLEMENTATION: implementation\nCLOSED: closed\nWITHDRAWN: withdrawn', enum_type=Stage, max_length=24)),
                ('status', fields.CharEnumField(default=InvoiceStatus.DUE, description='DUE: due\nPAID: paid\nWAIVED: waived', enum_type=InvoiceStatus, max_length=16)),
                ('issued_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('settled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'fee_invoice', 'app': 'portal', 'unique_together': (('case', 'payer'),), 'pk_attr': 'id', 'table_description': 'What one payer owes on one case, as issued when the case was referred.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FeeCheckout',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('invoice', fields.ForeignKeyField('portal.FeeInvoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='checkouts', on_delete=OnDelete.RESTRICT)),
                ('adapter', fields.CharField(max_length=64)),
                ('reference', fields.CharField(max_length=200)),
                ('url', fields.CharField(max_length=2000)),
                ('started_by', fields.ForeignKeyField('portal.User', source_field='started_by_id', db_constraint=True, to_field='id', related_name='fee_checkouts', on_delete=OnDelete.RESTRICT)),
                ('started_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'fee_checkout', 'app': 'portal', 'unique_together': (('adapter', 'reference'),), 'pk_attr': 'id', 'table_description': "A card checkout started through a processor's adapter: which invoice its result pays."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FeePayment',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('invoice', fields.ForeignKeyField('portal.FeeInvoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='payments', on_delete=OnDelete.RESTRICT)),
                ('adapter', fields.CharField(max_length=64)),
                ('message_id', fields.CharField(max_length=200)),
                ('reference', fields.CharField(default='', max_length=200)),
                ('amount_minor', fields.BigIntField()),
                ('currency', fields.CharField(max_length=3)),
                ('recorded_by', fields.ForeignKeyField('portal.User', source_field='recorded_by_id', null=True, db_constraint=True, to_field='id', related_name='fee_payments_recorded', on_delete=OnDelete.RESTRICT)),
                ('recorded_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'fee_payment', 'app': 'portal', 'unique_together': (('adapter', 'message_id'),), 'pk_attr': 'id', 'table_description': 'A payment of an invoice, through a payment adapter (providers.payments): recorded by'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FeeSchedule',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('scheme', fields.OneToOneField('portal.Scheme', source_field='scheme_id', db_constraint=True, to_field='id', related_name='fee_schedule', on_delete=OnDelete.CASCADE)),
                ('currency', fields.CharField(max_length=3)),
                ('hold_stage', fields.CharEnumField(null=True, description='REFERRED: referred\nDECLINED: declined\nACCEPTED: accepted\nAWAITING_RESPONSE: awaiting_response\nFILE_REVIEW: file_review\nIN_RESOLUTION: in_resolution\nOUTCOME_PROPOSED: outcome_proposed\nUNDER_REVIEW: under_review\nIMPLEMENTATION: implementation\nCLOSED: closed\nWITHDRAWN: withdrawn', enum_type=Stage, max_length=24)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'fee_schedule', 'app': 'portal', 'pk_attr': 'id', 'table_description': "A scheme's fees: in which currency, and the stage a case waits at until its fees are"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FeeBand',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('schedule', fields.ForeignKeyField('portal.FeeSchedule', source_field='schedule_id', db_constraint=True, to_field='id', related_name='bands', on_delete=OnDelete.CASCADE)),
                ('payer', fields.CharEnumField(description='COMPLAINANT: complainant\nORGANISATION: organisation', enum_type=FeePayer, max_length=16)),
                ('from_minor', fields.BigIntField()),
                ('to_minor', fields.BigIntField(null=True)),
                ('amount_minor', fields.BigIntField()),
            ],
            options={'table': 'fee_band', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'The filing fee one payer owes for a claim value from `from_minor` (inclusive) up to'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='FeeWaiver',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('invoice', fields.ForeignKeyField('portal.FeeInvoice', source_field='invoice_id', db_constraint=True, to_field='id', related_name='waivers', on_delete=OnDelete.RESTRICT)),
                ('requested_by', fields.ForeignKeyField('portal.User', source_field='requested_by_id', db_constraint=True, to_field='id', related_name='fee_waivers_requested', on_delete=OnDelete.RESTRICT)),
                ('reasons', fields.TextField(unique=False)),
                ('evidence', fields.ForeignKeyField('portal.Document', source_field='evidence_id', null=True, db_constraint=True, to_field='id', related_name='fee_waivers', on_delete=OnDelete.RESTRICT)),
                ('requested_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status', fields.CharEnumField(default=WaiverStatus.PENDING, description='PENDING: pending\nGRANTED: granted\nREFUSED: refused', enum_type=WaiverStatus, max_length=16)),
                ('decided_by', fields.ForeignKeyField('portal.User', source_field='decided_by_id', null=True, db_constraint=True, to_field='id', related_name='fee_waivers_decided', on_delete=OnDelete.RESTRICT)),
                ('decision_reasons', fields.TextField(default='', unique=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'fee_waiver', 'app': 'portal', 'pk_attr': 'id', 'table_description': "A party's request that its fee be waived, with reasons and evidence from the case"},
            bases=['Model'],
        ),
    ]
