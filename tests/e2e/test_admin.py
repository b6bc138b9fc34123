"""Administration in the browser (issue 14): an installation admin adds an organisation and a
provider with a scheme, links them, edits the scheme (a case already runs under it, so the
edit makes version 2), retires the provider after a check page, and reads every change in the
audit log. axe-core on each admin page; the pages fit a 375 px phone, in Simplified Chinese
too; someone who is not an admin is not shown them."""

from __future__ import annotations

from playwright.async_api import Page, expect

from portal.accounts.models import Organisation, Provider, Role
from portal.admin.models import AdminAuditEntry
from portal.api.node import to_global_id
from portal.cases.models import Clock, DisputeCase, Scheme
from portal.cases.states import ClockKind
from portal.complaints.services import file_complaint, refer_complaint
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, actor_for


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


async def _fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width} px wide"
    await accessible(page, name)


async def test_an_admin_sets_up_an_organisation_and_a_provider_and_reads_the_audit_log(
    portal: Portal, factory: Factory
) -> None:
    admin = await factory.user(Role.ADMIN)
    page = await (await portal.context()).new_page()
    errors = _no_script_errors(page)
    await sign_in(page, admin.email, PASSWORD)
    await expect(page).to_have_url(f"{portal.url}/admin/organisations")
    await expect(page.get_by_text("There are no organisations yet.")).to_be_visible()
    await accessible(page, "admin-organisations-empty")

    # An organisation: the form checks itself first, then the server's answer
    await page.get_by_role("button", name="Add organisation").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary).to_contain_text("Enter name")
    await expect(summary).to_be_focused()
    await accessible(page, "admin-organisations-errors")
    await page.get_by_label("Name", exact=True).fill("North Power")
    await page.get_by_label("Short name (slug)").fill("north-power")
    await page.get_by_label("Country").fill("de")
    await page.get_by_role("button", name="Add organisation").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text("North Power was added.")
    table = page.get_by_role("table", name="All organisations")
    await expect(table).to_contain_text("north-power")
    await expect(table).to_contain_text("Active")
    organisation = await Organisation.get(slug="north-power")
    assert organisation.country == "DE"

    # A provider, then its scheme
    await (
        page.get_by_role("navigation", name="Administration")
        .get_by_role("link", name="Providers")
        .click()
    )
    await page.get_by_label("Name", exact=True).fill("Calm ADR")
    await page.get_by_label("Short name (slug)").fill("calm-adr")
    await page.get_by_role("button", name="Add provider").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text("Calm ADR was added.")
    await accessible(page, "admin-providers")
    await page.get_by_role("link", name="Calm ADR", exact=True).click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Calm ADR")
    await accessible(page, "admin-provider")
    await page.get_by_role("button", name="Add a scheme").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Add a scheme")
    await page.get_by_label("Name", exact=True).fill("Energy scheme")
    await page.get_by_label("Country whose public holidays count").fill("DE")
    await page.get_by_label("No, the missed deadline is only recorded").check()
    await page.get_by_label("Mediation", exact=True).check()
    await page.get_by_label("Decide on acceptance: days").fill("0")
    await page.get_by_label("Mediation: legal effect in English").fill(
        "Nothing binds you unless you agree to a settlement."
    )
    await page.get_by_role("button", name="Add scheme").click()
    await expect(page.get_by_test_id("error-summary")).to_contain_text(
        "Decide on acceptance: days must be a whole number from 1 to 365"
    )
    await accessible(page, "admin-scheme-new")
    await page.get_by_label("Decide on acceptance: days").fill("10")
    await page.get_by_role("button", name="Add scheme").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text(
        "The scheme Energy scheme was added."
    )
    await expect(page.get_by_role("region", name="Schemes")).to_contain_text("Mediation")
    provider = await Provider.get(slug="calm-adr")
    scheme = await Scheme.get(provider_id=provider.id)
    assert scheme.silence_is_refusal is False
    assert scheme.methods == ["mediation"]
    assert scheme.clock_policy["acceptance"] == {"days": 10, "calendar": "calendar_days"}
    assert scheme.legal_effects == {
        "mediation": {"en": "Nothing binds you unless you agree to a settlement."}
    }

    # Link them, from the organisation's page
    await page.goto("/admin/organisations")
    await page.get_by_role("link", name="North Power", exact=True).click()
    await expect(page.get_by_text("This organisation works with no provider yet")).to_be_visible()
    await page.get_by_label("Provider and scheme").select_option(
        label="Calm ADR: Energy scheme (version 1)"
    )
    await page.get_by_role("button", name="Link provider").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text(
        "The organisation now works with Calm ADR."
    )
    await expect(page.get_by_role("region", name="Providers it works with")).to_contain_text(
        "Energy scheme (version 1)"
    )
    await accessible(page, "admin-organisation")

    # A consumer's case runs under the scheme; the admin then changes its acceptance clock
    consumer = await factory.user()
    complaint = await file_complaint(
        await actor_for(consumer),
        organisation.id,
        {"subject": "Double billing", "description": "Billed twice.", "remedy_sought": "Refund"},
    )
    case = await refer_complaint(
        await actor_for(consumer),
        complaint.id,
        {"provider_id": provider.id, "method": "mediation", "unresolved_reason": "Refused."},
    )
    await page.goto("/admin/providers")
    await page.get_by_role("link", name="Calm ADR", exact=True).click()
    await page.get_by_role("link", name="Energy scheme").click()
    await expect(page.get_by_text("Changes apply to new cases only.")).to_be_visible()
    # The retention period (issue 19): six years unless changed, whole years up to 100
    retention = page.get_by_label("Retention period, in years")
    await expect(retention).to_have_value("6")
    await retention.fill("150")
    await page.get_by_role("button", name="Save changes").click()
    summary = page.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Enter the retention period as whole years from 0 to 100")
    await retention.fill("10")
    await page.get_by_label("Decide on acceptance: days").fill("12")
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text(
        "Saved as version 2. Cases already referred keep version 1."
    )
    await accessible(page, "admin-scheme-edit")
    current = await Scheme.get(provider_id=provider.id, retired_at=None)
    assert current.version == 2
    assert current.clock_policy["acceptance"]["days"] == 12
    assert current.retention_years == 10
    assert (await DisputeCase.get(id=case.id)).scheme_id == scheme.id
    assert (await Clock.get(case_id=case.id, kind=ClockKind.ACCEPTANCE)).days == 10

    # Retire the provider, after a check page
    await page.get_by_role("link", name="Back to Calm ADR").click()
    await page.get_by_role("button", name="Retire provider").click()
    check = page.get_by_test_id("check-page")
    await expect(check).to_contain_text("This provider takes no new referrals.")
    await accessible(page, "admin-provider-retire-check")
    await check.get_by_role("button", name="Retire provider").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text(
        "Calm ADR is retired. It takes no new referrals and keeps its cases."
    )
    assert (await Provider.get(id=provider.id)).retired_at is not None
    assert await DisputeCase.filter(provider_id=provider.id).count() == 1

    # The audit log lists every change, newest first, with what changed
    await (
        page.get_by_role("navigation", name="Administration")
        .get_by_role("link", name="Audit log")
        .click()
    )
    log = page.get_by_test_id("audit-log")
    rows = log.locator("tbody tr")
    await expect(rows).to_have_count(6)
    actions = [
        "Provider retired",
        "Scheme changed (new version)",
        "Provider linked",
        "Scheme added",
        "Provider added",
        "Organisation added",
    ]
    for index, action in enumerate(actions):
        await expect(rows.nth(index)).to_contain_text(action)
        await expect(rows.nth(index)).to_contain_text(admin.email)
    await expect(rows.nth(1)).to_contain_text("clock_policy.acceptance.days: 10 → 12")
    await expect(rows.nth(2)).to_contain_text("Link: North Power → Calm ADR")
    await accessible(page, "admin-audit-log")
    assert await AdminAuditEntry.all().count() == 6
    assert errors == []


