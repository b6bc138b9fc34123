"""Card payments through a payment adapter (providers.payments): a checkout started by the
payer's side, and the processor's signed callback, verified by its adapter on the raw bytes
and applied exactly once.

A callback is applied in one transaction with the payment row that takes its message id
(unique per adapter): a replay, or the same callback delivered twice at once, finds the id
taken and changes nothing (answered as applied before, so the processor stops retrying). A
refused one (unknown invoice or checkout, less than the invoice's amount or another currency)
changes nothing and leaves its id free. A payment for an invoice settled already, or of more
than it asked, is recorded with the part nothing was owed for flagged as overpaid (and a
`fee_overpayment_flagged` event), and never settles anything twice.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import httpx
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.errors import CaseError
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.fees.models import FeeCheckout, FeeInvoice, FeePayment
from portal.fees.services import invoice_access, settle_by_payment
from portal.fees.states import LIVE_CHECKOUTS, CheckoutStatus, InvoiceStatus
from portal.ids import decode_id, global_id
from portal.settings import Settings
from providers.payments import registry
from providers.payments.contract import (
    CallbackRefused,
    Checkout,
    InboundRequest,
    PaymentConfig,
    PaymentEvent,
    PaymentOutcome,
    PaymentRefused,
    PaymentRequest,
)

log = logging.getLogger("portal.fees")

CALLBACK_PATH = "/payments/{adapter}/callbacks"
PROCESSOR_TIMEOUT = 15.0  # seconds for each step of asking a processor for a checkout
USER_AGENT = "Parley-Payments/1"


def config_of(settings: Settings) -> PaymentConfig:
    return PaymentConfig(
        adapter=settings.payment_card_adapter,
        inbound_secret=settings.payment_callback_secret,
        checkout_url=settings.payment_checkout_url,
    )


async def start_checkout(
    actor: Actor, invoice_id: uuid.UUID, settings: Settings, *, at: datetime
) -> FeeCheckout:
    """The payer's side starts paying an invoice by card, through the installation's card
    adapter (`PORTAL_PAYMENT_CARD_ADAPTER`).

    Three steps, so that a slow or failing processor holds no lock and its answer is never
    lost with a rolled-back transaction: (1) a short transaction checks the invoice and writes
    the checkout (PENDING), or takes up the live one a previous attempt left; (2) the processor
    is asked outside any transaction, with the checkout's id as the idempotency key; (3) a
    second short transaction records its answer. A retry after a failure (or a lost answer)
    finds the same PENDING checkout and asks with the same key, so the processor answers with
    the checkout it may have opened already, never a second one.
    """
    config = config_of(settings)
    try:
        adapter = registry.get(config.adapter)
    except registry.UnknownAdapter:
        adapter = None
    async with in_transaction():
        found = await invoice_access(actor, invoice_id, lock=True)
        invoice = found.invoice
        if policy.fee_payer_role(found.roles, invoice.payer) is None:
            raise CaseError("FORBIDDEN", "Only the side the fee is charged to pays it.")
        if not policy.acts_on_fees_in_person(actor):
            raise CaseError("FORBIDDEN", "A person pays by card, not a client.")
        if invoice.status is not InvoiceStatus.DUE:
            raise CaseError("INVOICE_SETTLED", "This invoice is paid or waived already.")
        if adapter is None or adapter.by_staff:
            raise CaseError(
                "PAYMENT_BY_STAFF_ONLY", "Card payments are not set up; staff record payments."
            )
        checkout = await FeeCheckout.filter(
            invoice_id=invoice.id, adapter=adapter.name, status__in=list(LIVE_CHECKOUTS)
        ).first()
        if checkout is None:
            checkout = await FeeCheckout.create(
                invoice_id=invoice.id,
                adapter=adapter.name,
                status=CheckoutStatus.PENDING,
                started_by_id=actor.id,
                started_at=at,
            )
        request = PaymentRequest(
            invoice_id=global_id("FeeInvoice", invoice.id),
            number=invoice.number,
            amount_minor=invoice.amount_minor,
            currency=invoice.currency,
            callback_url=settings.issuer + CALLBACK_PATH.replace("{adapter}", adapter.name),
            idempotency_key=str(checkout.id),
        )
    if checkout.status is CheckoutStatus.OPEN:
        return checkout  # opened before: the payer goes back to the same page
    try:
        async with httpx.AsyncClient(
            timeout=PROCESSOR_TIMEOUT, follow_redirects=False, headers={"User-Agent": USER_AGENT}
        ) as http:
            opened = await adapter.start(config, request, http)
    except PaymentRefused as exc:
        await _answered(checkout.id, CheckoutStatus.REFUSED)
        raise CaseError(exc.code, exc.message) from exc
    except Exception as exc:  # a plug-in's own failure is the processor being unavailable
        # Nothing recorded: the checkout stays PENDING and a retry asks with the same key.
        log.warning(
            "card processor unavailable",
            extra={"checkout_id": str(checkout.id), "error": f"{type(exc).__name__}: {exc}"},
        )
        raise CaseError(
            "PAYMENT_PROCESSOR_UNAVAILABLE",
            "The card processor did not answer; nothing was charged twice. Try again.",
        ) from exc
    return await _answered(checkout.id, CheckoutStatus.OPEN, opened)


async def _answered(
    checkout_id: uuid.UUID, status: CheckoutStatus, opened: Checkout | None = None
) -> FeeCheckout:
    """Record the processor's answer on a checkout still PENDING; a concurrent retry that
    recorded it first (the same checkout, by the same key) is kept as it is."""
    async with in_transaction():
        changes: dict[str, object] = {"status": status}
        if opened is not None:
            changes |= {"reference": opened.reference, "url": opened.url}
        await FeeCheckout.filter(id=checkout_id, status=CheckoutStatus.PENDING).update(**changes)
        return await FeeCheckout.get(id=checkout_id)


@dataclass(frozen=True)
class Received:
    id: str
    outcome: str
    invoice: str  # the invoice's number
    applied: bool  # False: a replay (or a failure), which changed nothing


async def receive_callback(
    adapter_name: str, settings: Settings, request: InboundRequest
) -> list[Received]:
    """`POST /payments/{adapter}/callbacks`: verified by the adapter, then applied once.
    Raises CallbackRefused."""
    config = config_of(settings)
    try:
        adapter = registry.get(adapter_name)
    except registry.UnknownAdapter:
        raise CallbackRefused(404, "NO_CALLBACKS", "No such payment adapter.") from None
    if not adapter.callbacks or adapter.name != config.adapter:
        raise CallbackRefused(404, "NO_CALLBACKS", "This payment adapter sends no callbacks.")
    events = adapter.parse_callback(config, request)
    return await _apply_all(adapter.name, events, request.received_at)


async def _apply_all(adapter: str, events: Sequence[PaymentEvent], at: datetime) -> list[Received]:
    received: list[Received] = []
    async with in_transaction():
        for event in events:
            received.append(await _apply(adapter, event, at))
    for item in received:
        log.info(
            "payment callback",
            extra={"callback_id": item.id, "outcome": item.outcome, "applied": item.applied},
        )
    return received


async def _apply(adapter: str, event: PaymentEvent, at: datetime) -> Received:
    invoice_pk = decode_id(event.invoice_id, "FeeInvoice")
    checkout = (
        await FeeCheckout.select_for_update()
        .filter(adapter=adapter, reference=event.reference, invoice_id=invoice_pk)
        .first()
        if invoice_pk
        else None
    )
    if checkout is None:
        raise CallbackRefused(404, "UNKNOWN_INVOICE", "No checkout of that invoice was started.")
    invoice = await FeeInvoice.select_for_update().get(id=checkout.invoice_id)
    if await FeePayment.exists(adapter=adapter, message_id=event.id):
        return Received(event.id, event.outcome.value, invoice.number, applied=False)
    if event.outcome is not PaymentOutcome.SUCCEEDED:
        # Declined or abandoned: the invoice stays due; the payer may start again.
        if checkout.status in LIVE_CHECKOUTS:
            checkout.status = CheckoutStatus.FAILED
            await checkout.save(update_fields=["status"])
        return Received(event.id, event.outcome.value, invoice.number, applied=False)
    if event.currency != invoice.currency or event.amount_minor < invoice.amount_minor:
        raise CallbackRefused(422, "AMOUNT_MISMATCH", "The amount is not the invoice's.")
    if await FeePayment.exists(adapter=adapter, reference=event.reference):
        # One checkout is one payment: another message about it is the same money.
        return Received(event.id, event.outcome.value, invoice.number, applied=False)
    # Money taken for an invoice settled already (paid through another checkout, or waived),
    # or more than it asked: recorded, and the part nothing was owed for flagged.
    owed = invoice.amount_minor if invoice.status is InvoiceStatus.DUE else 0
    try:
        async with in_transaction():  # a savepoint: a concurrent duplicate fails alone
            payment = await FeePayment.create(
                invoice_id=invoice.id,
                adapter=adapter,
                message_id=event.id,
                reference=event.reference,
                amount_minor=event.amount_minor,
                currency=event.currency,
                overpaid_minor=event.amount_minor - owed,
                recorded_at=at,
            )
    except IntegrityError:
        return Received(event.id, event.outcome.value, invoice.number, applied=False)
    checkout.status = CheckoutStatus.PAID
    await checkout.save(update_fields=["status"])
    case = await DisputeCase.select_for_update().get(id=invoice.case_id)
    await settle_by_payment(case, invoice, payment, actor_id=None, actor_role=CaseRole.SYSTEM.value)
    return Received(event.id, event.outcome.value, invoice.number, applied=True)
