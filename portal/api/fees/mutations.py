"""Changing fees: the schedule (admins), waivers (the payer's side asks, the provider
decides), payments (staff record one; the payer's side starts a card checkout). Each is one
call into portal.fees; its refusals come back as userErrors."""

from __future__ import annotations

import uuid
from decimal import Decimal

import strawberry

from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.fees.types import (
    FeeCheckout,
    FeeInvoice,
    FeePayment,
    FeeWaiver,
    SchemeFeeSchedule,
)
from portal.api.inputs import mutations
from portal.api.node import decode_id
from portal.cases.engine import now
from portal.cases.errors import CaseError
from portal.cases.inputs import amount
from portal.cases.states import Stage
from portal.codes import Currency
from portal.fees import payments, services
from portal.fees.schedule import Band, set_schedule
from portal.fees.states import FeePayer, minor_of


def _refusal(exc: CaseError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


def _pk(value: strawberry.ID, type_name: str, field: str) -> uuid.UUID:
    """A malformed ID, or one of another type, names nothing: NOT_FOUND on its field."""
    pk = decode_id(value, type_name)
    if pk is None:
        raise CaseError("NOT_FOUND", "No such object.", field)
    return pk


@strawberry.input(description="The fee one payer owes for claims of a value within a range.")
class FeeBandInput:
    payer: FeePayer = strawberry.field(description="Who owes it.")
    claims_from: Decimal = strawberry.field(description="Claims of this value or more: `0.00`.")
    claims_below: Decimal | None = strawberry.field(
        default=None, description="Claims below this value; null: no upper bound."
    )
    fee: Decimal = strawberry.field(
        description="The fee, zero or more with at most two decimals; zero where the scheme "
        "charges this payer nothing (a consumer's fee is zero or nominal, EU ADR Art. 8(c))."
    )


@strawberry.input(description="A scheme's whole fee schedule, replacing the one it has.")
class SetSchemeFeeScheduleInput:
    scheme_id: strawberry.ID = strawberry.field(description="The scheme (its current version).")
    currency: Currency = strawberry.field(description="The currency of every fee.")
    holds_at: Stage | None = strawberry.field(
        default=None,
        description="The stage a case waits at until its fees are paid or waived: REFERRED, "
        "ACCEPTED, AWAITING_RESPONSE or FILE_REVIEW; null: fees never hold a case.",
    )
    bands: list[FeeBandInput] = strawberry.field(
        description="At most 20; two bands of one payer never cover the same value."
    )


@strawberry.type(description="The schedule as set, or why it was not.")
class SetSchemeFeeSchedulePayload:
    schedule: SchemeFeeSchedule | None = strawberry.field(
        default=None, description="As set; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing changed."
    )


@strawberry.input(description="Ask that a fee invoice be waived.")
class RequestFeeWaiverInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice your side owes.")
    reasons: str = strawberry.field(description="Why; required, at most 20,000 characters.")
    evidence_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A document already in the case file that you may read, as evidence.",
    )


@strawberry.type(description="The waiver request, or why it was refused.")
class FeeWaiverPayload:
    waiver: FeeWaiver | None = strawberry.field(
        default=None, description="The request as it stands; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing changed."
    )


@strawberry.input(description="The provider's decision on a fee waiver request.")
class DecideFeeWaiverInput:
    waiver_id: strawberry.ID = strawberry.field(description="The request.")
    grant: bool = strawberry.field(description="True: the invoice is waived; false: it stays due.")
    reasons: str = strawberry.field(description="Why; required, at most 20,000 characters.")


@strawberry.input(description="A payment made outside the portal, recorded by staff.")
class RecordFeePaymentInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice paid in full.")
    reference: str = strawberry.field(
        description="The bank slip, transfer or note; required, at most 200 characters."
    )


@strawberry.type(description="The payment recorded, or why it was refused.")
class RecordFeePaymentPayload:
    payment: FeePayment | None = strawberry.field(
        default=None, description="The payment; null when refused."
    )
    invoice: FeeInvoice | None = strawberry.field(
        default=None, description="The invoice, now paid; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing changed."
    )


@strawberry.input(description="Start paying a fee invoice by card.")
class StartFeePaymentInput:
    invoice_id: strawberry.ID = strawberry.field(description="The invoice your side owes.")


@strawberry.type(description="The checkout started, or why it was refused.")
class StartFeePaymentPayload:
    checkout: FeeCheckout | None = strawberry.field(
        default=None, description="Where to pay; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing started."
    )


