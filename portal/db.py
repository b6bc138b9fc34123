"""Tortoise configuration for SQLite (embedded default) and PostgreSQL, and the migration runner."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tortoise import Tortoise, connections
from tortoise.migrations.api import migrate as tortoise_migrate

from portal.settings import Settings, load_settings

log = logging.getLogger("portal.db")

# Every module that holds models; one Tortoise app, one migrations package.
MODEL_MODULES = ["portal.accounts.models"]


class MigrationIntegrityError(RuntimeError):
    """SQLite reported broken foreign keys or a damaged file after migrating."""


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite:")


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))


def tortoise_config(url: str, *, for_migrations: bool = False) -> dict[str, Any]:
    """The config dict for ``url``.

    Migrations on SQLite run with foreign keys off: Tortoise rebuilds a table to alter it, and
    with foreign keys on the ``DROP TABLE`` cascades into child rows (STACK-NOTES, data loss).
    """
    if is_sqlite(url):
        url = _with_query(url, foreign_keys="OFF" if for_migrations else "ON")
        path = urlsplit(url).path
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    return {
        "connections": {"default": url},
        "apps": {
            "portal": {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # `TORTOISE_ORM` is read by `tortoise makemigrations` through [tool.tortoise] in
    # pyproject.toml; computed on access so that importing this module reads no settings.
    if name == "TORTOISE_ORM":
        return tortoise_config(load_settings().db_url)
    raise AttributeError(name)


ProgressFn = Callable[[str, str, str], object]


async def migrate(url: str, progress: ProgressFn | None = None) -> None:
    """Apply every migration to ``url``; on SQLite, verify integrity afterwards."""
    try:
        await tortoise_migrate(config=tortoise_config(url, for_migrations=True), progress=progress)
        if is_sqlite(url):
            await _check_sqlite_integrity()
    finally:
        await Tortoise.close_connections()


async def _check_sqlite_integrity() -> None:
    conn = connections.get("default")
    broken = await conn.execute_query_dict("PRAGMA foreign_key_check")
    if broken:
        raise MigrationIntegrityError(f"foreign keys broken after migrating: {broken[:5]}")
    rows = await conn.execute_query_dict("PRAGMA integrity_check")
    if [r.get("integrity_check") for r in rows] != ["ok"]:
        raise MigrationIntegrityError(f"integrity check failed: {rows[:5]}")
    # A table rebuild drops its non-unique indexes: re-create any index the models declare.
    from tortoise.utils import get_schema_sql

    schema = get_schema_sql(conn, safe=True)
    for statement in schema.split(";"):
        statement = statement.strip()
        if statement.upper().startswith("CREATE INDEX"):
            await conn.execute_script(statement)


@asynccontextmanager
async def database(settings: Settings | None = None) -> AsyncIterator[None]:
    """The ORM for a command-line task (not the web app, which uses RegisterTortoise)."""
    url = (settings or load_settings()).db_url
    await Tortoise.init(config=tortoise_config(url))
    try:
        yield
    finally:
        await Tortoise.close_connections()
