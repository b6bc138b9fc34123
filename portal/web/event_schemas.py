"""The JSON Schema of each webhook body kind, public at `/events/schemas/<kind>.json`
(portal.notifications.webhooks.SCHEMA_PATH), as generated into docs/events/schemas/."""

from __future__ import annotations

from functools import cache

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.notifications.webhooks import PAYLOAD_SCHEMA_PATH, SCHEMA_PATH
from portal.timeline.eventdocs import schema_files


@cache
def _files() -> dict[str, bytes]:
    return {name: content.encode() for name, content in schema_files().items()}


def _serve(name: str) -> Response:
    found = _files().get(name)
    if found is None:
        return Response(status_code=404, headers={"Cache-Control": "no-store"})
    return Response(
        found,
        media_type="application/schema+json",
        headers={"Cache-Control": "public, max-age=3600"},
    )


async def body_schema(request: Request) -> Response:
    """A webhook body of one kind."""
    return _serve(f"{request.path_params['kind']}.json")


async def payload_schema(request: Request) -> Response:
    """The whole payload of one kind (`TimelineEvent.payload`, the live stream)."""
    return _serve(f"payload/{request.path_params['kind']}.json")


routes = [
    Route(SCHEMA_PATH, body_schema, methods=["GET"]),
    Route(PAYLOAD_SCHEMA_PATH, payload_schema, methods=["GET"]),
]
