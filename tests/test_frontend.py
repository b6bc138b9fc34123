"""The web portal's build contract: catalogues in step, generated types current, and
`portal serve` serving the built pages at `/` beside the API."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

from portal.app import create_app
from portal.settings import Settings, load_settings
from portal.web.spa import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parent.parent
FRONTEND = ROOT / "frontend"
CATALOGUES = FRONTEND / "src" / "i18n"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _area(locale: str, area: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((CATALOGUES / locale / f"{area}.json").read_text("utf-8"))
    return data


def _catalogue(locale: str) -> dict[str, str]:
    """A locale's whole catalogue: its area files merged, no key in two areas."""
    merged: dict[str, str] = {}
    for path in sorted((CATALOGUES / locale).glob("*.json")):
        area = _area(locale, path.stem)
        assert not set(area) & set(merged), f"{path.name}: keys also in another area"
        merged |= area
    return merged


def test_both_catalogues_have_the_same_keys_and_placeholders() -> None:
    areas = sorted(path.name for path in (CATALOGUES / "en").glob("*.json"))
    assert areas == sorted(path.name for path in (CATALOGUES / "zh-Hans").glob("*.json"))
    for name in areas:
        area = name.removesuffix(".json")
        assert sorted(_area("en", area)) == sorted(_area("zh-Hans", area)), name
    english, chinese = _catalogue("en"), _catalogue("zh-Hans")
    assert sorted(english) == sorted(chinese)
    for key, text in english.items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(chinese[key])), key
        assert text.strip(), key
        assert chinese[key].strip(), key


def test_every_message_key_the_source_names_is_in_the_catalogue() -> None:
    english = _catalogue("en")
    named: set[str] = set()
    for source in (FRONTEND / "src").rglob("*.ts*"):
        if "gql" in source.parts:
            continue
        text = source.read_text(encoding="utf-8")
        named |= set(re.findall(r"\bt\(\s*\"([\w.]+)\"", text))
        named |= set(re.findall(r"\blabel: \"([\w.]+)\"", text))
    assert named, "the pattern found no keys: it no longer matches the source"
    assert sorted(named - set(english)) == []


def _node_ready() -> bool:
    return shutil.which("node") is not None and (FRONTEND / "node_modules").is_dir()


def _needs_node() -> None:
    if not _node_ready():
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true: Node and frontend/node_modules are required (./run test installs them)"
            )
        pytest.skip("Node or frontend/node_modules missing: run `npm ci` in frontend/")
    if "postgres" in os.environ.get("PORTAL_TEST_DATABASE_URL", ""):
        pytest.skip("No database involved: runs once, in the SQLite pass")


