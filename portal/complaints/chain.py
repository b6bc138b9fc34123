"""A complaint's steps as a hash chain (issue 19), verified like a case's timeline.

Step n stores the SHA-256 of its text (`text_digest`), the digest of its fields with that text
digest (`payload_digest`), the hash of step n-1 (`prev_hash`), and its own hash over the
complaint, its sequence, its payload digest and `prev_hash`. The complaint keeps the head
(`last_sequence`, `head_hash`). Editing a step's text or any of its fields, deleting,
reordering or inserting a step breaks the chain at that step's sequence; a redacted step (its
text erased, `redacted_at` set) keeps its text digest, so the chain still verifies.

Complaints whose steps were taken before the chain existed were chained by migration 0023 from
their first step in order; their first step's `prev_hash` is then not the genesis but the hash
of the anchoring (`anchor_hash`: when, and how many steps there were), so the anchoring is on
the chain too and cannot be removed without breaking step 1.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise import connections

from portal.complaints.models import Complaint, ComplaintStep
from portal.timeline.chain import (
    GENESIS,
    canonical,
    instant,
    payload_digest,
    stored_instant,
    text_digest,
)


def anchor_hash(complaint_id: uuid.UUID, anchored_at: datetime, steps: int) -> str:
    """What step 1 of an anchored complaint chains to: the anchoring itself."""
    return hashlib.sha256(
        canonical(
            {
                "complaint": str(complaint_id),
                "anchored_at": instant(anchored_at),
                "steps": steps,
            }
        )
    ).hexdigest()


def genesis(complaint_id: uuid.UUID, anchored_at: datetime | None, steps: int) -> str:
    return GENESIS if anchored_at is None else anchor_hash(complaint_id, anchored_at, steps)


@dataclass(frozen=True)
class StepLink:
    """One step as the chain sees it."""

    complaint_id: uuid.UUID
    sequence: int
    action: str
    status: str
    actor_id: uuid.UUID | None
    actor_role: str
    at: datetime
    text_digest: str
    decision: str | None
    clock: str | None
    prev_hash: str

    def payload(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "status": self.status,
            "actor": str(self.actor_id) if self.actor_id else None,
            "role": self.actor_role,
            "at": instant(self.at),
            "text": self.text_digest,
            "decision": self.decision,
            "clock": self.clock,
        }

    def payload_digest(self) -> str:
        return payload_digest(self.payload())

    def hash(self) -> str:
        return hashlib.sha256(
            canonical(
                {
                    "complaint": str(self.complaint_id),
                    "seq": self.sequence,
                    "payload": self.payload_digest(),
                    "prev": self.prev_hash,
                }
            )
        ).hexdigest()


def _value(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def next_link(
    complaint: Complaint,
    *,
    action: Any,
    status: Any,
    actor_id: uuid.UUID | None,
    actor_role: Any,
    at: datetime,
    text: str,
    decision: Any,
    clock: Any,
) -> StepLink:
    """The link of the complaint's next step; the caller holds the complaint row locked."""
    return StepLink(
        complaint_id=complaint.id,
        sequence=complaint.last_sequence + 1,
        action=str(_value(action)),
        status=str(_value(status)),
        actor_id=actor_id,
        actor_role=str(_value(actor_role)),
        at=at,
        text_digest=text_digest(text),
        decision=_value(decision),
        clock=_value(clock),
        prev_hash=complaint.head_hash
        or genesis(complaint.id, complaint.anchored_at, complaint.anchored_steps),
    )


def chained_fields(link: StepLink) -> dict[str, Any]:
    """The columns a step row stores for its place on the chain."""
    return {
        "sequence": link.sequence,
        "text_digest": link.text_digest,
        "payload_digest": link.payload_digest(),
        "prev_hash": link.prev_hash,
        "hash": link.hash(),
    }


class StepBreakReason(StrEnum):
    """Why a step no longer holds."""

    STEP_MISSING = "step_missing"  # no step at this sequence: deleted, or the tail cut off
    STEP_ALTERED = "step_altered"  # a field, its order or its hashes differ from the chain
    TEXT_ALTERED = "text_altered"  # its text no longer has the digest the chain holds


