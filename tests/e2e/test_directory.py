"""The public directory (issue 14, deliverable 5) as a visitor who never signs in uses it: on a
375 px phone, in English and in Simplified Chinese, the list and one provider's profile, with
nothing wider than the screen and no serious or critical axe-core violation."""

from __future__ import annotations

from playwright.async_api import Page, expect

from portal.directory.models import NeutralProfile, ProviderProfile
from tests.e2e.conftest import Portal, accessible
from tests.factories import Factory, build_world


async def _fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width} px wide"
    await accessible(page, name)


async def test_a_visitor_reads_the_directory_on_a_phone_in_both_languages(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    await ProviderProfile.create(
        provider_id=w.provider.id,
        summary="We settle energy and telecoms disputes.",
        methods=["mediation", "arbitration_non_binding"],
        languages=["en", "zh-Hans"],
        countries=["DE", "AT"],
        fees="Free for consumers.",
        legal_effect="Nothing binds you unless you accept it.",
        rules_url="https://adr.example/rules",
        translations={"zh-Hans": {"fees": "消费者免费。"}},
    )
    await NeutralProfile.create(
        provider_id=w.provider.id,
        user_id=w.neutral.id,
        title="Mediator",
        competences=["energy"],
        languages=["en"],
        standing_disclosures="Shareholder of Acme.",
    )
    hidden = await factory.provider("Hidden ADR")
    hidden.published = False
    await hidden.save()
    page = await (await portal.context(phone=True)).new_page()

    # From any page, the footer leads to the directory
    await page.goto("/sign-in")
    await page.get_by_role("link", name="Dispute resolution providers").click()
    await expect(page).to_have_url(f"{portal.url}/providers")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Dispute resolution providers")
    cards = page.get_by_test_id("directory-provider")
    await expect(cards).to_have_count(1)
    await expect(cards).to_contain_text(w.provider.name)
    await expect(page.get_by_test_id("directory")).not_to_contain_text("Hidden ADR")
    await _fits(page, "directory-phone-en")

    # Filters: a method nobody offers empties the list, the provider's language brings it back
    await page.get_by_label("Way of resolving the dispute").select_option("ARBITRATION_BINDING")
    await expect(page.get_by_test_id("directory-count")).to_have_text(
        "No provider matches these filters."
    )
    await expect(cards).to_have_count(0)
    await page.get_by_label("Way of resolving the dispute").select_option("MEDIATION")
    await page.get_by_label("Language the provider works in").select_option("zh-Hans")
    await expect(cards).to_have_count(1)

    # The profile: each method explained, fees, legal effect, clocks, the people who decide
    await page.get_by_role("link", name=w.provider.name).click()
    await expect(page).to_have_url(f"{portal.url}/providers/{w.provider.slug}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(w.provider.name)
    await expect(
        page.get_by_text("A neutral person helps you and the organisation")
    ).to_be_visible()
    await expect(page.get_by_test_id("provider-fees")).to_have_text("Free for consumers.")
    await expect(page.get_by_test_id("provider-scheme")).to_contain_text("Respond")
    await expect(page.get_by_test_id("provider-roster")).to_contain_text("Mediator")
    await expect(page.locator("main")).not_to_contain_text("Shareholder of Acme.")
    await _fits(page, "directory-provider-phone-en")

    # Simplified Chinese: the page's words, and the provider's own translation where it gave
    # one (marked with its language); the untranslated summary says the language it is in
    await page.locator("#parley-locale").select_option("zh-Hans")
    await expect(page.get_by_text("消费者免费。")).to_be_visible()
    assert await page.get_by_test_id("provider-fees").get_attribute("lang") == "zh-Hans"
    assert await page.get_by_test_id("provider-summary").get_attribute("lang") == "en"
    await expect(page.get_by_role("heading", name="作出决定的人员")).to_be_visible()
    await _fits(page, "directory-provider-phone-zh")

    # Opened directly (a shared link), the list and the profile are the portal's pages
    await page.goto("/providers")
    await expect(page.get_by_role("heading", level=1)).to_have_text("争议解决机构")
    await expect(cards).to_have_count(1)
    await _fits(page, "directory-phone-zh")
    await page.goto(f"/providers/{hidden.slug}")
    await expect(page.get_by_text("名录中没有这家机构。")).to_be_visible()
    await page.goto(f"/providers/{w.provider.slug}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(w.provider.name)
