"""Self-service integration (issue 14 D4, issue 18 D4), over GraphQL against a real HTTP
receiver that verifies every delivery with the `standardwebhooks` reference library:

- a paused subscription keeps its events and delivers them in order on resume;
- the delivery log records each attempt's outcome, HTTP status code and duration;
- a redelivery sends the same `webhook-id` again; a test ping arrives signed;
- a rotated client secret works beside the old one for the overlap, then only the new one;
- nobody outside the organisation (or provider) sees or changes its clients or subscriptions,
  and an organisation's own integration client manages its subscriptions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Role, ServiceAccount
from portal.app import create_app
from portal.cases.services import Action
from portal.notifications.models import OutboxMessage, OutboxStatus
from portal.settings import Settings
from tests.factories import Factory, World, build_world, gql, login
from tests.test_webhook_rotation import deliver
from tests.test_webhooks import Receiver, receiver

__all__ = ["receiver"]  # the fixture, shared with tests/test_webhooks.py

SUBSCRIPTION = """
fragment S on WebhookSubscription { id url active eventKinds }
"""
CREATE = (
    SUBSCRIPTION
    + """
mutation M($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { subscription { ...S } secret userErrors { code } }
}"""
)
PAUSE = (
    SUBSCRIPTION
    + """
mutation M($input: PauseWebhookSubscriptionInput!) {
  pauseWebhookSubscription(input: $input) { subscription { ...S } userErrors { code } }
}"""
)
RESUME = (
    SUBSCRIPTION
    + """
mutation M($input: ResumeWebhookSubscriptionInput!) {
  resumeWebhookSubscription(input: $input) { subscription { ...S } userErrors { code } }
}"""
)
DELIVERY = """
fragment D on WebhookDelivery {
  id webhookId eventKind status
  attempts { number outcome responseStatus durationMs error }
}
"""
PING = (
    DELIVERY
    + """
mutation M($input: PingWebhookSubscriptionInput!) {
  pingWebhookSubscription(input: $input) { delivery { ...D } userErrors { code } }
}"""
)
REDELIVER = (
    DELIVERY
    + """
mutation M($input: RedeliverWebhookDeliveryInput!) {
  redeliverWebhookDelivery(input: $input) { delivery { ...D } userErrors { code } }
}"""
)
LOG = (
    DELIVERY
    + """
query Q($id: ID!) {
  node(id: $id) {
    ... on WebhookSubscription { deliveries(first: 50) { edges { node { ...D } } } }
  }
}"""
)
LIST = "query Q($id: ID!) { webhookSubscriptions(organisationId: $id) { id } }"
CLIENT = "fragment C on ServiceAccount { id clientId name role active previousSecretExpiresAt }"
CREATE_CLIENT = (
    CLIENT
    + """
mutation M($input: CreateIntegrationClientInput!) {
  createIntegrationClient(input: $input) { client { ...C } clientSecret userErrors { code field } }
}"""
)
ROTATE_CLIENT = (
    CLIENT
    + """
mutation M($input: RotateIntegrationClientSecretInput!) {
  rotateIntegrationClientSecret(input: $input) { client { ...C } clientSecret userErrors { code } }
}"""
)
DISABLE_CLIENT = (
    CLIENT
    + """
