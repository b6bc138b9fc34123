"""The delivery worker: claims due outbox rows, delivers them, records every attempt, and
runs the scheduled jobs (the clock job, which escalates missed clocks, and reminders).

It runs inside `portal serve` by default, or as any number of `portal worker` processes on
one database: claims never overlap (portal.notifications.outbox), and a killed worker's rows
come back when its lease runs out. Delivery is at least once: a worker killed between the
SMTP server's "250 OK" and its own bookkeeping sends that row again, under the same
Message-ID (or `webhook-id`), which is how receivers tell the duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import httpx
import jinja2

from portal.api.idempotency import purge_answers
from portal.auditing import runs as audit_runs
from portal.auth.keys import load_keyset
from portal.auth.tokens import TokenIssuer
from portal.casefiles.storage import storage_of
from portal.cases.clocks import use_sandbox
from portal.cases.services import run_clock_job
from portal.complaints.clocks import run_complaint_clock_job
from portal.notifications import mail, provider_delivery, webhooks
from portal.notifications.destinations import pinned_client
from portal.notifications.invitations import KINDS as INVITATIONS
from portal.notifications.invitations import invitation_link
from portal.notifications.models import (
    AttemptOutcome,
    Channel,
    OutboxMessage,
    OutboxStatus,
    WebhookSubscription,
)
from portal.notifications.outbox import RetrySchedule, claim, hold, now, settle
from portal.notifications.schedule import schedule_reminders
from portal.notifications.surveys import schedule_survey_reminders, survey_link
from portal.privacy.retention import RETENTION_INTERVAL, run_retention
from portal.sessions.calendar import session_invitation
from portal.sessions.reminders import schedule_session_reminders
from portal.settings import Settings
from providers.contract import DeliveryStatus

# Mails whose context holds a one-time code: emptied once delivered.
CODE_MAILS = frozenset({mail.MailKind.SIGN_IN_CODE, mail.MailKind.SIGN_UP_CODE})
log = logging.getLogger("portal.notifications")
OUTCOMES = {
    DeliveryStatus.DELIVERED: AttemptOutcome.DELIVERED,
    DeliveryStatus.RETRY: AttemptOutcome.RETRY,
    DeliveryStatus.PERMANENT: AttemptOutcome.DEAD,
}


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass(frozen=True)
class Result:
    outcome: AttemptOutcome
    detail: str
    response_status: int | None = None  # a webhook's HTTP answer
    duration_ms: int | None = None


# A result that is no attempt: the webhook's subscription is paused, and the row is held.
HELD = Result(AttemptOutcome.RETRY, "held: the subscription is paused")


@dataclass
class Worker:
    settings: Settings
    name: str = field(default_factory=worker_name)
    _last_schedule: float = float("-inf")
    _last_retention: float = float("-inf")
    # What time it is for due dates and the attempt log: tests drive it through an outage of
    # a day without waiting one.
    clock: Callable[[], datetime] = now

    def __post_init__(self) -> None:
        # The clocks this worker starts and lapses run as the settings say (issue 18 sandbox).
        use_sandbox(self.settings.sandbox_day)

    @functools.cached_property
    def issuer(self) -> TokenIssuer:
        """Signs the survey links mails carry, and e-mail providers' answer links, with the
        portal's own key."""
        settings = self.settings
        keys = load_keyset(settings)
        return TokenIssuer(keys=keys, issuer=settings.issuer, audience=settings.jwt_audience)

    @property
    def schedule_of_retries(self) -> RetrySchedule:
        return RetrySchedule(self.settings.outbox_retry_schedule)

    async def run(self, stop: asyncio.Event) -> None:
        """Until ``stop`` is set: schedule, deliver, and sleep only when there was nothing to
        do. A failing round (the database away) is logged and retried; the loop never dies."""
        log.info("outbox worker %s started", self.name)
        async with self._client() as client:
            while not stop.is_set():
                try:
                    await self.schedule()
                    handled = await self.deliver_due(client)
                    # Audit runs (portal.auditing): a batch of cases per round, resumed after a
                    # restart by whichever worker finds the run's lease run out.
                    handled += await audit_runs.work(self.name, self.clock())
                except Exception:
                    log.exception("outbox worker round failed; retrying")
                    handled = 0
                if not handled:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), self.settings.worker_poll_interval)
        log.info("outbox worker %s stopped", self.name)

    def _client(self) -> httpx.AsyncClient:
        # Issue 13 F6: every URL resolved once, each address checked, the socket pinned to it.
        return pinned_client(
            allow_private=self.settings.webhook_allow_private,
            timeout=self.settings.webhook_timeout,
        )

    async def schedule(self, at: datetime | None = None) -> None:
        """Every `clock_interval` seconds: lapse due clocks, the cases' and the complaints' (a
        missed one writes its escalation mails with its step) and write the reminders that are
        due."""
        interval = self.settings.clock_job_interval
        if not interval or time.monotonic() - self._last_schedule < interval:
            return
        self._last_schedule = time.monotonic()
        moment = at or self.clock()
        await run_clock_job(moment)
        await run_complaint_clock_job(moment)
        await schedule_reminders(moment, self.settings.reminder_days)
        await schedule_session_reminders(moment, self.settings.session_reminder_hours)
        await schedule_survey_reminders(moment)
        # Issue 18, 5: idempotency answers past their window.
        await purge_answers(moment)
        # Issue 19: personal data past its retention period, at most once an hour.
        if time.monotonic() - self._last_retention >= RETENTION_INTERVAL:
            self._last_retention = time.monotonic()
            await run_retention(storage_of(self.settings), moment)

    async def deliver_due(self, client: httpx.AsyncClient | None = None) -> int:
        """Claim one batch and deliver it; returns how many rows were handled."""
        settings = self.settings
        batch = await claim(self.name, settings.worker_batch, settings.outbox_lease, self.clock())
        if not batch:
            return 0
        if client is None:
            async with self._client() as own:
                await self._deliver_batch(batch, own)
        else:
            await self._deliver_batch(batch, client)
        return len(batch)

    async def _deliver_batch(self, batch: list[OutboxMessage], client: httpx.AsyncClient) -> None:
        """Concurrently, except one subscription's webhooks: those go one after another in
        the order they were claimed (their due time), so events held while it was paused
        reach the receiver in order on resume."""
        lanes: dict[object, list[OutboxMessage]] = {}
        for message in batch:
            lane = message.subscription_id if message.subscription_id else message.id
            lanes.setdefault(lane, []).append(message)

        async def in_order(messages: list[OutboxMessage]) -> None:
            for message in messages:
                await self._attempt(message, client)

        await asyncio.gather(*(in_order(messages) for messages in lanes.values()))

    async def deliver_now(self, message: OutboxMessage) -> None:
        """One row this worker claimed itself (a test ping): delivered at once, logged as
        any other attempt."""
        async with self._client() as client:
            await self._attempt(message, client)

    async def _attempt(self, message: OutboxMessage, client: httpx.AsyncClient) -> None:
        started = self.clock()
        if message.attempts > self.settings.outbox_max_attempts:
            # Reclaimed after lease after lease: something in this row kills its worker.
            result = Result(AttemptOutcome.DEAD, "lease expired on every attempt")
        else:
            result = await self._deliver(message, client)
        if result is HELD:
            await hold(message, self.name)
            return
        status = await settle(
            message,
            self.name,
            result.outcome,
            result.detail,
            started_at=started,
            at=self.clock(),
            # A test ping is tried once: its sender is waiting for the answer.
            max_attempts=1 if message.kind == webhooks.PING else self.settings.outbox_max_attempts,
            schedule=self.schedule_of_retries,
            response_status=result.response_status,
            duration_ms=result.duration_ms,
        )
        if status is OutboxStatus.DELIVERED and message.kind in CODE_MAILS:
            # The code is a credential: once handed over, it is not kept in the outbox.
            await OutboxMessage.filter(id=message.id).update(context={})
        if (
            status is OutboxStatus.DELIVERED
            and message.kind == mail.MailKind.ERASURE_DECIDED
            and message.context.get("granted")
        ):
            # Issue 19: the last mail to an erased person; once sent, their address goes too.
            await OutboxMessage.filter(id=message.id).update(context={}, recipient="")
        log.info(
            "delivery attempt %s",
            result.outcome.value,
            extra={
                "outbox_id": str(message.id),
                "channel": message.channel.value,
                "kind": message.kind,
                "attempt": message.attempts,
                "outcome": result.outcome.value,
                "status": status.value if status else "lease_lost",
                "detail": result.detail,
                "worker": self.name,
            },
        )

    async def _deliver(self, message: OutboxMessage, client: httpx.AsyncClient) -> Result:
        if message.channel is Channel.EMAIL:
            return await self._mail(message)
        if message.channel is Channel.PROVIDER:
            result = await provider_delivery.deliver(message, client, self.settings, self.issuer)
            return Result(OUTCOMES[result.status], result.detail)
        return await self._webhook(message, client)

    async def _mail(self, message: OutboxMessage) -> Result:
        try:
            context = mail.at_delivery(message.context, self.settings)
            link = await survey_link(message, self.issuer, self.settings.public_url, self.clock())
            if link is not None:
                context["survey_link"] = link
            invitation = await invitation_link(
                message, self.issuer, self.settings.public_url, self.clock()
            )
            if message.kind in INVITATIONS:
                context["invitation_link"] = invitation or ""
            rendered = mail.render(message.kind, message.locale, context)
            # Issue 20: a session's invitation, its move or cancellation, as RFC 5545.
            ics = session_invitation(context, message.recipient, self.settings, self.clock())
        except (ValueError, KeyError, TypeError, jinja2.TemplateError) as exc:
            return Result(AttemptOutcome.DEAD, f"cannot render: {type(exc).__name__}: {exc}")
        email = mail.build_message(str(message.id), message.recipient, rendered, self.settings)
        if ics is not None:
            email.add_attachment(
                ics.text, subtype="calendar", filename="session.ics", params={"method": ics.method}
            )
        try:
            answer = await mail.send(email, self.settings)
        except mail.MailFailure as exc:
            outcome = AttemptOutcome.DEAD if exc.permanent else AttemptOutcome.RETRY
            return Result(outcome, str(exc))
        return Result(AttemptOutcome.DELIVERED, answer)

    async def _webhook(self, message: OutboxMessage, client: httpx.AsyncClient) -> Result:
        subscription = (
            await WebhookSubscription.get_or_none(id=message.subscription_id)
            if message.subscription_id
            else None
        )
        if subscription is None:
            return Result(AttemptOutcome.DEAD, "the subscription was removed")
        if not subscription.is_active and message.kind != webhooks.PING:
            return HELD
        try:
            # Where the name points is checked by the client's transport, on the very
            # addresses it connects to (it may have changed since the URL was configured).
            webhooks.check_syntax(subscription.url)
        except webhooks.UrlRefused as exc:
            return Result(AttemptOutcome.DEAD, exc.message)
        body = str(message.context.get("body", ""))
        headers = webhooks.signed_headers(
            subscription.signing_secrets(self.clock()), str(message.id), int(time.time()), body
        )
        began = time.monotonic()
        answer = await webhooks.post(client, subscription.url, headers, body)
        took = round((time.monotonic() - began) * 1000)
        if answer.delivered:
            outcome = AttemptOutcome.DELIVERED
        else:
            outcome = AttemptOutcome.DEAD if answer.permanent else AttemptOutcome.RETRY
        return Result(outcome, answer.detail, answer.status, took)
