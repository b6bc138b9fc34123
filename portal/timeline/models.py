"""The case timeline: append-only events, chained by SHA-256 (DOMAIN.md "The timeline")."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from portal.cases.models import DisputeCase


class Visibility(StrEnum):
    """Who may read an event, message or document (QUALITY.md "Access")."""

    ALL_PARTIES = "all_parties"
    CAUCUS_COMPLAINANT = "caucus_complainant"  # the neutral and the complainant side
    CAUCUS_ORGANISATION = "caucus_organisation"  # the neutral and the organisation side
    NEUTRAL_ONLY = "neutral_only"
    ORGANISATION_INTERNAL = "organisation_internal"
    PROVIDER_INTERNAL = "provider_internal"


class TimelineEvent(Model):
    id = fields.BigIntField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="events", on_delete=fields.RESTRICT
    )
    case_id: uuid.UUID
    sequence = fields.IntField()
    kind = fields.CharField(max_length=48)
    occurred_at = fields.DatetimeField()
    actor_id = fields.UUIDField(null=True)  # a user or service account; empty for the clock job
    actor_role = fields.CharField(max_length=16)
    visibility = fields.CharEnumField(Visibility, max_length=24)
    # Personal data lives here; the chain covers only its digest, so erasing it later keeps the
    # chain verifiable.
    payload: dict[str, Any] = fields.JSONField(default=dict)
    payload_digest = fields.CharField(max_length=64)
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)
    # Issue 18: its place in the installation-wide event feed (`events`), given in commit order
    # when its transaction commits (portal.timeline.feed); null until then, never seen so.
    position = fields.BigIntField(null=True, unique=True)

    class Meta:
        table = "timeline_event"
        unique_together = (("case", "sequence"),)
        # Events of one kind across the cases a reader may read (policy.may_view_participant's
        # REPRESENTATIVE_REMOVED lookup), without reading the whole table.
        indexes = (("kind", "case_id"),)


class EventFeedHead(Model):
    """One row: the last feed position given out (portal.timeline.feed). Its row lock is
    what puts positions in commit order."""

    id = fields.IntField(primary_key=True)
    position = fields.BigIntField(default=0)

    class Meta:
        table = "event_feed_head"
