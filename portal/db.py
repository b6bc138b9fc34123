"""Tortoise configuration for SQLite (embedded default) and PostgreSQL, and the migration runner."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tortoise import Tortoise, connections
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.config_generator import expand_db_url
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate as tortoise_migrate
from tortoise.migrations.constraints import UniqueConstraint
from tortoise.migrations.schema_editor import SqliteSchemaEditor
from tortoise.utils import get_schema_sql

from portal.settings import Settings, load_settings

log = logging.getLogger("portal.db")

# Every module that holds models; one Tortoise app, one migrations package.
MODEL_MODULES = [
    "portal.accounts.models",
    "portal.complaints.models",
    "portal.cases.models",
    "portal.timeline.models",
    "portal.directory.models",
    "portal.casefiles.models",
    "portal.feedback.models",
    "portal.api.idempotency",
    "portal.notifications.models",
    "portal.admin.models",
    "portal.commitments.models",
    "portal.auditing.models",
    "portal.accesslog.models",
    "portal.privacy.models",
    "portal.sessions.models",
    "portal.groups.models",
    "portal.fees.models",
    "portal.automated.models",
]
MIGRATIONS_MODULE = "migrations"
# Tortoise's clients with Parley's changes (issue 13 D1, D3): SQLite transactions take the write
# lock up front; PostgreSQL discards dead pooled connections and retries what is safe to retry.
# Tortoise's migrator picks its schema editor by the client's module name: keep "sqlite" and
# "asyncpg" in these names.
ENGINES = {
    "tortoise.backends.sqlite": "portal.dbclients.sqlite_client",
    "tortoise.backends.asyncpg": "portal.dbclients.asyncpg_client",
}


class MigrationIntegrityError(RuntimeError):
    """SQLite reported broken foreign keys or a damaged file after migrating."""


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite:")


def _with_query(url: str, **params: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened; the message says which and why."""


