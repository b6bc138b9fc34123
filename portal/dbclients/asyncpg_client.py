"""PostgreSQL through asyncpg when connections die under the server (issue 13 D3).

When PostgreSQL ends a backend (`pg_terminate_backend`, a failover, a restart), the pooled
connection first receives the server's FATAL message and only then the end of the socket. In
between, asyncpg's pool still hands it out, and the next statement fails with `cannot switch
to state 11; another operation (2) is in progress`; the pool's reset on release fails the same
way (`state 15`). Tortoise 1.1.9 then also keeps the connection and the transaction's context
when `BEGIN` fails. This client:

- retries a transaction's `BEGIN` on another connection when the first one turns out dead
  (nothing has run yet, so nothing can be done twice);
- retries a read outside a transaction, and any statement that never left because its
  connection was already broken; a write the server may have received is not retried, the
  caller gets DATABASE_UNAVAILABLE and retries with its idempotency key;
- does not fail a finished statement or transaction because the connection died while being
  handed back (asyncpg terminates it, the pool opens a new one);
- closes connections idle for a minute, so fewer silently cut ones wait in the pool;
- resets a released connection without the reset query (issue 17: `pg_advisory_unlock_all();
  CLOSE ALL; UNLISTEN *; RESET ALL` was one more round trip per statement): asyncpg still rolls
  back an open transaction, and Parley takes no advisory locks, keeps no cursor past a
  transaction, never LISTENs on a pooled connection (portal.timeline.live has its own) and
  sets no session variable.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import asyncpg  # type: ignore[import-untyped]
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import (
    ConnectionWrapper,
    NestedTransactionContext,
    PoolConnectionWrapper,
    TransactionalDBClient,
    TransactionContext,
    TransactionContextPooled,
)
from tortoise.connection import get_connections
from tortoise.exceptions import TransactionManagementError

from portal.dbclients.faults import is_connection_lost
from portal.dbclients.statements import CountedStatements

log = logging.getLogger("portal.db")

T = TypeVar("T")

# Tries of one statement or `BEGIN`: a dead connection is noticed by the pool a moment later,
# so a second connection is almost always a live one; the third covers a mass termination.
ATTEMPTS = 3
RETRY_PAUSE_SECONDS = 0.05
IDLE_LIFETIME_SECONDS = 60.0
_READS = ("SELECT", "WITH", "SHOW")
# PostgreSQL compiles a statement whose estimated cost passes `jit_above_cost` (100,000) with
# LLVM before running it. The compiled case page's statement estimates above that at 100,000
# cases (its owed-duty subqueries are costed for every clock), and compiling its 557 functions
# took 563 ms of a 619 ms execution, every time (issue 17's scale run: p99 10 s). Parley's
# statements are short reads and writes of a few rows, which JIT never pays back.
SERVER_SETTINGS = {"jit": "off"}
# The compiled reads' own connections (`pinned`) plan every statement generically, once per
# connection, instead of anew at each execution. Their statements are the portal's own fixed
# texts, reading by keys and ids or a page of the visible cases, whose best plan does not
# depend on the values bound; but PostgreSQL's default (`auto`) kept planning a custom plan for
# them, because it costs a generic plan for an `= ANY($n)` of unknown length above the custom
# plans for one id. For the case page that re-planning was most of PostgreSQL's CPU (issue 17:
# the owed-duty statement alone, 1.64 ms per execution against 0.26 ms with its generic plan).
# A generic plan assumes a tenth of the rows for a `LIMIT $n`, which made the case list's plan
# at 100,000 cases start a parallel worker for its five rows (8 ms of its 8.4): these reads
# start none. A list with a filter (a stage, a method, a search, overdue) is read on the main
# pool, as are all other statements: they keep `auto` and parallel plans, because their plans
# may depend on the values (a rare stage, a search) or read many rows.
READ_SETTINGS = {"plan_cache_mode": "force_generic_plan", "max_parallel_workers_per_gather": "0"}
# A statement that starts like a read but writes (`WITH ... UPDATE`, `SELECT ... FOR UPDATE`,
# a function with effects is beyond this) is not retried as a read.
_WRITES = re.compile(r"\b(INSERT|UPDATE|DELETE|MERGE|NEXTVAL|SETVAL)\b", re.IGNORECASE)


def is_read(query: str) -> bool:
    """A statement safe to send again after a lost connection: it only reads."""
    return query.lstrip()[:6].upper().startswith(_READS) and not _WRITES.search(query)


def never_sent(exc: BaseException) -> bool:
    """The statement failed before it left: its connection was already broken."""
    if isinstance(exc, asyncpg.InternalClientError):
        return "another operation (2) is in progress" in str(exc)
    return isinstance(exc, asyncpg.InterfaceError) and "connection is closed" in str(exc)


async def _no_reset_query(connection: asyncpg.Connection) -> None:
    """The pool's reset after asyncpg's own (which rolls back an open transaction)."""


async def _release(pool: asyncpg.Pool, connection: Any) -> None:
    """Hand ``connection`` back; a connection that died meanwhile is asyncpg's to replace."""
    try:
        await pool.release(connection)
    except Exception as exc:
        if not is_connection_lost(exc):
            raise
        log.info("a database connection was lost while released: %s", exc)


