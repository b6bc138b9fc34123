"""Invoices, waivers and payments of one case's fees (issue 20, deliverable 2).

Invoices are issued when a case is referred, from its scheme's fee schedule, by the provider
the case is referred to, which the PDF names as the issuer: each provider numbers its own
invoices without gaps (`FEE-2026-000001` in its own series: a counter row per provider and
year, locked in the issuing transaction). While an invoice is
due, the case waits at the stage the schedule names: the `fees_settled` guard of the
transition table holds it, and nothing else restates that rule. Its clocks stand still
meanwhile: this module only tells the clock rules (`engine.holds_changed`) when an invoice is
issued, paid or waived; which clocks pause is the transition table's (`HOLD_PAUSES`). Who may
read, ask, decide and record is `portal.auth.policy`'s to say; each change writes its timeline
event in the same transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation, Provider, User
from portal.auth import policy
from portal.auth.actor import Actor
from portal.casefiles.models import Document
from portal.casefiles.services import CaseFileAccess, access, case_access
from portal.cases.engine import holds_changed
from portal.cases.errors import CaseError, CaseNotFound
from portal.cases.events import EventKind, record_step
from portal.cases.inputs import text
from portal.cases.models import DisputeCase, Scheme
from portal.cases.states import CaseRole
from portal.fees.invoice_pdf import InvoiceSheet, invoice_pdf
from portal.fees.models import FeeInvoice, FeeInvoiceCounter, FeePayment, FeeWaiver
from portal.fees.schedule import schedule_of
from portal.fees.states import FeePayer, InvoiceStatus, WaiverStatus, decimal_of, minor_of

INVOICE_PREFIX = "FEE"
MAX_REFERENCE = 200


class InvoiceNotFound(CaseError):
    """Also what an invoice the actor may not read looks like."""

    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "No such invoice.", "invoice_id")


@dataclass(frozen=True)
class InvoiceAccess:
    invoice: FeeInvoice
    case: CaseFileAccess

    @property
    def roles(self) -> frozenset[CaseRole]:
        return self.case.roles


async def _record(
    case: DisputeCase,
    kind: EventKind,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
    payload: dict[str, Any],
) -> None:
    """The event, and the chain's new head on the case row (locked by the caller)."""
    await record_step(
        case,
        kind,
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        payload=payload,
        visibility=policy.FEE_EVENT_SCOPE,
    )


# --- issuing, at referral -------------------------------------------------------------------


async def next_invoice_number(provider_id: uuid.UUID, at: datetime) -> str:
    """The issuer's next number of the year, `FEE-YYYY-NNNNNN`; call inside the issuing
    transaction. The UPDATE locks the provider's counter row until that transaction ends, so
    concurrent issues by one provider wait for each other on PostgreSQL (SQLite runs one
    transaction at a time), and a rolled-back issue gives its number back: no gap, no repeat.
    Other providers' issues take other rows and do not wait."""
    year = at.year
    await FeeInvoiceCounter.bulk_create(
        [FeeInvoiceCounter(provider_id=provider_id, year=year, value=0)], ignore_conflicts=True
    )
    await FeeInvoiceCounter.filter(provider_id=provider_id, year=year).update(value=F("value") + 1)
    counter = await FeeInvoiceCounter.get(provider_id=provider_id, year=year)
    return f"{INVOICE_PREFIX}-{year}-{counter.value:06d}"


async def issue_invoices(
    case: DisputeCase, *, at: datetime, actor_id: uuid.UUID | None, actor_role: str
) -> list[FeeInvoice]:
    """Price the case from its scheme's schedule and issue one invoice per payer who owes a
    fee; call inside the referral's transaction. A payer whose band is zero (a consumer fee
    the scheme waives as a rule) gets none."""
    found = await schedule_of(case.scheme_id)
    if found is None:
        return []
    schedule, bands = found
    # A claim in another currency than the schedule's is not compared with its bands (there is
    # no exchange rate here): it is priced as a claim of unknown value, in the lowest band.
    amount = case.claimed_amount if case.currency == schedule.currency else None
    claim = minor_of(amount) if amount is not None else 0
    issued: list[FeeInvoice] = []
    for payer in FeePayer:
        band = next((b for b in bands if b.payer is payer and b.covers(claim)), None)
        if band is None or band.amount_minor == 0:
            continue
        invoice = await FeeInvoice.create(
            provider_id=case.provider_id,
            number=await next_invoice_number(case.provider_id, at),
            case_id=case.id,
            payer=payer,
            amount_minor=band.amount_minor,
            currency=schedule.currency,
            hold_stage=schedule.hold_stage,
            issued_at=at,
        )
        await _record(
            case,
            EventKind.FEE_INVOICE_ISSUED,
            at=at,
            actor_id=actor_id,
            actor_role=actor_role,
            payload={
                "invoice_id": invoice.id,
                "number": invoice.number,
                "payer": payer,
                "amount": decimal_of(invoice.amount_minor),
                "currency": invoice.currency,
            },
        )
        issued.append(invoice)
    if issued:
        # A fee due at the stage the case is at holds it there: the clock rules pause what
        # the hold pauses.
        await holds_changed(case, at=at, actor_id=actor_id, actor_role=actor_role)
    return issued


