"""Issue 13, the GraphQL request layer: documents measured before they are parsed and cached
only once validated (F2), a cost estimate JSON can carry (F8), NUL and control characters
refused in every string (F8), and several operations without `operationName` (F12)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import LoginFailure, User
from portal.api.documents import Documents
from portal.api.node import to_global_id
from portal.app import create_app
from portal.complaints.models import Complaint
from portal.settings import Settings, load_settings
from tests.factories import LOGIN, Factory, answer, gql, quick_world
from tests.live_support import serving, socket_to
from tests.test_api_support import token_for

MAX_TOKENS = 40
MAX_QUERY_BYTES = 600
CACHE_BYTES = 200
GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.fixture(scope="module")
def tight_app(data_dir: Path, database_url: str) -> Starlette:
    settings = load_settings(
        {},
        data_dir=str(data_dir),
        database_url=database_url,
        log_json=False,
        graphql_max_tokens=MAX_TOKENS,
        graphql_max_query_bytes=MAX_QUERY_BYTES,
        graphql_document_cache_bytes=CACHE_BYTES,
        graphql_max_depth=3,
    )
    return create_app(settings, manage_orm=False)


@pytest.fixture
async def tight(tight_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=tight_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def documents(app: Starlette) -> Documents:
    for route in app.routes:
        view = getattr(route, "app", None) or getattr(route, "endpoint", None)
        if getattr(view, "documents", None) is not None:
            found: Documents = view.documents  # type: ignore[union-attr]
            return found
    raise AssertionError("no GraphQL view")


def refused(response: httpx.Response) -> list[str]:
    """A refusal before execution: 400, no `data`; the error codes."""
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    body = response.json()
    assert "data" not in body, body
    return [e["extensions"]["code"] for e in body["errors"]]


def typenames(n: int, alias: str = "") -> str:
    """A valid document of ``n`` tokens (``n`` + 2 with an alias)."""
    tail = f" {alias}: __typename" if alias else ""
    return "{" + " __typename" * (n - 2) + tail + " }"


# --- F2: limits before the parse, and a cache of validated documents only -------------------


async def test_the_megabyte_token_bomb_is_refused_by_size_and_nothing_is_kept(
    client: httpx.AsyncClient, app: Starlette, settings: Settings
) -> None:
    # The review's request: about 1 MB, just under the request body limit.
    bomb = "{ " + "__typename " * 95_000 + "a7: __typename }"
    assert len(bomb) < settings.max_request_bytes
    cache = documents(app).cache
    held = cache.held

    response = await gql(client, bomb)
    batched = await client.post("/graphql", json=[{"query": bomb}, {"query": "{ __typename }"}])

    assert refused(response) == ["QUERY_TOO_LARGE"]
    message = response.json()["errors"][0]["message"]
    assert message == "The query is larger than 64 KB, the most allowed."
    assert batched.status_code == 200
    first, second = answer(batched)
    assert [e["extensions"]["code"] for e in first["errors"]] == ["QUERY_TOO_LARGE"]
    assert second == {"data": {"__typename": "Query"}}
    assert cache.get(bomb) is None
    assert cache.held <= held + len("{ __typename }")


async def test_size_and_token_limits_come_from_settings(tight: httpx.AsyncClient) -> None:
    at_size = "{ __typename" + " " * (MAX_QUERY_BYTES - len("{ __typename }")) + " }"
    over_size = at_size + " "

    ok = await gql(tight, at_size)
    too_large = await gql(tight, over_size)
    at_tokens = await gql(tight, typenames(MAX_TOKENS))
    over_tokens = await gql(tight, typenames(MAX_TOKENS + 1))
    # Comments count, as the parser counts them: they are allocated all the same.
    commented = await gql(tight, "{ __typename" + " #\n" * MAX_TOKENS + " }")

    assert answer(ok) == {"data": {"__typename": "Query"}}
    assert refused(too_large) == ["QUERY_TOO_LARGE"]
    assert answer(at_tokens) == {"data": {"__typename": "Query"}}
    assert refused(over_tokens) == ["TOKEN_LIMIT_EXCEEDED"]
    assert f"more than {MAX_TOKENS} tokens" in over_tokens.json()["errors"][0]["message"]
    assert refused(commented) == ["TOKEN_LIMIT_EXCEEDED"]


async def test_the_token_limit_stops_mutations_in_a_batch_too(tight: httpx.AsyncClient) -> None:
    # On main the batch's mutation check parsed every document in full, without a limit.
    padding = " __typename" * MAX_TOKENS
    bomb = (
        f'mutation {{ login(input: {{email: "a@b.c", password: "x"}}) {{ accessToken }}{padding} }}'
    )

    response = await tight.post("/graphql", json=[{"query": bomb}, {"query": "{ __typename }"}])

    first, second = answer(response)
    assert [e["extensions"]["code"] for e in first["errors"]] == ["TOKEN_LIMIT_EXCEEDED"]
    assert second == {"data": {"__typename": "Query"}}
    assert await LoginFailure.all().count() == 0


async def test_only_validated_documents_are_cached(
    tight: httpx.AsyncClient, tight_app: Starlette
) -> None:
    cache = documents(tight_app).cache
    valid = "{ __typename }"
    too_deep = "{ viewer { user { memberships { organisation { name } } } } }"
    unknown_field = "{ nothing }"
    broken = "{ __typename "

    answers = [await gql(tight, q) for q in (valid, too_deep, unknown_field, broken)]

    assert answer(answers[0]) == {"data": {"__typename": "Query"}}
    assert refused(answers[1]) == ["DEPTH_LIMIT_EXCEEDED"]
    assert refused(answers[2]) == ["GRAPHQL_VALIDATION_FAILED"]
    assert refused(answers[3]) == ["GRAPHQL_PARSE_FAILED"]
    assert cache.get(valid) is not None
    assert [cache.get(q) for q in (too_deep, unknown_field, broken)] == [None, None, None]


async def test_the_cache_holds_at_most_its_bytes_of_query_text(
    tight: httpx.AsyncClient, tight_app: Starlette
) -> None:
    cache = documents(tight_app).cache
    queries = [typenames(8, f"a{i}") for i in range(40)]  # 40 distinct valid documents

    answers = [await gql(tight, q) for q in queries]
    again = await gql(tight, queries[-1])

    assert all(a.status_code == 200 and "errors" not in a.json() for a in answers)
    assert answer(again) == answer(answers[-1])
    assert 0 < cache.held <= CACHE_BYTES
    assert cache.held == sum(len(q) for q in queries if cache.get(q) is not None)
    assert cache.get(queries[0]) is None  # the oldest went first
    assert cache.get(queries[-1]) is not None


async def test_a_cached_document_answers_like_a_fresh_one(client: httpx.AsyncClient) -> None:
    query = "query Twice($n: Int = 5) { cases(first: $n) { edges { node { id } } } }"

    fresh = await gql(client, query)
    cached = await gql(client, query)

    assert answer(fresh) == answer(cached)
    assert [e["extensions"]["code"] for e in cached.json()["errors"]] == ["UNAUTHENTICATED"]


async def test_a_subscription_is_read_through_the_same_limits(
    tight_app: Starlette, db: str, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(tight_app, w.complainant)
    too_long = "subscription {" + " __typename" * MAX_TOKENS + " }"

    async with serving(tight_app) as url, socket_to(url) as sock:
        await sock.init(token)
        await sock.send({"id": "1", "type": "subscribe", "payload": {"query": too_long}})
        refused_tokens = await sock.receive()
        await sock.send(
            {"id": "2", "type": "subscribe", "payload": {"query": too_long + " " * 600}}
        )
        refused_size = await sock.receive()

    assert refused_tokens["type"] == refused_size["type"] == "error"
    assert refused_tokens["payload"][0]["extensions"] == {"code": "TOKEN_LIMIT_EXCEEDED"}
    assert refused_size["payload"][0]["extensions"] == {"code": "QUERY_TOO_LARGE"}


# --- F8: the cost estimate saturates -----------------------------------------------------------


async def test_huge_pages_are_refused_with_a_cost_json_can_carry(
    client: httpx.AsyncClient,
) -> None:
    # On main: 2^31 x 3 x 2^31 x 2 overflowed 64 bits, orjson failed, HTTP 500.
    inner = "timeline(first: 2147483647) { edges { node { kind } } }"
    nested = f"a: {inner} b: {inner} c: {inner}"
    query = f"{{ cases(first: 2147483647) {{ edges {{ node {{ {nested} }} }} }} }}"
    digits = "{ cases(first: " + "9" * 5000 + ") { edges { node { id } } } }"

    response = await gql(client, query)
    long_literal = await gql(client, digits)

    assert refused(response) == ["COST_LIMIT_EXCEEDED"]
    error = response.json()["errors"][0]
    assert error["extensions"] == {
        "code": "COST_LIMIT_EXCEEDED",
        "cost": 2**53 - 1,
        "maxCost": 10_000,
    }
    assert error["message"].startswith(f"The operation could load at least {2**53 - 1} objects.")
    assert "COST_LIMIT_EXCEEDED" in refused(long_literal)


# --- F12: several operations need an operationName ---------------------------------------------


async def test_several_operations_without_an_operation_name_run_none(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user(email="twice@example.org")
    document = (
        'mutation First { login(input: {email: "twice@example.org", password: "wrong"}) '
        "{ accessToken } } query Second { __typename }"
    )

    unnamed = await client.post("/graphql", json={"query": document})
    named = await client.post("/graphql", json={"query": document, "operationName": "Second"})
    batched = await client.post("/graphql", json=[{"query": "{ a: __typename } { b: __typename }"}])

    assert refused(unnamed) == ["OPERATION_NAME_REQUIRED"]
    assert "operationName" in unnamed.json()["errors"][0]["message"]
    assert await LoginFailure.filter(email=user.email).count() == 0
    assert answer(named) == {"data": {"__typename": "Query"}}
    [only] = batched.json()
    assert [e["extensions"]["code"] for e in only["errors"]] == ["OPERATION_NAME_REQUIRED"]


# --- F8: NUL and control characters in any string ----------------------------------------------


NUL_VARIABLES: list[Any] = [
    pytest.param(
        LOGIN,
        {"input": {"email": "a\x00@example.org", "password": "p"}},
        "$input.email",
        id="login",
    ),
    pytest.param(
        "mutation R($input: RequestSignInCodeInput!) { requestSignInCode(input: $input) "
        "{ userErrors { code } } }",
        {"input": {"email": "maria\x00@example.org"}},
        "$input.email",
        id="requestSignInCode",
    ),
    pytest.param(
        "query C($id: ID!) { case(id: $id) { id } }",
        {"id": "RGlzcHV0\x00ZUNhc2U6MQ=="},
        "$id",
        id="case",
    ),
    pytest.param(
        "query S($search: String) { cases(filter: {search: $search}) { edges { node { id } } } }",
        {"search": "x\x00"},
        "$search",
        id="search",
    ),
    pytest.param(
        "query S($s: [String!]) { __typename }",
        {"s": ["fine", "tab\tand\nnewline", "bell\x07"]},
        "$s[2]",
        id="control-character-in-a-list",
    ),
]


@pytest.mark.parametrize(("query", "variables", "where"), NUL_VARIABLES)
async def test_nul_and_control_characters_in_variables_are_refused_with_a_code(
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    query: str,
    variables: dict[str, Any],
    where: str,
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    users = await User.all().count()

    response = await gql(client, query, variables, token=token)

    assert refused(response) == ["INVALID_CHARACTER"]
    assert response.json()["errors"][0]["message"].startswith(f"Variable `{where}` holds a NUL")
    assert await User.all().count() == users
    assert await LoginFailure.all().count() == 0


async def test_nul_in_a_complaint_is_refused_and_nothing_is_filed(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    complaints = await Complaint.all().count()
    mutation = (
        "mutation F($input: FileComplaintInput!) { fileComplaint(input: $input) "
        "{ complaint { id } userErrors { code } } }"
    )
    variables = {
        "input": {
            "organisationId": to_global_id("Organisation", w.organisation.id),
            "subject": "Bill",
            "description": "Twice\x00charged",
        }
    }

    response = await gql(client, mutation, variables, token=token)

    assert refused(response) == ["INVALID_CHARACTER"]
    assert "`$input.description`" in response.json()["errors"][0]["message"]
    assert await Complaint.all().count() == complaints


@pytest.mark.parametrize(
    ("literal", "argument"),
    [
        pytest.param(r'cases(filter: {search: "a\u0000b"})', "filter.search", id="escaped-nul"),
        pytest.param('cases(filter: {search: "a\x01b"})', "filter.search", id="raw-control"),
        pytest.param(r'node(id: "\u001b[31m")', "id", id="escape-sequence"),
        pytest.param('case(id: """a\x00""")', "id", id="raw-nul-in-a-block-string"),
    ],
)
async def test_nul_and_control_characters_in_string_literals_are_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, literal: str, argument: str
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)

    response = await gql(client, f"{{ {literal} {{ __typename }} }}", token=token)

    assert refused(response) == ["INVALID_CHARACTER"]
    error = response.json()["errors"][0]
    assert error["message"].startswith(f"Argument `{argument}` holds a NUL")
    assert error["locations"]


async def test_tabs_and_line_breaks_in_strings_are_accepted(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    query = "query S($s: String) { cases(filter: {search: $s}) { edges { node { id } } } }"

    response = await gql(client, query, {"s": "a\tb\r\nc"}, token=token)

    assert answer(response) == {"data": {"cases": {"edges": []}}}
