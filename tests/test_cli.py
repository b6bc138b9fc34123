"""The `portal` command as a new user runs it: demo, serve, createuser, createclient.

These start real processes (uvicorn included) against a database of their own.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from portal.auth.keys import load_keyset
from portal.settings import load_settings
from tests.process_support import RUN_CAP, STARTUP_CAP, answers, portal, stop, wait_until
from tests.production import production_env

ROOT = Path(__file__).resolve().parent.parent
DEMO_LOGIN = {"email": "maria@consumer.example", "password": "parley-demo-2026"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(cli_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`portal serve` on the demo (`cli_env` is a copy of what `portal demo` seeded)."""
    port = _free_port()
    env = cli_env | {"PORTAL_PORT": str(port)}
    log_path = tmp_path / "serve.log"
    log_file = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "portal.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(answers(f"{base}/readyz"), process, "portal serve not ready", log_path)
        yield base, log_path
    finally:
        stop(process)
        log_file.close()


@pytest.mark.cli_database("empty")
def test_demo_is_idempotent_and_prints_the_sign_ins(cli_env: dict[str, str]) -> None:
    first = portal(cli_env, "demo")
    second = portal(cli_env, "demo")

    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "maria@consumer.example" in first.stdout
    assert "parley-demo-2026" in first.stdout
    assert "apply done portal.0001_initial" in first.stdout
    assert "apply" not in second.stdout.split("Seeding")[0].replace("Migrating", "")


