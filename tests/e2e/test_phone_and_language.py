"""The consumer's pages on a 375 px phone and a desktop, in English and Simplified Chinese:
nothing wider than the screen, no serious or critical axe-core violation; a consumer with one
open duty sees exactly that one as "your turn" (withdrawing is only offered); accepting an offer
goes through a check page and a confirmation that says what happens next. The
language switch persists across a reload and, signed in, is saved with the account, whose page
also keeps the time zone; signing out ends the session, and a one-time code
typed with a space signs back in. The focus ring's contrast is measured (WCAG 2.4.13 method)."""

from __future__ import annotations

import base64
from datetime import timedelta

from playwright.async_api import Locator, Page, Response, expect

from portal.accounts.models import Locale, User
from portal.cases.engine import now
from portal.cases.models import DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import Stage
from portal.notifications.mail import MailKind
from portal.notifications.models import OutboxMessage
from tests.e2e.conftest import Portal, accessible, catalogue, fits, sign_in, use_language
from tests.factories import PASSWORD, Factory, World, build_world
from tests.test_api_support import case_id


async def _with_offer(w: World, case: DisputeCase) -> None:
    """From referred to the organisation's open offer of 60.00."""
    await w.act(w.caseworker, case, Action.ACCEPT)
    await w.act(w.complainant, case, Action.GIVE_CONSENT, understands_legal_effect=True,
                understands_right_to_withdraw=True)  # fmt: skip
    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="One debit was reversed.")
    await w.reply(case)
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)


def _saves_preferences(response: Response) -> bool:
    return response.request.method == "POST" and "UpdateMyPreferences" in (
        response.request.post_data or ""
    )


COMBINATIONS = [(False, "en"), (True, "en"), (False, "zh-Hans"), (True, "zh-Hans")]


