"""Request limits, each refused before execution with its own code, at the numbers in settings;
and the IDE and introspection, on in development and off in production."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from graphql import get_introspection_query
from starlette.applications import Starlette

from portal.accounts.models import LoginFailure, Session
from portal.app import create_app
from portal.lengths import plain_size
from portal.settings import Settings, load_settings
from tests.factories import PASSWORD, Factory, answer, gql
from tests.production import production_settings

# Small limits keep the documents short enough to read.
MAX_DEPTH = 3
MAX_ALIASES = 4
MAX_TOKENS = 60
MAX_BATCH = 2
MAX_COST = 500
MAX_BYTES = 2048

GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture(scope="module")
def small_settings(data_dir: Path, database_url: str) -> Settings:
    return load_settings(
        {},
        data_dir=str(data_dir),
        database_url=database_url,
        log_json=False,
        graphql_max_depth=MAX_DEPTH,
        graphql_max_aliases=MAX_ALIASES,
        graphql_max_tokens=MAX_TOKENS,
        graphql_max_batch=MAX_BATCH,
        graphql_max_cost=MAX_COST,
        max_request_bytes=MAX_BYTES,
    )


@pytest.fixture(scope="module")
def small_app(small_settings: Settings) -> Starlette:
    return create_app(small_settings, manage_orm=False)


async def _client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
async def small(small_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(small_app):
        yield c


@pytest.fixture(scope="module")
def production_app(data_dir: Path, database_url: str) -> Starlette:
    settings = production_settings(str(data_dir), database_url)
    return create_app(settings, manage_orm=False)


@pytest.fixture
async def production(production_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    async for c in _client(production_app):
        yield c


def refused(response: httpx.Response, status: int) -> list[str]:
    """Assert a refusal before execution (no `data` entry); return the error codes."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    body = response.json()
    assert "data" not in body, body
    assert all(isinstance(e["message"], str) and e["message"] for e in body["errors"])
    return [e["extensions"]["code"] for e in body["errors"]]


def failed_login(alias: str = "") -> str:
    """A login that, were it executed, would leave a LoginFailure row behind."""
    prefix = f"{alias}: " if alias else ""
    return (
        f'{prefix}login(input: {{email: "nobody@example.org", password: "wrong-password"}})'
        " { accessToken }"
    )


async def token_for(app: Starlette, factory: Factory) -> str:
    user = await factory.user()
    tokens = await app.state.auth.start_session(user, method="password")
    return str(tokens.access_token)


# --- depth -------------------------------------------------------------------------------------


async def test_depth_limit_comes_from_settings_and_refuses_before_execution(
    small: httpx.AsyncClient, small_app: Starlette, factory: Factory
) -> None:
    token = await token_for(small_app, factory)
    at_limit = "{ viewer { user { memberships { role } } } }"  # depth 3
    over_limit = "{ viewer { user { memberships { organisation { name } } } } }"  # depth 4
    user = await factory.user(email="depth@example.org")
    # depth 5, and executing it would open a session
    deep_login = (
        'mutation { login(input: {email: "depth@example.org", password: "' + PASSWORD + '"}) '
        "{ viewer { user { memberships { organisation { name } } } } } }"
    )

    ok = await gql(small, at_limit, token=token)
    too_deep = await gql(small, over_limit, token=token)
    mutation = await gql(small, deep_login)

    assert ok.status_code == 200
    assert answer(ok) == {"data": {"viewer": {"user": {"memberships": []}}}}
    assert refused(too_deep, 400) == ["DEPTH_LIMIT_EXCEEDED"]
    assert f"depth of {MAX_DEPTH}" in too_deep.json()["errors"][0]["message"]
    assert refused(mutation, 400) == ["DEPTH_LIMIT_EXCEEDED"]
    assert await Session.filter(user_id=user.id).count() == 0


async def test_depth_counts_through_fragments(
    small: httpx.AsyncClient, small_app: Starlette, factory: Factory
) -> None:
    token = await token_for(small_app, factory)
    query = """
    { viewer { ...V } }
    fragment V on Viewer { user { ...U } }
    fragment U on User { memberships { ... on Membership { organisation { name } } } }
    """

    response = await gql(small, query, token=token)

    assert refused(response, 400) == ["DEPTH_LIMIT_EXCEEDED"]


# --- aliases -----------------------------------------------------------------------------------


