"""Issue 13 D5: `expectedStage` on every case mutation. A provider's `closeCase` aimed at an
`awaiting_response` case that a concurrent `submitResponse` moved to `file_review` is refused
with STAGE_CHANGED, naming the stage the case is at, and nothing changes."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
from graphql import build_schema
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import Stage
from portal.cases.transitions import TABLE
from tests.factories import Factory, World, quick_world
from tests.test_api_support import CONSENT, case_id, mutate, ok, snapshot, token_for

CLOSE = {"reason": "DISCONTINUED", "note": "The organisation did not answer."}


async def _awaiting_response(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> tuple[World, DisputeCase]:
    w = await quick_world(factory)
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.ACCEPT)
    await ok(
        client, await token_for(app, w.complainant), "giveConsent", caseId=case_id(case), **CONSENT
    )
    return w, await DisputeCase.get(id=case.id)


async def test_an_action_aimed_at_a_stage_the_case_left_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, case = await _awaiting_response(client, app, factory)
    caseworker = await token_for(app, w.caseworker)
    agent = await token_for(app, w.agent)
    # The agent answers first; the caseworker's page still shows AWAITING_RESPONSE.
    await ok(client, agent, "submitResponse", caseId=case_id(case), position="We disagree.")
    before = await snapshot(case)

    refused = await mutate(
        client,
        caseworker,
        "closeCase",
        caseId=case_id(case),
        expectedStage="AWAITING_RESPONSE",
        **CLOSE,
    )

    assert refused == {
        "case": None,
        "userErrors": [
            {
                "field": ["input", "expectedStage"],
                "code": "STAGE_CHANGED",
                "message": "The case has moved on: it is now at stage FILE_REVIEW, not "
                "AWAITING_RESPONSE. Nothing was changed; look at the case again before acting.",
            }
        ],
    }
    assert await snapshot(case) == before
    # Naming the stage it is at, the same action goes through.
    closed = await ok(
        client, caseworker, "closeCase", caseId=case_id(case), expectedStage="FILE_REVIEW", **CLOSE
    )
    assert closed["stage"] == "CLOSED"


async def test_without_expected_stage_an_action_behaves_as_before(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, case = await _awaiting_response(client, app, factory)
    await ok(
        client,
        await token_for(app, w.agent),
        "submitResponse",
        caseId=case_id(case),
        position="No.",
    )

    closed = await ok(
        client, await token_for(app, w.caseworker), "closeCase", caseId=case_id(case), **CLOSE
    )

    assert closed["stage"] == "CLOSED"


async def test_a_case_the_actor_may_not_see_says_nothing_of_its_stage(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    _, case = await _awaiting_response(client, app, factory)
    other = await quick_world(factory)
    outsider = await token_for(app, other.caseworker)
    before = await snapshot(case)

    answers = [
        await mutate(client, outsider, "closeCase", caseId=cid, expectedStage="REFERRED", **CLOSE)
        for cid in (case_id(case), to_global_id("DisputeCase", uuid.uuid4()))
    ]

    assert answers[0] == answers[1]
    assert answers[0]["userErrors"][0]["code"] == "NOT_FOUND"
    assert await snapshot(case) == before


async def test_concurrent_response_and_close_never_both_apply_to_the_stage_they_aimed_at(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """The outside run's race, ten times: whichever commits first, the other is refused."""
    outcomes: set[tuple[tuple[tuple[str, ...], tuple[str, ...]], Stage]] = set()
    for _ in range(10):
        w, case = await _awaiting_response(client, app, factory)
        agent, caseworker = await token_for(app, w.agent), await token_for(app, w.caseworker)
        aimed = {"caseId": case_id(case), "expectedStage": "AWAITING_RESPONSE"}

        response, close = await asyncio.gather(
            mutate(client, agent, "submitResponse", position="We disagree.", **aimed),
            mutate(client, caseworker, "closeCase", **aimed, **CLOSE),
        )

        codes = (
            tuple(e["code"] for e in response["userErrors"]),
            tuple(e["code"] for e in close["userErrors"]),
        )
        stage = (await DisputeCase.get(id=case.id)).stage
        outcomes.add((codes, stage))
    # Response first: the close is refused as aimed at a stage the case left. Close first:
    # the response is refused the same way (the case is CLOSED, not AWAITING_RESPONSE).
    assert outcomes <= {
        (((), ("STAGE_CHANGED",)), Stage.FILE_REVIEW),
        ((("STAGE_CHANGED",), ()), Stage.CLOSED),
    }


def test_every_case_action_mutation_takes_an_expected_stage() -> None:
    schema = build_schema((Path(__file__).parents[1] / "graphql" / "schema.graphql").read_text())
    mutations = schema.mutation_type
    assert mutations is not None
    names = {
        name for name, field in mutations.fields.items() if str(field.type) == "DisputeCasePayload!"
    }
    # Issue 20, 3: the reversal of an automated step is taken through `decideAutomatedReview`
    # (its review's decision), which answers the review, not the case.
    people = [
        a for a in TABLE if not TABLE[a].system and a is not Action.REVERSE_AUTOMATED_DECISION
    ]
    assert len(names) == len(people)
    for name in sorted(names):
        input_type = mutations.fields[name].args["input"].type.of_type  # type: ignore[attr-defined]
        field = input_type.fields["expectedStage"]
        assert str(field.type) == "CaseStage", name
