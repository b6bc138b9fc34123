"""The main pages on a 375 px wide phone: nothing wider than the screen, no serious or critical
axe-core violation; the language switch persists across a reload; signing out ends the session,
and a one-time code from the mail signs back in."""

from __future__ import annotations

from playwright.async_api import Page, expect

from portal.notifications.mail import MailKind
from portal.notifications.models import OutboxMessage
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, build_world
from tests.test_api_support import case_id


async def _fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width} px wide"
    await accessible(page, name)


async def test_main_pages_fit_a_phone_and_the_language_switch_persists(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    page = await (await portal.context(phone=True)).new_page()

    await page.goto("/")
    await expect(page).to_have_url(f"{portal.url}/sign-in")
    await _fits(page, "phone-sign-in")
    await sign_in(page, w.complainant.email, PASSWORD)
    await expect(page.locator(".card")).to_have_count(1)
    await _fits(page, "phone-disputes")

    await page.goto(f"/cases/{case_id(case)}")
    await expect(page.get_by_test_id("timeline-verification")).to_contain_text("chain intact")
    await _fits(page, "phone-case")
    await page.goto("/complaints")
    await expect(page.locator(".card")).to_have_count(1)
    await _fits(page, "phone-complaints")
    await page.goto("/complaints/new")
    await _fits(page, "phone-file-complaint")

    # Simplified Chinese, kept across a reload (the session survives it through its cookie)
    await page.get_by_label("Language").select_option("zh-Hans")
    await expect(page.get_by_role("heading", level=1)).to_have_text("提交投诉")
    assert await page.evaluate("() => document.documentElement.lang") == "zh-Hans"
    await page.goto(f"/cases/{case_id(case)}")
    await expect(page.get_by_role("heading", name="下一步")).to_be_visible()
    await expect(page.get_by_test_id("timeline-verification")).to_contain_text("哈希链完整")
    await _fits(page, "phone-case-zh")

    # Signing out ends the session: a reload does not bring it back
    await page.get_by_role("button", name="退出登录").click()
    await expect(page).to_have_url(f"{portal.url}/sign-in")
    await page.reload()
    await expect(page.get_by_role("heading", level=1)).to_have_text("登录")
    await page.goto("/disputes")
    await expect(page).to_have_url(f"{portal.url}/sign-in?next=%2Fdisputes")

    # Back in with a one-time code from the mail, to the page asked for
    await page.get_by_label("电子邮箱").fill(w.complainant.email)
    await page.get_by_role("button", name="发送验证码").click()
    await expect(page.get_by_role("status")).to_contain_text(w.complainant.email)
    mail = await OutboxMessage.get(kind=MailKind.SIGN_IN_CODE.value)
    await page.get_by_label("六位验证码").fill(str(mail.context["code"]))
    await page.get_by_role("button", name="登录").click()
    await expect(page).to_have_url(f"{portal.url}/disputes")
    await expect(page.get_by_role("heading", level=1)).to_have_text("我的争议")
