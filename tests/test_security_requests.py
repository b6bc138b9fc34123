"""Issue 13 F9-F11, HTTP hardening: nosniff on every answer, HSTS in production, a policy and no
framing for the GraphQL IDE, no source maps, and the OAuth endpoints closed to other sites."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import RefreshToken, Session
from portal.app import create_app
from portal.auth.tokens import keyed_hash
from portal.settings import Settings
from portal.web.cookies import REFRESH_COOKIE
from tests.factories import Factory, gql, quick_world
from tests.production import production_settings
from tests.test_api_support import token_for
from tests.test_auth_flow import _cookie_login

ROOT = Path(__file__).resolve().parents[1]


async def _client(app: Starlette, base_url: str = "http://testserver") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)


@pytest.fixture(scope="module")
def production_app(data_dir: Path, database_url: str) -> Starlette:
    settings = production_settings(str(data_dir), database_url, max_request_bytes=1024)
    return create_app(settings, manage_orm=False)


@pytest.fixture
async def production(production_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    async with await _client(production_app, "https://parley.example") as c:
        yield c


# --- F9: HSTS in production; F10: nosniff everywhere ------------------------------------------


async def _answers(client: httpx.AsyncClient) -> list[httpx.Response]:
    return [
        await gql(client, "{ __typename }"),  # GraphQL JSON
        await gql(client, "{ nothing }"),  # a refusal before execution
        await client.post(
            "/graphql", content=b"x" * 2000, headers={"content-type": "application/json"}
        ),
        await client.get("/api"),
        await client.get("/healthz"),
        await client.get("/api/no-such-path"),
        await client.post("/oauth/token", data={"grant_type": "nothing"}),
        await client.get("/.well-known/jwks.json"),
    ]


async def test_production_answers_carry_hsts_and_nosniff(production: httpx.AsyncClient) -> None:
    answers = await _answers(production)

    assert [a.status_code for a in answers] == [200, 400, 413, 200, 200, 404, 400, 200]
    for answer in answers:
        assert answer.headers["strict-transport-security"] == "max-age=31536000"
        assert answer.headers["x-content-type-options"] == "nosniff"


async def test_development_answers_carry_nosniff_and_no_hsts(client: httpx.AsyncClient) -> None:
    answers = await _answers(client)

    for answer in answers:
        assert answer.headers["x-content-type-options"] == "nosniff"
        assert "strict-transport-security" not in answer.headers


# --- F10: the GraphQL IDE's page ---------------------------------------------------------------


async def test_the_ide_page_has_a_content_security_policy_and_may_not_be_framed(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["connect-src"] == "'self'"
    assert response.headers["x-frame-options"] == "DENY"
    # Every inline script of the page, and nothing else inline, by its hash.
    inline = re.findall(r"<script>(.*?)</script>", response.text, re.S)
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in inline
    }
    assert len(inline) == 1
    assert set(directives["script-src"].split()) == hashes | {"https://unpkg.com"}
    assert "'unsafe-inline'" not in directives["script-src"]


# --- F9-F11: source maps -----------------------------------------------------------------------


async def test_source_maps_are_neither_built_nor_served(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "dist"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>Parley</title>")
    (folder / "assets" / "index-abc123.js").write_text("console.log(1)")
    (folder / "assets" / "index-abc123.js.map").write_text('{"sources": ["src/App.tsx"]}')
    (folder / "index.js.map").write_text('{"sources": ["src/main.tsx"]}')
    built = dataclasses.replace(settings, frontend_dir=str(folder))

    async with await _client(create_app(built, manage_orm=False)) as c:
        script = await c.get("/assets/index-abc123.js")
        asset_map = await c.get("/assets/index-abc123.js.map")
        top_map = await c.get("/index.js.map")
        upper = await c.get("/assets/INDEX-ABC123.JS.MAP")

    assert script.status_code == 200
    for refused in (asset_map, top_map, upper):
        assert refused.status_code == 404
        assert "sources" not in refused.text
    config = (ROOT / "frontend" / "vite.config.ts").read_text()
    assert "sourcemap: false" in config


# --- F11: /oauth/token and /oauth/revoke refuse other sites ------------------------------------

ORIGIN_NOT_ALLOWED = {
    "error": "invalid_request",
    "error_description": "Requests from another site's pages are not accepted here.",
    "code": "ORIGIN_NOT_ALLOWED",
}


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://testserver.evil"])
async def test_a_cross_site_refresh_or_revoke_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, factory: Factory, settings: Settings, origin: str
) -> None:
    user = await factory.user()
    cookie = (await _cookie_login(client, user)).cookies[REFRESH_COOKIE]
    headers = {"origin": origin}

    refresh = await client.post(
        "/oauth/token", data={"grant_type": "refresh_token"}, headers=headers
    )
    revoke = await client.post("/oauth/revoke", headers=headers)

    for response in (refresh, revoke):
        assert response.status_code == 403
        assert response.json() == ORIGIN_NOT_ALLOWED
        assert response.headers["cache-control"] == "no-store"
        assert response.headers.get_list("set-cookie") == []
    stored = await RefreshToken.get(token_hash=keyed_hash(settings.secret_key, cookie))
    assert stored.used_at is None
    assert (await Session.get(user_id=user.id)).revoked_at is None


async def test_the_portals_own_pages_and_clients_without_origin_may_refresh_and_revoke(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    await _cookie_login(client, user)

    same_site = await client.post(
        "/oauth/token",
        data={"grant_type": "refresh_token"},
        headers={"origin": "http://testserver"},
    )
    no_origin = await client.post("/oauth/token", data={"grant_type": "refresh_token"})
    revoked = await client.post("/oauth/revoke", headers={"origin": "http://testserver"})

    assert same_site.status_code == no_origin.status_code == revoked.status_code == 200
    assert "access_token" in same_site.json()
    assert "access_token" in no_origin.json()
    assert (await Session.get(user_id=user.id)).revoked_at is not None


async def test_configured_origins_and_the_public_url_are_the_portals_own(
    db: str, factory: Factory, settings: Settings
) -> None:
    allowed = dataclasses.replace(
        settings, public_url="https://parley.example", allowed_origins=("https://app.example",)
    )
    app = create_app(allowed, manage_orm=False)
    user = await factory.user()

    # Behind a proxy: the app is reached under another name than its public one.
    async with await _client(app, "https://internal:8443") as c:
        await _cookie_login(c, user)
        public = await c.post(
            "/oauth/token",
            data={"grant_type": "refresh_token"},
            headers={"origin": "https://parley.example"},
        )
        configured = await c.post(
            "/oauth/token",
            data={"grant_type": "refresh_token"},
            headers={"origin": "https://app.example"},
        )
        other = await c.post(
            "/oauth/token",
            data={"grant_type": "refresh_token"},
            headers={"origin": "https://other.example"},
        )

    assert public.status_code == configured.status_code == 200
    assert other.status_code == 403
    assert other.json() == ORIGIN_NOT_ALLOWED


# --- F8: NUL and control characters outside GraphQL --------------------------------------------


async def test_nul_in_a_client_id_is_refused_before_the_database(
    client: httpx.AsyncClient,
) -> None:
    # On PostgreSQL, main answered 500: asyncpg cannot send NUL in text.
    form = {"grant_type": "client_credentials", "client_id": "client\x00", "client_secret": "s"}
    basic = base64.b64encode(b"client\x00:secret").decode()

    in_form = await client.post("/oauth/token", data=form)
    in_basic = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        headers={"authorization": f"Basic {basic}"},
    )

    for response in (in_form, in_basic):
        assert response.status_code == 400
        assert response.json() == {
            "error": "invalid_request",
            "error_description": "A parameter holds a NUL or control character.",
        }


@pytest.mark.parametrize(
    "path",
    [
        "/reports/management-review.json?organisation=%00",
        "/reports/management-review.json?organisation=a%1Bb",
        "/files/documents/a%00b",
    ],
)
async def test_nul_and_control_characters_in_an_address_are_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, path: str
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.manager)

    anonymous = await client.get(path)
    signed_in = await client.get(path, headers={"authorization": f"Bearer {token}"})

    for response in (anonymous, signed_in):
        assert response.status_code == 400
        assert response.json() == {
            "errors": [
                {
                    "message": "The address holds a NUL or control character.",
                    "extensions": {"code": "INVALID_CHARACTER"},
                }
            ]
        }
