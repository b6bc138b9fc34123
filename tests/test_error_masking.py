"""Unexpected errors are masked for the client and logged with the request id the client gets;
expected ones are not masked.

The production schema has no failing field, so these tests serve a schema of their own through
the real pieces: the extensions and config of `portal.api.schema` (`PublicErrors` first), the
`PortalGraphQL` view and the real middleware."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import strawberry
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from strawberry.extensions import SchemaExtension

from portal.api.context import Info
from portal.api.errors import NotFound
from portal.api.schema import PortalSchema, config_for, documents_for, extensions_for
from portal.api.view import PortalGraphQL
from portal.settings import Settings
from portal.web.middleware import BodyLimitMiddleware, RequestIdMiddleware
from tests.factories import answer, gql

SECRET = "db password is hunter2"


@strawberry.type
class FaultyQuery:
    @strawberry.field
    def ok(self) -> str:
        return "fine"

    @strawberry.field
    async def broken(self) -> str:
        raise RuntimeError(f"connection refused: {SECRET}")

    @strawberry.field
    def null_for_a_non_null(self) -> str:
        return None  # type: ignore[return-value]

    @strawberry.field
    def missing(self) -> str:
        raise NotFound()

    @strawberry.field
    def signed_in_only(self, info: Info) -> str:
        info.context.require_actor()
        return "welcome"


class ExplodingValidation(SchemaExtension):
    """An extension that fails before execution: strawberry reports this past every
    extension's own error handling."""

    def on_validate(self) -> Iterator[None]:
        if "explode" in (self.execution_context.query or ""):
            raise KeyError(SECRET)
        yield


@pytest.fixture(scope="module")
def faulty_app(settings: Settings, app: Starlette) -> Starlette:
    documents = documents_for(settings)
    schema = PortalSchema(
        query=FaultyQuery,
        extensions=[*extensions_for(settings, documents), ExplodingValidation],
        config=config_for(settings),
        documents=documents,
    )
    view = PortalGraphQL(schema, settings, app.state.auth)

    async def crash(request: Request) -> Response:
        raise ValueError(SECRET)

    return Starlette(
        routes=[Route("/graphql", view, methods=["GET", "POST"]), Route("/crash", crash)],
        middleware=[
            Middleware(RequestIdMiddleware),
            Middleware(BodyLimitMiddleware, max_bytes=settings.max_request_bytes),
        ],
    )


@pytest.fixture
async def faulty(faulty_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=faulty_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def assert_nothing_internal(response: httpx.Response) -> None:
    text = response.text
    for leak in (SECRET, "hunter2", "Traceback", "RuntimeError", "KeyError", "ValueError"):
        assert leak not in text, text
    assert "Cannot return null" not in text


def logged_errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_unexpected_exception_is_masked_with_the_request_id(
    faulty: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = await gql(faulty, "{ ok broken }")

    request_id = response.headers["x-request-id"]
    assert response.status_code == 200
    assert answer(response) == {
        "data": None,
        "errors": [
            {
                "message": "Unexpected error.",
                "locations": [{"line": 1, "column": 6}],
                "path": ["broken"],
                "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
            }
        ],
    }
    assert_nothing_internal(response)
    [record] = logged_errors(caplog)
    assert record.name == "portal.api"
    assert record.request_id == request_id  # type: ignore[attr-defined]
    assert request_id in record.getMessage()
    assert record.exc_info is not None
    assert record.exc_info[0] is RuntimeError
    assert "Traceback" in caplog.text
    assert SECRET in caplog.text


async def test_the_clients_request_id_is_used_when_sane(
    faulty: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    sane, insane = "client-chosen-id-0001", 'forged id" injected=1'

    with caplog.at_level(logging.INFO):
        kept = await gql(faulty, "{ broken }", **{"X-Request-ID": sane})
        replaced = await gql(faulty, "{ broken }", **{"X-Request-ID": insane})

    assert kept.headers["x-request-id"] == sane
    assert kept.json()["errors"][0]["extensions"]["requestId"] == sane
    fresh = replaced.headers["x-request-id"]
    assert fresh != insane
    assert replaced.json()["errors"][0]["extensions"]["requestId"] == fresh
    assert [r.request_id for r in logged_errors(caplog)] == [sane, fresh]  # type: ignore[attr-defined]


async def test_a_resolver_breaking_the_schema_is_masked(
    faulty: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = await gql(faulty, "{ nullForANonNull }")

    error = response.json()["errors"][0]
    assert error["message"] == "Unexpected error."
    assert error["extensions"] == {
        "code": "INTERNAL_SERVER_ERROR",
        "requestId": response.headers["x-request-id"],
    }
    assert_nothing_internal(response)
    assert len(logged_errors(caplog)) == 1


async def test_an_extension_failing_before_execution_is_masked(
    faulty: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = await gql(faulty, "query explode { ok }")

    request_id = response.headers["x-request-id"]
    assert response.status_code == 500
    assert answer(response) == {
        "errors": [
            {
                "message": "Unexpected error.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
            }
        ]
    }
    assert_nothing_internal(response)
    [record] = logged_errors(caplog)
    assert record.request_id == request_id  # type: ignore[attr-defined]
    assert record.exc_info is not None
    assert record.exc_info[0] is KeyError


async def test_an_unhandled_exception_outside_graphql_is_masked(
    faulty: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = await faulty.get("/crash", headers={"accept": "application/json"})

    request_id = response.headers["x-request-id"]
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert answer(response) == {
        "errors": [
            {
                "message": "Unexpected error.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
            }
        ]
    }
    assert_nothing_internal(response)
    [record] = logged_errors(caplog)
    assert record.request_id == request_id  # type: ignore[attr-defined]
    assert record.exc_info is not None
    assert record.exc_info[0] is ValueError


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("{ missing }", {"message": "Not found.", "code": "NOT_FOUND", "path": ["missing"]}),
        (
            "{ signedInOnly }",
            {"message": "Sign in to do this.", "code": "UNAUTHENTICATED", "path": ["signedInOnly"]},
        ),
    ],
    ids=["not-found", "unauthenticated"],
)
async def test_expected_errors_are_not_masked(
    faulty: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
    query: str,
    expected: dict[str, Any],
) -> None:
    with caplog.at_level(logging.INFO):
        response = await gql(faulty, query)

    [error] = response.json()["errors"]
    assert response.status_code == 200
    assert error["message"] == expected["message"]
    assert error["path"] == expected["path"]
    assert error["extensions"] == {"code": expected["code"]}
    assert logged_errors(caplog) == []


async def test_the_real_endpoint_masks_nothing_expected(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        response = await gql(client, '{ node(id: "nope") { id } }')

    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
    assert "x-request-id" in response.headers
    assert logged_errors(caplog) == []
