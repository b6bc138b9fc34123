"""Feedback as GraphQL serves it: surveys, the survey policy, indicators and the management
review. Every type is mapped from a finished service result: no I/O of its own."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.commitments.types import CommitmentMeasure
from portal.feedback import indicators as ind
from portal.feedback import review as rev
from portal.feedback.models import SurveyPolicy as SurveyPolicyRow
from portal.feedback.states import QuestionKind, Respondent, SurveyStatus
from portal.feedback.surveys import SurveyView


@strawberry.type(description="One question of a survey.")
class SurveyQuestion:
    key: str
    kind: QuestionKind
    prompt: str
    required: bool

    @classmethod
    def of(cls, question: dict[str, Any]) -> SurveyQuestion:
        return cls(
            key=str(question["key"]),
            kind=QuestionKind(question["kind"]),
            prompt=str(question["prompt"]),
            required=bool(question["required"]),
        )


@strawberry.type(description="A satisfaction survey, as its personal link opens it.")
class Survey:
    status: SurveyStatus
    respondent: Respondent
    case_reference: str
    organisation_name: str
    expires_at: datetime
    questions: list[SurveyQuestion]

    @classmethod
    def of(cls, view: SurveyView) -> Survey:
        return cls(
            status=view.status,
            respondent=view.invitation.respondent,
            case_reference=view.case_reference,
            organisation_name=view.organisation_name,
            expires_at=view.invitation.expires_at,
            questions=[SurveyQuestion.of(q) for q in view.invitation.questions],
        )


@strawberry.type(description="An organisation's survey: its questions and who is asked.")
class SurveyPolicy:
    questions: list[SurveyQuestion]
    invite_organisation: bool = strawberry.field(
        description="The organisation's side is asked too, through a link of its own."
    )
    valid_days: int = strawberry.field(description="How long a link works after the closing.")
    reminder_after_days: int = strawberry.field(description="When the one reminder goes out.")

    @classmethod
    def of(cls, row: SurveyPolicyRow) -> SurveyPolicy:
        return cls(
            questions=[SurveyQuestion.of(q) for q in row.questions],
            invite_organisation=row.invite_organisation,
            valid_days=row.valid_days,
            reminder_after_days=row.reminder_after_days,
        )


# --- indicators -------------------------------------------------------------------------------


@strawberry.type(
    description="A duration in days (from whole seconds). Median and 90th percentile by "
    "nearest rank: the smallest value with at least half (nine tenths) of the values at or "
    "below it."
)
class DurationIndicator:
    count: int
    median_days: float | None
    p90_days: float | None
    average_days: float | None

    @classmethod
    def of(cls, d: ind.Duration) -> DurationIndicator:
        return cls(
            count=d.count,
            median_days=d.median_days,
            p90_days=d.p90_days,
            average_days=d.average_days,
        )


@strawberry.type(description="A share: `rate` is numerator / denominator, empty when 0 / 0.")
class RateIndicator:
    numerator: int
    denominator: int
    rate: float | None

    @classmethod
    def of(cls, r: ind.Rate) -> RateIndicator:
        return cls(numerator=r.numerator, denominator=r.denominator, rate=r.rate)


@strawberry.type(description="How many, of one kind.")
class Tally:
    key: str
    count: int

    @classmethod
    def all(cls, tallies: list[ind.Tally]) -> list[Tally]:
        return [cls(key=t.key, count=t.count) for t in tallies]


@strawberry.type(description="Clocks met and missed by the party responsible.")
class ClockAdherence:
    responsible: str
    met: int
    missed: int


@strawberry.type(description="The `overall` score (1 to 5) complainants gave.")
class SatisfactionIndicator:
    key: str = strawberry.field(description="A resolution method, or a provider's name.")
    responses: int
    average: float | None

    @classmethod
    def all(cls, found: list[ind.Satisfaction]) -> list[SatisfactionIndicator]:
        return [cls(key=s.key, responses=s.responses, average=s.average) for s in found]


@strawberry.type(
    description="ISO 10004 7.4 indirect measures for one scope and period `[start, end)`: "
    "complaints and disputes by when they were received, endings and durations to close by "
    "when cases ended, clocks by when they were met or missed (windows left out), outcomes "
    "by when they were issued, implementation by when its clock started."
)
class Indicators:
    start: datetime
    end: datetime
    complaints_received: int
    repeat_complaints: int = strawberry.field(
        description="Complaints from someone who had complained to the organisation before."
    )
    disputes_received: int
    ended: list[Tally] = strawberry.field(
        description="Cases that ended, by closure reason, or `withdrawn` / `declined`."
    )
    withdrawals: int
    time_to_acknowledge: DurationIndicator = strawberry.field(
        description="Complaint received to acknowledged (ISO 10002 7.4)."
    )
    time_to_respond: DurationIndicator = strawberry.field(
        description="Complaint received to the organisation's response (ISO 10002 7.7)."
    )
    time_to_resolve: DurationIndicator = strawberry.field(
        description="Dispute referred to closed (ISO 10003 7.7)."
    )
    clocks_met: RateIndicator
    clocks_by_responsible: list[ClockAdherence]
    outcome_acceptance: RateIndicator = strawberry.field(
        description="Standing outcomes issued that both sides accepted."
    )
    outcomes_rejected: int
    implementation: RateIndicator = strawberry.field(
        description="Outcomes due for implementation that the organisation implemented."
    )
    implemented_on_time: int
    outcomes_not_implemented: int = strawberry.field(
        description="Cases the provider closed in the period as not implemented: outcomes the "
        "organisation did not carry out (ISO 10003 7.6), whether reported by the complainant "
        "or left unrecorded past the implementation clock."
    )
    satisfaction_by_method: list[SatisfactionIndicator]
    satisfaction_by_provider: list[SatisfactionIndicator]

    @classmethod
    def of(cls, i: ind.Indicators) -> Indicators:
        return cls(
            start=i.start,
            end=i.end,
            complaints_received=i.complaints_received,
            repeat_complaints=i.repeat_complaints,
            disputes_received=i.disputes_received,
            ended=Tally.all(i.ended),
            withdrawals=i.withdrawals,
            time_to_acknowledge=DurationIndicator.of(i.duration("acknowledge")),
            time_to_respond=DurationIndicator.of(i.duration("respond")),
            time_to_resolve=DurationIndicator.of(i.duration("resolve")),
            clocks_met=RateIndicator.of(i.clocks_met),
            clocks_by_responsible=[
                ClockAdherence(responsible=c.responsible, met=c.met, missed=c.missed)
                for c in i.clocks
            ],
            outcome_acceptance=RateIndicator.of(i.outcome_acceptance),
            outcomes_rejected=i.outcomes_rejected,
            implementation=RateIndicator.of(i.implementation),
            implemented_on_time=i.implemented_on_time,
            outcomes_not_implemented=i.outcomes_not_implemented,
            satisfaction_by_method=SatisfactionIndicator.all(i.satisfaction_by_method),
            satisfaction_by_provider=SatisfactionIndicator.all(i.satisfaction_by_provider),
        )


@strawberry.type(description="ISO 10003 8.4: an organisation's management review for a period.")
class ManagementReview:
    organisation_name: str
    indicators: Indicators
    root_causes: list[Tally] = strawberry.field(
        description="Complaints closed in the period by root cause, most frequent first."
    )
    systemic_issues: list[Tally] = strawberry.field(
        description="Root causes recurring at least `PORTAL_SYSTEMIC_ISSUE_THRESHOLD` times."
    )
    commitments: list[CommitmentMeasure] = strawberry.field(
        description="ISO 10001 clause 8: each of the organisation's commitments measured for the "
        "period, in the order of `CommitmentKind`; empty when it records none."
    )

    @classmethod
    def of(cls, r: rev.ManagementReview) -> ManagementReview:
        return cls(
            organisation_name=r.organisation_name,
            indicators=Indicators.of(r.indicators),
            root_causes=Tally.all(r.root_causes),
            systemic_issues=Tally.all(r.systemic_issues),
            commitments=[CommitmentMeasure.of(m) for m in r.commitments],
        )
