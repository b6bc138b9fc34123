"""Fixtures: a real database per run (SQLite, or PostgreSQL when PORTAL_TEST_DATABASE_URL names
one), migrated with the real migrations, emptied after every test; the app over httpx."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import argon2
import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise import Tortoise, connections

from portal.app import create_app
from portal.auth import passwords
from portal.db import is_sqlite, migrate, tortoise_config
from portal.settings import Settings, load_settings
from tests.factories import Factory

TEST_DATABASE_URL = os.environ.get("PORTAL_TEST_DATABASE_URL", "sqlite")

# Still argon2id, with the smallest parameters (argon2-cffi's CHEAPEST profile): the suite hashes
# hundreds of passwords, at ~80 ms and 64 MiB each by default. Servers the tests start in other
# processes (test_cli) keep the default profile.
passwords.use_parameters(argon2.profiles.CHEAPEST)


def pytest_report_header() -> str:
    return f"database: {'SQLite' if TEST_DATABASE_URL == 'sqlite' else 'PostgreSQL'}"


async def create_postgres_database(base_url: str) -> str:
    """A fresh database on the server named by ``base_url``; returns its URL."""
    name = f"parley_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_dsn(base_url, "postgres"))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return base_url.rstrip("/").rsplit("/", 1)[0] + f"/{name}"


async def drop_postgres_database(url: str) -> None:
    name = url.rsplit("/", 1)[1].split("?")[0]
    admin = await asyncpg.connect(_asyncpg_dsn(url, "postgres"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def _asyncpg_dsn(url: str, database: str) -> str:
    base = url.split("?")[0].rsplit("/", 1)[0]
    return base.replace("postgres://", "postgresql://", 1) + f"/{database}"


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("portal-data")


@pytest.fixture(scope="session")
async def database_url(data_dir: Path) -> AsyncIterator[str]:
    if TEST_DATABASE_URL == "sqlite":
        yield f"sqlite://{data_dir / 'test.sqlite3'}"
        return
    url = await create_postgres_database(TEST_DATABASE_URL)
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture(scope="session")
async def db(database_url: str) -> AsyncIterator[str]:
    """The migrated database, with the ORM initialised on the tests' own event loop."""
    await migrate(database_url)
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)
    try:
        yield database_url
    finally:
        await Tortoise.close_connections()


async def empty_all_tables(url: str) -> None:
    conn = connections.get("default")
    tables = [m._meta.db_table for app in Tortoise.apps.values() for m in app.values()]
    if is_sqlite(url):
        deletes = "".join(f'DELETE FROM "{table}";' for table in tables)
        await conn.execute_script(f"PRAGMA foreign_keys=OFF;{deletes}PRAGMA foreign_keys=ON;")
    else:
        # DELETE with the foreign-key triggers off: TRUNCATE of ~40 tables takes an exclusive
        # lock and rewrites each file, about 0.4 s per test; deleting a test's few rows is
        # milliseconds. Serial ids keep counting, which no test relies on.
        deletes = "".join(f'DELETE FROM "{table}";' for table in tables)
        await conn.execute_script(
            f"SET session_replication_role = replica;{deletes}"
            "SET session_replication_role = DEFAULT;"
        )


@pytest.fixture(autouse=True)
async def _clean_database(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "db" in request.fixturenames:
        await empty_all_tables(request.getfixturevalue("db"))


@pytest.fixture(scope="session")
def settings(data_dir: Path, database_url: str) -> Settings:
    # Mail goes to port 9 (discard), where nothing listens: a test that delivers case events
    # without its own SMTP server must not reach a `portal mailsink` running on this machine.
    return load_settings(
        {},
        data_dir=str(data_dir),
        database_url=database_url,
        log_json=False,
        smtp_port=9,
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> Starlette:
    return create_app(settings, manage_orm=False)


@pytest.fixture
async def client(app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    # The app lives for the session; each test starts with full rate-limit buckets.
    app.state.rate_limits.clear()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def factory(db: str, settings: Settings) -> Factory:
    return Factory(settings)


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real S3-compatible server (moto's), one for the whole session (tests/s3_support.py)."""
    from tests.s3_support import moto_server

    with moto_server(tmp_path_factory.mktemp("s3") / "moto.log") as url:
        yield url
