"""SQL statements per request do not grow with the page size (ARCHITECTURE.md, performance)."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from portal.cases.services import Action
from tests.factories import Factory, World, quick_world
from tests.sql_statements import statements
from tests.test_api_support import call, in_file_review, token_for

LIST = """
query List($first: Int!) {
  cases(first: $first) {
    edges { node {
      id reference stage method claimedAmount { amount currency } createdAt
      availableActions viewerRoles timelineHead { sequence hash }
      clocks { kind responsible calendar startedAt dueAt status extensions }
      complainant { displayName isViewer } representative { displayName }
      organisation { name } provider { name } complaint { reference status }
      consents { method givenBy { displayName } }
      neutralAppointment { status neutral { displayName } objections { side } }
      offers { id amount { amount } status } outcome { kind } outcomes { kind }
      timeline(first: 3) { edges { node { sequence kind payload { __typename } } } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def _varied_cases(w: World, count: int) -> None:
    """Cases at several stages, so that every relation on the list has rows to load."""
    for n in range(count):
        case = await w.new_case()
        if n % 3 == 1:
            await w.act(w.caseworker, case, Action.ACCEPT)
        elif n % 3 == 2:
            case = await in_file_review(w, case)
            await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)


# The organisation's case list of ARCHITECTURE.md's budget: parties, clocks, what to do next.
CASE_LIST = """
query List($first: Int!) {
  cases(first: $first) {
    edges { node {
      reference stage clocks { kind dueAt status } availableActions
      complainant { displayName } organisation { name }
    } }
  }
}
"""


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # authentication (session, roles, and whether the viewer takes part in cases: issue
        # 17), the page, participants and appointments (the viewer's roles), clocks, offers,
        # outcomes, schemes and fee invoices (availableActions: issue 20's fee hold), users,
        # organisations
        (CASE_LIST, 11),
        # ... and providers, complaints, consents, the neutrals, objections, the timelines, and
        # the access log's one INSERT for every case whose file the page reads (issue 19, 3)
        (LIST, 18),
    ],
    ids=["case list", "every field"],
)
async def test_statements_do_not_grow_with_the_page_size(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, document: str, expected: int
) -> None:
    w = await quick_world(factory)
    await _varied_cases(w, 50)
    token = await token_for(app, w.agent)
    await call(client, token, document, {"first": 1})  # warm-up: the first request loads keys

    counts, sizes = [], []
    for first in (5, 50):
        with statements() as sql:
            body = await call(client, token, document, {"first": first})
        assert "errors" not in body, body
        counts.append(len(sql))
        sizes.append(len(body["data"]["cases"]["edges"]))

    assert sizes == [5, 50]
    assert counts == [expected, expected]
