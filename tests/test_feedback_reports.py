"""Reports over GraphQL and as downloads: who may see them, what they hold (and never hold),
and the number of SQL statements they cost, whatever the number of cases."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
import pytest
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from portal.accesslog.services import forget_recorded_views
from portal.accounts.models import Role, User
from portal.api.node import to_global_id
from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import CaseRole
from portal.complaints.models import Complaint
from portal.timeline.models import Visibility
from tests.factories import Factory, bare, quick_world
from tests.feedback_data import YEAR, Dataset, more_closed_cases, seeded
from tests.sql_statements import statements
from tests.test_api_support import call, case_id, in_file_review, token_for

REVIEW = """
query R($org: ID!, $from: Date!, $until: Date!) {
  managementReview(organisationId: $org, from: $from, until: $until) {
    organisationName
    indicators {
      disputesReceived complaintsReceived repeatComplaints withdrawals
      ended { key count }
      timeToAcknowledge { count medianDays p90Days averageDays }
      timeToResolve { count medianDays p90Days averageDays }
      clocksMet { numerator denominator rate }
      clocksByResponsible { responsible met missed }
      outcomeAcceptance { rate } implementation { numerator denominator rate }
      satisfactionByMethod { key responses average }
      satisfactionByProvider { key responses average }
    }
    rootCauses { key count } systemicIssues { key count }
  }
}
"""
TRANSPARENCY = """
query T($provider: String!, $year: Int!, $order: DisclosureOrder, $first: Int) {
  transparencyReport(provider: $provider, year: $year, orderBy: $order, first: $first) {
    providerName disputesReceived
    receivedByMethod { key count } refusalsByGround { key count } refusalShare
    discontinuedByReason { key count }
    duration { count averageDays medianDays }
    compliance { rate } outcomeAcceptance { rate }
    casesTotal
    cases {
      organisation method result declineGround outcomeKind claimedAmount outcomeAmount
      currency filedOn endedOn durationDays
    }
  }
}
"""
FAIRNESS = """
query F($id: ID!) {
  fairnessReport(caseId: $id) {
    reference
    sides {
      side clocksMet clocksMissed
      submissions { sequence kind actorRole eventKind caseRole }
      windows { kind responsible status }
    }
    clocks { kind responsible status }
    appointments { status declaration { impartial disclosures } objections { side reasons } }
    objections { side reasons upheld }
    consents { method understandsLegalEffect consentsToBeBound }
  }
}
"""


def period(data: Dataset) -> dict[str, Any]:
    return {
        "org": to_global_id("Organisation", data.organisation.id),
        "from": f"{YEAR}-01-01",
        "until": f"{YEAR + 1}-01-01",
    }


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body["errors"]]


# --- management review --------------------------------------------------------------------------


async def test_a_manager_reads_the_management_review(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)

    body = await call(client, await token_for(app, data.manager), REVIEW, period(data))

    review = body["data"]["managementReview"]
    i = review["indicators"]
    assert review["organisationName"] == data.organisation.name
    assert (i["disputesReceived"], i["complaintsReceived"], i["repeatComplaints"]) == (5, 4, 2)
    assert i["timeToAcknowledge"] == {
        "count": 4,
        "medianDays": 2.0,
        "p90Days": 4.0,
        "averageDays": 2.5,
    }
    assert i["timeToResolve"] == {
        "count": 3,
        "medianDays": 30.0,
        "p90Days": 90.0,
        "averageDays": 43.33,
    }
    assert i["clocksMet"] == {"numerator": 4, "denominator": 7, "rate": 0.5714}
    assert i["implementation"] == {"numerator": 2, "denominator": 3, "rate": 0.6667}
    assert i["satisfactionByMethod"] == [
        {"key": "arbitration_binding", "responses": 1, "average": 4.0},
        {"key": "mediation", "responses": 2, "average": 3.5},
        {"key": "ombudsman_recommendation", "responses": 1, "average": 2.0},
    ]
    assert review["systemicIssues"] == [{"key": "billing_error", "count": 3}]


async def test_the_organisations_auditor_reads_it_too(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)

    body = await call(client, await token_for(app, data.auditor), REVIEW, period(data))

    assert body["data"]["managementReview"]["indicators"]["disputesReceived"] == 5


@pytest.mark.parametrize("who", ["agent", "complainant", "other manager", "caseworker"])
async def test_the_management_review_is_refused_to_every_other_role(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, who: str
) -> None:
    data = await seeded(factory)
    f = Factory(factory.settings, passwords=False)
    user: User = {
        "agent": data.agent,
        "complainant": data.complainants[0],
        "other manager": await f.user(Role.ORG_MANAGER, organisation=data.other_organisation),
        "caseworker": await f.user(Role.PROVIDER_CASEWORKER, provider=data.provider),
    }[who]
    complaints_before = await Complaint.all().values_list("id", "outcome", "root_cause")

    body = await call(client, await token_for(app, user), REVIEW, period(data))

    assert body["data"] is None
    assert error_codes(body) == ["FORBIDDEN"]
    assert await Complaint.all().values_list("id", "outcome", "root_cause") == complaints_before


async def test_the_review_needs_a_sign_in_and_a_sound_period(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)
    backwards = {**period(data), "from": f"{YEAR}-06-01", "until": f"{YEAR}-01-01"}

    anonymous = await client.post("/graphql", json={"query": REVIEW, "variables": period(data)})
    wrong = await call(client, await token_for(app, data.manager), REVIEW, backwards)

    assert error_codes(anonymous.json()) == ["UNAUTHENTICATED"]
    assert error_codes(wrong) == ["INVALID_PERIOD"]


async def test_the_review_downloads_as_json_and_csv_with_a_bearer_token(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)
    token = await token_for(app, data.manager)
    query = f"organisation={data.organisation.slug}&from={YEAR}-01-01&until={YEAR + 1}-01-01"
    auth = {"Authorization": f"Bearer {token}"}

    as_json = await client.get(f"/reports/management-review.json?{query}", headers=auth)
    as_csv = await client.get(f"/reports/management-review.csv?{query}", headers=auth)

    assert as_json.status_code == 200
    assert as_json.headers["content-type"] == "application/json"
    assert as_json.headers["cache-control"] == "private, no-store"
    assert as_json.headers["content-disposition"] == (
        f'attachment; filename="management-review-{YEAR}-01-01-{YEAR + 1}-01-01.json"'
    )
    document = as_json.json()
    assert document["durations"]["resolve"] == {
        "count": 3,
        "median_days": 30.0,
        "p90_days": 90.0,
        "average_days": 43.33,
    }
    assert document["counts"]["ended"] == {"outcome_rejected": 1, "resolved": 2, "withdrawn": 1}
    assert document["systemic_issues"] == {"billing_error": 3}
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    lines = dict(csv.reader(io.StringIO(as_csv.text)))
    assert lines["indicator"] == "value"
    assert lines["durations.resolve.median_days"] == "30.0"
    assert lines["clocks.by_responsible.organisation.missed"] == "2"
    assert lines["root_causes.unclassified"] == "1"


@pytest.mark.parametrize(
    ("who", "path", "status", "code"),
    [
        (None, "management-review.json", 401, "UNAUTHENTICATED"),
        ("bad", "management-review.json", 401, "UNAUTHENTICATED"),
        ("agent", "management-review.csv", 403, "FORBIDDEN"),
        ("manager", "management-review.xml", 404, "NOT_FOUND"),
    ],
)
async def test_the_review_download_is_refused_without_a_token_a_role_or_a_format(
    client: httpx.AsyncClient,
    app: Starlette,
    factory: Factory,
    who: str | None,
    path: str,
    status: int,
    code: str,
) -> None:
    data = await seeded(factory)
    headers = {}
    if who == "bad":
        headers = {"Authorization": "Bearer not-a-token"}
    elif who is not None:
        user = data.agent if who == "agent" else data.manager
        headers = {"Authorization": f"Bearer {await token_for(app, user)}"}
    query = f"organisation={data.organisation.id}&from={YEAR}-01-01&until={YEAR + 1}-01-01"

    response = await client.get(f"/reports/{path}?{query}", headers=headers)

    assert response.status_code == status
    assert error_codes(response.json()) == [code]


# --- transparency -------------------------------------------------------------------------------


async def test_anyone_reads_a_providers_transparency_report_without_signing_in(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    data = await seeded(factory)
    variables = {"provider": data.provider.slug, "year": YEAR, "order": "CLAIMED_AMOUNT"}

    response = await client.post("/graphql", json={"query": TRANSPARENCY, "variables": variables})

    report = response.json()["data"]["transparencyReport"]
    assert (report["providerName"], report["disputesReceived"], report["casesTotal"]) == (
        data.provider.name,
        5,
        4,
    )
    assert report["refusalsByGround"] == [{"key": "out_of_scope", "count": 1}]
    assert report["refusalShare"] == 0.2
    assert report["discontinuedByReason"] == [{"key": "discontinued", "count": 1}]
    assert report["duration"] == {"count": 3, "averageDays": 23.33, "medianDays": 30.0}
    assert report["compliance"] == {"rate": 0.5}
    assert [c["claimedAmount"] for c in report["cases"]] == ["50.00", "120.00", "300.00", None]
    assert report["cases"][1] == {
        "organisation": data.organisation.name,
        "method": "MEDIATION",
        "result": "resolved",
        "declineGround": None,
        "outcomeKind": "recommendation",
        "claimedAmount": "120.00",
        "outcomeAmount": "100.00",
        "currency": "EUR",
        "filedOn": f"{YEAR}-03-20",
        "endedOn": f"{YEAR}-04-19",
        "durationDays": 30.0,
    }


async def _personal_strings(data: Dataset) -> list[str]:
    people = await User.all().values_list("email", "display_name")
    cases = await DisputeCase.all().values_list("reference", "closure_note", "subject")
    complaints = await Complaint.all().values_list("reference", "description")
    return [s for row in (*people, *cases, *complaints) for s in row if s]


async def test_the_transparency_downloads_hold_no_personal_data(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    data = await seeded(factory)
    base = f"/reports/transparency/{data.provider.slug}"

    as_json = await client.get(f"{base}.json?year={YEAR}&order=duration&descending=true")
    as_csv = await client.get(f"{base}.csv?year={YEAR}&quarter=2")
    graphql = await client.post(
        "/graphql",
        json={"query": TRANSPARENCY, "variables": {"provider": data.provider.slug, "year": YEAR}},
    )

    assert as_json.status_code == as_csv.status_code == 200
    assert as_json.headers["cache-control"] == "public, max-age=300"
    document = as_json.json()
    assert [c["duration_days"] for c in document["cases"]] == [30.0, 30.0, 10.0, 8.0]
    assert document["refusals_by_ground"] == {"out_of_scope": 1}
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    # The second quarter: K2 and K1 ended in April.
    assert [(r["result"], r["ended_on"]) for r in rows] == [
        ("outcome_rejected", f"{YEAR}-04-11"),
        ("resolved", f"{YEAR}-04-19"),
    ]
    for text in (as_json.text, as_csv.text, graphql.text):
        for personal in await _personal_strings(data):
            assert personal not in text


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("nobody.json?year=2026", 404, "NOT_FOUND"),
        ("{slug}.json?year=twenty", 400, "INVALID_PERIOD"),
        ("{slug}.json?year=2026&quarter=5", 400, "INVALID_PERIOD"),
        ("{slug}.csv?year=2026&order=reference", 400, "INVALID_INPUT"),
        ("{slug}.pdf?year=2026", 404, "NOT_FOUND"),
        # Issue 13, found by the fuzz run: slugs no provider can have were internal errors.
        ("s" * 65 + ".json?year=2026", 404, "NOT_FOUND"),
        # A NUL anywhere in an address is refused before any route (issue 13 F8).
        ("%00.json?year=2026", 400, "INVALID_CHARACTER"),
    ],
)
async def test_a_bad_transparency_download_gets_a_coded_error(
    client: httpx.AsyncClient, factory: Factory, path: str, status: int, code: str
) -> None:
    data = await seeded(factory)

    response = await client.get(f"/reports/transparency/{path.format(slug=data.provider.slug)}")

    assert response.status_code == status
    assert error_codes(response.json()) == [code]


@pytest.mark.parametrize(
    ("slug", "status", "code"),
    [("s" * 65, 200, "NOT_FOUND"), ("a\x00b", 400, "INVALID_CHARACTER")],
    ids=["over-the-column", "nul"],
)
async def test_a_transparency_report_of_a_slug_no_provider_can_have_is_not_found(
    client: httpx.AsyncClient, factory: Factory, slug: str, status: int, code: str
) -> None:
    # Over the column: not found; a NUL: refused by the request layer before any resolver.
    await seeded(factory)
    variables = {"provider": slug, "year": YEAR}

    response = await client.post("/graphql", json={"query": TRANSPARENCY, "variables": variables})

    assert response.status_code == status
    assert error_codes(response.json()) == [code]


# --- fairness -----------------------------------------------------------------------------------


async def _caucus_note(case: DisputeCase, text: str) -> None:
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        await record(
            row,
            EventKind.OFFER_MADE,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.COMPLAINANT.value,
            payload={"note": text},
            visibility=Visibility.CAUCUS_COMPLAINANT,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])


async def test_the_fairness_report_sets_the_sides_next_to_each_other_without_caucus_content(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(
        w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True, disclosures="Met once."
    )
    await w.act(w.agent, case, Action.OBJECT_TO_NEUTRAL, reasons="Too close to them.")
    await _caucus_note(case, "secret caucus offer")

    seen = {
        who: await call(client, await token_for(app, user), FAIRNESS, {"id": case_id(case)})
        for who, user in (("complainant", w.complainant), ("auditor", w.auditor))
    }

    assert bare(seen["complainant"]) == bare(seen["auditor"])
    report = seen["auditor"]["data"]["fairnessReport"]
    complainant, organisation = report["sides"]
    assert complainant["side"] == "COMPLAINANT"
    assert [s["kind"] for s in complainant["submissions"]] == ["case_referred", "consent_given"]
    assert [s["kind"] for s in organisation["submissions"]] == [
        "response_submitted",
        "neutral_objected",
    ]
    # The schema's enums beside the deprecated stored strings, naming the same thing.
    assert [s["eventKind"] for s in complainant["submissions"]] == [
        "CASE_REFERRED",
        "CONSENT_GIVEN",
    ]
    assert [s["eventKind"] for s in organisation["submissions"]] == [
        "RESPONSE_SUBMITTED",
        "NEUTRAL_OBJECTED",
    ]
    submissions = complainant["submissions"] + organisation["submissions"]
    assert [s["caseRole"] for s in submissions] == [s["actorRole"].upper() for s in submissions]
    assert organisation["windows"] == [
        {"kind": "RESPONSE", "responsible": "ORGANISATION", "status": "MET"},
        {"kind": "OBJECTION", "responsible": "PARTIES", "status": "MET"},
    ]
    # Equal windows (DOMAIN.md): the organisation's to respond, the complainant's to reply.
    assert complainant["windows"] == [
        {"kind": "CONSENT", "responsible": "COMPLAINANT", "status": "MET"},
        {"kind": "REPLY", "responsible": "COMPLAINANT", "status": "RUNNING"},
        {"kind": "OBJECTION", "responsible": "PARTIES", "status": "MET"},
    ]
    assert report["appointments"] == [
        {
            "status": "OBJECTED",
            "declaration": {"impartial": True, "disclosures": "Met once."},
            "objections": [{"side": "ORGANISATION", "reasons": "Too close to them."}],
        }
    ]
    assert report["objections"] == [
        {"side": "ORGANISATION", "reasons": "Too close to them.", "upheld": None}
    ]
    assert report["consents"] == [
        {"method": "MEDIATION", "understandsLegalEffect": True, "consentsToBeBound": False}
    ]
    assert "secret caucus offer" not in orjson.dumps(seen).decode()


async def test_a_stranger_gets_no_fairness_report(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    stranger = await Factory(factory.settings, passwords=False).user()

    body = await call(client, await token_for(app, stranger), FAIRNESS, {"id": case_id(case)})

    assert error_codes(body) == ["NOT_FOUND"]


# --- statements ---------------------------------------------------------------------------------


async def _counted(client: httpx.AsyncClient, token: str | None, query: str, v: Any) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # Each request as a page view's first: its access-log INSERT is counted (a second read
    # in the same minute sends none, tests/test_record_access_log.py).
    forget_recorded_views()
    with statements() as sql:
        response = await client.post(
            "/graphql", json={"query": query, "variables": v}, headers=headers
        )
    assert "errors" not in response.json(), response.text
    return len(sql)


async def test_reports_cost_the_same_statements_whatever_the_number_of_cases(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)
    token = await token_for(app, data.manager)
    public = {"provider": data.provider.slug, "year": YEAR}
    await _counted(client, token, REVIEW, period(data))  # warm-up: the first request loads keys

    before = (
        await _counted(client, token, REVIEW, period(data)),
        await _counted(client, None, TRANSPARENCY, public),
    )
    await more_closed_cases(data, 30)
    after = (
        await _counted(client, token, REVIEW, period(data)),
        await _counted(client, None, TRANSPARENCY, public),
    )

    # Review: authentication, the organisation, five indicator statements, root causes, its
    # commitments (none here: tests/test_commitments.py counts those), its case groups (issue
    # 20). Transparency: the provider, five indicator statements, the tallies, the disclosure.
    # Each: the access log's one INSERT (issue 19, 3).
    assert before == after == (11, 9)


async def test_a_page_larger_than_the_limit_is_refused(client: httpx.AsyncClient) -> None:
    variables = {"provider": "any", "year": YEAR, "first": 501}

    response = await client.post("/graphql", json={"query": TRANSPARENCY, "variables": variables})

    assert error_codes(response.json()) == ["INVALID_INPUT"]


async def test_a_name_a_spreadsheet_would_run_as_a_formula_is_quoted_in_the_csv(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    data = await seeded(factory)
    data.organisation.name = '=HYPERLINK("http://evil.example")'
    await data.organisation.save()

    response = await client.get(f"/reports/transparency/{data.provider.slug}.csv?year={YEAR}")

    names = [r["organisation"] for r in csv.DictReader(io.StringIO(response.text))]
    assert '\'=HYPERLINK("http://evil.example")' in names
    assert '=HYPERLINK("http://evil.example")' not in names


async def test_the_fairness_report_costs_the_same_statements_however_long_the_case(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    token = await token_for(app, w.auditor)
    await _counted(client, token, FAIRNESS, {"id": case_id(case)})  # warm-up

    short = await _counted(client, token, FAIRNESS, {"id": case_id(case)})
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    await w.act(w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Biased.")
    for n in range(10):
        await _caucus_note(case, f"note {n}")
    long = await _counted(client, token, FAIRNESS, {"id": case_id(case)})

    # Authentication, the case, its appointments, the viewer's participations, the events,
    # clocks, objections, consents, and the appointments' objections (their own field).
    assert short == long == 9
