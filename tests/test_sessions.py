"""Sessions and hearings (issue 20, 1): who may propose, see and answer (own and foreign case,
each side of a caucus), scheduling when every side picked, and the mails' RFC 5545 invitations,
parsed with icalendar, at the right instant in each person's own time zone (a real SMTP server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.cases.transitions import Action
from portal.privacy.redaction import redact_case
from portal.sessions import services
from portal.sessions.errors import SessionError
from portal.sessions.models import CaseSession, SessionAnswer
from portal.sessions.reminders import schedule_session_reminders
from portal.sessions.services import SessionDraft
from portal.sessions.states import SessionAttendee, SessionKind, SessionStatus
from portal.settings import Settings
from portal.timeline.catalogue import RedactionRule
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, actor_for, delivered_mails, mail_text, quick_world
from tests.privacy_support import found_in_database
from tests.session_support import (
    calendar_of,
    done,
    event_of,
    proposal,
    send,
    slots_ahead,
    with_neutral,
)
from tests.test_api_support import call, case_id, token_for

SESSIONS = "query C($id: ID!) { case(id: $id) { sessions { id status visibility } } }"
NODE = "query N($id: ID!) { node(id: $id) { id ... on CaseSession { status } } }"


async def _zones(**zones: tuple[User, str]) -> None:
    for user, zone in zones.values():
        user.time_zone = zone
        await user.save(update_fields=["time_zone"])


async def _state() -> tuple[object, ...]:
    """What a refused step must leave alone."""
    return (
        await CaseSession.all().values_list("id", "status", "sequence", "starts_at"),
        await SessionAnswer.all().count(),
        await TimelineEvent.filter(kind__startswith="session_").count(),
    )


async def test_both_sides_pick_one_slot_and_each_gets_an_ics_at_that_instant_in_their_zone(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    # Given a mediation with its neutral, the complainant in Shanghai, the organisation's
    # agent in New York, the neutral in Paris
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    await _zones(
        c=(w.complainant, "Asia/Shanghai"),
        a=(w.agent, "America/New_York"),
        n=(w.neutral, "Europe/Paris"),
    )
    first, second = slots_ahead(3, 4)
    neutral, complainant, agent = (
        await token_for(app, w.neutral),
        await token_for(app, w.complainant),
        await token_for(app, w.agent),
    )

    # When the neutral proposes two slots and both sides pick the second
    proposed = await done(
        client, neutral, "proposeSession", **proposal(case_id(case), [first, second])
    )
    assert proposed["status"] == "PROPOSED"
    assert proposed["viewerMayRun"] is True
    picked = await done(
        client, complainant, "pickSessionSlot", sessionId=proposed["id"], slotNumber=2
    )
    assert picked["status"] == "PROPOSED"
    assert picked["viewerSide"] == "COMPLAINANT"
    scheduled = await done(client, agent, "pickSessionSlot", sessionId=proposed["id"], slotNumber=2)

    # Then it is scheduled at the second slot, on the timeline in order
    assert scheduled["status"] == "SCHEDULED"
    assert scheduled["slotNumber"] == 2
    assert datetime.fromisoformat(scheduled["startsAt"]) == second
    kinds = (
        await TimelineEvent.filter(case_id=case.id, kind__startswith="session_")
        .order_by("sequence")
        .values_list("kind", flat=True)
    )
    assert list(kinds) == ["session_proposed", "session_scheduled"]

    # And each person's invitation parses to that instant, written in their own zone
    row = await CaseSession.get(case_id=case.id)
    mails = await delivered_mails(settings, tmp_path)
    invitations = {m["To"]: m for m in mails if calendar_of(m) is not None}
    for user, zone in (
        (w.complainant, "Asia/Shanghai"),
        (w.agent, "America/New_York"),
        (w.neutral, "Europe/Paris"),
    ):
        ics = calendar_of(invitations[user.email])
        assert ics is not None
        assert str(ics["METHOD"]) == "REQUEST"
        event = event_of(ics)
        start = event.decoded("DTSTART")
        assert start == second
        assert start.tzinfo is not None
        assert str(start.tzinfo) == zone
        assert start.utcoffset() == second.astimezone(ZoneInfo(zone)).utcoffset()
        assert event.decoded("DTEND") - start == timedelta(minutes=60)
        assert event.decoded("SEQUENCE") == 0
        assert str(event["UID"]) == f"session-{row.id}@parley"
        # The text says the same time, in the reader's zone
        assert f"{second.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} {zone}" in mail_text(
            invitations[user.email]
        )
    # The proposal asked the sides to pick (no .ics yet): the complainant's came too
    asked = [m for m in mails if m["To"] == w.complainant.email and calendar_of(m) is None]
    assert any("Pick a time" in str(m["Subject"]) for m in asked)


async def test_a_caucus_session_is_seen_and_answered_by_its_side_and_the_neutral_only(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    # Given the neutral proposes a caucus with the complainant's side (the case's earlier
    # mails sent first)
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    await delivered_mails(settings, tmp_path / "before")
    neutral = await token_for(app, w.neutral)
    session = await done(
        client,
        neutral,
        "proposeSession",
        **proposal(case_id(case), slots_ahead(2), "CAUCUS_COMPLAINANT"),
    )

    # Then the organisation's agent and the provider see no such session, by the case or by id
    for user in (w.agent, w.caseworker, w.auditor):
        token = await token_for(app, user)
        body = await call(client, token, SESSIONS, {"id": case_id(case)})
        assert body["data"]["case"]["sessions"] == []
        assert (await call(client, token, NODE, {"id": session["id"]}))["data"]["node"] is None
    # And the agent answering it is told it does not exist, with nothing written
    before = await _state()
    refused = await send(
        client,
        await token_for(app, w.agent),
        "pickSessionSlot",
        sessionId=session["id"],
        slotNumber=1,
    )
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
    assert refused["session"] is None
    assert await _state() == before
    # And the caucus event is in the complainant's scope only
    event = await TimelineEvent.get(case_id=case.id, kind="session_proposed")
    assert event.visibility is Visibility.CAUCUS_COMPLAINANT

    # When the complainant (the only side asked) picks the slot, it is scheduled
    complainant = await token_for(app, w.complainant)
    body = await call(client, complainant, SESSIONS, {"id": case_id(case)})
    assert [s["id"] for s in body["data"]["case"]["sessions"]] == [session["id"]]
    scheduled = await done(
        client, complainant, "pickSessionSlot", sessionId=session["id"], slotNumber=1
    )
    assert scheduled["status"] == "SCHEDULED"

    # And only the complainant's side and the neutral were mailed
    mailed = {m["To"] for m in await delivered_mails(settings, tmp_path / "sessions")}
    assert mailed == {w.complainant.email, w.neutral.email}


async def test_a_foreign_case_and_its_sessions_are_not_there_and_only_runners_propose(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    session = await done(
        client,
        await token_for(app, w.neutral),
        "proposeSession",
        **proposal(case_id(case), slots_ahead(2)),
    )
    before = await _state()

    # A party of another case, its neutral and its provider: as if neither existed
    for user in (other.complainant, other.neutral, other.caseworker, other.agent):
        token = await token_for(app, user)
        refused = await send(
            client, token, "proposeSession", **proposal(case_id(case), slots_ahead(2))
        )
        assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
        refused = await send(client, token, "cancelSession", sessionId=session["id"], reason="No.")
        assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
        assert (await call(client, token, NODE, {"id": session["id"]}))["data"]["node"] is None
    # The parties on the case see it but may not propose, confirm or cancel
    for user in (w.complainant, w.agent):
        token = await token_for(app, user)
        refused = await send(
            client, token, "proposeSession", **proposal(case_id(case), slots_ahead(2))
        )
        assert [e["code"] for e in refused["userErrors"]] == ["FORBIDDEN"]
        refused = await send(
            client, token, "confirmSessionSlot", sessionId=session["id"], slotNumber=1
        )
        assert [e["code"] for e in refused["userErrors"]] == ["FORBIDDEN"]
    # The provider may not hold a caucus (it reads none)
    refused = await send(
        client,
        await token_for(app, w.caseworker),
        "proposeSession",
        **proposal(case_id(case), slots_ahead(2), "CAUCUS_ORGANISATION"),
    )
    assert [e["code"] for e in refused["userErrors"]] == ["FORBIDDEN"]
    assert await _state() == before


async def test_bad_proposals_are_refused_with_a_code_and_write_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    token = await token_for(app, w.neutral)
    good = proposal(case_id(case), slots_ahead(2))
    past = datetime.now(UTC) - timedelta(hours=1)
    cases: list[tuple[dict[str, Any], str, list[str]]] = [
        ({"slots": []}, "REQUIRED", ["input", "slots"]),
        ({"slots": [past.isoformat()]}, "SLOT_IN_PAST", ["input", "slots"]),
        ({"slots": ["2030-01-01T10:00:00"]}, "INVALID_INPUT", ["input", "slots"]),
        # The review's year 9999: saved, then every sessions read of the case overflowed.
        ({"slots": ["9999-12-31T23:59:59+14:00"]}, "INVALID_INPUT", ["input", "slots"]),
        ({"slots": ["9999-12-31T23:59:59-14:00"]}, "INVALID_INPUT", ["input", "slots"]),
        (
            {"slots": [(past + timedelta(days=800)).isoformat()]},
            "INVALID_INPUT",
            ["input", "slots"],
        ),
        ({"durationMinutes": 5}, "INVALID_INPUT", ["input", "durationMinutes"]),
        ({"agenda": "  "}, "REQUIRED", ["input", "agenda"]),
        ({"link": None}, "REQUIRED", ["input", "place"]),
        ({"link": "javascript:alert(1)"}, "INVALID_URL", ["input", "link"]),
        ({"visibility": "NEUTRAL_ONLY"}, "SCOPE_NOT_ALLOWED", ["input", "visibility"]),
    ]
    before = await _state()
    for change, code, field in cases:
        refused = await send(client, token, "proposeSession", **{**good, **change})
        assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [(code, field)], change
    assert await _state() == before


async def test_a_move_sends_the_invitation_again_one_sequence_up_and_a_cancel_cancels_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    neutral = await token_for(app, w.neutral)
    first, later = slots_ahead(2, 5)
    session = await done(client, neutral, "proposeSession", **proposal(case_id(case), [first]))
    await done(client, neutral, "confirmSessionSlot", sessionId=session["id"], slotNumber=1)
    await delivered_mails(settings, tmp_path / "before")

    moved = await done(
        client,
        neutral,
        "moveSession",
        sessionId=session["id"],
        startsAt=later.isoformat(),
        reason="Room.",
    )
    assert moved["sequence"] == 1
    assert datetime.fromisoformat(moved["startsAt"]) == later
    mails = await delivered_mails(settings, tmp_path / "moved")
    mine = next(m for m in mails if m["To"] == w.complainant.email)
    event = event_of(calendar_of(mine))  # type: ignore[arg-type]
    assert event.decoded("DTSTART") == later
    assert event.decoded("SEQUENCE") == 1

    # A refused move (to the past) changes nothing
    before = await _state()
    refused = await send(
        client,
        neutral,
        "moveSession",
        sessionId=session["id"],
        startsAt=(first - timedelta(days=9)).isoformat(),
    )
    assert [e["code"] for e in refused["userErrors"]] == ["SLOT_IN_PAST"]
    assert await _state() == before

    cancelled = await done(
        client, neutral, "cancelSession", sessionId=session["id"], reason="Settled."
    )
    assert cancelled["status"] == "CANCELLED"
    assert cancelled["sequence"] == 2
    mails = await delivered_mails(settings, tmp_path / "cancelled")
    ics = calendar_of(next(m for m in mails if m["To"] == w.agent.email))
    assert ics is not None
    assert str(ics["METHOD"]) == "CANCEL"
    assert str(event_of(ics)["STATUS"]) == "CANCELLED"
    assert event_of(ics).decoded("SEQUENCE") == 2


def _draft(start: datetime, kind: SessionKind = SessionKind.MEDIATION_MEETING) -> SessionDraft:
    return SessionDraft(
        kind=kind,
        visibility=Visibility.ALL_PARTIES,
        slots=[start],
        duration_minutes=60,
        agenda="Evidence.",
        place="Room 4, 1 Main Street",
    )


async def test_a_decline_needs_reasons_and_the_minute_waits_for_the_session_to_end(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    neutral, complainant = await actor_for(w.neutral), await actor_for(w.complainant)
    start = datetime.now(UTC) + timedelta(hours=2)
    session = await services.propose(neutral, case.id, _draft(start, kind=SessionKind.HEARING))

    with pytest.raises(SessionError) as refused:
        await services.answer(complainant, session.id, None, "  ")
    assert (refused.value.code, refused.value.field) == ("REASONS_REQUIRED", "reason")
    await services.answer(complainant, session.id, None, "I am abroad that week.")
    answer = await SessionAnswer.get(session_id=session.id)
    assert (answer.slot_number, answer.reason) == (None, "I am abroad that week.")

    await services.confirm(neutral, session.id, 1)
    with pytest.raises(SessionError) as early:
        await services.record_minute(neutral, session.id, [SessionAttendee.NEUTRAL], "Held.")
    assert early.value.code == "SESSION_NOT_OVER"
    held = await services.record_minute(
        neutral,
        session.id,
        [SessionAttendee.NEUTRAL, SessionAttendee.COMPLAINANT],
        "Both heard.",
        at=start + timedelta(hours=2),
    )
    assert held.status is SessionStatus.HELD
    assert held.attended == ["complainant", "neutral"]
    event = await TimelineEvent.get(case_id=case.id, kind="session_minuted")
    assert event.payload["attended"] == ["complainant", "neutral"]
    assert (await DisputeCase.get(id=case.id)).last_sequence == event.sequence


async def test_one_reminder_per_session_and_start_however_often_the_job_runs(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    neutral = await actor_for(w.neutral)
    start = datetime.now(UTC) + timedelta(hours=5)
    session = await services.propose(neutral, case.id, _draft(start))
    await services.confirm(neutral, session.id, 1)
    now = datetime.now(UTC)

    assert await schedule_session_reminders(now, 24) == 1
    assert await schedule_session_reminders(now, 24) == 0
    # Moved: reminded again, for its new time
    await services.move(neutral, session.id, start + timedelta(hours=3))
    assert await schedule_session_reminders(now, 24) == 1
    assert await schedule_session_reminders(now, 0) == 0
    # A case closed since holds no more sessions: moved again, it is not reminded
    await services.move(neutral, session.id, start + timedelta(hours=4))
    await w.act(w.complainant, case, Action.WITHDRAW, reason="Settled by phone.")
    assert await schedule_session_reminders(now, 24) == 0


async def test_retention_blanks_what_a_session_says(factory: Factory, settings: Settings) -> None:
    w = await quick_world(factory)
    case = await with_neutral(w, await w.new_case())
    neutral, complainant = await actor_for(w.neutral), await actor_for(w.complainant)
    start = datetime.now(UTC) + timedelta(hours=2)
    session = await services.propose(neutral, case.id, _draft(start))
    await services.answer(complainant, session.id, None, "Quarrington is abroad.")
    await services.cancel(neutral, session.id, "Quarrington withdrew.")

    await redact_case(case.id, start, storage_of(settings), RedactionRule.RETENTION)

    row = await CaseSession.get(id=session.id)
    assert (row.agenda, row.place, row.cancel_reason) == ("", "", "")
    assert (await SessionAnswer.get(session_id=session.id)).reason == ""
    assert await found_in_database("Quarrington", skip=frozenset({"user"})) == {}
