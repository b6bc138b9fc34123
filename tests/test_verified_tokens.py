"""Issue 17, deliverable 4: an access token's signature is checked once and its claims kept
until it expires; its session is still checked on every request, so a revoked session, a
disabled user or an expired token is refused with the cache warm."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.auth.keys import load_keyset
from portal.auth.services import AuthService
from portal.auth.tokens import (
    LEEWAY_SECONDS,
    InvalidToken,
    TokenIssuer,
    TokenKind,
    VerifiedTokens,
)
from portal.settings import Settings
from tests.factories import Factory, gql
from tests.test_auth_flow import (
    LOGOUT,
    VIEWER,
    assert_unauthenticated,
    sign_in,
    viewer_email,
)


@dataclass(frozen=True)
class CountingIssuer(TokenIssuer):
    calls: list[str] = field(default_factory=list)

    def verify(self, token: str, kind: TokenKind) -> dict[str, Any]:
        self.calls.append(token)
        return super().verify(token, kind)


@dataclass
class Clock:
    now: float

    def __call__(self) -> float:
        return self.now


def issuer_for(settings: Settings) -> CountingIssuer:
    return CountingIssuer(
        keys=load_keyset(settings), issuer=settings.issuer, audience=settings.jwt_audience
    )


def auth_of(app: Starlette) -> AuthService:
    auth: AuthService = app.state.auth
    return auth


async def test_a_revoked_session_is_refused_while_its_token_is_cached(
    app: Starlette, client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    signed = await sign_in(client, user)
    assert await viewer_email(client, signed.access_token) == user.email
    assert signed.access_token in auth_of(app).access_tokens._kept  # warm

    logout = await gql(client, LOGOUT, token=signed.access_token)
    assert logout.json()["data"]["logout"]["revoked"] is True

    assert signed.access_token in auth_of(app).access_tokens._kept  # still warm
    assert_unauthenticated(await gql(client, VIEWER, token=signed.access_token))


async def test_a_disabled_user_is_refused_while_their_token_is_cached(
    app: Starlette, client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()
    signed = await sign_in(client, user)
    assert await viewer_email(client, signed.access_token) == user.email
    await User.filter(id=user.id).update(is_active=False)

    assert signed.access_token in auth_of(app).access_tokens._kept
    assert_unauthenticated(await gql(client, VIEWER, token=signed.access_token))


def test_a_token_is_verified_once_until_it_expires(settings: Settings) -> None:
    issuer = issuer_for(settings)
    token = issuer.issue(TokenKind.ACCESS, "someone", 600, sid="s")
    expires = float(issuer.verify(token, TokenKind.ACCESS)["exp"])
    issuer.calls.clear()
    clock = Clock(expires - 600)
    cache = VerifiedTokens(issuer, TokenKind.ACCESS, clock=clock)

    first = cache.verify(token)
    assert cache.verify(token) == first
    clock.now = expires + LEEWAY_SECONDS - 0.5
    assert cache.verify(token) == first
    assert issuer.calls == [token]

    # From the instant the verifier itself would refuse it, the entry is gone: verified again.
    clock.now = expires + LEEWAY_SECONDS
    assert cache.verify(token) == first  # the real clock still accepts it
    assert issuer.calls == [token, token]


def test_forged_tokens_are_checked_every_time_and_never_kept(settings: Settings) -> None:
    issuer = issuer_for(settings)
    cache = VerifiedTokens(issuer, TokenKind.ACCESS)
    token = issuer.issue(TokenKind.ACCESS, "someone", 600, sid="s")
    cache.verify(token)
    head, claims, signature = token.split(".")
    # The same claims under another signature are another key, verified and refused.
    forged = f"{head}.{claims}.{signature[:-4]}AAAA"
    download = issuer.issue(TokenKind.DOWNLOAD, "someone", 600)
    for bad in (forged, forged, download, "not-a-token"):
        with pytest.raises(InvalidToken):
            cache.verify(bad)
    assert list(cache._kept) == [token]


def test_the_cache_keeps_at_most_its_size_dropping_the_oldest(settings: Settings) -> None:
    issuer = issuer_for(settings)
    cache = VerifiedTokens(issuer, TokenKind.ACCESS, size=2)
    tokens = [issuer.issue(TokenKind.ACCESS, f"user-{n}", 600, sid="s") for n in range(3)]
    for token in tokens:
        cache.verify(token)
    assert list(cache._kept) == tokens[1:]
    issuer.calls.clear()
    cache.verify(tokens[0])
    assert issuer.calls == [tokens[0]]
