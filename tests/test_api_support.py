"""Helpers shared by the tests/test_api_*.py modules: quick worlds, tokens, GraphQL calls."""

from __future__ import annotations

from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.api.node import to_global_id
from portal.cases.models import Clock, DisputeCase
from portal.cases.notices import legal_effect
from portal.cases.services import Action
from portal.cases.states import Method, Stage
from portal.complaints.models import Complaint
from portal.complaints.services import file_complaint
from portal.timeline.models import TimelineEvent
from tests.factories import World, actor_for, gql

# Consent to a mediation under a scheme without legal-effect texts of its own, as a screen in
# English shows it (`DisputeCase.consentText`): Parley's standard text, and its digest.
CONSENT = {
    "understandsLegalEffect": True,
    "understandsRightToWithdraw": True,
    "language": "EN",
    "legalEffectDigest": legal_effect({}, Method.MEDIATION, "en").digest,
}
CASE_FIELDS = "id reference stage closureReason availableActions"


async def token_for(app: Starlette, user: User) -> str:
    tokens = await app.state.auth.start_session(user, method="password")
    return str(tokens.access_token)


async def call(
    client: httpx.AsyncClient, token: str, query: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    response = await gql(client, query, variables, token=token)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def refused_value(
    client: httpx.AsyncClient, token: str, query: str, variables: dict[str, Any], enum: str
) -> None:
    """A value outside a closed set (an enum) is refused before any resolver runs: 400 with
    BAD_USER_INPUT naming the enum, and nothing done."""
    response = await gql(client, query, variables, token=token)
    assert response.status_code == 400, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert f"in '{enum}' enum" in error["message"]


def mutation(name: str, fields: str = CASE_FIELDS) -> str:
    input_type = name[0].upper() + name[1:] + "Input"
    return (
        f"mutation M($input: {input_type}!) {{ {name}(input: $input) {{ "
        f"case {{ {fields} }} userErrors {{ field code message }} }} }}"
    )


async def mutate(client: httpx.AsyncClient, token: str, name: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, mutation(name), {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    return payload


async def ok(client: httpx.AsyncClient, token: str, name: str, **input: Any) -> dict[str, Any]:
    payload = await mutate(client, token, name, **input)
    assert payload["userErrors"] == [], payload
    case: dict[str, Any] = payload["case"]
    return case


def case_id(case: DisputeCase) -> str:
    return to_global_id("DisputeCase", case.id)


async def snapshot(case: DisputeCase) -> tuple[Any, ...]:
    """What a refused action must leave alone."""
    row = await DisputeCase.get(id=case.id)
    clocks = (
        await Clock.filter(case_id=case.id)
        .order_by("started_at")
        .values_list("kind", "status", "due_at", "extensions")
    )
    events = await TimelineEvent.filter(case_id=case.id).count()
    return row.stage, row.last_sequence, row.head_hash, events, clocks


async def in_file_review(w: World, case: DisputeCase) -> DisputeCase:
    if case.stage is Stage.REFERRED:
        case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    return await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="We disagree.")


async def filed(w: World) -> Complaint:
    actor = await actor_for(w.complainant)
    return await file_complaint(
        actor, w.organisation.id, {"subject": "Late refund", "description": "Still waiting."}
    )


def gid(complaint: Complaint) -> str:
    return to_global_id("Complaint", complaint.id)


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body["errors"]]
