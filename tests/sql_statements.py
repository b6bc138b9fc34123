"""Counting the SQL statements a request sends, on either backend.

Tortoise's clients log each statement at DEBUG on `tortoise.db_client` just before executing
it (execute_query, execute_query_dict, execute_insert, execute_many and execute_script alike).
Since issue 13 F7 that logger never passes DEBUG records on (`portal.logs`: they carry the
statement's parameters, secrets among them), so counting lifts the guard for its own handler
only: nothing reaches another handler meanwhile (`propagate` off), and the guard is back after.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

from portal.logs import BelowInfoDropped

_STATEMENT = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", re.IGNORECASE)


class _Statements(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.sql: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if _STATEMENT.match(message):
            self.sql.append(message)


@contextmanager
def statements() -> Iterator[list[str]]:
    """The statements sent inside the block, in order."""
    logger = logging.getLogger("tortoise.db_client")
    handler = _Statements()
    level, propagate, filters = logger.level, logger.propagate, list(logger.filters)
    for guard in filters:
        if isinstance(guard, BelowInfoDropped):
            logger.removeFilter(guard)
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield handler.sql
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        for guard in filters:
            if guard not in logger.filters:
                logger.addFilter(guard)
