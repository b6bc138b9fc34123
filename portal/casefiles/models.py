"""Case files: documents (each version a row, with its history) and messages, each in one
visibility scope (QUALITY.md "Access": scopes apply to events, messages and documents alike)."""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.models import Model

from portal.cases.models import DisputeCase
from portal.timeline.models import Visibility


class Document(Model):
    """One version of one document. A new version is a new row that points at the one it
    supersedes; the superseded row stays, with its file, so the history can be read back."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="documents", on_delete=fields.RESTRICT
    )
    case_id: uuid.UUID
    visibility = fields.CharEnumField(Visibility, max_length=24)
    # The first version's id: every version of one document shares it.
    lineage_id = fields.UUIDField(db_index=True)
    version = fields.IntField(default=1)
    supersedes: fields.ForeignKeyNullableRelation[Document] = fields.ForeignKeyField(
        "portal.Document",
        related_name="superseded_by",
        null=True,
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    supersedes_id: uuid.UUID | None
    superseded_at = fields.DatetimeField(null=True)
    # The name the uploader gave, checked (portal.casefiles.filenames); never a path on disk.
    filename = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)  # from the content, not the name
    size = fields.BigIntField()
    sha256 = fields.CharField(max_length=64)
    # The generated name in the storage backend (portal.casefiles.storage).
    storage_key = fields.CharField(max_length=64, unique=True)
    # The backend that holds the content (`local`, `database` or `s3`): reads go there, so
    # changing PORTAL_DOCUMENT_STORAGE never orphans a document (`portal documents migrate`
    # moves them). `storage_moved_from` names the backend a move left a copy in until that
    # copy is deleted: an interrupted move finishes the deletion when run again.
    storage_backend = fields.CharField(max_length=16, default="local")
    storage_moved_from = fields.CharField(max_length=16, null=True)
    uploaded_by_id = fields.UUIDField()  # a user or a service account
    uploader_role = fields.CharField(max_length=16)
    created_at = fields.DatetimeField()
    # Set when retention or an erasure removed the content (issue 19): the row, its SHA-256
    # and its place on the chain stay; the bytes are gone and are no longer compared.
    redacted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "document"
        indexes = (("case_id", "created_at"),)


class DocumentChunk(Model):
    """File content in the database, for installations with several instances: a file is a
    run of chunks, read back one at a time, so neither writing nor reading holds it whole."""

    id = fields.BigIntField(primary_key=True)
    storage_key = fields.CharField(max_length=64)
    seq = fields.IntField()
    data = fields.BinaryField()

    class Meta:
        table = "document_chunk"
        unique_together = (("storage_key", "seq"),)


class Message(Model):
    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="messages", on_delete=fields.RESTRICT
    )
    case_id: uuid.UUID
    visibility = fields.CharEnumField(Visibility, max_length=24)
    # A reply stays in its thread's scope (portal.casefiles.services.post_message).
    reply_to: fields.ForeignKeyNullableRelation[Message] = fields.ForeignKeyField(
        "portal.Message",
        related_name="replies",
        null=True,
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    reply_to_id: uuid.UUID | None
    author_id = fields.UUIDField()  # a user or a service account
    author_role = fields.CharField(max_length=16)
    body = fields.TextField()
    created_at = fields.DatetimeField()
    # Set when retention or an erasure removed the content (issue 19): the row, its SHA-256
    # and its place on the chain stay; the bytes are gone and are no longer compared.
    redacted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "message"
        indexes = (("case_id", "created_at"),)


class MessageRead(Model):
    """A participant has read a message: unread counts are what has no row for the reader."""

    id = fields.BigIntField(primary_key=True)
    message: fields.ForeignKeyRelation[Message] = fields.ForeignKeyField(
        "portal.Message", related_name="reads", on_delete=fields.CASCADE
    )
    message_id: uuid.UUID
    reader_id = fields.UUIDField(db_index=True)
    read_at = fields.DatetimeField()

    class Meta:
        table = "message_read"
        unique_together = (("message", "reader_id"),)
