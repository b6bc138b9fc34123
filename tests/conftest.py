"""Fixtures: a real database per run (SQLite, or PostgreSQL when PORTAL_TEST_DATABASE_URL names
one), migrated with the real migrations, emptied after every test; the app over httpx.

Migrating from empty costs about 16 s of CPU (Tortoise rebuilds its model state for every
operation of the 36 migrations), and `portal demo` seeds for about 5 s more. So each run migrates
once, into a template (`migrated_template`), and seeds the demo once, with `portal demo` on a
copy of it (`demo_template`); the suite's database and every test that needs a database of its
own start from a copy (`cloned`): a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on
PostgreSQL. What migrating from empty does is tested on the template itself
(tests/test_migrations.py) and by `portal demo` on an empty database (tests/test_cli.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import argon2
import asyncpg
import httpx
import pytest
from starlette.applications import Starlette
from tortoise import Tortoise, connections

from portal.accesslog.services import forget_recorded_views
from portal.app import create_app
from portal.auth import passwords
from portal.db import is_sqlite, migrate, sqlite_path, tortoise_config
from portal.settings import Settings, load_settings
from tests.factories import Factory
from tests.process_support import portal

TEST_DATABASE_URL = os.environ.get("PORTAL_TEST_DATABASE_URL", "sqlite")

# Still argon2id, with the smallest parameters (argon2-cffi's CHEAPEST profile): the suite hashes
# hundreds of passwords, at ~50 ms and 19 MiB each by default. Servers the tests start in other
# processes (test_cli) keep the default profile.
passwords.use_parameters(argon2.profiles.CHEAPEST)


# `./run test` runs the SQLite pass as two processes side by side (the end-to-end tests wait on
# the browser more than on the CPU): PARLEY_TEST_PART=e2e keeps only tests/e2e/, =rest the
# others; unset, a run holds every test it was given.
TEST_PART = os.environ.get("PARLEY_TEST_PART", "")
E2E_DIR = Path(__file__).resolve().parent / "e2e"


def pytest_report_header() -> str:
    part = f", part: {TEST_PART}" if TEST_PART else ""
    return f"database: {'SQLite' if TEST_DATABASE_URL == 'sqlite' else 'PostgreSQL'}{part}"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A part does not even import the other part's modules (collecting every module costs
    the end-to-end part more CPU than its own)."""
    if not TEST_PART:
        return None
    path = collection_path.resolve()
    in_e2e = path == E2E_DIR or E2E_DIR in path.parents
    if TEST_PART == "e2e" and not in_e2e and path not in E2E_DIR.parents:
        return True
    if TEST_PART == "rest" and in_e2e:
        return True
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not TEST_PART:
        return
    if TEST_PART not in ("e2e", "rest"):
        raise pytest.UsageError(f"PARLEY_TEST_PART is 'e2e' or 'rest', not {TEST_PART!r}")
    keep, drop = [], []
    for item in items:
        in_e2e = E2E_DIR in Path(item.path).resolve().parents
        (keep if in_e2e == (TEST_PART == "e2e") else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # A part that holds none of the tests asked for (`./run test tests/test_x.py` has no
    # end-to-end test) passes: the other part ran them.
    if TEST_PART and exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.OK


async def _create_database(admin: asyncpg.Connection, name: str, template: str | None) -> None:
    """CREATE DATABASE ``name`` (a copy of the database ``template`` names, if given) whose
    sessions commit without waiting for the write-ahead log to reach the disk.

    With synchronous_commit on (the server's default) every commit waits for a WAL flush, 4-5 ms
    on this machine's disk against 0.1-0.2 ms without, and the suite commits after nearly every
    statement. Off only gives up the last commits to a server crash, which no test looks at:
    what a commit makes visible, and when, is the same. A database-level default, so the
    processes the tests start on the database have it too; the server's own setting is left
    alone. CREATE DATABASE does not copy it from a template: set on every database made."""
    copy = f' TEMPLATE "{template}"' if template else ""
    await admin.execute(f'CREATE DATABASE "{name}"{copy}')
    await admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')


async def create_postgres_database(base_url: str, *, template: str | None = None) -> str:
    """A fresh database on the server named by ``base_url``; returns its URL. With
    ``template`` (a database's URL), a copy of that database, which nobody may be connected to."""
    name = f"parley_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_asyncpg_dsn(base_url, "postgres"))
    try:
        await _create_database(admin, name, _database_name(template) if template else None)
    finally:
        await admin.close()
    return base_url.rstrip("/").rsplit("/", 1)[0] + f"/{name}"


def _database_name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?")[0]


async def drop_postgres_database(url: str) -> None:
    name = _database_name(url)
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


# --- templates: migrated once, seeded once, copied for every test that needs its own -----------


@dataclass(frozen=True)
class Template:
    """A database made once per run, never used itself, only copied (``cloned``)."""

    data_dir: Path  # the data folder it was made with (on SQLite, holding parley.sqlite3)
    url: str
    output: Any  # what making it reported: migration events, or `portal demo`'s output


def _sqlite_copy(source_url: str, target: Path) -> None:
    """A consistent copy of an SQLite database, write-ahead log included (the backup API)."""
    source = sqlite3.connect(sqlite_path(source_url))
    try:
        with contextlib.closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
    finally:
        source.close()


def _copy_data_dir(template: Template, data_dir: Path) -> None:
    """The template's data folder without its database (nothing today: the demo writes no
    documents and `serve` makes the signing key), so a folder-dependent seed stays whole."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(
        template.data_dir,
        data_dir,
        ignore=shutil.ignore_patterns("parley.sqlite3*"),
        dirs_exist_ok=True,
    )


@contextlib.asynccontextmanager
async def cloned(template: Template, data_dir: Path) -> AsyncIterator[str]:
    """A copy of ``template`` for ``data_dir``; yields its URL: on SQLite the data folder's
    default database (`{data_dir}/parley.sqlite3`), on PostgreSQL a database of its own,
    dropped afterwards."""
    _copy_data_dir(template, data_dir)
    if is_sqlite(template.url):
        target = data_dir / "parley.sqlite3"
        _sqlite_copy(template.url, target)
        yield f"sqlite://{target}"
        return
    url = await create_postgres_database(TEST_DATABASE_URL, template=template.url)
    try:
        yield url
    finally:
        await drop_postgres_database(url)


async def copy_database(source_url: str, target_url: str) -> None:
    """``target_url``'s database replaced by a copy of ``source_url``'s (same backend; nobody
    connected to either): a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL."""
    if is_sqlite(source_url):
        target = Path(sqlite_path(target_url))
        _sqlite_copy(source_url, target)
        return
    name = _database_name(target_url)
    admin = await asyncpg.connect(_asyncpg_dsn(target_url, "postgres"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await _create_database(admin, name, _database_name(source_url))
    finally:
        await admin.close()


def cli_environment(data_dir: Path, database_url: str | None = None) -> dict[str, str]:
    """The environment of a `portal` process with its own data folder (and, on PostgreSQL,
    database); on SQLite the folder's default database."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env |= {"PORTAL_DATA_DIR": str(data_dir), "PORTAL_LOG_JSON": "true"}
    if database_url is not None and not is_sqlite(database_url):
        env["PORTAL_DATABASE_URL"] = database_url
    return env


@pytest.fixture(scope="session")
async def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Template]:
    """Every migration applied, from empty, by `portal.db.migrate`; ``output`` holds its
    progress events (tests/test_migrations.py checks them and the tables)."""
    data_dir = tmp_path_factory.mktemp("template-migrated")
    if TEST_DATABASE_URL == "sqlite":
        url = f"sqlite://{data_dir / 'parley.sqlite3'}"
    else:
        url = await create_postgres_database(TEST_DATABASE_URL)
    events: list[tuple[str, str, str]] = []
    try:
        await migrate(url, progress=lambda *event: events.append(event))
        yield Template(data_dir, url, events)
    finally:
        if not is_sqlite(url):
            await drop_postgres_database(url)


