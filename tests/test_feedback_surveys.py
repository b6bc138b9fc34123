"""Closing a case feeds back: the complaint's record, and a personal survey link that works
once, until it expires, and for nothing else (issue 7)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.auth.keys import KeySet, key_id
from portal.auth.tokens import TokenIssuer, TokenKind
from portal.cases.errors import CaseError
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action
from portal.cases.states import ClosureReason, Method, Stage
from portal.complaints.models import Complaint
from portal.feedback.models import SatisfactionRecord, SurveyInvitation, SurveyPolicy
from portal.feedback.states import Respondent
from portal.feedback.surveys import claim_reminders, invitation_for, survey_url
from tests.factories import Factory, World, gql, quick_world
from tests.test_api_support import call, case_id, in_file_review, token_for

SURVEY = """
query S($token: String!) {
  survey(token: $token) {
    status respondent caseReference organisationName questions { key kind required }
  }
}
"""
ANSWER = """
mutation A($input: AnswerSurveyInput!) {
  answerSurvey(input: $input) { answered userErrors { field code message } }
}
"""
GOOD_ANSWERS = [
    {"question": "overall", "score": 4},
    {"question": "fairness", "score": 5},
    {"question": "timeliness", "score": 3},
    {"question": "clarity", "score": 4},
    {"question": "use_again", "agreed": True},
    {"question": "comment", "comment": "Quick and fair."},
]


async def closed(w: World, **data: Any) -> DisputeCase:
    case = await w.new_case()
    return await w.act(
        w.caseworker,
        case,
        Action.CLOSE,
        reason="discontinued",
        note="The organisation ceased trading.",
        **data,
    )


def token_of(app: Starlette, invitation: SurveyInvitation) -> str:
    url = survey_url(invitation, app.state.auth.issuer, "https://parley.example/")
    prefix = "https://parley.example/survey#token="
    assert url.startswith(prefix)
    return url[len(prefix) :]


async def anonymous(client: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> Any:
    response = await gql(client, query, variables)
    assert response.status_code == 200, response.text
    return response.json()


async def answer(client: httpx.AsyncClient, token: str, answers: list[dict[str, Any]]) -> Any:
    body = await anonymous(client, ANSWER, {"input": {"token": token, "answers": answers}})
    return body["data"]["answerSurvey"]


# --- write-back -------------------------------------------------------------------------------


async def test_a_resolved_case_writes_outcome_remedy_and_dates_back_to_its_complaint(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case(Method.NEGOTIATION))
    await w.reply(case)
    await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    await w.act(w.complainant, case, Action.MAKE_OFFER, amount="90.00", terms="Refund 90")
    offer = await Offer.get(case_id=case.id)
    await w.act(w.agent, case, Action.ACCEPT_OFFER, offer_id=offer.id)
    await w.act(w.agent, case, Action.RECORD_IMPLEMENTATION, evidence="Paid")

    case = await w.act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION)

    complaint = await Complaint.get(id=case.complaint_id)
    assert case.closure_reason is ClosureReason.RESOLVED
    assert (complaint.outcome, complaint.remedy_granted, complaint.root_cause) == (
        "resolved",
        "Refund 90 (90.00 EUR)",
        "",
    )
    assert complaint.closed_at == case.closed_at
    invitations = await SurveyInvitation.filter(case_id=case.id).values_list(
        "respondent", "recipient_id"
    )
    assert invitations == [(Respondent.COMPLAINANT, w.complainant.id)]


async def test_the_provider_classifies_the_root_cause_in_the_close_input(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    query = """
    mutation C($input: CloseCaseInput!) {
      closeCase(input: $input) { case { stage closureReason } userErrors { code } }
    }"""
    variables = {
        "input": {
            "caseId": case_id(case),
            "reason": "DISCONTINUED",
            "note": "Out of our hands.",
            "rootCause": "BILLING_ERROR",
        }
    }

    body = await call(client, await token_for(app, w.caseworker), query, variables)

    assert body["data"]["closeCase"] == {
        "case": {"stage": "CLOSED", "closureReason": "DISCONTINUED"},
        "userErrors": [],
    }
    complaint = await Complaint.get(id=case.complaint_id)
    assert (complaint.outcome, complaint.root_cause) == ("discontinued", "billing_error")


async def test_an_unknown_root_cause_refuses_the_closing_and_writes_nothing(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    before = await DisputeCase.get(id=case.id)

    with pytest.raises(CaseError) as refused:
        await closed(w, root_cause="bad luck")

    assert (refused.value.code, refused.value.field) == ("INVALID_CHOICE", "root_cause")
    after = await DisputeCase.get(id=case.id)
    assert (after.stage, after.last_sequence) == (before.stage, before.last_sequence)
    complaint = await Complaint.get(id=case.complaint_id)
    assert (complaint.outcome, complaint.root_cause, complaint.closed_at) == ("", "", None)
    assert await SurveyInvitation.all().count() == 0


async def test_a_withdrawal_writes_back_but_sends_no_survey(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    case = await w.act(w.complainant, case, Action.WITHDRAW, reason="Settled privately")

    complaint = await Complaint.get(id=case.complaint_id)
    assert (case.stage, complaint.outcome, complaint.closed_at) == (
        Stage.WITHDRAWN,
        "withdrawn",
        case.closed_at,
    )
    assert await SurveyInvitation.filter(case_id=case.id).count() == 0


# --- the survey policy ------------------------------------------------------------------------

CONFIGURE = """
mutation C($input: ConfigureSurveysInput!) {
  configureSurveys(input: $input) {
    policy { inviteOrganisation validDays questions { key kind } }
    userErrors { field code }
  }
}
"""


async def test_a_manager_sets_the_questions_and_invites_the_organisation_too(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    org = org_id(w)
    questions = [
        {"key": "overall", "kind": "SCALE", "prompt": "Overall?"},
        {"key": "again", "kind": "YES_NO", "prompt": "Again?", "required": False},
    ]
    variables = {
        "input": {"organisationId": org, "questions": questions, "inviteOrganisation": True}
    }

    body = await call(client, await token_for(app, w.manager), CONFIGURE, variables)
    case = await closed(w)

    assert body["data"]["configureSurveys"] == {
        "policy": {
            "inviteOrganisation": True,
            "validDays": 30,
            "questions": [{"key": "overall", "kind": "SCALE"}, {"key": "again", "kind": "YES_NO"}],
        },
        "userErrors": [],
    }
    invitations = await SurveyInvitation.filter(case_id=case.id).order_by("respondent")
    assert [(i.respondent, i.recipient_id) for i in invitations] == [
        (Respondent.COMPLAINANT, w.complainant.id),
        (Respondent.ORGANISATION, None),
    ]
    assert [q["key"] for q in invitations[0].questions] == ["overall", "again"]


def org_id(w: World) -> str:
    return str(to_global_id("Organisation", w.organisation.id))


@pytest.mark.parametrize(
    ("questions", "code"),
    [
        ([{"key": "nps", "kind": "SCALE", "prompt": "?"}], "OVERALL_QUESTION_REQUIRED"),
        ([{"key": "Overall!", "kind": "SCALE", "prompt": "?"}], "INVALID_INPUT"),
    ],
)
async def test_a_question_set_without_the_overall_scale_or_with_bad_keys_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, questions: Any, code: str
) -> None:
    w = await quick_world(factory)
    variables = {"input": {"organisationId": org_id(w), "questions": questions}}

    body = await call(client, await token_for(app, w.manager), CONFIGURE, variables)

    assert body["data"]["configureSurveys"] == {
        "policy": None,
        "userErrors": [{"field": ["input", "questions"], "code": code}],
    }
    assert await SurveyPolicy.all().count() == 0


async def test_an_agent_may_not_change_the_survey(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    variables = {"input": {"organisationId": org_id(w), "inviteOrganisation": True}}

    body = await call(client, await token_for(app, w.agent), CONFIGURE, variables)

    assert body["data"]["configureSurveys"]["userErrors"] == [{"field": None, "code": "FORBIDDEN"}]
    assert await SurveyPolicy.all().count() == 0


# --- the link -----------------------------------------------------------------------------------


async def test_the_link_opens_the_survey_without_login_and_answers_it_once(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await closed(w)
    invitation = await SurveyInvitation.get(case_id=case.id)
    token = token_of(app, invitation)

    opened = await anonymous(client, SURVEY, {"token": token})
    first = await answer(client, token, GOOD_ANSWERS)
    again = await answer(client, token, GOOD_ANSWERS)
    reopened = await anonymous(client, SURVEY, {"token": token})

    survey = opened["data"]["survey"]
    assert (survey["status"], survey["respondent"], survey["caseReference"]) == (
        "OPEN",
        "COMPLAINANT",
        case.reference,
    )
    assert survey["organisationName"] == w.organisation.name
    assert [q["key"] for q in survey["questions"]] == [
        "overall",
        "fairness",
        "timeliness",
        "clarity",
        "use_again",
        "comment",
    ]
    assert first == {"answered": True, "userErrors": []}
    assert again["userErrors"] == [
        {
            "field": ["input", "token"],
            "code": "ALREADY_ANSWERED",
            "message": again["userErrors"][0]["message"],
        }
    ]
    assert reopened["data"]["survey"]["status"] == "ANSWERED"
    records = await SatisfactionRecord.filter(invitation_id=invitation.id).order_by("question")
    assert [(r.question, r.score, r.agreed, r.comment) for r in records] == [
        ("clarity", 4, None, ""),
        ("comment", None, None, "Quick and fair."),
        ("fairness", 5, None, ""),
        ("overall", 4, None, ""),
        ("timeliness", 3, None, ""),
        ("use_again", None, True, ""),
    ]
    assert {(r.organisation_id, r.provider_id, r.method) for r in records} == {
        (w.organisation.id, w.provider.id, Method.MEDIATION)
    }


async def test_an_expired_link_is_refused_and_stores_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await closed(w)
    invitation = await SurveyInvitation.get(case_id=case.id)
    token = token_of(app, invitation)
    await SurveyInvitation.filter(id=invitation.id).update(
        expires_at=datetime.now(UTC) - timedelta(seconds=1)
    )

    opened = await anonymous(client, SURVEY, {"token": token})
    result = await answer(client, token, GOOD_ANSWERS)

    assert opened["data"]["survey"]["status"] == "EXPIRED"
    assert [e["code"] for e in result["userErrors"]] == ["SURVEY_EXPIRED"]
    assert await SatisfactionRecord.all().count() == 0
    assert (await SurveyInvitation.get(id=invitation.id)).answered_at is None


def _other_issuer(app: Starlette) -> TokenIssuer:
    real: TokenIssuer = app.state.auth.issuer
    key = Ed25519PrivateKey.generate()
    kid = key_id(key.public_key())
    keys = KeySet(signing_key=key, signing_kid=kid, verification_keys={kid: key.public_key()})
    return TokenIssuer(keys=keys, issuer=real.issuer, audience=real.audience)


async def test_anything_but_the_invitations_own_survey_token_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    invitation = await SurveyInvitation.get(case_id=(await closed(w)).id)
    other = await SurveyInvitation.get(case_id=(await closed(w)).id)
    issuer: TokenIssuer = app.state.auth.issuer
    good = token_of(app, invitation)
    head, payload, signature = good.split(".")
    flipped = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
    refused = {
        "an access token": await token_for(app, w.complainant),
        "a download token": issuer.issue(TokenKind.DOWNLOAD, str(invitation.id), 600),
        "a tampered signature": f"{head}.{payload}.{flipped}",
        "another key": _other_issuer(app).issue(TokenKind.SURVEY, str(invitation.id), 600),
        "no invitation": issuer.issue(
            TokenKind.SURVEY, "0" * 8 + "-0000-4000-8000-" + "0" * 12, 600
        ),
        "not a uuid": issuer.issue(TokenKind.SURVEY, "invitation", 600),
        "garbage": "not-a-token",
    }

    for what, token in refused.items():
        opened = await anonymous(client, SURVEY, {"token": token})
        result = await answer(client, token, GOOD_ANSWERS)
        assert [e["extensions"]["code"] for e in opened["errors"]] == ["SURVEY_LINK_INVALID"], what
        assert [e["code"] for e in result["userErrors"]] == ["SURVEY_LINK_INVALID"], what

    assert await SatisfactionRecord.all().count() == 0
    # One invitation's link answers that one only.
    assert (await answer(client, good, GOOD_ANSWERS))["answered"] is True
    assert (await SurveyInvitation.get(id=other.id)).answered_at is None
    assert await SatisfactionRecord.filter(invitation_id=other.id).count() == 0


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ([{"question": "overall", "score": 6}], "INVALID_ANSWER"),
        ([{"question": "overall", "score": 4}, {"question": "mood", "score": 3}], "INVALID_ANSWER"),
        (
            [{"question": "overall", "score": 4}, {"question": "overall", "score": 3}],
            "INVALID_ANSWER",
        ),
        ([{"question": "fairness", "score": 4}], "REQUIRED"),
        ([{"question": "use_again", "score": 4}, *GOOD_ANSWERS[:4]], "REQUIRED"),
    ],
)
async def test_wrong_answers_are_refused_and_the_link_stays_open(
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    answers: list[dict[str, Any]],
    code: str,
) -> None:
    w = await quick_world(factory)
    invitation = await SurveyInvitation.get(case_id=(await closed(w)).id)
    token = token_of(app, invitation)

    result = await answer(client, token, answers)

    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(["input", "answers"], code)]
    assert await SatisfactionRecord.all().count() == 0
    assert (await answer(client, token, GOOD_ANSWERS))["answered"] is True


# --- the complainant's case page ----------------------------------------------------------------

SURVEY_URL = "query C($id: ID!) { case(id: $id) { surveyUrl } }"


async def test_the_complainant_sees_the_open_link_on_the_case_and_nobody_else_does(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await closed(w)
    variables = {"id": case_id(case)}
    mine = await token_for(app, w.complainant)

    seen = await call(client, mine, SURVEY_URL, variables)
    by_agent = await call(client, await token_for(app, w.agent), SURVEY_URL, variables)
    url = seen["data"]["case"]["surveyUrl"]
    token = url.split("#token=", 1)[1]
    await answer(client, token, GOOD_ANSWERS)
    after = await call(client, mine, SURVEY_URL, variables)

    assert url.startswith(f"{app.state.settings.public_url}/survey#token=")
    assert by_agent["data"]["case"]["surveyUrl"] is None
    assert after["data"]["case"]["surveyUrl"] is None
    assert (await invitation_for(app.state.auth.issuer, token)).case_id == case.id


# --- the one reminder ---------------------------------------------------------------------------


async def test_reminders_are_claimed_once_when_due_and_never_for_answered_or_expired(
    app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    due, answered, expired = [
        await SurveyInvitation.get(case_id=(await closed(w)).id) for _ in range(3)
    ]
    reminder_at = due.reminder_due_at
    await SurveyInvitation.filter(id=answered.id).update(answered_at=reminder_at)
    await SurveyInvitation.filter(id=expired.id).update(expires_at=reminder_at)

    early = await claim_reminders(at=reminder_at - timedelta(seconds=1))
    first = await claim_reminders(at=reminder_at + timedelta(hours=1))
    second = await claim_reminders(at=reminder_at + timedelta(hours=2))

    assert early == []
    assert [i.id for i in first] == [due.id]
    assert second == []
    stored = await SurveyInvitation.get(id=due.id)
    assert stored.reminded_at == reminder_at + timedelta(hours=1)
    assert due.reminder_due_at == due.created_at + timedelta(days=7)
    assert due.expires_at == due.created_at + timedelta(days=30)


async def test_only_managers_read_the_survey_policy_and_it_starts_as_the_default_set(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    query = (
        "query P($id: ID!) { surveyPolicy(organisationId: $id) { validDays questions { key } } }"
    )
    variables = {"id": org_id(w)}

    by_manager = await call(client, await token_for(app, w.manager), query, variables)
    by_agent = await call(client, await token_for(app, w.agent), query, variables)

    assert by_manager["data"]["surveyPolicy"]["validDays"] == 30
    assert [q["key"] for q in by_manager["data"]["surveyPolicy"]["questions"]] == [
        "overall",
        "fairness",
        "timeliness",
        "clarity",
        "use_again",
        "comment",
    ]
    assert [e["extensions"]["code"] for e in by_agent["errors"]] == ["FORBIDDEN"]
    assert await SurveyPolicy.all().count() == 0


@pytest.mark.parametrize(
    ("days", "field"),
    [
        ({"validDays": 0}, "validDays"),
        ({"validDays": 10, "reminderAfterDays": 10}, "reminderAfterDays"),
    ],
)
async def test_link_lifetimes_and_reminders_outside_their_bounds_are_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, days: dict[str, int], field: str
) -> None:
    w = await quick_world(factory)
    variables = {"input": {"organisationId": org_id(w), **days}}

    body = await call(client, await token_for(app, w.manager), CONFIGURE, variables)

    assert body["data"]["configureSurveys"]["userErrors"] == [
        {"field": ["input", field], "code": "INVALID_DAYS"}
    ]
    assert await SurveyPolicy.all().count() == 0


async def test_two_workers_claiming_at_once_get_each_reminder_once(factory: Factory) -> None:
    w = await quick_world(factory)
    invitations = [await SurveyInvitation.get(case_id=(await closed(w)).id) for _ in range(4)]
    at = max(i.reminder_due_at for i in invitations) + timedelta(minutes=1)

    first, second = await asyncio.gather(claim_reminders(at=at), claim_reminders(at=at))

    claimed = [i.id for i in (*first, *second)]
    assert sorted(claimed) == sorted(i.id for i in invitations)
    assert await SurveyInvitation.filter(reminded_at=at).count() == 4
