"""Administration (issue 14): installation admins create, edit and retire organisations,
providers, schemes and links over GraphQL; nobody below admin may; every change is in the
admin audit log with before and after; retiring stops what is new and keeps what exists; an
edit of a scheme's clocks applies to new cases only."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Organisation, Provider, Role, User
from portal.admin.models import AdminAuditEntry
from portal.api.node import to_global_id
from portal.cases.models import Clock, Consent, DisputeCase, OrganisationProvider, Scheme
from portal.cases.notices import STANDARD_LEGAL_EFFECTS, Effect
from portal.cases.services import Action
from portal.cases.states import ClockKind
from portal.complaints.services import ComplaintError, file_complaint, refer_complaint
from tests.factories import Factory, actor_for, quick_world
from tests.test_api_support import call, refused_value, token_for

UE = "userErrors { field code message }"
CREATE_ORG = f"""
mutation M($input: CreateOrganisationInput!) {{
  createOrganisation(input: $input) {{ organisation {{ id slug name country retiredAt }} {UE} }}
}}"""
UPDATE_ORG = f"""
mutation M($input: UpdateOrganisationInput!) {{
  updateOrganisation(input: $input) {{ organisation {{ id name country }} {UE} }}
}}"""
RETIRE_ORG = f"""
mutation M($input: RetireOrganisationInput!) {{
  retireOrganisation(input: $input) {{ organisation {{ id retiredAt }} {UE} }}
}}"""
CREATE_PROVIDER = f"""
mutation M($input: CreateProviderInput!) {{
  createProvider(input: $input) {{ provider {{ id slug name retiredAt }} {UE} }}
}}"""
RETIRE_PROVIDER = f"""
mutation M($input: RetireProviderInput!) {{
  retireProvider(input: $input) {{ provider {{ id retiredAt }} {UE} }}
}}"""
SCHEME = """id name version country silenceIsRefusal methods fees retiredAt replacedById
  clocks { kind days calendar } complexResponse { days calendar }
  legalEffects { method language text }"""
CREATE_SCHEME = f"""
mutation M($input: CreateSchemeInput!) {{
  createScheme(input: $input) {{ scheme {{ {SCHEME} }} {UE} }}
}}"""
UPDATE_SCHEME = f"""
mutation M($input: UpdateSchemeInput!) {{
  updateScheme(input: $input) {{ scheme {{ {SCHEME} }} {UE} }}
}}"""
LINK = f"""
mutation M($input: LinkOrganisationProviderInput!) {{
  linkOrganisationProvider(input: $input) {{
    link {{ id retiredAt organisation {{ slug }} provider {{ slug }} scheme {{ name }} }} {UE}
  }}
}}"""
RETIRE_LINK = f"""
mutation M($input: RetireOrganisationProviderLinkInput!) {{
  retireOrganisationProviderLink(input: $input) {{ link {{ id retiredAt }} {UE} }}
}}"""
LOG = """
query L($subject: ID, $first: Int, $after: String) {
  adminAuditLog(subject: $subject, first: $first, after: $after) {
    edges { node { at actorEmail actorKind action subjectType subjectId before after } }
    pageInfo { hasNextPage endCursor }
  }
}"""


async def _admin(factory: Factory, app: Starlette) -> tuple[User, str]:
    admin = await Factory(factory.settings, passwords=False).user(Role.ADMIN)
    return admin, await token_for(app, admin)


async def _do(client: httpx.AsyncClient, token: str, query: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, query, {"input": input})
    assert "errors" not in body, body
    (payload,) = body["data"].values()
    return payload  # type: ignore[no-any-return]


def _ok(payload: dict[str, Any]) -> dict[str, Any]:
    assert payload["userErrors"] == [], payload
    return payload


def _code(payload: dict[str, Any]) -> str:
    return str(payload["userErrors"][0]["code"])


async def test_nobody_below_admin_creates_or_changes_organisations_providers_or_schemes(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    consumer = w.complainant
    installation_auditor = await Factory(factory.settings, passwords=False).user(Role.AUDITOR)
    provider_gid = to_global_id("Provider", w.provider.id)
    scheme_gid = to_global_id("Scheme", w.scheme.id)
    org_gid = to_global_id("Organisation", w.organisation.id)
    for person in (consumer, w.manager, w.agent, w.caseworker, w.neutral, w.auditor):
        token = await token_for(app, person)
        attempts = [
            (CREATE_ORG, {"slug": "rogue-org", "name": "Rogue"}),
            (CREATE_PROVIDER, {"slug": "rogue-adr", "name": "Rogue ADR"}),
            (CREATE_SCHEME, {"providerId": provider_gid, "name": "Mine", "country": "DE"}),
            (UPDATE_SCHEME, {"schemeId": scheme_gid, "silenceIsRefusal": False}),
            (UPDATE_ORG, {"organisationId": org_gid, "name": "Renamed"}),
            (RETIRE_PROVIDER, {"providerId": provider_gid}),
            (LINK, {"organisationId": org_gid, "providerId": provider_gid, "schemeId": scheme_gid}),
        ]
        for query, input in attempts:
            assert _code(await _do(client, token, query, **input)) == "FORBIDDEN", person.email
    assert not await Organisation.filter(slug="rogue-org").exists()
    assert not await Provider.filter(slug="rogue-adr").exists()
    assert (await Scheme.get(id=w.scheme.id)).silence_is_refusal is True
    assert (await Provider.get(id=w.provider.id)).retired_at is None
    assert await AdminAuditEntry.all().count() == 0
    # The log is for admins and auditors; an organisation's manager is refused outright.
    body = await call(client, await token_for(app, w.manager), LOG)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    for reader in (w.auditor, installation_auditor):
        body = await call(client, await token_for(app, reader), LOG)
        assert body["data"]["adminAuditLog"]["edges"] == []


async def test_every_admin_change_is_in_the_audit_log_with_before_and_after(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    admin, token = await _admin(factory, app)
    org = _ok(
        await _do(client, token, CREATE_ORG, slug="north-power", name="North Power", country="DE")
    )["organisation"]
    assert (org["slug"], org["country"], org["retiredAt"]) == ("north-power", "DE", None)
    provider = _ok(await _do(client, token, CREATE_PROVIDER, slug="calm-adr", name="Calm ADR"))[
        "provider"
    ]
    scheme = _ok(
        await _do(
            client,
            token,
            CREATE_SCHEME,
            providerId=provider["id"],
            name="Energy scheme",
            country="DE",
            silenceIsRefusal=False,
            methods=["MEDIATION", "OMBUDSMAN_RECOMMENDATION"],
            fees="Free for consumers.",
            clocks=[
                {"kind": "ACCEPTANCE", "days": 10, "calendar": "WORKING_DAYS"},
                {"kind": "OBJECTION", "days": 5, "calendar": "CALENDAR_DAYS"},
                {"kind": "RESPONSE", "days": 40, "calendar": "WORKING_DAYS", "complexCase": True},
            ],
            legalEffects=[
                {"method": "MEDIATION", "language": "EN", "text": "Nothing binds."},
                {"method": "MEDIATION", "language": "ZH_HANS", "text": "不具约束力。"},
            ],
        )
    )["scheme"]
    clocks = {c["kind"]: (c["days"], c["calendar"]) for c in scheme["clocks"]}
    assert clocks["ACCEPTANCE"] == (10, "WORKING_DAYS")
    assert clocks["OBJECTION"] == (5, "CALENDAR_DAYS")
    assert clocks["OUTCOME"] == (90, "CALENDAR_DAYS")  # left out: the default
    assert scheme["complexResponse"] == {"days": 40, "calendar": "WORKING_DAYS"}
    assert scheme["legalEffects"][1] == {
        "method": "MEDIATION",
        "language": "ZH_HANS",
        "text": "不具约束力。",
    }
    link = _ok(
        await _do(
            client,
            token,
            LINK,
            organisationId=org["id"],
            providerId=provider["id"],
            schemeId=scheme["id"],
        )
    )["link"]
    assert link["scheme"] == {"name": "Energy scheme"}
    _ok(await _do(client, token, UPDATE_ORG, organisationId=org["id"], name="North Power AG"))
    _ok(await _do(client, token, UPDATE_SCHEME, schemeId=scheme["id"], fees="EUR 25."))
    _ok(await _do(client, token, RETIRE_LINK, linkId=link["id"]))
    _ok(await _do(client, token, RETIRE_PROVIDER, providerId=provider["id"]))
    _ok(await _do(client, token, RETIRE_ORG, organisationId=org["id"]))

    body = await call(client, token, LOG, {"first": 100})
    entries = [e["node"] for e in body["data"]["adminAuditLog"]["edges"]]
    assert [e["action"] for e in entries] == [
        "organisation.retire",
        "provider.retire",
        "link.retire",
        "scheme.update",
        "organisation.update",
        "link.create",
        "scheme.create",
        "provider.create",
        "organisation.create",
    ]
    assert {e["actorEmail"] for e in entries} == {admin.email}
    by_action = {e["action"]: e for e in entries}
    created = by_action["organisation.create"]
    assert created["before"] is None
    assert created["after"]["name"] == "North Power"
    assert created["subjectType"] == "Organisation"
    assert created["subjectId"] == org["id"]
    renamed = by_action["organisation.update"]
    assert (renamed["before"]["name"], renamed["after"]["name"]) == (
        "North Power",
        "North Power AG",
    )
    fees = by_action["scheme.update"]
    assert (fees["before"]["fees"], fees["after"]["fees"]) == ("Free for consumers.", "EUR 25.")
    retired = by_action["provider.retire"]
    assert retired["before"]["retired_at"] is None
    assert retired["after"]["retired_at"]
    assert "outbound_secret" not in retired["after"]  # the log never holds secrets
    assert by_action["link.retire"]["subjectType"] == "OrganisationProviderLink"
    assert by_action["link.retire"]["subjectId"] == link["id"]

    # One object's history; pages follow one another.
    body = await call(client, token, LOG, {"subject": org["id"]})
    history = [e["node"]["action"] for e in body["data"]["adminAuditLog"]["edges"]]
    assert history == ["organisation.retire", "organisation.update", "organisation.create"]
    first = (await call(client, token, LOG, {"first": 5}))["data"]["adminAuditLog"]
    rest = (await call(client, token, LOG, {"first": 5, "after": first["pageInfo"]["endCursor"]}))[
        "data"
    ]["adminAuditLog"]
    assert len(first["edges"]) + len(rest["edges"]) == 9
    assert not rest["pageInfo"]["hasNextPage"]

    # Retired ones are listed only when asked for.
    listing = "query { providers(first: 100) { edges { node { slug } } } }"
    everything = "query { providers(first: 100, includeRetired: true) { edges { node { slug } } } }"
    assert "calm-adr" not in str((await call(client, token, listing))["data"])
    assert "calm-adr" in str((await call(client, token, everything))["data"])


async def test_input_is_refused_with_codes_and_a_key_makes_creation_idempotent(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    _, token = await _admin(factory, app)
    assert _code(await _do(client, token, CREATE_ORG, slug="Bad Slug!", name="X")) == (
        "INVALID_SLUG"
    )
    await refused_value(
        client,
        token,
        CREATE_ORG,
        {"input": {"slug": "ok", "name": "X", "country": "DEU"}},
        "Country",
    )
    assert _code(await _do(client, token, CREATE_ORG, slug="ok", name="  ")) == "REQUIRED"
    first = _ok(await _do(client, token, CREATE_ORG, slug="once", name="Once", idempotencyKey="k1"))
    again = _ok(await _do(client, token, CREATE_ORG, slug="once", name="Once", idempotencyKey="k1"))
    assert first["organisation"]["id"] == again["organisation"]["id"]
    assert _code(await _do(client, token, CREATE_ORG, slug="once", name="Twice")) == "SLUG_TAKEN"
    reused = await _do(client, token, CREATE_ORG, slug="other", name="Other", idempotencyKey="k1")
    assert _code(reused) == "IDEMPOTENCY_KEY_REUSED"
    assert await AdminAuditEntry.filter(action="organisation.create").count() == 1

    provider = _ok(await _do(client, token, CREATE_PROVIDER, slug="p", name="P"))["provider"]
    base = {"providerId": provider["id"], "name": "S", "country": "DE"}
    zero = [{"kind": "OUTCOME", "days": 0, "calendar": "CALENDAR_DAYS"}]
    assert _code(await _do(client, token, CREATE_SCHEME, **base, clocks=zero)) == "INVALID_DAYS"
    text = [{"method": "MEDIATION", "language": "xx", "text": "?"}]
    await refused_value(
        client, token, CREATE_SCHEME, {"input": {**base, "legalEffects": text}}, "CaseLanguage"
    )
    missing = to_global_id("Organisation", Provider(slug="x").id)
    assert _code(await _do(client, token, RETIRE_ORG, organisationId=missing)) == (
        "ORGANISATION_NOT_FOUND"
    )
    assert await Scheme.all().count() == 0


async def test_a_retired_provider_takes_no_new_referrals_but_keeps_its_cases(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    _, token = await _admin(factory, app)
    _ok(
        await _do(
            client, token, RETIRE_PROVIDER, providerId=to_global_id("Provider", w.provider.id)
        )
    )
    # Its case runs on: the caseworker accepts it, the complainant consents.
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    assert case.provider_id == w.provider.id
    # A new referral is refused with a code that says why.
    refused = await call(
        client,
        await token_for(app, w.complainant),
        """mutation R($input: ReferComplaintInput!) {
          referComplaint(input: $input) { case { id } userErrors { field code message } } }""",
        {
            "input": {
                "complaintId": to_global_id("Complaint", await _new_complaint(w)),
                "providerId": to_global_id("Provider", w.provider.id),
                "method": "MEDIATION",
                "unresolvedReason": "Still not refunded.",
            }
        },
    )
    errors = refused["data"]["referComplaint"]["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [
        ("PROVIDER_RETIRED", ["input", "providerId"])
    ]
    assert await DisputeCase.filter(provider_id=w.provider.id).count() == 1


async def _new_complaint(w: Any) -> Any:
    complaint = await file_complaint(
        await actor_for(w.complainant),
        w.organisation.id,
        {"subject": "Second bill", "description": "Billed again.", "remedy_sought": "Refund"},
    )
    return complaint.id


async def test_a_retired_organisation_takes_no_new_complaints_and_a_retired_link_no_referrals(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    complaint_id = await _new_complaint(w)
    _, token = await _admin(factory, app)
    link = await OrganisationProvider.get(organisation_id=w.organisation.id)
    _ok(
        await _do(
            client, token, RETIRE_LINK, linkId=to_global_id("OrganisationProviderLink", link.id)
        )
    )
    _ok(
        await _do(
            client,
            token,
            RETIRE_ORG,
            organisationId=to_global_id("Organisation", w.organisation.id),
        )
    )
    with pytest.raises(ComplaintError) as refused:
        await _new_complaint(w)
    assert (refused.value.code, refused.value.field) == ("ORGANISATION_RETIRED", "organisation_id")
    # The complaint it had is still referable in principle, but not through a retired link.
    with pytest.raises(ComplaintError) as unlinked:
        await refer_complaint(
            await actor_for(w.complainant),
            complaint_id,
            {"provider_id": w.provider.id, "method": "mediation", "unresolved_reason": "No."},
        )
    assert unlinked.value.code == "PROVIDER_NOT_AVAILABLE"


async def test_a_scheme_edit_applies_to_new_cases_only(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    old_case = await w.new_case()
    _, token = await _admin(factory, app)
    updated = _ok(
        await _do(
            client,
            token,
            UPDATE_SCHEME,
            schemeId=to_global_id("Scheme", w.scheme.id),
            clocks=[{"kind": "ACCEPTANCE", "days": 5, "calendar": "CALENDAR_DAYS"}],
            legalEffects=[{"method": "MEDIATION", "language": "EN", "text": "Scheme's own text."}],
        )
    )["scheme"]
    # Cases pointed at the scheme: the edit made version 2, and the old one is retired.
    assert updated["version"] == 2
    assert updated["id"] != to_global_id("Scheme", w.scheme.id)
    old = await Scheme.get(id=w.scheme.id)
    assert old.retired_at is not None
    assert old.clock_policy == {}
    assert old.replaced_by_id is not None
    assert updated["id"] == to_global_id("Scheme", old.replaced_by_id)
    link = await OrganisationProvider.get(organisation_id=w.organisation.id)
    assert link.scheme_id == old.replaced_by_id

    new_case = await w.new_case()
    assert (old_case.scheme_id, new_case.scheme_id) == (old.id, old.replaced_by_id)
    old_clock = await Clock.get(case_id=old_case.id, kind=ClockKind.ACCEPTANCE)
    new_clock = await Clock.get(case_id=new_case.id, kind=ClockKind.ACCEPTANCE)
    assert (old_clock.days, new_clock.days) == (21, 5)

    # The old case's consent shows the standard text; the new case's, the scheme's.
    for case in (old_case, new_case):
        case = await w.act(w.caseworker, case, Action.ACCEPT)
        await w.act(
            w.complainant,
            case,
            Action.GIVE_CONSENT,
            understands_legal_effect=True,
            understands_right_to_withdraw=True,
        )
    old_consent = await Consent.get(case_id=old_case.id)
    new_consent = await Consent.get(case_id=new_case.id)
    assert (old_consent.legal_effect, old_consent.language) == (
        STANDARD_LEGAL_EFFECTS[Effect.AGREEMENT_ONLY]["en"],
        "en",
    )
    assert (new_consent.legal_effect, new_consent.language) == ("Scheme's own text.", "en")

    # The retired version cannot be edited, and a scheme in use cannot be retired.
    stale = await _do(
        client, token, UPDATE_SCHEME, schemeId=to_global_id("Scheme", old.id), fees="x"
    )
    assert _code(stale) == "SCHEME_RETIRED"
    in_use = await _do(
        client,
        token,
        """mutation M($input: RetireSchemeInput!) {
          retireScheme(input: $input) { scheme { id } userErrors { field code message } } }""",
        schemeId=updated["id"],
    )
    assert _code(in_use) == "SCHEME_IN_USE"
    entry = await AdminAuditEntry.get(action="scheme.new_version")
    assert entry.before is not None
    assert entry.after is not None
    assert entry.before["clock_policy"] == {}
    assert entry.after["clock_policy"] == {"acceptance": {"days": 5, "calendar": "calendar_days"}}


UPDATE_PROVIDER = f"""
mutation M($input: UpdateProviderInput!) {{
  updateProvider(input: $input) {{ provider {{ id published }} {UE} }}
}}"""
PUBLIC_PROVIDERS = "{ providers { edges { node { slug } } } }"


async def test_an_admin_takes_a_provider_out_of_the_public_directory_and_back(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    w = await quick_world(factory)
    _, token = await _admin(factory, app)
    provider_id = to_global_id("Provider", w.provider.id)

    async def public_slugs() -> set[str]:
        body = (await client.post("/graphql", json={"query": PUBLIC_PROVIDERS})).json()
        return {e["node"]["slug"] for e in body["data"]["providers"]["edges"]}

    assert w.provider.slug in await public_slugs()
    hidden = _ok(await _do(client, token, UPDATE_PROVIDER, providerId=provider_id, published=False))
    assert hidden["provider"]["published"] is False
    assert w.provider.slug not in await public_slugs()
    # The admin still finds it (to put it back); the admin screens list through `providers`.
    listed = await call(client, token, PUBLIC_PROVIDERS, {})
    assert w.provider.slug in {e["node"]["slug"] for e in listed["data"]["providers"]["edges"]}
    entry = await AdminAuditEntry.filter(action="provider.update").order_by("-created_at").first()
    assert entry is not None
    assert (entry.before or {})["published"] is True
    assert (entry.after or {})["published"] is False
    # Below admin: refused, and nothing changes.
    manager_token = await token_for(app, w.manager)
    refused = await _do(
        client, manager_token, UPDATE_PROVIDER, providerId=provider_id, published=True
    )
    assert _code(refused) == "FORBIDDEN"
    assert w.provider.slug not in await public_slugs()
    _ok(await _do(client, token, UPDATE_PROVIDER, providerId=provider_id, published=True))
    assert w.provider.slug in await public_slugs()


async def test_a_schemes_retention_period_is_set_and_checked_and_new_versions_keep_it(
    factory: Factory, app: Starlette, client: httpx.AsyncClient
) -> None:
    """Issue 19: `retentionYears` (6 by default) is part of the scheme's rules."""
    w = await quick_world(factory)
    await w.new_case()  # the scheme is in use: an edit makes a new version
    _, token = await _admin(factory, app)
    scheme_id = to_global_id("Scheme", w.scheme.id)
    for bad in (-1, 101):
        refused = await _do(client, token, UPDATE_SCHEME, schemeId=scheme_id, retentionYears=bad)
        assert _code(refused) == "INVALID_INPUT"
        assert refused["userErrors"][0]["field"] == ["input", "retentionYears"]
    assert (await Scheme.get(id=w.scheme.id)).retention_years == 6
    _ok(await _do(client, token, UPDATE_SCHEME, schemeId=scheme_id, retentionYears=10))
    old = await Scheme.get(id=w.scheme.id)
    assert old.retention_years == 6  # the cases under it keep the period they started with
    new = await Scheme.get(id=old.replaced_by_id)
    assert new.retention_years == 10
    await w.new_case()  # now under the new version: another edit copies the period forward
    _ok(await _do(client, token, UPDATE_SCHEME, schemeId=to_global_id("Scheme", new.id), fees="x"))
    newest = await Scheme.get(id=(await Scheme.get(id=new.id)).replaced_by_id)
    assert (newest.fees, newest.retention_years) == ("x", 10)
