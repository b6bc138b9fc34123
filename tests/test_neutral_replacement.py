"""A neutral who withdraws, is removed, or discloses a new circumstance, and the replacement
(issue 15, deliverable 3; ISO 10003 4.7): the appointment ends with reasons, the clocks that
named the neutral stop with it, and a replacement appointed in resolution gets an outcome clock
of their own once confirmed. Frozen time throughout (``at=``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from portal.accounts.models import Role, User
from portal.cases.errors import CaseNotFound
from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Objection
from portal.cases.services import Action, run_clock_job
from portal.cases.states import AppointmentStatus, ClockKind, ClockStatus, Method, Party, Stage
from portal.timeline.models import TimelineEvent
from tests.factories import Factory, World, quick_world
from tests.test_lifecycle_paths import (
    CONSENT,
    act,
    assert_chain_intact,
    events,
    in_resolution,
    refusal,
)


async def _another_neutral(factory: Factory, w: World) -> User:
    people = Factory(factory.settings, passwords=False)
    return await people.user(Role.NEUTRAL, provider=w.provider)


async def _in_resolution(w: World) -> tuple[DisputeCase, datetime]:
    """A mediation in resolution, and when its file was completed (day 13)."""
    case, t0 = await in_resolution(w, Method.MEDIATION)
    return case, t0 + timedelta(days=13)


async def _outcome_clocks(case: DisputeCase) -> list[tuple[ClockStatus, Party, datetime]]:
    rows = await Clock.filter(case_id=case.id, kind=ClockKind.OUTCOME).order_by("started_at")
    return [(c.status, c.responsible, c.due_at) for c in rows]


async def test_a_neutral_recuses_in_resolution_and_a_replacement_gets_an_outcome_clock(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    second = await _another_neutral(factory, w)
    case, completed = await _in_resolution(w)
    recused = completed + timedelta(days=10)

    unreasoned = await refusal(w.neutral, case, Action.RECUSE, recused)
    await act(w.neutral, case, Action.RECUSE, recused, reasons="My firm now advises the bank.")
    gone = await refusal(w.neutral, case, Action.ISSUE_OUTCOME, recused, summary="S", reasons="R")
    appointed = recused + timedelta(days=2)
    await act(w.caseworker, case, Action.APPOINT_NEUTRAL, appointed, neutral_id=second.id)
    await act(second, case, Action.DECLARE_IMPARTIALITY, appointed, impartial=True)
    early = await refusal(second, case, Action.ISSUE_OUTCOME, appointed, summary="S", reasons="R")
    confirmed = appointed + timedelta(days=7, seconds=1)
    assert await run_clock_job(confirmed) == 1
    case = await act(
        second,
        case,
        Action.ISSUE_OUTCOME,
        confirmed + timedelta(days=30),
        summary="Refund 60",
        reasons="Billed twice.",
    )

    assert (unreasoned.code, unreasoned.field) == ("REASONS_REQUIRED", "reasons")
    assert isinstance(gone, CaseNotFound)  # no role on the case any more
    assert early.code == "NEUTRAL_NOT_CONFIRMED"
    assert case.stage is Stage.OUTCOME_PROPOSED
    first, replacement = await NeutralAppointment.filter(case_id=case.id).order_by("appointed_at")
    assert (first.status, first.ended_at, first.end_reasons) == (
        AppointmentStatus.REMOVED,
        recused,
        "My firm now advises the bank.",
    )
    assert replacement.status is AppointmentStatus.CONFIRMED
    # The first clock stopped with the neutral (nobody's delay); the replacement's runs the
    # scheme's whole period from their confirmation, and was met.
    assert await _outcome_clocks(case) == [
        (ClockStatus.STOPPED, Party.NEUTRAL, completed + timedelta(days=90)),
        (ClockStatus.MET, Party.NEUTRAL, confirmed + timedelta(days=90)),
    ]
    recusal = await TimelineEvent.get(case_id=case.id, kind="neutral_recused")
    assert (recusal.actor_id, recusal.actor_role, recusal.payload) == (
        w.neutral.id,
        "neutral",
        {"neutral_id": str(w.neutral.id), "reasons": "My firm now advises the bank."},
    )
    assert (await events(case))[-11:] == [
        "neutral_recused",
        "clock_stopped:outcome",
        "neutral_appointed",
        "impartiality_declared",
        "clock_started:objection",
        "neutral_confirmed",
        "clock_met:objection",
        "clock_started:outcome",
        "outcome_issued",
        "clock_met:outcome",
        "clock_started:reflection",
    ]
    await assert_chain_intact(case)


async def test_the_provider_removes_a_neutral_during_the_objection_window(factory: Factory) -> None:
    w = await quick_world(factory)
    second = await _another_neutral(factory, w)
    case = await w.new_case(Method.CONCILIATION)
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0)
    await act(w.complainant, case, Action.GIVE_CONSENT, t0, **CONSENT)
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0, position="P")
    await act(w.complainant, case, Action.SUBMIT_REPLY, t0, reply="R")
    await act(w.caseworker, case, Action.APPOINT_NEUTRAL, t0, neutral_id=w.neutral.id)
    await act(w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=1), impartial=True)

    removed_at = t0 + timedelta(days=2)
    await act(
        w.caseworker,
        case,
        Action.REMOVE_NEUTRAL,
        removed_at,
        reasons="Unavailable for the next three months.",
    )
    nothing_left = await run_clock_job(t0 + timedelta(days=30))
    await act(w.caseworker, case, Action.APPOINT_NEUTRAL, removed_at, neutral_id=second.id)

    assert nothing_left == 0  # the stopped window confirms nobody
    objection = await Clock.get(case_id=case.id, kind=ClockKind.OBJECTION)
    assert (objection.status, objection.ended_at) == (ClockStatus.STOPPED, removed_at)
    removal = await TimelineEvent.get(case_id=case.id, kind="neutral_removed")
    assert (removal.actor_id, removal.payload["reasons"]) == (
        w.caseworker.id,
        "Unavailable for the next three months.",
    )
    current = await NeutralAppointment.filter(case_id=case.id).exclude(
        status=AppointmentStatus.REMOVED
    )
    assert [a.neutral_id for a in current] == [second.id]
    assert (await DisputeCase.get(id=case.id)).stage is Stage.FILE_REVIEW


async def test_a_neutral_removed_after_the_outcome_clock_ran_out_stays_recorded_late(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, completed = await _in_resolution(w)
    late = completed + timedelta(days=95)

    await act(w.caseworker, case, Action.REMOVE_NEUTRAL, late, reasons="No outcome in 95 days.")

    assert await _outcome_clocks(case) == [
        (ClockStatus.MISSED, Party.NEUTRAL, completed + timedelta(days=90))
    ]


async def test_a_later_disclosure_opens_a_new_objection_window_the_provider_decides(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, completed = await _in_resolution(w)
    disclosed = completed + timedelta(days=5)

    await act(
        w.neutral,
        case,
        Action.DISCLOSE_CIRCUMSTANCE,
        disclosed,
        disclosures="My brother has just joined the organisation's legal team.",
    )
    waiting = await refusal(
        w.neutral, case, Action.ISSUE_OUTCOME, disclosed, summary="S", reasons="R"
    )
    twice = await refusal(
        w.neutral, case, Action.DISCLOSE_CIRCUMSTANCE, disclosed, disclosures="More."
    )
    await act(
        w.complainant,
        case,
        Action.OBJECT_TO_NEUTRAL,
        disclosed + timedelta(days=1),
        reasons="Too close to the organisation.",
    )
    await act(
        w.caseworker,
        case,
        Action.DECIDE_OBJECTION,
        disclosed + timedelta(days=2),
        upheld=False,
        reasons="He works in another country and on other matters.",
    )
    case = await act(
        w.neutral,
        case,
        Action.ISSUE_OUTCOME,
        disclosed + timedelta(days=3),
        summary="Refund 60",
        reasons="R",
    )

    assert waiting.code == "NEUTRAL_NOT_CONFIRMED"
    assert twice.code == "NEUTRAL_NOT_CONFIRMED"
    assert case.stage is Stage.OUTCOME_PROPOSED
    appointment = await NeutralAppointment.get(case_id=case.id)
    assert appointment.status is AppointmentStatus.CONFIRMED
    assert appointment.disclosures.endswith(
        "My brother has just joined the organisation's legal team."
    )
    objection = await Objection.get(appointment_id=appointment.id)
    assert (objection.upheld, objection.decision_reasons) == (
        False,
        "He works in another country and on other matters.",
    )
    # The neutral stayed: their outcome clock ran on, and no second one started.
    assert await _outcome_clocks(case) == [
        (ClockStatus.MET, Party.NEUTRAL, completed + timedelta(days=90))
    ]
    windows = await Clock.filter(case_id=case.id, kind=ClockKind.OBJECTION).order_by("started_at")
    assert [(c.status, c.started_at) for c in windows][-1] == (ClockStatus.MET, disclosed)
    await assert_chain_intact(case)


async def test_an_objection_upheld_in_resolution_stops_the_outcome_clock(factory: Factory) -> None:
    w = await quick_world(factory)
    case, completed = await _in_resolution(w)
    disclosed = completed + timedelta(days=5)
    await act(w.neutral, case, Action.DISCLOSE_CIRCUMSTANCE, disclosed, disclosures="A new client.")
    await act(w.agent, case, Action.OBJECT_TO_NEUTRAL, disclosed, reasons="The client is us.")

    await act(
        w.caseworker, case, Action.DECIDE_OBJECTION, disclosed, upheld=True, reasons="A conflict."
    )

    assert await _outcome_clocks(case) == [
        (ClockStatus.STOPPED, Party.NEUTRAL, completed + timedelta(days=90))
    ]
    assert (await NeutralAppointment.get(case_id=case.id)).status is AppointmentStatus.REMOVED


async def test_once_an_outcome_is_issued_the_neutral_no_longer_recuses(factory: Factory) -> None:
    w = await quick_world(factory)
    case, completed = await _in_resolution(w)
    await act(w.neutral, case, Action.ISSUE_OUTCOME, completed, summary="S", reasons="R")

    late = await refusal(w.neutral, case, Action.RECUSE, completed, reasons="R")
    removal = await refusal(w.caseworker, case, Action.REMOVE_NEUTRAL, completed, reasons="R")

    assert late.code == removal.code == "ACTION_NOT_AVAILABLE"
