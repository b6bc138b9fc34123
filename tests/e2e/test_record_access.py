"""The record access log in the browser (issue 19, 3): the complainant opens their case and
reads who has read their records (themselves, and the organisation's staff by role, without a
name); the organisation's auditor reviews the log at /audit/access and narrows it to one
person. Both pages on a 375 px phone, axe on each, the complainant's in Simplified Chinese too."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.async_api import expect

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from tests.e2e.conftest import Portal, sign_in
from tests.e2e.test_admin import _fits
from tests.factories import PASSWORD, Factory, build_world


async def test_the_complainant_and_the_auditor_read_the_access_log_on_a_phone(
    portal: Portal, factory: Factory
) -> None:
    world = await build_world(factory)
    case = await world.new_case()
    # The organisation's agent read the case file before (as the API records it).
    await AccessRecord.create(
        created_at=datetime.now(UTC),
        reader_kind=ReaderKind.USER,
        reader_id=world.agent.id,
        role="organisation",
        action=AccessAction.DOCUMENT_DOWNLOAD,
        case_id=case.id,
        case_reference=case.reference,
        organisation_id=case.organisation_id,
        provider_id=case.provider_id,
        target_type="Document",
        target_id="d",
        ip="203.0.113.7",
        user_agent="Agent browser",
    )

    page = await (await portal.context(phone=True)).new_page()
    await sign_in(page, world.complainant.email, PASSWORD)
    await page.goto(f"/cases/{case.reference}")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Overcharged on the March bill")
    await page.goto("/account")
    await page.get_by_role("link", name="See who has read your records").click()
    table = page.get_by_test_id("my-record-reads")
    await expect(table).to_contain_text("Organisation staff")
    await expect(table).to_contain_text("Downloaded a document")
    await expect(table.get_by_role("row").filter(has_text="You")).to_contain_text(
        "Opened the case file"
    )
    await expect(table).not_to_contain_text(world.agent.email)
    await _fits(page, "phone-record-reads")
    await page.get_by_label("Language").select_option("zh-Hans")
    await expect(page.get_by_role("heading", level=1)).to_have_text("谁查阅了我的记录")
    await expect(table).to_contain_text("机构工作人员")
    await _fits(page, "phone-record-reads-zh")

    auditor = await (await portal.context(phone=True)).new_page()
    await sign_in(auditor, world.auditor.email, PASSWORD)
    await auditor.goto("/audit/access")
    log = auditor.get_by_test_id("access-log")
    await expect(log).to_contain_text(world.complainant.email)
    await expect(log).to_contain_text("203.0.113.7")
    await auditor.get_by_label("Person").fill(world.agent.email)
    await auditor.get_by_role("button", name="Apply filters").click()
    await expect(log).not_to_contain_text(world.complainant.email)
    await expect(log).to_contain_text(world.agent.email)
    await _fits(auditor, "phone-access-log")

    # A period that ends before it starts is caught on the page, as a form's error
    await auditor.get_by_label("From (day)").fill("2026-03-10")
    await auditor.get_by_label("Until (day)").fill("2026-03-01")
    await auditor.get_by_role("button", name="Apply filters").click()
    summary = auditor.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("The day in Until must come after the day in From")
    await expect(auditor.get_by_label("Until (day)")).to_have_attribute("aria-invalid", "true")
    await expect(log).to_contain_text(world.agent.email)  # the last filter still stands
    await expect(auditor.get_by_test_id("request-error")).to_have_count(0)
    await _fits(auditor, "phone-access-log-period-error")
