"""What goes out, as the API shows it: outbox messages (for admins) and webhook subscriptions."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, to_global_id
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
from portal.auth import policy
from portal.notifications import models
from portal.notifications.kinds import MEANINGS, OutboxKind
from portal.timeline.catalogue import EventKind

OutboxChannel = described_enum(
    models.Channel,
    description="How a message leaves Parley.",
    values={
        models.Channel.EMAIL: "A mail, sent over SMTP.",
        models.Channel.WEBHOOK: "A signed HTTP POST to a webhook subscription's URL.",
        models.Channel.PROVIDER: "A referral, case event or withdrawal for an external "
        "provider, through its adapter.",
    },
)
OutboxStatus = described_enum(
    models.OutboxStatus,
    description="Where a message stands.",
    values={
        models.OutboxStatus.PENDING: "Waiting for its next attempt (`nextAttemptAt`).",
        models.OutboxStatus.CLAIMED: "A worker is sending it now.",
        models.OutboxStatus.DELIVERED: "Delivered: the receiver accepted it.",
        models.OutboxStatus.DEAD: "Given up on (a permanent failure, or out of attempts): an "
        "admin may retry it.",
        models.OutboxStatus.HELD: "Kept, in order, while its webhook subscription is paused; "
        "due again on resume.",
    },
)
AttemptOutcome = described_enum(
    models.AttemptOutcome,
    description="What came of one attempt.",
    values={
        models.AttemptOutcome.DELIVERED: "The receiver accepted it.",
        models.AttemptOutcome.RETRY: "A temporary failure (SMTP 4xx, refused connection, HTTP "
        "5xx, timeout): tried again later.",
        models.AttemptOutcome.DEAD: "A permanent failure (SMTP 5xx, HTTP 4xx, an address no "
        "longer allowed): not tried again.",
    },
)
strawberry.enum(
    OutboxKind,
    description="What an outbox message sends: a mail's kind, the event kind a webhook carries "
    "(or `PING`), or what a provider's adapter is asked to do. A mail and an event may share a "
    "value; the message's `channel` tells which.",
)
for _value in OutboxKind.__strawberry_definition__.values:  # type: ignore[attr-defined]
    _value.description = MEANINGS[_value.value]


@strawberry.type(description="One try at delivering an outbox message.")
class DeliveryAttempt:
    number: int = strawberry.field(description="1 for the first try, then one more for each retry.")
    worker: str = strawberry.field(
        description="The worker that made the attempt (host and process), for operators."
    )
    started_at: datetime = strawberry.field(description="When the attempt began.")
    finished_at: datetime = strawberry.field(description="When it ended.")
    outcome: AttemptOutcome = strawberry.field(  # type: ignore[valid-type]
        description="What came of it."
    )
    detail: str = strawberry.field(
        description="What the receiving end answered, or the error (an SMTP reply, an HTTP "
        "status); never a secret."
    )


@strawberry.type(
    description="A mail or webhook on its way out. Its ID is the mail's Message-ID and the "
    "webhook's `webhook-id`: receivers drop duplicates by it."
)
class OutboxMessage(Node):
    channel: OutboxChannel = strawberry.field(  # type: ignore[valid-type]
        description="How it leaves Parley."
    )
    kind: OutboxKind = strawberry.field(description="What it sends (by its `channel`).")
    recipient: str = strawberry.field(description="The e-mail address or the webhook URL.")
    status: OutboxStatus = strawberry.field(  # type: ignore[valid-type]
        description="Where it stands."
    )
    attempts: int = strawberry.field(description="Attempts since it was written or retried.")
    last_error: str = strawberry.field(
        description="The error of its last failed attempt; empty when none failed."
    )
    created_at: datetime = strawberry.field(description="When it was written.")
    next_attempt_at: datetime = strawberry.field(
        description="When it is tried next; null once delivered or dead."
    )
    delivered_at: datetime | None = strawberry.field(
        description="When it was delivered; null until then."
    )
    pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: models.OutboxMessage) -> OutboxMessage:
        return cls(
            id=to_global_id("OutboxMessage", row.id),
            channel=row.channel,
            kind=OutboxKind(row.kind),
            recipient=row.recipient,
            status=row.status,
            attempts=row.attempts,
            last_error=row.last_error,
            created_at=row.created_at,
            next_attempt_at=row.next_attempt_at,
            delivered_at=row.delivered_at,
            pk=row.id,
        )

    @strawberry.field(description="Every attempt, oldest first (at most the last 50).")
    async def attempt_log(self) -> list[DeliveryAttempt]:
        rows = await models.DeliveryAttempt.filter(message_id=self.pk).order_by("-id").limit(50)
        return [
            DeliveryAttempt(
                number=r.number,
                worker=r.worker,
                started_at=r.started_at,
                finished_at=r.finished_at,
                outcome=r.outcome,
                detail=r.detail,
            )
            for r in reversed(rows)
        ]


@strawberry.type(description="One try at delivering a webhook, as its delivery log shows it.")
class WebhookDeliveryAttempt:
    number: int = strawberry.field(description="1 for the first try since written or redelivered.")
    started_at: datetime = strawberry.field(description="When the attempt began.")
    outcome: AttemptOutcome = strawberry.field(  # type: ignore[valid-type]
        description="What came of it."
    )
    response_status: int | None = strawberry.field(
        description="The receiver's HTTP status code; null when no answer came (refused, "
        "timed out, address not allowed)."
    )
    duration_ms: int | None = strawberry.field(description="How long the request took.")
    error: str = strawberry.field(description="Why it failed; empty when delivered.")


@strawberry.type(
    description="One event (or test ping) sent to a webhook subscription, with its attempts. "
    "`webhookId` is the `webhook-id` header: the same on every attempt and redelivery."
)
class WebhookDelivery(Node):
    webhook_id: str = strawberry.field(description="The `webhook-id` header it is sent with.")
    event_kind: str = strawberry.field(description="The event kind, or `ping`.")
    status: OutboxStatus = strawberry.field(  # type: ignore[valid-type]
        description="Where the delivery stands."
    )
    created_at: datetime = strawberry.field(description="When it was written (the event happened).")
    next_attempt_at: datetime = strawberry.field(
        description="When it is tried next; null once delivered or dead."
    )
    delivered_at: datetime | None = strawberry.field(
        description="When the receiver answered 2xx; null until then."
    )
    last_error: str = strawberry.field(
        description="What its last failed attempt met (an HTTP status, a timeout); empty when "
        "none failed."
    )
    attempt_count: int = strawberry.field(
        description="Attempts since it was written or last redelivered (`attempts` lists them)."
    )
    last_status_code: int | None = strawberry.field(
        description="The receiver's HTTP status code at the last attempt; null before the "
        "first attempt and when no answer came (refused, timed out, address not allowed)."
    )
    pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(
        cls, row: models.OutboxMessage, last_status_code: int | None = None
    ) -> WebhookDelivery:
        return cls(
            id=to_global_id("WebhookDelivery", row.id),
            webhook_id=str(row.id),
            event_kind=row.kind,
            status=row.status,
            created_at=row.created_at,
            next_attempt_at=row.next_attempt_at,
            delivered_at=row.delivered_at,
            last_error=row.last_error,
            attempt_count=row.attempts,
            last_status_code=last_status_code,
            pk=row.id,
        )

    @classmethod
    async def from_rows(cls, rows: list[models.OutboxMessage]) -> list[WebhookDelivery]:
        """Deliveries with their last status codes, read in one statement."""
        last: dict[uuid.UUID, int | None] = {}
        if rows:
            attempts = (
                await models.DeliveryAttempt.filter(message_id__in=[r.id for r in rows])
                .order_by("-id")
                .values_list("message_id", "response_status")
            )
            for message_id, status in attempts:
                last.setdefault(message_id, status)
        return [cls.from_row(r, last.get(r.id)) for r in rows]

    @strawberry.field(description="Every attempt, newest first (at most the last 50).")
    async def attempts(self) -> list[WebhookDeliveryAttempt]:
        rows = await models.DeliveryAttempt.filter(message_id=self.pk).order_by("-id").limit(50)
        return [
            WebhookDeliveryAttempt(
                number=r.number,
                started_at=r.started_at,
                outcome=r.outcome,
                response_status=r.response_status,
                duration_ms=r.duration_ms,
                error="" if r.outcome is models.AttemptOutcome.DELIVERED else r.detail,
            )
            for r in rows
        ]


@strawberry.type(description="An organisation's endpoint for the case events it chose.")
class WebhookSubscription(Node):
    url: str = strawberry.field(description="Where events are POSTed.")
    kinds: list[EventKind] = strawberry.field(description="The event kinds it receives.")
    event_kinds: list[str] = strawberry.field(
        description="The event kinds it receives, as stored (`case_accepted`).",
        deprecation_reason="Use `kinds`, the `EventKind` values.",
    )
    description: str = strawberry.field(
        description="What the subscription is for, as its managers wrote it; empty when none."
    )
    active: bool = strawberry.field(
        description="False while paused: events are kept (HELD) and sent in order on resume."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="After `rotateSecret`: until then, every delivery also carries a "
        "signature with the secret before the rotation (`PORTAL_WEBHOOK_SECRET_OVERLAP`)."
    )
    pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: models.WebhookSubscription) -> WebhookSubscription:
        return cls(
            id=to_global_id("WebhookSubscription", row.id),
            url=row.url,
            kinds=[EventKind(kind) for kind in row.event_kinds],
            event_kinds=list(row.event_kinds),
            description=row.description,
            active=row.is_active,
            created_at=row.created_at,
            previous_secret_expires_at=row.previous_secret_until if row.previous_secret else None,
            pk=row.id,
        )

    @strawberry.field(
        description="The delivery log, newest first: every event and ping sent (or held) "
        "for this subscription, each with its attempts."
    )
    async def deliveries(
        self,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[WebhookDelivery]:
        query = models.OutboxMessage.filter(subscription_id=self.pk, channel=models.Channel.WEBHOOK)
        page = await newest_page(query, window(first, after, last, before))
        shown = {d.pk: d for d in await WebhookDelivery.from_rows(page.rows)}
        return connection(page, lambda row: shown[row.id])


@node_resolver("OutboxMessage")
async def _outbox_node(info: Info, pk: uuid.UUID) -> OutboxMessage | None:
    actor = info.context.require_actor()
    if not policy.may_manage_outbox(actor):
        return None
    row = await models.OutboxMessage.get_or_none(id=pk)
    return OutboxMessage.from_row(row) if row else None


@node_resolver("WebhookSubscription")
async def _subscription_node(info: Info, pk: uuid.UUID) -> WebhookSubscription | None:
    actor = info.context.require_actor()
    row = await models.WebhookSubscription.get_or_none(id=pk)
    if row is None or not policy.may_manage_webhooks(actor, row.organisation_id):
        return None
    return WebhookSubscription.from_row(row)


@node_resolver("WebhookDelivery")
async def _delivery_node(info: Info, pk: uuid.UUID) -> WebhookDelivery | None:
    actor = info.context.require_actor()
    row = await models.OutboxMessage.get_or_none(id=pk, channel=models.Channel.WEBHOOK)
    if row is None or row.subscription_id is None:
        return None
    subscription = await models.WebhookSubscription.get_or_none(id=row.subscription_id)
    if subscription is None or not policy.may_manage_webhooks(actor, subscription.organisation_id):
        return None
    return (await WebhookDelivery.from_rows([row]))[0]
