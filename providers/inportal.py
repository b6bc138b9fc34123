"""The in-portal adapter: the provider's caseworkers and neutrals work inside Parley.

Nothing leaves the process (``external`` is False, so Parley queues nothing for it): the
provider reads its cases over the portal and acts through the same GraphQL mutations as
everyone else. It receives no callbacks.
"""

from __future__ import annotations

from collections.abc import Sequence

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

NAME = "inportal"
IN_PORTAL = "the provider works in the portal: nothing to send"


class InPortalAdapter:
    name = NAME
    external = False
    callbacks = False
    answers_by_link = False

    async def refer(
        self, config: ProviderConfig, pack: ReferralPack, out: Outbound
    ) -> DeliveryResult:
        return DeliveryResult.delivered(IN_PORTAL)

    async def withdraw(
        self, config: ProviderConfig, withdrawal: Withdrawal, out: Outbound
    ) -> DeliveryResult:
        return DeliveryResult.delivered(IN_PORTAL)

    async def deliver_event(
        self, config: ProviderConfig, event: CaseEvent, out: Outbound
    ) -> DeliveryResult:
        return DeliveryResult.delivered(IN_PORTAL)

    def parse_callback(
        self, config: ProviderConfig, request: InboundRequest
    ) -> Sequence[ProviderEvent]:
        raise CallbackRefused(
            404, "NO_CALLBACKS", "This provider works in the portal and sends no callbacks."
        )
