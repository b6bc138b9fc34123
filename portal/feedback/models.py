"""Survey settings per organisation, invitations after closure, and the answers given.

ISO 10004 7.3 (direct measures of satisfaction): each answer is one `SatisfactionRecord`, with
the case's organisation, provider and method copied in, so indicators group by them in SQL.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Organisation, Provider, User
from portal.cases.models import DisputeCase
from portal.cases.states import Method
from portal.feedback.states import QuestionKind, Respondent


class SurveyPolicy(Model):
    """An organisation's survey: its questions, and whether its own side is asked too."""

    id = fields.UUIDField(primary_key=True)
    organisation: fields.OneToOneRelation[Organisation] = fields.OneToOneField(
        "portal.Organisation", related_name="survey_policy", on_delete=fields.CASCADE
    )
    organisation_id: uuid.UUID
    # [{"key", "kind", "prompt", "required"}]; see portal.feedback.questions.
    questions: list[dict[str, Any]] = fields.JSONField()
    invite_organisation = fields.BooleanField(default=False)
    # How long a link stays valid, and when its one reminder is due, after the closure.
    valid_days = fields.IntField(default=30)
    reminder_after_days = fields.IntField(default=7)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "survey_policy"


class SurveyInvitation(Model):
    """One personal, login-free survey link's row: its single use is enforced here."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="survey_invitations", on_delete=fields.CASCADE
    )
    case_id: uuid.UUID
    respondent = fields.CharEnumField(Respondent, max_length=16)
    # The complainant; empty for the organisation's invitation (any of its managers answers).
    recipient: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User",
        related_name="survey_invitations",
        null=True,
        on_delete=fields.SET_NULL,
        db_index=True,
    )
    recipient_id: uuid.UUID | None
    # The questions as they were when the case closed: a later change of the policy does not
    # change a survey already sent.
    questions: list[dict[str, Any]] = fields.JSONField()
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    reminder_due_at = fields.DatetimeField()
    reminded_at = fields.DatetimeField(null=True)
    answered_at = fields.DatetimeField(null=True)

    class Meta:
        table = "survey_invitation"
        unique_together = (("case", "respondent"),)
        indexes = (("answered_at", "reminded_at", "reminder_due_at"),)

    def is_open_at(self, at: datetime) -> bool:
        return self.answered_at is None and at < self.expires_at


class SatisfactionRecord(Model):
    id = fields.UUIDField(primary_key=True)
    invitation: fields.ForeignKeyRelation[SurveyInvitation] = fields.ForeignKeyField(
        "portal.SurveyInvitation", related_name="answers", on_delete=fields.CASCADE, db_index=True
    )
    invitation_id: uuid.UUID
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase",
        related_name="satisfaction_records",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    case_id: uuid.UUID
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="satisfaction_records", on_delete=fields.CASCADE
    )
    organisation_id: uuid.UUID
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="satisfaction_records", on_delete=fields.CASCADE
    )
    provider_id: uuid.UUID
    method = fields.CharEnumField(Method, max_length=32)
    respondent = fields.CharEnumField(Respondent, max_length=16)
    question = fields.CharField(max_length=32)
    kind = fields.CharEnumField(QuestionKind, max_length=8)
    score = fields.IntField(null=True)  # 1 to 5, for scale questions
    agreed = fields.BooleanField(null=True)  # yes/no questions
    comment = fields.TextField(default="")  # free text: never shown in any report
    answered_at = fields.DatetimeField()

    class Meta:
        table = "satisfaction_record"
        indexes = (("organisation_id", "answered_at"), ("provider_id", "answered_at"))
