"""SQLite with several processes on one file (issue 13 D1).

Tortoise 1.1.9 opens transactions with a deferred `BEGIN`: the first read takes a snapshot and
the first write must then upgrade it to the write lock. When another process (`portal worker`,
`portal clocks`) has written since, SQLite refuses the upgrade at once with `database is locked`
(SQLITE_BUSY_SNAPSHOT): the busy timeout cannot help, waiting would not make the snapshot
current. `BEGIN IMMEDIATE` takes the write lock when the transaction begins, waiting up to the
busy timeout for it, so a transaction that reads then writes never meets a lock it cannot wait
out. Readers outside transactions never wait (WAL journal: one writer beside many readers).

Within one process Tortoise already serialises every statement on its one connection, so taking
the lock up front costs nothing there; across processes writers take turns.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from tortoise.backends.base.client import TransactionalDBClient, TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.connection import get_connections
from tortoise.exceptions import OperationalError

from portal.dbclients.statements import CountedStatements

# Milliseconds a statement or a `BEGIN IMMEDIATE` waits for another process's write lock
# before `database is locked` (then answered as the retryable DATABASE_UNAVAILABLE). Set
# `?busy_timeout=` on the database URL to change it.
BUSY_TIMEOUT_MS = 10_000


class ImmediateTransaction(CountedStatements, SqliteTransactionWrapper):
    """A transaction that holds the write lock from its first statement."""

    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            # `database is locked` after the busy timeout: an operational fault, retryable.
            raise OperationalError(exc) from exc


class ImmediateTransactionContext(SqliteTransactionContext):
    async def __aenter__(self) -> TransactionalDBClient:
        # Tortoise's own keeps its process-wide lock when opening the connection or BEGIN
        # fails, and every later statement of the process then waits forever.
        await self._trxlock.acquire()
        try:
            await self.ensure_connection()
            await self.connection.begin()
        except BaseException:
            self._trxlock.release()
            raise
        self.token = get_connections().set(self.connection_name, self.connection)
        return self.connection  # type: ignore[no-any-return]


class PortalSqliteClient(CountedStatements, SqliteClient):
    def __init__(self, file_path: str, **kwargs: Any) -> None:
        # Pragmas from the URL's query win; these are the defaults (WAL is Tortoise's too).
        kwargs.setdefault("journal_mode", "WAL")
        kwargs.setdefault("busy_timeout", BUSY_TIMEOUT_MS)
        super().__init__(file_path, **kwargs)

    def _in_transaction(self) -> TransactionContext:
        return ImmediateTransactionContext(ImmediateTransaction(self), self._lock)


client_class = PortalSqliteClient
