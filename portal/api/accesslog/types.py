"""The record access log in GraphQL: an auditor's view of a read, and the data subject's."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import strawberry

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.api.enums import described_enum
from portal.api.node import to_global_id

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


def _reader_id(row: AccessRecord) -> strawberry.ID | None:
    kind = _READER_TYPES.get(row.reader_kind)
    return to_global_id(kind, row.reader_id) if kind and row.reader_id else None


def _case_id(row: AccessRecord) -> strawberry.ID | None:
    return to_global_id("DisputeCase", row.case_id) if row.case_id else None


@strawberry.type(
    description="One read of protected records, as the auditor reviews it: who (and in which "
    "roles), what, when and from where. Append-only: never changed or deleted."
)
class AccessRecordEntry:
    id: strawberry.ID = strawberry.field(description="Global ID of this record.")
    at: datetime = strawberry.field(description="When it was read.")
    action: AccessAction = strawberry.field(description="What kind of read.")
    reader_kind: ReaderKind = strawberry.field(description="A person, a client or anonymous.")
    reader_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the User or ServiceAccount that read; null when anonymous."
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
        description="Global ID of the case read, when the read belongs to one."
    )
    case_reference: str = strawberry.field(description="Its reference; empty when none.")
    target_type: str = strawberry.field(
        description="What was read: DisputeCase, Document, Message, CaseBundle, "
        "ManagementReview, TransparencyReport, User."
    )
    target_id: str = strawberry.field(
        description="Its id (a UUID; a provider's slug for a transparency report)."
    )
    ip: str = strawberry.field(description="The address the request came from.")
    user_agent: str = strawberry.field(description="The client's User-Agent header.")
    request_id: str = strawberry.field(
        description="The request's X-Request-ID, to find it in the HTTP request log."
    )

    @classmethod
    def of(cls, row: AccessRecord, labels: dict[uuid.UUID, str]) -> AccessRecordEntry:
        return cls(
            id=to_global_id("AccessRecord", row.id),
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
class RecordRead:
    id: strawberry.ID = strawberry.field(description="Global ID of this record.")
    at: datetime = strawberry.field(description="When it was read.")
    action: AccessAction = strawberry.field(description="What kind of read.")
    by_you: bool = strawberry.field(description="Whether you read it yourself.")
    roles: list[str] = strawberry.field(
        description="The roles of the reader on the case (`organisation`, `provider`, "
        "`neutral`, `auditor`, `admin`, `complainant`, `representative`)."
    )
    case_id: strawberry.ID | None = strawberry.field(description="Global ID of the case.")
    case_reference: str = strawberry.field(description="The case's reference.")
    target_type: str = strawberry.field(
        description="What was read: DisputeCase, Document, Message, CaseBundle or User."
    )

    @classmethod
    def of(cls, row: AccessRecord, viewer_id: uuid.UUID) -> RecordRead:
        return cls(
            id=to_global_id("AccessRecord", row.id),
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
