"""A simulated card processor: what a real processor's plug-in looks like, for the demo and
the tests.

`start` opens a checkout (a reference and a hosted page's address): without a checkout URL
configured, on its own (a reference derived from the idempotency key, so a retry gets the same
one); with one, by asking the simulated processor service there over HTTP
(providers.payments.processor), as a real processor's plug-in asks its processor. The
simulated processor then posts the result to `/payments/simulator/callbacks`, signed with
Standard Webhooks over the raw bytes exactly as providers sign their callbacks
(providers.standard_webhooks), and
`parse_callback` verifies it before reading it. `callback` builds such a signed request, as
the processor would send it.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from providers import standard_webhooks
from providers.payments.contract import (
    CallbackRefused,
    Checkout,
    InboundRequest,
    PaymentConfig,
    PaymentEvent,
    PaymentOutcome,
    PaymentRefused,
    PaymentRequest,
    ProcessorUnavailable,
)

NAME = "simulator"
DEFAULT_PAGE = "https://pay.simulator.invalid/checkout"
MAX_BODY_BYTES = 16 * 1024
MAX_ID = 200


class CardSimulator:
    name = NAME
    by_staff = False
    callbacks = True

    async def start(
        self, config: PaymentConfig, request: PaymentRequest, http: httpx.AsyncClient
    ) -> Checkout:
        if not config.checkout_url:
            digest = hashlib.sha256(request.idempotency_key.encode()).hexdigest()[:24]
            reference = "sim_" + digest
            return Checkout(reference, f"{DEFAULT_PAGE}?reference={reference}")
        return await _ask_processor(config.checkout_url, request, http)

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


async def _ask_processor(url: str, request: PaymentRequest, http: httpx.AsyncClient) -> Checkout:
    """POST the checkout to the simulated processor with the idempotency key; 2xx opens it,
    4xx refuses it, anything else (5xx, no answer) leaves it unknown."""
    body = {
        "invoice": request.invoice_id,
        "number": request.number,
        "amountMinor": request.amount_minor,
        "currency": request.currency,
        "callbackUrl": request.callback_url,
    }
    try:
        answer = await http.post(
            url, json=body, headers={"Idempotency-Key": request.idempotency_key}
        )
    except httpx.HTTPError as exc:
        raise ProcessorUnavailable(f"{type(exc).__name__}: {exc}") from exc
    if 400 <= answer.status_code < 500 and answer.status_code not in {408, 429}:
        raise PaymentRefused("PAYMENT_REFUSED", "The card processor refused the payment.")
    if not 200 <= answer.status_code < 300:
        raise ProcessorUnavailable(f"HTTP {answer.status_code}")
    try:
        opened = answer.json()
        return Checkout(reference=str(opened["reference"]), url=str(opened["url"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise ProcessorUnavailable("The processor's answer is not a checkout.") from exc


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
