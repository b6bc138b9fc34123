"""Issue 17, deliverable 4: the API's answers are gzip-compressed for clients that accept it;
document downloads, secrets-bearing OAuth answers and the web portal's own files are not."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from portal.web.compression import compressed
from tests.factories import Factory, answer, quick_world
from tests.test_api_support import token_for

CASES = "query Cases { cases(first: 20) { edges { node { id reference subject stage } } } }"


async def test_graphql_answers_are_compressed_for_clients_that_accept_gzip(
    app: Starlette, client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await quick_world(factory)
    for _ in range(8):
        await w.new_case()
    token = await token_for(app, w.agent)
    body = {"query": CASES}
    headers = {"Authorization": f"Bearer {token}"}

    plain = await client.post(
        "/graphql", json=body, headers={**headers, "Accept-Encoding": "identity"}
    )
    packed = await client.post(
        "/graphql", json=body, headers={**headers, "Accept-Encoding": "gzip"}
    )

    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["vary"]
    assert int(packed.headers["content-length"]) < len(plain.content) / 2
    # httpx decodes it: the same answer.
    assert answer(packed) == answer(plain)
    assert len(packed.json()["data"]["cases"]["edges"]) == 8
    assert packed.headers["content-type"] == plain.headers["content-type"]
    assert packed.headers["x-request-id"]


async def test_small_answers_are_sent_as_they_are(client: httpx.AsyncClient) -> None:
    small = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"Accept-Encoding": "gzip"}
    )
    assert small.status_code == 200
    assert "content-encoding" not in small.headers  # under 500 bytes


def test_which_paths_are_compressed() -> None:
    for path in ("/graphql", "/api", "/metrics", "/reports/management-review.json"):
        assert compressed(path), path
    # Secrets beside request text; downloads; the web portal's precompressed files; health.
    for path in (
        "/oauth/token",
        "/providers/fairsettle/answer",
        "/files/document/abc",
        "/assets/index-abc123.js",
        "/",
        "/cases/1",
        "/healthz",
        "/graphqlx",
    ):
        assert not compressed(path), path
