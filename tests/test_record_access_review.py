"""Issue 19, 3: reading the record access log back. Auditors and admins review it through
`accessLog` (scoped by policy.access_log_filter, filtered by case, person, action and period);
the person whose records were read sees those reads through `viewer.accessLog`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import Role
from portal.cases.models import DisputeCase
from tests.factories import Factory, World, gql, quick_world
from tests.test_api_support import case_id, token_for

READ = "query C($id: ID!) { case(id: $id) { id } }"
LOG = """
query L($filter: AccessLogFilterInput, $first: Int, $after: String) {
  accessLog(filter: $filter, first: $first, after: $after) {
    edges { node {
      action readerKind readerId readerLabel roles caseReference targetType ip requestId
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""
MINE = """
query M { viewer { accessLog(first: 50) { edges { node {
  action byYou roles caseReference targetType
} } } } }
"""


async def read(client: httpx.AsyncClient, app: Starlette, who: Any, case: Any) -> None:
    response = await gql(client, READ, {"id": case_id(case)}, token=await token_for(app, who))
    assert "errors" not in response.json(), response.json()


async def log(
    client: httpx.AsyncClient, token: str, filter: dict[str, Any] | None = None, **page: Any
) -> dict[str, Any]:
    body: dict[str, Any] = (await gql(client, LOG, {"filter": filter, **page}, token=token)).json()
    return body


def shown(body: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    return [
        (n["caseReference"], n["readerLabel"], n["roles"])
        for n in (e["node"] for e in body["data"]["accessLog"]["edges"])
    ]


async def two_sides(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> tuple[World, DisputeCase, World, DisputeCase]:
    """Two organisations, a case each, each read by its agent and then by its complainant."""
    mine, theirs = await quick_world(factory), await quick_world(factory)
    own, other = await mine.new_case(), await theirs.new_case()
    for world, case in ((mine, own), (theirs, other)):
        await read(client, app, world.agent, case)
        await read(client, app, world.complainant, case)
    return mine, own, theirs, other


def label(world: World, who: str) -> str:
    user = getattr(world, who)
    return f"{user.display_name} <{user.email}>"


async def test_an_organisations_auditor_reviews_the_reads_of_its_cases_only(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    mine, own, _, other = await two_sides(client, app, factory)
    admin = await factory.user(Role.ADMIN)

    audited = await log(client, await token_for(app, mine.auditor))
    everything = await log(client, await token_for(app, admin))

    assert shown(audited) == [
        (own.reference, label(mine, "complainant"), ["complainant"]),
        (own.reference, label(mine, "agent"), ["organisation"]),
    ]
    assert sorted(r[0] for r in shown(everything)) == sorted(
        [own.reference] * 2 + [other.reference] * 2
    )
    node = audited["data"]["accessLog"]["edges"][0]["node"]
    assert (node["action"], node["readerKind"], node["targetType"], node["ip"]) == (
        "CASE_READ",
        "USER",
        "DisputeCase",
        "127.0.0.1",
    )


async def test_the_log_filters_by_case_person_action_and_period_and_pages(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    mine, own, _, other = await two_sides(client, app, factory)
    admin = await token_for(app, await factory.user(Role.ADMIN))

    by_case = await log(client, admin, {"caseReference": other.reference})
    by_person = await log(client, admin, {"person": mine.agent.email.upper()})
    by_action = await log(client, admin, {"action": "DOCUMENT_DOWNLOAD"})
    past = await log(client, admin, {"from": "2020-01-01", "until": "2020-02-01"})
    today = datetime.now(UTC).date()
    days = {"from": str(today - timedelta(days=1)), "until": str(today + timedelta(days=1))}
    recent = await log(client, admin, days)
    backwards = await log(client, admin, {"from": "2030-01-01", "until": "2020-02-01"})
    first = await log(client, admin, first=3)
    cursor = first["data"]["accessLog"]["pageInfo"]["endCursor"]
    rest = await log(client, admin, first=3, after=cursor)

    assert {r[0] for r in shown(by_case)} == {other.reference}
    assert shown(by_person) == [(own.reference, label(mine, "agent"), ["organisation"])]
    assert shown(by_action) == []
    assert shown(past) == []
    assert len(shown(recent)) == 4
    assert backwards["errors"][0]["extensions"]["code"] == "INVALID_PERIOD"
    assert len(shown(first)) == 3
    assert first["data"]["accessLog"]["pageInfo"]["hasNextPage"] is True
    assert len(shown(rest)) == 1
    assert rest["data"]["accessLog"]["pageInfo"]["hasNextPage"] is False


async def test_the_log_is_refused_to_anyone_not_auditing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    mine, *_ = await two_sides(client, app, factory)

    for who in (mine.manager, mine.agent, mine.caseworker, mine.complainant):
        body = await log(client, await token_for(app, who))
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body
        assert body["data"] is None


async def test_the_data_subject_sees_who_read_their_case_without_names(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    mine, own, _, _ = await two_sides(client, app, factory)

    body = (await gql(client, MINE, token=await token_for(app, mine.complainant))).json()
    staff = (await gql(client, MINE, token=await token_for(app, mine.agent))).json()

    reads = [e["node"] for e in body["data"]["viewer"]["accessLog"]["edges"]]
    assert reads == [
        {
            "action": "CASE_READ",
            "byYou": True,
            "roles": ["complainant"],
            "caseReference": own.reference,
            "targetType": "DisputeCase",
        },
        {
            "action": "CASE_READ",
            "byYou": False,
            "roles": ["organisation"],
            "caseReference": own.reference,
            "targetType": "DisputeCase",
        },
    ]
    assert staff["data"]["viewer"]["accessLog"]["edges"] == []
