"""Linked and group cases in the browser (issue 20, deliverable 4): the provider links two
related cases by reference and asks both complainants; each consents on their own case page
(one on a 375 px phone); the provider forms the group; its neutral proposes one outcome to the
group; each complainant answers on their own case, which ends where its own answers put it;
the organisation's inbox shows the group with its member count. axe-clean at each step."""

from __future__ import annotations

from playwright.async_api import Page, expect

from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import Stage
from portal.groups.models import CaseGroup
from tests.e2e.conftest import Portal, accessible, fits, sign_in
from tests.factories import NOTICE_READ, PASSWORD, Factory, build_world
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
