"""Two executors, one answer (issue 17, 3): the compiled `Cases` operation (portal.api.compiled)
and strawberry give the same response, byte for byte, for every role and page.

Each request runs the registered text through two apps over the same database: one with
`graphql_compiled` on (the compiled path answers, on PostgreSQL) and one with it off
(strawberry only). On SQLite the compiled path is off by design: the test then checks that
every answer was strawberry's, and says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
import pytest
from graphql import (
    FieldNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    parse,
    print_ast,
    visit,
)
from starlette.applications import Starlette

from portal import metrics
from portal.accounts.models import Role, User
from portal.accounts.services import grant_role
from portal.api.compiled import COMPILED_OPERATIONS, executor_of
from portal.api.persisted import operation_files, registry
from portal.app import create_app
from portal.auth.limits import attempt_from
from portal.auth.policy import Scope
from portal.casefiles import services as casefiles
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action
from portal.cases.states import Method, Stage
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests.access_matrix_world import Side
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, actor_for, quick_world
from tests.fees_support import matrix_fees
from tests.sql_statements import statements

ON_POSTGRES = TEST_DATABASE_URL != "sqlite"
CASES = registry().by_name["Cases"].text


@pytest.fixture(scope="module")
def interpreted_app(settings: Settings) -> Starlette:
    return create_app(dataclasses.replace(settings, graphql_compiled=False), manage_orm=False)


@pytest.fixture
async def interpreted(interpreted_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=interpreted_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


def test_every_operation_is_listed_compiled_or_interpreted() -> None:
    """A new operation in graphql/operations/ is interpreted until it compiles with this
    test; the listing says which is which."""
    named = {
        d.name.value
        for path in operation_files()
        for d in parse(path.read_text()).definitions
        if isinstance(d, OperationDefinitionNode) and d.name is not None
    }
    listing = {name: executor_of(name) for name in sorted(named)}
    # tests/test_compiled_casepage.py and tests/test_compiled_case_equivalence.py hold the others
    compiled = {"Cases", "CasePage", "CaseTimeline", "CaseFile"}
    assert {n for n, e in listing.items() if e == "compiled"} == COMPILED_OPERATIONS == compiled
    assert {n for n, e in listing.items() if e == "interpreted"} == named - compiled


# --- the world: two sides, a case at every stage, everyone who may list cases ---------------


@dataclass
class Principal:
    name: str
    token: str


async def _principals(app: Starlette, factory: Factory, home: Side, away: Side) -> list[Principal]:
    auth = app.state.auth

    async def person(user: User) -> str:
        return str((await auth.start_session(user, method="password")).access_token)

    async def client(scopes: set[Scope], **where: Any) -> str:
        made = await factory.service_account(Role.PROVIDER_CASEWORKER, scopes=scopes, **where)
        issued = await auth.client_credentials(
            made.account.client_id, made.client_secret, attempt_from("127.0.0.1")
        )
        return str(issued.access_token)

    w = home.w

    async def agent_and_auditor() -> User:
        user = await factory.user(Role.ORG_AGENT, organisation=w.organisation)
        await grant_role(user, Role.AUDITOR, organisation=w.organisation)
        return user

    people: list[Principal] = [
        Principal("consumer (own cases)", await person(w.complainant)),
        Principal("consumer (the other side's)", await person(away.w.complainant)),
        Principal("consumer with no case", await person(await factory.user())),
        Principal("representative", await person(home.representative)),
        Principal("organisation agent", await person(w.agent)),
        Principal("organisation manager", await person(w.manager)),
        Principal("provider caseworker", await person(w.caseworker)),
        Principal("neutral", await person(w.neutral)),
        Principal("neutral removed", await person(home.removed_neutral)),
        Principal("auditor", await person(w.auditor)),
        # Two roles on every case of the organisation: `viewerRoles` has an order to keep.
        Principal("organisation agent and auditor", await person(await agent_and_auditor())),
        Principal("admin", await person(await factory.user(Role.ADMIN))),
        Principal("organisation client", await person_of_client(auth, home.org_client)),
        Principal("provider client", await person_of_client(auth, home.provider_client)),
    ]
    for scopes in ({Scope.READ}, {Scope.WRITE}, {Scope.WEBHOOKS}, {Scope.READ, Scope.WRITE}):
        label = "+".join(sorted(s.value for s in scopes))
        people.append(
            Principal(f"provider client ({label})", await client(scopes, provider=w.provider))
        )
    return people


async def person_of_client(auth: Any, made: Any) -> str:
    issued = await auth.client_credentials(
        made.account.client_id, made.client_secret, attempt_from("127.0.0.1")
    )
    return str(issued.access_token)


async def _side(factory: Factory, settings: Settings, app: Starlette, *, full: bool = True) -> Side:
    """One organisation at one provider (the access matrix's side, without its other
    objects): a standing case in resolution with a representative, a neutral removed on an
    upheld objection and another confirmed, fees, an offer and a message; a closed case."""
    w = await quick_world(factory)
    side = Side(
        w=w,
        representative=await factory.user(),
        removed_neutral=await factory.user(Role.NEUTRAL, provider=w.provider),
        org_client=await factory.service_account(Role.ORG_AGENT, organisation=w.organisation),
        provider_client=await factory.service_account(
            Role.PROVIDER_CASEWORKER, provider=w.provider
        ),
        settings=settings,
        auth=app.state.auth,
    )
    if not full:
        await side.case_at(Stage.ACCEPTED)
        return side
    await matrix_fees(w)
    case = await side.case_at(Stage.FILE_REVIEW)
    case = await side.declared(case, side.removed_neutral)
    case = await side.act(w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Conflict.")
    case = await side.act(
        w.caseworker, case, Action.DECIDE_OBJECTION, upheld=True, reasons="A conflict."
    )
    case = await side.confirmed(case, w.neutral)
    case = await w.reply(case)
    case = await side.act(w.caseworker, case, Action.COMPLETE_FILE)
    await side.offer_by(case, w.agent)
    await casefiles.post_message(
        await actor_for(w.complainant), case.id, "Hello", Visibility.ALL_PARTIES
    )
    closed = await side.case_at(Stage.REFERRED)
    await side.act(
        w.caseworker, closed, Action.CLOSE, reason="discontinued", note="Stopped answering."
    )
    return side


async def _world(app: Starlette, factory: Factory, settings: Settings) -> tuple[Side, Side]:
    home = await _side(factory, settings, app)
    away = await _side(factory, settings, app, full=False)
    for stage in (Stage.REFERRED, Stage.ACCEPTED, Stage.AWAITING_RESPONSE, Stage.OUTCOME_PROPOSED):
        await home.case_at(stage)
    await home.case_at(Stage.IN_RESOLUTION, Method.CONCILIATION)
    # Null fields: no claimed amount.
    bare = await home.w.new_case(claimed_amount=None)
    # Instants on a whole second: `isoformat()` writes no microseconds then.
    whole = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    await DisputeCase.filter(id=bare.id).update(created_at=whole, stage_changed_at=whole)
    await Clock.filter(case_id=bare.id).update(started_at=whole)
    return home, away


ORDERS: list[dict[str, Any] | None] = [
    None,
    {"field": "UPDATED_AT"},
    {"field": "UPDATED_AT", "direction": "ASC"},
    {"field": "CREATED_AT", "direction": "ASC"},
]

VARIABLES: list[dict[str, Any]] = [
    {},
    {"first": 0},
    {"first": 1},
    {"first": 5},
    {"first": 50},
    {"first": 100},
    {"first": 3, "orderBy": {"field": "UPDATED_AT"}},
    {"first": 3, "orderBy": {"field": "UPDATED_AT", "direction": "ASC"}},
    {"first": 3, "orderBy": {"field": "CREATED_AT", "direction": "ASC"}},
    {"first": 3, "orderBy": {"field": "CREATED_AT", "direction": None}},
    {"first": 3, "orderBy": None, "filter": None},
    {"filter": {"stage": "REFERRED"}},
    {"filter": {"method": "CONCILIATION"}},
    {"filter": {"overdue": True}},
    {"filter": {"overdue": False}},
    {"filter": {"search": "DR-"}},
    {"filter": {"search": "no case is called this"}},
    {"filter": {"search": "  "}},
    # Interpreted (not compiled) or refused: the same answer either way.
    {"orderBy": {"field": "NEXT_DUE"}},
    {"orderBy": {"field": "NEXT_DUE", "direction": "DESC"}},
    {"first": 101},
    {"first": -1},
    {"first": "five"},
    {"after": "not a cursor"},
    {"filter": {"stage": "NOT_A_STAGE"}},
    {"filter": {"search": "x" * 101}},
    {"unknown": 1},
]


async def _both(
    compiled: tuple[Starlette, httpx.AsyncClient],
    interpreted: tuple[Starlette, httpx.AsyncClient],
    token: str,
    variables: dict[str, Any],
    query: str = CASES,
) -> tuple[httpx.Response, httpx.Response]:
    answers = []
    for app, client in (compiled, interpreted):
        app.state.rate_limits.clear()
        answers.append(
            await client.post(
                "/graphql",
                json={"query": query, "variables": variables, "operationName": "Cases"},
                headers={"Authorization": f"Bearer {token}"},
            )
        )
    return answers[0], answers[1]


class _Typenames(Visitor):
    def enter_selection_set(self, node: SelectionSetNode, _key: Any, parent: Any, *_: Any) -> Any:
        if isinstance(parent, OperationDefinitionNode) or any(
            isinstance(f, FieldNode) and f.name.value == "__typename" for f in node.selections
        ):
            return None
        typename = FieldNode(name=NameNode(value="__typename"), arguments=(), directives=())
        return SelectionSetNode(selections=(*node.selections, typename))


def with_typenames(text: str) -> str:
    """``text`` as urql's `formatDocument` sends it: `__typename` in every selection set."""
    return print_ast(visit(parse(text), _Typenames()))


