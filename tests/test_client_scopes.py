"""Self-service for integration clients (issue 18, 4), against real parts only:

- OAuth scopes: chosen when a manager creates the client, asked for with `scope` at
  /oauth/token (a subset of the client's, `invalid_scope` otherwise), carried in the token and
  enforced by the policy: GraphQL answers INSUFFICIENT_SCOPE before any resolver runs, REST
  answers 403 with `WWW-Authenticate: Bearer error="insufficient_scope"` (RFC 6750 3.1);
- a client manages its own organisation's webhooks, reads the delivery log after a real
  delivery to a real HTTP receiver and redelivers, and finds a foreign organisation's missing;
- RFC 8414 metadata, read from the live server, with which authlib finds the token endpoint.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata

from portal.accounts.models import Role, ServiceAccount
from portal.app import create_app
from portal.auth.policy import Scope
from portal.complaints.models import Complaint
from portal.ids import global_id
from portal.notifications.models import WebhookSubscription
from portal.settings import Settings
from tests.factories import Factory, answer, build_world, gql, login
from tests.live_support import serving, subscribed
from tests.test_docs_examples import Live, exec_live_block, live
from tests.test_webhook_rotation import deliver
from tests.test_webhook_selfservice import (
    CREATE,
    CREATE_CLIENT,
    LIST,
    PING,
    REDELIVER,
    allowed,
    api,
    call,
)
from tests.test_webhooks import Receiver, receiver

__all__ = ["allowed", "api", "live", "receiver"]  # fixtures shared with the files above

RECORD = """
mutation R($input: RecordComplaintInput!) {
  recordComplaint(input: $input) { complaint { id } userErrors { code } }
}"""
CASES = "query { cases(first: 5) { edges { node { id } } } }"
LOG = """
query Q($id: ID!) {
  webhookSubscriptions(organisationId: $id) {
    id
    deliveries(first: 10) {
      edges { node { id webhookId eventKind status attemptCount lastStatusCode lastError
                     nextAttemptAt attempts { number responseStatus } } }
    }
  }
}"""


async def token(api: httpx.AsyncClient, client: Any, scope: str | None = None) -> httpx.Response:
    data = {"grant_type": "client_credentials", **({"scope": scope} if scope is not None else {})}
    return await api.post(
        "/oauth/token", data=data, auth=(client.account.client_id, client.client_secret)
    )


async def access(api: httpx.AsyncClient, client: Any, scope: str | None = None) -> str:
    response = await token(api, client, scope)
    assert response.status_code == 200, response.text
    issued: str = response.json()["access_token"]
    return issued


def record_input(organisation: str) -> dict[str, Any]:
    return {
        "organisationId": organisation,
        "complainantEmail": "caller@example.org",
        "complainantName": "Someone Calling",
        "channel": "PHONE",
        "subject": "Rude engineer",
        "description": "Told on the phone.",
    }


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


# --- the token endpoint --------------------------------------------------------------------


async def test_a_token_is_granted_the_scopes_asked_for_within_the_clients_own(
    factory: Factory, api: httpx.AsyncClient, settings: Settings
) -> None:
    client = await factory.service_account(scopes=[Scope.READ, Scope.WEBHOOKS])

    everything = await token(api, client)
    narrowed = await token(api, client, "webhooks")
    repeated = await token(api, client, "webhooks read webhooks")
    beyond = await token(api, client, "read write")
    unknown = await token(api, client, "profile")

    assert everything.json()["scope"] == "read webhooks"
    assert narrowed.json()["scope"] == "webhooks"
    assert repeated.json()["scope"] == "read webhooks"
    for refused in (beyond, unknown):
        assert refused.status_code == 400
        assert refused.json()["error"] == "invalid_scope"
        assert "read webhooks" in refused.json()["error_description"]
    claims = jwt.decode(narrowed.json()["access_token"], options={"verify_signature": False})
    assert claims["scope"] == "webhooks"


async def test_a_manager_chooses_the_scopes_and_existing_clients_hold_all_three(
    factory: Factory, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    manager = (await login(api, w.manager))["accessToken"]
    owner = global_id("Organisation", w.organisation.id)
    made = await call(
        api,
        CREATE_CLIENT.replace("previousSecretExpiresAt", "previousSecretExpiresAt scopes"),
        manager,
        input={"ownerId": owner, "name": "CRM", "role": "ORG_AGENT", "scopes": ["READ"]},
    )
    none = await call(
        api,
        CREATE_CLIENT,
        manager,
        input={"ownerId": owner, "name": "CRM", "role": "ORG_AGENT", "scopes": []},
    )
    default = await factory.service_account(organisation=w.organisation)

    assert made["client"]["scopes"] == ["READ"]
    assert (await ServiceAccount.get(client_id=made["client"]["clientId"])).scopes == "read"
    assert none["userErrors"] == [{"code": "REQUIRED", "field": ["input", "scopes"]}]
    assert default.account.scopes == "read write webhooks"


# --- enforcement ---------------------------------------------------------------------------


async def test_each_scope_opens_its_own_operations_and_nothing_else(
    factory: Factory, api: httpx.AsyncClient, receiver: tuple[Receiver, str]
) -> None:
    _, url = receiver
    w = await build_world(factory)
    client = await factory.service_account(Role.ORG_AGENT, organisation=w.organisation)
    organisation = global_id("Organisation", w.organisation.id)
    subscribe = {"organisationId": organisation, "url": url, "eventKinds": ["case_referred"]}
    reader, writer, hooks = [await access(api, client, s) for s in ("read", "write", "webhooks")]

    read_cases = (await gql(api, CASES, {}, reader)).json()
    read_hooks = (await gql(api, LIST, {"id": organisation}, reader)).json()
    read_writes = (await gql(api, RECORD, {"input": record_input(organisation)}, reader)).json()
    write_reads = (await gql(api, CASES, {}, writer)).json()
    write_hooks = (await gql(api, CREATE, {"input": subscribe}, writer)).json()
    hooks_writes = (await gql(api, RECORD, {"input": record_input(organisation)}, hooks)).json()
    hooks_hooks = (await gql(api, CREATE, {"input": subscribe}, hooks)).json()
    hooks_list = (await gql(api, LIST, {"id": organisation}, hooks)).json()
    mixed = (
        await gql(
            api,
            "mutation M($a: RecordComplaintInput!, $b: CreateWebhookSubscriptionInput!) {"
            " a: recordComplaint(input: $a) { userErrors { code } }"
            " b: createWebhookSubscription(input: $b) { userErrors { code } } }",
            {"a": record_input(organisation), "b": subscribe},
            writer,
        )
    ).json()
    recorded = (await gql(api, RECORD, {"input": record_input(organisation)}, writer)).json()

    assert "errors" not in read_cases
    for refused, scope in (
        (read_hooks, "webhooks"),
        (read_writes, "write"),
        (write_reads, "read"),
        (write_hooks, "webhooks"),
        (hooks_writes, "write"),
        (mixed, "webhooks"),
    ):
        assert "data" not in refused  # refused before execution (GraphQL spec 7.1.2)
        assert error_codes(refused) == ["INSUFFICIENT_SCOPE"]
        assert refused["errors"][0]["extensions"]["scope"] == scope
    assert hooks_hooks["data"]["createWebhookSubscription"]["userErrors"] == []
    assert [s["id"] for s in hooks_list["data"]["webhookSubscriptions"]] == [
        hooks_hooks["data"]["createWebhookSubscription"]["subscription"]["id"]
    ]
    # Refused operations ran no resolver: the mixed mutation recorded nothing either.
    assert recorded["data"]["recordComplaint"]["userErrors"] == []
    assert await Complaint.filter(organisation_id=w.organisation.id).count() == 1
    assert await WebhookSubscription.filter(organisation_id=w.organisation.id).count() == 1


async def test_people_hold_no_scopes_and_are_never_refused_for_one(
    factory: Factory, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    manager = (await login(api, w.manager))["accessToken"]
    organisation = global_id("Organisation", w.organisation.id)

    body = answer(await gql(api, LIST, {"id": organisation}, manager))

    assert body == {"data": {"webhookSubscriptions": []}}


async def test_a_rest_read_without_the_read_scope_is_403_insufficient_scope(
    factory: Factory, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    client = await factory.service_account(Role.ORG_MANAGER, organisation=w.organisation)
    path = (
        "/reports/management-review.json?organisation="
        + global_id("Organisation", w.organisation.id)
        + "&from=2026-01-01&until=2026-02-01"
    )

    refused = await api.get(
        path, headers={"Authorization": f"Bearer {await access(api, client, 'write')}"}
    )
    granted = await api.get(
        path, headers={"Authorization": f"Bearer {await access(api, client, 'read')}"}
    )

    assert refused.status_code == 403
    assert refused.headers["www-authenticate"] == (
        'Bearer realm="parley", error="insufficient_scope", scope="read"'
    )
    assert refused.json()["errors"][0]["extensions"] == {
        "code": "INSUFFICIENT_SCOPE",
        "scope": "read",
    }
    assert granted.status_code == 200, granted.text


# --- webhooks without a person -------------------------------------------------------------


async def test_a_client_reads_its_delivery_log_and_redelivers_and_a_foreign_one_is_missing(
    factory: Factory,
    allowed: Settings,
    api: httpx.AsyncClient,
    receiver: tuple[Receiver, str],
    tmp_path: Path,
) -> None:
    hook, url = receiver
    w = await build_world(factory)
    client = await factory.service_account(
        Role.ORG_AGENT, organisation=w.organisation, scopes=[Scope.WEBHOOKS]
    )
    elsewhere = await build_world(factory)
    foreign = await factory.service_account(Role.ORG_MANAGER, organisation=elsewhere.organisation)
    mine, theirs = await access(api, client), await access(api, foreign)
    organisation = global_id("Organisation", w.organisation.id)
    created = await call(
        api,
        CREATE,
        mine,
        input={"organisationId": organisation, "url": url, "eventKinds": ["case_referred"]},
    )
    hook.secret = created["secret"]
    sid = created["subscription"]["id"]

    hook.answer = 410  # gone: a permanent failure, for the client to redeliver
    await w.new_case()
    await deliver(allowed, tmp_path)
    [listed] = await call(api, LOG, mine, id=organisation)
    [failed] = [e["node"] for e in listed["deliveries"]["edges"]]
    hook.answer = 204
    redelivered = await call(api, REDELIVER, mine, input={"id": failed["id"]})
    await deliver(allowed, tmp_path)
    [after] = [
        e["node"] for e in (await call(api, LOG, mine, id=organisation))[0]["deliveries"]["edges"]
    ]

    assert listed["id"] == sid
    assert failed["eventKind"] == "case_referred"
    assert (failed["status"], failed["attemptCount"], failed["lastStatusCode"]) == (
        "DEAD",
        1,
        410,
    )
    assert failed["lastError"] == "HTTP 410"
    assert redelivered["userErrors"] == []
    assert (after["status"], after["attemptCount"], after["lastStatusCode"]) == (
        "DELIVERED",
        1,
        204,
    )
    assert after["webhookId"] == failed["webhookId"] == hook.ids[-1]
    assert [a["responseStatus"] for a in after["attempts"]] == [204, 410]

    # Another organisation's client: the subscription and its deliveries are not there.
    assert await call(api, LOG, theirs, id=organisation) == []
    for query, variables in ((PING, {"id": sid}), (REDELIVER, {"id": failed["id"]})):
        answer = await call(api, query, theirs, input=variables)
        assert [e["code"] for e in answer["userErrors"]] == ["NOT_FOUND"]
    for hidden in (sid, failed["id"]):
        body = (
            await gql(api, "query Q($id: ID!) { node(id: $id) { id } }", {"id": hidden}, theirs)
        ).json()
        assert "errors" not in body
        assert body["data"]["node"] is None


# --- discovery ------------------------------------------------------------------------------


async def test_the_metadata_document_names_the_live_endpoints_and_authlib_gets_a_token(
    live: Live, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = await build_world(factory)
    client = await factory.service_account(Role.ORG_AGENT, organisation=w.organisation)

    response = await live.http.get("/.well-known/oauth-authorization-server")
    metadata = AuthorizationServerMetadata(response.json())
    metadata.validate()  # RFC 8414 2, as authlib reads it
    jwks = await live.http.get(metadata["jwks_uri"])
    client_token = exec_live_block("discover", monkeypatch, live.base)["client_token"]
    issued = await asyncio.to_thread(
        client_token, client.account.client_id, client.client_secret, "read"
    )
    viewer = await live.http.post(
        "/graphql",
        json={"query": "{ viewer { kind } }"},
        headers={"Authorization": f"Bearer {issued['access_token']}"},
    )
    refusal = await live.http.post(
        metadata["revocation_endpoint"], data={"token": issued["access_token"]}
    )

    assert response.status_code == 200
    assert metadata["issuer"] == live.base
    assert metadata["token_endpoint"] == f"{live.base}/oauth/token"
    assert metadata["revocation_endpoint"] == f"{live.base}/oauth/revoke"
    assert metadata["scopes_supported"] == ["read", "write", "webhooks"]
    assert metadata["grant_types_supported"] == ["client_credentials", "refresh_token"]
    assert set(metadata["token_endpoint_auth_methods_supported"]) == {
        "client_secret_basic",
        "client_secret_post",
    }
    assert jwks.status_code == 200
    assert jwks.json()["keys"]
    assert issued["scope"] == "read"
    assert viewer.json()["data"]["viewer"]["kind"] == "SERVICE_ACCOUNT"
    assert refusal.status_code == 400
    assert refusal.json()["error"] == "unsupported_token_type"


async def test_the_guides_revocation_ends_the_sign_in_of_the_refresh_token(
    live: Live, factory: Factory, tmp_path: Path
) -> None:
    w = await build_world(factory)
    signed = await login(live.http, w.manager)

    answer = await live.shell("revoke", tmp_path, REFRESH_TOKEN=signed["refreshToken"])
    viewer = await gql(live.http, "{ viewer { kind } }", {}, signed["accessToken"])
    refreshed = await live.http.post(
        "/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": signed["refreshToken"]},
    )

    assert answer == 200  # the block prints the status code
    assert error_codes(viewer.json()) == ["UNAUTHENTICATED"]
    assert refreshed.json()["error"] == "invalid_grant"


async def test_a_live_subscription_without_the_read_scope_is_refused(
    factory: Factory, allowed: Settings, api: httpx.AsyncClient
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    client = await factory.service_account(Role.ORG_AGENT, organisation=w.organisation)
    writer, reader = await access(api, client, "write"), await access(api, client, "read")
    app = create_app(allowed, manage_orm=False)

    async with serving(app) as url:
        async with subscribed(url, writer, global_id("DisputeCase", case.id), 0) as sock:
            refused = await sock.receive()
        async with subscribed(url, reader, global_id("DisputeCase", case.id), 0) as sock:
            granted = await sock.receive()

    assert refused["type"] == "next"
    assert refused["payload"]["data"] is None
    assert [e["extensions"] for e in refused["payload"]["errors"]] == [
        {"code": "INSUFFICIENT_SCOPE", "scope": "read", "fields": ["caseEvents"]}
    ]
    assert granted["type"] == "next"
    assert "errors" not in granted["payload"]
