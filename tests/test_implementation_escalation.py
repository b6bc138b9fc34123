"""Implementation confirmed, disputed or left undone (issue 15, deliverable 3): the
complainant's confirmation clock, the report that an outcome was not carried out, the lapses
that escalate to the provider, the provider's closure clock and its closing as resolved or not
implemented, and the organisation's non-compliance counted in its management review. Frozen
time throughout (``at=``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from portal.cases.duties import due_duties
from portal.cases.engine import load_view
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import (
    CaseRole,
    ClockKind,
    ClockStatus,
    ClosureReason,
    Method,
    Party,
    Stage,
)
from portal.cases.transitions import obligations
from portal.feedback.periods import Period
from portal.feedback.review import management_review, review_document
from portal.timeline.models import TimelineEvent
from tests.factories import NOTICE_READ, Factory, World, actor_for, quick_world
from tests.test_clocks import issued
from tests.test_lifecycle_paths import act, assert_chain_intact, events, refusal

PROVIDER = frozenset({CaseRole.PROVIDER})


async def agreed(w: World) -> tuple[DisputeCase, datetime]:
    """An ombudsman's recommendation both sides accepted: the implementation clock runs."""
    case, issued_at = await issued(w, Method.OMBUDSMAN_RECOMMENDATION)
    await act(
        w.complainant, case, Action.ACCEPT_OUTCOME, issued_at + timedelta(days=1), **NOTICE_READ
    )
    at = issued_at + timedelta(days=2)
    case = await act(w.agent, case, Action.ACCEPT_OUTCOME, at, **NOTICE_READ)
    assert case.stage is Stage.IMPLEMENTATION
    return case, at


async def implemented(w: World) -> tuple[DisputeCase, datetime]:
    """Agreed, and the organisation records the refund five days later (then)."""
    case, at = await agreed(w)
    recorded = at + timedelta(days=5)
    case = await act(w.agent, case, Action.RECORD_IMPLEMENTATION, recorded, evidence="Paid.")
    return case, recorded


async def test_recording_the_implementation_starts_the_complainants_confirmation_clock(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, recorded = await implemented(w)

    clock = await Clock.get(case_id=case.id, kind=ClockKind.CONFIRMATION)
    due = await due_duties([case.id], recorded)
    case = await act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION, clock.due_at)

    assert (clock.responsible, clock.days, clock.due_at) == (
        Party.COMPLAINANT,
        14,
        recorded + timedelta(days=14),
    )
    assert [(d.clock, d.party, d.actions) for d in due[case.id]] == [
        (
            ClockKind.CONFIRMATION,
            Party.COMPLAINANT,
            (Action.CONFIRM_IMPLEMENTATION, Action.REPORT_NOT_IMPLEMENTED),
        )
    ]
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.RESOLVED)
    assert (await Clock.get(id=clock.id)).status is ClockStatus.MET


async def test_a_report_that_it_was_not_done_escalates_and_the_provider_closes_not_implemented(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, recorded = await implemented(w)
    reported = recorded + timedelta(days=1)

    unreasoned = await refusal(w.complainant, case, Action.REPORT_NOT_IMPLEMENTED, reported)
    premature = await refusal(
        w.caseworker, case, Action.CLOSE, reported, reason="not_implemented", note="N"
    )
    case = await act(
        w.complainant,
        case,
        Action.REPORT_NOT_IMPLEMENTED,
        reported,
        reasons="No refund reached my account.",
    )
    again = await refusal(
        w.complainant, case, Action.REPORT_NOT_IMPLEMENTED, reported, reasons="Still nothing."
    )
    view = await load_view(case, reported)
    duties, _ = obligations(view, PROVIDER)
    closure = await Clock.get(case_id=case.id, kind=ClockKind.CLOSURE)
    decided = reported + timedelta(days=3)
    case = await act(
        w.caseworker,
        case,
        Action.CLOSE,
        decided,
        reason="not_implemented",
        note="The bank statement shows no refund.",
    )

    assert (unreasoned.code, unreasoned.field) == ("REASONS_REQUIRED", "reasons")
    assert (premature.code, premature.field) == ("NOT_ESCALATED", "reason")
    assert again.code == "ALREADY_ESCALATED"
    assert duties == [Action.CLOSE]
    assert (closure.responsible, closure.due_at) == (Party.PROVIDER, reported + timedelta(days=14))
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.NOT_IMPLEMENTED)
    assert (case.escalated_at, case.escalation_note) == (reported, "No refund reached my account.")
    assert (await Clock.get(id=closure.id)).status is ClockStatus.MET
    assert (await events(case))[-8:] == [
        "implementation_recorded",
        "clock_met:implementation",
        "clock_started:confirmation",
        "implementation_disputed",
        "clock_met:confirmation",
        "clock_started:closure",
        "case_closed",
        "clock_met:closure",
    ]
    await assert_chain_intact(case)


