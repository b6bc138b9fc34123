"""A way forward from every stage (issue 15, deliverable 3): the table walked for stages that
nothing leaves, and each new clock with frozen time (``at=``): consent, the reply window,
negotiation's time, a non-binding outcome left unanswered, and the organisation's withdrawal.
The implementation's confirmation and escalation are in test_implementation_escalation.py, the
neutral's recusal, removal and later disclosure in test_neutral_replacement.py."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal.cases.clocks import responsible
from portal.cases.engine import load_view, roles_on
from portal.cases.models import Clock, DisputeCase, Scheme
from portal.cases.services import Action, run_clock_job
from portal.cases.states import (
    ACTIVE_STAGES,
    CaseRole,
    ClockKind,
    ClockStatus,
    ClosureReason,
    Method,
    Party,
    Side,
    Stage,
)
from portal.cases.transitions import (
    CLOCK_OBLIGATIONS,
    TABLE,
    TRANSITIONS,
    ClockObligation,
    Obligation,
    discharging,
    lapse_of,
    obligations,
)
from portal.timeline.models import TimelineEvent
from tests.factories import Factory, quick_world
from tests.test_clocks import issued as issued_outcome
from tests.test_implementation_escalation import agreed
from tests.test_lifecycle_paths import (
    CONSENT,
    act,
    assert_chain_intact,
    clocks,
    events,
    in_resolution,
    refusal,
)
from tests.test_transition_matrix import STAGE_BUILDERS, Who, build_cast

# --- the table walked -----------------------------------------------------------------------


def test_every_active_stage_is_left_by_a_clock_or_by_someones_duty() -> None:
    """Each active stage has a row of the clock job that takes a clock's lapse there, or a
    person's duty that moves the case to another stage. The provider's close, possible at
    every stage, proves nothing about any one of them and does not count."""
    stranded = []
    for stage in sorted(ACTIVE_STAGES):
        lapses = [t for t in TRANSITIONS if t.system and stage in t.sources and t.stops]
        exits = [
            t
            for t in TRANSITIONS
            if not t.system
            and stage in t.sources
            and t.sources != ACTIVE_STAGES
            and t.targets
            and stage not in t.targets
            and t.obligation is not Obligation.RIGHT
        ]
        if not lapses and not exits:
            stranded.append(stage.value)

    assert stranded == []


def test_every_clock_ends_in_a_consequence_a_window_or_an_owed_duty() -> None:
    """A clock that runs out either has a row of the clock job that takes its lapse, or is a
    window (its end is nobody's failure), or is a duty clock that names the duties that
    discharge it, so its party stays overdue until they act."""
    started = {k for t in TRANSITIONS for k in t.starts} | {ClockKind.ACCEPTANCE}

    loose = [
        kind.value
        for kind in ClockKind
        if not any(t.system and kind in t.stops for t in TRANSITIONS)
        and CLOCK_OBLIGATIONS[kind] is not ClockObligation.WINDOW
        and not discharging(kind)
    ]

    assert loose == []
    # Every clock kind is started by a row of the table (the acceptance clock by the
    # referral, which precedes the table).
    assert set(ClockKind) - started == set()


WALKED = [
    (stage, method)
    for stage in STAGE_BUILDERS
    if stage in ACTIVE_STAGES  # a closed case waits on nobody, as it should
    for method in (Method.NEGOTIATION, Method.OMBUDSMAN_RECOMMENDATION, Method.ARBITRATION_BINDING)
    if not (stage in {Stage.OUTCOME_PROPOSED, Stage.IMPLEMENTATION} and not method.needs_neutral)
    and not (stage is Stage.UNDER_REVIEW and not method.binding)
]


@pytest.mark.parametrize(
    ("stage", "method"), WALKED, ids=[f"{s.value}-{m.value}" for s, m in WALKED]
)
async def test_a_case_left_alone_at_any_stage_is_moved_on_by_a_clock_or_waits_on_a_duty(
    factory: Factory, stage: Stage, method: Method
) -> None:
    """For each stage and each family of methods (no neutral, a recommendation, a binding
    award): long after every due date, a running clock's lapse is taken by a row of the clock
    job, or someone on the case has a duty to do now. Never a case that waits on nobody."""
    cast = await build_cast(factory)
    scene = await STAGE_BUILDERS[stage](cast, method)
    late = scene.at + timedelta(days=400)
    view = await load_view(await DisputeCase.get(id=scene.case.id), late)

    lapses = [lapse_of(c.kind, view) for c in view.clocks if c.status is ClockStatus.RUNNING]
    duties = set()
    for who in (Who.COMPLAINANT, Who.ORG_AGENT, Who.CASEWORKER, Who.NEUTRAL):
        roles = await roles_on(cast.actors[who], scene.case, view.appointment)
        duties |= set(obligations(view, roles)[0])

    assert scene.case.stage is stage
    assert any(lapses) or duties, (stage, method)


# --- consent ---------------------------------------------------------------------------------


async def test_without_consent_the_case_closes_when_the_consent_clock_runs_out(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at
    accepted = t0 + timedelta(hours=1)
    await act(w.caseworker, case, Action.ACCEPT, accepted)
    clock = await Clock.get(case_id=case.id, kind=ClockKind.CONSENT)

    on_the_due_date = await run_clock_job(accepted + timedelta(days=30))
    after_it = await run_clock_job(accepted + timedelta(days=30, seconds=1))
    too_late = await refusal(
        w.complainant, case, Action.GIVE_CONSENT, accepted + timedelta(days=31), **CONSENT
    )

    assert (clock.responsible, clock.days, clock.calendar) == (
        Party.COMPLAINANT,
        30,
        "calendar_days",
    )
    assert clock.due_at == accepted + timedelta(days=30)
    assert (on_the_due_date, after_it) == (0, 1)
    assert too_late.code == "ACTION_NOT_AVAILABLE"
    case = await DisputeCase.get(id=case.id)
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.CONSENT_NOT_GIVEN)
    assert case.closed_at == accepted + timedelta(days=30, seconds=1)
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "case_accepted",
        "clock_met:acceptance",
        "clock_started:consent",
        "consent_lapsed",
        "clock_missed:consent",
        "case_closed",
    ]
    closed = await TimelineEvent.get(case_id=case.id, kind="case_closed")
    assert closed.payload["reason"] == "consent_not_given"
    await assert_chain_intact(case)


async def test_consent_given_in_time_meets_the_consent_clock(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0)

    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(days=30), **CONSENT)

    assert await run_clock_job(t0 + timedelta(days=31)) == 0
    assert (await clocks(case))[:3] == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.RUNNING),
    ]


# --- the complainant's reply to the organisation's position -----------------------------------


async def test_the_file_waits_for_the_reply_window_and_a_reply_ends_it(factory: Factory) -> None:
    w = await quick_world(factory)
    silent = await w.new_case(Method.NEGOTIATION)
    replying = await w.new_case(Method.NEGOTIATION)
    t0 = silent.stage_changed_at
    for case in (silent, replying):
        await act(w.caseworker, case, Action.ACCEPT, t0)
        await act(w.complainant, case, Action.GIVE_CONSENT, t0, **CONSENT)
        await act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=1), position="P")
    window = await Clock.get(case_id=silent.id, kind=ClockKind.REPLY)
    response = await Clock.get(case_id=silent.id, kind=ClockKind.RESPONSE)

    early = await refusal(w.caseworker, silent, Action.COMPLETE_FILE, window.due_at)
    late_reply = await refusal(
        w.complainant, silent, Action.SUBMIT_REPLY, window.due_at + timedelta(seconds=1), reply="R"
    )
    completed = await act(
        w.caseworker, silent, Action.COMPLETE_FILE, window.due_at + timedelta(seconds=1)
    )
    replied = await act(
        w.complainant,
        replying,
        Action.SUBMIT_REPLY,
        t0 + timedelta(days=2),
        reply="I was charged twice; the statement shows it.",
    )
    straight_on = await act(w.caseworker, replying, Action.COMPLETE_FILE, t0 + timedelta(days=2))

    # DOMAIN.md, fairness: as long as the organisation had to respond, in the same calendar.
    assert (window.responsible, window.days, window.calendar) == (
        Party.COMPLAINANT,
        response.days,
        response.calendar,
    )
    assert early.code == "REPLY_WINDOW_OPEN"
    assert late_reply.code == "REPLY_WINDOW_CLOSED"
    assert completed.stage is straight_on.stage is Stage.IN_RESOLUTION
    assert (replied.complainant_reply, replied.replied_at) == (
        "I was charged twice; the statement shows it.",
        t0 + timedelta(days=2),
    )
    # A window is nobody's failure: met when it ends, whoever ends it.
    assert [(k, s) for k, s in await clocks(silent) if k is ClockKind.REPLY] == [
        (ClockKind.REPLY, ClockStatus.MET)
    ]
    assert (await events(replying))[-4:] == [
        "reply_submitted",
        "clock_met:reply",
        "file_completed",
        "clock_started:outcome",
    ]
    reply = await TimelineEvent.get(case_id=replying.id, kind="reply_submitted")
    assert (reply.actor_id, reply.payload) == (
        w.complainant.id,
        {"reply": "I was charged twice; the statement shows it."},
    )


async def test_the_clock_job_closes_the_reply_window_as_met(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.NEGOTIATION)
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0)
    await act(w.complainant, case, Action.GIVE_CONSENT, t0, **CONSENT)
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0, position="P")
    window = await Clock.get(case_id=case.id, kind=ClockKind.REPLY)

    handled = await run_clock_job(window.due_at + timedelta(seconds=1))

    assert handled == 1
    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.FILE_REVIEW
    assert (await events(case))[-1] == "clock_met:reply"


# --- negotiation: no neutral -----------------------------------------------------------------


async def test_negotiations_time_names_the_parties_and_its_end_closes_the_case_unsettled(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.NEGOTIATION)
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0)
    await act(w.complainant, case, Action.GIVE_CONSENT, t0, **CONSENT)
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0, position="P")
    await act(w.complainant, case, Action.SUBMIT_REPLY, t0, reply="R")
    await act(w.caseworker, case, Action.COMPLETE_FILE, t0 + timedelta(days=1))
    await act(w.agent, case, Action.MAKE_OFFER, t0 + timedelta(days=2), amount="10", terms="10")
    clock = await Clock.get(case_id=case.id, kind=ClockKind.OUTCOME)

    on_the_due_date = await run_clock_job(clock.due_at)
    after_it = await run_clock_job(clock.due_at + timedelta(seconds=1))

    assert responsible(ClockKind.OUTCOME, Method.NEGOTIATION) is Party.PARTIES
    assert responsible(ClockKind.OUTCOME, Method.MEDIATION) is Party.NEUTRAL
    assert clock.responsible is Party.PARTIES
    started = await TimelineEvent.filter(case_id=case.id, kind="clock_started")
    assert [e.payload["responsible"] for e in started if e.payload["clock"] == "outcome"] == [
        "parties"
    ]
    assert (on_the_due_date, after_it) == (0, 1)
    case = await DisputeCase.get(id=case.id)
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.NOT_SETTLED)
    assert (await events(case))[-3:] == [
        "negotiation_lapsed",
        "clock_missed:outcome",
        "case_closed",
    ]
    await assert_chain_intact(case)


async def test_a_mediation_whose_outcome_clock_runs_out_waits_on_its_neutral(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, _ = await in_resolution(w, Method.MEDIATION)
    clock = await Clock.get(case_id=case.id, kind=ClockKind.OUTCOME)

    await run_clock_job(clock.due_at + timedelta(seconds=1))

    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.IN_RESOLUTION
    assert (await Clock.get(id=clock.id)).status is ClockStatus.MISSED
    assert clock.responsible is Party.NEUTRAL


# --- a non-binding outcome nobody answers -----------------------------------------------------


async def test_the_provider_may_still_close_before_the_reflection_period_ends(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, issued = await issued_outcome(w, Method.OMBUDSMAN_RECOMMENDATION)
    view = await load_view(await DisputeCase.get(id=case.id), issued + timedelta(days=1))
    closing = obligations(view, frozenset({*TABLE[Action.CLOSE].roles}))

    case = await act(
        w.caseworker,
        case,
        Action.CLOSE,
        issued + timedelta(days=1),
        reason="discontinued",
        note="Both parties asked us to stop.",
    )

    assert Action.CLOSE in closing[1]  # a right, not the provider's duty
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.DISCONTINUED)
    assert await run_clock_job(issued + timedelta(days=15)) == 0


# --- withdrawal by the organisation ------------------------------------------------------------


async def test_the_organisation_withdraws_only_where_its_scheme_allows_it(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, t0 = await in_resolution(w, Method.MEDIATION)
    later = t0 + timedelta(days=20)

    refused = await refusal(w.agent, case, Action.WITHDRAW, later, reason="Not worth it.")
    await Scheme.filter(id=w.scheme.id).update(organisation_may_withdraw=True)
    unreasoned = await refusal(w.agent, case, Action.WITHDRAW, later)
    case = await act(w.agent, case, Action.WITHDRAW, later, reason="We refunded in full.")

    assert refused.code == "WITHDRAWAL_NOT_ALLOWED"
    assert (unreasoned.code, unreasoned.field) == ("REQUIRED", "reason")
    assert (case.stage, case.withdrawn_by, case.withdrawal_reason) == (
        Stage.WITHDRAWN,
        Side.ORGANISATION,
        "We refunded in full.",
    )
    withdrawn = await TimelineEvent.get(case_id=case.id, kind="case_withdrawn")
    assert (withdrawn.actor_id, withdrawn.actor_role, withdrawn.payload) == (
        w.agent.id,
        "organisation",
        {"side": "organisation", "reason": "We refunded in full."},
    )
    await assert_chain_intact(case)


async def test_once_an_outcome_is_agreed_neither_side_withdraws(factory: Factory) -> None:
    w = await quick_world(factory)
    await Scheme.filter(id=w.scheme.id).update(organisation_may_withdraw=True)
    case, at = await agreed(w)

    by_organisation = await refusal(w.agent, case, Action.WITHDRAW, at, reason="R")
    by_complainant = await refusal(w.complainant, case, Action.WITHDRAW, at)

    assert by_organisation.code == by_complainant.code == "ACTION_NOT_AVAILABLE"


async def test_a_case_left_waiting_by_the_old_rule_is_the_providers_to_close(
    factory: Factory,
) -> None:
    """Before the clock job closed unanswered non-binding outcomes, it recorded their reflection
    clock met and left the case to the provider: such a case still waits on the provider."""
    w = await quick_world(factory)
    case, issued = await issued_outcome(w, Method.OMBUDSMAN_RECOMMENDATION)
    ended = issued + timedelta(days=15)
    await Clock.filter(case_id=case.id, kind=ClockKind.REFLECTION).update(
        status=ClockStatus.MET, ended_at=issued + timedelta(days=14)
    )
    view = await load_view(await DisputeCase.get(id=case.id), ended)
    provider = obligations(view, frozenset({*TABLE[Action.CLOSE].roles}))
    parties = obligations(view, frozenset({CaseRole.COMPLAINANT, CaseRole.ORGANISATION}))

    assert provider[0] == [Action.CLOSE]
    assert parties[0] == []
    assert await run_clock_job(ended) == 0
