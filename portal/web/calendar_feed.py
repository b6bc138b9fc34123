"""A person's calendar feed (issue 20, 1): `GET /calendar/{token}.ics`.

The token in the path is the credential (calendar applications send no header): it is a
256-bit secret stored only as its SHA-256 (portal.sessions.feeds). An unknown or revoked
token answers 404 like any missing object. The file is private and never cached by others.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.api.view import error_response
from portal.sessions.feeds import feed_file
from portal.settings import Settings

ICS = "text/calendar; charset=utf-8"
JSON = "application/json"
_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
}


def calendar_routes(settings: Settings) -> list[Route]:
    async def feed(request: Request) -> Response:
        body = await feed_file(request.path_params["token"], base_url=settings.public_url)
        if body is None:
            refused = error_response(404, "NOT_FOUND", "Not found.", media_type=JSON)
            refused.headers.update(_HEADERS)
            return refused
        return Response(body, media_type=ICS, headers=_HEADERS)

    return [Route("/calendar/{token}.ics", feed, methods=["GET"])]
