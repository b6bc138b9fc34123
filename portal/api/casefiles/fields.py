"""The case file's fields on a case: documents, messages, unread count and the bundle link.
Each reads only the scopes `access_to` grants the reader on that case."""

from __future__ import annotations

from portal.api.casefiles.loaders import UnreadKey
from portal.api.casefiles.types import Document, DownloadLink, Message, download_link, read_by
from portal.api.cases.access import access_to
from portal.api.context import Info
from portal.api.pagination import Connection, Window, connection, newest_page
from portal.api.selection import selected
from portal.casefiles import services
from portal.casefiles.links import LinkKind
from portal.cases.models import DisputeCase
from portal.timeline.models import Visibility


def _scopes(granted: frozenset[Visibility], wanted: Visibility | None) -> frozenset[Visibility]:
    return granted if wanted is None else granted & {wanted}


async def documents_connection(
    info: Info,
    case: DisputeCase,
    asked: Window,
    visibility: Visibility | None,
    history: bool,
) -> Connection[Document]:
    scopes = _scopes((await access_to(info, case)).scopes, visibility)
    query = await services.documents_of(case.id, scopes, history=history, shared=True)
    page = await newest_page(query, asked)
    return connection(
        page,
        Document.from_row,
        edge_cursors="cursor" in selected(info, "edges"),
    )


async def messages_connection(
    info: Info,
    case: DisputeCase,
    asked: Window,
    visibility: Visibility | None,
) -> Connection[Message]:
    scopes = _scopes((await access_to(info, case)).scopes, visibility)
    page = await newest_page(services.messages_of(case.id, scopes), asked)
    read = await read_by(info.context.require_actor().id, [row.id for row in page.rows])
    return connection(
        page,
        [Message.from_row(row, row.id in read) for row in page.rows],
        edge_cursors="cursor" in selected(info, "edges"),
    )


async def unread_message_count(info: Info, case: DisputeCase) -> int:
    scopes = (await access_to(info, case)).scopes
    reader = info.context.require_actor().id
    return await info.context.loaders.unread_counts.load(UnreadKey(reader, case.id, scopes))


def bundle_link(info: Info, case: DisputeCase) -> DownloadLink:
    """Only reached on a case the reader may see: the download handler checks again."""
    return download_link(info, LinkKind.BUNDLE, case.id)