async def test_alias_limit_comes_from_settings(small: httpx.AsyncClient) -> None:
    at_limit = "{ a: __typename b: __typename c: __typename d: __typename }"
    over_limit = "{ a: __typename b: __typename c: __typename d: __typename e: __typename }"

    ok = await gql(small, at_limit)
    too_many = await gql(small, over_limit)

    assert answer(ok) == {"data": {"a": "Query", "b": "Query", "c": "Query", "d": "Query"}}
    assert refused(too_many, 400) == ["ALIAS_LIMIT_EXCEEDED"]
    assert f"Allowed: {MAX_ALIASES}" in too_many.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(
            "{ ...F } fragment F on Query "
            "{ a: __typename b: __typename c: __typename d: __typename e: __typename }",
            id="in-a-fragment",
        ),
        pytest.param(
            "{ a: __typename ...F } fragment F on Query { b: __typename ...G } "
            "fragment G on Query { c: __typename ... on Query { d: __typename e: __typename } }",
            id="in-nested-fragments",
        ),
        pytest.param(
            "{ ...F x: __typename ...F } fragment F on Query { a: __typename b: __typename }",
            id="a-fragment-counted-at-every-spread",
        ),
        pytest.param(
            "{ ...F } fragment F on Query { ...G ...G } fragment G on Query { ...H ...H } "
            "fragment H on Query { a: __typename b: __typename }",
            id="spreads-multiplying",
        ),
    ],
)
async def test_aliases_hidden_in_fragments_are_counted(
    small: httpx.AsyncClient, query: str
) -> None:
    response = await gql(small, query)

    assert refused(response, 400) == ["ALIAS_LIMIT_EXCEEDED"]


async def test_aliased_mutations_over_the_default_limit_run_none(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    limit = settings.graphql_max_aliases
    assert limit == 30  # the documented default
    logins = [failed_login(f"l{i}") for i in range(limit + 1)]

    at_limit = await gql(client, "{ " + " ".join(f"a{i}: __typename" for i in range(limit)) + " }")
    response = await gql(client, "mutation { " + " ".join(logins) + " }")

    assert at_limit.status_code == 200
    assert len(at_limit.json()["data"]) == limit
    assert refused(response, 400) == ["ALIAS_LIMIT_EXCEEDED"]
    assert await LoginFailure.all().count() == 0


# --- cost --------------------------------------------------------------------------------------

# Cases, each with its timeline: every case page multiplies the events below it.
NESTED_PAGES = (
    "query Nested{vars} {{ cases(first: {cases}) {{ edges {{ node {{ id "
    "timeline(first: {events}) {{ edges {{ node {{ sequence kind }} }} }} }} }} }} }}"
)


def nested(cases: str, events: str, variables: str = "") -> str:
    return NESTED_PAGES.format(cases=cases, events=events, vars=variables)


async def test_nested_pages_over_the_cost_limit_are_refused_with_the_estimate(
    client: httpx.AsyncClient, settings: Settings, factory: Factory, app: Starlette
) -> None:
    assert settings.graphql_max_cost == 10_000  # the documented default
    token = await token_for(app, factory)
    # 1 (cases) + 100 x (edges, node, timeline: 3 + 100 x (edges, node: 2)) = 20,301
    too_costly = await gql(client, nested("100", "100"), token=token)
    # 1 + 40 x (3 + 100 x 2) = 8,121
    within = await gql(client, nested("40", "100"), token=token)

    assert refused(too_costly, 400) == ["COST_LIMIT_EXCEEDED"]
    error = too_costly.json()["errors"][0]
    assert error["extensions"] == {
        "code": "COST_LIMIT_EXCEEDED",
        "cost": 20_301,
        "maxCost": 10_000,
    }
    assert "Allowed: 10000" in error["message"]
    assert within.status_code == 200, within.text
    assert answer(within) == {"data": {"cases": {"edges": []}}}


@pytest.mark.parametrize(
    ("query", "cost"),
    [
        # A variable counts at its declared default, or as the largest page without one.
        pytest.param(nested("$n", "$m", "($n: Int = 40, $m: Int = 100)"), 8_121, id="defaults"),
        pytest.param(nested("$n", "100", "($n: Int)"), 20_301, id="no-default"),
        # Left out, `first` is the default page (20): 1 + 20 x (3 + 20 x 2) = 861.
        pytest.param(
            "{ cases { edges { node { id timeline { edges { node { kind } } } } } } }",
            861,
            id="default-page",
        ),
        # Through fragments, each counted at every spread.
        pytest.param(
            "{ ...Cases ...Cases } fragment Cases on Query { cases(first: 100) "
            "{ edges { node { ...Events } } } } "
            "fragment Events on Case { timeline(first: 50) { edges { node { kind } } } }",
            2 * (1 + 100 * (2 + 1 + 50 * 2)),
            id="fragments",
        ),
    ],
)
async def test_cost_is_read_through_variables_defaults_and_fragments(
    small: httpx.AsyncClient, query: str, cost: int
) -> None:
    # MAX_COST is below every estimate here: the refusal reports it (beside the depth one,
    # MAX_DEPTH being small too).
    response = await gql(small, query)

    assert "COST_LIMIT_EXCEEDED" in refused(response, 400)
    [error] = [
        e for e in response.json()["errors"] if e["extensions"]["code"] == "COST_LIMIT_EXCEEDED"
    ]
    assert error["extensions"]["cost"] == cost


async def test_fragment_bombs_are_measured_in_linear_time(client: httpx.AsyncClient) -> None:
    """Each fragment spreads the next one twice: 2^60 fields once expanded. strawberry's own
    limiters walk every expansion and never return; ours measure each fragment once."""
    n = 60
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n))
    with_aliases = f"{{ ...F0 }} {chain} fragment F{n} on Query {{ a: __typename }}"
    without_aliases = f"{{ ...F0 }} {chain} fragment F{n} on Query {{ __typename }}"

    started = time.perf_counter()
    bomb = await gql(client, with_aliases)
    harmless = await gql(client, without_aliases)
    elapsed = time.perf_counter() - started

    assert refused(bomb, 400) == ["ALIAS_LIMIT_EXCEEDED"]
    assert str(2**n) in bomb.json()["errors"][0]["message"]
    assert answer(harmless) == {"data": {"__typename": "Query"}}
    assert elapsed < 2


