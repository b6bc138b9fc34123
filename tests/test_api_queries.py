"""Reading cases over GraphQL: the list (keyset pages, every filter, only visible cases) and
one case, through `case`, `node` and nested fields."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import Role
from portal.accounts.services import grant_role
from portal.api.node import to_global_id
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action
from portal.cases.states import ClockStatus, Method
from tests.factories import Factory, bare, quick_world
from tests.test_api_support import call, case_id, codes, token_for

CASES = """
query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) {
    edges { cursor node { reference } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def references(client: httpx.AsyncClient, token: str, **variables: Any) -> list[str]:
    body = await call(client, token, CASES, variables)
    assert "errors" not in body, body
    return [e["node"]["reference"] for e in body["data"]["cases"]["edges"]]


# --- pages -------------------------------------------------------------------------------------


async def test_pages_run_newest_first_without_gaps_or_repeats(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(7)]
    token = await token_for(app, w.agent)

    seen: list[str] = []
    infos = []
    after = None
    while True:
        body = await call(client, token, CASES, {"first": 3, "after": after})
        connection = body["data"]["cases"]
        seen += [e["node"]["reference"] for e in connection["edges"]]
        infos.append(connection["pageInfo"])
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]

    assert seen == [c.reference for c in reversed(cases)]
    assert [(i["hasNextPage"], i["hasPreviousPage"]) for i in infos] == [
        (True, False),
        (True, True),
        (False, True),
    ]


async def test_cases_created_in_the_same_instant_page_by_id(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(4)]
    instant = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    await DisputeCase.filter(id__in=[c.id for c in cases]).update(created_at=instant)
    token = await token_for(app, w.agent)

    first = await call(client, token, CASES, {"first": 2})
    cursor = first["data"]["cases"]["pageInfo"]["endCursor"]
    rest = await references(client, token, first=2, after=cursor)

    listed = [e["node"]["reference"] for e in first["data"]["cases"]["edges"]] + rest
    assert sorted(listed) == sorted(c.reference for c in cases)
    assert len(set(listed)) == 4


async def test_a_page_holds_at_most_100_and_cursors_must_be_ours(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    token = await token_for(app, await factory.user())

    too_many = await call(client, token, CASES, {"first": 101})
    negative = await call(client, token, CASES, {"first": -1})
    forged = await call(client, token, CASES, {"after": "bm90LWEtY3Vyc29y"})
    garbage = await call(client, token, CASES, {"after": "%%%"})
    hundred = await call(client, token, CASES, {"first": 100})

    assert codes(too_many) == codes(negative) == ["PAGE_SIZE_EXCEEDED"]
    assert too_many["errors"][0]["extensions"]["maxPageSize"] == 100
    assert codes(forged) == codes(garbage) == ["INVALID_CURSOR"]
    assert hundred["data"]["cases"]["edges"] == []


# --- filters -----------------------------------------------------------------------------------


async def test_every_filter_narrows_the_list(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    mediation = await w.new_case()
    arbitration = await w.new_case(Method.ARBITRATION_BINDING)
    accepted = await w.act(w.caseworker, await w.new_case(), Action.ACCEPT)
    await DisputeCase.filter(id=arbitration.id).update(subject="Broken boiler, 50% refund")
    token = await token_for(app, w.caseworker)
    # The acceptance clock of `mediation` runs out; that of `arbitration` was missed earlier.
    await Clock.filter(case_id=mediation.id).update(due_at=datetime.now(UTC) - timedelta(hours=1))
    await Clock.filter(case_id=arbitration.id).update(status=ClockStatus.MISSED)

    by_stage = await references(client, token, filter={"stage": "ACCEPTED"})
    by_method = await references(client, token, filter={"method": "ARBITRATION_BINDING"})
    overdue = await references(client, token, filter={"overdue": True})
    on_time = await references(client, token, filter={"overdue": False})
    by_reference = await references(client, token, filter={"search": accepted.reference.lower()})
    by_subject = await references(client, token, filter={"search": "BOILER"})
    literal_percent = await references(client, token, filter={"search": "50%"})
    no_wildcards = await references(client, token, filter={"search": "%"})
    combined = await references(
        client, token, filter={"stage": "REFERRED", "method": "MEDIATION", "overdue": True}
    )

    assert by_stage == [accepted.reference]
    assert by_method == [arbitration.reference]
    assert overdue == [arbitration.reference, mediation.reference]
    assert on_time == [accepted.reference]
    assert by_reference == [accepted.reference]
    assert by_subject == literal_percent == no_wildcards == [arbitration.reference]
    assert combined == [mediation.reference]


async def test_a_missed_clock_stops_counting_once_the_case_moves_on(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await Clock.filter(case_id=case.id).update(status=ClockStatus.MISSED)
    token = await token_for(app, w.caseworker)
    before = await references(client, token, filter={"overdue": True})

    await w.act(w.caseworker, case, Action.ACCEPT)  # late, but done

    assert before == [case.reference]
    assert await references(client, token, filter={"overdue": True}) == []


async def test_a_search_longer_than_100_characters_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    token = await token_for(app, await factory.user())

    body = await call(client, token, CASES, {"filter": {"search": "x" * 101}})

    assert codes(body) == ["BAD_USER_INPUT"]


# --- who sees what -----------------------------------------------------------------------------


async def test_each_actor_lists_only_the_cases_they_may_see(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    mine = await w.new_case()
    theirs = await other.new_case()
    admin = await factory.user()
    await grant_role(admin, Role.ADMIN)

    lists = {
        name: await references(client, await token_for(app, user))
        for name, user in {
            "complainant": w.complainant,
            "agent": w.agent,
            "caseworker": w.caseworker,
            "auditor": w.auditor,
            "neutral": w.neutral,
            "other agent": other.agent,
            "admin": admin,
        }.items()
    }

    assert lists == {
        "complainant": [mine.reference],
        "agent": [mine.reference],
        "caseworker": [mine.reference],
        "auditor": [mine.reference],
        "neutral": [],
        "other agent": [theirs.reference],
        "admin": [theirs.reference, mine.reference],
    }


CASE = """
query Case($id: ID!) {
  case(id: $id) { reference complaint { reference } organisation { name } provider { name } }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { __typename id } }"


async def test_a_foreign_case_is_not_found_through_case_node_and_nested_fields(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    case = await w.new_case()
    outsider = await token_for(app, other.agent)
    missing = to_global_id("DisputeCase", uuid.uuid4())
    offer_of_missing = to_global_id("Offer", uuid.uuid4())

    as_case = [
        await call(client, outsider, CASE, {"id": i})
        for i in (case_id(case), case.reference, missing, "DR-1999-000001")
    ]
    as_node = [await call(client, outsider, NODE, {"id": i}) for i in (case_id(case), missing)]
    complaint = to_global_id("Complaint", case.complaint_id)
    nested = await call(
        client, outsider, "query N($id: ID!) { complaint(id: $id) { id } }", {"id": complaint}
    )
    offer = await call(client, outsider, NODE, {"id": offer_of_missing})

    # Issue 18: the roots are nullable; a foreign object is null with no error, as a missing one.
    for body in as_case:
        assert bare(body) == {"data": {"case": None}}
    assert bare(as_node[0]) == bare(as_node[1]) == bare(offer) == {"data": {"node": None}}
    assert bare(nested) == {"data": {"complaint": None}}


async def test_nested_fields_show_only_what_policy_lets_the_viewer_see(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    shown = {
        name: (await call(client, await token_for(app, user), CASE, {"id": case_id(case)}))["data"][
            "case"
        ]
        for name, user in {
            "agent": w.agent,
            "caseworker": w.caseworker,
            "complainant": w.complainant,
        }.items()
    }

    complaint = await case.complaint
    assert shown["agent"]["complaint"] == {"reference": complaint.reference}
    assert shown["agent"]["organisation"] == {"name": w.organisation.name}
    # Providers do not handle the organisation's complaint record (policy.may_view_complaint).
    assert shown["caseworker"]["complaint"] is None
    assert shown["caseworker"]["provider"] == {"name": w.provider.name}
    assert shown["complainant"]["complaint"] == {"reference": complaint.reference}
