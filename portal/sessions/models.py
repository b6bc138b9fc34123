"""Sessions and hearings of a case, each side's answer to its slots, and calendar feeds."""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import User
from portal.cases.models import DisputeCase
from portal.cases.states import Side
from portal.sessions.states import SessionKind, SessionStatus
from portal.timeline.models import Visibility


class CaseSession(Model):
    """A mediation meeting or a hearing: proposed with slots, then scheduled on one of them.

    Its `visibility` is its scope (all parties, or one side's caucus with the neutral): the
    session, its events and its mails reach only those who may read that scope."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="sessions", on_delete=fields.RESTRICT
    )
    case_id: uuid.UUID
    kind = fields.CharEnumField(SessionKind, max_length=24)
    visibility = fields.CharEnumField(Visibility, max_length=24)
    status = fields.CharEnumField(SessionStatus, max_length=16, default=SessionStatus.PROPOSED)
    # The slots offered, as ISO 8601 instants with their offset, in the order offered
    # (answers name them by number, from 1).
    slots: list[str] = fields.JSONField(default=list)
    duration_minutes = fields.IntField()
    place = fields.CharField(max_length=500, null=True)
    link = fields.CharField(max_length=500, null=True)
    agenda = fields.TextField()
    # Set once scheduled: the slot chosen, and the start (a move changes it).
    slot_number = fields.IntField(null=True)
    starts_at = fields.DatetimeField(null=True)
    # RFC 5545 SEQUENCE: each move and the cancellation count one up, so calendars replace
    # the invitation they hold (its UID is the session's id).
    sequence = fields.IntField(default=0)
    proposed_by_id = fields.UUIDField()  # a user or a service account
    proposer_role = fields.CharField(max_length=16)
    proposed_at = fields.DatetimeField()
    scheduled_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.TextField(null=True)
    attended: list[str] | None = fields.JSONField(null=True)
    minute = fields.TextField(null=True)
    minuted_at = fields.DatetimeField(null=True)
    # The start a reminder went out for: a moved session is reminded again.
    reminded_for = fields.DatetimeField(null=True)
    # A group's session (issue 20, 4): one row on each member case, all with the same
    # `group_session_id` (also the calendars' UID, so a person in several member cases holds
    # one event); None for a session of this case alone.
    group_id = fields.UUIDField(null=True)
    group_session_id = fields.UUIDField(null=True, db_index=True)

    class Meta:
        table = "case_session"
        indexes = (("case_id", "proposed_at"), ("status", "starts_at"))

    @property
    def calendar_id(self) -> uuid.UUID:
        """What calendars know it by: the group's session, or this one."""
        return self.group_session_id or self.id

    def slot_instants(self) -> list[datetime]:
        return [datetime.fromisoformat(s) for s in self.slots]


class SessionAnswer(Model):
    """One side's answer to a proposed session: the slot it picked, or its reasons for
    declining them all. A side may change its answer while the session is proposed."""

    id = fields.UUIDField(primary_key=True)
    session: fields.ForeignKeyRelation[CaseSession] = fields.ForeignKeyField(
        "portal.CaseSession", related_name="answers", on_delete=fields.CASCADE
    )
    session_id: uuid.UUID
    side = fields.CharEnumField(Side, max_length=16)
    slot_number = fields.IntField(null=True)  # None: declined
    reason = fields.TextField(null=True)
    answered_by_id = fields.UUIDField()
    answered_at = fields.DatetimeField()

    class Meta:
        table = "case_session_answer"
        unique_together = (("session", "side"),)


class CalendarFeed(Model):
    """A person's calendar feed: a secret URL that serves their visible sessions as one .ics.
    Only the token's SHA-256 is kept; revoking sets `revoked_at`, and the URL then answers 404."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="calendar_feeds", on_delete=fields.CASCADE
    )
    user_id: uuid.UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "calendar_feed"
        indexes = (("user_id", "revoked_at"),)
