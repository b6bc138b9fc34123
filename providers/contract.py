"""The contract between Parley and a dispute-resolution provider's adapter.

Parley hands an adapter plain, frozen data (a referral pack, a case event, a withdrawal) and
gets back a `DeliveryResult`; an adapter turns what the provider sends back (a signed webhook
callback, an answer form) into `ProviderEvent`s, which Parley applies through the same case
services its in-portal caseworkers use. Nothing here knows Parley's models: an adapter is a
separate package that depends on this module only (`providers/` imports nothing from
`portal`; a test walks the imports), so a third party can ship one as its own distribution
under the `parley.providers` entry-point group (providers.registry).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from enum import StrEnum
from typing import Protocol, runtime_checkable

import httpx


class DeliveryStatus(StrEnum):
    DELIVERED = "delivered"
    RETRY = "retry"  # a temporary failure: the outbox tries again with backoff
    PERMANENT = "permanent"  # no retry will change it: the row becomes a dead letter


@dataclass(frozen=True)
class DeliveryResult:
    status: DeliveryStatus
    detail: str = ""
    # The receiver's HTTP status, when the delivery was an HTTP request that got an answer.
    http_status: int | None = None

    @classmethod
    def delivered(cls, detail: str = "") -> DeliveryResult:
        return cls(DeliveryStatus.DELIVERED, detail)

    @classmethod
    def retry(cls, detail: str) -> DeliveryResult:
        return cls(DeliveryStatus.RETRY, detail)

    @classmethod
    def permanent(cls, detail: str) -> DeliveryResult:
        return cls(DeliveryStatus.PERMANENT, detail)


@dataclass(frozen=True)
class ProviderConfig:
    """How Parley reaches one provider, as its admin configured it. Secrets are never logged
    nor shown again after they are generated."""

    slug: str
    name: str
    adapter: str
    endpoint_url: str = ""  # the provider's API, for the webhook adapter
    outbound_secret: str = ""  # Parley signs what it sends with it
    inbound_secret: str = ""  # the provider signs its callbacks with it
    email: str = ""  # where the e-mail adapter sends referral packs

    def __repr__(self) -> str:  # a config in a traceback or a log line shows no secret
        return f"ProviderConfig(slug={self.slug!r}, adapter={self.adapter!r})"


@dataclass(frozen=True)
class CaseRef:
    """A case as the provider knows it: Parley's opaque id and the human reference."""

    id: str
    reference: str


@dataclass(frozen=True)
class ReferralPack:
    """What a provider receives with a new dispute (ISO 10003 7.2, the dispute notice)."""

    case: CaseRef
    provider: str  # the provider's slug
    subject: str
    method: str
    language: str
    organisation: str
    complainant: str  # the complainant's name
    unresolved_reason: str
    claimed_amount: str | None
    currency: str
    referred_at: str  # ISO 8601
    acceptance_due_at: str | None  # ISO 8601: by when to accept or decline
    callback_url: str  # where signed callbacks go (webhook adapter)
    answer_url: str = ""  # a signed, expiring link to answer without an account (e-mail)


@dataclass(frozen=True)
class CaseEvent:
    """One timeline event of a referred case that the provider may read: ids and kinds only."""

    case: CaseRef
    provider: str
    sequence: int
    kind: str
    occurred_at: str  # ISO 8601
    clock: str | None = None  # for clock events: which clock
    answer_url: str = ""


@dataclass(frozen=True)
class Withdrawal:
    case: CaseRef
    provider: str
    occurred_at: str
    reason: str | None = None


class ProviderEventKind(StrEnum):
    """What a provider may tell Parley about a case it was referred."""

    ACCEPTED = "accepted"
    DECLINED = "declined"  # with a ground and reasons
    NEUTRAL_APPOINTED = "neutral_appointed"  # optionally with the neutral's declaration
    FILE_COMPLETED = "file_completed"
    OUTCOME_ISSUED = "outcome_issued"
    CLOSED = "closed"


@dataclass(frozen=True)
class Person:
    """A caseworker or neutral of the provider, as the provider names them."""

    external_id: str
    email: str
    name: str = ""


@dataclass(frozen=True)
class ProviderEvent:
    """One fact a provider reports. ``id`` is the provider's id for the message (the
    `webhook-id`), which Parley de-duplicates by; which optional fields apply depends on
    ``kind`` (docs/providers.md)."""

    id: str
    kind: ProviderEventKind
    case_id: str
    by: Person | None = None  # who acted; the e-mail adapter leaves it to Parley
    is_complex: bool = False  # accepted
    note: str = ""  # accepted, closed
    ground: str = ""  # declined
    reasons: str = ""  # declined, outcome_issued
    neutral: Person | None = None  # neutral_appointed
    impartial: bool | None = None  # neutral_appointed: None when the neutral declares later
    disclosures: str = ""
    summary: str = ""  # outcome_issued
    amount: str | None = None
    currency: str | None = None
    reason: str = ""  # closed: a closure reason


@dataclass(frozen=True)
class InboundRequest:
    """A callback as received: the raw body bytes (signatures cover exactly these) and the
    headers with lower-case names."""

    headers: Mapping[str, str]
    body: bytes
    received_at: datetime


class CallbackRefused(Exception):
    """An inbound callback that cannot be accepted: ``status`` is the HTTP status to answer,
    ``code`` the machine-readable error (docs/providers.md, error codes)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Outbound:
    """What Parley lends an adapter to reach the provider: its HTTP client (no redirects
    followed) and its mail path (the outbox's SMTP settings, From, Message-ID)."""

    http: httpx.AsyncClient
    send_mail: Callable[[EmailMessage], Awaitable[DeliveryResult]]
    message_id: str  # the outbox row's id: stable across retries (`webhook-id`, Message-ID)
    user_agent: str = "Parley-Providers/1"


@runtime_checkable
class ProviderAdapter(Protocol):
    """One way of working with a provider.

    ``external`` is False for an adapter whose provider works inside Parley: then nothing is
    queued for it at all. ``callbacks``: Parley's `/providers/{slug}/callbacks` endpoint takes
    this adapter's callbacks (which the adapter verifies itself). ``answers_by_link``: packs
    and events carry a signed link to Parley's answer form, whose fields Parley authenticates
    and then hands to `parse_callback`. Deliveries never raise for the provider's failures:
    they answer RETRY or PERMANENT, and the outbox does the rest.
    """

    name: str
    external: bool
    callbacks: bool
    answers_by_link: bool

    async def refer(
        self, config: ProviderConfig, pack: ReferralPack, out: Outbound
    ) -> DeliveryResult: ...

    async def withdraw(
        self, config: ProviderConfig, withdrawal: Withdrawal, out: Outbound
    ) -> DeliveryResult: ...

    async def deliver_event(
        self, config: ProviderConfig, event: CaseEvent, out: Outbound
    ) -> DeliveryResult: ...

    def parse_callback(
        self, config: ProviderConfig, request: InboundRequest
    ) -> Sequence[ProviderEvent]:
        """Verify ``request`` and read the events in it; raises CallbackRefused."""
        ...
