"""docs/operations.md runs: its backup and restore commands restore a small installation
(PostgreSQL: pg_dump and pg_restore into an empty database; SQLite: `.backup`, `VACUUM INTO`
and the document archive), its key rotation steps keep every token valid, and its production
settings and health answers are the code's."""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import io
import json
import os
import re
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext

from portal.auth.keys import load_keyset
from portal.auth.tokens import InvalidToken, TokenIssuer, TokenKind
from portal.casefiles.models import Document
from portal.casefiles.services import IncomingFile, upload_document
from portal.casefiles.storage import DatabaseStorage, LocalStorage, Storage
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.db import tortoise_config
from portal.settings import Settings, SettingsError, load_settings
from portal.timeline.models import Visibility
from portal.timeline.services import verify
from portal.web import health
from tests.conftest import TEST_DATABASE_URL, create_postgres_database, drop_postgres_database
from tests.factories import Factory, World, actor_for, quick_world
from tests.samples import PDF

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "operations.md"
FENCE = re.compile(r"^ *```(\w*)[ \t]*([\w-]*)[ \t]*\n(.*?)^ *```[ \t]*$", re.M | re.S)
EXECUTED = {
    "production_env",
    "pg_dump",
    "pg_restore",
    "sqlite_backup",
    "sqlite_vacuum_into",
    "sqlite_restore",
    "documents_backup",
    "documents_restore",
    "new_signing_key",
    "previous_public_key",
    "healthz",
    "readyz",
    "readyz_unavailable",
    # Run in tests/test_signed_bundle.py, on a real bundle.
    "verify_bundle_offline",
    "verify_bundle_chain",
}


def named_blocks() -> dict[str, str]:
    found: dict[str, str] = {}
    for _lang, name, body in FENCE.findall(PAGE.read_text()):
        if name:
            assert name not in found, f"two blocks named {name}"
            # Blocks inside a list item are indented; the commands are not.
            found[name] = re.sub(r"^   ", "", body, flags=re.M)
    return found


def block(name: str) -> str:
    return named_blocks()[name]


async def sh(name: str, cwd: Path, **env: str) -> None:
    process = await asyncio.create_subprocess_exec(
        "bash",
        "-euo",
        "pipefail",
        "-c",
        block(name),
        cwd=cwd,
        env={"PATH": os.environ["PATH"], **env},
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await process.communicate()
    assert process.returncode == 0, f"{name}: {err.decode()}"


def test_every_named_block_of_the_page_is_checked_here() -> None:
    assert set(named_blocks()) == EXECUTED


# --- production settings -----------------------------------------------------------------------


def make_key(path: Path) -> None:
    subprocess.run(
        ["openssl", "genpkey", "-algorithm", "ed25519", "-out", str(path)],
        check=True,
        capture_output=True,
    )


def production_env(tmp_path: Path) -> dict[str, str]:
    """The page's environment file, with a signing key at the path it names."""
    env = dict(line.split("=", 1) for line in block("production_env").splitlines() if "=" in line)
    key = tmp_path / "signing.pem"
    make_key(key)
    env["PORTAL_JWT_PRIVATE_KEY"] = f"@{key}"
    env["PORTAL_DATA_DIR"] = str(tmp_path)
    return env


def test_the_documented_production_environment_starts_and_each_required_setting_is_required(
    tmp_path: Path,
) -> None:
    env = production_env(tmp_path)
    # As shown, with its example secrets, it is refused; with the operator's own, it starts.
    with pytest.raises(SettingsError) as refused:
        load_settings(env)
    assert re.findall(r"^  (PORTAL_\w+): an example", str(refused.value), re.M) == [
        "PORTAL_SECRET_KEY",
        "PORTAL_SMTP_PASSWORD",
        "PORTAL_DATABASE_URL",
    ]
    env["PORTAL_SECRET_KEY"] = os.urandom(32).hex()
    env["PORTAL_SMTP_PASSWORD"] = os.urandom(16).hex()
    env["PORTAL_DATABASE_URL"] = env["PORTAL_DATABASE_URL"].replace(
        "change-me", os.urandom(16).hex()
    )
    required = re.findall(
        r"^\| `(PORTAL_\w+)` \|", PAGE.read_text().split("## Production settings")[1], re.M
    )

    settings = load_settings(env)
    load_keyset(settings)  # the key file is read and accepted

    assert settings.production
    assert not settings.ide_enabled
    assert required == ["PORTAL_SECRET_KEY", "PORTAL_JWT_PRIVATE_KEY", "PORTAL_PUBLIC_URL"]
    for name in required:
        without = {k: v for k, v in env.items() if k != name}
        with pytest.raises(SettingsError, match=name):
            load_settings(without)


# --- health ------------------------------------------------------------------------------------


async def test_the_health_answers_are_the_ones_shown(client: httpx.AsyncClient) -> None:
    live = await client.get("/healthz")
    ready = await client.get("/readyz")

    assert live.json() == json.loads(block("healthz"))
    assert ready.json() == json.loads(block("readyz"))
    assert live.headers["cache-control"] == ready.headers["cache-control"] == "no-store"
    assert "x-request-id" in ready.headers
    # The 503 answer needs a database that does not answer; the page shows the code's literal.
    unavailable = json.loads(block("readyz_unavailable"))
    source = inspect.getsource(health.readyz)
    assert json.dumps(unavailable)[1:-1] in source


# --- key rotation ------------------------------------------------------------------------------


def issuer_for(settings: Settings) -> TokenIssuer:
    return TokenIssuer(keys=load_keyset(settings), issuer="https://p.example", audience="parley")


async def test_the_three_rotation_steps_keep_every_token_valid_until_the_old_key_goes(
    tmp_path: Path,
) -> None:
    keys = tmp_path
    old_key = keys / "signing.pem"
    make_key(old_key)
    await sh("new_signing_key", keys)
    await sh("previous_public_key", keys)

    def phase(private: str, previous: str = "") -> TokenIssuer:
        return issuer_for(
            load_settings(
                {},
                data_dir=str(tmp_path),
                jwt_private_key=f"@{keys / private}",
                jwt_previous_public_keys=f"@{keys / previous}" if previous else "",
            )
        )

    before = phase("signing.pem")
    published = phase("signing.pem", "signing-new.pub.pem")  # step 1
    switched = phase("signing-new.pem", "signing-old.pub.pem")  # step 2
    after = phase("signing-new.pem")  # step 3
    survey = before.issue(TokenKind.SURVEY, "invitation-1", 30 * 86400)
    access_old = published.issue(TokenKind.ACCESS, "user-1", 900)
    access_new = switched.issue(TokenKind.ACCESS, "user-1", 900)

    # During a rolling restart, processes of neighbouring steps verify each other's tokens.
    for token, verifiers in (
        (access_old, (before, published, switched)),
        (access_new, (published, switched, after)),
        (survey, (published, switched)),
    ):
        kind = TokenKind.SURVEY if token is survey else TokenKind.ACCESS
        for verifier in verifiers:
            assert verifier.verify(token, kind)["sub"]
    with pytest.raises(InvalidToken):
        before.verify(access_new, TokenKind.ACCESS)  # why step 1 comes first
    with pytest.raises(InvalidToken):
        after.verify(survey, TokenKind.SURVEY)  # why step 3 waits for the survey links
    assert len(published.keys.jwks()["keys"]) == len(switched.keys.jwks()["keys"]) == 2
    assert published.keys.verification_keys.keys() == switched.keys.verification_keys.keys()


# --- backups and restore -----------------------------------------------------------------------


async def small_installation(
    factory: Factory, storage: Storage
) -> tuple[World, DisputeCase, Document]:
    """A case with a few events and one document, stored in ``storage``."""
    w = await quick_world(factory)
    case = await w.act(w.caseworker, await w.new_case(), Action.ACCEPT)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    document = await upload_document(
        storage,
        await actor_for(w.agent),
        case.id,
        IncomingFile("statement.pdf", io.BytesIO(PDF)),
        Visibility.ALL_PARTIES,
        max_bytes=1 << 20,
    )
    return w, await DisputeCase.get(id=case.id), document


@asynccontextmanager
async def opened(url: str) -> AsyncIterator[None]:
    """The ORM on ``url`` in a context of its own (the tests' database stays open)."""
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(url))
        yield


