"""Events out: the outbox, its attempt log, organisation webhooks and one-time sign-in codes.

Anything that leaves the process is first an `OutboxMessage` written in the transaction of its
cause (ARCHITECTURE.md "Events out"); the worker delivers it at least once and records every
attempt, and the row's id is the stable id receivers de-duplicate by (Message-ID, webhook-id).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Organisation, User

if TYPE_CHECKING:
    from portal.cases.models import DisputeCase


class Channel(StrEnum):
    EMAIL = "email"
    WEBHOOK = "webhook"
    PROVIDER = "provider"  # a referral, case event or withdrawal for an external provider


class OutboxStatus(StrEnum):
    PENDING = "pending"  # waiting for its next attempt (next_attempt_at)
    CLAIMED = "claimed"  # a worker holds it until lease_until
    DELIVERED = "delivered"
    DEAD = "dead"  # a permanent failure, or out of attempts: for an admin to see and retry
    # A webhook whose subscription is paused: kept, in order, and due again on resume.
    HELD = "held"


class AttemptOutcome(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"  # a temporary failure (SMTP 4xx, connection refused, HTTP 5xx, timeout)
    DEAD = "dead"  # a permanent failure (SMTP 5xx, HTTP 4xx, a URL no longer allowed)


class OutboxMessage(Model):
    id = fields.UUIDField(primary_key=True)
    channel = fields.CharEnumField(Channel, max_length=8)
    # A MailKind for e-mail, the timeline event kind for a webhook.
    kind = fields.CharField(max_length=48)
    # An e-mail address, or a webhook URL (kept as it was when the row was written).
    recipient = fields.CharField(max_length=2048)
    locale = fields.CharField(max_length=16, default="en")
    # What the template or the webhook body is built from: ids and what the recipient may see.
    context: dict[str, Any] = fields.JSONField(default=dict)
    case_id = fields.UUIDField(null=True, db_index=True)
    subscription: fields.ForeignKeyNullableRelation[WebhookSubscription] = fields.ForeignKeyField(
        "portal.WebhookSubscription",
        related_name="messages",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    subscription_id: uuid.UUID | None
    status = fields.CharEnumField(OutboxStatus, max_length=16, default=OutboxStatus.PENDING)
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.DatetimeField()
    lease_until = fields.DatetimeField(null=True)
    claimed_by = fields.CharField(max_length=80, default="")
    last_error = fields.TextField(default="")
    created_at = fields.DatetimeField()
    delivered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbox_message"
        indexes = (("status", "next_attempt_at"), ("status", "lease_until"))


class DeliveryAttempt(Model):
    """One try at delivering one outbox row: who tried, when, and what came of it."""

    id = fields.BigIntField(primary_key=True)
    message: fields.ForeignKeyRelation[OutboxMessage] = fields.ForeignKeyField(
        "portal.OutboxMessage", related_name="attempt_log", on_delete=fields.CASCADE, db_index=True
    )
    message_id: uuid.UUID
    number = fields.IntField()
    worker = fields.CharField(max_length=80)
    started_at = fields.DatetimeField()
    finished_at = fields.DatetimeField()
    outcome = fields.CharEnumField(AttemptOutcome, max_length=16)
    detail = fields.TextField(default="")
    # A webhook's answer: the receiver's HTTP status (none when no answer came), and how long
    # the request took, for the subscription's delivery log.
    response_status = fields.IntField(null=True)
    duration_ms = fields.IntField(null=True)

    class Meta:
        table = "delivery_attempt"


class ClockNotice(Model):
    """A reminder scheduled for one clock and one due date: written once, whichever worker
    gets there first (the unique index decides, not a check-then-insert). An extended clock has
    a new due date, and gets a reminder of its own."""

    id = fields.BigIntField(primary_key=True)
    clock_id = fields.UUIDField()
    due_at = fields.DatetimeField()
    created_at = fields.DatetimeField()

    class Meta:
        table = "clock_notice"
        unique_together = (("clock_id", "due_at"),)


class WebhookSubscription(Model):
    """An organisation's endpoint for the case events it chose (Standard Webhooks)."""

    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="webhooks", on_delete=fields.CASCADE, db_index=True
    )
    organisation_id: uuid.UUID
    url = fields.CharField(max_length=2048)
    # Event kinds (portal.cases.events.EventKind values) this endpoint receives.
    event_kinds: list[str] = fields.JSONField(default=list)
    # `whsec_` + base64 of 32 random bytes. Kept as is: signing needs the secret itself.
    secret = fields.CharField(max_length=80)
    # The secret before the last rotation, still signing (next to `secret`) until
    # `previous_secret_until`: receivers switch secrets without losing a delivery.
    previous_secret = fields.CharField(max_length=80, default="")
    previous_secret_until = fields.DatetimeField(null=True)
    description = fields.CharField(max_length=200, default="")
    # False: paused. Events go on being written for it, held (OutboxStatus.HELD) until resumed.
    is_active = fields.BooleanField(default=True)
    created_by_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "webhook_subscription"

    def signing_secrets(self, at: datetime) -> list[str]:
        """The secrets a delivery at ``at`` is signed with: the current one, and the one
        before the last rotation while its overlap lasts."""
        overlapping = (
            self.previous_secret
            and self.previous_secret_until is not None
            and at < self.previous_secret_until
        )
        return [self.secret, self.previous_secret] if overlapping else [self.secret]


