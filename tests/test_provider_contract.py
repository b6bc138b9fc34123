"""One scenario through every adapter: referral, accepted, neutral appointed, file completed,
outcome issued, closed. In-portal through the case services; webhook against the simulator
over real HTTP; e-mail against a real SMTP server, following the signed link and submitting
the form. The timeline and the clocks come out the same whichever way the provider works."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from starlette.applications import Starlette

from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Scheme
from portal.cases.services import Action, run_clock_job
from portal.cases.states import AppointmentStatus, Method, Stage
from portal.notifications.models import OutboxMessage, OutboxStatus
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from providers.simulator import Simulator, SimulatorConfig, create_app
from tests.factories import (
    Factory,
    RunningSink,
    World,
    deliver_all,
    mail_text,
    quick_world,
    start_mailsink,
)
from tests.provider_support import (
    INBOUND,
    NO_OBJECTION_WINDOW,
    OUTBOUND,
    allowing_private,
    make_external,
    serving,
)
from tests.test_api_support import in_file_review

PROVIDER_EMAIL = "cases@provider.example"
OUTCOME = {"summary": "Refund the double charge.", "reasons": "Billed twice.", "amount": "120.00"}
Turn = Callable[[DisputeCase, str], Awaitable[None]]


@dataclass
class Adapter:
    """How the provider takes its turns in the scenario."""

    w: World
    turn: Turn
    external: bool = True
    cleanup: list[Callable[[], Awaitable[None]]] = field(default_factory=list)


async def _in_portal(w: World, **_: Any) -> Adapter:
    async def turn(case: DisputeCase, kind: str) -> None:
        if kind == "accepted":
            await w.act(w.caseworker, case, Action.ACCEPT)
        elif kind == "neutral_appointed":
            await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
            await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
        elif kind == "file_completed":
            await w.act(w.caseworker, case, Action.COMPLETE_FILE)
        elif kind == "outcome_issued":
            await w.act(w.neutral, case, Action.ISSUE_OUTCOME, currency="EUR", **OUTCOME)
        elif kind == "closed":
            await w.act(w.caseworker, case, Action.CLOSE, reason="discontinued", note="Done.")

    return Adapter(w, turn, external=False)


async def _reached(case: DisputeCase, kind: str) -> bool:
    row = await DisputeCase.get(id=case.id)
    if kind == "neutral_appointed":
        return await NeutralAppointment.exists(
            case_id=case.id, status=AppointmentStatus.OBJECTION_WINDOW
        )
    if kind == "file_completed":
        return row.file_completed_at is not None
    stage = {
        "accepted": Stage.ACCEPTED,
        "outcome_issued": Stage.OUTCOME_PROPOSED,
        "closed": Stage.CLOSED,
    }[kind]
    return row.stage is stage


async def _webhook(w: World, settings: Settings, app: Starlette, **_: Any) -> Adapter:
    """The simulator answers by itself as Parley's deliveries reach it; a turn delivers the
    outbox and waits for the simulator's callbacks to take effect."""
    parley = serving(app)
    parley_port = await parley.__aenter__()
    simulator = Simulator(
        SimulatorConfig(
            parley_url=f"http://127.0.0.1:{parley_port}",
            verify_secret=OUTBOUND,
            sign_secret=INBOUND,
            delay=0.01,
        )
    )
    sim = serving(create_app(simulator))
    sim_port = await sim.__aenter__()
    await make_external(w, "webhook", endpoint_url=f"http://127.0.0.1:{sim_port}/parley")
    worker = Worker(allowing_private(settings))

    async def turn(case: DisputeCase, kind: str) -> None:
        for _ in range(200):
            if await _reached(case, kind):
                return
            await worker.deliver_due()
            await simulator.idle()
            await asyncio.sleep(0.01)
        raise AssertionError(f"the simulator never got the case to {kind}: {simulator.sent}")

    async def stop() -> None:
        await sim.__aexit__(None, None, None)
        await parley.__aexit__(None, None, None)

    return Adapter(w, turn, cleanup=[stop])


LINK = re.compile(r"(http\S+/providers/\S+/answer\?token=\S+)")
HIDDEN = re.compile(r'name="(csrf|submission)" value="([^"]+)"')


