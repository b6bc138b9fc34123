"""Rotating a webhook secret loses no delivery: during the overlap every delivery carries a
signature with the new secret and one with the old, and a receiver verifying with either
(the `standardwebhooks` reference library) accepts it; after the overlap, only the new one."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from pathlib import Path

from portal.cases.services import Action
from portal.notifications import services
from portal.notifications.models import OutboxMessage, OutboxStatus, WebhookSubscription
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import (
    Factory,
    World,
    actor_for,
    deliver_all,
    mail_settings,
    quick_world,
    start_mailsink,
)
from tests.test_webhooks import Receiver, receiver

__all__ = ["receiver"]  # the fixture, shared with tests/test_webhooks.py


@dataclasses.dataclass
class Rotated:
    world: World
    settings: Settings
    before: WebhookSubscription  # as created
    after: WebhookSubscription  # right after the rotation


async def rotated(factory: Factory, settings: Settings, url: str, *kinds: str) -> Rotated:
    """A manager's subscription to ``kinds`` at ``url``, its secret rotated once."""
    allowed = dataclasses.replace(settings, webhook_allow_private=True)
    w = await quick_world(factory)
    manager = await actor_for(w.manager)
    created = await services.create_subscription(manager, allowed, w.organisation.id, url, kinds)
    after = await services.update_subscription(manager, allowed, created.id, rotate_secret=True)
    return Rotated(w, allowed, created, after)


async def deliver(settings: Settings, mail: Path) -> None:
    """Deliver everything queued; the case's mails go to a real SMTP sink, so that no mail
    waits on retries."""
    sink = await start_mailsink(mail)
    try:
        await deliver_all(Worker(mail_settings(settings, sink.port)))
    finally:
        await sink.stop()


async def test_after_a_rotation_receivers_with_the_old_or_the_new_secret_both_verify(
    factory: Factory, settings: Settings, receiver: tuple[Receiver, str], tmp_path: Path
) -> None:
    hook, url = receiver
    r = await rotated(factory, settings, url, "case_referred", "case_accepted")

    case = await r.world.new_case()  # case_referred
    hook.secret = r.before.secret  # a receiver not switched yet
    await deliver(r.settings, tmp_path)
    await r.world.act(r.world.caseworker, case, Action.ACCEPT)  # case_accepted
    hook.secret = r.after.secret  # the receiver switched
    await deliver(r.settings, tmp_path)

    assert r.after.secret != r.before.secret
    until = r.after.previous_secret_until
    assert until is not None
    assert timedelta(seconds=86390) < until - datetime.now(UTC) <= timedelta(seconds=86400)
    assert hook.refused == 0
    assert [p["type"] for p in hook.verified] == ["case_referred", "case_accepted"]
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() >= 2


async def test_once_the_overlap_is_over_only_the_new_secret_signs(
    factory: Factory, settings: Settings, receiver: tuple[Receiver, str], tmp_path: Path
) -> None:
    hook, url = receiver
    r = await rotated(factory, settings, url, "case_referred")
    await WebhookSubscription.filter(id=r.before.id).update(
        previous_secret_until=datetime.now(UTC) - timedelta(seconds=1)
    )
    hook.secret = r.before.secret

    await r.world.new_case()
    await deliver(r.settings, tmp_path)

    assert hook.verified == []
    assert hook.refused == 1  # signed with the new secret only: the old one no longer verifies
    row = await WebhookSubscription.get(id=r.before.id)
    assert row.signing_secrets(datetime.now(UTC)) == [r.after.secret]


async def test_without_an_overlap_a_rotation_switches_at_once(
    factory: Factory, settings: Settings
) -> None:
    at_once = dataclasses.replace(settings, webhook_secret_overlap=0)

    r = await rotated(factory, at_once, "http://127.0.0.1:9/h", "case_referred")

    assert (r.after.previous_secret, r.after.previous_secret_until) == ("", None)
    assert r.after.signing_secrets(datetime.now(UTC)) == [r.after.secret]
