"""Case files: documents in, new versions, messages, read state; and who may read what.

Every decision about an actor goes through portal.auth.policy (the same READABLE_SCOPES as
the timeline's). Each write is one transaction with its timeline event, written in the item's
own scope, so the timeline never shows a caucus document to the other side. An upload is
checked whole (name, size, type by content) before anything is stored, and a failure after
storing removes the stored content again: a rejected upload leaves no file and no row.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, BinaryIO

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor
from portal.casefiles.errors import CaseFileError, DocumentNotFound, MessageNotFound
from portal.casefiles.filenames import checked_filename
from portal.casefiles.models import Document, Message, MessageRead
from portal.casefiles.sniffing import DEFAULT_MAX_UNPACKED, FileType, detect
from portal.casefiles.storage import Storage, new_key
from portal.cases.engine import roles_on
from portal.cases.errors import CaseNotFound
from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase, NeutralAppointment
from portal.cases.states import TERMINAL_STAGES, AppointmentStatus, CaseRole
from portal.groups.models import GroupConsent, GroupDocument, GroupMember
from portal.lengths import at_most, plain_size
from portal.timeline.coverage import message_payload
from portal.timeline.models import Visibility

# What a multipart upload request may carry beyond the document: the operation and the map
# (Starlette caps each non-file part at 1 MiB) and the parts' own headers.
UPLOAD_OVERHEAD = 2 << 20
MAX_MESSAGE_LENGTH = 20_000
_HASH_CHUNK = 1 << 20
_MESSAGE_CONTROLS = frozenset("\t\n\r")

Create = Callable[[], Awaitable[uuid.UUID]]
# Runs ``create`` once per idempotency key (the API's `once`, bound to the actor and key);
# ``request`` is what a retry must repeat for the key to count as the same request.
Once = Callable[[dict[str, Any], Create], Awaitable[uuid.UUID]]


def _now() -> datetime:
    return datetime.now(UTC)


async def direct(request: dict[str, Any], create: Create) -> uuid.UUID:
    return await create()


# --- who may read and write ---------------------------------------------------------------


@dataclass(frozen=True)
class CaseFileAccess:
    case: DisputeCase
    roles: frozenset[CaseRole]
    appointment: NeutralAppointment | None
    readable: frozenset[Visibility]

    def writer(self, scope: Visibility) -> CaseRole:
        """The role the actor writes in; SCOPE_NOT_ALLOWED when none may write there."""
        role = policy.writer_role(self.roles, self.appointment, scope)
        if role is None:
            raise CaseFileError(
                "SCOPE_NOT_ALLOWED", "You may not write in that scope on this case.", "visibility"
            )
        if self.case.stage in TERMINAL_STAGES:
            raise CaseFileError("CASE_CLOSED", "The case is closed: its file is final.")
        return role


async def access(actor: Actor, case: DisputeCase) -> CaseFileAccess:
    """The actor's roles on ``case`` and the scopes they read; a case without roles is
    reported as not found by the callers."""
    appointment = (
        await NeutralAppointment.filter(case_id=case.id)
        .exclude(status=AppointmentStatus.REMOVED)
        .order_by("-appointed_at")
        .first()
    )
    roles = await roles_on(actor, case, appointment)
    return CaseFileAccess(case, roles, appointment, policy.readable_scopes(roles, appointment))


async def case_access(actor: Actor, case_id: uuid.UUID, *, lock: bool = False) -> CaseFileAccess:
    query = DisputeCase.select_for_update() if lock else DisputeCase
    case = await query.get_or_none(id=case_id)
    if case is None:
        raise CaseNotFound()
    found = await access(actor, case)
    if not found.roles:
        raise CaseNotFound()
    return found


async def readable_document(actor: Actor, document_id: uuid.UUID) -> Document:
    """The document (any version) when the actor may read it; DocumentNotFound otherwise."""
    return (await document_access(actor, document_id))[0]


async def document_access(actor: Actor, document_id: uuid.UUID) -> tuple[Document, CaseFileAccess]:
    """`readable_document` with the actor's access to its case (a download records both)."""
    document = await Document.get_or_none(id=document_id)
    if document is None:
        raise DocumentNotFound()
    case = await DisputeCase.get(id=document.case_id)
    found = await access(actor, case)
    if document.visibility in found.readable:
        return document, found
    # Issue 20: a document shared with a group is in every member's file, read there under
    # the same rule (the scope it was posted in, as the reader's roles on that case allow).
    members = await DisputeCase.filter(
        id__in=Subquery(
            GroupMember.filter(
                consent=GroupConsent.GIVEN,
                group_id__in=Subquery(
                    GroupDocument.filter(
                        lineage_id=document.lineage_id,
                        case_id=document.case_id,
                        # Only while the case it came from is a member too (as documents_of).
                        group_id__in=Subquery(
                            GroupMember.filter(
                                case_id=document.case_id, consent=GroupConsent.GIVEN
                            ).values("group_id")
                        ),
                    ).values("group_id")
                ),
            ).values("case_id")
        )
    ).exclude(id=case.id)
    for member in members:
        there = await access(actor, member)
        if document.visibility in there.readable:
            return document, there
    raise DocumentNotFound()


