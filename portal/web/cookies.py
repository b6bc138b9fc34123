"""The browser's refresh-token cookie: HttpOnly, SameSite=Strict, sent only to `/oauth/`.

`/graphql` never reads cookies, so a cross-site request has no ambient credential to ride on.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from portal.settings import Settings

REFRESH_COOKIE = "parley_refresh"
REFRESH_COOKIE_PATH = "/oauth/"


def set_refresh_cookie(response: Response, token: str, settings: Settings) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=settings.refresh_token_ttl,
        path=REFRESH_COOKIE_PATH,
        httponly=True,
        samesite="strict",
        secure=settings.issuer.startswith("https://"),
    )


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
