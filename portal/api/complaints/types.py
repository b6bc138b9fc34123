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
from portal.api.complaints import enums as _complaint_enums  # noqa: F401  (registers them)
from portal.api.complaints.loaders import ClockState
from portal.api.context import Info
from portal.api.node import Node, node_resolver, to_global_id
from portal.auth import policy
from portal.cases.engine import now
from portal.cases.states import ClockStatus
from portal.complaints import models
from portal.complaints.models import Channel, ComplaintStatus
from portal.complaints.states import (
    ComplaintAction,
    ComplaintAutomatedRule,
    ComplaintClockKind,
    ComplaintDecision,
    ComplaintRole,
)
from portal.complaints.transitions import ComplaintView, automated_rule, available_actions
from portal.directory import referrals


@strawberry.type(
    description="One step taken on a complaint, as its record keeps it: who took it, in which "
    "role, when, and what they wrote. Steps are never changed or removed."
)
class ComplaintStep:
    action: ComplaintAction = strawberry.field(description="The row of the complaint table.")
    status: ComplaintStatus = strawberry.field(description="The complaint's status after it.")
    at: datetime = strawberry.field(description="When it was taken.")
    actor_role: ComplaintRole = strawberry.field(description="The role it was taken in.")
    actor_name: str | None = strawberry.field(
        description="Who took it: the staff member's (or integration client's) name, or the "
        "complainant's as `Complaint.complainant` shows it; null for the clock job, and for "
        "steps from before steps were recorded whose record does not say who."
    )
    text: str = strawberry.field(
        description="The assessment, note, response, closure note or unresolved reason it "
        "recorded; empty when none."
    )
    decision: ComplaintDecision | None = strawberry.field(
        description="The decision, on a RESPOND step."
    )
    clock: ComplaintClockKind | None = strawberry.field(
        description="The clock that ran out, on a MISS_ACKNOWLEDGE or MISS_RESPOND step."
    )
    automated_rule: ComplaintAutomatedRule | None = strawberry.field(
        description="The rule of the complaint table that took this step automatically, "
        "without a person (the clock job's rows); null for a person's step."
    )


@strawberry.type(
    description="A deadline of the organisation on a complaint (ISO 10002 7.4, 7.7), per its "
    "complaint policy."
)
class ComplaintClock:
    kind: ComplaintClockKind = strawberry.field(description="What it times.")
    started_at: datetime = strawberry.field(description="When it started (on receipt).")
    due_at: datetime = strawberry.field(description="When the organisation's step is due.")
    status: ClockStatus = strawberry.field(
        description="RUNNING; MET (done on time); MISSED (done late, or recorded missed by "
        "the clock job); STOPPED (the complaint was closed or referred first)."
    )
    ended_at: datetime | None = strawberry.field(description="When it stopped running.")
    overdue: bool = strawberry.field(
        description="Running past its due date, or missed while the complaint still waits on "
        "its step: the test of the `complaints(overdue:)` filter."
    )

    @classmethod
    def of(cls, state: ClockState) -> ComplaintClock:
        clock = state.clock
        return cls(
            kind=clock.kind,
            started_at=clock.started_at,
            due_at=clock.due_at,
            status=clock.status,
            ended_at=clock.ended_at,
            overdue=state.overdue,
        )