async def documents_of(
    case_id: uuid.UUID,
    scopes: frozenset[Visibility],
    *,
    history: bool = False,
    shared: bool = False,
) -> QuerySet[Document]:
    """The case's documents in ``scopes``; with ``shared``, also those shared with a group
    the case is a member of (issue 20), under the same scopes.

    The shared lineages are read first, in a statement of their own: `case_id = $1 OR
    lineage_id IN (SELECT ...)` kept PostgreSQL off both indexes (a sequential scan of every
    document, 155-200 ms per case file at 100,000 cases: bench/README.md), while a list of
    lineages, most often empty, lets it use them."""
    mine = Q(case_id=case_id)
    if shared:
        groups = GroupMember.filter(case_id=case_id, consent=GroupConsent.GIVEN).values("group_id")
        # Only while the case it came from is a member too: a complainant who withdraws
        # takes their documents out of the group.
        members = GroupMember.filter(
            consent=GroupConsent.GIVEN, group_id__in=Subquery(groups)
        ).values("case_id")
        lineages = await GroupDocument.filter(
            group_id__in=Subquery(groups), case_id__in=Subquery(members)
        ).values_list("lineage_id", flat=True)
        if lineages:
            mine |= Q(lineage_id__in=sorted(set(lineages), key=str))
    query = Document.filter(mine, visibility__in=list(scopes))
    return query if history else query.filter(superseded_at__isnull=True)


def messages_of(case_id: uuid.UUID, scopes: frozenset[Visibility]) -> QuerySet[Message]:
    return Message.filter(case_id=case_id, visibility__in=list(scopes))


# --- documents ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingFile:
    """An uploaded file as the web layer received it: the given name and seekable content."""

    filename: str | None
    source: BinaryIO


@dataclass(frozen=True)
class Inspected:
    filename: str
    type: FileType
    size: int
    sha256: str


def _measure(source: BinaryIO, max_bytes: int) -> tuple[int, str]:
    """Size and SHA-256, reading no further than one byte past the cap."""
    source.seek(0)
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(min(_HASH_CHUNK, max_bytes + 1 - size)):
        size += len(chunk)
        digest.update(chunk)
        if size > max_bytes:
            break
    source.seek(0)
    return size, digest.hexdigest()


async def inspect(
    file: IncomingFile, max_bytes: int, max_unpacked: int = DEFAULT_MAX_UNPACKED
) -> Inspected:
    """Everything an upload must pass, before anything is stored (QUALITY.md "Files")."""
    filename = checked_filename(file.filename)
    size, sha256 = await asyncio.to_thread(_measure, file.source, max_bytes)
    if size > max_bytes:
        raise CaseFileError(
            "FILE_TOO_LARGE",
            f"The file is too large: a document can be at most {plain_size(max_bytes)}.",
            "file",
            limit=max_bytes,
        )
    if size == 0:
        raise CaseFileError("EMPTY_FILE", "The file is empty.", "file")
    found = await asyncio.to_thread(detect, file.source, filename, max_unpacked=max_unpacked)
    return Inspected(filename=filename, type=found, size=size, sha256=sha256)


def _file_payload(document: Document) -> dict[str, Any]:
    return {
        "document_id": str(document.id),
        "lineage_id": str(document.lineage_id),
        "version": document.version,
        "filename": document.filename,
        "sha256": document.sha256,
        "size": document.size,
        "content_type": document.content_type,
    }


