"""Hand-written report statements that run the same on SQLite and PostgreSQL.

Reports aggregate in the database (one statement per section, whatever the number of cases),
and the two databases must give the same figures. So: named parameters rendered per dialect,
durations as whole seconds computed exactly on both (no floating-point Julian days), and
percentiles by one portable definition (nearest rank, with window functions both have).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient

_PARAM = re.compile(r"(?<![:\w]):([a-z_]+)\b")


def _connection() -> BaseDBAsyncClient:
    conn: BaseDBAsyncClient = connections.get("default")
    return conn


def is_postgres(conn: BaseDBAsyncClient) -> bool:
    return str(conn.capabilities.dialect) == "postgres"


def seconds_between(start: str, end: str, *, postgres: bool) -> str:
    """Whole seconds from ``start`` to ``end`` (fractions dropped on both sides, exactly)."""
    if postgres:
        return (
            f"CAST(EXTRACT(EPOCH FROM date_trunc('second', {end})) "
            f"- EXTRACT(EPOCH FROM date_trunc('second', {start})) AS BIGINT)"
        )
    return f"(CAST(strftime('%s', {end}) AS INTEGER) - CAST(strftime('%s', {start}) AS INTEGER))"


def percentiles(source: str) -> str:
    """Count, sum, median and 90th percentile of `s` per `metric` of the rows of ``source``.

    Nearest rank: the p-th percentile of n sorted values is the value at rank ceil(p * n), the
    smallest value with at least p of the values at or below it; for the median of four
    values, the second. Integer comparisons (2 * rank >= n, 10 * rank >= 9 * n) keep it exact.
    """
    return f"""
        WITH d AS ({source}),
        r AS (
            SELECT metric, s,
                ROW_NUMBER() OVER (PARTITION BY metric ORDER BY s) AS rn,
                COUNT(*) OVER (PARTITION BY metric) AS n
            FROM d
        )
        SELECT metric, COUNT(*) AS n, SUM(s) AS total,
            MIN(CASE WHEN 2 * rn >= n THEN s END) AS median,
            MIN(CASE WHEN 10 * rn >= 9 * n THEN s END) AS p90
        FROM r GROUP BY metric
    """


def _value(value: Any, postgres: bool) -> Any:
    if postgres:
        return value
    if isinstance(value, datetime):
        # As Tortoise stores instants on SQLite: text in UTC, which then sorts by time.
        return str(value.astimezone(UTC))
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def render(sql: str, params: Mapping[str, Any], *, postgres: bool) -> tuple[str, list[Any]]:
    """`:name` parameters as `$n` (PostgreSQL) or `?` (SQLite), with their values in order."""
    values: list[Any] = []
    numbers: dict[str, int] = {}

    def place(match: re.Match[str]) -> str:
        name = match.group(1)
        if postgres:
            if name not in numbers:
                values.append(_value(params[name], postgres))
                numbers[name] = len(values)
            return f"${numbers[name]}"
        values.append(_value(params[name], postgres))
        return "?"

    return _PARAM.sub(place, sql), values


async def rows(sql: str, **params: Any) -> list[dict[str, Any]]:
    conn = _connection()
    postgres = is_postgres(conn)
    text, values = render(sql, params, postgres=postgres)
    return list(await conn.execute_query_dict(text, values))


def dialect_is_postgres() -> bool:
    return is_postgres(_connection())
