"""A group's sessions (issue 20, 4): a session proposed on a formed group is a session of
every member case: each member's parties pick on their own case and are mailed on it, each
member's timeline records every step, and no member learns another member's case, parties or
answers. A member who withdraws leaves the group's sessions; a complainant's caucus is not a
group's to hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import icalendar
from starlette.applications import Starlette

from portal.api.node import decode_id
from portal.cases.models import DisputeCase
from portal.sessions import feeds, services
from portal.sessions.group import propose_for_group
from portal.sessions.models import CaseSession, SessionAnswer
from portal.sessions.reminders import schedule_session_reminders
from portal.sessions.services import SessionDraft
from portal.sessions.states import SessionKind, SessionStatus
from portal.settings import Settings
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import verify
from tests.factories import Factory, actor_for, delivered_mails, mail_text
from tests.session_support import SESSION_FIELDS, UE, calendar_of, event_of, slots_ahead
from tests.test_api_support import call, case_id, token_for
from tests.test_case_groups import WITHDRAW, formed_group, ok

PROPOSE = f"""
mutation P($input: ProposeGroupSessionInput!) {{
  proposeGroupSession(input: $input) {{
    sessions {{ {SESSION_FIELDS} group {{ reference }} case {{ id }} }} {UE}
  }}
}}"""
STEP = """
mutation S($input: {kind}Input!) {{
  {name}(input: $input) {{ session {{ {fields} }} {ue} }}
}}"""
SESSIONS = f"""
query C($id: ID!) {{ case(id: $id) {{ sessions {{ {SESSION_FIELDS} group {{ reference }} }} }} }}"""
NODE = "query N($id: ID!) { node(id: $id) { id } }"


async def step(client: httpx.AsyncClient, token: str, name: str, **input: Any) -> dict[str, Any]:
    query = STEP.format(kind=name[0].upper() + name[1:], name=name, fields=SESSION_FIELDS, ue=UE)
    body = await call(client, token, query, {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    return payload


def draft(group: str, slots: list[datetime], visibility: str = "ALL_PARTIES") -> dict[str, Any]:
    return {
        "groupId": group,
        "kind": "MEDIATION_MEETING",
        "visibility": visibility,
        "slots": [s.isoformat() for s in slots],
        "durationMinutes": 90,
        "agenda": "The outage in March: what each customer lost.",
        "link": "https://meet.example.org/group",
    }


async def propose(client: httpx.AsyncClient, token: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, PROPOSE, {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["proposeGroupSession"]
    return payload


async def session_events(case: DisputeCase) -> list[TimelineEvent]:
    return list(
        await TimelineEvent.filter(case_id=case.id, kind__startswith="session_").order_by(
            "sequence"
        )
    )


async def _state() -> tuple[object, ...]:
    return (
        await CaseSession.all().order_by("id").values_list("id", "status", "sequence"),
        await SessionAnswer.all().count(),
        await TimelineEvent.filter(kind__startswith="session_").count(),
    )


async def test_a_group_session_is_every_members_session_answered_and_mailed_on_each_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    # Given a formed group of three cases with one neutral (earlier mails sent first)
    w, members, group = await formed_group(client, app, factory, 3)
    (w1, c1), (w2, c2), (w3, c3) = members
    await delivered_mails(settings, tmp_path / "before")
    first, second = slots_ahead(3, 4)

    # When the neutral proposes one session to the group
    proposed = await propose(
        client, await token_for(app, w.neutral), **draft(group, [first, second])
    )
    assert proposed["userErrors"] == []
    sessions = proposed["sessions"]
    # Then it is a session of every member case, the lead's first
    assert sessions[0]["case"]["id"] == case_id(c1)
    assert sorted(s["case"]["id"] for s in sessions) == sorted(case_id(c) for c in (c1, c2, c3))
    assert {s["group"]["reference"] for s in sessions} != {None}
    rows = await CaseSession.all().order_by("case_id")
    assert len(rows) == 3
    assert len({r.group_session_id for r in rows}) == 1

    # and each complainant sees it on their own case only, never another member's
    by_gid = {s["case"]["id"]: s["id"] for s in sessions}
    ids = {c.id: by_gid[case_id(c)] for c in (c1, c2, c3)}
    for mine, case in members:
        token = await token_for(app, mine.complainant)
        body = await call(client, token, SESSIONS, {"id": case_id(case)})
        (seen,) = body["data"]["case"]["sessions"]
        assert seen["id"] == ids[case.id]
        assert seen["viewerSide"] == "COMPLAINANT"
        for other, sid in ids.items():
            if other != case.id:
                assert (await call(client, token, NODE, {"id": sid}))["data"]["node"] is None

    # When the organisation picks the second slot once, on the lead case
    agent = await token_for(app, w.agent)
    picked = await step(client, agent, "pickSessionSlot", sessionId=ids[c1.id], slotNumber=2)
    assert picked["userErrors"] == []
    # Then its answer stands on every member case
    assert await SessionAnswer.filter(side="organisation", slot_number=2).count() == 3
    # And two complainants' picks do not schedule it while the third has not answered
    for mine, case in ((w1, c1), (w2, c2)):
        token = await token_for(app, mine.complainant)
        picked = await step(client, token, "pickSessionSlot", sessionId=ids[case.id], slotNumber=2)
        assert picked["session"]["status"] == "PROPOSED"
        # each reads only their own case's answers: theirs and the organisation's
        assert {a["side"] for a in picked["session"]["answers"]} == {
            "COMPLAINANT",
            "ORGANISATION",
        }
    last = await step(
        client,
        await token_for(app, w3.complainant),
        "pickSessionSlot",
        sessionId=ids[c3.id],
        slotNumber=2,
    )
    # The last pick schedules it on every member case at the second slot
    assert last["session"]["status"] == "SCHEDULED"
    for row in await CaseSession.all():
        assert row.status is SessionStatus.SCHEDULED
        assert row.starts_at == second

    # And each member's timeline records both steps, naming the group; the scheduling is the
    # third complainant's on their case and the portal's on the others (no member learns who)
    for case in (c1, c2, c3):
        events = await session_events(case)
        assert [e.kind for e in events] == ["session_proposed", "session_scheduled"]
        assert {e.payload["group_reference"] for e in events} == {sessions[0]["group"]["reference"]}
        scheduled = events[1]
        if case.id == c3.id:
            assert (scheduled.actor_role, scheduled.actor_id) == ("complainant", w3.complainant.id)
        else:
            assert (scheduled.actor_role, scheduled.actor_id) == ("system", None)
        assert (await verify(await DisputeCase.get(id=case.id))).ok

    # And each person got one proposal (the sides asked) and one invitation, with the group's
    # one calendar UID, though the neutral, the provider and the agent are on every case
    mails = await delivered_mails(settings, tmp_path / "group")
    uid = f"session-{rows[0].group_session_id}@parley"
    invited: dict[str, int] = {}
    for mail in mails:
        ics = calendar_of(mail)
        if ics is not None:
            assert str(event_of(ics)["UID"]) == uid
            assert event_of(ics).decoded("DTSTART") == second
            invited[mail["To"]] = invited.get(mail["To"], 0) + 1
    people = [w1.complainant, w2.complainant, w3.complainant, w.agent, w.neutral]
    assert {p.email: 1 for p in people}.items() <= invited.items()
    assert all(n == 1 for n in invited.values())
    asked = [m["To"] for m in mails if calendar_of(m) is None and "Pick" in str(m["Subject"])]
    assert len(asked) == len(set(asked))  # one proposal a person
    assert {p.email for p in (w1.complainant, w2.complainant, w3.complainant, w.agent)} <= set(
        asked
    )
    assert w.neutral.email not in asked  # the sides asked, not the runner
    # and a complainant's mails name their own case, never another member's
    for mine, case in members:
        for mail in [m for m in mails if m["To"] == mine.complainant.email]:
            text = mail_text(mail) + str(mail["Subject"])
            assert case.reference in text
            for _, other in members:
                if other.id != case.id:
                    assert other.reference not in text


async def test_a_member_who_withdraws_leaves_the_group_session_and_the_rest_go_on(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    # Given a group of three with a proposed session
    w, members, group = await formed_group(client, app, factory, 3)
    (_, c1), (_, c2), (w3, c3) = members
    neutral = await token_for(app, w.neutral)
    proposed = await propose(client, neutral, **draft(group, slots_ahead(3, 4)))
    ids = {s["case"]["id"]: s["id"] for s in proposed["sessions"]}
    await delivered_mails(settings, tmp_path / "before")

    # When the third complainant withdraws their consent
    await ok(
        client, await token_for(app, w3.complainant), WITHDRAW, groupId=group, caseId=case_id(c3)
    )
    # Then their case's session is cancelled on their own timeline, and only their side is told
    mine = await CaseSession.get(case_id=c3.id)
    assert mine.status is SessionStatus.CANCELLED
    assert [e.kind for e in await session_events(c3)] == ["session_proposed", "session_cancelled"]
    told = {m["To"] for m in await delivered_mails(settings, tmp_path / "left")}
    assert told == {w3.complainant.email}

    # When the neutral confirms a slot, then moves it
    confirmed = await step(
        client, neutral, "confirmSessionSlot", sessionId=ids[case_id(c1)], slotNumber=1
    )
    assert confirmed["userErrors"] == []
    later = slots_ahead(5)[0]
    moved = await step(
        client, neutral, "moveSession", sessionId=ids[case_id(c2)], startsAt=later.isoformat()
    )
    assert moved["userErrors"] == []
    # Then the members still in the group have it scheduled at the new time; the third not
    for case in (c1, c2):
        row = await CaseSession.get(case_id=case.id)
        assert (row.status, row.starts_at, row.sequence) == (SessionStatus.SCHEDULED, later, 1)
        assert [e.kind for e in await session_events(case)] == [
            "session_proposed",
            "session_scheduled",
            "session_moved",
        ]
    assert (await CaseSession.get(case_id=c3.id)).status is SessionStatus.CANCELLED
    # And the neutral's calendar feed holds the group's session once, as it stands
    _, token = await feeds.issue_feed(await actor_for(w.neutral))
    ics = await feeds.feed_file(token, base_url="https://parley.example.org")
    assert ics is not None
    (event,) = icalendar.Calendar.from_ical(ics).events
    assert event.decoded("DTSTART") == later
    assert str(event.get("STATUS", "CONFIRMED")) != "CANCELLED"
    # and the complainant who left, whose row was cancelled before it had a time, has none
    _, token = await feeds.issue_feed(await actor_for(w3.complainant))
    ics = await feeds.feed_file(token, base_url="https://parley.example.org")
    assert ics is not None
    assert icalendar.Calendar.from_ical(ics).events == []


async def test_who_may_propose_a_group_session_and_where(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, members, group = await formed_group(client, app, factory, 2)
    (w1, _), _ = members
    before = await _state()
    good = draft(group, slots_ahead(2))
    refusals = [
        # a complainant's caucus belongs to one case
        (w.neutral, {**good, "visibility": "CAUCUS_COMPLAINANT"}, "SCOPE_NOT_ALLOWED"),
        # parties do not run sessions
        (w1.complainant, good, "FORBIDDEN"),
        (w.agent, good, "FORBIDDEN"),
        # the provider holds no caucus
        (w.caseworker, {**good, "visibility": "CAUCUS_ORGANISATION"}, "FORBIDDEN"),
        # bad input is refused before anything is written
        (w.neutral, {**good, "slots": []}, "REQUIRED"),
    ]
    for user, input, code in refusals:
        refused = await propose(client, await token_for(app, user), **input)
        assert [e["code"] for e in refused["userErrors"]] == [code], (user.email, input)
        assert refused["sessions"] == []
    # A stranger's group answers as a missing one
    other, _, _ = await formed_group(client, app, factory, 2)
    refused = await propose(client, await token_for(app, other.neutral), **good)
    assert [e["code"] for e in refused["userErrors"]] == ["NOT_FOUND"]
    assert await _state() == before
    # The organisation's caucus is held with the group: its agent is asked, no complainant
    held = await propose(
        client,
        await token_for(app, w.neutral),
        **{**good, "visibility": "CAUCUS_ORGANISATION"},
    )
    assert held["userErrors"] == []
    assert len(held["sessions"]) == 2
    token = await token_for(app, w1.complainant)
    body = await call(client, token, SESSIONS, {"id": case_id(members[0][1])})
    assert body["data"]["case"]["sessions"] == []


async def test_a_group_session_is_reminded_once_a_person_however_often_the_job_runs(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    # Given a group of three whose session the neutral confirmed for five hours from now
    w, members, group = await formed_group(client, app, factory, 3)
    neutral = await actor_for(w.neutral)
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=5)
    draft_ = SessionDraft(
        kind=SessionKind.HEARING,
        visibility=Visibility.ALL_PARTIES,
        slots=[start],
        duration_minutes=60,
        agenda="The outage.",
        link="https://meet.example.org/group",
    )
    rows = await propose_for_group(neutral, decode_id(group, "CaseGroup"), draft_)
    await services.confirm(neutral, rows[0].id, 1)
    await delivered_mails(settings, tmp_path / "before")

    # When the reminder job runs twice
    now = datetime.now(UTC)
    assert await schedule_session_reminders(now, 24) == 1
    assert await schedule_session_reminders(now, 24) == 0

    # Then every member row is marked reminded and each person got one reminder
    assert {r.reminded_for for r in await CaseSession.all()} == {start}
    reminded = [m["To"] for m in await delivered_mails(settings, tmp_path / "reminders")]
    assert len(reminded) == len(set(reminded))
    people = {mine.complainant.email for mine, _ in members} | {w.agent.email, w.neutral.email}
    assert people <= set(reminded)
