"""Refused case mutations change nothing: the wrong role, a foreign case (answered exactly
like a missing one), bad input, and the one enum of userError codes."""

from __future__ import annotations

import ast
import re
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from starlette.applications import Starlette

from portal.api.errors import UserErrorCode
from portal.api.node import to_global_id
from portal.cases.models import Clock, DisputeCase, Offer
from portal.cases.services import Action
from portal.cases.states import ClockKind, ClockStatus, Method, Stage
from tests.factories import Factory, gql, quick_world
from tests.test_api_support import (
    CONSENT,
    call,
    case_id,
    in_file_review,
    mutate,
    mutation,
    snapshot,
    token_for,
)

# --- refusals ----------------------------------------------------------------------------------


async def test_the_wrong_role_is_forbidden_and_nothing_changes(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    before = await snapshot(case)
    attempts = [
        (w.complainant, "acceptCase", {}),
        (w.agent, "declineCase", {"ground": "OUT_OF_SCOPE", "reasons": "Not ours."}),
        (w.auditor, "closeCase", {"reason": "DISCONTINUED", "note": "Audit."}),
        (w.neutral, "withdrawCase", {}),
    ]

    answers = []
    for user, name, extra in attempts:
        token = await token_for(app, user)
        answers.append(await mutate(client, token, name, caseId=case_id(case), **extra))

    forbidden = {
        "case": None,
        "userErrors": [
            {
                "field": None,
                "code": "FORBIDDEN",
                "message": "Your role on this case does not allow that action.",
            }
        ],
    }
    # The neutral is not appointed: to them the case does not exist.
    assert answers[:3] == [forbidden] * 3
    assert answers[3]["userErrors"][0]["code"] == "NOT_FOUND"
    assert await snapshot(case) == before


async def test_a_foreign_case_is_answered_exactly_like_a_missing_one(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    case = await w.new_case()
    before = await snapshot(case)
    outsider = await token_for(app, other.caseworker)
    ids = {
        "foreign": case_id(case),
        "missing": to_global_id("DisputeCase", uuid.uuid4()),
        "malformed": "not-an-id",
        "another type": to_global_id("User", w.complainant.id),
    }

    answers = {
        name: await mutate(client, outsider, "acceptCase", caseId=global_id)
        for name, global_id in ids.items()
    }

    not_found = {
        "case": None,
        "userErrors": [
            {"field": ["input", "caseId"], "code": "NOT_FOUND", "message": "No such case."}
        ],
    }
    assert answers == dict.fromkeys(ids, not_found)
    assert await snapshot(case) == before


async def test_a_service_refusal_names_the_input_field_at_fault(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.caseworker)

    payload = await mutate(
        client, token, "declineCase", caseId=case_id(case), ground="TIME_BARRED", reasons=" "
    )

    assert payload["userErrors"] == [
        {
            "field": ["input", "reasons"],
            "code": "REASONS_REQUIRED",
            "message": "`reasons` is required.",
        }
    ]
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED


async def test_ids_in_inputs_must_name_an_object_of_the_right_type(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    token = await token_for(app, w.caseworker)

    as_case = await mutate(
        client, token, "appointNeutral", caseId=case_id(case), neutralId=case_id(case)
    )
    malformed = await mutate(client, token, "appointNeutral", caseId=case_id(case), neutralId="x")

    refused = [{"field": ["input", "neutralId"], "code": "NEUTRAL_NOT_ON_ROSTER"}]
    for payload in (as_case, malformed):
        assert [{k: e[k] for k in ("field", "code")} for e in payload["userErrors"]] == refused
    # Only the reply window runs: no appointment, so no objection window either.
    running = await Clock.filter(case_id=case.id, status=ClockStatus.RUNNING)
    assert [c.kind for c in running] == [ClockKind.REPLY]


async def test_an_offer_expiry_without_a_utc_offset_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.NEGOTIATION)
    case = await in_file_review(w, case)
    await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    token = await token_for(app, w.agent)
    expiry = (datetime.now(UTC) + timedelta(days=3)).replace(tzinfo=None).isoformat()

    payload = await mutate(
        client,
        token,
        "makeOffer",
        caseId=case_id(case),
        amount="50",
        terms="Half",
        expiresAt=expiry,
    )

    assert [e["code"] for e in payload["userErrors"]] == ["INVALID_INPUT"]
    assert payload["userErrors"][0]["field"] == ["input", "expiresAt"]
    assert await Offer.filter(case_id=case.id).count() == 0


async def test_mutations_in_one_operation_each_see_the_one_before(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.ACCEPT)
    query = """
    mutation Both($a: GiveConsentInput!, $b: WithdrawCaseInput!) {
      a: giveConsent(input: $a) { case { stage clocks { kind status } availableActions } }
      b: withdrawCase(input: $b) { case { stage clocks { kind status } availableActions } }
    }
    """
    cid = case_id(case)

    body = await call(
        client,
        await token_for(app, w.complainant),
        query,
        {"a": {"caseId": cid, **CONSENT}, "b": {"caseId": cid, "reason": "Settled privately"}},
    )

    assert body["data"]["a"]["case"] == {
        "stage": "AWAITING_RESPONSE",
        "clocks": [
            {"kind": "ACCEPTANCE", "status": "MET"},
            {"kind": "CONSENT", "status": "MET"},
            {"kind": "RESPONSE", "status": "RUNNING"},
        ],
        "availableActions": ["WITHDRAW"],
    }
    assert body["data"]["b"]["case"] == {
        "stage": "WITHDRAWN",
        "clocks": [
            {"kind": "ACCEPTANCE", "status": "MET"},
            {"kind": "CONSENT", "status": "MET"},
            {"kind": "RESPONSE", "status": "STOPPED"},
        ],
        "availableActions": [],
    }


# --- the error codes ---------------------------------------------------------------------------

CODE = re.compile(r"^[A-Z][A-Z_]+$")
SERVICES = [Path(__file__).resolve().parents[1] / "portal" / p for p in ("cases", "complaints")]


def _strings(node: ast.AST) -> set[str]:
    return {
        c.value
        for c in ast.walk(node)
        if isinstance(c, ast.Constant) and isinstance(c.value, str) and CODE.match(c.value)
    }


def _codes_raised(tree: ast.AST) -> set[str]:
    """Codes given to an error (`CaseError("X", ...)`, `refused("X")`, an error class's own
    `super().__init__("X", ...)`), returned by a guard (a function returning `str | None`), or
    listed as a message key."""
    codes: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args:
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name.endswith("Error") or name in {"refused", "__init__"}:
                codes |= _strings(node.args[0])
        elif isinstance(node, ast.FunctionDef) and node.returns is not None:
            if ast.unparse(node.returns) == "str | None":
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and inner.value is not None:
                        codes |= _strings(inner.value)
        elif isinstance(node, ast.Assign) and any(
            getattr(t, "id", "") == "MESSAGES" for t in node.targets
        ):
            assert isinstance(node.value, ast.Dict)
            codes |= {k.value for k in node.value.keys if isinstance(k, ast.Constant)}
    return codes


def test_every_code_a_service_raises_is_a_user_error_code() -> None:
    raised = set()
    for folder in SERVICES:
        for path in sorted(folder.glob("*.py")):
            raised |= _codes_raised(ast.parse(path.read_text(encoding="utf-8")))

    assert {"FORBIDDEN", "ACTION_NOT_AVAILABLE", "NOT_FOUND", "REASONS_REQUIRED"} <= raised
    assert sorted(raised - {c.value for c in UserErrorCode}) == []


async def test_without_a_token_every_case_operation_is_unauthenticated(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    operations = [
        ("{ cases { edges { node { id } } } }", {}),
        ("query C($id: ID!) { case(id: $id) { id } }", {"id": case.reference}),
        (mutation("acceptCase"), {"input": {"caseId": case_id(case)}}),
    ]

    answers = [await gql(client, query, variables) for query, variables in operations]

    assert [r.status_code for r in answers] == [200, 200, 200]
    assert [[e["extensions"]["code"] for e in r.json()["errors"]] for r in answers] == [
        ["UNAUTHENTICATED"]
    ] * 3
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED
