"""Appending to a case's timeline and verifying it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from portal.cases.models import DisputeCase
from portal.timeline.chain import GENESIS, ChainLink, payload_digest
from portal.timeline.models import TimelineEvent, Visibility


@dataclass(frozen=True)
class Verification:
    ok: bool
    length: int
    head_hash: str
    first_broken_sequence: int | None


async def append(
    case: DisputeCase,
    kind: str,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
    visibility: Visibility,
    payload: dict[str, Any],
) -> TimelineEvent:
    """Append one event. The caller holds the case row locked inside its transaction, so the
    sequence and the previous hash come from the case row and cannot race."""
    digest = payload_digest(payload)
    link = ChainLink(
        case_id=case.id,
        sequence=case.last_sequence + 1,
        kind=kind,
        occurred_at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        visibility=visibility.value,
        payload_digest=digest,
        prev_hash=case.head_hash or GENESIS,
    )
    event = await TimelineEvent.create(
        case_id=case.id,
        sequence=link.sequence,
        kind=kind,
        occurred_at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        visibility=visibility,
        payload=payload,
        payload_digest=digest,
        prev_hash=link.prev_hash,
        hash=link.hash(),
    )
    case.last_sequence = link.sequence
    case.head_hash = event.hash
    return event


@dataclass(frozen=True)
class Receipt:
    """A head once handed out (`timelineHead`): the chain must still hold it."""

    sequence: int
    hash: str


async def verify(case: DisputeCase, receipt: Receipt | None = None) -> Verification:
    """Recompute the whole chain; report the first sequence where it breaks.

    A deleted event shows as a gap at its sequence; a truncated tail as a break at the first
    missing sequence, against the head the case row records. With a ``receipt``, the event at
    its sequence must still carry its hash: a chain rewritten and re-hashed from some point on
    verifies by itself, but not against a receipt taken before (it then breaks at the
    receipt's sequence, or at the first missing one when the chain is now shorter).
    """
    rows = await TimelineEvent.filter(case_id=case.id).order_by("sequence", "id")
    prev = GENESIS
    for expected, row in enumerate(rows, start=1):
        link = ChainLink(
            case_id=case.id,
            sequence=row.sequence,
            kind=row.kind,
            occurred_at=row.occurred_at,
            actor_id=row.actor_id,
            actor_role=row.actor_role,
            visibility=str(
                row.visibility.value if hasattr(row.visibility, "value") else row.visibility
            ),
            payload_digest=row.payload_digest,
            prev_hash=row.prev_hash,
        )
        intact = (
            row.sequence == expected
            and row.prev_hash == prev
            and payload_digest(row.payload) == row.payload_digest
            and link.hash() == row.hash
        )
        if not intact:
            return Verification(False, len(rows), case.head_hash, expected)
        prev = row.hash
    if len(rows) != case.last_sequence or prev != (case.head_hash or GENESIS):
        return Verification(False, len(rows), case.head_hash, len(rows) + 1)
    if receipt is not None:
        if receipt.sequence > len(rows):
            return Verification(False, len(rows), case.head_hash, len(rows) + 1)
        if receipt.sequence >= 1 and rows[receipt.sequence - 1].hash != receipt.hash:
            return Verification(False, len(rows), case.head_hash, receipt.sequence)
    return Verification(True, len(rows), case.head_hash, None)
