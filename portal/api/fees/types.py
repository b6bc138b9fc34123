"""Fees as GraphQL serves them: invoices, waivers, payments and a scheme's schedule."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.api.casefiles.types import Document, DownloadLink, download_link
from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)

# Registers FeePayer and WaiverStatus, which the timeline's payloads use too.
from portal.api.cases import timeline as _timeline  # noqa: F401
from portal.api.cases.records import Money
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, to_global_id
from portal.auth import policy
from portal.casefiles.errors import DocumentNotFound
from portal.casefiles.links import LinkKind
from portal.casefiles.services import CaseFileAccess, readable_document
from portal.cases.errors import CaseError
from portal.cases.states import Stage
from portal.codes import Currency
from portal.fees import models, services
from portal.fees.schedule import Band, schedule_of
from portal.fees.states import FeePayer, InvoiceStatus, WaiverStatus, decimal_of

if TYPE_CHECKING:
    from portal.api.cases.types import DisputeCase

described_enum(
    InvoiceStatus,
    name="FeeInvoiceStatus",
    description="Where a fee invoice stands.",
    values={
        InvoiceStatus.DUE: "Issued, not yet paid or waived: the case waits at `holdsAt` while "
        "it is due.",
        InvoiceStatus.PAID: "Paid (`payments` say how).",
        InvoiceStatus.WAIVED: "Waived: the provider granted a waiver.",
    },
)


@strawberry.type(description="A payment of a fee invoice, through a payment adapter.")
class FeePayment(Node):
    amount: Money = strawberry.field(description="The amount paid.")
    adapter: str = strawberry.field(
        description="How it was paid: `staff` (recorded by the provider's staff), `simulator` "
        "(the card simulator) or a payment plug-in's name."
    )
    reference: str = strawberry.field(
        description="The processor's checkout, or the bank slip or note staff recorded."
    )
    recorded_at: datetime = strawberry.field(description="When it was recorded.")
    overpaid: Money | None = strawberry.field(
        description="The part of the amount nothing was owed for, flagged for the provider to "
        "refund: all of it when the invoice was paid or waived already, the excess when it "
        "was more than the invoice asked; null: none. It settles nothing a second time."
    )

    @classmethod
    def from_row(cls, row: models.FeePayment) -> FeePayment:
        code = _currency(row.currency)
        over = row.overpaid_minor
        return cls(
            id=to_global_id("FeePayment", row.id),
            amount=Money(amount=decimal_of(row.amount_minor), currency=code),
            adapter=row.adapter,
            reference=row.reference,
            recorded_at=row.recorded_at,
            overpaid=Money(amount=decimal_of(over), currency=code) if over > 0 else None,
        )


def _currency(code: str) -> Currency:
    return Currency(code)


@strawberry.type(
    description="A party's request that its fee be waived, and the provider's decision. Its "
    "reasons and evidence are read by the side that asked, the provider, auditors and admins."
)
class FeeWaiver(Node):
    status: WaiverStatus = strawberry.field(description="Where the request stands.")
    reasons: str = strawberry.field(description="Why the party asks, as written.")
    requested_at: datetime = strawberry.field(description="When it was asked for.")
    decision_reasons: str = strawberry.field(
        description="The provider's reasons; empty until decided."
    )
    decided_at: datetime | None = strawberry.field(description="When it was decided.")
    evidence_pk: strawberry.Private[uuid.UUID | None]
    invoice_pk: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The case-file document given as evidence; null without one.")
    async def evidence(self, info: Info) -> Document | None:
        if self.evidence_pk is None:
            return None
        try:
            row = await readable_document(info.context.require_actor(), self.evidence_pk)
        except DocumentNotFound:
            return None
        return Document.from_row(row)

    @strawberry.field(description="The invoice it asks to waive.")
    async def invoice(self, info: Info) -> FeeInvoice | None:
        return await _invoice_node(info, self.invoice_pk)

    @classmethod
    def from_row(cls, row: models.FeeWaiver) -> FeeWaiver:
        return cls(
            id=to_global_id("FeeWaiver", row.id),
            status=row.status,
            reasons=row.reasons,
            requested_at=row.requested_at,
            decision_reasons=row.decision_reasons,
            decided_at=row.decided_at,
            evidence_pk=row.evidence_id,
            invoice_pk=row.invoice_id,
        )


@strawberry.type(
    description="What one party owes on one case: issued from the scheme's fee schedule when "
    "the case was referred, numbered without gaps in the series of the provider that issued "
    "it. Read by the case's parties, its provider, "
    "auditors and admins."
)
class FeeInvoice(Node):
    number: str = strawberry.field(
        description="The invoice number in its issuing provider's series: `FEE-2026-000001`."
    )
    payer: FeePayer = strawberry.field(description="Who it is charged to.")
    amount: Money = strawberry.field(description="The amount invoiced.")
    status: InvoiceStatus = strawberry.field(description="Where it stands.")
    holds_at: Stage | None = strawberry.field(
        description="The stage the case waits at while this invoice is due; null: it holds "
        "the case nowhere."
    )
    issued_at: datetime = strawberry.field(description="When it was issued.")
    settled_at: datetime | None = strawberry.field(description="When it was paid or waived.")
    row: strawberry.Private[models.FeeInvoice]
    # The viewer's access to its case, decided once for all the case's invoices.
    access: strawberry.Private[CaseFileAccess]

    @classmethod
    def from_row(cls, row: models.FeeInvoice, access: CaseFileAccess) -> FeeInvoice:
        return cls(
            id=to_global_id("FeeInvoice", row.id),
            number=row.number,
            payer=row.payer,
            amount=Money(amount=decimal_of(row.amount_minor), currency=_currency(row.currency)),
            status=row.status,
            holds_at=row.hold_stage,
            issued_at=row.issued_at,
            settled_at=row.settled_at,
            row=row,
            access=access,
        )

    @strawberry.field(description="The case it is for.")
    def case(self) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")]:
        from portal.api.cases.types import DisputeCase

        return DisputeCase.from_row(self.access.case)

    @strawberry.field(
        description="Its waiver requests, oldest first; empty for those who may not read them "
        "(the other side)."
    )
    async def waivers(self) -> list[FeeWaiver]:
        if not policy.may_read_fee_waiver(self.access.roles, self.row.payer):
            return []
        rows = await models.FeeWaiver.filter(invoice_id=self.row.id).order_by("requested_at")
        return [FeeWaiver.from_row(r) for r in rows]

    @strawberry.field(description="Its payments, oldest first.")
    async def payments(self) -> list[FeePayment]:
        rows = await models.FeePayment.filter(invoice_id=self.row.id).order_by("recorded_at")
        return [FeePayment.from_row(r) for r in rows]

    @strawberry.field(
        description="Whether you may ask for this invoice to be waived now (your side owes "
        "it, it is due, and no request awaits a decision)."
    )
    async def viewer_may_request_waiver(self, info: Info) -> bool:
        return (
            policy.acts_on_fees_in_person(info.context.require_actor())
            and policy.fee_payer_role(self.access.roles, self.row.payer) is not None
            and self.row.status is InvoiceStatus.DUE
            and not await models.FeeWaiver.exists(
                invoice_id=self.row.id, status=WaiverStatus.PENDING
            )
        )

    @strawberry.field(description="Whether you may pay it by card now (your side owes it, due).")
    def viewer_may_pay(self, info: Info) -> bool:
        return (
            policy.acts_on_fees_in_person(info.context.require_actor())
            and policy.fee_payer_role(self.access.roles, self.row.payer) is not None
            and self.row.status is InvoiceStatus.DUE
            and bool(info.context.settings.payment_card_adapter)
        )

    @strawberry.field(
        description="Whether you may decide its waiver requests and record payments (the "
        "provider's staff)."
    )
    def viewer_is_fee_staff(self, info: Info) -> bool:
        person = policy.acts_on_fees_in_person(info.context.require_actor())
        return person and policy.may_record_fee_payment(self.access.roles)

    @strawberry.field(description="A short-lived link to the invoice as a PDF.")
    def download_link(self, info: Info) -> DownloadLink:
        return download_link(info, LinkKind.FEE_INVOICE, self.row.id)


@strawberry.type(description="The fee one payer owes for claims of a value within a range.")
class FeeBand:
    payer: FeePayer = strawberry.field(description="Who owes it.")
    claims_from: Money = strawberry.field(description="Claims of this value or more.")
    claims_below: Money | None = strawberry.field(
        description="Claims below this value; null: no upper bound."
    )
    fee: Money = strawberry.field(
        description="The fee; zero where the scheme charges the payer nothing."
    )

    @classmethod
    def of(cls, band: Band, currency: str) -> FeeBand:
        code = _currency(currency)
        below = band.to_minor
        return cls(
            payer=band.payer,
            claims_from=Money(amount=decimal_of(band.from_minor), currency=code),
            claims_below=None if below is None else Money(amount=decimal_of(below), currency=code),
            fee=Money(amount=decimal_of(band.amount_minor), currency=code),
        )


@strawberry.type(
    description="A scheme's fee schedule: the filing fee each payer owes by claim value, and "
    "the stage a case waits at until its fees are paid or waived. Published (EU ADR Art. 7)."
)
class SchemeFeeSchedule(Node):
    currency: Currency = strawberry.field(description="The currency of every fee.")
    holds_at: Stage | None = strawberry.field(
        description="The stage a case waits at until its fees are paid or waived; null: fees "
        "never hold a case."
    )
    bands: list[FeeBand] = strawberry.field(description="The bands, by payer and value.")

    @classmethod
    def of(cls, schedule: models.FeeSchedule, bands: list[Band]) -> SchemeFeeSchedule:
        return cls(
            id=to_global_id("SchemeFeeSchedule", schedule.id),
            currency=_currency(schedule.currency),
            holds_at=schedule.hold_stage,
            bands=[FeeBand.of(b, schedule.currency) for b in bands],
        )


@strawberry.type(
    description="A card checkout started for a fee invoice: where its payer pays. Read by "
    "those who may read the invoice."
)
class FeeCheckout(Node):
    url: str = strawberry.field(
        description="The card processor's payment page; the invoice is paid when the "
        "processor's signed callback says so."
    )
    reference: str = strawberry.field(description="The processor's reference for the attempt.")
    started_at: datetime = strawberry.field(description="When it was started.")

    @classmethod
    def from_row(cls, row: models.FeeCheckout) -> FeeCheckout:
        return cls(
            id=to_global_id("FeeCheckout", row.id),
            url=row.url,
            reference=row.reference or "",  # none until the processor answered
            started_at=row.started_at,
        )


@strawberry.type(description="A case's fees, as the viewer may read them.")
class CaseFees:
    invoices: list[FeeInvoice] = strawberry.field(
        description="Its invoices in the order issued; empty when its scheme charged none."
    )


@node_resolver("FeeInvoice")
async def _invoice_node(info: Info, pk: uuid.UUID) -> FeeInvoice | None:
    try:
        found = await services.invoice_access(info.context.require_actor(), pk)
    except CaseError:
        return None
    return FeeInvoice.from_row(found.invoice, found.case)


@node_resolver("FeeWaiver")
async def _waiver_node(info: Info, pk: uuid.UUID) -> FeeWaiver | None:
    row = await models.FeeWaiver.get_or_none(id=pk)
    if row is None:
        return None
    try:
        found = await services.invoice_access(info.context.require_actor(), row.invoice_id)
    except CaseError:
        return None
    return (
        FeeWaiver.from_row(row)
        if services.readable_waivers(found.roles, found.invoice, [row])
        else None
    )


@node_resolver("FeePayment")
async def _payment_node(info: Info, pk: uuid.UUID) -> FeePayment | None:
    row = await models.FeePayment.get_or_none(id=pk)
    if row is None:
        return None
    try:
        await services.invoice_access(info.context.require_actor(), row.invoice_id)
    except CaseError:
        return None
    return FeePayment.from_row(row)


@node_resolver("FeeCheckout")
async def _checkout_node(info: Info, pk: uuid.UUID) -> FeeCheckout | None:
    row = await models.FeeCheckout.get_or_none(id=pk)
    if row is None:
        return None
    try:
        await services.invoice_access(info.context.require_actor(), row.invoice_id)
    except CaseError:
        return None
    return FeeCheckout.from_row(row)


@node_resolver("SchemeFeeSchedule")
async def _schedule_node(info: Info, pk: uuid.UUID) -> SchemeFeeSchedule | None:
    """Published, like the scheme it belongs to."""
    row = await models.FeeSchedule.get_or_none(id=pk)
    if row is None:
        return None
    found = await schedule_of(row.scheme_id)
    return SchemeFeeSchedule.of(*found) if found else None
