"""The JSON Schema of each webhook body kind, public at `/events/schemas/<kind>.json`
(portal.notifications.webhooks.SCHEMA_PATH), as generated into docs/events/schemas/."""

from __future__ import annotations

from functools import cache

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.notifications.webhooks import SCHEMA_PATH
from portal.timeline.eventdocs import schema_files


@cache
def _files() -> dict[str, bytes]:
    return {name: content.encode() for name, content in schema_files().items()}


async def event_schema(request: Request) -> Response:
    name = f"{request.path_params['kind']}.json"
    found = _files().get(name)
    if found is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    return Response(
        found,
        media_type="application/schema+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


routes = [Route(SCHEMA_PATH, event_schema, methods=["GET"])]