# --- reading --------------------------------------------------------------------------------


async def case_invoices(
    actor: Actor, case_id: uuid.UUID
) -> tuple[CaseFileAccess, list[FeeInvoice]]:
    found = await case_access(actor, case_id)
    if not policy.may_read_fees(found.roles):
        raise CaseNotFound()
    rows = await FeeInvoice.filter(case_id=case_id).order_by("issued_at", "number")
    return found, list(rows)


async def invoice_access(
    actor: Actor, invoice_id: uuid.UUID, *, lock: bool = False
) -> InvoiceAccess:
    query = FeeInvoice.select_for_update() if lock else FeeInvoice
    invoice = await query.get_or_none(id=invoice_id)
    if invoice is None:
        raise InvoiceNotFound()
    # Locked for a change: its events take the case's next sequence numbers.
    cases = DisputeCase.select_for_update() if lock else DisputeCase
    found = await access(actor, await cases.get(id=invoice.case_id))
    if not policy.may_read_fees(found.roles):
        raise InvoiceNotFound()
    return InvoiceAccess(invoice, found)


def readable_waivers(
    roles: frozenset[CaseRole], invoice: FeeInvoice, waivers: list[FeeWaiver]
) -> list[FeeWaiver]:
    """A waiver's reasons and evidence are for the provider and the payer's side."""
    return waivers if policy.may_read_fee_waiver(roles, invoice.payer) else []


# --- waivers --------------------------------------------------------------------------------


def _person(actor: Actor, message: str) -> None:
    """Fees are acted on by people, never integration clients (policy)."""
    if not policy.acts_on_fees_in_person(actor):
        raise CaseError("FORBIDDEN", message)


async def request_waiver(
    actor: Actor,
    invoice_id: uuid.UUID,
    *,
    reasons: str,
    evidence_id: uuid.UUID | None,
    at: datetime,
) -> FeeWaiver:
    """The payer's side asks that its fee be waived, with reasons and, optionally, evidence
    already in the case file that the asker may read."""
    reasons = text({"reasons": reasons}, "reasons")
    async with in_transaction():
        found = await invoice_access(actor, invoice_id, lock=True)
        invoice = found.invoice
        role = policy.fee_payer_role(found.roles, invoice.payer)
        if role is None:
            raise CaseError("FORBIDDEN", "Only the side the fee is charged to asks for a waiver.")
        _person(actor, "A person asks for a waiver, not a client.")
        if invoice.status is not InvoiceStatus.DUE:
            raise CaseError("INVOICE_SETTLED", "This invoice is paid or waived already.")
        if await FeeWaiver.exists(invoice_id=invoice.id, status=WaiverStatus.PENDING):
            raise CaseError("WAIVER_PENDING", "A waiver of this invoice awaits a decision.")
        if evidence_id is not None:
            document = await Document.get_or_none(id=evidence_id, case_id=invoice.case_id)
            if document is None or document.visibility not in found.case.readable:
                raise CaseError("NOT_FOUND", "No such document on this case.", "evidence_id")
        waiver = await FeeWaiver.create(
            invoice_id=invoice.id,
            requested_by_id=actor.id,
            reasons=reasons,
            evidence_id=evidence_id,
            requested_at=at,
        )
        await _record(
            found.case.case,
            EventKind.FEE_WAIVER_REQUESTED,
            at=at,
            actor_id=actor.id,
            actor_role=role.value,
            payload={"invoice_id": invoice.id, "waiver_id": waiver.id, "payer": invoice.payer},
        )
    return waiver


def _no_waiver() -> CaseError:
    return CaseError("NOT_FOUND", "No such waiver.", "waiver_id")


async def decide_waiver(
    actor: Actor, waiver_id: uuid.UUID, *, grant: bool, reasons: str, at: datetime
) -> FeeWaiver:
    """The provider grants (the invoice is waived) or refuses (it stays due), with reasons."""
    reasons = text({"reasons": reasons}, "reasons")
    async with in_transaction():
        waiver = await FeeWaiver.select_for_update().get_or_none(id=waiver_id)
        if waiver is None:
            raise _no_waiver()
        try:
            found = await invoice_access(actor, waiver.invoice_id, lock=True)
        except InvoiceNotFound:
            raise _no_waiver() from None  # a foreign waiver answers exactly like a missing one
        if not policy.may_read_fee_waiver(found.roles, found.invoice.payer):
            raise _no_waiver()
        if not policy.may_decide_fee_waiver(found.roles):
            raise CaseError("FORBIDDEN", "The provider decides waivers.")
        _person(actor, "A person decides waivers, not a client.")
        if waiver.status is not WaiverStatus.PENDING:
            raise CaseError("WAIVER_DECIDED", "This waiver is decided already.")
        if grant and found.invoice.status is not InvoiceStatus.DUE:
            # Paid while the request waited (the review granted one on a paid invoice, and the
            # waiver read GRANTED beside a PAID invoice): a waiver waives what is due, so only
            # a refusal is left; a payment to return is refunded outside Parley.
            raise CaseError(
                "INVOICE_SETTLED",
                "The invoice is settled already: the waiver can only be refused now.",
            )
        waiver.status = WaiverStatus.GRANTED if grant else WaiverStatus.REFUSED
        waiver.decided_by_id = actor.id
        waiver.decision_reasons = reasons
        waiver.decided_at = at
        await waiver.save()
        invoice = found.invoice
        if grant and invoice.status is InvoiceStatus.DUE:
            invoice.status = InvoiceStatus.WAIVED
            invoice.settled_at = at
            await invoice.save(update_fields=["status", "settled_at"])
        await _record(
            found.case.case,
            EventKind.FEE_WAIVER_DECIDED,
            at=at,
            actor_id=actor.id,
            actor_role=CaseRole.PROVIDER.value,
            payload={
                "invoice_id": invoice.id,
                "waiver_id": waiver.id,
                "payer": invoice.payer,
                "decision": waiver.status,
            },
        )
        if grant:
            # The hold may have ended: the clock rules resume what it paused.
            await holds_changed(
                found.case.case, at=at, actor_id=actor.id, actor_role=CaseRole.PROVIDER.value
            )
    return waiver


