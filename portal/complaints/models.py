"""ISO 10002 complaint records: what the organisation handled before any dispute."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Organisation, User
from portal.cases.states import Calendar, ClockStatus
from portal.complaints.states import (
    ComplaintAction,
    ComplaintClockKind,
    ComplaintDecision,
    ComplaintRole,
)


class Channel(StrEnum):
    """ISO 10002 7.2: how the complaint was received."""

    WEB = "web"
    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    IN_PERSON = "in_person"


class ComplaintStatus(StrEnum):
    """ISO 10002 7.2 to 7.9."""

    RECEIVED = "received"  # 7.2
    ACKNOWLEDGED = "acknowledged"  # 7.4
    ASSESSED = "assessed"  # 7.5, 7.6: initial assessment and investigation
    RESPONDED = "responded"  # 7.7
    CLOSED = "closed"  # 7.9
    REFERRED = "referred"  # 7.8: unresolved, taken to external dispute resolution


class Complaint(Model):
    id = fields.UUIDField(primary_key=True)
    reference = fields.CharField(max_length=32, unique=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="complaints", on_delete=fields.RESTRICT
    )
    organisation_id: uuid.UUID
    complainant: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="complaints", on_delete=fields.RESTRICT, db_index=True
    )
    complainant_id: uuid.UUID
    # An agent who recorded a complaint received by phone, letter or in person.
    recorded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="recorded_complaints", null=True, on_delete=fields.SET_NULL
    )
    recorded_by_id: uuid.UUID | None
    channel = fields.CharEnumField(Channel, max_length=16)
    # Issue 13 F5: for a recorded complaint, the name the complainant gave the agent. Until the
    # complainant confirms the complaint (confirmed_at), everyone else sees this name, never the
    # account's, so recording for an address reveals nothing of an account behind it.
    complainant_name = fields.CharField(max_length=200, default="")
    # When the complainant confirmed the complaint as theirs: filed online, at once; recorded by
    # an agent, when they confirm or refer it themselves. Until then it is not referred.
    confirmed_at = fields.DatetimeField(null=True)
    subject = fields.CharField(max_length=200)
    description = fields.TextField()
    remedy_sought = fields.TextField(default="")
    status = fields.CharEnumField(ComplaintStatus, max_length=16, default=ComplaintStatus.RECEIVED)
    received_at = fields.DatetimeField()
    acknowledged_at = fields.DatetimeField(null=True)
    assessed_at = fields.DatetimeField(null=True)
    assessment = fields.TextField(default="")
    responded_at = fields.DatetimeField(null=True)
    response = fields.TextField(default="")
    # ISO 10002 7.7: the decision given with the response; empty until responded.
    decision = fields.CharEnumField(ComplaintDecision, max_length=16, null=True)
    closed_at = fields.DatetimeField(null=True)
    closure_note = fields.TextField(default="")
    referred_at = fields.DatetimeField(null=True)
    unresolved_reason = fields.TextField(default="")
    # Written back when the dispute closes (ISO 10002 8, ISO 10003 8: feedback).
    outcome = fields.CharField(max_length=32, default="")
    remedy_granted = fields.TextField(default="")
    root_cause = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    # Issue 18: moves with every step taken on it, set where steps are appended
    # (portal.complaints.engine); `updatedSince`.
    updated_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    # Issue 19: the head of the complaint's hash chain (`portal.complaints.chain`), like a
    # case's: its steps so far and the last one's hash; "" before the first step.
    last_sequence = fields.IntField(default=0)
    head_hash = fields.CharField(max_length=64, default="")
    # A complaint whose steps were taken before the chain existed (migration 0023): when they
    # were chained, and how many there were then. Both are covered by the first step's hash.
    anchored_at = fields.DatetimeField(null=True)
    anchored_steps = fields.IntField(default=0)

    class Meta:
        table = "complaint"
        indexes = (("organisation_id", "received_at"),)


class ComplaintStep(Model):
    """One step taken on a complaint, as its transition table ran it (append-only).

    Oldest first by (at, id), which is also the order of `sequence`. Every step names its
    actor's role; the actor itself is empty for the clock job, and for steps from before 0019
    whose record does not say who took them.

    Issue 19: the steps of one complaint form a hash chain (`portal.complaints.chain`): each
    covers its fields and the SHA-256 of its text, and the hash of the step before."""

    id = fields.BigIntField(primary_key=True)
    complaint: fields.ForeignKeyRelation[Complaint] = fields.ForeignKeyField(
        "portal.Complaint", related_name="steps", on_delete=fields.RESTRICT
    )
    complaint_id: uuid.UUID
    action = fields.CharEnumField(ComplaintAction, max_length=24)
    status = fields.CharEnumField(ComplaintStatus, max_length=16)  # the status after the step
    actor_id = fields.UUIDField(null=True)  # a user or integration client; empty: clock job
    actor_role = fields.CharEnumField(ComplaintRole, max_length=16)
    at = fields.DatetimeField()
    # The assessment, note, response, closure note or unresolved reason; "" when none.
    text = fields.TextField(default="")
    decision = fields.CharEnumField(ComplaintDecision, max_length=16, null=True)
    clock = fields.CharEnumField(ComplaintClockKind, max_length=16, null=True)  # lapsed one
    # Set when retention or an erasure removed the text (issue 19); its digest stays on the chain.
    redacted_at = fields.DatetimeField(null=True)
    # Its place on the complaint's chain: 1, 2, ... ; the SHA-256 of `text` (kept when the text
    # is erased); the digest of the step's fields; the previous step's hash; its own hash.
    sequence = fields.IntField(default=0)
    text_digest = fields.CharField(max_length=64, default="")
    payload_digest = fields.CharField(max_length=64, default="")
    prev_hash = fields.CharField(max_length=64, default="")
    hash = fields.CharField(max_length=64, default="")

    class Meta:
        table = "complaint_step"
        indexes = (("complaint_id", "at"),)


class ComplaintClock(Model):
    """A deadline of the organisation on one complaint (portal.complaints.clocks)."""

    id = fields.UUIDField(primary_key=True)
    complaint: fields.ForeignKeyRelation[Complaint] = fields.ForeignKeyField(
        "portal.Complaint", related_name="clocks", on_delete=fields.RESTRICT, db_index=True
    )
    complaint_id: uuid.UUID
    kind = fields.CharEnumField(ComplaintClockKind, max_length=16)
    calendar = fields.CharEnumField(Calendar, max_length=16)
    days = fields.IntField()
    started_at = fields.DatetimeField()
    due_at = fields.DatetimeField()
    status = fields.CharEnumField(ClockStatus, max_length=16, default=ClockStatus.RUNNING)
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "complaint_clock"
        indexes = (("status", "due_at"),)
