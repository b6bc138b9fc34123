"""End-to-end tests in Debian's headless Chromium, driven by Playwright (no browser download:
`executable_path`), against the built portal served by uvicorn in the tests' own loop.

Python's Playwright rather than npm's playwright-core: the tests build their data with the
suite's own factories and services, and serve the app in the tests' loop (tests/live_support),
so one runner and one database fixture cover the API and the pages.

Skipped, with the reason, when Chromium or the build is missing; never when CI=true (then
`./run test` has installed both, and their absence fails). They use no database-specific
behaviour, so they run once, in the SQLite pass.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect
from starlette.applications import Starlette

from portal.app import create_app
from portal.settings import Settings, load_settings
from tests.live_support import serving

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "frontend" / "dist"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = Path(os.environ.get("PARLEY_E2E_SCREENSHOTS", ROOT / "var" / "e2e-screenshots"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
# Live updates cross a WebSocket and a refetch: on a loaded CI machine 5 s can be short.
expect.set_options(timeout=10_000)


def chromium_path() -> str | None:
    candidate = os.environ.get("PARLEY_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).is_file() and os.access(candidate, os.X_OK) else None


def _missing() -> str | None:
    if chromium_path() is None:
        return "Chromium is not installed (apt-get install chromium, or set PARLEY_CHROMIUM)"
    if not (DIST / "index.html").is_file():
        return "the web portal is not built (cd frontend && npm ci && npm run build)"
    if not AXE.is_file():
        return "frontend/node_modules is missing axe-core (cd frontend && npm ci)"
    return None


@pytest.fixture(scope="session")
def e2e_ready() -> None:
    reason = _missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"CI=true requires the end-to-end tests to run, but {reason}")
    if reason:
        pytest.skip(f"End-to-end tests skipped: {reason}")
    if "postgres" in os.environ.get("PORTAL_TEST_DATABASE_URL", ""):
        pytest.skip("End-to-end tests run once per `./run test`, in the SQLite pass")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def portal_settings(settings: Settings) -> Settings:
    return load_settings(
        {},
        data_dir=settings.data_dir,
        database_url=settings.database_url,
        log_json=False,
        smtp_port=9,
        frontend_dir=str(DIST),
    )


@dataclass
class Portal:
    url: str
    app: Starlette
    browser: Browser

    async def context(self, *, phone: bool = False) -> BrowserContext:
        # bypass_csp: axe-core is injected as a script the page's policy would refuse.
        context = await self.browser.new_context(
            base_url=self.url,
            viewport=PHONE if phone else {"width": 1280, "height": 900},
            locale="en-GB",
            bypass_csp=True,
        )
        context.set_default_timeout(10_000)
        return context


@pytest.fixture(scope="session")
async def chromium(e2e_ready: None) -> AsyncIterator[Browser]:
    """One Chromium for the run (starting one takes seconds); each test's pages live in
    browser contexts of their own (`Portal.context`), closed after the test."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield browser
        finally:
            await browser.close()


@pytest.fixture
async def portal(
    e2e_ready: None, portal_settings: Settings, db: str, chromium: Browser
) -> AsyncIterator[Portal]:
    app = create_app(portal_settings, manage_orm=False)
    async with serving(app) as ws_url:
        try:
            yield Portal(ws_url.replace("ws://", "http://").removesuffix("/graphql"), app, chromium)
        finally:
            # Nothing a test opened outlives it: no page keeps polling the next test's server.
            for context in chromium.contexts:
                await context.close()


async def sign_in(page: Page, email: str, password: str) -> None:
    """The password form of the sign-in page, as a person uses it."""
    await page.goto("/sign-in")
    await sign_in_here(page, email, password)
    await page.wait_for_selector("text=Sign out")


async def sign_in_here(page: Page, email: str, password: str) -> None:
    """The password form of the sign-in page on the screen (where a page that needs a session
    led, with `next=`), filled in and sent."""
    await page.get_by_role("button", name="Password").click()
    await page.get_by_label("E-mail address").fill(email)
    await page.get_by_role("textbox", name="Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()


async def settled(page: Page) -> None:
    """Every part of the page has arrived: no section still says "Loading" (components/Status
    `Loading`: a section's first fetch, or a lazily loaded chunk such as the staff forms). Until
    then each section that arrives pushes the ones below it down, and on a loaded machine a
    click on a form low on the page can wait its whole timeout for the button to be "stable"."""
    await expect(page.locator(".parley-loading")).to_have_count(0)


SERIOUS = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}"""


async def accessible(page: Page, name: str) -> None:
    """axe-core finds no serious or critical violation; and a screenshot of the page is kept."""
    await page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = await page.evaluate(SERIOUS)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert violations == [], f"{name}: {violations}"


def catalogue(locale: str) -> dict[str, str]:
    """The web portal's messages in one locale ("en", "zh-Hans"): tests name what a person reads
    in either language from the same catalogues the pages use."""
    merged: dict[str, str] = {}
    for path in sorted((ROOT / "frontend" / "src" / "i18n" / locale).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


async def use_language(page: Page, locale: str) -> None:
    """Choose the portal's language as the language picker does (kept in this browser); takes
    effect on the next page load."""
    await page.evaluate("(locale) => localStorage.setItem('parley.locale', locale)", locale)


async def fits(page: Page, name: str, width: int = PHONE["width"]) -> None:
    """Nothing wider than the screen (no sideways scrolling), and `accessible`."""
    scroll = await page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, f"{name} is {scroll} px wide"
    await accessible(page, name)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.glob("*.png")):
        terminalreporter.write_line(f"End-to-end screenshots: {SCREENSHOTS}")