@strawberry.type(description="A complaint made to an organisation (ISO 10002).")
class Complaint(Node):
    reference: str = strawberry.field(description="Readable and unique: `CMP-2026-000042`.")
    channel: Channel = strawberry.field(description="How the complaint reached the organisation.")
    subject: str = strawberry.field(description="What it is about, in a line.")
    description: str = strawberry.field(description="What happened, in the complainant's words.")
    remedy_sought: str = strawberry.field(
        description="What the complainant wants done; empty when they said nothing."
    )
    status: ComplaintStatus = strawberry.field(
        description="Where the complaint stands (ISO 10002 7.2 to 7.9)."
    )
    received_at: datetime = strawberry.field(description="When it was received.")
    acknowledged_at: datetime | None = strawberry.field(
        description="When the organisation acknowledged it; null until then."
    )
    assessed_at: datetime | None = strawberry.field(
        description="When the organisation assessed it; null until then."
    )
    assessment: str = strawberry.field(
        description="The organisation's assessment; empty until assessed."
    )
    responded_at: datetime | None = strawberry.field(
        description="When the organisation sent its decision; null until then."
    )
    response: str = strawberry.field(
        description="The organisation's answer to the complainant; empty until sent."
    )
    closed_at: datetime | None = strawberry.field(
        description="When it was closed; null while open."
    )
    closure_note: str = strawberry.field(description="The closing note; empty unless closed.")
    referred_at: datetime | None = strawberry.field(
        description="When it was referred to a provider; null unless referred."
    )
    confirmed_at: datetime | None = strawberry.field(
        description="When the complainant confirmed it as theirs: filed online, when filed. "
        "A complaint an agent recorded stays unconfirmed until its complainant confirms it "
        "(`confirmComplaint`) or refers it; until then others see the name the agent recorded "
        "as `complainant`, and the organisation cannot refer it."
    )
    unresolved_reason: str = strawberry.field(
        description="Why it stayed unresolved, as given on referral; empty unless referred."
    )
    created_at: datetime = strawberry.field(
        description="When it was written into Parley (for a recorded complaint, later than "
        "`receivedAt`)."
    )
    updated_at: datetime = strawberry.field(
        description="When a step was taken on it last: what "
        "`updatedSince` and `orderBy: {field: UPDATED_AT}` read."
    )
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
            updated_at=row.updated_at,
            row=row,
        )

    @strawberry.field(
        description="What you may do on the complaint now, from the complaint transition "
        "table and your role on it (complainant or the organisation's staff); empty for "
        "auditors and admins, who only read it."
    )
    async def available_actions(self, info: Info) -> list[ComplaintAction]:
        roles = policy.complaint_roles(info.context.require_actor(), self.row)
        if not roles:
            return []
        states = await info.context.loaders.complaint_clocks.load(self.row.id)
        view = ComplaintView(self.row, tuple(s.clock for s in states), now())
        return available_actions(view, roles)

    @strawberry.field(description="Every step taken on it, oldest first.")
    async def steps(self, info: Info) -> list[ComplaintStep]:
        rows = await info.context.loaders.complaint_steps.load(self.row.id)
        return [await self.step_of(info, row) for row in rows]

    @strawberry.field(
        description="The steps taken on it automatically, by a rule of the complaint table "
        "and not by a person (`automatedRule`), oldest first: its register of automated "
        "decisions, as `DisputeCase.automatedDecisions` is a case's."
    )
    async def automated_steps(self, info: Info) -> list[ComplaintStep]:
        rows = await info.context.loaders.complaint_steps.load(self.row.id)
        return [await self.step_of(info, r) for r in rows if automated_rule(r.action)]

    async def step_of(self, info: Info, row: models.ComplaintStep) -> ComplaintStep:
        return ComplaintStep(
            action=row.action,
            status=row.status,
            at=row.at,
            actor_role=row.actor_role,
            actor_name=await self._actor_name(info, row),
            text=row.text,
            decision=row.decision,
            clock=row.clock,
            automated_rule=automated_rule(row.action),
        )

    async def _actor_name(self, info: Info, row: models.ComplaintStep) -> str | None:
        if row.actor_role is ComplaintRole.COMPLAINANT:
            shown = await _complainant(info, self.row)
            return shown.display_name if shown is not None else None
        if row.actor_id is None:
            return None
        user = await info.context.loaders.user.load(row.actor_id)
        if user is not None:
            return user.display_name
        client = await info.context.loaders.service_account.load(row.actor_id)
        return client.name if client is not None else None

    @strawberry.field(description="Its clocks (acknowledge, respond), oldest first.")
    async def clocks(self, info: Info) -> list[ComplaintClock]:
        states = await info.context.loaders.complaint_clocks.load(self.row.id)
        return [ComplaintClock.of(s) for s in states]

    @strawberry.field(
        description="The organisation's decision (ISO 10002 7.7); null until it responds."
    )
    def decision(self) -> ComplaintDecision | None:
        return self.row.decision

    @strawberry.field(description="The earliest due date of its running clocks, or null.")
    async def next_due(self, info: Info) -> datetime | None:
        states = await info.context.loaders.complaint_clocks.load(self.row.id)
        running = [s.clock.due_at for s in states if s.clock.status is ClockStatus.RUNNING]
        return min(running, default=None)

    @strawberry.field(
        description="Whether one of its clocks is late (`ComplaintClock.overdue`): what the "
        "`complaints(overdue:)` filter selects."
    )
    async def overdue(self, info: Info) -> bool:
        states = await info.context.loaders.complaint_clocks.load(self.row.id)
        return any(s.overdue for s in states)

    @strawberry.field(description="Empty unless you may see the organisation itself.")
    async def organisation(self, info: Info) -> Organisation | None:
        return await organisation_for(info, self.row.organisation_id)

    @strawberry.field(
        description="Until the complainant confirms a complaint an agent recorded, others see "
        "the name the agent recorded, never the account's."
    )
    async def complainant(self, info: Info) -> Participant | None:
        return await _complainant(info, self.row)

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


async def _complainant(info: Info, row: models.Complaint) -> Participant | None:
    """Issue 13 F5: the account's name once confirmed (or to the complainant and admins), else
    the name the agent recorded."""
    if policy.may_see_complainant_account(info.context.require_actor(), row):
        return await participant(info, row.complainant_id)
    return Participant(display_name=row.complainant_name, is_viewer=False)


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
