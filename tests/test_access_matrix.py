"""The total access matrix (issue 13, deliverable 2; QUALITY.md "Access").

Every query, mutation and subscription of graphql/schema.graphql and every REST endpoint the
app mounts has a row in tests/access_matrix_table.py. The world is built once for the module;
every row is run by every principal kind against its own, a foreign and a missing object, and
each answer is checked against the table. A foreign object the principal may not see is
answered exactly like a missing one (same code, message and shape). An operation in the
schema, or a route in the app, without a row fails `test_every_operation_has_a_row`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import build_schema
from starlette.applications import Starlette
from starlette.routing import Mount, Route, WebSocketRoute
from websockets.exceptions import ConnectionClosed

from portal.accounts.models import Role
from portal.app import create_app
from portal.auth.limits import attempt_from
from portal.settings import Settings
from tests import samples
from tests.access_matrix_rules import AWAY, GLOBAL, O, P
from tests.access_matrix_table import ROWS, Row
from tests.access_matrix_world import (
    Me,
    Side,
    Target,
    build_side,
    link_neighbours,
    missing_target,
)
from tests.casefile_support import PREFLIGHT, multipart
from tests.factories import Factory, actor_for
from tests.live_support import serving, socket_to

SCHEMA = Path(__file__).resolve().parents[1] / "graphql" / "schema.graphql"
Cell = tuple[str, P, O]  # row name, principal, object


@dataclass
class Matrix:
    answers: dict[Cell, str] = field(default_factory=dict)
    raw: dict[Cell, Any] = field(default_factory=dict)
    routes: list[tuple[str, str]] = field(default_factory=list)


# --- answers --------------------------------------------------------------------------------

_VOLATILE = re.compile(r"[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{20,}")


# The caller's remaining budget (extensions.cost.throttleStatus) varies from call to call too.
_VARIES = frozenset({"requestId", "challenge", "accessToken", "id", "throttleStatus"})


def _masked(value: Any) -> Any:
    """The answer with what differs between any two calls (tokens, challenges, request
    ids, fresh ids) replaced, so a foreign answer can be compared with a missing one."""
    if isinstance(value, dict):
        return {k: "<varies>" if k in _VARIES else _masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    if isinstance(value, str):
        return _VOLATILE.sub("<token>", value)
    return value


def _graphql_answer(body: dict[str, Any], row: Row, target: Target) -> str:
    if body.get("errors"):
        return str(body["errors"][0].get("extensions", {}).get("code"))
    data = next(iter((body.get("data") or {}).values()), None)
    if row.rule.hidden == "NULL" and data in (None, [None]):
        return "NULL"  # a nullable root (`node`, `nodes`, `case`, `complaint`): not visible
    if row.rule.forbidden == "FIELDS_NULL" and isinstance(data, dict) and data:
        # A User seen as a case's parties see them: the node, its private fields null.
        return "FIELDS_NULL" if all(v is None for v in data.values()) else "OK"
    if row.list_key is not None:
        wanted = target[row.list_key]
        while isinstance(data, dict) and "edges" not in data and len(data) == 1:
            data = next(iter(data.values()))  # a list inside an object (`viewer { ... }`)
        nodes = data if isinstance(data, list) else [e["node"] for e in data["edges"]]
        if not nodes and row.rule.hidden == "EMPTY":
            return "EMPTY"
        return "LISTED" if any(n["id"] == wanted for n in nodes) else "ABSENT"
    if isinstance(data, dict):
        if data.get("userErrors"):
            return f"ue:{data['userErrors'][0]['code']}"
        if data.get("revoked") is False:
            return "NOT_REVOKED"
    return "OK"


def _http_answer(response: httpx.Response) -> tuple[str, Any]:
    answer = f"http:{response.status_code}"
    body: Any = None
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        if isinstance(body, dict) and body.get("errors"):
            answer += f":{body['errors'][0]['extensions']['code']}"
        elif isinstance(body, dict) and "error" in body:
            answer += f":{body['error']}"
    elif response.status_code >= 400:
        body = response.text
    return answer, body


# --- calls ----------------------------------------------------------------------------------


async def _graphql(client: httpx.AsyncClient, row: Row, target: Target, me: Me) -> tuple[str, Any]:
    headers = {"Authorization": f"Bearer {me.token}"} if me.token else {}
    variables = row.vars(target, me)
    if row.upload:
        data, files = multipart(row.query, variables, "statement.pdf", samples.PDF)
        response = await client.post(
            "/graphql", data=data, files=files, headers={**headers, **PREFLIGHT}
        )
    else:
        response = await client.post(
            "/graphql", json={"query": row.query, "variables": variables}, headers=headers
        )
    body = response.json()
    return _graphql_answer(body, row, target), (response.status_code, body)


async def _subscribe(url: str, row: Row, target: Target, me: Me) -> tuple[str, Any]:
    async with socket_to(url, close_timeout=0.1) as sock:
        try:
            acked = await sock.init(me.token)
        except ConnectionClosed:
            return f"closed:{sock.ws.close_code}", sock.ws.close_reason
        assert acked["type"] == "connection_ack", acked
        payload = {"query": row.query, "variables": row.vars(target, me)}
        await sock.send({"id": "1", "type": "subscribe", "payload": payload})
        first = await sock.receive()
        if first["type"] == "next" and not first["payload"].get("errors"):
            # Ended by the client, so the server's stream stops before the socket closes.
            await sock.send({"id": "1", "type": "complete"})
            return "OK", "next"
        errors = first["payload"]["errors"] if first["type"] == "next" else first["payload"]
        return str(errors[0]["extensions"]["code"]), first


async def _call(
    client: httpx.AsyncClient, url: str, row: Row, target: Target, me: Me
) -> tuple[str, Any]:
    if row.http is not None:
        return _http_answer(await row.http(client, target, me))
    if row.kind == "subscription":
        return await _subscribe(url, row, target, me)
    return await _graphql(client, row, target, me)


# --- the world and the run ------------------------------------------------------------------


async def _principals(app: Starlette, factory: Factory, home: Side, away: Side) -> list[Me]:
    admin = await factory.user(Role.ADMIN)
    people: list[Me] = []
    for who in P:
        side, other = (away, home) if who in AWAY else (home, away)
        user = admin if who is P.ADMIN else side.user(who)
        token, actor = None, None
        if user is not None:
            token = (await app.state.auth.start_session(user, method="password")).access_token
        elif who in (P.ORG_CLIENT, P.PROVIDER_CLIENT):
            client = side.org_client if who is P.ORG_CLIENT else side.provider_client
            issued = await app.state.auth.client_credentials(
                client.account.client_id, client.client_secret, attempt_from("127.0.0.1")
            )
            token = issued.access_token
        if token is not None:
            actor = await app.state.auth.authenticate(token)
        else:  # anonymous: a link made for the complainant, sent without a token
            actor = await actor_for(side.w.complainant)
        people.append(Me(who, side, other, user, token, actor))
    return people


def expected(row: Row, who: P, obj: O) -> str:
    return row.rule.expect(who, obj)


def _succeeds(answer: str) -> bool:
    return answer in {"OK", "LISTED"}


async def _run_row(
    matrix: Matrix,
    client: httpx.AsyncClient,
    url: str,
    row: Row,
    people: list[Me],
    missing: Target,
) -> None:
    """Refusals first, on the row's prepared objects (they change nothing); then each
    success on objects of its own, so no call finds what an earlier one left."""
    prepared: dict[int, Target] = {}
    spent: set[int] = set()  # sides whose prepared objects a success has used
    cells = [(me, obj) for me in people for obj in row.objects]
    ordered = sorted(cells, key=lambda c: _succeeds(expected(row, c[0].who, c[1])))
    for me, obj in ordered:
        side = {O.OWN: me.side, O.FOREIGN: me.other, O.NONE: me.side}.get(obj)
        target = dict(side.target) if side is not None else dict(missing)
        if row.prepare is not None and (side is not None or row.prepare_each):
            succeeds = _succeeds(expected(row, me.who, obj))
            if row.prepare_each or (succeeds and (row.prepare_by_caller or id(side) in spent)):
                target.update(await row.prepare(side, me))  # type: ignore[arg-type]
            else:
                assert side is not None
                if id(side) not in prepared:
                    prepared[id(side)] = await row.prepare(side, me)
                if succeeds:
                    spent.add(id(side))
                target.update(prepared[id(side)])
        answer, raw = await _call(client, url, row, target, me)
        matrix.answers[(row.name, me.who, obj)] = answer
        matrix.raw[(row.name, me.who, obj)] = _masked(raw)


@pytest.fixture(scope="module")
async def matrix(db: str, settings: Settings, request: pytest.FixtureRequest) -> Matrix:
    """The whole matrix, run once: the conftest empties the tables after each test, so the
    world lives only while this fixture runs every call."""
    # Webhook subscriptions point at a local address (nothing resolves in the sandbox). Every
    # call comes from 127.0.0.1: the per-address sign-in limits (tests/test_security_signin.py)
    # would answer the matrix's 90 sign-in rows RATE_LIMITED, which says nothing about access.
    settings = dataclasses.replace(
        settings,
        webhook_allow_private=True,
        # The web portal's pages are public files, not objects: the matrix runs without a
        # build, so `/` answers the same whether or not frontend/dist exists.
        frontend_dir=str(Path(settings.data_dir) / "no-frontend-build"),
        sign_in_address_max_checks=10_000,
        sign_in_address_max_failures=10_000,
        sign_in_code_address_max_requests=10_000,
        sign_in_code_max_requests=10_000,
        sign_in_code_account_max_requests=10_000,
        # Nor the cost-point buckets (tests/test_rate_limits.py): one address, many requests.
        rate_limit_address_points=10**9,
        rate_limit_address_restore=10**9,
        rate_limit_person_points=10**9,
        rate_limit_person_restore=10**9,
        rate_limit_client_points=10**9,
        rate_limit_client_restore=10**9,
    )
    app = create_app(settings, manage_orm=False)
    factory = Factory(settings)
    home = await build_side(factory, settings, app)
    away = await build_side(factory, settings, app)
    await link_neighbours(home, away)
    people = await _principals(app, factory, home, away)
    missing = missing_target(app)
    result = Matrix()
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as client,
        serving(app) as url,
    ):
        for row in ROWS:
            await _run_row(result, client, url, row, people, missing)
    result.routes = _routes(app)
    request.config.pluginmanager.register(_SizeReport(result), "access-matrix-size")
    return result


class _SizeReport:
    """Prints the matrix's size at the end of the run (issue 13 asks for it)."""

    def __init__(self, matrix: Matrix) -> None:
        self.matrix = matrix

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        terminalreporter.write_line(size_line(self.matrix))