async def _stored(
    storage: Storage,
    file: IncomingFile,
    run: Once,
    request: dict[str, Any],
    write: Callable[[str], Awaitable[uuid.UUID]],
) -> Document:
    """Store the content under a new key and write its rows with ``write``, in one
    transaction; whatever fails after the content was stored removes it again."""
    stored: list[str] = []

    async def create() -> uuid.UUID:
        key = new_key()
        stored.append(key)
        if not storage.in_database:
            await storage.save(key, file.source)
        async with in_transaction():
            if storage.in_database:
                await storage.save(key, file.source)
            return await write(key)

    try:
        document_id = await run(request, create)
    except BaseException:
        for key in stored:
            await storage.delete(key)
        raise
    document = await Document.get(id=document_id)
    # A concurrent request with the same idempotency key may have won: its document is the
    # answer, and what this one stored belongs to no row.
    for key in stored:
        if key != document.storage_key:
            await storage.delete(key)
    return document


async def upload_document(
    storage: Storage,
    actor: Actor,
    case_id: uuid.UUID,
    file: IncomingFile,
    visibility: Visibility,
    *,
    max_bytes: int,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
    once: Once = direct,
    at: datetime | None = None,
) -> Document:
    (await case_access(actor, case_id)).writer(visibility)
    checked = await inspect(file, max_bytes, max_unpacked)
    at = at or _now()

    async def write(key: str) -> uuid.UUID:
        found = await case_access(actor, case_id, lock=True)
        role = found.writer(visibility)
        return await _write_version(
            found, actor, role, at, checked, key, visibility, None, backend=storage.name
        )

    request = {
        "case_id": str(case_id),
        "visibility": visibility.value,
        "filename": checked.filename,
        "sha256": checked.sha256,
    }
    return await _stored(storage, file, once, request, write)


async def supersede_document(
    storage: Storage,
    actor: Actor,
    document_id: uuid.UUID,
    file: IncomingFile,
    *,
    max_bytes: int,
    max_unpacked: int = DEFAULT_MAX_UNPACKED,
    once: Once = direct,
    at: datetime | None = None,
) -> Document:
    """A new version of a document, in the document's scope; the old one stays readable in
    the history. Only the role that uploaded a document may replace it: one side cannot
    rewrite the other's evidence."""
    current = await readable_document(actor, document_id)
    _may_supersede(await case_access(actor, current.case_id), current)
    checked = await inspect(file, max_bytes, max_unpacked)
    at = at or _now()

    async def write(key: str) -> uuid.UUID:
        found = await case_access(actor, current.case_id, lock=True)
        role = _may_supersede(found, current)
        claimed = await Document.filter(id=current.id, superseded_at__isnull=True).update(
            superseded_at=at
        )
        if not claimed:
            raise _already_superseded()
        return await _write_version(
            found, actor, role, at, checked, key, current.visibility, current, backend=storage.name
        )

    request = {
        "document_id": str(document_id),
        "sha256": checked.sha256,
        "filename": checked.filename,
    }
    return await _stored(storage, file, once, request, write)


def _already_superseded() -> CaseFileError:
    return CaseFileError(
        "ALREADY_SUPERSEDED",
        "A newer version of this document exists: supersede that one.",
        "document_id",
    )


def _may_supersede(found: CaseFileAccess, current: Document) -> CaseRole:
    if current.superseded_at is not None:
        raise _already_superseded()
    role = found.writer(current.visibility)
    if role.value != current.uploader_role:
        raise CaseFileError(
            "FORBIDDEN", "Only the side that uploaded a document may replace it.", "document_id"
        )
    return role


