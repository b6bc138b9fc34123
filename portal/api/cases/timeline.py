"""A case's timeline as a connection, filtered by what the reader may see, and its receipt."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.chain import ChainBreak
from portal.api.cases.loaders import EVENT_COLUMNS, CaseAccess, TimelinePage
from portal.api.context import Info
from portal.api.node import to_global_id
from portal.api.pagination import (
    INTEGER,
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
from portal.timeline.models import TimelineEvent as TimelineEventRow
from portal.timeline.models import Visibility
from portal.timeline.services import ChainBreak as ChainBreakResult
from portal.timeline.services import ReceiptCheck as ReceiptCheckResult
from portal.timeline.services import ReceiptResult, Verification, VerificationResult


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
class KeptReceipt:
    case_id: strawberry.ID = strawberry.field(description="The case's global ID.")
    case_reference: str = strawberry.field(description="The case's reference, for people.")
    moment: ReceiptMoment = strawberry.field(description="What had just happened.")
    sequence: int = strawberry.field(description="The number of the last event then.")
    hash: str = strawberry.field(description="That event's hash: the head of the chain then.")
    received_at: datetime = strawberry.field(description="When it was mailed.")


async def kept_receipts(info: Info) -> list[KeptReceipt]:
    """The viewer's own receipts, newest first (an integration client has none)."""
    actor = info.context.require_actor()
    if actor.kind is not ActorKind.USER:
        return []
    rows = (
        await HeadReceiptRow.filter(user_id=actor.id)
        .order_by("-created_at", "-sequence")
        .limit(KEPT_RECEIPTS)
        .values("case_id", "case__reference", "moment", "sequence", "hash", "created_at")
    )
    return [
        KeptReceipt(
            case_id=strawberry.ID(to_global_id("DisputeCase", r["case_id"])),
            case_reference=r["case__reference"],
            moment=ReceiptMoment(r["moment"]),
            sequence=r["sequence"],
            hash=r["hash"],
            received_at=r["created_at"],
        )
        for r in rows
    ]


# A case's timeline, oldest first: the cursor is the event's sequence.
SEQUENCE = Keyset((("sequence", INTEGER),), descending=False)


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