async def _email(
    w: World, settings: Settings, client: httpx.AsyncClient, tmp_path: Path, **_: Any
) -> Adapter:
    running: RunningSink = await start_mailsink(tmp_path)
    await make_external(w, "email", adapter_email=PROVIDER_EMAIL)
    worker = Worker(allowing_private(settings, smtp_port=running.port))
    fields = {
        "accepted": {},
        "neutral_appointed": {
            "neutral_name": "Nia Neutral",
            "neutral_email": "nia@provider.example",
            "impartial": "yes",
        },
        "file_completed": {},
        "outcome_issued": OUTCOME,
        "closed": {"reason": "discontinued", "note": "Done."},
    }

    async def turn(case: DisputeCase, kind: str) -> None:
        await deliver_all(worker)
        # The adapter's mails, with their answer links (the provider's account also hears of
        # the case's steps, as every caseworker does: issue 15).
        texts = [mail_text(m) for m in running.sink.received if m["To"] == PROVIDER_EMAIL]
        answerable = [t for t in texts if LINK.search(t)]
        assert answerable, "no mail reached the provider"
        [link] = LINK.findall(answerable[-1])
        path = urlsplit(link).path + "?" + urlsplit(link).query
        page = await client.get(path)
        assert page.status_code == 200, page.text
        assert f'value="{kind}"' in page.text, f"the form does not offer {kind}"
        hidden = dict(HIDDEN.findall(page.text))
        token = urlsplit(link).query.removeprefix("token=")
        answer = await client.post(
            path,
            data={"token": token, "action": kind, **hidden, **fields[kind]},
        )
        assert answer.status_code == 200, answer.text
        assert "Recorded." in answer.text

    return Adapter(w, turn, cleanup=[running.stop])


ADAPTERS = {"inportal": _in_portal, "webhook": _webhook, "email": _email}


@pytest.fixture(params=list(ADAPTERS))
async def adapter(
    request: pytest.FixtureRequest,
    factory: Factory,
    settings: Settings,
    app: Starlette,
    client: httpx.AsyncClient,
    tmp_path: Path,
) -> AsyncIterator[Adapter]:
    w = await quick_world(factory)
    if request.param == "inportal":
        await Scheme.filter(id=w.scheme.id).update(clock_policy=NO_OBJECTION_WINDOW)
    made = await ADAPTERS[request.param](
        w, settings=settings, app=app, client=client, tmp_path=tmp_path
    )
    try:
        yield made
    finally:
        for stop in made.cleanup:
            await stop()


# Every event of the scenario, in order: the same for every adapter.
TIMELINE = [
    "case_referred",
    "clock_started",  # acceptance
    "case_accepted",
    "clock_met",
    "clock_started",  # consent
    "consent_given",
    "clock_met",
    "clock_started",  # response
    "response_submitted",
    "clock_met",
    "clock_started",  # reply window
    "reply_submitted",
    "clock_met",
    "neutral_appointed",
    "impartiality_declared",
    "clock_started",  # objection window
    "neutral_confirmed",
    "clock_met",
    "file_completed",
    "clock_started",  # outcome
    "outcome_issued",
    "clock_met",
    "clock_started",  # reflection
    "case_closed",
    "clock_stopped",
]


async def test_the_same_scenario_passes_through_every_adapter(adapter: Adapter) -> None:
    w = adapter.w
    case = await w.new_case(Method.MEDIATION)

    await adapter.turn(case, "accepted")
    # The parties' steps are theirs, in the portal, whatever the provider's adapter.
    case = await in_file_review(w, await DisputeCase.get(id=case.id))
    case = await w.reply(case)
    await adapter.turn(case, "neutral_appointed")
    await run_clock_job()  # the (empty) objection window closed: the neutral is confirmed
    await adapter.turn(case, "file_completed")
    await adapter.turn(case, "outcome_issued")
    await adapter.turn(case, "closed")

    final = await DisputeCase.get(id=case.id)
    assert final.stage is Stage.CLOSED
    assert final.closure_reason == "discontinued"
    kinds = (
        await TimelineEvent.filter(case_id=case.id)
        .order_by("sequence")
        .values_list("kind", flat=True)
    )
    assert list(kinds) == TIMELINE
    clocks = (
        await Clock.filter(case_id=case.id).order_by("started_at").values_list("kind", "status")
    )
    assert [(k.value, s.value) for k, s in clocks] == [
        ("acceptance", "met"),
        ("consent", "met"),
        ("response", "met"),
        ("reply", "met"),
        ("objection", "met"),
        ("outcome", "met"),
        ("reflection", "stopped"),
    ]
    # The outcome is the neutral's, recorded by a person, whichever adapter brought it.
    appointment = await NeutralAppointment.get(case_id=case.id)
    [issued] = await TimelineEvent.filter(case_id=case.id, kind="outcome_issued")
    assert issued.actor_id == appointment.neutral_id
    provider_rows = OutboxMessage.filter(channel="provider")
    if adapter.external:
        assert await provider_rows.filter(kind="referral").count() == 1
        assert not await provider_rows.filter(status=OutboxStatus.DEAD).exists()
    else:  # nothing leaves the process for a provider that works in the portal
        assert not await provider_rows.exists()
