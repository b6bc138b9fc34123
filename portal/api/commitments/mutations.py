"""Changing an organisation's commitments: its managers, every change audited."""

from __future__ import annotations

import strawberry

from portal.api.commitments.types import Commitment
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.node import decode_id
from portal.cases.engine import now
from portal.cases.states import Calendar
from portal.commitments import services
from portal.commitments.models import CommitmentKind
from portal.feedback.errors import FeedbackError, Forbidden


@strawberry.input(description="One commitment to record, or to change if the kind is set.")
class SetCommitmentInput:
    organisation_id: strawberry.ID = strawberry.field(description="Whose commitment.")
    kind: CommitmentKind = strawberry.field(description="Which commitment; one per kind.")
    wording_en: str = strawberry.field(
        description=f"The public wording in English; at most {services.MAX_WORDING} characters."
    )
    wording_zh_hans: str = strawberry.field(
        description="The public wording in Simplified Chinese; at most "
        f"{services.MAX_WORDING} characters."
    )
    days: int | None = strawberry.field(
        default=None,
        description=f"Required for a time commitment: 1 to {services.MAX_DAYS}; ignored otherwise.",
    )
    calendar: Calendar | None = strawberry.field(
        default=None, description="How the days are counted; working days unless given."
    )
    items: list[str] = strawberry.field(
        default_factory=list,
        description="For REMEDIES, at least one `Remedy` value in lower case; for LANGUAGES, "
        f"at least one BCP 47 tag; at most {services.MAX_ITEMS}. Ignored otherwise.",
    )


@strawberry.type(description="The commitment as recorded, or why it was not.")
class SetCommitmentPayload:
    commitment: Commitment | None = strawberry.field(
        default=None, description="As recorded; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing was recorded."
    )


@strawberry.input(description="A commitment the organisation no longer makes.")
class RemoveCommitmentInput:
    organisation_id: strawberry.ID = strawberry.field(description="Whose commitment.")
    kind: CommitmentKind = strawberry.field(description="Which commitment.")


@strawberry.type(description="Whether the commitment was removed.")
class RemoveCommitmentPayload:
    removed: bool = strawberry.field(default=False, description="True when it was.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing was removed."
    )


def _refusal(exc: FeedbackError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


@mutations
@strawberry.type
class CommitmentMutations:
    @strawberry.mutation(
        description="Record or change one of an organisation's commitments (ISO 10001), with "
        "its public wording in both languages. Its managers (in person) and admins; written "
        "to the admin audit log with how it stood before."
    )
    async def set_commitment(self, info: Info, input: SetCommitmentInput) -> SetCommitmentPayload:
        actor = info.context.require_actor()
        pk = decode_id(input.organisation_id, "Organisation")
        try:
            if pk is None:
                raise Forbidden()
            row = await services.set_commitment(
                actor,
                pk,
                input.kind,
                wording_en=input.wording_en,
                wording_zh_hans=input.wording_zh_hans,
                days=input.days,
                calendar=input.calendar,
                items=input.items,
                at=now(),
            )
        except FeedbackError as exc:
            return SetCommitmentPayload(user_errors=_refusal(exc))
        return SetCommitmentPayload(commitment=Commitment.of(row))

    @strawberry.mutation(
        description="Withdraw one of an organisation's commitments; audited like a change. "
        "Its managers (in person) and admins."
    )
    async def remove_commitment(
        self, info: Info, input: RemoveCommitmentInput
    ) -> RemoveCommitmentPayload:
        actor = info.context.require_actor()
        pk = decode_id(input.organisation_id, "Organisation")
        try:
            if pk is None:
                raise Forbidden()
            await services.remove_commitment(actor, pk, input.kind, at=now())
        except FeedbackError as exc:
            return RemoveCommitmentPayload(user_errors=_refusal(exc))
        return RemoveCommitmentPayload(removed=True)