# --- tokens ------------------------------------------------------------------------------------


def _tokens(n: int) -> str:
    """A valid document of exactly ``n`` lexical tokens."""
    return "{" + " __typename" * (n - 2) + " }"


async def test_token_limit_comes_from_settings_and_refuses_before_execution(
    small: httpx.AsyncClient,
) -> None:
    padding = " __typename" * MAX_TOKENS
    mutation = f"mutation {{ {failed_login()}{padding} }}"

    ok = await gql(small, _tokens(MAX_TOKENS))
    too_long = await gql(small, _tokens(MAX_TOKENS + 1))
    login = await gql(small, mutation)

    assert answer(ok) == {"data": {"__typename": "Query"}}
    assert refused(too_long, 400) == ["TOKEN_LIMIT_EXCEEDED"]
    assert f"more than {MAX_TOKENS} tokens" in too_long.json()["errors"][0]["message"]
    assert refused(login, 400) == ["TOKEN_LIMIT_EXCEEDED"]
    assert await LoginFailure.all().count() == 0


# --- batches -----------------------------------------------------------------------------------


async def test_a_batch_within_the_limit_runs_every_operation(small: httpx.AsyncClient) -> None:
    batch = [{"query": "{ __typename }"}, {"query": "query Q { t: __typename }"}]
    assert len(batch) == MAX_BATCH

    response = await small.post("/graphql", json=batch)

    assert response.status_code == 200
    assert answer(response) == [{"data": {"__typename": "Query"}}, {"data": {"t": "Query"}}]


async def test_a_batch_over_the_limit_runs_none(small: httpx.AsyncClient) -> None:
    batch = [{"query": f"mutation {{ {failed_login()} }}"}] * (MAX_BATCH + 1)

    response = await small.post("/graphql", json=batch)

    assert refused(response, 400) == ["BATCH_LIMIT_EXCEEDED"]
    assert f"at most {MAX_BATCH} operations" in response.json()["errors"][0]["message"]
    assert await LoginFailure.all().count() == 0


async def test_a_batch_with_a_mutation_runs_none(small: httpx.AsyncClient) -> None:
    batch = [{"query": "{ __typename }"}, {"query": f"mutation {{ {failed_login()} }}"}]

    response = await small.post("/graphql", json=batch)

    assert refused(response, 400) == ["BATCH_MUTATION_NOT_ALLOWED"]
    assert await LoginFailure.all().count() == 0


