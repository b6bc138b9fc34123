"""Issue 14 in Chromium, from an empty database: the operator opens the setup link the server
printed and becomes the first administrator; then a consumer signs up on a 375 px phone in
Simplified Chinese. Codes are read from the mail as it arrives at a real SMTP server."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from portal.accounts.models import Locale, Membership, Role, User
from portal.accounts.signup import announce_setup
from portal.complaints.models import Complaint
from portal.complaints.services import record_complaint
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.e2e.conftest import PHONE, Portal, accessible
from tests.factories import (
    Factory,
    RunningSink,
    actor_for,
    deliver_all,
    mail_settings,
    quick_world,
    start_mailsink,
)

CODE = re.compile(r"(?:is|是) (\d{6})\b")


@pytest.fixture
async def sink(tmp_path: Path) -> AsyncIterator[RunningSink]:
    running = await start_mailsink(tmp_path)
    try:
        yield running
    finally:
        await running.stop()


async def code_for(sink: RunningSink, settings: Settings, address: str) -> str:
    """Deliver the outbox, then the code in the newest mail to ``address``."""
    await deliver_all(Worker(mail_settings(settings, sink.port)))
    mails = [m for m in sink.sink.received if m["To"] == address]
    assert mails, f"no mail to {address}"
    body = mails[-1].get_body(preferencelist=("plain",))
    assert isinstance(body, EmailMessage)
    found = CODE.search(str(body.get_content()))
    assert found
    return found.group(1)


async def fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide"
    await accessible(page, name)


async def test_from_an_empty_database_the_first_admin_then_a_consumer_signs_up(
    portal: Portal, portal_settings: Settings, sink: RunningSink
) -> None:
    # The link `portal serve` prints at start-up on an empty database (portal.app lifespan).
    printed: list[str] = []
    link = await announce_setup(portal_settings, echo=printed.append)
    assert link is not None
    assert link in "\n".join(printed)
    fragment = link.split("/setup", 1)[1]

    admin_page = await (await portal.context()).new_page()
    await admin_page.goto(f"/setup{fragment}")
    await expect(admin_page.get_by_role("heading", level=1)).to_have_text("Set up Parley")
    await admin_page.get_by_role("button", name="Send me a code").click()
    await expect(admin_page.get_by_test_id("error-summary")).to_contain_text("Enter e-mail address")
    await accessible(admin_page, "setup-errors")
    await admin_page.get_by_label("E-mail address").fill("root@example.org")
    await admin_page.get_by_label("Your name").fill("Ada Admin")
    await admin_page.get_by_label("Time zone").select_option("Europe/London")
    await admin_page.get_by_role("button", name="Send me a code").click()
    await expect(admin_page.get_by_role("status")).to_contain_text("root@example.org")
    await accessible(admin_page, "setup-code")
    await admin_page.get_by_label("Code").fill(
        await code_for(sink, portal_settings, "root@example.org")
    )
    await admin_page.get_by_role("button", name="Continue").click()
    await expect(admin_page.get_by_test_id("confirmation")).to_contain_text(
        "You are the administrator"
    )
    await expect(admin_page.get_by_role("link", name="Go to administration")).to_be_visible()
    await accessible(admin_page, "setup-done")
    admin = await User.get(email="root@example.org")
    assert await Membership.filter(user_id=admin.id, role=Role.ADMIN).count() == 1
    assert admin.time_zone == "Europe/London"

    # The link worked once: opened again, it is refused.
    again = await (await portal.context()).new_page()
    await again.goto(f"/setup{fragment}")
    await again.get_by_label("E-mail address").fill("eve@example.org")
    await again.get_by_label("Your name").fill("Eve")
    await again.get_by_role("button", name="Send me a code").click()
    await expect(again.get_by_test_id("error-summary")).to_contain_text("This setup link was used")

    # A consumer signs up on a phone, in Simplified Chinese, in their own time zone.
    context = await portal.browser.new_context(
        base_url=portal.url,
        viewport=PHONE,
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        bypass_csp=True,
    )
    context.set_default_timeout(10_000)
    page = await context.new_page()
    await page.goto("/sign-up")
    await expect(page.get_by_role("heading", level=1)).to_have_text("创建账户")
    await expect(page.get_by_label("时区")).to_have_value("Asia/Shanghai")
    await fits(page, "phone-sign-up-zh")
    await page.get_by_label("电子邮箱").fill("Wei.Zhang@Example.org")
    await page.get_by_label("您的姓名").fill("张伟")
    await page.get_by_role("button", name="给我发送验证码").click()
    await expect(page.get_by_role("status")).to_contain_text("Wei.Zhang@Example.org")
    code = await code_for(sink, portal_settings, "wei.zhang@example.org")
    # Typed as people do: with a space in the middle, in full-width digits.
    full_width = "".join(chr(0xFF10 + int(d)) for d in code)
    typed = f"{full_width[:3]} {full_width[3:]}"
    await page.get_by_label("验证码", exact=True).fill(typed)
    await fits(page, "phone-sign-up-code-zh")
    await page.get_by_role("button", name="继续").click()
    await expect(page.locator(".parley-header__who")).to_contain_text("张伟")
    await fits(page, "phone-signed-up-zh")

    consumer = await User.get(email="wei.zhang@example.org")
    assert (consumer.display_name, consumer.locale, consumer.time_zone) == (
        "张伟",
        Locale.ZH_HANS,
        "Asia/Shanghai",
    )
    assert await User.all().count() == 2


async def test_a_recorded_complainant_claims_the_account_from_the_mails_link(
    portal: Portal, portal_settings: Settings, sink: RunningSink, factory: Factory
) -> None:
    w = await quick_world(factory)
    complaint = await record_complaint(
        await actor_for(w.agent),
        w.organisation.id,
        {
            "subject": "Rude engineer",
            "description": "He shouted at me.",
            "channel": "phone",
            "complainant_email": "erika@example.org",
            "complainant_name": "E. M.",
        },
    )
    await deliver_all(Worker(mail_settings(portal_settings, sink.port)))
    [recorded] = [m for m in sink.sink.received if m["To"] == "erika@example.org"]
    body = recorded.get_body(preferencelist=("plain",))
    assert isinstance(body, EmailMessage)
    link = re.search(r"\S+/claim#email=\S+", str(body.get_content()))
    assert link is not None

    page = await (await portal.context(phone=True)).new_page()
    await page.goto("/claim" + link.group(0).split("/claim", 1)[1])
    await expect(page.get_by_label("E-mail address")).to_have_value("erika@example.org")
    await fits(page, "phone-claim")
    await page.get_by_role("button", name="Send me a code").click()
    await expect(page.get_by_role("status")).to_contain_text("erika@example.org")
    await page.get_by_label("Code").fill(await code_for(sink, portal_settings, "erika@example.org"))
    await page.get_by_role("button", name="Continue").click()
    await expect(page.get_by_label("Your name")).to_have_value("E. M.")
    await page.get_by_label("Your name").fill("Erika Muster")
    await page.get_by_label("Time zone").select_option("Europe/Berlin")
    await fits(page, "phone-claim-profile")
    await page.get_by_role("button", name="Save and continue").click()
    await expect(page.get_by_test_id("confirmation")).to_contain_text("The account is yours")
    await fits(page, "phone-claim-done")

    erika = await User.get(email="erika@example.org")
    assert (erika.display_name, erika.time_zone, erika.claim_pending) == (
        "Erika Muster",
        "Europe/Berlin",
        False,
    )
    # Claiming attached nothing and confirmed nothing: the complaint still asks for that.
    assert (await Complaint.get(id=complaint.id)).confirmed_at is None