@pytest.fixture(scope="session")
async def demo_template(
    tmp_path_factory: pytest.TempPathFactory, migrated_template: Template
) -> AsyncIterator[Template]:
    """The demo as `portal demo` seeds it (in a process of its own, as `./run demo` does), on a
    copy of the migrated template; ``output`` is the command's."""
    data_dir = tmp_path_factory.mktemp("template-demo")
    async with cloned(migrated_template, data_dir) as url:
        # Port 9 (discard): no mail reaches a `portal mailsink` running on this machine.
        env = cli_environment(data_dir, url) | {"PORTAL_SMTP_PORT": "9"}
        seeded = await asyncio.to_thread(portal, env, "demo")
        assert seeded.returncode == 0, seeded.stderr
        yield Template(data_dir, url, seeded.stdout)


@pytest.fixture
def cli_template(request: pytest.FixtureRequest) -> Template | None:
    """What `cli_env` starts from: the migrated template; the demo as `portal demo` seeds it
    where the test uses the `server`; nothing (an empty database) where the test is marked
    `@pytest.mark.cli_database("empty")`. A plain fixture, so that only the template a test
    needs is made (a coroutine fixture cannot ask for one by name)."""
    marker = request.node.get_closest_marker("cli_database")
    wanted = marker.args[0] if marker else "demo" if "server" in request.fixturenames else ""
    if wanted == "empty":
        return None
    template = request.getfixturevalue("demo_template" if wanted == "demo" else "migrated_template")
    assert isinstance(template, Template)
    return template


