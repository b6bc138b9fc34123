"""Issue 18, 3: the installation-wide event feed (`events`), on both databases.

A consumer that stops while several tasks append events concurrently (on PostgreSQL with
commits forced out of id order), then catches up from its one cursor, gets every event exactly
once and in commit order; the subscription replays then streams; `caseEvents` completes when
the case is over."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole, Stage
from portal.db import is_sqlite
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, quick_world
from tests.live_support import note, serving, socket_to, subscribed
from tests.test_api_support import call, case_id, token_for

FEED = """
query Feed($first: Int, $after: String) {
  events(first: $first, after: $after) {
    edges { cursor node { sequence kind visibility payload { ...Note } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}
fragment Note on EventPayload { ... on CaseAcceptedEventPayload { note } }
"""

FEED_LIVE = """
subscription F($after: String) {
  events(after: $after) { cursor node { sequence kind payload { ...Note } } }
}
fragment Note on EventPayload { ... on CaseAcceptedEventPayload { note } }
"""


async def _catch_up(
    client: httpx.AsyncClient, token: str, cursor: str | None
) -> tuple[list[str], str | None]:
    """Page through the feed from ``cursor`` as a standard Relay pager does."""
    notes: list[str] = []
    while True:
        body = await call(client, token, FEED, {"first": 7, "after": cursor})
        assert "errors" not in body, body
        page = body["data"]["events"]
        notes += [e["node"]["payload"].get("note") or e["node"]["kind"] for e in page["edges"]]
        cursor = page["pageInfo"]["endCursor"] or cursor
        if not page["pageInfo"]["hasNextPage"]:
            return notes, cursor


async def _note_held(
    case: DisputeCase, text: str, hold: asyncio.Event, held: asyncio.Event
) -> None:
    """Append an event, then keep the transaction open until ``hold`` is set."""
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        await record(
            row,
            EventKind.CASE_ACCEPTED,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload={"is_complex": False, "note": text},
            visibility=Visibility.ALL_PARTIES,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])
        held.set()
        await hold.wait()


async def test_a_consumer_catches_up_from_one_cursor_with_no_gap_and_no_duplicate(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, db: str
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(3)]
    token = await token_for(app, w.agent)
    seen, cursor = await _catch_up(client, token, None)
    assert cursor is not None
    assert len(seen) == 6

    # On PostgreSQL: a transaction appends first (the lower id) and commits last.
    hold, held = asyncio.Event(), asyncio.Event()
    late = None
    if not is_sqlite(db):
        late = asyncio.create_task(_note_held(cases[0], "late", hold, held))
        await held.wait()

    async def writer(case: DisputeCase, name: str) -> None:
        for n in range(10):
            await note(case, Visibility.ALL_PARTIES, f"{name} {n}")

    # Several writers, one on each case, while the consumer reads now and then.
    writers = [asyncio.create_task(writer(c, f"w{i}")) for i, c in enumerate(cases[1:], 1)]
    middle, cursor = await _catch_up(client, token, cursor)
    await asyncio.gather(*writers)
    more, cursor = await _catch_up(client, token, cursor)
    if late is not None:
        assert "late" not in middle + more  # not committed yet
        hold.set()
        await late
    rest, cursor = await _catch_up(client, token, cursor)

    received = middle + more + rest
    expected = [f"w{i} {n}" for i in (1, 2) for n in range(10)] + (["late"] if late else [])
    assert sorted(received) == sorted(expected)
    assert len(received) == len(set(received))  # exactly once
    for i in (1, 2):  # each case's events in their order
        mine = [r for r in received if r.startswith(f"w{i} ")]
        assert mine == [f"w{i} {n}" for n in range(10)]
    # The feed's order is the commit order: positions rise with it.
    positions = [
        p
        for (p,) in await TimelineEvent.filter(position__not_isnull=True)
        .order_by("position")
        .values_list("position")
    ]
    assert positions == sorted(set(positions))
    if late is not None:
        last = await TimelineEvent.filter(position__not_isnull=True).order_by("-position").first()
        assert last is not None
        assert last.payload == {"is_complex": False, "note": "late"}


async def test_the_feed_shows_each_reader_only_what_the_policy_lets_it_read(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await note(case, Visibility.ORGANISATION_INTERNAL, "internal")
    await note(case, Visibility.ALL_PARTIES, "shared")
    agent, _ = await _catch_up(client, await token_for(app, w.agent), None)
    complainant, _ = await _catch_up(client, await token_for(app, w.complainant), None)
    assert "internal" in agent
    assert "shared" in agent
    assert "internal" not in complainant
    assert "shared" in complainant
    other = await quick_world(factory, country="FR")
    stranger, _ = await _catch_up(client, await token_for(app, other.agent), None)
    assert stranger == []
    unappointed, _ = await _catch_up(client, await token_for(app, w.neutral), None)
    assert unappointed == []


async def test_first_zero_and_total_count(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    await w.new_case()
    token = await token_for(app, w.agent)
    body = await call(client, token, FEED, {"first": 0})
    page = body["data"]["events"]
    assert page["edges"] == []
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["totalCount"] == 2
    _, end = await _catch_up(client, token, None)
    body = await call(client, token, FEED, {"first": 0, "after": end})
    page = body["data"]["events"]
    assert page["pageInfo"] == {"hasNextPage": False, "endCursor": end}


# --- the subscription ----------------------------------------------------------------------


@pytest.fixture
async def url(app: Starlette, db: str) -> AsyncIterator[str]:
    async with serving(app) as ws_url:
        yield ws_url


async def _next(sock: Any, id: str = "f") -> dict[str, Any]:
    message = await sock.receive()
    assert (message["type"], message["id"]) == ("next", id), message
    assert "errors" not in message["payload"], message
    edge: dict[str, Any] = message["payload"]["data"]["events"]
    return edge


async def test_the_subscription_replays_from_the_cursor_then_streams_live(
    url: str, client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.agent)
    body = await call(client, token, FEED, {"first": 1})
    cursor = body["data"]["events"]["pageInfo"]["endCursor"]
    async with socket_to(url) as sock:
        assert (await sock.init(token))["type"] == "connection_ack"
        payload = {"query": FEED_LIVE, "variables": {"after": cursor}}
        await sock.send({"id": "f", "type": "subscribe", "payload": payload})
        replayed = await _next(sock)
        assert replayed["node"]["sequence"] == 2
        await note(case, Visibility.ALL_PARTIES, "live")
        live = await _next(sock)
        assert live["node"]["payload"] == {"note": "live"}
    # Its cursor is the query's: paging on from it finds nothing more.
    body = await call(client, token, FEED, {"after": live["cursor"]})
    assert body["data"]["events"]["edges"] == []


@pytest.mark.parametrize("position", [2**63, 2**64 + 5, -1])
async def test_a_feed_cursor_outside_the_column_is_invalid_not_a_server_error(
    url: str, client: httpx.AsyncClient, app: Starlette, factory: Factory, position: int
) -> None:
    """Review of issue 18: a forged cursor past a BigIntField (or below 0) reached the database,
    which could not hold it: INTERNAL_SERVER_ERROR on both, for the query and the subscription."""
    w = await quick_world(factory)
    await w.new_case()
    token = await token_for(app, w.agent)
    # Written by hand: the server's encoder (orjson) writes no integer past 64 bits.
    forged = base64.urlsafe_b64encode(f'["feed",{position}]'.encode()).decode()

    body = await call(client, token, FEED, {"after": forged})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID_CURSOR"], body

    async with socket_to(url) as sock:
        assert (await sock.init(token))["type"] == "connection_ack"
        payload = {"query": FEED_LIVE, "variables": {"after": forged}}
        await sock.send({"id": "f", "type": "subscribe", "payload": payload})
        message = await sock.receive()
    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["INVALID_CURSOR"], message


# --- caseEvents completes when the case is over ----------------------------------------------


async def _close(case: DisputeCase) -> None:
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        row.stage = Stage.CLOSED
        await record(
            row,
            EventKind.CASE_ACCEPTED,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload={"is_complex": False, "note": "closing"},
        )
        await row.save(update_fields=["stage", "last_sequence", "head_hash"])


async def test_case_events_completes_after_the_closing_event(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    async with subscribed(url, token, case_id(case), 2) as sock:
        await note(case, Visibility.ALL_PARTIES, "before")
        await _close(case)
        assert await sock.until("closing") == ["before", "closing"]
        message = await sock.receive()
        assert message == {"id": "1", "type": "complete"}


async def test_case_events_of_a_closed_case_completes_after_replaying(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await _close(case)
    token = await token_for(app, w.complainant)
    async with subscribed(url, token, case_id(case), 0) as sock:
        replayed = await sock.events(3)
        assert replayed[-1]["payload"] == {"note": "closing"}
        assert await sock.receive() == {"id": "1", "type": "complete"}
