"""What wakes a subscriber: a committed append, never a rolled-back one; on PostgreSQL through
LISTEN/NOTIFY, with a listener that survives PostgreSQL dropping its connection."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import asyncpg
import pytest
from tortoise.transactions import in_transaction

from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.timeline import live
from portal.timeline.models import TimelineEvent, Visibility
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, quick_world
from tests.live_support import WAIT

postgres_only = pytest.mark.skipif(
    TEST_DATABASE_URL == "sqlite", reason="LISTEN/NOTIFY is PostgreSQL's"
)


@pytest.fixture
async def listener(db: str) -> AsyncIterator[live.Listener | None]:
    async with live.listening(db) as running:
        if running is not None:
            await asyncio.wait_for(running.connected.wait(), WAIT)
        yield running


class Rollback(Exception):
    pass


async def _append(case: DisputeCase) -> None:
    row = await DisputeCase.select_for_update().get(id=case.id)
    await record(
        row,
        EventKind.CASE_ACCEPTED,
        at=datetime.now(UTC),
        actor_id=None,
        actor_role=CaseRole.SYSTEM.value,
        payload={"note": "x"},
        visibility=Visibility.ALL_PARTIES,
    )
    await row.save(update_fields=["last_sequence", "head_hash"])


async def _append_then_fail(case: DisputeCase) -> None:
    async with in_transaction():
        await _append(case)
        raise Rollback()


async def _woken(watch: live.Watch) -> bool:
    try:
        await asyncio.wait_for(watch.woken.wait(), 1.0)
    except TimeoutError:
        return False
    return True


async def test_subscribers_are_woken_once_the_append_commits_and_never_for_a_rollback(
    listener: live.Listener | None, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    other = await w.new_case()

    # The bystander has read its case: late notifications of that case's own events (its
    # referral, just above) must not wake it, nor anything written to the first case.
    read = (await DisputeCase.get(id=other.id)).last_sequence
    with live.feed.watch(case.id, 0) as watch, live.feed.watch(other.id, read) as bystander:
        with pytest.raises(Rollback):
            await _append_then_fail(case)
        after_rollback = await _woken(watch)
        async with in_transaction():
            async with in_transaction():  # a savepoint: the outer commit is what counts
                await _append(case)
            await asyncio.sleep(0.2)  # a notification sent before the commit would land now
            before_commit = watch.woken.is_set()
        after_commit = await _woken(watch)
        bystander_woken = bystander.woken.is_set()

    assert (after_rollback, before_commit, after_commit) == (False, False, True)
    assert bystander_woken is False
    assert await TimelineEvent.filter(case_id=case.id).count() == 3


@postgres_only
async def test_the_listener_reconnects_when_postgresql_drops_it(
    listener: live.Listener | None, db: str, factory: Factory
) -> None:
    assert listener is not None
    w = await quick_world(factory)
    case = await w.new_case()
    admin = await asyncpg.connect(live.listen_dsn(db))
    try:
        with live.feed.watch(case.id, 0) as watch:
            dropped = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE application_name = $1 AND datname = current_database()",
                live.APPLICATION_NAME,
            )
            # Reconnecting wakes everyone (what was sent meanwhile is lost): wait it out.
            await asyncio.wait_for(_reconnected(listener), WAIT)
            watch.woken.clear()
            async with in_transaction():
                await _append(case)
            woken = await _woken(watch)
    finally:
        await admin.close()

    assert dropped == 1
    assert listener.connections_made == 2
    assert woken is True


async def _reconnected(listener: live.Listener) -> None:
    while listener.connections_made < 2 or not listener.connected.is_set():  # noqa: ASYNC110
        await asyncio.sleep(0.02)


def test_the_listen_dsn_drops_the_pool_options() -> None:
    url = "postgres://user:secret@db.example:5432/parley?minsize=2&maxsize=20"

    assert live.listen_dsn(url) == "postgresql://user:secret@db.example:5432/parley"
