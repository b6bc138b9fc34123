"""A case's timeline as a connection, filtered by what the reader may see, and its receipt."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union, cast

import strawberry
from strawberry.scalars import JSON

from portal.api import codes as _codes  # noqa: F401  (registers Currency, which payloads name)
from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.access import access_to, record_read, visible
from portal.api.cases.chain import ChainBreak
from portal.api.cases.loaders import EVENT_COLUMNS, CaseAccess, TimelinePage
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.errors import PublicError
from portal.api.node import Node, node_resolver, referenced, to_global_id
from portal.api.pagination import (
    INTEGER32,
    Connection,
    Keyset,
    Window,
    around,
    connection,
    keyset_page,
)
from portal.api.selection import selected
from portal.auth.actor import ActorKind
from portal.cases.states import CaseRole
from portal.notifications.models import HeadReceipt as HeadReceiptRow
from portal.notifications.models import ReceiptMoment
from portal.timeline import catalogue
from portal.timeline.catalogue import EventKind
from portal.timeline.chain import ERASED, is_erased
from portal.timeline.models import TimelineEvent as TimelineEventRow
from portal.timeline.models import Visibility
from portal.timeline.services import ChainBreak as ChainBreakResult
from portal.timeline.services import ReceiptCheck as ReceiptCheckResult
from portal.timeline.services import ReceiptResult, Verification, VerificationResult

if TYPE_CHECKING:
    from portal.api.cases.automated import AutomatedDecision
    from portal.api.cases.types import DisputeCase


def _enum(
    enum: type[Enum], description: str, values: dict[str, str], retired: dict[str, str]
) -> None:
    """Register a catalogue enum with a description per value (and the retired ones')."""
    strawberry.enum(enum, name=catalogue.graphql_enum_name(enum), description=description)
    for value in enum.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values[value.name]
        value.deprecation_reason = retired.get(value.name)


_enum(
    EventKind,
    "What happened on a case: one value per kind of fact a timeline records. Each has its "
    "payload type (`EventPayload`); docs/events.md lists them with who sees them and an "
    "example.",
    {e.kind.name: e.meaning for e in catalogue.ENTRIES},
    {e.kind.name: e.deprecation for e in catalogue.ENTRIES if e.deprecation},
)
for _enum_class, _values in catalogue.ENUM_DESCRIPTIONS.items():
    _enum(_enum_class, str(_enum_class.__doc__), _values, {})


def _graphql_type(field: catalogue.Field, nested: bool = False) -> Any:
    kind = field.type
    found: Any
    if isinstance(kind, catalogue.Record):
        found = _records[kind.name]
        found = list[found] if kind.many else found
    elif isinstance(kind, catalogue.ListOf):
        item = kind.item
        found = cast(Any, list)[item.enum if isinstance(item, catalogue.Choice) else str]
    elif isinstance(kind, catalogue.Choice):
        found = kind.enum
    else:
        found = _SCALARS[type(kind)]
    nullable = field.optional if nested else field.name in catalogue.NULLABLE
    return found | None if nullable else found


_SCALARS: dict[type, Any] = {
    catalogue.Text: str,
    catalogue.Int: int,
    catalogue.Bool: bool,
    catalogue.Instant: datetime,
    catalogue.Day: date,
    catalogue.Amount: Decimal,
    catalogue.Id: strawberry.ID,
}


def _value(kind: catalogue.FieldType, value: Any) -> Any:
    """A presented (JSON) value as the GraphQL type holds it."""
    if value is None:
        return None
    if isinstance(kind, catalogue.Record):
        cls = _records[kind.name]
        if kind.many:
            return [_object(cls, kind.fields, v) for v in value]
        return _object(cls, kind.fields, value)
    if isinstance(kind, catalogue.ListOf):
        return [_value(kind.item, v) for v in value]
    if isinstance(kind, catalogue.Choice):
        return kind.enum[value]
    if isinstance(kind, catalogue.Instant):
        return datetime.fromisoformat(value)
    if isinstance(kind, catalogue.Day):
        return date.fromisoformat(value)
    if isinstance(kind, catalogue.Amount):
        return Decimal(value)
    if isinstance(kind, catalogue.Id):
        return strawberry.ID(value)
    return value


def _attribute(field: catalogue.Field) -> str:
    return "erased_at" if field.key == ERASED else field.key


def _object(cls: type, fields: Sequence[catalogue.Field], presented: dict[str, Any]) -> Any:
    return cls(**{_attribute(f): _value(f.type, presented[f.name]) for f in fields})


def _payload_type(
    name: str, description: str, fields: Sequence[catalogue.Field], nested: bool = False
) -> type:
    namespace: dict[str, Any] = {
        "__annotations__": {_attribute(f): _graphql_type(f, nested) for f in fields},
        "__module__": __name__,
        "__doc__": description,
    }
    for f in fields:
        namespace[_attribute(f)] = strawberry.field(name=f.name, description=f.description)
    return strawberry.type(type(name, (), namespace), description=description)


_records: dict[str, type] = {}
for _entry in catalogue.ENTRIES:
    for _field in _entry.fields:
        if isinstance(_field.type, catalogue.Record) and _field.type.name not in _records:
            _records[_field.type.name] = _payload_type(
                _field.type.name, _field.type.description, _field.type.fields, nested=True
            )

PAYLOAD_TYPES: dict[EventKind, type] = {
    entry.kind: _payload_type(
        entry.type_name, f"The payload of `{entry.kind.name}`: {entry.meaning}", entry.all_fields
    )
    for entry in catalogue.ENTRIES
}
ErasedEventPayload = _payload_type(
    catalogue.ERASED_TYPE,
    "The payload of an event whose personal data was erased (GDPR Art. 17 or the scheme's "
    "retention): only when; the chain keeps its digest, so it still verifies.",
    catalogue.ERASED_FIELDS,
)
if TYPE_CHECKING:
    EventPayload: TypeAlias = Any
else:
    EventPayload = Annotated[
        Union[(*PAYLOAD_TYPES.values(), ErasedEventPayload)],
        strawberry.union(
            "EventPayload",
            description="What an event carries: one type per `EventKind` (`<Kind>EventPayload`), "
            "or `ErasedEventPayload` once its personal data was erased. Ids are global ids that "
            "`node(id:)` resolves for whoever may read them.",
        ),
    ]


def event_id(pk: int) -> strawberry.ID:
    """An event's global id (its row's number, as the id's UUID: events have no UUID)."""
    return to_global_id("TimelineEvent", uuid.UUID(int=pk))


def presented_payload(row: dict[str, Any]) -> dict[str, Any]:
    return catalogue.present(row["kind"], row["payload"], case_id=row["case_id"])


class UnverifiableEvent(PublicError):
    """A stored event the event catalogue does not describe (a kind, role or scope Parley
    never writes, or a payload its kind's definition does not fit): it was written below the
    API, so the timeline cannot show it for what it claims to be. Reported with its sequence,
    never as an internal error; `verifyTimeline` names the same event when its kind or scope
    is unknown (a role or payload the chain check does not hold to the catalogue)."""

    code = "EVENT_UNVERIFIABLE"

    def __init__(self, sequence: Any) -> None:
        super().__init__(
            f"The event at sequence {sequence} of this case's timeline is not one Parley "
            "records (written outside the portal): verifyTimeline names where the chain "
            "breaks.",
            sequence=sequence,
        )


# What reading a stored value the catalogue does not describe raises: an unknown enum value,
# a missing or malformed field (catalogue.Invalid is a ValueError), a payload of another type.
_UNREADABLE = (ValueError, TypeError, KeyError, ArithmeticError)


def checked(row: dict[str, Any]) -> tuple[EventKind, CaseRole, Visibility]:
    """A stored row's kind, role and scope; UnverifiableEvent (a coded error, not an internal
    one) for a row whose kind, role or scope Parley never writes. `TimelineEvent.from_values`
    and the compiled `CaseTimeline` (portal.api.compiled_timeline) both ask it."""
    try:
        return EventKind(row["kind"]), CaseRole(row["actor_role"]), Visibility(row["visibility"])
    except ValueError:
        raise UnverifiableEvent(row["sequence"]) from None


def payload_of(row: dict[str, Any]) -> Any:
    """`TimelineEvent.payload`: the row's payload as its kind's type (`ErasedEventPayload`
    once erased); UnverifiableEvent when the catalogue cannot read it."""
    try:
        presented = presented_payload(row)
        if is_erased(row["payload"]):
            return _object(ErasedEventPayload, catalogue.ERASED_FIELDS, presented)
        kind = EventKind(row["kind"])
        return _object(PAYLOAD_TYPES[kind], catalogue.CATALOGUE[kind].all_fields, presented)
    except _UNREADABLE:
        raise UnverifiableEvent(row["sequence"]) from None


@strawberry.type(description="One fact on a case's timeline, chained to the one before by hash.")
class TimelineEvent(Node):
    sequence: int = strawberry.field(description="Its place in the case's chain, from 1.")
    kind: EventKind = strawberry.field(description="What happened.")
    occurred_at: datetime = strawberry.field(description="When it happened.")
    actor_role: CaseRole = strawberry.field(description="The role of whoever did it.")
    visibility: Visibility = strawberry.field(description="Who may read it.")
    hash: str = strawberry.field(description="SHA-256 over this event and `prevHash`.")
    prev_hash: str = strawberry.field(description="The hash of the event before it.")
    row: strawberry.Private[dict[str, Any]]

    @strawberry.field(
        description="What it carries, typed by its kind (docs/events.md): camelCase, global "
        "ids, the schema's enum values."
    )
    def payload(self) -> EventPayload:
        return payload_of(self.row)

    @strawberry.field(
        description="The case it is on, when you may see it (always, for an event you may "
        "read): the installation-wide `events` feed mixes cases, and `sequence` counts per case."
    )
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.row["case_id"])

    @strawberry.field(
        description="Set when the step was taken automatically by a rule of the transition "
        "table (the clock job), not by a person (issue 20): the rule, and the party's right to "
        "ask a person to review it. Null for every step a person took."
    )
    async def automated(
        self, info: Info
    ) -> Annotated[AutomatedDecision, strawberry.lazy("portal.api.cases.automated")] | None:
        if EventKind(self.row["kind"]) not in catalogue.AUTOMATED_EVENTS:
            return None
        from portal.api.cases.automated import decision_of_event

        return await decision_of_event(info, int(self.row["id"]))

    @strawberry.field(
        description="The payload as stored (snake_case keys, raw UUIDs, lower-case values).",
        deprecation_reason="Use `payload`, typed by kind; `data` goes in the next release.",
    )
    def data(self) -> JSON:
        return self.row["payload"]  # type: ignore[no-any-return]

    @classmethod
    def from_values(cls, row: dict[str, Any]) -> TimelineEvent:
        """The event of a stored row; UnverifiableEvent (a coded error, not an internal one)
        for a row whose kind, role or scope Parley never writes."""
        kind, actor_role, visibility = checked(row)
        return cls(
            id=event_id(row["id"]),
            sequence=row["sequence"],
            kind=kind,
            occurred_at=row["occurred_at"],
            actor_role=actor_role,
            visibility=visibility,
            hash=row["hash"],
            prev_hash=row["prev_hash"],
            row=row,
        )