def _codegen_check(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["node", "scripts/codegen-check.mjs", *args],
        cwd=FRONTEND,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_generated_types_match_the_schema_and_operations(tmp_path: Path) -> None:
    _needs_node()
    # Given the committed types, and a copy with one operation's types edited by hand
    stale = tmp_path / "gql"
    shutil.copytree(FRONTEND / "src" / "gql", stale)
    generated = stale / "graphql.ts"
    generated.write_text(generated.read_text().replace("reference", "ref", 1))
    # When both are checked (side by side) against what codegen makes now
    current, edited = _codegen_check(), _codegen_check(str(stale))
    _, current_err = current.communicate(timeout=120)
    _, edited_err = edited.communicate(timeout=120)
    # Then the committed ones pass and the edited copy fails, naming the file
    assert current.returncode == 0, current_err
    assert edited.returncode == 1
    assert "graphql.ts" in edited_err
    assert "npm run codegen" in edited_err


@pytest.fixture
def built_portal(tmp_path: Path, settings: Settings) -> Settings:
    folder = tmp_path / "dist"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>Parley</title>")
    (folder / "assets" / "index-abc123.js").write_text("console.log(1)")
    (folder / "robots.txt").write_text("User-agent: *")
    (tmp_path / "secret.txt").write_text("outside the build")
    return load_settings(
        {},
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        log_json=False,
        frontend_dir=str(folder),
    )


async def _get(settings: Settings, *paths: str) -> list[httpx.Response]:
    app = create_app(settings, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        return [await client.get(path) for path in paths]


async def test_serve_answers_client_routes_with_the_page_and_keeps_the_api(
    built_portal: Settings,
) -> None:
    (
        home,
        route,
        deep,
        asset,
        robots,
        escape,
        api,
        graphql,
        files,
        health,
        token,
        callbacks,
    ) = await _get(
        built_portal,
        "/",
        "/disputes",
        "/cases/RGlzcHV0ZUNhc2U6MQ==",
        "/assets/index-abc123.js",
        "/robots.txt",
        "/..%2Fsecret.txt",
        "/api",
        "/graphql?query=%7B__typename%7D",
        "/files/documents/not-a-link",
        "/healthz",
        "/oauth/token",
        "/providers/simsettle/callbacks",
    )
    for page in (home, route, deep):
        assert page.status_code == 200
        assert page.text == "<!doctype html><title>Parley</title>"
        assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert page.headers["cache-control"] == "no-cache"
    assert asset.status_code == 200
    assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert robots.text == "User-agent: *"
    assert "outside the build" not in escape.text
    assert api.json()["graphql"] == "/graphql"
    assert graphql.status_code != 200 or "data" in graphql.json()
    assert "<!doctype html>" not in graphql.text
    assert files.status_code in {400, 401, 403, 404}
    assert "<!doctype html>" not in files.text
    assert health.status_code == 200
    assert token.status_code == 405
    assert callbacks.status_code == 405  # POST only, and never the page


async def test_a_name_longer_than_the_file_system_takes_is_the_page_or_404(
    built_portal: Settings,
) -> None:
    # Issue 13, found by the fuzz run with the portal built: a 20,000-character path raised
    # ENAMETOOLONG from the file lookup, an internal error.
    long = "a" * 20_000
    page, asset = await _get(built_portal, f"/{long}", f"/assets/{long}.js")

    assert page.status_code == 200
    assert page.text == "<!doctype html><title>Parley</title>"
    assert asset.status_code == 404


async def test_dotfiles_of_the_build_are_never_served(built_portal: Settings) -> None:
    # `./run` stamps the build with dist/.parley-built; it was served at /.parley-built.
    folder = Path(built_portal.frontend_dir)
    (folder / ".parley-built").write_text("stamp")
    (folder / "assets" / ".env").write_text("KEY=value")

    stamp, hidden_asset = await _get(built_portal, "/.parley-built", "/assets/.env")

    assert stamp.status_code == 200  # a client route like any other: the page
    assert stamp.text == "<!doctype html><title>Parley</title>"
    assert stamp.headers["content-type"] == "text/html; charset=utf-8"
    assert hidden_asset.status_code == 404
    assert "KEY=value" not in hidden_asset.text


async def test_without_a_build_the_root_leads_to_the_api(
    tmp_path: Path, settings: Settings
) -> None:
    bare = load_settings(
        {},
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        log_json=False,
        frontend_dir=str(tmp_path / "missing"),
    )
    home, route = await _get(bare, "/", "/disputes")
    assert home.status_code == 307
    assert home.headers["location"] == "/graphql"
    assert route.status_code == 404


def test_the_forms_text_limits_are_the_servers() -> None:
    """frontend/src/design/limits.ts counts characters against the server's limits."""
    from portal.cases.inputs import MAX_TEXT
    from portal.commitments.services import MAX_WORDING
    from portal.complaints.services import MAX_NAME, MAX_SUBJECT

    source = (FRONTEND / "src" / "design" / "limits.ts").read_text(encoding="utf-8")
    limits = {
        name: int(value.replace("_", ""))
        for name, value in re.findall(r"^\s*(\w+): ([\d_]+),", source, re.MULTILINE)
    }
    assert limits == {
        "subject": MAX_SUBJECT,
        "text": MAX_TEXT,
        "name": MAX_NAME,
        "commitmentWording": MAX_WORDING,
    }


def test_the_webhook_form_offers_every_event_kind_of_the_schema_with_labels() -> None:
    # The form's kinds are the schema's EventKind values (generated, in the schema's order;
    # `npm run codegen` writes them, the codegen check above keeps them fresh); the deprecated
    # ones are never recorded and are not offered.
    from portal.timeline.catalogue import CATALOGUE, EventKind

    generated = (FRONTEND / "src" / "gql" / "eventKinds.ts").read_text("utf-8")
    offered = re.findall(r'^  "([A-Z_]+)",$', generated, re.MULTILINE)
    current = [kind for kind in EventKind if CATALOGUE[kind].deprecation is None]
    assert offered == [kind.name for kind in current]
    shared = (FRONTEND / "src" / "pages" / "integrations" / "shared.tsx").read_text("utf-8")
    assert 'from "../../gql/eventKinds"' in shared
    assert '"case_referred"' not in shared  # no hand-kept list beside the generated one
    # And every kind has its label (keyed by the stored kind, as the timeline's) in each locale
    for locale in ("en", "zh-Hans"):
        labels = _catalogue(locale)
        missing = [kind.value for kind in current if f"event.{kind.value}" not in labels]
        assert missing == [], locale
