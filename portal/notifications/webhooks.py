"""Organisation webhooks: Standard Webhooks signatures, URL checks, and one delivery.

Signing follows the Standard Webhooks specification (the `standardwebhooks` package is the
reference the tests verify against): `webhook-id` is the outbox row's id, stable across
retries so receivers drop duplicates; `webhook-timestamp` is the attempt's time in seconds;
`webhook-signature` is `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with the secret's
bytes. Receivers refuse timestamps more than 5 minutes off (QUALITY.md "Delivery").
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import ipaddress
import secrets
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

SECRET_PREFIX = "whsec_"
MAX_URL_LENGTH = 2048


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature(secret: str, message_id: str, timestamp: int, body: str) -> str:
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.{body}".encode()
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(
    secrets: Sequence[str], message_id: str, timestamp: int, body: str
) -> dict[str, str]:
    """The delivery's headers, with one signature per secret, space-separated (Standard
    Webhooks: a receiver accepts a delivery when any of them verifies with its secret)."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": " ".join(
            signature(secret, message_id, timestamp, body) for secret in secrets
        ),
        "content-type": "application/json",
        "user-agent": "Parley-Webhooks/1",
    }


class UrlRefused(Exception):
    """A webhook URL that may not be called; ``code`` is the userError code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


async def check_url(url: str, *, allow_private: bool) -> None:
    """Refuse what is not http(s), and (unless allowed) any host that resolves to a private,
    loopback, link-local or otherwise non-global address: a webhook must not become a way to
    reach the portal's own network (OWASP API7, server-side request forgery)."""
    if len(url) > MAX_URL_LENGTH:
        raise UrlRefused("TOO_LONG", f"URLs have at most {MAX_URL_LENGTH} characters.")
    parts = urlsplit(url)
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise UrlRefused("INVALID_URL", "A webhook URL is an http:// or https:// URL.")
    if parts.username or parts.password:
        raise UrlRefused("INVALID_URL", "A webhook URL carries no credentials.")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = await asyncio.get_running_loop().getaddrinfo(
            parts.hostname, port, type=socket.SOCK_STREAM
        )
    except (OSError, ValueError) as exc:
        raise UrlRefused("INVALID_URL", "The webhook URL's host does not resolve.") from exc
    if not infos or not all(_public(str(info[4][0])) for info in infos):
        raise UrlRefused(
            "URL_NOT_ALLOWED",
            "The webhook URL points to a private, loopback or link-local address.",
        )


@dataclass(frozen=True)
class WebhookAnswer:
    delivered: bool
    permanent: bool  # a failure no retry will change
    detail: str


async def post(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], body: str
) -> WebhookAnswer:
    """One POST. 2xx delivers; 4xx (except 408 and 429) is permanent; the rest is retried."""
    try:
        response = await client.post(url, content=body.encode(), headers=headers)
    except httpx.HTTPError as exc:
        return WebhookAnswer(False, False, f"{type(exc).__name__}: {exc}")
    status = response.status_code
    detail = f"HTTP {status}"
    if 200 <= status < 300:
        return WebhookAnswer(True, False, detail)
    permanent = 400 <= status < 500 and status not in {408, 429}
    return WebhookAnswer(False, permanent, detail)
