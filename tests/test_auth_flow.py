"""Signing in, refresh rotation, reuse revocation, logout, throttling and the refresh cookie,
over GraphQL and /oauth/token, against the real app and database."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import platform
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import argon2
import httpx
import jwt
import pytest

from portal.accounts.models import (
    LoginFailure,
    RefreshToken,
    ServiceAccount,
    Session,
    User,
)
from portal.app import create_app
from portal.auth import passwords
from portal.auth.tokens import keyed_hash
from portal.settings import Settings
from portal.web.cookies import REFRESH_COOKIE
from tests.factories import LOGIN, PASSWORD, Factory, answer, gql, login

VIEWER = "{ viewer { kind user { email } } }"
REFRESH = """
mutation Refresh($token: String!) {
  refreshSession(input: {refreshToken: $token}) {
    accessToken refreshToken expiresIn tokenType
    viewer { kind user { email } }
    userErrors { field code message }
  }
}
"""
LOGOUT = """
mutation Logout($input: LogoutInput) {
  logout(input: $input) { revoked userErrors { code } }
}
"""
INVALID_REFRESH = {
    "field": None,
    "code": "INVALID_REFRESH_TOKEN",
    "message": "The refresh token is invalid, expired or revoked.",
}
UNAUTHENTICATED_BODY = {
    "errors": [
        {
            "message": "The access token is invalid or expired.",
            "extensions": {"code": "UNAUTHENTICATED"},
        }
    ]
}
INVALID_GRANT_BODY = {
    "error": "invalid_grant",
    "error_description": "The refresh token is invalid, expired or revoked.",
}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


# --- helpers shared by the token and OAuth tests ------------------------------------------


async def auth_state() -> dict[str, Any]:
    """Every row sign-in can change, to show that a refused request changed nothing."""
    return {
        "users": await User.all()
        .order_by("email")
        .values_list("email", "is_active", "last_login_at", "password_hash"),
        "sessions": await Session.all()
        .order_by("id")
        .values_list("id", "user_id", "expires_at", "revoked_at", "revoked_reason"),
        "refresh_tokens": await RefreshToken.all()
        .order_by("id")
        .values_list("id", "session_id", "token_hash", "expires_at", "used_at"),
        "login_failures": await LoginFailure.all().order_by("id").values_list("email", "at"),
        "service_accounts": await ServiceAccount.all()
        .order_by("client_id")
        .values_list("client_id", "secret_hash", "is_active", "last_used_at"),
    }


def assert_unauthenticated(response: httpx.Response) -> None:
    """What /graphql answers to any bearer token it does not accept."""
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert response.headers["content-type"] == "application/graphql-response+json"
    assert answer(response) == UNAUTHENTICATED_BODY


def session_id_of(access_token: str) -> uuid.UUID:
    return uuid.UUID(jwt.decode(access_token, options={"verify_signature": False})["sid"])


async def viewer_email(client: httpx.AsyncClient, access_token: str) -> str:
    """The e-mail /graphql sees behind a token that must work."""
    response = await gql(client, VIEWER, token=access_token)
    assert response.status_code == 200, response.text
    email: str = response.json()["data"]["viewer"]["user"]["email"]
    return email


async def refresh_session(client: httpx.AsyncClient, refresh_token: str) -> dict[str, Any]:
    response = await gql(client, REFRESH, {"token": refresh_token})
    assert response.status_code == 200, response.text
    payload: dict[str, Any] = response.json()["data"]["refreshSession"]
    return payload


async def oauth_refresh(client: httpx.AsyncClient, refresh_token: str | None) -> httpx.Response:
    data = {"grant_type": "refresh_token"}
    if refresh_token is not None:
        data["refresh_token"] = refresh_token
    return await client.post("/oauth/token", data=data)


@dataclass
class SignedIn:
    user: User
    access_token: str
    refresh_token: str
    session_id: uuid.UUID


async def sign_in(client: httpx.AsyncClient, user: User) -> SignedIn:
    payload = await login(client, user)
    return SignedIn(
        user=user,
        access_token=payload["accessToken"],
        refresh_token=payload["refreshToken"],
        session_id=session_id_of(payload["accessToken"]),
    )


def set_cookies(response: httpx.Response) -> dict[str, SimpleCookie]:
    """The response's Set-Cookie headers, parsed, by cookie name."""
    cookies: dict[str, SimpleCookie] = {}
    for header in response.headers.get_list("set-cookie"):
        parsed: SimpleCookie = SimpleCookie()
        parsed.load(header)
        for name in parsed:
            cookies[name] = parsed
    return cookies