class ProviderCallback(Model):
    """A callback (or answer form) received from a provider, by its id: the unique index
    refuses a replay. Written in the transaction that applies the callback, so an id is
    taken only by a callback that took effect."""

    id = fields.BigIntField(primary_key=True)
    provider_id = fields.UUIDField()
    message_id = fields.CharField(max_length=200)
    kind = fields.CharField(max_length=32)
    case_id = fields.UUIDField(null=True)
    received_at = fields.DatetimeField()

    class Meta:
        table = "provider_callback"
        unique_together = (("provider_id", "message_id"),)


class SignInCode(Model):
    """A one-time code mailed for passwordless sign-in (QUALITY.md "Tokens": its own kind).

    A row is written for every request, also for an address with no account (``user`` empty,
    no mail), so the rate limit and the answers cannot tell which addresses exist.
    """

    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, db_index=True)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User",
        related_name="sign_in_codes",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    user_id: uuid.UUID | None
    code_hash = fields.CharField(max_length=64)
    failed_attempts = fields.IntField(default=0)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    # Issue 14: a sign-up (or the first admin's setup) waiting for its code: the profile to
    # create the account with, {"display_name", "locale", "time_zone"[, "setup_token_id"]}.
    # Empty for a plain sign-in.
    sign_up: dict[str, str] | None = fields.JSONField(null=True)

    class Meta:
        table = "sign_in_code"


class ReceiptMoment(StrEnum):
    """The moments a case's head is mailed to every party and kept on their account (DOMAIN.md
    "The timeline": parties receive the head hash at key moments)."""

    OUTCOME_ISSUED = "outcome_issued"
    OUTCOME_ACCEPTED = "outcome_accepted"
    CASE_CLOSED = "case_closed"


class HeadReceipt(Model):
    """A case's chain head as mailed to one person at one moment, kept on their account so
    they can hold it against the live chain later (`viewer.receipts`, `verifyReceipt`). The
    same head is no secret: everyone who may see the case sees it (`timelineHead`)."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="head_receipts", on_delete=fields.CASCADE
    )
    user_id: uuid.UUID
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="head_receipts", on_delete=fields.RESTRICT, db_index=True
    )
    case_id: uuid.UUID
    moment = fields.CharEnumField(ReceiptMoment, max_length=24)
    sequence = fields.IntField()
    hash = fields.CharField(max_length=64)
    created_at = fields.DatetimeField()

    class Meta:
        table = "head_receipt"
        unique_together = (("user", "case", "sequence"),)
        indexes = (("user_id", "created_at"),)