@dataclass(frozen=True)
class StepBreak:
    sequence: int
    action: str | None  # the stored step's action; None when the step is missing
    reason: StepBreakReason


@dataclass(frozen=True)
class ComplaintVerification:
    ok: bool
    length: int
    head_hash: str
    broken: StepBreak | None


_COLUMNS = (
    "sequence",
    "action",
    "status",
    "actor_id",
    "actor_role",
    "at",
    "text",
    "decision",
    "clock",
    "redacted_at",
    "text_digest",
    "payload_digest",
    "prev_hash",
    "hash",
)


def _check(complaint_id: uuid.UUID, row: dict[str, Any], expected: int, prev: str) -> str | None:
    """None when the stored step holds at ``expected`` after ``prev``; else why not."""
    try:
        actor = row["actor_id"]
        link = StepLink(
            complaint_id=complaint_id,
            sequence=int(row["sequence"]),
            action=str(row["action"]),
            status=str(row["status"]),
            actor_id=uuid.UUID(str(actor)) if actor else None,
            actor_role=str(row["actor_role"]),
            at=stored_instant(row["at"]),
            text_digest=str(row["text_digest"]),
            decision=_value(row["decision"]),
            clock=_value(row["clock"]),
            prev_hash=str(row["prev_hash"]),
        )
    except (ValueError, TypeError):
        return StepBreakReason.STEP_ALTERED
    if (
        link.sequence != expected
        or link.prev_hash != prev
        or link.payload_digest() != row["payload_digest"]
        or link.hash() != row["hash"]
    ):
        return StepBreakReason.STEP_ALTERED
    if row["redacted_at"] is None and text_digest(str(row["text"])) != link.text_digest:
        return StepBreakReason.TEXT_ALTERED
    return None


async def verify_complaint(complaint: Complaint) -> ComplaintVerification:
    """Recompute the complaint's whole chain; name the first step that no longer holds.

    Rows are read raw, not through the model, so a value written behind its back is reported
    as a break at that step, not raised. A redacted step's text is not compared (it is gone);
    its digest, fields and place on the chain still are."""
    query = (
        ComplaintStep.filter(complaint_id=complaint.id).order_by("sequence", "id").values(*_COLUMNS)
    )
    rows = await connections.get("default").execute_query_dict(query.sql(params_inline=True))
    first = genesis(complaint.id, complaint.anchored_at, complaint.anchored_steps)
    prev = first

    def broken(sequence: int, action: str | None, reason: StepBreakReason) -> ComplaintVerification:
        found = StepBreak(sequence, action, reason)
        return ComplaintVerification(False, len(rows), complaint.head_hash, found)

    for expected, row in enumerate(rows, start=1):
        if _sequence(row) > expected:
            return broken(expected, None, StepBreakReason.STEP_MISSING)
        reason = _check(complaint.id, row, expected, prev)
        if reason is not None:
            return broken(expected, str(row["action"]), StepBreakReason(reason))
        prev = str(row["hash"])
    length, head = len(rows), complaint.head_hash or first
    if length < complaint.last_sequence:
        return broken(length + 1, None, StepBreakReason.STEP_MISSING)
    if length > complaint.last_sequence:
        # A step added after the head the complaint records.
        added = rows[complaint.last_sequence]
        return broken(
            complaint.last_sequence + 1, str(added["action"]), StepBreakReason.STEP_ALTERED
        )
    if prev != head:
        # The whole chain was recomputed; it no longer ends where the complaint says.
        last = str(rows[-1]["action"]) if rows else None
        return broken(max(length, 1), last, StepBreakReason.STEP_ALTERED)
    return ComplaintVerification(True, length, complaint.head_hash, None)


def _sequence(row: dict[str, Any]) -> int:
    try:
        return int(row["sequence"])
    except (TypeError, ValueError):
        return 0
