"""The access matrix's rows for fees and waivers (issue 20, deliverable 2), read into
tests/access_matrix_table.py's ROWS.

A case's fees are read by its parties, its provider, auditors and admins, never its neutral;
a waiver is asked for by the side that owes the invoice (in person), and decided, like a
payment made outside the portal, by the provider's caseworkers (in person); a waiver's
reasons are not the other side's to read. Fee schedules are set by admins, and published.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from portal.api.node import decode_id
from portal.casefiles.links import LinkKind, issue_link, link_path
from portal.cases.states import Stage
from portal.fees.services import request_waiver
from tests.access_matrix_rules import NO_OBJECT, P, Rule, everyone
from tests.access_matrix_table import (
    ADMIN_ONLY,
    NULL,
    UE,
    Http,
    Row,
    Target,
    _bearer,
    _get,
    const,
    inputs,
    key,
    mutation,
    single,
)
from tests.access_matrix_world import Me, Side, gid
from tests.factories import actor_for
from tests.fees_support import MATRIX_BANDS, complainant_invoice

PAYERS = frozenset({P.COMPLAINANT, P.REPRESENTATIVE})
FEE_READERS = frozenset(
    {
        *PAYERS,
        P.ORG_AGENT,
        P.ORG_MANAGER,
        P.ORG_CLIENT,
        P.CASEWORKER,
        P.PROVIDER_CLIENT,
        P.AUDITOR,
        P.ADMIN,
    }
)
# Who may read a waiver of the consumer's invoice: not the organisation's side.
WAIVER_READERS = FEE_READERS - {P.ORG_AGENT, P.ORG_MANAGER, P.ORG_CLIENT}
STAFF = frozenset({P.CASEWORKER})


async def _fresh_invoice(side: Side | None, me: Me) -> Target:
    """A case just referred: its consumer's invoice is due, with no waiver asked for."""
    if side is None:  # the missing object: its well-formed id names nothing
        return {}
    case = await side.case_at(Stage.REFERRED)
    invoice = await complainant_invoice(case)
    return {"fee_invoice": gid("FeeInvoice", invoice.id)}


async def _fresh_waiver(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    case = await side.case_at(Stage.REFERRED)
    invoice = await complainant_invoice(case)
    waiver = await request_waiver(
        await actor_for(side.w.complainant),
        invoice.id,
        reasons="Hardship.",
        evidence_id=None,
        at=invoice.issued_at,
    )
    return {"fee_waiver": gid("FeeWaiver", waiver.id)}


def _bands() -> list[dict[str, object]]:
    return [
        {
            "payer": b.payer.name,
            "claimsFrom": str(b.from_minor / 100),
            "fee": str(b.amount_minor / 100),
        }
        for b in MATRIX_BANDS
    ]


def _invoice_link(t: Target, me: Me) -> str:
    pk = decode_id(t["fee_invoice"], "FeeInvoice")
    assert pk is not None
    assert me.actor is not None
    link = issue_link(me.side.auth.issuer, me.actor, LinkKind.FEE_INVOICE, pk, 60)
    return link_path(LinkKind.FEE_INVOICE, link.token)


def _post(path: Callable[[Target, Me], str]) -> Http:
    async def call(client: httpx.AsyncClient, t: Target, me: Me) -> httpx.Response:
        return await client.post(path(t, me), content=b"{}", headers=_bearer(me))

    return call


FEE_ROWS = [
    Row(
        "caseFees",
        Rule(may=FEE_READERS, hidden=NULL),
        single("caseFees", "invoices { id }", "$id: ID!", "caseId: $id"),
        lambda t, me: {"id": t["case"]},
    ),
    Row(
        "schemeFeeSchedule",
        # Published, like the scheme's rules (EU ADR Art. 7): anyone, signed in or not.
        everyone("OK", missing=NULL),
        single("schemeFeeSchedule", "currency", "$id: ID!", "schemeId: $id"),
        lambda t, me: {"id": t["scheme"]},
    ),
    Row(
        "setSchemeFeeSchedule",
        ADMIN_ONLY,
        mutation("setSchemeFeeSchedule", f"schedule {{ currency }} {UE}"),
        inputs(
            schemeId=key("scheme"),
            currency=const("EUR"),
            holdsAt=const(None),
            bands=lambda t, me: _bands(),
        ),
    ),
    Row(
        "requestFeeWaiver",
        Rule(may=PAYERS, sees=FEE_READERS - PAYERS, hidden="ue:NOT_FOUND"),
        mutation("requestFeeWaiver", f"waiver {{ id }} {UE}"),
        inputs(invoiceId=key("fee_invoice"), reasons=const("I cannot afford it.")),
        prepare=_fresh_invoice,
        prepare_each=True,
    ),
    Row(
        "decideFeeWaiver",
        Rule(may=STAFF, sees=WAIVER_READERS - STAFF, hidden="ue:NOT_FOUND"),
        mutation("decideFeeWaiver", f"waiver {{ id }} {UE}"),
        inputs(waiverId=key("fee_waiver"), grant=const(True), reasons=const("Evidence seen.")),
        prepare=_fresh_waiver,
        prepare_each=True,
    ),
    Row(
        "recordFeePayment",
        Rule(may=STAFF, sees=FEE_READERS - STAFF, hidden="ue:NOT_FOUND"),
        mutation("recordFeePayment", f"payment {{ id }} {UE}"),
        inputs(invoiceId=key("fee_invoice"), reference=const("SEPA 1")),
        prepare=_fresh_invoice,
        prepare_each=True,
    ),
    Row(
        "startFeePayment",
        # The matrix's installation has no card adapter: the payer's side is told so, and
        # nothing starts (tests/test_fees_api.py runs the card simulator).
        Rule(
            may=PAYERS,
            ok="ue:PAYMENT_BY_STAFF_ONLY",
            sees=FEE_READERS - PAYERS,
            hidden="ue:NOT_FOUND",
        ),
        mutation("startFeePayment", f"checkout {{ url }} {UE}"),
        inputs(invoiceId=key("fee_invoice")),
    ),
]

FEE_REST_ROWS = [
    Row(
        "/files/invoices/{link}",
        Rule(
            may=FEE_READERS,
            ok="http:200",
            hidden="http:404:NOT_FOUND",
            anonymous="http:401:UNAUTHENTICATED",
        ),
        http=_get(_invoice_link),
    ),
    Row(
        "/payments/{adapter}/callbacks",
        # No card adapter on the matrix's installation: refused alike, whoever posts.
        everyone("http:404:NO_CALLBACKS"),
        objects=NO_OBJECT,
        http=_post(lambda t, me: "/payments/simulator/callbacks"),
    ),
]
