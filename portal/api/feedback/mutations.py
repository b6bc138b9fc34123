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
    question: str
    score: int | None = strawberry.field(default=None, description="1 to 5, for scales.")
    agreed: bool | None = strawberry.field(default=None, description="For yes/no questions.")
    comment: str | None = strawberry.field(default=None, description="For text questions.")


@strawberry.input
class AnswerSurveyInput:
    token: str = strawberry.field(description="The token from the personal link.")
    answers: list[SurveyAnswerInput]


@strawberry.type
class AnswerSurveyPayload:
    answered: bool
    user_errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="One question of an organisation's survey.")
class SurveyQuestionInput:
    key: str
    kind: QuestionKind
    prompt: str
    required: bool = True


@strawberry.input
class ConfigureSurveysInput:
    organisation_id: strawberry.ID
    questions: list[SurveyQuestionInput] | None = strawberry.field(
        default=None, description="Empty: the default set. Keeps the `overall` scale question."
    )
    invite_organisation: bool = False
    valid_days: int = 30
    reminder_after_days: int = 7


@strawberry.type
class ConfigureSurveysPayload:
    policy: SurveyPolicy | None = None
    user_errors: list[UserError] = strawberry.field(default_factory=list)


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
