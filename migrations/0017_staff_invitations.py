"""Issue 14, deliverable 4: managers invite staff by e-mail (portal.accounts.team); an invitation
becomes a membership only when the invitee accepts."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.accounts.models import Role
from portal.cases.states import InvitationStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0016_webhook_selfservice')]

    initial = False

    operations = [
        ops.CreateModel(
            name='StaffInvitation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('organisation', fields.ForeignKeyField('portal.Organisation', source_field='organisation_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='staff_invitations', on_delete=OnDelete.CASCADE)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', null=True, db_index=True, db_constraint=True, to_field='id', related_name='staff_invitations', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(max_length=320)),
                ('role', fields.CharEnumField(description='ORG_AGENT: org_agent\nORG_MANAGER: org_manager\nPROVIDER_CASEWORKER: provider_caseworker\nNEUTRAL: neutral\nAUDITOR: auditor\nADMIN: admin', enum_type=Role, max_length=32)),
                ('invited_by', fields.ForeignKeyField('portal.User', source_field='invited_by_id', db_constraint=True, to_field='id', related_name='staff_invitations', on_delete=OnDelete.RESTRICT)),
                ('status', fields.CharEnumField(default=InvitationStatus.PENDING, description='PENDING: pending\nACCEPTED: accepted\nREVOKED: revoked\nEXPIRED: expired', enum_type=InvitationStatus, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_by', fields.ForeignKeyField('portal.User', source_field='accepted_by_id', null=True, db_constraint=True, to_field='id', related_name='accepted_staff_invitations', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'staff_invitation', 'app': 'portal', 'pk_attr': 'id', 'table_description': "A manager (or an admin) asks someone, by e-mail address, to join an organisation's or a"},
            bases=['Model'],
        ),
    ]