async def test_an_unconfirmed_implementation_goes_to_the_provider_who_may_close_it_resolved(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, _ = await implemented(w)
    confirmation = await Clock.get(case_id=case.id, kind=ClockKind.CONFIRMATION)

    on_the_due_date = await run_clock_job(confirmation.due_at)
    after_it = await run_clock_job(confirmation.due_at + timedelta(seconds=1))
    escalated = await DisputeCase.get(id=case.id)
    due = await due_duties([case.id], confirmation.due_at + timedelta(days=1))
    case = await act(
        w.caseworker,
        case,
        Action.CLOSE,
        confirmation.due_at + timedelta(days=2),
        reason="resolved",
        note="The bank confirmed the refund.",
    )

    assert (on_the_due_date, after_it) == (0, 1)
    assert escalated.stage is Stage.IMPLEMENTATION
    assert escalated.escalated_at == confirmation.due_at + timedelta(seconds=1)
    # The complainant's silence is recorded, and owed no longer: the provider's turn.
    assert [(d.clock, d.party) for d in due[case.id]] == [(ClockKind.CLOSURE, Party.PROVIDER)]
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.RESOLVED)
    lapsed = await TimelineEvent.get(case_id=case.id, kind="confirmation_lapsed")
    assert (lapsed.actor_id, lapsed.actor_role, lapsed.payload) == (
        None,
        "system",
        # Issue 20, 3: the record names the rule that took the step automatically.
        {"escalated": True, "automated_rule": "confirmation_lapsed"},
    )
    assert (await Clock.get(id=confirmation.id)).status is ClockStatus.MISSED
    await assert_chain_intact(case)


async def test_a_provider_closes_as_resolved_only_once_the_implementation_is_recorded(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, at = await agreed(w)

    refused = await refusal(
        w.caseworker, case, Action.CLOSE, at + timedelta(days=1), reason="resolved", note="N"
    )
    await act(w.agent, case, Action.RECORD_IMPLEMENTATION, at + timedelta(days=2), evidence="E")
    case = await act(
        w.caseworker, case, Action.CLOSE, at + timedelta(days=3), reason="resolved", note="Paid."
    )

    assert (refused.code, refused.field) == ("IMPLEMENTATION_NOT_RECORDED", "reason")
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.RESOLVED)


async def test_an_implementation_clock_run_out_escalates_and_the_closure_clock_is_missed_if_late(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, _at = await agreed(w)
    implementation = await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION)
    lapsed = implementation.due_at + timedelta(seconds=1)

    assert await run_clock_job(lapsed) == 1
    closure = await Clock.get(case_id=case.id, kind=ClockKind.CLOSURE)
    overdue = await due_duties([case.id], closure.due_at + timedelta(days=1))
    assert await run_clock_job(closure.due_at + timedelta(seconds=1)) == 1
    case = await DisputeCase.get(id=case.id)

    assert case.stage is Stage.IMPLEMENTATION
    assert case.escalated_at == lapsed
    assert (await Clock.get(id=implementation.id)).status is ClockStatus.MISSED
    assert (await Clock.get(id=closure.id)).status is ClockStatus.MISSED
    # Both are late: the organisation still owes the implementation, the provider its decision.
    assert {(d.clock, d.party, d.overdue) for d in overdue[case.id]} == {
        (ClockKind.IMPLEMENTATION, Party.ORGANISATION, True),
        (ClockKind.CLOSURE, Party.PROVIDER, True),
    }
    assert (await events(case))[-4:] == [
        "implementation_overdue",
        "clock_missed:implementation",
        "clock_started:closure",
        "clock_missed:closure",
    ]
    overdue_event = await TimelineEvent.get(case_id=case.id, kind="implementation_overdue")
    assert overdue_event.actor_role == "system"
    await assert_chain_intact(case)


async def test_a_not_implemented_outcome_appears_in_the_organisations_management_review(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, _at = await agreed(w)
    implementation = await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION)
    await run_clock_job(implementation.due_at + timedelta(seconds=1))
    closed_at = implementation.due_at + timedelta(days=2)
    await act(
        w.caseworker,
        case,
        Action.CLOSE,
        closed_at,
        reason="not_implemented",
        note="Nothing was paid.",
    )
    period = Period(closed_at - timedelta(days=1), closed_at + timedelta(days=1))
    before = Period(closed_at - timedelta(days=10), closed_at - timedelta(days=1))

    review = await management_review(
        await actor_for(w.manager), w.organisation.id, period, systemic_threshold=3
    )
    earlier = await management_review(
        await actor_for(w.manager), w.organisation.id, before, systemic_threshold=3
    )

    assert review.indicators.outcomes_not_implemented == 1
    assert {t.key: t.count for t in review.indicators.ended} == {"not_implemented": 1}
    assert review_document(review)["outcomes"]["not_implemented"] == 1
    assert earlier.indicators.outcomes_not_implemented == 0
