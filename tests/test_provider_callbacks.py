"""Inbound provider callbacks are refused with a status and a code, and change nothing, when
the signature is bad, the timestamp stale, the id replayed, the case unknown, or the event
one the case's stage does not allow; referrals wait in the outbox while the provider is down."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import ExternalPerson
from portal.api.node import to_global_id
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import Stage
from portal.notifications.models import OutboxMessage, OutboxStatus, ProviderCallback
from portal.notifications.worker import Worker
from portal.settings import Settings
from providers.contract import Person, ProviderEventKind
from providers.simulator import Simulator, SimulatorConfig, create_app
from tests.factories import Factory, World, quick_world
from tests.provider_support import (
    INBOUND,
    OUTBOUND,
    allowing_private,
    event,
    free_port,
    make_external,
    post_callback,
    serving,
    signed,
    world_state,
)


async def _referred(factory: Factory) -> tuple[World, DisputeCase, str]:
    w = await quick_world(factory)
    await make_external(w, "webhook", endpoint_url="http://127.0.0.1:9/parley")
    case = await w.new_case()
    return w, case, to_global_id("DisputeCase", case.id)


def _code(response: httpx.Response) -> str:
    return str(response.json()["errors"][0]["extensions"]["code"])


async def test_a_signed_callback_accepts_the_case_as_the_named_caseworker(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    w, case, gid = await _referred(factory)
    headers, body = signed(event(ProviderEventKind.ACCEPTED, gid, note="Taken on."))

    response = await post_callback(client, w.provider.slug, headers, body)

    assert response.status_code == 200, response.text
    assert response.json()["applied"] == [
        {"id": "msg_1", "kind": "accepted", "case": case.reference, "stage": "accepted"}
    ]
    assert (await DisputeCase.get(id=case.id)).stage is Stage.ACCEPTED
    link = await ExternalPerson.get(provider_id=w.provider.id, external_id="cw-1")
    user = await link.user
    assert (user.email, user.password_hash) == ("cw@provider.example", "")


@pytest.mark.parametrize(
    ("tamper", "status", "code"),
    [
        ("signature", 401, "BAD_SIGNATURE"),
        ("stale", 401, "STALE_TIMESTAMP"),
        ("headers", 400, "MISSING_HEADERS"),
        ("unknown_case", 404, "UNKNOWN_CASE"),
        ("stage", 409, "ACTION_NOT_AVAILABLE"),
        ("kind", 400, "UNKNOWN_EVENT_TYPE"),
        ("input", 422, "INVALID_CHOICE"),
    ],
)
async def test_a_refused_callback_changes_nothing(
    factory: Factory, client: httpx.AsyncClient, tamper: str, status: int, code: str
) -> None:
    w, case, gid = await _referred(factory)
    before = await world_state(case)
    message = event(ProviderEventKind.ACCEPTED, gid)
    secret, timestamp = INBOUND, None
    if tamper == "signature":
        secret = OUTBOUND  # signed, but with another secret
    elif tamper == "stale":
        timestamp = int(time.time()) - 6 * 60
    elif tamper == "unknown_case":
        message = event(ProviderEventKind.ACCEPTED, to_global_id("DisputeCase", w.agent.id))
    elif tamper == "stage":
        message = event(ProviderEventKind.OUTCOME_ISSUED, gid, summary="x", reasons="y")
    elif tamper == "input":
        message = event(ProviderEventKind.DECLINED, gid, ground="not_a_ground", reasons="No.")
    headers, body = signed(message, secret=secret, timestamp=timestamp)
    if tamper == "headers":
        del headers["webhook-signature"]
    if tamper == "kind":
        body = body.replace(b'"type":"accepted"', b'"type":"settled"')
        headers, _ = signed(message)
        headers = {**headers, **_resigned(message.id, body)}

    response = await post_callback(client, w.provider.slug, headers, body)

    assert (response.status_code, _code(response)) == (status, code), response.text
    assert response.json()["errors"][0]["message"]
    assert await world_state(case) == before


def _resigned(message_id: str, body: bytes) -> dict[str, str]:
    from providers import standard_webhooks

    return standard_webhooks.signed_headers(INBOUND, message_id, int(time.time()), body, "t")


async def test_a_replayed_id_is_refused_and_changes_nothing(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    w, case, gid = await _referred(factory)
    headers, body = signed(event(ProviderEventKind.ACCEPTED, gid, id="msg_once"))
    assert (await post_callback(client, w.provider.slug, headers, body)).status_code == 200
    after_first = await world_state(case)

    # The same id again, even freshly signed and with another event: a replay.
    headers, body = signed(
        event(ProviderEventKind.CLOSED, gid, id="msg_once", reason="discontinued", note="x")
    )
    response = await post_callback(client, w.provider.slug, headers, body)

    assert (response.status_code, _code(response)) == (409, "REPLAYED")
    assert await world_state(case) == after_first
    assert await ProviderCallback.filter(message_id="msg_once").count() == 1


async def test_a_refused_callback_keeps_its_id_free_and_creates_no_account(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    w, _, gid = await _referred(factory)
    stranger = Person("new-person", "new@provider.example", "New Person")
    refused = event(ProviderEventKind.FILE_COMPLETED, gid, id="msg_2", by=stranger)
    headers, body = signed(refused)
    response = await post_callback(client, w.provider.slug, headers, body)
    assert (response.status_code, _code(response)) == (409, "ACTION_NOT_AVAILABLE")
    assert not await ExternalPerson.exists(external_id="new-person")

    headers, body = signed(event(ProviderEventKind.ACCEPTED, gid, id="msg_2", by=stranger))
    assert (await post_callback(client, w.provider.slug, headers, body)).status_code == 200


async def test_a_provider_cannot_claim_someone_elses_account(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    w, case, gid = await _referred(factory)
    before = await world_state(case)
    # The organisation's agent exists already and does not work for the provider.
    claimed = Person("x-1", w.agent.email, "Not the agent")
    headers, body = signed(event(ProviderEventKind.ACCEPTED, gid, by=claimed))

    response = await post_callback(client, w.provider.slug, headers, body)

    assert (response.status_code, _code(response)) == (422, "EMAIL_TAKEN")
    assert await world_state(case) == before


async def test_unknown_providers_and_in_portal_providers_take_no_callbacks(
    factory: Factory, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)  # in-portal
    case = await w.new_case()
    headers, body = signed(event(ProviderEventKind.ACCEPTED, to_global_id("DisputeCase", case.id)))
    missing = await post_callback(client, "no-such-provider", headers, body)
    in_portal = await post_callback(client, w.provider.slug, headers, body)
    assert (missing.status_code, _code(missing)) == (404, "UNKNOWN_PROVIDER")
    assert (in_portal.status_code, _code(in_portal)) == (404, "NO_CALLBACKS")
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED


async def test_with_the_simulator_down_referrals_wait_and_go_through_once_it_is_back(
    factory: Factory, settings: Settings, app: Starlette
) -> None:
    port = free_port()
    w = await quick_world(factory)
    await make_external(w, "webhook", endpoint_url=f"http://127.0.0.1:{port}/parley")
    worker = Worker(allowing_private(settings))
    case = await w.new_case()

    await worker.deliver_due()  # nobody listens on the port
    [referral] = await OutboxMessage.filter(channel="provider", kind="referral")
    assert referral.status is OutboxStatus.PENDING
    assert referral.attempts == 1
    assert "ConnectError" in referral.last_error
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED

    async with serving(app) as parley_port:
        simulator = Simulator(
            SimulatorConfig(f"http://127.0.0.1:{parley_port}", OUTBOUND, INBOUND, delay=0.01)
        )
        async with serving(create_app(simulator), port):
            # Both rows failed once and come due again each after its own backoff (up to
            # 0.2 s and a fifth more): wait for every one of them, not only for the acceptance
            # the referral brings, by the clock rather than a count of rounds, which a fast
            # machine runs through before the backoff ends.
            deadline = asyncio.get_running_loop().time() + 20
            while asyncio.get_running_loop().time() < deadline:
                await worker.deliver_due()
                await simulator.idle()
                waiting = await OutboxMessage.filter(
                    channel="provider", status=OutboxStatus.PENDING
                ).exists()
                if not waiting and (await DisputeCase.get(id=case.id)).stage is Stage.ACCEPTED:
                    break
                await asyncio.sleep(0.02)
            await referral.refresh_from_db()

    assert referral.status is OutboxStatus.DELIVERED
    assert referral.attempts >= 2
    # The referral once, and the acceptance clock's start that waited beside it (in either
    # order: deliveries of a batch run concurrently); then the acceptance's own events.
    received = [(r["type"], r["data"].get("sequence")) for r in simulator.received]
    assert received.count(("referral", None)) == 1
    assert ("case_event", 2) in received
    assert (
        not await OutboxMessage.filter(channel="provider")
        .exclude(status=OutboxStatus.DELIVERED)
        .exists()
    )
    assert simulator.refused == 0
    assert (await DisputeCase.get(id=case.id)).stage is Stage.ACCEPTED


async def test_the_simulator_refuses_deliveries_not_signed_by_parley(
    factory: Factory, settings: Settings
) -> None:
    simulator = Simulator(SimulatorConfig("http://127.0.0.1:9", OUTBOUND, INBOUND, delay=0.01))
    async with serving(create_app(simulator)) as port:
        w = await quick_world(factory)
        await make_external(w, "webhook", endpoint_url=f"http://127.0.0.1:{port}/parley")
        w.provider.outbound_secret = INBOUND  # Parley signs with a secret the simulator lacks
        await w.provider.save()
        await w.new_case()
        await Worker(allowing_private(settings)).deliver_due()

    rows = await OutboxMessage.filter(channel="provider")
    assert {(r.status, r.last_error) for r in rows} == {(OutboxStatus.DEAD, "HTTP 401")}
    assert simulator.received == []
    assert simulator.refused == len(rows) == 2  # the referral and its clock's start


async def test_a_withdrawal_reaches_the_provider(factory: Factory, settings: Settings) -> None:
    simulator = Simulator(SimulatorConfig("http://127.0.0.1:9", OUTBOUND, INBOUND, delay=30))
    async with serving(create_app(simulator)) as port:
        w = await quick_world(factory)
        await make_external(w, "webhook", endpoint_url=f"http://127.0.0.1:{port}/parley")
        case = await w.new_case()
        await w.act(w.complainant, case, Action.WITHDRAW, reason="Settled directly.")
        await Worker(allowing_private(settings)).deliver_due()

    [withdrawal] = [r for r in simulator.received if r["type"] == "withdrawal"]
    assert withdrawal["data"]["case"]["reference"] == case.reference
    assert withdrawal["data"]["reason"] == "Settled directly."
    assert (
        not await OutboxMessage.filter(channel="provider")
        .exclude(status=OutboxStatus.DELIVERED)
        .exists()
    )
