"""The GraphQL-over-HTTP endpoint: bearer authentication, media types and status codes."""

from __future__ import annotations

import logging
from typing import Any

import orjson
from cross_web import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse

from portal.api.context import Context
from portal.auth.actor import Actor
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken
from portal.settings import Settings

log = logging.getLogger("portal.api")

GRAPHQL_RESPONSE = "application/graphql-response+json"

# strawberry's transport errors are plain text; clients get them as coded GraphQL errors.
_HTTP_CODES = {
    "Unable to parse request body as JSON": "MALFORMED_JSON",
    "Unsupported content type": "UNSUPPORTED_CONTENT_TYPE",
    "No GraphQL query found in the request": "MISSING_QUERY",
    "Too many operations": "BATCH_LIMIT_EXCEEDED",
    "Batching is not enabled": "BATCH_LIMIT_EXCEEDED",
}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status_code=status, headers=headers, media_type=GRAPHQL_RESPONSE)


def bearer_token(request: Request | WebSocket) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class PortalGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Settings, auth: AuthService) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.ide_enabled else None,
            allow_queries_via_get=False,
            multipart_uploads_enabled=False,
            allowed_origins=settings.allowed_origins,
        )
        self.settings = settings
        self.auth = auth

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as exc:
            response = self._http_error(exc)
        await response(scope, receive, send)

    def _http_error(self, exc: HTTPException) -> Response:
        if exc.status_code == 401:
            return error_response(
                401,
                "UNAUTHENTICATED",
                exc.reason,
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        code = _HTTP_CODES.get(exc.reason, "BAD_REQUEST")
        if code == "UNSUPPORTED_CONTENT_TYPE":
            return error_response(415, code, "Send application/json.")
        return error_response(exc.status_code, code, exc.reason)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        actor: Actor | None = None
        token = bearer_token(request)
        if token is not None:
            try:
                actor = await self.auth.authenticate(token)
            except InvalidToken as exc:
                log.info("access token refused: %s", exc.reason)
                raise HTTPException(401, "The access token is invalid or expired.") from exc
        return Context(
            request=request, response=response, settings=self.settings, auth=self.auth, actor=actor
        )

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        request_accepts = getattr(sub_response, "_parley_accept", "")
        legacy = "application/json" in request_accepts and GRAPHQL_RESPONSE not in request_accepts
        if not legacy:
            response.headers["content-type"] = GRAPHQL_RESPONSE
            # GraphQL over HTTP: a request that could not be parsed or validated is a 4xx.
            if not isinstance(response_data, list) and _is_request_error(response_data):
                response.status_code = 400
        return response

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response._parley_accept = request.headers.get("accept", "")  # type: ignore[attr-defined]
        return sub_response


def _is_request_error(data: GraphQLHTTPResponse) -> bool:
    errors: list[dict[str, Any]] = data.get("errors") or []  # type: ignore[assignment]
    return (
        data.get("data") is None
        and bool(errors)
        and all(
            "path" not in e and (e.get("extensions") or {}).get("code") != "INTERNAL_SERVER_ERROR"
            for e in errors
        )
    )
