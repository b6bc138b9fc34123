"""The public transparency report and a case's fairness report as GraphQL serves them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from portal.api.cases.records import Clock, Consent, NeutralAppointment, Objection
from portal.api.enums import described_enum
from portal.api.feedback.types import DurationIndicator, RateIndicator, Tally
from portal.cases.states import ClosureReason, DeclineGround, Method, Side
from portal.codes import Currency
from portal.feedback import transparency as tr
from portal.feedback.fairness import FairnessReport as FairnessResult
from portal.feedback.transparency import DisclosureOrder

described_enum(
    DisclosureOrder,
    description="How the case-level disclosure is sorted.",
    values={
        DisclosureOrder.ENDED_ON: "By the day the case ended.",
        DisclosureOrder.FILED_ON: "By the day the complaint was referred.",
        DisclosureOrder.DURATION: "By the days from referral to the end.",
        DisclosureOrder.CLAIMED_AMOUNT: "By the amount claimed (cases without one last).",
        DisclosureOrder.OUTCOME_AMOUNT: "By the amount of the outcome (cases without one last).",
        DisclosureOrder.ORGANISATION: "By the organisation's name.",
        DisclosureOrder.METHOD: "By the resolution method.",
        DisclosureOrder.RESULT: "By the result (closure reason, withdrawn or declined).",
    },
)


# --- transparency ---------------------------------------------------------------------------


@strawberry.type(description="One case that ended in the period, anonymised (CCP 1281.96).")
class DisclosedCase:
    organisation: str = strawberry.field(description="The business party.")
    method: Method
    result: str = strawberry.field(description="The closure reason, or withdrawn / declined.")
    decline_ground: DeclineGround | None
    outcome_kind: str | None
    claimed_amount: Decimal | None
    outcome_amount: Decimal | None
    currency: Currency
    filed_on: date
    ended_on: date
    duration_days: float

    @classmethod
    def of(cls, c: tr.DisclosedCase) -> DisclosedCase:
        return cls(
            organisation=c.organisation,
            method=Method(c.method),
            result=c.result,
            decline_ground=DeclineGround(c.decline_ground) if c.decline_ground else None,
            outcome_kind=c.outcome_kind,
            claimed_amount=c.claimed_amount,
            outcome_amount=c.outcome_amount,
            currency=Currency(c.currency),
            filed_on=c.filed_on,
            ended_on=c.ended_on,
            duration_days=c.duration_days,
        )


@strawberry.type(
    description="A provider's public report (EU ADR Directive Art. 7(2)): disputes received "
    "and their types, refusals by ground, discontinued cases with reasons, duration, "
    "compliance with outcomes; and the case-level disclosure."
)
class TransparencyReport:
    provider_name: str
    start: datetime
    end: datetime
    disputes_received: int
    received_by_method: list[Tally]
    refusals_by_ground: list[Tally]
    refusal_share: float | None = strawberry.field(
        description="Refusals in the period over disputes received in it."
    )
    discontinued_by_reason: list[Tally] = strawberry.field(
        description="Discontinued by the provider, refused by the organisation, withdrawn."
    )
    duration: DurationIndicator = strawberry.field(description="Referral to closure.")
    outcome_acceptance: RateIndicator
    compliance: RateIndicator = strawberry.field(
        description="Outcomes due for implementation that were implemented."
    )
    cases_total: int
    cases: list[DisclosedCase]

    @classmethod
    def of(cls, r: tr.TransparencyReport) -> TransparencyReport:
        i = r.indicators
        return cls(
            provider_name=r.provider_name,
            start=r.period.start,
            end=r.period.end,
            disputes_received=i.disputes_received,
            received_by_method=Tally.all(r.received_by_method),
            refusals_by_ground=Tally.all(r.refusals_by_ground),
            refusal_share=r.refusal_share,
            discontinued_by_reason=Tally.all(r.discontinued_by_reason),
            duration=DurationIndicator.of(i.duration("resolve")),
            outcome_acceptance=RateIndicator.of(i.outcome_acceptance),
            compliance=RateIndicator.of(i.implementation),
            cases_total=r.total_cases,
            cases=[DisclosedCase.of(c) for c in r.cases],
        )


# --- fairness -------------------------------------------------------------------------------


@strawberry.type(description="Something one side put on the case file, and when.")
class Submission:
    sequence: int
    kind: str
    occurred_at: datetime
    actor_role: str


@strawberry.type(description="One side of the case: what it submitted, the windows it had.")
class FairnessSide:
    side: Side
    submissions: list[Submission]
    windows: list[Clock] = strawberry.field(
        description="The clocks this side had to act within, its own and those of both sides."
    )
    clocks_met: int
    clocks_missed: int


@strawberry.type(
    description="The fairness view of a case: both sides next to each other, every clock and "
    "who was responsible, the neutral's disclosures and objections, the consents. Built from "
    "what all parties may read: never caucus content."
)
class FairnessReport:
    reference: str
    closure_reason: ClosureReason | None
    sides: list[FairnessSide]
    clocks: list[Clock]
    appointments: list[NeutralAppointment]
    objections: list[Objection]
    consents: list[Consent]

    @classmethod
    def of(cls, r: FairnessResult) -> FairnessReport:
        return cls(
            reference=r.case.reference,
            closure_reason=r.case.closure_reason,
            sides=[
                FairnessSide(
                    side=s.side,
                    submissions=[
                        Submission(
                            sequence=e.sequence,
                            kind=e.kind,
                            occurred_at=e.occurred_at,
                            actor_role=e.actor_role,
                        )
                        for e in s.submissions
                    ],
                    windows=[Clock.from_row(c) for c in s.windows],
                    clocks_met=s.clocks_met,
                    clocks_missed=s.clocks_missed,
                )
                for s in r.sides
            ],
            clocks=[Clock.from_row(c) for c in r.clocks],
            appointments=[NeutralAppointment.from_row(a) for a in r.appointments],
            objections=[Objection.from_row(o) for o in r.objections],
            consents=[Consent.from_row(c) for c in r.consents],
        )