def _check_sqlite_file(path: Path) -> None:
    """Create the folder and open the file once, so a bad path fails here, clearly.

    Tortoise 1.1.9's SQLite client keeps its lock when opening the connection fails, so the
    next statement (the migrator retries) waits forever instead of raising.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseUnavailable(f"cannot open the SQLite database {path}: {exc}") from exc


def shift_parameters(sql: str, by: int) -> str:
    """A rendered PostgreSQL statement's parameters renumbered after ``by`` others, to embed
    it in another (every value in it is a parameter: no literal holds a `$`)."""
    return re.sub(r"\$(\d+)", lambda m: f"${int(m.group(1)) + by}", sql)


def sqlite_path(url: str) -> str:
    """The file of an SQLite URL; Tortoise reads `sqlite://var/x.db` as the relative path
    `var/x.db` and `sqlite:///abs/x.db` as an absolute one."""
    parts = urlsplit(url)
    return parts.netloc + parts.path


def tortoise_config(
    url: str,
    *,
    for_migrations: bool = False,
    models: Sequence[str] = MODEL_MODULES,
    migrations: str = MIGRATIONS_MODULE,
) -> dict[str, Any]:
    """The config dict for ``url``: Parley's models and migrations unless told otherwise.

    Migrations on SQLite run with foreign keys off: Tortoise rebuilds a table to alter it, and
    with foreign keys on the ``DROP TABLE`` cascades into child rows (STACK-NOTES, data loss).
    """
    if is_sqlite(url):
        url = _with_query(url, foreign_keys="OFF" if for_migrations else "ON")
        path = sqlite_path(url)
        if path and path != ":memory:":
            _check_sqlite_file(Path(path))
    connection = expand_db_url(url)
    connection["engine"] = ENGINES.get(connection["engine"], connection["engine"])
    return {
        "connections": {"default": connection},
        "apps": {
            "portal": {
                "models": list(models),
                "default_connection": "default",
                "migrations": migrations,
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def __getattr__(name: str) -> Any:
    # `TORTOISE_ORM` is read by the `tortoise` command (makemigrations, and also migrate,
    # downgrade, ...) through [tool.tortoise] in pyproject.toml; computed on access so that
    # importing this module reads no settings. Foreign keys off, as for `portal migrate`, so
    # that `tortoise migrate` on SQLite cannot cascade a table rebuild into child rows; only
    # `portal migrate` also checks the result and restores the indexes a rebuild drops.
    if name == "TORTOISE_ORM":
        return tortoise_config(load_settings().db_url, for_migrations=True)
    raise AttributeError(name)


ProgressFn = Callable[[str, str, str], object]


async def migrate(
    url: str,
    progress: ProgressFn | None = None,
    *,
    models: Sequence[str] = MODEL_MODULES,
    migrations: str = MIGRATIONS_MODULE,
) -> None:
    """Apply every migration to ``url``; on SQLite, check and repair what table rebuilds lose.

    ``models`` and ``migrations`` default to Parley's own; the tests pass a test-only app.
    The migration runs in a Tortoise context of its own, so it never re-initialises or closes
    an ORM that the caller already has open.
    """
    config = tortoise_config(url, for_migrations=True, models=models, migrations=migrations)
    async with TortoiseContext():
        await tortoise_migrate(config=config, progress=progress)
        if is_sqlite(url):
            await _check_sqlite_integrity(connections.get("default"))


async def _check_sqlite_integrity(conn: BaseDBAsyncClient) -> None:
    broken = await conn.execute_query_dict("PRAGMA foreign_key_check")
    if broken:
        raise MigrationIntegrityError(f"foreign keys broken after migrating: {broken[:5]}")
    rows = await conn.execute_query_dict("PRAGMA integrity_check")
    if [r.get("integrity_check") for r in rows] != ["ok"]:
        raise MigrationIntegrityError(f"integrity check failed: {rows[:5]}")
    await _restore_sqlite_indexes(conn)


async def _restore_sqlite_indexes(conn: BaseDBAsyncClient) -> None:
    """Re-create the indexes and composite unique constraints that a table rebuild dropped.

    Tortoise alters a SQLite table by creating ``new__<table>`` with columns, foreign keys and
    CHECK constraints only, copying the rows and renaming it: every ``CREATE INDEX`` of the
    table and its ``unique_together``/``Meta.constraints`` are gone. The models are the target
    (a test keeps them equal to the migrations), so whatever they declare is put back.
    Idempotent: on an intact database this changes nothing.
    """
    before = await _sqlite_index_names(conn)
    # Plain indexes (db_index fields, Meta.indexes, M2M through tables), exactly as a fresh
    # schema declares them: one statement per line, with IF NOT EXISTS.
    for line in get_schema_sql(conn, safe=True).splitlines():
        statement = line.strip()
        if statement.startswith(("CREATE INDEX ", "CREATE UNIQUE INDEX ")):
            try:
                await conn.execute_script(statement)
            except Exception as exc:
                raise MigrationIntegrityError(
                    f"cannot restore an index ({statement}): {exc}. If the models changed, "
                    "run `tortoise makemigrations` first."
                ) from exc
    # Composite unique constraints are part of CREATE TABLE, so the statements above do not
    # hold them: add a unique index unless one already covers the same columns.
    editor = SqliteSchemaEditor(conn, atomic=False)
    apps = Tortoise.apps
    for model in apps.get_models_iterable() if apps is not None else ():
        if model._meta.db is not conn:
            continue
        wanted = [UniqueConstraint(fields=tuple(f)) for f in model._meta.unique_together or ()]
        wanted += [
            c
            for c in model._meta.constraints
            if isinstance(c, UniqueConstraint) and not c.condition  # partial: PostgreSQL only
        ]
        covered = await _sqlite_unique_column_sets(conn, model._meta.db_table)
        for constraint in wanted:
            columns = frozenset(
                model._meta.fields_map[name].source_field or name for name in constraint.fields
            )
            if columns in covered:
                continue
            try:
                await editor.add_constraint(model, constraint)
            except Exception as exc:
                raise MigrationIntegrityError(
                    f"cannot restore the unique constraint {model._meta.db_table}"
                    f"{sorted(columns)}: {exc}. If the models changed, run "
                    "`tortoise makemigrations` first."
                ) from exc
            covered.add(columns)
    for name in sorted(await _sqlite_index_names(conn) - before):
        log.info("re-created index %s, dropped by a table rebuild", name)


async def _sqlite_index_names(conn: BaseDBAsyncClient) -> set[str]:
    rows = await conn.execute_query_dict("SELECT name FROM sqlite_master WHERE type = 'index'")
    return {str(row["name"]) for row in rows}


async def _sqlite_unique_column_sets(conn: BaseDBAsyncClient, table: str) -> set[frozenset[str]]:
    """The column sets of the table's full (not partial) unique indexes and constraints."""
    result: set[frozenset[str]] = set()
    for index in await conn.execute_query_dict(f'PRAGMA index_list("{table}")'):
        if not index["unique"] or index["partial"]:
            continue
        columns = await conn.execute_query_dict(f'PRAGMA index_info("{index["name"]}")')
        result.add(frozenset(str(c["name"]) for c in columns))
    return result


@asynccontextmanager
async def database(settings: Settings | None = None) -> AsyncIterator[None]:
    """The ORM for a command-line task (not the web app, which uses RegisterTortoise)."""
    url = (settings or load_settings()).db_url
    await Tortoise.init(config=tortoise_config(url))
    try:
        yield
    finally:
        await Tortoise.close_connections()
