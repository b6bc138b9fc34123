"""`caseEvents`: a case's timeline, live, over graphql-transport-ws (portal.api.websocket).

Visibility is decided at subscribe time (a foreign case is NOT_FOUND, like a missing one) and
again whenever new events are read, from the database as it stands then: the session must still
be live and the reader must still hold a role on the case, and each event is sent only when its
scope is one the reader may read (portal.auth.policy). Losing access ends the stream.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from starlette.websockets import WebSocket

from portal.accesslog.models import AccessAction
from portal.accesslog.services import record_access
from portal.api.cases.access import current_access
from portal.api.cases.feed import FEED, follow_events
from portal.api.cases.loaders import EVENT_COLUMNS, CaseAccess
from portal.api.cases.queries import InvalidArgument
from portal.api.cases.timeline import TimelineEvent
from portal.api.context import Info
from portal.api.errors import NotFound, PublicError, Unauthenticated
from portal.api.node import decode_id
from portal.api.pagination import Edge
from portal.auth.actor import Actor
from portal.auth.services import AuthService
from portal.auth.tokens import InvalidToken
from portal.cases.models import REFERENCE_LENGTH, DisputeCase
from portal.timeline import live
from portal.timeline.models import Visibility


class WebSocketRequired(PublicError):
    code = "WEBSOCKET_REQUIRED"

    def __init__(self) -> None:
        super().__init__("Subscribe over a WebSocket (graphql-transport-ws) at /graphql.")


async def _case(id: str) -> DisputeCase | None:
    pk = decode_id(id, "DisputeCase")
    if pk is not None:
        return await DisputeCase.get_or_none(id=pk)
    if len(id) <= REFERENCE_LENGTH:
        return await DisputeCase.get_or_none(reference=id)
    return None


async def _access(actor: Actor, case: DisputeCase | None) -> CaseAccess:
    if case is None:
        raise NotFound()
    access = await current_access(actor, case)
    if not access.roles:
        raise NotFound()
    return access


async def _readable(actor: Actor, case: DisputeCase | None) -> frozenset[Visibility]:
    return (await _access(actor, case)).scopes


def _rechecked(auth: AuthService, token: str, case: DisputeCase) -> live.Scopes:
    async def scopes() -> frozenset[Visibility]:
        try:
            # The session may have been revoked, or the reader's roles changed, since.
            actor = await auth.authenticate(token)
        except InvalidToken as exc:
            raise Unauthenticated("The access token is no longer valid.") from exc
        return await _readable(actor, case)

    return scopes


@strawberry.type
class CaseSubscriptions:
    @strawberry.subscription(
        description="A case's timeline events as they happen, oldest first. With "
        "`afterSequence`, first every stored event after that sequence, then the live ones, "
        "with no gap and no duplicate; without it, from now on. Only events you may read are "
        "sent; the stream ends when you lose access to the case, and completes once the case "
        "is over (CLOSED, DECLINED or WITHDRAWN): after sending the closing event, or at "
        "once after the replay for a case over already. WebSocket only "
        "(graphql-transport-ws, the access token in the `connection_init` payload as "
        "`accessToken`); the socket closes with 4403 when the token expires."
    )
    async def case_events(
        self,
        info: Info,
        case_id: Annotated[
            strawberry.ID, strawberry.argument(description="Global ID of the case.")
        ],
        after_sequence: Annotated[
            int | None,
            strawberry.argument(
                description="The sequence of the last event the client has, 0 or more: the stream "
                "starts after it; from now on when left out."
            ),
        ] = None,
    ) -> AsyncGenerator[TimelineEvent, None]:
        context = info.context
        if not isinstance(context.request, WebSocket) or context.access_token is None:
            raise WebSocketRequired()
        if after_sequence is not None and after_sequence < 0:
            raise InvalidArgument("`afterSequence` is 0 or more.")
        actor = context.require_actor()
        case = await _case(str(case_id))
        access = await _access(actor, case)
        assert case is not None

        await record_access(context, AccessAction.CASE_READ, case=case, roles=access.roles)
        scopes = _rechecked(context.auth, context.access_token, case)
        case_pk: uuid.UUID = case.id
        async for row in live.follow(case_pk, after_sequence, scopes, EVENT_COLUMNS):
            yield TimelineEvent.from_values(row)

    @strawberry.subscription(
        description="The installation-wide event feed (`events` query) live: first every "
        "event after `after` (a cursor of the `events` query or of this stream), then each new "
        "one once committed, with no gap and no duplicate; without `after`, from now on. Each "
        "comes as an edge with its cursor: keep the last one to resume after a disconnection. "
        "Only the events you may read; the stream ends when the session does. WebSocket only, "
        "as `caseEvents`."
    )
    async def events(
        self,
        info: Info,
        after: Annotated[
            str | None,
            strawberry.argument(description="Resume after this cursor; from now on without."),
        ] = None,
    ) -> AsyncGenerator[Edge[TimelineEvent], None]:
        context = info.context
        if not isinstance(context.request, WebSocket) or context.access_token is None:
            raise WebSocketRequired()
        context.require_actor()
        auth, token = context.auth, context.access_token
        if after is not None:
            FEED.decode(after)  # INVALID_CURSOR before anything is streamed

        async def actor() -> Actor:
            try:
                # The session may have been revoked, or the reader's roles changed, since.
                return await auth.authenticate(token)
            except InvalidToken as exc:
                raise Unauthenticated("The access token is no longer valid.") from exc

        async for edge in follow_events(context, after, actor):
            yield edge
