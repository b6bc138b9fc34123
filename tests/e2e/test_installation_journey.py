"""Issue 14, done when: an installation put into service from an empty database, in Chromium.

The operator opens the setup link the server prints on an empty database and becomes the
first administrator (the link is the only thing taken from outside the browser); from then on
every step is a page of the portal, and every link and code is read from
the mail a real SMTP server received. The admin adds an organisation and a provider with a
scheme, links them, and invites each one's first manager from the admin team pages; the
organisation's manager invites an agent and the provider's caseworker a neutral, who joins the
roster (edited on the roster page); someone new signs up on the complaint form and files; the agent
acknowledges and answers it on the complaint's page; the consumer escalates it to that
provider; the provider accepts, the consumer consents, the organisation states its position and
the provider appoints the neutral, who finds the case waiting. One browser, one context per
person."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Page, expect

from portal.accounts.models import User
from portal.accounts.signup import announce_setup
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.e2e.conftest import PHONE, Portal, accessible, fits
from tests.factories import (
    RunningSink,
    deliver_all,
    mail_settings,
    mail_text,
    start_mailsink,
)

CODE = re.compile(r"\bis (\d{6})\b")
INVITATION = re.compile(r"/invitations/accept#token=([\w.-]+)")
# The names the invited give when they claim the accounts their invitations made.
NAMES = {
    "manager@north.example": "Mia Manager",
    "caseworker@calm.example": "Carl Caseworker",
    "agent@north.example": "Anna Agent",
    "neutral@calm.example": "Nina Neutral",
}


class Mailbox:
    """The outbox delivered to a real SMTP server (the mail sink), read per address."""

    def __init__(self, sink: RunningSink, settings: Settings) -> None:
        self.sink = sink
        self.worker = Worker(mail_settings(settings, sink.port))

    async def texts(self, address: str) -> list[str]:
        await deliver_all(self.worker)
        return [mail_text(m) for m in self.sink.sink.received if str(m["To"]) == address]

    async def newest(self, pattern: re.Pattern[str], address: str) -> str:
        """The first group of ``pattern`` in the newest mail to ``address`` that has it."""
        found = [m.group(1) for text in await self.texts(address) for m in pattern.finditer(text)]
        assert found, f"no mail to {address} matches {pattern.pattern}"
        return found[-1]


@pytest.fixture
async def mailbox(tmp_path: Path, portal_settings: Settings) -> AsyncIterator[Mailbox]:
    running = await start_mailsink(tmp_path)
    try:
        yield Mailbox(running, portal_settings)
    finally:
        await running.stop()


async def _page(portal: Portal) -> Page:
    page = await (await portal.context()).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    setattr(page, "script_errors", errors)  # noqa: B010 - read at the end of the test
    return page


async def _sign_in_with_code(page: Page, mailbox: Mailbox, address: str) -> None:
    """The sign-in page's one-time code, read from the mail."""
    await page.get_by_label("E-mail address").fill(address)
    await page.get_by_role("button", name="Send me a code").click()
    await expect(page.get_by_label("Six-digit code")).to_be_visible()
    await page.get_by_label("Six-digit code").fill(await mailbox.newest(CODE, address))
    await page.get_by_role("button", name="Sign in").click()


async def _invite(page: Page, address: str, role: str) -> None:
    """On a team page: invite ``address`` with ``role`` (the role's label)."""
    await page.get_by_label("Their e-mail address").fill(address)
    await page.get_by_label(role, exact=True).check()
    await page.get_by_role("button", name="Send the invitation").click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text(
        f"Invitation sent to {address}"
    )
    await expect(page.get_by_test_id("team-invitation").filter(has_text=address)).to_be_visible()


async def _join(portal: Portal, mailbox: Mailbox, address: str, team: str, role: str) -> Page:
    """A person new to Parley opens the invitation's link from their mail, signs in with a
    code and accepts; their page, signed in."""
    token = await mailbox.newest(INVITATION, address)
    page = await _page(portal)
    await page.goto(f"/invitations/accept#token={token}")
    await page.get_by_role("link", name="Sign in to answer").click()
    await _sign_in_with_code(page, mailbox, address)
    # An account made by the invitation is claimed first: the name the team lists them by
    await expect(page).to_have_url(re.compile(r"/claim\?next=%2Finvitations%2Faccept$"))
    await page.get_by_label("Your name").fill(NAMES[address])
    await page.get_by_role("button", name="Save and continue").click()
    await page.get_by_test_id("claim-continue").click()
    await expect(page).to_have_url(f"{portal.url}/invitations/accept")
    await expect(page.get_by_text(team, exact=True)).to_be_visible()
    await expect(page.get_by_text(role, exact=True)).to_be_visible()
    await page.get_by_role("button", name="Accept and join").click()
    await expect(page.get_by_test_id("confirmation")).to_contain_text("You have joined the team")
    await page.get_by_test_id("go-to-work").click()
    return page