class Pooled(PoolConnectionWrapper[Any]):
    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        await _release(self.client._pool, self.connection)


async def _roll_back(rollback: Callable[[], Awaitable[None]]) -> None:
    try:
        await rollback()
    except Exception as exc:
        # The server rolled back when the connection ended; the caller hears of the first
        # failure, not of the rollback's.
        if not is_connection_lost(exc):
            raise


class Savepoint(NestedTransactionContext):
    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        if self.client._finalized:
            return
        if exc_type is None:
            await self.client.release_savepoint()
        elif exc_type is not TransactionManagementError:
            await _roll_back(self.client.savepoint_rollback)


class Transaction(CountedStatements, TransactionWrapper):
    def _in_transaction(self) -> TransactionContext:
        return Savepoint(Transaction(self))


class RetryingTransactionContext(TransactionContextPooled):
    async def __aenter__(self) -> TransactionalDBClient:
        await self.ensure_connection()
        pool = self.client._parent._pool
        for attempt in range(1, ATTEMPTS + 1):
            self.client._connection = await pool.acquire()
            try:
                await self.client.begin()
                break
            except Exception as exc:
                # Give the connection back either way: Tortoise's own would keep it.
                await _release(pool, self.client._connection)
                if attempt == ATTEMPTS or not is_connection_lost(exc):
                    raise
                log.info("BEGIN on a lost connection (%s); trying another", exc)
                await asyncio.sleep(RETRY_PAUSE_SECONDS * attempt)
        self.token = get_connections().set(self.connection_name, self.client)
        return self.client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            if not self.client._finalized:
                if exc_type is None:
                    await self.client.commit()
                elif exc_type is not TransactionManagementError:
                    await _roll_back(self.client.rollback)
        finally:
            if self.client._parent._pool:
                await _release(self.client._parent._pool, self.client._connection)
            get_connections().reset(self.token)


