"""The webhook adapter: Standard Webhooks to the provider's API, signed callbacks back.

Outgoing: `POST {endpoint_url}` with the referral pack, each case event the provider may read,
and withdrawals, signed with the outbound secret; `webhook-id` is the outbox row's id, so the
provider drops duplicates of a retried delivery. Incoming: `POST /providers/{slug}/callbacks`,
verified on the raw bytes with the inbound secret, within the five-minute window; Parley
de-duplicates by `webhook-id` (docs/providers.md).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from providers import http, standard_webhooks, wire
from providers.contract import (
    CallbackRefused,
    CaseEvent,
    DeliveryResult,
    InboundRequest,
    Outbound,
    ProviderConfig,
    ProviderEvent,
    ReferralPack,
    Withdrawal,
)

NAME = "webhook"


class WebhookAdapter:
    name = NAME
    external = True
    callbacks = True
    answers_by_link = False

    async def _send(self, config: ProviderConfig, body: bytes, out: Outbound) -> DeliveryResult:
        if not config.endpoint_url or not config.outbound_secret:
            return DeliveryResult.permanent("the provider has no endpoint URL or secret")
        headers = standard_webhooks.signed_headers(
            config.outbound_secret, out.message_id, int(time.time()), body, out.user_agent
        )
        return await http.post(out.http, config.endpoint_url, headers, body)

    async def refer(
        self, config: ProviderConfig, pack: ReferralPack, out: Outbound
    ) -> DeliveryResult:
        return await self._send(config, wire.referral_body(pack), out)

    async def withdraw(
        self, config: ProviderConfig, withdrawal: Withdrawal, out: Outbound
    ) -> DeliveryResult:
        return await self._send(config, wire.withdrawal_body(withdrawal), out)

    async def deliver_event(
        self, config: ProviderConfig, event: CaseEvent, out: Outbound
    ) -> DeliveryResult:
        return await self._send(config, wire.event_body(event), out)

    def parse_callback(
        self, config: ProviderConfig, request: InboundRequest
    ) -> Sequence[ProviderEvent]:
        if not config.inbound_secret:
            raise CallbackRefused(404, "NO_CALLBACKS", "This provider has no callback secret.")
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
        if len(message_id) > 200:
            raise CallbackRefused(400, "MALFORMED", "webhook-id has at most 200 characters.")
        return [wire.parse_callback(message_id, request.body)]