async def test_an_installation_from_an_empty_database_to_an_appointed_neutral(
    portal: Portal, portal_settings: Settings, mailbox: Mailbox
) -> None:
    # 1. The operator's first administrator: the setup link `portal serve` prints on an empty
    # database (portal.app's lifespan; here called as it does), opened in a browser.
    assert await User.all().count() == 0
    printed: list[str] = []
    link = await announce_setup(portal_settings, echo=printed.append)
    assert link is not None
    assert link in "\n".join(printed)
    admin = await _page(portal)
    await admin.goto("/setup" + link.split("/setup", 1)[1])
    await expect(admin.get_by_role("heading", level=1)).to_have_text("Set up Parley")
    await admin.get_by_label("E-mail address").fill("operator@example.org")
    await admin.get_by_label("Your name").fill("Ada Admin")
    await admin.get_by_label("Time zone").select_option("Europe/Berlin")
    await admin.get_by_role("button", name="Send me a code").click()
    await expect(admin.get_by_role("status")).to_contain_text("operator@example.org")
    await admin.get_by_label("Code").fill(await mailbox.newest(CODE, "operator@example.org"))
    await admin.get_by_role("button", name="Continue").click()
    await expect(admin.get_by_test_id("confirmation")).to_contain_text("You are the administrator")
    await admin.get_by_role("link", name="Go to administration").click()
    await expect(admin).to_have_url(f"{portal.url}/admin/organisations")
    await expect(admin.get_by_text("There are no organisations yet.")).to_be_visible()

    # 2. The admin adds an organisation, a provider with a scheme, and links them.
    await admin.get_by_label("Name", exact=True).fill("North Power")
    await admin.get_by_label("Short name (slug)").fill("north-power")
    await admin.get_by_label("Country").fill("DE")
    await admin.get_by_role("button", name="Add organisation").click()
    await expect(admin.get_by_test_id("success-banner")).to_contain_text("North Power was added.")
    menu = admin.get_by_role("navigation", name="Administration")
    await menu.get_by_role("link", name="Providers").click()
    await admin.get_by_label("Name", exact=True).fill("Calm ADR")
    await admin.get_by_label("Short name (slug)").fill("calm-adr")
    await admin.get_by_label("Country").fill("DE")
    await admin.get_by_role("button", name="Add provider").click()
    await expect(admin.get_by_test_id("success-banner")).to_contain_text("Calm ADR was added.")
    await admin.get_by_role("link", name="Calm ADR", exact=True).click()
    await admin.get_by_role("button", name="Add a scheme").click()
    await admin.get_by_label("Name", exact=True).fill("Energy scheme")
    await admin.get_by_label("Country whose public holidays count").fill("DE")
    await admin.get_by_label("No, the missed deadline is only recorded").check()
    await admin.get_by_label("Mediation", exact=True).check()
    await admin.get_by_label("Decide on acceptance: days").fill("10")
    await admin.get_by_label("Mediation: legal effect in English").fill(
        "Nothing binds you unless you agree to a settlement."
    )
    await admin.get_by_role("button", name="Add scheme").click()
    await expect(admin.get_by_test_id("success-banner")).to_contain_text(
        "The scheme Energy scheme was added."
    )
    await menu.get_by_role("link", name="Organisations").click()
    await admin.get_by_role("link", name="North Power", exact=True).click()
    await admin.get_by_label("Provider and scheme").select_option(
        label="Calm ADR: Energy scheme (version 1)"
    )
    await admin.get_by_role("button", name="Link provider").click()
    await expect(admin.get_by_test_id("success-banner")).to_contain_text(
        "The organisation now works with Calm ADR."
    )

    # 3. The admin invites each team's first manager, from the admin team pages.
    await admin.get_by_role("link", name="Team and invitations").click()
    await expect(admin).to_have_url(re.compile(r"/admin/organisations/[^/]+/team$"))
    await expect(admin.get_by_role("heading", level=1)).to_have_text("Team of North Power")
    await _invite(admin, "manager@north.example", "Manager")
    await accessible(admin, "journey-admin-organisation-team")
    await admin.get_by_role("link", name="Back to the organisation").click()
    await expect(admin.get_by_role("heading", level=1)).to_have_text("North Power")
    await menu.get_by_role("link", name="Providers").click()
    await admin.get_by_role("link", name="Calm ADR", exact=True).click()
    await admin.get_by_role("link", name="Team and invitations").click()
    await expect(admin).to_have_url(re.compile(r"/admin/providers/[^/]+/team$"))
    await expect(admin.get_by_role("heading", level=1)).to_have_text("Team of Calm ADR")
    await _invite(admin, "caseworker@calm.example", "Caseworker")
    await accessible(admin, "journey-admin-provider-team")

    # 4. Both accept, from their mails, and invite their own people.
    manager = await _join(portal, mailbox, "manager@north.example", "North Power", "Manager")
    await manager.get_by_role("link", name="Team").click()
    await _invite(manager, "agent@north.example", "Complaints agent")
    caseworker = await _join(portal, mailbox, "caseworker@calm.example", "Calm ADR", "Caseworker")
    await expect(caseworker).to_have_url(f"{portal.url}/provider/intake")
    await caseworker.goto("/provider/team")
    neutral_role = "Neutral (mediator, conciliator or arbitrator)"
    await _invite(caseworker, "neutral@calm.example", neutral_role)
    agent = await _join(portal, mailbox, "agent@north.example", "North Power", "Complaints agent")
    await expect(agent).to_have_url(f"{portal.url}/organisation/inbox")
    neutral = await _join(portal, mailbox, "neutral@calm.example", "Calm ADR", neutral_role)
    await expect(neutral).to_have_url(f"{portal.url}/neutral/cases")

    # ... the neutral is on the provider's roster; the caseworker completes the entry there.
    await caseworker.goto("/provider/roster")
    roster = caseworker.get_by_test_id("roster")
    await expect(roster).to_contain_text("Nina Neutral")
    await caseworker.get_by_role("button", name="Edit Nina Neutral").click()
    await caseworker.get_by_label("Competences").fill("energy")
    await caseworker.get_by_role("button", name="Save").click()
    await expect(caseworker.get_by_test_id("success-banner")).to_contain_text("is saved")
    await expect(roster).to_contain_text("energy")

    # 5. Someone new files a complaint: the form first creates their account (sign-up inline).
    consumer = await _page(portal)
    await consumer.goto("/complaints/new")
    await expect(consumer.get_by_role("heading", level=1)).to_have_text("File a complaint")
    await consumer.get_by_label("E-mail address").fill("erika@example.org")
    await consumer.get_by_label("Your name").fill("Erika Muster")
    await consumer.get_by_label("Time zone").select_option("Europe/Berlin")
    await consumer.get_by_role("button", name="Send me a code").click()
    await expect(consumer.get_by_role("status")).to_contain_text("erika@example.org")
    await consumer.get_by_label("Code").fill(await mailbox.newest(CODE, "erika@example.org"))
    await consumer.get_by_role("button", name="Continue").click()
    await expect(consumer.locator(".parley-header__who")).to_contain_text("Erika Muster")
    await consumer.get_by_label("Organisation").select_option(label="North Power (DE)")
    await consumer.get_by_label("Subject").fill("Charged twice for March")
    await consumer.get_by_label("What happened").fill("The March bill was debited twice.")
    await accessible(consumer, "journey-file-complaint")
    await consumer.get_by_role("button", name="File the complaint").click()
    await expect(consumer.get_by_test_id("confirmation")).to_contain_text("Complaint filed")

    # 6. The agent acknowledges and answers it, on the complaint's own page.
    await agent.reload()
    await agent.get_by_role("button", name="Complaints").click()
    complaints = agent.get_by_role("table", name="Complaints received")
    await expect(complaints).to_contain_text("Charged twice for March")
    await complaints.get_by_role("link").first.click()
    await expect(agent.get_by_role("heading", level=1)).to_contain_text("Charged twice for March")
    await accessible(agent, "journey-complaint-received")
    await agent.get_by_role("button", name="Acknowledge receipt").click()
    await expect(agent.get_by_test_id("success-banner")).to_contain_text("Receipt acknowledged")
    await expect(agent.get_by_test_id("complaint-status")).to_have_text("Acknowledged")
    # The answer: a decision and the text, a check page (the complainant is mailed), sent
    respond = agent.get_by_role("region", name="Answer the complainant")
    await respond.get_by_role("textbox", name="Your answer").fill(
        "We reversed one debit; the other is due."
    )
    await respond.get_by_label("Partly upheld").check()
    await accessible(agent, "journey-complaint-respond")
    await respond.get_by_role("button", name="Continue").click()
    await agent.get_by_test_id("check-page").get_by_role("button", name="Send the answer").click()
    await expect(agent.locator(".govuk-panel")).to_contain_text("Answer sent")
    await expect(agent.get_by_test_id("complaint-status")).to_have_text("Answered")
    # ... the complaint's page on a 375 px phone, in Simplified Chinese too
    await agent.set_viewport_size(PHONE)
    await agent.evaluate("localStorage.setItem('parley.locale', 'zh-Hans')")
    await agent.reload()
    await expect(agent.get_by_test_id("complaint-status")).to_have_text("已答复")
    await fits(agent, "journey-complaint-phone-zh")
    await agent.evaluate("localStorage.setItem('parley.locale', 'en')")
    await agent.set_viewport_size({"width": 1280, "height": 900})
    assert any(
        "Charged twice for March" in text for text in await mailbox.texts("erika@example.org")
    ), "the complainant is told of the acknowledgement"

    # 7. The consumer escalates it to that provider.
    await consumer.get_by_role("navigation").get_by_role("link", name="My complaints").click()
    await expect(consumer.get_by_text("We reversed one debit; the other is due.")).to_be_visible()
    await consumer.get_by_role("link", name="Not resolved? Escalate to dispute resolution").click()
    await consumer.get_by_label("Dispute resolution service").select_option(label="Calm ADR (DE)")
    await consumer.get_by_label("Mediation").check()
    await consumer.get_by_label("Why the complaint is not resolved").fill("Still charged twice.")
    await consumer.get_by_role("button", name="Escalate").click()
    stage = consumer.get_by_test_id("case-stage")
    await expect(stage).to_have_text("Referred")

    # 8. The provider accepts; the consumer consents; the organisation states its position.
    await caseworker.goto("/provider/intake")
    card = caseworker.get_by_test_id("staff-case").filter(has_text="Charged twice for March")
    await card.get_by_role("button", name="Accept", exact=True).click()
    await expect(caseworker.get_by_test_id("success-banner")).to_contain_text("accepted")
    await expect(stage).to_have_text("Accepted")
    await consumer.get_by_test_id("next-step-button").click()
    await consumer.get_by_label("I understand the legal effect of the outcome.").check()
    await consumer.get_by_label("I understand I may withdraw at any stage.").check()
    await consumer.get_by_role("button", name="Continue").click()
    await consumer.get_by_test_id("check-page").get_by_role("button", name="Give consent").click()
    await expect(consumer.get_by_test_id("confirmation")).to_contain_text("Consent given")
    await agent.goto("/organisation/inbox")
    await (
        agent.get_by_test_id("staff-case")
        .filter(has_text="Charged twice for March")
        .get_by_role("link")
        .first.click()
    )
    await agent.get_by_label("Our position").fill("One debit was reversed already.")
    await agent.get_by_role("button", name="Send the response").click()
    await expect(agent.get_by_test_id("success-banner")).to_contain_text("Response sent")
    await expect(agent.get_by_test_id("case-stage")).to_have_text("Checking the case file")

    # 9. The provider appoints the neutral from its roster; the neutral finds the case.
    await caseworker.reload()
    card = caseworker.get_by_test_id("staff-case").filter(has_text="Charged twice for March")
    await card.get_by_label("Nina Neutral").check()
    await accessible(caseworker, "journey-appoint")
    await card.get_by_role("button", name="Appoint").click()
    await expect(caseworker.get_by_test_id("success-banner")).to_contain_text("is appointed")
    await neutral.goto("/neutral/cases")
    await expect(neutral.get_by_role("heading", name="Waiting for you (1)")).to_be_visible()
    await expect(neutral.get_by_text("Charged twice for March")).to_be_visible()

    for page in (admin, manager, caseworker, agent, neutral, consumer):
        assert getattr(page, "script_errors") == [], page.url  # noqa: B009