@node_resolver("TimelineEvent")
async def _event_node(info: Info, pk: uuid.UUID) -> TimelineEvent | None:
    """An event for whoever may read its scope on its case (policy.readable_scopes): a caucus
    or internal event is not found for the others, as if it did not exist."""
    if pk.int >= 2**63:
        return None
    row = await TimelineEventRow.filter(id=pk.int).values(*EVENT_COLUMNS)
    if not row:
        return None
    case = await visible(info, await info.context.loaders.case.load(row[0]["case_id"]))
    if case is None:
        return None
    access = await access_to(info, case)
    if Visibility(row[0]["visibility"]) not in access.scopes:
        return None
    await record_read(info, case)  # a part of the case file, as its timeline is
    return TimelineEvent.from_values(row[0])


@strawberry.type(
    description="The head of a timeline: keep it, and `verifyTimeline` later proves that "
    "nothing up to it was changed or removed."
)
class TimelineReceipt:
    sequence: int = strawberry.field(description="The head event's sequence.")
    hash: str = strawberry.field(description="The head event's hash (SHA-256, hex).")


@strawberry.input(description="A receipt kept from `timelineHead`.")
class TimelineReceiptInput:
    sequence: int = strawberry.field(description="The kept receipt's sequence.")
    hash: str = strawberry.field(description="The kept receipt's hash.")


