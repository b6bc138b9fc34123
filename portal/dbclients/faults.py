"""Which database failures are a lost connection, worth a retry, rather than a bug (issue 13 D3).

A terminated backend (`pg_terminate_backend`, a failover, a restart), a refused connection or,
on SQLite, a write lock held past the busy timeout says nothing about the request: the same
request may succeed a moment later. Clients get DATABASE_UNAVAILABLE with HTTP 503 and
`Retry-After` for these; every other exception stays an internal error.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import asyncpg  # type: ignore[import-untyped]
from tortoise.exceptions import DBConnectionError

# Seconds a client waits before retrying (the `Retry-After` header).
RETRY_AFTER_SECONDS = 1

_LOST = (
    asyncpg.PostgresConnectionError,  # class 08, and "closed in the middle of operation"
    asyncpg.AdminShutdownError,  # 57P01: pg_terminate_backend, a fast shutdown
    asyncpg.CrashShutdownError,  # 57P02
    asyncpg.CannotConnectNowError,  # 57P03: the server is starting or in recovery
    asyncpg.TooManyConnectionsError,  # 53300
    DBConnectionError,
)
# Refused, reset, broken pipe, connecting took too long: only when raised by the database
# driver; a webhook receiver's refusal is no database outage.
_SOCKET = (ConnectionError, TimeoutError, OSError)
_DRIVERS = ("asyncpg", "tortoise", "aiosqlite")
# asyncpg's own words for a connection that a lost backend left behind: closed, or stuck
# waiting for the end of a message the server never finished ("cannot switch to state 11;
# another operation (2) is in progress": 2 is asyncpg's error-consume state).
_BROKEN = re.compile(
    r"connection is closed|connection was closed|underlying connection is closed|"
    r"another operation \(2\) is in progress"
)
# 55000: the database is closed to new connections (ALTER DATABASE ... ALLOW_CONNECTIONS false,
# as during a restore); the same message as a server that is starting up, in other words.
_CLOSED = re.compile(r"is not currently accepting connections")
_LOCKED = re.compile(r"^database (table )?is (locked|busy)")


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what caused it: `__cause__`, `__context__`, and the exception Tortoise
    wraps as its first argument."""
    seen: set[int] = set()
    todo = [exc]
    while todo and len(seen) < 16:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(
            e
            for e in (current.__cause__, current.__context__, *current.args[:1])
            if isinstance(e, BaseException)
        )


def _raised_by_driver(error: BaseException) -> bool:
    tb = error.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).startswith(_DRIVERS):
            return True
        tb = tb.tb_next
    return False


def is_connection_lost(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) is the database going away, not a bug."""
    for error in _chain(exc):
        if isinstance(error, _LOST):
            return True
        if isinstance(error, _SOCKET) and _raised_by_driver(error):
            return True
        broken = isinstance(error, asyncpg.InterfaceError | asyncpg.InternalClientError)
        if broken and _BROKEN.search(str(error)):
            return True
        refused = isinstance(error, asyncpg.ObjectNotInPrerequisiteStateError)
        if refused and _CLOSED.search(str(error)):
            return True
        if isinstance(error, sqlite3.OperationalError) and _LOCKED.match(str(error)):
            return True
    return False
