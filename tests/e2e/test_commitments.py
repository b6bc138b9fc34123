"""ISO 10001 commitments in the browser: an organisation's manager records two commitments in
both languages (the form's own checks first), and the management review measures the one the
records can show (one complaint acknowledged in time, one late) and says plainly that the other
cannot be measured. axe-core on every page; the commitments page and the review on a 375 px
phone in Simplified Chinese."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.async_api import expect

from portal.admin.models import AdminAuditEntry
from portal.commitments.models import Commitment, CommitmentKind
from tests.e2e.conftest import Portal, accessible, fits, sign_in, use_language
from tests.factories import PASSWORD, Factory, build_world
from tests.feedback_data import complaint


async def test_a_manager_records_commitments_and_the_review_measures_them(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    year = datetime.now(UTC).year
    # Monday 2 March: acknowledged the next day (1 working day); Thursday 5 March: after ten
    # calendar days (6 working days).
    await complaint(w.organisation, w.complainant, datetime(year, 3, 2, tzinfo=UTC), ack_days=1)
    await complaint(w.organisation, w.complainant, datetime(year, 3, 5, tzinfo=UTC), ack_days=10)

    page = await (await portal.context()).new_page()
    await sign_in(page, w.manager.email, PASSWORD)
    await page.goto("/")
    await page.get_by_role("link", name="Commitments").click()
    await expect(page.get_by_role("heading", name="Your commitments to customers")).to_be_visible()
    await accessible(page, "commitments")

    # The form checks before sending: days, and the wording in both languages. A time needs its
    # days and a language commitment its languages: neither is marked optional.
    ack = page.get_by_test_id("commitment-ACKNOWLEDGE_COMPLAINT")
    await expect(ack.locator("label", has_text="Number of days")).not_to_contain_text("optional")
    languages = page.get_by_test_id("commitment-LANGUAGES")
    await expect(languages.locator("label", has_text="Languages")).not_to_contain_text("optional")
    await ack.get_by_role("button", name="Save this commitment").click()
    summary = ack.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary.get_by_text("Enter a whole number of days from 1 to 365")).to_have_count(1)
    await expect(summary).to_contain_text("Enter public wording in Simplified Chinese")
    await accessible(page, "commitments-errors")
    await ack.get_by_label("Number of days").fill("3")
    await ack.get_by_label("Public wording in English").fill(
        "We acknowledge every complaint within 3 working days."
    )
    await ack.get_by_label("Public wording in Simplified Chinese").fill(
        "我们在3个工作日内确认收到每一项投诉。"
    )
    await ack.get_by_role("button", name="Save this commitment").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text("Commitment saved")
    await expect(ack).to_contain_text("Within 3 working days")

    access = page.get_by_test_id("commitment-ACCESSIBILITY")
    await access.get_by_label("Public wording in English").fill("Large print on request.")
    await access.get_by_label("Public wording in Simplified Chinese").fill("可应要求提供大字版。")
    await access.get_by_role("button", name="Save this commitment").click()
    # A commitment made is read first; its form folds under "Change or withdraw"
    await expect(access).to_contain_text("Large print on request.")
    withdraw = access.get_by_role("button", name="Withdraw this commitment")
    await expect(withdraw).to_be_hidden()
    await access.get_by_text("Change or withdraw this commitment").click()
    await expect(withdraw).to_be_visible()

    recorded = await Commitment.get(
        organisation_id=w.organisation.id, kind=CommitmentKind.ACKNOWLEDGE_COMPLAINT
    )
    assert (recorded.days, recorded.wording_zh_hans) == (3, "我们在3个工作日内确认收到每一项投诉。")
    assert await AdminAuditEntry.filter(action="commitment.create").count() == 2

    # The review: one of two acknowledgements in time; accessibility not measured
    await page.get_by_role("link", name="Management review").click()
    measured = page.get_by_test_id("review-commitment-ACKNOWLEDGE_COMPLAINT")
    await expect(measured).to_contain_text("50% (1 of 2)")
    await expect(measured).to_contain_text("We acknowledge every complaint within 3 working days.")
    unmeasured = page.get_by_test_id("review-commitment-ACCESSIBILITY")
    await expect(unmeasured).to_contain_text("Cannot be measured from the records")
    await accessible(page, "review-commitments")

    # On a phone, in Simplified Chinese
    phone = await (await portal.context(phone=True)).new_page()
    await sign_in(phone, w.manager.email, PASSWORD)
    await use_language(phone, "zh-Hans")
    await phone.goto("/organisation/commitments")
    await expect(phone.get_by_role("heading", name="您对客户的承诺")).to_be_visible()
    await expect(phone.get_by_test_id("commitment-ACKNOWLEDGE_COMPLAINT")).to_contain_text(
        "3 个工作日内"
    )
    await fits(phone, "commitments-phone-zh")
    await phone.goto("/organisation/review")
    await expect(phone.get_by_test_id("review-commitment-ACCESSIBILITY")).to_contain_text(
        "无法根据记录衡量"
    )
    await expect(phone.get_by_test_id("review-commitment-ACKNOWLEDGE_COMPLAINT")).to_contain_text(
        "我们在3个工作日内确认收到每一项投诉。"
    )
    await fits(phone, "review-commitments-phone-zh")