@pytest.fixture
async def cli_env(tmp_path: Path, cli_template: Template | None) -> AsyncIterator[dict[str, str]]:
    """A data folder (and on PostgreSQL a database) of the test's own, from `cli_template`."""
    if cli_template is not None:
        async with cloned(cli_template, tmp_path) as url:
            yield cli_environment(tmp_path, url)
        return
    if TEST_DATABASE_URL == "sqlite":
        yield cli_environment(tmp_path)
        return
    url = await create_postgres_database(TEST_DATABASE_URL)
    try:
        yield cli_environment(tmp_path, url)
    finally:
        await drop_postgres_database(url)


# --- the suite's database --------------------------------------------------------------------


@pytest.fixture(scope="session")
async def db(database_url: str, migrated_template: Template) -> AsyncIterator[str]:
    """The migrated database (a copy of the template), with the ORM initialised on the tests'
    own event loop."""
    if is_sqlite(database_url):
        _sqlite_copy(migrated_template.url, Path(sqlite_path(database_url)))
    else:
        name = _database_name(database_url)
        admin = await asyncpg.connect(_asyncpg_dsn(database_url, "postgres"))
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await _create_database(admin, name, _database_name(migrated_template.url))
        finally:
            await admin.close()
    # Nothing left to apply; still the runner's checks (SQLite integrity, indexes).
    await migrate(database_url)
    config = tortoise_config(database_url)
    if is_sqlite(database_url):
        # The tests' own connection commits without waiting for the disk: with the WAL journal
        # and synchronous=FULL (the default) every commit syncs the log, 1-3 ms a commit here,
        # and the suite commits after nearly every statement. synchronous=NORMAL only gives up
        # durability against a power cut, which no test looks at; what other connections see
        # is the same. Processes the tests start keep the portal's own setting.
        config["connections"]["default"]["credentials"]["synchronous"] = "NORMAL"
    await Tortoise.init(config=config, _enable_global_fallback=True)
    try:
        yield database_url
    finally:
        await Tortoise.close_connections()


async def empty_all_tables(url: str) -> None:
    try:
        await _delete_all_rows(url)
    finally:
        # The access log is emptied under the running app: the page views it remembers go
        # too (after the DELETEs: a read still finishing meanwhile remembers nothing stale).
        forget_recorded_views()


async def _delete_all_rows(url: str) -> None:
    conn = connections.get("default")
    tables = [m._meta.db_table for app in Tortoise.apps.values() for m in app.values()]
    if is_sqlite(url):
        # One transaction: each DELETE on its own is a commit of its own, 72 after every test
        # (0.05-0.35 s a test with the portal's synchronous=FULL, which syncs the log at each
        # commit; ~5 ms in one). PRAGMA foreign_keys is ignored inside a transaction: set outside.
        deletes = "".join(f'DELETE FROM "{table}";' for table in tables)
        try:
            await conn.execute_script(
                f"PRAGMA foreign_keys=OFF;BEGIN IMMEDIATE;{deletes}COMMIT;PRAGMA foreign_keys=ON;"
            )
        except BaseException:
            # A failed DELETE leaves the transaction open (and the foreign keys off); a failed
            # BEGIN leaves none, and its error is the one to see.
            with contextlib.suppress(Exception):
                await conn.execute_script("ROLLBACK;")
            await conn.execute_script("PRAGMA foreign_keys=ON;")
            raise
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
