"""The record access log in GraphQL: an auditor's view of a read, and the data subject's."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.accesslog import reading
from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, referenced, to_global_id

if TYPE_CHECKING:
    from portal.api.cases.types import DisputeCase

described_enum(
    AccessAction,
    description="What kind of read an access record is.",
    values={
        AccessAction.CASE_READ: "A case page, or an item of its file opened by id: one record "
        "per case per request, whatever fields it asks.",
        AccessAction.DOCUMENT_DOWNLOAD: "A document of a case file downloaded.",
        AccessAction.BUNDLE_DOWNLOAD: "A case bundle (the whole file as one archive) downloaded.",
        AccessAction.EXPORT: "A CSV or JSON download under /reports/.",
        AccessAction.REPORT_READ: "A report read through the GraphQL API.",
        AccessAction.SUBJECT_ACCESS_EXPORT: "A person's subject-access export (GDPR Art. 15).",
    },
)
described_enum(
    ReaderKind,
    description="Who read.",
    values={
        ReaderKind.USER: "A signed-in person.",
        ReaderKind.SERVICE_ACCOUNT: "An integration client.",
        ReaderKind.ANONYMOUS: "Someone not signed in: public reports only.",
    },
)

_READER_TYPES = {ReaderKind.USER: "User", ReaderKind.SERVICE_ACCOUNT: "ServiceAccount"}
# What a read names (`target_type`), as the Node it read: a bundle is its case's, a management
# review its organisation's. A transparency report (a slug) and an audit report (a period) are
# no object.
_TARGET_TYPES = {
    "DisputeCase": "DisputeCase",
    "Document": "Document",
    "Message": "Message",
    "User": "User",
    "CaseBundle": "DisputeCase",
    "ManagementReview": "Organisation",
}


def _target(row: AccessRecord) -> tuple[str, uuid.UUID] | None:
    type_name = _TARGET_TYPES.get(row.target_type)
    if type_name is None:
        return None
    try:
        return type_name, uuid.UUID(row.target_id)
    except ValueError:
        return None


def _reader_id(row: AccessRecord) -> strawberry.ID | None:
    kind = _READER_TYPES.get(row.reader_kind)
    return to_global_id(kind, row.reader_id) if kind and row.reader_id else None


def _case_id(row: AccessRecord) -> strawberry.ID | None:
    return to_global_id("DisputeCase", row.case_id) if row.case_id else None


@strawberry.type(
    description="One read of protected records, as the auditor reviews it: who (and in which "
    "roles), what, when and from where. Append-only: never changed or deleted."
)
class AccessRecordEntry(Node):
    at: datetime = strawberry.field(description="When it was read.")
    action: AccessAction = strawberry.field(description="What kind of read.")
    reader_kind: ReaderKind = strawberry.field(description="A person, a client or anonymous.")
    reader_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the User or ServiceAccount that read; null when anonymous.",
        deprecation_reason="Use `reader { id }`: the User or ServiceAccount itself.",
    )
    reader_label: str = strawberry.field(
        description="The person's name and address, or the client's name, as they are now; "
        "empty when anonymous."
    )
    roles: list[str] = strawberry.field(
        description="The roles the read was allowed in: on a case, the reader's roles on it "
        "(`complainant`, `organisation`, `auditor`, ...); elsewhere the roles they hold."
    )
    case_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the case read, when the read belongs to one.",
        deprecation_reason="Use `case { id }`: the case itself, null when you may not see it.",
    )
    case_reference: str = strawberry.field(description="Its reference; empty when none.")
    target_type: str = strawberry.field(
        description="What was read: DisputeCase, Document, Message, CaseBundle, "
        "ManagementReview, TransparencyReport, User."
    )
    target_id: str = strawberry.field(
        description="Its id as the log stores it (a UUID; a provider's slug for a "
        "transparency report; a period for an audit report). For the object itself, `target`."
    )
    ip: str = strawberry.field(description="The address the request came from.")
    user_agent: str = strawberry.field(description="The client's User-Agent header.")
    request_id: str = strawberry.field(
        description="The request's X-Request-ID, to find it in the HTTP request log."
    )
    row: strawberry.Private[AccessRecord]

    @strawberry.field(
        description="The User or ServiceAccount that read, when you may see them; null when "
        "anonymous."
    )
    async def reader(self, info: Info) -> Node | None:
        kind = _READER_TYPES.get(self.row.reader_kind)
        return await referenced(info, kind, self.row.reader_id) if kind else None

    @strawberry.field(
        description="What was read, as the object it is now (a bundle's case, a management "
        "review's organisation), when you may see it; null for a report that is no object "
        "(transparency, audit) and for one gone or not visible to you."
    )
    async def target(self, info: Info) -> Node | None:
        found = _target(self.row)
        return await referenced(info, *found) if found else None

    @strawberry.field(
        description="The case read, when the read belongs to one and you may see the case."
    )
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.row.case_id)

    @classmethod
    def of(cls, row: AccessRecord, labels: dict[uuid.UUID, str]) -> AccessRecordEntry:
        return cls(
            row=row,
            id=to_global_id("AccessRecordEntry", row.id),
            at=row.created_at,
            action=row.action,
            reader_kind=row.reader_kind,
            reader_id=_reader_id(row),
            reader_label=labels.get(row.reader_id, "") if row.reader_id else "",
            roles=[r for r in row.role.split(",") if r],
            case_id=_case_id(row),
            case_reference=row.case_reference,
            target_type=row.target_type,
            target_id=row.target_id,
            ip=row.ip,
            user_agent=row.user_agent,
            request_id=row.request_id,
        )


@strawberry.type(
    description="One read of your records (GDPR Art. 15): when, what, and in which role the "
    "reader read it. The reader's name and address are not given; an auditor can trace any "
    "read to the person."
)
class RecordRead(Node):
    at: datetime = strawberry.field(description="When it was read.")
    action: AccessAction = strawberry.field(description="What kind of read.")
    by_you: bool = strawberry.field(description="Whether you read it yourself.")
    roles: list[str] = strawberry.field(
        description="The roles of the reader on the case (`organisation`, `provider`, "
        "`neutral`, `auditor`, `admin`, `complainant`, `representative`)."
    )
    case_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the case.",
        deprecation_reason="Use `case { id }`: the case itself, null when you may not see it.",
    )
    case_reference: str = strawberry.field(description="The case's reference.")
    target_type: str = strawberry.field(
        description="What was read: DisputeCase, Document, Message, CaseBundle or User."
    )
    case_pk: strawberry.Private[uuid.UUID | None] = None

    @strawberry.field(description="The case read, when you may (still) see it.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.case_pk)

    @classmethod
    def of(cls, row: AccessRecord, viewer_id: uuid.UUID) -> RecordRead:
        return cls(
            case_pk=row.case_id,
            id=to_global_id("RecordRead", row.id),
            at=row.created_at,
            action=row.action,
            by_you=row.reader_kind is ReaderKind.USER and row.reader_id == viewer_id,
            roles=[r for r in row.role.split(",") if r],
            case_id=_case_id(row),
            case_reference=row.case_reference,
            target_type=row.target_type,
        )


@strawberry.input(description="Narrows `accessLog`; every field given must match.")
class AccessLogFilterInput:
    case_reference: str | None = strawberry.field(
        default=None, description="The case's reference, exactly."
    )
    person: str | None = strawberry.field(
        default=None, description="Who read: an e-mail address or a User's global ID."
    )
    action: AccessAction | None = strawberry.field(default=None, description="The kind of read.")
    from_: date | None = strawberry.field(
        default=None, name="from", description="Reads on or after this day (UTC)."
    )
    until: date | None = strawberry.field(
        default=None, description="Reads before this day (UTC); after `from`."
    )


@node_resolver("AccessRecordEntry")
async def _access_record_node(info: Info, pk: uuid.UUID) -> AccessRecordEntry | None:
    actor = info.context.require_actor()
    try:
        query = await reading.reviewable(actor, None)
    except reading.AccessLogForbidden:
        return None
    row = await query.filter(id=pk).first()
    return AccessRecordEntry.of(row, await reading.reader_labels([row])) if row else None


@node_resolver("RecordRead")
async def _record_read_node(info: Info, pk: uuid.UUID) -> RecordRead | None:
    actor = info.context.require_actor()
    row = await reading.reads_of_own_records(actor).filter(id=pk).first()
    return RecordRead.of(row, actor.id) if row else None
