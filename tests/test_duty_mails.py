"""Mails say "Action needed" only for a duty (issue 16, deliverable 1): a window for a right,
such as objecting to the neutral or asking for a review, is mailed as "You may ... until",
in English and Simplified Chinese, through a real SMTP server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from portal.accounts.models import Locale, User
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action
from portal.cases.states import ClockKind
from portal.notifications.mail import render
from portal.notifications.models import OutboxMessage
from portal.notifications.schedule import schedule_reminders
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import Factory, World, deliver_all, mail_settings, quick_world, start_mailsink
from tests.test_lifecycle_paths import CONSENT


async def _deliver(settings: Settings, tmp_path: Path) -> dict[str, list[EmailMessage]]:
    running = await start_mailsink(tmp_path)
    try:
        await deliver_all(Worker(mail_settings(settings, running.port)))
    finally:
        await running.stop()
    by_recipient: dict[str, list[EmailMessage]] = {}
    for mail in running.sink.received:
        by_recipient.setdefault(str(mail["To"]), []).append(mail)
    return by_recipient


def _text(mail: EmailMessage) -> str:
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


async def _to_the_objection_window(w: World) -> DisputeCase:
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.ACCEPT)
    await w.act(w.complainant, case, Action.GIVE_CONSENT, **CONSENT)
    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="Fair bill.")
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await OutboxMessage.all().delete()
    return await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)


async def test_the_objection_window_is_mailed_as_a_right_never_as_action_needed(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.agent.id).update(locale=Locale.ZH_HANS)
    case = await _to_the_objection_window(w)
    clock = await Clock.get(case_id=case.id, kind=ClockKind.OBJECTION)

    kinds = sorted(await OutboxMessage.filter(case_id=case.id).values_list("kind", flat=True))
    mails = await _deliver(settings, tmp_path)

    assert "action_needed" not in kinds
    # Each side hears of the declaration (issue 15) and, apart, of the window it opens.
    consumer = [m for m in mails[w.complainant.email] if "declared" not in m["Subject"]]
    agent = [m for m in mails[w.agent.email] if "声明" not in m["Subject"]]
    assert len(consumer) == len(agent) == 1
    assert len(mails[w.complainant.email]) == len(mails[w.agent.email]) == 2
    assert consumer[0]["Subject"].startswith("You may object to the neutral, with reasons on ")
    assert all("Action needed" not in m["Subject"] + _text(m) for m in mails[w.complainant.email])
    assert "You do not have to" in _text(consumer[0])
    assert clock.due_at.strftime("%Y-%m-%d") in consumer[0]["Subject"]
    assert "您可在" in agent[0]["Subject"]
    assert "对中立人提出异议" in agent[0]["Subject"]
    assert "这不是必须的" in _text(agent[0])


async def test_a_duty_clock_is_mailed_as_action_needed(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.ACCEPT)
    await OutboxMessage.all().delete()

    await w.act(w.complainant, case, Action.GIVE_CONSENT, **CONSENT)  # the response clock
    mails = await _deliver(settings, tmp_path)

    assert [m["Subject"].split(" on ")[0] for m in mails[w.agent.email]] == ["Action needed"]
    # The organisation's duty, not the consumer's: the consumer gets only the receipt of their
    # own step (issue 16, deliverable 2), never "Action needed".
    assert all(
        not m["Subject"].startswith("Action needed") for m in mails.get(w.complainant.email, [])
    )
    assert len(mails.get(w.complainant.email, [])) == 1


async def test_a_window_is_recalled_as_you_may_and_a_duty_as_a_reminder(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    window_case = await _to_the_objection_window(w)
    duty_case = await w.new_case()
    await OutboxMessage.all().delete()
    window = await Clock.get(case_id=window_case.id, kind=ClockKind.OBJECTION)
    duty = await Clock.get(case_id=duty_case.id, kind=ClockKind.ACCEPTANCE)

    await schedule_reminders(window.due_at - timedelta(days=1), days_before=2)
    await schedule_reminders(duty.due_at - timedelta(days=1), days_before=2)
    by_case = {
        case_id: sorted({str(k) for k in kinds})
        for case_id, kinds in [
            (c.id, await OutboxMessage.filter(case_id=c.id).values_list("kind", flat=True))
            for c in (window_case, duty_case)
        ]
    }
    # Written for the day of the reminder: deliver them now.
    await OutboxMessage.all().update(next_attempt_at=datetime.now(UTC))
    mails = await _deliver(settings, tmp_path)

    assert by_case == {window_case.id: ["window_open"], duty_case.id: ["clock_reminder"]}
    assert [m["Subject"].split(" on ")[0] for m in mails[w.complainant.email]] == [
        "You may object to the neutral, with reasons"
    ]


def test_the_reflection_window_names_the_right_it_is_for() -> None:
    case = {"reference": "DR-2026-000042", "subject": "Billed twice", "method": "x"}
    base = {
        "case": case,
        "clock": "reflection",
        "due": "2026-12-20 10:00 UTC",
        "name": "Maria",
        "provider": "Fair ADR",
        "link": "http://127.0.0.1:8000/cases/RGlzcHV0ZUNhc2U6eA",
    }

    award = render("window_open", "en", {**base, "binding": True})
    recommendation = render("window_open", "en", {**base, "binding": False})
    award_zh = render("window_open", "zh-Hans", {**base, "binding": True})

    assert award.subject == (
        "You may ask for a review of the award, with reasons on DR-2026-000042 "
        "until 2026-12-20 10:00 UTC"
    )
    assert "the award is final when the time ends" in award.text
    assert recommendation.subject.startswith("You may accept or reject the outcome on ")
    assert "申请复核裁决" in award_zh.subject