def size_line(matrix: Matrix) -> str:
    operations = {row.operation for row in ROWS}
    return (
        f"access matrix: {len(operations)} operations and endpoints ({len(ROWS)} rows) x "
        f"{len(P)} principals x up to 3 objects = {len(matrix.answers)} calls"
    )


def _routes(app: Starlette) -> list[tuple[str, str]]:
    found = []
    for route in app.routes:
        if isinstance(route, Route | WebSocketRoute) and not type(route).__name__.startswith(
            "Client"
        ):
            found.append((type(route).__name__, route.path))
        elif isinstance(route, Mount):
            found.append(("Mount", route.path))
    return found


# --- the tests ------------------------------------------------------------------------------


def _schema_operations() -> set[str]:
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"))
    names: set[str] = set()
    for root in (schema.query_type, schema.mutation_type, schema.subscription_type):
        assert root is not None
        names |= set(root.fields)
    return names


# Served by the GraphQL rows; the web portal's own pages and assets are public files.
_NOT_ROWS = {"/graphql", "/assets", "/{path:path}"}


def test_every_operation_has_a_row(app: Starlette) -> None:
    in_table = {row.operation for row in ROWS}
    routes = {path for _, path in _routes(app)} - _NOT_ROWS

    assert sorted(_schema_operations() - in_table) == [], "operations without a row"
    assert sorted(routes - in_table) == [], "routes without a row"
    assert sorted(in_table - _schema_operations() - routes - {"/"}) == [], "rows of nothing"


