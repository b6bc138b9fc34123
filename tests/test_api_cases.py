"""The case mutations over GraphQL: a whole mediation from complaint to confirmed
implementation, and availableActions and viewerRoles per role."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.auth.limits import attempt_from
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action, run_clock_job
from tests.factories import Factory, World, quick_world
from tests.test_api_support import (
    CONSENT,
    call,
    case_id,
    in_file_review,
    ok,
    token_for,
)

# --- a whole mediation -------------------------------------------------------------------------


async def test_a_mediation_runs_from_complaint_to_confirmed_implementation(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    consumer, agent, caseworker, neutral = [
        await token_for(app, u) for u in (w.complainant, w.agent, w.caseworker, w.neutral)
    ]
    filed = await call(
        client,
        consumer,
        "mutation F($input: FileComplaintInput!) { fileComplaint(input: $input) { "
        "complaint { id status } userErrors { code } } }",
        {
            "input": {
                "organisationId": to_global_id("Organisation", w.organisation.id),
                "subject": "Billed twice in March",
                "description": "The March bill was charged twice.",
                "remedySought": "Refund",
            }
        },
    )
    complaint = filed["data"]["fileComplaint"]["complaint"]
    referred = await call(
        client,
        consumer,
        "mutation R($input: ReferComplaintInput!) { referComplaint(input: $input) { "
        "case { id reference stage claimedAmount { amount currency } clocks { kind status } } "
        "complaint { status } userErrors { code } } }",
        {
            "input": {
                "complaintId": complaint["id"],
                "providerId": to_global_id("Provider", w.provider.id),
                "method": "MEDIATION",
                "unresolvedReason": "The refund was refused.",
                "claimedAmount": "120.00",
            }
        },
    )
    payload = referred["data"]["referComplaint"]
    assert payload["userErrors"] == []
    assert payload["complaint"] == {"status": "REFERRED"}
    assert payload["case"]["stage"] == "REFERRED"
    assert payload["case"]["claimedAmount"] == {"amount": "120.00", "currency": "EUR"}
    assert payload["case"]["clocks"] == [{"kind": "ACCEPTANCE", "status": "RUNNING"}]
    cid = payload["case"]["id"]

    assert (await ok(client, caseworker, "acceptCase", caseId=cid))["stage"] == "ACCEPTED"
    consented = await ok(client, consumer, "giveConsent", caseId=cid, **CONSENT)
    assert consented["stage"] == "AWAITING_RESPONSE"
    responded = await ok(client, agent, "submitResponse", caseId=cid, position="Let us talk.")
    assert responded["stage"] == "FILE_REVIEW"
    replied = await ok(client, consumer, "submitReply", caseId=cid, reply="I was billed twice.")
    assert "SUBMIT_REPLY" not in replied["availableActions"]  # the window ended with it
    neutral_id = to_global_id("User", w.neutral.id)
    await ok(client, caseworker, "appointNeutral", caseId=cid, neutralId=neutral_id)
    declared = await ok(client, neutral, "declareImpartiality", caseId=cid, impartial=True)
    # Objecting is for the parties; the neutral may withdraw, with reasons.
    assert declared["availableActions"] == ["RECUSE", "EXTEND_CLOCK"]

    await run_clock_job(at=datetime.now(UTC) + timedelta(days=8))  # the window closes

    filed_case = await ok(client, caseworker, "completeFile", caseId=cid)
    assert filed_case["stage"] == "IN_RESOLUTION"
    await ok(client, agent, "makeOffer", caseId=cid, amount="80.00", terms="Refund 80")
    first = await Offer.get(case__reference=payload["case"]["reference"])
    countered = await ok(
        client,
        consumer,
        "makeOffer",
        caseId=cid,
        amount="110.00",
        terms="Refund 110",
        replyingTo=to_global_id("Offer", first.id),
    )
    assert "ACCEPT_OFFER" not in countered["availableActions"]  # not one's own offer
    counter = await Offer.get(replying_to_id=first.id)
    settled = await ok(
        client, agent, "acceptOffer", caseId=cid, offerId=to_global_id("Offer", counter.id)
    )
    assert settled["stage"] == "IMPLEMENTATION"
    assert settled["availableActions"] == ["RECORD_IMPLEMENTATION"]
    await ok(client, agent, "recordImplementation", caseId=cid, evidence="Refund sent")
    closed = await ok(client, consumer, "confirmImplementation", caseId=cid)

    assert closed == {
        "id": cid,
        "reference": payload["case"]["reference"],
        "stage": "CLOSED",
        "closureReason": "RESOLVED",
        "availableActions": [],
    }
    page = await call(
        client,
        consumer,
        "query C($id: ID!) { case(id: $id) { offers { amount { amount } status } "
        "outcome { kind amount { amount currency } } consents { method consentsToBeBound } "
        "neutralAppointment { status declaration { impartial } objections { side } } "
        "timelineHead { sequence hash } } }",
        {"id": cid},
    )
    shown = page["data"]["case"]
    assert shown["offers"] == [
        {"amount": {"amount": "80.00"}, "status": "COUNTERED"},
        {"amount": {"amount": "110.00"}, "status": "ACCEPTED"},
    ]
    assert shown["outcome"] == {
        "kind": "SETTLEMENT",
        "amount": {"amount": "110.00", "currency": "EUR"},
    }
    assert shown["consents"] == [{"method": "MEDIATION", "consentsToBeBound": False}]
    assert shown["neutralAppointment"] == {
        "status": "CONFIRMED",
        "declaration": {"impartial": True},
        "objections": [],
    }
    verified = await call(
        client,
        consumer,
        "query V($id: ID!, $r: TimelineReceiptInput) { verifyTimeline(caseId: $id, receipt: $r) "
        "{ ok length headHash firstBrokenSequence } }",
        {"id": cid, "r": shown["timelineHead"]},
    )
    head = shown["timelineHead"]
    assert verified["data"]["verifyTimeline"] == {
        "ok": True,
        "length": head["sequence"],
        "headHash": head["hash"],
        "firstBrokenSequence": None,
    }


# --- availableActions --------------------------------------------------------------------------

ACTIONS = "query C($id: ID!) { case(id: $id) { stage viewerRoles availableActions } }"


async def actions_by_role(
    client: httpx.AsyncClient, app: Starlette, w: World, case: DisputeCase
) -> dict[str, list[str]]:
    people = {
        "complainant": w.complainant,
        "agent": w.agent,
        "caseworker": w.caseworker,
        "neutral": w.neutral,
        "auditor": w.auditor,
    }
    seen: dict[str, list[str]] = {}
    for name, user in people.items():
        body = await call(client, await token_for(app, user), ACTIONS, {"id": case_id(case)})
        seen[name] = (
            body["data"]["case"]["availableActions"] if body["data"]["case"] else ["NOT_FOUND"]
        )
    return seen


async def test_available_actions_follow_the_table_for_each_role(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    referred = await actions_by_role(client, app, w, case)
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    accepted = await actions_by_role(client, app, w, case)
    case = await in_file_review(w, case)
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    appointed = await actions_by_role(client, app, w, case)
    case = await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    declared = await actions_by_role(client, app, w, case)

    assert referred == {
        "complainant": ["WITHDRAW"],
        "agent": [],
        "caseworker": ["ACCEPT", "DECLINE", "EXTEND_CLOCK", "CLOSE"],
        "neutral": ["NOT_FOUND"],  # not appointed to this case (yet)
        "auditor": [],
    }
    assert accepted["complainant"] == ["GIVE_CONSENT", "WITHDRAW"]
    assert accepted["caseworker"] == ["EXTEND_CLOCK", "CLOSE"]  # the consent clock runs
    # The complainant's reply window runs: a clock the provider or the neutral may extend.
    assert appointed["neutral"] == ["DECLARE_IMPARTIALITY", "RECUSE", "EXTEND_CLOCK"]
    assert appointed["caseworker"] == ["REMOVE_NEUTRAL", "EXTEND_CLOCK", "CLOSE"]
    assert declared["complainant"] == ["SUBMIT_REPLY", "OBJECT_TO_NEUTRAL", "WITHDRAW"]
    assert declared["agent"] == ["OBJECT_TO_NEUTRAL"]
    assert declared["auditor"] == []


async def test_viewer_roles_say_what_each_person_is_on_the_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    roles = {}
    for user in (w.complainant, w.manager, w.caseworker, w.auditor):
        body = await call(client, await token_for(app, user), ACTIONS, {"id": case.reference})
        roles[user.id] = body["data"]["case"]["viewerRoles"]

    assert list(roles.values()) == [["COMPLAINANT"], ["ORGANISATION"], ["PROVIDER"], ["AUDITOR"]]


async def test_an_integration_client_is_not_offered_what_only_a_person_may_do(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    integration = await factory.service_account(organisation=w.organisation)
    client_token = await app.state.auth.client_credentials(
        integration.account.client_id, integration.client_secret, attempt_from("127.0.0.1")
    )
    query = "query($id: ID!) { case(id: $id) { availableActions } }"

    by_person = await call(client, await token_for(app, w.agent), query, {"id": case_id(case)})
    by_client = await call(client, client_token.access_token, query, {"id": case_id(case)})

    assert "OBJECT_TO_NEUTRAL" in by_person["data"]["case"]["availableActions"]
    assert "OBJECT_TO_NEUTRAL" not in by_client["data"]["case"]["availableActions"]
    assert "WITHDRAW" not in by_client["data"]["case"]["availableActions"]


IRREVERSIBLE = "query C($id: ID!) { case(id: $id) { availableActions irreversibleActions } }"


async def test_irreversible_actions_are_those_available_that_the_table_marks_irreversible(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    seen = {}
    for name, user in (("complainant", w.complainant), ("caseworker", w.caseworker)):
        body = await call(client, await token_for(app, user), IRREVERSIBLE, {"id": case_id(case)})
        seen[name] = body["data"]["case"]
    await w.act(w.caseworker, case, Action.ACCEPT)
    body = await call(
        client, await token_for(app, w.complainant), IRREVERSIBLE, {"id": case_id(case)}
    )
    accepted = body["data"]["case"]

    assert seen["complainant"] == {
        "availableActions": ["WITHDRAW"],
        "irreversibleActions": ["WITHDRAW"],
    }
    # Accepting a case and extending a clock can be followed by other steps; declining and
    # closing end it.
    assert seen["caseworker"] == {
        "availableActions": ["ACCEPT", "DECLINE", "EXTEND_CLOCK", "CLOSE"],
        "irreversibleActions": ["DECLINE", "CLOSE"],
    }
    assert accepted == {
        "availableActions": ["GIVE_CONSENT", "WITHDRAW"],
        "irreversibleActions": ["GIVE_CONSENT", "WITHDRAW"],
    }
