"""The GraphQL-over-HTTP endpoint: bearer authentication, media types and status codes.

Every refusal is a JSON body of coded GraphQL errors, never a 500 and never plain text:
requests are POSTed `application/json` objects (or arrays of them, for a batch, up to
`graphql_max_batch`), and anything else is refused before execution with its own code.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import (
    DocumentNode,
    GraphQLError,
    OperationDefinitionNode,
    OperationType,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, GraphQLRequestProtocol
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.http.parse_content_type import parse_content_type
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from portal import metrics
from portal.api.context import Context
from portal.api.documents import READ_DOCUMENT, DocumentRefused, operation_of
from portal.api.errors import INTERNAL, public_errors
from portal.api.ide import ide_headers
from portal.api.limits import Costs
from portal.api.persisted import PersistedQueryError, resolve_query
from portal.api.websocket import PortalTransportWS, authenticate_connection
from portal.auth.actor import Actor
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken
from portal.dbclients.asyncpg_client import pinned
from portal.settings import Settings
from portal.web.ratelimit import RATE_LIMITED, Charge, RateLimits, partition_of

log = logging.getLogger("portal.api")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
MULTIPART = "multipart/form-data"
# GraphQL multipart requests (uploads) carry a CORS-safelisted content type, so a browser
# sends them cross-site without a preflight. Requiring a header no plain form can set makes
# every browser ask first (the CSRF protection of QUALITY.md and Apollo's, whose name
# apollo-upload-client sends). /graphql never authenticates by cookie either: the one cookie it
# reads, the device cookie (portal.auth.devices), only lifts an account's sign-in throttle.
PREFLIGHT_HEADERS = ("graphql-require-preflight", "apollo-require-preflight")

# Refusals strawberry raises itself, by reason.
_HTTP_CODES = {
    "No GraphQL query found in the request": "MISSING_QUERY",
}
_STATUS_CODES = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 415: "UNSUPPORTED_CONTENT_TYPE"}


class TextFrameWebSocketAdapter(ASGIWebSocketAdapter):
    """graphql-transport-ws messages go out as text frames, as the protocol requires.

    `encode_json` returns orjson's bytes, which strawberry sends as binary frames: fine for
    Python clients, but a browser receives a Blob and graphql-ws closes with 4400.
    """

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(orjson.dumps(message).decode())
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


@dataclass
class PortalRequestData(GraphQLRequestData):
    """A request's operation, with the document the view read for its checks (handed to
    `LimitedParser` for execution, so it is parsed once)."""

    document: DocumentNode | DocumentRefused | None = None


class RequestRefused(HTTPException):
    """A request refused before execution, with its error code."""

    def __init__(
        self, status_code: int, code: str, reason: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code, reason)
        self.code = code
        self.headers = headers


def response_media_type(accept: str) -> str:
    """GraphQL over HTTP: `application/graphql-response+json`, unless the client accepts
    `application/json` and not the former (a legacy client)."""
    accepted: set[str] = set()
    for item in accept.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        weight = next((p[2:] for p in params if p.replace(" ", "").startswith("q=")), "1")
        try:
            if float(weight) <= 0:
                continue
        except ValueError:
            continue
        accepted.add(media.lower())
    if JSON in accepted and GRAPHQL_RESPONSE not in accepted:
        return JSON
    return GRAPHQL_RESPONSE


def error_response(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str] | None = None,
    *,
    media_type: str = GRAPHQL_RESPONSE,
    **extensions: Any,
) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code, **extensions}}]}
    return JSONResponse(body, status_code=status, headers=headers, media_type=media_type)


def bearer_token(request: Request | WebSocket) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class PortalGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = PortalTransportWS
    websocket_adapter_class = TextFrameWebSocketAdapter

    def __init__(
        self,
        schema: Any,
        settings: Settings,
        auth: AuthService,
        limits: RateLimits | None = None,
    ) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.ide_enabled else None,
            allow_queries_via_get=False,
            multipart_uploads_enabled=True,
            allowed_origins=settings.allowed_origins,
            # The legacy graphql-ws protocol is off (STACK-NOTES: its auth bypass).
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
            max_subscriptions_per_connection=settings.graphql_max_subscriptions,
        )
        self.settings = settings
        self.auth = auth
        self.documents = schema.documents
        self.limits = limits or RateLimits(settings)
        self.costs = Costs(schema._schema)
        self.graphql_schema = schema._schema
        self.ide_headers = ide_headers(self.graphql_ide_html) if self.graphql_ide else {}

    async def render_graphql_ide(self, request: Request) -> Response:
        # Issue 13 F10: a content security policy and no framing for the IDE's page.
        response = await super().render_graphql_ide(request)
        response.headers.update(self.ide_headers)
        return response

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as exc:
            response = self._http_error(exc, request.headers.get("accept", ""))
        finally:
            # Closes the parsed form: an upload's spooled files go once the operation ran.
            await request.close()
        await response(scope, receive, send)

    def _http_error(self, exc: HTTPException, accept: str) -> Response:
        media_type = response_media_type(accept)
        if isinstance(exc, RequestRefused):
            return error_response(
                exc.status_code, exc.code, exc.reason, exc.headers, media_type=media_type
            )
        code = _HTTP_CODES.get(exc.reason) or _STATUS_CODES.get(exc.status_code, "BAD_REQUEST")
        return error_response(exc.status_code, code, exc.reason, media_type=media_type)

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method != "POST":
            # Queries via GET are off: a GET must not be able to change or leak anything.
            raise RequestRefused(
                405, "METHOD_NOT_ALLOWED", "Send GraphQL requests with POST.", {"Allow": "POST"}
            )
        content_type, _ = parse_content_type(request.content_type or "")
        if content_type == MULTIPART:
            return await self._parse_upload(request)
        if content_type != JSON:
            raise RequestRefused(415, "UNSUPPORTED_CONTENT_TYPE", "Send application/json.")
        try:
            # orjson, unlike json, refuses nesting deeper than 1024 instead of raising
            # RecursionError, and reports invalid UTF-8 as a decode error.
            data = orjson.loads(await request.get_body())
        except orjson.JSONDecodeError as exc:
            raise RequestRefused(400, "MALFORMED_JSON", "The body is not valid JSON.") from exc
        transport = self._get_stream_transport_from_headers(request.headers)
        protocol: GraphQLRequestProtocol = transport.protocol if transport else "http"
        if not isinstance(data, list):
            single = _request_data(data, protocol)
            self._refuse_subscription(single)
            return single
        limit = self.settings.graphql_max_batch
        if not data:
            raise RequestRefused(400, "BAD_REQUEST", "The batch holds no operations.")
        if len(data) > limit:
            raise RequestRefused(
                400,
                "BATCH_LIMIT_EXCEEDED",
                f"A batch holds at most {limit} operations; this one holds {len(data)}.",
            )
        if transport is not None:
            raise RequestRefused(400, "BAD_REQUEST", transport.batching_error)
        operations = [_request_data(item, protocol) for item in data]
        for operation in operations:
            # In a batch too: executed there, a subscription failed as a masked internal error.
            self._refuse_subscription(operation)
        # A batch's operations run concurrently on one context: fine for reads, but mutations
        # must run one at a time, in order, each seeing the last one's effects.
        if any(self._has_mutation(op) for op in operations):
            raise RequestRefused(
                400, "BATCH_MUTATION_NOT_ALLOWED", "Send mutations one request at a time."
            )
        batch: list[GraphQLRequestData] = list(operations)
        return batch

    def _operation(self, data: PortalRequestData) -> OperationDefinitionNode | None:
        """The operation ``data`` runs, read through the limits (Issue 13 F2); None when the
        document is refused, which `LimitedParser` then reports with its code."""
        data.document = self.documents.read(data.query or "")
        if isinstance(data.document, DocumentRefused):
            return None
        try:
            return operation_of(data.document, data.operation_name)
        except DocumentRefused:
            return None

    def _refuse_subscription(self, data: PortalRequestData) -> None:
        operation = self._operation(data)
        if operation is not None and operation.operation is OperationType.SUBSCRIPTION:
            # Subscriptions authenticate once and re-check at every event: WebSocket only.
            raise RequestRefused(
                400,
                "WEBSOCKET_REQUIRED",
                "Subscribe over a WebSocket (graphql-transport-ws) at /graphql.",
            )

    def _has_mutation(self, data: PortalRequestData) -> bool:
        if data.document is None:  # not read yet (`_refuse_subscription` reads it)
            self._operation(data)
        return isinstance(data.document, DocumentNode) and any(
            isinstance(d, OperationDefinitionNode) and d.operation is OperationType.MUTATION
            for d in data.document.definitions
        )

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        document = getattr(request_data, "document", None)
        operation = self._costed_operation(document, request_data.operation_name)
        requested = (
            self.costs.requested(document, operation, request_data.variables)
            if isinstance(document, DocumentNode) and operation is not None
            else 0
        )
        host = request.client.host if request.client else None
        charge = self.limits.take(
            *partition_of(context.actor, host),
            # Over the cost limit, validation refuses it: it takes 1, as any refusal.
            requested if requested <= self.settings.graphql_max_cost else 1,
        )
        sub_response.headers.update(charge.headers())
        if not charge.allowed:
            errors = [
                GraphQLError(
                    charge.refusal(),
                    extensions={"code": RATE_LIMITED, "retryAfter": charge.retry_after},
                )
            ]
            metrics.record_operation(
                _operation_name(document, request_data.operation_name),
                metrics.outcome_of(errors, None),
            )
            return ExecutionResult(
                data=None, errors=errors, extensions={"cost": _cost(requested, 0, charge)}
            )
        result = await self._compiled(request_data, document, operation, context)
        executor = metrics.INTERPRETED if result is None else metrics.COMPILED
        if result is None:
            read = (request_data.query or "", document) if document is not None else None
            token = READ_DOCUMENT.set(read)
            try:
                result = await super().execute_single(
                    request=request,
                    request_adapter=request_adapter,
                    sub_response=sub_response,
                    context=context,
                    root_value=root_value,
                    request_data=request_data,
                )
            finally:
                READ_DOCUMENT.reset(token)
        if result.errors:
            # Coded and masked here already (process_result's pass then finds nothing to do),
            # so that the outcome is told from the codes the client gets.
            result.errors = public_errors(result.errors)
        actual = (
            self.costs.actual(document, operation, result.data)
            if isinstance(document, DocumentNode) and operation is not None and result.data
            else 0
        )
        self.limits.settle(charge, actual)
        sub_response.headers.update(charge.headers())
        result.extensions = {**(result.extensions or {}), "cost": _cost(requested, actual, charge)}
        metrics.record_operation(
            _operation_name(document, request_data.operation_name),
            metrics.outcome_of(result.errors, result.data),
            executor,
        )
        return result

    async def _compiled(
        self,
        request_data: GraphQLRequestData,
        document: object,
        operation: OperationDefinitionNode | None,
        context: Context,
    ) -> ExecutionResult | None:
        """The answer of a compiled operation (portal.api.compiled), or None for strawberry:
        only a registered text that validation accepted before (the cache of validated
        documents holds it), a query, and a token whose scopes cover it."""
        if not self.settings.graphql_compiled or operation is None or context.actor is None:
            return None
        query = request_data.query or ""
        if not isinstance(document, DocumentNode) or self.documents.cache.get(query) is None:
            return None
        if operation.operation is not OperationType.QUERY:
            return None
        # Imported here: both import the schema's modules, which import this one.
        from portal.api.compiled import compiled_for
        from portal.api.scopes import missing_scope

        name = operation.name.value if operation.name else None
        compiled = compiled_for(self.graphql_schema, query, document, name)
        if compiled is None or missing_scope(context.actor, operation, document) is not None:
            return None
        # Its statements on one pooled connection (portal.dbclients.asyncpg_client.Pinned),
        # of the read pool (generic plans) unless the plan depends on this request's values.
        async with pinned(generic=compiled.generic_plans(request_data.variables)):
            data = await compiled.run(context.actor, request_data.variables, context)
        return None if data is None else ExecutionResult(data=data, errors=None)

    @staticmethod
    def _costed_operation(
        document: object, operation_name: str | None
    ) -> OperationDefinitionNode | None:
        if not isinstance(document, DocumentNode):
            return None
        try:
            return operation_of(document, operation_name)
        except DocumentRefused:
            return None

    async def _parse_upload(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        """The GraphQL multipart request spec: one operation, its files in the other parts."""
        if not any(request.headers.get(name) for name in PREFLIGHT_HEADERS):
            raise RequestRefused(
                400,
                "PREFLIGHT_HEADER_REQUIRED",
                "Uploads need a `GraphQL-Require-Preflight: 1` header.",
            )
        try:
            data: object = await self.parse_multipart(request)
        except orjson.JSONDecodeError as exc:
            raise RequestRefused(400, "MALFORMED_JSON", "`operations` is not valid JSON.") from exc
        except (TypeError, ValueError, IndexError, AttributeError) as exc:
            raise RequestRefused(
                400, "BAD_REQUEST", "`map` does not match the operation's variables."
            ) from exc
        if not isinstance(data, dict):
            raise RequestRefused(400, "BAD_REQUEST", "Send one operation per upload request.")
        return _request_data(data, "http")

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        actor: Actor | None = None
        # A WebSocket authenticates at `connection_init` (on_ws_connect), never by header.
        token = None if isinstance(request, WebSocket) else bearer_token(request)
        if token is not None:
            try:
                actor = await self.auth.authenticate(token)
            except InvalidToken as exc:
                log.info("access token refused: %s", exc.reason)
                raise RequestRefused(
                    401,
                    "UNAUTHENTICATED",
                    "The access token is invalid or expired.",
                    {"WWW-Authenticate": 'Bearer error="invalid_token"'},
                ) from exc
        return Context(
            request=request, response=response, settings=self.settings, auth=self.auth, actor=actor
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        await authenticate_connection(self.auth, context)
        acknowledged: UnsetType = UNSET  # an empty `connection_ack`
        return acknowledged

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # PublicErrors has coded and masked what went through the operation; errors raised
        # past it (an extension's own failure) are masked here, the same way.
        if result.errors:
            result.errors = public_errors(result.errors)
        response = await super().process_result(request, result)
        if result.data is None and result.errors and all(e.path is None for e in result.errors):
            # Refused before execution: the GraphQL spec has no `data` entry then.
            response.pop("data", None)
        return response

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        media_type = response_media_type(getattr(sub_response, "_parley_accept", ""))
        response.headers["content-type"] = media_type
        # GraphQL over HTTP: a request refused before execution is a 4xx (or a 500 when the
        # server failed); with `application/json` it stays 200.
        status = _refusal_status(response_data)
        if media_type == GRAPHQL_RESPONSE and status is not None:
            response.status_code = status
        return response

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        sub_response._parley_accept = request.headers.get("accept", "")  # type: ignore[attr-defined]
        return sub_response


def _operation_name(document: object, given: str | None) -> str | None:
    """The name of the operation a request ran: the document's, or else the one it asked for."""
    if isinstance(document, DocumentNode):
        try:
            operation = operation_of(document, given)
        except DocumentRefused:
            operation = None
        if operation is not None:
            return operation.name.value if operation.name else None
    return given


