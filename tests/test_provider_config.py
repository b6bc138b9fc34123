"""configureProviderAdapter: the provider's caseworkers (people) and admins choose its adapter;
bad URLs, private addresses and unknown adapters are refused with codes and change nothing;
secrets are shown once and never again, in GraphQL or in the logs."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Provider, Role
from portal.api.node import to_global_id
from portal.notifications import provider_config
from portal.settings import Settings
from tests.factories import Factory, actor_for, quick_world
from tests.test_api_support import call, refused_value, token_for

CONFIGURE = """
mutation C($input: ConfigureProviderAdapterInput!) {
  configureProviderAdapter(input: $input) {
    provider { slug adapter }
    outboundSecret inboundSecret
    userErrors { field code message }
  }
}
"""
READ = "query P($id: ID!) { node(id: $id) { ... on Provider { slug adapter } } }"


async def _configure(
    client: httpx.AsyncClient, token: str, provider: Provider, **input: Any
) -> dict[str, Any]:
    body = await call(
        client,
        token,
        CONFIGURE,
        {"input": {"providerId": to_global_id("Provider", provider.id), **input}},
    )
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["configureProviderAdapter"]
    return payload


async def _row(provider: Provider) -> tuple[str, ...]:
    row = await Provider.get(id=provider.id)
    return (
        row.adapter,
        row.endpoint_url,
        row.adapter_email,
        row.outbound_secret,
        row.inbound_secret,
    )


async def test_a_caseworker_connects_the_provider_by_email_and_sees_the_secrets_once(
    factory: Factory, app: Starlette, client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.caseworker)
    # Parley's own logs, at every level (Tortoise's DEBUG SQL log prints statement
    # parameters, secrets and password hashes alike: never run production at DEBUG).
    caplog.set_level(logging.DEBUG, logger="portal")

    done = await _configure(
        client, token, w.provider, adapter="EMAIL", email="Cases@Provider.example"
    )

    assert done["userErrors"] == []
    assert done["provider"]["adapter"] == "EMAIL"
    assert done["outboundSecret"].startswith("whsec_")
    assert done["inboundSecret"].startswith("whsec_")
    row = await Provider.get(id=w.provider.id)
    assert (row.adapter_email, row.outbound_secret) == (
        "cases@provider.example",
        done["outboundSecret"],
    )
    again = await _configure(client, token, w.provider, adapter="EMAIL")
    assert (again["outboundSecret"], again["inboundSecret"]) == (None, None)  # kept, not shown
    rotated = await _configure(client, token, w.provider, adapter="EMAIL", rotateSecrets=True)
    assert rotated["outboundSecret"] not in (None, done["outboundSecret"])
    read = await call(client, token, READ, {"id": to_global_id("Provider", w.provider.id)})
    assert read["data"]["node"] == {"slug": w.provider.slug, "adapter": "EMAIL"}
    assert done["outboundSecret"] not in caplog.text
    assert rotated["inboundSecret"] not in caplog.text


async def test_an_adapter_this_installation_lacks_is_refused_and_changes_nothing(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.caseworker)
    before = await _row(w.provider)
    provider = to_global_id("Provider", w.provider.id)
    await refused_value(
        client,
        token,
        CONFIGURE,
        {"input": {"providerId": provider, "adapter": "carrier-pigeon"}},
        "ProviderAdapterName",
    )
    assert await _row(w.provider) == before


@pytest.mark.parametrize(
    ("input", "field", "code"),
    [
        ({"adapter": "WEBHOOK"}, "endpointUrl", "REQUIRED"),
        (
            {"adapter": "WEBHOOK", "endpointUrl": "ftp://provider.example/x"},
            "endpointUrl",
            "INVALID_URL",
        ),
        (
            {"adapter": "WEBHOOK", "endpointUrl": "http://127.0.0.1:8100/parley"},
            "endpointUrl",
            "URL_NOT_ALLOWED",
        ),
        ({"adapter": "EMAIL", "email": "not an address"}, "email", "INVALID_EMAIL"),
        ({"adapter": "EMAIL"}, "email", "REQUIRED"),
    ],
)
async def test_bad_configurations_are_refused_with_codes_and_change_nothing(
    factory: Factory,
    app: Starlette,
    client: httpx.AsyncClient,
    input: dict[str, str],
    field: str,
    code: str,
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.caseworker)
    before = await _row(w.provider)

    done = await _configure(client, token, w.provider, **input)

    assert [(e["field"], e["code"]) for e in done["userErrors"]] == [(["input", field], code)]
    assert done["provider"] is None
    assert await _row(w.provider) == before


async def test_only_the_providers_caseworkers_and_admins_configure_it(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    before = await _row(w.provider)
    for user in (w.neutral, w.agent, w.complainant):
        done = await _configure(
            client, await token_for(app, user), w.provider, adapter="EMAIL", email="a@b.example"
        )
        assert [e["code"] for e in done["userErrors"]] == ["FORBIDDEN"]
    assert await _row(w.provider) == before
    admin = await Factory(factory.settings, passwords=False).user(Role.ADMIN)
    done = await _configure(
        client, await token_for(app, admin), w.provider, adapter="EMAIL", email="a@b.example"
    )
    assert done["userErrors"] == []


async def test_private_endpoints_are_allowed_only_with_the_setting(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    allowed = dataclasses.replace(settings, webhook_allow_private=True)
    done = await provider_config.configure_adapter(
        await actor_for(w.caseworker),
        allowed,
        w.provider.id,
        "webhook",
        endpoint_url="http://127.0.0.1:8100/parley",
    )
    assert (done.provider.adapter, done.provider.endpoint_url) == (
        "webhook",
        "http://127.0.0.1:8100/parley",
    )