def _bands(given: list[FeeBandInput]) -> list[Band]:
    bands = []
    for b in given:
        start = amount({"bands": b.claims_from}, "bands")
        below = amount({"bands": b.claims_below}, "bands", required=False)
        fee = amount({"bands": b.fee}, "bands")
        assert start is not None
        assert fee is not None
        bands.append(
            Band(
                payer=b.payer,
                from_minor=minor_of(start),
                to_minor=None if below is None else minor_of(below),
                amount_minor=minor_of(fee),
            )
        )
    return bands


@mutations
@strawberry.type
class FeeMutations:
    @strawberry.mutation(
        description="Set a scheme's fee schedule (issue 20): installation admins, where "
        "schemes are set; audited. Cases referred from now on are invoiced by it; invoices "
        "already issued keep their amounts."
    )
    async def set_scheme_fee_schedule(
        self, info: Info, input: SetSchemeFeeScheduleInput
    ) -> SetSchemeFeeSchedulePayload:
        actor = info.context.require_actor()
        try:
            pk = _pk(input.scheme_id, "Scheme", "scheme_id")
            schedule, bands = await set_schedule(
                actor,
                pk,
                currency_code=input.currency.value,
                hold_stage=input.holds_at,
                bands=_bands(input.bands),
                at=now(),
            )
        except CaseError as exc:
            return SetSchemeFeeSchedulePayload(user_errors=_refusal(exc))
        return SetSchemeFeeSchedulePayload(schedule=SchemeFeeSchedule.of(schedule, bands))

    @strawberry.mutation(
        description="Ask the provider to waive a fee invoice your side owes, with reasons and "
        "optional evidence from the case file; one request at a time. The complainant's side "
        "for its invoice, the organisation for its own; people, not clients."
    )
    async def request_fee_waiver(
        self, info: Info, input: RequestFeeWaiverInput
    ) -> FeeWaiverPayload:
        actor = info.context.require_actor()
        try:
            pk = _pk(input.invoice_id, "FeeInvoice", "invoice_id")
            evidence = (
                _pk(input.evidence_id, "Document", "evidence_id")
                if input.evidence_id is not None
                else None
            )
            row = await services.request_waiver(
                actor,
                pk,
                reasons=input.reasons,
                evidence_id=evidence,
                at=now(),
            )
        except CaseError as exc:
            return FeeWaiverPayload(user_errors=_refusal(exc))
        return FeeWaiverPayload(waiver=FeeWaiver.from_row(row))

    @strawberry.mutation(
        description="Grant (the invoice is waived) or refuse a fee waiver request, with "
        "reasons: the case's provider caseworkers, in person."
    )
    async def decide_fee_waiver(self, info: Info, input: DecideFeeWaiverInput) -> FeeWaiverPayload:
        actor = info.context.require_actor()
        try:
            pk = _pk(input.waiver_id, "FeeWaiver", "waiver_id")
            row = await services.decide_waiver(
                actor,
                pk,
                grant=input.grant,
                reasons=input.reasons,
                at=now(),
            )
        except CaseError as exc:
            return FeeWaiverPayload(user_errors=_refusal(exc))
        return FeeWaiverPayload(waiver=FeeWaiver.from_row(row))

    @strawberry.mutation(
        description="Record that a fee invoice was paid in full outside the portal (the "
        "`staff` payment adapter): the case's provider caseworkers, in person."
    )
    async def record_fee_payment(
        self, info: Info, input: RecordFeePaymentInput
    ) -> RecordFeePaymentPayload:
        actor = info.context.require_actor()
        try:
            pk = _pk(input.invoice_id, "FeeInvoice", "invoice_id")
            row = await services.record_payment(
                actor,
                pk,
                reference=input.reference,
                at=now(),
            )
            found = await services.invoice_access(actor, row.invoice_id)
        except CaseError as exc:
            return RecordFeePaymentPayload(user_errors=_refusal(exc))
        return RecordFeePaymentPayload(
            payment=FeePayment.from_row(row), invoice=FeeInvoice.from_row(found.invoice, found.case)
        )

    @strawberry.mutation(
        description="Start paying a fee invoice your side owes by card, through the "
        "installation's card adapter (`PORTAL_PAYMENT_CARD_ADAPTER`); the invoice is paid when "
        "the processor's signed callback reports it. People, not clients."
    )
    async def start_fee_payment(
        self, info: Info, input: StartFeePaymentInput
    ) -> StartFeePaymentPayload:
        actor = info.context.require_actor()
        try:
            pk = _pk(input.invoice_id, "FeeInvoice", "invoice_id")
            row = await payments.start_checkout(
                actor,
                pk,
                info.context.settings,
                at=now(),
            )
        except CaseError as exc:
            return StartFeePaymentPayload(user_errors=_refusal(exc))
        return StartFeePaymentPayload(checkout=FeeCheckout.from_row(row))
