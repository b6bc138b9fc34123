"""Documents and messages as GraphQL serves them, each checked against the reader's scopes
(portal.auth.policy.READABLE_SCOPES, through `access_to`) however it is reached."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from portal.accesslog.models import AccessAction
from portal.accesslog.services import Target, record_access
from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.access import access_to
from portal.api.cases.records import Participant, participant
from portal.api.context import Info
from portal.api.node import Node, node_resolver, reference_resolver, referenced, to_global_id
from portal.casefiles import models
from portal.casefiles.links import LinkKind, issue_link, link_path
from portal.casefiles.models import MessageRead
from portal.cases.states import CaseRole
from portal.timeline.models import Visibility


@strawberry.type(
    description="A short-lived signed link. Fetch it with your own access token in the "
    "`Authorization` header: it opens nothing for anyone else."
)
class DownloadLink:
    url: str = strawberry.field(
        description="The absolute URL to GET, with the same access token in the "
        "`Authorization` header, until `expiresAt`."
    )
    expires_at: datetime = strawberry.field(
        description="When the link stops working; ask for a new one after."
    )


def download_link(info: Info, kind: LinkKind, object_id: uuid.UUID) -> DownloadLink:
    context = info.context
    link = issue_link(
        context.auth.issuer,
        context.require_actor(),
        kind,
        object_id,
        context.settings.download_link_ttl,
    )
    url = context.settings.issuer + link_path(kind, link.token)
    return DownloadLink(url=url, expires_at=link.expires_at)


@strawberry.type(description="One version of a document in a case file.")
class Document(Node):
    filename: str = strawberry.field(description="The name the uploader gave it.")
    content_type: str = strawberry.field(description="The media type found in the content.")
    size: int = strawberry.field(description="Bytes.")
    sha256: str = strawberry.field(description="Hex SHA-256 of the content, as on the timeline.")
    visibility: Visibility = strawberry.field(description="Who may read it.")
    version: int = strawberry.field(description="1 for the first; each new version adds one.")
    created_at: datetime = strawberry.field(description="When this version was uploaded.")
    superseded_at: datetime | None = strawberry.field(
        description="When a newer version replaced this one; empty for the current version."
    )
    uploader_role: CaseRole = strawberry.field(description="The role it was uploaded in.")
    redacted_at: datetime | None = strawberry.field(
        description="When retention or an erasure removed its content (issue 19): its record "
        "and SHA-256 stay, its download answers 410 CONTENT_REDACTED. Empty while it is kept."
    )
    row: strawberry.Private[models.Document]

    @classmethod
    def from_row(cls, row: models.Document) -> Document:
        return cls(
            id=to_global_id("Document", row.id),
            filename=row.filename,
            content_type=row.content_type,
            size=row.size,
            sha256=row.sha256,
            visibility=row.visibility,
            version=row.version,
            created_at=row.created_at,
            superseded_at=row.superseded_at,
            uploader_role=CaseRole(row.uploader_role),
            redacted_at=row.redacted_at,
            row=row,
        )

    @strawberry.field(description="Every version of this document, oldest first.")
    async def versions(self, info: Info) -> list[Document]:

        rows = await models.Document.filter(lineage_id=self.row.lineage_id).order_by("version")
        return [Document.from_row(row) for row in rows]

    @strawberry.field(description="A signed link to download this version.")
    def download_link(self, info: Info) -> DownloadLink:
        return download_link(info, LinkKind.DOCUMENT, self.row.id)


@strawberry.type(description="A message on a case, in one visibility scope.")
class Message(Node):
    body: str = strawberry.field(
        description="The message text; empty once redacted (see `redactedAt`)."
    )
    visibility: Visibility = strawberry.field(description="Who may read it.")
    author_role: CaseRole = strawberry.field(description="The role it was written in.")
    created_at: datetime = strawberry.field(description="When it was posted.")
    reply_to_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the message this one answers.",
        deprecation_reason="Use `replyTo { id }`: the message itself, null when you may not "
        "read it.",
    )
    read_by_viewer: bool = strawberry.field(
        description="Whether you have read it (your own messages count as read)."
    )
    redacted_at: datetime | None = strawberry.field(
        description="When retention or an erasure removed its text (issue 19): `body` is then "
        "empty, and the digest on the timeline still proves what it said. Empty while kept."
    )
    row: strawberry.Private[models.Message]

    @classmethod
    def from_row(cls, row: models.Message, read: bool) -> Message:
        return cls(
            id=to_global_id("Message", row.id),
            body=row.body,
            visibility=row.visibility,
            author_role=CaseRole(row.author_role),
            created_at=row.created_at,
            reply_to_id=to_global_id("Message", row.reply_to_id) if row.reply_to_id else None,
            read_by_viewer=read,
            redacted_at=row.redacted_at,
            row=row,
        )

    @strawberry.field(
        description="The message this one answers; null when it answers none or you may not "
        "read it (another scope of the case file)."
    )
    async def reply_to(self, info: Info) -> Message | None:
        return await referenced(info, "Message", self.row.reply_to_id)

    @strawberry.field(description="Empty when written by an integration client.")
    async def author(self, info: Info) -> Participant | None:
        return await participant(info, self.row.author_id)


async def read_by(reader_id: uuid.UUID, message_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these messages the reader has read: one statement for a page."""
    if not message_ids:
        return set()
    rows = await MessageRead.filter(reader_id=reader_id, message_id__in=message_ids).values_list(
        "message_id", flat=True
    )
    return set(rows)  # type: ignore[arg-type]


async def _readable(
    info: Info, case_id: uuid.UUID, visibility: Visibility, target: Target | None
) -> bool:
    """Whether the actor may read an item of the file; a read by id (``target``) is recorded in
    the access log as a read of the case file (the item named). An item named beside another
    one (`Message.replyTo`, the access log's `target`) is not a read of its own."""
    case = await info.context.loaders.case.load(case_id)
    if case is None:
        return False
    access = await access_to(info, case)
    if visibility not in access.scopes:
        return False
    if target is not None:
        await record_access(
            info.context, AccessAction.CASE_READ, case=case, target=target, roles=access.roles
        )
    return True


async def _document(info: Info, pk: uuid.UUID, *, read: bool) -> Document | None:
    row = await models.Document.get_or_none(id=pk)
    target = Target("Document", str(pk)) if read else None
    if row is None or not await _readable(info, row.case_id, row.visibility, target):
        return None
    return Document.from_row(row)


async def _message(info: Info, pk: uuid.UUID, *, read: bool) -> Message | None:
    row = await models.Message.get_or_none(id=pk)
    target = Target("Message", str(pk)) if read else None
    if row is None or not await _readable(info, row.case_id, row.visibility, target):
        return None
    reader = info.context.require_actor().id
    return Message.from_row(row, row.id in await read_by(reader, [row.id]))


@node_resolver("Document")
async def document_node(info: Info, pk: uuid.UUID) -> Document | None:
    return await _document(info, pk, read=True)


@node_resolver("Message")
async def message_node(info: Info, pk: uuid.UUID) -> Message | None:
    return await _message(info, pk, read=True)


@reference_resolver("Document")
async def _document_reference(info: Info, pk: uuid.UUID) -> Document | None:
    return await _document(info, pk, read=False)


@reference_resolver("Message")
async def _message_reference(info: Info, pk: uuid.UUID) -> Message | None:
    return await _message(info, pk, read=False)
