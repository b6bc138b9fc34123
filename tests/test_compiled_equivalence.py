"""Two executors, one answer (issue 17, 3): every compiled operation (portal.api.compiled) is
sent through both paths, for every principal of the access matrix's world (own and foreign
case, each role, integration clients with their scopes, anonymous), with empty pages, cursors
and page boundaries, `first: 0`, filters and orders, refused and malformed variables, and the
two answers must be identical: status, body (data, errors, extensions with the cost) and rate
limit headers. The request that should have been compiled must have been (the `executor`
label of /metrics), so the comparison is never between two interpreted answers.

The interpreted answer is asked with the registered text and a newline after it: the same
document, but not a registered one, so strawberry answers. Rate-limit buckets are emptied
before each request so both see the same `throttleStatus`.

Runs on SQLite and PostgreSQL: the compiled executor runs the resolvers themselves, so it is on
for both databases.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import (
    DocumentNode,
    FieldNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
    print_ast,
    visit,
)
from graphql.language import Visitor
from starlette.applications import Starlette

from portal import metrics
from portal.api.compiled import (
    COMPILED_OPERATIONS,
    CompiledOperations,
    NotCompilable,
    compile_operation,
)
from portal.api.persisted import registry
from portal.api.schema import build_schema
from portal.app import create_app
from portal.cases.models import DisputeCase
from portal.settings import Settings
from tests.access_matrix_world import Me, build_side, link_neighbours, missing_target
from tests.factories import Factory
from tests.test_access_matrix import _principals

# Every operation of graphql/operations/ that the compiled executor does not answer, and why.
# A new operation must be added here or to COMPILED_OPERATIONS (with cases below).
INTERPRETED_OPERATIONS: dict[str, str] = {
    # name: why the plan cannot follow it (portal.api.compiled.NotCompilable); none today.
}
# Queries that compile but are answered by strawberry still: each one needs its cases in this
# test before it joins COMPILED_OPERATIONS (issue 17 asks first for the case list and the case
# page's requests).
NOT_YET_COMPILED = frozenset(
    {
        "AccessLog",
        "AdminAuditLog",
        "AdminErasureRequests",
        "AdminOrganisations",
        "AdminProviders",
        "AuditFindingPage",
        "AuditFindings",
        "AuditReport",
        "AuditRunProgress",
        "AuditRuns",
        "AdminOrganisation",
        "AdminProvider",
        "CaseBundle",
        "CaseRepresentative",
        "CaseRoster",
        "CommitmentsForEditing",
        "Directory",
        "DirectoryProvider",
        "DocumentLink",
        "DocumentVersions",
        "EligibleProviders",
        "FairnessView",
        "HandledComplaint",
        "IntegrationClient",
        "IntegrationClients",
        "ManagementReview",
        "MyComplaints",
        "MyDataExportLinks",
        "MyPreferences",
        "MyPrivacy",
        "MyReceipts",
        "MyRecordReads",
        "NeutralCaseFile",
        "OrganisationComplaints",
        "Organisations",
        "ProviderForEditing",
        "PublicTransparency",
        "RepresentativeInvitation",
        "StaffInvitation",
        "Survey",
        "SurveyPolicyForEditing",
        "Team",
        "UploadLimits",
        "VerifyComplaint",
        "VerifyReceipt",
        "VerifyTimeline",
        "Viewer",
        "WebhookSubscriptionLog",
        "WebhookSubscriptions",
    }
)


def test_every_operation_is_listed_as_compiled_or_interpreted(settings: Settings) -> None:
    """Each operation of graphql/operations/ is compiled, or interpreted for a stated reason:
    a mutation or subscription, a type the plan cannot follow (the plan's own refusal must
    still hold), or a query not covered by this test yet. A new one fails until listed."""
    schema = build_schema(settings)._schema
    unlisted, wrong = [], []
    for name, operation in sorted(registry().by_name.items()):
        try:
            compile_operation(schema, parse(operation.text), name)
            compiles = True
        except NotCompilable:
            compiles = False
        kind = operation.kind.value
        if name in COMPILED_OPERATIONS:
            if kind != "query" or not compiles:
                wrong.append(f"{name} is listed as compiled and does not compile")
        elif name in INTERPRETED_OPERATIONS:
            if compiles:
                wrong.append(f"{name}: {INTERPRETED_OPERATIONS[name]}, no longer")
        elif name in NOT_YET_COMPILED:
            if not compiles:
                wrong.append(f"{name} no longer compiles: say why in INTERPRETED_OPERATIONS")
        elif kind == "query":
            unlisted.append(name)
        else:
            # Mutations and subscriptions are never compiled: they must not even plan.
            assert not compiles, name
    assert unlisted == [], f"list in COMPILED_OPERATIONS or the interpreted lists: {unlisted}"
    assert wrong == []
    assert {"Cases", "CasePage", "CaseTimeline", "CaseFile"} <= COMPILED_OPERATIONS
    assert (
        COMPILED_OPERATIONS | NOT_YET_COMPILED | set(INTERPRETED_OPERATIONS) <= registry().names()
    )


# --- the world: the access matrix's two sides --------------------------------------------------


BASE = "http://testserver"


@dataclasses.dataclass
class World:
    app: Starlette  # the compiled executor on
    plain: Starlette  # the same, with every operation interpreted
    people: list[Me]
    missing: dict[str, Any]
    compiled: httpx.AsyncClient | None = None
    interpreted: httpx.AsyncClient | None = None


def _view(app: Starlette) -> Any:
    for route in app.routes:
        view = getattr(route, "app", None) or getattr(route, "endpoint", None)
        if isinstance(getattr(view, "compiled", None), CompiledOperations):
            return view
    raise AssertionError("no GraphQL view")


@pytest.fixture(scope="module")
async def world(db: str, settings: Settings) -> World:
    settings = dataclasses.replace(
        settings,
        webhook_allow_private=True,
        frontend_dir=str(Path(settings.data_dir) / "no-frontend-build"),
    )
    app = create_app(settings, manage_orm=False)
    plain = create_app(settings, manage_orm=False)
    view = _view(plain)
    view.compiled = CompiledOperations(view.schema, registry(), names=frozenset())
    for each in (app, plain):
        # Rate limits on a clock that stands still: the same throttleStatus however long
        # each executor took (tests/test_rate_limits.py injects it too).
        each.state.rate_limits.clock = lambda: 0.0
    factory = Factory(settings)
    home = await build_side(factory, settings, app)
    away = await build_side(factory, settings, app)
    await link_neighbours(home, away)
    return World(app, plain, await _principals(app, factory, home, away), missing_target(app))


def _compiled_count(name: str) -> float:
    return sum(
        metrics.REGISTRY.get_sample_value(
            "parley_graphql_operations_total",
            {"operation": name, "outcome": outcome, "executor": metrics.COMPILED},
        )
        or 0.0
        for outcome in (metrics.OK, metrics.USER_ERROR, metrics.ERROR)
    )


@dataclasses.dataclass
class Answer:
    status: int
    text: str  # the bytes as sent: the same keys in the same order
    body: Any
    headers: dict[str, str]
    compiled: bool


async def _send(
    app: Starlette, client: httpx.AsyncClient, me: Me, name: str, query: str, variables: Any
) -> Answer:
    app.state.rate_limits.clear()
    headers = {"Authorization": f"Bearer {me.token}"} if me.token else {}
    before = _compiled_count(name)
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables, "operationName": name},
        headers=headers,
    )
    kept = {
        k: v
        for k, v in response.headers.items()
        if k.lower().startswith(("ratelimit", "content-type", "retry-after"))
    }
    return Answer(
        response.status_code, response.text, response.json(), kept, _compiled_count(name) > before
    )


def client_text(name: str) -> str:
    """The registered operation as the web portal's urql client sends it: `__typename` added
    to every selection set below the root (its document cache does), the fragments first."""

    class AddTypenames(Visitor):
        def leave_selection_set(self, node: SelectionSetNode, *_: Any) -> SelectionSetNode:
            names = {s.name.value for s in node.selections if isinstance(s, FieldNode)}
            if "__typename" in names:
                return node
            typename = FieldNode(name=NameNode(value="__typename"), arguments=(), directives=())
            return SelectionSetNode(selections=(*node.selections, typename))

    document = parse(registry().by_name[name].text)
    added = visit(document, AddTypenames())
    operation, *fragments = added.definitions
    assert isinstance(operation, OperationDefinitionNode)
    # The operation's own selection set (the root) gets none.
    root = parse(print_ast(DocumentNode(definitions=(operation,)))).definitions[0]
    assert isinstance(root, OperationDefinitionNode)
    root_fields = tuple(
        s for s in root.selection_set.selections
        if not (isinstance(s, FieldNode) and s.name.value == "__typename")
    )  # fmt: skip
    operation = OperationDefinitionNode(
        operation=root.operation,
        name=root.name,
        variable_definitions=root.variable_definitions,
        directives=root.directives,
        selection_set=SelectionSetNode(selections=root_fields),
    )
    return print_ast(DocumentNode(definitions=(*fragments, operation)))


async def _both(
    world: World, me: Me, name: str, variables: Any, text: str | None = None
) -> dict[str, Any]:
    """Both executors' answers, required identical; the compiled one's body."""
    assert world.compiled is not None
    assert world.interpreted is not None
    text = text or registry().by_name[name].text
    interpreted = await _send(world.plain, world.interpreted, me, name, text, variables)
    compiled = await _send(world.app, world.compiled, me, name, text, variables)
    where = f"{name} as {me.who} with {variables}"
    assert not interpreted.compiled, where
    assert (compiled.status, compiled.body, compiled.headers) == (
        interpreted.status,
        interpreted.body,
        interpreted.headers,
    ), where
    assert compiled.text == interpreted.text, where
    # A person's plain answer is the compiled executor's; an error, anonymous or an
    # integration client's token (scopes are ScopeCheck's to decide) stays interpreted.
    person = me.token is not None and me.actor is not None and me.actor.scopes is None
    plain = isinstance(compiled.body, dict) and "errors" not in compiled.body
    assert compiled.compiled == (person and plain), where
    body: dict[str, Any] = compiled.body
    return body


async def _warm(world: World, me: Me) -> None:
    """The first request of a text validates it (then cached): the compiled executor
    answers only validated documents."""
    assert world.compiled is not None
    for name in sorted(COMPILED_OPERATIONS):
        for text in (registry().by_name[name].text, client_text(name)):
            await _send(world.app, world.compiled, me, name, text, {"id": "x"})


CASE_LISTS: list[dict[str, Any]] = [
    {},
    {"first": 0},
    {"first": 100},
    {"first": 101},  # PAGE_SIZE_EXCEEDED
    {"first": -1},
    {"first": "five"},  # a variable that does not coerce
    {"after": "not-a-cursor"},  # INVALID_CURSOR
    {"filter": {"stage": "IN_RESOLUTION"}},
    {"filter": {"stage": "CLOSED"}},
    {"filter": {"overdue": True}},
    {"filter": {"overdue": False, "method": "MEDIATION"}},
    {"filter": {"search": "Overcharged"}},
    {"filter": {"search": "nothing-like-this"}},  # an empty list
    {"filter": {"search": "x" * 101}},  # too long
    {"orderBy": {"field": "UPDATED_AT", "direction": "ASC"}},
    {"orderBy": {"field": "NEXT_DUE"}},
    {"orderBy": {"field": "NEXT_DUE", "direction": "DESC"}},  # refused
    {"first": 2, "orderBy": {"field": "NEXT_DUE"}},
]


async def _pages(world: World, me: Me, order: Any) -> None:
    """Page by page, one case at a time, then two at a time, to the end and past it."""
    for size in (1, 2):
        after: str | None = None
        for _ in range(8):
            variables = {"first": size, "after": after, "orderBy": order}
            body = await _both(world, me, "Cases", variables)
            if "errors" in body or body["data"]["cases"] is None:
                break
            info = body["data"]["cases"]["pageInfo"]
            after = info["endCursor"]
            if not info["hasNextPage"]:
                # Past the last page: an empty page from the last cursor.
                await _both(world, me, "Cases", {"first": size, "after": after, "orderBy": order})
                break


async def _timeline(world: World, me: Me, case: str) -> None:
    """The case's events page by page (five at a time, to past the end), one page of 50, and
    the refused sizes."""
    after: str | None = None
    for _ in range(40):
        body = await _both(world, me, "CaseTimeline", {"id": case, "first": 5, "after": after})
        timeline = ((body.get("data") or {}).get("case") or {}).get("timeline")
        if timeline is None:
            break
        after = timeline["pageInfo"]["endCursor"]
        if not timeline["pageInfo"]["hasNextPage"]:
            await _both(world, me, "CaseTimeline", {"id": case, "first": 5, "after": after})
            break
    for variables in ({"first": 50}, {}, {"first": 0}, {"first": 101}, {"after": "not-a-cursor"}):
        await _both(world, me, "CaseTimeline", {"id": case, **variables})


async def test_both_executors_answer_alike(world: World) -> None:
    """One test, one world: the database is emptied after each test, and the world (two
    sides of the access matrix) is too dear to build twice."""
    async with (
        httpx.AsyncClient(transport=httpx.ASGITransport(app=world.app), base_url=BASE) as compiled,
        httpx.AsyncClient(transport=httpx.ASGITransport(app=world.plain), base_url=BASE) as plain,
    ):
        world.compiled, world.interpreted = compiled, plain
        await _warm(world, world.people[1])
        listed = 0
        for me in world.people:
            for variables in CASE_LISTS:
                body = await _both(world, me, "Cases", variables)
                if "errors" not in body:
                    listed += len(body["data"]["cases"]["edges"])
            for order in (None, {"field": "UPDATED_AT", "direction": "ASC"}, {"field": "NEXT_DUE"}):
                await _pages(world, me, order)
        assert listed > 0  # not every principal saw an empty list
        seen = 0
        for me in world.people:
            own, foreign = me.side.target, me.other.target
            reference = (await DisputeCase.get(id=own["case_uuid"])).reference
            for case in (own["case"], foreign["case"], world.missing["case"], "DR-0000-000000"):
                for language in (None, "EN", "ZH_HANS"):
                    body = await _both(world, me, "CasePage", {"id": case, "language": language})
                    seen += bool((body.get("data") or {}).get("case"))
                await _both(world, me, "CaseFile", {"id": case})
                await _timeline(world, me, case)
            await _both(world, me, "CasePage", {"id": reference})
            await _both(world, me, "CasePage", {"id": 5})  # an ID variable given a number
            await _both(world, me, "CasePage", {})  # a required variable missing
        assert seen > 0
        # The web portal's own texts: urql adds `__typename` everywhere, in another order.
        for me in world.people:
            own = me.side.target["case"]
            await _both(world, me, "Cases", {"first": 5}, client_text("Cases"))
            await _both(world, me, "CasePage", {"id": own}, client_text("CasePage"))
            await _both(
                world, me, "CaseTimeline", {"id": own, "first": 5}, client_text("CaseTimeline")
            )
            await _both(world, me, "CaseFile", {"id": own}, client_text("CaseFile"))