async def _write_version(
    found: CaseFileAccess,
    actor: Actor,
    role: CaseRole,
    at: datetime,
    checked: Inspected,
    key: str,
    visibility: Visibility,
    previous: Document | None,
    *,
    backend: str,
) -> uuid.UUID:
    """The row of a first version (``previous`` None) or of the version after ``previous``,
    stored under ``key`` in ``backend``, and its timeline event in the document's own scope."""
    document_id = uuid.uuid4()
    document = await Document.create(
        id=document_id,
        case_id=found.case.id,
        visibility=visibility,
        lineage_id=previous.lineage_id if previous else document_id,
        version=previous.version + 1 if previous else 1,
        supersedes_id=previous.id if previous else None,
        filename=checked.filename,
        content_type=checked.type.content_type,
        size=checked.size,
        sha256=checked.sha256,
        storage_key=key,
        storage_backend=backend,
        uploaded_by_id=actor.id,
        uploader_role=role.value,
        created_at=at,
    )
    payload = _file_payload(document)
    if previous is not None:
        payload["supersedes_id"] = str(previous.id)
    await record(
        found.case,
        EventKind.DOCUMENT_SUPERSEDED if previous else EventKind.DOCUMENT_UPLOADED,
        at=at,
        actor_id=actor.id,
        actor_role=role.value,
        payload=payload,
        visibility=visibility,
    )
    await found.case.save(update_fields=["last_sequence", "head_hash"])
    return document.id


# --- messages -----------------------------------------------------------------------------


def _body(raw: str | None) -> str:
    body = (raw or "").strip()
    if not body:
        raise CaseFileError("REQUIRED", "Write a message.", "body")
    at_most(body, MAX_MESSAGE_LENGTH, "body", CaseFileError, label="The message")
    if any(not c.isprintable() and c not in _MESSAGE_CONTROLS for c in body):
        raise CaseFileError("INVALID_INPUT", "The message holds control characters.", "body")
    return body


async def post_message(
    actor: Actor,
    case_id: uuid.UUID,
    body: str | None,
    visibility: Visibility | None = None,
    reply_to_id: uuid.UUID | None = None,
    *,
    at: datetime | None = None,
) -> Message:
    """A message in one scope; a reply stays in the scope of the message it answers."""
    text = _body(body)
    at = at or _now()
    async with in_transaction():
        found = await case_access(actor, case_id, lock=True)
        if reply_to_id is not None:
            parent = await Message.get_or_none(id=reply_to_id, case_id=case_id)
            if parent is None or parent.visibility not in found.readable:
                raise MessageNotFound()
            if visibility is not None and visibility is not parent.visibility:
                raise CaseFileError(
                    "SCOPE_MISMATCH",
                    "A reply stays in the scope of the message it answers.",
                    "visibility",
                )
            visibility = parent.visibility
        if visibility is None:
            raise CaseFileError("REQUIRED", "Choose who may read the message.", "visibility")
        role = found.writer(visibility)
        message = await Message.create(
            case_id=case_id,
            visibility=visibility,
            reply_to_id=reply_to_id,
            author_id=actor.id,
            author_role=role.value,
            body=text,
            created_at=at,
        )
        await MessageRead.create(message_id=message.id, reader_id=actor.id, read_at=at)
        await record(
            found.case,
            EventKind.MESSAGE_POSTED,
            at=at,
            actor_id=actor.id,
            actor_role=role.value,
            # Issue 19: the text's digest is on the chain (portal.timeline.coverage).
            payload=message_payload(message),
            visibility=visibility,
        )
        await found.case.save(update_fields=["last_sequence", "head_hash"])
    return message


async def mark_read(
    actor: Actor,
    case_id: uuid.UUID,
    message_ids: Sequence[uuid.UUID],
    *,
    at: datetime | None = None,
) -> int:
    """Record that the actor read these messages of the case; returns how many were new.
    Any id the actor may not see refuses the whole request, and nothing is recorded."""
    found = await case_access(actor, case_id)
    wanted = set(message_ids)
    if not wanted:
        raise CaseFileError("REQUIRED", "Name the messages read.", "message_ids")
    visible = set(
        await messages_of(case_id, found.readable)
        .filter(id__in=list(wanted))
        .values_list("id", flat=True)
    )
    if visible != wanted:
        raise MessageNotFound("message_ids")
    at = at or _now()
    async with in_transaction():
        done = set(
            await MessageRead.filter(reader_id=actor.id, message_id__in=list(wanted)).values_list(
                "message_id", flat=True
            )
        )
        fresh = [MessageRead(message_id=m, reader_id=actor.id, read_at=at) for m in wanted - done]
        if fresh:
            await MessageRead.bulk_create(fresh, ignore_conflicts=True)
    return len(fresh)
