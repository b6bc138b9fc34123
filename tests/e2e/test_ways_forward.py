"""The ways forward of issue 15 in the browser: the complainant replies to the organisation's
position from the case page; the neutral withdraws through a check page; later the complainant
reports the outcome not carried out, and the provider, now owing the decision, closes the case
as not implemented with the reasons the server offers."""

from __future__ import annotations

from datetime import timedelta

from playwright.async_api import Page, expect

from portal.cases.engine import now
from portal.cases.models import DisputeCase, NeutralAppointment
from portal.cases.services import Action, run_clock_job
from portal.cases.states import AppointmentStatus, ClosureReason, Method, Stage
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import NOTICE_READ, PASSWORD, Factory, build_world
from tests.test_api_support import case_id


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


async def test_reply_recusal_report_and_closing_as_not_implemented(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await w.new_case(Method.OMBUDSMAN_RECOMMENDATION)
    await w.act(w.caseworker, case, Action.ACCEPT)
    await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="One debit was reversed.")
    url = f"/cases/{case_id(case)}"

    # The complainant replies to the position, from "You may also"
    consumer = await (await portal.context()).new_page()
    consumer_errors = _no_script_errors(consumer)
    await sign_in(consumer, w.complainant.email, PASSWORD)
    await consumer.goto(url)
    may_also = consumer.get_by_test_id("you-may-also")
    await may_also.get_by_role("link", name="Reply to the organisation's position").click()
    reply = consumer.get_by_role("heading", name="Reply to the organisation's position", level=2)
    await expect(reply).to_be_focused()
    await expect(
        consumer.get_by_text("The organisation said: One debit was reversed.")
    ).to_be_visible()
    await consumer.get_by_label("Your reply").fill("Both debits are on my statement.")
    await accessible(consumer, "consumer-reply")
    await consumer.get_by_role("button", name="Send your reply").click()
    await expect(consumer.get_by_test_id("success-banner")).to_contain_text("Your reply was sent")
    await expect(may_also).not_to_contain_text("Reply to the organisation's position")
    assert (
        await DisputeCase.get(id=case.id)
    ).complainant_reply == "Both debits are on my statement."

    # The neutral, appointed and declared, withdraws with reasons: checked, then confirmed
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    neutral = await (await portal.context()).new_page()
    neutral_errors = _no_script_errors(neutral)
    await sign_in(neutral, w.neutral.email, PASSWORD)
    await neutral.goto(url)
    recusal = neutral.get_by_test_id("staff-recuse")
    await recusal.get_by_text("Withdraw as the independent person").click()
    await recusal.get_by_label("Reasons").fill("My firm has just taken on the organisation.")
    await recusal.get_by_role("button", name="Continue").click()
    await expect(neutral.get_by_text("You lose access to the case at once")).to_be_visible()
    await accessible(neutral, "neutral-recuse-check")
    await neutral.get_by_role("button", name="Withdraw from the case").click()
    await expect(neutral.get_by_test_id("confirmation")).to_contain_text(
        "You withdrew from the case"
    )
    [ended] = await NeutralAppointment.filter(case_id=case.id)
    assert (ended.status, ended.end_reasons) == (
        AppointmentStatus.REMOVED,
        "My firm has just taken on the organisation.",
    )

    # A replacement settles it; the organisation records a refund the complainant disputes
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    await run_clock_job(now() + timedelta(days=8))
    await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    await w.act(w.neutral, case, Action.ISSUE_OUTCOME, summary="Refund 60 EUR", reasons="R")
    await w.act(w.complainant, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w.act(w.agent, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w.act(w.agent, case, Action.RECORD_IMPLEMENTATION, evidence="Refund sent on 2 May.")

    await consumer.reload()
    await expect(consumer.get_by_test_id("next-step")).to_contain_text(
        "Confirm the outcome was carried out"
    )
    report = consumer.get_by_role(
        "heading", name="Report that the outcome was not carried out", level=2
    )
    await expect(report).to_be_visible()
    await expect(
        consumer.get_by_text("The organisation says: Refund sent on 2 May.")
    ).to_be_visible()
    await consumer.get_by_role("textbox", name="Reasons").fill("No refund has reached my account.")
    await consumer.get_by_role("button", name="Continue").last.click()
    await expect(
        consumer.get_by_text("The provider decides: it may close the case")
    ).to_be_visible()
    await accessible(consumer, "consumer-report-not-implemented-check")
    await consumer.get_by_role("button", name="Report it was not carried out").click()
    await expect(consumer.get_by_test_id("confirmation")).to_contain_text(
        "You reported that the outcome was not carried out"
    )

    # The provider owes the decision: the close form is open, with the escalation and the
    # reasons the server allows now
    provider = await (await portal.context()).new_page()
    provider_errors = _no_script_errors(provider)
    await sign_in(provider, w.caseworker.email, PASSWORD)
    await provider.goto(url)
    await expect(provider.get_by_test_id("your-turn")).to_have_count(1)
    await provider.get_by_test_id("next-step-button").click()
    await expect(provider.locator("#action-CLOSE-heading")).to_be_focused()
    await expect(provider.get_by_test_id("escalation")).to_contain_text(
        "No refund has reached my account."
    )
    reason = provider.get_by_label("Why is the case closing?")
    await reason.select_option(label="The organisation did not carry out the outcome")
    await provider.get_by_label("Note for the record").fill("The bank statement shows no refund.")
    await accessible(provider, "provider-close-not-implemented")
    await provider.get_by_role("button", name="Continue").last.click()
    await provider.get_by_role("button", name="Close the case").last.click()
    await expect(provider.get_by_test_id("confirmation")).to_contain_text("Case closed")

    closed = await DisputeCase.get(id=case.id)
    assert (closed.stage, closed.closure_reason) == (Stage.CLOSED, ClosureReason.NOT_IMPLEMENTED)
    assert consumer_errors == neutral_errors == provider_errors == []
