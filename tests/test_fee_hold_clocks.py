"""A case held for its fees does not run its clocks (issue 20, fees; `transitions.HOLDS`).

While a fee invoiced for the stage the case is at is due, its running clocks are paused: the
time held does not count toward their due dates, and the clock job takes no lapse for them
(no consent lapses, no organisation is recorded silent). When the fees are paid or waived
they resume with the time they had left. Both are on the timeline, whose chain verifies; the
API and the web portal show the paused state."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.cases.clocks import add_days, resumed_due
from portal.cases.duties import due_duties
from portal.cases.engine import load_view
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, perform, run_clock_job
from portal.cases.states import (
    Calendar,
    ClockHold,
    ClockKind,
    ClockStatus,
    ClosureReason,
    Stage,
)
from portal.cases.transitions import HOLD_PAUSES, HOLDS, held_clocks
from portal.fees.services import decide_waiver, record_payment, request_waiver
from portal.fees.states import FeePayer
from portal.ids import global_id
from portal.notifications.mail import MailKind
from portal.notifications.models import OutboxMessage
from portal.notifications.schedule import schedule_reminders
from portal.timeline.models import TimelineEvent
from portal.timeline.services import verify
from tests.factories import Factory, actor_for, gql, quick_world
from tests.fees_support import CONSENT, invoices, with_fees
from tests.test_api_support import token_for

WORKING = Calendar.WORKING_DAYS
CALENDAR = Calendar.CALENDAR_DAYS


def at(day: str, time: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}+00:00")


# --- the due date after a pause ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "due", "paused", "resumed", "expected"),
    [
        # Calendar days: exactly the time held is added.
        (
            CALENDAR,
            at("2026-03-20"),
            at("2026-03-04", "10:00"),
            at("2026-03-06", "15:30"),
            at("2026-03-22", "14:30"),
        ),
        # Working days: each working day the hold touched is given back whole (Wed, Thu, Fri).
        (
            WORKING,
            at("2026-03-09"),
            at("2026-03-04", "10:00"),
            at("2026-03-06", "15:00"),
            at("2026-03-12"),
        ),
        # A hold over a weekend only takes no working day from anyone.
        (
            WORKING,
            at("2026-03-09"),
            at("2026-03-07", "10:00"),
            at("2026-03-08", "18:00"),
            at("2026-03-09"),
        ),
        # Over Easter (DE): Thursday and Tuesday count; Good Friday and Easter Monday do not.
        (WORKING, at("2026-04-10"), at("2026-04-02"), at("2026-04-07"), at("2026-04-14")),
        # Nothing held, nothing moves.
        (WORKING, at("2026-03-09"), at("2026-03-04"), at("2026-03-04"), at("2026-03-09")),
    ],
)
def test_resuming_moves_the_due_date_by_the_time_held(
    calendar: Calendar, due: datetime, paused: datetime, resumed: datetime, expected: datetime
) -> None:
    assert resumed_due(due, paused, resumed, calendar, "DE") == expected


def test_the_fee_hold_is_the_fees_settled_guard_and_pauses_every_clock() -> None:
    from portal.cases.guards import fees_settled

    assert {ClockHold.FEES: fees_settled} == HOLDS
    assert HOLD_PAUSES[ClockHold.FEES] == frozenset(ClockKind)


# --- helpers ----------------------------------------------------------------------------------


async def _events(case: DisputeCase, *kinds: str) -> list[TimelineEvent]:
    return list(
        await TimelineEvent.filter(case_id=case.id, kind__in=list(kinds)).order_by("sequence")
    )


async def _clock(case: DisputeCase, kind: ClockKind) -> Clock:
    return await Clock.get(case_id=case.id, kind=kind)


async def _act(
    user: Any, case: DisputeCase, action: Action, when: datetime, **data: Any
) -> DisputeCase:
    return await perform(await actor_for(user), case.id, action, data, at=when)


async def _chain_verifies(case: DisputeCase) -> None:
    result = await verify(await DisputeCase.get(id=case.id))
    assert result.ok, result


# --- the consent clock ------------------------------------------------------------------------


async def test_a_consent_clock_held_for_fees_lapses_only_after_the_fee_is_waived(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.ACCEPTED)
    case = await w.new_case(claimed_amount="2000.00")  # both sides are invoiced
    t0 = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)
    case = await _act(w.caseworker, case, Action.ACCEPT, t0)

    # The consent clock started at the held stage: paused at once, for the fees.
    consent = await _clock(case, ClockKind.CONSENT)
    assert consent.status is ClockStatus.RUNNING
    assert (consent.paused_at, consent.paused_for) == (t0, ClockHold.FEES)
    first_due = consent.due_at
    assert first_due == t0 + timedelta(days=30)
    paused = await _events(case, "clock_paused")
    assert [(e.payload["clock"], e.payload["hold"]) for e in paused] == [("consent", "fees")]
    assert paused[0].occurred_at == t0

    # Long past the consent clock's due date, nothing lapses: it is paused.
    assert await run_clock_job(first_due + timedelta(days=5)) == 0
    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.ACCEPTED
    assert await _events(case, "consent_lapsed", "clock_missed", "case_closed") == []
    # Nobody is overdue, and nobody is reminded of a date that no longer stands.
    assert (await due_duties([case.id], first_due + timedelta(days=5)))[case.id] == []
    assert await schedule_reminders(first_due - timedelta(days=1), 3) == 0

    # The business pays on day 40: the consumer's fee still holds the case.
    got = await invoices(case)
    caseworker = await actor_for(w.caseworker)
    await record_payment(
        caseworker, got[FeePayer.ORGANISATION].id, reference="SEPA 7", at=t0 + timedelta(days=40)
    )
    assert (await _clock(case, ClockKind.CONSENT)).paused_at == t0
    assert await _events(case, "clock_resumed") == []

    # The consumer's fee is waived on day 50: the clock resumes with its 30 days intact.
    complainant = await actor_for(w.complainant)
    waiver = await request_waiver(
        complainant,
        got[FeePayer.COMPLAINANT].id,
        reasons="I receive unemployment benefit.",
        evidence_id=None,
        at=t0 + timedelta(days=45),
    )
    settled = t0 + timedelta(days=50)
    await decide_waiver(caseworker, waiver.id, grant=True, reasons="Letter seen.", at=settled)
    consent = await _clock(case, ClockKind.CONSENT)
    assert consent.paused_at is None
    assert consent.paused_for is None
    assert consent.due_at == first_due + timedelta(days=50) == settled + timedelta(days=30)
    [resumed] = await _events(case, "clock_resumed")
    assert resumed.occurred_at == settled
    assert resumed.payload["clock"] == "consent"
    assert resumed.payload["hold"] == "fees"
    assert datetime.fromisoformat(resumed.payload["paused_at"]) == t0
    assert datetime.fromisoformat(resumed.payload["previous_due_at"]) == first_due
    assert datetime.fromisoformat(resumed.payload["due_at"]) == consent.due_at
    # The complainant is told it is their turn, and by when, once the clock runs: not at the
    # acceptance, when its date was one that would move (the mail was withdrawn unsent).
    told = await OutboxMessage.filter(
        case_id=case.id, kind=MailKind.ACTION_NEEDED.value, recipient=w.complainant.email
    ).order_by("created_at")
    assert [m.created_at for m in told] == [settled]
    assert told[0].context["clock"] == "consent"

    # Up to the new due date the complainant may still consent, and nothing lapses...
    view = await load_view(case, consent.due_at)
    assert not view.ran_out(ClockKind.CONSENT)
    assert await run_clock_job(consent.due_at) == 0
    assert (await DisputeCase.get(id=case.id)).stage is Stage.ACCEPTED
    # ...and just after it the consent lapses and the case closes, as without fees.
    assert await run_clock_job(consent.due_at + timedelta(seconds=1)) == 1
    case = await DisputeCase.get(id=case.id)
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.CONSENT_NOT_GIVEN)
    [lapsed] = await _events(case, "consent_lapsed")
    assert lapsed.occurred_at == consent.due_at + timedelta(seconds=1)
    await _chain_verifies(case)


async def test_consent_given_after_the_waiver_meets_the_resumed_clock(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.ACCEPTED)
    case = await w.new_case(claimed_amount="120.00")  # only the business is invoiced
    t0 = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)
    case = await _act(w.caseworker, case, Action.ACCEPT, t0)
    first_due = (await _clock(case, ClockKind.CONSENT)).due_at

    # Paid on day 35, after the clock would have run out unpaused: consenting on day 36 is
    # on time.
    got = await invoices(case)
    await record_payment(
        await actor_for(w.caseworker),
        got[FeePayer.ORGANISATION].id,
        reference="SEPA 9",
        at=t0 + timedelta(days=35),
    )
    case = await _act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(days=36), **CONSENT)
    consent = await _clock(case, ClockKind.CONSENT)
    assert consent.status is ClockStatus.MET
    assert consent.due_at == first_due + timedelta(days=35)
    await _chain_verifies(case)


# --- the organisation's silence ---------------------------------------------------------------


async def test_no_silence_is_recorded_while_the_organisation_is_held_for_its_fee(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.AWAITING_RESPONSE)
    case = await w.new_case(claimed_amount="120.00")  # the business owes 150.00
    t0 = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=1)
    case = await _act(w.caseworker, case, Action.ACCEPT, t0)
    # The hold is at AWAITING_RESPONSE: the consent clock runs as usual, and is met.
    assert (await _clock(case, ClockKind.CONSENT)).paused_at is None
    consented = t0 + timedelta(hours=1)
    case = await _act(w.complainant, case, Action.GIVE_CONSENT, consented, **CONSENT)
    response = await _clock(case, ClockKind.RESPONSE)
    assert response.paused_at == consented
    assert response.calendar == WORKING.value
    first_due = response.due_at

    # Months later: no silence is recorded, no clock missed, nobody overdue.
    months = first_due + timedelta(days=90)
    assert await run_clock_job(months) == 0
    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.AWAITING_RESPONSE
    assert await _events(case, "organisation_silent", "clock_missed", "case_closed") == []
    assert (await due_duties([case.id], months))[case.id] == []

    # The organisation pays: its response clock runs again, the held working days given back.
    got = await invoices(case)
    await record_payment(
        await actor_for(w.caseworker), got[FeePayer.ORGANISATION].id, reference="X", at=months
    )
    response = await _clock(case, ClockKind.RESPONSE)
    assert response.paused_at is None
    assert response.due_at == resumed_due(first_due, consented, months, WORKING, w.scheme.country)
    # The time it had left is all there: at least 20 working days from the consent, counted
    # from the payment (the consent's day and the payment's day are given back whole).
    assert response.due_at >= add_days(months, 19, WORKING, w.scheme.country)
    [resumed] = await _events(case, "clock_resumed")
    assert resumed.payload["clock"] == "response"
    [duty] = (await due_duties([case.id], months))[case.id]
    assert (duty.clock, duty.due_at, duty.overdue) == (ClockKind.RESPONSE, response.due_at, False)

    # Silent past the new due date: now the silence is recorded, as the scheme says.
    assert await run_clock_job(response.due_at) == 0
    assert await run_clock_job(response.due_at + timedelta(seconds=1)) == 1
    case = await DisputeCase.get(id=case.id)
    assert (case.stage, case.closure_reason) == (
        Stage.CLOSED,
        ClosureReason.ORGANISATION_REFUSED,
    )
    assert len(await _events(case, "organisation_silent")) == 1
    await _chain_verifies(case)


# --- a hold from the referral, and what the API and the portal read ---------------------------

CLOCKS = """
query C($id: ID!) {
  case(id: $id) {
    overdue
    whoMustAct { clock }
    clocks { kind status dueAt paused pausedSince pausedFor }
    timeline(first: 50) {
      edges { node { kind payload { __typename
        ... on ClockPausedEventPayload { clock responsible dueAt hold }
        ... on ClockResumedEventPayload { clock dueAt previousDueAt hold }
      } } }
    }
  }
}
"""


async def test_the_api_shows_a_paused_clock_and_the_pause_on_the_timeline(
    factory: Factory, client: httpx.AsyncClient, app: Starlette
) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.REFERRED)
    case = await w.new_case(claimed_amount="120.00")
    gid = global_id("DisputeCase", case.id)
    token = await token_for(app, w.complainant)

    # Invoiced with the referral, at the held stage: the acceptance clock is paused from the
    # start, and the provider is not overdue however long the fee stays due.
    acceptance = await _clock(case, ClockKind.ACCEPTANCE)
    assert acceptance.paused_for is ClockHold.FEES
    assert held_clocks(await load_view(case, datetime.now(UTC))) == {
        ClockKind.ACCEPTANCE: ClockHold.FEES
    }
    response = await gql(client, CLOCKS, {"id": gid}, token=token)
    body = response.json()
    assert "errors" not in body, body
    data = body["data"]["case"]
    [clock] = data["clocks"]
    assert clock["kind"] == "ACCEPTANCE"
    assert clock["status"] == "RUNNING"
    assert clock["paused"] is True
    assert clock["pausedFor"] == "FEES"
    assert datetime.fromisoformat(clock["pausedSince"]) == acceptance.paused_at
    assert data["overdue"] is False
    assert data["whoMustAct"] == []
    payloads = [e["node"]["payload"] for e in data["timeline"]["edges"]]
    assert {
        "__typename": "ClockPausedEventPayload",
        "clock": "ACCEPTANCE",
        "responsible": "PROVIDER",
        "dueAt": acceptance.due_at.isoformat(),
        "hold": "FEES",
    } in payloads

    # Paid: running again; the provider accepts, and its clock is met.
    got = await invoices(case)
    await record_payment(
        await actor_for(w.caseworker),
        got[FeePayer.ORGANISATION].id,
        reference="Y",
        at=datetime.now(UTC),
    )
    body = (await gql(client, CLOCKS, {"id": gid}, token=token)).json()
    [clock] = body["data"]["case"]["clocks"]
    assert (clock["paused"], clock["pausedSince"], clock["pausedFor"]) == (False, None, None)
    assert [
        p["__typename"]
        for p in (e["node"]["payload"] for e in body["data"]["case"]["timeline"]["edges"])
        if p["__typename"].startswith("ClockResumed")
    ] == ["ClockResumedEventPayload"]
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    assert (await _clock(case, ClockKind.ACCEPTANCE)).status is ClockStatus.MET
    await _chain_verifies(case)


async def test_a_paused_clock_that_ends_is_no_longer_paused(factory: Factory) -> None:
    """Withdrawing while held stops the paused clock as nobody's delay, and leaves no pause."""
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.ACCEPTED)
    case = await w.new_case(claimed_amount="120.00")
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await w.act(w.complainant, case, Action.WITHDRAW, reason="Settled directly.")
    consent = await _clock(case, ClockKind.CONSENT)
    assert consent.status is ClockStatus.STOPPED
    assert (consent.paused_at, consent.paused_for) == (None, None)
    await _chain_verifies(case)