class PortalAsyncpgClient(CountedStatements, AsyncpgDBClient):
    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        kwargs.setdefault("max_inactive_connection_lifetime", IDLE_LIFETIME_SECONDS)
        kwargs.setdefault("reset", _no_reset_query)
        # Every connection the same, from its start (no state set per request): no JIT.
        kwargs["server_settings"] = {**SERVER_SETTINGS, **(kwargs.get("server_settings") or {})}
        return await asyncpg.create_pool(None, **kwargs)

    def acquire_connection(self) -> Pooled:
        return Pooled(self, self._pool_init_lock)

    async def main_pool(self) -> asyncpg.Pool:
        """The main pool, made now if no statement has made it yet (as Tortoise's wrapper
        makes it at the first statement)."""
        if self._pool is None:
            async with self._pool_init_lock:
                if self._pool is None:
                    await self.create_connection(with_db=True)
        pool: asyncpg.Pool = self._pool
        return pool

    async def read_pool(self) -> asyncpg.Pool:
        """The compiled reads' pool (`pinned`): the same database and sizes as the main pool,
        its connections with `READ_SETTINGS`, none opened before the first read."""
        if self._read_pool is None:
            await self.main_pool()  # its template is the read pool's
            async with self._pool_init_lock:
                if self._read_pool is None:
                    template = {**self._template, "min_size": 0}
                    template["server_settings"] = {
                        **(template.get("server_settings") or {}),
                        **READ_SETTINGS,
                    }
                    self._read_pool = await self.create_pool(password=self.password, **template)
        return self._read_pool

    _read_pool: asyncpg.Pool | None = None

    async def _expire_connections(self) -> None:
        await super()._expire_connections()
        if self._read_pool is not None:
            await self._read_pool.expire_connections()

    async def _close(self) -> None:
        try:
            await self._close_read_pool()
        finally:
            await super()._close()
            # A read that began while the pools were closing made a new one: closed too.
            await self._close_read_pool()

    async def _close_read_pool(self) -> None:
        while (read_pool := self._read_pool) is not None:
            self._read_pool = None
            try:
                await asyncio.wait_for(read_pool.close(), 10)
            except TimeoutError:
                read_pool.terminate()

    def _in_transaction(self) -> TransactionContext:
        return RetryingTransactionContext(Transaction(self), self._pool_init_lock)

    async def _retrying(self, query: str, run: Callable[[], Awaitable[T]]) -> T:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return await run()
            except Exception as exc:
                # Whether it only reads is asked after a failure, not before every statement:
                # the search runs through the whole text (~0.1 ms a KB, and a compiled page's
                # statement is several KB).
                retry = is_connection_lost(exc) and (never_sent(exc) or is_read(query))
                if attempt == ATTEMPTS or not retry:
                    raise
                log.info("statement on a lost connection (%s); trying another", exc)
                await asyncio.sleep(RETRY_PAUSE_SECONDS * attempt)
        raise AssertionError("unreachable")

    async def execute_query(
        self, query: str, values: list[Any] | None = None
    ) -> tuple[int, list[dict[str, Any]]]:
        return await self._retrying(
            query, lambda: super(PortalAsyncpgClient, self).execute_query(query, values)
        )

    async def execute_query_dict(
        self, query: str, values: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        return await self._retrying(
            query, lambda: super(PortalAsyncpgClient, self).execute_query_dict(query, values)
        )

    async def execute_insert(self, query: str, values: list[Any]) -> Any:
        return await self._retrying(
            query, lambda: super(PortalAsyncpgClient, self).execute_insert(query, values)
        )


class Pinned(PortalAsyncpgClient):
    """One pooled connection for a run of reads (issue 17: a compiled operation's statements),
    from the compiled reads' own pool (`read_pool`, generic plans).

    Handing a connection out of asyncpg's pool and back costs about 0.2 ms of CPU per
    statement, more than sending a short statement on a connection in hand; a compiled
    operation sends 3 to 10. Its statements share one connection instead, one at a time
    (tasks the run starts, such as DataLoader batches and the access log's flush, queue on
    the lock, as in a Tortoise transaction). It is no transaction: every statement commits on
    its own, as from the pool, and `in_transaction()` still takes a connection of its own.
    When the connection is lost, or once the run is over (a task it left behind), statements
    go through the pool again, with the pool's retries.
    """

    def __init__(self, parent: PortalAsyncpgClient, connection: Any) -> None:
        self.__dict__.update(parent.__dict__)
        self._connection = connection
        self._lock = asyncio.Lock()
        self._parent = parent
        self.released = False

    def acquire_connection(self) -> Any:
        if self.released:
            return self._parent.acquire_connection()
        return ConnectionWrapper(self._lock, self)

    def _in_transaction(self) -> TransactionContext:
        return self._parent._in_transaction()

    async def _retrying(self, query: str, run: Callable[[], Awaitable[T]]) -> T:
        if self.released:
            return await super()._retrying(query, run)
        try:
            return await run()
        except Exception as exc:
            # A connection the server ended is taken back by the pool, and its proxy then
            # refuses every statement before sending it.
            unsent = _pool_took_it_back(exc)
            if not (unsent or is_connection_lost(exc)):
                raise
            self.released = True
            if not (unsent or never_sent(exc) or is_read(query)):
                raise
            log.info("statement on a lost pinned connection (%s); trying the pool", exc)
            return await super()._retrying(query, run)


def _pool_took_it_back(exc: BaseException) -> bool:
    return isinstance(exc, asyncpg.InterfaceError) and "released back to the pool" in str(exc)


@contextlib.asynccontextmanager
async def pinned(name: str = "default", *, generic: bool = True) -> AsyncIterator[None]:
    """Within: the statements of this task, and of the tasks it starts, on one connection of
    ``name``'s read pool (`Pinned`, `READ_SETTINGS`), or of its main pool when ``generic`` is
    false (statements whose plan depends on the values bound); outside PostgreSQL (SQLite
    keeps one connection anyway), or in a transaction, nothing changes."""
    handler = get_connections()
    client = handler.get(name)
    if type(client) is not PortalAsyncpgClient:
        yield
        return
    pool = await (client.read_pool() if generic else client.main_pool())
    connection = await pool.acquire()
    pin = Pinned(client, connection)
    token = handler.set(name, pin)
    try:
        yield
    finally:
        pin.released = True
        handler.reset(token)
        await _release(pool, connection)


client_class = PortalAsyncpgClient
