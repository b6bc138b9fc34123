"""A consumer's dispute in the browser. The complaint is filed with the keyboard only (Tab,
Enter, Space and typing), through the error summary, and across a session that ends while the
form is being filled in: signing in again returns to the form with the text intact. It is
escalated with the methods explained; the case page names exactly one duty as "your turn" and
its button leads to the form; consent, the neutral's outcome and its acceptance each go through
a check page and a confirmation; the neutral's outcome arrives on the open page unreloaded."""

from __future__ import annotations

from datetime import timedelta

from playwright.async_api import Page, expect

from portal.accounts.models import Session
from portal.cases.engine import now
from portal.cases.models import Consent, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import Stage
from portal.timeline.models import TimelineEvent
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import NOTICE_READ, PASSWORD, Factory, build_world
from tests.test_api_support import case_id


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


async def _tab_to(page: Page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await page.evaluate("(s) => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


async def test_a_consumer_files_by_keyboard_escalates_and_answers_through_checks(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    consumer = await (await portal.context()).new_page()
    errors = _no_script_errors(consumer)

    await sign_in(consumer, w.complainant.email, PASSWORD)
    await expect(consumer).to_have_url(f"{portal.url}/disputes")
    await expect(consumer.get_by_text("You have no disputes yet.")).to_be_visible()
    await accessible(consumer, "consumer-disputes-empty")

    # Keyboard only: to the menu's "File a complaint", and an empty submit first
    await _tab_to(consumer, "nav a[href='/complaints/new']")
    await consumer.keyboard.press("Enter")
    await expect(consumer.get_by_role("heading", level=1)).to_have_text("File a complaint")
    await _tab_to(consumer, "button[type=submit]")
    await consumer.keyboard.press("Enter")
    summary = consumer.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Enter subject")
    assert (await consumer.title()).startswith("Error: ")
    await expect(consumer.get_by_label("Subject")).to_have_attribute("aria-invalid", "true")
    await accessible(consumer, "consumer-file-complaint-errors")

    # Fill it in by keyboard (a select takes typed letters), with the summary's link first
    await _tab_to(consumer, "[data-testid=error-summary] a")
    await consumer.keyboard.press("Enter")
    await expect(consumer.get_by_label("Organisation")).to_be_focused()
    await consumer.keyboard.type(w.organisation.name)
    await consumer.keyboard.press("Tab")
    await consumer.keyboard.type("Charged twice for March")
    await consumer.keyboard.press("Tab")
    await consumer.keyboard.type("The March bill was debited twice.")
    await expect(consumer.get_by_label("Organisation")).not_to_have_value("")

    # The session ends meanwhile (revoked, as an expiry or a sign-out elsewhere does): the
    # submit leads to signing in, and back to the form with the text intact
    await Session.filter(user_id=w.complainant.id).update(revoked_at=now())
    await _tab_to(consumer, "button[type=submit]")
    await consumer.keyboard.press("Enter")
    await expect(consumer).to_have_url(f"{portal.url}/sign-in?next=%2Fcomplaints%2Fnew")
    await expect(consumer.get_by_text("Anything you typed is kept.")).to_be_visible()
    await consumer.get_by_role("button", name="Password").click()
    await consumer.get_by_label("E-mail address").fill(w.complainant.email)
    await consumer.get_by_role("textbox", name="Password").fill(PASSWORD)
    await consumer.get_by_role("button", name="Sign in").click()
    await expect(consumer).to_have_url(f"{portal.url}/complaints/new")
    await expect(consumer.get_by_test_id("draft-restored")).to_be_visible()
    await expect(consumer.get_by_label("Subject")).to_have_value("Charged twice for March")
    await expect(consumer.get_by_label("What happened")).to_have_value(
        "The March bill was debited twice."
    )
    await _tab_to(consumer, "button[type=submit]")
    await consumer.keyboard.press("Space")
    panel = consumer.get_by_test_id("confirmation")
    await expect(panel).to_contain_text("Complaint filed")
    await expect(consumer.locator(".govuk-panel")).to_be_focused()

    # Escalate: each method explained where it is chosen, the amount in the reader's format
    await consumer.get_by_role("navigation").get_by_role("link", name="My complaints").click()
    await consumer.get_by_role("link", name="Not resolved? Escalate to dispute resolution").click()
    await consumer.get_by_label("Dispute resolution service").select_option(
        label=f"{w.provider.name} (DE)"
    )
    await consumer.get_by_label("Mediation").check()
    explained = consumer.get_by_test_id("method-explained")
    await expect(explained).to_contain_text("helped by an independent person")
    await expect(explained).to_contain_text("The courts stay open")
    await consumer.get_by_label("Why the complaint is not resolved").fill("No refund offered.")
    await consumer.get_by_label("Amount claimed (optional)").fill("1,120.5")
    await accessible(consumer, "consumer-escalate")
    await consumer.get_by_role("button", name="Escalate").click()
    stage = consumer.get_by_test_id("case-stage")
    await expect(stage).to_have_text("Referred")
    case = await DisputeCase.get(organisation_id=w.organisation.id)
    assert str(case.claimed_amount) == "1120.50"

    # Accepted elsewhere: exactly one duty is "your turn"; withdrawing is only offered
    await w.act(w.caseworker, case, Action.ACCEPT)
    await expect(stage).to_have_text("Accepted")
    await expect(consumer.get_by_test_id("your-turn")).to_have_count(1)
    await expect(consumer.get_by_test_id("next-step")).to_contain_text(
        "Give your consent to the method"
    )
    await expect(consumer.get_by_test_id("you-may-also")).to_contain_text(
        "Withdraw from the process"
    )
    await accessible(consumer, "consumer-case-duty")
    await consumer.get_by_test_id("next-step-button").click()
    await expect(consumer.get_by_role("heading", name="Your consent", exact=True)).to_be_focused()
    # The legal effect on the screen is the mediation's (issue 15: never an award's)
    shown = await consumer.get_by_test_id("consent-text").inner_text()
    assert "unless you both agree to a settlement" in shown
    assert "award" not in shown
    await consumer.get_by_label("I understand the legal effect of the outcome.").check()
    await consumer.get_by_label("I understand I may withdraw at any stage.").check()
    await consumer.get_by_role("button", name="Continue").click()
    check = consumer.get_by_test_id("check-page")
    await expect(check.get_by_test_id("consent-text-check")).to_have_text(shown)
    await expect(check).to_contain_text("You can withdraw at any step")
    await accessible(consumer, "consumer-consent-check")
    await check.get_by_role("button", name="Give consent").click()
    await expect(panel).to_contain_text("Consent given")
    await expect(panel).to_contain_text("We have sent you a receipt by e-mail.")
    await expect(consumer.locator(".govuk-panel")).to_be_focused()
    await expect(consumer.get_by_test_id("your-turn")).to_have_count(0)
    # The consent holds exactly the text the screen showed, and the case page shows it so
    consent = await Consent.get(case_id=case.id)
    assert (consent.legal_effect, consent.language) == (shown, "en")
    await consumer.locator("summary", has_text="About this case").click()
    await expect(consumer.get_by_test_id("consent-record-text")).to_have_text(shown)
    await expect(consumer.get_by_test_id("consent-record")).to_contain_text("Shown in English")

    # The provider extends the organisation's clock: the reasons reach the consumer's page
    reason = "The organisation's office is closed for a week of public holidays."
    await w.act(w.caseworker, case, Action.EXTEND_CLOCK, clock="response", days=5, reason=reason)
    extension = consumer.get_by_test_id("next-step").get_by_test_id("clock-extensions")
    await expect(extension).to_contain_text(f"by {w.caseworker.display_name}")
    await expect(extension).to_contain_text(reason)
    timeline = consumer.get_by_test_id("timeline")
    await expect(timeline.locator("li").first).to_contain_text(f"Reasons: {reason}")

    # The case moves on to offers; the consumer counters, and a success banner takes focus
    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="One debit was reversed.")
    await w.reply(case)
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    await run_clock_job(now() + timedelta(days=8))  # the objection window closes
    await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    await w.act(w.agent, case, Action.MAKE_OFFER, amount="60.00", terms="Half, as goodwill.")
    await expect(stage).to_have_text("In resolution")
    await expect(consumer.get_by_text("Half, as goodwill.")).to_be_visible()
    await consumer.get_by_label("Amount", exact=True).fill("100")
    await consumer.get_by_label("Terms").fill("The double debit in full, less fees.")
    await accessible(consumer, "consumer-case-offer")
    await consumer.get_by_role("button", name="Send the counter-offer").click()
    banner = consumer.get_by_test_id("success-banner")
    await expect(banner).to_contain_text("Your offer of €100.00 is sent")
    await expect(banner).to_be_focused()
    await expect(timeline.locator("li").first).to_contain_text("The complainant offered €100.00.")

    # The neutral, in another browser, issues an outcome through its check page
    neutral = await (await portal.context()).new_page()
    neutral_errors = _no_script_errors(neutral)
    await sign_in(neutral, w.neutral.email, PASSWORD)
    await neutral.goto(f"/cases/{case_id(case)}")
    # The outcome's form (the neutral may also withdraw, in a folded form of its own)
    issue = neutral.locator("#action-ISSUE_OUTCOME")
    await issue.get_by_label("Outcome", exact=True).fill("Refund the duplicate debit.")
    await issue.get_by_label("Reasons").fill("The statement shows the same debit twice.")
    await issue.get_by_label("Amount (optional)").fill("84.10")
    await issue.get_by_role("button", name="Continue").click()
    await expect(neutral.get_by_test_id("check-page")).to_contain_text("binds nobody")
    await accessible(neutral, "neutral-issue-check")
    await neutral.get_by_role("button", name="Issue", exact=True).click()
    await expect(neutral.get_by_test_id("confirmation")).to_contain_text("Outcome issued")

    # The consumer's page shows it unreloaded; accepting goes through a check and a confirmation
    outcome = consumer.get_by_test_id("outcome")
    await expect(outcome).to_contain_text("Refund the duplicate debit.")
    await expect(outcome).to_contain_text("€84.10")
    await expect(stage).to_have_text("Outcome proposed")
    await expect(timeline).to_contain_text("The independent person issued the outcome: €84.10.")
    await expect(timeline).to_contain_text("Both sides may think the outcome over until")
    await accessible(consumer, "consumer-case-outcome")
    # EU ADR Art. 9(2)(b): the notice is shown, and acknowledged before accepting
    notice = await outcome.get_by_test_id("acceptance-notice").inner_text()
    assert "you do not have to accept" in notice
    await outcome.get_by_role("button", name="Accept the outcome").click()
    await expect(outcome.get_by_test_id("error-summary")).to_contain_text("I have read this notice")
    await outcome.get_by_label("I have read this notice.").check()
    await outcome.get_by_role("button", name="Accept the outcome").click()
    await expect(consumer.get_by_test_id("check-page")).to_contain_text("cannot be undone")
    await expect(consumer.get_by_test_id("acceptance-notice-check")).to_have_text(notice)
    await (
        consumer.get_by_test_id("check-page")
        .get_by_role("button", name="Accept the outcome")
        .click()
    )
    await expect(panel).to_contain_text("You accepted the")
    await expect(panel).to_contain_text("receipt by e-mail")
    await expect(outcome).to_contain_text("accepted on")
    accepted = await TimelineEvent.get(case_id=case.id, kind="outcome_accepted")
    assert (accepted.payload["notice"], accepted.payload["notice_language"]) == (notice, "en")

    # Carried out; the consumer confirms it (a check again) and the case closes
    await w.act(w.agent, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await expect(stage).to_have_text("Implementation")
    await w.act(w.agent, case, Action.RECORD_IMPLEMENTATION, evidence="Refund ref. R-84-10.")
    await expect(consumer.get_by_test_id("next-step")).to_contain_text(
        "Confirm the outcome was carried out"
    )
    await consumer.get_by_test_id("next-step-button").click()
    # Confirming, or reporting that it was not carried out: both are the consumer's turn
    confirm = consumer.get_by_role("region", name="Confirm implementation")
    await confirm.get_by_role("button", name="Continue").click()
    await (
        consumer.get_by_test_id("check-page")
        .get_by_role("button", name="Confirm it was carried out")
        .click()
    )
    await expect(stage).to_have_text("Closed")
    await expect(panel).to_contain_text("You confirmed the outcome was carried out")
    await expect(consumer.get_by_test_id("you-may-also")).to_have_count(0)

    # ... and answers the satisfaction survey its page now links to (ISO 10004)
    await consumer.get_by_role("link", name="Tell us how it went (survey)").click()
    await expect(consumer.get_by_role("heading", name="Your satisfaction survey")).to_be_visible()
    await consumer.get_by_role("button", name="Send my answers").click()
    await expect(consumer.get_by_test_id("error-summary")).to_be_focused()
    for question in await consumer.locator("fieldset").all():
        await question.get_by_role("radio").last.check()
    for box in await consumer.locator("textarea").all():
        await box.fill("Quick and fair.")
    await accessible(consumer, "consumer-survey")
    await consumer.get_by_role("button", name="Send my answers").click()
    await expect(consumer.get_by_test_id("success-banner")).to_contain_text(
        "Thank you: your answers are recorded."
    )

    stored = await DisputeCase.get(id=case.id)
    assert stored.stage is Stage.CLOSED
    assert errors == []
    assert neutral_errors == []


async def test_the_timeout_warning_keeps_the_session_and_a_sign_out_elsewhere_keeps_the_text(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    page = await (await portal.context(phone=True)).new_page()
    # The browser's clock is the page's; the server's runs as it does.
    await page.clock.install()
    await sign_in(page, w.complainant.email, PASSWORD)
    await page.goto("/complaints/new")  # a page load spends the refresh cookie: the end is known
    await page.get_by_label("Subject").fill("Still typing")
    dialog = page.get_by_test_id("session-timeout")
    await expect(dialog).to_be_hidden()

    # Four minutes before the refresh token's end (its lifetime, unused), the warning shows,
    # focused on "Stay signed in"
    ttl = factory.settings.refresh_token_ttl
    await page.clock.fast_forward((ttl - 4 * 60) * 1000)
    await expect(dialog).to_be_visible()
    await expect(dialog).to_contain_text("You are about to be signed out")
    stay = dialog.get_by_role("button", name="Stay signed in")
    await expect(stay).to_be_focused()
    await accessible(page, "session-timeout-warning")
    await page.keyboard.press("Enter")
    await expect(dialog).to_be_hidden()
    await expect(page.get_by_label("Subject")).to_have_value("Still typing")
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    # Signed out in another tab: this one asks to sign in, and comes back to the form with
    # the text (drafts of the person leaving are removed there; the open form keeps its own)
    other = await page.context.new_page()
    await other.goto("/disputes")
    await other.get_by_role("button", name="Sign out").click()
    await expect(other).to_have_url(f"{portal.url}/sign-in")
    await expect(page).to_have_url(f"{portal.url}/sign-in?next=%2Fcomplaints%2Fnew")
    await page.get_by_role("button", name="Password").click()
    await page.get_by_label("E-mail address").fill(w.complainant.email)
    await page.get_by_role("textbox", name="Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page).to_have_url(f"{portal.url}/complaints/new")
    await expect(page.get_by_label("Subject")).to_have_value("Still typing")
