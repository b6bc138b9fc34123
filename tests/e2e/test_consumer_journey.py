"""A consumer's dispute in the browser: filed, escalated, consented, a document uploaded, the
organisation's offer countered; the neutral issues an outcome in a second browser, and the
consumer's open page shows it without reloading (the caseEvents subscription)."""

from __future__ import annotations

from datetime import timedelta

from playwright.async_api import Page, expect

from portal.casefiles.services import post_message
from portal.cases.engine import now
from portal.cases.models import DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import Stage
from portal.timeline.models import Visibility
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, actor_for, build_world


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


async def test_a_consumer_files_uploads_answers_an_offer_and_sees_the_outcome_arrive(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    consumer = await (await portal.context()).new_page()
    errors = _no_script_errors(consumer)

    # Sign in; no dispute yet
    await sign_in(consumer, w.complainant.email, PASSWORD)
    await expect(consumer).to_have_url(f"{portal.url}/disputes")
    await expect(consumer.get_by_text("You have no disputes yet.")).to_be_visible()
    await accessible(consumer, "consumer-disputes-empty")

    # File a complaint
    await consumer.get_by_role("navigation").get_by_role("link", name="File a complaint").click()
    await consumer.get_by_label("Organisation").select_option(label=f"{w.organisation.name} (DE)")
    await consumer.get_by_label("Subject").fill("Charged twice for March")
    await consumer.get_by_label("What happened").fill("The March bill was debited twice.")
    await accessible(consumer, "consumer-file-complaint")
    await consumer.get_by_role("button", name="File the complaint").click()
    await expect(consumer.get_by_role("status")).to_contain_text("is filed")

    # Escalate it to the provider
    await consumer.get_by_role("navigation").get_by_role("link", name="My complaints").click()
    await consumer.get_by_role("link", name="Not resolved? Escalate to dispute resolution").click()
    await consumer.get_by_label("Provider").select_option(label=f"{w.provider.name} (DE)")
    await consumer.get_by_label("Method").select_option(label="Mediation")
    await consumer.get_by_label("Why the complaint is not resolved").fill("No refund offered.")
    await consumer.get_by_label("Amount claimed (optional)").fill("120.00")
    await accessible(consumer, "consumer-escalate")
    await consumer.get_by_role("button", name="Escalate").click()
    stage = consumer.get_by_test_id("case-stage")
    await expect(stage).to_have_text("Referred")
    await expect(consumer.get_by_test_id("timeline-verification")).to_contain_text("chain intact")
    case = await DisputeCase.get(organisation_id=w.organisation.id)

    # The provider accepts (elsewhere): the open page moves on and asks for consent
    await w.act(w.caseworker, case, Action.ACCEPT)
    await expect(stage).to_have_text("Accepted")
    await consumer.get_by_label("I understand the legal effect of the outcome.").check()
    await consumer.get_by_label("I understand I may withdraw at any stage.").check()
    await consumer.get_by_role("button", name="Give consent").click()
    await expect(consumer.get_by_role("heading", name="Your consent")).to_have_count(0)

    # Upload a document, with progress, and see it listed with its hash
    await consumer.get_by_label("File", exact=True).set_input_files(
        {"name": "bank-statement.txt", "mimeType": "text/plain", "buffer": b"March: -84.10 x2\n"}
    )
    await consumer.get_by_role("button", name="Upload").click()
    await expect(consumer.get_by_role("button", name="Download bank-statement.txt")).to_be_visible()
    async with consumer.expect_download() as downloading:
        await consumer.get_by_role("button", name="Download bank-statement.txt").click()
    download = await downloading.value
    assert download.suggested_filename == "bank-statement.txt"
    assert (await download.path()).read_bytes() == b"March: -84.10 x2\n"

    # A message to the neutral's caucus with the complainant's side, and the organisation's
    # message to all parties arriving on the open page
    await consumer.get_by_role("button", name="Private with the complainant's side (0)").click()
    caucus = consumer.get_by_label("Write to: Private with the complainant's side")
    await caucus.fill("Only for you.")
    await consumer.get_by_role("button", name="Send", exact=True).click()
    await expect(consumer.locator(".messages")).to_contain_text("Only for you.")
    await post_message(
        await actor_for(w.agent), case.id, "We are checking the debits.", Visibility.ALL_PARTIES
    )
    await consumer.get_by_role("button", name="All parties (1)").click()
    await expect(consumer.locator(".messages")).to_contain_text("We are checking the debits.")

    # The organisation responds, a neutral is appointed and confirmed, the file completes,
    # and the organisation offers half
    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="One debit was reversed.")
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    await run_clock_job(now() + timedelta(days=30))
    await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    await w.act(w.agent, case, Action.MAKE_OFFER, amount="60.00", terms="Half, as goodwill.")
    await expect(stage).to_have_text("In resolution")
    await expect(consumer.get_by_text("Half, as goodwill.")).to_be_visible()
    await accessible(consumer, "consumer-case-offer")

    # The consumer counters
    await consumer.get_by_label("Amount", exact=True).fill("100.00")
    await consumer.get_by_label("Terms").fill("The double debit in full, less fees.")
    await consumer.get_by_role("button", name="Send the counter-offer").click()
    await expect(consumer.locator(".offer-countered")).to_contain_text("Half, as goodwill.")
    await expect(consumer.locator(".offer-open")).to_contain_text("less fees")

    # The neutral, in another browser, issues an outcome
    neutral = await (await portal.context()).new_page()
    neutral_errors = _no_script_errors(neutral)
    await sign_in(neutral, w.neutral.email, PASSWORD)
    await expect(neutral).to_have_url(f"{portal.url}/neutral/cases")
    await accessible(neutral, "neutral-cases")
    await neutral.get_by_role("link", name=f"{case.reference}: Charged twice for March").click()
    await expect(neutral.get_by_role("heading", name="Issue the outcome")).to_be_visible()
    await neutral.get_by_label("Outcome", exact=True).fill("Refund the duplicate debit.")
    await neutral.get_by_label("Reasons").fill("The statement shows the same debit twice.")
    await neutral.get_by_label("Amount (optional)").fill("84.10")
    await accessible(neutral, "neutral-case")
    await neutral.get_by_role("button", name="Issue", exact=True).click()
    await expect(neutral.get_by_test_id("outcome")).to_contain_text("Refund the duplicate debit.")

    # The consumer's page shows it, unreloaded, and the consumer accepts it
    outcome = consumer.get_by_test_id("outcome")
    await expect(outcome).to_contain_text("Refund the duplicate debit.")
    await expect(outcome).to_contain_text("€84.10")
    await expect(stage).to_have_text("Outcome proposed")
    await expect(consumer.get_by_test_id("timeline")).to_contain_text("Outcome issued")
    await accessible(consumer, "consumer-case-outcome")
    await consumer.get_by_role("button", name="Accept the outcome").click()
    await expect(outcome).to_contain_text("Accepted by the complainant")
    await expect(consumer.get_by_test_id("timeline-verification")).to_contain_text("chain intact")

    # The organisation accepts and carries it out; the consumer confirms, and the case closes
    await w.act(w.agent, case, Action.ACCEPT_OUTCOME)
    await expect(stage).to_have_text("Implementation")
    await w.act(w.agent, case, Action.RECORD_IMPLEMENTATION, evidence="Refund ref. R-84-10.")
    await expect(consumer.get_by_text("Refund ref. R-84-10.").first).to_be_visible()
    await consumer.get_by_role("button", name="Confirm it was carried out").click()
    await expect(stage).to_have_text("Closed")

    # ... and answers the satisfaction survey its page now links to (ISO 10004)
    await consumer.get_by_role("link", name="Tell us how it went (survey)").click()
    await expect(consumer.get_by_role("heading", name="Your satisfaction survey")).to_be_visible()
    for question in await consumer.locator("fieldset").all():
        radios = question.get_by_role("radio")
        if await radios.count():
            await radios.last.check()
        else:
            await question.get_by_role("textbox").fill("Quick and fair.")
    await accessible(consumer, "consumer-survey")
    await consumer.get_by_role("button", name="Send my answers").click()
    thanks = consumer.get_by_role("status")
    await expect(thanks).to_have_text("Thank you: your answers are recorded.")

    stored = await DisputeCase.get(id=case.id)
    assert stored.stage is Stage.CLOSED
    assert errors == []
    assert neutral_errors == []
