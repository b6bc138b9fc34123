"""/oauth/token for integration clients (client_credentials, RFC 6749 4.4), its RFC 6749 5.2
errors, and the JWKS that verifies what it issues."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import quote_plus, urlencode

import httpx
import jwt
import pytest

from portal.accounts.models import Role, ServiceAccount
from portal.accounts.services import NewServiceAccount
from portal.auth.tokens import keyed_hash
from portal.settings import Settings
from tests.factories import Factory, answer, gql
from tests.test_auth_flow import assert_unauthenticated, auth_state

SERVICE_VIEWER = "{ viewer { kind serviceAccount { clientId } roles { role } } }"
INVALID_CLIENT = {"error": "invalid_client", "error_description": "Client authentication failed."}
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
async def client_account(factory: Factory) -> NewServiceAccount:
    return await factory.service_account(Role.ORG_AGENT)


def basic(client_id: str, secret: str) -> dict[str, str]:
    encoded = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {encoded}"}


async def token_request(
    client: httpx.AsyncClient,
    data: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    # Encoded here so that an empty form still goes out as a form (httpx would drop the type).
    return await client.post(
        "/oauth/token",
        content=urlencode(data or {}),
        headers={"Content-Type": FORM, **(headers or {})},
    )


def assert_oauth_error(
    response: httpx.Response,
    status: int,
    body: dict[str, str],
    www_authenticate: str | None = None,
) -> None:
    """An RFC 6749 5.2 error: the status, exactly {error, error_description}, never cached."""
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["pragma"] == "no-cache"
    assert response.headers.get("www-authenticate") == www_authenticate
    assert answer(response) == body


def assert_token_response(response: httpx.Response, settings: Settings) -> str:
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["pragma"] == "no-cache"
    assert response.headers.get_list("set-cookie") == []
    body: dict[str, Any] = response.json()
    # No refresh token for a client: it simply asks again with its credentials (RFC 6749 4.4.3).
    assert set(body) == {"access_token", "token_type", "expires_in", "scope"}
    assert body["token_type"] == "Bearer"
    # RFC 6749 5.1: the scopes granted; a client asking for none gets all of its own.
    assert body["scope"] == "read write webhooks"
    assert body["expires_in"] == settings.access_token_ttl
    token: str = body["access_token"]
    return token


async def assert_service_viewer(
    client: httpx.AsyncClient, token: str, account: ServiceAccount
) -> None:
    response = await gql(client, SERVICE_VIEWER, token=token)
    assert answer(response) == {
        "data": {
            "viewer": {
                "kind": "SERVICE_ACCOUNT",
                "serviceAccount": {"clientId": account.client_id},
                "roles": [{"role": "ORG_AGENT"}],
            }
        }
    }


# --- success ---------------------------------------------------------------------------------


async def test_client_credentials_with_http_basic(
    client: httpx.AsyncClient, client_account: NewServiceAccount, settings: Settings
) -> None:
    account = client_account.account

    response = await token_request(
        client,
        {"grant_type": "client_credentials"},
        basic(account.client_id, client_account.client_secret),
    )

    token = assert_token_response(response, settings)
    await assert_service_viewer(client, token, account)
    assert (await ServiceAccount.get(id=account.id)).last_used_at is not None


async def test_client_credentials_with_httpx_basic_auth(
    client: httpx.AsyncClient, client_account: NewServiceAccount, settings: Settings
) -> None:
    account = client_account.account

    response = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(account.client_id, client_account.client_secret),
    )

    await assert_service_viewer(client, assert_token_response(response, settings), account)


async def test_client_credentials_with_form_fields(
    client: httpx.AsyncClient, client_account: NewServiceAccount, settings: Settings
) -> None:
    account = client_account.account

    response = await token_request(
        client,
        {
            "grant_type": "client_credentials",
            "client_id": account.client_id,
            "client_secret": client_account.client_secret,
        },
    )

    token = assert_token_response(response, settings)
    await assert_service_viewer(client, token, account)


async def test_client_credentials_token_is_verified_by_the_jwks(
    client: httpx.AsyncClient, client_account: NewServiceAccount, settings: Settings
) -> None:
    account = client_account.account
    token = assert_token_response(
        await token_request(
            client,
            {"grant_type": "client_credentials"},
            basic(account.client_id, client_account.client_secret),
        ),
        settings,
    )

    response = await client.get("/.well-known/jwks.json")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/jwk-set+json"
    assert response.headers["cache-control"] == "public, max-age=300"
    jwks = response.json()
    assert len(jwks["keys"]) == 1
    published = jwks["keys"][0]
    # Public parts only: no private scalar `d`.
    assert set(published) == {"kty", "crv", "alg", "use", "kid", "x"}
    assert (published["kty"], published["crv"], published["alg"], published["use"]) == (
        "OKP",
        "Ed25519",
        "EdDSA",
        "sig",
    )
    header = jwt.get_unverified_header(token)
    assert header == {"alg": "EdDSA", "typ": "at+jwt", "kid": published["kid"]}
    key = jwt.PyJWK(published)
    claims = jwt.decode(
        token,
        key,
        algorithms=["EdDSA"],
        audience=settings.jwt_audience,
        issuer=settings.issuer,
        options={"require": ["exp", "iat", "iss", "aud", "sub", "jti"]},
    )
    assert claims["sub"] == f"svc:{account.id}"
    assert claims["typ"] == "access"
    assert claims["exp"] - claims["iat"] == settings.access_token_ttl
    assert "sid" not in claims


async def test_a_client_token_stops_working_when_the_account_is_disabled(
    client: httpx.AsyncClient, client_account: NewServiceAccount, settings: Settings
) -> None:
    account = client_account.account
    token = assert_token_response(
        await token_request(
            client,
            {"grant_type": "client_credentials"},
            basic(account.client_id, client_account.client_secret),
        ),
        settings,
    )
    await ServiceAccount.filter(id=account.id).update(is_active=False)
    before = await auth_state()

    response = await gql(client, SERVICE_VIEWER, token=token)

    assert_unauthenticated(response)
    assert await auth_state() == before


async def test_basic_credentials_are_form_urlencoded_before_base64(
    client: httpx.AsyncClient, client_account: NewServiceAccount, settings: Settings
) -> None:
    # RFC 6749 2.3.1: a secret "a b+c/%" travels as "a+b%2Bc%2F%25" inside the Basic value.
    account = client_account.account
    secret = "a b+c/%"
    await ServiceAccount.filter(id=account.id).update(
        secret_hash=keyed_hash(settings.secret_key, secret)
    )

    response = await token_request(
        client,
        {"grant_type": "client_credentials"},
        basic(quote_plus(account.client_id), quote_plus(secret)),
    )

    await assert_service_viewer(client, assert_token_response(response, settings), account)


# --- client authentication failures ---------------------------------------------------------


async def test_wrong_secret_with_basic_is_invalid_client_with_www_authenticate(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    before = await auth_state()

    response = await token_request(
        client,
        {"grant_type": "client_credentials"},
        basic(client_account.account.client_id, client_account.client_secret + "x"),
    )

    assert_oauth_error(response, 401, INVALID_CLIENT, 'Basic realm="parley"')
    assert await auth_state() == before


async def test_wrong_secret_in_form_fields_is_invalid_client(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    before = await auth_state()

    response = await token_request(
        client,
        {
            "grant_type": "client_credentials",
            "client_id": client_account.account.client_id,
            "client_secret": "wrong",
        },
    )

    assert_oauth_error(response, 401, INVALID_CLIENT)
    assert await auth_state() == before


async def test_a_client_id_longer_than_any_is_invalid_client_not_a_server_error(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    # Issue 13, found by the fuzz run: a client id over the column's 64 characters was HTTP 500.
    before = await auth_state()

    response = await token_request(
        client,
        {"grant_type": "client_credentials", "client_id": "a" * 65, "client_secret": "x"},
    )

    assert_oauth_error(response, 401, INVALID_CLIENT)
    assert await auth_state() == before


async def test_another_clients_secret_is_invalid_client(
    client: httpx.AsyncClient, factory: Factory, client_account: NewServiceAccount
) -> None:
    other = await factory.service_account(Role.ORG_AGENT)
    before = await auth_state()

    response = await token_request(
        client,
        {"grant_type": "client_credentials"},
        basic(client_account.account.client_id, other.client_secret),
    )

    assert_oauth_error(response, 401, INVALID_CLIENT, 'Basic realm="parley"')
    assert await auth_state() == before


@pytest.mark.parametrize("secret", ["", "x"])
async def test_unknown_client_is_invalid_client(
    client: httpx.AsyncClient, client_account: NewServiceAccount, secret: str
) -> None:
    before = await auth_state()

    basic_response = await token_request(
        client, {"grant_type": "client_credentials"}, basic("parley_unknown", secret)
    )
    form_response = await token_request(
        client,
        {
            "grant_type": "client_credentials",
            "client_id": "parley_unknown",
            "client_secret": secret,
        },
    )

    # Answered exactly like a wrong secret: the response does not tell which client ids exist.
    assert_oauth_error(basic_response, 401, INVALID_CLIENT, 'Basic realm="parley"')
    assert_oauth_error(form_response, 401, INVALID_CLIENT)
    assert await auth_state() == before


async def test_no_client_credentials_at_all_is_invalid_client(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    before = await auth_state()

    response = await token_request(client, {"grant_type": "client_credentials"})

    assert_oauth_error(response, 401, INVALID_CLIENT)
    assert await auth_state() == before


async def test_disabled_client_is_invalid_client(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    account = client_account.account
    await ServiceAccount.filter(id=account.id).update(is_active=False)
    before = await auth_state()

    response = await token_request(
        client,
        {"grant_type": "client_credentials"},
        basic(account.client_id, client_account.client_secret),
    )

    assert_oauth_error(response, 401, INVALID_CLIENT, 'Basic realm="parley"')
    assert await auth_state() == before
    assert (await ServiceAccount.get(id=account.id)).last_used_at is None


@pytest.mark.parametrize("value", ["!!!not-base64", base64.b64encode(b"\xff\xfe").decode(), ""])
async def test_malformed_basic_credentials_are_invalid_client(
    client: httpx.AsyncClient, client_account: NewServiceAccount, value: str
) -> None:
    before = await auth_state()

    response = await token_request(
        client, {"grant_type": "client_credentials"}, {"Authorization": f"Basic {value}"}
    )

    assert_oauth_error(response, 401, INVALID_CLIENT, 'Basic realm="parley"')
    assert await auth_state() == before


# --- malformed requests ----------------------------------------------------------------------


@pytest.mark.parametrize("form_field", ["client_id", "client_secret"])
async def test_basic_and_form_credentials_together_are_invalid_request(
    client: httpx.AsyncClient, client_account: NewServiceAccount, form_field: str
) -> None:
    account = client_account.account
    before = await auth_state()
    form = {
        "client_id": account.client_id,
        "client_secret": client_account.client_secret,
    }

    response = await token_request(
        client,
        {"grant_type": "client_credentials", form_field: form[form_field]},
        basic(account.client_id, client_account.client_secret),
    )

    assert_oauth_error(
        response,
        400,
        {"error": "invalid_request", "error_description": "Use one client authentication method."},
    )
    assert await auth_state() == before


@pytest.mark.parametrize("grant", ["password", "authorization_code", "CLIENT_CREDENTIALS"])
async def test_unsupported_grant_type(
    client: httpx.AsyncClient, client_account: NewServiceAccount, grant: str
) -> None:
    account = client_account.account
    before = await auth_state()

    response = await token_request(
        client,
        {"grant_type": grant},
        basic(account.client_id, client_account.client_secret),
    )

    assert_oauth_error(
        response,
        400,
        {
            "error": "unsupported_grant_type",
            "error_description": f"Grant {grant!r} is not supported.",
        },
    )
    assert await auth_state() == before


@pytest.mark.parametrize("data", [{}, {"grant_type": ""}])
async def test_missing_grant_type_is_invalid_request(
    client: httpx.AsyncClient, client_account: NewServiceAccount, data: dict[str, str]
) -> None:
    account = client_account.account
    before = await auth_state()

    response = await token_request(
        client, data, basic(account.client_id, client_account.client_secret)
    )

    assert_oauth_error(
        response,
        400,
        {"error": "invalid_request", "error_description": "grant_type is required."},
    )
    assert await auth_state() == before


async def test_json_body_is_invalid_request(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    account = client_account.account
    before = await auth_state()

    response = await client.post(
        "/oauth/token",
        json={
            "grant_type": "client_credentials",
            "client_id": account.client_id,
            "client_secret": client_account.client_secret,
        },
    )

    assert_oauth_error(
        response,
        400,
        {"error": "invalid_request", "error_description": f"Send the request as {FORM}."},
    )
    assert await auth_state() == before


async def test_repeated_parameter_is_invalid_request(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    account = client_account.account
    before = await auth_state()

    response = await client.post(
        "/oauth/token",
        content=(
            f"grant_type=client_credentials&client_id={account.client_id}"
            f"&client_secret={client_account.client_secret}&client_secret=other"
        ),
        headers={"Content-Type": FORM},
    )

    assert_oauth_error(
        response,
        400,
        {"error": "invalid_request", "error_description": "A parameter was sent more than once."},
    )
    assert await auth_state() == before


@pytest.mark.parametrize("scope", ["admin", "read admin", "READ", "read,write"])
async def test_a_scope_that_is_not_the_clients_is_invalid_scope(
    client: httpx.AsyncClient, client_account: NewServiceAccount, scope: str
) -> None:
    account = client_account.account
    before = await auth_state()

    response = await token_request(
        client,
        {"grant_type": "client_credentials", "scope": scope},
        basic(account.client_id, client_account.client_secret),
    )

    assert_oauth_error(
        response,
        400,
        {
            "error": "invalid_scope",
            "error_description": "Ask for some of this client's scopes, space-separated, or "
            "leave scope out for all of them: read write webhooks.",
        },
    )
    assert await auth_state() == before


async def test_get_is_not_allowed_on_the_token_endpoint(
    client: httpx.AsyncClient, client_account: NewServiceAccount
) -> None:
    account = client_account.account
    before = await auth_state()

    response = await client.get(
        "/oauth/token",
        params={
            "grant_type": "client_credentials",
            "client_id": account.client_id,
            "client_secret": client_account.client_secret,
        },
    )

    assert response.status_code == 405
    assert "access_token" not in response.text
    assert await auth_state() == before
