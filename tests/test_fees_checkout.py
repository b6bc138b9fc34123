"""Issue 20, fees: a card checkout is written before the processor is asked, the processor is
asked outside any transaction (a slow or failing one holds no lock, and its answer is never
lost with a rollback), its answer is recorded in a second short transaction, and a retry asks
again with the same idempotency key (the checkout's id), so it gets the checkout the processor
may have opened already, never a second one. The simulated processor runs as a real HTTP
server (providers.payments.processor), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from tortoise.transactions import in_transaction

from portal.cases.errors import CaseError
from portal.fees.models import FeeCheckout, FeeInvoice, FeePayment
from portal.fees.payments import receive_callback, start_checkout
from portal.fees.states import CheckoutStatus, FeePayer, InvoiceStatus
from portal.ids import global_id
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from providers.contract import InboundRequest
from providers.payments.contract import PaymentEvent, PaymentOutcome
from providers.payments.processor import SimulatedProcessor, processor_app
from providers.payments.simulator import callback
from providers.standard_webhooks import new_secret
from tests.factories import Factory, World, actor_for, quick_world
from tests.fees_support import invoices, with_fees
from tests.provider_support import serving

SECRET = new_secret()
# A guard against a hang should the processor's request wait on the checkout's transaction
# (SQLite's one connection, PostgreSQL's row lock): it fails the test rather than hanging it.
HANG_GUARD = 60.0


@pytest.fixture
async def processor() -> AsyncIterator[tuple[SimulatedProcessor, int]]:
    state = SimulatedProcessor()
    async with serving(processor_app(state)) as port:
        yield state, port


def _card(settings: Settings, port: int) -> Settings:
    return dataclasses.replace(
        settings,
        payment_card_adapter="simulator",
        payment_callback_secret=SECRET,
        payment_checkout_url=f"http://127.0.0.1:{port}/checkouts",
    )


async def _due(factory: Factory) -> tuple[World, FeeInvoice]:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=None)
    case = await w.new_case(claimed_amount="2000.00")
    return w, (await invoices(case))[FeePayer.COMPLAINANT]


def _now() -> datetime:
    return datetime.now(UTC)


async def test_a_lost_answer_leaves_the_checkout_pending_and_the_retry_gets_the_same_one(
    factory: Factory, settings: Settings, processor: tuple[SimulatedProcessor, int]
) -> None:
    """The processor opens the checkout but its answer is lost (a 503 after opening): the
    payer is told to try again; the retry asks with the same key and gets that checkout."""
    state, port = processor
    card = _card(settings, port)
    w, invoice = await _due(factory)
    payer = await actor_for(w.complainant)
    state.lose_next = 1

    with pytest.raises(CaseError) as lost:
        await start_checkout(payer, invoice.id, card, at=_now())

    assert lost.value.code == "PAYMENT_PROCESSOR_UNAVAILABLE"
    pending = await FeeCheckout.get(invoice_id=invoice.id)
    assert (pending.status, pending.reference, pending.url) == (CheckoutStatus.PENDING, None, "")
    assert list(state.opened) == [str(pending.id)]  # the processor did open it

    opened = await start_checkout(payer, invoice.id, card, at=_now())

    assert opened.id == pending.id
    assert opened.status is CheckoutStatus.OPEN
    assert opened.reference == state.opened[str(pending.id)]["reference"]
    assert opened.url == state.opened[str(pending.id)]["url"]
    assert await FeeCheckout.filter(invoice_id=invoice.id).count() == 1
    assert len(state.opened) == 1
    # Asked again once opened, nothing is asked of the processor: the same page.
    asked = state.requests
    again = await start_checkout(payer, invoice.id, card, at=_now())
    assert (again.id, again.reference, state.requests) == (opened.id, opened.reference, asked)


async def test_a_failing_processor_changes_nothing_but_the_pending_checkout_then_succeeds(
    factory: Factory, settings: Settings, processor: tuple[SimulatedProcessor, int]
) -> None:
    """The processor fails twice before opening anything, then answers; the payment it
    reports is applied once, to the one checkout."""
    state, port = processor
    card = _card(settings, port)
    w, invoice = await _due(factory)
    payer = await actor_for(w.complainant)
    events_before = await TimelineEvent.filter(case_id=invoice.case_id).count()
    state.fail_next = 2

    for _ in range(2):
        with pytest.raises(CaseError) as failed:
            await start_checkout(payer, invoice.id, card, at=_now())
        assert failed.value.code == "PAYMENT_PROCESSOR_UNAVAILABLE"
    assert state.opened == {}
    assert (await FeeInvoice.get(id=invoice.id)).status is InvoiceStatus.DUE
    assert await TimelineEvent.filter(case_id=invoice.case_id).count() == events_before

    opened = await start_checkout(payer, invoice.id, card, at=_now())
    assert opened.status is CheckoutStatus.OPEN
    assert await FeeCheckout.filter(invoice_id=invoice.id).count() == 1
    assert state.requests == 3

    assert opened.reference is not None
    event = PaymentEvent(
        "evt_ok",
        global_id("FeeInvoice", invoice.id),
        opened.reference,
        PaymentOutcome.SUCCEEDED,
        invoice.amount_minor,
        invoice.currency,
    )
    headers, body = callback(SECRET, "evt_ok", event)
    received = await receive_callback("simulator", card, InboundRequest(headers, body, _now()))

    assert [r.applied for r in received] == [True]
    assert (await FeeInvoice.get(id=invoice.id)).status is InvoiceStatus.PAID
    assert (await FeeCheckout.get(id=opened.id)).status is CheckoutStatus.PAID
    assert await FeePayment.filter(invoice_id=invoice.id).count() == 1


async def test_the_processor_is_asked_after_the_intent_is_committed_and_holds_no_lock(
    factory: Factory, settings: Settings, processor: tuple[SimulatedProcessor, int]
) -> None:
    """While the processor holds the request, another transaction locks the invoice and its
    case and reads the checkout: it is committed (PENDING), and nothing waits for the
    processor. Were the processor asked inside the checkout's transaction, this would wait
    on its locks (the guard fails the test instead of hanging)."""
    state, port = processor
    card = _card(settings, port)
    w, invoice = await _due(factory)
    seen: list[tuple[str, CheckoutStatus | None]] = []

    async def meanwhile(key: str) -> None:
        async def look() -> None:
            async with in_transaction():
                await FeeInvoice.select_for_update().get(id=invoice.id)
                row = await FeeCheckout.get_or_none(id=uuid.UUID(key))
                seen.append((key, None if row is None else row.status))

        await asyncio.wait_for(look(), HANG_GUARD)

    state.on_request = meanwhile

    opened = await start_checkout(await actor_for(w.complainant), invoice.id, card, at=_now())

    assert seen == [(str(opened.id), CheckoutStatus.PENDING)]
    assert opened.status is CheckoutStatus.OPEN


async def test_a_refused_checkout_is_recorded_and_a_new_one_may_start(
    factory: Factory, settings: Settings, processor: tuple[SimulatedProcessor, int]
) -> None:
    state, port = processor
    card = _card(settings, port)
    w, invoice = await _due(factory)
    payer = await actor_for(w.complainant)
    state.refuse = True

    with pytest.raises(CaseError) as refused:
        await start_checkout(payer, invoice.id, card, at=_now())

    assert refused.value.code == "PAYMENT_REFUSED"
    first = await FeeCheckout.get(invoice_id=invoice.id)
    assert first.status is CheckoutStatus.REFUSED
    state.refuse = False
    opened = await start_checkout(payer, invoice.id, card, at=_now())
    assert opened.id != first.id
    assert opened.status is CheckoutStatus.OPEN


async def test_concurrent_starts_share_one_checkout(
    factory: Factory, settings: Settings, processor: tuple[SimulatedProcessor, int]
) -> None:
    """Two starts at once (a double click, two tabs): one checkout, one asked-for key."""
    state, port = processor
    card = _card(settings, port)
    w, invoice = await _due(factory)
    payer = await actor_for(w.complainant)

    both = await asyncio.gather(
        start_checkout(payer, invoice.id, card, at=_now()),
        start_checkout(payer, invoice.id, card, at=_now()),
    )

    assert both[0].id == both[1].id
    assert both[0].reference == both[1].reference
    assert await FeeCheckout.filter(invoice_id=invoice.id).count() == 1
    assert len(state.opened) == 1
