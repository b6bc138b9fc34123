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
    key: str = strawberry.field(
        description="Stable key of the question within its survey (`overall` for overall "
        "satisfaction); answers name it."
    )
    kind: QuestionKind = strawberry.field(description="How it is answered.")
    prompt: str = strawberry.field(
        description="The question as the respondent reads it, in the survey's language."
    )
    required: bool = strawberry.field(
        description="Whether the survey cannot be sent without an answer to it."
    )

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
    status: SurveyStatus = strawberry.field(description="Where the survey stands.")
    respondent: Respondent = strawberry.field(description="Whose view it asks.")
    case_reference: str = strawberry.field(
        description="The reference of the case it is about (`DR-2026-000123`)."
    )
    organisation_name: str = strawberry.field(description="The organisation the case was against.")
    expires_at: datetime = strawberry.field(description="When its link stops working.")
    questions: list[SurveyQuestion] = strawberry.field(
        description="The questions, in the order shown."
    )

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
    questions: list[SurveyQuestion] = strawberry.field(
        description="The questions each survey asks, in order; the overall-satisfaction "
        "question is always among them."
    )
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
    count: int = strawberry.field(description="How many cases or complaints the figures are over.")
    median_days: float | None = strawberry.field(
        description="The median, in days; null when `count` is 0."
    )
    p90_days: float | None = strawberry.field(
        description="The 90th percentile, in days: nine in ten took at most this long; null "
        "when `count` is 0."
    )
    average_days: float | None = strawberry.field(
        description="The mean, in days; null when `count` is 0."
    )

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
    numerator: int = strawberry.field(description="How many met the condition.")
    denominator: int = strawberry.field(description="How many could have.")
    rate: float | None = strawberry.field(
        description="`numerator / denominator`, from 0 to 1; null when `denominator` is 0."
    )

    @classmethod
    def of(cls, r: ind.Rate) -> RateIndicator:
        return cls(numerator=r.numerator, denominator=r.denominator, rate=r.rate)


@strawberry.type(description="How many, of one kind.")
class Tally:
    key: str = strawberry.field(
        description="What is counted: an enum value in lower case (a method, a ground, a "
        "reason) or a name."
    )
    count: int = strawberry.field(description="How many.")

    @classmethod
    def all(cls, tallies: list[ind.Tally]) -> list[Tally]:
        return [cls(key=t.key, count=t.count) for t in tallies]


@strawberry.type(description="Clocks met and missed by the party responsible.")
class ClockAdherence:
    responsible: str = strawberry.field(
        description="Whose clocks: a `ResponsibleParty` value in lower case (`organisation`)."
    )
    met: int = strawberry.field(
        description="How many of their clocks that ended in the period were met."
    )
    missed: int = strawberry.field(description="How many were missed.")


@strawberry.type(description="The `overall` score (1 to 5) complainants gave.")
class SatisfactionIndicator:
    key: str = strawberry.field(description="A resolution method, or a provider's name.")
    responses: int = strawberry.field(description="How many survey answers the average is over.")
    average: float | None = strawberry.field(
        description="The mean overall satisfaction, 1 (very dissatisfied) to 5 (very "
        "satisfied); null without answers."
    )

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
    start: datetime = strawberry.field(description="Start of the period, inclusive.")
    end: datetime = strawberry.field(description="End of the period, exclusive.")
    complaints_received: int = strawberry.field(description="Complaints received in the period.")
    repeat_complaints: int = strawberry.field(
        description="Complaints from someone who had complained to the organisation before."
    )
    disputes_received: int = strawberry.field(description="Dispute cases referred in the period.")
    ended: list[Tally] = strawberry.field(
        description="Cases that ended, by closure reason, or `withdrawn` / `declined`."
    )
    withdrawals: int = strawberry.field(description="Cases withdrawn in the period.")
    time_to_acknowledge: DurationIndicator = strawberry.field(
        description="Complaint received to acknowledged (ISO 10002 7.4)."
    )
    time_to_respond: DurationIndicator = strawberry.field(
        description="Complaint received to the organisation's response (ISO 10002 7.7)."
    )
    time_to_resolve: DurationIndicator = strawberry.field(
        description="Dispute referred to closed (ISO 10003 7.7)."
    )
    clocks_met: RateIndicator = strawberry.field(
        description="Clocks that ended in the period, and how many were met."
    )
    clocks_by_responsible: list[ClockAdherence] = strawberry.field(
        description="Clocks that ended in the period, met and missed, per responsible party."
    )
    outcome_acceptance: RateIndicator = strawberry.field(
        description="Standing outcomes issued that both sides accepted."
    )
    outcomes_rejected: int = strawberry.field(description="Outcomes rejected in the period.")
    implementation: RateIndicator = strawberry.field(
        description="Outcomes due for implementation that the organisation implemented."
    )
    implemented_on_time: int = strawberry.field(
        description="Outcomes implemented before their implementation clock ended, in the period."
    )
    outcomes_not_implemented: int = strawberry.field(
        description="Cases the provider closed in the period as not implemented: outcomes the "
        "organisation did not carry out (ISO 10003 7.6), whether reported by the complainant "
        "or left unrecorded past the implementation clock."
    )
    satisfaction_by_method: list[SatisfactionIndicator] = strawberry.field(
        description="Overall satisfaction per resolution method."
    )
    satisfaction_by_provider: list[SatisfactionIndicator] = strawberry.field(
        description="Overall satisfaction per provider."
    )

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
    organisation_name: str = strawberry.field(description="The organisation reviewed.")
    indicators: Indicators = strawberry.field(
        description="Its complaint and dispute figures for the period."
    )
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
    case_groups: list[Tally] = strawberry.field(
        description="The groups of its cases the provider asked complainants to join in the "
        "period, oldest first: `key` is the group's reference, `count` its members (cases "
        "whose complainant's consent stands)."
    )

    @classmethod
    def of(cls, r: rev.ManagementReview) -> ManagementReview:
        return cls(
            organisation_name=r.organisation_name,
            indicators=Indicators.of(r.indicators),
            root_causes=Tally.all(r.root_causes),
            systemic_issues=Tally.all(r.systemic_issues),
            commitments=[CommitmentMeasure.of(m) for m in r.commitments],
            case_groups=Tally.all(r.case_groups),
        )