def _compiled_count() -> float:
    return sum(
        sample.value
        for family in metrics.GRAPHQL_OPERATIONS.collect()
        for sample in family.samples
        if sample.name.endswith("_total")
        and sample.labels.get("operation") == "Cases"
        and sample.labels.get("executor") == "compiled"
    )


async def test_compiled_cases_answers_as_strawberry_does(
    app: Starlette,
    client: httpx.AsyncClient,
    interpreted_app: Starlette,
    interpreted: httpx.AsyncClient,
    factory: Factory,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for each in (app, interpreted_app):
        monkeypatch.setattr(each.state.rate_limits, "clock", lambda: 0.0)
    home, away = await _world(app, factory, settings)
    people = await _principals(app, factory, home, away)
    compiled_side, interpreted_side = (app, client), (interpreted_app, interpreted)
    before = _compiled_count()
    listed: dict[str, int] = {}
    for who in people:
        # The validation cache holds a document once strawberry validated it: the first
        # request of a process is interpreted.
        await _both(compiled_side, interpreted_side, who.token, {})
        for variables in VARIABLES:
            got, want = await _both(compiled_side, interpreted_side, who.token, variables)
            assert got.status_code == want.status_code, (who.name, variables)
            assert got.headers["content-type"] == want.headers["content-type"]
            assert got.content == want.content, (who.name, variables, got.text, want.text)
        # Page through everything two at a time, forward from each `endCursor`, in each
        # order; once more past the end (an empty page keeps the cursor); and with the
        # cursor of another order (INVALID_CURSOR).
        for order in ORDERS:
            after: str | None = None
            seen = 0
            while True:
                variables = {"first": 2, "after": after, "orderBy": order}
                got, want = await _both(compiled_side, interpreted_side, who.token, variables)
                assert got.content == want.content, (who.name, variables, got.text, want.text)
                body = orjson.loads(got.content)
                if "data" not in body or body["data"] is None:
                    break
                page = body["data"]["cases"]
                seen += len(page["edges"])
                after = page["pageInfo"]["endCursor"]
                if not page["pageInfo"]["hasNextPage"]:
                    for other in ORDERS:
                        variables = {"first": 2, "after": after, "orderBy": other}
                        got, want = await _both(
                            compiled_side, interpreted_side, who.token, variables
                        )
                        assert got.content == want.content, (who.name, variables, got.text)
                    break
            listed[who.name] = seen
    # As the web portal's client sends it: urql's document cache adds `__typename` to every
    # selection set but the root's.
    typed = with_typenames(CASES)
    before_typed = _compiled_count()
    for who in people:
        await _both(compiled_side, interpreted_side, who.token, {}, typed)
        for variables in ({}, {"first": 0}, {"first": 2}, {"filter": {"stage": "REFERRED"}}):
            got, want = await _both(compiled_side, interpreted_side, who.token, variables, typed)
            assert got.content == want.content, (who.name, variables, got.text, want.text)
            assert b"__typename" in got.content or b"errors" in got.content
    typed_answers = _compiled_count() - before_typed
    compiled_answers = _compiled_count() - before
    # Somebody saw cases, somebody saw none, and every role was asked.
    assert listed["admin"] >= 8
    assert listed["consumer with no case"] == 0
    assert listed["consumer (own cases)"] > 0
    assert listed["provider caseworker"] > 0
    if ON_POSTGRES:
        assert compiled_answers > len(people) * 10, "the compiled path did not answer"
        assert typed_answers >= len(people) * 3, "urql's document was not compiled"
    else:
        # SQLite: the compiled path is PostgreSQL only; every answer was strawberry's.
        assert compiled_answers == typed_answers == 0


async def test_compiled_cases_sends_as_many_statements_for_5_as_for_100(
    app: Starlette, client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    """A page costs a fixed number of statements, whatever its size (issue 17, done when)."""
    if not ON_POSTGRES:
        pytest.skip("the compiled path runs on PostgreSQL only; SQLite is interpreted")
    home = await _side(factory, settings, app)
    for stage in (Stage.REFERRED, Stage.ACCEPTED, Stage.AWAITING_RESPONSE):
        await home.case_at(stage)
    w = home.w
    for user in (w.caseworker, w.agent, w.complainant, w.neutral):
        token = str((await app.state.auth.start_session(user, method="password")).access_token)
        counts = []
        for size in (1, 2, 5, 100):
            await _both((app, client), (app, client), token, {"first": size})  # validated once
            before = _compiled_count()
            with statements() as sent:
                app.state.rate_limits.clear()
                response = await client.post(
                    "/graphql",
                    json={"query": CASES, "variables": {"first": size}},
                    headers={"Authorization": f"Bearer {token}"},
                )
            assert response.status_code == 200, response.text
            assert _compiled_count() == before + 1
            counts.append(len(sent))
        assert len(set(counts)) == 1, (user.email, counts)


async def test_rows_builds_the_models_init_from_db_builds(
    app: Starlette, factory: Factory, settings: Settings
) -> None:
    """The compiled path's models from a page's rows (`loaders.Rows`) are the ones tortoise's
    `_init_from_db` builds from the same records: same class, same attributes and values
    (enums as members, instants in the configured zone, nulls), for the case and every load
    `together` reads for the list."""
    if not ON_POSTGRES:
        pytest.skip("`Rows` reads PostgreSQL's records; SQLite uses tortoise's queries")
    from tortoise import connections

    from portal.api.cases import loaders
    from portal.api.compiled import CASE_ROWS, SCHEMES

    home = await _side(factory, settings, app)
    await home.case_at(Stage.OUTCOME_PROPOSED)
    await home.w.new_case(claimed_amount=None)
    db = connections.get("default")
    _, records = await db.execute_query('SELECT * FROM "dispute_case"', [])
    assert len(records) >= 4
    ids = [record["id"] for record in records]
    loads: list[loaders.Grouped[Any]] = [
        loaders.participants_by_case,
        loaders.appointments_by_case,
        loaders.clocks_by_case,
        loaders.offers_by_case,
        loaders.outcomes_by_case,
        loaders.fee_invoices_by_case,
    ]
    checked: list[tuple[Any, list[Any]]] = [(CASE_ROWS, list(records))]
    for load in loads:
        _, found = await db.execute_query(load.rows_sql("$1", "t.*"), [ids])
        checked.append((load.rows, list(found)))
    scheme_ids = list({record["scheme_id"] for record in records})
    _, schemes = await db.execute_query(SCHEMES.rows_sql("$1", "t.*"), [scheme_ids])
    checked.append((SCHEMES.rows, list(schemes)))
    for rows, found in checked:
        assert found, rows.model.__name__
        built = rows(found)
        for instance, record in zip(built, found, strict=True):
            expected = rows.model._init_from_db(**record)
            assert type(instance) is type(expected)
            assert vars(instance) == vars(expected), rows.model.__name__
            for name, value in vars(expected).items():
                assert type(getattr(instance, name)) is type(value), (rows.model.__name__, name)
    # Through `together`, as the compiled list reads them: what tortoise's own query gives.
    together = await loaders.together([(load, ids) for load in loads])
    for load, grouped in zip(loads, together, strict=True):
        queried = load.group(
            await load.model.filter(**{f"{load.key}__in": ids}).order_by(*load.order), ids
        )
        assert [[vars(r) for r in rows] for rows in grouped] == [
            [vars(r) for r in rows] for rows in queried
        ], load.model.__name__
