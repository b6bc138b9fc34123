"""GraphQL over WebSocket: graphql-transport-ws only, for subscriptions only.

The connection is authenticated once, at `connection_init`, by the access token in its
payload (`{"accessToken": "..."}`): browsers cannot set headers on a WebSocket, and cookies are
never accepted (QUALITY.md "Tokens"). A refused token closes the socket with the protocol's
4403 Forbidden; so does the token's expiry, which a client answers by reconnecting with a fresh
token. Queries and mutations stay on HTTP, where the body limit, batching rules and
per-request loaders apply.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime
from typing import Any

from graphql import DocumentNode, GraphQLError, OperationType
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    SubscribeMessage,
)

from portal.api.characters import variable_error
from portal.api.context import Context
from portal.api.documents import READ_DOCUMENT, Documents, operation_of
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken

log = logging.getLogger("portal.api")

FORBIDDEN = 4403  # graphql-transport-ws: the server refuses the connection


async def authenticate_connection(auth: AuthService, context: Context) -> None:
    """`connection_init`: the payload's access token makes the connection's actor; anything
    else refuses it (strawberry closes with 4403)."""
    token = (context.connection_params or {}).get("accessToken")
    if not isinstance(token, str) or not token:
        raise ConnectionRejectionError()
    try:
        claims = auth.verify_access_token(token)
        context.actor = await auth.authenticate(token)
    except InvalidToken as exc:
        log.info("WebSocket access token refused: %s", exc.reason)
        raise ConnectionRejectionError() from exc
    context.access_token = token
    context.access_expires_at = datetime.fromtimestamp(int(claims["exp"]), UTC)


def _read(
    documents: Documents, message: SubscribeMessage
) -> tuple[str, DocumentNode, OperationType | None] | None:
    """The query, its document and operation, read through the limits (Issue 13 F2) like
    the view's; None when strawberry should judge the message. Raises a coded
    `GraphQLError` for a refused document or variable."""
    try:
        payload: dict[str, Any] = dict(message["payload"])
        query = payload["query"]
        variables = payload.get("variables")
    except (KeyError, TypeError, ValueError):
        return None
    if not isinstance(query, str):
        return None
    refused = variable_error(variables if isinstance(variables, dict) else None)
    if refused is not None:
        raise refused
    document = documents.parse(query)
    operation = operation_of(document, payload.get("operationName"))
    return query, document, operation.operation if operation is not None else None


class PortalTransportWS(BaseGraphQLTransportWSHandler[Context, None]):
    expiry: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        expires_at = self.context.access_expires_at
        if self.connection_acknowledged and expires_at is not None and self.expiry is None:
            self.expiry = asyncio.create_task(self._close_at(expires_at))

    async def _close_at(self, expires_at: datetime) -> None:
        await asyncio.sleep(max(0.0, (expires_at - datetime.now(UTC)).total_seconds()))
        await self.websocket.close(code=FORBIDDEN, reason="Access token expired")

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        read = None
        if self.connection_acknowledged and message.get("id") not in self.operations:
            try:
                read = _read(self.schema.documents, message)  # type: ignore[attr-defined]
            except GraphQLError as exc:
                code = (exc.extensions or {}).get("code", "BAD_REQUEST")
                await self._refuse(message, str(code), exc.message)
                return
            kind = read[2] if read is not None else None
            if kind is not None and kind is not OperationType.SUBSCRIPTION:
                await self._refuse(
                    message, "SUBSCRIPTIONS_ONLY", "Send queries and mutations over HTTP."
                )
                return
            limit = self.max_subscriptions_per_connection
            if limit is not None and len(self.operations) >= limit:
                await self._refuse(
                    message,
                    "SUBSCRIPTION_LIMIT_EXCEEDED",
                    f"A connection holds at most {limit} subscriptions at once.",
                )
                return
        # The operation's task (created in here) takes the document read above.
        token = READ_DOCUMENT.set(read[:2] if read is not None else None)
        try:
            await super().handle_subscribe(message)
        finally:
            READ_DOCUMENT.reset(token)

    async def _refuse(self, message: SubscribeMessage, code: str, text: str) -> None:
        await self.send_message(
            {
                "id": message["id"],
                "type": "error",
                "payload": [{"message": text, "extensions": {"code": code}}],
            }
        )

    async def shutdown(self) -> None:
        if self.expiry is not None:
            self.expiry.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.expiry
        await super().shutdown()
