"""Managing what goes out: organisation webhook subscriptions, and dead letters for admins.

Every function checks the actor through portal.auth.policy; a subscription or message the
actor may not manage is reported exactly like a missing one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.events import EventKind
from portal.lengths import at_most
from portal.notifications import outbox
from portal.notifications.errors import NotificationError, NotificationNotFound
from portal.notifications.models import (
    Channel,
    OutboxMessage,
    OutboxStatus,
    WebhookSubscription,
)
from portal.notifications.webhooks import UrlRefused, check_url, new_secret
from portal.settings import Settings

# Enough for an integrator's environments (production, staging, ...), not a fan-out amplifier.
MAX_SUBSCRIPTIONS = 10
MAX_DESCRIPTION = 200
EVENT_KINDS = frozenset(k.value for k in EventKind)


def _kinds(event_kinds: Sequence[str]) -> list[str]:
    unknown = sorted(set(event_kinds) - EVENT_KINDS)
    if unknown or not event_kinds:
        raise NotificationError(
            "INVALID_EVENT_KIND",
            f"Unknown event kinds: {', '.join(unknown)}." if unknown else "Name an event kind.",
            field="event_kinds",
        )
    return sorted(set(event_kinds))


async def checked_url(url: str, settings: Settings, field: str = "url") -> str:
    url = url.strip()
    try:
        await check_url(url, allow_private=settings.webhook_allow_private)
    except UrlRefused as exc:
        raise NotificationError(
            exc.code, exc.message, field=field, limit=exc.limit, actual=exc.actual
        ) from exc
    return url


def _description(text: str) -> str:
    return at_most(text.strip(), MAX_DESCRIPTION, "description", NotificationError)


async def create_subscription(
    actor: Actor,
    settings: Settings,
    organisation_id: uuid.UUID,
    url: str,
    event_kinds: Sequence[str],
    description: str = "",
) -> WebhookSubscription:
    if not policy.may_manage_webhooks(actor, organisation_id) or not await Organisation.exists(
        id=organisation_id
    ):
        raise NotificationNotFound("organisation_id")
    kinds = _kinds(event_kinds)
    text = _description(description)  # before the URL, which may need a DNS lookup
    checked = await checked_url(url, settings)
    async with in_transaction():
        # Locks the organisation's row, so two concurrent creations cannot pass the limit.
        await Organisation.select_for_update().get(id=organisation_id)
        if await WebhookSubscription.filter(organisation_id=organisation_id).count() >= (
            MAX_SUBSCRIPTIONS
        ):
            raise NotificationError(
                "SUBSCRIPTION_LIMIT",
                f"An organisation has at most {MAX_SUBSCRIPTIONS} webhook subscriptions.",
            )
        return await WebhookSubscription.create(
            organisation_id=organisation_id,
            url=checked,
            event_kinds=kinds,
            secret=new_secret(),
            description=text,
            created_by_id=actor.id,
            created_at=datetime.now(UTC),
        )


async def managed_subscription(actor: Actor, subscription_id: uuid.UUID) -> WebhookSubscription:
    found = await WebhookSubscription.get_or_none(id=subscription_id)
    if found is None or not policy.may_manage_webhooks(actor, found.organisation_id):
        raise NotificationNotFound()
    return found


async def update_subscription(
    actor: Actor,
    settings: Settings,
    subscription_id: uuid.UUID,
    *,
    url: str | None = None,
    event_kinds: Sequence[str] | None = None,
    description: str | None = None,
    active: bool | None = None,
    rotate_secret: bool = False,
) -> WebhookSubscription:
    subscription = await managed_subscription(actor, subscription_id)
    if url is not None:
        subscription.url = await checked_url(url, settings)
    if event_kinds is not None:
        subscription.event_kinds = _kinds(event_kinds)
    if description is not None:
        subscription.description = _description(description)
    if active is not None:
        subscription.is_active = active
    if rotate_secret:
        # Standard Webhooks allows several signatures on one delivery: during the overlap
        # each carries the old secret's too, so a receiver not yet switched still verifies.
        overlap = settings.webhook_secret_overlap
        subscription.previous_secret = subscription.secret if overlap else ""
        subscription.previous_secret_until = (
            datetime.now(UTC) + timedelta(seconds=overlap) if overlap else None
        )
        subscription.secret = new_secret()
    await subscription.save()
    return subscription


async def delete_subscription(actor: Actor, subscription_id: uuid.UUID) -> None:
    subscription = await managed_subscription(actor, subscription_id)
    await subscription.delete()


async def subscriptions_of(actor: Actor, organisation_id: uuid.UUID) -> list[WebhookSubscription]:
    if not policy.may_manage_webhooks(actor, organisation_id):
        return []
    return list(
        await WebhookSubscription.filter(organisation_id=organisation_id).order_by("created_at")
    )


def require_outbox_admin(actor: Actor) -> None:
    if not policy.may_manage_outbox(actor):
        raise NotificationError("FORBIDDEN", "Only admins see and retry dead letters.")


def dead_letters_query(actor: Actor) -> QuerySet[OutboxMessage]:
    require_outbox_admin(actor)
    return OutboxMessage.filter(status=OutboxStatus.DEAD)


async def retry_dead_letter(actor: Actor, message_id: uuid.UUID) -> OutboxMessage:
    require_outbox_admin(actor)
    message = await OutboxMessage.get_or_none(id=message_id)
    if message is None:
        raise NotificationNotFound()
    if not await outbox.retry_dead(message.id, datetime.now(UTC)):
        raise NotificationError(
            "NOT_A_DEAD_LETTER", "Only a dead letter can be retried.", field="id"
        )
    await message.refresh_from_db()
    return message


async def retry_dead_letters(
    actor: Actor,
    *,
    channel: Channel | None = None,
    since: datetime | None = None,
    ids: Sequence[uuid.UUID] | None = None,
) -> int:
    """After an outage: every dead letter matching the filters back in the queue (admins)."""
    require_outbox_admin(actor)
    if ids is not None and len(ids) > outbox.MAX_RETRY_IDS:
        raise NotificationError(
            "INVALID_INPUT", f"At most {outbox.MAX_RETRY_IDS} ids at a time.", field="ids"
        )
    return await outbox.retry_dead_letters(datetime.now(UTC), channel=channel, since=since, ids=ids)
