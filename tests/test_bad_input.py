"""Bad input is refused with a coded JSON error, never a 500, in the media type the client asked
for (GraphQL over HTTP)."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from portal.accounts.models import LoginFailure
from tests.factories import answer, gql

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


def codes(response: httpx.Response) -> list[str]:
    body = response.json()
    assert isinstance(body["errors"], list), body
    assert body["errors"], body
    for error in body["errors"]:
        assert isinstance(error["message"], str)
        assert error["message"]
    return [e["extensions"]["code"] for e in body["errors"]]


def without_accept(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Request:
    request = client.build_request("POST", "/graphql", json=body)
    del request.headers["accept"]
    return request


@pytest.mark.parametrize(
    ("content", "content_type", "status", "code"),
    [
        pytest.param(b'{"query": "{ __typename }"', JSON, 400, "MALFORMED_JSON", id="truncated"),
        pytest.param(b"{query: 1}", JSON, 400, "MALFORMED_JSON", id="not-json"),
        pytest.param(b"", JSON, 400, "MALFORMED_JSON", id="empty-body"),
        pytest.param(b'{"query": "\xff"}', JSON, 400, "MALFORMED_JSON", id="invalid-utf8"),
        pytest.param(
            b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 5000 + b"]" * 5000 + b"}}",
            JSON,
            400,
            "MALFORMED_JSON",
            id="nested-too-deeply",
        ),
        pytest.param(b"{ __typename }", "text/plain", 415, "UNSUPPORTED_CONTENT_TYPE", id="text"),
        pytest.param(
            b"query=%7B__typename%7D",
            "application/x-www-form-urlencoded",
            415,
            "UNSUPPORTED_CONTENT_TYPE",
            id="form",
        ),
        pytest.param(
            b"--x\r\nContent-Disposition: form-data; name=query\r\n\r\n{ __typename }\r\n--x--",
            "multipart/form-data; boundary=x",
            400,
            # Multipart is for uploads, and only with a header that forces a CORS preflight.
            "PREFLIGHT_HEADER_REQUIRED",
            id="multipart",
        ),
        pytest.param(
            b'{"query": "{ __typename }"}', "", 415, "UNSUPPORTED_CONTENT_TYPE", id="none"
        ),
        pytest.param(b'"{ __typename }"', JSON, 400, "BAD_REQUEST", id="a-string"),
        pytest.param(b"42", JSON, 400, "BAD_REQUEST", id="a-number"),
        pytest.param(b"null", JSON, 400, "BAD_REQUEST", id="null"),
        pytest.param(b"[1, 2]", JSON, 400, "BAD_REQUEST", id="batch-of-numbers"),
        pytest.param(b"[]", JSON, 400, "BAD_REQUEST", id="empty-batch"),
        pytest.param(b"{}", JSON, 400, "MISSING_QUERY", id="no-query"),
        pytest.param(b'{"query": ""}', JSON, 400, "MISSING_QUERY", id="empty-query"),
        pytest.param(b'{"query": null}', JSON, 400, "MISSING_QUERY", id="null-query"),
        pytest.param(b'{"query": 5}', JSON, 400, "BAD_REQUEST", id="query-a-number"),
        pytest.param(b'{"query": ["{ a }"]}', JSON, 400, "BAD_REQUEST", id="query-a-list"),
        pytest.param(b'{"query": {"a": 1}}', JSON, 400, "BAD_REQUEST", id="query-an-object"),
        pytest.param(
            b'{"query": "{ __typename }", "variables": "{}"}',
            JSON,
            400,
            "BAD_REQUEST",
            id="variables-a-string",
        ),
        pytest.param(
            b'{"query": "{ __typename }", "operationName": 5}',
            JSON,
            400,
            "BAD_REQUEST",
            id="operation-name-a-number",
        ),
        pytest.param(
            b'{"query": "{ __typename }", "extensions": []}',
            JSON,
            400,
            "BAD_REQUEST",
            id="extensions-a-list",
        ),
        pytest.param(
            b'[{"query": "{ __typename }"}, "{ __typename }"]',
            JSON,
            400,
            "BAD_REQUEST",
            id="batch-with-a-string",
        ),
    ],
)
async def test_malformed_requests_are_refused_with_a_code(
    client: httpx.AsyncClient, content: bytes, content_type: str, status: int, code: str
) -> None:
    headers = {"content-type": content_type} if content_type else {}

    response = await client.post("/graphql", content=content, headers=headers)

    assert response.status_code == status, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert codes(response) == [code]
    assert "data" not in response.json()


async def test_transport_errors_answer_in_the_accepted_media_type(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql", content=b"{", headers={"content-type": JSON, "accept": JSON}
    )

    assert response.status_code == 400
    assert response.headers["content-type"] == JSON
    assert codes(response) == ["MALFORMED_JSON"]


@pytest.mark.parametrize(
    "params",
    [
        {"query": "{ __typename }"},
        {"query": 'mutation { logout(input: {refreshToken: "x"}) { revoked } }'},
        {},
    ],
    ids=["query", "mutation", "nothing"],
)
async def test_get_is_refused(client: httpx.AsyncClient, params: dict[str, str]) -> None:
    response = await client.get("/graphql", params=params, headers={"accept": JSON})

    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.headers["content-type"] == JSON
    assert codes(response) == ["METHOD_NOT_ALLOWED"]


async def test_unknown_field_is_a_validation_error_without_suggestions(
    client: httpx.AsyncClient,
) -> None:
    response = await gql(client, "{ viewr { kind } }")

    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert answer(response) == {
        "errors": [
            {
                "message": "Cannot query field 'viewr' on type 'Query'.",
                "locations": [{"line": 1, "column": 3}],
                "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"},
            }
        ]
    }


@pytest.mark.parametrize(
    "query",
    [
        '{ node(idd: "x") { id } }',
        "query Q($x: Usr) { __typename }",
        '{ node(id: "x") { ... on Usr { id } } }',
        '{ node(id: "x") { ... on User { emial } } }',
        'mutation { login(input: {email: "a@b.c", password: "p", refreshTokenDelivery: BOD}) '
        "{ accessToken } }",
        'mutation { login(input: {emial: "a@b.c", password: "p"}) { accessToken } }',
    ],
    ids=["argument", "type", "fragment-type", "nested-field", "enum-value", "input-field"],
)
async def test_no_error_suggests_a_name(client: httpx.AsyncClient, query: str) -> None:
    response = await gql(client, query)

    assert response.status_code == 400
    assert set(codes(response)) == {"GRAPHQL_VALIDATION_FAILED"}
    assert "did you mean" not in response.text.lower()


async def test_unknown_input_field_in_a_mutation_is_refused_before_execution(
    client: httpx.AsyncClient,
) -> None:
    query = """
    mutation {
      login(input: {email: "nobody@example.org", password: "wrong-password", isAdmin: true}) {
        accessToken
      }
    }
    """

    response = await gql(client, query)

    assert response.status_code == 400
    assert codes(response) == ["GRAPHQL_VALIDATION_FAILED"]
    assert "isAdmin" in response.json()["errors"][0]["message"]
    assert await LoginFailure.all().count() == 0


LOGIN = "mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }"


@pytest.mark.parametrize(
    "variables",
    [
        {"input": {"email": 5, "password": "wrong-password"}},
        {"input": {"email": "nobody@example.org"}},
        {"input": {"email": "a@b.c", "password": "wrong-password", "isAdmin": True}},
        {"input": {"email": "a@b.c", "password": "p", "refreshTokenDelivery": "SOMEWHERE"}},
        {"input": "not an object"},
        {},
    ],
    ids=["wrong-type", "missing-field", "unknown-field", "bad-enum", "not-an-object", "missing"],
)
async def test_wrong_variables_are_bad_user_input(
    client: httpx.AsyncClient, variables: dict[str, Any]
) -> None:
    response = await gql(client, LOGIN, variables)

    assert response.status_code == 400
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert codes(response) == ["BAD_USER_INPUT"]
    assert "did you mean" not in response.text.lower()
    assert "data" not in response.json()
    assert await LoginFailure.all().count() == 0


async def test_client_mistakes_do_not_put_their_variables_in_the_log(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "my-very-secret-password"
    variables = {"input": {"email": "a@b.c", "password": secret, "isAdmin": True}}

    with caplog.at_level(logging.DEBUG):
        response = await gql(client, LOGIN, variables)

    assert codes(response) == ["BAD_USER_INPUT"]
    assert secret not in caplog.text


async def test_syntax_error_is_a_parse_failure(client: httpx.AsyncClient) -> None:
    response = await gql(client, "{ viewer { ")

    assert response.status_code == 400
    assert codes(response) == ["GRAPHQL_PARSE_FAILED"]


async def test_unknown_operation_name_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "query A { __typename }", "operationName": "B"}
    )

    assert response.status_code == 400
    assert codes(response) == ["BAD_REQUEST"]


@pytest.mark.parametrize(
    "query", ["{ viewr }", "{ viewer { ", "query($n: Int!) { __typename }"], ids=str
)
async def test_request_errors_follow_the_accept_header(
    client: httpx.AsyncClient, query: str
) -> None:
    body = {"query": query}
    modern = await client.post("/graphql", json=body, headers={"accept": GRAPHQL_RESPONSE})
    both = await client.post(
        "/graphql", json=body, headers={"accept": f"{JSON}, {GRAPHQL_RESPONSE}"}
    )
    unspecified = await client.send(without_accept(client, body))
    legacy = await client.post("/graphql", json=body, headers={"accept": JSON})

    for response in (modern, both, unspecified):
        assert response.status_code == 400
        assert response.headers["content-type"] == GRAPHQL_RESPONSE
    assert legacy.status_code == 200
    assert legacy.headers["content-type"] == JSON
    assert answer(modern) == answer(both) == answer(unspecified) == answer(legacy)
    assert "data" not in legacy.json()


async def test_successful_responses_follow_the_accept_header(client: httpx.AsyncClient) -> None:
    body = {"query": "{ __typename }"}
    modern = await client.post("/graphql", json=body, headers={"accept": GRAPHQL_RESPONSE})
    legacy = await client.post("/graphql", json=body, headers={"accept": JSON})

    assert modern.headers["content-type"] == GRAPHQL_RESPONSE
    assert legacy.headers["content-type"] == JSON
    assert answer(modern) == answer(legacy) == {"data": {"__typename": "Query"}}


async def test_execution_errors_keep_status_200(client: httpx.AsyncClient) -> None:
    """Not a request error: the request was valid and ran; `data` is present."""
    response = await gql(client, "{ viewer { kind } }")

    assert response.status_code == 200
    assert response.json()["data"] is None
    assert codes(response) == ["UNAUTHENTICATED"]
