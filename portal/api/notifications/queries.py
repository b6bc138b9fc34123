"""Reading what goes out: dead letters (admins) and an organisation's webhook subscriptions."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.api.context import Info
from portal.api.errors import PublicError
from portal.api.node import decode_id
from portal.api.notifications.types import OutboxMessage, WebhookSubscription
from portal.api.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    connection,
    newest_page,
    window,
)
from portal.notifications import services
from portal.notifications.errors import NotificationError


class Forbidden(PublicError):
    code = "FORBIDDEN"


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        description="Messages that could not be delivered, newest first (admins only): "
        "each with its attempt log, for `retryDeadLetter`."
    )
    async def dead_letters(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[OutboxMessage]:
        actor = info.context.require_actor()
        try:
            query = services.dead_letters_query(actor)
        except NotificationError as exc:
            raise Forbidden(exc.message) from exc
        page = await newest_page(query, window(first, after, last, before))
        return connection(page, OutboxMessage.from_row)

    @strawberry.field(
        description="An organisation's webhook subscriptions, oldest first, each with its "
        "delivery log: for its managers and its own integration clients (with the `WEBHOOKS` "
        "scope); empty for anyone else, and for an ID that names no organisation."
    )
    async def webhook_subscriptions(
        self,
        info: Info,
        organisation_id: Annotated[
            strawberry.ID, strawberry.argument(description="Global ID of the organisation.")
        ],
    ) -> list[WebhookSubscription]:
        actor = info.context.require_actor()
        pk = decode_id(organisation_id, "Organisation")
        rows = await services.subscriptions_of(actor, pk) if pk else []
        return [WebhookSubscription.from_row(r) for r in rows]
