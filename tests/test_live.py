"""`caseEvents` over a real WebSocket to a real uvicorn server: authentication at
connection_init, visibility per role and scope, resuming without gaps or duplicates, losing
access, token expiry, and the limits of a connection."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from starlette.applications import Starlette
from websockets.exceptions import InvalidStatus
from websockets.typing import Subprotocol

from portal.accounts.models import Membership, Session
from portal.app import create_app
from portal.auth.tokens import TokenKind
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.settings import Settings
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, gql, quick_world
from tests.live_support import CASE_EVENTS, caught_up, note, serving, socket_to, subscribed
from tests.test_api_support import case_id, in_file_review, token_for


@pytest.fixture
async def url(app: Starlette, db: str) -> AsyncIterator[str]:
    async with serving(app) as ws_url:
        yield ws_url


async def _head(case: DisputeCase) -> int:
    return (await DisputeCase.get(id=case.id)).last_sequence


# --- authentication ----------------------------------------------------------------------------


async def test_a_connection_without_a_valid_access_token_is_closed_with_4403(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    revoked = await token_for(app, w.agent)
    await Session.filter(user_id=w.agent.id).update(revoked_at=datetime.now(UTC))
    download = app.state.auth.issuer.issue(TokenKind.DOWNLOAD, str(w.complainant.id), 60)
    payloads = [
        {},
        {"accessToken": ""},
        {"accessToken": "not-a-jwt"},
        {"accessToken": token[:-2] + "xx"},  # signature broken
        {"accessToken": revoked},  # session revoked
        {"accessToken": download},  # another kind of token
        {"authorization": f"Bearer {token}"},  # not where the token goes
    ]

    closes = []
    for payload in payloads:
        async with socket_to(url) as sock:
            await sock.send({"type": "connection_init", "payload": payload})
            closes.append(await sock.closed())

    assert closes == [(4403, "Forbidden")] * len(payloads)


async def test_subscribing_before_connection_init_is_closed_with_4401(url: str) -> None:
    async with socket_to(url) as sock:
        await sock.subscribe("1", "whatever", 0)
        assert await sock.closed() == (4401, "Unauthorized")


async def test_the_legacy_graphql_ws_protocol_is_refused(url: str) -> None:
    async with socket_to(url, subprotocols=[Subprotocol("graphql-ws")]) as sock:
        assert await sock.closed() == (4406, "Subprotocol not acceptable")


async def test_a_header_token_does_not_authenticate_a_socket(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    case = await w.new_case()
    headers = {"Authorization": f"Bearer {token}"}

    async with socket_to(url, additional_headers=headers) as sock:
        await sock.subscribe("1", case_id(case), 0)
        assert await sock.closed() == (4401, "Unauthorized")


async def test_the_socket_closes_when_the_access_token_expires(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await token_for(app, w.complainant)
    session = await Session.filter(user_id=w.complainant.id).first()
    assert session is not None
    # 3 s: long enough to subscribe and replay on a loaded machine, well within WAIT.
    short = app.state.auth.issuer.issue(
        TokenKind.ACCESS, str(w.complainant.id), 3, sid=str(session.id)
    )

    expires = app.state.auth.issuer.verify(short, TokenKind.ACCESS)["exp"]

    async with subscribed(url, short, case_id(case), 0) as sock:
        replayed = await sock.events(await _head(case))
        closed = await sock.closed()  # within live_support.WAIT, not at the 60 s init timeout
        closed_at = datetime.now(UTC).timestamp()

    assert [e["kind"] for e in replayed] == ["CASE_REFERRED", "CLOCK_STARTED"]
    assert closed == (4403, "Access token expired")
    assert closed_at >= expires


# --- what a subscriber may see -----------------------------------------------------------------


async def test_a_foreign_case_is_not_found_exactly_like_a_missing_one(
    url: str, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, other.complainant)
    missing = case_id(case)[:-4] + "AAAA"

    answers = []
    async with socket_to(url) as sock:
        await sock.init(token)
        for n, target in enumerate([case_id(case), missing, case.reference, "x" * 40], start=1):
            await sock.subscribe(str(n), target, 0)
            answers.append(await sock.receive())
            assert (await sock.receive())["type"] == "complete"

    assert [a["payload"]["errors"][0]["extensions"]["code"] for a in answers] == ["NOT_FOUND"] * 4
    assert {a["payload"]["errors"][0]["message"] for a in answers} == {"Not found."}
    assert all(a["payload"]["data"] is None for a in answers)


async def test_a_negative_after_sequence_is_bad_user_input(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    async with subscribed(url, await token_for(app, w.complainant), case_id(case), -1) as sock:
        refused = await sock.receive()
        completed = await sock.receive()

    assert refused["payload"]["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT"}
    assert completed == {"id": "1", "type": "complete"}


async def test_each_role_receives_only_the_scopes_it_may_read(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    readers = {
        "complainant": w.complainant,
        "agent": w.agent,
        "caseworker": w.caseworker,
        "auditor": w.auditor,
        "neutral": w.neutral,  # appointed, not yet declared
    }
    tokens = {name: await token_for(app, user) for name, user in readers.items()}
    head = await _head(case)

    async with contextlib.AsyncExitStack() as stack:
        sockets = {
            name: await stack.enter_async_context(
                subscribed(url, tokens[name], case_id(case), head)
            )
            for name in readers
        }
        await caught_up(case, len(readers))
        for scope in Visibility:
            await note(case, scope, f"before {scope.value}")
        await caught_up(case, len(readers))  # each decided while the neutral was undeclared
        await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
        for scope in Visibility:
            await note(case, scope, f"after {scope.value}")
        await note(case, Visibility.ALL_PARTIES, "end")
        seen = {name: await sock.until("end") for name, sock in sockets.items()}

    declared = await TimelineEvent.filter(
        case_id=case.id, sequence__gt=head + len(Visibility), kind__not="case_accepted"
    ).values_list("kind", "visibility")
    assert declared == [("impartiality_declared", "all_parties"), ("clock_started", "all_parties")]

    def notes(when: str, *scopes: Visibility) -> list[str]:
        return [f"{when} {scope.value}" for scope in scopes]

    public, own = (
        Visibility.ALL_PARTIES,
        {
            "complainant": [Visibility.CAUCUS_COMPLAINANT],
            "agent": [Visibility.CAUCUS_ORGANISATION, Visibility.ORGANISATION_INTERNAL],
            "caseworker": [Visibility.PROVIDER_INTERNAL],
            "auditor": [],
        },
    )
    middle = ["impartiality_declared", "clock_started"]
    assert seen == {
        **{
            name: [
                *notes("before", public, *scopes),
                *middle,
                *notes("after", public, *scopes),
                "end",
            ]
            for name, scopes in own.items()
        },
        "neutral": [
            *middle,
            *notes(
                "after",
                public,
                Visibility.CAUCUS_COMPLAINANT,
                Visibility.CAUCUS_ORGANISATION,
                Visibility.NEUTRAL_ONLY,
            ),
            "end",
        ],
    }


async def test_a_subscriber_who_loses_access_stops_receiving(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.agent)

    async with subscribed(url, token, case_id(case), await _head(case)) as sock:
        await note(case, Visibility.ALL_PARTIES, "while employed")
        before = await sock.until("while employed")
        await Membership.filter(user_id=w.agent.id).delete()
        await note(case, Visibility.ALL_PARTIES, "after leaving")
        ended = await sock.receive()
        completed = await sock.receive()

    assert before == ["while employed"]
    assert ended["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert ended["payload"]["data"] is None
    assert completed == {"id": "1", "type": "complete"}


# --- resuming ----------------------------------------------------------------------------------


async def test_resuming_replays_what_is_stored_then_goes_live_without_gaps_or_duplicates(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    for n in range(150):  # more than one replay batch
        await note(case, Visibility.ALL_PARTIES, f"stored {n}")
    token = await token_for(app, w.complainant)

    async def keep_writing() -> None:
        for n in range(40):
            await note(case, Visibility.ALL_PARTIES, f"live {n}")

    async with subscribed(url, token, case_id(case), 5) as sock:
        writer = asyncio.create_task(keep_writing())  # while the replay runs
        received = await sock.until("live 39")
        await writer

    stored = await TimelineEvent.filter(case_id=case.id).count()
    assert stored == 2 + 150 + 40
    assert len(received) == stored - 5
    assert received[:2] == ["stored 3", "stored 4"]
    assert received[-40:] == [f"live {n}" for n in range(40)]


async def test_without_after_sequence_only_new_events_arrive(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)

    async with subscribed(url, token, case_id(case)) as sock:
        await caught_up(case, 1)
        await note(case, Visibility.ALL_PARTIES, "new")
        (event,) = await sock.events(1)

    assert event == {
        "sequence": 3,
        "kind": "CASE_ACCEPTED",
        "visibility": "ALL_PARTIES",
        "payload": {"note": "new"},
    }


# --- limits and transport ----------------------------------------------------------------------


@pytest.fixture
async def limited_url(settings: Settings, db: str) -> AsyncIterator[str]:
    app = create_app(
        Settings(
            **{
                **settings.__dict__,
                "graphql_max_subscriptions": 2,
                "allowed_origins": ("https://app.example",),
            }
        ),
        manage_orm=False,
    )
    async with serving(app) as ws_url:
        yield ws_url


async def test_a_connection_holds_at_most_the_configured_subscriptions(
    limited_url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)

    async with socket_to(limited_url) as sock:
        await sock.init(token)
        for n in range(3):
            await sock.subscribe(str(n), case_id(case), await _head(case))
        refused = await sock.receive()
        await sock.send({"id": "0", "type": "complete"})
        await sock.subscribe("3", case_id(case), 1)
        (event,) = await sock.events(1, id="3")

    assert refused == {
        "id": "2",
        "type": "error",
        "payload": [
            {
                "message": "A connection holds at most 2 subscriptions at once.",
                "extensions": {"code": "SUBSCRIPTION_LIMIT_EXCEEDED"},
            }
        ],
    }
    assert event["kind"] == "CLOCK_STARTED"


async def test_browsers_may_connect_only_from_allowed_origins(limited_url: str) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with socket_to(limited_url, origin="https://evil.example"):
            pass
    async with socket_to(limited_url, origin="https://app.example") as sock:
        await sock.send({"type": "connection_init", "payload": {}})
        allowed = await sock.closed()

    assert refused.value.response.status_code == 403
    assert allowed == (4403, "Forbidden")  # through the origin check, stopped by the token


async def test_queries_and_mutations_stay_on_http(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)

    async with socket_to(url) as sock:
        await sock.init(token)
        await sock.send(
            {"id": "q", "type": "subscribe", "payload": {"query": "{ viewer { kind } }"}}
        )
        refused = await sock.receive()

    assert refused["type"] == "error"
    assert refused["payload"][0]["extensions"] == {"code": "SUBSCRIPTIONS_ONLY"}


async def test_subscribing_over_http_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)

    variables = {"caseId": case_id(case), "after": 0}
    plain = await gql(client, CASE_EVENTS, variables, token=token)
    streamed = await gql(
        client, CASE_EVENTS, variables, token=token, Accept="multipart/mixed;subscriptionSpec=1.0"
    )

    for response in (plain, streamed):
        assert response.status_code == 400, response.text
        assert response.json()["errors"][0]["extensions"] == {"code": "WEBSOCKET_REQUIRED"}


async def test_a_subscriber_whose_session_ends_stops_receiving(
    url: str, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)

    async with subscribed(url, token, case_id(case), await _head(case)) as sock:
        await Session.filter(user_id=w.complainant.id).update(revoked_at=datetime.now(UTC))
        await note(case, Visibility.ALL_PARTIES, "after logout")
        ended = await sock.receive()
        completed = await sock.receive()

    assert ended["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert completed == {"id": "1", "type": "complete"}
