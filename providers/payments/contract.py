"""The contract between Parley and a payment adapter (modelled on providers.contract).

Parley hands an adapter a `PaymentRequest` (an invoice to pay, as plain frozen data) and gets
back a `Checkout` (where the payer goes to pay); the processor later tells Parley the result
in a signed callback, which the adapter verifies on the raw bytes and turns into
`PaymentEvent`s. Parley applies each event exactly once, by its id. An adapter recorded by
staff (`by_staff`) starts no checkout: a caseworker records a payment made another way
(a bank transfer, a cheque) in the portal.

A third party ships a real processor as its own distribution under the `parley.payments`
entry-point group (providers.payments.registry).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, runtime_checkable

import httpx

from providers.contract import CallbackRefused, InboundRequest

__all__ = [
    "CallbackRefused",
    "Checkout",
    "InboundRequest",
    "PaymentAdapter",
    "PaymentConfig",
    "PaymentEvent",
    "PaymentOutcome",
    "PaymentRefused",
    "PaymentRequest",
    "ProcessorUnavailable",
]


class PaymentOutcome(StrEnum):
    """What a processor reports about a checkout."""

    SUCCEEDED = "succeeded"  # the money was taken: the invoice is paid
    FAILED = "failed"  # declined or abandoned: the invoice stays due


@dataclass(frozen=True)
class PaymentConfig:
    """How Parley reaches one processor. The secret is never logged nor shown again."""

    adapter: str
    inbound_secret: str = ""  # the processor signs its callbacks with it (Standard Webhooks)
    checkout_url: str = ""  # where the processor's hosted payment page lives

    def __repr__(self) -> str:  # a config in a traceback shows no secret
        return f"PaymentConfig(adapter={self.adapter!r})"


@dataclass(frozen=True)
class PaymentRequest:
    """One invoice to pay, as the processor needs it: no personal data beyond the number."""

    invoice_id: str  # Parley's opaque id of the invoice (the processor echoes it back)
    number: str  # the invoice number, for the payer's statement
    amount_minor: int  # in hundredths of the currency unit
    currency: str  # ISO 4217
    callback_url: str  # where the processor posts its signed result
    # Parley's id of this checkout. A processor is asked again with the same key after a
    # failure or a lost answer, and must answer with the checkout it opened for it, if any
    # (an `Idempotency-Key`), so a retry never opens, nor charges, a second one.
    idempotency_key: str


@dataclass(frozen=True)
class Checkout:
    """Where the payer goes to pay, and the processor's id for the attempt."""

    reference: str
    url: str


@dataclass(frozen=True)
class PaymentEvent:
    """One result a processor reports. ``id`` is its message id (the `webhook-id`), by which
    Parley applies it once; ``reference`` names the checkout it answers."""

    id: str
    invoice_id: str
    reference: str
    outcome: PaymentOutcome
    amount_minor: int
    currency: str


class PaymentRefused(Exception):
    """A payment an adapter cannot start (``code``: a machine-readable reason): asking again
    would get the same answer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ProcessorUnavailable(Exception):
    """The processor did not answer, or answered that it failed (a timeout, a 5xx): whether
    it opened the checkout is unknown, so Parley asks again later with the same key."""


@runtime_checkable
class PaymentAdapter(Protocol):
    """One way an invoice gets paid.

    ``by_staff``: payments are recorded by the provider's staff in the portal, and
    `start` refuses. ``callbacks``: Parley's `/payments/{name}/callbacks` endpoint takes this
    adapter's callbacks, which `parse_callback` verifies itself.
    """

    name: str
    by_staff: bool
    callbacks: bool

    async def start(
        self, config: PaymentConfig, request: PaymentRequest, http: httpx.AsyncClient
    ) -> Checkout:
        """A checkout for ``request``, asked of the processor through ``http`` (Parley's
        client, with its timeouts) outside any database transaction; raises PaymentRefused
        or ProcessorUnavailable. The same ``request.idempotency_key`` gets the same checkout."""
        ...

    def parse_callback(
        self, config: PaymentConfig, request: InboundRequest
    ) -> Sequence[PaymentEvent]:
        """Verify ``request`` and read the results in it; raises CallbackRefused."""
        ...
