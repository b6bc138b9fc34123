"""Answering a survey by its link (no login), and setting an organisation's survey."""

from __future__ import annotations

import strawberry

from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.feedback.types import SurveyPolicy
from portal.api.inputs import mutations
from portal.api.node import decode_id
from portal.cases.engine import now
from portal.feedback import surveys
from portal.feedback.errors import FeedbackError, Forbidden
from portal.feedback.states import QuestionKind


@strawberry.input(description="The answer to one question: the field its kind takes.")
class SurveyAnswerInput:
    question: str = strawberry.field(description="The `key` of the question answered.")
    score: int | None = strawberry.field(default=None, description="1 to 5, for scales.")
    agreed: bool | None = strawberry.field(default=None, description="For yes/no questions.")
    comment: str | None = strawberry.field(default=None, description="For text questions.")


@strawberry.input(
    description="The answers to a satisfaction survey, through its personal link; no sign-in."
)
class AnswerSurveyInput:
    token: str = strawberry.field(description="The token from the personal link.")
    answers: list[SurveyAnswerInput] = strawberry.field(
        description="One answer per question answered; every required question needs one."
    )


@strawberry.type(description="Whether the answers were recorded, or why not.")
class AnswerSurveyPayload:
    answered: bool = strawberry.field(description="True once recorded; a survey takes one answer.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.input(description="One question of an organisation's survey.")
class SurveyQuestionInput:
    key: str = strawberry.field(
        description="A key unique in the survey (letters, digits, `_`); `overall` is the "
        "overall-satisfaction question."
    )
    kind: QuestionKind = strawberry.field(description="How it is answered.")
    prompt: str = strawberry.field(description="The question as respondents read it.")
    required: bool = strawberry.field(
        default=True, description="Whether an answer is needed; true when left out."
    )


@strawberry.input(
    description="An organisation's survey settings (ISO 10004): what its satisfaction surveys "
    "ask and when they go out."
)
class ConfigureSurveysInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID of the organisation.")
    questions: list[SurveyQuestionInput] | None = strawberry.field(
        default=None, description="Empty: the default set. Keeps the `overall` scale question."
    )
    invite_organisation: bool = strawberry.field(
        default=False,
        description="Whether the organisation's side is asked too; false when left out.",
    )
    valid_days: int = strawberry.field(
        default=30,
        description="How many days a survey link works after the case closes; 30 when left out.",
    )
    reminder_after_days: int = strawberry.field(
        default=7,
        description="After how many days unanswered the one reminder goes out; 7 when left out.",
    )


@strawberry.type(description="The survey settings as saved, or why not.")
class ConfigureSurveysPayload:
    policy: SurveyPolicy | None = strawberry.field(
        default=None, description="The settings now in force; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@mutations
@strawberry.type
class FeedbackMutations:
    @strawberry.mutation(
        description="Answer a survey through its personal link; no sign-in. A link works "
        "once, until it expires."
    )
    async def answer_survey(self, info: Info, input: AnswerSurveyInput) -> AnswerSurveyPayload:
        answers = [
            {"question": a.question, "score": a.score, "agreed": a.agreed, "comment": a.comment}
            for a in input.answers
        ]
        try:
            await surveys.answer_survey(info.context.auth.issuer, input.token, answers, at=now())
        except FeedbackError as exc:
            return AnswerSurveyPayload(
                answered=False,
                user_errors=[
                    user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)
                ],
            )
        return AnswerSurveyPayload(answered=True)

    @strawberry.mutation(
        description="Set an organisation's survey questions and who is asked (its managers)."
    )
    async def configure_surveys(
        self, info: Info, input: ConfigureSurveysInput
    ) -> ConfigureSurveysPayload:
        actor = info.context.require_actor()
        pk = decode_id(input.organisation_id, "Organisation")
        try:
            if pk is None:
                raise Forbidden()
            policy = await surveys.configure_surveys(
                actor,
                pk,
                questions=[
                    {"key": q.key, "kind": q.kind.value, "prompt": q.prompt, "required": q.required}
                    for q in input.questions
                ]
                if input.questions is not None
                else None,
                invite_organisation=input.invite_organisation,
                valid_days=input.valid_days,
                reminder_after_days=input.reminder_after_days,
            )
        except FeedbackError as exc:
            return ConfigureSurveysPayload(
                user_errors=[
                    user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)
                ]
            )
        return ConfigureSurveysPayload(policy=SurveyPolicy.of(policy))
