"""The development sandbox (issue 18, 8): `PORTAL_SANDBOX` makes every clock's day last
`PORTAL_SANDBOX_DAY_SECONDS` (working days counted like calendar days), so a dispute runs
its clock-driven course in minutes; the API says it is a sandbox. On both databases."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from portal.app import create_app
from portal.cases.clocks import due_at, sandbox_day, use_sandbox
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import Calendar, ClockKind, ClockStatus, Stage
from portal.complaints.models import ComplaintClock
from portal.complaints.services import file_complaint
from portal.complaints.states import ComplaintClockKind
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import Factory, actor_for, quick_world
from tests.test_api_support import CONSENT, token_for

DAY = 60  # seconds: one sandbox day
VIEWER = "{ viewer { sandbox sandboxDaySeconds } }"


@pytest.fixture
def sandbox(settings: Settings) -> Iterator[Settings]:
    configured = dataclasses.replace(settings, sandbox=True, sandbox_day_seconds=DAY)
    use_sandbox(configured.sandbox_day)
    try:
        yield configured
    finally:
        use_sandbox(None)


def test_a_clock_day_lasts_the_sandbox_day_and_every_day_counts() -> None:
    friday = datetime(2026, 5, 29, 16, 0, tzinfo=UTC)  # a long weekend ahead in Germany
    try:
        use_sandbox(DAY)
        assert sandbox_day() == timedelta(seconds=DAY)
        # EU ADR's 90-day outcome window, and 20 working days over a weekend: minutes.
        assert due_at(friday, 90, Calendar.CALENDAR_DAYS, "DE") == friday + timedelta(minutes=90)
        assert due_at(friday, 20, Calendar.WORKING_DAYS, "DE") == friday + timedelta(minutes=20)
    finally:
        use_sandbox(None)
    assert sandbox_day() is None
    assert due_at(friday, 90, Calendar.CALENDAR_DAYS, "DE") == friday + timedelta(days=90)
    assert due_at(friday, 20, Calendar.WORKING_DAYS, "DE") > friday + timedelta(days=20)


def test_the_app_and_the_worker_take_the_sandbox_from_their_settings(settings: Settings) -> None:
    try:
        create_app(
            dataclasses.replace(settings, sandbox=True, sandbox_day_seconds=5), manage_orm=False
        )
        assert sandbox_day() == timedelta(seconds=5)
        Worker(settings)
        assert sandbox_day() is None
    finally:
        use_sandbox(None)


async def test_a_dispute_runs_its_clocks_in_minutes(sandbox: Settings, factory: Factory) -> None:
    """Referred, accepted, consented; the organisation stays silent through its 20 working
    days of response time, and under a scheme where silence is refusal the clock job closes
    the case: 20 minutes after consent, not four weeks."""
    w = await quick_world(factory)
    actor = await actor_for(w.complainant)
    complaint = await file_complaint(
        actor,
        w.organisation.id,
        {"subject": "Billed twice", "description": "Twice.", "remedy_sought": "Refund"},
    )
    acknowledge = await ComplaintClock.get(
        complaint_id=complaint.id, kind=ComplaintClockKind.ACKNOWLEDGE
    )
    assert acknowledge.due_at - acknowledge.started_at == timedelta(minutes=5)

    case = await w.new_case()
    acceptance = await Clock.get(case_id=case.id, kind=ClockKind.ACCEPTANCE)
    assert acceptance.due_at - acceptance.started_at == timedelta(minutes=21)
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=CONSENT["understandsLegalEffect"],
        understands_right_to_withdraw=CONSENT["understandsRightToWithdraw"],
    )
    response = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    assert response.due_at - response.started_at == timedelta(minutes=20)

    await run_clock_job(response.started_at + timedelta(minutes=19))
    assert (await Clock.get(id=response.id)).status is ClockStatus.RUNNING
    await run_clock_job(response.started_at + timedelta(minutes=21))
    assert (await Clock.get(id=response.id)).status is ClockStatus.MISSED
    assert (await DisputeCase.get(id=case.id)).stage is Stage.CLOSED


async def test_the_api_says_it_is_a_sandbox(sandbox: Settings, factory: Factory) -> None:
    app = create_app(sandbox, manage_orm=False)
    w = await quick_world(factory)
    token = await token_for(app, w.agent)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        viewer = await client.post(
            "/graphql", json={"query": VIEWER}, headers={"Authorization": f"Bearer {token}"}
        )
        index = await client.get("/api")

    assert viewer.json()["data"]["viewer"] == {"sandbox": True, "sandboxDaySeconds": DAY}
    assert index.json()["sandbox"] is True


async def test_outside_a_sandbox_the_api_says_so(
    app: object, client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.agent)  # type: ignore[arg-type]

    viewer = await client.post(
        "/graphql", json={"query": VIEWER}, headers={"Authorization": f"Bearer {token}"}
    )

    assert viewer.json()["data"]["viewer"] == {"sandbox": False, "sandboxDaySeconds": None}
    assert (await client.get("/api")).json()["sandbox"] is False