described_enum(
    VerificationResult,
    description="What recomputing a chain found.",
    values={
        VerificationResult.INTACT: "It verifies, and holds the receipt when one was given.",
        VerificationResult.CHAIN_BROKEN: "It no longer verifies by itself, from "
        "`firstBrokenSequence` on.",
        VerificationResult.RECEIPT_MISMATCH: "It verifies, but its event at the receipt's "
        "sequence carries another hash: history was rewritten, or the receipt is not of this "
        "case.",
        VerificationResult.RECEIPT_FROM_FUTURE: "It verifies, but ends before the receipt's "
        "sequence: the chain was cut back, or the receipt is not of this case.",
    },
)


@strawberry.type(description="The result of recomputing a case's whole hash chain.")
class TimelineVerification:
    ok: bool = strawberry.field(description="`result` is `INTACT`.")
    result: VerificationResult = strawberry.field(description="What was found, distinctly.")
    length: int = strawberry.field(description="Events stored.")
    head_hash: str = strawberry.field(description="The head the case records.")
    first_broken_sequence: int | None = strawberry.field(
        description="Only with `CHAIN_BROKEN`: the first sequence that is altered, missing or "
        "out of order."
    )
    broken_event: ChainBreak | None = strawberry.field(
        default=None,
        description="The event at `firstBrokenSequence`, named: its kind and why it no longer "
        "holds (its own fields, or the message or document version it covers); null when the "
        "chain verifies.",
    )

    @classmethod
    def of(
        cls, result: Verification, broken: ChainBreakResult | None = None
    ) -> TimelineVerification:
        assert result.result is not None
        return cls(
            ok=result.ok,
            result=result.result,
            length=result.length,
            head_hash=result.head_hash,
            first_broken_sequence=result.first_broken_sequence,
            broken_event=ChainBreak.of(broken) if broken is not None else None,
        )


