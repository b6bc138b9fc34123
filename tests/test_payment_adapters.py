"""Payment adapters (issue 20, deliverable 2) are built like provider adapters: a Protocol in
providers.payments.contract, the built-ins declared under the `parley.payments` entry-point
group, and a real processor added as a plug-in of that group; the card simulator verifies its
callbacks on the raw bytes, as provider callbacks are verified."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from importlib.metadata import entry_points
from pathlib import Path

import httpx
import pytest

from providers.payments import registry
from providers.payments.contract import (
    CallbackRefused,
    InboundRequest,
    PaymentAdapter,
    PaymentConfig,
    PaymentEvent,
    PaymentOutcome,
    PaymentRefused,
    PaymentRequest,
)
from providers.payments.simulator import callback
from providers.standard_webhooks import new_secret

REQUEST = PaymentRequest(
    "inv", "FEE-2026-000001", 2_500, "EUR", "https://parley.example/cb", "checkout-1"
)

PLUG_IN = """
from providers.payments.contract import Checkout

class AcmePay:
    name = "acme-pay"
    by_staff = False
    callbacks = True

    async def start(self, config, request, http):
        return Checkout(reference="acme_1", url="https://pay.acme.example/acme_1")

    def parse_callback(self, config, request):
        return []

class Misnamed(AcmePay):
    name = "something-else"
"""


def test_the_built_in_adapters_are_registered_and_declared_as_entry_points() -> None:
    declared = {p.name: p.value for p in entry_points(group=registry.GROUP)}

    assert declared["staff"] == "providers.payments.staff:RecordedByStaff"
    assert declared["simulator"] == "providers.payments.simulator:CardSimulator"
    adapters = registry.adapters()
    assert all(isinstance(a, PaymentAdapter) for a in adapters.values())
    assert (adapters["staff"].by_staff, adapters["simulator"].callbacks) == (True, True)
    with pytest.raises(registry.UnknownAdapter):
        registry.get("barter")


async def test_a_processor_plugs_in_through_the_entry_point_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "acme_pay.py").write_text(PLUG_IN)
    dist = tmp_path / "acme_pay-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-pay\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(
        "[parley.payments]\nacme-pay = acme_pay:AcmePay\nwrong = acme_pay:Misnamed\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.adapters.cache_clear()
    try:
        adapters = registry.adapters()
        async with httpx.AsyncClient() as http:
            checkout = await adapters["acme-pay"].start(PaymentConfig("acme-pay"), REQUEST, http)
        assert checkout.url == "https://pay.acme.example/acme_1"
        assert "wrong" not in adapters  # its name is not its entry point's: left out
        assert "simulator" in adapters
    finally:
        registry.adapters.cache_clear()


async def test_staff_payments_start_no_checkout_and_take_no_callbacks() -> None:
    staff = registry.get("staff")
    with pytest.raises(PaymentRefused) as refused:
        async with httpx.AsyncClient() as http:
            await staff.start(PaymentConfig("staff"), REQUEST, http)
    assert refused.value.code == "PAYMENT_BY_STAFF_ONLY"
    with pytest.raises(CallbackRefused) as no_callbacks:
        staff.parse_callback(PaymentConfig("staff"), InboundRequest({}, b"{}", datetime.now(UTC)))
    assert no_callbacks.value.code == "NO_CALLBACKS"


async def test_the_simulator_reads_only_what_its_secret_signed() -> None:
    secret = new_secret()
    config = PaymentConfig("simulator", inbound_secret=secret)
    simulator = registry.get("simulator")
    event = PaymentEvent("evt_9", "inv", "sim_1", PaymentOutcome.SUCCEEDED, 2_500, "EUR")
    headers, body = callback(secret, "evt_9", event)

    read = simulator.parse_callback(config, InboundRequest(headers, body, datetime.now(UTC)))
    assert list(read) == [event]
    tampered = body.replace(b"2500", b"25")
    with pytest.raises(CallbackRefused) as refused:
        simulator.parse_callback(config, InboundRequest(headers, tampered, datetime.now(UTC)))
    assert (refused.value.status, refused.value.code) == (401, "BAD_SIGNATURE")
    unset = PaymentConfig("simulator")
    with pytest.raises(CallbackRefused) as off:
        simulator.parse_callback(unset, InboundRequest(headers, body, datetime.now(UTC)))
    assert off.value.code == "NO_CALLBACKS"
    async with httpx.AsyncClient() as http:
        checkout = await simulator.start(config, REQUEST, http)
        again = await simulator.start(config, REQUEST, http)
        other = await simulator.start(
            config, dataclasses.replace(REQUEST, idempotency_key="checkout-2"), http
        )
    assert checkout.reference.startswith("sim_")
    assert checkout.url.endswith(checkout.reference)
    # The same idempotency key gets the same checkout; another key another one.
    assert again == checkout
    assert other.reference != checkout.reference
