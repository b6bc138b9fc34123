"""Live timelines: who in this process waits for which case, and what wakes them.

A wake-up carries ids only, never an event: the woken subscriber reads what follows its last
sequence from the database and decides there what its reader may see. A lost, late or doubled
wake-up therefore costs a read, never an event (ARCHITECTURE.md, "no state lives only in one
process's memory").

- PostgreSQL: `append` issues `pg_notify` inside the writer's transaction, so the notification
  leaves only when that transaction commits (and never for a rollback). Each process keeps one
  LISTEN connection that wakes its own subscribers, and reconnects when PostgreSQL drops it.
- SQLite (one process): the wake-up is published to this process's subscribers after the
  transaction commits.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

import asyncpg  # type: ignore[import-untyped]
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient

from portal.cases.models import DisputeCase
from portal.cases.states import TERMINAL_STAGES
from portal.db import is_sqlite
from portal.dbclients.faults import is_connection_lost
from portal.timeline.models import TimelineEvent, Visibility

log = logging.getLogger("portal.live")

CHANNEL = "parley_timeline"
APPLICATION_NAME = "parley-live-events"  # how the listening connection shows in pg_stat_activity
# Events read per statement, during a replay or after a wake-up that found many.
BATCH = 100
# How often the listener proves its connection alive when no notification arrives.
LISTENER_CHECK_SECONDS = 5.0
LISTENER_RETRY_SECONDS = 1.0
# Issue 13 D2: a subscriber's read that meets a lost database connection is tried again after
# a pause that doubles up to a cap, about 30 s in all, before the stream ends with the
# retryable DATABASE_UNAVAILABLE; one terminated connection no longer ends a subscription.
READ_ATTEMPTS = 12
READ_RETRY_SECONDS = 0.1
READ_RETRY_MAX_SECONDS = 5.0

T = TypeVar("T")

# The key of the installation-wide feed's subscribers (portal.timeline.feed): any case's
# wake-up wakes them.
EVERY_CASE = uuid.UUID(int=0)


@dataclass(eq=False)
class Watch:
    """One subscriber: set ``woken`` to make it read; ``after`` is the last sequence it has
    examined (sent, or skipped as not its to see)."""

    after: int
    woken: asyncio.Event = field(default_factory=asyncio.Event)


class CaseFeed:
    """The subscribers of this process, by case."""

    def __init__(self) -> None:
        self._watching: dict[uuid.UUID, set[Watch]] = {}

    @contextlib.contextmanager
    def watch(self, case_id: uuid.UUID, after: int) -> Iterator[Watch]:
        watch = Watch(after)
        self._watching.setdefault(case_id, set()).add(watch)
        try:
            yield watch
        finally:
            watching = self._watching.get(case_id)
            if watching is not None:
                watching.discard(watch)
                if not watching:
                    del self._watching[case_id]

    def wake(self, case_id: uuid.UUID, sequence: int | None = None) -> None:
        """Wake the case's subscribers that have not examined ``sequence`` yet (all of them
        when it is unknown): a late notification of an event already read costs nothing."""
        for watch in self._watching.get(case_id, ()):
            if sequence is None or watch.after < sequence:
                watch.woken.set()
        for watch in self._watching.get(EVERY_CASE, ()):
            watch.woken.set()

    def wake_all(self) -> None:
        """After the listener was away: whatever it missed, every subscriber reads again."""
        for watching in self._watching.values():
            for watch in watching:
                watch.woken.set()

    def subscribers(self) -> int:
        """How many subscribers this process has, over all cases (portal.metrics)."""
        return sum(len(watching) for watching in self._watching.values())

    def caught_up(self, case_id: uuid.UUID, sequence: int) -> int:
        """How many subscribers of the case have examined every event up to ``sequence``."""
        return sum(1 for w in self._watching.get(case_id, ()) if w.after >= sequence)


feed = CaseFeed()


# --- announcing (inside the writer's transaction) --------------------------------------------


async def announce(case_id: uuid.UUID, sequence: int) -> None:
    """Called by `append` for every event, inside the caller's transaction."""
    conn = connections.get("default")
    if conn.capabilities.dialect == "postgres":
        # Transactional: PostgreSQL delivers it on commit, to every listening process.
        await conn.execute_query("SELECT pg_notify($1, $2)", [CHANNEL, f"{case_id}:{sequence}"])
    else:
        _after_commit(conn, case_id, sequence)


def _after_commit(conn: BaseDBAsyncClient, case_id: uuid.UUID, sequence: int) -> None:
    """Wake the case's subscribers once the outermost transaction around ``conn`` commits;
    at once when there is none (the write has committed already)."""
    outer = conn
    while isinstance(getattr(outer, "_parent", None), TransactionalDBClient):
        outer = outer._parent  # a savepoint inside a transaction
    if not isinstance(outer, TransactionalDBClient):
        feed.wake(case_id, sequence)
        return
    pending: dict[uuid.UUID, int] | None = outer.__dict__.get("_parley_live_cases")
    if pending is None:
        pending = {}
        commit = outer.commit
        woken = pending

        async def commit_then_wake() -> None:
            await commit()
            for case, last in woken.items():
                feed.wake(case, last)

        # Tortoise has no commit hook; the transaction object lives for this transaction only.
        setattr(outer, "_parley_live_cases", pending)  # noqa: B010
        setattr(outer, "commit", commit_then_wake)  # noqa: B010
    pending[case_id] = max(sequence, pending.get(case_id, 0))


# --- following a case (the subscriber's side) -------------------------------------------------

Scopes = Callable[[], Awaitable[frozenset[Visibility]]]