async def survived(case: DisputeCase, document: Document, storage: Storage) -> dict[str, Any]:
    """What the restored database says about the case and the document."""
    restored = await DisputeCase.get(id=case.id)
    checked = await verify(restored)
    row = await Document.get(id=document.id)
    content = b"".join([chunk async for chunk in storage.read(row.storage_key)])
    return {
        "cases": await DisputeCase.all().count(),
        "stage": restored.stage,
        "timeline": (checked.ok, checked.length, checked.head_hash),
        "sha256": (row.sha256, hashlib.sha256(content).hexdigest()),
    }


def libpq(url: str) -> str:
    return url.split("?")[0].replace("postgres://", "postgresql://", 1)


@pytest.mark.skipif(TEST_DATABASE_URL == "sqlite", reason="the PostgreSQL commands")
async def test_a_pg_dump_restored_into_an_empty_database_keeps_cases_timelines_and_documents(
    factory: Factory, db: str, tmp_path: Path
) -> None:
    storage = DatabaseStorage()
    w, case, document = await small_installation(factory, storage)
    expected = {
        "cases": 1,
        "stage": case.stage,
        "timeline": (True, case.last_sequence, case.head_hash),
        "sha256": (document.sha256, document.sha256),
    }
    restore_url = await create_postgres_database(TEST_DATABASE_URL)
    try:
        await sh("pg_dump", tmp_path, PARLEY_DATABASE=libpq(db))
        await w.new_case()  # after the dump: not in the restored database
        await sh("pg_restore", tmp_path, RESTORE_DATABASE=libpq(restore_url))
        async with opened(restore_url):
            found = await survived(case, document, storage)
    finally:
        await drop_postgres_database(restore_url)

    assert found == expected


@pytest.mark.skipif(TEST_DATABASE_URL != "sqlite", reason="the SQLite commands")
async def test_a_sqlite_backup_and_the_document_archive_restore_cases_timelines_and_documents(
    factory: Factory, db: str, tmp_path: Path
) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "restored"
    storage = LocalStorage(data / "documents")
    w, case, document = await small_installation(factory, storage)
    expected = {
        "cases": 1,
        "stage": case.stage,
        "timeline": (True, case.last_sequence, case.head_hash),
        "sha256": (document.sha256, document.sha256),
    }
    live_file = db.removeprefix("sqlite://")
    elsewhere.mkdir()
    target = elsewhere / "parley.sqlite3"

    await sh("sqlite_backup", tmp_path, PARLEY_SQLITE=live_file)
    await sh("sqlite_vacuum_into", tmp_path, PARLEY_SQLITE=live_file)
    await w.new_case()  # after the backups: not in the restored copies
    await sh("documents_backup", tmp_path, PORTAL_DATA_DIR=str(data))
    await sh("sqlite_restore", tmp_path, PARLEY_SQLITE=str(target))
    await sh("documents_restore", tmp_path, PORTAL_DATA_DIR=str(elsewhere))
    results = []
    for copy in (target, tmp_path / "parley-compact.sqlite3"):
        async with opened(f"sqlite://{copy}"):
            results.append(await survived(case, document, LocalStorage(elsewhere / "documents")))

    assert results == [expected, expected]
