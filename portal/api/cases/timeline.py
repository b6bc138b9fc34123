"""A case's timeline as a connection, filtered by what the reader may see, and its receipt."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.scalars import JSON

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.chain import ChainBreak
from portal.api.cases.loaders import CaseAccess, TimelinePage
from portal.api.context import Info
from portal.api.node import Node, node_resolver, referenced, to_global_id
from portal.api.pagination import (
    Connection,
    InvalidCursor,
    connection,
    decode_cursor,
    encode_cursor,
    page_size,
)
from portal.api.selection import selected
from portal.auth.actor import ActorKind
from portal.cases.states import CaseRole
from portal.notifications.models import HeadReceipt as HeadReceiptRow
from portal.notifications.models import ReceiptMoment
from portal.timeline.models import Visibility
from portal.timeline.services import ChainBreak as ChainBreakResult
from portal.timeline.services import ReceiptCheck as ReceiptCheckResult
from portal.timeline.services import ReceiptResult, Verification, VerificationResult

if TYPE_CHECKING:
    from portal.api.cases.types import DisputeCase


@strawberry.type(description="One fact on a case's timeline, chained to the one before by hash.")
class TimelineEvent:
    sequence: int
    kind: str = strawberry.field(description="What happened, e.g. `case_accepted`.")
    occurred_at: datetime
    actor_role: CaseRole
    visibility: Visibility
    payload: JSON
    hash: str = strawberry.field(description="SHA-256 over this event and `prevHash`.")
    prev_hash: str

    @classmethod
    def from_values(cls, row: dict[str, Any]) -> TimelineEvent:
        return cls(
            sequence=row["sequence"],
            kind=row["kind"],
            occurred_at=row["occurred_at"],
            actor_role=CaseRole(row["actor_role"]),
            visibility=Visibility(row["visibility"]),
            payload=row["payload"],
            hash=row["hash"],
            prev_hash=row["prev_hash"],
        )


@strawberry.type(
    description="The head of a timeline: keep it, and `verifyTimeline` later proves that "
    "nothing up to it was changed or removed."
)
class TimelineReceipt:
    sequence: int
    hash: str


@strawberry.input(description="A receipt kept from `timelineHead`.")
class TimelineReceiptInput:
    sequence: int
    hash: str


strawberry.enum(
    VerificationResult,
    description="What recomputing a chain found: `INTACT` (it verifies, and holds the receipt "
    "when one was given), `CHAIN_BROKEN` (it no longer verifies by itself, from "
    "`firstBrokenSequence` on), `RECEIPT_MISMATCH` (it verifies, but its event at the "
    "receipt's sequence carries another hash) or `RECEIPT_FROM_FUTURE` (it verifies, but ends "
    "before the receipt's sequence).",
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


strawberry.enum(
    ReceiptResult,
    description="What a kept receipt says of the live chain: `MATCHES` (the chain still holds "
    "that head at that sequence and verifies), `DIFFERS` (it verifies, but its event at that "
    "sequence is another: history was rewritten, or the receipt was mistyped), "
    "`UNKNOWN_SEQUENCE` (it verifies, but is shorter than the receipt) or `CHAIN_BROKEN` "
    "(the chain itself no longer verifies, from `brokenAtSequence` on).",
)


@strawberry.type(description="A kept receipt held against the live chain.")
class ReceiptCheck:
    result: ReceiptResult
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


strawberry.enum(
    ReceiptMoment,
    description="When a case's head was mailed to every party: `OUTCOME_ISSUED`, "
    "`OUTCOME_ACCEPTED` (by everyone who must) or `CASE_CLOSED`.",
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


def _after_sequence(after: str | None) -> int:
    if after is None:
        return 0
    key = decode_cursor(after)
    if len(key) != 1 or type(key[0]) is not int or key[0] < 0:
        raise InvalidCursor()
    return int(key[0])


async def timeline_of(
    info: Info, case_id: uuid.UUID, access: CaseAccess, first: int | None, after: str | None
) -> Connection[TimelineEvent]:
    """The events ``access`` lets the reader see (policy.readable_scopes), oldest first."""
    size = page_size(first)
    page = TimelinePage(case_id, access.scopes, _after_sequence(after), size)
    rows = await info.context.loaders.timeline_page.load(page)
    return connection(
        rows[:size],
        len(rows) > size,
        after,
        cursor=lambda row: encode_cursor(row["sequence"]),
        node=TimelineEvent.from_values,
        edge_cursors="cursor" in selected(info, "edges"),
    )