def _cost(requested: int, actual: int, charge: Charge) -> dict[str, Any]:
    """`extensions.cost`, in the shape of Shopify's Admin API (docs/limits.md)."""
    return {
        "requestedQueryCost": requested,
        "actualQueryCost": actual,
        "throttleStatus": charge.throttle_status(),
    }


def _refusal_status(response_data: Any) -> int | None:
    """400 (or 500, or 429 when rate limited) for a response without `data`: the request
    never reached execution."""
    if not isinstance(response_data, dict) or "data" in response_data:
        return None
    errors: list[dict[str, Any]] = response_data.get("errors") or []
    if not errors:
        return None
    if any((e.get("extensions") or {}).get("code") == RATE_LIMITED for e in errors):
        return 429
    internal = any((e.get("extensions") or {}).get("code") == INTERNAL for e in errors)
    return 500 if internal else 400


def _request_data(item: object, protocol: GraphQLRequestProtocol) -> PortalRequestData:
    if not isinstance(item, dict):
        raise RequestRefused(
            400, "BAD_REQUEST", "Send a JSON object (or, for a batch, an array of objects)."
        )
    extensions = item.get("extensions")
    if not isinstance(extensions, dict | None):
        raise RequestRefused(400, "BAD_REQUEST", "`extensions` must be an object.")
    try:
        # A persisted operation (issue 17, 1): its text from the registry, by hash.
        query = resolve_query(item.get("query"), extensions)
    except PersistedQueryError as exc:
        raise RequestRefused(400, exc.code, exc.message) from exc
    if query is None or query == "":
        raise RequestRefused(400, "MISSING_QUERY", "The request has no `query`.")
    if not isinstance(query, str):
        raise RequestRefused(400, "BAD_REQUEST", "`query` must be a string.")
    variables = item.get("variables")
    if not isinstance(variables, dict | None):
        raise RequestRefused(400, "BAD_REQUEST", "`variables` must be an object.")
    operation_name = item.get("operationName")
    if not isinstance(operation_name, str | None):
        raise RequestRefused(400, "BAD_REQUEST", "`operationName` must be a string.")
    return PortalRequestData(
        query=query,
        variables=variables,
        operation_name=operation_name,
        extensions=extensions,
        protocol=protocol,
    )
