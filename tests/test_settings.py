"""Settings: parsed once from PORTAL_* variables, safe defaults, production refuses dev secrets."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from portal.auth.keys import DEV_KEY_FILE, load_keyset
from portal.settings import (
    DEV_SECRET_KEY,
    SETTINGS,
    SettingsError,
    load_settings,
    settings_markdown,
)
from tests.production import signing_key_pem

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
STRONG_SECRET = "s" * 48


def _production(tmp_path: Path, **env: str) -> dict[str, str]:
    return {
        "PORTAL_ENV": "production",
        "PORTAL_DATA_DIR": str(tmp_path),
        "PORTAL_SECRET_KEY": STRONG_SECRET,
        "PORTAL_JWT_PRIVATE_KEY": signing_key_pem(),
        "PORTAL_PUBLIC_URL": "https://disputes.example.org",
        **env,
    }


def test_defaults_are_development_on_sqlite_under_var() -> None:
    settings = load_settings({})

    assert settings.env == "development"
    assert settings.db_url == f"sqlite://{Path.cwd() / 'var' / 'parley.sqlite3'}"
    assert settings.access_token_ttl == 900
    assert settings.ide_enabled
    assert settings.introspection_enabled


def test_every_variable_is_read_and_parsed() -> None:
    settings = load_settings(
        {
            "PORTAL_PORT": "9001",
            "PORTAL_LOG_JSON": "off",
            "PORTAL_ALLOWED_ORIGINS": "https://a, https://b",
        }
    )

    assert settings.port == 9001
    assert settings.log_json is False
    assert settings.allowed_origins == ("https://a", "https://b")


def test_malformed_values_are_each_named() -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(
            {"PORTAL_PORT": "eighty", "PORTAL_GRAPHQL_MAX_DEPTH": "0", "PORTAL_LOG_JSON": "maybe"}
        )

    message = str(raised.value)
    for name in ("PORTAL_PORT", "PORTAL_GRAPHQL_MAX_DEPTH", "PORTAL_LOG_JSON"):
        assert name in message


def test_unknown_environment_and_short_secret_are_refused() -> None:
    with pytest.raises(SettingsError, match="PORTAL_ENV") as raised:
        load_settings({"PORTAL_ENV": "staging", "PORTAL_SECRET_KEY": "short"})

    assert "PORTAL_SECRET_KEY: must be at least 32 bytes" in str(raised.value)


def test_production_refuses_the_development_secret(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="development secret is refused"):
        load_settings(_production(tmp_path, PORTAL_SECRET_KEY=DEV_SECRET_KEY))


def documented_secrets() -> list[tuple[str, str]]:
    """Every secret setting's value the repository's pages show, and every database URL with
    a password in them."""
    pages = [README, ROOT / "Dockerfile", *sorted((ROOT / "docs").rglob("*.md"))]
    text = "\n".join(page.read_text() for page in pages)
    shown = re.findall(r"\b(PORTAL_SECRET_KEY|PORTAL_SMTP_PASSWORD)=([^\s`]+)", text)
    urls = re.findall(r"\bpostgres(?:ql)?://[^\s:@/`]+:[^\s@`]+@[^\s`]+", text)
    return shown + [("PORTAL_DATABASE_URL", url) for url in urls]


def test_production_refuses_every_secret_the_docs_show(tmp_path: Path) -> None:
    examples = documented_secrets()
    # The operations guide's own example, copied from its environment file, started a server.
    assert (
        "PORTAL_SECRET_KEY",
        "change-me-to-64-random-characters-from-openssl-rand-hex-32-output",
    ) in examples
    assert {name for name, _ in examples} == {
        "PORTAL_SECRET_KEY",
        "PORTAL_SMTP_PASSWORD",
        "PORTAL_DATABASE_URL",
    }

    for name, value in examples:
        with pytest.raises(SettingsError, match=f"{name}: an example") as raised:
            load_settings(_production(tmp_path, **{name: value}))
        assert str(raised.value).count("\n") == 1, raised.value  # that one problem only
        load_settings({"PORTAL_DATA_DIR": str(tmp_path), name: value})  # development takes it


@pytest.mark.parametrize(
    "secret",
    [
        "change-me-to-a-long-random-value-0123456789",
        "CHANGE_ME_0123456789abcdef0123456789abcdef",
        "0123456789abcdef0123456789abcdef-changeme",
        "an-example-secret-key-of-at-least-32-bytes",
        "placeholder-placeholder-placeholder-0000",
        "Replace Me With 64 Random Characters Please",
    ],
)
def test_production_refuses_a_secret_key_that_says_it_is_an_example(
    tmp_path: Path, secret: str
) -> None:
    with pytest.raises(SettingsError, match="PORTAL_SECRET_KEY: an example value is refused"):
        load_settings(_production(tmp_path, PORTAL_SECRET_KEY=secret))


def test_production_takes_random_secrets(tmp_path: Path) -> None:
    env = _production(
        tmp_path,
        PORTAL_SECRET_KEY=os.urandom(32).hex(),
        PORTAL_SMTP_PASSWORD=os.urandom(16).hex(),
        PORTAL_DATABASE_URL=f"postgres://parley:{os.urandom(16).hex()}@db.example.org/parley",
    )

    assert load_settings(env).production


def test_production_needs_its_own_signing_key_and_https(tmp_path: Path) -> None:
    env = _production(tmp_path, PORTAL_PUBLIC_URL="http://disputes.example.org")
    del env["PORTAL_JWT_PRIVATE_KEY"]

    with pytest.raises(SettingsError) as raised:
        load_settings(env)

    assert "PORTAL_JWT_PRIVATE_KEY" in str(raised.value)
    assert "PORTAL_PUBLIC_URL" in str(raised.value)


def test_production_refuses_a_generated_development_key(tmp_path: Path) -> None:
    load_keyset(load_settings({"PORTAL_DATA_DIR": str(tmp_path)}))  # generates the dev key
    generated = tmp_path / DEV_KEY_FILE

    settings = load_settings(_production(tmp_path, PORTAL_JWT_PRIVATE_KEY=f"@{generated}"))

    with pytest.raises(SettingsError, match="development key is refused"):
        load_keyset(settings)


def test_production_turns_the_ide_and_introspection_off(tmp_path: Path) -> None:
    settings = load_settings(
        _production(tmp_path, PORTAL_GRAPHQL_IDE="true", PORTAL_GRAPHQL_INTROSPECTION="true")
    )

    assert settings.production
    assert not settings.ide_enabled
    assert not settings.introspection_enabled
    assert load_keyset(settings).signing_kid


def test_generated_key_is_private_to_its_owner_and_kept(tmp_path: Path) -> None:
    settings = load_settings({"PORTAL_DATA_DIR": str(tmp_path)})

    first = load_keyset(settings)
    second = load_keyset(settings)

    assert first.signing_kid == second.signing_kid
    assert (tmp_path / DEV_KEY_FILE).stat().st_mode & 0o777 == 0o600


def test_readme_documents_every_setting() -> None:
    text = README.read_text()
    table = re.search(r"<!-- settings:begin.*?-->\n(.*?)<!-- settings:end -->", text, re.S)

    assert table is not None
    assert table.group(1) == settings_markdown(), (
        "run `./run settings` and paste it into the README"
    )
    assert len(SETTINGS) == table.group(1).count("| `PORTAL_")


def test_the_public_url_follows_the_port_unless_it_is_set() -> None:
    """Issue 18: on any port but 8000 the token issuer was another address than the portal's."""
    assert load_settings({}).issuer == "http://127.0.0.1:8000"
    assert load_settings({"PORTAL_PORT": "8123"}).issuer == "http://127.0.0.1:8123"
    given = {"PORTAL_PORT": "8123", "PORTAL_PUBLIC_URL": "https://parley.example/"}
    assert load_settings(given).issuer == "https://parley.example"


def test_the_sandbox_is_off_by_default_and_refused_in_production(tmp_path: Path) -> None:
    assert load_settings({}).sandbox_day is None
    sandbox = load_settings({"PORTAL_SANDBOX": "1", "PORTAL_SANDBOX_DAY_SECONDS": "30"})
    assert sandbox.sandbox_day == 30
    # The clock job runs often enough for a 30-second day; never less often than configured.
    assert sandbox.clock_job_interval == 5
    assert (
        load_settings({"PORTAL_SANDBOX": "1", "PORTAL_CLOCK_INTERVAL": "2"}).clock_job_interval == 2
    )
    assert (
        load_settings({"PORTAL_SANDBOX": "1", "PORTAL_CLOCK_INTERVAL": "0"}).clock_job_interval == 0
    )

    with pytest.raises(SettingsError) as raised:
        load_settings(_production(tmp_path, PORTAL_SANDBOX="true"))

    assert "PORTAL_SANDBOX: refused in production" in str(raised.value)
