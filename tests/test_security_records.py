"""Attacks on issue 19's records (the access log, subject-access exports, verify-bundle), over
the real HTTP surface: a reader who reaches a case file by a path that is not a case page is
still recorded."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from portal.accesslog.models import AccessAction, AccessRecord
from tests.factories import Factory, gql, quick_world
from tests.live_support import serving, subscribed
from tests.test_api_support import case_id, token_for

# A whole case file read through the list of cases, never opening a case by id.
FILE_THROUGH_LIST = """
{ cases(first: 10) { edges { node { reference
  messages { edges { node { id } } }
  documents { edges { node { id } } }
  timeline { edges { node { sequence } } }
} } } }
"""
TIMELINE_THROUGH_LIST = (
    "{ cases(first: 10) { edges { node { timeline { edges { node { sequence } } } } } } }"
)


async def test_a_case_file_read_through_the_list_of_cases_is_recorded(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world = await quick_world(factory)
    case = await world.new_case()
    token = await token_for(app, world.agent)

    listed = await gql(client, FILE_THROUGH_LIST, token=token)

    assert "errors" not in listed.json(), listed.json()
    assert [e["node"]["reference"] for e in listed.json()["data"]["cases"]["edges"]] == [
        case.reference
    ]
    reads = await AccessRecord.all().values_list("action", "reader_id", "case_id", "role")
    assert reads == [(AccessAction.CASE_READ, world.agent.id, case.id, "organisation")]


async def test_the_timeline_alone_through_the_list_is_a_read_too(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world = await quick_world(factory)
    case = await world.new_case()
    token = await token_for(app, world.caseworker)

    listed = await gql(client, TIMELINE_THROUGH_LIST, token=token)

    assert "errors" not in listed.json(), listed.json()
    reads = await AccessRecord.all().values_list("reader_id", "case_id")
    assert reads == [(world.caseworker.id, case.id)]


async def test_following_a_case_timeline_over_a_websocket_is_a_read(
    app: Starlette, factory: Factory
) -> None:
    """`caseEvents` with `afterSequence: 0` streams the whole timeline: a read of the file."""
    world = await quick_world(factory)
    case = await world.new_case()
    token = await token_for(app, world.agent)

    async with serving(app) as url, subscribed(url, token, case_id(case), after=0) as sock:
        [first] = await sock.events(1)

    assert first["sequence"] == 1
    reads = await AccessRecord.all().values_list("action", "reader_id", "case_id", "role")
    assert reads == [(AccessAction.CASE_READ, world.agent.id, case.id, "organisation")]
