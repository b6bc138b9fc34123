"""A live subscription outlives a database outage (issue 13 D2): PostgreSQL terminates the
server's connections and refuses new ones for a while; the subscriber's reads wait and retry,
and the stream goes on with the next event, with no error and nothing lost."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import asyncpg
import pytest
from starlette.applications import Starlette

from portal.settings import Settings
from portal.timeline.live import feed
from portal.timeline.models import Visibility
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, quick_world
from tests.live_support import caught_up, note, serving, subscribed
from tests.process_support import asyncpg_dsn
from tests.test_api_support import case_id, token_for

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL == "sqlite", reason="pg_terminate_backend: PostgreSQL only"
)


@contextlib.asynccontextmanager
async def outage(url: str) -> AsyncIterator[None]:
    """The database refuses new connections and every open one is terminated; afterwards it
    accepts connections again."""
    dsn = asyncpg_dsn(url)
    name = dsn.rsplit("/", 1)[1]
    admin = await asyncpg.connect(dsn.rsplit("/", 1)[0] + "/postgres")
    try:
        await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        try:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()",
                name,
            )
            yield
        finally:
            await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    finally:
        await admin.close()


async def test_a_subscription_survives_terminated_connections_and_a_refusing_database(
    app: Starlette, db: str, factory: Factory, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    caplog.set_level(logging.WARNING, logger="portal.live")

    async with serving(app) as url, subscribed(url, token, case_id(case)) as sock:
        await caught_up(case, 1)
        before = await note(case, Visibility.ALL_PARTIES, "before")
        assert await sock.until("before") == ["before"]
        await caught_up(case, 1)

        async with outage(settings.db_url):
            # A wake-up arriving while the database is away (one sent just before the cut):
            # the subscriber reads, and the read fails.
            feed.wake_all()

            async def retried() -> None:
                while not any("live read failed" in r.message for r in caplog.records):  # noqa: ASYNC110
                    await asyncio.sleep(0.02)

            # Before the fix the stream answered with a masked error here, and ended.
            waiting = asyncio.ensure_future(retried())
            message = asyncio.ensure_future(sock.receive())
            done, _ = await asyncio.wait({waiting, message}, return_when=asyncio.FIRST_COMPLETED)
            assert done == {waiting}, message.result()
            message.cancel()

        after = await note(case, Visibility.ALL_PARTIES, "after")
        assert await sock.until("after") == ["after"]  # no error, the stream goes on

    assert after == before + 1
