"""Issue 13 F8: NUL and control characters in a URL, refused before any endpoint reads it.

GraphQL strings are checked in `portal.api.characters`; this is the same rule for the other
endpoints' paths and query strings (`/reports/...?organisation=%00` reached PostgreSQL, which
cannot store NUL, as an internal error). Form fields are checked where they are read
(`portal.web.oauth`).
"""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from starlette.types import ASGIApp, Receive, Scope, Send

from portal.api.characters import FORBIDDEN, INVALID_CHARACTER
from portal.api.view import error_response, response_media_type


class UrlCharacterMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            query = unquote_to_bytes(scope.get("query_string", b"")).decode("latin-1")
            if FORBIDDEN.search(scope["path"]) or FORBIDDEN.search(query):
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                accept = dict(scope["headers"]).get(b"accept", b"").decode("latin-1")
                response = error_response(
                    400,
                    INVALID_CHARACTER,
                    "The address holds a NUL or control character.",
                    media_type=response_media_type(accept),
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
