"""Issue 18, 6: the cost of every GraphQL response (requested and actual) in `extensions.cost`,
per-client rate limits in cost points with `RATE_LIMITED`, `Retry-After` and the IETF
`RateLimit` / `RateLimit-Policy` fields, on GraphQL and on the REST reports. The buckets'
clock is injected: restoring is shown without sleeping."""

from __future__ import annotations

import base64
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Role
from portal.api.node import to_global_id
from portal.app import create_app
from portal.cases.models import DisputeCase
from portal.settings import Settings, load_settings
from tests.factories import Factory, World, build_world, gql

POINTS = 100  # every bucket of this module's app
RESTORE = 10  # points a second
REPORT_COST = 40
GRAPHQL_RESPONSE = "application/graphql-response+json"

CASES = """
query Cases($first: Int) {
  cases(first: $first) { edges { node { id } } pageInfo { hasNextPage } }
}
"""
# `cases` 1, and per item of the page: `edges` 1, `node` 1, `pageInfo` 1 (an upper bound).
COST_PER_ITEM = 3


class Clock:
    """The buckets' clock: seconds, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def limited_settings(data_dir: Path, database_url: str) -> Settings:
    budgets: dict[str, Any] = {
        f"rate_limit_{who}_{what}": value
        for who in ("client", "person", "address")
        for what, value in (("points", POINTS), ("restore", RESTORE))
    }
    return load_settings(
        {},
        data_dir=str(data_dir),
        database_url=database_url,
        log_json=False,
        rate_limit_report_cost=REPORT_COST,
        **budgets,
    )


@pytest.fixture(scope="module")
def limited_app(limited_settings: Settings) -> Starlette:
    return create_app(limited_settings, manage_orm=False)


@pytest.fixture
def clock(limited_app: Starlette) -> Clock:
    limits = limited_app.state.rate_limits
    limits.clear()
    limits.clock = clock = Clock()
    return clock


@pytest.fixture
async def limited(
    limited_app: Starlette, db: str, clock: Clock
) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=limited_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def world(factory: Factory) -> World:
    w = await build_world(Factory(factory.settings, passwords=False))
    await w.new_case()
    await w.new_case()
    return w


async def person_token(app: Starlette, user: Any) -> str:
    tokens = await app.state.auth.start_session(user, method="password")
    return str(tokens.access_token)


async def client_token(client: httpx.AsyncClient, factory: Factory, world: World) -> str:
    new = await factory.service_account(Role.ORG_AGENT, organisation=world.organisation)
    secret = f"{new.account.client_id}:{new.client_secret}".encode()
    response = await client.post(
        "/oauth/token",
        content="grant_type=client_credentials",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Authorization": f"Basic {base64.b64encode(secret).decode()}",
        },
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def cost(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    extensions = body["extensions"]
    assert isinstance(extensions, dict)
    result: dict[str, Any] = extensions["cost"]
    return result


def rate_limit(response: httpx.Response) -> tuple[str, int, int]:
    """The `RateLimit` field: policy name, points left, seconds until full."""
    name, *params = response.headers["RateLimit"].split(";")
    values = dict(p.split("=") for p in params)
    return name.strip('"'), int(values["r"]), int(values["t"])


async def test_the_cost_is_requested_from_the_page_size_and_actual_from_what_came_back(
    limited: httpx.AsyncClient, limited_app: Starlette, world: World
) -> None:
    token = await person_token(limited_app, world.agent)

    response = await gql(limited, CASES, {"first": 10}, token=token)

    assert response.status_code == 200, response.text
    assert len(response.json()["data"]["cases"]["edges"]) == 2
    # Requested: `cases` 1 + 10 items of 3. Actual: `cases`, 2 edges with their node, pageInfo.
    assert cost(response) == {
        "requestedQueryCost": 1 + 10 * COST_PER_ITEM,
        "actualQueryCost": 1 + 2 * 2 + 1,
        "throttleStatus": {
            "maximumAvailable": POINTS,
            "currentlyAvailable": POINTS - 6,
            "restoreRate": RESTORE,
        },
    }
    assert response.headers["RateLimit-Policy"] == f'"person";q={POINTS};w={POINTS // RESTORE}'
    assert rate_limit(response) == ("person", POINTS - 6, 1)

    # Left out, `first` is the default page of 20; an alias and a fragment count the same.
    aliased = await gql(
        limited,
        "query { mine: cases { ...Page } } "
        "fragment Page on DisputeCaseConnection { edges { node { id } } }",
        token=token,
    )
    assert cost(aliased)["requestedQueryCost"] == 1 + 20 * 2
    assert cost(aliased)["actualQueryCost"] == 1 + 2 * 2


async def test_nodes_costs_one_per_id_asked_and_looked_up_null_or_not(
    limited: httpx.AsyncClient, limited_app: Starlette, world: World
) -> None:
    """Review of issue 18: `nodes` cost 1 whatever the number of ids, and the ids answered
    null cost nothing, so aliases of `nodes` over missing ids were lookups for free."""
    token = await person_token(limited_app, world.agent)
    [case] = await DisputeCase.filter(organisation_id=world.organisation.id).limit(1)
    found = to_global_id("DisputeCase", case.id)
    missing = [to_global_id("DisputeCase", uuid.uuid4()) for _ in range(29)]

    by_variable = await gql(
        limited,
        "query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        {"ids": [found, *missing]},
        token=token,
    )
    assert by_variable.status_code == 200, by_variable.text
    answered = by_variable.json()["data"]["nodes"]
    assert [n is None for n in answered] == [False] + [True] * 29
    # One per id asked; one per id looked up, the 29 null answers too.
    assert cost(by_variable)["requestedQueryCost"] == 30
    assert cost(by_variable)["actualQueryCost"] == 30
    assert cost(by_variable)["throttleStatus"]["currentlyAvailable"] == POINTS - 30

    # The same document with fewer ids costs fewer (its cost is not kept from the first).
    fewer = await gql(
        limited,
        "query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }",
        {"ids": missing[:3]},
        token=token,
    )
    assert (cost(fewer)["requestedQueryCost"], cost(fewer)["actualQueryCost"]) == (3, 3)

    # A list literal counts its items; aliases add up; what is selected counts per id.
    literal = ", ".join(f'"{i}"' for i in missing[:4])
    aliased = await gql(
        limited,
        f"query {{ a: nodes(ids: [{literal}]) {{ id }} "
        f"b: nodes(ids: [{literal}]) {{ ... on DisputeCase {{ organisation {{ id }} }} }} }}",
        token=token,
    )
    assert cost(aliased)["requestedQueryCost"] == 4 + 4 * 2
    assert cost(aliased)["actualQueryCost"] == 4 + 4


async def test_errors_carry_the_cost_too(
    limited: httpx.AsyncClient, limited_app: Starlette, world: World
) -> None:
    token = await person_token(limited_app, world.agent)

    invalid = await gql(limited, "{ cases { nothingHere } }", token=token)
    unparsable = await gql(limited, "{ cases {", token=token)

    assert invalid.status_code == 400
    assert cost(invalid)["actualQueryCost"] == 0
    assert cost(unparsable) == {
        "requestedQueryCost": 0,
        "actualQueryCost": 0,
        "throttleStatus": {
            "maximumAvailable": POINTS,
            # Every request takes at least one point.
            "currentlyAvailable": POINTS - 2,
            "restoreRate": RESTORE,
        },
    }
    assert "RateLimit" in unparsable.headers


async def test_an_exhausted_budget_is_refused_with_its_code_and_restored_over_time(
    limited: httpx.AsyncClient, limited_app: Starlette, world: World, clock: Clock
) -> None:
    token = await person_token(limited_app, world.agent)
    # 1 + 30 * 3 = 91 requested; 1 + 2 * 2 + 1 = 6 actual, so 94 are left.
    first = await gql(limited, CASES, {"first": 30}, token=token)
    assert cost(first)["throttleStatus"]["currentlyAvailable"] == POINTS - 6

    # 1 + 33 * 3 = 100 requested: the whole bucket, 6 points more than is left.
    refused = await gql(limited, CASES, {"first": 33}, token=token)

    assert refused.status_code == 429
    assert refused.headers["content-type"] == GRAPHQL_RESPONSE
    body = refused.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 1}
    assert refused.headers["Retry-After"] == "1"
    assert rate_limit(refused) == ("person", POINTS - 6, 1)
    assert cost(refused)["requestedQueryCost"] == 100
    assert cost(refused)["actualQueryCost"] == 0
    # A client that accepts only application/json gets the error with HTTP 200.
    legacy = await gql(limited, CASES, {"first": 33}, token=token, Accept="application/json")
    assert legacy.status_code == 200
    assert legacy.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"

    clock.now += 0.5  # 5 points back (the refusals took none): 99, still short
    assert (await gql(limited, CASES, {"first": 33}, token=token)).status_code == 429
    clock.now += 0.5
    restored = await gql(limited, CASES, {"first": 33}, token=token)
    assert restored.status_code == 200
    assert cost(restored)["throttleStatus"]["currentlyAvailable"] == POINTS - 6
    clock.now += 3600  # never more than the bucket holds
    again = await gql(limited, CASES, {"first": 1}, token=token)
    assert cost(again) == {
        "requestedQueryCost": 4,
        "actualQueryCost": 4,
        "throttleStatus": {
            "maximumAvailable": POINTS,
            "currentlyAvailable": POINTS - 4,
            "restoreRate": RESTORE,
        },
    }


async def test_each_client_person_and_address_has_its_own_budget(
    limited: httpx.AsyncClient, limited_app: Starlette, factory: Factory, world: World
) -> None:
    agent = await person_token(limited_app, world.agent)
    manager = await person_token(limited_app, world.manager)
    service = await client_token(limited, factory, world)
    # The agent spends some of the bucket, then is refused the whole of it.
    assert (await gql(limited, CASES, {"first": 30}, token=agent)).status_code == 200
    assert (await gql(limited, CASES, {"first": 33}, token=agent)).status_code == 429

    as_manager = await gql(limited, CASES, {"first": 33}, token=manager)
    as_client = await gql(limited, CASES, {"first": 33}, token=service)
    anonymous = await gql(limited, "{ uploadLimits { maxFileBytes } }")

    assert as_manager.status_code == 200
    assert rate_limit(as_manager)[0] == "person"
    assert as_client.status_code == 200, as_client.text
    assert rate_limit(as_client) == ("client", POINTS - 6, 1)
    assert as_client.headers["RateLimit-Policy"].startswith('"client";')
    assert anonymous.status_code == 200
    assert rate_limit(anonymous) == ("address", POINTS - 1, 1)


async def test_rest_reports_spend_the_same_budget_and_carry_the_fields(
    limited: httpx.AsyncClient, limited_app: Starlette, world: World, clock: Clock
) -> None:
    token = await person_token(limited_app, world.agent)
    auth = {"Authorization": f"Bearer {token}"}
    path = f"/reports/transparency/{world.provider.slug}.json?year=2026"

    first = await limited.get(path, headers=auth)
    second = await limited.get(path, headers=auth)
    refused = await limited.get(path, headers=auth)
    anonymous = await limited.get(path)

    assert first.status_code == 200, first.text
    assert first.headers["RateLimit-Policy"] == f'"person";q={POINTS};w={POINTS // RESTORE}'
    assert rate_limit(first) == ("person", POINTS - REPORT_COST, 4)
    assert rate_limit(second) == ("person", POINTS - 2 * REPORT_COST, 8)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "2"
    assert refused.json()["errors"][0]["extensions"] == {"code": "RATE_LIMITED", "retryAfter": 2}
    assert anonymous.status_code == 200
    assert rate_limit(anonymous) == ("address", POINTS - REPORT_COST, 4)
    # The budget is one: a GraphQL query now finds the points the reports left.
    after = await gql(limited, "{ viewer { kind } }", token=token)
    assert cost(after)["throttleStatus"]["currentlyAvailable"] == POINTS - 2 * REPORT_COST - 1
    clock.now += 2  # 19 + 20: one short
    assert (await limited.get(path, headers=auth)).status_code == 429
    clock.now += 0.1
    assert (await limited.get(path, headers=auth)).status_code == 200


async def test_the_budget_is_split_between_instances(data_dir: Path, database_url: str) -> None:
    settings = load_settings(
        {},
        data_dir=str(data_dir),
        database_url=database_url,
        rate_limit_person_points=30_000,
        rate_limit_person_restore=900,
        rate_limit_instances=3,
    )
    from portal.web.ratelimit import Partition, RateLimits

    budget = RateLimits(settings).budgets[Partition.PERSON]
    assert (budget.points, budget.restore) == (10_000, 300)


def test_the_actual_cost_counts_objects_along_the_document_not_json_content() -> None:
    from graphql import GraphQLSchema, parse

    from portal.api.documents import operation_of
    from portal.api.limits import Costs

    document = parse(
        "query { cases { edges { node { id payload ...More } } } viewer { kind } } "
        "fragment More on DisputeCase { parties: people { name } grid { cells { x } } }"
    )
    operation = operation_of(document, None)
    assert operation is not None
    data = {
        "cases": {
            "edges": [
                {
                    "node": {
                        "id": "1",
                        # A JSON scalar's content is not an object of the schema.
                        "payload": {"a": {"b": {}}},
                        "parties": [{"name": "x"}, None, {"name": "y"}],
                        "grid": [[{"cells": None}], [{"cells": {"x": 1}}]],
                    }
                },
                None,
            ]
        },
        "viewer": None,
    }
    costs = Costs(GraphQLSchema())

    # cases 1, one edge 1, its node 1, two parties, two grid items and one cells object.
    assert costs.actual(document, operation, data) == 1 + 1 + 1 + 2 + 2 + 1
    assert costs.actual(document, operation, {"cases": None, "viewer": None}) == 0
