"""Issue 20, fees, in the browser: a card payment for an invoice the provider's staff had
already recorded as paid is flagged as an overpayment in the case page's fees panel, for the
payer (on a phone, in English and in Chinese) and for the provider; nothing is settled twice."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from playwright.async_api import expect

from portal.fees.models import FeeInvoice, FeePayment
from portal.fees.payments import receive_callback, start_checkout
from portal.fees.services import record_payment
from portal.fees.states import FeePayer, InvoiceStatus
from portal.ids import global_id
from providers.contract import InboundRequest
from providers.payments.contract import PaymentEvent, PaymentOutcome
from providers.payments.simulator import callback
from providers.standard_webhooks import new_secret
from tests.e2e.conftest import Portal, accessible, catalogue, fits, sign_in, use_language
from tests.factories import PASSWORD, Factory, actor_for, build_world
from tests.fees_support import invoices, with_fees
from tests.test_api_support import case_id

SECRET = new_secret()


async def test_a_payment_for_a_paid_invoice_is_flagged_in_the_fees_panel(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    await with_fees(factory, w, hold=None)
    case = await w.new_case(claimed_amount="2000.00")
    invoice = (await invoices(case))[FeePayer.COMPLAINANT]
    card = dataclasses.replace(
        factory.settings, payment_card_adapter="simulator", payment_callback_secret=SECRET
    )
    now = datetime.now(UTC)
    checkout = await start_checkout(await actor_for(w.complainant), invoice.id, card, at=now)
    await record_payment(await actor_for(w.caseworker), invoice.id, reference="BANK-7", at=now)
    assert checkout.reference is not None
    event = PaymentEvent(
        "evt_late",
        global_id("FeeInvoice", invoice.id),
        checkout.reference,
        PaymentOutcome.SUCCEEDED,
        invoice.amount_minor,
        invoice.currency,
    )
    headers, body = callback(SECRET, "evt_late", event)
    await receive_callback("simulator", card, InboundRequest(headers, body, datetime.now(UTC)))
    assert (await FeeInvoice.get(id=invoice.id)).status is InvoiceStatus.PAID
    assert await FeePayment.filter(invoice_id=invoice.id, overpaid_minor=2_500).count() == 1
    url = f"/cases/{case_id(case)}"

    consumer = await (await portal.context(phone=True)).new_page()
    await sign_in(consumer, w.complainant.email, PASSWORD)
    await consumer.goto(url)
    mine = consumer.get_by_test_id("fees").get_by_test_id("invoice-complainant")
    await expect(mine.get_by_test_id("invoice-status")).to_have_text("Paid")
    flagged = mine.get_by_test_id("overpaid")
    await expect(flagged).to_have_count(1)
    await expect(flagged).to_contain_text("€25.00 more than was owed")
    await expect(flagged).to_contain_text("the provider refunds it")
    await fits(consumer, "fees-overpaid-consumer")

    zh = catalogue("zh-Hans")
    await use_language(consumer, "zh-Hans")
    await consumer.reload()
    await expect(consumer.get_by_role("heading", name=zh["fees.title"])).to_be_visible()
    await expect(flagged).to_contain_text("多收了")
    await expect(flagged).to_contain_text("服务机构将予以退还")
    await fits(consumer, "fees-overpaid-consumer-zh")

    caseworker = await (await portal.context()).new_page()
    await sign_in(caseworker, w.caseworker.email, PASSWORD)
    await caseworker.goto(url)
    theirs = caseworker.get_by_test_id("fees").get_by_test_id("invoice-complainant")
    await expect(theirs.get_by_test_id("overpaid")).to_contain_text("€25.00 more than was owed")
    await accessible(caseworker, "fees-overpaid-provider")
