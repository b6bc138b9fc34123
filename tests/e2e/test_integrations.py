"""An organisation's manager runs its integrations in the web portal, on a 375 px phone:
creates an integration client (its secret shown once, and it obtains a token), subscribes a
real local HTTP receiver, sends a test ping and sees it in the delivery log, pauses (an event
meanwhile is held, not sent), resumes (the held event arrives), in English and in Chinese."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import httpx
import pytest
from playwright.async_api import Page, expect

from portal.app import create_app
from portal.notifications.models import OutboxMessage, OutboxStatus
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.e2e.conftest import CHROMIUM_FLAGS, Portal, accessible, chromium_path, sign_in
from tests.factories import PASSWORD, Factory, build_world, deliver_all
from tests.live_support import serving
from tests.test_webhooks import Receiver, receiver

__all__ = ["receiver"]  # the fixture: a uvicorn receiver verifying with `standardwebhooks`


@pytest.fixture
def hooks_settings(portal_settings: Settings) -> Settings:
    """The portal as in development: webhooks to 127.0.0.1 allowed."""
    return dataclasses.replace(portal_settings, webhook_allow_private=True)


@pytest.fixture
async def hooks_portal(e2e_ready: None, hooks_settings: Settings, db: str) -> AsyncIterator[Portal]:
    from playwright.async_api import async_playwright

    app = create_app(hooks_settings, manage_orm=False)
    async with serving(app) as ws_url, async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield Portal(ws_url.replace("ws://", "http://").removesuffix("/graphql"), app, browser)
        finally:
            await browser.close()


# What sticks out, for the failure message.
WIDE = """() => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right + window.scrollX > 376)
  .slice(0, 8)
  .map((e) => `${e.tagName}.${e.className} ${(e.textContent || "").slice(0, 40)}`)"""


async def _fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    wide = await page.evaluate(WIDE) if width > 375 else []
    assert width <= 375, f"{name} is {width} px wide: {wide}"
    await accessible(page, name)


async def test_a_manager_creates_a_client_and_a_webhook_pings_pauses_and_resumes(
    hooks_portal: Portal,
    hooks_settings: Settings,
    factory: Factory,
    receiver: tuple[Receiver, str],
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    page = await (await hooks_portal.context(phone=True)).new_page()
    await sign_in(page, w.manager.email, PASSWORD)
    await page.get_by_role("link", name="Integrations").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Integrations")
    await expect(page.get_by_text("No integration clients yet.")).to_be_visible()
    await _fits(page, "integrations-empty")

    # A client: its secret is shown once, with a copy button and a warning; it gets a token.
    await page.get_by_role("link", name="Create an integration client").click()
    # Its scopes (issue 18, 4): all three unless the manager says otherwise, at least one.
    for scope in ("Read", "Write", "Manage webhooks"):
        await expect(page.get_by_label(scope, exact=True)).to_be_checked()
        await page.get_by_label(scope, exact=True).uncheck()
    await page.get_by_role("button", name="Create an integration client").click()
    await expect(page.get_by_test_id("error-summary")).to_contain_text("Enter name")
    await expect(page.get_by_test_id("error-summary")).to_contain_text(
        "Select at least one thing the client may do"
    )
    await page.get_by_label("Name").fill("CRM production")
    await page.get_by_label("Agent").check()
    await page.get_by_label("Read", exact=True).check()
    await page.get_by_label("Manage webhooks", exact=True).check()
    await page.get_by_role("button", name="Create an integration client").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Integration client created")
    await expect(page.get_by_text("It is shown only this once")).to_be_visible()
    await expect(page.get_by_role("button", name="Copy the secret")).to_be_visible()
    client_id = (await page.get_by_test_id("client-id").inner_text()).strip()
    secret = (await page.get_by_test_id("client-secret").inner_text()).strip()
    await _fits(page, "integrations-client-created")
    async with httpx.AsyncClient(base_url=hooks_portal.url) as http:
        token = await http.post(
            "/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
        )
    assert token.status_code == 200
    assert token.json()["scope"] == "read webhooks"
    scopes = page.get_by_test_id("client-scopes").get_by_role("listitem")
    await expect(scopes).to_have_text(["Read", "Manage webhooks"])
    await page.get_by_role("link", name="Back to integrations").click()
    await expect(page.get_by_test_id("clients-table")).to_contain_text(client_id)

    # Rotate (a check page, then the new secret once: the old one works for the overlap).
    await page.get_by_role("link", name="Rotate the secret: CRM production").click()
    await expect(page.get_by_test_id("check-page")).to_contain_text(client_id)
    await _fits(page, "integrations-rotate-check")
    await page.get_by_role("button", name="Rotate the secret").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("New secret issued")
    await expect(page.get_by_text("The old secret keeps working until")).to_be_visible()
    rotated = (await page.get_by_test_id("client-secret").inner_text()).strip()
    async with httpx.AsyncClient(base_url=hooks_portal.url) as http:
        for either in (secret, rotated):
            answer = await http.post(
                "/oauth/token",
                data={"grant_type": "client_credentials"},
                auth=(client_id, either),
            )
            assert answer.status_code == 200
    await page.get_by_role("link", name="Back to integrations").click()
    await expect(page.get_by_test_id("clients-table")).to_contain_text("Old secret works until")

    # Disable (a check page, then a confirmation): its secrets stop working.
    await page.get_by_role("link", name="Disable: CRM production").click()
    await page.get_by_role("button", name="Disable the client").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Integration client disabled")
    async with httpx.AsyncClient(base_url=hooks_portal.url) as http:
        refused = await http.post(
            "/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, rotated)
        )
    assert refused.status_code == 401
    await page.get_by_role("link", name="Back to integrations").click()
    await expect(page.get_by_test_id("clients-table")).to_contain_text("Disabled")

    # A subscription to the local receiver.
    await page.get_by_role("link", name="Add a webhook subscription").click()
    await page.get_by_label("Endpoint URL").fill(url)
    await page.get_by_label("Referred to the provider (case_referred)").check()
    await _fits(page, "integrations-webhook-form")
    await page.get_by_role("button", name="Add a webhook subscription").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Webhook subscription added")
    hook.secret = (await page.get_by_test_id("webhook-secret").inner_text()).strip()
    await page.get_by_role("link", name="Manage this subscription").click()
    await expect(page.get_by_test_id("webhook-status")).to_have_text("Active")

    # A test ping arrives signed and shows in the delivery log with the receiver's answer.
    await page.get_by_role("button", name="Send a test ping").click()
    await expect(page.get_by_test_id("ping-result")).to_contain_text("answered 204")
    ping_row = page.get_by_test_id("delivery-log").locator('tr[data-event="ping"]')
    await expect(ping_row.get_by_test_id("response-code")).to_have_text("204")
    assert [p["type"] for p in hook.verified] == ["ping"]
    assert hook.refused == 0
    await _fits(page, "integrations-webhook-pinged")

    # Paused: a case referred meanwhile is held, not sent.
    await page.get_by_role("button", name="Pause deliveries").click()
    await expect(page.get_by_test_id("webhook-status")).to_have_text("Paused")
    case = await w.new_case()
    worker = Worker(dataclasses.replace(hooks_settings, outbox_retry_schedule=(3600.0,)))
    await worker.deliver_due()
    held = await OutboxMessage.get(channel="webhook", kind="case_referred")
    assert held.status is OutboxStatus.HELD
    await page.get_by_role("button", name="Refresh the log").click()
    await expect(page.get_by_test_id("delivery-log")).to_contain_text("Held (paused)")

    # Resumed: the held event goes out.
    await page.get_by_role("button", name="Resume deliveries").click()
    await expect(page.get_by_test_id("webhook-status")).to_have_text("Active")
    await deliver_all(worker, rounds=20)
    assert [p["type"] for p in hook.verified] == ["ping", "case_referred"]
    assert hook.verified[1]["data"]["case"]["reference"] == case.reference
    await page.get_by_role("button", name="Refresh the log").click()
    referred = page.get_by_test_id("delivery-log").locator('tr[data-event="case_referred"]')
    await expect(referred.get_by_test_id("response-code")).to_have_text("204")

    # The same page in Chinese, on the phone.
    await page.get_by_label("Language").select_option("zh-Hans")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Webhook 订阅")
    await expect(page.get_by_role("heading", name="发送记录")).to_be_visible()
    await _fits(page, "integrations-webhook-zh")
