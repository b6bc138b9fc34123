"""ISO 10002 complaints as GraphQL serves them."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry

from portal.api.accounts.types import Organisation, Provider, organisation_for
from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.access import visible
from portal.api.cases.records import Participant, participant
from portal.api.cases.types import DisputeCase
from portal.api.context import Info
from portal.api.node import Node, node_resolver, to_global_id
from portal.auth import policy
from portal.complaints import models
from portal.complaints.models import Channel, ComplaintStatus
from portal.directory import referrals


@strawberry.type(description="A complaint made to an organisation (ISO 10002).")
class Complaint(Node):
    reference: str = strawberry.field(description="Readable and unique: `CMP-2026-000042`.")
    channel: Channel
    subject: str
    description: str
    remedy_sought: str
    status: ComplaintStatus
    received_at: datetime
    acknowledged_at: datetime | None
    assessed_at: datetime | None
    assessment: str
    responded_at: datetime | None
    response: str
    closed_at: datetime | None
    closure_note: str
    referred_at: datetime | None
    confirmed_at: datetime | None = strawberry.field(
        description="When the complainant confirmed it as theirs: filed online, when filed. "
        "A complaint an agent recorded stays unconfirmed until its complainant confirms it "
        "(`confirmComplaint`) or refers it; until then others see the name the agent recorded "
        "as `complainant`, and the organisation cannot refer it."
    )
    unresolved_reason: str
    created_at: datetime
    row: strawberry.Private[models.Complaint]

    @classmethod
    def from_row(cls, row: models.Complaint) -> Complaint:
        return cls(
            id=to_global_id("Complaint", row.id),
            reference=row.reference,
            channel=row.channel,
            subject=row.subject,
            description=row.description,
            remedy_sought=row.remedy_sought,
            status=row.status,
            received_at=row.received_at,
            acknowledged_at=row.acknowledged_at,
            assessed_at=row.assessed_at,
            assessment=row.assessment,
            responded_at=row.responded_at,
            response=row.response,
            closed_at=row.closed_at,
            closure_note=row.closure_note,
            referred_at=row.referred_at,
            confirmed_at=row.confirmed_at,
            unresolved_reason=row.unresolved_reason,
            created_at=row.created_at,
            row=row,
        )

    @strawberry.field(description="Empty unless you may see the organisation itself.")
    async def organisation(self, info: Info) -> Organisation | None:
        return await organisation_for(info, self.row.organisation_id)

    @strawberry.field(
        description="Until the complainant confirms a complaint an agent recorded, others see "
        "the name the agent recorded, never the account's."
    )
    async def complainant(self, info: Info) -> Participant | None:
        if policy.may_see_complainant_account(info.context.require_actor(), self.row):
            return await participant(info, self.row.complainant_id)
        return Participant(display_name=self.row.complainant_name, is_viewer=False)

    @strawberry.field(description="The agent who recorded it, for one received off-line.")
    async def recorded_by(self, info: Info) -> Participant | None:
        return await participant(info, self.row.recorded_by_id)

    @strawberry.field(
        description="The providers it may be taken to (`referComplaint`), by name: those whose "
        "scheme the organisation takes part in, and no other (ISO 10003 7.2). What the "
        "escalation form offers."
    )
    async def eligible_providers(self, info: Info) -> list[Provider]:
        actor = info.context.require_actor()
        rows = await referrals.eligible_providers(self.row.organisation_id)
        return [Provider.from_row(r) for r in rows if policy.may_view_provider(actor, r)]

    @strawberry.field(description="The dispute it was referred to; empty unless you may see it.")
    async def dispute(self, info: Info) -> DisputeCase | None:
        row = await visible(info, await info.context.loaders.case_by_complaint.load(self.row.id))
        return DisputeCase.from_row(row) if row else None


async def visible_complaint(info: Info, pk: uuid.UUID) -> Complaint | None:
    """The complaint, when policy lets the actor see it; None, as if it did not exist."""
    actor = info.context.require_actor()
    row = await info.context.loaders.complaint.load(pk)
    if row is None or not policy.may_view_complaint(actor, row):
        return None
    return Complaint.from_row(row)


@node_resolver("Complaint")
async def _complaint_node(info: Info, pk: uuid.UUID) -> Complaint | None:
    return await visible_complaint(info, pk)
