"""Complaints over GraphQL (ISO 10002): filing and recording, idempotency keys, each handling
step, and a foreign complaint answered exactly like a missing one."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.api.node import to_global_id
from portal.complaints.models import Complaint, ComplaintStatus
from portal.complaints.services import take_step
from portal.complaints.states import ComplaintAction
from tests.factories import Factory, World, actor_for, bare, quick_world
from tests.test_api_support import call, filed, gid, token_for

FIELDS = "id reference status channel subject assessment response closureNote"


def mutation(name: str, fields: str = FIELDS) -> str:
    input_type = name[0].upper() + name[1:] + "Input"
    return (
        f"mutation M($input: {input_type}!) {{ {name}(input: $input) {{ "
        f"complaint {{ {fields} }} userErrors {{ field code message }} }} }}"
    )


async def mutate(client: httpx.AsyncClient, token: str, name: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, mutation(name), {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    return payload


def filing(w: World, **extra: Any) -> dict[str, Any]:
    return {
        "organisationId": to_global_id("Organisation", w.organisation.id),
        "subject": "Meter read wrongly",
        "description": "The bill assumes twice my usage.",
        "remedySought": "A corrected bill",
        **extra,
    }


async def test_a_consumer_files_a_complaint_and_sees_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)

    payload = await mutate(client, token, "fileComplaint", **filing(w))

    row = await Complaint.get(complainant_id=w.complainant.id)
    assert payload == {
        "complaint": {
            "id": gid(row),
            "reference": row.reference,
            "status": "RECEIVED",
            "channel": "WEB",
            "subject": "Meter read wrongly",
            "assessment": "",
            "response": "",
            "closureNote": "",
        },
        "userErrors": [],
    }
    assert row.reference.startswith("CMP-")


async def test_a_retry_with_the_same_key_returns_the_first_complaint(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    key = str(uuid.uuid4())

    first = await mutate(client, token, "fileComplaint", **filing(w, idempotencyKey=key))
    again = await mutate(client, token, "fileComplaint", **filing(w, idempotencyKey=key))
    changed = await mutate(
        client, token, "fileComplaint", **filing(w, idempotencyKey=key, subject="Other")
    )
    without = await mutate(client, token, "fileComplaint", **filing(w))

    assert again == first
    assert changed == {
        "complaint": None,
        "userErrors": [
            {
                "field": ["input", "idempotencyKey"],
                "code": "IDEMPOTENCY_KEY_REUSED",
                "message": "This key was used before for a different request.",
            }
        ],
    }
    assert without["complaint"]["id"] != first["complaint"]["id"]
    assert await Complaint.filter(complainant_id=w.complainant.id).count() == 2


async def test_keys_belong_to_one_actor(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    someone = await factory.user()
    key = "shared-key"

    mine = await mutate(
        client,
        await token_for(app, w.complainant),
        "fileComplaint",
        **filing(w, idempotencyKey=key),
    )
    theirs = await mutate(
        client, await token_for(app, someone), "fileComplaint", **filing(w, idempotencyKey=key)
    )

    assert mine["complaint"]["id"] != theirs["complaint"]["id"]
    assert await Complaint.filter(organisation_id=w.organisation.id).count() == 2


async def test_a_refused_creation_is_its_keys_answer(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """Issue 18, 5: a key's first answer is its answer, a refusal too; the corrected request
    is another request, with a key of its own."""
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)

    refused = await mutate(
        client, token, "fileComplaint", **filing(w, idempotencyKey="k1", subject="  ")
    )
    repeated = await mutate(
        client, token, "fileComplaint", **filing(w, idempotencyKey="k1", subject="  ")
    )
    corrected = await mutate(client, token, "fileComplaint", **filing(w, idempotencyKey="k1"))
    retried = await mutate(client, token, "fileComplaint", **filing(w, idempotencyKey="k2"))
    too_long = await mutate(client, token, "fileComplaint", **filing(w, idempotencyKey="k" * 201))

    assert [e["code"] for e in refused["userErrors"]] == ["REQUIRED"]
    assert refused["userErrors"][0]["field"] == ["input", "subject"]
    assert repeated == refused
    assert [e["code"] for e in corrected["userErrors"]] == ["IDEMPOTENCY_KEY_REUSED"]
    assert retried["userErrors"] == []
    assert [e["code"] for e in too_long["userErrors"]] == ["INVALID_INPUT"]
    assert await Complaint.filter(complainant_id=w.complainant.id).count() == 1


async def test_an_agent_records_a_complaint_received_by_phone(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    record = {
        "organisationId": to_global_id("Organisation", w.organisation.id),
        "complainantEmail": "caller@example.org",
        "complainantName": "A Caller",
        "channel": "PHONE",
        "subject": "Rude engineer",
        "description": "Told on the phone.",
        "idempotencyKey": "call-17",
    }

    by_agent = await mutate(client, await token_for(app, w.agent), "recordComplaint", **record)
    again = await mutate(client, await token_for(app, w.agent), "recordComplaint", **record)
    by_consumer = await mutate(
        client, await token_for(app, w.complainant), "recordComplaint", **record
    )
    bad_email = await mutate(
        client,
        await token_for(app, w.manager),
        "recordComplaint",
        **{**record, "complainantEmail": "not-an-address", "idempotencyKey": None},
    )

    caller = await User.get(email="caller@example.org")
    assert by_agent["complaint"]["channel"] == "PHONE"
    assert again == by_agent
    assert [e["code"] for e in by_consumer["userErrors"]] == ["FORBIDDEN"]
    assert [e["code"] for e in bad_email["userErrors"]] == ["INVALID_EMAIL"]
    assert await Complaint.filter(complainant_id=caller.id).count() == 1


async def test_staff_handle_a_complaint_step_by_step(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    agent = await token_for(app, w.agent)
    cid = gid(complaint)

    acknowledged = await mutate(client, agent, "acknowledgeComplaint", complaintId=cid)
    assessed = await mutate(client, agent, "assessComplaint", complaintId=cid, assessment="Valid")
    responded = await mutate(
        client,
        agent,
        "respondToComplaint",
        complaintId=cid,
        response="We will refund.",
        decision="UPHELD",
    )
    closed = await mutate(client, agent, "closeComplaint", complaintId=cid, note="Refunded")
    again = await mutate(client, agent, "acknowledgeComplaint", complaintId=cid)

    assert [p["complaint"]["status"] for p in (acknowledged, assessed, responded, closed)] == [
        "ACKNOWLEDGED",
        "ASSESSED",
        "RESPONDED",
        "CLOSED",
    ]
    assert closed["complaint"] | {"id": None, "reference": None} == {
        "id": None,
        "reference": None,
        "status": "CLOSED",
        "channel": "WEB",
        "subject": "Late refund",
        "assessment": "Valid",
        "response": "We will refund.",
        "closureNote": "Refunded",
    }
    assert [e["code"] for e in again["userErrors"]] == ["ACTION_NOT_AVAILABLE"]


async def test_the_complainant_may_not_handle_their_own_complaint(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    token = await token_for(app, w.complainant)

    await take_step(await actor_for(w.agent), complaint.id, ComplaintAction.ACKNOWLEDGE)

    payload = await mutate(
        client,
        token,
        "respondToComplaint",
        complaintId=gid(complaint),
        response="All fine.",
        decision="UPHELD",
    )

    assert payload == {
        "complaint": None,
        "userErrors": [
            {
                "field": None,
                "code": "FORBIDDEN",
                "message": "Your role on this complaint does not allow that step.",
            }
        ],
    }
    row = await Complaint.get(id=complaint.id)
    assert (row.status, row.response, row.responded_at, row.decision) == (
        ComplaintStatus.ACKNOWLEDGED,
        "",
        None,
        None,
    )


async def test_a_foreign_complaint_is_answered_exactly_like_a_missing_one(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    complaint = await filed(w)
    outsider = await token_for(app, other.agent)
    ids = [gid(complaint), to_global_id("Complaint", uuid.uuid4()), "junk"]

    acknowledged = [
        await mutate(client, outsider, "acknowledgeComplaint", complaintId=i) for i in ids
    ]
    fetched = [
        await call(client, outsider, "query C($id: ID!) { complaint(id: $id) { id } }", {"id": i})
        for i in ids
    ]
    as_node = [
        await call(client, outsider, "query N($id: ID!) { node(id: $id) { id } }", {"id": i})
        for i in ids
    ]

    not_found = {
        "complaint": None,
        "userErrors": [
            {
                "field": ["input", "complaintId"],
                "code": "NOT_FOUND",
                "message": "No such complaint.",
            }
        ],
    }
    assert acknowledged == [not_found] * 3
    # Issue 18: `complaint` and `node` are nullable: null, with no error, for all three.
    assert [bare(b) for b in fetched] == [{"data": {"complaint": None}}] * 3
    assert [bare(b) for b in as_node] == [{"data": {"node": None}}] * 3
    assert bare(fetched[0]) == bare(fetched[1]) == bare(fetched[2])
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED


async def test_a_consumer_finds_the_organisation_in_the_directory_and_files_with_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    directory = """
    { organisations(first: 100) { edges { node { id name } } }
      providers { edges { node { name } } } }
    """

    found = await call(client, token, directory)
    listed = {e["node"]["name"]: e["node"]["id"] for e in found["data"]["organisations"]["edges"]}
    payload = await mutate(
        client,
        token,
        "fileComplaint",
        **{**filing(w), "organisationId": listed[w.organisation.name]},
    )

    assert w.provider.name in [e["node"]["name"] for e in found["data"]["providers"]["edges"]]
    assert payload["userErrors"] == []
    assert await Complaint.filter(organisation_id=w.organisation.id).count() == 1


async def test_the_directory_needs_a_signed_in_actor(client: httpx.AsyncClient) -> None:
    body = (
        await client.post("/graphql", json={"query": "{ organisations { edges { cursor } } }"})
    ).json()

    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
