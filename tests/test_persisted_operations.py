"""Persisted operations (issue 17, 1): the web portal's operations registered at start-up and
matched by `extensions.persistedQuery.sha256Hash` (Apollo's convention) or by exact text, and
held to the same rules and limits as any request: the same answer, errors and extensions."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import OperationDefinitionNode, parse, validate
from starlette.applications import Starlette

from portal.api.persisted import operation_files, registry
from portal.app import create_app
from portal.settings import Settings
from tests.factories import Factory, quick_world
from tests.test_api_support import token_for


def test_every_named_operation_of_the_web_portal_is_registered(settings: Settings) -> None:
    from portal.api.schema import build_schema

    schema = build_schema(settings)._schema
    named = {
        d.name.value
        for path in operation_files()
        for d in parse(path.read_text()).definitions
        if isinstance(d, OperationDefinitionNode) and d.name is not None
    }
    found = registry()
    assert found.names() == named
    assert {"Cases", "CasePage", "CaseTimeline", "CaseFile"} <= named
    for name, operation in found.by_name.items():
        assert operation.sha256 == hashlib.sha256(operation.text.encode()).hexdigest()
        assert found.by_hash[operation.sha256] is operation
        assert found.matching(operation.text) is operation
        document = parse(operation.text)
        # One operation, with exactly the fragments it uses: valid as the client sends it.
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        assert [o.name.value for o in operations if o.name] == [name]
        assert validate(schema, document) == [], name


def _by_hash(name: str, variables: dict[str, Any], query: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "variables": variables,
        "operationName": name,
        "extensions": {
            "persistedQuery": {"version": 1, "sha256Hash": registry().by_name[name].sha256}
        },
    }
    if query is not None:
        body["query"] = query
    return body


async def _post(
    app: Starlette, client: httpx.AsyncClient, body: Any, token: str | None
) -> httpx.Response:
    # Each request from full buckets, on a clock that stands still: the same throttleStatus
    # however long each one took.
    app.state.rate_limits.clear()
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await client.post("/graphql", json=body, headers=headers)


@pytest.fixture
def still(app: Starlette, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rate limits' injected clock stands still (tests/test_rate_limits.py moves it)."""
    monkeypatch.setattr(app.state.rate_limits, "clock", lambda: 0.0)


@pytest.mark.usefixtures("still")
async def test_a_hash_gets_the_answer_of_the_full_text(
    app: Starlette, client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    text = registry().by_name["Cases"].text
    variables = {"first": 5}

    full = await _post(app, client, {"query": text, "variables": variables}, token)
    hashed = await _post(app, client, _by_hash("Cases", variables), token)
    both = await _post(app, client, _by_hash("Cases", variables, text), token)

    assert full.status_code == hashed.status_code == both.status_code == 200
    assert full.json() == hashed.json() == both.json()
    assert full.headers["RateLimit"] == hashed.headers["RateLimit"]
    (edge,) = full.json()["data"]["cases"]["edges"]
    assert edge["node"]["reference"] == case.reference


@pytest.mark.parametrize(
    ("extensions", "query", "code"),
    [
        pytest.param(
            {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}},
            None,
            "PERSISTED_QUERY_NOT_FOUND",
            id="unknown",
        ),
        pytest.param(
            {"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}},
            "{ __typename }",
            "BAD_REQUEST",
            id="not-the-query's",
        ),
        pytest.param(
            {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}},
            None,
            "BAD_REQUEST",
            id="version",
        ),
        pytest.param({"persistedQuery": {"sha256Hash": "abc"}}, None, "BAD_REQUEST", id="short"),
        pytest.param({"persistedQuery": "Cases"}, None, "BAD_REQUEST", id="not-an-object"),
    ],
)
async def test_a_hash_the_registry_cannot_honour_is_refused_before_execution(
    client: httpx.AsyncClient, extensions: dict[str, Any], query: str | None, code: str
) -> None:
    body: dict[str, Any] = {"extensions": extensions}
    if query is not None:
        body["query"] = query

    response = await client.post("/graphql", json=body)

    assert response.status_code == 400
    assert "data" not in response.json()
    assert [e["extensions"]["code"] for e in response.json()["errors"]] == [code]


@pytest.fixture
async def shallow(
    settings: Settings, db: str
) -> AsyncIterator[tuple[Starlette, httpx.AsyncClient]]:
    app = create_app(
        dataclasses.replace(
            settings,
            graphql_max_depth=3,
            frontend_dir=str(Path(settings.data_dir) / "no-frontend-build"),
        ),
        manage_orm=False,
    )
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield app, c


async def test_a_registered_operation_meets_the_same_limits(
    shallow: tuple[Starlette, httpx.AsyncClient], factory: Factory
) -> None:
    """Registered is not trusted: over the depth limit, a hash is refused as its text is, every
    time (a refused document is never cached, so never compiled)."""
    app, client = shallow
    app.state.rate_limits.clock = lambda: 0.0
    w = await quick_world(factory)
    token = await token_for(app, w.agent)
    text = registry().by_name["Cases"].text

    answers = [
        await _post(app, client, {"query": text, "variables": {}}, token),
        await _post(app, client, _by_hash("Cases", {}), token),
        await _post(app, client, _by_hash("Cases", {}), token),
    ]

    assert {r.status_code for r in answers} == {400}
    assert answers[0].json() == answers[1].json() == answers[2].json()
    assert answers[0].json()["errors"][0]["extensions"]["code"] == "DEPTH_LIMIT_EXCEEDED"
