"""The migrations: from empty, in step with the models, and safe for data that is already there.

Each test gets a database of its own (a SQLite file, or a fresh PostgreSQL database when
PORTAL_TEST_DATABASE_URL names a server); the suite's shared ``db`` is left alone. The SQLite
table-rebuild trap (STACK-NOTES, "Tortoise 1.x") is tested on SQLite in every run.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate as tortoise_migrate
from tortoise.migrations.autodetector import MigrationAutodetector

from portal.db import MIGRATIONS_MODULE, MODEL_MODULES, is_sqlite, migrate, tortoise_config
from tests.conftest import (
    TEST_DATABASE_URL,
    Template,
    cloned,
    copy_database,
    create_postgres_database,
    drop_postgres_database,
)

FIXTURE_MODELS = ["tests.migration_fixture.models"]
FIXTURE_MIGRATIONS = "tests.migration_fixture.migrations"
RECORDER_TABLE = "tortoise_migrations"
ROWS_PER_TABLE = 3

APPS = pytest.mark.parametrize(
    ("models", "migrations"),
    [(MODEL_MODULES, MIGRATIONS_MODULE), (FIXTURE_MODELS, FIXTURE_MIGRATIONS)],
    ids=["portal", "fixture"],
)


@pytest.fixture
async def fresh_url(tmp_path: Path) -> AsyncIterator[str]:
    """An empty database on the backend under test."""
    if TEST_DATABASE_URL == "sqlite":
        yield f"sqlite://{tmp_path / 'fresh.sqlite3'}"
        return
    url = await create_postgres_database(TEST_DATABASE_URL)
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture
async def migrated_url(tmp_path: Path, migrated_template: Template) -> AsyncIterator[str]:
    """A copy of the run's template: every migration applied, from empty, by `migrate`."""
    async with cloned(migrated_template, tmp_path / "migrated") as url:
        yield url


