"""Issue 13 D4: a long SMTP outage. With the shipped retry schedule (Standard Webhooks': 5 s,
5 min, 30 min, 2 h, 5 h, 10 h, 10 h after an immediate first attempt) mail queued during a
day-long outage of a real SMTP server (aiosmtpd) waits and is delivered once it is back; past
the schedule it is a dead letter, and an admin (or `portal retry-dead-letters`) puts every
dead letter of the outage back in the queue at once. The worker's clock is driven from one
due time to the next, so a day passes in a second."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import os
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from portal.accounts.models import Role
from portal.api.node import to_global_id
from portal.notifications.mail import MailKind
from portal.notifications.models import (
    AttemptOutcome,
    Channel,
    DeliveryAttempt,
    OutboxMessage,
    OutboxStatus,
)
from portal.notifications.outbox import RetrySchedule, enqueue, now
from portal.notifications.worker import Worker
from portal.settings import Settings, SettingsError, load_settings
from tests.factories import Factory, gql, login, start_mailsink
from tests.process_support import portal

DAY = timedelta(hours=24)
SHIPPED = (5, 300, 1800, 7200, 18000, 36000, 36000)


class DrivenClock:
    """The worker's clock, set by the test to each due time in turn."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


async def _queue(n: int, kind: MailKind = MailKind.CASE_CLOSED) -> OutboxMessage:
    context = {
        "name": f"Party {n}",
        "case": {"reference": f"DR-{n}", "subject": "Billed twice", "method": "mediation"},
        "reason": "resolved",
    }
    return await enqueue(Channel.EMAIL, kind.value, f"party{n}@example.org", context, at=now())


async def _run_until(worker: Worker, clock: DrivenClock, end: datetime) -> None:
    """Deliver at every due time before ``end``: what a worker polling through the outage does."""
    while True:
        await worker.deliver_due()
        due = await OutboxMessage.filter(status=OutboxStatus.PENDING).order_by("next_attempt_at")
        if not due or due[0].next_attempt_at >= end:
            return
        clock.at = due[0].next_attempt_at


async def _attempt_times(row: OutboxMessage) -> list[datetime]:
    return list(
        await DeliveryAttempt.filter(message_id=row.id)
        .order_by("number")
        .values_list("started_at", flat=True)
    )


def test_the_shipped_schedule_spans_more_than_a_day() -> None:
    settings = load_settings({})
    schedule = RetrySchedule(settings.outbox_retry_schedule)

    assert settings.outbox_retry_schedule == SHIPPED
    assert settings.outbox_max_attempts == 8
    assert schedule.span(settings.outbox_max_attempts) == 99_305  # 27.6 hours
    assert [schedule.wait(n) for n in (1, 7, 8, 20)] == [5, 36000, 36000, 36000]


def test_the_replaced_backoff_settings_are_refused_not_ignored() -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings({"PORTAL_OUTBOX_RETRY_MAX": "3600"})

    assert "PORTAL_OUTBOX_RETRY_MAX: no longer read; set PORTAL_OUTBOX_RETRY_SCHEDULE" in str(
        refused.value
    )


async def test_a_day_long_smtp_outage_keeps_every_mail_and_delivers_it_when_the_server_is_back(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    probe = await start_mailsink(tmp_path)
    port = probe.port
    await probe.stop()  # the SMTP server is down: its port is known and nobody listens
    clock = DrivenClock(now())
    worker = Worker(dataclasses.replace(settings, smtp_port=port, clock_interval=0), clock=clock)
    rows = [await _queue(n) for n in range(3)]
    began = clock.at

    await _run_until(worker, clock, began + DAY)
    waiting = await OutboxMessage.filter(status=OutboxStatus.PENDING).count()
    times = [await _attempt_times(row) for row in rows]
    running = await start_mailsink(tmp_path, port=port)
    try:
        # The eighth attempt, at its due time (27.6 to 33 hours in).
        clock.at = max(await OutboxMessage.all().values_list("next_attempt_at", flat=True))
        await worker.deliver_due()
    finally:
        await running.stop()

    assert waiting == 3
    for attempts in times:
        # Seven attempts in the day, each gap the scheduled wait, lengthened by at most a fifth.
        assert len(attempts) == 7
        gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(attempts)]
        for gap, wait in zip(gaps, SHIPPED, strict=False):
            assert wait <= gap <= wait * 1.2, (gap, wait)
    assert sorted(m["To"] for m in running.sink.received) == sorted(r.recipient for r in rows)
    delivered = await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count()
    assert delivered == 3


DEAD = """
mutation Retry($input: RetryDeadLettersInput!) {
  retryDeadLetters(input: $input) { count userErrors { field code message } }
}
"""


