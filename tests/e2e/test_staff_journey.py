"""The staff side in the browser.

1. A provider's caseworker: a decline refused until its ground and reasons are given (error
   summary), then checked (its effect in plain words) and confirmed; an acceptance with a
   success banner; the organisation's inbox soonest due first, telling our own overdue duty
   (recorded as missed) from the provider's, the "overdue only" filter agreeing with the badges;
   the organisation responds; the caseworker appoints from the roster; the neutral declares,
   reads the file, writes in one private conversation (the column updates) while the other
   side's message arrives in the other column without a reload, and extends a deadline after
   a refused "abc" for the days. axe-core on every page.
2. The manager's review and the public transparency report: each chart drawn by Chart.js with
   a scale from 0 to a sensible maximum and followed by its table; on a desktop in English and
   on a 375 px phone in Simplified Chinese, with the inbox in Chinese too."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.async_api import Page, expect

from portal.casefiles.services import post_message
from portal.cases.engine import now
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import ClockStatus, Stage
from portal.timeline.models import Visibility
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, actor_for, build_world


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


async def _chinese(page: Page, path: str) -> None:
    """The next page in Simplified Chinese, as chosen with the language picker (kept in
    localStorage); one navigation, so the session's refresh is not cut short by a reload."""
    await page.context.add_init_script("localStorage.setItem('parley.locale', 'zh-Hans')")
    await page.goto(path)


async def _fits_phone(page: Page) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{width} px wide"


