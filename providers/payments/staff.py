"""Payments recorded by staff: the provider's caseworker records, in the portal, a payment
made outside it (a bank transfer, a cheque, cash at a counter). Nothing is started and no
processor calls back."""

from __future__ import annotations

from collections.abc import Sequence

import httpx

from providers.payments.contract import (
    CallbackRefused,
    Checkout,
    InboundRequest,
    PaymentConfig,
    PaymentEvent,
    PaymentRefused,
    PaymentRequest,
)

NAME = "staff"


class RecordedByStaff:
    name = NAME
    by_staff = True
    callbacks = False

    async def start(
        self, config: PaymentConfig, request: PaymentRequest, http: httpx.AsyncClient
    ) -> Checkout:
        raise PaymentRefused(
            "PAYMENT_BY_STAFF_ONLY", "This invoice is paid outside the portal; staff record it."
        )

    def parse_callback(
        self, config: PaymentConfig, request: InboundRequest
    ) -> Sequence[PaymentEvent]:
        raise CallbackRefused(404, "NO_CALLBACKS", "Payments recorded by staff have no callbacks.")