described_enum(
    ReceiptResult,
    description="What a kept receipt says of the live chain.",
    values={
        ReceiptResult.MATCHES: "The chain still holds that head at that sequence, and verifies.",
        ReceiptResult.DIFFERS: "It verifies, but its event at that sequence is another: "
        "history was rewritten, or the receipt was mistyped.",
        ReceiptResult.UNKNOWN_SEQUENCE: "It verifies, but is shorter than the receipt.",
        ReceiptResult.CHAIN_BROKEN: "The chain itself no longer verifies, from "
        "`brokenAtSequence` on.",
    },
)


@strawberry.type(description="A kept receipt held against the live chain.")
class ReceiptCheck:
    result: ReceiptResult = strawberry.field(description="What the receipt says of the chain.")
    sequence: int = strawberry.field(description="The receipt's sequence, as asked.")
    length: int = strawberry.field(description="Events stored now.")
    head_hash: str = strawberry.field(description="The head the case records now.")
    broken_at_sequence: int | None = strawberry.field(
        description="With `CHAIN_BROKEN`: the first sequence altered, missing or out of order."
    )

    @classmethod
    def of(cls, sequence: int, check: ReceiptCheckResult) -> ReceiptCheck:
        return cls(
            result=check.result,
            sequence=sequence,
            length=check.length,
            head_hash=check.head_hash,
            broken_at_sequence=check.broken_at,
        )