def _cases() -> list[Any]:
    """One test per row, and one per expectation marked as a known hole."""
    params = []
    for row in ROWS:
        params.append(pytest.param(row, None, id=row.name))
        for (who, obj), reason in row.xfail.items():
            mark = pytest.mark.xfail(strict=True, reason=reason)
            params.append(pytest.param(row, (who, obj), id=f"{row.name}-{who}-{obj}", marks=mark))
    return params


def _matches(want: str, got: str) -> bool:
    return got.startswith("ue:") if want == "ue:*" else got == want


@pytest.mark.parametrize(("row", "cell"), _cases())
def test_each_principal_gets_the_answer_in_the_table(
    matrix: Matrix, row: Row, cell: tuple[P, O] | None
) -> None:
    if cell is not None:
        who, obj = cell
        assert _matches(expected(row, who, obj), matrix.answers[(row.name, who, obj)])
        return
    wrong = {
        f"{who}/{obj}": f"expected {expected(row, who, obj)}, got {got}"
        for (name, who, obj), got in matrix.answers.items()
        if name == row.name
        and (who, obj) not in row.xfail
        and not _matches(expected(row, who, obj), got)
    }
    assert wrong == {}
    # Foreign exactly like missing, wherever the foreign object is refused.
    differ = {
        who.value: (matrix.raw[(row.name, who, O.FOREIGN)], matrix.raw[(row.name, who, O.MISSING)])
        for who in P
        if O.FOREIGN in row.objects
        and not _succeeds(expected(row, who, O.FOREIGN))
        and expected(row, who, O.FOREIGN) == expected(row, who, O.MISSING)
        and matrix.raw[(row.name, who, O.FOREIGN)] != matrix.raw[(row.name, who, O.MISSING)]
    }
    assert differ == {}


def test_the_matrix_is_total_and_reports_its_size(matrix: Matrix) -> None:
    cells = {(row.name, who, obj) for row in ROWS for who in P for obj in row.objects}

    assert set(matrix.answers) == cells
    assert len(cells) > 3_000, size_line(matrix)


def test_a_foreign_refusal_is_never_a_different_answer_than_missing() -> None:
    """The table itself: wherever a foreign object is refused, it is refused like a
    missing one (else the answer would tell that the object exists)."""
    leaks = [
        (row.name, who.value)
        for row in ROWS
        if O.FOREIGN in row.objects
        for who in P
        if who not in GLOBAL  # to whom nothing is foreign
        and not row.rule.public
        and row.rule.foreign is None
        and not _succeeds(row.rule.expect(who, O.FOREIGN))
        and row.rule.expect(who, O.FOREIGN) != row.rule.expect(who, O.MISSING)
    ]
    assert leaks == []
