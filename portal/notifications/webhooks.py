"""Organisation webhooks: Standard Webhooks signatures, URL checks, and one delivery.

Signing follows the Standard Webhooks specification, implemented once in
providers.standard_webhooks and shared with the provider adapters (the `standardwebhooks`
package is the reference the tests verify against): `webhook-id` is the outbox row's id, stable
across retries so receivers drop duplicates; `webhook-timestamp` is the attempt's time in seconds;
`webhook-signature` is `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with the secret's
bytes. Receivers refuse timestamps more than 5 minutes off (QUALITY.md "Delivery").
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING, Any

import httpx
import orjson

from portal.ids import global_id
from portal.notifications.destinations import (
    MAX_URL_LENGTH,
    UrlRefused,
    check_syntax,
    check_url,
)
from portal.timeline import catalogue
from portal.timeline.models import Visibility
from providers import http, standard_webhooks
from providers.contract import DeliveryStatus
from providers.standard_webhooks import SECRET_PREFIX, new_secret, signature

if TYPE_CHECKING:
    from portal.cases.models import DisputeCase
    from portal.timeline.models import TimelineEvent

# The event a test ping carries (never a timeline event kind).
PING = "ping"
# Where the portal serves the JSON Schema of each kind's body (`<kind>` is the body's `type`),
# below PORTAL_PUBLIC_URL; the same files are in the repository, docs/events/schemas/.
SCHEMA_PATH = "/events/schemas/{kind}.json"
# And of each kind's whole payload, as `TimelineEvent.payload` and the live stream carry it.
PAYLOAD_SCHEMA_PATH = "/events/schemas/payload/{kind}.json"

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
    "webhook_body",
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


def webhook_body(case: DisputeCase, event: TimelineEvent) -> str:
    """The JSON an integrator receives (Standard Webhooks' `type`, `timestamp`, `data`): the
    case, the event's place in the timeline and its payload as the catalogue presents it
    (portal.timeline.catalogue.present), less free text and amounts: the integrator reads
    those through GraphQL with its own token, as the access rules allow then. `type` names
    the kind, and the JSON Schema at SCHEMA_PATH validates the whole body. Serialised once,
    so every retry sends the same bytes."""
    at = event.occurred_at.astimezone(UTC).isoformat()
    presented = catalogue.present(event.kind, event.payload, case_id=case.id)
    data: dict[str, Any] = {
        "case": {"id": global_id("DisputeCase", case.id), "reference": case.reference},
        "event": {
            "id": global_id("TimelineEvent", uuid.UUID(int=event.id)),
            "sequence": event.sequence,
            "kind": catalogue.EventKind(event.kind).name,
            "occurredAt": at,
            "visibility": Visibility(event.visibility).name,
            "payload": catalogue.for_webhook(event.kind, presented),
        },
    }
    return orjson.dumps({"type": event.kind, "timestamp": at, "data": data}).decode()


def body_schema(kind: catalogue.EventKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a webhook body of ``kind`` (docs/events/schemas)."""
    entry = catalogue.CATALOGUE[kind]
    gid = {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Parley webhook: {kind.value}",
        "description": entry.meaning,
        "type": "object",
        "required": ["type", "timestamp", "data"],
        "additionalProperties": False,
        "properties": {
            "type": {"const": kind.value, "description": "The event's kind, as subscribed."},
            "timestamp": {"type": "string", "format": "date-time"},
            "data": {
                "type": "object",
                "required": ["case", "event"],
                "additionalProperties": False,
                "properties": {
                    "case": {
                        "type": "object",
                        "required": ["id", "reference"],
                        "additionalProperties": False,
                        "properties": {
                            "id": {**gid, "description": "The case's global id."},
                            "reference": {"type": "string"},
                        },
                    },
                    "event": {
                        "type": "object",
                        "required": [
                            "id",
                            "sequence",
                            "kind",
                            "occurredAt",
                            "visibility",
                            "payload",
                        ],
                        "additionalProperties": False,
                        "properties": {
                            "id": {**gid, "description": "The event's global id."},
                            "sequence": {"type": "integer", "minimum": 1},
                            "kind": {"const": kind.name},
                            "occurredAt": {"type": "string", "format": "date-time"},
                            "visibility": {"enum": [v.name for v in Visibility]},
                            "payload": catalogue.payload_schema(entry, webhook=True),
                        },
                    },
                },
            },
        },
    }
