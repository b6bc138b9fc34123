"""Issue 13 F10: the pages' content security policies hold in a real browser. The other
end-to-end tests bypass the policy (they inject axe-core); these enforce it and fail on any
violation Chromium reports."""

from __future__ import annotations

from playwright.async_api import BrowserContext, Page, expect

from tests.e2e.conftest import Portal, sign_in
from tests.factories import PASSWORD, Factory, build_world


async def _enforcing(portal: Portal) -> BrowserContext:
    context = await portal.browser.new_context(base_url=portal.url, locale="en-GB")
    context.set_default_timeout(10_000)
    return context


def _violations(page: Page) -> list[str]:
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


async def test_the_web_portal_runs_under_its_policy(portal: Portal, factory: Factory) -> None:
    w = await build_world(factory)
    page = await (await _enforcing(portal)).new_page()
    violations = _violations(page)

    await sign_in(page, w.complainant.email, PASSWORD)
    await expect(page).to_have_url(f"{portal.url}/disputes")
    await expect(page.get_by_text("You have no disputes yet.")).to_be_visible()

    assert violations == []


async def test_the_ides_inline_script_is_allowed_by_its_hash(portal: Portal) -> None:
    page = await (await _enforcing(portal)).new_page()
    violations = _violations(page)

    # unpkg.com may be out of reach here: its scripts then fail to load, which is no violation.
    await page.goto("/graphql", wait_until="domcontentloaded")
    await page.wait_for_timeout(500)

    assert violations == []
