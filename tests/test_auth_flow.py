"""Signing in, refresh rotation, reuse revocation and logout, over GraphQL and /oauth/token."""

from __future__ import annotations

import httpx

from portal.accounts.models import Session
from tests.factories import LOGIN, Factory, gql, login

VIEWER = "{ viewer { kind user { email } } }"
REFRESH = """
mutation Refresh($token: String!) {
  refreshSession(input: {refreshToken: $token}) {
    accessToken refreshToken userErrors { code message }
  }
}
"""


async def test_login_returns_tokens_that_open_the_viewer(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()

    session = await login(client, user)

    assert session["tokenType"] == "Bearer"
    assert session["expiresIn"] == 900
    response = await gql(client, VIEWER, token=session["accessToken"])
    assert response.json() == {"data": {"viewer": {"kind": "USER", "user": {"email": user.email}}}}


async def test_wrong_password_is_a_user_error(client: httpx.AsyncClient, factory: Factory) -> None:
    user = await factory.user()

    response = await gql(client, LOGIN, {"input": {"email": user.email, "password": "nope" * 4}})

    payload = response.json()["data"]["login"]
    assert payload["accessToken"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["INVALID_CREDENTIALS"]
    assert await Session.all().count() == 0