class MigrationSteps:
    """Databases migrated from empty up to a migration of the portal's, each made once per run
    (from the nearest earlier one made) and copied for the data-step tests: each test still
    starts from what `migrate_to` leaves, without paying again for every migration before it
    (migrating is CPU-bound, about 16 s from empty to the newest)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[str, str] = {}  # migration name: the URL of a database migrated to it

    async def migrate_to(self, url: str, name: str) -> None:
        """``url``, an empty database, as `migrate_to(url, name)` of the portal leaves it."""
        if name not in self.made:
            order = migration_names(MIGRATIONS_MODULE)
            if TEST_DATABASE_URL == "sqlite":
                template = f"sqlite://{self.folder / f'{name}.sqlite3'}"
            else:
                template = await create_postgres_database(TEST_DATABASE_URL)
            earlier = [n for n in self.made if order.index(n) < order.index(name)]
            if earlier:
                await copy_database(self.made[max(earlier, key=order.index)], template)
            await migrate_to(template, name, MODEL_MODULES, MIGRATIONS_MODULE)
            self.made[name] = template
        await copy_database(self.made[name], url)

    async def drop(self) -> None:
        for url in self.made.values():
            if not is_sqlite(url):
                await drop_postgres_database(url)


@pytest.fixture(scope="session")
async def migration_steps(
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[MigrationSteps]:
    steps = MigrationSteps(tmp_path_factory.mktemp("migration-steps"))
    try:
        yield steps
    finally:
        await steps.drop()


# --- helpers ---------------------------------------------------------------------------------


def migration_names(package: str) -> list[str]:
    """The migrations of ``package`` in the order of their numbers."""
    path = importlib.import_module(package).__path__
    return sorted(m.name for m in pkgutil.iter_modules(path) if re.match(r"^\d{4}_", m.name))


async def migrate_to(url: str, name: str, models: Sequence[str], migrations: str) -> None:
    """Apply the migrations up to and including ``name`` (set-up only: no integrity repair)."""
    config = tortoise_config(url, for_migrations=True, models=models, migrations=migrations)
    async with TortoiseContext():
        await tortoise_migrate(config=config, target=f"portal.{name}")


@asynccontextmanager
async def connect(
    url: str, models: Sequence[str] = MODEL_MODULES, migrations: str = MIGRATIONS_MODULE
) -> AsyncIterator[tuple[BaseDBAsyncClient, set[str]]]:
    """A connection to ``url`` in a context of its own, and the tables the models declare."""
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(url, models=models, migrations=migrations))
        assert ctx.apps is not None
        declared = {m._meta.db_table for m in ctx.apps.get_models_iterable()}
        yield ctx.db("default"), declared


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def user_tables(conn: BaseDBAsyncClient, sqlite: bool) -> list[str]:
    """Every table of the application, without the migration recorder's and SQLite's own."""
    if sqlite:
        rows = await conn.execute_query_dict(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    else:
        rows = await conn.execute_query_dict(
            "SELECT table_name AS name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    return sorted(str(r["name"]) for r in rows if r["name"] != RECORDER_TABLE)


async def row_counts(conn: BaseDBAsyncClient, sqlite: bool) -> dict[str, int]:
    counts = {}
    for table in await user_tables(conn, sqlite):
        rows = await conn.execute_query_dict(f"SELECT COUNT(*) AS n FROM {_quote(table)}")
        counts[table] = int(rows[0]["n"])
    return counts


async def schema_snapshot(conn: BaseDBAsyncClient, sqlite: bool) -> list[dict[str, Any]]:
    """Tables, columns, indexes and the applied migrations, comparable between two moments."""
    if sqlite:
        queries = ["SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"]
    else:
        queries = [
            "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable,"
            " column_default FROM information_schema.columns"
            " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
            "SELECT indexname, indexdef FROM pg_indexes"
            " WHERE schemaname = current_schema() ORDER BY indexname",
            "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint"
            " WHERE connamespace = current_schema()::regnamespace ORDER BY conname",
        ]
    queries.append(f"SELECT app, name, applied_at FROM {RECORDER_TABLE} ORDER BY id")
    snapshot: list[dict[str, Any]] = []
    for query in queries:
        snapshot.extend(await conn.execute_query_dict(query))
    return snapshot


# --- a generic row generator, working from the live schema at any migration -----------------


async def _columns(conn: BaseDBAsyncClient, sqlite: bool, table: str) -> list[dict[str, Any]]:
    """name, type, max_length, generated (filled by the database), and fk (table, column)."""
    if sqlite:
        info = await conn.execute_query_dict(f"PRAGMA table_info({_quote(table)})")
        fks = await conn.execute_query_dict(f"PRAGMA foreign_key_list({_quote(table)})")
        references = {str(fk["from"]): (str(fk["table"]), str(fk["to"])) for fk in fks}
        columns = []
        for c in info:
            declared = str(c["type"]).lower()
            length = re.search(r"\((\d+)\)", declared)
            columns.append(
                {
                    "name": str(c["name"]),
                    "type": declared,
                    "max_length": int(length.group(1)) if length else None,
                    # INTEGER PRIMARY KEY is the rowid: SQLite numbers it.
                    "generated": bool(c["pk"]) and declared == "integer",
                    "nullable": not c["notnull"] and not c["pk"],
                    "fk": references.get(str(c["name"])),
                }
            )
        return columns
    info = await conn.execute_query_dict(
        "SELECT column_name, data_type, character_maximum_length, is_nullable, column_default,"
        " is_identity, is_generated FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
        [table],
    )
    fks = await conn.execute_query_dict(
        "SELECT kcu.column_name AS source, ccu.table_name AS target_table,"
        " ccu.column_name AS target_column"
        " FROM information_schema.table_constraints tc"
        " JOIN information_schema.key_column_usage kcu"
        "   ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema"
        " JOIN information_schema.constraint_column_usage ccu"
        "   ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema"
        " WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()"
        "   AND tc.table_name = $1",
        [table],
    )
    references = {
        str(fk["source"]): (str(fk["target_table"]), str(fk["target_column"])) for fk in fks
    }
    return [
        {
            "name": str(c["column_name"]),
            "type": str(c["data_type"]).lower(),
            "max_length": c["character_maximum_length"],
            "generated": str(c["column_default"] or "").startswith("nextval(")
            or c["is_identity"] == "YES"
            or c["is_generated"] == "ALWAYS",
            "nullable": c["is_nullable"] == "YES",
            "fk": references.get(str(c["column_name"])),
        }
        for c in info
    ]


def _literal(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def _sample(column: dict[str, Any], table: str, row: int, sqlite: bool) -> str:
    """A valid SQL literal for ``column`` in row ``row``, distinct between rows."""
    kind: str = column["type"]
    if "uuid" in kind or (sqlite and kind == "char(36)"):
        return _literal(uuid.uuid4())
    if "bool" in kind:
        return "TRUE"
    if "json" in kind:
        return "'{}'"
    if "blob" in kind or "bytea" in kind:
        return "X'00'" if sqlite else "'\\x00'"
    if "timestamp" in kind or "datetime" in kind:
        return f"'2024-01-{row + 1:02d}T03:04:05+00:00'"
    if "interval" in kind:
        return "'1 day'"
    if "date" in kind:
        return f"'2024-01-{row + 1:02d}'"
    if "time" in kind:
        return "'03:04:05'"
    if any(t in kind for t in ("char", "text", "clob")):
        text = f"{row}-{table}.{column['name']}"
        return _literal(text[: column["max_length"]] if column["max_length"] else text)
    if any(t in kind for t in ("int", "numeric", "decimal", "real", "double", "float")):
        return str(row + 1)
    raise AssertionError(
        f"no sample value for {table}.{column['name']} of type {kind!r}: teach _sample() this type"
    )


async def populate_every_table(conn: BaseDBAsyncClient, sqlite: bool) -> None:
    """Insert ROWS_PER_TABLE rows into every table, parents first; every foreign key is set."""
    tables = await user_tables(conn, sqlite)
    columns = {t: await _columns(conn, sqlite, t) for t in tables}
    inserted: dict[str, list[dict[str, Any]]] = {}
    pending = list(tables)
    while pending:
        ready = [
            t
            for t in pending
            if all(c["fk"] is None or c["fk"][0] in inserted or c["fk"][0] == t for c in columns[t])
        ]
        assert ready, f"foreign keys form a cycle between {pending}: extend populate_every_table"
        for table in ready:
            for row in range(ROWS_PER_TABLE):
                names, values = [], []
                for column in columns[table]:
                    if column["generated"]:
                        continue
                    if column["fk"] is not None:
                        target, target_column = column["fk"]
                        if target == table:
                            assert column["nullable"], f"{table}.{column['name']}: self-reference"
                            value = "NULL"
                        else:
                            value = _literal(inserted[target][row][target_column])
                    else:
                        value = _sample(column, table, row, sqlite)
                    names.append(_quote(column["name"]))
                    values.append(value)
                if names:
                    statement = (
                        f"INSERT INTO {_quote(table)} ({', '.join(names)})"
                        f" VALUES ({', '.join(values)})"
                    )
                else:
                    statement = f"INSERT INTO {_quote(table)} DEFAULT VALUES"
                await conn.execute_script(statement)
            inserted[table] = await conn.execute_query_dict(f"SELECT * FROM {_quote(table)}")
            pending.remove(table)


# --- a. from empty ---------------------------------------------------------------------------


async def test_migrate_from_empty_creates_every_model_table(migrated_template: Template) -> None:
    # The run's template is this migration from empty, made once (tests/conftest.py): every
    # other database of the run is a copy of it.
    fresh_url = migrated_template.url
    events: list[tuple[str, str, str]] = migrated_template.output

    names = migration_names(MIGRATIONS_MODULE)
    assert events == [
        (event, "portal", name) for name in names for event in ("apply_start", "apply_done")
    ]
    async with connect(fresh_url) as (conn, declared):
        assert await user_tables(conn, is_sqlite(fresh_url)) == sorted(declared)
        recorded = await conn.execute_query_dict(
            f"SELECT app, name FROM {RECORDER_TABLE} ORDER BY id"
        )
    assert recorded == [{"app": "portal", "name": name} for name in names]


async def test_migrate_twice_is_a_no_op(migrated_url: str) -> None:
    fresh_url = migrated_url  # migrated once from empty: a copy of the run's template
    sqlite = is_sqlite(fresh_url)
    await migrate(fresh_url)
    async with connect(fresh_url) as (conn, _):
        before = await schema_snapshot(conn, sqlite)

    events: list[tuple[str, str, str]] = []
    await migrate(fresh_url, progress=lambda *event: events.append(event))

    assert events == []
    async with connect(fresh_url) as (conn, _):
        assert await schema_snapshot(conn, sqlite) == before


# --- b. models and migrations agree ----------------------------------------------------------


@APPS
async def test_models_and_migrations_agree(models: list[str], migrations: str) -> None:
    config = tortoise_config("sqlite://:memory:", models=models, migrations=migrations)
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        assert ctx.apps is not None
        writers = await MigrationAutodetector(ctx.apps, config["apps"]).changes()

    pending = [op.describe() for writer in writers for op in writer.operations]
    assert pending == [], (
        f"the models ({', '.join(models)}) differ from the migrations in the package {migrations}: "
        f"{pending}. Run `tortoise makemigrations` and commit the new migration."
    )


# --- c. a populated database keeps every row -------------------------------------------------


@APPS
async def test_populated_database_keeps_every_row(
    fresh_url: str, models: list[str], migrations: str
) -> None:
    sqlite = is_sqlite(fresh_url)
    first = migration_names(migrations)[0]
    await migrate_to(fresh_url, first, models, migrations)
    async with connect(fresh_url, models, migrations) as (conn, _):
        await populate_every_table(conn, sqlite)
        before = await row_counts(conn, sqlite)
    assert before, "no table after the first migration"
    assert before == dict.fromkeys(before, ROWS_PER_TABLE)

    await migrate(fresh_url, models=models, migrations=migrations)

    async with connect(fresh_url, models, migrations) as (conn, _):
        after = await row_counts(conn, sqlite)
        recorded = await conn.execute_query_dict(f"SELECT name FROM {RECORDER_TABLE} ORDER BY id")
    assert {table: after.get(table) for table in before} == before
    assert [r["name"] for r in recorded] == migration_names(migrations)


# --- d. the SQLite table-rebuild trap --------------------------------------------------------


async def _sqlite_indexes(conn: BaseDBAsyncClient, table: str) -> set[tuple[tuple[str, ...], bool]]:
    """(columns, unique) of every index and unique constraint of ``table``."""
    result = set()
    for index in await conn.execute_query_dict(f"PRAGMA index_list({_quote(table)})"):
        info = await conn.execute_query_dict(f"PRAGMA index_info({_quote(index['name'])})")
        columns = tuple(str(c["name"]) for c in sorted(info, key=lambda c: c["seqno"]))
        result.add((columns, bool(index["unique"])))
    return result


async def test_sqlite_table_rebuild_keeps_child_rows_and_indexes(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'trap.sqlite3'}"
    await migrate_to(url, "0001_initial", FIXTURE_MODELS, FIXTURE_MIGRATIONS)
    async with connect(url, FIXTURE_MODELS, FIXTURE_MIGRATIONS) as (conn, _):
        await conn.execute_script(
            "INSERT INTO fixture_parent (id, kind, name) VALUES (1, 'a', 'one'), (2, 'a', 'two'),"
            " (3, 'b', 'one');"
            "INSERT INTO fixture_child (id, parent_id, label) VALUES (1, 1, 'x'), (2, 1, 'y'),"
            " (3, 2, 'x'), (4, 3, 'x'), (5, 3, 'y'), (6, 3, 'z');"
        )
        indexes_before = await _sqlite_indexes(conn, "fixture_parent")
    assert indexes_before == {(("kind",), False), (("kind", "name"), True)}

    # 0002 widens fixture_parent.name: Tortoise rebuilds the table (create, copy, drop, rename).
    await migrate(url, models=FIXTURE_MODELS, migrations=FIXTURE_MIGRATIONS)

    async with connect(url, FIXTURE_MODELS, FIXTURE_MIGRATIONS) as (conn, _):
        columns = await conn.execute_query_dict('PRAGMA table_info("fixture_parent")')
        assert {c["name"]: c["type"] for c in columns}["name"] == "VARCHAR(100)"
        assert await row_counts(conn, sqlite=True) == {"fixture_child": 6, "fixture_parent": 3}
        assert await conn.execute_query_dict("PRAGMA foreign_key_check") == []
        assert await _sqlite_indexes(conn, "fixture_parent") == indexes_before
        # The children's foreign key still points at the rebuilt table and still cascades.
        await conn.execute_script("DELETE FROM fixture_parent WHERE id = 3")
        children = await conn.execute_query_dict("SELECT id FROM fixture_child ORDER BY id")
    assert [c["id"] for c in children] == [1, 2, 3]


# --- e. data steps ---------------------------------------------------------------------------


def _at(day: int) -> str:
    return f"2024-02-{day:02d}T09:00:00+00:00"


async def test_0019_gives_existing_complaints_their_steps_from_the_dates_they_kept(
    fresh_url: str, migration_steps: MigrationSteps
) -> None:
    """Issue 15: each complaint gets a step for every date it kept, in the lifecycle's order,
    with its text; who took it where the record says so, else the staff with no actor."""
    sqlite = is_sqlite(fresh_url)
    await migration_steps.migrate_to(fresh_url, "0018_signup")
    async with connect(fresh_url) as (conn, _):
        await populate_every_table(conn, sqlite)
        complaints = await conn.execute_query_dict(
            "SELECT complaint.id, complaint.complainant_id, dispute_case.id AS case_id"
            " FROM complaint JOIN dispute_case ON dispute_case.complaint_id = complaint.id"
            " ORDER BY complaint.id"
        )
        users = await conn.execute_query_dict("SELECT id FROM user_account ORDER BY id")
        web, phone, letter = complaints
        agent = users[0]["id"]
        changes = {
            # Filed online, handled to the end by the organisation.
            web["id"]: {
                "channel": "web", "received_at": _at(1), "confirmed_at": _at(1),
                "acknowledged_at": _at(2), "assessed_at": _at(3), "assessment": "Two debits.",
                "responded_at": _at(4), "response": "Refunded.", "closed_at": _at(5),
                "closure_note": "Done.", "referred_at": None,
            },
            # Recorded by an agent, confirmed after the acknowledgement, still open.
            phone["id"]: {
                "channel": "phone", "recorded_by_id": agent, "received_at": _at(1),
                "acknowledged_at": _at(2), "confirmed_at": _at(3), "assessed_at": None,
                "responded_at": None, "closed_at": None, "referred_at": None,
            },
            # Recorded, answered, then referred by its complainant (their confirmation).
            letter["id"]: {
                "channel": "letter", "recorded_by_id": None, "received_at": _at(1),
                "acknowledged_at": _at(2), "assessed_at": None, "responded_at": _at(4),
                "response": "No.", "closed_at": None, "referred_at": _at(6),
                "confirmed_at": _at(6), "unresolved_reason": "Refused.",
            },
        }  # fmt: skip
        for complaint_id, values in changes.items():
            assignments = ", ".join(
                f"{_quote(k)} = {'NULL' if v is None else _literal(v)}" for k, v in values.items()
            )
            await conn.execute_script(
                f"UPDATE complaint SET {assignments} WHERE id = {_literal(complaint_id)}"
            )
        await conn.execute_script(
            "UPDATE timeline_event SET kind = 'case_referred', actor_role = 'complainant',"
            f" actor_id = {_literal(letter['complainant_id'])}"
            f" WHERE case_id = {_literal(letter['case_id'])}"
        )

    await migrate(fresh_url)

    async with connect(fresh_url) as (conn, _):
        rows = await conn.execute_query_dict(
            'SELECT complaint_id, action, status, actor_id, actor_role, "at", "text", decision'
            ' FROM complaint_step ORDER BY "at", id'
        )
        policies = await conn.execute_query_dict("SELECT complaint_policy FROM organisation")
    steps: dict[str, list[tuple[Any, ...]]] = {}
    for r in rows:
        at = r["at"] if not isinstance(r["at"], str) else datetime.fromisoformat(r["at"])
        actor = str(r["actor_id"]) if r["actor_id"] is not None else None
        steps.setdefault(str(r["complaint_id"]), []).append(
            (r["action"], r["status"], actor, r["actor_role"], at.day, r["text"], r["decision"])
        )
    assert steps == {
        str(web["id"]): [
            ("file", "received", str(web["complainant_id"]), "complainant", 1, "", None),
            ("acknowledge", "acknowledged", None, "staff", 2, "", None),
            ("assess", "assessed", None, "staff", 3, "Two debits.", None),
            ("respond", "responded", None, "staff", 4, "Refunded.", None),
            ("close", "closed", None, "staff", 5, "Done.", None),
        ],
        str(phone["id"]): [
            ("record", "received", str(agent), "staff", 1, "", None),
            ("acknowledge", "acknowledged", None, "staff", 2, "", None),
            ("confirm", "acknowledged", str(phone["complainant_id"]), "complainant", 3, "", None),
        ],
        str(letter["id"]): [
            ("record", "received", None, "staff", 1, "", None),
            ("acknowledge", "acknowledged", None, "staff", 2, "", None),
            ("respond", "responded", None, "staff", 4, "No.", None),
            (
                "refer",
                "referred",
                str(letter["complainant_id"]),
                "complainant",
                6,
                "Refused.",
                None,
            ),
        ],
    }
    assert [orjson.loads(p["complaint_policy"]) for p in policies] == [{}] * ROWS_PER_TABLE


async def test_0029_records_where_each_existing_document_is(
    fresh_url: str, migration_steps: MigrationSteps
) -> None:
    """Issue 19: a document with content in `document_chunk` is in `database`, every other one
    in `local` (the only other backend there was), whatever the setting says now."""
    sqlite = is_sqlite(fresh_url)
    await migration_steps.migrate_to(fresh_url, "0022_redaction_marks")
    async with connect(fresh_url) as (conn, _):
        await populate_every_table(conn, sqlite)
        documents = await conn.execute_query_dict(
            "SELECT id, storage_key FROM document ORDER BY id"
        )
        in_database = documents[1]
        await conn.execute_script(
            f"UPDATE document_chunk SET storage_key = {_literal(in_database['storage_key'])}"
        )

    await migrate(fresh_url)

    async with connect(fresh_url) as (conn, _):
        rows = await conn.execute_query_dict(
            "SELECT id, storage_backend, storage_moved_from FROM document ORDER BY id"
        )
    assert [(str(r["id"]), r["storage_backend"], r["storage_moved_from"]) for r in rows] == [
        (str(d["id"]), "database" if d is in_database else "local", None) for d in documents
    ]


async def test_0031_leaves_every_existing_client_all_three_scopes(
    fresh_url: str, migration_steps: MigrationSteps
) -> None:
    """Issue 18, 4: a client from before scopes can do what it did: read, write, webhooks."""
    sqlite = is_sqlite(fresh_url)
    await migration_steps.migrate_to(fresh_url, "0029_object_storage")
    async with connect(fresh_url) as (conn, _):
        await populate_every_table(conn, sqlite)
        before = await conn.execute_query_dict("SELECT id FROM service_account ORDER BY id")

    await migrate(fresh_url)

    async with connect(fresh_url) as (conn, _):
        rows = await conn.execute_query_dict("SELECT id, scopes FROM service_account ORDER BY id")
    assert before
    assert [(r["id"], r["scopes"]) for r in rows] == [
        (b["id"], "read write webhooks") for b in before
    ]


async def test_0039_gives_invoices_their_issuer_and_each_issuer_a_counter_after_its_numbers(
    fresh_url: str, migration_steps: MigrationSteps
) -> None:
    """Fees: an invoice from before is issued by its case's provider, and each provider's
    counter for a year starts after the highest number it issued that year, so the per-issuer
    series never repeats an existing number; checkouts from before were opened, and no
    payment from before is flagged as overpaid."""
    sqlite = is_sqlite(fresh_url)
    await migration_steps.migrate_to(fresh_url, "0038_group_sessions")
    async with connect(fresh_url) as (conn, _):
        # 0030 wrote the event feed's one head row; the generic rows take its id on PostgreSQL.
        await conn.execute_script("DELETE FROM event_feed_head")
        await populate_every_table(conn, sqlite)
        invoices = await conn.execute_query_dict("SELECT id, case_id FROM fee_invoice ORDER BY id")
        for n, row in enumerate(invoices, start=1):
            await conn.execute_script(
                f"UPDATE fee_invoice SET number = 'FEE-2026-{2 * n:06d}' "
                f"WHERE id = {_literal(row['id'])}"
            )
        issuer = {
            str(r["id"]): str(r["provider_id"])
            for r in await conn.execute_query_dict("SELECT id, provider_id FROM dispute_case")
        }

    await migrate(fresh_url)

    async with connect(fresh_url) as (conn, _):
        rows = await conn.execute_query_dict(
            "SELECT case_id, provider_id, number FROM fee_invoice ORDER BY id"
        )
        counters = await conn.execute_query_dict(
            "SELECT provider_id, year, value FROM fee_invoice_counter"
        )
        checkouts = await conn.execute_query_dict("SELECT status FROM fee_checkout")
        payments = await conn.execute_query_dict("SELECT overpaid_minor FROM fee_payment")
    assert len(rows) == len(invoices) == ROWS_PER_TABLE
    assert [str(r["provider_id"]) for r in rows] == [issuer[str(r["case_id"])] for r in rows]
    highest: dict[str, int] = {}
    for r in rows:
        key = str(r["provider_id"])
        highest[key] = max(highest.get(key, 0), int(r["number"].rsplit("-", 1)[1]))
    assert {(str(c["provider_id"]), c["year"]): c["value"] for c in counters} == {
        (provider, 2026): value for provider, value in highest.items()
    }
    assert [c["status"] for c in checkouts] == ["open"] * ROWS_PER_TABLE
    assert [p["overpaid_minor"] for p in payments] == [0] * ROWS_PER_TABLE
