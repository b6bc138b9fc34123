"""Idempotent writes (issue 18, 5): every mutation takes `idempotencyKey`, and a repeat with the
same key returns the first answer (portal.api.idempotency)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from graphql import GraphQLNonNull, GraphQLScalarType
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from portal.accounts.models import RefreshToken, Session
from portal.api.idempotency import (
    Idempotent,
    IdempotentAnswer,
    _refusal,
    dump_fields,
    purge_answers,
)
from portal.api.node import _RESOLVERS, Node, to_global_id
from portal.api.schema import Mutation, build_schema
from portal.auditing.models import AuditRun
from portal.auth import services as auth_services
from portal.casefiles.models import Message
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action
from portal.cases.states import Method, Stage
from portal.notifications.models import OutboxMessage
from portal.settings import Settings
from tests.factories import PASSWORD, Factory, build_world, gql, quick_world
from tests.test_api_support import CASE_FIELDS, call, case_id, in_file_review, token_for
from tests.test_webhook_selfservice import allowed, api  # noqa: F401

ERRORS = "userErrors { field code message }"


def keyed(name: str, selection: str = f"case {{ {CASE_FIELDS} }}") -> str:
    """A mutation document that passes the key as the argument every mutation has."""
    input_type = name[0].upper() + name[1:] + "Input"
    return (
        f"mutation M($input: {input_type}!, $key: String) {{ "
        f"{name}(input: $input, idempotencyKey: $key) {{ {selection} {ERRORS} }} }}"
    )


async def send(
    client: httpx.AsyncClient,
    token: str | None,
    mutation: str,
    key: str | None,
    selection: str = f"case {{ {CASE_FIELDS} }}",
    **input: Any,
) -> dict[str, Any]:
    query = keyed(mutation, selection)
    response = await gql(client, query, {"input": input, "key": key}, token=token)
    body = response.json()
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][mutation]
    return payload


def codes(payload: dict[str, Any]) -> list[str]:
    return [e["code"] for e in payload["userErrors"]]


# --- every mutation -------------------------------------------------------------------------


def test_every_mutation_takes_the_key(settings: Settings) -> None:
    """Iterates the schema: a mutation without the argument, or without the rule behind it,
    fails here, whoever added it."""
    schema = build_schema(settings)
    fields = schema._schema.mutation_type.fields  # type: ignore[union-attr]
    assert len(fields) > 90
    missing = []
    for name, field in fields.items():
        argument = field.args.get("idempotencyKey")
        if (
            argument is None
            or isinstance(argument.type, GraphQLNonNull)
            or not isinstance(argument.type, GraphQLScalarType)
            or argument.type.name != "String"
            or not argument.description
        ):
            missing.append(name)
    assert missing == []
    rules = {
        f.name: [e for e in f.extensions if isinstance(e, Idempotent)]
        for f in Mutation.__strawberry_definition__.fields  # type: ignore[attr-defined]
    }
    assert {name: len(found) for name, found in rules.items()} == dict.fromkeys(rules, 1)


def test_every_payload_can_answer_a_refusal_and_be_stored(settings: Settings) -> None:
    """A reused key answers with the payload's userErrors alone; a payload field the answer
    cannot rebuild (a list of objects, say) would need a rule of its own."""
    build_schema(settings)
    for field in Mutation.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        payload_type = field.type
        refusal = _refusal(payload_type, "IDEMPOTENCY_KEY_REUSED", "Reused.", ["idempotencyKey"])
        assert [e.code for e in refusal.user_errors] == ["IDEMPOTENCY_KEY_REUSED"]
        assert dump_fields(refusal)["user_errors"]["errors"][0]["field"] == ["idempotencyKey"]
        for f in payload_type.__strawberry_definition__.fields:
            # A list is stored only as a list of nodes (each read again by its global id).
            inner = f.type
            while hasattr(inner, "of_type"):
                inner = inner.of_type
            listed_nodes = isinstance(inner, type) and issubclass(inner, Node)
            assert (
                "list" not in str(f.type).lower() or f.python_name == "user_errors" or listed_nodes
            ), (field.name, f.python_name)


# Payload object types a repeat cannot read again yet: they have no `node` resolver, so a
# repeat answers them as null (issue 18, 1 makes them Nodes; remove them from here as it does).
# Payload objects with no row of their own to resolve by global ID: a replay of
# updateNeutralProfile / configureSurveys shows them as null (the closing note says so). A
# calendar feed (issue 20) is the viewer's own, without an id; a replay of setCalendarFeed shows
# it as null beside its secret URL's SECRET_NOT_REPEATED.
NOT_READ_AGAIN = {"Neutral", "SurveyPolicy", "CalendarFeed"}


def test_payload_objects_are_read_again_through_node_resolvers(settings: Settings) -> None:
    build_schema(settings)
    types = set()
    for field in Mutation.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        for f in field.type.__strawberry_definition__.fields:
            inner = getattr(f.type, "of_type", f.type)
            if hasattr(inner, "__strawberry_definition__") and f.python_name != "user_errors":
                types.add(inner.__strawberry_definition__.name)
    unread = {t for t in types if t not in _RESOLVERS and t != "Viewer"}
    assert unread == NOT_READ_AGAIN


# --- stage changes ----------------------------------------------------------------------------


async def test_a_repeated_stage_change_with_its_key_answers_like_the_first(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    other = await w.new_case()
    caseworker = await token_for(app, w.caseworker)

    first = await send(client, caseworker, "acceptCase", "accept-1", caseId=case_id(case))
    repeated = await send(client, caseworker, "acceptCase", "accept-1", caseId=case_id(case))
    unkeyed = await send(client, caseworker, "acceptCase", None, caseId=case_id(case))
    # The same key for another case, or for another action: refused, and nothing runs.
    elsewhere = await send(client, caseworker, "acceptCase", "accept-1", caseId=case_id(other))
    declined = await send(
        client,
        caseworker,
        "declineCase",
        "accept-1",
        caseId=case_id(other),
        ground="FRIVOLOUS_OR_VEXATIOUS",
        reasons="No.",
    )

    assert first["userErrors"] == []
    assert first["case"]["stage"] == "ACCEPTED"
    assert repeated == first
    assert unkeyed["case"] is None
    assert codes(unkeyed) == ["ACTION_NOT_AVAILABLE"]
    for refused in (elsewhere, declined):
        assert refused["case"] is None
        assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [
            (["idempotencyKey"], "IDEMPOTENCY_KEY_REUSED")
        ]
    assert (await DisputeCase.get(id=other.id)).stage == Stage.REFERRED


async def test_a_repeat_shows_the_objects_as_they_stand_now(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    caseworker = await token_for(app, w.caseworker)

    first = await send(client, caseworker, "acceptCase", "k", caseId=case_id(case))
    await w.act(w.complainant, case, Action.WITHDRAW)
    repeated = await send(client, caseworker, "acceptCase", "k", caseId=case_id(case))

    assert first["case"]["stage"] == "ACCEPTED"
    assert repeated["userErrors"] == []
    assert repeated["case"]["id"] == first["case"]["id"]
    assert repeated["case"]["stage"] == (await DisputeCase.get(id=case.id)).stage.name
    assert repeated["case"]["stage"] != "ACCEPTED"


async def test_a_refused_first_attempt_is_repeated_with_the_same_user_errors(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    caseworker = await token_for(app, w.caseworker)
    stale = {"caseId": case_id(case), "expectedStage": "AWAITING_RESPONSE"}

    refused = await send(client, caseworker, "acceptCase", "k", **stale)
    # Meanwhile the stage the caller expected is not reached, and the refusal still stands:
    # the repeat does not run the action again.
    repeated = await send(client, caseworker, "acceptCase", "k", **stale)

    assert codes(refused) == ["STAGE_CHANGED"]
    assert repeated == refused
    assert (await DisputeCase.get(id=case.id)).stage == Stage.REFERRED


async def test_concurrent_repeats_make_one_change(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case(Method.NEGOTIATION))
    await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    agent = await token_for(app, w.agent)
    offer = {"caseId": case_id(case), "amount": "80.00", "terms": "Refund 80"}

    answers = await asyncio.gather(
        *(send(client, agent, "makeOffer", "offer-1", **offer) for _ in range(4))
    )

    assert [a["userErrors"] for a in answers] == [[]] * 4
    assert all(a == answers[0] for a in answers)
    assert await Offer.filter(case_id=case.id).count() == 1
    assert await IdempotentAnswer.filter(key="offer-1").count() == 1


# --- creates ---------------------------------------------------------------------------------


async def test_a_repeated_create_makes_no_second_row(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.act(w.caseworker, await w.new_case(), Action.ACCEPT)
    consumer = await token_for(app, w.complainant)
    selection = "message { id body }"
    post = {"caseId": case_id(case), "body": "Any news?", "visibility": "ALL_PARTIES"}

    first = await send(client, consumer, "postMessage", "m1", selection, **post)
    repeated = await send(client, consumer, "postMessage", "m1", selection, **post)
    # The key as the input field some mutations took first: the same key.
    legacy = await send(
        client, consumer, "postMessage", None, selection, idempotencyKey="m1", **post
    )
    both = await send(client, consumer, "postMessage", "m2", selection, idempotencyKey="m1", **post)

    assert first["userErrors"] == []
    assert repeated == first == legacy
    assert [(e["field"], e["code"]) for e in both["userErrors"]] == [
        (["idempotencyKey"], "INVALID_INPUT")
    ]
    assert await Message.filter(case_id=case.id).count() == 1


async def test_keys_belong_to_their_caller_and_have_1_to_200_characters(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.act(w.caseworker, await w.new_case(), Action.ACCEPT)
    selection = "message { id body }"
    post = {"caseId": case_id(case), "body": "Hello", "visibility": "ALL_PARTIES"}
    consumer = await token_for(app, w.complainant)
    agent = await token_for(app, w.agent)

    mine = await send(client, consumer, "postMessage", "same", selection, **post)
    theirs = await send(client, agent, "postMessage", "same", selection, **post)
    empty = await send(client, agent, "postMessage", "", selection, **post)
    long = await send(client, agent, "postMessage", "k" * 201, selection, **post)

    assert mine["userErrors"] == theirs["userErrors"] == []
    assert mine["message"]["id"] != theirs["message"]["id"]
    assert codes(empty) == codes(long) == ["INVALID_INPUT"]
    assert await Message.filter(case_id=case.id).count() == 2


async def test_a_mutation_without_input_takes_the_key_too(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    auditor = await token_for(app, w.auditor)
    start = "mutation M($key: String) { startAuditRun(idempotencyKey: $key) { run { id } " + (
        ERRORS + " } }"
    )

    first = (await call(client, auditor, start, {"key": "audit-1"}))["data"]["startAuditRun"]
    repeated = (await call(client, auditor, start, {"key": "audit-1"}))["data"]["startAuditRun"]

    assert first["userErrors"] == repeated["userErrors"] == []
    assert first["run"] is not None
    # AuditRun is read again through `node`'s resolvers: null until it is a Node (see below).
    assert await AuditRun.all().count() == 1


# --- secrets ---------------------------------------------------------------------------------

REFRESH = (
    "mutation M($input: RefreshSessionInput!, $key: String) { refreshSession(input: $input, "
    "idempotencyKey: $key) { accessToken refreshToken " + ERRORS + " } }"
)
VIEWER = "query { viewer { user { id } } }"


async def _refresh(client: httpx.AsyncClient, token: str, key: str | None) -> dict[str, Any]:
    response = await gql(client, REFRESH, {"input": {"refreshToken": token}, "key": key})
    payload: dict[str, Any] = response.json()["data"]["refreshSession"]
    return payload


async def test_a_lost_refresh_answer_retried_with_its_key_keeps_the_session(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    issued = await app.state.auth.start_session(w.complainant, method="password")
    spent = issued.refresh_token

    lost = await _refresh(client, spent, "r1")  # the client never sees this answer
    retried = await _refresh(client, spent, "r1")
    viewer = await call(client, retried["accessToken"], VIEWER)
    onwards = await _refresh(client, retried["refreshToken"], None)
    # Once the pair it handed out was used, a repeat has no token to give, and ends nothing.
    late = await _refresh(client, spent, "r1")
    still = await call(client, onwards["accessToken"], VIEWER)

    assert lost["userErrors"] == retried["userErrors"] == onwards["userErrors"] == []
    assert retried["refreshToken"] not in (None, lost["refreshToken"], spent)
    assert viewer["data"]["viewer"]["user"] is not None
    assert late["accessToken"] is late["refreshToken"] is None
    assert [(e["field"], e["code"]) for e in late["userErrors"]] == [
        (["refreshToken"], "SECRET_NOT_REPEATED")
    ]
    assert still["data"]["viewer"]["user"] is not None
    assert await Session.filter(user_id=w.complainant.id, revoked_at__isnull=False).count() == 0
    # No token is stored with the answer.
    stored = await IdempotentAnswer.get(key="r1")
    assert spent not in str(stored.answer)
    assert retried["refreshToken"] not in str(stored.answer)


async def test_without_a_key_a_spent_refresh_token_still_ends_the_session(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    issued = await app.state.auth.start_session(w.complainant, method="password")

    first = await _refresh(client, issued.refresh_token, "r1")
    await _refresh(client, first["refreshToken"], None)
    copied = await _refresh(client, issued.refresh_token, None)

    assert codes(copied) == ["INVALID_REFRESH_TOKEN"]
    assert await Session.filter(user_id=w.complainant.id, revoked_at__isnull=True).count() == 0


async def test_a_repeated_refresh_past_the_reuse_grace_gives_no_tokens_and_rotates_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = await quick_world(factory)
    issued = await app.state.auth.start_session(w.complainant, method="password")
    spent = issued.refresh_token

    first = await _refresh(client, spent, "r1")
    # Past `refresh_reuse_grace` after the first answer, someone repeats it: a spent refresh
    # token must not open the session again through its key.
    later = datetime.now(UTC) + timedelta(seconds=app.state.auth.settings.refresh_reuse_grace + 1)
    with monkeypatch.context() as clock:
        clock.setattr(auth_services, "_now", lambda: later)
        late = await _refresh(client, spent, "r1")
    # The legitimate client's pair was not rotated away.
    onwards = await _refresh(client, first["refreshToken"], None)

    assert late["accessToken"] is late["refreshToken"] is None
    assert [(e["field"], e["code"]) for e in late["userErrors"]] == [
        (["refreshToken"], "SECRET_NOT_REPEATED")
    ]
    assert onwards["userErrors"] == []
    assert onwards["accessToken"] is not None
    assert await Session.filter(user_id=w.complainant.id, revoked_at__isnull=True).count() == 1


LOGIN = (
    "mutation M($input: LoginInput!, $key: String) { login(input: $input, idempotencyKey: $key)"
    " { accessToken refreshToken " + ERRORS + " } }"
)


async def test_a_repeated_login_gives_a_fresh_pair_for_the_same_session(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await build_world(factory)
    good = {"email": w.complainant.email, "password": PASSWORD}
    bad = {"email": w.complainant.email, "password": "not it"}

    async def login(input: dict[str, str]) -> dict[str, Any]:
        response = await gql(client, LOGIN, {"input": input, "key": "login-1"})
        payload: dict[str, Any] = response.json()["data"]["login"]
        return payload

    first = await login(good)
    repeated = await login(good)
    # Anonymous keys belong to the request: another password is another request.
    wrong = await login(bad)

    assert first["userErrors"] == repeated["userErrors"] == []
    assert repeated["refreshToken"] != first["refreshToken"]
    assert codes(wrong) == ["INVALID_CREDENTIALS"]
    assert await Session.filter(user_id=w.complainant.id).count() == 1
    assert await RefreshToken.filter(session__user_id=w.complainant.id).count() == 2
    stored = await IdempotentAnswer.filter(key="login-1").values_list("answer", flat=True)
    assert all(PASSWORD not in str(answer) for answer in stored)


async def test_a_repeated_client_creation_does_not_repeat_its_secret(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    manager = await token_for(app, w.manager)
    selection = "client { id name } clientSecret"
    create = {
        "ownerId": _gid("Organisation", w.organisation.id),
        "name": "CRM",
        "role": "ORG_AGENT",
    }

    first = await send(client, manager, "createIntegrationClient", "c1", selection, **create)
    repeated = await send(client, manager, "createIntegrationClient", "c1", selection, **create)

    assert first["userErrors"] == []
    assert first["clientSecret"]
    assert repeated["client"] == first["client"]
    assert repeated["clientSecret"] is None
    assert [(e["field"], e["code"]) for e in repeated["userErrors"]] == [
        (["clientSecret"], "SECRET_NOT_REPEATED")
    ]
    stored = await IdempotentAnswer.get(key="c1")
    assert first["clientSecret"] not in str(stored.answer)


def _gid(kind: str, pk: Any) -> str:
    from portal.ids import global_id

    return global_id(kind, pk)


# --- the window ------------------------------------------------------------------------------


async def test_answers_past_their_window_are_purged_and_the_key_is_new_again(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.act(w.caseworker, await w.new_case(), Action.ACCEPT)
    consumer = await token_for(app, w.complainant)
    post = {"caseId": case_id(case), "body": "Again", "visibility": "ALL_PARTIES"}
    selection = "message { id }"

    first = await send(client, consumer, "postMessage", "old", selection, **post)
    await IdempotentAnswer.filter(key="old").update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    # Expired, not purged yet: a new request.
    second = await send(client, consumer, "postMessage", "old", selection, **post)
    await IdempotentAnswer.filter(key="old").update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )
    purged = await purge_answers()

    assert first["message"]["id"] != second["message"]["id"]
    assert purged == 1
    assert await IdempotentAnswer.filter(key="old").count() == 0


# --- outbound work ---------------------------------------------------------------------------


@pytest.fixture
async def held_receiver() -> AsyncIterator[tuple[str, asyncio.Event, asyncio.Event]]:
    """A webhook receiver that answers only once `release` is set (`arrived` says it has a
    request)."""
    arrived, release = asyncio.Event(), asyncio.Event()

    async def endpoint(request: Request) -> Response:
        await request.body()
        arrived.set()
        await release.wait()
        return Response(status_code=204)

    receiver = Starlette(routes=[Route("/hooks", endpoint, methods=["POST"])])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(receiver, log_config=None, lifespan="off"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/hooks", arrived, release
    finally:
        release.set()
        server.should_exit = True
        await task
        sock.close()


async def test_a_keyed_ping_holds_no_transaction_while_the_receiver_answers(
    api: httpx.AsyncClient,  # noqa: F811
    factory: Factory,
    held_receiver: tuple[str, asyncio.Event, asyncio.Event],
) -> None:
    url, arrived, release = held_receiver
    w = await quick_world(factory)
    app = api._transport.app  # type: ignore[attr-defined]
    manager = await token_for(app, w.manager)
    other = await token_for(app, w.complainant)
    org = to_global_id("Organisation", w.organisation.id)
    made = await send(
        api,
        manager,
        "createWebhookSubscription",
        None,
        "subscription { id }",
        organisationId=org,
        url=url,
        eventKinds=["case_accepted"],
    )
    sub = made["subscription"]["id"]

    def ping() -> Awaitable[dict[str, Any]]:
        return send(api, manager, "pingWebhookSubscription", "ping-1", "delivery { id }", id=sub)

    pinging = asyncio.create_task(ping())
    await arrived.wait()
    # While the receiver holds the ping: another person's write commits (SQLite has one write
    # lock), and the ping's delivery is committed already (nothing of it waits in a transaction).
    filing = asyncio.create_task(
        send(
            api,
            other,
            "fileComplaint",
            None,
            "complaint { id }",
            organisationId=org,
            subject="s",
            description="d",
        )
    )
    done, _ = await asyncio.wait({pinging, filing}, return_when=asyncio.FIRST_COMPLETED)
    seen = await OutboxMessage.filter(recipient=url).count()
    release.set()
    first = await pinging
    repeated = await ping()

    assert done == {filing}
    assert filing.result()["userErrors"] == []
    assert seen == 1
    # The answer was stored after the work: a repeat returns it and sends nothing.
    assert first["userErrors"] == repeated["userErrors"] == []
    assert repeated["delivery"] == first["delivery"]
    assert await OutboxMessage.filter(recipient=url).count() == 1
