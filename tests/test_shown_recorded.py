"""Issue 15, deliverable 4: what a party is shown is what is recorded. The consent records the
legal-effect text the screen read (`consentText`), in its language; accepting an outcome
acknowledges the EU ADR Art. 9(2)(b) notice the screen read (`acceptanceNotice`), recorded in
the event; a clock's extensions are listed with who, when, why and the due dates."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.cases.extensions import ClockSpan, sort_to_clocks
from portal.cases.models import Consent, DisputeCase, Outcome, Scheme
from portal.cases.notices import (
    ACCEPTANCE_NOTICES,
    STANDARD_LEGAL_EFFECTS,
    Effect,
    acceptance_notice,
)
from portal.cases.services import Action
from portal.cases.states import ClockKind, Method
from portal.timeline.models import TimelineEvent
from tests.factories import Factory, World, quick_world
from tests.test_api_support import call, case_id, mutate, snapshot, token_for

SHOWN = """
query Shown($id: ID!, $language: Locale) {
  case(id: $id) {
    consentText(language: $language) { text language digest }
    outcome { binding acceptanceNotice(language: $language) { text language digest } }
    consents { legalEffect language givenAt understandsLegalEffect }
  }
}
"""
ACK = {"understandsLegalEffect": True, "understandsRightToWithdraw": True}
OWN_TEXTS = {
    "mediation": {
        "en": "A settlement binds only once both sides sign it.",
        "zh-Hans": "和解经双方签署后才有约束力。",
    }
}


async def _shown(
    client: httpx.AsyncClient, token: str, case: DisputeCase, language: str | None
) -> dict[str, Any]:
    body = await call(client, token, SHOWN, {"id": case_id(case), "language": language})
    assert "errors" not in body, body
    shown: dict[str, Any] = body["data"]["case"]
    return shown


async def _accepted(w: World, method: Method = Method.MEDIATION) -> DisputeCase:
    case = await w.new_case(method)
    return await w.act(w.caseworker, case, Action.ACCEPT)


async def _outcome_proposed(w: World, method: Method) -> DisputeCase:
    case = await _accepted(w, method)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
        consents_to_be_bound=method.binding,
    )
    case = await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="We disagree.")
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    case = await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    # Confirmed without waiting for the window: an objection, rejected.
    case = await w.act(w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Unsure.")
    case = await w.act(
        w.caseworker, case, Action.DECIDE_OBJECTION, upheld=False, reasons="No conflict."
    )
    case = await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    return await w.act(w.neutral, case, Action.ISSUE_OUTCOME, summary="Refund 60", reasons="R.")


# --- consent -----------------------------------------------------------------------------------


async def test_the_consent_records_exactly_the_text_the_screen_read_in_its_language(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    await Scheme.filter(id=w.scheme.id).update(legal_effects=OWN_TEXTS)
    case = await _accepted(w)
    token = await token_for(app, w.complainant)

    # Given the screen in Chinese reads the scheme's Chinese text
    shown = (await _shown(client, token, case, "ZH_HANS"))["consentText"]
    assert (shown["text"], shown["language"]) == (OWN_TEXTS["mediation"]["zh-Hans"], "zh-Hans")

    # When the complainant consents with its digest
    payload = await mutate(
        client,
        token,
        "giveConsent",
        caseId=case_id(case),
        language="ZH_HANS",
        legalEffectDigest=shown["digest"],
        **ACK,
    )

    # Then the consent, its event and the case page hold that text, in that language
    assert payload["userErrors"] == []
    consent = await Consent.get(case_id=case.id)
    assert (consent.legal_effect, consent.language) == (shown["text"], "zh-Hans")
    event = await TimelineEvent.get(case_id=case.id, kind="consent_given")
    assert (event.payload["legal_effect"], event.payload["language"]) == (
        shown["text"],
        "zh-Hans",
    )
    recorded = (await _shown(client, token, case, "EN"))["consents"]
    assert recorded == [
        {
            "legalEffect": shown["text"],
            "language": "zh-Hans",
            "givenAt": consent.given_at.isoformat(),
            "understandsLegalEffect": True,
        }
    ]


async def test_a_consent_to_a_text_no_longer_in_force_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await _accepted(w)
    token = await token_for(app, w.complainant)
    english = (await _shown(client, token, case, "EN"))["consentText"]
    chinese = (await _shown(client, token, case, "ZH_HANS"))["consentText"]
    before = await snapshot(case)

    # The screen showed the English text, but the consent says Chinese
    other_language = await mutate(
        client,
        token,
        "giveConsent",
        caseId=case_id(case),
        language="ZH_HANS",
        legalEffectDigest=english["digest"],
        **ACK,
    )
    # The scheme's text changed after the screen read it
    await Scheme.filter(id=w.scheme.id).update(legal_effects=OWN_TEXTS)
    changed = await mutate(
        client,
        token,
        "giveConsent",
        caseId=case_id(case),
        language="ZH_HANS",
        legalEffectDigest=chinese["digest"],
        **ACK,
    )

    for refused in (other_language, changed):
        assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [
            ("CONSENT_TEXT_CHANGED", ["input", "legalEffectDigest"])
        ]
    assert await snapshot(case) == before
    assert await Consent.filter(case_id=case.id).count() == 0


async def test_each_method_shows_the_standard_text_of_its_kind_in_both_languages(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.complainant)
    kinds = {
        Method.NEGOTIATION: Effect.AGREEMENT_ONLY,
        Method.MEDIATION: Effect.AGREEMENT_ONLY,
        Method.CONCILIATION: Effect.AGREEMENT_ONLY,
        Method.OMBUDSMAN_RECOMMENDATION: Effect.IF_ACCEPTED,
        Method.EXPERT_OPINION: Effect.IF_ACCEPTED,
        Method.ARBITRATION_NON_BINDING: Effect.IF_ACCEPTED,
        Method.ARBITRATION_BINDING: Effect.BINDING,
    }
    assert set(kinds) == set(Method)

    for method, kind in kinds.items():
        case = await w.new_case(method)
        for language, tag in (("EN", "en"), ("ZH_HANS", "zh-Hans")):
            shown = (await _shown(client, token, case, language))["consentText"]
            assert (shown["text"], shown["language"]) == (STANDARD_LEGAL_EFFECTS[kind][tag], tag)
    # The issue's case: a mediation never reads that an award binds both sides.
    assert "award" not in STANDARD_LEGAL_EFFECTS[Effect.AGREEMENT_ONLY]["en"]
    assert "binds both you and the organisation" in STANDARD_LEGAL_EFFECTS[Effect.BINDING]["en"]


async def test_without_a_text_in_the_readers_language_the_schemes_own_shows_with_its_language(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    await Scheme.filter(id=w.scheme.id).update(
        legal_effects={"mediation": {"en": OWN_TEXTS["mediation"]["en"]}}
    )
    case = await _accepted(w)
    token = await token_for(app, w.complainant)

    shown = (await _shown(client, token, case, "ZH_HANS"))["consentText"]
    unasked = (await _shown(client, token, case, None))["consentText"]

    # The provider's statement, not Parley's standard Chinese text, and it says it is English
    assert (shown["text"], shown["language"]) == (OWN_TEXTS["mediation"]["en"], "en")
    assert unasked == shown  # no language asked: the case's (English)


# --- accepting an outcome ------------------------------------------------------------------


async def test_accepting_an_outcome_needs_the_notice_acknowledged_and_records_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await _outcome_proposed(w, Method.OMBUDSMAN_RECOMMENDATION)
    token = await token_for(app, w.complainant)
    notice = (await _shown(client, token, case, "ZH_HANS"))["outcome"]["acceptanceNotice"]
    assert (notice["text"], notice["language"]) == (ACCEPTANCE_NOTICES[False]["zh-Hans"], "zh-Hans")
    before = await snapshot(case)
    accept = {"caseId": case_id(case), "language": "ZH_HANS"}

    not_acknowledged = await mutate(
        client,
        token,
        "acceptOutcome",
        **accept,
        acknowledgesNotice=False,
        noticeDigest=notice["digest"],
    )
    english_notice = await mutate(
        client,
        token,
        "acceptOutcome",
        **accept,
        acknowledgesNotice=True,
        noticeDigest=acceptance_notice(False, "en").digest,
    )
    assert [(e["code"], e["field"]) for e in not_acknowledged["userErrors"]] == [
        ("NOTICE_NOT_ACKNOWLEDGED", ["input", "acknowledgesNotice"])
    ]
    assert [(e["code"], e["field"]) for e in english_notice["userErrors"]] == [
        ("NOTICE_TEXT_CHANGED", ["input", "noticeDigest"])
    ]
    assert await snapshot(case) == before

    accepted = await mutate(
        client,
        token,
        "acceptOutcome",
        **accept,
        acknowledgesNotice=True,
        noticeDigest=notice["digest"],
    )

    assert accepted["userErrors"] == []
    outcome = await Outcome.get(case_id=case.id)
    assert outcome.accepted_by_complainant_at is not None
    event = await TimelineEvent.get(case_id=case.id, kind="outcome_accepted")
    assert (event.payload["notice"], event.payload["notice_language"]) == (
        notice["text"],
        "zh-Hans",
    )


async def test_a_binding_award_has_its_own_notice_before_acceptance(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await _outcome_proposed(w, Method.ARBITRATION_BINDING)
    token = await token_for(app, w.agent)

    shown = (await _shown(client, token, case, "EN"))["outcome"]
    accepted = await mutate(
        client,
        token,
        "acceptOutcome",
        caseId=case_id(case),
        acknowledgesNotice=True,
        noticeDigest=shown["acceptanceNotice"]["digest"],
    )

    assert shown["binding"] is True
    assert shown["acceptanceNotice"]["text"] == ACCEPTANCE_NOTICES[True]["en"]
    assert accepted["userErrors"] == []
    event = await TimelineEvent.get(case_id=case.id, kind="outcome_accepted")
    assert (event.payload["notice"], event.payload["notice_language"]) == (
        ACCEPTANCE_NOTICES[True]["en"],
        "en",
    )


# --- clock extensions ----------------------------------------------------------------------

CLOCKS = """
query Clocks($id: ID!) {
  case(id: $id) {
    clocks {
      kind status extensions
      extensionNotices {
        extendedAt actorRole days reason previousDueAt dueAt extendedBy { displayName }
      }
    }
  }
}
"""


async def test_a_clock_lists_each_extension_with_who_when_why_and_the_due_dates(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await _accepted(w)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    extended = await mutate(
        client,
        await token_for(app, w.caseworker),
        "extendClock",
        caseId=case_id(case),
        clock="RESPONSE",
        days=5,
        reason="The organisation's office is closed for a public holiday week.",
    )
    assert extended["userErrors"] == []
    event = await TimelineEvent.get(case_id=case.id, kind="clock_extended")

    body = await call(client, await token_for(app, w.complainant), CLOCKS, {"id": case_id(case)})

    response = next(c for c in body["data"]["case"]["clocks"] if c["kind"] == "RESPONSE")
    assert response["extensions"] == 1
    assert response["extensionNotices"] == [
        {
            "extendedAt": event.occurred_at.isoformat(),
            "actorRole": "PROVIDER",
            "days": 5,
            "reason": "The organisation's office is closed for a public holiday week.",
            "previousDueAt": event.payload["previous_due_at"],
            "dueAt": event.payload["due_at"],
            "extendedBy": {"displayName": w.caseworker.display_name},
        }
    ]
    assert event.payload["due_at"] > event.payload["previous_due_at"]
    accepted = next(c for c in body["data"]["case"]["clocks"] if c["kind"] == "ACCEPTANCE")
    assert accepted["extensionNotices"] == []


def test_an_extension_belongs_to_the_clock_of_its_kind_running_when_it_was_made() -> None:
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    first, second, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    clocks = [
        ClockSpan(first, ClockKind.OBJECTION, t0, t0 + timedelta(days=3)),
        ClockSpan(other, ClockKind.RESPONSE, t0, None),
        # A new appointment's window, started the instant the first one ended.
        ClockSpan(second, ClockKind.OBJECTION, t0 + timedelta(days=3), None),
    ]

    def extended(at: datetime, kind: str, reason: str) -> dict[str, Any]:
        payload = {"clock": kind, "days": 2, "reason": reason}
        return {"occurred_at": at, "actor_id": None, "actor_role": "provider", "payload": payload}

    placed = sort_to_clocks(
        clocks,
        [
            extended(t0 + timedelta(days=1), "objection", "first"),
            extended(t0 + timedelta(days=3), "objection", "second, at the hand-over"),
            extended(t0 + timedelta(days=4), "objection", "second, later"),
            extended(t0 + timedelta(days=4), "response", "the response"),
        ],
    )

    assert {k: [e.reason for e in v] for k, v in placed.items()} == {
        first: ["first"],
        second: ["second, at the hand-over", "second, later"],
        other: ["the response"],
    }
    assert all(e.previous_due_at is None for v in placed.values() for e in v)