async def test_the_admin_pages_fit_a_phone_in_both_languages_and_are_for_admins_only(
    portal: Portal, factory: Factory
) -> None:
    admin = await factory.user(Role.ADMIN)
    organisation = await Organisation.create(slug="a-very-long-organisation-slug", name="Acme")
    page = await (await portal.context(phone=True)).new_page()
    await sign_in(page, admin.email, PASSWORD)
    await expect(page.get_by_role("table", name="All organisations")).to_contain_text("Acme")
    await _fits(page, "phone-admin-organisations")
    await page.get_by_role("link", name="Acme", exact=True).click()
    await page.get_by_role("button", name="Retire organisation").click()
    await expect(page.get_by_test_id("check-page")).to_be_visible()
    await _fits(page, "phone-admin-retire-check")
    await page.get_by_role("button", name="Go back and change").click()
    await page.goto("/admin/audit")
    await _fits(page, "phone-admin-audit")

    await page.get_by_label("Language").select_option("zh-Hans")
    await expect(page.get_by_role("heading", level=1)).to_have_text("审计日志")
    await page.goto("/admin/providers")
    await expect(page.get_by_role("heading", level=1)).to_have_text("争议解决机构")
    await _fits(page, "phone-admin-providers-zh")
    provider = await Provider.create(slug="phone-adr", name="Phone ADR")
    await page.goto(f"/admin/providers/{to_global_id('Provider', provider.id)}/schemes/new")
    await expect(page.get_by_role("heading", level=1)).to_have_text("添加方案")
    await _fits(page, "phone-admin-scheme-zh")
    await page.goto(f"/admin/organisations/{to_global_id('Organisation', organisation.id)}/team")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Acme的团队")
    await expect(page.get_by_role("button", name="发送邀请")).to_be_visible()
    await _fits(page, "phone-admin-team-zh")
    assert (await Organisation.get(id=organisation.id)).retired_at is None

    # Someone without the admin role is not shown the pages
    consumer = await factory.user()
    other = await (await portal.context()).new_page()
    await sign_in(other, consumer.email, PASSWORD)
    await other.goto("/admin/organisations")
    await expect(other.get_by_role("heading", level=1)).to_have_text("Page not found")
    await other.goto(f"/admin/organisations/{to_global_id('Organisation', organisation.id)}/team")
    await expect(other.get_by_role("heading", level=1)).to_have_text("Page not found")
    await expect(other.get_by_role("link", name="Audit log")).to_have_count(0)
