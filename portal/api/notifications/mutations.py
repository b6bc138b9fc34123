"""Webhook subscriptions (organisation managers and the organisation's own integration
clients) and retrying dead letters (admins).

Each calls one function of portal.notifications.services. A subscription or message the actor
may not manage is reported exactly like a missing one: a `NOT_FOUND` userError.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.idempotency import legacy_key, outbound
from portal.api.inputs import mutations
from portal.api.instants import InvalidInstant, utc
from portal.api.node import decode_id
from portal.api.notifications.types import (
    OutboxChannel,
    OutboxMessage,
    WebhookDelivery,
    WebhookSubscription,
)
from portal.notifications import services
from portal.notifications.errors import NotificationError, NotificationNotFound
from portal.notifications.models import WebhookSubscription as SubscriptionRow
from portal.timeline.catalogue import EventKind


@strawberry.input(
    description="A new webhook subscription of an organisation: where its events are POSTed."
)
class CreateWebhookSubscriptionInput:
    organisation_id: strawberry.ID = strawberry.field(
        description="Global ID of the organisation whose events it receives."
    )
    url: str = strawberry.field(description="Where events are POSTed (http or https).")
    kinds: list[EventKind] | None = strawberry.field(
        default=None, description="The event kinds to receive (give this or `eventKinds`)."
    )
    event_kinds: list[str] | None = strawberry.field(
        default=None,
        description="The event kinds to receive, as stored (`case_accepted`).",
        deprecation_reason="Use `kinds`, the `EventKind` values.",
    )
    description: str = strawberry.field(
        default="",
        description="What the subscription is for, for the people who manage it; empty when "
        "left out.",
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input(
    description="What changes on a webhook subscription; a field left out stays as it is."
)
class UpdateWebhookSubscriptionInput:
    id: strawberry.ID = strawberry.field(description="Global ID of the subscription.")
    url: str | None = strawberry.field(
        default=None, description="The new URL events are POSTed to (http or https)."
    )
    kinds: list[EventKind] | None = strawberry.field(
        default=None, description="Replaces the event kinds it receives."
    )
    event_kinds: list[str] | None = strawberry.field(
        default=None,
        description="Replaces the event kinds it receives, as stored (`case_accepted`).",
        deprecation_reason="Use `kinds`, the `EventKind` values.",
    )
    description: str | None = strawberry.field(
        default=None, description="Replaces its description."
    )
    active: bool | None = strawberry.field(default=None, description="false pauses deliveries.")
    rotate_secret: bool = strawberry.field(
        default=False, description="Issue a new signing secret (returned in the payload)."
    )


@strawberry.input(
    description="Deleting a webhook subscription: no more deliveries; its pending ones are dropped."
)
class DeleteWebhookSubscriptionInput:
    id: strawberry.ID = strawberry.field(description="Global ID of the subscription.")


@strawberry.input(description="The subscription to pause, resume or ping.")
class WebhookSubscriptionIdInput:
    id: strawberry.ID = strawberry.field(description="Global ID of the subscription.")


@strawberry.input(
    description="Pausing a subscription: events are kept, in order, and delivered on resume."
)
class PauseWebhookSubscriptionInput(WebhookSubscriptionIdInput):
    pass


@strawberry.input(
    description="Resuming a paused subscription: the events kept while paused are delivered "
    "first, in order."
)
class ResumeWebhookSubscriptionInput(WebhookSubscriptionIdInput):
    pass


@strawberry.input(
    description="Sending a test delivery to a subscription's URL, signed like every other."
)
class PingWebhookSubscriptionInput(WebhookSubscriptionIdInput):
    pass


@strawberry.input(description="Sending a past delivery again, as a new delivery of the same event.")
class RedeliverWebhookDeliveryInput:
    id: strawberry.ID = strawberry.field(description="A `WebhookDelivery`'s ID.")


@strawberry.type(description="The delivery that was queued, or why it was refused.")
class WebhookDeliveryPayload:
    delivery: WebhookDelivery | None = strawberry.field(
        default=None, description="The new delivery; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.input(description="Retrying one message that failed for good.")
class RetryDeadLetterInput:
    id: strawberry.ID = strawberry.field(description="Global ID of the dead `OutboxMessage`.")


@strawberry.input(
    description="Retrying every dead message that matches; a filter left out matches all."
)
class RetryDeadLettersInput:
    channel: OutboxChannel | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only dead letters of this channel."
    )
    since: datetime | None = strawberry.field(
        default=None,
        description="Only dead letters whose last attempt ended at or after this instant "
        "(the start of an outage), with a UTC offset.",
    )
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Only these dead letters (at most 100)."
    )


@strawberry.type(description="How many dead messages were queued again, or why not.")
class RetryDeadLettersPayload:
    count: int = strawberry.field(
        default=0, description="How many dead letters are back in the queue."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The subscription after the change, or why it was refused.")
class WebhookSubscriptionPayload:
    subscription: WebhookSubscription | None = strawberry.field(
        default=None, description="The subscription as saved; null when refused."
    )
    secret: str | None = strawberry.field(
        default=None,
        description="The signing secret (`whsec_...`), only when created or rotated: "
        "verify every delivery with it (Standard Webhooks).",
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="Whether the subscription was deleted, or why not.")
class DeleteWebhookSubscriptionPayload:
    deleted: bool = strawberry.field(description="True once deleted.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The message queued again, or why not.")
class RetryDeadLetterPayload:
    message: OutboxMessage | None = strawberry.field(
        default=None, description="The message, now pending; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _pk(global_id: str, type_name: str, field: str = "id") -> uuid.UUID:
    pk = decode_id(global_id, type_name)
    if pk is None:
        raise NotificationNotFound(field)
    return pk


def _event_kinds(kinds: list[EventKind] | None, stored: list[str] | None) -> list[str] | None:
    """The stored kinds a subscription input names: `kinds` (the enum) or the deprecated
    `eventKinds` (the stored strings), never both; None when it names none."""
    if kinds is not None and stored is not None:
        raise NotificationError(
            "INVALID_EVENT_KIND", "Give `kinds` or `eventKinds`, not both.", field="kinds"
        )
    return [kind.value for kind in kinds] if kinds is not None else stored


def _errors(exc: NotificationError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


@mutations
@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Subscribe an endpoint to an organisation's case events (its managers, "
        "and its own integration clients with the `WEBHOOKS` scope). "
        "Deliveries are signed per Standard Webhooks and hold ids, never case text."
    )
    async def create_webhook_subscription(
        self, info: Info, input: CreateWebhookSubscriptionInput
    ) -> WebhookSubscriptionPayload:
        actor = info.context.require_actor()
        settings = info.context.settings
        try:
            organisation = _pk(input.organisation_id, "Organisation", "organisation_id")
            created = await services.create_subscription(
                actor,
                settings,
                organisation,
                input.url,
                _event_kinds(input.kinds, input.event_kinds) or [],
                input.description,
            )
            row = await services.managed_subscription(actor, created.id)
        except NotificationError as exc:
            return WebhookSubscriptionPayload(user_errors=_errors(exc))
        return WebhookSubscriptionPayload(
            subscription=WebhookSubscription.from_row(row), secret=row.secret
        )

    @strawberry.mutation(
        description="Change, pause or resume a subscription, or rotate its secret."
    )
    async def update_webhook_subscription(
        self, info: Info, input: UpdateWebhookSubscriptionInput
    ) -> WebhookSubscriptionPayload:
        actor = info.context.require_actor()
        try:
            row: SubscriptionRow = await services.update_subscription(
                actor,
                info.context.settings,
                _pk(input.id, "WebhookSubscription"),
                url=input.url,
                event_kinds=_event_kinds(input.kinds, input.event_kinds),
                description=input.description,
                active=input.active,
                rotate_secret=input.rotate_secret,
            )
        except NotificationError as exc:
            return WebhookSubscriptionPayload(user_errors=_errors(exc))
        return WebhookSubscriptionPayload(
            subscription=WebhookSubscription.from_row(row),
            secret=row.secret if input.rotate_secret else None,
        )

    @strawberry.mutation(
        description="Pause deliveries without losing any: events go on being recorded for the "
        "subscription and wait (`HELD`) until it is resumed. Pausing a paused one changes nothing."
    )
    async def pause_webhook_subscription(
        self, info: Info, input: PauseWebhookSubscriptionInput
    ) -> WebhookSubscriptionPayload:
        actor = info.context.require_actor()
        try:
            row = await services.pause_subscription(actor, _pk(input.id, "WebhookSubscription"))
        except NotificationError as exc:
            return WebhookSubscriptionPayload(user_errors=_errors(exc))
        return WebhookSubscriptionPayload(subscription=WebhookSubscription.from_row(row))

    @strawberry.mutation(
        description="Resume deliveries: every event held while paused is sent, oldest first, "
        "then new ones as they come. Resuming an active one changes nothing."
    )
    async def resume_webhook_subscription(
        self, info: Info, input: ResumeWebhookSubscriptionInput
    ) -> WebhookSubscriptionPayload:
        actor = info.context.require_actor()
        try:
            row = await services.resume_subscription(actor, _pk(input.id, "WebhookSubscription"))
        except NotificationError as exc:
            return WebhookSubscriptionPayload(user_errors=_errors(exc))
        return WebhookSubscriptionPayload(subscription=WebhookSubscription.from_row(row))

    @strawberry.mutation(
        description="Send a `ping` event to the subscription's URL now, signed like every "
        "delivery (also while paused), and answer with the delivery and its attempt: the "
        "receiver's status code, or why it failed. Tried once."
    )
    @outbound
    async def ping_webhook_subscription(
        self, info: Info, input: PingWebhookSubscriptionInput
    ) -> WebhookDeliveryPayload:
        actor = info.context.require_actor()
        try:
            row = await services.ping(
                actor, info.context.settings, _pk(input.id, "WebhookSubscription")
            )
        except NotificationError as exc:
            return WebhookDeliveryPayload(user_errors=_errors(exc))
        return WebhookDeliveryPayload(delivery=(await WebhookDelivery.from_rows([row]))[0])

    @strawberry.mutation(
        description="Send a delivered or failed webhook again: the same body and the same "
        "`webhook-id`, with a fresh set of attempts. A delivery still queued or being sent is "
        "refused (`DELIVERY_IN_PROGRESS`)."
    )
    async def redeliver_webhook_delivery(
        self, info: Info, input: RedeliverWebhookDeliveryInput
    ) -> WebhookDeliveryPayload:
        actor = info.context.require_actor()
        try:
            row = await services.redeliver(actor, _pk(input.id, "WebhookDelivery"))
        except NotificationError as exc:
            return WebhookDeliveryPayload(user_errors=_errors(exc))
        return WebhookDeliveryPayload(delivery=(await WebhookDelivery.from_rows([row]))[0])

    @strawberry.mutation(description="Remove a subscription; deliveries still queued for it stop.")
    async def delete_webhook_subscription(
        self, info: Info, input: DeleteWebhookSubscriptionInput
    ) -> DeleteWebhookSubscriptionPayload:
        actor = info.context.require_actor()
        try:
            await services.delete_subscription(actor, _pk(input.id, "WebhookSubscription"))
        except NotificationError as exc:
            return DeleteWebhookSubscriptionPayload(deleted=False, user_errors=_errors(exc))
        return DeleteWebhookSubscriptionPayload(deleted=True)

    @strawberry.mutation(
        description="Send a dead letter again, with a fresh set of attempts (admins only)."
    )
    async def retry_dead_letter(
        self, info: Info, input: RetryDeadLetterInput
    ) -> RetryDeadLetterPayload:
        actor = info.context.require_actor()
        try:
            row = await services.retry_dead_letter(actor, _pk(input.id, "OutboxMessage"))
        except NotificationError as exc:
            return RetryDeadLetterPayload(user_errors=_errors(exc))
        return RetryDeadLetterPayload(message=OutboxMessage.from_row(row))

    @strawberry.mutation(
        description="After an outage: send every dead letter that matches all the filters given "
        "again, each with a fresh set of attempts (admins only). No filter: every dead letter."
    )
    async def retry_dead_letters(
        self, info: Info, input: RetryDeadLettersInput
    ) -> RetryDeadLettersPayload:
        actor = info.context.require_actor()
        try:
            since = utc(input.since, "since") if input.since is not None else None
            ids = None if input.ids is None else [_pk(i, "OutboxMessage", "ids") for i in input.ids]
            count = await services.retry_dead_letters(
                actor, channel=input.channel, since=since, ids=ids
            )
        except InvalidInstant as exc:
            return RetryDeadLettersPayload(user_errors=[user_error(exc.code, exc.message, "since")])
        except NotificationError as exc:
            return RetryDeadLettersPayload(user_errors=_errors(exc))
        return RetryDeadLettersPayload(count=count)