# --- payments -------------------------------------------------------------------------------


async def settle_by_payment(
    case: DisputeCase,
    invoice: FeeInvoice,
    payment: FeePayment,
    *,
    actor_id: uuid.UUID | None,
    actor_role: str,
) -> None:
    """Mark the (locked) invoice paid, unless it was settled already, and record the payment
    on the timeline; inside the payment's transaction. A payment with a part nothing was owed
    for (`overpaid_minor`) is flagged on the timeline too; it never settles anything twice."""
    if invoice.status is InvoiceStatus.DUE:
        invoice.status = InvoiceStatus.PAID
        invoice.settled_at = payment.recorded_at
        await invoice.save(update_fields=["status", "settled_at"])
    common = {"invoice_id": invoice.id, "payment_id": payment.id, "payer": invoice.payer}
    await _record(
        case,
        EventKind.FEE_PAYMENT_RECORDED,
        at=payment.recorded_at,
        actor_id=actor_id,
        actor_role=actor_role,
        payload=common
        | {
            "amount": decimal_of(payment.amount_minor),
            "currency": payment.currency,
            "adapter": payment.adapter,
        },
    )
    if payment.overpaid_minor > 0:
        await _record(
            case,
            EventKind.FEE_OVERPAYMENT_FLAGGED,
            at=payment.recorded_at,
            actor_id=actor_id,
            actor_role=actor_role,
            payload=common
            | {"amount": decimal_of(payment.overpaid_minor), "currency": payment.currency},
        )
    # The hold may have ended: the clock rules resume what it paused.
    await holds_changed(case, at=payment.recorded_at, actor_id=actor_id, actor_role=actor_role)


async def record_payment(
    actor: Actor, invoice_id: uuid.UUID, *, reference: str, at: datetime
) -> FeePayment:
    """The provider's staff record a payment made outside the portal (the `staff` adapter):
    the invoice's full amount."""
    reference = text({"reference": reference}, "reference", max_length=MAX_REFERENCE)
    async with in_transaction():
        found = await invoice_access(actor, invoice_id, lock=True)
        if not policy.may_record_fee_payment(found.roles):
            raise CaseError("FORBIDDEN", "The provider's staff record payments.")
        _person(actor, "A person records a payment, not a client.")
        invoice = found.invoice
        if invoice.status is not InvoiceStatus.DUE:
            raise CaseError("INVOICE_SETTLED", "This invoice is paid or waived already.")
        payment = await FeePayment.create(
            invoice_id=invoice.id,
            adapter="staff",
            message_id=f"staff:{uuid.uuid4()}",
            reference=reference,
            amount_minor=invoice.amount_minor,
            currency=invoice.currency,
            recorded_by_id=actor.id,
            recorded_at=at,
        )
        await settle_by_payment(
            found.case.case,
            invoice,
            payment,
            actor_id=actor.id,
            actor_role=CaseRole.PROVIDER.value,
        )
    return payment


async def invoice_document(actor: Actor, invoice_id: uuid.UUID) -> tuple[bytes, InvoiceAccess]:
    """The invoice as a PDF, for whoever may read it."""
    found = await invoice_access(actor, invoice_id)
    invoice, case = found.invoice, found.case.case
    provider = await Provider.get(id=invoice.provider_id)  # the issuer
    scheme = await Scheme.get(id=case.scheme_id)
    if invoice.payer is FeePayer.COMPLAINANT:
        name = (await User.get(id=case.complainant_id)).display_name
    else:
        name = (await Organisation.get(id=case.organisation_id)).name
    sheet = InvoiceSheet(
        number=invoice.number,
        issued_at=invoice.issued_at,
        provider=provider.name,
        scheme=scheme.name,
        case_reference=case.reference,
        payer_label=invoice.payer.value.capitalize(),
        payer_name=name,
        amount_minor=invoice.amount_minor,
        currency=invoice.currency,
        status=invoice.status,
        settled_at=invoice.settled_at,
    )
    return invoice_pdf(sheet), found