described_enum(
    ReceiptMoment,
    description="When a case's head was mailed to every party.",
    values={
        ReceiptMoment.OUTCOME_ISSUED: "The neutral issued an outcome.",
        ReceiptMoment.OUTCOME_ACCEPTED: "Everyone who must accept the outcome did.",
        ReceiptMoment.CASE_CLOSED: "The case closed.",
    },
)

KEPT_RECEIPTS = 100


@strawberry.type(
    description="A case's chain head as mailed to you at a key moment, kept on your account: "
    "check it at any time with `verifyReceipt`."
)
class KeptReceipt(Node):
    case_id: strawberry.ID = strawberry.field(
        description="The case's global ID.",
        deprecation_reason="Use `case { id }`: the case itself, null when you may no longer "
        "see it.",
    )
    case_reference: str = strawberry.field(description="The case's reference, for people.")
    moment: ReceiptMoment = strawberry.field(description="What had just happened.")
    sequence: int = strawberry.field(description="The number of the last event then.")
    hash: str = strawberry.field(description="That event's hash: the head of the chain then.")
    received_at: datetime = strawberry.field(description="When it was mailed.")
    case_pk: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The case, when you may (still) see it.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.case_pk)

    @classmethod
    def of(cls, row: HeadReceiptRow, case_reference: str) -> KeptReceipt:
        return cls(
            id=to_global_id("KeptReceipt", row.id),
            case_pk=row.case_id,
            case_id=strawberry.ID(to_global_id("DisputeCase", row.case_id)),
            case_reference=case_reference,
            moment=ReceiptMoment(row.moment),
            sequence=row.sequence,
            hash=row.hash,
            received_at=row.created_at,
        )


async def kept_receipts(info: Info) -> list[KeptReceipt]:
    """The viewer's own receipts, newest first (an integration client has none)."""
    actor = info.context.require_actor()
    if actor.kind is not ActorKind.USER:
        return []
    rows = (
        await HeadReceiptRow.filter(user_id=actor.id)
        .order_by("-created_at", "-sequence")
        .limit(KEPT_RECEIPTS)
        .select_related("case")
    )
    return [KeptReceipt.of(r, r.case.reference) for r in rows]


@node_resolver("KeptReceipt")
async def _receipt_node(info: Info, pk: uuid.UUID) -> KeptReceipt | None:
    """A receipt, for the person it was mailed to (nobody else keeps it)."""
    actor = info.context.require_actor()
    if actor.kind is not ActorKind.USER:
        return None
    row = await HeadReceiptRow.get_or_none(id=pk, user_id=actor.id).select_related("case")
    return KeptReceipt.of(row, row.case.reference) if row else None


# A case's timeline, oldest first: the cursor is the event's sequence.
SEQUENCE = Keyset((("sequence", INTEGER32),), descending=False)


async def timeline_of(
    info: Info, case_id: uuid.UUID, access: CaseAccess, asked: Window
) -> Connection[TimelineEvent]:
    """The events ``access`` lets the reader see (policy.readable_scopes), oldest first.
    Forward pages go through the request's loader (one statement for a list of cases)."""
    readable = TimelineEventRow.filter(case_id=case_id, visibility__in=list(access.scopes))
    if asked.backward:
        page = await keyset_page(readable, SEQUENCE, asked, values=EVENT_COLUMNS)
    else:
        after = int(SEQUENCE.decode(asked.cursor)[0]) if asked.cursor is not None else 0
        wanted = TimelinePage(case_id, access.scopes, after, asked.size)
        rows = await info.context.loaders.timeline_page.load(wanted)
        page = around(readable, SEQUENCE, asked, rows[: asked.size], len(rows) > asked.size)
    return connection(
        page, TimelineEvent.from_values, edge_cursors="cursor" in selected(info, "edges")
    )
