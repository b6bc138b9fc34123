"""Issue 17, deliverable 4: pooled PostgreSQL connections are handed back without asyncpg's reset
query (`pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL`, one more round trip per
statement), and LISTEN, which that query would end, lives on a connection of its own.

What a backend ran last is PostgreSQL's own record (`pg_stat_activity.query`): after a statement
and the release of its connection, Tortoise's stock client shows the reset query there, and
Parley's shows the statement.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from portal.db import tortoise_config
from portal.timeline import live
from tests.conftest import TEST_DATABASE_URL
from tests.process_support import asyncpg_dsn, with_application_name

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL == "sqlite", reason="asyncpg's pool: PostgreSQL only"
)

STOCK = "tortoise.backends.asyncpg"
PARLEY = "portal.dbclients.asyncpg_client"
RESET_QUERY = "UNLISTEN *"  # part of asyncpg's reset query on PostgreSQL 15


@asynccontextmanager
async def pooled(url: str, engine: str, name: str) -> AsyncIterator[BaseDBAsyncClient]:
    """A one-connection pool on ``url`` through ``engine``, showing as ``name``."""
    config = tortoise_config(with_application_name(f"{url}?minsize=1&maxsize=1", name))
    config["connections"]["default"]["engine"] = engine
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        yield ctx.db("default")


async def last_queries(url: str, name: str) -> list[str]:
    """What each backend of application ``name`` ran last, as PostgreSQL records it."""
    admin = await asyncpg.connect(asyncpg_dsn(url))
    try:
        rows = await admin.fetch(
            "SELECT query FROM pg_stat_activity WHERE application_name = $1 "
            "AND datname = current_database()",
            name,
        )
    finally:
        await admin.close()
    return [str(r["query"]) for r in rows]


@pytest.mark.parametrize(("engine", "resets"), [(STOCK, True), (PARLEY, False)])
async def test_a_released_connection_runs_no_reset_query(
    db: str, engine: str, resets: bool
) -> None:
    name = f"parley-pool-{uuid.uuid4().hex[:8]}"
    marker = f"SELECT 17 AS marker_{uuid.uuid4().hex[:8]}"
    async with pooled(db, engine, name) as conn:
        for statement in (f"{marker}, 1", f"{marker}, 2"):
            await conn.execute_query(statement)
            # The release (and any reset) is awaited before the statement's call returns.
            queries = await last_queries(db, name)
            assert len(queries) == 1, queries
            if resets:
                # The stock pool: a second round trip after every statement.
                assert RESET_QUERY in queries[0], queries
            else:
                assert queries[0] == statement, queries
        # Inside a transaction too: COMMIT is the last word, no reset follows the release.
        async with in_transaction() as tx:
            await tx.execute_query(f"{marker}, 3")
        queries = await last_queries(db, name)
        assert (RESET_QUERY in queries[0]) is resets, queries


async def test_a_connection_handed_back_inside_a_transaction_is_rolled_back(db: str) -> None:
    """The one reset that still happens, asyncpg's own: a transaction left open (a task
    cancelled in the middle of one) is rolled back before the connection is used again."""
    name = f"parley-pool-{uuid.uuid4().hex[:8]}"
    async with pooled(db, PARLEY, name) as conn:
        await conn.execute_query("SELECT 1")  # the pool is made on first use
        pool = conn._pool  # type: ignore[attr-defined]
        raw = await pool.acquire()
        await raw.execute("BEGIN")
        await raw.execute("CREATE TEMPORARY TABLE left_behind (x int)")
        await pool.release(raw)
        # The pool's only connection again: still in that transaction, it would see the table.
        rows = await conn.execute_query_dict(
            "SELECT count(*) AS n FROM pg_class WHERE relname = 'left_behind'"
        )
        assert rows == [{"n": 0}]


async def test_listen_has_its_own_connection_and_wakes_subscribers_through_the_pool(
    db: str,
) -> None:
    """A pooled connection sends `pg_notify` (the timeline's writers do, in their transaction);
    the process's listener, on its own connection, hears it and wakes the case's watchers.
    The pooled connections listen to nothing, so the missing `UNLISTEN *` has nothing to end."""
    name = f"parley-pool-{uuid.uuid4().hex[:8]}"
    case_id = uuid.uuid4()
    async with pooled(db, PARLEY, name) as conn, live.listening(db) as listener:
        assert listener is not None
        await asyncio.wait_for(listener.connected.wait(), 10)
        with live.feed.watch(case_id, after=0) as watch:
            async with in_transaction() as tx:
                await tx.execute_query("SELECT pg_notify($1, $2)", [live.CHANNEL, f"{case_id}:1"])
            await asyncio.wait_for(watch.woken.wait(), 10)
            for _ in range(3):  # whichever connection of the pool it gets
                rows = await conn.execute_query_dict("SELECT pg_listening_channels() AS c")
                assert rows == []
        listeners = await last_queries(db, live.APPLICATION_NAME)
        assert len(listeners) >= 1
