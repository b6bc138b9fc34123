"""Outbox rows are derived from timeline events and complaints, in the transaction of their
cause, and only for those who may read the event (policy.readable_scopes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tortoise.transactions import in_transaction

from portal.accounts.models import Locale, User
from portal.cases.events import EventKind, record
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import CaseRole, ClockKind
from portal.complaints.services import file_complaint, take_step
from portal.complaints.states import ComplaintAction
from portal.notifications.models import ClockNotice, OutboxMessage
from portal.notifications.schedule import schedule_reminders
from portal.timeline.models import Visibility
from tests.factories import Factory, actor_for, quick_world


async def _mails(case: DisputeCase | None = None) -> list[tuple[str, str]]:
    query = OutboxMessage.filter(channel="email")
    if case is not None:
        query = query.filter(case_id=case.id)
    rows = await query.order_by("created_at", "kind", "recipient").values_list("kind", "recipient")
    return sorted((str(k), str(r)) for k, r in rows)


async def _post(case: DisputeCase, kind: EventKind, visibility: Visibility, **payload: str) -> None:
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        await record(
            row,
            kind,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.NEUTRAL.value,
            payload=payload,
            visibility=visibility,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])


async def test_a_referral_mails_the_parties_and_the_provider_and_asks_the_provider_to_act(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)

    case = await w.new_case()

    referred = [w.complainant, w.agent, w.manager, w.caseworker]
    assert await _mails(case) == sorted(
        [("case_referred", u.email) for u in referred] + [("action_needed", w.caseworker.email)]
    )
    row = await OutboxMessage.get(case_id=case.id, recipient=w.complainant.email)
    assert row.locale == "zh-Hans"
    assert row.context["case"] == {
        "reference": case.reference,
        "subject": "Overcharged on the March bill",
        "method": "mediation",
    }


async def test_accepting_and_declining_tell_both_parties_and_start_the_next_clock(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    accepted, declined = await w.new_case(), await w.new_case()
    await OutboxMessage.all().delete()

    await w.act(w.caseworker, accepted, Action.ACCEPT)
    await w.act(w.caseworker, declined, Action.DECLINE, ground="out_of_scope", reasons="Not ours.")

    parties = [w.complainant, w.agent, w.manager]
    assert [m for m in await _mails(accepted) if m[0] == "case_accepted"] == sorted(
        ("case_accepted", u.email) for u in parties
    )
    # Declining cannot be undone: the caseworker who did it gets a receipt (issue 16).
    assert await _mails(declined) == sorted(
        [("case_declined", u.email) for u in parties] + [("receipt", w.caseworker.email)]
    )
    row = await OutboxMessage.get(case_id=declined.id, recipient=w.complainant.email)
    assert row.context["reasons"] == "Not ours."


async def test_a_message_in_caucus_is_announced_only_to_those_who_may_read_it(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await OutboxMessage.all().delete()

    await _post(case, EventKind.MESSAGE_POSTED, Visibility.CAUCUS_COMPLAINANT, message_id="m1")
    await _post(
        case,
        EventKind.DOCUMENT_UPLOADED,
        Visibility.ORGANISATION_INTERNAL,
        document_id="d1",
        filename="memo.pdf",
    )
    await _post(case, EventKind.DOCUMENT_UPLOADED, Visibility.ALL_PARTIES, document_id="d2")

    mails = await _mails(case)
    caucus = [w.complainant.email]
    memo = [w.agent.email, w.manager.email]
    everyone = [w.complainant.email, w.agent.email, w.manager.email, w.caseworker.email]
    assert [r for k, r in mails if k == "case_file_added"] == sorted([*caucus, *memo, *everyone])
    agent = await OutboxMessage.filter(case_id=case.id, recipient=w.agent.email).order_by("id")
    assert sorted(m.context["filename"] for m in agent) == ["", "memo.pdf"]


async def test_nothing_is_written_when_the_cause_is_rolled_back(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    before = await OutboxMessage.all().count()

    async def failing_cause() -> None:
        async with in_transaction():
            row = await DisputeCase.select_for_update().get(id=case.id)
            await record(
                row,
                EventKind.MESSAGE_POSTED,
                at=datetime.now(UTC),
                actor_id=None,
                actor_role=CaseRole.NEUTRAL.value,
                payload={"message_id": "m1"},
            )
            raise RuntimeError("the cause fails after its event")

    with pytest.raises(RuntimeError):
        await failing_cause()

    assert await OutboxMessage.all().count() == before


async def test_acknowledging_a_complaint_mails_the_complainant(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await file_complaint(
        await actor_for(w.complainant),
        w.organisation.id,
        {"subject": "Late refund", "description": "Still waiting."},
    )
    assert await _mails() == []

    await take_step(await actor_for(w.agent), complaint.id, ComplaintAction.ACKNOWLEDGE)

    assert await _mails() == [("complaint_acknowledged", w.complainant.email)]


async def test_a_missed_clock_is_mailed_and_escalated_once(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await OutboxMessage.all().delete()
    at = datetime.now(UTC) + timedelta(days=40)

    await run_clock_job(at)
    await run_clock_job(at)  # a second worker, or a restart: the clock is handled once

    # The provider let its acceptance clock run out: it is responsible, and it is also whom
    # every missed clock escalates to; one mail each, however often the job runs.
    assert await _mails(case) == [("clock_missed", w.caseworker.email)]
    clock = await Clock.get(case_id=case.id, kind=ClockKind.ACCEPTANCE)
    assert clock.status.value == "missed"


async def test_reminders_are_written_once_however_many_workers_schedule_them(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await OutboxMessage.all().delete()
    clock = await Clock.get(case_id=case.id, kind=ClockKind.ACCEPTANCE)
    at = clock.due_at - timedelta(days=2)

    first = await schedule_reminders(at, days_before=3)
    again = await schedule_reminders(at, days_before=3)
    early = await schedule_reminders(clock.due_at - timedelta(days=5), days_before=3)

    assert (first, again, early) == (1, 0, 0)
    assert await _mails(case) == [("clock_reminder", w.caseworker.email)]
    assert await ClockNotice.filter(clock_id=clock.id).count() == 1

    # Extended: a new due date, and a reminder of its own.
    await Clock.filter(id=clock.id).update(due_at=clock.due_at + timedelta(days=1))
    assert await schedule_reminders(at + timedelta(days=1), days_before=3) == 1
    assert len(await _mails(case)) == 2
