"""Organisation webhooks: Standard Webhooks signatures, URL checks, and one delivery.

Signing follows the Standard Webhooks specification, implemented once in
providers.standard_webhooks and shared with the provider adapters (the `standardwebhooks`
package is the reference the tests verify against): `webhook-id` is the outbox row's id, stable
across retries so receivers drop duplicates; `webhook-timestamp` is the attempt's time in seconds;
`webhook-signature` is `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with the secret's
bytes. Receivers refuse timestamps more than 5 minutes off (QUALITY.md "Delivery").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import httpx

from portal.notifications.destinations import (
    MAX_URL_LENGTH,
    UrlRefused,
    check_syntax,
    check_url,
)
from providers import http, standard_webhooks
from providers.contract import DeliveryStatus
from providers.standard_webhooks import SECRET_PREFIX, new_secret, signature

# The event a test ping carries (never a timeline event kind).
PING = "ping"

__all__ = [
    "MAX_URL_LENGTH",
    "PING",
    "SECRET_PREFIX",
    "UrlRefused",
    "check_syntax",
    "check_url",
    "new_secret",
    "post",
    "signature",
    "signed_headers",
]


def signed_headers(
    secrets: Sequence[str], message_id: str, timestamp: int, body: str
) -> dict[str, str]:
    """The delivery's headers, with one signature per secret, space-separated (Standard
    Webhooks: a receiver accepts a delivery when any of them verifies with its secret)."""
    return standard_webhooks.signed_headers(
        secrets, message_id, timestamp, body, user_agent="Parley-Webhooks/1"
    )


@dataclass(frozen=True)
class WebhookAnswer:
    delivered: bool
    permanent: bool  # a failure no retry will change
    detail: str
    status: int | None = None  # the receiver's HTTP status; None when no answer came


async def post(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], body: str
) -> WebhookAnswer:
    """One POST. 2xx delivers; 4xx (except 408 and 429) is permanent; the rest is retried."""
    result = await http.post(client, url, headers, body.encode())
    return WebhookAnswer(
        delivered=result.status is DeliveryStatus.DELIVERED,
        permanent=result.status is DeliveryStatus.PERMANENT,
        detail=result.detail,
        status=result.http_status,
    )
