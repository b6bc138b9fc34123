"""Issue 17: a compiled operation's statements share one pooled connection
(`portal.dbclients.asyncpg_client.pinned`), which is no transaction and does not outlive the run.
It comes from the compiled reads' own pool, whose connections plan generically.

Which backend ran a statement is PostgreSQL's own answer (`pg_backend_pid()`).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg
import pytest
from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from portal.db import tortoise_config
from portal.dbclients import statements
from portal.dbclients.asyncpg_client import Pinned, pinned
from tests.conftest import TEST_DATABASE_URL
from tests.process_support import asyncpg_dsn

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL == "sqlite", reason="asyncpg's pool: PostgreSQL only"
)

PID = "SELECT pg_backend_pid() AS pid"


@asynccontextmanager
async def pool_of(url: str, size: int) -> AsyncIterator[TortoiseContext]:
    async with TortoiseContext() as ctx:
        joint = "&" if "?" in url else "?"
        await ctx.init(config=tortoise_config(f"{url}{joint}minsize={size}&maxsize={size}"))
        yield ctx


async def pid(conn: BaseDBAsyncClient | None = None) -> int:
    rows = await (conn or connections.get("default")).execute_query_dict(PID)
    return int(rows[0]["pid"])


async def test_a_run_shares_one_connection_and_gives_it_back(db: str) -> None:
    async with pool_of(db, 3):
        client = connections.get("default")
        main = set(await asyncio.gather(*(pid() for _ in range(6))))
        async with pinned():
            pool = client._read_pool
            assert isinstance(connections.get("default"), Pinned)
            assert pool.get_size() == 1
            assert pool.get_idle_size() == 0
            # Concurrent statements (a DataLoader's batches, gathered) wait their turn on it.
            pids = await asyncio.gather(*(pid() for _ in range(12)))
            assert len(set(pids)) == 1
            held = pids[0]
        assert held not in main  # the read pool's own connection
        assert not isinstance(connections.get("default"), Pinned)
        assert pool.get_idle_size() == 1
        # Back in the read pool, the same backend serves the next run.
        async with pinned():
            assert await pid() == held
        # The main pool's connections are the ones outside a run.
        assert set(await asyncio.gather(*(pid() for _ in range(6)))) <= main


async def test_statements_commit_on_their_own_and_count(db: str) -> None:
    table = f"pin_{uuid.uuid4().hex[:8]}"
    async with pool_of(db, 2):
        await connections.get("default").execute_script(f"CREATE TABLE {table} (n int)")
        count = statements.StatementCount()
        counting = statements.current.set(count)
        try:
            async with pinned():
                await connections.get("default").execute_query(f"INSERT INTO {table} VALUES (1)")
                # Seen at once from another connection: no transaction holds it back.
                other = await asyncpg.connect(asyncpg_dsn(db))
                try:
                    assert await other.fetchval(f"SELECT count(*) FROM {table}") == 1
                finally:
                    await other.close()
                await pid()
        finally:
            statements.current.reset(counting)
        assert count.sent == 2


async def test_a_transaction_in_a_run_takes_a_connection_of_its_own(db: str) -> None:
    table = f"pin_{uuid.uuid4().hex[:8]}"
    async with pool_of(db, 2):
        await connections.get("default").execute_script(f"CREATE TABLE {table} (n int)")
        async with pinned():
            mine = await pid()
            others: list[int] = []

            async def rolled_back() -> None:
                async with in_transaction() as tx:
                    others.append(await pid(tx))
                    await tx.execute_query(f"INSERT INTO {table} VALUES (1)")
                    raise RuntimeError("roll back")

            with pytest.raises(RuntimeError):
                await rolled_back()
            assert others
            assert others[0] != mine
            async with in_transaction() as tx:
                await tx.execute_query(f"INSERT INTO {table} VALUES (2)")
            rows = await connections.get("default").execute_query_dict(f"SELECT n FROM {table}")
            assert [r["n"] for r in rows] == [2]
            assert await pid() == mine


async def test_a_lost_pinned_connection_sends_the_next_reads_through_the_pool(db: str) -> None:
    async with pool_of(db, 2):
        async with pinned():
            lost = await pid()
            admin = await asyncpg.connect(asyncpg_dsn(db))
            try:
                await admin.execute("SELECT pg_terminate_backend($1)", lost)
            finally:
                await admin.close()
            await asyncio.sleep(0.2)  # the FATAL message reaches the client
            pin = connections.get("default")
            assert isinstance(pin, Pinned)
            answered = await pid()
            assert answered != lost
            assert pin.released
        assert await pid() != lost


async def test_a_task_left_behind_by_a_run_uses_the_pool(db: str) -> None:
    async with pool_of(db, 2):
        go = asyncio.Event()

        async def later() -> int:
            await go.wait()
            return await pid()

        async with pinned():
            mine = await pid()
            task = asyncio.create_task(later())
        go.set()
        # The pin's connection went back to the pool: the task takes one from it, never the
        # pin's behind the pool's back.
        assert isinstance(await task, int)
        client = connections.get("default")
        assert client._read_pool.get_idle_size() == 1
        assert client._pool.get_idle_size() == 2
        assert await task != mine
        async with pinned():
            assert await pid() == mine


async def test_nothing_is_pinned_in_a_transaction(db: str) -> None:
    async with pool_of(db, 2), in_transaction() as tx:
        before = connections.get("default")
        async with pinned():
            assert connections.get("default") is before is tx


SETTINGS = (
    "SELECT current_setting('jit') AS jit, current_setting('application_name') AS app,"
    " current_setting('plan_cache_mode') AS plans,"
    " current_setting('max_parallel_workers_per_gather') AS workers"
)


async def test_the_portals_connections_run_without_jit(db: str) -> None:
    """PostgreSQL's JIT compiled the case page's statement at 100,000 cases for 563 ms of its
    619 (issue 17's scale run): the pool's connections turn it off from their start, pinned or
    not, and keep the application name the URL gives. Only the compiled reads' connections
    plan generically (the case page's statements were planned anew at every execution), and
    start no parallel workers (the list's generic plan did, at 100,000 cases, for five rows).
    The others keep PostgreSQL's defaults."""
    async with pool_of(f"{db}?application_name=parley-jit-test", 2):
        conn = connections.get("default")
        rows = await conn.execute_query_dict(SETTINGS)
        plain = await asyncpg.connect(asyncpg_dsn(db))
        try:
            plans = await plain.fetchval("SHOW plan_cache_mode")
            workers = await plain.fetchval("SHOW max_parallel_workers_per_gather")
        finally:
            await plain.close()
        # The server's own settings, whatever they are.
        assert rows == [
            {"jit": "off", "app": "parley-jit-test", "plans": plans, "workers": workers}
        ]
        async with pinned(generic=False):
            rows = await connections.get("default").execute_query_dict(SETTINGS)
            assert rows == [
                {"jit": "off", "app": "parley-jit-test", "plans": plans, "workers": workers}
            ]
        async with pinned():
            rows = await connections.get("default").execute_query_dict(SETTINGS)
            assert rows == [
                {
                    "jit": "off",
                    "app": "parley-jit-test",
                    "plans": "force_generic_plan",
                    "workers": "0",
                }
            ]


async def test_a_read_runs_its_prepared_statement_on_a_generic_plan(db: str) -> None:
    """The point of the read pool: the second execution of a prepared statement is not planned
    again (`pg_prepared_statements` counts generic and custom plans per statement)."""
    statement = "SELECT count(*) AS n FROM pg_class WHERE oid = ANY($1::oid[])"
    async with pool_of(db, 1), pinned():
        conn = connections.get("default")
        for _ in range(3):
            await conn.execute_query_dict(statement, [[1, 2, 3]])
        rows = await conn.execute_query_dict(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1",
            [statement],
        )
        assert rows == [{"generic_plans": 3, "custom_plans": 0}]


async def test_a_read_whose_plan_depends_on_its_values_pins_a_main_pool_connection(db: str) -> None:
    """`pinned(generic=False)` (a filtered case list): one connection for the run, as ever, but
    of the main pool, which plans with the values bound; the read pool is not even made."""
    async with pool_of(db, 2):
        client = connections.get("default")
        main = set(await asyncio.gather(*(pid() for _ in range(4))))
        async with pinned(generic=False):
            assert isinstance(connections.get("default"), Pinned)
            pids = set(await asyncio.gather(*(pid() for _ in range(6))))
        assert len(pids) == 1
        assert pids <= main
        assert client._read_pool is None


def test_only_an_unfiltered_case_list_runs_on_generic_plans() -> None:
    from portal.api.compiled import CompiledCases

    assert CompiledCases.generic_plans(None, {"first": 50}) is True  # type: ignore[arg-type]
    assert CompiledCases.generic_plans(None, None) is True  # type: ignore[arg-type]
    filtered = {"first": 50, "filter": {"stage": "REFERRED"}}
    assert CompiledCases.generic_plans(None, filtered) is False  # type: ignore[arg-type]
