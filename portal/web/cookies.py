"""The browser's cookies, HttpOnly and SameSite=Strict: the refresh token, sent only to
`/oauth/`, and the device cookie, sent only to `/graphql` (portal.auth.devices).

`/graphql` never authenticates by cookie: the device cookie only lifts an account's sign-in
limits for a browser that signed in to it before, so a cross-site request has no ambient
credential to ride on.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

from portal.settings import Settings

REFRESH_COOKIE = "parley_refresh"
REFRESH_COOKIE_PATH = "/oauth/"
DEVICE_COOKIE = "parley_device"
# Only the sign-in mutations read it, and they are only at /graphql.
DEVICE_COOKIE_PATH = "/graphql"


def _set(
    response: Response, name: str, value: str, path: str, ttl: int, settings: Settings
) -> None:
    """Every cookie of the portal: HttpOnly, SameSite=Strict, Secure under https."""
    response.set_cookie(
        name,
        value,
        max_age=ttl,
        path=path,
        httponly=True,
        samesite="strict",
        secure=settings.issuer.startswith("https://"),
    )


def set_refresh_cookie(response: Response, token: str, settings: Settings) -> None:
    _set(response, REFRESH_COOKIE, token, REFRESH_COOKIE_PATH, settings.refresh_token_ttl, settings)


def clear_refresh_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        REFRESH_COOKIE,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.issuer.startswith("https://"),
    )


def refresh_cookie(request: Request) -> str | None:
    return request.cookies.get(REFRESH_COOKIE) or None


def set_device_cookie(response: Response, value: str, settings: Settings) -> None:
    _set(response, DEVICE_COOKIE, value, DEVICE_COOKIE_PATH, settings.sign_in_device_ttl, settings)


def device_cookie(connection: HTTPConnection) -> str | None:
    """The device cookie of a request or WebSocket handshake."""
    return connection.cookies.get(DEVICE_COOKIE) or None