def test_demo_on_the_default_data_directory_creates_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env["PYTHONPATH"] = str(ROOT)

    result = subprocess.run(
        [sys.executable, "-m", "portal.cli", "demo"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_CAP,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "parley.sqlite3").is_file()
    assert (tmp_path / "var" / "keys").exists() is False  # the key is made by `serve`, not here


def test_served_portal_offers_graphiql_and_a_working_demo_login(server: tuple[str, Path]) -> None:
    base, log_path = server
    ide = httpx.get(f"{base}/graphql", headers={"Accept": "text/html"})
    login = httpx.post(
        f"{base}/graphql",
        json={
            "query": "mutation($i: LoginInput!) { login(input: $i) { accessToken "
            "viewer { user { displayName } } userErrors { code } } }",
            "variables": {"i": DEMO_LOGIN},
        },
    )

    assert ide.status_code == 200
    assert "graphiql" in ide.text.lower()
    body = login.json()["data"]["login"]
    assert body["userErrors"] == []
    assert body["viewer"] == {"user": {"displayName": "Maria Rossi"}}
    request_id = login.headers["x-request-id"]
    wanted = {"message": "POST /graphql 200", "request_id": request_id, "status": 200}
    assert wanted in _access_log(log_path, wanted)


def _access_log(log_path: Path, wanted: dict[str, object]) -> list[dict[str, object]]:
    """The server's JSON log lines; the access line is written once the body has gone out, so
    it may land a moment after the client has the response (on a loaded machine, many)."""
    deadline = time.monotonic() + STARTUP_CAP
    while True:
        lines = log_path.read_text().splitlines()
        logged = [
            {k: e.get(k) for k in wanted}
            for e in (json.loads(line) for line in lines if line.startswith("{"))
        ]
        if wanted in logged or time.monotonic() > deadline:
            return logged
        time.sleep(0.05)


def test_readyz_and_healthz_answer(server: tuple[str, Path]) -> None:
    base, _ = server
    assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{base}/readyz").json() == {"status": "ok", "database": "ok"}


def test_createclient_gives_the_client_the_scopes_named_and_its_tokens_get_them(
    cli_env: dict[str, str], server: tuple[str, Path]
) -> None:
    base, _ = server
    args = ("createclient", "Reports", "--role", "org_manager", "--organisation", "northwind")
    created = portal(cli_env, *args, "--scope", "read", "--scope", "webhooks")
    assert created.returncode == 0, created.stderr
    lines = dict(line.split(":", 1) for line in created.stdout.splitlines() if ":" in line)
    credentials = (lines["client_id"].strip(), lines["client_secret"].split()[0])

    token = httpx.post(
        f"{base}/oauth/token", data={"grant_type": "client_credentials"}, auth=credentials
    )
    wider = httpx.post(
        f"{base}/oauth/token",
        data={"grant_type": "client_credentials", "scope": "write"},
        auth=credentials,
    )

    assert lines["scopes"].strip() == "read webhooks"
    assert token.json()["scope"] == "read webhooks"
    assert wider.json()["error"] == "invalid_scope"


def test_createclient_prints_credentials_that_the_token_endpoint_accepts_until_disabled(
    cli_env: dict[str, str], server: tuple[str, Path]
) -> None:
    base, _ = server
    created = portal(
        cli_env,
        "createclient",
        "Billing system",
        "--role",
        "org_agent",
        "--organisation",
        "northwind",
    )
    assert created.returncode == 0, created.stderr
    lines = dict(line.split(":", 1) for line in created.stdout.splitlines() if ":" in line)
    client_id = lines["client_id"].strip()
    secret = lines["client_secret"].split()[0]

    token = httpx.post(
        f"{base}/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )

    assert token.status_code == 200, token.text
    assert token.json()["token_type"] == "Bearer"

    # Rotated (the same function as rotateIntegrationClientSecret): the new secret is printed
    # once, and the old one still works for the overlap.
    rotated = portal(cli_env, "rotateclient", client_id)
    assert rotated.returncode == 0, rotated.stderr
    fresh = dict(line.split(":", 1) for line in rotated.stdout.splitlines() if ":" in line)
    new_secret = fresh["client_secret"].split()[0]
    assert new_secret != secret
    assert "valid until" in fresh["old secret"]
    for either in (secret, new_secret):
        answer = httpx.post(
            f"{base}/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(client_id, either),
        )
        assert answer.status_code == 200, answer.text

    # Disabled, the client's token already issued stops working, and it gets no new one.
    viewer = {"query": "{ viewer { kind } }"}
    bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
    assert httpx.post(f"{base}/graphql", json=viewer, headers=bearer).json()["data"] == {
        "viewer": {"kind": "SERVICE_ACCOUNT"}
    }
    disabled = portal(cli_env, "disableclient", client_id)
    unknown = portal(cli_env, "disableclient", "no-such-client")

    assert disabled.returncode == 0, disabled.stderr
    refused = httpx.post(f"{base}/graphql", json=viewer, headers=bearer).json()
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    again = httpx.post(
        f"{base}/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    assert (again.status_code, again.json()["error"]) == (401, "invalid_client")
    rotated_again = httpx.post(
        f"{base}/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(client_id, new_secret),
    )
    assert rotated_again.status_code == 401
    assert (unknown.returncode, unknown.stderr.strip()) == (
        2,
        "error: NOT_FOUND: no integration client 'no-such-client'",
    )


def test_createuser_refuses_bad_input_with_a_code(cli_env: dict[str, str]) -> None:
    assert portal(cli_env, "migrate").returncode == 0

    short = portal(cli_env, "createuser", "someone@example.org", "--password", "short")
    bad_email = portal(cli_env, "createuser", "not-an-address", "--password", "long enough pw")
    ok = portal(cli_env, "createuser", "someone@example.org", "--password", "long enough pw")
    again = portal(cli_env, "createuser", "Someone@Example.org", "--password", "long enough pw")

    assert (short.returncode, short.stderr.strip()) == (
        2,
        "error: PASSWORD_TOO_SHORT: Passwords have at least 10 characters.",
    )
    assert bad_email.returncode == 2
    assert "INVALID_EMAIL" in bad_email.stderr
    assert ok.returncode == 0, ok.stderr
    assert again.returncode == 2
    assert "EMAIL_TAKEN" in again.stderr


def test_serve_on_an_empty_database_prints_a_setup_link_and_init_makes_one_admin(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 14: no default password; the operator gets a one-time link, or uses `portal init`."""
    assert portal(cli_env, "migrate").returncode == 0
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "portal.cli", "serve"],
            cwd=ROOT,
            env=cli_env | {"PORTAL_PORT": str(port)},
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until(
                lambda: "/setup#token=" in log_path.read_text(),
                process,
                "no setup link printed",
                log_path,
            )
        finally:
            stop(process)
    bad_zone = portal(
        cli_env, "init", "--email", "x@example.org", "--name", "X", "--time-zone", "Moon"
    )
    made = portal(
        cli_env,
        "init",
        "--email",
        "Ada@Example.org",
        "--name",
        "Ada",
        "--time-zone",
        "Europe/London",
    )
    again = portal(cli_env, "init", "--email", "eve@example.org", "--name", "Eve")

    # Issue 18: the link follows the port the portal serves on (PORTAL_PUBLIC_URL unset).
    assert f"http://127.0.0.1:{port}/setup#token=" in log_path.read_text()
    assert made.returncode == 0, made.stderr
    assert "Created the first administrator: ada@example.org" in made.stdout
    assert (again.returncode, again.stderr.split(":")[:2]) == (2, ["error", " ADMIN_EXISTS"])
    assert (bad_zone.returncode, "INVALID_TIME_ZONE" in bad_zone.stderr) == (2, True)


def test_bad_settings_stop_the_command_with_a_clear_message(cli_env: dict[str, str]) -> None:
    result = portal(cli_env | {"PORTAL_ENV": "production"}, "migrate")

    assert result.returncode == 2
    assert "PORTAL_SECRET_KEY: the development secret is refused in production" in result.stderr


def test_a_signing_key_production_refuses_stops_serve_with_a_clear_message(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    # The operations guide's `@/etc/parley/signing.pem`, copied where no such file is, and a
    # placeholder in place of the PEM were a traceback; a generated development key too.
    load_keyset(load_settings({"PORTAL_DATA_DIR": str(tmp_path)}))  # generates the dev key
    env = cli_env | production_env() | {"PORTAL_PORT": str(_free_port())}
    keys = {
        f"@{tmp_path / 'missing.pem'}": f"PORTAL_JWT_PRIVATE_KEY: cannot read "
        f"{tmp_path / 'missing.pem'}",
        "change-me": "PORTAL_JWT_PRIVATE_KEY: not a PEM private key",
        f"@{tmp_path / 'keys' / 'dev-signing-key.pem'}": "PORTAL_JWT_PRIVATE_KEY: a generated "
        "development key is refused in production",
    }

    for key, message in keys.items():
        result = portal(env | {"PORTAL_JWT_PRIVATE_KEY": key}, "serve")

        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith(f"error: {message}"), result.stderr


def test_an_unopenable_sqlite_database_fails_at_once_with_the_reason(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "a-folder.sqlite3").mkdir()
    env = cli_env | {"PORTAL_DATABASE_URL": f"sqlite://{tmp_path / 'a-folder.sqlite3'}"}

    result = portal(env, "migrate")

    assert result.returncode == 2
    assert "cannot open the SQLite database" in result.stderr
    assert "unable to open database file" in result.stderr


def test_retention_runs_dry_and_an_admin_exports_a_persons_data_for_a_paper_request(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """Issue 19: `portal retention run [--dry-run]` and `portal privacy export`."""
    assert portal(cli_env, "migrate").returncode == 0
    admin = portal(cli_env, "createuser", "admin@example.org", "--password", "long enough pw",
                   "--role", "admin")  # fmt: skip
    person = portal(cli_env, "createuser", "person@example.org", "--password", "long enough pw")
    assert admin.returncode == person.returncode == 0

    dry = portal(cli_env, "retention", "run", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Would redact 0 case(s), 0 complaint(s)." in dry.stdout
    done = portal(cli_env, "retention", "run")
    assert done.returncode == 0, done.stderr
    assert "Redacted 0 case(s)" in done.stdout

    output = tmp_path / "export.zip"
    refused = portal(cli_env, "privacy", "export", "admin@example.org",
                     "--admin", "person@example.org", "--output", str(output))  # fmt: skip
    assert refused.returncode == 2
    assert "FORBIDDEN" in refused.stderr
    assert not output.exists()
    made = portal(cli_env, "privacy", "export", "person@example.org",
                  "--admin", "admin@example.org", "--output", str(output))  # fmt: skip
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(output) as archive:
        account = json.loads(archive.read("account.json"))
        manifest = archive.read("MANIFEST.sha256").decode()
    assert account["account"]["email"] == "person@example.org"
    assert "  account.json" in manifest
