"""Issue 18: `case` and `complaint` answer null (no error) for a case or complaint the viewer
may not see, exactly as for one that does not exist: the web portal shows its "Page not found"
page for both, in either language, and the owner still sees their case."""

from __future__ import annotations

import uuid

from playwright.async_api import expect

from portal.ids import global_id
from tests.e2e.conftest import Portal, sign_in
from tests.factories import PASSWORD, Factory, build_world


async def test_a_foreign_or_missing_case_or_complaint_is_a_not_found_page(
    portal: Portal, factory: Factory
) -> None:
    world = await build_world(factory)
    case = await world.new_case()
    stranger = await factory.user(email=f"stranger-{uuid.uuid4().hex[:8]}@example.org")
    other_agent = (await build_world(factory)).agent

    owner = await (await portal.context()).new_page()
    await sign_in(owner, world.complainant.email, PASSWORD)
    await owner.goto(f"/cases/{global_id('DisputeCase', case.id)}")
    await expect(owner.get_by_role("heading", level=1)).to_have_text(
        "Overcharged on the March bill"
    )

    page = await (await portal.context()).new_page()
    await sign_in(page, stranger.email, PASSWORD)
    for path in (
        f"/cases/{global_id('DisputeCase', case.id)}",
        f"/cases/{case.reference}",
        f"/cases/{global_id('DisputeCase', uuid.uuid4())}",
    ):
        await page.goto(path)
        await expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
        await expect(page.get_by_test_id("request-error")).to_have_count(0)

    agent = await (await portal.context()).new_page()
    await sign_in(agent, other_agent.email, PASSWORD)
    complaint = global_id("Complaint", case.complaint_id)  # type: ignore[attr-defined]
    await agent.goto(f"/organisation/complaints/{complaint}")
    await expect(agent.get_by_role("heading", level=1)).to_have_text("Page not found")
    await agent.get_by_label("Language").select_option("zh-Hans")
    await expect(agent.get_by_role("heading", level=1)).to_have_text("页面不存在")
