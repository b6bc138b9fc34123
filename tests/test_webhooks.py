"""Organisation webhooks: managed over GraphQL by the organisation's managers, delivered to a
real HTTP receiver (uvicorn) that verifies every delivery with the `standardwebhooks`
reference library, holding only ids and only events the organisation may see."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import uvicorn
from standardwebhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.api.node import to_global_id
from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import CaseRole
from portal.notifications import services
from portal.notifications.models import OutboxMessage, OutboxStatus, WebhookSubscription
from portal.notifications.webhooks import UrlRefused, check_url
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests.factories import Factory, actor_for, build_world, deliver_all, gql, login

CREATE = """
mutation Create($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) {
    subscription { id url eventKinds active }
    secret
    userErrors { field code message }
  }
}
"""


@dataclass
class Receiver:
    secret: str = ""
    verified: list[dict[str, Any]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    refused: int = 0
    answer: int = 204

    async def endpoint(self, request: Request) -> Response:
        body = await request.body()
        try:
            payload = Webhook(self.secret).verify(body, dict(request.headers))
        except Exception:
            self.refused += 1
            return Response(status_code=400)
        self.verified.append(payload)
        self.ids.append(request.headers["webhook-id"])
        return Response(status_code=self.answer)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    hook = Receiver()
    app = Starlette(routes=[Route("/hooks", hook.endpoint, methods=["POST"])])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no event for it)
        await asyncio.sleep(0.01)
    try:
        yield hook, f"http://127.0.0.1:{port}/hooks"
    finally:
        server.should_exit = True
        await task
        sock.close()


DOCUMENT = uuid.UUID("5d0b7b56-0a39-4b73-b1c8-4c3e6f9a2d20")


async def _event(case: DisputeCase, kind: EventKind, visibility: Visibility) -> None:
    row = await DisputeCase.get(id=case.id)
    await record(
        row,
        kind,
        at=datetime.now(UTC),
        actor_id=None,
        actor_role=CaseRole.ORGANISATION.value,
        payload={
            "document_id": str(DOCUMENT),
            "lineage_id": str(DOCUMENT),
            "version": 1,
            "filename": "secret.pdf",
            "sha256": "0" * 64,
            "size": 12,
            "content_type": "application/pdf",
            "note": "private words",  # no field of the kind: never published
        },
        visibility=visibility,
    )
    await row.save(update_fields=["last_sequence", "head_hash"])


async def test_deliveries_verify_with_standardwebhooks_and_hold_only_what_the_org_may_see(
    factory: Factory, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    allowed = dataclasses.replace(settings, webhook_allow_private=True)
    subscription = await services.create_subscription(
        await actor_for(w.manager),
        allowed,
        w.organisation.id,
        url,
        [EventKind.CASE_ACCEPTED.value, EventKind.DOCUMENT_UPLOADED.value],
    )
    hook.secret = subscription.secret
    case = await w.new_case()  # case_referred: not subscribed
    await w.act(w.caseworker, case, Action.ACCEPT)
    await _event(case, EventKind.DOCUMENT_UPLOADED, Visibility.ORGANISATION_INTERNAL)
    await _event(case, EventKind.DOCUMENT_UPLOADED, Visibility.CAUCUS_COMPLAINANT)  # not theirs

    await deliver_all(Worker(allowed))

    assert hook.refused == 0
    # A batch is delivered concurrently: receivers order by the event's sequence.
    verified = sorted(hook.verified, key=lambda p: p["data"]["event"]["sequence"])
    assert [p["type"] for p in verified] == ["case_accepted", "document_uploaded"]
    document = verified[1]["data"]
    assert document["case"] == {
        "id": to_global_id("DisputeCase", case.id),
        "reference": case.reference,
    }
    assert document["event"]["payload"]["documentId"] == to_global_id("Document", DOCUMENT)
    assert document["event"]["visibility"] == "ORGANISATION_INTERNAL"
    assert "secret.pdf" not in json.dumps(hook.verified)
    assert "private words" not in json.dumps(hook.verified)
    rows = await OutboxMessage.filter(channel="webhook").order_by("created_at")
    assert sorted(hook.ids) == sorted(str(r.id) for r in rows)
    assert {r.status for r in rows} == {OutboxStatus.DELIVERED}


async def test_a_refused_delivery_is_retried_with_the_same_id_and_a_4xx_is_a_dead_letter(
    factory: Factory, settings: Settings, receiver: tuple[Receiver, str]
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    allowed = dataclasses.replace(
        settings, webhook_allow_private=True, outbox_retry_schedule=(0.02, 0.05)
    )
    subscription = await services.create_subscription(
        await actor_for(w.manager), allowed, w.organisation.id, url, ["case_referred"]
    )
    hook.secret = subscription.secret
    hook.answer = 503
    await w.new_case()
    worker = Worker(allowed)
    await worker.deliver_due()
    hook.answer = 200
    await deliver_all(worker)

    hook.answer = 410
    await w.new_case()
    await deliver_all(worker)

    rows = await OutboxMessage.filter(channel="webhook").order_by("created_at")
    assert [r.status for r in rows] == [OutboxStatus.DELIVERED, OutboxStatus.DEAD]
    assert hook.ids[:2] == [str(rows[0].id), str(rows[0].id)]  # the retry: the same webhook-id
    assert rows[1].last_error == "HTTP 410"


async def test_private_and_loopback_urls_are_refused_unless_allowed(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await build_world(factory)
    token = (await login(client, w.manager))["accessToken"]
    base = {"organisationId": to_global_id("Organisation", w.organisation.id)}

    answers = []
    for url in ("http://127.0.0.1:9/h", "http://10.1.2.3/h", "http://[::1]/h", "ftp://x.org/h"):
        body = (
            await gql(
                client,
                CREATE,
                {"input": {**base, "url": url, "eventKinds": ["case_referred"]}},
                token,
            )
        ).json()
        answers.append([e["code"] for e in body["data"]["createWebhookSubscription"]["userErrors"]])
    unknown = (
        await gql(
            client,
            CREATE,
            {"input": {**base, "url": "https://example.org/h", "eventKinds": ["bogus"]}},
            token,
        )
    ).json()

    assert answers == [
        ["URL_NOT_ALLOWED"],
        ["URL_NOT_ALLOWED"],
        ["URL_NOT_ALLOWED"],
        ["INVALID_URL"],
    ]
    assert (
        unknown["data"]["createWebhookSubscription"]["userErrors"][0]["code"]
        == "INVALID_EVENT_KIND"
    )
    assert await WebhookSubscription.all().count() == 0
    with pytest.raises(UrlRefused):
        await check_url("http://169.254.169.254/latest", allow_private=False)
    await check_url("http://127.0.0.1:9/h", allow_private=True)


async def test_only_the_organisations_managers_manage_its_webhooks(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await build_world(factory)
    other = await build_world(factory)
    variables = {
        "input": {
            "organisationId": to_global_id("Organisation", w.organisation.id),
            "url": "https://93.184.215.14/hooks",
            "eventKinds": ["case_referred"],
        }
    }
    agent = (await login(client, w.agent))["accessToken"]
    foreign = (await login(client, other.manager))["accessToken"]

    refused = [
        (await gql(client, CREATE, variables, token)).json()["data"]["createWebhookSubscription"]
        for token in (agent, foreign)
    ]

    assert [r["userErrors"][0]["code"] for r in refused] == ["NOT_FOUND", "NOT_FOUND"]
    assert [r["subscription"] for r in refused] == [None, None]
    assert await WebhookSubscription.all().count() == 0

    manager = (await login(client, w.manager))["accessToken"]
    created = (await gql(client, CREATE, variables, manager)).json()["data"][
        "createWebhookSubscription"
    ]
    assert created["userErrors"] == []
    assert created["secret"].startswith("whsec_")
    assert created["subscription"]["eventKinds"] == ["case_referred"]


UPDATE = """
mutation Update($input: UpdateWebhookSubscriptionInput!) {
  updateWebhookSubscription(input: $input) {
    subscription { active eventKinds } secret userErrors { code }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) {
  deleteWebhookSubscription(input: {id: $id}) { deleted userErrors { code } }
}
"""


async def test_a_manager_pauses_rotates_and_deletes_a_subscription(
    client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    w = await build_world(factory)
    row = await services.create_subscription(
        await actor_for(w.manager),
        dataclasses.replace(settings, webhook_allow_private=True),
        w.organisation.id,
        "http://127.0.0.1:9/h",
        ["case_referred"],
    )
    gid = to_global_id("WebhookSubscription", row.id)
    manager = (await login(client, w.manager))["accessToken"]
    agent = (await login(client, w.agent))["accessToken"]

    foreign = (await gql(client, DELETE, {"id": gid}, agent)).json()["data"]
    still = await WebhookSubscription.get(id=row.id)
    paused = (
        await gql(
            client,
            UPDATE,
            {"input": {"id": gid, "active": False, "rotateSecret": True}},
            manager,
        )
    ).json()["data"]["updateWebhookSubscription"]
    await w.new_case()  # a paused subscription's events are held, not sent
    held = await OutboxMessage.filter(channel="webhook").values_list("status", flat=True)
    deleted = (await gql(client, DELETE, {"id": gid}, manager)).json()["data"]

    assert foreign["deleteWebhookSubscription"] == {
        "deleted": False,
        "userErrors": [{"code": "NOT_FOUND"}],
    }
    assert still.secret == row.secret
    assert paused["subscription"] == {"active": False, "eventKinds": ["case_referred"]}
    assert paused["secret"].startswith("whsec_")
    assert paused["secret"] != row.secret
    assert held == [OutboxStatus.HELD]
    assert deleted["deleteWebhookSubscription"] == {"deleted": True, "userErrors": []}
    # What was held for a removed subscription can never go: a dead letter, said why.
    gone = await OutboxMessage.get(channel="webhook")
    assert (gone.status, gone.last_error) == (OutboxStatus.DEAD, "the subscription was removed")
    assert await WebhookSubscription.all().count() == 0
