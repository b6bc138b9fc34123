"""Complaint mutations (ISO 10002 7.2 to 7.9) and the referral to dispute resolution.

Each calls one function of portal.complaints.services; a complaint the actor may not see is
reported exactly like a missing one: a `NOT_FOUND` userError on `complaintId`.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from portal.accounts.errors import AccountError
from portal.api.cases.access import visible
from portal.api.cases.types import DisputeCase
from portal.api.complaints.inputs import (
    AcknowledgeComplaintInput,
    AddComplaintNoteInput,
    AssessComplaintInput,
    CloseComplaintInput,
    ComplaintActionInput,
    ConfirmComplaintInput,
    FileComplaintInput,
    RecordComplaintInput,
    ReferComplaintInput,
    RespondToComplaintInput,
)
from portal.api.complaints.types import Complaint, visible_complaint
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import decode_id
from portal.auth.actor import Actor
from portal.cases.errors import CaseError
from portal.complaints import services
from portal.complaints.states import ComplaintAction

_GLOBAL_IDS = {
    "organisation_id": "Organisation",
    "provider_id": "Provider",
    "complaint_id": "Complaint",
    "representative_id": "User",
}
_NOTHING = uuid.UUID(int=0)  # what an ID that names nothing becomes: it matches no row
FOREIGN = (
    "A complaint you may not see is reported exactly like a missing one: a `NOT_FOUND` "
    "userError on `complaintId`."
)

Create = Callable[[Actor, dict[str, Any]], Awaitable[uuid.UUID]]


@strawberry.type(description="The complaint after the mutation, or why it was refused.")
class ComplaintPayload:
    complaint: Complaint | None = strawberry.field(
        default=None, description="The complaint as it now stands; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The complaint and the dispute case it was referred to.")
class ReferComplaintPayload:
    complaint: Complaint | None = strawberry.field(
        default=None, description="The complaint, now referred; null when refused."
    )
    case: DisputeCase | None = strawberry.field(
        default=None, description="The dispute case the referral began; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _data(input: object) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in dataclasses.fields(input):  # type: ignore[arg-type]
        value = getattr(input, field.name)
        if field.name in _GLOBAL_IDS and value is not None:
            value = decode_id(value, _GLOBAL_IDS[field.name]) or _NOTHING
        data[field.name] = value
    return data


def _complaint_id(input: ComplaintActionInput) -> uuid.UUID:
    pk = decode_id(input.complaint_id, "Complaint")
    if pk is None:
        raise services.ComplaintNotFound()
    return pk


def _refused(exc: CaseError | AccountError) -> list[UserError]:
    field = exc.field or ("complaint_id" if exc.code == "NOT_FOUND" else None)
    return [user_error(exc.code, exc.message, field, limit=exc.limit, actual=exc.actual)]


async def _created(info: Info, operation: str, input: object, create: Create) -> uuid.UUID:
    """Run ``create``. A key is the `Idempotent` rule's (portal.api.idempotency), which
    answers a repeat before this runs: it is no data of the complaint."""
    actor = info.context.require_actor()
    data = _data(input)
    data.pop("idempotency_key", None)
    return await create(actor, data)


async def _file(actor: Actor, data: dict[str, Any]) -> uuid.UUID:
    return (await services.file_complaint(actor, data["organisation_id"], data)).id


async def _record(actor: Actor, data: dict[str, Any]) -> uuid.UUID:
    return (await services.record_complaint(actor, data["organisation_id"], data)).id


async def _refer(actor: Actor, data: dict[str, Any]) -> uuid.UUID:
    return (await services.refer_complaint(actor, data["complaint_id"], data)).id


async def _step(
    info: Info, input: ComplaintActionInput, action: ComplaintAction
) -> ComplaintPayload:
    """One row of the complaint table, as the actor."""
    actor = info.context.require_actor()
    try:
        row = await services.take_step(actor, _complaint_id(input), action, _data(input))
    except CaseError as exc:
        return ComplaintPayload(user_errors=_refused(exc))
    info.context.loaders = Loaders()
    return ComplaintPayload(complaint=await visible_complaint(info, row.id))


async def _create_complaint(info: Info, operation: str, input: object) -> ComplaintPayload:
    create = _file if operation == "fileComplaint" else _record
    try:
        pk = await _created(info, operation, input, create)
    except (CaseError, AccountError) as exc:
        return ComplaintPayload(user_errors=_refused(exc))
    info.context.loaders = Loaders()
    return ComplaintPayload(complaint=await visible_complaint(info, pk))


@mutations
@strawberry.type
class ComplaintMutations:
    @strawberry.mutation(description="File a complaint of your own with an organisation.")
    async def file_complaint(self, info: Info, input: FileComplaintInput) -> ComplaintPayload:
        return await _create_complaint(info, "fileComplaint", input)

    @strawberry.mutation(
        description="Record a complaint received by phone, letter, e-mail or in person "
        "(the organisation's staff)."
    )
    async def record_complaint(self, info: Info, input: RecordComplaintInput) -> ComplaintPayload:
        return await _create_complaint(info, "recordComplaint", input)

    @strawberry.mutation(
        description="Confirm, as its complainant, that a complaint an organisation recorded for "
        f"you is yours; confirming again changes nothing. {FOREIGN}"
    )
    async def confirm_complaint(self, info: Info, input: ConfirmComplaintInput) -> ComplaintPayload:
        actor = info.context.require_actor()
        try:
            row = await services.confirm_complaint(actor, _complaint_id(input))
        except CaseError as exc:
            return ComplaintPayload(user_errors=_refused(exc))
        info.context.loaders = Loaders()
        return ComplaintPayload(complaint=await visible_complaint(info, row.id))

    @strawberry.mutation(description=f"Acknowledge receipt (ISO 10002 7.4). {FOREIGN}")
    async def acknowledge_complaint(
        self, info: Info, input: AcknowledgeComplaintInput
    ) -> ComplaintPayload:
        return await _step(info, input, ComplaintAction.ACKNOWLEDGE)

    @strawberry.mutation(description=f"Record the assessment (ISO 10002 7.5, 7.6). {FOREIGN}")
    async def assess_complaint(self, info: Info, input: AssessComplaintInput) -> ComplaintPayload:
        return await _step(info, input, ComplaintAction.ASSESS)

    @strawberry.mutation(
        description="Add a note of the investigation (ISO 10002 7.6); the status stays, and "
        f"notes may be added as often as needed until the complaint is closed. {FOREIGN}"
    )
    async def add_complaint_note(
        self, info: Info, input: AddComplaintNoteInput
    ) -> ComplaintPayload:
        return await _step(info, input, ComplaintAction.ADD_NOTE)

    @strawberry.mutation(
        description="Give the decision and the answer to the complainant (ISO 10002 7.7); "
        f"they are mailed both. {FOREIGN}"
    )
    async def respond_to_complaint(
        self, info: Info, input: RespondToComplaintInput
    ) -> ComplaintPayload:
        return await _step(info, input, ComplaintAction.RESPOND)

    @strawberry.mutation(description=f"Close the complaint (ISO 10002 7.9). {FOREIGN}")
    async def close_complaint(self, info: Info, input: CloseComplaintInput) -> ComplaintPayload:
        return await _step(info, input, ComplaintAction.CLOSE)

    @strawberry.mutation(
        description="Refer an unresolved complaint to one of the organisation's providers "
        f"(ISO 10003 7.2): this opens the dispute case. {FOREIGN}"
    )
    async def refer_complaint(
        self, info: Info, input: ReferComplaintInput
    ) -> ReferComplaintPayload:
        try:
            if decode_id(input.complaint_id, "Complaint") is None:
                raise services.ComplaintNotFound()
            pk = await _created(info, "referComplaint", input, _refer)
        except CaseError as exc:
            return ReferComplaintPayload(user_errors=_refused(exc))
        info.context.loaders = Loaders()
        row = await visible(info, await info.context.loaders.case.load(pk))
        if row is None:
            return ReferComplaintPayload()
        return ReferComplaintPayload(
            complaint=await visible_complaint(info, row.complaint_id),
            case=DisputeCase.from_row(row),
        )
