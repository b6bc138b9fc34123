"""Messages per case and scope: posting, replies staying in their thread's scope, read state
per participant and unread counts, and refusals that change nothing."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.casefiles.models import Message, MessageRead
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from tests.casefile_support import POST, case_file_state
from tests.factories import Factory, gql, quick_world
from tests.test_api_support import call, case_id, token_for

UNREAD = """
query U($id: ID!) {
  case(id: $id) {
    unreadMessageCount
    messages(first: 10) { edges { node { body readByViewer } } }
  }
}
"""
MARK = """
mutation M($input: MarkMessagesReadInput!) {
  markMessagesRead(input: $input) {
    marked
    case { unreadMessageCount }
    userErrors { field code message }
  }
}
"""
LIST = "query L { cases(first: 10) { edges { node { reference unreadMessageCount } } } }"


async def _post(client: httpx.AsyncClient, token: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, POST, {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["postMessage"]
    return payload


async def test_a_message_and_its_reply_stay_in_one_scope_and_reach_the_timeline(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    agent = await token_for(app, w.agent)
    manager = await token_for(app, w.manager)

    first = await _post(
        client,
        agent,
        caseId=case_id(case),
        body="Shall we offer 60?",
        visibility="ORGANISATION_INTERNAL",
    )
    reply = await _post(
        client, manager, caseId=case_id(case), body="Offer 80.", replyToId=first["message"]["id"]
    )
    event = await TimelineEvent.filter(case_id=case.id).order_by("-sequence").first()

    assert first["userErrors"] == []
    assert first["message"]["visibility"] == "ORGANISATION_INTERNAL"
    assert first["message"]["readByViewer"] is True
    assert reply["userErrors"] == []
    assert reply["message"]["visibility"] == "ORGANISATION_INTERNAL"
    assert reply["message"]["replyToId"] == first["message"]["id"]
    assert reply["message"]["author"]["displayName"] == w.manager.display_name
    assert event is not None
    assert (event.kind, event.visibility.value) == ("message_posted", "organisation_internal")
    row = await Message.get(body="Offer 80.")
    assert event.payload == {
        "message_id": str(row.id),
        "reply_to_id": str(row.reply_to_id),
        # Issue 19: the text is on the chain by its SHA-256.
        "text_digest": hashlib.sha256(b"Offer 80.").hexdigest(),
    }


async def test_a_reply_cannot_change_scope_or_answer_what_its_author_cannot_see(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    internal = await _post(
        client,
        await token_for(app, w.agent),
        caseId=case_id(case),
        body="Internal note",
        visibility="ORGANISATION_INTERNAL",
    )
    before = await case_file_state(case, settings)
    complainant = await token_for(app, w.complainant)

    hidden = await _post(
        client, complainant, caseId=case_id(case), body="Hi", replyToId=internal["message"]["id"]
    )
    moved = await _post(
        client,
        await token_for(app, w.manager),
        caseId=case_id(case),
        body="Everyone should see this",
        visibility="ALL_PARTIES",
        replyToId=internal["message"]["id"],
    )
    no_scope = await _post(client, complainant, caseId=case_id(case), body="Hello")
    empty = await _post(
        client, complainant, caseId=case_id(case), body="  ", visibility="ALL_PARTIES"
    )
    # A control character never reaches the service: the request layer refuses the variable.
    control = await gql(
        client,
        POST,
        {"input": {"caseId": case_id(case), "body": "bell\x07", "visibility": "ALL_PARTIES"}},
        token=complainant,
    )
    long = await _post(
        client, complainant, caseId=case_id(case), body="x" * 20_001, visibility="ALL_PARTIES"
    )
    stranger = await _post(
        client,
        await token_for(app, await factory.user()),
        caseId=case_id(case),
        body="Hello",
        visibility="ALL_PARTIES",
    )

    def errors(payload: dict[str, Any]) -> list[tuple[str, list[str]]]:
        return [(e["code"], e["field"]) for e in payload["userErrors"]]

    assert errors(hidden) == [("NOT_FOUND", ["input", "replyToId"])]
    assert errors(moved) == [("SCOPE_MISMATCH", ["input", "visibility"])]
    assert errors(no_scope) == [("REQUIRED", ["input", "visibility"])]
    assert errors(empty) == [("REQUIRED", ["input", "body"])]
    assert control.status_code == 400
    assert [e["extensions"]["code"] for e in control.json()["errors"]] == ["INVALID_CHARACTER"]
    assert errors(long) == [("TOO_LONG", ["input", "body"])]
    assert errors(stranger) == [("NOT_FOUND", ["input", "caseId"])]
    assert await case_file_state(case, settings) == before


async def test_read_state_is_per_participant_and_unread_counts_follow_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    other_case = await w.new_case()
    complainant = await token_for(app, w.complainant)
    agent = await token_for(app, w.agent)
    posted = [
        await _post(client, agent, caseId=case_id(case), body=f"m{i}", visibility="ALL_PARTIES")
        for i in range(3)
    ]
    await _post(
        client, agent, caseId=case_id(case), body="internal", visibility="ORGANISATION_INTERNAL"
    )
    await _post(client, agent, caseId=case_id(other_case), body="o", visibility="ALL_PARTIES")
    ids = [p["message"]["id"] for p in posted]

    before = await call(client, complainant, UNREAD, {"id": case_id(case)})
    marked = await call(
        client, complainant, MARK, {"input": {"caseId": case_id(case), "messageIds": ids[:2]}}
    )
    again = await call(
        client, complainant, MARK, {"input": {"caseId": case_id(case), "messageIds": ids[:2]}}
    )
    after = await call(client, complainant, UNREAD, {"id": case_id(case)})
    listed = await call(client, complainant, LIST)
    agent_view = await call(client, agent, UNREAD, {"id": case_id(case)})

    assert before["data"]["case"]["unreadMessageCount"] == 3  # the internal one is not theirs
    assert marked["data"]["markMessagesRead"]["marked"] == 2
    assert marked["data"]["markMessagesRead"]["case"]["unreadMessageCount"] == 1
    assert again["data"]["markMessagesRead"]["marked"] == 0
    assert {
        e["node"]["body"]: e["node"]["readByViewer"]
        for e in after["data"]["case"]["messages"]["edges"]
    } == {"m0": True, "m1": True, "m2": False}
    counts = sorted(e["node"]["unreadMessageCount"] for e in listed["data"]["cases"]["edges"])
    assert counts == [1, 1]
    assert agent_view["data"]["case"]["unreadMessageCount"] == 0  # their own count as read


async def test_marking_a_message_one_may_not_see_marks_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    agent = await token_for(app, w.agent)
    shared = await _post(client, agent, caseId=case_id(case), body="a", visibility="ALL_PARTIES")
    internal = await _post(
        client, agent, caseId=case_id(case), body="b", visibility="ORGANISATION_INTERNAL"
    )
    complainant = await token_for(app, w.complainant)
    reads_before = await MessageRead.all().count()

    body = await call(
        client,
        complainant,
        MARK,
        {
            "input": {
                "caseId": case_id(case),
                "messageIds": [shared["message"]["id"], internal["message"]["id"]],
            }
        },
    )
    bogus = await call(
        client,
        complainant,
        MARK,
        {"input": {"caseId": case_id(case), "messageIds": [to_global_id("Message", case.id)]}},
    )

    errors = body["data"]["markMessagesRead"]["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [("NOT_FOUND", ["input", "messageIds"])]
    assert [e["code"] for e in bogus["data"]["markMessagesRead"]["userErrors"]] == ["NOT_FOUND"]
    assert await MessageRead.all().count() == reads_before


async def test_posting_with_an_idempotency_key_posts_once(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    input = {"caseId": case_id(case), "body": "Hello", "visibility": "ALL_PARTIES"}

    first = await _post(client, token, **input, idempotencyKey="m-1")
    again = await _post(client, token, **input, idempotencyKey="m-1")
    other = await _post(client, token, **{**input, "body": "Bye"}, idempotencyKey="m-1")

    assert first["message"]["id"] == again["message"]["id"]
    assert [e["code"] for e in other["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert await Message.all().count() == 1
    assert await TimelineEvent.filter(case_id=case.id, kind="message_posted").count() == 1