mutation M($input: DisableIntegrationClientInput!) {
  disableIntegrationClient(input: $input) { client { ...C } clientSecret userErrors { code } }
}"""
)
CLIENTS = "query Q($id: ID!) { integrationClients(ownerId: $id) { id clientId active } }"


def gid(kind: str, pk: Any) -> str:
    from portal.ids import global_id

    return global_id(kind, pk)


@pytest.fixture
def allowed(settings: Settings) -> Settings:
    """Webhooks to the receiver on 127.0.0.1, as in development."""
    return dataclasses.replace(settings, webhook_allow_private=True)


@pytest.fixture
async def api(allowed: Settings, db: str) -> AsyncIterator[httpx.AsyncClient]:
    app: Starlette = create_app(allowed, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def call(api: httpx.AsyncClient, query: str, token: str, **variables: Any) -> Any:
    body = (await gql(api, query, variables, token)).json()
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


async def subscribe(api: httpx.AsyncClient, token: str, w: World, url: str, *kinds: str) -> Any:
    created = await call(
        api,
        CREATE,
        token,
        input={
            "organisationId": gid("Organisation", w.organisation.id),
            "url": url,
            "eventKinds": list(kinds),
        },
    )
    assert created["userErrors"] == []
    return created


async def log_of(api: httpx.AsyncClient, token: str, subscription: str) -> list[dict[str, Any]]:
    node = await call(api, LOG, token, id=subscription)
    return [e["node"] for e in node["deliveries"]["edges"]]


async def oauth(api: httpx.AsyncClient, client_id: str, secret: str) -> int:
    response = await api.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    return response.status_code


async def client_token(api: httpx.AsyncClient, client_id: str, secret: str) -> str:
    response = await api.post(
        "/oauth/token", data={"grant_type": "client_credentials"}, auth=(client_id, secret)
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


# --- pause and resume -----------------------------------------------------------------------


async def test_events_while_paused_are_kept_and_delivered_in_order_on_resume(
    factory: Factory,
    allowed: Settings,
    api: httpx.AsyncClient,
    receiver: tuple[Receiver, str],
    tmp_path: Path,
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    token = (await login(api, w.manager))["accessToken"]
    created = await subscribe(api, token, w, url, "case_referred", "case_accepted")
    hook.secret = created["secret"]
    sid = created["subscription"]["id"]

    first = await w.new_case()  # queued before the pause, not yet sent
    paused = await call(api, PAUSE, token, input={"id": sid})
    second = await w.new_case()
    await w.act(w.caseworker, first, Action.ACCEPT)
    await deliver(allowed, tmp_path)
    held = await OutboxMessage.filter(channel="webhook").order_by("created_at")

    assert paused["subscription"]["active"] is False
    assert hook.verified == []  # nothing went out while paused
    assert [r.status for r in held] == [OutboxStatus.HELD] * 3

    resumed = await call(api, RESUME, token, input={"id": sid})
    await deliver(allowed, tmp_path)

    assert resumed["subscription"]["active"] is True
    assert hook.refused == 0
    arrived = [(p["type"], p["data"]["case"]["reference"]) for p in hook.verified]
    assert arrived == [
        ("case_referred", first.reference),
        ("case_referred", second.reference),
        ("case_accepted", first.reference),
    ]
    assert hook.ids == [str(r.id) for r in held]
    assert {r.status for r in await OutboxMessage.filter(channel="webhook")} == {
        OutboxStatus.DELIVERED
    }


async def test_pausing_twice_and_resuming_an_active_subscription_change_nothing(
    factory: Factory, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    token = (await login(api, w.manager))["accessToken"]
    sid = (await subscribe(api, token, w, "http://127.0.0.1:9/h", "case_referred"))["subscription"][
        "id"
    ]

    once = await call(api, RESUME, token, input={"id": sid})
    await call(api, PAUSE, token, input={"id": sid})
    twice = await call(api, PAUSE, token, input={"id": sid})

    assert once["subscription"]["active"] is True
    assert once["userErrors"] == []
    assert twice["subscription"]["active"] is False
    assert twice["userErrors"] == []


# --- the delivery log, redelivery, ping -----------------------------------------------------


async def test_the_delivery_log_records_status_code_and_a_redelivery_sends_the_same_id(
    factory: Factory,
    allowed: Settings,
    api: httpx.AsyncClient,
    receiver: tuple[Receiver, str],
    tmp_path: Path,
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    token = (await login(api, w.manager))["accessToken"]
    created = await subscribe(api, token, w, url, "case_referred")
    hook.secret = created["secret"]
    sid = created["subscription"]["id"]

    await w.new_case()
    await deliver(allowed, tmp_path)
    hook.answer = 410  # gone: a permanent failure
    await w.new_case()
    await deliver(allowed, tmp_path)
    failed, delivered = await log_of(api, token, sid)  # newest first

    assert delivered["status"] == "DELIVERED"
    assert delivered["attempts"][0]["outcome"] == "DELIVERED"
    assert delivered["attempts"][0]["responseStatus"] == 204
    assert delivered["attempts"][0]["error"] == ""
    assert delivered["attempts"][0]["durationMs"] >= 0
    assert failed["status"] == "DEAD"
    assert failed["attempts"][0]["responseStatus"] == 410
    assert failed["attempts"][0]["error"] == "HTTP 410"

    hook.answer = 204
    again = await call(api, REDELIVER, token, input={"id": failed["id"]})
    busy = await call(api, REDELIVER, token, input={"id": failed["id"]})  # queued already
    await deliver(allowed, tmp_path)
    after = (await log_of(api, token, sid))[0]

    assert again["userErrors"] == []
    assert again["delivery"]["status"] == "PENDING"
    assert busy["userErrors"] == [{"code": "DELIVERY_IN_PROGRESS"}]
    assert hook.ids[-1] == failed["webhookId"]  # the same webhook-id, sent again
    assert hook.ids.count(failed["webhookId"]) == 2  # refused with 410 once, then accepted
    assert after["status"] == "DELIVERED"
    assert [a["responseStatus"] for a in after["attempts"]] == [204, 410]  # newest first


async def test_a_ping_arrives_signed_and_its_answer_is_in_the_log(
    factory: Factory, api: httpx.AsyncClient, receiver: tuple[Receiver, str]
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    token = (await login(api, w.manager))["accessToken"]
    created = await subscribe(api, token, w, url, "case_closed")
    hook.secret = created["secret"]
    sid = created["subscription"]["id"]
    await call(api, PAUSE, token, input={"id": sid})  # a ping tests the endpoint, paused or not

    pinged = await call(api, PING, token, input={"id": sid})
    hook.answer = 500
    failed = await call(api, PING, token, input={"id": sid})
    logged = await log_of(api, token, sid)

    assert pinged["userErrors"] == []
    assert pinged["delivery"]["eventKind"] == "ping"
    assert pinged["delivery"]["status"] == "DELIVERED"
    assert pinged["delivery"]["attempts"][0]["responseStatus"] == 204
    assert hook.refused == 0  # both verified with the subscription's secret
    assert [p["type"] for p in hook.verified] == ["ping", "ping"]
    assert hook.verified[0]["data"] == {"subscription": {"id": sid}}
    assert hook.ids[0] == pinged["delivery"]["webhookId"]
    # A ping is tried once: its sender is waiting for the answer.
    assert failed["delivery"]["status"] == "DEAD"
    assert failed["delivery"]["attempts"][0]["responseStatus"] == 500
    assert [d["id"] for d in logged] == [failed["delivery"]["id"], pinged["delivery"]["id"]]


# --- integration clients --------------------------------------------------------------------


async def test_a_rotated_client_secret_works_beside_the_old_one_for_the_overlap_then_alone(
    factory: Factory, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    token = (await login(api, w.manager))["accessToken"]
    created = await call(
        api,
        CREATE_CLIENT,
        token,
        input={
            "ownerId": gid("Organisation", w.organisation.id),
            "name": "CRM",
            "role": "ORG_AGENT",
        },
    )
    client_id, old = created["client"]["clientId"], created["clientSecret"]
    assert created["userErrors"] == []
    assert await oauth(api, client_id, old) == 200

    rotated = await call(api, ROTATE_CLIENT, token, input={"id": created["client"]["id"]})
    new = rotated["clientSecret"]
    until = datetime.fromisoformat(rotated["client"]["previousSecretExpiresAt"])

    assert new != old
    assert timedelta(seconds=86390) < until - datetime.now(UTC) <= timedelta(seconds=86400)
    assert await oauth(api, client_id, old) == 200  # within the overlap: both
    assert await oauth(api, client_id, new) == 200

    # The overlap is over (the clock moved on a day).
    account = await ServiceAccount.get(client_id=client_id)
    await ServiceAccount.filter(id=account.id).update(
        previous_secret_until=datetime.now(UTC) - timedelta(seconds=1)
    )
    assert await oauth(api, client_id, old) == 401
    assert await oauth(api, client_id, new) == 200

    listed = await call(api, CLIENTS, token, id=gid("Organisation", w.organisation.id))
    disabled = await call(api, DISABLE_CLIENT, token, input={"id": created["client"]["id"]})
    assert [c["clientId"] for c in listed] == [client_id]
    assert disabled["client"]["active"] is False
    assert disabled["clientSecret"] is None
    assert await oauth(api, client_id, new) == 401
    again = await call(api, ROTATE_CLIENT, token, input={"id": created["client"]["id"]})
    assert again["userErrors"] == [{"code": "CLIENT_DISABLED"}]


async def test_without_an_overlap_the_old_client_secret_stops_at_once(
    factory: Factory, settings: Settings
) -> None:
    from portal.accounts.services import rotate_service_account_secret

    created = await factory.service_account(Role.ORG_AGENT)
    rotated = await rotate_service_account_secret(created.account, settings.secret_key, 0)

    assert rotated.account.previous_secret_hash == ""
    assert rotated.account.previous_secret_until is None


async def test_a_provider_manages_its_own_clients_with_the_provider_role(
    factory: Factory, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    token = (await login(api, w.caseworker))["accessToken"]
    owner = gid("Provider", w.provider.id)

    made = await call(
        api,
        CREATE_CLIENT,
        token,
        input={"ownerId": owner, "name": "Case system", "role": "PROVIDER_CASEWORKER"},
    )
    wrong = await call(
        api, CREATE_CLIENT, token, input={"ownerId": owner, "name": "X", "role": "ORG_AGENT"}
    )
    listed = await call(api, CLIENTS, token, id=owner)

    assert made["userErrors"] == []
    assert made["client"]["role"] == "PROVIDER_CASEWORKER"
    assert wrong["userErrors"] == [{"code": "ROLE_SCOPE_MISMATCH", "field": ["input", "role"]}]
    assert [c["id"] for c in listed] == [made["client"]["id"]]


# --- who may ----------------------------------------------------------------------------------


async def test_outsiders_see_and_change_nothing_and_foreign_ids_are_not_found(
    factory: Factory, api: httpx.AsyncClient, receiver: tuple[Receiver, str], allowed: Settings
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    other = await factory.user(Role.ORG_MANAGER, organisation=await factory.organisation())
    agent_of_w = w.agent
    token = (await login(api, w.manager))["accessToken"]
    created = await subscribe(api, token, w, url, "case_referred")
    hook.secret = created["secret"]
    sid = created["subscription"]["id"]
    delivery = (await call(api, PING, token, input={"id": sid}))["delivery"]
    made = await call(
        api,
        CREATE_CLIENT,
        token,
        input={"ownerId": gid("Organisation", w.organisation.id), "name": "C", "role": "ORG_AGENT"},
    )
    cid = made["client"]["id"]
    organisation = gid("Organisation", w.organisation.id)
    provider = gid("Provider", w.provider.id)

    for outsider in (other, agent_of_w):
        t = (await login(api, outsider))["accessToken"]
        for query, variables in (
            (PAUSE, {"id": sid}),
            (RESUME, {"id": sid}),
            (PING, {"id": sid}),
            (REDELIVER, {"id": delivery["id"]}),
            (ROTATE_CLIENT, {"id": cid}),
            (DISABLE_CLIENT, {"id": cid}),
            (CREATE_CLIENT, {"ownerId": organisation, "name": "Mine", "role": "ORG_AGENT"}),
            (CREATE_CLIENT, {"ownerId": provider, "name": "Mine", "role": "PROVIDER_CASEWORKER"}),
        ):
            answer = await call(api, query, t, input=variables)
            assert [e["code"] for e in answer["userErrors"]] == ["NOT_FOUND"], (outsider, query)
        assert await call(api, CLIENTS, t, id=organisation) == []
        assert await call(api, LIST, t, id=organisation) == []
        for hidden in (sid, delivery["id"], cid):
            body = await gql(api, "query Q($id: ID!) { node(id: $id) { id } }", {"id": hidden}, t)
            assert "errors" not in body.json()
            assert body.json()["data"]["node"] is None

    assert len(hook.verified) == 1  # only the manager's ping
    assert (await ServiceAccount.get(client_id=made["client"]["clientId"])).is_active


async def test_an_organisations_client_manages_its_own_subscriptions_only(
    factory: Factory, api: httpx.AsyncClient, receiver: tuple[Receiver, str]
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    elsewhere = await factory.organisation()
    machine = await factory.service_account(Role.ORG_AGENT, organisation=w.organisation)
    token = await client_token(api, machine.account.client_id, machine.client_secret)

    created = await subscribe(api, token, w, url, "case_referred")
    hook.secret = created["secret"]
    sid = created["subscription"]["id"]
    listed = await call(api, LIST, token, id=gid("Organisation", w.organisation.id))
    pinged = await call(api, PING, token, input={"id": sid})
    paused = await call(api, PAUSE, token, input={"id": sid})
    foreign = await call(
        api,
        CREATE,
        token,
        input={
            "organisationId": gid("Organisation", elsewhere.id),
            "url": url,
            "eventKinds": ["case_referred"],
        },
    )
    # A client never mints credentials, not even for its own organisation.
    minted = await call(
        api,
        CREATE_CLIENT,
        token,
        input={"ownerId": gid("Organisation", w.organisation.id), "name": "X", "role": "ORG_AGENT"},
    )

    assert [s["id"] for s in listed] == [sid]
    assert pinged["delivery"]["status"] == "DELIVERED"
    assert hook.refused == 0
    assert paused["subscription"]["active"] is False
    assert [e["code"] for e in foreign["userErrors"]] == ["NOT_FOUND"]
    assert [e["code"] for e in minted["userErrors"]] == ["NOT_FOUND"]


async def test_event_kinds_are_the_schemas_enum_and_the_stored_strings_still_work(
    factory: Factory, api: httpx.AsyncClient, receiver: tuple[Receiver, str]
) -> None:
    _, url = receiver
    w = await build_world(factory)
    token = (await login(api, w.manager))["accessToken"]
    organisation = gid("Organisation", w.organisation.id)
    kinds = "fragment S on WebhookSubscription { id kinds eventKinds }"
    create = kinds + CREATE.removeprefix(SUBSCRIPTION)
    update = (
        kinds
        + """
