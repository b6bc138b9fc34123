"""The closed sets of fees: who pays, where an invoice stands, how a waiver was decided."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from portal.cases.states import COMPLAINANT_SIDE, CaseRole


class FeePayer(StrEnum):
    """Who a fee is charged to (CCP 1281.96: the consumer or the business)."""

    COMPLAINANT = "complainant"
    ORGANISATION = "organisation"


class InvoiceStatus(StrEnum):
    DUE = "due"  # issued, not yet paid or waived: holds the case at the scheme's stage
    PAID = "paid"
    WAIVED = "waived"  # the provider granted a waiver


SETTLED = frozenset({InvoiceStatus.PAID, InvoiceStatus.WAIVED})


class CheckoutStatus(StrEnum):
    """Where a card checkout stands (portal.fees.payments)."""

    PENDING = "pending"  # written, the processor not yet (or not successfully) asked
    OPEN = "open"  # the processor opened it: the payer pays on its page
    REFUSED = "refused"  # the processor refused to open it
    FAILED = "failed"  # the processor reported the payment declined or abandoned
    PAID = "paid"  # the processor reported the payment


# A checkout a retry takes up again rather than starting another.
LIVE_CHECKOUTS = frozenset({CheckoutStatus.PENDING, CheckoutStatus.OPEN})


class WaiverStatus(StrEnum):
    PENDING = "pending"  # asked for, not yet decided
    GRANTED = "granted"  # the invoice is waived
    REFUSED = "refused"  # the invoice stays due


def payer_of(role: CaseRole) -> FeePayer | None:
    """The payer whose invoices a party in ``role`` answers for (asks waivers of, pays)."""
    if role in COMPLAINANT_SIDE:
        return FeePayer.COMPLAINANT
    return FeePayer.ORGANISATION if role is CaseRole.ORGANISATION else None


_HUNDRED = Decimal(100)


def decimal_of(minor: int) -> Decimal:
    """Hundredths as the API's exact decimal amount (`2500` is `25.00`)."""
    return (Decimal(minor) / _HUNDRED).quantize(Decimal("0.01"))


def minor_of(amount: Decimal) -> int:
    """An amount of at most two decimals (portal.cases.inputs.amount) in hundredths."""
    return int(amount * _HUNDRED)