async def patiently(read: Callable[[], Awaitable[T]]) -> T:
    """``read()``, again after a growing pause while the database is unreachable."""
    pause = READ_RETRY_SECONDS
    for attempt in range(1, READ_ATTEMPTS + 1):
        try:
            return await read()
        except Exception as exc:
            if attempt == READ_ATTEMPTS or not is_connection_lost(exc):
                raise
            log.warning("live read failed (%r); retrying in %.1f s", exc, pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, READ_RETRY_MAX_SECONDS)
    raise AssertionError("unreachable")


async def follow(
    case_id: uuid.UUID, after: int | None, scopes: Scopes, columns: Sequence[str]
) -> AsyncIterator[dict[str, Any]]:
    """The case's events after sequence ``after`` (None: from now on), oldest first, then each
    new one once it has committed; only those whose scope ``scopes()`` allows.

    ``scopes`` is asked after every read that found events, so what is sent is decided on the
    database as it stands after those events committed; it raises to end the stream (the reader
    lost access). An event the reader may not see when it is read is skipped for good: the
    stream never sends it later, the timeline query shows what became readable since.

    Issue 18: the stream ends (the subscription completes) once the case is closed and every
    event up to its head was examined: right after the closing event, or after the replay for
    a case closed already.
    """
    # Watching before the first read: an event committed from now on is either in that read
    # or wakes us after it, so none can fall in between. Sequences commit in order (the writer
    # holds the case row), so a cursor on them has no gaps.
    with feed.watch(case_id, -1) as watch:
        if after is None:
            head = await patiently(lambda: DisputeCase.filter(id=case_id).values("last_sequence"))
            after = int(head[0]["last_sequence"]) if head else 0
        watch.after = after
        fields = dict.fromkeys(("sequence", "visibility", *columns))
        while True:
            watch.woken.clear()
            rows = await patiently(
                lambda: (
                    TimelineEvent.filter(case_id=case_id, sequence__gt=watch.after)
                    .order_by("sequence")
                    .limit(BATCH)
                    .values(*fields)
                )
            )
            readable = await patiently(scopes) if rows else frozenset()
            for row in rows:
                watch.after = int(row["sequence"])
                if row["visibility"] in readable:
                    yield row
            if len(rows) < BATCH:
                if await patiently(lambda: _closed_by(case_id, watch.after)):
                    return
                await watch.woken.wait()


async def _closed_by(case_id: uuid.UUID, sequence: int) -> bool:
    """Whether the case is over (closed, declined or withdrawn) and its events up to
    ``sequence`` hold all of it: the case and its closing event commit together, so the
    stream ends right after sending it."""
    head = await DisputeCase.filter(id=case_id).values("stage", "last_sequence")
    return (
        bool(head) and head[0]["stage"] in TERMINAL_STAGES and sequence >= head[0]["last_sequence"]
    )


# --- listening (PostgreSQL) -------------------------------------------------------------------


def listen_dsn(url: str) -> str:
    """asyncpg's DSN for a Tortoise URL: the pool's options (minsize, maxsize) are not its own."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(scheme="postgresql", query=""))


@dataclass
class Listener:
    """One LISTEN connection for this process; reconnects whenever it is lost."""

    dsn: str
    target: CaseFeed = field(default_factory=lambda: feed)
    connected: asyncio.Event = field(default_factory=asyncio.Event)
    connections_made: int = 0

    def _notified(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        case, _, sequence = payload.partition(":")
        try:
            self.target.wake(uuid.UUID(case), int(sequence) if sequence else None)
        except ValueError:
            log.warning("ignored a malformed notification %r", payload)

    async def run(self) -> None:
        while True:
            try:
                conn = await asyncpg.connect(
                    self.dsn,
                    timeout=LISTENER_CHECK_SECONDS,
                    server_settings={"application_name": APPLICATION_NAME},
                )
            except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
                log.warning("cannot listen for live events (%s); retrying", exc)
                await asyncio.sleep(LISTENER_RETRY_SECONDS)
                continue
            try:
                await self._serve(conn)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
                log.warning("lost the live events connection (%s); reconnecting", exc)
            finally:
                self.connected.clear()
                conn.terminate()

    async def _serve(self, conn: asyncpg.Connection) -> None:
        lost = asyncio.Event()
        conn.add_termination_listener(lambda _conn: lost.set())
        await conn.add_listener(CHANNEL, self._notified)
        self.connections_made += 1
        self.connected.set()
        # Anything committed while nobody listened: every subscriber reads again.
        self.target.wake_all()
        while not lost.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lost.wait(), LISTENER_CHECK_SECONDS)
                break
            await conn.fetchval("SELECT 1", timeout=LISTENER_CHECK_SECONDS)
        raise asyncpg.InterfaceError("the connection was closed")


_running: dict[str, tuple[asyncio.Task[None], Listener, int]] = {}


@contextlib.asynccontextmanager
async def listening(db_url: str) -> AsyncIterator[Listener | None]:
    """The process's listener while the app runs (None on SQLite, where commits wake directly).
    Apps sharing a process and a database share one listener."""
    if is_sqlite(db_url):
        yield None
        return
    dsn = listen_dsn(db_url)
    if dsn in _running:
        task, listener, users = _running[dsn]
        _running[dsn] = (task, listener, users + 1)
    else:
        listener = Listener(dsn)
        task = asyncio.create_task(listener.run(), name="live-events-listener")
        _running[dsn] = (task, listener, 1)
    try:
        yield listener
    finally:
        task, listener, users = _running[dsn]
        if users > 1:
            _running[dsn] = (task, listener, users - 1)
        else:
            del _running[dsn]
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
