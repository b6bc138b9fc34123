"""The provider directory (EU ADR Art. 7(1)): profile, scheme clocks, roster and mandates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Role
from portal.api.node import to_global_id
from portal.cases.errors import CaseError
from portal.cases.models import NeutralAppointment
from portal.cases.services import Action
from portal.cases.states import Method
from portal.complaints.services import ComplaintError, refer_complaint
from portal.directory.models import NeutralProfile, ProviderProfile
from portal.timeline.models import TimelineEvent
from tests.factories import Factory, actor_for, quick_world
from tests.test_api_support import (
    call,
    filed,
    in_file_review,
    refused_value,
    snapshot,
    token_for,
)

PROFILE = """
mutation P($input: UpdateProviderProfileInput!) {
  updateProviderProfile(input: $input) {
    provider { slug profile { summary methods languages countries rulesUrl contactEmail
      consumerFee { amount currency } bindingMethodsOffered } }
    userErrors { field code message }
  }
}
"""

NEUTRAL = """
mutation N($input: UpdateNeutralProfileInput!) {
  updateNeutralProfile(input: $input) {
    neutral { displayName title competences languages standingDisclosures acceptingCases }
    userErrors { field code message }
  }
}
"""

MANDATE = """
mutation M($input: SetNeutralMandateInput!) {
  setNeutralMandate(input: $input) {
    neutral { displayName methods mandateEndsOn }
    userErrors { field code message }
  }
}
"""

PUBLIC = """
query D($id: ID!) {
  node(id: $id) { ... on Provider {
    name
    profile { summary methods languages fees legalEffect }
    schemes { name country silenceIsRefusal clocks { kind days calendar responsible } }
    roster(first: 10) {
      edges { node { userId displayName title competences languages methods
        standingDisclosures mandateEndsOn acceptingCases } }
      pageInfo { hasNextPage }
    }
  } }
}
"""


def pid(w: Any) -> str:
    return to_global_id("Provider", w.provider.id)


def uid(user: Any) -> str:
    return to_global_id("User", user.id)


async def test_a_caseworker_publishes_the_profile_and_everyone_signed_in_reads_it(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    staff = await token_for(app, w.caseworker)
    given = {
        "providerId": pid(w),
        "summary": "Energy and telecoms disputes.",
        "methods": ["MEDIATION", "ARBITRATION_BINDING"],
        "languages": ["de", "en", "en"],
        "countries": ["DE", "AT"],
        "rulesUrl": "https://adr.example/rules",
        "contactEmail": "Cases@ADR.example",
        "consumerFeeAmount": "0.00",
        "consumerFeeCurrency": "EUR",
        "fees": "Free for consumers.",
        "legalEffect": "Awards bind both parties once accepted.",
    }

    body = await call(client, staff, PROFILE, {"input": given})

    assert body["data"]["updateProviderProfile"] == {
        "provider": {
            "slug": w.provider.slug,
            "profile": {
                "summary": "Energy and telecoms disputes.",
                "methods": ["MEDIATION", "ARBITRATION_BINDING"],
                "languages": ["de", "en"],
                "countries": ["DE", "AT"],
                "rulesUrl": "https://adr.example/rules",
                "contactEmail": "cases@adr.example",
                "consumerFee": {"amount": "0.00", "currency": "EUR"},
                "bindingMethodsOffered": True,
            },
        },
        "userErrors": [],
    }
    consumer = await token_for(app, w.complainant)
    public = (await call(client, consumer, PUBLIC, {"id": pid(w)}))["data"]["node"]
    assert public["profile"] == {
        "summary": "Energy and telecoms disputes.",
        "methods": ["MEDIATION", "ARBITRATION_BINDING"],
        "languages": ["de", "en"],
        "fees": "Free for consumers.",
        "legalEffect": "Awards bind both parties once accepted.",
    }
    # A later edit changes only what it names.
    again = await call(client, staff, PROFILE, {"input": {"providerId": pid(w), "fees": "5 EUR"}})
    assert again["data"]["updateProviderProfile"]["userErrors"] == []
    row = await ProviderProfile.get(provider_id=w.provider.id)
    assert (row.fees, row.summary, row.methods) == (
        "5 EUR",
        "Energy and telecoms disputes.",
        ["mediation", "arbitration_binding"],
    )


async def test_only_the_providers_own_caseworkers_edit_its_profile(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)
    await ProviderProfile.create(provider_id=w.provider.id, summary="As published.")
    for user in (other.caseworker, w.neutral, w.agent, w.complainant, w.auditor):
        token = await token_for(app, user)
        body = await call(
            client, token, PROFILE, {"input": {"providerId": pid(w), "summary": "Hijacked."}}
        )
        payload = body["data"]["updateProviderProfile"]
        assert payload["provider"] is None
        assert [e["code"] for e in payload["userErrors"]] == ["FORBIDDEN"], user.email
    assert (await ProviderProfile.get(provider_id=w.provider.id)).summary == "As published."


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("languages", ["German"], "INVALID_INPUT"),
        ("countries", ["DE"] * 51, "INVALID_INPUT"),
        ("rulesUrl", "javascript:alert(1)", "INVALID_URL"),
        ("website", "ftp://adr.example", "INVALID_URL"),
        ("contactEmail", "not-an-address", "INVALID_EMAIL"),
        ("consumerFeeAmount", "-1", "INVALID_AMOUNT"),
    ],
)
async def test_bad_profile_input_is_refused_with_its_field_and_changes_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, field: str, value: Any, code: str
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.caseworker)
    body = await call(client, token, PROFILE, {"input": {"providerId": pid(w), field: value}})
    errors = body["data"]["updateProviderProfile"]["userErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [(["input", field], code)]
    assert not await ProviderProfile.exists(provider_id=w.provider.id)


@pytest.mark.parametrize(
    ("field", "value", "enum"),
    [("countries", ["de"], "Country"), ("consumerFeeCurrency", "EURO", "Currency")],
)
async def test_a_code_outside_its_standard_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, field: str, value: Any, enum: str
) -> None:
    w = await quick_world(factory)
    token = await token_for(app, w.caseworker)
    await refused_value(
        client, token, PROFILE, {"input": {"providerId": pid(w), field: value}}, enum
    )
    assert not await ProviderProfile.exists(provider_id=w.provider.id)


async def test_a_neutral_keeps_their_own_entry_and_the_caseworker_sets_the_mandate(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    neutral = await token_for(app, w.neutral)
    entry = {
        "providerId": pid(w),
        "neutralId": uid(w.neutral),
        "title": "Mediator, energy law",
        "competences": ["energy", "consumer credit"],
        "languages": ["de", "en"],
        "standingDisclosures": "Shareholder of Stadtwerke Nord (0.1%).",
    }

    own = await call(client, neutral, NEUTRAL, {"input": entry})
    assert own["data"]["updateNeutralProfile"] == {
        "neutral": {
            "displayName": w.neutral.display_name,
            "title": "Mediator, energy law",
            "competences": ["energy", "consumer credit"],
            "languages": ["de", "en"],
            "standingDisclosures": "Shareholder of Stadtwerke Nord (0.1%).",
            "acceptingCases": True,
        },
        "userErrors": [],
    }
    mandate = {
        "providerId": pid(w),
        "neutralId": uid(w.neutral),
        "methods": ["MEDIATION"],
        "mandateEndsOn": "2030-12-31",
    }
    # The neutral does not set their own mandate; the caseworker does.
    refused = await call(client, neutral, MANDATE, {"input": mandate})
    assert [e["code"] for e in refused["data"]["setNeutralMandate"]["userErrors"]] == ["FORBIDDEN"]
    assert (await NeutralProfile.get(user_id=w.neutral.id)).methods == []
    staff = await token_for(app, w.caseworker)
    set_ = await call(client, staff, MANDATE, {"input": mandate})
    assert set_["data"]["setNeutralMandate"] == {
        "neutral": {
            "displayName": w.neutral.display_name,
            "methods": ["MEDIATION"],
            "mandateEndsOn": "2030-12-31",
        },
        "userErrors": [],
    }


async def test_nobody_else_edits_a_roster_entry(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)
    colleague = await factory.user(Role.NEUTRAL, provider=w.provider, password=None)
    entry = {"providerId": pid(w), "neutralId": uid(w.neutral), "standingDisclosures": "None."}
    for user in (colleague, other.caseworker, other.neutral, w.agent, w.complainant):
        token = await token_for(app, user)
        body = await call(client, token, NEUTRAL, {"input": entry})
        codes = [e["code"] for e in body["data"]["updateNeutralProfile"]["userErrors"]]
        assert codes == ["FORBIDDEN"], user.email
    # Someone who is not this provider's neutral has no entry to edit.
    token = await token_for(app, w.caseworker)
    stranger = {**entry, "neutralId": uid(other.neutral)}
    body = await call(client, token, NEUTRAL, {"input": stranger})
    assert [
        (e["field"], e["code"]) for e in body["data"]["updateNeutralProfile"]["userErrors"]
    ] == [(["input", "neutralId"], "NOT_FOUND")]
    assert await NeutralProfile.all().count() == 0


async def test_the_public_directory_shows_scheme_clocks_and_every_neutral_on_the_roster(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    w.scheme.clock_policy = {"response": {"days": 15, "calendar": "working_days"}}
    await w.scheme.save()
    second = await factory.user(Role.NEUTRAL, provider=w.provider, password=None)
    await NeutralProfile.create(
        provider_id=w.provider.id,
        user_id=second.id,
        title="Arbitrator",
        languages=["fr"],
        methods=["arbitration_binding"],
        accepting_cases=False,
    )
    token = await token_for(app, w.complainant)

    provider = (await call(client, token, PUBLIC, {"id": pid(w)}))["data"]["node"]

    assert provider["profile"] is None
    [scheme] = provider["schemes"]
    assert (scheme["name"], scheme["country"], scheme["silenceIsRefusal"]) == (
        "Consumer scheme",
        "DE",
        True,
    )
    clocks = {c["kind"]: (c["days"], c["calendar"], c["responsible"]) for c in scheme["clocks"]}
    assert clocks["RESPONSE"] == (15, "WORKING_DAYS", "ORGANISATION")
    assert clocks["ACCEPTANCE"] == (21, "CALENDAR_DAYS", "PROVIDER")
    assert clocks["OUTCOME"] == (90, "CALENDAR_DAYS", "NEUTRAL")
    roster = [e["node"] for e in provider["roster"]["edges"]]
    assert roster == [
        {
            "userId": uid(second),
            "displayName": second.display_name,
            "title": "Arbitrator",
            "competences": [],
            "languages": ["fr"],
            "methods": ["ARBITRATION_BINDING"],
            "standingDisclosures": "",
            "mandateEndsOn": None,
            "acceptingCases": False,
        },
        {
            "userId": uid(w.neutral),
            "displayName": w.neutral.display_name,
            "title": "",
            "competences": [],
            "languages": [],
            "methods": [],
            "standingDisclosures": "",
            "mandateEndsOn": None,
            "acceptingCases": True,
        },
    ]
    assert provider["roster"]["pageInfo"] == {"hasNextPage": False}


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"accepting_cases": False}, "not taking new cases"),
        ({"mandate_ends_on": date(2020, 1, 1)}, "mandate has ended"),
        ({"methods": ["arbitration_binding"]}, "does not sit for this method"),
    ],
)
async def test_an_appointment_outside_the_neutrals_mandate_is_refused(
    factory: Factory, entry: dict[str, Any], reason: str
) -> None:
    w = await quick_world(factory)
    await NeutralProfile.create(provider_id=w.provider.id, user_id=w.neutral.id, **entry)
    case = await in_file_review(w, await w.new_case(Method.MEDIATION))
    before = await snapshot(case)

    with pytest.raises(CaseError) as refused:
        await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)

    assert (refused.value.code, refused.value.field) == ("NEUTRAL_NOT_AVAILABLE", "neutral_id")
    assert reason in refused.value.message
    assert await snapshot(case) == before
    assert not await NeutralAppointment.exists(case_id=case.id)


async def test_the_appointment_records_the_standing_disclosures_as_they_stood(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    ends = datetime.now(UTC).date() + timedelta(days=365)
    profile = await NeutralProfile.create(
        provider_id=w.provider.id,
        user_id=w.neutral.id,
        standing_disclosures="Former employee of a competitor (until 2019).",
        competences=["energy"],
        mandate_ends_on=ends,
    )
    case = await in_file_review(w, await w.new_case(Method.MEDIATION))

    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    profile.standing_disclosures = "Edited afterwards."
    await profile.save()

    event = await TimelineEvent.get(case_id=case.id, kind="neutral_appointed")
    assert event.payload == {
        "neutral_id": str(w.neutral.id),
        "standing_disclosures": "Former employee of a competitor (until 2019).",
        "competences": ["energy"],
        "mandate_ends_on": ends.isoformat(),
    }


async def test_a_referral_to_a_method_the_provider_does_not_offer_is_refused(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    await ProviderProfile.create(provider_id=w.provider.id, methods=["mediation"])
    complaint = await filed(w)

    with pytest.raises(ComplaintError) as refused:
        await refer_complaint(
            await actor_for(w.complainant),
            complaint.id,
            {
                "provider_id": w.provider.id,
                "method": "arbitration_binding",
                "unresolved_reason": "No answer.",
            },
        )

    assert (refused.value.code, refused.value.field) == ("METHOD_NOT_OFFERED", "method")
    await complaint.refresh_from_db()
    assert complaint.referred_at is None
    assert (await w.new_case(Method.MEDIATION)).method is Method.MEDIATION
