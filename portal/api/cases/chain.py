"""The event at which a case's chain no longer holds, as GraphQL names it (issue 19)."""

from __future__ import annotations

import strawberry

from portal.timeline.coverage import BreakReason
from portal.timeline.services import ChainBreak as ChainBreakResult

strawberry.enum(
    BreakReason,
    description="Why an event of a case's chain no longer holds.",
)
for _value in BreakReason.__strawberry_definition__.values:  # type: ignore[attr-defined]
    _value.description = {
        BreakReason.EVENT_MISSING: "No event is stored at this sequence: it was deleted, or "
        "the tail of the timeline was cut off.",
        BreakReason.EVENT_ALTERED: "The event's own fields, payload or hashes differ from what "
        "the chain holds (or the chain was recomputed from here on).",
        BreakReason.MESSAGE_MISSING: "The message the event names is no longer stored.",
        BreakReason.MESSAGE_ALTERED: "The message the event names differs: its text no longer "
        "has the digest on the chain, or its scope, author, thread or time changed.",
        BreakReason.DOCUMENT_MISSING: "The document version the event names is no longer stored.",
        BreakReason.DOCUMENT_ALTERED: "The document version the event names differs: its "
        "SHA-256, version, lineage, scope, uploader, time, name, type or size changed.",
        BreakReason.MESSAGE_NOT_ON_CHAIN: "A message is stored that no event names (written "
        "behind the chain's back); named at the sequence after the head, with no kind.",
        BreakReason.DOCUMENT_NOT_ON_CHAIN: "A document version is stored that no event names "
        "(written behind the chain's back); named at the sequence after the head, with no kind.",
    }[BreakReason(_value.value)]


@strawberry.type(
    description="The first event of a case's timeline that no longer holds, named: its "
    "sequence, its kind as stored, and why."
)
class ChainBreak:
    sequence: int = strawberry.field(description="The event's sequence on the timeline.")
    kind: str | None = strawberry.field(
        description="The kind of the event stored there (e.g. `message_posted`); null when no "
        "event is stored at this sequence."
    )
    reason: BreakReason = strawberry.field(description="Why it no longer holds.")

    @classmethod
    def of(cls, found: ChainBreakResult) -> ChainBreak:
        return cls(sequence=found.sequence, kind=found.kind, reason=found.reason)
