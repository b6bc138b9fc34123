"""Linked and group cases (issue 20, deliverable 4).

A provider links cases of one organisation that share a cause (a link is symmetric and states
why), and may run linked cases as a group: one lead case, shared documents, one outcome
proposed to every member. The amended EU ADR Directive (2013/11/EU as amended by 2025/2647)
lets an ADR entity bundle similar disputes only with each complainant's consent: a case is a
member only while its complainant's consent stands (`GroupConsent.GIVEN`), recorded with its
time, and withdrawable until the group's outcome is proposed.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Organisation, Provider
from portal.cases.models import DisputeCase


class GroupConsent(StrEnum):
    """Where a complainant's consent to having their case run in a group stands."""

    ASKED = "asked"  # the provider asked; no answer yet
    GIVEN = "given"  # consented: the case is a member
    REFUSED = "refused"  # refused: the case runs alone
    WITHDRAWN = "withdrawn"  # consented, then withdrew before the group outcome


class CaseLink(Model):
    """Two cases of one organisation at one provider, related by their cause. Symmetric: one
    row per pair, stored with the smaller id first (`case_id` < `other_id`)."""

    id = fields.UUIDField(primary_key=True)
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="links_from", on_delete=fields.CASCADE
    )
    case_id: uuid.UUID
    other: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="links_to", on_delete=fields.CASCADE, db_index=True
    )
    other_id: uuid.UUID
    reason = fields.TextField()
    linked_by_id = fields.UUIDField()  # a user or a service account
    created_at = fields.DatetimeField()

    class Meta:
        table = "case_link"
        unique_together = (("case", "other"),)


class CaseGroup(Model):
    """Linked cases run together under one lead case (`GRP-2026-000001`)."""

    id = fields.UUIDField(primary_key=True)
    reference = fields.CharField(max_length=32, unique=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="case_groups", on_delete=fields.RESTRICT
    )
    organisation_id: uuid.UUID
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="case_groups", on_delete=fields.RESTRICT
    )
    provider_id: uuid.UUID
    lead_case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase", related_name="led_groups", on_delete=fields.RESTRICT, db_index=True
    )
    lead_case_id: uuid.UUID
    created_by_id = fields.UUIDField()
    created_at = fields.DatetimeField()
    # Formed by the provider once the lead and at least one more complainant consented.
    formed_at = fields.DatetimeField(null=True)
    # The one outcome went to every member: consent can no longer be withdrawn or given.
    outcome_proposed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "case_group"
        indexes = (("organisation_id", "created_at"), ("provider_id", "created_at"))


class GroupMember(Model):
    """A case asked into a group, and its complainant's answer (with its time)."""

    id = fields.UUIDField(primary_key=True)
    group: fields.ForeignKeyRelation[CaseGroup] = fields.ForeignKeyField(
        "portal.CaseGroup", related_name="members", on_delete=fields.CASCADE
    )
    group_id: uuid.UUID
    case: fields.ForeignKeyRelation[DisputeCase] = fields.ForeignKeyField(
        "portal.DisputeCase",
        related_name="group_memberships",
        on_delete=fields.CASCADE,
        db_index=True,
    )
    case_id: uuid.UUID
    consent = fields.CharEnumField(GroupConsent, max_length=16, default=GroupConsent.ASKED)
    asked_at = fields.DatetimeField()
    # When the complainant (or their representative) gave, refused or withdrew consent.
    answered_at = fields.DatetimeField(null=True)
    answered_by_id = fields.UUIDField(null=True)
    # When the case took part in the group: its formation, or a consent given after it.
    joined_at = fields.DatetimeField(null=True)

    class Meta:
        table = "group_member"
        unique_together = (("group", "case"),)


class GroupDocument(Model):
    """A document of a member case shared with the group: every version of its lineage is in
    every member's case file, in the document's own scope (policy.readable_scopes decides)."""

    id = fields.UUIDField(primary_key=True)
    group: fields.ForeignKeyRelation[CaseGroup] = fields.ForeignKeyField(
        "portal.CaseGroup", related_name="documents", on_delete=fields.CASCADE
    )
    group_id: uuid.UUID
    # The member case the document belongs to: while it is no longer a member, its
    # documents are not shared (portal.casefiles.services.documents_of).
    case_id = fields.UUIDField()
    lineage_id = fields.UUIDField(db_index=True)
    shared_by_id = fields.UUIDField()
    shared_at = fields.DatetimeField()

    class Meta:
        table = "group_document"
        unique_together = (("group", "lineage_id"),)
