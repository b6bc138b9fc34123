"""Fee schedules, invoices, waivers and payments (issue 20, deliverable 2).

Amounts are integers in hundredths of the currency unit (`amount_minor`): the portal keeps
at most two decimals for every currency (portal.api.codes), and integers add up exactly.
"""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Provider, User
from portal.casefiles.models import Document
from portal.cases.models import DisputeCase, Scheme
from portal.cases.states import Stage
from portal.fees.states import CheckoutStatus, FeePayer, InvoiceStatus, WaiverStatus


class FeeSchedule(Model):
    """A scheme's fees: in which currency, and the stage a case waits at until its fees are
    paid or waived (none: fees never hold a case). One per scheme; its bands say the amounts."""

    id = fields.UUIDField(primary_key=True)
    scheme: fields.OneToOneRelation[Scheme] = fields.OneToOneField(
        "portal.Scheme", related_name="fee_schedule", on_delete=fields.CASCADE
    )
    scheme_id: uuid.UUID
    currency = fields.CharField(max_length=3)
    hold_stage = fields.CharEnumField(Stage, max_length=24, null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "fee_schedule"


class FeeBand(Model):
    """The filing fee one payer owes for a claim value from `from_minor` (inclusive) up to
    `to_minor` (exclusive; none: no upper bound). A consumer's fee is zero or nominal, as the
    scheme states it (EU ADR Art. 8(c))."""

    id = fields.UUIDField(primary_key=True)
    schedule: fields.ForeignKeyRelation[FeeSchedule] = fields.ForeignKeyField(
        "portal.FeeSchedule", related_name="bands", on_delete=fields.CASCADE, db_index=True
    )
    schedule_id: uuid.UUID
    payer = fields.CharEnumField(FeePayer, max_length=16)
    from_minor = fields.BigIntField()
    to_minor = fields.BigIntField(null=True)
    amount_minor = fields.BigIntField()

    class Meta:
        table = "fee_band"


class FeeInvoiceCounter(Model):
    """The last invoice number one provider issued in one year. The provider is the invoice's
    issuer (it is named so on the PDF), so each provider numbers its own invoices without
    gaps: the counter row is taken and bumped in the issuing transaction (portal.fees.numbers)."""

    id = fields.BigIntField(primary_key=True)
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="fee_invoice_counters", on_delete=fields.RESTRICT
    )
    provider_id: uuid.UUID
    year = fields.IntField()
    value = fields.IntField(default=0)

    class Meta:
        table = "fee_invoice_counter"
        unique_together = (("provider", "year"),)


class FeeInvoice(Model):
    """What one payer owes on one case, as issued when the case was referred."""

    id = fields.UUIDField(primary_key=True)
    # The issuer: the provider the case was referred to when the invoice was issued.
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="fee_invoices", on_delete=fields.RESTRICT
    )
    provider_id: uuid.UUID
    number = fields.CharField(max_length=24)  # FEE-2026-000001, in its issuer's series
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="fee_invoices", on_delete=fields.RESTRICT
    )
    case_id: uuid.UUID
    payer = fields.CharEnumField(FeePayer, max_length=16)
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    # The stage the case waits at while this invoice is due (the schedule's, when issued).
    hold_stage = fields.CharEnumField(Stage, max_length=24, null=True)
    status = fields.CharEnumField(InvoiceStatus, max_length=16, default=InvoiceStatus.DUE)
    issued_at = fields.DatetimeField()
    settled_at = fields.DatetimeField(null=True)

    class Meta:
        table = "fee_invoice"
        unique_together = (("case", "payer"), ("provider", "number"))


class FeeWaiver(Model):
    """A party's request that its fee be waived, with reasons and evidence from the case
    file, and the provider's reasoned decision."""

    id = fields.UUIDField(primary_key=True)
    invoice: fields.ForeignKeyRelation[FeeInvoice] = fields.ForeignKeyField(
        "portal.FeeInvoice", related_name="waivers", on_delete=fields.RESTRICT, db_index=True
    )
    invoice_id: uuid.UUID
    requested_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="fee_waivers_requested", on_delete=fields.RESTRICT
    )
    requested_by_id: uuid.UUID
    reasons = fields.TextField()
    evidence: fields.ForeignKeyNullableRelation[Document] = fields.ForeignKeyField(
        "portal.Document", related_name="fee_waivers", null=True, on_delete=fields.RESTRICT
    )
    evidence_id: uuid.UUID | None
    requested_at = fields.DatetimeField()
    status = fields.CharEnumField(WaiverStatus, max_length=16, default=WaiverStatus.PENDING)
    decided_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="fee_waivers_decided", null=True, on_delete=fields.RESTRICT
    )
    decided_by_id: uuid.UUID | None
    decision_reasons = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "fee_waiver"


class FeePayment(Model):
    """A payment of an invoice, through a payment adapter (providers.payments): recorded by
    staff, or reported by a processor's signed callback, whose message id makes it once only."""

    id = fields.UUIDField(primary_key=True)
    invoice: fields.ForeignKeyRelation[FeeInvoice] = fields.ForeignKeyField(
        "portal.FeeInvoice", related_name="payments", on_delete=fields.RESTRICT, db_index=True
    )
    invoice_id: uuid.UUID
    adapter = fields.CharField(max_length=64)
    # The processor's message id (`webhook-id`), or a staff entry's own id: applied once.
    message_id = fields.CharField(max_length=200)
    reference = fields.CharField(max_length=200, default="")  # the checkout, the bank slip
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    # What of the amount paid nothing was owed for: all of it when the invoice was paid or
    # waived already, the excess over the amount due otherwise. Flagged for a refund; never
    # applied to the invoice a second time.
    overpaid_minor = fields.BigIntField(default=0)
    recorded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="fee_payments_recorded", null=True, on_delete=fields.RESTRICT
    )
    recorded_by_id: uuid.UUID | None
    recorded_at = fields.DatetimeField()

    class Meta:
        table = "fee_payment"
        unique_together = (("adapter", "message_id"),)


class FeeCheckout(Model):
    """A card checkout started through a processor's adapter: which invoice its result pays.

    Written (PENDING) before the processor is asked, and its id is the idempotency key the
    processor is asked with: a retry after a failure or a lost answer asks again with the same
    key and gets the same checkout, never a second one (portal.fees.payments)."""

    id = fields.UUIDField(primary_key=True)
    invoice: fields.ForeignKeyRelation[FeeInvoice] = fields.ForeignKeyField(
        "portal.FeeInvoice", related_name="checkouts", on_delete=fields.RESTRICT, db_index=True
    )
    invoice_id: uuid.UUID
    adapter = fields.CharField(max_length=64)
    status = fields.CharEnumField(CheckoutStatus, max_length=16, default=CheckoutStatus.OPEN)
    # The processor's id and hosted page: none until the processor answered.
    reference = fields.CharField(max_length=200, null=True)
    url = fields.CharField(max_length=2000, default="")
    started_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="fee_checkouts", on_delete=fields.RESTRICT
    )
    started_by_id: uuid.UUID
    started_at = fields.DatetimeField()

    class Meta:
        table = "fee_checkout"
        unique_together = (("adapter", "reference"),)
