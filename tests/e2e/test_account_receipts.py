"""Issue 19: the receipts of case records kept on a person's account, on /account on a
375 px phone, each checked against the live record ("Check it now"): it matches, and after an
event is altered in the database the same check reports the broken record; the section reads
in Simplified Chinese too. axe-clean."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.async_api import expect

from portal.cases.models import DisputeCase
from portal.notifications.models import ReceiptMoment
from portal.notifications.receipts import mail_head
from portal.timeline.models import TimelineEvent
from tests.e2e.conftest import Portal, catalogue, fits, sign_in, use_language
from tests.factories import PASSWORD, Factory, build_world


async def test_a_kept_receipt_is_listed_on_the_account_and_checked_there(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await DisputeCase.get(id=(await w.new_case()).id)
    await mail_head(case, ReceiptMoment.CASE_CLOSED, datetime.now(UTC))
    page = await (await portal.context(phone=True)).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(page, w.complainant.email, PASSWORD)

    # The account page is named for all it holds, and lists its sections at the top.
    await page.get_by_role("link", name="Your account").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    assert await page.title() == "Your account · Parley"
    contents = page.get_by_role("navigation", name="On this page")
    await expect(contents.get_by_role("link")).to_have_text(
        [
            "Language and time zone",
            "Your calendar",
            "Receipts of your case records",
            "Who has read my records",
            "Your data",
        ]
    )
    await contents.get_by_role("link", name="Your data").click()
    await expect(page.get_by_role("heading", name="Your data", exact=True)).to_be_focused()
    section = page.get_by_test_id("account-receipts")
    await expect(
        section.get_by_role("heading", name="Receipts of your case records")
    ).to_be_visible()
    kept = section.get_by_test_id("account-receipt")
    await expect(kept).to_have_count(1)
    await expect(kept).to_contain_text(case.reference)
    await expect(kept).to_contain_text(case.head_hash)
    await expect(kept).to_contain_text("The case was closed")
    check = kept.get_by_role(
        "button", name=f"Check it now (case {case.reference}, event {case.last_sequence})"
    )
    await check.click()
    result = kept.get_by_test_id("receipt-result")
    await expect(result).to_have_attribute("data-result", "MATCHES")
    await fits(page, "account-receipts-match")

    await TimelineEvent.filter(case_id=case.id, sequence=1).update(actor_role="neutral")
    await check.click()
    await expect(result).to_have_attribute("data-result", "CHAIN_BROKEN")
    await expect(result).to_have_attribute("role", "alert")
    await fits(page, "account-receipts-broken")

    zh = catalogue("zh-Hans")
    await use_language(page, "zh-Hans")
    await page.reload()
    await expect(section.get_by_role("heading", name=zh["receipts.account.title"])).to_be_visible()
    await expect(kept).to_contain_text(zh["receipts.account.CASE_CLOSED"])
    await fits(page, "account-receipts-zh")
    assert errors == []