async def test_provider_organisation_and_neutral_work_a_case(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    kept = await w.new_case()
    refused = await w.new_case()

    # The caseworker's queue: declining needs a ground and reasons, is checked, then confirmed
    provider = await (await portal.context()).new_page()
    errors = _no_script_errors(provider)
    await sign_in(provider, w.caseworker.email, PASSWORD)
    await expect(provider).to_have_url(f"{portal.url}/provider/intake")
    await expect(provider.get_by_role("heading", name="New referrals (2)")).to_be_visible()
    await expect(provider.get_by_test_id("steps-duties").first).to_have_text(
        "Your turnaccept the case · decline the case"
    )
    await accessible(provider, "provider-intake")
    card = provider.get_by_test_id("staff-case").filter(has_text=refused.reference)
    await card.get_by_role("button", name="Decline", exact=True).click()
    summary = card.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Choose the ground for declining")
    await expect(summary).to_contain_text("Enter reasons")
    await expect(card.get_by_label("Ground for declining")).to_have_attribute(
        "aria-invalid", "true"
    )
    await accessible(provider, "provider-decline-errors")
    await card.get_by_label("Ground for declining").select_option(
        label="Not raised with the organisation first"
    )
    await card.get_by_label("Reasons").fill("The organisation never saw this complaint.")
    await card.get_by_role("button", name="Decline", exact=True).click()
    check = card.get_by_test_id("check-page")
    await expect(check).to_contain_text("This cannot be undone")
    await expect(check).to_contain_text("The organisation never saw this complaint.")
    assert (await DisputeCase.get(id=refused.id)).stage is Stage.REFERRED
    await accessible(provider, "provider-decline-check")
    await check.get_by_role("button", name="Decline the dispute").click()
    confirmation = provider.get_by_test_id("confirmation")
    await expect(confirmation).to_contain_text("Dispute declined")
    await expect(confirmation).to_contain_text(refused.reference)
    await expect(confirmation.locator(".govuk-panel")).to_be_focused()
    await expect(provider.get_by_role("heading", name="New referrals (1)")).to_be_visible()
    assert (await DisputeCase.get(id=refused.id)).stage is Stage.DECLINED

    card = provider.get_by_test_id("staff-case").filter(has_text=kept.reference)
    await card.get_by_label("Complex case (the longer response clock)").check()
    await card.get_by_role("button", name="Accept", exact=True).click()
    banner = provider.get_by_test_id("success-banner")
    await expect(banner).to_contain_text(f"{kept.reference} accepted")
    await expect(banner).to_be_focused()
    await expect(provider.get_by_text("No referral is waiting for a decision.")).to_be_visible()
    assert (await DisputeCase.get(id=kept.id)).stage is Stage.ACCEPTED

    # The complainant consents; the response is recorded as missed (our delay); another case
    # waits, late, on the provider (their delay)
    await w.act(
        w.complainant,
        kept,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    await Clock.filter(case_id=kept.id, kind="response").update(
        due_at=now() - timedelta(days=1), status=ClockStatus.MISSED
    )
    waiting = await w.new_case()
    await Clock.filter(case_id=waiting.id, kind="acceptance").update(
        due_at=now() - timedelta(days=2)
    )

    # The organisation's inbox: soonest due first, our delay and the provider's told apart
    org = await (await portal.context()).new_page()
    org_errors = _no_script_errors(org)
    await sign_in(org, w.agent.email, PASSWORD)
    await expect(org).to_have_url(f"{portal.url}/organisation/inbox")
    cards = org.get_by_test_id("staff-case")
    await expect(cards.first).to_have_attribute("data-reference", waiting.reference)
    ours = cards.filter(has_text=kept.reference).get_by_test_id("overdue-tag")
    await expect(ours).to_have_text("Overdue: our delay")
    theirs = cards.filter(has_text=waiting.reference).get_by_test_id("overdue-tag")
    await expect(theirs).to_have_text("Overdue: the provider's delay")
    await expect(
        cards.filter(has_text=kept.reference).get_by_test_id("steps-duties")
    ).to_contain_text("respond")
    await expect(
        cards.filter(has_text=waiting.reference).get_by_test_id("steps-duties")
    ).to_have_count(0)
    await accessible(org, "organisation-inbox")
    await org.get_by_label("Overdue only").check()
    await expect(cards).to_have_count(2)
    assert await org.get_by_test_id("overdue-tag").count() == 2
    await org.get_by_label("Waiting for us only").check()
    await expect(cards).to_have_count(1)
    await expect(cards.first).to_have_attribute("data-reference", kept.reference)
    await org.get_by_role("button", name="Complaints").click()
    await expect(org.get_by_role("table", name="Complaints received")).to_contain_text(
        kept.reference
    )
    await accessible(org, "organisation-inbox-complaints")
    await org.get_by_role("button", name="Disputes").click()
    await cards.filter(has_text=kept.reference).get_by_role("link").click()
    await org.get_by_label("Our position").fill("One debit was reversed already.")
    await accessible(org, "organisation-case-respond")
    await org.get_by_role("button", name="Send the response").click()
    await expect(org.get_by_test_id("success-banner")).to_contain_text("Response sent")
    await expect(org.get_by_test_id("case-stage")).to_have_text("Checking the case file")

    # The caseworker appoints the neutral from the roster
    await provider.reload()
    card = provider.get_by_test_id("staff-case").filter(has_text=kept.reference)
    await card.get_by_label(w.neutral.display_name).check()
    await accessible(provider, "provider-appoint")
    await card.get_by_role("button", name="Appoint").click()
    await expect(provider.get_by_test_id("success-banner")).to_contain_text("is appointed")
    await expect(
        provider.get_by_text("No accepted case is waiting for someone to handle it.")
    ).to_be_visible()

    # The neutral: assigned cases, the declaration with a disclosure, the file
    await post_message(
        await actor_for(w.complainant),
        kept.id,
        "Only for the neutral.",
        Visibility.CAUCUS_COMPLAINANT,
    )
    neutral = await (await portal.context()).new_page()
    neutral_errors = _no_script_errors(neutral)
    await sign_in(neutral, w.neutral.email, PASSWORD)
    await expect(neutral).to_have_url(f"{portal.url}/neutral/cases")
    await expect(neutral.get_by_role("heading", name="Waiting for you (1)")).to_be_visible()
    await accessible(neutral, "neutral-assigned")
    await neutral.get_by_role(
        "link", name=f"{kept.reference}: Overcharged on the March bill"
    ).click()
    await neutral.get_by_role("textbox", name="Disclosures").fill(
        "I was a customer of Acme until 2020."
    )
    await neutral.get_by_role("button", name="Declare", exact=True).click()
    await expect(neutral.get_by_test_id("success-banner")).to_contain_text("Declaration recorded")
    disclosures = neutral.get_by_test_id("disclosures")
    await expect(disclosures).to_contain_text("Declared impartial")
    await expect(disclosures).to_contain_text("I was a customer of Acme until 2020.")
    statements = neutral.get_by_test_id("statements")
    await expect(statements).to_contain_text("One debit was reversed already.")

    # The private conversations: the neutral writes to one side; the other side's message
    # arrives in its own column without a reload
    with_complainant = neutral.get_by_test_id("caucus-CAUCUS_COMPLAINANT")
    with_organisation = neutral.get_by_test_id("caucus-CAUCUS_ORGANISATION")
    await expect(with_complainant).to_contain_text("Only for the neutral.")
    await expect(with_complainant.get_by_test_id("caucus-count")).to_have_text("(1 message)")
    await expect(with_organisation.get_by_test_id("caucus-count")).to_have_text("(0 messages)")
    await with_complainant.get_by_label("Write to: With the complainant only").fill(
        "Could you send the March bill?"
    )
    await with_complainant.get_by_role("button", name="Send").click()
    await expect(with_complainant.get_by_test_id("caucus-count")).to_have_text("(2 messages)")
    await expect(with_complainant).to_contain_text("Could you send the March bill?")
    await expect(with_organisation).not_to_contain_text("Could you send the March bill?")
    await post_message(
        await actor_for(w.agent), kept.id, "Our side only.", Visibility.CAUCUS_ORGANISATION
    )
    await expect(with_organisation).to_contain_text("Our side only.")
    await expect(with_organisation.get_by_test_id("caucus-count")).to_have_text("(1 message)")
    await accessible(neutral, "neutral-case-file")

    # The objection window lapses and the file completes: the neutral extends the outcome clock
    await run_clock_job(now() + timedelta(days=8))
    await w.reply(kept)
    await w.act(w.caseworker, kept, Action.COMPLETE_FILE)
    await expect(neutral.get_by_test_id("case-stage")).to_have_text("In resolution")
    await neutral.get_by_label("Extra days").fill("abc")
    await neutral.get_by_label("Reason for the extension").fill("An expert report is awaited.")
    await neutral.get_by_role("button", name="Extend", exact=True).click()
    await expect(neutral.get_by_test_id("error-summary")).to_contain_text(
        "Extra days must be a whole number from 1 to 365"
    )
    await accessible(neutral, "neutral-extend-error")
    await neutral.get_by_label("Extra days").fill("10")
    await neutral.get_by_role("button", name="Extend", exact=True).click()
    await expect(neutral.get_by_test_id("success-banner")).to_contain_text("10 more days")
    outcome_clock = await Clock.get(case_id=kept.id, kind="outcome")
    assert outcome_clock.extensions == 1

    assert errors == org_errors == neutral_errors == []


async def test_review_and_transparency_charts_with_tables_in_both_languages(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    kept = await w.new_case()
    declined = await w.new_case()
    await w.act(
        w.caseworker,
        declined,
        Action.DECLINE,
        ground="not_raised_with_organisation",
        reasons="Never raised.",
    )
    await w.act(w.caseworker, kept, Action.ACCEPT)
    # One deadline of eleven missed: drawn as one eleventh of the scale, not as a full bar
    for _ in range(10):
        extra = await w.new_case()
        await w.act(w.caseworker, extra, Action.ACCEPT)
    await w.act(
        w.complainant,
        kept,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    await Clock.filter(case_id=kept.id, kind="response").update(due_at=now() - timedelta(days=1))
    await run_clock_job(now())
    assert (await Clock.get(case_id=kept.id, kind="response")).status is ClockStatus.MISSED
    fresh = await w.new_case()

    # The manager on a desktop, in English
    manager = await (await portal.context()).new_page()
    errors = _no_script_errors(manager)
    await sign_in(manager, w.manager.email, PASSWORD)
    await manager.goto("/organisation/review")
    await expect(manager.get_by_role("heading", name=w.organisation.name)).to_be_visible()
    await expect(manager.get_by_test_id("review-summary")).to_contain_text("Disputes received")
    ended = manager.get_by_test_id("chart-ended")
    await expect(ended.get_by_role("table", name="Disputes ended, by how")).to_contain_text(
        "Declined"
    )
    canvas = ended.get_by_role("img")
    await expect(canvas).to_have_attribute(
        "aria-label", "Bar chart, Disputes ended, by how. Declined: 1; Organisation refused: 1."
    )
    # Chart.js has drawn it (it sizes the canvas to its box)
    await expect(canvas).to_have_attribute("style", re.compile(r"width: \d+"))
    clocks = manager.get_by_test_id("chart-clocks")
    table = clocks.get_by_role("table")
    await expect(table.get_by_role("columnheader")).to_have_text(
        ["Who was responsible", "Met", "Missed"]
    )
    totals = await table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('td')]"
        ".reduce((sum, td) => sum + Number(td.textContent), 0))"
    )
    scale_max = float(await clocks.get_attribute("data-scale-max") or 0)
    assert totals, "no row in the deadlines table"
    assert scale_max >= max(totals), (totals, scale_max)
    assert scale_max <= 2 * max(totals)
    await expect(manager.get_by_test_id("chart-satisfaction")).to_have_attribute(
        "data-scale-max", "5"
    )
    await accessible(manager, "organisation-review")

    # The same on a 375 px phone, in Simplified Chinese
    phone = await (await portal.context(phone=True)).new_page()
    phone_errors = _no_script_errors(phone)
    await sign_in(phone, w.manager.email, PASSWORD)
    await _chinese(phone, "/organisation/review")
    await expect(phone.get_by_role("heading", level=1)).to_have_text("管理评审")
    await expect(
        phone.get_by_test_id("chart-ended").get_by_role("table", name=re.compile("^已结束争议"))
    ).to_be_visible()
    await expect(phone.get_by_test_id("chart-ended").get_by_role("img")).to_have_attribute(
        "aria-label", re.compile("^条形图.已结束争议")
    )
    await _fits_phone(phone)
    await accessible(phone, "organisation-review-phone-zh")

    # The organisation's inbox on the phone, in Chinese: our delay in red
    agent = await (await portal.context(phone=True)).new_page()
    agent_errors = _no_script_errors(agent)
    await sign_in(agent, w.agent.email, PASSWORD)
    await _chinese(agent, "/organisation/inbox")
    await expect(agent.get_by_role("heading", level=1)).to_have_text("投诉与争议")
    await expect(agent.get_by_test_id("staff-case").first).to_be_visible()
    await _fits_phone(agent)
    await accessible(agent, "organisation-inbox-phone-zh")

    # The caseworker's queue on the phone, in English
    caseworker = await (await portal.context(phone=True)).new_page()
    caseworker_errors = _no_script_errors(caseworker)
    await sign_in(caseworker, w.caseworker.email, PASSWORD)
    await expect(caseworker).to_have_url(f"{portal.url}/provider/intake")
    await expect(caseworker.get_by_role("heading", name="New referrals (1)")).to_be_visible()
    await expect(caseworker.get_by_test_id("staff-case")).to_contain_text(fresh.reference)
    await _fits_phone(caseworker)
    await accessible(caseworker, "provider-intake-phone")

    # The provider's public transparency report, signed out, each chart with its table
    public = await (await portal.context()).new_page()
    public_errors = _no_script_errors(public)
    await public.goto(f"/transparency/{w.provider.slug}")
    refusals = public.get_by_test_id("chart-refusals")
    await expect(refusals.get_by_role("table", name="Refusals by ground")).to_contain_text(
        "Not raised with the organisation first"
    )
    await expect(refusals.get_by_role("img")).to_have_attribute(
        "aria-label", "Bar chart, Refusals by ground. Not raised with the organisation first: 1."
    )
    await expect(
        public.get_by_role("table", name="Every case that ended, anonymised")
    ).to_contain_text(w.organisation.name)
    await accessible(public, "public-transparency")

    assert errors == phone_errors == agent_errors == caseworker_errors == public_errors == []
