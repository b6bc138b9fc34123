"""An automated decision (a step the clock job took) and a person's review of it."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise import fields
from tortoise.models import Model

from portal.cases.models import DisputeCase
from portal.cases.states import AutomatedReviewStatus, AutomatedRule, Side, Stage
from portal.timeline.models import TimelineEvent


class AutomatedDecision(Model):
    """One step of the clock job: the rule that took it, its record on the timeline, where it
    left the case, and until when a party may ask a person to review it."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase",
        related_name="automated_decisions",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    case_id: uuid.UUID
    event: fields.ForeignKeyRelation[TimelineEvent] = fields.ForeignKeyField(
        "portal.TimelineEvent", related_name="automated_decision", on_delete=fields.RESTRICT
    )
    event_id: int
    rule = fields.CharEnumField(AutomatedRule, max_length=32)
    stage_before = fields.CharEnumField(Stage, max_length=24)
    stage_after = fields.CharEnumField(Stage, max_length=24)
    decided_at = fields.DatetimeField()
    # The clocks running once the step was done: a reversal is possible while they still are
    # (and the case is still at `stage_after`), i.e. while nothing has moved on since.
    clocks_after: list[str] = fields.JSONField(default=list)
    # The end of the window in which a party may ask for a person's review (the scheme's
    # `automated_review_days`, counted as the clocks count calendar days).
    review_due_at = fields.DatetimeField()

    class Meta:
        table = "automated_decision"

    def review_open_at(self, at: datetime) -> bool:
        return at <= self.review_due_at


class AutomatedReview(Model):
    """A party's request that a person review an automated decision, and the decision on it.
    One per automated decision: whichever party asks first, the review is of the decision."""

    id = fields.UUIDField(primary_key=True)
    decision: fields.OneToOneRelation[AutomatedDecision] = fields.OneToOneField(
        "portal.AutomatedDecision", related_name="review", on_delete=fields.RESTRICT
    )
    decision_id: uuid.UUID
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase",
        related_name="automated_reviews",
        on_delete=fields.RESTRICT,
        db_index=True,
    )
    case_id: uuid.UUID
    side = fields.CharEnumField(Side, max_length=16)
    requested_by_id = fields.UUIDField()
    reasons = fields.TextField()
    requested_at = fields.DatetimeField()
    status = fields.CharEnumField(AutomatedReviewStatus, max_length=16, db_index=True)
    decided_by_id = fields.UUIDField(null=True)
    decision_reasons = fields.TextField(default="")
    decided_at = fields.DatetimeField(null=True)

    class Meta:
        table = "automated_review"
