"""The auditor's records check, on a 375 px phone: a check of every case is started, the
page follows its progress while the worker checks the cases in the background, and it
finishes with the one tampered case listed (the intact one is not). A finding is raised on it
from the list, followed up, and closed; the report counts it, in English and in Simplified
Chinese. axe-clean at each step."""

from __future__ import annotations

from datetime import UTC, datetime

from playwright.async_api import Page, expect

from portal.auditing import runs
from portal.timeline.models import TimelineEvent
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, build_world


async def _fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width} px wide"
    await accessible(page, name)


async def test_an_auditor_checks_the_records_and_follows_up_a_finding(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    intact = await w.new_case()
    tampered = await w.new_case()
    # Written behind the application's back: the event no longer matches its digest.
    await TimelineEvent.filter(case_id=tampered.id, sequence=1).update(payload={"forged": 1})
    page = await (await portal.context(phone=True)).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(page, w.auditor.email, PASSWORD)

    # The auditor's own pages come first: the portal's front door leads to the records check.
    await page.goto("/")
    await expect(page).to_have_url(f"{portal.url}/audit")
    await expect(page.get_by_text("No check has been run yet.")).to_be_visible()
    start = page.get_by_role("button", name="Check every case now")
    await start.click()
    progress = page.get_by_test_id("run-progress")
    await expect(progress).to_contain_text("Waiting to start")
    # The keyboard stays where it was, on the button (the progress is announced).
    await expect(start).to_be_focused()
    await expect(progress).to_contain_text("0 of 2")
    await _fits(page, "audit-run-started")

    # The worker's rounds, as `portal serve` runs them; the page polls until the check is done.
    assert await runs.work_all("e2e-worker", datetime.now(UTC)) == 2
    await expect(progress).to_contain_text("Finished")
    await expect(progress).to_contain_text("2 of 2")
    broken = page.get_by_test_id("broken-cases")
    await expect(broken).to_contain_text(tampered.reference)
    await expect(broken).to_contain_text("Event 1 of")
    await expect(broken).not_to_contain_text(intact.reference)
    await _fits(page, "audit-run-finished")

    await broken.get_by_role("link", name=f"Raise a finding {tampered.reference}").click()
    await expect(page.get_by_label("Case reference")).to_have_value(tampered.reference)
    await page.get_by_role("button", name="Raise the finding").click()  # nothing chosen yet
    await expect(page.get_by_role("alert")).to_contain_text("Select how serious the finding is")
    await page.get_by_label("High").check()
    await page.get_by_label("What should follow").fill(
        "The provider restores event 1 from its backup and explains the change."
    )
    # A reference that names no case the auditor audits is said so, on its field
    await page.get_by_label("Case reference").fill("DR-1999-000001")
    await page.get_by_role("button", name="Raise the finding").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text(
        "There is no case with this reference among the cases you audit"
    )
    await page.get_by_label("Case reference").fill(tampered.reference)
    await _fits(page, "audit-finding-form")
    await page.get_by_role("button", name="Raise the finding").click()

    await expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Finding on {tampered.reference}"
    )
    await expect(page.get_by_text("The finding is recorded")).to_be_visible()
    await expect(page.get_by_test_id("finding-status")).to_have_text("Open")
    await expect(page.get_by_text("no longer verifies from event 1 on")).to_be_visible()

    await page.get_by_label("What was done").fill("The provider restored the event.")
    await page.get_by_role("button", name="Record the follow-up").click()
    await expect(page.get_by_text("The follow-up is recorded")).to_be_visible()
    await expect(page.get_by_test_id("finding-status")).to_have_text("Followed up")
    await page.get_by_label("What was done").fill("Checked again: the chain holds.")
    await page.get_by_label("This closes the finding").check()
    await page.get_by_role("button", name="Record the follow-up").click()
    await expect(page.get_by_test_id("finding-status")).to_have_text("Closed")
    await expect(page.get_by_test_id("follow-ups").locator("li")).to_have_count(2)
    await expect(page.get_by_role("button", name="Record the follow-up")).to_have_count(0)
    await _fits(page, "audit-finding-closed")

    # The menu shows where a finding's page belongs: under "Audit findings".
    menu = page.get_by_role("navigation", name="Main")
    findings = menu.get_by_role("link", name="Audit findings")
    await expect(findings).to_have_attribute("aria-current", "true")
    await findings.click()
    await expect(findings).to_have_attribute("aria-current", "page")
    await expect(page.get_by_test_id("findings")).to_contain_text(tampered.reference)

    # A second check: the first is listed under "Earlier checks", one named region
    await page.goto("/audit")
    await page.get_by_role("button", name="Check every case now").click()
    await expect(progress).to_contain_text("Waiting to start")
    assert await runs.work_all("e2e-worker", datetime.now(UTC)) == 2
    await expect(progress).to_contain_text("Finished")
    await expect(page.get_by_role("region", name="Earlier checks")).to_have_count(1)
    await _fits(page, "audit-earlier-runs")

    await page.goto("/audit/report")
    report = page.get_by_test_id("audit-report")
    await expect(report).to_contain_text("Broken chains found")
    await expect(page.get_by_text("Findings closed")).to_be_visible()
    await _fits(page, "audit-report")
    await page.get_by_label("Language").select_option("zh-Hans")
    await expect(page.get_by_role("heading", level=1)).to_have_text("审计报告")
    await _fits(page, "audit-report-zh")
    assert errors == []