async def test_one_duty_is_your_turn_and_accepting_an_offer_is_checked_and_confirmed(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    waiting = []  # one case per combination, waiting on the complainant's consent
    offered = []  # one case per combination, with the organisation's open offer
    for _ in COMBINATIONS:
        case = await w.new_case()
        await w.act(w.caseworker, case, Action.ACCEPT)
        waiting.append(case)
        case = await w.new_case()
        await _with_offer(w, case)
        offered.append(case)
    await run_clock_job(now() + timedelta(days=8))  # the objection windows close
    for case in offered:
        await w.act(w.caseworker, case, Action.COMPLETE_FILE)
        await w.act(w.agent, case, Action.MAKE_OFFER, amount="60.00", terms="Half, as goodwill.")

    for index, (phone, locale) in enumerate(COMBINATIONS):
        t = catalogue(locale)
        name = f"{'phone' if phone else 'desktop'}-{locale}"
        page = await (await portal.context(phone=phone)).new_page()
        await sign_in(page, w.complainant.email, PASSWORD)
        await use_language(page, locale)

        # Exactly one duty, as "your turn"; withdrawing under "you may also"
        await page.goto(f"/cases/{case_id(waiting[index])}")
        await expect(page.get_by_test_id("case-stage")).to_have_text(t["stage.ACCEPTED"])
        await expect(page.get_by_test_id("your-turn")).to_have_count(1)
        await expect(page.get_by_test_id("next-step")).to_contain_text(t["duty.GIVE_CONSENT"])
        await expect(page.get_by_test_id("you-may-also")).to_contain_text(t["right.WITHDRAW"])
        await expect(page.get_by_test_id("next-step-button")).to_have_count(1)
        await fits(page, f"case-duty-{name}", 375 if phone else 1280)

        # The offer: accept -> check page (what it means) -> confirmation
        await page.goto(f"/cases/{case_id(offered[index])}")
        offers = page.get_by_test_id("offers")
        await expect(offers).to_contain_text("Half, as goodwill.")
        await offers.get_by_role("button", name=t["offers.accept"]).click()
        check = page.get_by_test_id("check-page")
        await expect(check).to_contain_text(t["offers.effectGivesUp"])
        await expect(check.get_by_role("heading", level=2)).to_be_focused()
        await fits(page, f"offer-check-{name}", 375 if phone else 1280)
        await check.get_by_role("button", name=t["offers.accept"]).click()
        panel = page.get_by_test_id("confirmation")
        await expect(panel).to_contain_text(t["confirmation.receiptMailed"])
        await expect(page.locator(".govuk-panel")).to_be_focused()
        await expect(page.get_by_test_id("case-stage")).to_have_text(t["stage.IMPLEMENTATION"])
        await expect(page.get_by_test_id("your-turn")).to_have_count(0)
        await expect(panel).to_contain_text(t["offers.acceptedNext"])
        await expect(panel).not_to_contain_text(t["right.WITHDRAW"])
        await fits(page, f"offer-confirmed-{name}", 375 if phone else 1280)
        await page.context.close()

    for case in offered:
        assert (await DisputeCase.get(id=case.id)).stage is Stage.IMPLEMENTATION
    # ... and each acceptance's receipt is on its way to the complainant, as the page said
    receipts = await OutboxMessage.filter(
        kind=MailKind.RECEIPT.value, recipient=w.complainant.email
    )
    accepted = [m for m in receipts if m.context.get("action") == Action.ACCEPT_OFFER.value]
    assert len(accepted) == len(offered)


async def test_main_pages_fit_a_phone_and_the_language_switch_persists(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    page = await (await portal.context(phone=True)).new_page()

    await page.goto("/")
    await expect(page).to_have_url(f"{portal.url}/sign-in")
    await fits(page, "phone-sign-in")
    await sign_in(page, w.complainant.email, PASSWORD)
    await expect(page.locator(".card")).to_have_count(1)
    await fits(page, "phone-disputes")

    await page.goto(f"/cases/{case_id(case)}")
    await expect(page.get_by_test_id("timeline-verification")).to_contain_text("unchanged")
    await fits(page, "phone-case")
    await page.goto("/complaints")
    await expect(page.locator(".card")).to_have_count(1)
    await fits(page, "phone-complaints")
    await page.goto("/complaints/new")
    await fits(page, "phone-file-complaint")
    await page.goto(f"/complaints/{case_id(case)}/escalate")
    await fits(page, "phone-escalate")
    await page.goto("/no-such-page")
    await fits(page, "phone-not-found")

    # Simplified Chinese, kept across a reload (the session survives it through its cookie),
    # and kept with the account: the person's mail follows it (issue 15)
    await page.goto("/complaints/new")
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()  # signed in again
    async with page.expect_response(_saves_preferences) as saved:
        await page.get_by_label("Language").select_option("zh-Hans")
    assert (await (await saved.value).json())["data"]["updateMyPreferences"]["userErrors"] == []
    assert (await User.get(id=w.complainant.id)).locale is Locale.ZH_HANS
    await expect(page.get_by_role("heading", level=1)).to_have_text("提交投诉")
    assert await page.evaluate("() => document.documentElement.lang") == "zh-Hans"
    await page.goto(f"/cases/{case_id(case)}")
    await expect(page.get_by_test_id("timeline-verification")).to_contain_text("未被更改")
    await fits(page, "phone-case-zh")

    # The account page: language and time zone, which every date in their mail follows
    zh = catalogue("zh-Hans")
    await page.get_by_role("link", name=zh["layout.account"]).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(zh["account.title"])
    await expect(page.get_by_label("简体中文")).to_be_checked()
    await page.get_by_label(zh["account.timeZone"]).select_option("Asia/Shanghai")
    await page.get_by_role("button", name=zh["preferences.save"]).click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text(zh["preferences.saved"])
    stored = await User.get(id=w.complainant.id)
    assert (stored.locale, stored.time_zone) == (Locale.ZH_HANS, "Asia/Shanghai")
    await fits(page, "phone-account-zh")

    # Signing out ends the session: a reload does not bring it back
    await page.get_by_role("button", name="退出登录").click()
    await expect(page).to_have_url(f"{portal.url}/sign-in")
    await page.reload()
    await expect(page.get_by_role("heading", level=1)).to_have_text("登录")
    await page.goto("/disputes")
    await expect(page).to_have_url(f"{portal.url}/sign-in?next=%2Fdisputes")

    # Back in with a one-time code from the mail, typed with a space, to the page asked for
    await page.get_by_label("电子邮箱").fill(w.complainant.email)
    await page.get_by_role("button", name="发送验证码").click()
    await expect(page.get_by_role("status")).to_contain_text(w.complainant.email)
    mail = await OutboxMessage.get(kind=MailKind.SIGN_IN_CODE.value)
    code = str(mail.context["code"])
    await page.get_by_label("六位验证码").fill(f"{code[:3]} {code[3:]}")
    await fits(page, "phone-sign-in-code-zh")
    await page.get_by_role("button", name="登录").click()
    await expect(page).to_have_url(f"{portal.url}/disputes")
    await expect(page.get_by_role("heading", level=1)).to_have_text("我的争议")


# WCAG 2.2 2.4.13 (Focus Appearance), as its Understanding document measures it: the pixels
# that change between the unfocused and the focused state, where the two colours have a
# contrast of at least 3:1, cover at least the area of a 2 CSS px thick perimeter of the
# unfocused component. Screenshots at one device pixel per CSS pixel.
CHANGED_AREA = """async ([before, after]) => {
  const load = async (data) => {
    const blob = await (await fetch("data:image/png;base64," + data)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d");
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  };
  const a = await load(before), b = await load(after);
  const linear = (c) => {
    c /= 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (d, i) =>
    0.2126 * linear(d[i]) + 0.7152 * linear(d[i + 1]) + 0.0722 * linear(d[i + 2]);
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const l1 = luminance(a.data, i), l2 = luminance(b.data, i);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    if (ratio >= 3) count += 1;
  }
  return count;
}"""


async def _focus_ring_area(page: Page, control: Locator) -> tuple[int, int]:
    """(pixels changed with >= 3:1 contrast when focused by keyboard, required area)."""
    box = await control.bounding_box()
    assert box is not None
    margin = 8
    clip = {
        "x": box["x"] - margin,
        "y": box["y"] - margin,
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }
    await page.evaluate("() => document.activeElement?.blur()")
    before = await page.screenshot(clip=clip)
    # Keyboard focus (:focus-visible): tab onto it from the element before it.
    await control.evaluate(
        """(element) => {
          const all = [...document.querySelectorAll('a[href], button, input, select, textarea')];
          const previous = all[all.indexOf(element) - 1];
          previous.focus();
        }"""
    )
    await page.keyboard.press("Tab")
    await expect(control).to_be_focused()
    after = await page.screenshot(clip=clip)
    changed = await page.evaluate(
        CHANGED_AREA,
        [base64.b64encode(before).decode(), base64.b64encode(after).decode()],
    )
    width, height = round(box["width"]), round(box["height"])
    required = 2 * (2 * width + 2 * height) - 16  # a 2 px ring along the component's edge
    return changed, required


async def test_the_focus_ring_contrasts_at_least_3_to_1(portal: Portal) -> None:
    page = await (await portal.context()).new_page()
    await page.goto("/sign-in")
    t = catalogue("en")
    controls = {
        "button": page.get_by_role("button", name=t["signIn.sendCode"]),
        "text input": page.get_by_label(t["signIn.email"]),
    }
    for kind, control in controls.items():
        changed, required = await _focus_ring_area(page, control)
        assert changed >= required, f"{kind}: {changed} px changed at 3:1, {required} needed"
    await page.goto("/no-such-page")
    link = page.get_by_role("link", name=t["notFound.home"])
    changed, required = await _focus_ring_area(page, link)
    assert changed >= required, f"link: {changed} px changed at 3:1, {required} needed"
    await accessible(page, "not-found")
