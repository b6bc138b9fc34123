"""Clocks: due dates in calendar or working days (weekends and the scheme country's public
holidays), per-scheme rules, extensions, met and missed, and the periodic clock job."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from portal.cases.clocks import DEFAULT_POLICY, EQUAL_TO, ClockRule, add_days, rule_for
from portal.cases.errors import CaseError
from portal.cases.extensions import ClockSpan, sort_to_clocks
from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Scheme
from portal.cases.services import Action, _lapse, perform, run_clock_job
from portal.cases.states import (
    AppointmentStatus,
    Calendar,
    ClockKind,
    ClockStatus,
    ClosureReason,
    Method,
    Party,
    Stage,
)
from portal.timeline.models import TimelineEvent
from portal.timeline.services import verify
from tests.factories import NOTICE_READ, Factory, World, quick_world
from tests.test_lifecycle_paths import (
    CONSENT,
    act,
    clocks,
    events,
    refusal,
    up_to_a_confirmed_neutral,
)

WORKING = Calendar.WORKING_DAYS
CALENDAR = Calendar.CALENDAR_DAYS


def at(day: str, time: str = "09:00") -> datetime:
    return datetime.fromisoformat(f"{day}T{time}+00:00")


# --- due dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (at("2026-03-06", "09:30"), 1, at("2026-03-09", "09:30")),  # Friday to Monday
        (at("2026-03-04"), 5, at("2026-03-11")),  # a whole week, over one weekend
        (at("2026-03-07", "10:00"), 1, at("2026-03-09", "10:00")),  # started on a Saturday
        (at("2026-04-02"), 1, at("2026-04-07")),  # Good Friday, weekend, Easter Monday
        (at("2026-04-01"), 3, at("2026-04-08")),
        (at("2026-10-02"), 1, at("2026-10-05")),  # German Unity Day is a Saturday: no extra day
        (at("2026-12-24"), 1, at("2026-12-28")),  # both Christmas days
        (at("2026-12-30"), 2, at("2027-01-04")),  # New Year's Day, into the next year's holidays
        (at("2026-03-02"), 0, at("2026-03-02")),
    ],
)
def test_working_days_skip_weekends_and_german_public_holidays(
    start: datetime, days: int, due: datetime
) -> None:
    assert add_days(start, days, WORKING, "DE") == due


@pytest.mark.parametrize(
    ("country", "start", "days", "due"),
    [
        ("DE", at("2026-05-07"), 1, at("2026-05-08")),
        ("FR", at("2026-05-07"), 1, at("2026-05-11")),  # 8 May, Victory Day, is French only
        ("DE", at("2026-04-01"), 3, at("2026-04-08")),
        ("GB", at("2026-04-01"), 3, at("2026-04-07")),  # Good Friday, but no Easter Monday
        ("XX", at("2026-04-02"), 1, at("2026-04-03")),  # no holiday data: weekends only
        ("", at("2026-04-02"), 1, at("2026-04-03")),
        ("XX", at("2026-03-06"), 1, at("2026-03-09")),
    ],
)
def test_working_days_follow_the_scheme_country(
    country: str, start: datetime, days: int, due: datetime
) -> None:
    assert add_days(start, days, WORKING, country) == due


def test_calendar_days_count_weekends_and_holidays() -> None:
    assert add_days(at("2026-04-02"), 1, CALENDAR, "DE") == at("2026-04-03")
    assert add_days(at("2026-04-02", "17:45"), 14, CALENDAR, "DE") == at("2026-04-16", "17:45")
    assert add_days(at("2026-12-24"), 21, CALENDAR, "DE") == at("2027-01-14")


def test_a_working_day_due_date_keeps_the_start_time_and_zone() -> None:
    start = datetime(2026, 4, 2, 16, 5, 7, 123456, tzinfo=UTC)

    assert add_days(start, 1, WORKING, "DE") == datetime(2026, 4, 7, 16, 5, 7, 123456, tzinfo=UTC)


def test_clock_rules_default_to_domain_md_and_a_scheme_overrides_them() -> None:
    policy: dict[str, object] = {
        "response": {"days": 15},
        "outcome": {"days": 60, "calendar": "working_days"},
        "reflection": "not a rule",
    }

    assert rule_for({}, ClockKind.RESPONSE) == ClockRule(20, WORKING)
    assert rule_for({}, ClockKind.RESPONSE, complex_case=True) == ClockRule(30, WORKING)
    assert rule_for({}, ClockKind.ACCEPTANCE) == ClockRule(21, CALENDAR)
    assert rule_for(policy, ClockKind.RESPONSE) == ClockRule(15, WORKING)
    assert rule_for(policy, ClockKind.RESPONSE, complex_case=True) == ClockRule(30, WORKING)
    assert rule_for(policy, ClockKind.OUTCOME) == ClockRule(60, WORKING)
    assert rule_for(policy, ClockKind.REFLECTION) == ClockRule(14, CALENDAR)
    assert set(DEFAULT_POLICY) == {*ClockKind, "response_complex"} - set(EQUAL_TO)


def test_the_reply_window_is_as_long_as_the_response_clock_unless_the_scheme_says() -> None:
    """DOMAIN.md, fairness: equal windows to answer."""
    shorter: dict[str, object] = {"response": {"days": 15}, "response_complex": {"days": 25}}
    own: dict[str, object] = {**shorter, "reply": {"days": 10, "calendar": "calendar_days"}}

    assert rule_for({}, ClockKind.REPLY) == ClockRule(20, WORKING)
    assert rule_for({}, ClockKind.REPLY, complex_case=True) == ClockRule(30, WORKING)
    assert rule_for(shorter, ClockKind.REPLY) == ClockRule(15, WORKING)
    assert rule_for(shorter, ClockKind.REPLY, complex_case=True) == ClockRule(25, WORKING)
    assert rule_for(own, ClockKind.REPLY, complex_case=True) == ClockRule(10, CALENDAR)


# --- clocks on cases --------------------------------------------------------------------------


async def consent_on(w: World, day: str, *, is_complex: bool = False) -> DisputeCase:
    """A case accepted and consented to at 09:00 on ``day``: its response clock starts then."""
    case = await w.new_case()
    await act(w.caseworker, case, Action.ACCEPT, at(day, "08:00"), is_complex=is_complex)
    return await act(w.complainant, case, Action.GIVE_CONSENT, at(day), **CONSENT)


async def test_the_response_clock_runs_20_working_days(factory: Factory) -> None:
    w = await quick_world(factory)

    case = await consent_on(w, "2026-03-02")

    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    assert (clock.days, clock.calendar, clock.responsible) == (
        20,
        "working_days",
        Party.ORGANISATION,
    )
    assert (clock.started_at, clock.due_at, clock.status) == (
        at("2026-03-02"),
        at("2026-03-30"),
        ClockStatus.RUNNING,
    )
    started = await TimelineEvent.get(case_id=case.id, sequence=8)
    assert (started.kind, started.occurred_at, started.payload) == (
        "clock_started",
        at("2026-03-02"),
        {
            "clock": "response",
            "responsible": "organisation",
            "due_at": "2026-03-30T09:00:00+00:00",
            "days": 20,
            "calendar": "working_days",
        },
    )


async def test_a_complex_case_gives_30_working_days_and_skips_easter(factory: Factory) -> None:
    w = await quick_world(factory)

    case = await consent_on(w, "2026-03-02", is_complex=True)

    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    # 30 weekdays would end on 13 April; Good Friday and Easter Monday push it to the 15th.
    assert (clock.days, clock.due_at) == (30, at("2026-04-15"))
    assert (await DisputeCase.get(id=case.id)).is_complex is True


async def test_a_scheme_without_holiday_data_skips_only_weekends(factory: Factory) -> None:
    w = await quick_world(factory, country="XX")

    case = await consent_on(w, "2026-03-02", is_complex=True)

    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    assert clock.due_at == at("2026-04-13")


async def test_a_scheme_clock_policy_overrides_the_default(factory: Factory) -> None:
    w = await quick_world(factory)
    await Scheme.filter(id=w.scheme.id).update(
        clock_policy={"response": {"days": 10, "calendar": "calendar_days"}}
    )

    case = await consent_on(w, "2026-03-02")

    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    assert (clock.days, clock.calendar, clock.due_at) == (10, "calendar_days", at("2026-03-12"))


async def test_acting_on_time_meets_the_clock_and_acting_late_misses_it(factory: Factory) -> None:
    w = await quick_world(factory)
    on_time = await consent_on(w, "2026-03-02")
    late = await consent_on(w, "2026-03-02")

    await act(w.agent, on_time, Action.SUBMIT_RESPONSE, at("2026-03-30"), position="In time.")
    await act(w.agent, late, Action.SUBMIT_RESPONSE, at("2026-03-30", "09:01"), position="Late.")

    on_time_clock = await Clock.get(case_id=on_time.id, kind=ClockKind.RESPONSE)
    late_clock = await Clock.get(case_id=late.id, kind=ClockKind.RESPONSE)
    assert (on_time_clock.status, on_time_clock.ended_at) == (ClockStatus.MET, at("2026-03-30"))
    assert (late_clock.status, late_clock.ended_at) == (
        ClockStatus.MISSED,
        at("2026-03-30", "09:01"),
    )
    met = await TimelineEvent.get(case_id=on_time.id, sequence=10)
    missed = await TimelineEvent.get(case_id=late.id, sequence=10)
    assert (met.kind, met.actor_role, met.payload) == (
        "clock_met",
        "organisation",
        {"clock": "response", "due_at": "2026-03-30T09:00:00+00:00", "responsible": "organisation"},
    )
    assert (missed.kind, missed.occurred_at) == ("clock_missed", at("2026-03-30", "09:01"))


async def test_the_outcome_clock_is_extended_once_with_a_visible_reason(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.OMBUDSMAN_RECOMMENDATION)
    t0 = case.stage_changed_at
    case = await up_to_a_confirmed_neutral(w, case, t0)
    completed = t0 + timedelta(days=13)

    await act(
        w.neutral,
        case,
        Action.EXTEND_CLOCK,
        t0 + timedelta(days=80),
        clock="outcome",
        days=30,
        reason="The expert report is awaited.",
    )
    extended = await Clock.get(case_id=case.id, kind=ClockKind.OUTCOME)
    length = (await DisputeCase.get(id=case.id)).last_sequence
    again = await refusal(
        w.caseworker,
        case,
        Action.EXTEND_CLOCK,
        t0 + timedelta(days=81),
        clock="outcome",
        days=10,
        reason="Still waiting.",
    )

    assert again.code == "EXTENSION_LIMIT"
    assert (extended.due_at, extended.extensions) == (completed + timedelta(days=120), 1)
    after = await Clock.get(case_id=case.id, kind=ClockKind.OUTCOME)
    assert (after.due_at, after.extensions, after.status) == (
        extended.due_at,
        1,
        ClockStatus.RUNNING,
    )
    assert (await DisputeCase.get(id=case.id)).last_sequence == length
    notice = await TimelineEvent.get(case_id=case.id, kind="clock_extended")
    assert (notice.sequence, notice.actor_id, notice.actor_role) == (
        length,
        w.neutral.id,
        "neutral",
    )
    assert notice.payload == {
        "clock": "outcome",
        "days": 30,
        "reason": "The expert report is awaited.",
        "previous_due_at": (completed + timedelta(days=90)).isoformat(),
        "due_at": (completed + timedelta(days=120)).isoformat(),
    }


async def test_an_extension_needs_a_reason(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    unreasoned = await refusal(
        w.caseworker, case, Action.EXTEND_CLOCK, case.stage_changed_at, clock="acceptance", days=3
    )

    assert (unreasoned.code, unreasoned.field) == ("REQUIRED", "reason")
    clock = await Clock.get(case_id=case.id)
    assert (clock.extensions, clock.due_at) == (0, case.stage_changed_at + timedelta(days=21))


async def test_other_clocks_are_extended_at_most_twice(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await consent_on(w, "2026-03-02")

    for day in ("2026-03-10", "2026-03-11"):
        await act(
            w.caseworker, case, Action.EXTEND_CLOCK, at(day), clock="response", days=1, reason="R"
        )
    third = await refusal(
        w.caseworker,
        case,
        Action.EXTEND_CLOCK,
        at("2026-03-12"),
        clock="response",
        days=1,
        reason="R",
    )

    assert third.code == "EXTENSION_LIMIT"
    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    # 30 March, then one working day twice: 31 March, 1 April.
    assert (clock.extensions, clock.due_at) == (2, at("2026-04-01"))


async def test_an_extension_counts_working_days_over_easter(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await consent_on(w, "2026-03-02")

    await act(
        w.caseworker,
        case,
        Action.EXTEND_CLOCK,
        at("2026-03-20"),
        clock="response",
        days=5,
        reason="The organisation asked for the file in German.",
    )

    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    assert clock.due_at == at("2026-04-08")


async def test_an_extension_counts_in_the_clocks_own_calendar(factory: Factory) -> None:
    w = await quick_world(factory)
    await Scheme.filter(id=w.scheme.id).update(
        clock_policy={"response_complex": {"days": 30, "calendar": "calendar_days"}}
    )
    case = await consent_on(w, "2026-03-05", is_complex=True)

    await act(
        w.caseworker,
        case,
        Action.EXTEND_CLOCK,
        at("2026-03-20"),
        clock="response",
        days=2,
        reason="R",
    )

    clock = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    # Due Saturday 4 April in calendar days; two more calendar days, not two working days.
    assert (clock.calendar, clock.due_at) == ("calendar_days", at("2026-04-06"))


async def test_the_clock_job_marks_missed_clocks_once(factory: Factory) -> None:
    w = await quick_world(factory)
    first = await w.new_case()
    second = await w.new_case()
    job_time = second.stage_changed_at + timedelta(days=21, seconds=1)
    not_due = await w.new_case()  # accepted at once: its response clock runs beyond the job
    await act(w.caseworker, not_due, Action.ACCEPT, not_due.stage_changed_at)
    await act(w.complainant, not_due, Action.GIVE_CONSENT, not_due.stage_changed_at, **CONSENT)

    handled = await run_clock_job(job_time)
    again = await run_clock_job(job_time)
    later = await run_clock_job(job_time + timedelta(days=1))

    assert (handled, again, later) == (2, 0, 0)
    for case in (first, second):
        assert await clocks(case) == [(ClockKind.ACCEPTANCE, ClockStatus.MISSED)]
        assert await events(case) == [
            "case_referred",
            "clock_started:acceptance",
            "clock_missed:acceptance",
        ]
        missed = await TimelineEvent.get(case_id=case.id, sequence=3)
        assert (missed.occurred_at, missed.actor_id, missed.actor_role) == (
            job_time,
            None,
            "system",
        )
        assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED
    assert await clocks(not_due) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.RUNNING),
    ]


async def test_a_provider_may_still_accept_after_its_clock_was_missed(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    late = case.stage_changed_at + timedelta(days=22)
    await run_clock_job(late)

    case = await act(w.caseworker, case, Action.ACCEPT, late + timedelta(hours=1))

    assert case.stage is Stage.ACCEPTED
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "clock_missed:acceptance",
        "case_accepted",
        "clock_started:consent",
    ]


async def test_the_objection_window_elapsing_confirms_the_neutral(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.MEDIATION)
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
    await act(w.complainant, case, Action.SUBMIT_REPLY, t0 + timedelta(days=3, hours=1), reply="R")
    await act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=4), neutral_id=w.neutral.id
    )
    declared = t0 + timedelta(days=5)
    await act(w.neutral, case, Action.DECLARE_IMPARTIALITY, declared, impartial=True)
    closes = declared + timedelta(days=7)

    at_the_close = await run_clock_job(closes)
    premature = await refusal(w.caseworker, case, Action.COMPLETE_FILE, closes)
    too_late = await refusal(
        w.complainant, case, Action.OBJECT_TO_NEUTRAL, closes + timedelta(seconds=1), reasons="R"
    )
    after_it = await run_clock_job(closes + timedelta(seconds=1))
    case = await act(w.caseworker, case, Action.COMPLETE_FILE, closes + timedelta(hours=1))

    assert (at_the_close, after_it) == (0, 1)
    assert premature.code == "NEUTRAL_NOT_CONFIRMED"
    assert too_late.code == "OBJECTION_WINDOW_CLOSED"
    appointment = await NeutralAppointment.get(case_id=case.id)
    assert appointment.status is AppointmentStatus.CONFIRMED
    assert case.stage is Stage.IN_RESOLUTION
    assert (await events(case))[-4:] == [
        "neutral_confirmed",
        "clock_met:objection",
        "file_completed",
        "clock_started:outcome",
    ]


async def issued(w: World, method: Method) -> tuple[DisputeCase, datetime]:
    case = await w.new_case(method)
    t0 = case.stage_changed_at
    if method.binding:
        await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
        await act(
            w.complainant,
            case,
            Action.GIVE_CONSENT,
            t0 + timedelta(hours=2),
            consents_to_be_bound=True,
            **CONSENT,
        )
        await act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
        await act(
            w.complainant, case, Action.SUBMIT_REPLY, t0 + timedelta(days=3, hours=1), reply="R"
        )
        await act(
            w.caseworker,
            case,
            Action.APPOINT_NEUTRAL,
            t0 + timedelta(days=4),
            neutral_id=w.neutral.id,
        )
        await act(
            w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=5), impartial=True
        )
        await run_clock_job(t0 + timedelta(days=12, hours=1))
        await act(w.caseworker, case, Action.COMPLETE_FILE, t0 + timedelta(days=13))
    else:
        await up_to_a_confirmed_neutral(w, case, t0)
    when = t0 + timedelta(days=20)
    case = await act(w.neutral, case, Action.ISSUE_OUTCOME, when, summary="Pay 50", reasons="R")
    return case, when


async def test_a_binding_award_becomes_final_when_the_reflection_period_ends(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, when = await issued(w, Method.ARBITRATION_BINDING)
    ends = when + timedelta(days=14)

    late = await refusal(
        w.agent, case, Action.REQUEST_REVIEW, ends + timedelta(seconds=1), reasons="Too much."
    )
    handled = await run_clock_job(ends + timedelta(seconds=1))

    assert late.code == "REFLECTION_PERIOD_OVER"
    assert handled == 1
    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.IMPLEMENTATION
    assert (await events(case))[-3:] == [
        "award_final",
        "clock_met:reflection",
        "clock_started:implementation",
    ]
    implementation = await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION)
    assert implementation.due_at == ends + timedelta(days=30, seconds=1)


async def test_a_review_asked_on_the_last_day_of_reflection_is_in_time(factory: Factory) -> None:
    w = await quick_world(factory)
    case, when = await issued(w, Method.ARBITRATION_BINDING)

    case = await act(
        w.complainant, case, Action.REQUEST_REVIEW, when + timedelta(days=14), reasons="Too little."
    )

    assert case.stage is Stage.UNDER_REVIEW
    assert await run_clock_job(when + timedelta(days=15)) == 0


async def test_a_non_binding_outcome_not_accepted_when_the_reflection_period_ends_closes(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, when = await issued(w, Method.OMBUDSMAN_RECOMMENDATION)
    await act(w.complainant, case, Action.ACCEPT_OUTCOME, when + timedelta(days=2), **NOTICE_READ)

    on_the_last_day = await run_clock_job(when + timedelta(days=14))
    handled = await run_clock_job(when + timedelta(days=14, seconds=1))

    assert (on_the_last_day, handled) == (0, 1)
    case = await DisputeCase.get(id=case.id)
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.OUTCOME_NOT_ACCEPTED)
    assert case.closed_at == when + timedelta(days=14, seconds=1)
    assert (await events(case))[-3:] == [
        "outcome_not_accepted",
        "clock_met:reflection",
        "case_closed",
    ]
    lapsed = await TimelineEvent.get(case_id=case.id, kind="outcome_not_accepted")
    assert (lapsed.actor_role, lapsed.payload["accepted_by"]) == ("system", ["complainant"])
    assert (await clocks(case))[-1] == (ClockKind.REFLECTION, ClockStatus.MET)


async def test_the_implementation_clock_is_met_when_the_organisation_implements(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, when = await issued(w, Method.OMBUDSMAN_RECOMMENDATION)
    await act(w.complainant, case, Action.ACCEPT_OUTCOME, when + timedelta(days=1), **NOTICE_READ)
    agreed = when + timedelta(days=2)
    await act(w.agent, case, Action.ACCEPT_OUTCOME, agreed, **NOTICE_READ)

    await act(
        w.agent, case, Action.RECORD_IMPLEMENTATION, agreed + timedelta(days=10), evidence="E"
    )
    # The confirmation clock started on day 10 runs to day 24: nothing lapses before.
    handled = await run_clock_job(agreed + timedelta(days=23))
    case = await act(
        w.complainant, case, Action.CONFIRM_IMPLEMENTATION, agreed + timedelta(days=23)
    )

    assert handled == 0
    assert case.stage is Stage.CLOSED
    implementation = await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION)
    assert (implementation.status, implementation.ended_at) == (
        ClockStatus.MET,
        agreed + timedelta(days=10),
    )


async def test_an_implementation_recorded_late_misses_its_clock(factory: Factory) -> None:
    w = await quick_world(factory)
    case, when = await issued(w, Method.OMBUDSMAN_RECOMMENDATION)
    await act(w.complainant, case, Action.ACCEPT_OUTCOME, when + timedelta(days=1), **NOTICE_READ)
    agreed = when + timedelta(days=2)
    await act(w.agent, case, Action.ACCEPT_OUTCOME, agreed, **NOTICE_READ)

    await act(
        w.agent, case, Action.RECORD_IMPLEMENTATION, agreed + timedelta(days=31), evidence="E"
    )

    implementation = await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION)
    assert implementation.status is ClockStatus.MISSED
    assert (await events(case))[-3:] == [
        "implementation_recorded",
        "clock_missed:implementation",
        "clock_started:confirmation",
    ]


async def test_the_clock_job_with_nothing_due_does_nothing(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    handled = await run_clock_job(case.stage_changed_at + timedelta(days=21))

    assert handled == 0
    assert await clocks(case) == [(ClockKind.ACCEPTANCE, ClockStatus.RUNNING)]


async def test_a_person_cannot_make_the_clock_job_act_early(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await consent_on(w, "2026-03-02")

    with pytest.raises(CaseError) as raised:
        await perform(None, case.id, Action.ORGANISATION_SILENT, at=at("2026-03-30"))

    assert raised.value.code == "RESPONSE_CLOCK_RUNNING"
    assert (await DisputeCase.get(id=case.id)).stage is Stage.AWAITING_RESPONSE


async def test_a_clock_extended_after_the_job_listed_it_is_left_running(factory: Factory) -> None:
    """The job lists the due clocks first and handles each under its case's lock; a clock
    extended in between is no longer due and must not be marked missed."""
    w = await quick_world(factory)
    case = await w.new_case()
    clock = await Clock.get(case_id=case.id)
    job_time = clock.due_at + timedelta(hours=1)
    await act(
        w.caseworker,
        case,
        Action.EXTEND_CLOCK,
        clock.due_at,
        clock="acceptance",
        days=2,
        reason="R",
    )

    handled = await _lapse(clock.id, case.id, job_time)

    assert handled == 0
    extended = await Clock.get(id=clock.id)
    assert (extended.status, extended.due_at) == (
        ClockStatus.RUNNING,
        clock.due_at + timedelta(days=2),
    )
    assert (await events(case))[-1] == "clock_extended:acceptance"


async def test_clock_jobs_running_at_once_handle_each_clock_once(factory: Factory) -> None:
    w = await quick_world(factory)
    referred = [await w.new_case() for _ in range(3)]
    silent = await w.new_case()
    await act(w.caseworker, silent, Action.ACCEPT, silent.stage_changed_at)
    await act(w.complainant, silent, Action.GIVE_CONSENT, silent.stage_changed_at, **CONSENT)
    job_time = silent.stage_changed_at + timedelta(days=60)

    handled = await asyncio.gather(*(run_clock_job(job_time) for _ in range(3)))

    assert sum(handled) == 4
    for case in referred:
        assert (await events(case))[-1] == "clock_missed:acceptance"
        assert (await verify(await DisputeCase.get(id=case.id))).ok
    assert (await events(silent))[-3:] == [
        "organisation_silent",
        "clock_missed:response",
        "case_closed",
    ]
    assert (await verify(await DisputeCase.get(id=silent.id))).ok


def test_an_extension_goes_to_the_same_clock_whatever_order_the_clocks_are_read_in() -> None:
    """Two clocks of one kind started at the same instant (the list reads a case's clocks
    unordered, the case page by start): the extension is placed on the same one either way."""
    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    clocks = [ClockSpan(uuid.UUID(int=n), ClockKind.OUTCOME, at, None) for n in (7, 3, 11)]
    event = {
        "occurred_at": at + timedelta(days=1),
        "actor_id": None,
        "actor_role": "caseworker",
        "payload": {"clock": "outcome", "days": 10, "reason": "expert report"},
    }
    placements = set()
    for order in (clocks, clocks[::-1], sorted(clocks, key=lambda c: c.id)):
        placed = sort_to_clocks(order, [event])
        placements.add(next(clock for clock, found in placed.items() if found))
    assert placements == {uuid.UUID(int=11)}
