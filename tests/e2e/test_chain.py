"""Issue 19, part A: a party reading a case whose message was changed in the database is told
which entry no longer holds and why, on a phone, in both languages, accessibly."""

from __future__ import annotations

from playwright.async_api import expect

from portal.casefiles.models import Message
from portal.casefiles.services import post_message
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
        await fits(page, f"phone-case-broken-chain-{locale}")
