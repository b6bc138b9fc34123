"""The outbox queue: writing rows, claiming them under a lease, and settling each attempt.

Claiming is one statement per batch. PostgreSQL skips rows other workers hold
(`FOR UPDATE SKIP LOCKED`); SQLite has no row locks but runs one writer at a time, so a single
conditional `UPDATE ... RETURNING` claims atomically there. A row whose lease ran out (its
worker was killed) is claimable again; the attempt it was in counts, so a row that kills its
worker every time still ends as a dead letter instead of looping for ever.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import Subquery
from tortoise.transactions import in_transaction

from portal.notifications.models import (
    AttemptOutcome,
    Channel,
    DeliveryAttempt,
    OutboxMessage,
    OutboxStatus,
)


def now() -> datetime:
    return datetime.now(UTC)


async def enqueue(
    channel: Channel,
    kind: str,
    recipient: str,
    context: dict[str, Any],
    *,
    at: datetime,
    locale: str = "en",
    case_id: uuid.UUID | None = None,
    subscription_id: uuid.UUID | None = None,
    status: OutboxStatus = OutboxStatus.PENDING,
) -> OutboxMessage:
    """Write one row, in the caller's transaction (the one that writes its cause); HELD for
    a paused subscription's webhook."""
    return await OutboxMessage.create(
        status=status,
        channel=channel,
        kind=kind,
        recipient=recipient,
        context=context,
        locale=locale,
        case_id=case_id,
        subscription_id=subscription_id,
        next_attempt_at=at,
        created_at=at,
    )


_CLAIM_POSTGRES = """
UPDATE outbox_message SET status = 'claimed', lease_until = $1, claimed_by = $2,
       attempts = attempts + 1
 WHERE id IN (
       SELECT id FROM outbox_message
        WHERE (status = 'pending' AND next_attempt_at <= $3)
           OR (status = 'claimed' AND lease_until < $3)
        ORDER BY next_attempt_at
        LIMIT $4
          FOR UPDATE SKIP LOCKED)
RETURNING id
"""

_CLAIM_SQLITE = """
UPDATE outbox_message SET status = 'claimed', lease_until = ?, claimed_by = ?,
       attempts = attempts + 1
 WHERE id IN (
       SELECT id FROM outbox_message
        WHERE (status = 'pending' AND next_attempt_at <= ?)
           OR (status = 'claimed' AND lease_until < ?)
        ORDER BY next_attempt_at
        LIMIT ?)
RETURNING id
"""


async def claim(worker: str, limit: int, lease_seconds: int, at: datetime) -> list[OutboxMessage]:
    """Take up to ``limit`` rows that are due, or whose worker's lease ran out."""
    conn = connections.get("default")
    lease_until = at + timedelta(seconds=lease_seconds)
    if conn.capabilities.dialect == "sqlite":
        # Tortoise stores instants in SQLite as text, `str()` of the UTC datetime: compare
        # like with like.
        until, moment = str(lease_until.astimezone(UTC)), str(at.astimezone(UTC))
        _, rows = await conn.execute_query(_CLAIM_SQLITE, [until, worker, moment, moment, limit])
    else:
        # execute_query would `execute` an UPDATE and drop what RETURNING gives back.
        rows = await conn.execute_query_dict(_CLAIM_POSTGRES, [lease_until, worker, at, limit])
    ids = [row["id"] for row in rows]
    if not ids:
        return []
    return list(await OutboxMessage.filter(id__in=ids).order_by("next_attempt_at"))


@dataclass(frozen=True)
class RetrySchedule:
    """How long to wait after each failed attempt (Issue 13 D4).

    A fixed schedule that spans more than a day, as Standard Webhooks senders use (after an
    immediate first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), instead of doubling
    from 30 s with an hour's cap, which gave up on every queued mail within about an hour of
    the SMTP server going away.
    """

    waits: tuple[float, ...]

    def wait(self, attempts: int) -> float:
        """The scheduled wait after attempt number ``attempts`` failed; past the schedule's
        end, its last wait again."""
        return self.waits[min(max(attempts, 1), len(self.waits)) - 1]

    def delay(self, attempts: int) -> float:
        """The wait, lengthened by up to a fifth at random: rows that failed together (every
        mail of an SMTP outage) do not all come back in the same second, and no retry comes
        sooner than scheduled, so the schedule's span is a floor."""
        wait = self.wait(attempts)
        return random.uniform(wait, wait * 1.2)  # noqa: S311 (spreading load, not secrecy)

    def span(self, max_attempts: int) -> float:
        """Seconds from the first attempt to the last, before jitter."""
        return sum(self.wait(n) for n in range(1, max_attempts))


