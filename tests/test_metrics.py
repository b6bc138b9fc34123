"""`/metrics` (issue 17, 6): scraped from a real server after some requests, parsed with
prometheus_client's own parser. Behind its bearer token, off without one, and without a label
that names a person, a case or a client's free text."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample
from starlette.applications import Starlette

from portal.app import create_app
from portal.metrics import registered_operations
from portal.notifications.models import Channel, OutboxMessage, OutboxStatus
from portal.settings import Settings
from portal.timeline.live import feed
from tests.factories import Factory, quick_world
from tests.live_support import serving, subscribed
from tests.sql_statements import statements
from tests.test_api_support import case_id, token_for

TOKEN = "metrics-" + "t" * 40
CASES = "query Cases($first: Int) { cases(first: $first) { edges { node { id reference } } } }"


@pytest.fixture
async def metered(settings: Settings, db: str) -> AsyncIterator[tuple[Starlette, str]]:
    """An app with /metrics on, under uvicorn on a free port; its base URL."""
    app = create_app(dataclasses.replace(settings, metrics_token=TOKEN), manage_orm=False)
    async with serving(app) as ws_url:
        yield app, ws_url.replace("ws://", "http://").removesuffix("/graphql")


async def subscribed_once() -> None:
    while feed.subscribers() < 1:  # noqa: ASYNC110 (the subscription starts in the server)
        await asyncio.sleep(0.01)


def samples(text: str) -> dict[str, list[Sample]]:
    found: dict[str, list[Sample]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append(sample)
    return found


def value(found: dict[str, list[Sample]], name: str, **labels: str) -> float:
    matching = [
        s.value for s in found.get(name, []) if all(s.labels.get(k) == v for k, v in labels.items())
    ]
    assert matching, (name, labels, [s.labels for s in found.get(name, [])])
    return float(sum(matching))


async def scrape(client: httpx.AsyncClient) -> dict[str, list[Sample]]:
    response = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return samples(response.text)


async def test_a_scrape_after_some_requests_counts_them(
    metered: tuple[Starlette, str], factory: Factory
) -> None:
    app, base = metered
    w = await quick_world(factory)
    case = await w.new_case()
    await w.new_case()
    token = await token_for(app, w.agent)
    headers = {"Authorization": f"Bearer {token}"}
    now = datetime.now(UTC)
    await OutboxMessage.all().delete()  # the cases' own mail: these rows are the figures
    for status, channel, age in [
        (OutboxStatus.PENDING, Channel.EMAIL, 600),
        (OutboxStatus.PENDING, Channel.EMAIL, 60),
        (OutboxStatus.CLAIMED, Channel.WEBHOOK, 30),
        (OutboxStatus.DEAD, Channel.EMAIL, 9000),
        (OutboxStatus.DELIVERED, Channel.EMAIL, 9000),
    ]:
        await OutboxMessage.create(
            id=uuid.uuid4(),
            channel=channel,
            kind="case_referred",
            recipient="someone@example.org",
            status=status,
            next_attempt_at=now,
            created_at=now - timedelta(seconds=age),
        )

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        before = await scrape(client)
        with statements() as sql:
            ok = await client.post(
                "/graphql",
                json={"query": CASES, "variables": {"first": 5}, "operationName": "Cases"},
                headers=headers,
            )
        assert ok.status_code == 200
        assert "errors" not in ok.json()
        sent = len(sql)
        # A coded error the client can act on, and a name that is not the web portal's.
        missing = await client.post(
            "/graphql",
            json={"query": "query Secret_alice_example_org { cases(first: 1000) { totalCount } }"},
            headers=headers,
        )
        assert missing.json()["errors"]
        refused = await client.post(
            "/graphql", content=b"{", headers={**headers, "Content-Type": "application/json"}
        )
        assert refused.status_code == 400
        assert (await client.get("/healthz")).status_code == 200
        # The IDE's page (development) runs no operation: no GraphQL figure.
        ide = await client.get("/graphql", headers={"Accept": "text/html"})
        assert ide.status_code == 200
        async with subscribed(f"{base.replace('http', 'ws')}/graphql", token, case_id(case)):
            await asyncio.wait_for(subscribed_once(), 10)
            found = await scrape(client)

    def grew(name: str, **labels: str) -> float:
        return value(found, name, **labels) - (
            value(before, name, **labels)
            if any(
                all(s.labels.get(k) == v for k, v in labels.items()) for s in before.get(name, [])
            )
            else 0
        )

    executor = {"executor": "interpreted"}
    assert grew("parley_graphql_operations_total", operation="Cases", outcome="ok", **executor) == 1
    assert grew("parley_graphql_operations_total", operation="other", outcome="user_error") == 1
    assert grew("parley_graphql_operations_total", operation="(refused)", outcome="user_error") == 1
    assert grew("parley_http_requests_total", route="graphql", status="2xx") == 3  # with the IDE
    assert grew("parley_graphql_request_duration_seconds_count", operation="Cases", **executor) == 1
    # The statements the request sent, as the database client's log counts them.
    assert grew("parley_graphql_request_sql_statements_sum", operation="Cases", **executor) == sent
    assert sent >= 2
    assert grew("parley_http_requests_total", route="healthz", status="2xx") == 1
    assert grew("parley_http_requests_total", route="graphql", status="4xx") == 1
    assert value(found, "parley_live_subscribers") == 1
    assert value(found, "parley_outbox_messages", channel="email", status="pending") == 2
    assert value(found, "parley_outbox_messages", channel="webhook", status="claimed") == 1
    assert value(found, "parley_outbox_messages", channel="provider", status="held") == 0
    assert value(found, "parley_outbox_dead_letters", channel="email") == 1
    assert 590 <= value(found, "parley_outbox_oldest_message_age_seconds", channel="email") < 900
    assert value(found, "parley_outbox_oldest_message_age_seconds", channel="provider") == 0
    assert value(found, "parley_metrics_database_read") == 1
    assert value(found, "process_resident_memory_bytes") > 0

    # Nothing of a person, a case or the client's free text in any label.
    labels = {v for series in found.values() for s in series for v in s.labels.values()}
    for secret in (w.agent.email, str(w.agent.id), str(case.id), case.reference, "alice"):
        assert not any(secret in label for label in labels), secret
    operations = {s.labels["operation"] for s in found["parley_graphql_operations_total"]}
    assert operations <= registered_operations() | {"other", "anonymous", "(refused)", "(batch)"}


async def test_metrics_need_the_token_and_are_off_without_one(
    metered: tuple[Starlette, str], client: httpx.AsyncClient
) -> None:
    _, base = metered
    async with httpx.AsyncClient(base_url=base) as http:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
            refused = await http.get("/metrics", headers=headers)
            assert refused.status_code == 401
            assert "parley_" not in refused.text
    # The tests' own app has no token set: no /metrics at all.
    assert (await client.get("/metrics")).status_code == 404
    assert (
        await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    ).status_code == 404


def test_the_web_portals_operations_are_the_names_counted() -> None:
    assert {"Cases", "CasePage", "CaseTimeline"} <= registered_operations()
