"""The installation-wide event feed (`events`): every timeline event gets a *position*, given
in commit order, and a reader follows the positions from one cursor with no gap and no
duplicate.

Why not the event's id: ids are handed out when a row is inserted, not when its transaction
commits. Transaction A inserts id 10, transaction B id 11, B commits first; a reader sees 11,
keeps it as its cursor, and when A commits, 10 lies behind the cursor: lost for good. Reading
"a little behind" only makes the loss rarer.

The choice: a position is taken at commit time, under a lock held until the commit.
When a transaction that appended events commits, it first runs
`UPDATE event_feed_head SET position = position + n` (one row: its row lock is the lock), gives
its events the positions it took, then commits, which releases the lock. The next transaction
that appended events waits at that UPDATE until this one has committed (or rolled back, and
then reuses the numbers). So a position becomes visible only after every lower position is
visible, and a reader that has seen position p never later meets a new event below p. The lock
is short: two or three statements and the commit, however long the transaction ran before; on
SQLite writers are serialised anyway (`BEGIN IMMEDIATE`), so it costs nothing there.

The alternative considered, PostgreSQL's snapshot horizon (a `xid8` column read only below
`pg_snapshot_xmin(pg_current_snapshot())`), needs no lock, but any long transaction anywhere
(a report, a vacuum-blocking session) holds the whole feed back, its cursor is a pair that
leaks transaction ids, and SQLite has nothing like it: one mechanism on both databases, cheap
and provably in order, won.

An event's row exists before its position: until its transaction commits it has none, and a
feed reader never reads a row without one (it could not have seen it anyway: uncommitted).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from portal.timeline import live
from portal.timeline.models import EventFeedHead, TimelineEvent

_PENDING = "_parley_feed_events"
HEAD_ID = 1


def _outermost(conn: BaseDBAsyncClient) -> BaseDBAsyncClient:
    outer = conn
    while isinstance(getattr(outer, "_parent", None), TransactionalDBClient):
        outer = outer._parent  # a savepoint inside a transaction
    return outer


async def _assign(conn: BaseDBAsyncClient, event_ids: list[int]) -> None:
    """Give ``event_ids`` the next positions, in order; the head row stays locked until the
    transaction around ``conn`` ends."""
    n = len(event_ids)
    moved = await EventFeedHead.filter(id=HEAD_ID).using_db(conn).update(position=F("position") + n)
    if not moved:
        # A database made without migration 0030's row: the first writer makes it.
        await EventFeedHead.get_or_create(id=HEAD_ID, defaults={"position": 0}, using_db=conn)
        await EventFeedHead.filter(id=HEAD_ID).using_db(conn).update(position=F("position") + n)
    head = await EventFeedHead.filter(id=HEAD_ID).using_db(conn).values_list("position", flat=True)
    last = int(str(head[0]))
    for offset, event_id in enumerate(event_ids):
        position = last - n + 1 + offset
        await TimelineEvent.filter(id=event_id).using_db(conn).update(position=position)


async def place(event_id: int) -> None:
    """Called by `append` for every event: its position is given when the outermost
    transaction commits (at once, in a transaction of its own, when there is none)."""
    outer = _outermost(connections.get("default"))
    if not isinstance(outer, TransactionalDBClient):
        async with in_transaction("default") as conn:
            await _assign(conn, [event_id])
        return
    pending: list[int] | None = outer.__dict__.get(_PENDING)
    if pending is None:
        pending = []
        commit = outer.commit
        placed = pending

        async def place_then_commit() -> None:
            # Events appended in a savepoint that rolled back are gone: their update matches
            # no row, and the positions they took are simply never seen.
            await _assign(outer, placed)
            await commit()

        # Tortoise has no commit hook; the transaction object lives for this transaction only.
        setattr(outer, _PENDING, pending)
        setattr(outer, "commit", place_then_commit)  # noqa: B010
    pending.append(event_id)


async def head() -> int:
    """The last position committed: following "from now on" starts here."""
    found = await EventFeedHead.filter(id=HEAD_ID).values_list("position", flat=True)
    return int(str(found[0])) if found else 0


async def read(after: int, limit: int, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The events after position ``after``, in position order, at most ``limit``."""
    fields = dict.fromkeys(("position", "case_id", "visibility", *columns))
    return list(
        await TimelineEvent.filter(position__gt=after)
        .order_by("position")
        .limit(limit)
        .values(*fields)
    )


# Decides which of the rows read the reader may see; raises to end a stream.
Select = Callable[[list[dict[str, Any]]], Awaitable[list[dict[str, Any]]]]


async def follow(
    after: int | None, select: Select, columns: Sequence[str]
) -> AsyncIterator[dict[str, Any]]:
    """Every event after position ``after`` (None: from now on) that ``select`` keeps, in
    position order, then each new one once committed. The watch is taken before the first
    read, so an event committed from then on is either in a read or wakes the next one."""
    with live.feed.watch(live.EVERY_CASE, -1) as watch:
        if after is None:
            after = await live.patiently(head)
        watch.after = after
        while True:
            watch.woken.clear()
            rows = await live.patiently(lambda: read(watch.after, live.BATCH, columns))
            kept = await select(rows) if rows else []
            chosen = {id(row) for row in kept}
            for row in rows:
                watch.after = int(row["position"])
                if id(row) in chosen:
                    yield row
            if len(rows) < live.BATCH:
                await watch.woken.wait()


def case_ids(rows: list[dict[str, Any]]) -> list[uuid.UUID]:
    return list(dict.fromkeys(row["case_id"] for row in rows))
