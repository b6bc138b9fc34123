from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.timeline.models import Visibility
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('portal', '0002_lifecycle')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Document',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='documents', on_delete=OnDelete.RESTRICT)),
                ('visibility', fields.CharEnumField(description='ALL_PARTIES: all_parties\nCAUCUS_COMPLAINANT: caucus_complainant\nCAUCUS_ORGANISATION: caucus_organisation\nNEUTRAL_ONLY: neutral_only\nORGANISATION_INTERNAL: organisation_internal\nPROVIDER_INTERNAL: provider_internal', enum_type=Visibility, max_length=24)),
                ('lineage_id', fields.UUIDField(db_index=True)),
                ('version', fields.IntField(default=1)),
                ('supersedes', fields.ForeignKeyField('portal.Document', source_field='supersedes_id', null=True, db_constraint=True, to_field='id', related_name='superseded_by', on_delete=OnDelete.RESTRICT)),
                ('superseded_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('filename', fields.CharField(max_length=255)),
                ('content_type', fields.CharField(max_length=100)),
                ('size', fields.BigIntField()),
                ('sha256', fields.CharField(max_length=64)),
                ('storage_key', fields.CharField(unique=True, max_length=64)),
                ('uploaded_by_id', fields.UUIDField()),
                ('uploader_role', fields.CharField(max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'document', 'app': 'portal', 'indexes': [Index(fields=['case_id', 'created_at'])], 'pk_attr': 'id', 'table_description': 'One version of one document. A new version is a new row that points at the one it'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DocumentChunk',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('storage_key', fields.CharField(max_length=64)),
                ('seq', fields.IntField()),
                ('data', fields.BinaryField()),
            ],
            options={'table': 'document_chunk', 'app': 'portal', 'unique_together': (('storage_key', 'seq'),), 'pk_attr': 'id', 'table_description': 'File content in the database, for installations with several instances: a file is a'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Message',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('case', fields.ForeignKeyField('portal.DisputeCase', source_field='case_id', db_constraint=True, to_field='id', related_name='messages', on_delete=OnDelete.RESTRICT)),
                ('visibility', fields.CharEnumField(description='ALL_PARTIES: all_parties\nCAUCUS_COMPLAINANT: caucus_complainant\nCAUCUS_ORGANISATION: caucus_organisation\nNEUTRAL_ONLY: neutral_only\nORGANISATION_INTERNAL: organisation_internal\nPROVIDER_INTERNAL: provider_internal', enum_type=Visibility, max_length=24)),
                ('reply_to', fields.ForeignKeyField('portal.Message', source_field='reply_to_id', null=True, db_constraint=True, to_field='id', related_name='replies', on_delete=OnDelete.RESTRICT)),
                ('author_id', fields.UUIDField()),
                ('author_role', fields.CharField(max_length=16)),
                ('body', fields.TextField(unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'message', 'app': 'portal', 'indexes': [Index(fields=['case_id', 'created_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MessageRead',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('message', fields.ForeignKeyField('portal.Message', source_field='message_id', db_constraint=True, to_field='id', related_name='reads', on_delete=OnDelete.CASCADE)),
                ('reader_id', fields.UUIDField(db_index=True)),
                ('read_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'message_read', 'app': 'portal', 'unique_together': (('message', 'reader_id'),), 'pk_attr': 'id', 'table_description': 'A participant has read a message: unread counts are what has no row for the reader.'},
            bases=['Model'],
        ),
    ]
