"""Statements sent per request, counted cheaply (issue 17, 6): each of Parley's database clients
adds one to the current request's count for every statement it sends (`execute_query`,
`execute_query_dict`, `execute_insert`, `execute_many`, `execute_script`; a statement tried
again on another connection counts again; `BEGIN`, `COMMIT` and savepoints do not count).

The count lives in a context variable that `portal.metrics` sets for each HTTP request: tasks
the request starts share it, and work outside requests (the outbox worker, the clock job)
counts nowhere.
"""

from __future__ import annotations

import contextvars
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient


class StatementCount:
    __slots__ = ("sent",)

    def __init__(self) -> None:
        self.sent = 0


current: contextvars.ContextVar[StatementCount | None] = contextvars.ContextVar(
    "statements", default=None
)


def _count() -> None:
    count = current.get()
    if count is not None:
        count.sent += 1


class CountedStatements(BaseDBAsyncClient):
    """Put first among a client's bases: counts, then sends as the next class does."""

    async def execute_query(self, query: str, values: list[Any] | None = None) -> Any:
        _count()
        return await super().execute_query(query, values)

    async def execute_query_dict(
        self, query: str, values: list[Any] | None = None
    ) -> list[dict[str, Any]]:
        _count()
        return await super().execute_query_dict(query, values)

    async def execute_insert(self, query: str, values: list[Any]) -> Any:
        _count()
        return await super().execute_insert(query, values)

    async def execute_many(self, query: str, values: list[list[Any]]) -> None:
        _count()
        await super().execute_many(query, values)

    async def execute_script(self, query: str) -> None:
        _count()
        await super().execute_script(query)