def refresh_cookie_headers(response: httpx.Response) -> list[str]:
    # A sign-in also sets the device cookie (tests/test_security_signin.py, Issue 13 F4).
    return [h for h in response.headers.get_list("set-cookie") if h.startswith(REFRESH_COOKIE)]


def assert_refresh_cookie_set(response: httpx.Response, settings: Settings) -> str:
    """The response sets the refresh cookie with every protective attribute; returns its value."""
    headers = refresh_cookie_headers(response)
    assert len(headers) == 1, headers
    value = response.cookies[REFRESH_COOKIE]
    assert headers[0] == (
        f"{REFRESH_COOKIE}={value}; HttpOnly; Max-Age={settings.refresh_token_ttl}; "
        "Path=/oauth/; SameSite=strict"
    )
    return value


def assert_refresh_cookie_cleared(response: httpx.Response) -> None:
    headers = response.headers.get_list("set-cookie")
    assert len(headers) == 1, headers
    morsel = set_cookies(response)[REFRESH_COOKIE][REFRESH_COOKIE]
    assert morsel.value == ""
    assert morsel["max-age"] == "0"
    assert morsel["path"] == "/oauth/"
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "strict"


# --- login ---------------------------------------------------------------------------------


async def test_login_returns_tokens_that_open_the_viewer(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()

    payload = await login(client, user)

    assert payload["tokenType"] == "Bearer"
    assert payload["expiresIn"] == 900
    assert payload["viewer"] == {
        "kind": "USER",
        "user": {"id": payload["viewer"]["user"]["id"], "email": user.email},
    }
    session = await Session.get(user_id=user.id)
    assert session.id == session_id_of(payload["accessToken"])
    assert session.method == "password"
    assert session.revoked_at is None
    stored = await RefreshToken.get(session_id=session.id)
    assert stored.token_hash == keyed_hash(factory.settings.secret_key, payload["refreshToken"])
    assert stored.used_at is None
    assert (await User.get(id=user.id)).last_login_at is not None
    response = await gql(client, VIEWER, token=payload["accessToken"])
    assert answer(response) == {"data": {"viewer": {"kind": "USER", "user": {"email": user.email}}}}


async def test_login_normalises_the_email_address(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()

    response = await gql(
        client, LOGIN, {"input": {"email": f"  {user.email.upper()} ", "password": PASSWORD}}
    )

    assert response.json()["data"]["login"]["userErrors"] == []
    assert await Session.filter(user_id=user.id).count() == 1


async def test_wrong_password_is_a_user_error(client: httpx.AsyncClient, factory: Factory) -> None:
    user = await factory.user()
    before = await auth_state()

    response = await gql(client, LOGIN, {"input": {"email": user.email, "password": "nope" * 4}})

    assert response.status_code == 200
    assert response.json()["data"]["login"] == {
        "accessToken": None,
        "refreshToken": None,
        "expiresIn": None,
        "tokenType": None,
        "viewer": None,
        "userErrors": [
            {
                "field": None,
                "code": "INVALID_CREDENTIALS",
                "message": "E-mail or password is wrong.",
            }
        ],
    }
    after = await auth_state()
    assert await LoginFailure.filter(email=user.email).count() == 1
    assert {**after, "login_failures": []} == {**before, "login_failures": []}


async def test_unknown_email_is_answered_like_a_wrong_password(client: httpx.AsyncClient) -> None:
    before = await auth_state()

    response = await gql(
        client, LOGIN, {"input": {"email": "nobody@example.org", "password": PASSWORD}}
    )

    assert response.json()["data"]["login"]["userErrors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "E-mail or password is wrong."}
    ]
    assert await Session.all().count() == 0
    assert {**await auth_state(), "login_failures": []} == {**before, "login_failures": []}


async def test_after_max_failures_the_account_takes_no_password_not_even_the_right_one(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    user = await factory.user()
    bystander = await factory.user()
    wrong = {"input": {"email": user.email, "password": "wrong password"}}
    for _ in range(settings.login_max_failures):
        response = await gql(client, LOGIN, wrong)
        assert response.json()["data"]["login"]["userErrors"][0]["code"] == "INVALID_CREDENTIALS"
    before = await auth_state()

    refused_wrong = await gql(client, LOGIN, wrong)
    refused_right = await gql(client, LOGIN, {"input": {"email": user.email, "password": PASSWORD}})

    # Issue 13 F4: not a lock-out: its owner signs in with a code (tests/test_security_signin.py).
    code_required = {
        "field": None,
        "code": "SIGN_IN_CODE_REQUIRED",
        "message": "Too many failed sign-ins for this account; sign in with a one-time code "
        "sent to its e-mail address.",
    }
    for response in (refused_wrong, refused_right):
        payload = response.json()["data"]["login"]
        assert payload["accessToken"] is None
        assert payload["refreshToken"] is None
        assert payload["userErrors"] == [code_required]
    assert await auth_state() == before
    assert await LoginFailure.filter(email=user.email).count() == settings.login_max_failures
    assert await Session.filter(user_id=user.id).count() == 0
    # The throttle is per address: another account still signs in.
    assert (await login(client, bystander))["userErrors"] == []


async def test_a_successful_sign_in_clears_the_failures_and_old_ones_are_pruned(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    user = await factory.user()
    stale = await LoginFailure.create(email=user.email)
    await LoginFailure.filter(id=stale.id).update(
        at=datetime.now(UTC) - timedelta(seconds=settings.login_failure_window + 1)
    )
    wrong = {"input": {"email": user.email, "password": "wrong password"}}

    await gql(client, LOGIN, wrong)
    after_failure = await LoginFailure.filter(email=user.email).count()
    await login(client, user)

    assert after_failure == 1  # the stale failure was pruned, the new one kept
    assert await LoginFailure.filter(email=user.email).count() == 0


async def test_disabled_user_cannot_sign_in_refresh_or_use_a_token(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    await User.filter(id=signed.user.id).update(is_active=False)
    before = await auth_state()

    login_response = await gql(
        client, LOGIN, {"input": {"email": signed.user.email, "password": PASSWORD}}
    )
    refreshed = await refresh_session(client, signed.refresh_token)
    viewer = await gql(client, VIEWER, token=signed.access_token)
    oauth = await oauth_refresh(client, signed.refresh_token)

    assert login_response.json()["data"]["login"]["userErrors"] == [
        {"field": None, "code": "INVALID_CREDENTIALS", "message": "E-mail or password is wrong."}
    ]
    assert refreshed["accessToken"] is None
    assert refreshed["userErrors"] == [INVALID_REFRESH]
    assert_unauthenticated(viewer)
    assert oauth.status_code == 400
    assert answer(oauth) == INVALID_GRANT_BODY
    after = await auth_state()
    # Only the failed sign-in is recorded; the session and its refresh token are untouched.
    assert len(after["login_failures"]) == len(before["login_failures"]) + 1
    assert {**after, "login_failures": []} == {**before, "login_failures": []}


# --- refresh and rotation --------------------------------------------------------------------


async def test_refresh_session_rotates_the_refresh_token(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())

    payload = await refresh_session(client, signed.refresh_token)

    assert payload["userErrors"] == []
    assert payload["tokenType"] == "Bearer"
    assert payload["expiresIn"] == 900
    assert payload["viewer"] == {"kind": "USER", "user": {"email": signed.user.email}}
    assert payload["refreshToken"] not in (None, signed.refresh_token)
    assert session_id_of(payload["accessToken"]) == signed.session_id
    assert await viewer_email(client, payload["accessToken"]) == signed.user.email
    tokens = await RefreshToken.filter(session_id=signed.session_id).order_by("created_at")
    secret = factory.settings.secret_key
    assert [(t.token_hash, t.used_at is None) for t in tokens] == [
        (keyed_hash(secret, signed.refresh_token), False),
        (keyed_hash(secret, payload["refreshToken"]), True),
    ]
    # The new refresh token works in turn.
    again = await refresh_session(client, payload["refreshToken"])
    assert again["userErrors"] == []
    assert await viewer_email(client, again["accessToken"]) == signed.user.email


async def test_refresh_session_with_an_unknown_token_changes_nothing(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    before = await auth_state()

    payload = await refresh_session(client, "not-a-refresh-token")

    assert payload == {
        "accessToken": None,
        "refreshToken": None,
        "expiresIn": None,
        "tokenType": None,
        "viewer": None,
        "userErrors": [INVALID_REFRESH],
    }
    assert await auth_state() == before
    assert await viewer_email(client, signed.access_token) == signed.user.email


async def test_refresh_with_the_access_token_is_refused(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    before = await auth_state()

    payload = await refresh_session(client, signed.access_token)

    assert payload["userErrors"] == [INVALID_REFRESH]
    assert await auth_state() == before


async def test_expired_refresh_token_is_refused_and_not_spent(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    await RefreshToken.filter(session_id=signed.session_id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    before = await auth_state()

    payload = await refresh_session(client, signed.refresh_token)

    assert payload["userErrors"] == [INVALID_REFRESH]
    assert await auth_state() == before


async def test_refresh_after_session_max_age_is_refused(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    await Session.filter(id=signed.session_id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    before = await auth_state()

    payload = await refresh_session(client, signed.refresh_token)

    assert payload["userErrors"] == [INVALID_REFRESH]
    assert await auth_state() == before


async def test_oauth_refresh_says_when_a_session_near_its_max_age_ends(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    await Session.filter(id=signed.session_id).update(
        expires_at=datetime.now(UTC) + timedelta(seconds=120)
    )

    body = (await oauth_refresh(client, signed.refresh_token)).json()

    # Capped by the session's end, not the refresh token's usual lifetime.
    assert 100 <= body["refresh_expires_in"] <= 120


async def test_reusing_a_spent_refresh_token_revokes_the_whole_family(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    signed = await sign_in(client, user)
    other_session = await sign_in(client, user)
    rotated = await refresh_session(client, signed.refresh_token)
    assert rotated["userErrors"] == []
    # Spent longer ago than the grace for a lost answer (PORTAL_REFRESH_REUSE_GRACE): a copy.
    await RefreshToken.filter(
        token_hash=keyed_hash(factory.settings.secret_key, signed.refresh_token)
    ).update(used_at=datetime.now(UTC) - timedelta(seconds=31))

    reused = await refresh_session(client, signed.refresh_token)

    assert reused["accessToken"] is None
    assert reused["userErrors"] == [INVALID_REFRESH]
    session = await Session.get(id=signed.session_id)
    assert session.revoked_at is not None
    assert session.revoked_reason == "refresh_token_reuse"
    # The newest refresh token of the family is dead, and so is every access token of it.
    newest = await refresh_session(client, rotated["refreshToken"])
    assert newest["userErrors"] == [INVALID_REFRESH]
    assert_unauthenticated(await gql(client, VIEWER, token=signed.access_token))
    assert_unauthenticated(await gql(client, VIEWER, token=rotated["accessToken"]))
    # Another sign-in of the same person is a different family and goes on.
    assert (await Session.get(id=other_session.session_id)).revoked_at is None
    assert await viewer_email(client, other_session.access_token) == user.email
    assert (await refresh_session(client, other_session.refresh_token))["userErrors"] == []


async def test_two_concurrent_uses_of_one_refresh_token_spend_it_once_and_end_the_session(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())

    first, second = await asyncio.gather(
        refresh_session(client, signed.refresh_token),
        refresh_session(client, signed.refresh_token),
    )

    # One use spends the token (one new refresh token is written); the other ends the session.
    # The winner gets its new tokens, unless the session ended before it answered: then it is
    # refused the same way, never with an internal error. (Had the second arrived after the
    # first had answered, it would be a lost answer: tested below.)
    winners = [p for p in (first, second) if p["accessToken"] is not None]
    losers = [p for p in (first, second) if p["accessToken"] is None]
    if len(winners) == 2:
        pytest.skip("the two requests ran one after the other: the lost-answer case")
    assert len(winners) <= 1
    assert [p["userErrors"] for p in losers] == [[INVALID_REFRESH]] * len(losers)
    assert await RefreshToken.filter(session_id=signed.session_id).count() == 2
    session = await Session.get(id=signed.session_id)
    assert session.revoked_reason == "refresh_token_reuse"
    for winner in winners:
        assert winner["userErrors"] == []
        assert (await refresh_session(client, winner["refreshToken"]))["userErrors"] == [
            INVALID_REFRESH
        ]
        assert_unauthenticated(await gql(client, VIEWER, token=winner["accessToken"]))


async def test_a_spent_token_again_within_the_grace_is_a_lost_answer_once(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    """A reload cut the refresh answer short, so the browser still sends the spent token: the
    session rotates once more instead of ending. Only while the token it was rotated into is
    unused, and only for the token just before it."""
    signed = await sign_in(client, await factory.user())
    lost = await refresh_session(client, signed.refresh_token)  # the answer never arrived
    assert lost["userErrors"] == []

    again = await refresh_session(client, signed.refresh_token)

    assert again["userErrors"] == []
    assert again["refreshToken"] not in (lost["refreshToken"], signed.refresh_token)
    assert await viewer_email(client, again["accessToken"]) == signed.user.email
    assert (await Session.get(id=signed.session_id)).revoked_at is None
    # The lost token was spent by the replacement: it is now behind, and using it is a copy.
    assert (await refresh_session(client, lost["refreshToken"]))["userErrors"] == [INVALID_REFRESH]
    assert (await Session.get(id=signed.session_id)).revoked_reason == "refresh_token_reuse"


async def test_a_spent_token_behind_a_used_successor_is_a_copy_even_within_the_grace(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    rotated = await refresh_session(client, signed.refresh_token)
    assert (await refresh_session(client, rotated["refreshToken"]))["userErrors"] == []

    reused = await refresh_session(client, signed.refresh_token)

    assert reused["userErrors"] == [INVALID_REFRESH]
    assert (await Session.get(id=signed.session_id)).revoked_reason == "refresh_token_reuse"


async def test_oauth_token_refresh_grant_rotates_the_refresh_token(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())

    response = await oauth_refresh(client, signed.refresh_token)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["pragma"] == "no-cache"
    assert response.headers.get_list("set-cookie") == []
    body = response.json()
    assert set(body) == {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "refresh_expires_in",
    }
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 900
    # The new refresh token's lifetime (the web portal's timeout warning counts down from it).
    assert body["refresh_expires_in"] == factory.settings.refresh_token_ttl
    assert body["refresh_token"] != signed.refresh_token
    assert await viewer_email(client, body["access_token"]) == signed.user.email
    spent = await RefreshToken.get(
        token_hash=keyed_hash(factory.settings.secret_key, signed.refresh_token)
    )
    assert spent.used_at is not None
    # The new one works once; the old one is spent, and presenting it ends the session.
    assert (await oauth_refresh(client, body["refresh_token"])).status_code == 200
    reused = await oauth_refresh(client, signed.refresh_token)
    assert reused.status_code == 400
    assert answer(reused) == INVALID_GRANT_BODY
    assert (await Session.get(id=signed.session_id)).revoked_reason == "refresh_token_reuse"
    assert_unauthenticated(await gql(client, VIEWER, token=body["access_token"]))


async def test_oauth_token_refresh_grant_with_an_unknown_token_changes_nothing(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    await sign_in(client, await factory.user())
    before = await auth_state()

    response = await oauth_refresh(client, "not-a-refresh-token")

    assert response.status_code == 400
    assert response.headers["cache-control"] == "no-store"
    assert answer(response) == INVALID_GRANT_BODY
    assert await auth_state() == before


async def test_oauth_token_refresh_grant_without_any_token_is_invalid_request(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    await sign_in(client, await factory.user())
    before = await auth_state()

    response = await oauth_refresh(client, None)

    assert response.status_code == 400
    assert response.headers["cache-control"] == "no-store"
    assert answer(response) == {
        "error": "invalid_request",
        "error_description": "refresh_token is required.",
    }
    assert await auth_state() == before


# --- logout ----------------------------------------------------------------------------------


async def test_logout_without_a_refresh_token_ends_the_callers_session(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    signed = await sign_in(client, user)
    other_session = await sign_in(client, user)

    response = await gql(client, LOGOUT, token=signed.access_token)

    assert answer(response) == {"data": {"logout": {"revoked": True, "userErrors": []}}}
    session = await Session.get(id=signed.session_id)
    assert session.revoked_reason == "logout"
    assert_unauthenticated(await gql(client, VIEWER, token=signed.access_token))
    assert (await refresh_session(client, signed.refresh_token))["userErrors"] == [INVALID_REFRESH]
    # Logging out ends this sign-in only.
    assert await viewer_email(client, other_session.access_token) == user.email


async def test_logout_with_a_refresh_token_ends_that_session(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())

    response = await gql(client, LOGOUT, {"input": {"refreshToken": signed.refresh_token}})

    assert answer(response) == {"data": {"logout": {"revoked": True, "userErrors": []}}}
    assert (await Session.get(id=signed.session_id)).revoked_reason == "logout"
    assert_unauthenticated(await gql(client, VIEWER, token=signed.access_token))
    assert (await refresh_session(client, signed.refresh_token))["userErrors"] == [INVALID_REFRESH]
    assert (await oauth_refresh(client, signed.refresh_token)).json() == INVALID_GRANT_BODY
    # A second logout has nothing left to revoke.
    again = await gql(client, LOGOUT, {"input": {"refreshToken": signed.refresh_token}})
    assert answer(again) == {"data": {"logout": {"revoked": False, "userErrors": []}}}


async def test_logout_with_an_unknown_refresh_token_changes_nothing(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    before = await auth_state()

    response = await gql(client, LOGOUT, {"input": {"refreshToken": "not-a-refresh-token"}})

    assert answer(response) == {"data": {"logout": {"revoked": False, "userErrors": []}}}
    assert await auth_state() == before
    assert await viewer_email(client, signed.access_token) == signed.user.email


@pytest.mark.parametrize("variables", [None, {"input": {}}, {"input": {"refreshToken": ""}}])
async def test_logout_without_a_session_or_a_token_is_unauthenticated(
    client: httpx.AsyncClient, factory: Factory, variables: dict[str, Any] | None
) -> None:
    signed = await sign_in(client, await factory.user())
    before = await auth_state()

    response = await gql(client, LOGOUT, variables)

    assert answer(response) == {
        "data": None,
        "errors": [
            {
                "message": "Sign in to do this.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["logout"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ],
    }
    assert await auth_state() == before
    assert await viewer_email(client, signed.access_token) == signed.user.email


# --- the browser's refresh cookie ----------------------------------------------------------


async def _cookie_login(client: httpx.AsyncClient, user: User) -> httpx.Response:
    return await gql(
        client,
        LOGIN,
        {"input": {"email": user.email, "password": PASSWORD, "refreshTokenDelivery": "COOKIE"}},
    )


async def test_cookie_login_sets_an_http_only_strict_cookie_scoped_to_oauth(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    user = await factory.user()

    response = await _cookie_login(client, user)

    payload = response.json()["data"]["login"]
    assert payload["userErrors"] == []
    assert payload["refreshToken"] is None
    value = assert_refresh_cookie_set(response, settings)
    session = await Session.get(user_id=user.id)
    stored = await RefreshToken.get(session_id=session.id)
    assert stored.token_hash == keyed_hash(settings.secret_key, value)
    assert value not in response.text
    assert await viewer_email(client, payload["accessToken"]) == user.email


async def test_refresh_cookie_is_secure_when_the_portal_is_served_over_https(
    db: str, factory: Factory, settings: Settings
) -> None:
    https = dataclasses.replace(settings, public_url="https://portal.example")
    app = create_app(https, manage_orm=False)
    user = await factory.user()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://portal.example") as c:
        response = await _cookie_login(c, user)
        rotated = await c.post("/oauth/token", data={"grant_type": "refresh_token"})
        revoked = await c.post("/oauth/revoke")

    value = response.cookies[REFRESH_COOKIE]
    assert refresh_cookie_headers(response) == [
        f"{REFRESH_COOKIE}={value}; HttpOnly; Max-Age={settings.refresh_token_ttl}; "
        "Path=/oauth/; SameSite=strict; Secure"
    ]
    assert rotated.status_code == 200
    assert set_cookies(rotated)[REFRESH_COOKIE][REFRESH_COOKIE]["secure"] is True
    assert set_cookies(revoked)[REFRESH_COOKIE][REFRESH_COOKIE]["secure"] is True


async def test_oauth_token_with_only_the_cookie_rotates_the_cookie(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    user = await factory.user()
    login_response = await _cookie_login(client, user)
    first = login_response.cookies[REFRESH_COOKIE]

    response = await oauth_refresh(client, None)

    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in", "refresh_expires_in"}
    second = assert_refresh_cookie_set(response, settings)
    assert second != first
    assert await viewer_email(client, body["access_token"]) == user.email
    spent = await RefreshToken.get(token_hash=keyed_hash(settings.secret_key, first))
    assert spent.used_at is not None
    # The client's jar now holds the new cookie, which works in turn.
    assert client.cookies[REFRESH_COOKIE] == second
    assert (await oauth_refresh(client, None)).status_code == 200


async def test_empty_refresh_token_field_counts_as_omitted_and_the_cookie_rotates(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    user = await factory.user()
    first = (await _cookie_login(client, user)).cookies[REFRESH_COOKIE]

    response = await oauth_refresh(client, "")

    assert response.status_code == 200
    assert set(response.json()) == {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_expires_in",
    }
    assert assert_refresh_cookie_set(response, settings) != first


async def test_spent_refresh_cookie_ends_the_session_and_clears_the_cookie(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    user = await factory.user()
    login_response = await _cookie_login(client, user)
    first = login_response.cookies[REFRESH_COOKIE]
    access = login_response.json()["data"]["login"]["accessToken"]
    rotated = await oauth_refresh(client, None)
    assert rotated.status_code == 200
    # Spent longer ago than the grace for a lost answer: a copy.
    await RefreshToken.filter(token_hash=keyed_hash(settings.secret_key, first)).update(
        used_at=datetime.now(UTC) - timedelta(seconds=31)
    )
    client.cookies.clear()
    client.cookies.set(REFRESH_COOKIE, first, domain="testserver.local", path="/oauth/")

    response = await oauth_refresh(client, None)

    assert response.status_code == 400
    assert answer(response) == INVALID_GRANT_BODY
    assert_refresh_cookie_cleared(response)
    assert (await Session.get(id=session_id_of(access))).revoked_reason == "refresh_token_reuse"
    assert_unauthenticated(await gql(client, VIEWER, token=rotated.json()["access_token"]))
    assert_unauthenticated(await gql(client, VIEWER, token=access))


async def test_oauth_revoke_with_the_cookie_ends_the_session(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    login_response = await _cookie_login(client, user)
    access = login_response.json()["data"]["login"]["accessToken"]
    value = login_response.cookies[REFRESH_COOKIE]

    response = await client.post("/oauth/revoke")

    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["cache-control"] == "no-store"
    assert_refresh_cookie_cleared(response)
    assert REFRESH_COOKIE not in client.cookies
    assert (await Session.get(id=session_id_of(access))).revoked_reason == "logout"
    assert_unauthenticated(await gql(client, VIEWER, token=access))
    assert (await oauth_refresh(client, value)).json() == INVALID_GRANT_BODY


async def test_oauth_revoke_with_the_token_field_ends_that_session(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())

    response = await client.post("/oauth/revoke", data={"token": signed.refresh_token})

    assert response.status_code == 200
    assert (await Session.get(id=signed.session_id)).revoked_reason == "logout"
    assert_unauthenticated(await gql(client, VIEWER, token=signed.access_token))


async def test_oauth_revoke_of_an_unknown_token_is_ok_and_changes_nothing(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    signed = await sign_in(client, await factory.user())
    before = await auth_state()

    response = await client.post("/oauth/revoke", data={"token": "not-a-refresh-token"})

    assert response.status_code == 200
    assert await auth_state() == before
    assert await viewer_email(client, signed.access_token) == signed.user.email


async def test_graphql_never_authenticates_by_cookie(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    login_response = await _cookie_login(client, user)
    access = login_response.json()["data"]["login"]["accessToken"]
    before = await auth_state()

    # The refresh cookie (were it sent) and the access token as cookies: neither signs in.
    response = await client.post(
        "/graphql",
        json={"query": LOGOUT},
        headers={
            "Cookie": f"{REFRESH_COOKIE}={login_response.cookies[REFRESH_COOKIE]}; "
            f"access_token={access}"
        },
    )

    assert response.json()["data"] is None
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["UNAUTHENTICATED"]
    assert await auth_state() == before


async def test_a_hash_of_the_former_profile_signs_in_and_is_rehashed(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    """RFC 9106's low-memory profile (64 MiB, the default until 2026-12) still verifies; the
    sign-in stores a hash of the current parameters (issue 17: memory per sign-in)."""
    user = await factory.user()
    user.password_hash = argon2.PasswordHasher.from_parameters(
        argon2.profiles.RFC_9106_LOW_MEMORY
    ).hash(PASSWORD)
    await user.save(update_fields=["password_hash"])

    await login(client, user)

    stored = (await User.get(id=user.id)).password_hash
    assert argon2.extract_parameters(stored) == passwords._hasher._parameters
    assert argon2.extract_parameters(stored) != argon2.profiles.RFC_9106_LOW_MEMORY
    assert passwords.verify_password(stored, PASSWORD)


def test_new_passwords_use_owasps_argon2id_configuration() -> None:
    """The serving profile (the suite hashes with a cheaper one): argon2id, 19 MiB, t=2, p=1."""
    hashed = argon2.PasswordHasher.from_parameters(passwords.PARAMETERS).hash(PASSWORD)

    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_at_most_two_password_hashes_run_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each check holds its memory cost while it runs: a burst of sign-ins waits for a slot."""
    running = 0
    most = 0
    lock = threading.Lock()
    release = threading.Event()

    class Slow:
        def verify(self, stored: str, password: str) -> bool:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            release.wait(5)
            with lock:
                running -= 1
            return True

    monkeypatch.setattr(passwords, "_hasher", Slow())
    threads = [
        threading.Thread(target=passwords.verify_password, args=("$argon2id$x", "p"))
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 5
    while most < passwords.MAX_CONCURRENT_CHECKS and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)  # a third check, were it let in, would be counted by now
    observed = most
    release.set()
    for thread in threads:
        thread.join(5)

    assert observed == passwords.MAX_CONCURRENT_CHECKS == 2
    assert most == 2


RESIDENT_AFTER_CHECKS = """
import asyncio, sys
from portal.app import map_large_blocks
from portal.auth import passwords

def resident_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(x for x in status if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024

async def main() -> None:
    if sys.argv[1] == "mapped":
        assert map_large_blocks()
    before = resident_mb()
    for _ in range(3):  # a sign-in's check, then its rehash, as the serving process runs them
        stored = await passwords.hashed("a long enough password")
        await asyncio.to_thread(passwords.verify_password, stored, "a long enough password")
    print(resident_mb() - before)

asyncio.run(main())
"""


@pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc" or not Path("/proc/self/status").exists(),
    reason="glibc's malloc threshold, read from /proc",
)
@pytest.mark.parametrize(("mode", "grows"), [("mapped", False), ("default", True)])
def test_password_checks_leave_no_memory_behind_in_a_serving_process(
    mode: str, grows: bool
) -> None:
    """`portal serve` fixes glibc's mmap threshold (`map_large_blocks`): each argon2 check's
    19 MiB is given back when it ends. Without it, glibc raises its threshold after the first
    block and later checks stay resident in their thread's heap (the control case)."""
    # Without the settings that would change the allocator or its threshold for the child.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MALLOC_", "GLIBC_TUNABLES", "LD_PRELOAD"))
    }
    out = subprocess.run(
        [sys.executable, "-c", RESIDENT_AFTER_CHECKS, mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    grown = float(out.stdout.strip())
    assert (grown > 15) is grows, grown
