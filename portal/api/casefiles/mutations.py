"""Case-file mutations: upload, supersede, post, mark read. Each authenticates, calls one
service of portal.casefiles.services, and maps its refusals to userErrors. A case, document
or message the actor may not see is reported exactly like a missing one (`NOT_FOUND`)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

import strawberry
from starlette.datastructures import UploadFile
from strawberry.file_uploads import Upload

from portal.api.casefiles.types import Document, Message
from portal.api.cases.types import DisputeCase
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.idempotency import legacy_key, outbound_when
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import decode_id
from portal.casefiles import models, services
from portal.casefiles.errors import CaseFileError
from portal.casefiles.storage import S3, Storage, storage_of
from portal.cases.errors import CaseError, CaseNotFound
from portal.timeline.models import Visibility

_NOTHING = uuid.UUID(int=0)  # an ID that names nothing: it matches no row
UPLOAD = (
    "Sent as a GraphQL multipart request (with a `GraphQL-Require-Preflight` or "
    "`Apollo-Require-Preflight` header); the type is read from the content."
)


@strawberry.input(
    description="A new document in a case file, sent as a multipart upload (GraphQL multipart "
    "request specification)."
)
class UploadDocumentInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of the case.")
    file: Upload = strawberry.field(description=UPLOAD)
    visibility: Visibility = strawberry.field(description="Who may read the document.")
    idempotency_key: str | None = legacy_key()


@strawberry.input(
    description="A new version of a document; the old one stays in the file, marked superseded."
)
class SupersedeDocumentInput:
    document_id: strawberry.ID = strawberry.field(
        description="Global ID of the current version; the new one keeps its scope."
    )
    file: Upload = strawberry.field(description=UPLOAD)
    idempotency_key: str | None = legacy_key()


@strawberry.input(description="A message on a case.")
class PostMessageInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of the case.")
    body: str = strawberry.field(description="The message text.")
    visibility: Visibility | None = strawberry.field(
        default=None, description="Required, except for a reply, which keeps its thread's."
    )
    reply_to_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the message answered."
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input(description="Marking messages of a case read for the viewer.")
class MarkMessagesReadInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of the case.")
    message_ids: list[strawberry.ID] = strawberry.field(
        description="Global IDs of messages of that case, up to 100."
    )


@strawberry.type(description="The document written, or why it was refused.")
class DocumentPayload:
    document: Document | None = strawberry.field(
        default=None, description="The document as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The message written, or why it was refused.")
class MessagePayload:
    message: Message | None = strawberry.field(
        default=None, description="The message as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The case with its unread count now, or why it was refused.")
class MarkMessagesReadPayload:
    case: DisputeCase | None = strawberry.field(
        default=None, description="The case with its unread count now; null when refused."
    )
    marked: int = strawberry.field(default=0, description="Messages newly marked read.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


MAX_MARKED = 100


def _pk(global_id: str | None, type_name: str, field: str) -> uuid.UUID:
    pk = decode_id(global_id or "", type_name)
    if pk is None:
        if type_name == "DisputeCase":
            raise CaseNotFound()
        raise CaseFileError("NOT_FOUND", "Not found.", field)
    return pk


def _file(value: object) -> services.IncomingFile:
    # Through JSON a client can send any value for an Upload; only a multipart part is one.
    if not isinstance(value, UploadFile):
        raise CaseFileError("UPLOAD_REQUIRED", UPLOAD, "file")
    return services.IncomingFile(filename=value.filename, source=value.file)


def _errors(exc: CaseError, default_field: str) -> list[UserError]:
    field = exc.field or (default_field if exc.code == "NOT_FOUND" else None)
    return [user_error(exc.code, exc.message, field, limit=exc.limit, actual=exc.actual)]


Write = Callable[[Storage, int], Awaitable[models.Document]]


async def _written(info: Info, default_field: str, write: Write) -> DocumentPayload:
    """Run an upload with the installation's storage and size cap; map its refusals."""
    settings = info.context.settings
    try:
        row = await write(storage_of(settings), settings.document_max_bytes)
    except CaseError as exc:
        return DocumentPayload(user_errors=_errors(exc, default_field))
    info.context.loaders = Loaders()
    return DocumentPayload(document=Document.from_row(row))


# With S3 storage an upload waits on the store: not inside a keyed mutation's transaction.
_to_s3 = outbound_when(lambda settings: settings.document_storage == S3)


@mutations
@strawberry.type
class CaseFileMutations:
    @strawberry.mutation(description="Add a document to a case file, in one scope.")
    @_to_s3
    async def upload_document(self, info: Info, input: UploadDocumentInput) -> DocumentPayload:
        actor = info.context.require_actor()
        return await _written(
            info,
            "case_id",
            lambda storage, max_bytes: services.upload_document(
                storage,
                actor,
                _pk(input.case_id, "DisputeCase", "case_id"),
                _file(input.file),
                input.visibility,
                max_bytes=max_bytes,
                max_unpacked=info.context.settings.document_max_unpacked_bytes,
            ),
        )

    @strawberry.mutation(
        description="Replace a document with a new version; the old one stays in its history. "
        "Only the role that uploaded it may."
    )
    @_to_s3
    async def supersede_document(
        self, info: Info, input: SupersedeDocumentInput
    ) -> DocumentPayload:
        actor = info.context.require_actor()
        return await _written(
            info,
            "document_id",
            lambda storage, max_bytes: services.supersede_document(
                storage,
                actor,
                _pk(input.document_id, "Document", "document_id"),
                _file(input.file),
                max_bytes=max_bytes,
                max_unpacked=info.context.settings.document_max_unpacked_bytes,
            ),
        )

    @strawberry.mutation(description="Post a message, or a reply, on a case.")
    async def post_message(self, info: Info, input: PostMessageInput) -> MessagePayload:
        actor = info.context.require_actor()
        try:
            case_id = _pk(input.case_id, "DisputeCase", "case_id")
            reply_to = (
                None
                if input.reply_to_id is None
                else decode_id(input.reply_to_id, "Message") or _NOTHING
            )
            message = await services.post_message(
                actor, case_id, input.body, input.visibility, reply_to
            )
            message_id = message.id
        except CaseError as exc:
            return MessagePayload(user_errors=_errors(exc, "case_id"))
        info.context.loaders = Loaders()
        row = await services.messages_of(case_id, frozenset(Visibility)).get(id=message_id)
        return MessagePayload(message=Message.from_row(row, read=True))

    @strawberry.mutation(description="Record that you have read these messages.")
    async def mark_messages_read(
        self, info: Info, input: MarkMessagesReadInput
    ) -> MarkMessagesReadPayload:
        actor = info.context.require_actor()
        try:
            case_id = _pk(input.case_id, "DisputeCase", "case_id")
            if len(input.message_ids) > MAX_MARKED:
                raise CaseFileError(
                    "INVALID_INPUT", f"Mark at most {MAX_MARKED} at once.", "message_ids"
                )
            ids = [decode_id(m, "Message") or _NOTHING for m in input.message_ids]
            marked = await services.mark_read(actor, case_id, ids)
            case = await services.case_access(actor, case_id)
        except CaseError as exc:
            return MarkMessagesReadPayload(user_errors=_errors(exc, "case_id"))
        info.context.loaders = Loaders()
        return MarkMessagesReadPayload(case=DisputeCase.from_row(case.case), marked=marked)
