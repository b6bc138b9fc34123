"""The staff side in the browser: a provider's caseworker accepts one referral and declines
another on a ground, then appoints a neutral from the roster; the organisation finds the
accepted case in its inbox marked overdue and responds; the neutral opens their assigned case,
declares impartiality with a disclosure, sees the caucus spaces side by side and the file by
party and version, and extends the outcome clock with a reason; the organisation's manager
reads the management review, each chart with its table. axe-core on every page."""

from __future__ import annotations

from datetime import timedelta

from playwright.async_api import Page, expect

from portal.casefiles.services import post_message
from portal.cases.engine import now
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import Stage
from portal.timeline.models import Visibility
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, actor_for, build_world


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


async def test_provider_organisation_and_neutral_work_a_case_and_the_manager_reviews(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    kept = await w.new_case()
    refused = await w.new_case()

    # The caseworker's intake queue: accept one, decline the other on a ground
    provider = await (await portal.context()).new_page()
    errors = _no_script_errors(provider)
    await sign_in(provider, w.caseworker.email, PASSWORD)
    await expect(provider).to_have_url(f"{portal.url}/provider/intake")
    await expect(provider.get_by_role("heading", name="New referrals (2)")).to_be_visible()
    await accessible(provider, "provider-intake")
    card = provider.locator(".queue-card", has_text=refused.reference)
    await card.get_by_label("Ground for declining").select_option(
        label="Not raised with the organisation first"
    )
    await card.get_by_label("Reasons").fill("The organisation never saw this complaint.")
    await card.get_by_role("button", name="Decline").click()
    await expect(provider.get_by_role("heading", name="New referrals (1)")).to_be_visible()
    card = provider.locator(".queue-card", has_text=kept.reference)
    await card.get_by_label("Complex case (the longer response clock)").check()
    await card.get_by_role("button", name="Accept", exact=True).click()
    await expect(provider.get_by_text("No referral is waiting for a decision.")).to_be_visible()
    assert (await DisputeCase.get(id=refused.id)).stage is Stage.DECLINED
    assert (await DisputeCase.get(id=kept.id)).stage is Stage.ACCEPTED

    # The complainant consents; the response clock is made overdue
    await w.act(
        w.complainant,
        kept,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    await Clock.filter(case_id=kept.id, kind="response").update(due_at=now() - timedelta(days=1))

    # The organisation's inbox: filtered to what waits for it, the case marked overdue; it responds
    org = await (await portal.context()).new_page()
    org_errors = _no_script_errors(org)
    await sign_in(org, w.agent.email, PASSWORD)
    await expect(org).to_have_url(f"{portal.url}/organisation/inbox")
    await org.get_by_label("Waiting for us only").check()
    await org.get_by_label("Overdue only").check()
    overdue = org.locator(".card-overdue", has_text=kept.reference)
    await expect(overdue).to_contain_text("Overdue")
    await expect(org.locator(".card")).to_have_count(1)
    await accessible(org, "organisation-inbox")
    await org.get_by_role("button", name="Complaints").click()
    await expect(org.get_by_role("table", name="Complaints received")).to_contain_text(
        kept.reference
    )
    await accessible(org, "organisation-inbox-complaints")
    await org.get_by_role("button", name="Disputes").click()
    await org.locator(".card-overdue").get_by_role("link").click()
    await org.get_by_label("Our position").fill("One debit was reversed already.")
    await accessible(org, "organisation-case-respond")
    await org.get_by_role("button", name="Send the response").click()
    await expect(org.get_by_test_id("case-stage")).to_have_text("Checking the case file")

    # The caseworker appoints the neutral from the roster
    await provider.reload()
    card = provider.locator(".queue-card", has_text=kept.reference)
    await card.get_by_label(w.neutral.display_name).check()
    await accessible(provider, "provider-appoint")
    await card.get_by_role("button", name="Appoint").click()
    await expect(provider.get_by_text("No accepted case is waiting for a neutral.")).to_be_visible()

    # The neutral: assigned cases, the declaration with a disclosure
    await post_message(
        await actor_for(w.complainant),
        kept.id,
        "Only for the neutral.",
        Visibility.CAUCUS_COMPLAINANT,
    )
    await post_message(
        await actor_for(w.agent), kept.id, "Our side only.", Visibility.CAUCUS_ORGANISATION
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
    disclosures = neutral.get_by_test_id("disclosures")
    await expect(disclosures).to_contain_text("Declared impartial")
    await expect(disclosures).to_contain_text("I was a customer of Acme until 2020.")
    await expect(neutral.get_by_test_id("caucus-CAUCUS_COMPLAINANT")).to_contain_text(
        "Only for the neutral."
    )
    await expect(neutral.get_by_test_id("caucus-CAUCUS_ORGANISATION")).to_contain_text(
        "Our side only."
    )

    # The objection window lapses and the file completes: the neutral extends the outcome clock
    await run_clock_job(now() + timedelta(days=30))
    await w.act(w.caseworker, kept, Action.COMPLETE_FILE)
    await expect(neutral.get_by_test_id("case-stage")).to_have_text("In resolution")
    await neutral.get_by_label("Extra days").fill("10")
    await neutral.get_by_label("Reason for the extension").fill("An expert report is awaited.")
    await accessible(neutral, "neutral-case-file")
    await neutral.get_by_role("button", name="Extend", exact=True).click()
    await expect(neutral.get_by_test_id("timeline")).to_contain_text("extended")
    outcome_clock = await Clock.get(case_id=kept.id, kind="outcome")
    assert outcome_clock.extensions == 1

    # The manager's review: figures and charts, each with its table
    manager = await (await portal.context(phone=True)).new_page()
    manager_errors = _no_script_errors(manager)
    await sign_in(manager, w.manager.email, PASSWORD)
    await manager.goto("/organisation/review")
    await expect(manager.get_by_role("heading", name=w.organisation.name)).to_be_visible()
    await expect(manager.get_by_test_id("review-summary")).to_contain_text("Disputes received")
    await expect(manager.get_by_role("table", name="Disputes ended, by how")).to_contain_text(
        "Declined"
    )
    await accessible(manager, "organisation-review-phone")
    width = await manager.evaluate("document.documentElement.scrollWidth")
    assert width <= 375

    # The provider's public transparency report, signed out
    public = await (await portal.context()).new_page()
    public_errors = _no_script_errors(public)
    await public.goto(f"/transparency/{w.provider.slug}")
    refusals = public.get_by_role("table", name="Refusals by ground")
    await expect(refusals).to_contain_text("Not raised with the organisation first")
    await expect(
        public.get_by_role("table", name="Every case that ended, anonymised")
    ).to_contain_text(w.organisation.name)
    await accessible(public, "public-transparency")

    assert errors == org_errors == neutral_errors == manager_errors == public_errors == []
