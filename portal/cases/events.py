"""The one function that writes a case's events (their kinds: portal.timeline.catalogue)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from portal.cases.models import DisputeCase
from portal.timeline.catalogue import EventKind
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import append

__all__ = ["EventKind", "record"]


def _plain(value: Any) -> Any:
    """Payload values as JSON: enums by value, instants as ISO 8601, decimals as strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


async def record(
    case: DisputeCase,
    kind: EventKind,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
    payload: dict[str, Any] | None = None,
    visibility: Visibility = Visibility.ALL_PARTIES,
) -> TimelineEvent:
    """Append the event, and in the same transaction the outbox rows it causes: the mails to
    those who may read it and the webhooks of the organisation (ARCHITECTURE.md "Events out")."""
    # Imported here: notifications reads EventKind from this module.
    from portal.notifications.derive import event_recorded

    event = await append(
        case,
        kind.value,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        visibility=visibility,
        payload=_plain(payload or {}),
    )
    await event_recorded(case, event)
    return event


async def record_step(
    case: DisputeCase,
    kind: EventKind,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
    payload: dict[str, Any] | None = None,
    visibility: Visibility = Visibility.ALL_PARTIES,
) -> TimelineEvent:
    """`record`, then the chain's new head saved on the case row: a step outside the
    transition engine (sessions, fees, groups, reviews) on a case row its caller has locked."""
    event = await record(
        case,
        kind,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        payload=payload,
        visibility=visibility,
    )
    await case.save(update_fields=["last_sequence", "head_hash"])
    return event
