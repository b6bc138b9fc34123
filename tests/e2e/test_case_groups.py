"""Linked and group cases in the browser (issue 20, deliverable 4): the provider links two
related cases by reference and asks both complainants; each consents on their own case page
(one on a 375 px phone); the provider forms the group; its neutral proposes one outcome to the
group; each complainant answers on their own case, which ends where its own answers put it;
the organisation's inbox shows the group with its member count. axe-clean at each step."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.async_api import Page, expect

from portal.casefiles import services as casefiles
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import Stage
from portal.groups import services as groups
from portal.groups.models import CaseGroup
from portal.sessions.models import CaseSession
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests import samples
from tests.e2e.conftest import Portal, accessible, fits, settled, sign_in
from tests.factories import NOTICE_READ, PASSWORD, Factory, actor_for, build_world
from tests.group_support import members_in_resolution
from tests.test_api_support import case_id


async def _page(portal: Portal, email: str, *, phone: bool = False) -> Page:
    page = await (await portal.context(phone=phone)).new_page()
    await sign_in(page, email, PASSWORD)
    return page


async def test_consent_and_one_group_outcome_answered_case_by_case(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    (w1, lead), (w2, other) = await members_in_resolution(w, factory, 2)

    # The provider links the second case to the lead, by its reference, and asks consent
    staff = await _page(portal, w.caseworker.email)
    await staff.goto(f"/cases/{case_id(lead)}")
    panel = staff.get_by_test_id("case-group")
    await panel.get_by_label("Reference of the related case").fill(other.reference)
    await panel.get_by_label("Why the cases are related").fill("The same billing error in March.")
    await panel.get_by_role("button", name="Link the cases").click()
    await expect(staff.get_by_test_id("success-banner")).to_contain_text(
        f"Linked to {other.reference}"
    )
    await expect(panel.get_by_test_id("case-links")).to_contain_text(other.reference)
    await panel.get_by_label(other.reference).check()
    await panel.get_by_role("button", name="Ask for consent").click()
    await expect(panel.get_by_test_id("group-reference")).to_contain_text("GRP-")
    await accessible(staff, "group-asked")
    group = await CaseGroup.get(lead_case_id=lead.id)

    # Forming before the complainants consent is refused, in words
    await panel.get_by_role("button", name="Form the group").click()
    await expect(panel).to_contain_text("must consent first")

    # Each complainant consents on their own case page (the first on a phone)
    first = await _page(portal, w1.complainant.email, phone=True)
    await first.goto(f"/cases/{case_id(lead)}")
    mine = first.get_by_test_id("case-group")
    await expect(mine.get_by_test_id("group-consent")).to_have_text("waiting for an answer")
    await fits(first, "group-consent-phone")
    await mine.get_by_role("button", name="I consent to the group").click()
    await expect(mine.get_by_test_id("group-consent")).to_have_text("consented")
    await expect(mine.get_by_role("button", name="Withdraw my consent")).to_be_visible()
    second = await _page(portal, w2.complainant.email)
    await second.goto(f"/cases/{case_id(other)}")
    theirs = second.get_by_test_id("case-group")
    await expect(theirs.get_by_test_id("group-reference")).to_have_text(group.reference)
    await theirs.get_by_role("button", name="I consent to the group").click()
    await expect(theirs.get_by_test_id("group-consent")).to_have_text("consented")

    # The provider forms the group
    await staff.reload()
    await panel.get_by_role("button", name="Form the group").click()
    await expect(panel.get_by_test_id("group-member-count")).to_have_text("2")

    # Its neutral proposes one outcome to the whole group
    neutral = await _page(portal, w.neutral.email)
    await neutral.goto(f"/cases/{case_id(lead)}")
    form = neutral.get_by_test_id("case-group")
    await form.get_by_label("The outcome, in short").fill("A refund of 60 EUR each.")
    await form.get_by_label("Reasons", exact=True).fill("The organisation billed everyone twice.")
    await form.get_by_role("button", name="Propose the outcome to the group").click()
    await expect(neutral.get_by_test_id("success-banner")).to_contain_text("proposed to every case")
    await accessible(neutral, "group-outcome-proposed")

    # Each complainant answers on their own case: one accepts, the other rejects
    await first.reload()
    await expect(first.get_by_test_id("case-stage")).to_have_text("Outcome proposed")
    await w1.act(w1.complainant, lead, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w1.act(w1.agent, lead, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w2.act(w2.complainant, other, Action.REJECT_OUTCOME, reasons="Not enough for me.")
    assert (await DisputeCase.get(id=lead.id)).stage is Stage.IMPLEMENTATION
    assert (await DisputeCase.get(id=other.id)).stage is Stage.CLOSED

    # The organisation's inbox shows the group and how many cases are in it
    manager = await _page(portal, w.manager.email)
    await manager.goto("/organisation/inbox")
    row = manager.get_by_test_id("inbox-group")
    await expect(row).to_contain_text(group.reference)
    await expect(row).to_contain_text("2")
    await accessible(manager, "group-inbox")


async def test_the_provider_shares_a_document_with_the_group_from_the_case_page(
    portal: Portal, factory: Factory, portal_settings: Settings
) -> None:
    # Given a formed group of two, the lead case holding a public document, a provider-internal
    # one and the complainant's caucus document (which the provider does not read)
    w = await build_world(factory)
    (w1, lead), (w2, other) = await members_in_resolution(w, factory, 2)
    worker = await actor_for(w.caseworker)
    await groups.link_cases(worker, lead.id, other.id, "The same billing error in March.")
    group = await groups.ask_consent(worker, lead.id, [other.id])
    await groups.answer_consent(await actor_for(w1.complainant), group.id, lead.id, True)
    await groups.answer_consent(await actor_for(w2.complainant), group.id, other.id, True)
    await groups.form(worker, group.id)
    for name, by, scope in (
        ("invoice-march.pdf", w.caseworker, Visibility.ALL_PARTIES),
        ("provider-notes.pdf", w.caseworker, Visibility.PROVIDER_INTERNAL),
        ("my-private-note.pdf", w1.complainant, Visibility.CAUCUS_COMPLAINANT),
    ):
        await casefiles.upload_document(
            storage_of(portal_settings),
            await actor_for(by),
            lead.id,
            casefiles.IncomingFile(name, io.BytesIO(samples.PDF)),
            scope,
            max_bytes=portal_settings.document_max_bytes,
        )

    # The provider's case page offers the documents it may share, never the caucus one
    staff = await _page(portal, w.caseworker.email)
    await staff.goto(f"/cases/{case_id(lead)}")
    share = staff.get_by_test_id("group-share")
    await expect(share.get_by_label("invoice-march.pdf")).to_be_visible()
    await expect(share.get_by_label("provider-notes.pdf")).to_be_visible()
    await expect(share).not_to_contain_text("my-private-note.pdf")
    await accessible(staff, "group-share")

    # Sharing with none chosen is refused, in words, in the error summary
    await share.get_by_role("button", name="Share with the group").click()
    await expect(staff.locator(".govuk-error-summary")).to_contain_text(
        "Choose a document to share"
    )

    # It shares the public document: a banner says so and it is no longer offered
    await share.get_by_label("invoice-march.pdf").check()
    await share.get_by_role("button", name="Share with the group").click()
    await expect(staff.get_by_test_id("success-banner")).to_contain_text(
        "invoice-march.pdf is shared with every case in the group"
    )
    await expect(share.get_by_label("invoice-march.pdf")).to_have_count(0)
    await expect(share.get_by_label("provider-notes.pdf")).to_be_visible()
    await accessible(staff, "group-shared")

    # The other complainant finds it in their own case file, on a phone
    second = await _page(portal, w2.complainant.email, phone=True)
    await second.goto(f"/cases/{case_id(other)}")
    await (
        second.locator("details.parley-fold > summary").get_by_text("Documents", exact=True).click()
    )
    await expect(second.get_by_test_id("documents")).to_contain_text("invoice-march.pdf")
    await expect(second.get_by_test_id("documents")).not_to_contain_text("provider-notes.pdf")
    await expect(second.get_by_test_id("group-share")).to_have_count(0)
    await fits(second, "group-shared-phone")

    # The screen in Chinese on a phone, for the provider
    phone = await _page(portal, w.caseworker.email, phone=True)
    await phone.goto(f"/cases/{case_id(lead)}")
    await phone.get_by_label("Language").select_option("zh-Hans")
    zh = phone.get_by_test_id("group-share")
    await expect(zh.get_by_role("button", name="与案件组共享")).to_be_visible()
    await fits(phone, "group-share-zh-phone")


async def test_the_neutral_proposes_a_session_to_the_group_and_each_member_sees_it_on_their_case(
    portal: Portal, factory: Factory
) -> None:
    # Given a formed group of two cases in resolution with one neutral
    w = await build_world(factory)
    (w1, lead), (w2, other) = await members_in_resolution(w, factory, 2)
    worker = await actor_for(w.caseworker)
    await groups.link_cases(worker, lead.id, other.id, "The same billing error in March.")
    group = await groups.ask_consent(worker, lead.id, [other.id])
    await groups.answer_consent(await actor_for(w1.complainant), group.id, lead.id, True)
    await groups.answer_consent(await actor_for(w2.complainant), group.id, other.id, True)
    await groups.form(worker, group.id)
    start = datetime.now(UTC) + timedelta(days=4)

    # The neutral proposes, on the lead case, a session for every case in the group
    neutral = await _page(portal, w.neutral.email)
    await neutral.goto(f"/cases/{case_id(lead)}")
    await _open_sessions(neutral)
    form = neutral.get_by_test_id("propose-session")
    await form.get_by_label(f"Every case in group {group.reference}").check()
    zone = ZoneInfo(w.neutral.time_zone)
    await form.get_by_label("Time 1").fill(f"{start.astimezone(zone):%Y-%m-%dT%H:%M}")
    await form.get_by_label("Video or phone link").fill("https://meet.example.org/group")
    await form.get_by_label("Agenda").fill("What the double billing cost each customer.")
    await form.get_by_role("button", name="Propose the session").click()
    await expect(form.get_by_test_id("success-banner")).to_contain_text("The session was proposed")
    await expect(neutral.get_by_test_id("session-group")).to_contain_text(group.reference)
    await accessible(neutral, "group-session-proposed")
    assert await CaseSession.filter(group_id=group.id).count() == 2

    # The other member's complainant finds it on their own case, on a phone, with its group
    second = await _page(portal, w2.complainant.email, phone=True)
    await second.goto(f"/cases/{case_id(other)}")
    await _open_sessions(second)
    await expect(second.get_by_test_id("session-group")).to_contain_text(group.reference)
    await expect(second.get_by_test_id("propose-session")).to_have_count(0)
    await fits(second, "group-session-phone")


async def _open_sessions(page: Page) -> None:
    # The sessions are low on the case page: the sections above them arrive first
    await settled(page)
    await page.get_by_test_id("sessions-fold").locator("summary").first.click()
    await expect(page.get_by_test_id("sessions")).to_be_visible()
