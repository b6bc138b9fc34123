"""Running a team in the browser (issue 14, 4): an organisation's manager invites an agent; the
link is read from the mail a real SMTP server received; the agent, new to Parley, signs in with
a code from another real mail, accepts, and lands in the inbox; the manager makes them a
manager and withdraws another pending invitation through its check page. axe-core on every
page; the team page on a 375 px phone in Simplified Chinese."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import Page, expect

from portal.accounts.models import Membership, Role, StaffInvitation, User
from portal.cases.states import InvitationStatus
from portal.directory.models import NeutralProfile, ProviderProfile
from portal.feedback.models import SurveyPolicy
from portal.settings import Settings
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import PASSWORD, Factory, build_world, delivered_mails, mail_text

TOKEN = re.compile(r"/invitations/accept#token=([\w.-]+)")
CODE = re.compile(r"\b(\d{6})\b")


async def _mails_to(settings: Settings, folder: Path, address: str) -> list[str]:
    """The text of each mail a real SMTP server got for ``address`` from the outbox."""
    mails = await delivered_mails(settings, folder)
    return [mail_text(m) for m in mails if str(m["To"]) == address]


async def _fits_phone(page: Page) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{width} px wide"


async def test_a_manager_invites_an_agent_who_joins_and_is_made_a_manager(
    portal: Portal, factory: Factory, portal_settings: Settings, tmp_path: Path
) -> None:
    w = await build_world(factory)

    # The manager invites two people; one of them will not be needed
    manager = await (await portal.context()).new_page()
    await sign_in(manager, w.manager.email, PASSWORD)
    await manager.goto("/organisation/team")
    await expect(manager.get_by_role("heading", name="Your organisation's team")).to_be_visible()
    await expect(manager.get_by_test_id("team-member")).to_have_count(2)
    await accessible(manager, "team")
    await manager.get_by_role("button", name="Send the invitation").click()
    summary = manager.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Choose their role")
    await accessible(manager, "team-invite-errors")
    await manager.get_by_label("Their e-mail address").fill("New.Agent@Example.org")
    await manager.get_by_label("Complaints agent").check()
    await manager.get_by_role("button", name="Send the invitation").click()
    banner = manager.get_by_test_id("success-banner")
    await expect(banner).to_contain_text("Invitation sent to new.agent@example.org")
    await manager.get_by_label("Their e-mail address").fill("not-needed@example.org")
    await manager.get_by_label("Complaints agent").check()
    await manager.get_by_role("button", name="Send the invitation").click()
    await expect(manager.get_by_test_id("team-invitation")).to_have_count(2)

    [invitation_mail] = await _mails_to(
        portal_settings, tmp_path / "invite", "new.agent@example.org"
    )
    [token] = TOKEN.findall(invitation_mail)

    # The agent opens the link, signs in with a one-time code, and accepts
    agent = await (await portal.context()).new_page()
    await agent.goto(f"/invitations/accept#token={token}")
    await expect(agent).to_have_url(f"{portal.url}/invitations/accept")  # the token left the bar
    await accessible(agent, "accept-signed-out")
    await agent.get_by_role("link", name="Sign in to answer").click()
    await agent.get_by_label("E-mail address").fill("new.agent@example.org")
    await agent.get_by_role("button", name="Send me a code").click()
    await expect(agent.get_by_label("Six-digit code")).to_be_visible()
    [code_mail] = await _mails_to(portal_settings, tmp_path / "code", "new.agent@example.org")
    [code] = CODE.findall(code_mail)
    await agent.get_by_label("Six-digit code").fill(code)
    await agent.get_by_role("button", name="Sign in").click()
    # A new address: the account made for the invitation is claimed first, with a name the
    # team will list them by, then on to the invitation
    await expect(agent).to_have_url(re.compile(r"/claim\?next=%2Finvitations%2Faccept$"))
    await agent.get_by_label("Your name").fill("Nora Agent")
    await agent.get_by_role("button", name="Save and continue").click()
    await expect(agent.get_by_test_id("confirmation")).to_contain_text("The account is yours")
    await agent.get_by_test_id("claim-continue").click()
    await expect(agent).to_have_url(f"{portal.url}/invitations/accept")
    await expect(agent.get_by_text(w.organisation.name)).to_be_visible()
    await expect(agent.get_by_text("Complaints agent")).to_be_visible()
    await accessible(agent, "accept-invitation")
    await agent.get_by_role("button", name="Accept and join").click()
    await expect(agent.get_by_test_id("confirmation")).to_contain_text("You have joined the team")
    await agent.get_by_test_id("go-to-work").click()
    await expect(agent).to_have_url(f"{portal.url}/organisation/inbox")
    await expect(agent.get_by_role("heading", name="Complaints and disputes")).to_be_visible()
    joined = await User.get(email="new.agent@example.org")
    assert await Membership.exists(
        user_id=joined.id, role=Role.ORG_AGENT, organisation_id=w.organisation.id
    )

    # The manager makes the new agent a manager
    await manager.reload()
    row = manager.get_by_test_id("team-member").filter(has_text="new.agent@example.org")
    await expect(row).to_contain_text("Nora Agent")
    await expect(row.get_by_test_id("member-role")).to_have_text("Complaints agent")
    await row.get_by_role("button", name="Change role").click()
    await manager.get_by_label("Manager").check()
    await accessible(manager, "team-change-role")
    await manager.get_by_role("button", name="Change the role").click()
    await expect(manager.get_by_test_id("success-banner")).to_contain_text(
        "Nora Agent is now: Manager"
    )
    await expect(row.get_by_test_id("member-role")).to_have_text("Manager")
    # ... which holds from the agent's next request: the team page is theirs now
    await agent.goto("/")
    await agent.get_by_role("link", name="Team").click()
    await expect(agent.get_by_role("button", name="Send the invitation")).to_be_visible()

    # The manager withdraws the invitation nobody needs, through its check page
    pending = manager.get_by_test_id("team-invitation").filter(has_text="not-needed@example.org")
    await pending.get_by_role("button", name="Withdraw").click()
    check = manager.get_by_test_id("check-page")
    await expect(check).to_contain_text("The link in their e-mail stops working at once")
    await accessible(manager, "team-revoke-check")
    await check.get_by_role("button", name="Withdraw the invitation").click()
    await expect(manager.get_by_test_id("success-banner")).to_contain_text(
        "The invitation to not-needed@example.org was withdrawn"
    )
    await expect(manager.get_by_test_id("team-invitation")).to_have_count(0)
    withdrawn = await StaffInvitation.get(email="not-needed@example.org")
    assert withdrawn.status is InvitationStatus.REVOKED

    # On a phone, in Simplified Chinese
    phone = await (await portal.context(phone=True)).new_page()
    await sign_in(phone, w.manager.email, PASSWORD)
    await phone.context.add_init_script("localStorage.setItem('parley.locale', 'zh-Hans')")
    await phone.goto("/organisation/team")
    await expect(phone.get_by_role("heading", name="贵组织的团队")).to_be_visible()
    await expect(phone.get_by_test_id("team-member")).to_have_count(3)
    await _fits_phone(phone)
    await accessible(phone, "team-phone-zh")


async def test_a_provider_keeps_its_profile_and_roster_and_an_organisation_its_surveys(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)

    # The provider's caseworker publishes a profile: a bad contact address is refused first
    caseworker = await (await portal.context()).new_page()
    await sign_in(caseworker, w.caseworker.email, PASSWORD)
    await caseworker.goto("/provider/profile")
    await expect(caseworker.get_by_role("heading", name="Your published profile")).to_be_visible()
    await caseworker.get_by_label("Summary").fill("We mediate consumer disputes about energy.")
    await caseworker.get_by_label("Contact e-mail address").fill("not an address")
    await caseworker.get_by_role("button", name="Save").click()
    await expect(caseworker.get_by_test_id("error-summary")).to_be_focused()
    await accessible(caseworker, "provider-profile-errors")
    await caseworker.get_by_label("Contact e-mail address").fill("help@fair-adr.example")
    await caseworker.get_by_label("Languages you work in").fill("en, zh-Hans")
    await caseworker.get_by_role("button", name="Save").click()
    await expect(caseworker.get_by_test_id("success-banner")).to_contain_text(
        "Your profile is published"
    )
    profile = await ProviderProfile.get(provider_id=w.provider.id)
    assert (profile.summary, profile.contact_email, profile.languages) == (
        "We mediate consumer disputes about energy.",
        "help@fair-adr.example",
        ["en", "zh-Hans"],
    )

    # ... and keeps the roster: competences, disclosures and a mandate's end
    await caseworker.goto("/provider/roster")
    await accessible(caseworker, "provider-roster")
    await caseworker.get_by_role("button", name=f"Edit {w.neutral.display_name}").click()
    await caseworker.get_by_label("Competences").fill("energy, telecoms")
    await caseworker.get_by_label("Standing disclosures").fill("Former adviser to a utility.")
    await caseworker.get_by_label("Mandate ends on").fill("31/12/2027")
    await caseworker.get_by_role("button", name="Save").click()
    await expect(caseworker.get_by_test_id("error-summary")).to_contain_text("year-month-day")
    await caseworker.get_by_label("Mandate ends on").fill("2027-12-31")
    await accessible(caseworker, "provider-roster-edit")
    await caseworker.get_by_role("button", name="Save").click()
    await expect(caseworker.get_by_test_id("success-banner")).to_contain_text("is saved")
    await expect(caseworker.get_by_test_id("roster")).to_contain_text("energy, telecoms")
    entry = await NeutralProfile.get(provider_id=w.provider.id, user_id=w.neutral.id)
    assert entry.competences == ["energy", "telecoms"]
    assert entry.standing_disclosures == "Former adviser to a utility."
    assert str(entry.mandate_ends_on) == "2027-12-31"

    # The organisation's manager sets the survey: the server's own check answers too
    manager = await (await portal.context()).new_page()
    await sign_in(manager, w.manager.email, PASSWORD)
    await manager.goto("/organisation/surveys")
    await manager.get_by_label("Days the survey link works").fill("10")
    await manager.get_by_label("Days before the reminder").fill("12")
    await manager.get_by_role("button", name="Save").click()
    await expect(manager.get_by_test_id("error-summary")).to_contain_text(
        "Days must be a whole number from 1 to 365."
    )
    await manager.get_by_label("Days before the reminder").fill("3")
    await manager.get_by_label("Ask our side too").check()
    await manager.get_by_role("button", name="Save").click()
    await expect(manager.get_by_test_id("success-banner")).to_contain_text("saved")
    await accessible(manager, "survey-policy")
    policy = await SurveyPolicy.get(organisation_id=w.organisation.id)
    assert (policy.valid_days, policy.reminder_after_days, policy.invite_organisation) == (
        10,
        3,
        True,
    )

    # Each page on a phone, in Simplified Chinese
    for who, path, heading in (
        (w.caseworker, "/provider/profile", "贵机构的公开资料"),
        (w.caseworker, "/provider/roster", "中立人名册"),
        (w.manager, "/organisation/surveys", "满意度调查"),
    ):
        phone = await (await portal.context(phone=True)).new_page()
        await sign_in(phone, who.email, PASSWORD)
        await phone.context.add_init_script("localStorage.setItem('parley.locale', 'zh-Hans')")
        await phone.goto(path)
        await expect(phone.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        await _fits_phone(phone)
        await accessible(phone, f"{path.strip('/').replace('/', '-')}-phone-zh")
        await phone.context.close()
