"""Issue 18, 1: global ids everywhere. Every entity type is a `Node` that `node(id:)` resolves
for whoever may read it (a foreign object answered exactly like a missing one: null, no
error); `nodes(ids:)`; references as objects; the ids of REST reports resolve.

The access matrix (tests/test_access_matrix.py) checks `node` for the types whose objects it
builds, for every principal; this file covers the rest (outcomes, commitments, the admin audit
log, kept receipts) and what `node` and `nodes` answer as a whole.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
from graphql import build_schema
from starlette.applications import Starlette

from portal.accounts.models import Role
from portal.admin.audit import log_change
from portal.api.node import MAX_NODES, node_types
from portal.casefiles.services import post_message
from portal.cases.models import Consent, DisputeCase, NeutralAppointment, Objection, Offer, Outcome
from portal.cases.states import AppointmentStatus, Method, OfferStatus, OutcomeKind, Side
from portal.commitments.models import Commitment, CommitmentKind
from portal.ids import NODE_TYPE_OF_MODEL, global_id, parse_global_id
from portal.notifications.models import HeadReceipt, ReceiptMoment
from portal.timeline.models import Visibility
from tests.factories import Factory, World, actor_for, answer, gql, quick_world
from tests.test_api_support import token_for
from tests.test_contract import SCHEMA_FILE as SCHEMA

NODE = "query Q($id: ID!) { node(id: $id) { __typename id } }"
NODES = "query Q($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }"


async def _node(client: httpx.AsyncClient, token: str | None, node_id: str) -> dict[str, Any]:
    response = await gql(client, NODE, {"id": node_id}, token=token)
    assert response.status_code == 200
    body: dict[str, Any] = answer(response)
    return body


def _shown(node_id: str) -> dict[str, Any]:
    type_name = parse_global_id(node_id)
    assert type_name is not None
    return {"data": {"node": {"__typename": type_name[0], "id": node_id}}}


HIDDEN = {"data": {"node": None}}


# --- every Node type resolves -------------------------------------------------------------


def test_every_type_that_implements_node_has_a_resolver() -> None:
    """The schema's Node types and `node_resolver`'s registry are the same set (TimelineEvent
    is the event catalogue's, registered by it)."""
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"))
    implementing = {t.name for t in schema.get_implementations(schema.type_map["Node"]).objects}  # type: ignore[arg-type]

    assert implementing - node_types() <= {"TimelineEvent"}
    assert node_types() - implementing == set()
    # What exports and reports name objects by is resolvable too.
    assert set(NODE_TYPE_OF_MODEL.values()) <= node_types()


async def _case_with_records(w: World) -> tuple[DisputeCase, dict[str, str]]:
    """A case with an offer and its counter-offer, an outcome, a message and its reply."""
    case = await w.new_case()
    at = datetime.now(UTC)
    first = await Offer.create(
        case=case,
        side=Side.ORGANISATION,
        made_by=w.agent,
        amount=Decimal("80.00"),
        currency="EUR",
        terms="Refund 80",
        made_at=at,
        status=OfferStatus.COUNTERED,
    )
    counter = await Offer.create(
        case=case,
        side=Side.COMPLAINANT,
        made_by=w.complainant,
        amount=Decimal("110.00"),
        currency="EUR",
        terms="Refund 110",
        made_at=at,
        replying_to=first,
    )
    outcome = await Outcome.create(
        case=case,
        kind=OutcomeKind.SETTLEMENT,
        binding=False,
        summary="Refund 100.",
        reasons="Agreed.",
        amount=Decimal("100.00"),
        issued_by=w.caseworker,
        issued_at=at,
    )
    question = await post_message(
        await actor_for(w.complainant), case.id, "Billed twice?", Visibility.ALL_PARTIES
    )
    answer = await post_message(
        await actor_for(w.agent), case.id, "Checking.", Visibility.ALL_PARTIES, question.id
    )
    receipt = await HeadReceipt.create(
        user=w.complainant,
        case=case,
        moment=ReceiptMoment.OUTCOME_ISSUED,
        sequence=1,
        hash="0" * 64,
        created_at=at,
    )
    return case, {
        "case": global_id("DisputeCase", case.id),
        "first": global_id("Offer", first.id),
        "counter": global_id("Offer", counter.id),
        "outcome": global_id("Outcome", outcome.id),
        "question": global_id("Message", question.id),
        "answer": global_id("Message", answer.id),
        "receipt": global_id("KeptReceipt", receipt.id),
    }


async def test_outcomes_offers_messages_and_receipts_resolve_for_their_readers_only(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    home, away = await quick_world(factory), await quick_world(factory)
    _, ids = await _case_with_records(home)
    complainant = await token_for(app, home.complainant)
    agent = await token_for(app, home.agent)
    stranger = await token_for(app, away.agent)
    other_consumer = await token_for(app, away.complainant)

    for key in ("case", "first", "counter", "outcome", "question", "answer"):
        assert await _node(client, complainant, ids[key]) == _shown(ids[key]), key
        assert await _node(client, agent, ids[key]) == _shown(ids[key]), key
        assert await _node(client, stranger, ids[key]) == HIDDEN, key
    # A kept receipt is its person's alone.
    assert await _node(client, complainant, ids["receipt"]) == _shown(ids["receipt"])
    assert await _node(client, agent, ids["receipt"]) == HIDDEN
    assert await _node(client, other_consumer, ids["receipt"]) == HIDDEN
    missing = [global_id(t, uuid.uuid4()) for t in ("Outcome", "KeptReceipt", "DisputeCase")]
    assert [await _node(client, complainant, m) for m in missing] == [HIDDEN] * 3


async def test_references_are_objects_beside_the_deprecated_ids(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    _, ids = await _case_with_records(w)
    query = """
    query Q($id: ID!) {
      case(id: $id) {
        offers { id replyingTo { id terms } }
        outcome { id summary }
        messages(first: 10) { edges { node { id replyToId replyTo { id body } } } }
      }
      viewer { receipts { id caseId case { id } } }
    }
    """
    body = (
        await gql(client, query, {"id": ids["case"]}, token=await token_for(app, w.complainant))
    ).json()

    assert "errors" not in body, body
    found = body["data"]["case"]
    assert found["offers"] == [
        {"id": ids["first"], "replyingTo": None},
        {"id": ids["counter"], "replyingTo": {"id": ids["first"], "terms": "Refund 80"}},
    ]
    assert found["outcome"] == {"id": ids["outcome"], "summary": "Refund 100."}
    messages = {e["node"]["id"]: e["node"] for e in found["messages"]["edges"]}
    assert messages[ids["answer"]]["replyToId"] == ids["question"]
    assert messages[ids["answer"]]["replyTo"] == {"id": ids["question"], "body": "Billed twice?"}
    assert messages[ids["question"]]["replyTo"] is None
    assert body["data"]["viewer"]["receipts"] == [
        {"id": ids["receipt"], "caseId": ids["case"], "case": {"id": ids["case"]}}
    ]


async def test_a_reply_to_a_message_the_reader_may_not_read_is_null(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    internal = await post_message(
        await actor_for(w.agent), case.id, "Internal.", Visibility.ORGANISATION_INTERNAL
    )
    reply = await post_message(
        await actor_for(w.manager), case.id, "Noted.", Visibility.ORGANISATION_INTERNAL, internal.id
    )
    query = "query Q($id: ID!) { node(id: $id) { ... on Message { replyTo { id } } } }"
    token = await token_for(app, w.agent)

    body = answer(await gql(client, query, {"id": global_id("Message", reply.id)}, token=token))
    hidden = await _node(
        client, await token_for(app, w.complainant), global_id("Message", reply.id)
    )

    assert body == {"data": {"node": {"replyTo": {"id": global_id("Message", internal.id)}}}}
    assert hidden == HIDDEN


async def test_commitments_schemes_and_the_admin_audit_log_resolve(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    at = datetime.now(UTC)
    commitment = await Commitment.create(
        organisation=w.organisation,
        kind=CommitmentKind.ACKNOWLEDGE_COMPLAINT,
        days=2,
        wording_en="We acknowledge within 2 days.",
        wording_zh_hans="我们在2天内确认。",
        created_at=at,
        updated_at=at,
    )
    admin = await factory.user(Role.ADMIN)
    await log_change(await actor_for(admin), "scheme.update", "Scheme", w.scheme.id, {}, {}, at)
    entry_query = (
        "{ adminAuditLog(first: 1) { edges { node { id actor { id } subject { id } } } } }"
    )
    admin_token = await token_for(app, admin)
    [edge] = answer(await gql(client, entry_query, token=admin_token))["data"]["adminAuditLog"][
        "edges"
    ]
    entry = edge["node"]
    commitment_id = global_id("Commitment", commitment.id)
    scheme_id = global_id("Scheme", w.scheme.id)

    # Published: for everyone, signed in or not.
    assert await _node(client, None, commitment_id) == _shown(commitment_id)
    assert await _node(client, None, scheme_id) == _shown(scheme_id)
    assert entry["actor"] == {"id": global_id("User", admin.id)}
    assert entry["subject"] == {"id": scheme_id}
    assert await _node(client, admin_token, entry["id"]) == _shown(entry["id"])
    assert await _node(client, await token_for(app, w.agent), entry["id"]) == HIDDEN
    # Anyone not signed in reads only the directory's types.
    unauthenticated = await _node(client, None, entry["id"])
    assert [e["extensions"]["code"] for e in unauthenticated["errors"]] == ["UNAUTHENTICATED"]


# --- the answer as a whole ----------------------------------------------------------------


async def test_a_missing_node_does_not_blank_the_rest_of_the_response(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    user = await factory.user()
    query = "query Q($id: ID!) { viewer { kind } node(id: $id) { id } }"

    for node_id in (global_id("DisputeCase", uuid.uuid4()), "garbage!"):
        body = answer(await gql(client, query, {"id": node_id}, token=await token_for(app, user)))
        assert body == {"data": {"viewer": {"kind": "USER"}, "node": None}}


async def test_case_and_complaint_are_null_for_a_foreign_or_missing_one(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    home, away = await quick_world(factory), await quick_world(factory)
    case = await home.new_case()
    query = """
    query Q($case: ID!, $complaint: ID!) {
      viewer { kind }
      case(id: $case) { id }
      complaint(id: $complaint) { id }
    }
    """
    foreign = {
        "case": global_id("DisputeCase", case.id),
        "complaint": global_id("Complaint", case.complaint_id),  # type: ignore[attr-defined]
    }
    missing = {
        "case": global_id("DisputeCase", uuid.uuid4()),
        "complaint": global_id("Complaint", uuid.uuid4()),
    }
    token = await token_for(app, away.complainant)

    answers = [answer(await gql(client, query, v, token=token)) for v in (foreign, missing)]
    own = answer(await gql(client, query, foreign, token=await token_for(app, home.complainant)))

    expected = {"data": {"viewer": {"kind": "USER"}, "case": None, "complaint": None}}
    assert answers == [expected, expected]
    assert own["data"]["case"] == {"id": foreign["case"]}
    assert own["data"]["complaint"] == {"id": foreign["complaint"]}


async def test_nodes_answers_in_order_with_null_for_each_id_not_visible(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    home, away = await quick_world(factory), await quick_world(factory)
    _, ids = await _case_with_records(home)
    _, foreign = await _case_with_records(away)
    asked = [
        ids["counter"],
        foreign["case"],
        "garbage!",
        global_id("User", home.complainant.id),
        global_id("Outcome", uuid.uuid4()),
        global_id("Invoice", uuid.uuid4()),
        ids["case"],
        ids["counter"],
    ]
    token = await token_for(app, home.complainant)

    body = answer(await gql(client, NODES, {"ids": asked}, token=token))

    assert body == {
        "data": {
            "nodes": [
                {"__typename": "Offer", "id": ids["counter"]},
                None,
                None,
                {"__typename": "User", "id": global_id("User", home.complainant.id)},
                None,
                None,
                {"__typename": "DisputeCase", "id": ids["case"]},
                {"__typename": "Offer", "id": ids["counter"]},
            ]
        }
    }


async def test_nodes_takes_at_most_a_hundred_ids(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    user = await factory.user()
    token = await token_for(app, user)
    own = global_id("User", user.id)

    most = answer(await gql(client, NODES, {"ids": [own] * MAX_NODES}, token=token))
    more = answer(await gql(client, NODES, {"ids": [own] * (MAX_NODES + 1)}, token=token))

    assert len(most["data"]["nodes"]) == MAX_NODES
    assert [e["extensions"]["code"] for e in more["errors"]] == ["BAD_USER_INPUT"]


# --- REST reports name objects by global ID -----------------------------------------------


async def test_the_management_reviews_ids_resolve(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    at = datetime.now(UTC)
    await Commitment.create(
        organisation=w.organisation,
        kind=CommitmentKind.ACKNOWLEDGE_COMPLAINT,
        days=2,
        wording_en="We acknowledge within 2 days.",
        wording_zh_hans="我们在2天内确认。",
        created_at=at,
        updated_at=at,
    )
    token = await token_for(app, w.manager)
    query = f"organisation={w.organisation.slug}&from={at.year}-01-01&until={at.year + 1}-01-01"
    auth = {"Authorization": f"Bearer {token}"}

    document = (await client.get(f"/reports/management-review.json?{query}", headers=auth)).json()
    lines = (await client.get(f"/reports/management-review.csv?{query}", headers=auth)).text

    named = [document["organisation"]["id"]] + [c["id"] for c in document["commitments"].values()]
    assert named[0] == global_id("Organisation", w.organisation.id)
    assert len(named) == 2
    for node_id in named:
        assert await _node(client, token, node_id) == _shown(node_id)
        assert node_id in lines


async def test_an_access_log_entry_names_its_reader_case_and_target_as_objects(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.agent)
    read = await _node(client, token, global_id("DisputeCase", case.id))  # recorded as a read
    query = """
    { accessLog(first: 10) { edges { node {
        id readerId reader { id } caseId case { id } targetType target { id } } } } }
    """
    auditor = await token_for(app, w.auditor)

    body = answer(await gql(client, query, token=auditor))
    again = answer(await gql(client, query, token=auditor))

    assert read == _shown(global_id("DisputeCase", case.id))
    entries = [e["node"] for e in body["data"]["accessLog"]["edges"]]
    [entry] = [e for e in entries if e["readerId"] == global_id("User", w.agent.id)]
    case_id = global_id("DisputeCase", case.id)
    assert entry["case"] == entry["target"] == {"id": case_id}
    assert entry["caseId"] == case_id
    # The organisation's auditor may not look the agent up as a User (policy.may_view_user):
    # the reference is null for them; `readerLabel` names the reader.
    assert entry["reader"] is None
    assert await _node(client, auditor, entry["id"]) == _shown(entry["id"])
    assert await _node(client, token, entry["id"]) == HIDDEN
    # Naming the case beside the entry is no read of the case: the log did not grow.
    assert again["data"]["accessLog"] == body["data"]["accessLog"]


async def test_consents_appointments_and_objections_resolve_for_the_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    home, away = await quick_world(factory), await quick_world(factory)
    case = await home.new_case()
    at = datetime.now(UTC)
    appointment = await NeutralAppointment.create(
        case=case,
        neutral=home.neutral,
        appointed_by=home.caseworker,
        status=AppointmentStatus.OBJECTED,
        appointed_at=at,
    )
    consent = await Consent.create(
        case=case,
        given_by=home.complainant,
        method=Method.MEDIATION,
        legal_effect="Not binding.",
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
        given_at=at,
    )
    objection = await Objection.create(
        appointment=appointment,
        raised_by=home.complainant,
        side=Side.COMPLAINANT,
        reasons="Conflict.",
        raised_at=at,
    )
    ids = [
        global_id("NeutralAppointment", appointment.id),
        global_id("Objection", objection.id),
        global_id("Consent", consent.id),
    ]
    token = await token_for(app, home.complainant)
    nested = """
    query Q($id: ID!) {
      case(id: $id) {
        consents { id } neutralAppointment { id objections { id } }
      }
    }
    """

    mine = answer(await gql(client, NODES, {"ids": ids}, token=token))["data"]["nodes"]
    theirs = (
        await gql(client, NODES, {"ids": ids}, token=await token_for(app, away.agent))
    ).json()["data"]["nodes"]
    shown = (
        await gql(client, nested, {"id": global_id("DisputeCase", case.id)}, token=token)
    ).json()["data"]["case"]

    assert [n["id"] if n else None for n in mine] == ids
    assert theirs == [None] * len(ids)
    listed = {
        shown["neutralAppointment"]["id"],
        *[o["id"] for o in shown["neutralAppointment"]["objections"]],
        *[c["id"] for c in shown["consents"]],
    }
    assert listed == set(ids)