async def test_a_batch_with_a_subscription_runs_none(
    small: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    # A subscription alone over HTTP is WEBSOCKET_REQUIRED; in a batch it ran, and failed as a
    # masked internal error logged at error level.
    subscription = {"query": 'subscription { caseEvents(caseId: "x") { sequence } }'}
    alone = [subscription]
    beside_a_query = [{"query": "{ __typename }"}, subscription]

    with caplog.at_level(logging.INFO):
        responses = [await small.post("/graphql", json=batch) for batch in (alone, beside_a_query)]

    for response in responses:
        assert refused(response, 400) == ["WEBSOCKET_REQUIRED"]
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


# --- request body size -------------------------------------------------------------------------


def _body(size: int) -> bytes:
    """A valid GraphQL request of exactly ``size`` bytes (whitespace is not a token)."""
    head, tail = b'{"query": "{ __typename', b' }"}'
    body = head + b" " * (size - len(head) - len(tail)) + tail
    assert len(body) == size
    return body


async def test_body_at_the_limit_passes_and_one_byte_more_is_refused(
    small: httpx.AsyncClient,
) -> None:
    headers = {"content-type": "application/json"}

    ok = await small.post("/graphql", content=_body(MAX_BYTES), headers=headers)
    too_large = await small.post("/graphql", content=_body(MAX_BYTES + 1), headers=headers)
    legacy = await small.post(
        "/graphql", content=_body(MAX_BYTES + 1), headers={**headers, "accept": "application/json"}
    )

    assert answer(ok) == {"data": {"__typename": "Query"}}
    assert too_large.request.headers["content-length"] == str(MAX_BYTES + 1)
    assert refused(too_large, 413) == ["REQUEST_TOO_LARGE"]
    refusal = too_large.json()["errors"][0]
    assert refusal["message"] == (
        f"The request is too large: this address takes at most {plain_size(MAX_BYTES)}."
    )
    assert refusal["extensions"]["maxRequestBytes"] == MAX_BYTES
    assert legacy.status_code == 413
    assert legacy.headers["content-type"] == "application/json"
    assert answer(legacy) == too_large.json()


async def test_streamed_body_without_content_length_is_cut_off(small: httpx.AsyncClient) -> None:
    sent = 0

    async def chunks(body: bytes, size: int = 256) -> AsyncIterator[bytes]:
        nonlocal sent
        for start in range(0, len(body), size):
            sent += 1
            yield body[start : start + size]

    headers = {"content-type": "application/json"}
    ok = await small.post("/graphql", content=chunks(_body(MAX_BYTES)), headers=headers)
    sent = 0
    huge = _body(100 * MAX_BYTES)
    too_large = await small.post("/graphql", content=chunks(huge), headers=headers)

    assert "content-length" not in too_large.request.headers
    assert too_large.request.headers["transfer-encoding"] == "chunked"
    assert answer(ok) == {"data": {"__typename": "Query"}}
    assert refused(too_large, 413) == ["REQUEST_TOO_LARGE"]
    # Refused as soon as the limit was passed, not after reading all of it.
    assert sent == MAX_BYTES // 256 + 1


# --- production and development ----------------------------------------------------------------


async def test_production_serves_no_ide(production: httpx.AsyncClient) -> None:
    response = await production.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 404
    assert "<html" not in response.text.lower()
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == ["NOT_FOUND"]


@pytest.mark.parametrize(
    "query",
    [
        "{ __schema { queryType { name } } }",
        '{ __type(name: "User") { fields { name } } }',
        get_introspection_query(),
    ],
    ids=["schema", "type", "full"],
)
async def test_production_refuses_introspection(production: httpx.AsyncClient, query: str) -> None:
    response = await gql(production, query)

    assert set(refused(response, 400)) == {"INTROSPECTION_DISABLED"}


async def test_production_still_answers_typename(production: httpx.AsyncClient) -> None:
    response = await gql(production, "{ __typename }")

    assert answer(response) == {"data": {"__typename": "Query"}}


async def test_development_serves_graphiql(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


async def test_development_answers_the_ides_introspection_within_the_limits(
    client: httpx.AsyncClient,
) -> None:
    response = await gql(client, get_introspection_query())

    body: dict[str, Any] = orjson.loads(response.content)
    assert response.status_code == 200, response.text
    assert "errors" not in body
    names = {t["name"] for t in body["data"]["__schema"]["types"]}
    assert {"Query", "Mutation", "User", "Organisation", "Node"} <= names


async def test_development_refuses_the_schema_asked_for_again_and_again(
    client: httpx.AsyncClient,
) -> None:
    # Found by the review of issue 13: introspection is outside depth and cost, and thirty
    # aliased `__schema` through one fragment (871 bytes, no sign-in) took 1.3 s per request.
    aliased = " ".join(f"a{i}: __schema {{ ...S }}" for i in range(30))
    query = f"{{ {aliased} }} fragment S on __Schema {{ types {{ name fields {{ name }} }} }}"
    four_types = "{ " + " ".join(f't{i}: __type(name: "User") {{ name }}' for i in range(4)) + " }"

    answers = [await gql(client, q) for q in (query, four_types)]

    for response in answers:
        assert refused(response, 400) == ["INTROSPECTION_LIMIT_EXCEEDED"]
    three = "{ " + " ".join(f't{i}: __type(name: "User") {{ name }}' for i in range(3)) + " }"
    assert (await gql(client, three)).json()["data"]["t2"] == {"name": "User"}
