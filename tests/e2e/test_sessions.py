"""Sessions and hearings in the browser (issue 20, 1).

The neutral proposes a mediation meeting with two times, typed in their own time zone (Paris);
the complainant (in Shanghai, on a 375 px phone) and the organisation's agent (in New York)
each see the times in their own zone and pick the second; the session is scheduled, and each
receives a mail, through a real SMTP server, whose .ics parses with icalendar to that instant,
written in their own zone. axe-core on every page."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from playwright.async_api import Page, expect

from portal.accounts.models import User
from portal.notifications.worker import Worker
from portal.sessions.models import CaseSession
from portal.settings import Settings
from tests.e2e.conftest import Portal, accessible, fits, settled, sign_in
from tests.factories import (
    PASSWORD,
    Factory,
    build_world,
    deliver_all,
    mail_settings,
    start_mailsink,
)
from tests.session_support import calendar_of, event_of, with_neutral
from tests.test_api_support import case_id

PARIS, SHANGHAI, NEW_YORK = "Europe/Paris", "Asia/Shanghai", "America/New_York"


async def _in_zone(user: User, zone: str) -> None:
    user.time_zone = zone
    await user.save(update_fields=["time_zone"])


async def _sessions(page: Page, path: str) -> None:
    await page.goto(path)
    # The sessions are low on the case page: the sections above them arrive first
    await settled(page)
    await page.get_by_test_id("sessions-fold").locator("summary").first.click()
    await expect(page.get_by_test_id("sessions")).to_be_visible()


async def _pick_second(page: Page, zone: str, second: datetime) -> None:
    session = page.get_by_test_id("session")
    await expect(page.get_by_test_id("sessions-zone")).to_contain_text(zone)
    # The times are shown in the reader's own zone (the portal's English: a 12-hour clock)
    local = second.astimezone(ZoneInfo(zone))
    await expect(session.get_by_role("radio").nth(1)).to_be_visible()
    answer = session.get_by_test_id("session-answer")
    await expect(answer).to_contain_text(f"{local.hour % 12 or 12}:{local:%M}")
    await expect(answer).to_contain_text(f"({zone})")
    await session.get_by_role("radio").nth(1).check()
    await session.get_by_role("button", name="Send your choice").click()


async def test_a_neutral_proposes_two_times_both_sides_pick_and_each_gets_an_ics_in_their_zone(
    portal: Portal, factory: Factory, portal_settings: Settings, tmp_path: Path
) -> None:
    w = await build_world(factory)
    case = await with_neutral(w, await w.new_case())
    for user, zone in ((w.neutral, PARIS), (w.complainant, SHANGHAI), (w.agent, NEW_YORK)):
        await _in_zone(user, zone)
    day = (datetime.now(ZoneInfo(PARIS)) + timedelta(days=3)).date()
    first = datetime(day.year, day.month, day.day, 10, 0, tzinfo=ZoneInfo(PARIS))
    second = first + timedelta(days=1, hours=5)
    path = f"/cases/{case_id(case)}"
    errors: list[str] = []

    # The neutral proposes two times, typed in Paris time; a bad form first shows its errors
    neutral = await (await portal.context()).new_page()
    neutral.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(neutral, w.neutral.email, PASSWORD)
    await _sessions(neutral, path)
    form = neutral.get_by_test_id("propose-session")
    await form.get_by_role("button", name="Propose the session").click()
    summary = form.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Enter time 1")
    await expect(summary).to_contain_text("Enter agenda")
    await form.get_by_label("Time 1").fill(f"{first:%Y-%m-%dT%H:%M}")
    await form.get_by_label("Time 2").fill(f"{second:%Y-%m-%dT%H:%M}")
    await form.get_by_label("Video or phone link").fill("https://meet.example.org/parley-42")
    await form.get_by_label("Agenda").fill("The refund and when it is paid.")
    await form.get_by_role("button", name="Propose the session").click()
    await expect(form.get_by_test_id("success-banner")).to_contain_text("The session was proposed")
    await expect(neutral.get_by_test_id("session-status")).to_have_text("Choosing a time")
    await accessible(neutral, "sessions-neutral-proposed")
    row = await CaseSession.get(case_id=case.id)
    assert row.slot_instants() == [first, second]

    # The complainant, on a phone in Shanghai, picks the second time
    complainant = await (await portal.context(phone=True)).new_page()
    complainant.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(complainant, w.complainant.email, PASSWORD)
    await _sessions(complainant, path)
    await fits(complainant, "sessions-complainant-pick")
    await _pick_second(complainant, SHANGHAI, second)
    # Sent: a banner that takes focus, and the answer names the time, not only its number
    sent = complainant.get_by_test_id("session").get_by_test_id("success-banner")
    await expect(sent).to_contain_text("Your answer was sent")
    await expect(sent).to_be_focused()
    await expect(complainant.get_by_test_id("session")).to_contain_text("Answer of the complainant")
    local = second.astimezone(ZoneInfo(SHANGHAI))
    await expect(complainant.get_by_test_id("session")).to_contain_text(f"Time 2: {local:%A}")
    await expect(complainant.get_by_test_id("session-status")).to_have_text("Choosing a time")

    # The organisation's agent, in New York, picks the same: the session is scheduled
    agent = await (await portal.context()).new_page()
    agent.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(agent, w.agent.email, PASSWORD)
    await _sessions(agent, path)
    await _pick_second(agent, NEW_YORK, second)
    await expect(agent.get_by_test_id("session-status")).to_have_text("Scheduled")
    await expect(agent.get_by_test_id("session-when")).to_contain_text(NEW_YORK)
    await accessible(agent, "sessions-agent-scheduled")

    # Each receives a mail whose .ics parses to that instant, in their own zone
    running = await start_mailsink(tmp_path / "mail")
    try:
        await deliver_all(Worker(mail_settings(portal_settings, running.port)))
    finally:
        await running.stop()
    for user, zone in ((w.complainant, SHANGHAI), (w.agent, NEW_YORK), (w.neutral, PARIS)):
        [mail] = [
            m
            for m in running.sink.received
            if str(m["To"]) == user.email and calendar_of(m) is not None
        ]
        ics = calendar_of(mail)
        assert ics is not None
        assert str(ics["METHOD"]) == "REQUEST"
        start = event_of(ics).decoded("DTSTART")
        assert start == second
        assert str(start.tzinfo) == zone
        parsed = icalendar.Calendar.from_ical(ics.to_ical())
        assert event_of(parsed).decoded("DTSTART") == second
    assert errors == []
