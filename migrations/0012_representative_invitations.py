"""Issue 16: a complainant names a representative by invitation (portal.cases.representatives);
the invitation becomes a representative row in case_participant only when the invitee accepts."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.cases.states import InvitationStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0011_provider_texts')]

    initial = False

    operations = [
        ops.CreateModel(
            name='RepresentativeInvitation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_index=True, db_constraint=True, to_field='id', related_name='representative_invitations', on_delete=OnDelete.CASCADE)),
                ('email', fields.CharField(max_length=320)),
                ('invited_by', fields.ForeignKeyField('portal.User', source_field='invited_by_id', db_constraint=True, to_field='id', related_name='representative_invitations', on_delete=OnDelete.RESTRICT)),
                ('status', fields.CharEnumField(default=InvitationStatus.PENDING, description='PENDING: pending\nACCEPTED: accepted\nREVOKED: revoked\nEXPIRED: expired', enum_type=InvitationStatus, max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('decided_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('accepted_by', fields.ForeignKeyField('portal.User', source_field='accepted_by_id', null=True, db_constraint=True, to_field='id', related_name='accepted_representative_invitations', on_delete=OnDelete.RESTRICT)),
            ],
            options={'table': 'representative_invitation', 'app': 'portal', 'pk_attr': 'id', 'table_description': 'The complainant asks someone, by e-mail address, to act for them. It becomes a'},
            bases=['Model'],
        ),
    ]
