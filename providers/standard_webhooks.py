"""Standard Webhooks signatures (https://www.standardwebhooks.com/), one implementation.

Parley signs its outgoing webhooks (organisation subscriptions and provider referrals) and
verifies the callbacks providers send with these functions. `webhook-signature` is `v1,` +
base64 HMAC-SHA256 over `webhook-id.webhook-timestamp.body` keyed with the secret's bytes
(`whsec_` + base64); receivers refuse timestamps more than five minutes off and drop
duplicates by `webhook-id`. Verification works on the raw body bytes: parsed and re-encoded
JSON would not be the bytes that were signed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Mapping, Sequence

SECRET_PREFIX = "whsec_"
# The specification's tolerance: older or newer timestamps are refused, so a captured request
# cannot be replayed later (and the de-duplication table only has to cover the window).
TOLERANCE_SECONDS = 5 * 60
MAX_SIGNATURES = 10


class SignatureRefused(Exception):
    """``code``: MISSING_HEADERS, BAD_SIGNATURE or STALE_TIMESTAMP."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("a Standard Webhooks secret is whsec_ + base64") from exc


def signature(secret: str, message_id: str, timestamp: int, body: str | bytes) -> str:
    raw = body.encode() if isinstance(body, str) else body
    signed = f"{message_id}.{timestamp}.".encode() + raw
    digest = hmac.new(_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(
    secret: str | Sequence[str],
    message_id: str,
    timestamp: int,
    body: str | bytes,
    user_agent: str,
) -> dict[str, str]:
    """``secret``: one, or several during a rotation; each gives a signature, space-separated,
    and a receiver accepts the delivery when any of them verifies with its secret."""
    secrets_ = [secret] if isinstance(secret, str) else list(secret)
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(
            signature(each, message_id, timestamp, body) for each in secrets_
        ),
        "content-type": "application/json",
        "user-agent": user_agent,
    }


def verify(secret: str, headers: Mapping[str, str], body: bytes, now: int) -> str:
    """Check the signature of ``body`` as received; returns the `webhook-id`.

    ``headers`` are looked up in lower case (HTTP header names are case-insensitive; Starlette
    and httpx give them lower-cased). Several space-separated signatures may be sent during a
    secret rotation: one valid `v1` signature is enough.
    """
    message_id = headers.get("webhook-id", "")
    raw_timestamp = headers.get("webhook-timestamp", "")
    signatures = headers.get("webhook-signature", "")
    if not (message_id and raw_timestamp and signatures):
        raise SignatureRefused(
            "MISSING_HEADERS", "webhook-id, webhook-timestamp and webhook-signature are required."
        )
    try:
        timestamp = int(raw_timestamp)
    except ValueError as exc:
        raise SignatureRefused("BAD_SIGNATURE", "webhook-timestamp is not a number.") from exc
    expected = signature(secret, message_id, timestamp, body).removeprefix("v1,")
    offered = signatures.split(" ")[:MAX_SIGNATURES]
    if not any(
        version == "v1" and hmac.compare_digest(value.encode(), expected.encode())
        for version, _, value in (item.partition(",") for item in offered)
    ):
        raise SignatureRefused("BAD_SIGNATURE", "The webhook signature does not match.")
    # Checked after the signature, so an unsigned request learns nothing about the clock.
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        raise SignatureRefused(
            "STALE_TIMESTAMP",
            f"webhook-timestamp is more than {TOLERANCE_SECONDS // 60} minutes off.",
        )
    return message_id
