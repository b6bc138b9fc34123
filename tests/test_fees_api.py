"""Issue 20, deliverable 2, over GraphQL and HTTP: who reads a case's fees and its waivers,
the waiver asked for and granted through the API, payments recorded by staff, the invoice PDF
behind its signed link, and the card simulator's signed callback: verified like provider
callbacks, applied exactly once (replays and concurrent duplicates are no-ops), refused
without changing anything when tampered with."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.app import create_app
from portal.cases.models import DisputeCase
from portal.cases.states import Stage
from portal.fees.models import FeeCheckout, FeeInvoice, FeePayment
from portal.fees.states import FeePayer, InvoiceStatus
from portal.ids import global_id
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from providers.payments.contract import PaymentEvent, PaymentOutcome
from providers.payments.simulator import callback
from providers.standard_webhooks import new_secret
from tests.factories import Factory, World, gql, quick_world
from tests.fees_support import invoices, with_fees
from tests.test_api_support import token_for

SECRET = new_secret()

FEES = """
query Fees($caseId: ID!) {
  caseFees(caseId: $caseId) {
    invoices {
      id number payer status holdsAt amount { amount currency }
      waivers { id status reasons decisionReasons }
      payments { adapter reference amount { amount } }
      viewerMayRequestWaiver viewerMayPay viewerIsFeeStaff
      downloadLink { url }
    }
  }
}
"""
REQUEST = """
mutation R($input: RequestFeeWaiverInput!) {
  requestFeeWaiver(input: $input) { waiver { id status } userErrors { field code message } }
}
"""
DECIDE = """
mutation D($input: DecideFeeWaiverInput!) {
  decideFeeWaiver(input: $input) { waiver { id status decisionReasons } userErrors { code } }
}
"""
RECORD = """
mutation P($input: RecordFeePaymentInput!) {
  recordFeePayment(input: $input) { invoice { status } payment { adapter } userErrors { code } }
}
"""
START = """
mutation S($input: StartFeePaymentInput!) {
  startFeePayment(input: $input) { checkout { url reference } userErrors { code } }
}
"""
SCHEDULE = """
mutation F($input: SetSchemeFeeScheduleInput!) {
  setSchemeFeeSchedule(input: $input) {
    schedule { currency holdsAt bands { payer fee { amount } claimsBelow { amount } } }
    userErrors { field code }
  }
}
"""


@pytest.fixture(scope="module")
def card_app(settings: Settings) -> Starlette:
    configured = dataclasses.replace(
        settings, payment_card_adapter="simulator", payment_callback_secret=SECRET
    )
    return create_app(configured, manage_orm=False)


@pytest.fixture
async def api(card_app: Starlette, db: str) -> AsyncIterator[httpx.AsyncClient]:
    card_app.state.rate_limits.clear()
    transport = httpx.ASGITransport(app=card_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def _data(
    api: httpx.AsyncClient, query: str, variables: dict[str, Any], token: str
) -> dict[str, Any]:
    response = await gql(api, query, variables, token=token)
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


async def _case(factory: Factory, hold: Stage | None = Stage.ACCEPTED) -> tuple[World, DisputeCase]:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=hold)
    return w, await w.new_case(claimed_amount="2000.00")


async def test_the_parties_read_the_fees_and_only_the_payers_side_reads_its_waiver(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    w, case = await _case(factory)
    gid = global_id("DisputeCase", case.id)
    tokens = {
        u: await token_for(card_app, getattr(w, u))
        for u in ("complainant", "agent", "caseworker", "neutral")
    }
    mine = (await invoices(case))[FeePayer.COMPLAINANT]
    asked = await _data(
        api,
        REQUEST,
        {"input": {"invoiceId": global_id("FeeInvoice", mine.id), "reasons": "On benefits."}},
        tokens["complainant"],
    )
    assert asked["requestFeeWaiver"]["userErrors"] == []

    seen = {
        who: (await _data(api, FEES, {"caseId": gid}, token))["caseFees"]
        for who, token in tokens.items()
    }

    assert seen["neutral"] is None  # the fees are the parties' and the provider's
    consumer = {i["payer"]: i for i in seen["complainant"]["invoices"]}
    assert consumer["COMPLAINANT"]["amount"] == {"amount": "25.00", "currency": "EUR"}
    assert consumer["COMPLAINANT"]["holdsAt"] == "ACCEPTED"
    assert [x["reasons"] for x in consumer["COMPLAINANT"]["waivers"]] == ["On benefits."]
    assert consumer["COMPLAINANT"]["viewerMayRequestWaiver"] is False  # one awaits a decision
    assert consumer["COMPLAINANT"]["viewerMayPay"] is True
    assert consumer["ORGANISATION"]["viewerMayPay"] is False
    business = {i["payer"]: i for i in seen["agent"]["invoices"]}
    assert business["COMPLAINANT"]["waivers"] == []  # the consumer's means are not theirs
    assert business["ORGANISATION"]["viewerMayRequestWaiver"] is True
    staff = {i["payer"]: i for i in seen["caseworker"]["invoices"]}
    assert staff["COMPLAINANT"]["viewerIsFeeStaff"] is True
    assert len(staff["COMPLAINANT"]["waivers"]) == 1
    outsider = await quick_world(factory)
    foreign = await _data(
        api, FEES, {"caseId": gid}, await token_for(card_app, outsider.complainant)
    )
    assert foreign["caseFees"] is None


async def test_a_waiver_asked_for_and_granted_over_graphql_lets_the_case_move_on(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    w, case = await _case(factory, hold=Stage.REFERRED)
    got = await invoices(case)
    consumer, caseworker = (
        await token_for(card_app, w.complainant),
        await token_for(card_app, w.caseworker),
    )

    blank = await _data(
        api,
        REQUEST,
        {
            "input": {
                "invoiceId": global_id("FeeInvoice", got[FeePayer.COMPLAINANT].id),
                "reasons": " ",
            }
        },
        consumer,
    )
    assert [e["code"] for e in blank["requestFeeWaiver"]["userErrors"]] == ["REASONS_REQUIRED"]
    asked = await _data(
        api,
        REQUEST,
        {
            "input": {
                "invoiceId": global_id("FeeInvoice", got[FeePayer.COMPLAINANT].id),
                "reasons": "I lost my job.",
            }
        },
        consumer,
    )
    waiver = asked["requestFeeWaiver"]["waiver"]
    granted = await _data(
        api,
        DECIDE,
        {"input": {"waiverId": waiver["id"], "grant": True, "reasons": "Letter seen."}},
        caseworker,
    )
    paid = await _data(
        api,
        RECORD,
        {
            "input": {
                "invoiceId": global_id("FeeInvoice", got[FeePayer.ORGANISATION].id),
                "reference": "SEPA 7",
            }
        },
        caseworker,
    )

    assert granted["decideFeeWaiver"]["waiver"]["status"] == "GRANTED"
    assert paid["recordFeePayment"] == {
        "invoice": {"status": "PAID"},
        "payment": {"adapter": "staff"},
        "userErrors": [],
    }
    again = await _data(
        api,
        RECORD,
        {
            "input": {
                "invoiceId": global_id("FeeInvoice", got[FeePayer.ORGANISATION].id),
                "reference": "x",
            }
        },
        caseworker,
    )
    assert [e["code"] for e in again["recordFeePayment"]["userErrors"]] == ["INVOICE_SETTLED"]
    accepted = await _data(
        api,
        "mutation A($input: AcceptCaseInput!) "
        "{ acceptCase(input: $input) { case { stage } userErrors { code } } }",
        {"input": {"caseId": global_id("DisputeCase", case.id)}},
        caseworker,
    )
    assert accepted["acceptCase"] == {"case": {"stage": "ACCEPTED"}, "userErrors": []}


async def test_the_invoice_pdf_downloads_through_its_link_for_its_readers_only(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    w, case = await _case(factory)
    token = await token_for(card_app, w.complainant)
    fees = await _data(api, FEES, {"caseId": global_id("DisputeCase", case.id)}, token)
    url = fees["caseFees"]["invoices"][0]["downloadLink"]["url"]
    path = url.split("://", 1)[1].split("/", 1)[1]

    own = await api.get(f"/{path}", headers={"Authorization": f"Bearer {token}"})
    outsider = await quick_world(factory)
    other = await api.get(
        f"/{path}",
        headers={"Authorization": f"Bearer {await token_for(card_app, outsider.complainant)}"},
    )

    assert own.status_code == 200
    assert own.headers["content-type"] == "application/pdf"
    assert own.content.startswith(b"%PDF-")
    assert "attachment" in own.headers["content-disposition"]
    assert own.headers["x-content-type-options"] == "nosniff"
    assert other.status_code == 404


async def test_only_admins_set_a_fee_schedule_and_bad_bands_are_refused(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    from portal.accounts.models import Role

    w = await quick_world(factory)
    admin = await Factory(factory.settings, passwords=False).user(Role.ADMIN)
    scheme = global_id("Scheme", w.scheme.id)
    bands = [
        {"payer": "COMPLAINANT", "claimsFrom": "0", "fee": "0"},
        {"payer": "ORGANISATION", "claimsFrom": "0", "claimsBelow": "1000", "fee": "150.00"},
    ]

    def given(**changes: Any) -> dict[str, Any]:
        return {
            "input": {
                "schemeId": scheme,
                "currency": "EUR",
                "holdsAt": "ACCEPTED",
                "bands": bands,
                **changes,
            }
        }

    by_caseworker = await _data(api, SCHEDULE, given(), await token_for(card_app, w.caseworker))
    admin_token = await token_for(card_app, admin)
    overlapping = await _data(
        api,
        SCHEDULE,
        given(bands=[*bands, {"payer": "ORGANISATION", "claimsFrom": "500", "fee": "1"}]),
        admin_token,
    )
    wrong_stage = await _data(api, SCHEDULE, given(holdsAt="IN_RESOLUTION"), admin_token)
    done = await _data(api, SCHEDULE, given(), admin_token)

    assert by_caseworker["setSchemeFeeSchedule"]["userErrors"] == [
        {"field": None, "code": "FORBIDDEN"}
    ]
    assert [e["code"] for e in overlapping["setSchemeFeeSchedule"]["userErrors"]] == [
        "INVALID_FEE_BAND"
    ]
    # The field named is the input's (`holdsAt`), so a form can put the error on it.
    assert [(e["code"], e["field"]) for e in wrong_stage["setSchemeFeeSchedule"]["userErrors"]] == [
        ("INVALID_CHOICE", ["input", "holdsAt"])
    ]
    assert done["setSchemeFeeSchedule"]["schedule"] == {
        "currency": "EUR",
        "holdsAt": "ACCEPTED",
        "bands": [
            {"payer": "COMPLAINANT", "fee": {"amount": "0.00"}, "claimsBelow": None},
            {
                "payer": "ORGANISATION",
                "fee": {"amount": "150.00"},
                "claimsBelow": {"amount": "1000.00"},
            },
        ],
    }
    published = await gql(
        api,
        "query Q($id: ID!) { schemeFeeSchedule(schemeId: $id) { holdsAt } }",
        {"id": scheme},
    )
    assert published.json()["data"] == {"schemeFeeSchedule": {"holdsAt": "ACCEPTED"}}


# --- the card simulator's callbacks -----------------------------------------------------------


async def _checkout(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> tuple[DisputeCase, FeeInvoice, str]:
    _, case, invoice, reference = await _world_checkout(factory, api, card_app)
    return case, invoice, reference


async def _world_checkout(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> tuple[World, DisputeCase, FeeInvoice, str]:
    w, case = await _case(factory)
    invoice = (await invoices(case))[FeePayer.COMPLAINANT]
    started = await _data(
        api,
        START,
        {"input": {"invoiceId": global_id("FeeInvoice", invoice.id)}},
        await token_for(card_app, w.complainant),
    )
    checkout = started["startFeePayment"]["checkout"]
    assert checkout["url"].endswith(f"?reference={checkout['reference']}")
    return w, case, invoice, checkout["reference"]


def _paid(invoice: FeeInvoice, reference: str, **changes: Any) -> PaymentEvent:
    values: dict[str, Any] = {
        "id": "evt_1",
        "invoice_id": global_id("FeeInvoice", invoice.id),
        "reference": reference,
        "outcome": PaymentOutcome.SUCCEEDED,
        "amount_minor": invoice.amount_minor,
        "currency": invoice.currency,
    }
    return PaymentEvent(**(values | changes))


async def _post(api: httpx.AsyncClient, headers: dict[str, str], body: bytes) -> httpx.Response:
    return await api.post("/payments/simulator/callbacks", content=body, headers=headers)


async def _state(case: DisputeCase) -> tuple[Any, ...]:
    return (
        await FeePayment.all().count(),
        tuple(
            await FeeInvoice.filter(case_id=case.id)
            .order_by("payer")
            .values_list("status", flat=True)
        ),
        await TimelineEvent.filter(case_id=case.id).count(),
    )


async def test_a_signed_callback_pays_the_invoice_once_and_a_replay_changes_nothing(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    case, invoice, reference = await _checkout(factory, api, card_app)
    headers, body = callback(SECRET, "evt_1", _paid(invoice, reference))

    first = await _post(api, headers, body)
    after_first = await _state(case)
    replay = await _post(api, headers, body)

    assert first.status_code == 200, first.text
    assert first.json()["received"] == [
        {"id": "evt_1", "outcome": "succeeded", "invoice": invoice.number, "applied": True}
    ]
    assert replay.status_code == 200
    assert replay.json()["received"][0]["applied"] is False
    assert await _state(case) == after_first
    assert (await FeeInvoice.get(id=invoice.id)).status is InvoiceStatus.PAID
    payment = await FeePayment.get(invoice_id=invoice.id)
    assert (payment.adapter, payment.message_id, payment.reference) == (
        "simulator",
        "evt_1",
        reference,
    )
    assert await TimelineEvent.filter(case_id=case.id, kind="fee_payment_recorded").count() == 1


async def test_the_same_callback_delivered_twice_at_once_is_applied_once(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    case, invoice, reference = await _checkout(factory, api, card_app)
    headers, body = callback(SECRET, "evt_twice", _paid(invoice, reference, id="evt_twice"))

    answers = await asyncio.gather(*(_post(api, headers, body) for _ in range(4)))

    assert [a.status_code for a in answers] == [200] * 4
    assert sorted(a.json()["received"][0]["applied"] for a in answers) == [
        False,
        False,
        False,
        True,
    ]
    assert await FeePayment.filter(invoice_id=invoice.id).count() == 1
    assert await TimelineEvent.filter(case_id=case.id, kind="fee_payment_recorded").count() == 1


@pytest.mark.parametrize(
    ("tamper", "status", "code"),
    [
        ("signature", 401, "BAD_SIGNATURE"),
        ("secret", 401, "BAD_SIGNATURE"),
        ("stale", 401, "STALE_TIMESTAMP"),
        ("headers", 400, "MISSING_HEADERS"),
        ("reference", 404, "UNKNOWN_INVOICE"),
        ("amount", 422, "AMOUNT_MISMATCH"),
        ("type", 400, "UNKNOWN_EVENT_TYPE"),
        ("body", 400, "MALFORMED"),
    ],
)
async def test_a_refused_callback_changes_nothing(
    factory: Factory,
    api: httpx.AsyncClient,
    card_app: Starlette,
    tamper: str,
    status: int,
    code: str,
) -> None:
    case, invoice, reference = await _checkout(factory, api, card_app)
    before = await _state(case)
    event = _paid(invoice, reference)
    if tamper == "reference":
        event = _paid(invoice, "sim_not_started")
    elif tamper == "amount":
        event = _paid(invoice, reference, amount_minor=1)
    secret = new_secret() if tamper == "secret" else SECRET
    stamp = int(time.time()) - 3600 if tamper == "stale" else None
    headers, body = callback(secret, "evt_1", event, timestamp=stamp)
    if tamper == "signature":
        headers["webhook-signature"] = "v1,AAAA"
    elif tamper == "headers":
        headers.pop("webhook-signature")
    elif tamper == "type":
        body = body.replace(b"payment.succeeded", b"payment.refunded")
        headers, body = _resigned(headers, body)
    elif tamper == "body":
        headers, body = _resigned(headers, b"[1, 2]")

    answer = await _post(api, headers, body)

    assert answer.status_code == status, answer.text
    assert answer.json()["errors"][0]["extensions"]["code"] == code
    assert await _state(case) == before


def _resigned(headers: dict[str, str], body: bytes) -> tuple[dict[str, str], bytes]:
    from providers import standard_webhooks

    stamp = int(headers["webhook-timestamp"])
    return standard_webhooks.signed_headers(SECRET, headers["webhook-id"], stamp, body, "t"), body


async def test_a_failed_card_payment_leaves_the_invoice_due(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    case, invoice, reference = await _checkout(factory, api, card_app)
    before = await _state(case)
    headers, body = callback(
        SECRET, "evt_f", _paid(invoice, reference, id="evt_f", outcome=PaymentOutcome.FAILED)
    )

    answer = await _post(api, headers, body)

    assert answer.json()["received"][0] == {
        "id": "evt_f",
        "outcome": "failed",
        "invoice": invoice.number,
        "applied": False,
    }
    assert await _state(case) == before
    assert await FeeCheckout.filter(invoice_id=invoice.id).count() == 1


async def test_without_card_payments_set_up_callbacks_and_checkouts_are_refused(
    factory: Factory, client: httpx.AsyncClient, app: Starlette
) -> None:
    w, case = await _case(factory)
    invoice = (await invoices(case))[FeePayer.COMPLAINANT]
    started = await _data(
        client,
        START,
        {"input": {"invoiceId": global_id("FeeInvoice", invoice.id)}},
        await token_for(app, w.complainant),
    )
    headers, body = callback(SECRET, "evt_1", _paid(invoice, "sim_x"))
    answer = await client.post("/payments/simulator/callbacks", content=body, headers=headers)

    assert [e["code"] for e in started["startFeePayment"]["userErrors"]] == [
        "PAYMENT_BY_STAFF_ONLY"
    ]
    assert answer.status_code == 404
    assert answer.json()["errors"][0]["extensions"]["code"] == "NO_CALLBACKS"
    assert await FeeCheckout.all().count() == 0


# --- overpayments -------------------------------------------------------------------------------

PAYMENTS = """
query Fees($caseId: ID!) {
  caseFees(caseId: $caseId) {
    invoices { payer status payments { adapter amount { amount } overpaid { amount currency } } }
  }
}
"""


async def _payments(
    api: httpx.AsyncClient, card_app: Starlette, case: DisputeCase, user: Any
) -> list[dict[str, Any]]:
    data = await _data(
        api,
        PAYMENTS,
        {"caseId": global_id("DisputeCase", case.id)},
        await token_for(card_app, user),
    )
    return [i for i in data["caseFees"]["invoices"] if i["payer"] == "COMPLAINANT"]


async def _kinds(case: DisputeCase) -> list[str]:
    kinds = ["fee_payment_recorded", "fee_overpayment_flagged"]
    rows = TimelineEvent.filter(case_id=case.id, kind__in=kinds).order_by("sequence")
    return list(await rows.values_list("kind", flat=True))


async def test_a_card_payment_for_an_invoice_paid_already_is_flagged_and_applied_once(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    """The payer's side opened a card checkout, then paid by bank transfer, which the
    provider's staff recorded; the card payment then goes through as well. It is recorded,
    flagged as overpaid in full (on the provider's timeline, and in the fees both the payer
    and the provider read), and settles nothing a second time; a second message about the
    same checkout changes nothing."""
    w, case, invoice, reference = await _world_checkout(factory, api, card_app)
    recorded = await _data(
        api,
        RECORD,
        {"input": {"invoiceId": global_id("FeeInvoice", invoice.id), "reference": "BANK-1"}},
        await token_for(card_app, w.caseworker),
    )
    assert recorded["recordFeePayment"]["invoice"] == {"status": "PAID"}
    settled_at = (await FeeInvoice.get(id=invoice.id)).settled_at

    headers, body = callback(SECRET, "evt_late", _paid(invoice, reference, id="evt_late"))
    late = await _post(api, headers, body)
    after_late = await _state(case)
    headers, body = callback(SECRET, "evt_again", _paid(invoice, reference, id="evt_again"))
    again = await _post(api, headers, body)

    assert late.json()["received"][0]["applied"] is True
    assert again.json()["received"][0]["applied"] is False
    assert await _state(case) == after_late
    row = await FeeInvoice.get(id=invoice.id)
    assert (row.status, row.settled_at) == (InvoiceStatus.PAID, settled_at)
    card = await FeePayment.get(invoice_id=invoice.id, adapter="simulator")
    assert card.overpaid_minor == invoice.amount_minor
    flagged = await TimelineEvent.get(case_id=case.id, kind="fee_overpayment_flagged")
    assert flagged.visibility == "provider_internal"
    assert (flagged.payload["payment_id"], flagged.payload["amount"]) == (str(card.id), "25.00")
    assert await _kinds(case) == [
        "fee_payment_recorded",
        "fee_payment_recorded",
        "fee_overpayment_flagged",
    ]
    for reader in (w.complainant, w.caseworker):
        (fees,) = await _payments(api, card_app, case, reader)
        assert fees["status"] == "PAID"
        assert fees["payments"] == [
            {"adapter": "staff", "amount": {"amount": "25.00"}, "overpaid": None},
            {
                "adapter": "simulator",
                "amount": {"amount": "25.00"},
                "overpaid": {"amount": "25.00", "currency": "EUR"},
            },
        ]


async def test_a_payment_of_more_than_due_pays_the_invoice_and_flags_the_excess(
    factory: Factory, api: httpx.AsyncClient, card_app: Starlette
) -> None:
    w, case, invoice, reference = await _world_checkout(factory, api, card_app)
    more = invoice.amount_minor + 500
    headers, body = callback(
        SECRET, "evt_more", _paid(invoice, reference, id="evt_more", amount_minor=more)
    )

    answer = await _post(api, headers, body)

    assert answer.json()["received"][0]["applied"] is True
    assert (await FeeInvoice.get(id=invoice.id)).status is InvoiceStatus.PAID
    assert (await FeePayment.get(invoice_id=invoice.id)).overpaid_minor == 500
    (fees,) = await _payments(api, card_app, case, w.complainant)
    assert fees["payments"] == [
        {
            "adapter": "simulator",
            "amount": {"amount": "30.00"},
            "overpaid": {"amount": "5.00", "currency": "EUR"},
        }
    ]
    assert await _kinds(case) == ["fee_payment_recorded", "fee_overpayment_flagged"]