async def test_past_the_schedule_mail_is_dead_and_an_admin_retries_the_whole_outage_at_once(
    client: httpx.AsyncClient, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    probe = await start_mailsink(tmp_path)
    port = probe.port
    await probe.stop()
    clock = DrivenClock(now())
    worker = Worker(dataclasses.replace(settings, smtp_port=port, clock_interval=0), clock=clock)
    before = await _queue(0)
    await OutboxMessage.filter(id=before.id).update(status=OutboxStatus.DEAD)
    await DeliveryAttempt.create(
        message_id=before.id,
        number=1,
        worker="earlier",
        started_at=clock.at - timedelta(days=3),
        finished_at=clock.at - timedelta(days=3),
        outcome=AttemptOutcome.DEAD,
        detail="550 an older failure",
    )
    rows = [await _queue(n) for n in range(1, 4)]
    began = clock.at

    await _run_until(worker, clock, began + 2 * DAY)
    dead = await OutboxMessage.filter(id__in=[r.id for r in rows]).order_by("recipient")
    last = [(await _attempt_times(r))[-1] for r in rows]
    admin = (await login(client, await factory.user(Role.ADMIN)))["accessToken"]
    manager = (
        await login(
            client, await factory.user(Role.ORG_MANAGER, organisation=await factory.organisation())
        )
    )["accessToken"]
    since = {"since": began.isoformat()}
    refused = (await gql(client, DEAD, {"input": since}, manager)).json()["data"]
    only_webhooks = (
        await gql(client, DEAD, {"input": {**since, "channel": "WEBHOOK"}}, admin)
    ).json()
    retried = (await gql(client, DEAD, {"input": since}, admin)).json()["data"]
    statuses = {r.recipient: r.status for r in await OutboxMessage.all()}
    running = await start_mailsink(tmp_path, port=port)
    try:
        await worker.deliver_due()
    finally:
        await running.stop()

    assert [r.status for r in dead] == [OutboxStatus.DEAD] * 3
    assert all(r.last_error.endswith("(gave up after 8 attempts)") for r in dead)
    assert all((t - began).total_seconds() >= 99_305 for t in last)
    assert refused["retryDeadLetters"] == {
        "count": 0,
        "userErrors": [
            {
                "field": None,
                "code": "FORBIDDEN",
                "message": "Only admins see and retry dead letters.",
            }
        ],
    }
    assert only_webhooks["data"]["retryDeadLetters"] == {"count": 0, "userErrors": []}
    assert retried["retryDeadLetters"] == {"count": 3, "userErrors": []}
    # The letter that died before the outage is left as it was.
    assert statuses == {
        "party0@example.org": OutboxStatus.DEAD,
        "party1@example.org": OutboxStatus.PENDING,
        "party2@example.org": OutboxStatus.PENDING,
        "party3@example.org": OutboxStatus.PENDING,
    }
    assert sorted(m["To"] for m in running.sink.received) == [r.recipient for r in dead]


async def test_retry_dead_letters_by_id_and_bad_input(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    rows = [await _queue(n) for n in range(3)]
    await OutboxMessage.all().update(status=OutboxStatus.DEAD, attempts=8)
    admin = (await login(client, await factory.user(Role.ADMIN)))["accessToken"]
    ids = [to_global_id("OutboxMessage", r.id) for r in rows[:2]]

    by_id = (await gql(client, DEAD, {"input": {"ids": ids}}, admin)).json()["data"]
    none = (await gql(client, DEAD, {"input": {"ids": []}}, admin)).json()["data"]
    malformed = (await gql(client, DEAD, {"input": {"ids": ["nope"]}}, admin)).json()["data"]
    too_many = (await gql(client, DEAD, {"input": {"ids": ids * 51}}, admin)).json()["data"]
    overflow = {"since": "9999-12-31T23:59:59-14:00"}
    out_of_range = (await gql(client, DEAD, {"input": overflow}, admin)).json()["data"]

    assert by_id["retryDeadLetters"] == {"count": 2, "userErrors": []}
    assert none["retryDeadLetters"] == {"count": 0, "userErrors": []}
    assert [e["code"] for e in malformed["retryDeadLetters"]["userErrors"]] == ["NOT_FOUND"]
    assert too_many["retryDeadLetters"]["userErrors"] == [
        {
            "field": ["input", "ids"],
            "code": "INVALID_INPUT",
            "message": "At most 100 ids at a time.",
        }
    ]
    assert out_of_range["retryDeadLetters"]["userErrors"][0]["field"] == ["input", "since"]
    assert out_of_range["retryDeadLetters"]["userErrors"][0]["code"] == "INVALID_INPUT"
    statuses = [
        r.status
        for r in await OutboxMessage.filter(id__in=[r.id for r in rows]).order_by("recipient")
    ]
    assert statuses == [OutboxStatus.PENDING, OutboxStatus.PENDING, OutboxStatus.DEAD]


async def test_portal_retry_dead_letters_puts_them_back_and_says_how_many(
    db: str, tmp_path: Path
) -> None:
    mail = await _queue(1)
    other = await enqueue(Channel.WEBHOOK, "case_closed", "https://example.org/h", {}, at=now())
    await OutboxMessage.all().update(status=OutboxStatus.DEAD, attempts=8)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env |= {"PORTAL_DATABASE_URL": db, "PORTAL_DATA_DIR": str(tmp_path)}

    def retry(*args: str) -> subprocess.CompletedProcess[str]:
        return portal(env, "retry-dead-letters", *args)

    emails = await asyncio.to_thread(retry, "--channel", "email")
    bad = await asyncio.to_thread(retry, "--since", "yesterday")
    rest = await asyncio.to_thread(retry)

    assert (emails.returncode, emails.stdout) == (0, "1 dead letter back in the queue.\n")
    assert bad.returncode == 2
    assert "--since is an ISO 8601 instant with a UTC offset" in bad.stderr
    assert (rest.returncode, rest.stdout) == (0, "1 dead letter back in the queue.\n")
    assert {r.id: r.status for r in await OutboxMessage.all()} == {
        mail.id: OutboxStatus.PENDING,
        other.id: OutboxStatus.PENDING,
    }
