"""One mutation per action of the transition table: authenticate, call `perform`, map the result.

`perform` decides everything (who may, guards, records); its refusals come back as userErrors.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import Any

import strawberry

from portal.api.cases.inputs import (
    AcceptCaseInput,
    AcceptOfferInput,
    AcceptOutcomeInput,
    AppointNeutralInput,
    CaseActionInput,
    CloseCaseInput,
    CompleteFileInput,
    ConfirmImplementationInput,
    DecideObjectionInput,
    DecideReviewInput,
    DeclareImpartialityInput,
    DeclineCaseInput,
    DiscloseCircumstanceInput,
    ExtendClockInput,
    GiveConsentInput,
    IssueOutcomeInput,
    MakeOfferInput,
    ObjectToNeutralInput,
    RecordImplementationInput,
    RecuseInput,
    RefuseParticipationInput,
    RejectOfferInput,
    RejectOutcomeInput,
    RemoveNeutralInput,
    ReportNotImplementedInput,
    RequestReviewInput,
    SubmitReplyInput,
    SubmitResponseInput,
    WithdrawCaseInput,
    WithdrawOfferInput,
)
from portal.api.cases.types import DisputeCase
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.instants import InvalidInstant, utc
from portal.api.loaders import Loaders
from portal.api.node import decode_id
from portal.cases.errors import CaseError, CaseNotFound
from portal.cases.services import Action, perform
from portal.cases.transitions import TABLE

FOREIGN = (
    "A case you may not see is reported exactly like a missing one: a `NOT_FOUND` userError "
    "on `caseId`."
)
# Inputs that name other objects by global ID, and the type each must be.
_GLOBAL_IDS = {"neutral_id": "User", "offer_id": "Offer", "replying_to": "Offer"}
# Inputs `perform` takes as arguments of its own, not as the action's data.
_NOT_DATA = frozenset({"case_id", "expected_stage", "idempotency_key"})
# What an ID that names nothing (malformed, or of another type) becomes: it matches no row,
# so the service answers as for any object that is not there.
_NOTHING = uuid.UUID(int=0)


@strawberry.type(description="The case after the action, or why the action was refused.")
class DisputeCasePayload:
    case: DisputeCase | None = strawberry.field(
        default=None, description="The case as it stands after the step; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _data(input: CaseActionInput) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in dataclasses.fields(input):
        value = getattr(input, field.name)
        if field.name in _NOT_DATA:
            continue
        if field.name in _GLOBAL_IDS and value is not None:
            value = decode_id(value, _GLOBAL_IDS[field.name]) or _NOTHING
        if isinstance(value, datetime):
            try:
                value = utc(value, field.name)
            except InvalidInstant as exc:
                raise CaseError(exc.code, exc.message, exc.field) from None
        data[field.name] = value
    return data


async def act(info: Info, action: Action, input: CaseActionInput) -> DisputeCasePayload:
    actor = info.context.require_actor()
    try:
        pk = decode_id(input.case_id, "DisputeCase")
        if pk is None:
            raise CaseNotFound()
        row = await perform(actor, pk, action, _data(input), expected_stage=input.expected_stage)
    except CaseError as exc:
        field = exc.field or ("case_id" if exc.code == "NOT_FOUND" else None)
        return DisputeCasePayload(
            user_errors=[
                user_error(exc.code, exc.message, field, limit=exc.limit, actual=exc.actual)
            ]
        )
    # Fresh loaders: a later mutation in this operation must not see rows cached before this.
    info.context.loaders = Loaders()
    return DisputeCasePayload(case=DisputeCase.from_row(row))


def _about(action: Action) -> str:
    return f"{TABLE[action].summary} {FOREIGN}"


@mutations
@strawberry.type
class CaseMutations:
    @strawberry.mutation(description=_about(Action.ACCEPT))
    async def accept_case(self, info: Info, input: AcceptCaseInput) -> DisputeCasePayload:
        return await act(info, Action.ACCEPT, input)

    @strawberry.mutation(description=_about(Action.DECLINE))
    async def decline_case(self, info: Info, input: DeclineCaseInput) -> DisputeCasePayload:
        return await act(info, Action.DECLINE, input)

    @strawberry.mutation(description=_about(Action.GIVE_CONSENT))
    async def give_consent(self, info: Info, input: GiveConsentInput) -> DisputeCasePayload:
        return await act(info, Action.GIVE_CONSENT, input)

    @strawberry.mutation(description=_about(Action.SUBMIT_RESPONSE))
    async def submit_response(self, info: Info, input: SubmitResponseInput) -> DisputeCasePayload:
        return await act(info, Action.SUBMIT_RESPONSE, input)

    @strawberry.mutation(description=_about(Action.SUBMIT_REPLY))
    async def submit_reply(self, info: Info, input: SubmitReplyInput) -> DisputeCasePayload:
        return await act(info, Action.SUBMIT_REPLY, input)

    @strawberry.mutation(description=_about(Action.REFUSE_PARTICIPATION))
    async def refuse_participation(
        self, info: Info, input: RefuseParticipationInput
    ) -> DisputeCasePayload:
        return await act(info, Action.REFUSE_PARTICIPATION, input)

    @strawberry.mutation(description=_about(Action.APPOINT_NEUTRAL))
    async def appoint_neutral(self, info: Info, input: AppointNeutralInput) -> DisputeCasePayload:
        return await act(info, Action.APPOINT_NEUTRAL, input)

    @strawberry.mutation(description=_about(Action.DECLARE_IMPARTIALITY))
    async def declare_impartiality(
        self, info: Info, input: DeclareImpartialityInput
    ) -> DisputeCasePayload:
        return await act(info, Action.DECLARE_IMPARTIALITY, input)

    @strawberry.mutation(description=_about(Action.OBJECT_TO_NEUTRAL))
    async def object_to_neutral(
        self, info: Info, input: ObjectToNeutralInput
    ) -> DisputeCasePayload:
        return await act(info, Action.OBJECT_TO_NEUTRAL, input)

    @strawberry.mutation(description=_about(Action.DECIDE_OBJECTION))
    async def decide_objection(self, info: Info, input: DecideObjectionInput) -> DisputeCasePayload:
        return await act(info, Action.DECIDE_OBJECTION, input)

    @strawberry.mutation(description=_about(Action.DISCLOSE_CIRCUMSTANCE))
    async def disclose_circumstance(
        self, info: Info, input: DiscloseCircumstanceInput
    ) -> DisputeCasePayload:
        return await act(info, Action.DISCLOSE_CIRCUMSTANCE, input)

    @strawberry.mutation(description=_about(Action.RECUSE))
    async def recuse(self, info: Info, input: RecuseInput) -> DisputeCasePayload:
        return await act(info, Action.RECUSE, input)

    @strawberry.mutation(description=_about(Action.REMOVE_NEUTRAL))
    async def remove_neutral(self, info: Info, input: RemoveNeutralInput) -> DisputeCasePayload:
        return await act(info, Action.REMOVE_NEUTRAL, input)

    @strawberry.mutation(description=_about(Action.COMPLETE_FILE))
    async def complete_file(self, info: Info, input: CompleteFileInput) -> DisputeCasePayload:
        return await act(info, Action.COMPLETE_FILE, input)

    @strawberry.mutation(description=_about(Action.MAKE_OFFER))
    async def make_offer(self, info: Info, input: MakeOfferInput) -> DisputeCasePayload:
        return await act(info, Action.MAKE_OFFER, input)

    @strawberry.mutation(description=_about(Action.WITHDRAW_OFFER))
    async def withdraw_offer(self, info: Info, input: WithdrawOfferInput) -> DisputeCasePayload:
        return await act(info, Action.WITHDRAW_OFFER, input)

    @strawberry.mutation(description=_about(Action.REJECT_OFFER))
    async def reject_offer(self, info: Info, input: RejectOfferInput) -> DisputeCasePayload:
        return await act(info, Action.REJECT_OFFER, input)

    @strawberry.mutation(description=_about(Action.ACCEPT_OFFER))
    async def accept_offer(self, info: Info, input: AcceptOfferInput) -> DisputeCasePayload:
        return await act(info, Action.ACCEPT_OFFER, input)

    @strawberry.mutation(description=_about(Action.ISSUE_OUTCOME))
    async def issue_outcome(self, info: Info, input: IssueOutcomeInput) -> DisputeCasePayload:
        return await act(info, Action.ISSUE_OUTCOME, input)

    @strawberry.mutation(description=_about(Action.EXTEND_CLOCK))
    async def extend_clock(self, info: Info, input: ExtendClockInput) -> DisputeCasePayload:
        return await act(info, Action.EXTEND_CLOCK, input)

    @strawberry.mutation(description=_about(Action.ACCEPT_OUTCOME))
    async def accept_outcome(self, info: Info, input: AcceptOutcomeInput) -> DisputeCasePayload:
        return await act(info, Action.ACCEPT_OUTCOME, input)

    @strawberry.mutation(description=_about(Action.REJECT_OUTCOME))
    async def reject_outcome(self, info: Info, input: RejectOutcomeInput) -> DisputeCasePayload:
        return await act(info, Action.REJECT_OUTCOME, input)

    @strawberry.mutation(description=_about(Action.REQUEST_REVIEW))
    async def request_review(self, info: Info, input: RequestReviewInput) -> DisputeCasePayload:
        return await act(info, Action.REQUEST_REVIEW, input)

    @strawberry.mutation(description=_about(Action.DECIDE_REVIEW))
    async def decide_review(self, info: Info, input: DecideReviewInput) -> DisputeCasePayload:
        return await act(info, Action.DECIDE_REVIEW, input)

    @strawberry.mutation(description=_about(Action.RECORD_IMPLEMENTATION))
    async def record_implementation(
        self, info: Info, input: RecordImplementationInput
    ) -> DisputeCasePayload:
        return await act(info, Action.RECORD_IMPLEMENTATION, input)

    @strawberry.mutation(description=_about(Action.CONFIRM_IMPLEMENTATION))
    async def confirm_implementation(
        self, info: Info, input: ConfirmImplementationInput
    ) -> DisputeCasePayload:
        return await act(info, Action.CONFIRM_IMPLEMENTATION, input)

    @strawberry.mutation(description=_about(Action.REPORT_NOT_IMPLEMENTED))
    async def report_not_implemented(
        self, info: Info, input: ReportNotImplementedInput
    ) -> DisputeCasePayload:
        return await act(info, Action.REPORT_NOT_IMPLEMENTED, input)

    @strawberry.mutation(description=_about(Action.CLOSE))
    async def close_case(self, info: Info, input: CloseCaseInput) -> DisputeCasePayload:
        return await act(info, Action.CLOSE, input)

    @strawberry.mutation(description=_about(Action.WITHDRAW))
    async def withdraw_case(self, info: Info, input: WithdrawCaseInput) -> DisputeCasePayload:
        return await act(info, Action.WITHDRAW, input)
