"""Issue 20, deliverable 4 (linked and group cases): links, groups, members with each
complainant's consent, shared documents. New tables only."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.groups.models import GroupConsent
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('portal', '0035_automated_review')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CaseGroup',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('reference', fields.CharField(unique=True, max_length=32)),
                ('organisation', fields.ForeignKeyField('portal.Organisation', source_field='organisation_id', db_constraint=True, to_field='id', related_name='case_groups', on_delete=OnDelete.RESTRICT)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='case_groups', on_delete=OnDelete.RESTRICT)),
                ('lead_case', fields.ForeignKeyField('portal.DisputeCase', source_field='lead_case_id', db_constraint=True, to_field='id', related_name='led_groups', on_delete=OnDelete.RESTRICT)),
                ('created_by_id', fields.UUIDField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('formed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('outcome_proposed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'case_group', 'app': 'portal', 'indexes': [Index(fields=['organisation_id', 'created_at']), Index(fields=['provider_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'Linked cases run together under one lead case (`GRP-2026-000001`).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CaseLink',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='links_from', on_delete=OnDelete.CASCADE)),
                ('other', fields.ForeignKeyField('portal.DisputeCase', source_field='other_id', db_index=True, db_constraint=True, to_field='id', related_name='links_to', on_delete=OnDelete.CASCADE)),
                ('reason', fields.TextField(unique=False)),
                ('linked_by_id', fields.UUIDField()),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'case_link', 'app': 'portal', 'unique_together': (('case', 'other'),), 'pk_attr': 'id', 'table_description': 'Two cases of one organisation at one provider, related by their cause. Symmetric: one'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='GroupDocument',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('group', fields.ForeignKeyField('portal.CaseGroup', source_field='group_id', db_constraint=True, to_field='id', related_name='documents', on_delete=OnDelete.CASCADE)),
                ('case_id', fields.UUIDField()),
                ('lineage_id', fields.UUIDField(db_index=True)),
                ('shared_by_id', fields.UUIDField()),
                ('shared_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'group_document', 'app': 'portal', 'unique_together': (('group', 'lineage_id'),), 'pk_attr': 'id', 'table_description': 'A document of a member case shared with the group: every version of its lineage is in'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='GroupMember',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('group', fields.ForeignKeyField('portal.CaseGroup', source_field='group_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_index=True, db_constraint=True, to_field='id', related_name='group_memberships', on_delete=OnDelete.CASCADE)),
                ('consent', fields.CharEnumField(default=GroupConsent.ASKED, description='ASKED: asked\nGIVEN: given\nREFUSED: refused\nWITHDRAWN: withdrawn', enum_type=GroupConsent, max_length=16)),
                ('asked_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('answered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('answered_by_id', fields.UUIDField(null=True)),
                ('joined_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'group_member', 'app': 'portal', 'unique_together': (('group', 'case'),), 'pk_attr': 'id', 'table_description': "A case asked into a group, and its complainant's answer (with its time)."},
            bases=['Model'],
        ),
    ]
