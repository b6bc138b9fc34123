"""Indicators from a seeded dataset (tests/feedback_data.py), against answers worked out by
hand; the same on SQLite and PostgreSQL. Durations are in days; percentiles by nearest rank
(the p-th percentile of n sorted values is the one at rank ceil(p * n))."""

from __future__ import annotations

from portal.feedback.indicators import ClockTally, Duration, Satisfaction, Scope, Tally, indicators
from portal.feedback.periods import Period
from portal.feedback.review import management_review
from portal.feedback.transparency import DisclosureOrder, transparency_report
from tests.factories import Factory, actor_for
from tests.feedback_data import YEAR, seeded

PERIOD = Period.of_year(YEAR)


async def test_an_organisations_indicators_are_the_hand_computed_ones(factory: Factory) -> None:
    data = await seeded(factory)

    found = await indicators(Scope(organisation_id=data.organisation.id), PERIOD.start, PERIOD.end)

    # C1 to C4 received in the year (C5 on New Year's Eve before); C2 and C3 come from people
    # who had complained before (B with C5, A with C1). K1 to K5 referred in the year.
    assert (found.complaints_received, found.repeat_complaints, found.disputes_received) == (
        4,
        2,
        5,
    )
    assert found.ended == [
        Tally("outcome_rejected", 1),
        Tally("resolved", 2),
        Tally("withdrawn", 1),
    ]
    assert found.withdrawals == 1
    # Acknowledged after 1, 2, 3, 4 days: median rank ceil(2) = 2 days, p90 rank ceil(3.6) = 4.
    assert found.duration("acknowledge") == Duration("acknowledge", 4, 2.0, 4.0, 2.5)
    # Responded after 10, 20, 5 days (C3 never): sorted 5, 10, 20; mean 35 / 3.
    assert found.duration("respond") == Duration("respond", 3, 10.0, 20.0, 11.67)
    # Closed after 30 (K1), 10 (K2) and 90 (K4) days; K3 was withdrawn, K5 is open.
    assert found.duration("resolve") == Duration("resolve", 3, 30.0, 90.0, 43.33)
    # Windows (K3's objection, K4's reflection) are nobody's duty; K5's clock still runs.
    assert found.clocks == [ClockTally("organisation", 3, 2), ClockTally("provider", 1, 1)]
    assert (found.clocks_met.numerator, found.clocks_met.denominator) == (4, 7)
    assert found.clocks_met.rate == 0.5714
    # Standing outcomes of K1, K2, K4 (its varied award once) and K5: three accepted.
    assert (found.outcomes_issued, found.outcomes_accepted, found.outcomes_rejected) == (4, 3, 1)
    assert found.outcome_acceptance.rate == 0.75
    # Implementation clocks of K1 (met), K4 (missed, implemented late), K5 (running).
    assert (found.implementations_due, found.implemented, found.implemented_on_time) == (3, 2, 1)
    assert found.implementation.rate == 0.6667
    # Complainants' `overall`: K1 5 and K3 2 (mediation), K2 2, K4 4; the organisation's own
    # answer and the other questions do not count.
    assert found.satisfaction_by_method == [
        Satisfaction("arbitration_binding", 1, 4),
        Satisfaction("mediation", 2, 7),
        Satisfaction("ombudsman_recommendation", 1, 2),
    ]
    assert [s.average for s in found.satisfaction_by_method] == [4.0, 3.5, 2.0]
    assert found.satisfaction_by_provider == sorted(
        [
            Satisfaction(data.provider.name, 2, 7),
            Satisfaction(data.other_provider.name, 2, 6),
        ],
        key=lambda s: s.key,
    )


async def test_the_management_review_adds_root_causes_and_systemic_issues(
    factory: Factory,
) -> None:
    data = await seeded(factory)

    review = await management_review(
        await actor_for(data.manager), data.organisation.id, PERIOD, systemic_threshold=3
    )

    assert review.root_causes == [Tally("billing_error", 3), Tally("unclassified", 1)]
    assert review.systemic_issues == [Tally("billing_error", 3)]
    assert review.indicators.disputes_received == 5


async def test_a_providers_report_counts_every_organisation_it_serves(factory: Factory) -> None:
    data = await seeded(factory)

    report = await transparency_report(data.provider.slug, PERIOD)

    i = report.indicators
    assert i.disputes_received == 5  # K1, K2, K5 of O; K6, K7 of O2
    assert report.received_by_method == [
        Tally("conciliation", 1),
        Tally("mediation", 2),
        Tally("negotiation", 1),
        Tally("ombudsman_recommendation", 1),
    ]
    assert report.refusals_by_ground == [Tally("out_of_scope", 1)]
    assert report.refusal_share == 0.2
    assert report.discontinued_by_reason == [Tally("discontinued", 1)]
    # Closed after 30 (K1), 10 (K2), 30 (K7) days.
    assert i.duration("resolve") == Duration("resolve", 3, 30.0, 30.0, 23.33)
    assert i.outcome_acceptance.rate == 0.6667  # K1 and K5 accepted, K2 rejected
    assert i.implementation.rate == 0.5  # K1 implemented, K5 not yet
    assert report.total_cases == 4
    assert [(c.result, c.ended_on.isoformat(), c.duration_days) for c in report.cases] == [
        ("declined", "2026-02-10", 8.0),
        ("discontinued", "2026-03-07", 30.0),
        ("outcome_rejected", "2026-04-11", 10.0),
        ("resolved", "2026-04-19", 30.0),
    ]
    k1 = report.cases[3]
    assert (k1.organisation, k1.method, str(k1.claimed_amount), str(k1.outcome_amount)) == (
        data.organisation.name,
        "mediation",
        "120.00",
        "100.00",
    )
    assert report.cases[0].decline_ground == "out_of_scope"


async def test_the_disclosure_sorts_numbers_as_numbers_and_empty_values_last(
    factory: Factory,
) -> None:
    data = await seeded(factory)

    by_claim = await transparency_report(
        data.provider.slug, PERIOD, order=DisclosureOrder.CLAIMED_AMOUNT, descending=True
    )
    ascending = await transparency_report(
        data.provider.slug, PERIOD, order=DisclosureOrder.CLAIMED_AMOUNT
    )
    page = await transparency_report(
        data.provider.slug, PERIOD, order=DisclosureOrder.DURATION, first=2, offset=1
    )

    assert [c.claimed_amount and str(c.claimed_amount) for c in by_claim.cases] == [
        "300.00",
        "120.00",
        "50.00",
        None,
    ]
    assert [c.claimed_amount and str(c.claimed_amount) for c in ascending.cases] == [
        "50.00",
        "120.00",
        "300.00",
        None,
    ]
    assert [c.duration_days for c in page.cases] == [10.0, 30.0]
    assert page.total_cases == 4
