"""Issue 19, part A: a party reading a case whose message was changed in the database is told
which entry no longer holds and why; the organisation's staff reading a complaint whose step
was changed are told which step; on a phone, in both languages, accessibly."""

from __future__ import annotations

from playwright.async_api import expect

from portal.api.node import to_global_id
from portal.casefiles.models import Message
from portal.casefiles.services import post_message
from portal.complaints.models import ComplaintStep
from portal.complaints.services import file_complaint, take_step
from portal.complaints.states import ComplaintAction
from portal.timeline.models import TimelineEvent, Visibility
from tests.e2e.conftest import Portal, catalogue, fits, sign_in, use_language
from tests.factories import PASSWORD, Factory, actor_for, build_world
from tests.test_api_support import case_id


async def test_the_case_page_names_the_entry_whose_message_was_changed(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    message = await post_message(
        await actor_for(w.agent), case.id, "We refund 120 EUR.", Visibility.ALL_PARTIES
    )
    event = await TimelineEvent.get(case_id=case.id, kind="message_posted")
    await Message.filter(id=message.id).update(body="We refund nothing.")
    page = await (await portal.context(phone=True)).new_page()
    await sign_in(page, w.complainant.email, PASSWORD)

    for locale in ("en", "zh-Hans"):
        words = catalogue(locale)
        await use_language(page, locale)
        await page.goto(f"/cases/{case_id(case)}")
        named = page.get_by_test_id("timeline-broken-event")
        await expect(named).to_contain_text(str(event.sequence))
        await expect(named).to_contain_text(words["event.message_posted"])
        await expect(named).to_contain_text(words["chain.reason.MESSAGE_ALTERED"])
        # A broken record does not claim "how we know nothing was changed".
        verification = page.get_by_test_id("timeline-verification")
        await expect(verification).to_contain_text(words["timeline.howWeCheck"])
        await expect(verification).not_to_contain_text(words["timeline.howWeKnow"])
        await fits(page, f"phone-case-broken-chain-{locale}")


async def test_the_complaint_page_names_the_step_whose_text_was_changed(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    complaint = await file_complaint(
        await actor_for(w.complainant),
        w.organisation.id,
        {"subject": "Double debit", "description": "Debited twice in March."},
    )
    await take_step(
        await actor_for(w.agent), complaint.id, ComplaintAction.ADD_NOTE, {"note": "Called back."}
    )
    page = await (await portal.context(phone=True)).new_page()
    await sign_in(page, w.agent.email, PASSWORD)
    en = catalogue("en")

    await page.goto(f"/organisation/complaints/{to_global_id('Complaint', complaint.id)}")
    check = page.get_by_test_id("complaint-chain")
    await expect(check).to_have_text(en["chain.stepsVerified"].replace("{count}", "2"))

    await ComplaintStep.filter(complaint_id=complaint.id, sequence=2).update(text="Nothing.")
    for locale in ("en", "zh-Hans"):
        words = catalogue(locale)
        await use_language(page, locale)
        await page.reload()
        await expect(check).to_contain_text(words["complaintStep.ADD_NOTE"])
        await expect(check).to_contain_text(words["chain.stepReason.TEXT_ALTERED"])
        await fits(page, f"phone-complaint-broken-chain-{locale}")
