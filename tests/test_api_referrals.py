"""Referring a complaint to dispute resolution over GraphQL, and the list of complaints."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.api.node import to_global_id
from portal.cases.models import DisputeCase
from portal.complaints.models import Complaint, ComplaintStatus
from tests.factories import Factory, quick_world
from tests.test_api_support import call, filed, gid, token_for

REFER = """
mutation R($input: ReferComplaintInput!) {
  referComplaint(input: $input) {
    complaint { status unresolvedReason dispute { reference } }
    case { id reference method stage }
    userErrors { field code message }
  }
}
"""


async def test_referring_twice_with_one_key_opens_one_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    token = await token_for(app, w.complainant)
    refer = {
        "complaintId": gid(complaint),
        "providerId": to_global_id("Provider", w.provider.id),
        "method": "OMBUDSMAN_RECOMMENDATION",
        "unresolvedReason": "No answer in eight weeks.",
        "idempotencyKey": "refer-1",
    }

    first = (await call(client, token, REFER, {"input": refer}))["data"]["referComplaint"]
    again = (await call(client, token, REFER, {"input": refer}))["data"]["referComplaint"]
    unkeyed = (await call(client, token, REFER, {"input": {**refer, "idempotencyKey": None}}))[
        "data"
    ]["referComplaint"]

    case = await DisputeCase.get(complaint_id=complaint.id)
    assert first == again
    assert first["case"] == {
        "id": to_global_id("DisputeCase", case.id),
        "reference": case.reference,
        "method": "OMBUDSMAN_RECOMMENDATION",
        "stage": "REFERRED",
    }
    assert first["complaint"] == {
        "status": "REFERRED",
        "unresolvedReason": "No answer in eight weeks.",
        "dispute": {"reference": case.reference},
    }
    assert [e["code"] for e in unkeyed["userErrors"]] == ["ALREADY_REFERRED"]
    assert await DisputeCase.filter(complaint_id=complaint.id).count() == 1


async def test_a_referral_needs_one_of_the_organisations_providers(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    complaint = await filed(w)
    token = await token_for(app, w.complainant)
    refer = {
        "complaintId": gid(complaint),
        "providerId": to_global_id("Provider", other.provider.id),
        "method": "MEDIATION",
        "unresolvedReason": "Refused.",
    }

    payload = (await call(client, token, REFER, {"input": refer}))["data"]["referComplaint"]

    assert payload["userErrors"] == [
        {
            "field": ["input", "providerId"],
            "code": "PROVIDER_NOT_AVAILABLE",
            "message": "The organisation does not take part in that provider's scheme.",
        }
    ]
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED


COMPLAINTS = """
query L($first: Int, $after: String) {
  complaints(first: $first, after: $after) {
    edges { node { reference complainant { displayName isViewer } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_each_actor_lists_only_the_complaints_they_may_see(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    mine = [await filed(w) for _ in range(3)]
    theirs = await filed(other)

    async def listed(user: User, first: int = 10) -> list[str]:
        body = await call(client, await token_for(app, user), COMPLAINTS, {"first": first})
        return [e["node"]["reference"] for e in body["data"]["complaints"]["edges"]]

    newest_first = [c.reference for c in reversed(mine)]
    assert await listed(w.complainant) == newest_first
    assert await listed(w.agent) == newest_first
    assert await listed(w.auditor) == newest_first
    assert await listed(w.caseworker) == []
    assert await listed(other.manager) == [theirs.reference]
    body = await call(client, await token_for(app, w.agent), COMPLAINTS, {"first": 2})
    rest = await call(
        client,
        await token_for(app, w.agent),
        COMPLAINTS,
        {"first": 2, "after": body["data"]["complaints"]["pageInfo"]["endCursor"]},
    )
    assert [e["node"]["reference"] for e in rest["data"]["complaints"]["edges"]] == [
        mine[0].reference
    ]


async def test_a_referral_may_name_a_representative_who_then_sees_the_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    complaint, other = await filed(w), await filed(w)
    adviser = await factory.user()
    token = await token_for(app, w.complainant)
    refer = {
        "providerId": to_global_id("Provider", w.provider.id),
        "method": "MEDIATION",
        "unresolvedReason": "Refused.",
    }
    query = REFER.replace("case { id", "case { representative { displayName } id")

    named = await call(
        client,
        token,
        query,
        {
            "input": {
                **refer,
                "complaintId": gid(complaint),
                "representativeId": to_global_id("User", adviser.id),
            }
        },
    )
    unknown = await call(
        client,
        token,
        query,
        {
            "input": {
                **refer,
                "complaintId": gid(other),
                "representativeId": to_global_id("Organisation", w.organisation.id),
            }
        },
    )
    seen = await call(
        client,
        await token_for(app, adviser),
        "{ cases { edges { node { viewerRoles availableActions } } } }",
    )

    assert named["data"]["referComplaint"]["case"]["representative"] == {
        "displayName": adviser.display_name
    }
    assert unknown["data"]["referComplaint"]["userErrors"] == [
        {"field": ["input", "representativeId"], "code": "NOT_FOUND", "message": "No such person."}
    ]
    assert (await Complaint.get(id=other.id)).status is ComplaintStatus.RECEIVED
    assert seen["data"]["cases"]["edges"] == [
        {"node": {"viewerRoles": ["REPRESENTATIVE"], "availableActions": ["WITHDRAW"]}}
    ]
