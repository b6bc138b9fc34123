"""ISO 10003 dispute cases and the records each stage leaves behind."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Organisation, Provider, User
from portal.cases.notices import Shown, legal_effect
from portal.cases.states import (
    AppointmentStatus,
    ClockHold,
    ClockKind,
    ClockStatus,
    ClosureReason,
    DeclineGround,
    InvitationStatus,
    Method,
    OfferStatus,
    OutcomeKind,
    Party,
    Side,
    Stage,
)
from portal.complaints.models import Complaint


class Scheme(Model):
    """A provider's rule book: its clocks, calendar and what silence means (EU ADR Art. 7)."""

    id = fields.UUIDField(primary_key=True)
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="schemes", on_delete=fields.CASCADE, db_index=True
    )
    provider_id: uuid.UUID
    name = fields.CharField(max_length=200)
    # Public holidays of this country are skipped by working-day clocks.
    country = fields.CharField(max_length=2)
    # {clock kind: {"days": n, "calendar": "calendar_days" | "working_days"}}; kinds left out
    # take the defaults of portal.cases.clocks.DEFAULT_POLICY.
    clock_policy: dict[str, Any] = fields.JSONField(default=dict)
    # DOMAIN.md: the organisation's silence until its response clock runs out is a refusal.
    silence_is_refusal = fields.BooleanField(default=True)
    # Whether the organisation may withdraw from a case it has joined (ISO 10003 4.6 gives the
    # complainant that right at any stage; the organisation has it only where the scheme says).
    organisation_may_withdraw = fields.BooleanField(default=False)
    # Method values this scheme runs; empty: whatever the provider's profile publishes.
    methods: list[str] = fields.JSONField(default=list)
    fees = fields.TextField(default="")  # costs for the parties under this scheme, in words
    # {method: {language: text}}: what a complainant consents to (ISO 10003 4.6); read through
    # `consent_text`, which falls back to Parley's standard text (portal.cases.notices).
    legal_effects: dict[str, dict[str, str]] = fields.JSONField(default=dict)
    # A scheme cases point at is never changed in place (portal.admin.services): an edit makes
    # a new version that new referrals use, and the old one is retired, pointing at it.
    version = fields.IntField(default=1)
    replaced_by: fields.ForeignKeyNullableRelation[Scheme] = fields.ForeignKeyField(
        "portal.Scheme", related_name="replaces", null=True, on_delete=fields.RESTRICT
    )
    replaced_by_id: uuid.UUID | None
    retired_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Issue 19: a closed case's personal data is kept this many whole years after it closed,
    # then redacted by the retention job (portal.privacy.retention; docs/operations.md).
    retention_years = fields.IntField(default=6)
    # Issue 20, 3: the calendar days within which a party may ask a person to review a step
    # the clock job took automatically (portal.automated).
    automated_review_days = fields.IntField(default=14)

    class Meta:
        table = "scheme"

    def consent_text(self, method: Method, language: str) -> Shown:
        """The legal effect a complainant reading ``language`` is shown for ``method``, and
        that their consent records (issue 15)."""
        return legal_effect(self.legal_effects.get(method.value) or {}, method, language)


class OrganisationProvider(Model):
    """An organisation takes part in a provider's scheme: its customers may be referred there."""

    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="provider_links", on_delete=fields.CASCADE
    )
    organisation_id: uuid.UUID
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider",
        related_name="organisation_links",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    provider_id: uuid.UUID
    scheme: fields.ForeignKeyRelation[Scheme] = fields.ForeignKeyField(
        "portal.Scheme", related_name="organisation_links", on_delete=fields.RESTRICT
    )
    scheme_id: uuid.UUID
    # Retired by an admin: the organisation's customers are no longer referred there.
    retired_at = fields.DatetimeField(null=True)

    class Meta:
        table = "organisation_provider"
        unique_together = (("organisation", "provider"),)


# The longest case reference the column holds: a longer one names no case (the ORM refuses a
# longer filter value outright, so callers check it first).
REFERENCE_LENGTH = 32


