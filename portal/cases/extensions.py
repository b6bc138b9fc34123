"""A clock's extensions, as its case's timeline records them (DOMAIN.md "Clocks": an extension
is recorded with its reason and is visible; EU ADR Art. 8(e)).

`engine.extend` writes each extension as a `clock_extended` event (the clock's kind, the days,
the reason, the due date before and after, who extended it). The timeline is the record: this
module only sorts a case's extension events to its clocks. One clock of a kind runs at a time
and only a running clock is extended, so an extension belongs to the clock of its kind that
was running when it was made: the latest one started by then, not ended before.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from portal.cases.states import ClockKind


@dataclass(frozen=True)
class Extension:
    clock_id: uuid.UUID
    extended_at: datetime
    actor_id: uuid.UUID | None  # a person, or a provider's integration client
    actor_role: str
    days: int | None
    reason: str
    previous_due_at: datetime | None
    due_at: datetime | None


class ClockSpan:
    """What placing an extension needs of a clock (a model row or a `.values()` row)."""

    def __init__(
        self,
        id: uuid.UUID,
        kind: ClockKind | str,
        started_at: datetime,
        ended_at: datetime | None,
    ) -> None:
        self.id = id
        self.kind = ClockKind(kind)
        self.started_at = started_at
        self.ended_at = ended_at


def _instant(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def sort_to_clocks(
    clocks: Sequence[ClockSpan], events: Iterable[Mapping[str, Any]]
) -> dict[uuid.UUID, list[Extension]]:
    """The `clock_extended` events of one case (``occurred_at``, ``actor_id``, ``actor_role``,
    ``payload``), oldest first, per clock id."""
    placed: dict[uuid.UUID, list[Extension]] = {clock.id: [] for clock in clocks}
    for event in events:
        payload = event["payload"] or {}
        at: datetime = event["occurred_at"]
        try:
            kind = ClockKind(str(payload.get("clock")))
        except ValueError:
            continue
        running = [
            c
            for c in clocks
            if c.kind is kind and c.started_at <= at and (c.ended_at is None or at <= c.ended_at)
        ]
        if not running:
            continue
        # The latest started; two started at the same instant, the same one whatever order
        # the clocks were read in (the list reads them unordered, the case page by start).
        clock = max(running, key=lambda c: (c.started_at, c.id))
        days = payload.get("days")
        placed[clock.id].append(
            Extension(
                clock_id=clock.id,
                extended_at=at,
                actor_id=event["actor_id"],
                actor_role=event["actor_role"],
                days=days if isinstance(days, int) else None,
                reason=str(payload.get("reason") or ""),
                previous_due_at=_instant(payload.get("previous_due_at")),
                due_at=_instant(payload.get("due_at")),
            )
        )
    return placed