mutation M($input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(input: $input) { subscription { ...S } userErrors { code field } }
}"""
    )
    # Given: one subscription named by the enum, one by the deprecated stored strings
    by_enum = await call(
        api,
        create,
        token,
        input={"organisationId": organisation, "url": url, "kinds": ["CASE_REFERRED"]},
    )
    by_string = await call(
        api,
        create,
        token,
        input={"organisationId": organisation, "url": url, "eventKinds": ["offer_made"]},
    )
    both = await call(
        api,
        create,
        token,
        input={
            "organisationId": organisation,
            "url": url,
            "kinds": ["CASE_REFERRED"],
            "eventKinds": ["case_referred"],
        },
    )
    neither = await call(api, create, token, input={"organisationId": organisation, "url": url})
    changed = await call(
        api,
        update,
        token,
        input={"id": by_enum["subscription"]["id"], "kinds": ["CASE_CLOSED", "OFFER_MADE"]},
    )
    # Then both read back as the enum and as the stored strings; naming both, or neither, is
    # refused with the code of an unknown kind, and nothing is created
    assert by_enum["userErrors"] == []
    assert by_enum["subscription"]["kinds"] == ["CASE_REFERRED"]
    assert by_enum["subscription"]["eventKinds"] == ["case_referred"]
    assert by_string["subscription"]["kinds"] == ["OFFER_MADE"]
    assert [e["code"] for e in both["userErrors"]] == ["INVALID_EVENT_KIND"]
    assert [e["code"] for e in neither["userErrors"]] == ["INVALID_EVENT_KIND"]
    assert sorted(changed["subscription"]["kinds"]) == ["CASE_CLOSED", "OFFER_MADE"]
    listed = await call(api, LIST, token, id=organisation)
    assert len(listed) == 2