async def settle(
    message: OutboxMessage,
    worker: str,
    outcome: AttemptOutcome,
    detail: str,
    *,
    started_at: datetime,
    at: datetime,
    max_attempts: int,
    schedule: RetrySchedule,
    response_status: int | None = None,
    duration_ms: int | None = None,
) -> OutboxStatus | None:
    """Record the attempt and move the row on, if this worker still holds it.

    The update is conditional on the claim: a worker that took longer than its lease, and lost
    the row to another worker meanwhile, records its attempt but does not overwrite the row.
    Returns the row's new status, or None when the lease was lost.
    """
    if outcome is AttemptOutcome.RETRY and message.attempts >= max_attempts:
        outcome = AttemptOutcome.DEAD
        detail = f"{detail} (gave up after {message.attempts} attempts)"
    status = {
        AttemptOutcome.DELIVERED: OutboxStatus.DELIVERED,
        AttemptOutcome.RETRY: OutboxStatus.PENDING,
        AttemptOutcome.DEAD: OutboxStatus.DEAD,
    }[outcome]
    changes: dict[str, Any] = {"status": status, "lease_until": None, "last_error": ""}
    if outcome is AttemptOutcome.DELIVERED:
        changes["delivered_at"] = at
    else:
        changes["last_error"] = detail[:2000]
    if outcome is AttemptOutcome.RETRY:
        changes["next_attempt_at"] = at + timedelta(seconds=schedule.delay(message.attempts))
    async with in_transaction():
        await DeliveryAttempt.create(
            message_id=message.id,
            number=message.attempts,
            worker=worker,
            started_at=started_at,
            finished_at=at,
            outcome=outcome,
            detail=detail[:2000],
            response_status=response_status,
            duration_ms=duration_ms,
        )
        held = await OutboxMessage.filter(
            id=message.id, status=OutboxStatus.CLAIMED, claimed_by=worker
        ).update(**changes)
    return status if held else None


async def retry_dead(message_id: uuid.UUID, at: datetime) -> bool:
    """An admin's retry: the dead letter is due again with a fresh set of attempts; its
    attempt log stays."""
    return await retry_dead_letters(at, ids=[message_id]) == 1


# At most this many ids in one bulk retry (a page of the dead letters list).
MAX_RETRY_IDS = 100


async def retry_dead_letters(
    at: datetime,
    *,
    channel: Channel | None = None,
    since: datetime | None = None,
    ids: Sequence[uuid.UUID] | None = None,
) -> int:
    """Put every dead letter that matches all the filters given back in the queue, each with a
    fresh set of attempts (after an outage: all mail that died since it began). ``since``:
    the dead letters whose last attempt ended at or after it. Returns how many."""
    query = OutboxMessage.filter(status=OutboxStatus.DEAD)
    if channel is not None:
        query = query.filter(channel=channel)
    if ids is not None:
        query = query.filter(id__in=list(ids))
    if since is not None:
        died = DeliveryAttempt.filter(
            outcome=AttemptOutcome.DEAD, finished_at__gte=since
        ).values_list("message_id", flat=True)
        query = query.filter(id__in=Subquery(died))
    # Conditional on the status again: a row retried meanwhile is not counted twice.
    return await query.update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=at, last_error="", claimed_by=""
    )


async def hold(message: OutboxMessage, worker: str) -> bool:
    """A webhook claimed for a subscription paused meanwhile: back to HELD, as if never
    claimed (no attempt is counted), if this worker still holds it."""
    changed = await OutboxMessage.filter(
        id=message.id, status=OutboxStatus.CLAIMED, claimed_by=worker
    ).update(
        status=OutboxStatus.HELD,
        lease_until=None,
        claimed_by="",
        attempts=max(message.attempts - 1, 0),
    )
    return changed == 1
