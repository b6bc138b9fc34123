"""A simulated card processor: what a real processor's plug-in looks like, for the demo and
the tests.

`start` opens a checkout (a reference and a hosted page's address); the simulated processor
then posts the result to `/payments/simulator/callbacks`, signed with Standard Webhooks over
the raw bytes exactly as providers sign their callbacks (providers.standard_webhooks), and
`parse_callback` verifies it before reading it. `callback` builds such a signed request, as
the processor would send it.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Mapping, Sequence
from typing import Any

from providers import standard_webhooks
from providers.payments.contract import (
    CallbackRefused,
    Checkout,
    InboundRequest,
    PaymentConfig,
    PaymentEvent,
    PaymentOutcome,
    PaymentRequest,
)

NAME = "simulator"
MAX_BODY_BYTES = 16 * 1024
MAX_ID = 200


class CardSimulator:
    name = NAME
    by_staff = False
    callbacks = True

    def start(self, config: PaymentConfig, request: PaymentRequest) -> Checkout:
        reference = "sim_" + secrets.token_urlsafe(12)
        base = config.checkout_url or "https://pay.simulator.invalid/checkout"
        return Checkout(reference=reference, url=f"{base}?reference={reference}")

    def parse_callback(
        self, config: PaymentConfig, request: InboundRequest
    ) -> Sequence[PaymentEvent]:
        if not config.inbound_secret:
            raise CallbackRefused(404, "NO_CALLBACKS", "No callback secret is configured.")
        if len(request.body) > MAX_BODY_BYTES:
            raise CallbackRefused(
                413, "TOO_LARGE", f"A callback has at most {MAX_BODY_BYTES} bytes."
            )
        try:
            message_id = standard_webhooks.verify(
                config.inbound_secret,
                request.headers,
                request.body,
                int(request.received_at.timestamp()),
            )
        except standard_webhooks.SignatureRefused as exc:
            status = 400 if exc.code == "MISSING_HEADERS" else 401
            raise CallbackRefused(status, exc.code, exc.message) from exc
        if len(message_id) > MAX_ID:
            raise CallbackRefused(400, "MALFORMED", f"webhook-id has at most {MAX_ID} characters.")
        return [_event(message_id, request.body)]


def _malformed(message: str) -> CallbackRefused:
    return CallbackRefused(400, "MALFORMED", message)


def _event(message_id: str, raw: bytes) -> PaymentEvent:
    try:
        envelope = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _malformed("The body is not JSON.") from exc
    if not isinstance(envelope, dict) or not isinstance(envelope.get("data"), dict):
        raise _malformed("The body is {type, data}.")
    try:
        outcome = PaymentOutcome(str(envelope.get("type", "")).removeprefix("payment."))
    except ValueError as exc:
        raise CallbackRefused(400, "UNKNOWN_EVENT_TYPE", "No such payment event type.") from exc
    data: Mapping[str, Any] = envelope["data"]
    invoice, reference, currency = data.get("invoice"), data.get("reference"), data.get("currency")
    amount = data.get("amountMinor")
    if not (isinstance(invoice, str) and isinstance(reference, str) and isinstance(currency, str)):
        raise _malformed("`invoice`, `reference` and `currency` are strings.")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise _malformed("`amountMinor` is a whole number of hundredths, 0 or more.")
    if max(len(invoice), len(reference), len(currency)) > MAX_ID:
        raise _malformed(f"Strings have at most {MAX_ID} characters.")
    return PaymentEvent(message_id, invoice, reference, outcome, amount, currency)


def callback(
    secret: str,
    message_id: str,
    event: PaymentEvent,
    *,
    timestamp: int | None = None,
) -> tuple[dict[str, str], bytes]:
    """The headers and body the simulated processor posts for ``event``."""
    body = json.dumps(
        {
            "type": f"payment.{event.outcome.value}",
            "data": {
                "invoice": event.invoice_id,
                "reference": event.reference,
                "amountMinor": event.amount_minor,
                "currency": event.currency,
            },
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    at = int(time.time()) if timestamp is None else timestamp
    headers = standard_webhooks.signed_headers(
        secret, message_id, at, body, "Parley-Payment-Simulator/1"
    )
    return headers, body
