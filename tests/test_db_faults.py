"""Which failures count as the database being away (issue 13 D3), on real drivers: a refused
connection and a lock held past the busy timeout do; a bug, or a refusal from something other
than the database, does not."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import asyncpg
import pytest

from portal.dbclients.asyncpg_client import is_read
from portal.dbclients.faults import is_connection_lost
from tests.live_support import free_port


async def test_a_refused_postgresql_connection_is_the_database_being_away() -> None:
    with pytest.raises(ConnectionRefusedError) as refused:
        await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{free_port()}/x", timeout=5)

    assert is_connection_lost(refused.value)


def test_sqlite_locked_past_the_busy_timeout_is_the_database_being_away(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    waiter = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError) as locked:
            waiter.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError) as missing:
            waiter.execute("SELECT * FROM nowhere")
    finally:
        holder.close()
        waiter.close()

    assert str(locked.value) == "database is locked"
    assert is_connection_lost(locked.value)
    assert not is_connection_lost(missing.value)


def test_a_refusal_from_elsewhere_or_a_bug_is_not() -> None:
    def webhook_receiver_refuses() -> None:
        raise ConnectionRefusedError(111, "Connection refused")

    with pytest.raises(ConnectionRefusedError) as elsewhere:
        webhook_receiver_refuses()
    try:
        raise KeyError("a bug")
    except KeyError as bug:
        caught = bug

    assert not is_connection_lost(elsewhere.value)
    assert not is_connection_lost(caught)


def test_only_statements_that_only_read_are_sent_again_after_a_lost_connection() -> None:
    reads = [
        'SELECT "id","updated_at" FROM "dispute_case" WHERE "deleted_at" IS NULL',
        "  with recent as (select 1) select * from recent",
        "SHOW server_version",
    ]
    writes = [
        'UPDATE "outbox_message" SET "status"=$1',
        'INSERT INTO "timeline_event" VALUES ($1)',
        "WITH gone AS (DELETE FROM attempt_counter RETURNING 1) SELECT count(*) FROM gone",
        'SELECT "id" FROM "dispute_case" WHERE "id"=$1 FOR UPDATE',
        "SELECT nextval('reference_seq')",
    ]

    assert [is_read(q) for q in reads] == [True] * len(reads)
    assert [is_read(q) for q in writes] == [False] * len(writes)
