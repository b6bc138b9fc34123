"""A hand-built dataset for the feedback reports: rows with chosen instants, so each indicator
has an answer worked out by hand (tests/test_feedback_indicators.py says how)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from portal.accounts.models import Organisation, Provider, Role, User
from portal.cases.models import Clock, DisputeCase, OrganisationProvider, Outcome, Scheme
from portal.cases.states import (
    ClockKind,
    ClockStatus,
    ClosureReason,
    DeclineGround,
    Method,
    OutcomeKind,
    Party,
    Stage,
)
from portal.complaints.models import Channel, Complaint
from portal.feedback.models import SatisfactionRecord, SurveyInvitation
from portal.feedback.questions import DEFAULT_QUESTIONS
from portal.feedback.states import QuestionKind, Respondent
from tests.factories import Factory

_n = itertools.count(1)
YEAR = 2026


def day(month: int, d: int, year: int = YEAR) -> datetime:
    return datetime(year, month, d, tzinfo=UTC)


@dataclass
class Dataset:
    organisation: Organisation
    other_organisation: Organisation
    provider: Provider
    other_provider: Provider
    manager: User
    agent: User
    auditor: User
    complainants: list[User]
    cases: dict[str, DisputeCase] = field(default_factory=dict)


async def complaint(
    org: Organisation,
    who: User,
    received: datetime,
    *,
    ack_days: int | None = None,
    respond_days: int | None = None,
) -> Complaint:
    n = next(_n)
    return await Complaint.create(
        reference=f"CP-T-{n:06d}",
        organisation=org,
        complainant=who,
        channel=Channel.WEB,
        subject=f"Complaint {n}",
        description="Private description of the complaint.",
        received_at=received,
        acknowledged_at=received + timedelta(days=ack_days) if ack_days is not None else None,
        responded_at=received + timedelta(days=respond_days) if respond_days is not None else None,
    )


async def case(
    c: Complaint,
    provider: Provider,
    scheme: Scheme,
    method: Method,
    created: datetime,
    *,
    stage: Stage,
    ended: datetime | None = None,
    reason: ClosureReason | None = None,
    claimed: str | None = None,
    ground: DeclineGround | None = None,
) -> DisputeCase:
    n = next(_n)
    return await DisputeCase.create(
        reference=f"DR-T-{n:06d}",
        complaint=c,
        organisation_id=c.organisation_id,
        provider=provider,
        scheme=scheme,
        complainant_id=c.complainant_id,
        subject=c.subject,
        method=method,
        claimed_amount=Decimal(claimed) if claimed else None,
        stage=stage,
        stage_changed_at=ended or created,
        closure_reason=reason,
        closure_note="A note naming the complainant." if reason else "",
        decline_ground=ground,
        created_at=created,
        closed_at=ended,
    )


async def clock(
    k: DisputeCase,
    kind: ClockKind,
    responsible: Party,
    started: datetime,
    status: ClockStatus,
    ended: datetime | None = None,
) -> Clock:
    return await Clock.create(
        case=k,
        kind=kind,
        responsible=responsible,
        calendar="calendar_days",
        days=10,
        started_at=started,
        due_at=started + timedelta(days=10),
        status=status,
        ended_at=ended,
    )


async def outcome(
    k: DisputeCase,
    issuer: User,
    issued: datetime,
    *,
    accepted: bool = False,
    rejected: bool = False,
    superseded: bool = False,
    amount: str | None = None,
) -> Outcome:
    return await Outcome.create(
        case=k,
        kind=OutcomeKind.RECOMMENDATION,
        binding=False,
        summary="Refund",
        reasons="Reasons.",
        amount=Decimal(amount) if amount else None,
        issued_by=issuer,
        issued_at=issued,
        accepted_by_complainant_at=issued + timedelta(days=1) if accepted else None,
        accepted_by_organisation_at=issued + timedelta(days=1) if accepted else None,
        rejected_at=issued + timedelta(days=1) if rejected else None,
        superseded_at=issued + timedelta(days=2) if superseded else None,
    )


async def answered(
    k: DisputeCase, at: datetime, respondent: Respondent, **scores: int
) -> SurveyInvitation:
    invitation = await SurveyInvitation.create(
        case=k,
        respondent=respondent,
        recipient_id=k.complainant_id if respondent is Respondent.COMPLAINANT else None,
        questions=[dict(q) for q in DEFAULT_QUESTIONS],
        created_at=at,
        expires_at=at + timedelta(days=30),
        reminder_due_at=at + timedelta(days=7),
        answered_at=at,
    )
    for question, score in scores.items():
        await SatisfactionRecord.create(
            invitation=invitation,
            case=k,
            organisation_id=k.organisation_id,
            provider_id=k.provider_id,
            method=k.method,
            respondent=respondent,
            question=question,
            kind=QuestionKind.SCALE,
            score=score,
            answered_at=at,
        )
    return invitation


async def seeded(factory: Factory) -> Dataset:
    """Organisation O with five complaints and five cases at two providers, and noise: O2's
    cases at P1, which count for P1's report but never for O's review."""
    f = Factory(factory.settings, passwords=False)
    org, org2 = await f.organisation(), await f.organisation("Other Org")
    p1, p2 = await f.provider(), await f.provider("Second ADR")
    s1 = await Scheme.create(provider=p1, name="S1", country="DE")
    s2 = await Scheme.create(provider=p2, name="S2", country="DE")
    for o, p, s in ((org, p1, s1), (org, p2, s2), (org2, p1, s1)):
        await OrganisationProvider.create(organisation=o, provider=p, scheme=s)
    a, b, c = await f.user(), await f.user(), await f.user()
    neutral = await f.user(Role.NEUTRAL, provider=p1)
    data = Dataset(
        organisation=org,
        other_organisation=org2,
        provider=p1,
        other_provider=p2,
        manager=await f.user(Role.ORG_MANAGER, organisation=org),
        agent=await f.user(Role.ORG_AGENT, organisation=org),
        auditor=await f.user(Role.AUDITOR, organisation=org),
        complainants=[a, b, c],
    )
    c1 = await complaint(org, a, day(3, 1), ack_days=1, respond_days=10)
    c2 = await complaint(org, b, day(3, 5), ack_days=2, respond_days=20)
    c3 = await complaint(org, a, day(4, 1), ack_days=3)
    c4 = await complaint(org, c, day(5, 1), ack_days=4, respond_days=5)
    c5 = await complaint(org, b, day(12, 31, YEAR - 1), ack_days=10)
    M = Method
    k1 = await case(
        c1,
        p1,
        s1,
        M.MEDIATION,
        day(3, 20),
        stage=Stage.CLOSED,
        ended=day(4, 19),
        reason=ClosureReason.RESOLVED,
        claimed="120.00",
    )
    k2 = await case(
        c2,
        p1,
        s1,
        M.OMBUDSMAN_RECOMMENDATION,
        day(4, 1),
        stage=Stage.CLOSED,
        ended=day(4, 11),
        reason=ClosureReason.OUTCOME_REJECTED,
        claimed="300.00",
    )
    k3 = await case(c3, p2, s2, M.MEDIATION, day(5, 1), stage=Stage.WITHDRAWN, ended=day(5, 6))
    k4 = await case(
        c4,
        p2,
        s2,
        M.ARBITRATION_BINDING,
        day(6, 1),
        stage=Stage.CLOSED,
        ended=day(8, 30),
        reason=ClosureReason.RESOLVED,
    )
    k5 = await case(c5, p1, s1, M.MEDIATION, day(9, 1), stage=Stage.IMPLEMENTATION)
    c6 = await complaint(org2, c, day(2, 1))
    c7 = await complaint(org2, c, day(2, 1))
    k6 = await case(
        c6,
        p1,
        s1,
        M.NEGOTIATION,
        day(2, 2),
        stage=Stage.DECLINED,
        ended=day(2, 10),
        ground=DeclineGround.OUT_OF_SCOPE,
        claimed="50.00",
    )
    k7 = await case(
        c7,
        p1,
        s1,
        M.CONCILIATION,
        day(2, 5),
        stage=Stage.CLOSED,
        ended=day(3, 7),
        reason=ClosureReason.DISCONTINUED,
    )
    data.cases = {"k1": k1, "k2": k2, "k3": k3, "k4": k4, "k5": k5, "k6": k6, "k7": k7}
    # Root causes written back at closure.
    for cp, cause in ((c1, "billing_error"), (c2, "billing_error"), (c4, "billing_error")):
        cp.root_cause = cause
    for cp, k in ((c1, k1), (c2, k2), (c3, k3), (c4, k4)):
        cp.closed_at = k.closed_at
        await cp.save()
    # Clocks: ended in the period; windows (objection, reflection) do not count.
    await clock(k1, ClockKind.ACCEPTANCE, Party.PROVIDER, day(3, 20), ClockStatus.MET, day(3, 21))
    await clock(k1, ClockKind.RESPONSE, Party.ORGANISATION, day(3, 22), ClockStatus.MET, day(3, 25))
    await clock(
        k1, ClockKind.IMPLEMENTATION, Party.ORGANISATION, day(4, 2), ClockStatus.MET, day(4, 10)
    )
    await clock(k2, ClockKind.ACCEPTANCE, Party.PROVIDER, day(4, 1), ClockStatus.MISSED, day(4, 2))
    await clock(k2, ClockKind.RESPONSE, Party.ORGANISATION, day(4, 2), ClockStatus.MET, day(4, 3))
    await clock(k3, ClockKind.OBJECTION, Party.PARTIES, day(5, 2), ClockStatus.MET, day(5, 4))
    await clock(
        k4, ClockKind.RESPONSE, Party.ORGANISATION, day(6, 2), ClockStatus.MISSED, day(6, 20)
    )
    await clock(k4, ClockKind.REFLECTION, Party.PARTIES, day(7, 1), ClockStatus.MET, day(7, 2))
    await clock(
        k4, ClockKind.IMPLEMENTATION, Party.ORGANISATION, day(7, 2), ClockStatus.MISSED, day(8, 1)
    )
    await clock(k5, ClockKind.IMPLEMENTATION, Party.ORGANISATION, day(10, 2), ClockStatus.RUNNING)
    await clock(k7, ClockKind.ACCEPTANCE, Party.PROVIDER, day(2, 5), ClockStatus.MET, day(2, 6))
    for k in (k1, k4):
        k.implemented_at = k.closed_at
        await k.save()
    # Outcomes: standing ones issued in the period; K4's first award was varied on review.
    await outcome(k1, neutral, day(4, 1), accepted=True, amount="100.00")
    await outcome(k2, neutral, day(4, 5), rejected=True)
    await outcome(k4, neutral, day(6, 20), superseded=True)
    await outcome(k4, neutral, day(7, 1), accepted=True)
    await outcome(k5, neutral, day(10, 1), accepted=True)
    # Satisfaction: only complainants' `overall` scores count.
    await answered(k1, day(4, 20), Respondent.COMPLAINANT, overall=5, fairness=1)
    await answered(k1, day(4, 20), Respondent.ORGANISATION, overall=1)
    await answered(k2, day(4, 12), Respondent.COMPLAINANT, overall=2)
    await answered(k3, day(5, 7), Respondent.COMPLAINANT, overall=2)
    await answered(k4, day(8, 31), Respondent.COMPLAINANT, overall=4)
    return data


async def more_closed_cases(data: Dataset, count: int) -> None:
    """``count`` more resolved cases of O at P1 in the year, each with a clock, an outcome and
    an answer: for counting statements as the number of cases grows."""
    scheme = await Scheme.get(provider_id=data.provider.id)
    for n in range(count):
        received = day(6, 1) + timedelta(hours=n)
        c = await complaint(data.organisation, data.complainants[0], received, ack_days=1)
        k = await case(
            c,
            data.provider,
            scheme,
            Method.MEDIATION,
            received,
            stage=Stage.CLOSED,
            ended=received + timedelta(days=20),
            reason=ClosureReason.RESOLVED,
            claimed="10.00",
        )
        await clock(
            k,
            ClockKind.RESPONSE,
            Party.ORGANISATION,
            received,
            ClockStatus.MET,
            received + timedelta(days=2),
        )
        await outcome(k, data.manager, received + timedelta(days=5), accepted=True)
        await answered(k, received + timedelta(days=21), Respondent.COMPLAINANT, overall=4)
