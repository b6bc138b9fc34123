"""Card payments through a payment adapter (providers.payments): a checkout started by the
payer's side, and the processor's signed callback, verified by its adapter on the raw bytes
and applied exactly once.

A callback is applied in one transaction with the payment row that takes its message id
(unique per adapter): a replay, or the same callback delivered twice at once, finds the id
taken and changes nothing (answered as applied before, so the processor stops retrying). A
refused one (unknown invoice or checkout, an amount that is not the invoice's) changes nothing
and leaves its id free.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor, ActorKind
from portal.cases.errors import CaseError
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.fees.models import FeeCheckout, FeeInvoice, FeePayment
from portal.fees.services import invoice_access, settle_by_payment
from portal.fees.states import InvoiceStatus
from portal.ids import decode_id, global_id
from portal.settings import Settings
from providers.payments import registry
from providers.payments.contract import (
    CallbackRefused,
    InboundRequest,
    PaymentConfig,
    PaymentEvent,
    PaymentOutcome,
    PaymentRefused,
    PaymentRequest,
)

log = logging.getLogger("portal.fees")

CALLBACK_PATH = "/payments/{adapter}/callbacks"


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
    adapter (`PORTAL_PAYMENT_CARD_ADAPTER`)."""
    async with in_transaction():
        found = await invoice_access(actor, invoice_id, lock=True)
        invoice = found.invoice
        if policy.fee_payer_role(found.roles, invoice.payer) is None:
            raise CaseError("FORBIDDEN", "Only the side the fee is charged to pays it.")
        if actor.kind is not ActorKind.USER:
            raise CaseError("FORBIDDEN", "A person pays by card, not a client.")
        if invoice.status is not InvoiceStatus.DUE:
            raise CaseError("INVOICE_SETTLED", "This invoice is paid or waived already.")
        config = config_of(settings)
        try:
            adapter = registry.get(config.adapter)
        except registry.UnknownAdapter:
            raise CaseError(
                "PAYMENT_BY_STAFF_ONLY", "Card payments are not set up; staff record payments."
            ) from None
        request = PaymentRequest(
            invoice_id=global_id("FeeInvoice", invoice.id),
            number=invoice.number,
            amount_minor=invoice.amount_minor,
            currency=invoice.currency,
            callback_url=settings.issuer + CALLBACK_PATH.replace("{adapter}", adapter.name),
        )
        try:
            checkout = adapter.start(config, request)
        except PaymentRefused as exc:
            raise CaseError(exc.code, exc.message) from exc
        return await FeeCheckout.create(
            invoice_id=invoice.id,
            adapter=adapter.name,
            reference=checkout.reference,
            url=checkout.url,
            started_by_id=actor.id,
            started_at=at,
        )


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
        await FeeCheckout.get_or_none(
            adapter=adapter, reference=event.reference, invoice_id=invoice_pk
        )
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
        return Received(event.id, event.outcome.value, invoice.number, applied=False)
    if (event.amount_minor, event.currency) != (invoice.amount_minor, invoice.currency):
        raise CallbackRefused(422, "AMOUNT_MISMATCH", "The amount is not the invoice's.")
    try:
        async with in_transaction():  # a savepoint: a concurrent duplicate fails alone
            payment = await FeePayment.create(
                invoice_id=invoice.id,
                adapter=adapter,
                message_id=event.id,
                reference=event.reference,
                amount_minor=event.amount_minor,
                currency=event.currency,
                recorded_at=at,
            )
    except IntegrityError:
        return Received(event.id, event.outcome.value, invoice.number, applied=False)
    case = await DisputeCase.select_for_update().get(id=invoice.case_id)
    await settle_by_payment(case, invoice, payment, actor_id=None, actor_role=CaseRole.SYSTEM.value)
    return Received(event.id, event.outcome.value, invoice.number, applied=True)
