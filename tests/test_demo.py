"""`portal demo` seeds a realistic installation through the real services, and only once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tortoise import Tortoise

from portal.accesslog.models import AccessRecord
from portal.accounts.models import User
from portal.auditing.models import AuditFinding, AuditRun, FindingStatus, RunStatus
from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Offer, Outcome
from portal.cases.states import ClockKind, ClockStatus, Method, MethodFamily, OfferStatus, Stage
from portal.commitments.models import Commitment, CommitmentKind
from portal.complaints.models import Complaint, ComplaintStatus
from portal.demo import PEOPLE, seed_demo
from portal.notifications.models import HeadReceipt
from portal.timeline.models import TimelineEvent
from portal.timeline.services import verify

CONSUMERS = [p.email for p in PEOPLE if p.role is None]
# Stages a case reaches only after its neutral was appointed (when its method has one).
WITH_NEUTRAL = {Stage.IN_RESOLUTION, Stage.OUTCOME_PROPOSED, Stage.UNDER_REVIEW, Stage.FILE_REVIEW}


async def _row_counts() -> dict[str, int]:
    return {
        model._meta.db_table: await model.all().count()
        for app in Tortoise.apps.values()
        for model in app.values()
    }


async def test_the_demo_reaches_every_stage_method_and_complaint_status(db: str) -> None:
    lines: list[str] = []
    await seed_demo(lines.append)

    cases = await DisputeCase.all()
    assert {c.stage for c in cases} == set(Stage)
    assert {c.method for c in cases} == set(Method)
    assert {c.status for c in await Complaint.all()} == set(ComplaintStatus)
    for case in cases:
        assert case.reference in "\n".join(lines)
        assert case.currency == "EUR"
        assert case.claimed_amount is not None


async def test_every_demo_timeline_verifies_and_lies_in_the_past(db: str) -> None:
    await seed_demo()
    now = datetime.now(UTC)

    for case in await DisputeCase.all():
        result = await verify(case)
        assert result.ok, (case.reference, result)
        assert result.length == case.last_sequence > 1
    assert await TimelineEvent.filter(occurred_at__gte=now).count() == 0


async def test_the_demo_has_met_and_missed_clocks_and_none_overdue(db: str) -> None:
    await seed_demo()
    now = datetime.now(UTC)

    assert await Clock.filter(status=ClockStatus.MET).count() >= 1
    missed = await Clock.filter(status=ClockStatus.MISSED).prefetch_related("case")
    assert len(missed) == 1
    assert missed[0].case.stage is Stage.CLOSED
    # The clock job ran at the present: nothing still running is past its due date.
    assert await Clock.filter(status=ClockStatus.RUNNING, due_at__lt=now).count() == 0
    assert await Clock.filter(status=ClockStatus.RUNNING).count() >= 5


async def test_each_consumer_has_a_few_cases_and_li_na_writes_in_chinese(db: str) -> None:
    await seed_demo()

    for email in CONSUMERS:
        user = await User.get(email=email)
        cases = await DisputeCase.filter(complainant_id=user.id)
        assert len(cases) >= 3, email
        if email.startswith("li.na"):
            assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c.subject) for c in cases)
            assert {c.language for c in cases} == {"zh-Hans"}


async def test_neutrals_offers_and_outcomes_are_where_the_method_needs_them(db: str) -> None:
    await seed_demo()

    appointed = {a.case_id: a for a in await NeutralAppointment.all()}
    for case in await DisputeCase.all():
        if case.method.needs_neutral and (
            case.stage in WITH_NEUTRAL or await Outcome.exists(case_id=case.id)
        ):
            assert case.id in appointed, case.reference
    neutrals = {a.neutral_id for a in appointed.values()}
    expected = await User.filter(
        email__in=["mediator@fairsettle.example", "arbitrator@fairsettle.example"]
    )
    assert neutrals == {u.id for u in expected}

    mediation = await DisputeCase.get(method=Method.MEDIATION, stage=Stage.IN_RESOLUTION)
    offers = await Offer.filter(case_id=mediation.id)
    assert len(offers) >= 3
    assert sum(o.replying_to_id is not None for o in offers) >= 2
    assert [o.status for o in offers].count(OfferStatus.OPEN) == 1

    issued = await Outcome.all().prefetch_related("case")
    families = {o.case.method.family for o in issued}
    assert {MethodFamily.ADVISORY, MethodFamily.DETERMINATIVE} <= families


async def test_seeding_again_creates_nothing(db: str) -> None:
    await seed_demo()
    before = await _row_counts()
    lines: list[str] = []

    await seed_demo(lines.append)

    assert await _row_counts() == before
    assert before["dispute_case"] >= len(Stage)
    assert any("already seeded" in line for line in lines)


@pytest.mark.parametrize(
    "today",
    [
        datetime(2027, 1, 4, 0, 5, tzinfo=UTC),  # after Christmas and New Year, just past midnight
        datetime(2027, 4, 4, 23, 55, tzinfo=UTC),  # Easter Sunday, late
        datetime(2026, 10, 5, 12, 0, tzinfo=UTC),  # after German Unity Day
        datetime(2028, 2, 29, 6, 0, tzinfo=UTC),  # a leap day
    ],
)
async def test_the_demo_tells_the_same_stories_on_any_day(db: str, today: datetime) -> None:
    """Days count back from today; holidays and weekends must not move a case's stage or
    make a second clock lapse."""
    await seed_demo(now=today)

    cases = await DisputeCase.all()
    assert {c.stage for c in cases} == set(Stage)
    assert await Clock.filter(status=ClockStatus.MISSED).count() == 1
    assert await Clock.filter(status=ClockStatus.RUNNING, due_at__lt=today).count() == 0
    assert await TimelineEvent.filter(occurred_at__gte=today).count() == 0


async def test_the_manager_auditor_and_consumers_find_the_records_pages_filled(db: str) -> None:
    """Issue 19's pages are not empty in the demo: Northwind's commitments, a finished
    verification run with a finding followed up on the silent case, and receipts mailed to
    the consumers whose cases reached an outcome or closed."""
    await seed_demo()

    kinds = {c.kind for c in await Commitment.all()}
    assert {CommitmentKind.RESPOND_COMPLAINT, CommitmentKind.REMEDIES} <= kinds
    runs = await AuditRun.all()
    assert len(runs) == 1
    assert (runs[0].status, runs[0].checked, runs[0].broken) == (
        RunStatus.DONE,
        await DisputeCase.all().count(),
        0,
    )
    finding = await AuditFinding.get().prefetch_related("case")
    assert finding.status is FindingStatus.FOLLOWED_UP
    assert await Clock.filter(
        case_id=finding.case.id, kind=ClockKind.RESPONSE, status=ClockStatus.MISSED
    ).exists()
    assert await HeadReceipt.filter(user__email="maria@consumer.example").exists()
    maria = await User.get(email="maria@consumer.example")
    her_cases = await DisputeCase.filter(complainant_id=maria.id).values_list("id", flat=True)
    reads = await AccessRecord.filter(case_id__in=her_cases)
    assert {r.role for r in reads} == {"organisation", "provider"}
    assert all(r.created_at < datetime.now(UTC) for r in reads)
