"""The public transparency report and a case's fairness report as GraphQL serves them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import strawberry

from portal.api.cases.records import Clock, Consent, NeutralAppointment, Objection
from portal.api.enums import described_enum
from portal.api.feedback.types import DurationIndicator, RateIndicator, Tally
from portal.api.fees import types as _fee_types  # noqa: F401  (registers FeeInvoiceStatus)
from portal.cases.states import CaseRole, ClosureReason, DeclineGround, Method, Side
from portal.codes import Currency
from portal.feedback import transparency as tr
from portal.feedback.fairness import FairnessReport as FairnessResult
from portal.feedback.transparency import DisclosureOrder
from portal.fees.states import InvoiceStatus
from portal.timeline.catalogue import EventKind

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
    method: Method = strawberry.field(description="The resolution method.")
    result: str = strawberry.field(description="The closure reason, or withdrawn / declined.")
    decline_ground: DeclineGround | None = strawberry.field(
        description="The ground it was declined on; null unless declined."
    )
    outcome_kind: str | None = strawberry.field(
        description="The kind of outcome in lower case (`settlement`, `award`, ...); null "
        "without one."
    )
    claimed_amount: Decimal | None = strawberry.field(
        description="The amount claimed; null when none."
    )
    outcome_amount: Decimal | None = strawberry.field(
        description="The amount of the outcome; null when none."
    )
    currency: Currency = strawberry.field(description="The currency of both amounts.")
    filed_on: date = strawberry.field(description="The day it was referred.")
    ended_on: date = strawberry.field(
        description="The day it ended (closed, withdrawn or declined)."
    )
    duration_days: float = strawberry.field(description="Days from referral to the end.")
    complainant_fee: Decimal | None = strawberry.field(
        default=None,
        description="The fee invoiced to the consumer (in `feeCurrency`); null when none was.",
    )
    complainant_fee_status: InvoiceStatus | None = strawberry.field(
        default=None, description="Whether the consumer's fee was paid, waived or left due."
    )
    organisation_fee: Decimal | None = strawberry.field(
        default=None,
        description="The fee invoiced to the business (in `feeCurrency`); null when none was.",
    )
    organisation_fee_status: InvoiceStatus | None = strawberry.field(
        default=None, description="Whether the business's fee was paid, waived or left due."
    )
    fee_currency: Currency | None = strawberry.field(
        default=None, description="The currency of the fees; null when none was invoiced."
    )

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
            complainant_fee=c.complainant_fee,
            complainant_fee_status=_status(c.complainant_fee_status),
            organisation_fee=c.organisation_fee,
            organisation_fee_status=_status(c.organisation_fee_status),
            fee_currency=Currency(c.fee_currency) if c.fee_currency else None,
        )


def _status(value: str | None) -> InvoiceStatus | None:
    return InvoiceStatus(value) if value else None


@strawberry.type(
    description="A provider's public report (EU ADR Directive Art. 7(2)): disputes received "
    "and their types, refusals by ground, discontinued cases with reasons, duration, "
    "compliance with outcomes; and the case-level disclosure."
)
class TransparencyReport:
    provider_name: str = strawberry.field(description="The provider reported on.")
    start: datetime = strawberry.field(description="Start of the period, inclusive.")
    end: datetime = strawberry.field(description="End of the period, exclusive.")
    disputes_received: int = strawberry.field(
        description="Disputes referred in the period (EU ADR Art. 7(2)(a))."
    )
    received_by_method: list[Tally] = strawberry.field(
        description="Those disputes per resolution method."
    )
    refusals_by_ground: list[Tally] = strawberry.field(
        description="Disputes declined, per ground (EU ADR Art. 7(2)(c))."
    )
    refusal_share: float | None = strawberry.field(
        description="Refusals in the period over disputes received in it."
    )
    discontinued_by_reason: list[Tally] = strawberry.field(
        description="Discontinued by the provider, refused by the organisation, withdrawn."
    )
    duration: DurationIndicator = strawberry.field(description="Referral to closure.")
    outcome_acceptance: RateIndicator = strawberry.field(
        description="Outcomes accepted by both parties, of those decided."
    )
    compliance: RateIndicator = strawberry.field(
        description="Outcomes due for implementation that were implemented."
    )
    cases_total: int = strawberry.field(
        description="How many cases ended in the period: the length of the whole disclosure "
        "`cases` pages through."
    )
    cases: list[DisclosedCase] = strawberry.field(
        description="The cases that ended in the period, one row each, in the order and page "
        "asked for."
    )

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
    sequence: int = strawberry.field(description="Its place in the case's timeline.")
    kind: str = strawberry.field(
        description="The timeline event kind of the submission as stored "
        "(`response_submitted`, ...).",
        deprecation_reason="Use `eventKind`: the schema's `EventKind` value.",
    )
    event_kind: EventKind = strawberry.field(
        description="What the submission was: the event it is on the timeline."
    )
    occurred_at: datetime = strawberry.field(description="When it was made.")
    actor_role: str = strawberry.field(
        description="The role it was made in, a `CaseRole` value in lower case.",
        deprecation_reason="Use `caseRole`: the schema's `CaseRole` value.",
    )
    case_role: CaseRole = strawberry.field(description="The role it was made in.")


@strawberry.type(description="One side of the case: what it submitted, the windows it had.")
class FairnessSide:
    side: Side = strawberry.field(description="The side these figures are about.")
    submissions: list[Submission] = strawberry.field(
        description="What the side submitted, in timeline order."
    )
    windows: list[Clock] = strawberry.field(
        description="The clocks this side had to act within, its own and those of both sides."
    )
    clocks_met: int = strawberry.field(description="The side's clocks that were met.")
    clocks_missed: int = strawberry.field(description="The side's clocks that were missed.")


@strawberry.type(
    description="The fairness view of a case: both sides next to each other, every clock and "
    "who was responsible, the neutral's disclosures and objections, the consents. Built from "
    "what all parties may read: never caucus content."
)
class FairnessReport:
    reference: str = strawberry.field(description="The case's reference.")
    closure_reason: ClosureReason | None = strawberry.field(
        description="Why it closed; null while open or if withdrawn."
    )
    sides: list[FairnessSide] = strawberry.field(
        description="Both sides' submissions and clocks, for comparing how each was heard."
    )
    clocks: list[Clock] = strawberry.field(description="Every clock of the case.")
    appointments: list[NeutralAppointment] = strawberry.field(
        description="Every neutral appointment, with its declaration."
    )
    objections: list[Objection] = strawberry.field(
        description="Every objection to a neutral, and its decision."
    )
    consents: list[Consent] = strawberry.field(description="Every consent given.")

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
                            event_kind=EventKind(e.kind),
                            occurred_at=e.occurred_at,
                            actor_role=e.actor_role,
                            case_role=CaseRole(e.actor_role),
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