class DisputeCase(Model):
    id = fields.UUIDField(primary_key=True)
    reference = fields.CharField(max_length=REFERENCE_LENGTH, unique=True)
    complaint: fields.OneToOneRelation[Complaint] = fields.OneToOneField(
        "portal.Complaint", related_name="dispute", on_delete=fields.RESTRICT
    )
    complaint_id: uuid.UUID
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="cases", on_delete=fields.RESTRICT
    )
    organisation_id: uuid.UUID
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="cases", on_delete=fields.RESTRICT
    )
    provider_id: uuid.UUID
    scheme: fields.ForeignKeyRelation[Scheme] = fields.ForeignKeyField(
        "portal.Scheme", related_name="cases", on_delete=fields.RESTRICT, db_index=True
    )
    scheme_id: uuid.UUID
    complainant: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="disputes", on_delete=fields.RESTRICT, db_index=True
    )
    complainant_id: uuid.UUID
    subject = fields.CharField(max_length=200)
    method = fields.CharEnumField(Method, max_length=32)
    claimed_amount: Decimal | None = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    currency = fields.CharField(max_length=3, default="EUR")
    language = fields.CharField(max_length=16, default="en")
    unresolved_reason = fields.TextField(default="")
    is_complex = fields.BooleanField(default=False)
    stage = fields.CharEnumField(Stage, max_length=24, default=Stage.REFERRED)
    stage_changed_at = fields.DatetimeField()
    decline_ground = fields.CharEnumField(DeclineGround, max_length=40, null=True)
    decline_reasons = fields.TextField(default="")
    organisation_position = fields.TextField(default="")
    responded_at = fields.DatetimeField(null=True)
    # DOMAIN.md, fairness: the complainant's answer to the organisation's position.
    complainant_reply = fields.TextField(default="")
    replied_at = fields.DatetimeField(null=True)
    file_completed_at = fields.DatetimeField(null=True)
    implementation_evidence = fields.TextField(default="")
    implemented_at = fields.DatetimeField(null=True)
    implementation_confirmed_at = fields.DatetimeField(null=True)
    # The implementation went to the provider to decide: reported not done, not confirmed in
    # time, or not recorded in time; with what was said (portal.cases.implementation).
    escalated_at = fields.DatetimeField(null=True)
    escalation_note = fields.TextField(default="")
    closure_reason = fields.CharEnumField(ClosureReason, max_length=32, null=True)
    closure_note = fields.TextField(default="")
    withdrawal_reason = fields.TextField(default="")
    withdrawn_by = fields.CharEnumField(Side, max_length=16, null=True)
    closed_at = fields.DatetimeField(null=True)
    # Issue 19: when retention or an erasure removed the case's personal data (its chain
    # records it with a `records_redacted` event).
    redacted_at = fields.DatetimeField(null=True)
    # The timeline's head: its length and the hash of its last event (the receipt).
    last_sequence = fields.IntField(default=0)
    head_hash = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    # Issue 18: moves with every event on its timeline (stage changes, messages, documents...),
    # set where events are appended (portal.timeline.services.append); `updatedSince`.
    updated_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "dispute_case"
        indexes = (("organisation_id", "created_at"), ("provider_id", "stage"))


class CaseParticipant(Model):
    """The complainant and any representative: roles on one case, not on an account."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="participants", on_delete=fields.CASCADE
    )
    case_id: uuid.UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="case_roles", on_delete=fields.RESTRICT, db_index=True
    )
    user_id: uuid.UUID
    role = fields.CharField(max_length=16)  # complainant | representative
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "case_participant"
        unique_together = (("case", "user", "role"),)


class RepresentativeInvitation(Model):
    """The complainant asks someone, by e-mail address, to act for them. It becomes a
    representative row in case_participant only when the invitee, signed in with that address,
    accepts: once, before it expires (portal.cases.representatives)."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase",
        related_name="representative_invitations",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    case_id: uuid.UUID
    email = fields.CharField(max_length=320)
    invited_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="representative_invitations", on_delete=fields.RESTRICT
    )
    invited_by_id: uuid.UUID
    status = fields.CharEnumField(InvitationStatus, max_length=16, default=InvitationStatus.PENDING)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)
    accepted_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User",
        related_name="accepted_representative_invitations",
        null=True,
        on_delete=fields.RESTRICT,
    )
    accepted_by_id: uuid.UUID | None

    class Meta:
        table = "representative_invitation"

    def status_at(self, now: datetime) -> InvitationStatus:
        return InvitationStatus.at(self.status, self.expires_at, now)


