"""Issue 18, 3: every connection pages backward (`last`, `before`) in the same order as forward,
`hasPreviousPage`/`hasNextPage` tell whether rows exist on each side, `first: 0` answers an
empty page with a coherent `hasNextPage` and cursor, `totalCount` counts the whole connection;
`cases` and `complaints` take `updatedSince` and `orderBy` by creation or last change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.api.pagination import encode_cursor
from portal.timeline.models import Visibility
from tests.factories import Factory, quick_world
from tests.live_support import note
from tests.test_api_support import call, case_id, token_for

CASES = """
query Q($first: Int, $after: String, $last: Int, $before: String, $orderBy: CaseOrder,
        $since: DateTime) {
  cases(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy,
        updatedSince: $since) {
    edges { cursor node { reference updatedAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}
"""

COMPLAINTS = """
query Q($orderBy: ComplaintOrder, $since: DateTime, $last: Int) {
  complaints(orderBy: $orderBy, updatedSince: $since, last: $last) {
    edges { node { reference updatedAt } }
    totalCount
  }
}
"""


async def _cases(client: httpx.AsyncClient, token: str, **variables: Any) -> dict[str, Any]:
    body = await call(client, token, CASES, variables)
    assert "errors" not in body, body
    page: dict[str, Any] = body["data"]["cases"]
    return page


def _refs(page: dict[str, Any]) -> list[str]:
    return [e["node"]["reference"] for e in page["edges"]]


async def test_backward_pages_are_the_forward_pages_in_the_same_order(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    for _ in range(5):
        await w.new_case()
    token = await token_for(app, w.agent)
    every = await _cases(client, token, first=5)
    assert every["totalCount"] == 5
    refs = _refs(every)
    assert every["pageInfo"]["hasPreviousPage"] is False
    assert every["pageInfo"]["hasNextPage"] is False

    last_two = await _cases(client, token, last=2)
    assert _refs(last_two) == refs[3:]
    assert last_two["pageInfo"]["hasPreviousPage"] is True
    assert last_two["pageInfo"]["hasNextPage"] is False
    before = await _cases(client, token, last=2, before=last_two["pageInfo"]["startCursor"])
    assert _refs(before) == refs[1:3]
    assert before["pageInfo"]["hasPreviousPage"] is True
    assert before["pageInfo"]["hasNextPage"] is True
    first = await _cases(client, token, last=2, before=before["pageInfo"]["startCursor"])
    assert _refs(first) == refs[:1]
    assert first["pageInfo"]["hasPreviousPage"] is False

    middle = await _cases(client, token, first=2, after=every["edges"][0]["cursor"])
    assert _refs(middle) == refs[1:3]
    assert middle["pageInfo"]["hasPreviousPage"] is True
    assert middle["pageInfo"]["hasNextPage"] is True
    assert middle["totalCount"] == 5


async def test_first_zero_tells_whether_rows_follow_and_keeps_the_cursor(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    for _ in range(2):
        await w.new_case()
    token = await token_for(app, w.agent)
    empty = await _cases(client, token, first=0)
    assert empty["edges"] == []
    assert empty["pageInfo"]["hasNextPage"] is True
    assert empty["pageInfo"]["endCursor"] is None  # nothing asked from: start from the start
    every = await _cases(client, token, first=2)
    end = every["pageInfo"]["endCursor"]
    after_all = await _cases(client, token, first=0, after=end)
    assert after_all["pageInfo"]["hasNextPage"] is False
    assert after_all["pageInfo"]["endCursor"] == end
    after_first = await _cases(client, token, first=0, after=every["edges"][0]["cursor"])
    assert after_first["pageInfo"]["hasNextPage"] is True


async def test_first_and_last_together_are_refused_with_a_code(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.agent)
    body = await call(client, token, CASES, {"first": 1, "last": 1})
    assert body["errors"][0]["extensions"]["code"] == "MIXED_PAGING_DIRECTIONS"
    body = await call(client, token, CASES, {"last": 101})
    assert body["errors"][0]["extensions"]["code"] == "PAGE_SIZE_EXCEEDED"


async def test_updated_since_and_order_by_last_change(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(3)]
    token = await token_for(app, w.agent)
    oldest_first = await _cases(client, token, orderBy={"field": "CREATED_AT", "direction": "ASC"})
    assert _refs(oldest_first) == [c.reference for c in cases]

    mark = datetime.now(UTC)
    await note(cases[0], Visibility.ALL_PARTIES, "touched")  # the oldest case changes last
    changed = await _cases(client, token, since=mark.isoformat())
    assert _refs(changed) == [cases[0].reference]
    assert changed["totalCount"] == 1
    by_change = await _cases(client, token, orderBy={"field": "UPDATED_AT", "direction": "DESC"})
    assert _refs(by_change)[0] == cases[0].reference
    # Paging by last change, one at a time, gives the same order.
    seen: list[str] = []
    after = None
    while True:
        page = await _cases(
            client,
            token,
            first=1,
            after=after,
            orderBy={"field": "UPDATED_AT", "direction": "DESC"},
        )
        seen += _refs(page)
        after = page["pageInfo"]["endCursor"]
        if not page["pageInfo"]["hasNextPage"]:
            break
    assert seen == _refs(by_change)
    # A cursor of another order is refused.
    body = await call(
        client,
        token,
        CASES,
        {"after": oldest_first["pageInfo"]["endCursor"], "orderBy": {"field": "UPDATED_AT"}},
    )
    assert body["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"
    # An instant without an offset is refused.
    body = await call(client, token, CASES, {"since": "2026-01-01T00:00:00"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID_INPUT"

    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    body = await call(client, token, COMPLAINTS, {"since": future})
    assert body["data"]["complaints"] == {"edges": [], "totalCount": 0}
    body = await call(
        client,
        token,
        COMPLAINTS,
        {"orderBy": {"field": "UPDATED_AT", "direction": "ASC"}, "last": 1},
    )
    assert body["data"]["complaints"]["totalCount"] == 3
    assert len(body["data"]["complaints"]["edges"]) == 1


TIMELINE = """
query T($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  case(id: $id) {
    timeline(first: $first, after: $after, last: $last, before: $before) { edges { cursor } }
  }
}
"""


@pytest.mark.parametrize("sequence", [2**31, 2**63, -1])
async def test_a_timeline_cursor_outside_the_column_is_invalid_not_a_server_error(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, sequence: int
) -> None:
    """Review of issue 18: a forged cursor past the sequence's IntField reached the database
    (PostgreSQL refuses 2^31 for an int4, SQLite 2^63): INTERNAL_SERVER_ERROR."""
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.agent)
    for size, way in (("first", "after"), ("last", "before")):
        variables = {"id": case_id(case), size: 5, way: encode_cursor(sequence)}
        body = await call(client, token, TIMELINE, variables)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_CURSOR"], body
    # The largest the column holds is a cursor like any other: nothing lies beyond it.
    largest = {"id": case_id(case), "after": encode_cursor(2**31 - 1)}
    body = await call(client, token, TIMELINE, largest)
    assert body["data"]["case"]["timeline"]["edges"] == [], body
