"""Issue 20, deliverable 2 in the browser: a consumer whose case waits for its filing fee asks
for a waiver, with reasons, from the case page; the provider's caseworker grants it with
reasons on the same page; the consumer then sees the fee waived and may consent. While the
case waits, its consent clock is shown paused, and why; once every fee is settled it runs."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.async_api import expect

from portal.cases.services import Action
from portal.cases.states import Stage
from portal.fees.models import FeeInvoice, FeeWaiver
from portal.fees.services import record_payment
from portal.fees.states import FeePayer, InvoiceStatus, WaiverStatus
from tests.e2e.conftest import Portal, accessible, fits, sign_in
from tests.factories import PASSWORD, Factory, actor_for, build_world
from tests.fees_support import with_fees
from tests.test_api_support import case_id


async def test_a_consumer_asks_for_a_fee_waiver_and_the_provider_grants_it(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    await with_fees(factory, w, hold=Stage.ACCEPTED)
    case = await w.new_case(claimed_amount="2000.00")
    await w.act(w.caseworker, case, Action.ACCEPT)
    url = f"/cases/{case_id(case)}"

    # The consumer sees the fee the case waits on, and asks for a waiver with reasons.
    consumer = await (await portal.context(phone=True)).new_page()
    await sign_in(consumer, w.complainant.email, PASSWORD)
    await consumer.goto(url)
    fees = consumer.get_by_test_id("fees")
    # The stage the case waits at, by name (it said "this stage" at an earlier one)
    await expect(consumer.get_by_test_id("fees-holding")).to_contain_text("“Accepted”")
    mine = fees.get_by_test_id("invoice-complainant")
    await expect(mine.get_by_test_id("invoice-status")).to_have_text("Due")
    await expect(mine).to_contain_text("€25.00")
    # Its consent clock stands still while the case waits: said where the duties are, and in
    # the clock table.
    await expect(consumer.get_by_test_id("clocks-paused-note")).to_have_text(
        "Nothing is due by a set date while the time limits are paused: the case waits until "
        "its fees are paid or waived."
    )
    clocks = consumer.get_by_test_id("clocks-fold")
    await clocks.locator("summary").click()
    await expect(clocks.get_by_test_id("clock-paused")).to_have_text("Paused")
    await expect(clocks).to_contain_text("the case waits until its fees are paid or waived")
    await fits(consumer, "fees-consumer-clock-paused")
    # Text pasted with a hidden control character: the server refuses the request as a whole
    # (INVALID_CHARACTER); the form says what is wrong, not "something went wrong".
    reasons = mine.get_by_label("Why you ask for the fee to be waived")
    await reasons.fill("Out of work\x0bsince March.")
    await mine.get_by_role("button", name="Ask for a waiver").click()
    await expect(consumer.get_by_text("holds a hidden control character")).to_be_visible()
    await reasons.fill("I have been out of work since March.")
    await fits(consumer, "fees-consumer-waiver")
    await mine.get_by_role("button", name="Ask for a waiver").click()
    await expect(consumer.get_by_test_id("success-banner")).to_contain_text(
        "Your waiver request was sent"
    )
    await expect(mine.get_by_test_id("waiver-status")).to_have_text("Awaiting a decision")
    waiver = await FeeWaiver.get(invoice__case_id=case.id)
    assert (waiver.status, waiver.reasons) == (
        WaiverStatus.PENDING,
        "I have been out of work since March.",
    )

    # The provider's caseworker grants it, with reasons.
    caseworker = await (await portal.context()).new_page()
    await sign_in(caseworker, w.caseworker.email, PASSWORD)
    await caseworker.goto(url)
    theirs = caseworker.get_by_test_id("fees").get_by_test_id("invoice-complainant")
    await expect(theirs).to_contain_text("I have been out of work since March.")
    await theirs.get_by_label("Grant: the fee is waived").check()
    await theirs.get_by_label("Your reasons").fill("Unemployment confirmed.")
    await accessible(caseworker, "fees-provider-decides")
    await theirs.get_by_role("button", name="Record the decision").click()
    await expect(caseworker.get_by_test_id("success-banner")).to_contain_text(
        "The waiver was granted"
    )
    await expect(theirs.get_by_test_id("invoice-status")).to_have_text("Waived")
    invoice = await FeeInvoice.get(case_id=case.id, payer=FeePayer.COMPLAINANT)
    assert invoice.status is InvoiceStatus.WAIVED

    # Back on the consumer's page: waived, with the provider's reasons.
    await consumer.reload()
    await expect(mine.get_by_test_id("invoice-status")).to_have_text("Waived")
    await expect(mine.get_by_test_id("waiver-status")).to_have_text("Granted")
    await expect(mine).to_contain_text("Unemployment confirmed.")

    # The business's fee is paid too: the consent clock runs again, and it is the consumer's turn.
    business = await FeeInvoice.get(case_id=case.id, payer=FeePayer.ORGANISATION)
    await record_payment(
        await actor_for(w.caseworker), business.id, reference="SEPA 1", at=datetime.now(UTC)
    )
    await consumer.reload()
    await expect(consumer.get_by_test_id("clocks-paused-note")).to_have_count(0)
    clocks = consumer.get_by_test_id("clocks-fold")
    await clocks.locator("summary").click()
    await expect(clocks.get_by_test_id("clock-paused")).to_have_count(0)