class Consent(Model):
    """ISO 10003 4.6: informed consent, recorded before any resolution step."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="consents", on_delete=fields.CASCADE, db_index=True
    )
    case_id: uuid.UUID
    given_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="consents", on_delete=fields.RESTRICT
    )
    given_by_id: uuid.UUID
    method = fields.CharEnumField(Method, max_length=32)
    legal_effect = fields.TextField()  # the text the complainant was shown
    # The language (BCP 47) `legal_effect` was shown in. Empty for a consent given before the
    # consent screen showed this text (issue 15): the text was recorded, not shown.
    language = fields.CharField(max_length=16, default="")
    understands_legal_effect = fields.BooleanField()
    understands_right_to_withdraw = fields.BooleanField()
    consents_to_be_bound = fields.BooleanField(default=False)
    given_at = fields.DatetimeField()

    class Meta:
        table = "consent"


class NeutralAppointment(Model):
    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="appointments", on_delete=fields.CASCADE, db_index=True
    )
    case_id: uuid.UUID
    neutral: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="appointments", on_delete=fields.RESTRICT, db_index=True
    )
    neutral_id: uuid.UUID
    appointed_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="appointments_made", on_delete=fields.RESTRICT
    )
    appointed_by_id: uuid.UUID
    status = fields.CharEnumField(AppointmentStatus, max_length=24)
    impartial = fields.BooleanField(null=True)
    disclosures = fields.TextField(default="")
    declared_at = fields.DatetimeField(null=True)
    appointed_at = fields.DatetimeField()
    ended_at = fields.DatetimeField(null=True)
    # Why it ended, when the neutral withdrew or the provider removed them.
    end_reasons = fields.TextField(default="")

    class Meta:
        table = "neutral_appointment"


class Objection(Model):
    id = fields.UUIDField(primary_key=True)
    appointment: fields.ForeignKeyRelation[NeutralAppointment] = fields.ForeignKeyField(
        "portal.NeutralAppointment",
        related_name="objections",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    appointment_id: uuid.UUID
    raised_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="objections", on_delete=fields.RESTRICT
    )
    raised_by_id: uuid.UUID
    side = fields.CharEnumField(Side, max_length=16)
    reasons = fields.TextField()
    raised_at = fields.DatetimeField()
    upheld = fields.BooleanField(null=True)
    decision_reasons = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "objection"


class Offer(Model):
    """Facilitative resolution: offers and counter-offers with their history."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="offers", on_delete=fields.CASCADE, db_index=True
    )
    case_id: uuid.UUID
    side = fields.CharEnumField(Side, max_length=16)
    made_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="offers", on_delete=fields.RESTRICT
    )
    made_by_id: uuid.UUID
    amount: Decimal = fields.DecimalField(max_digits=14, decimal_places=2)
    currency = fields.CharField(max_length=3)
    terms = fields.TextField()
    expires_at = fields.DatetimeField(null=True)
    status = fields.CharEnumField(OfferStatus, max_length=16, default=OfferStatus.OPEN)
    replying_to: fields.ForeignKeyNullableRelation[Offer] = fields.ForeignKeyField(
        "portal.Offer",
        related_name="counter_offers",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    replying_to_id: uuid.UUID | None
    made_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "offer"

    def is_open_at(self, now: datetime) -> bool:
        return self.status is OfferStatus.OPEN and (
            self.expires_at is None or now < self.expires_at
        )


class Outcome(Model):
    """A settlement, recommendation or award, with reasons (ISO 10003 7.5)."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="outcomes", on_delete=fields.CASCADE, db_index=True
    )
    case_id: uuid.UUID
    kind = fields.CharEnumField(OutcomeKind, max_length=24)
    binding = fields.BooleanField()
    summary = fields.TextField()
    reasons = fields.TextField()
    amount: Decimal | None = fields.DecimalField(max_digits=14, decimal_places=2, null=True)
    currency = fields.CharField(max_length=3, default="EUR")
    issued_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="outcomes_issued", on_delete=fields.RESTRICT
    )
    issued_by_id: uuid.UUID
    issued_at = fields.DatetimeField()
    offer: fields.ForeignKeyNullableRelation[Offer] = fields.ForeignKeyField(
        "portal.Offer", related_name="outcomes", null=True, on_delete=fields.SET_NULL
    )
    offer_id: uuid.UUID | None
    accepted_by_complainant_at = fields.DatetimeField(null=True)
    accepted_by_organisation_at = fields.DatetimeField(null=True)
    rejected_by = fields.CharEnumField(Side, max_length=16, null=True)
    rejection_reasons = fields.TextField(default="")
    rejected_at = fields.DatetimeField(null=True)
    review_requested_by = fields.CharEnumField(Side, max_length=16, null=True)
    review_reasons = fields.TextField(default="")
    review_requested_at = fields.DatetimeField(null=True)
    review_decision = fields.CharField(max_length=16, default="")  # upheld | varied
    review_decision_reasons = fields.TextField(default="")
    reviewed_at = fields.DatetimeField(null=True)
    # A varied award replaces this one; the history stays.
    superseded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outcome"


class Clock(Model):
    """A due date that all parties see (DOMAIN.md "Clocks")."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="clocks", on_delete=fields.CASCADE, db_index=True
    )
    case_id: uuid.UUID
    kind = fields.CharEnumField(ClockKind, max_length=16)
    responsible = fields.CharEnumField(Party, max_length=16)
    calendar = fields.CharField(max_length=16)
    days = fields.IntField()
    started_at = fields.DatetimeField()
    due_at = fields.DatetimeField()
    status = fields.CharEnumField(ClockStatus, max_length=16, default=ClockStatus.RUNNING)
    ended_at = fields.DatetimeField(null=True)
    extensions = fields.IntField(default=0)
    # Paused by a hold in force on the case (portal.cases.holds): since when, and which hold.
    # Only a running clock is ever paused; `due_at` then stays as it stood, and resuming moves
    # it by the time held (`clocks.resumed_due`).
    paused_at = fields.DatetimeField(null=True)
    paused_for = fields.CharEnumField(ClockHold, max_length=16, null=True)

    class Meta:
        table = "clock"
        indexes = (("status", "due_at"),)


class ReferenceCounter(Model):
    """The last number handed out per prefix and year (DR-2026-000123)."""

    key = fields.CharField(max_length=16, primary_key=True)
    value = fields.IntField(default=0)

    class Meta:
        table = "reference_counter"
