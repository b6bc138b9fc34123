"""Issue 20, deliverable 3: automated decisions, disclosed and reviewable.

Every step of the clock job is recorded as automated, naming its rule, on the timeline (its
event's payload, `TimelineEvent.automated` over GraphQL) and in the mail that reports it, in
both languages; a party may ask a person to review it within the scheme's window; a provider
caseworker upholds it or reverses it through the transition table, which puts the case back at
the stage it was in before the step with the clocks the step stopped running again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Locale, User
from portal.automated.models import AutomatedDecision, AutomatedReview
from portal.automated.services import decide_review, request_review
from portal.cases.clocks import due_at
from portal.cases.duties import overdue_cases, owed_clocks
from portal.cases.errors import CaseError
from portal.cases.models import Clock, DisputeCase, NeutralAppointment
from portal.cases.services import Action, perform, run_clock_job
from portal.cases.states import (
    AppointmentStatus,
    AutomatedReviewStatus,
    AutomatedRule,
    Calendar,
    CaseRole,
    ClockKind,
    ClockStatus,
    ClosureReason,
    Stage,
)
from portal.cases.transitions import TABLE, Transition
from portal.complaints.models import Complaint
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.catalogue import present
from portal.timeline.models import TimelineEvent
from tests.factories import (
    Factory,
    World,
    actor_for,
    deliver_all,
    mail_settings,
    mail_text,
    quick_world,
    start_mailsink,
)
from tests.test_api_support import call, case_id, token_for
from tests.test_lifecycle_paths import CONSENT, assert_chain_intact, clocks, events
from tests.test_transition_matrix import (
    SYSTEM_SETUPS,
    SYSTEM_TRANSITIONS,
    Scene,
    Who,
    build_cast,
    role_on,
)

# --- every step of the clock job is marked automated, naming its rule ------------------------


@pytest.mark.parametrize(
    "transition", SYSTEM_TRANSITIONS, ids=[t.action.value for t in SYSTEM_TRANSITIONS]
)
async def test_each_step_of_the_clock_job_is_recorded_automated_with_its_rule(
    factory: Factory, transition: Transition
) -> None:
    cast = await build_cast(factory)
    scene = await SYSTEM_SETUPS[transition.action](cast)
    before = (await DisputeCase.get(id=scene.case.id)).stage

    case = await perform(None, scene.case.id, transition.action, at=scene.at)

    event = (
        await TimelineEvent.filter(case_id=case.id, kind=transition.event.value)
        .order_by("-sequence")
        .first()
    )
    assert event is not None
    assert (event.actor_id, event.actor_role) == (None, CaseRole.SYSTEM.value)
    assert event.payload["automated_rule"] == transition.action.value
    published = present(event.kind, event.payload, case_id=case.id)
    assert published["automatedRule"] == transition.action.name
    decision = await AutomatedDecision.get(event_id=event.id)
    running = await Clock.filter(case_id=case.id, status=ClockStatus.RUNNING)
    assert (decision.rule, decision.stage_before, decision.stage_after) == (
        AutomatedRule(transition.action.value),
        before,
        case.stage,
    )
    assert decision.clocks_after == sorted(c.kind.value for c in running)
    # The window: the scheme's 14 calendar days by default, as the clocks count them.
    assert decision.review_due_at == due_at(scene.at, 14, Calendar.CALENDAR_DAYS, "DE")
    # A person's step is never marked.
    people = await TimelineEvent.filter(case_id=case.id).exclude(actor_role="system")
    assert people
    assert all("automated_rule" not in e.payload for e in people)
    assert not await AutomatedDecision.filter(event_id__in=[e.id for e in people]).exists()


AUTOMATED_ON_TIMELINE = """
query T($id: ID!) {
  case(id: $id) {
    timeline(first: 100) { edges { node {
      kind actorRole
      automated {
        id rule ruleSummary stageBefore stageAfter reviewDueAt reviewOpen
        viewerMayRequestReview review { status }
      }
    } } }
    automatedDecisions { id rule }
  }
}
"""


async def _silent(w: World) -> tuple[DisputeCase, datetime]:
    """A case the clock job closed because the organisation stayed silent; and the instant."""
    case = await w.new_case()
    t0 = case.stage_changed_at
    await perform(await actor_for(w.caseworker), case.id, Action.ACCEPT, {}, at=t0)
    await perform(
        await actor_for(w.complainant),
        case.id,
        Action.GIVE_CONSENT,
        dict(CONSENT),
        at=t0 + timedelta(hours=1),
    )
    response = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)
    lapse = response.due_at + timedelta(minutes=1)
    assert await run_clock_job(lapse) == 1
    return await DisputeCase.get(id=case.id), lapse


async def test_the_timeline_says_which_step_was_automated_and_by_which_rule(
    app: Starlette, client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await quick_world(factory)
    case, _ = await _silent(w)
    # The window is counted from the step; moved into the future, it is open now.
    await AutomatedDecision.filter(case_id=case.id).update(
        review_due_at=datetime(2099, 1, 1).astimezone()
    )

    def automated(body: dict[str, Any]) -> list[tuple[str, Any]]:
        edges = body["data"]["case"]["timeline"]["edges"]
        return [(e["node"]["kind"], e["node"]["automated"]) for e in edges]

    mine = await call(
        client, await token_for(app, w.complainant), AUTOMATED_ON_TIMELINE, {"id": case_id(case)}
    )
    marked = [(kind, a) for kind, a in automated(mine) if a is not None]
    assert [kind for kind, _ in marked] == ["ORGANISATION_SILENT"]
    decision = marked[0][1]
    assert decision["rule"] == "ORGANISATION_SILENT"
    assert decision["ruleSummary"] == TABLE[Action.ORGANISATION_SILENT].summary
    assert (decision["stageBefore"], decision["stageAfter"]) == ("AWAITING_RESPONSE", "CLOSED")
    assert (decision["reviewOpen"], decision["viewerMayRequestReview"]) == (True, True)
    assert decision["review"] is None
    assert mine["data"]["case"]["automatedDecisions"] == [
        {"id": decision["id"], "rule": "ORGANISATION_SILENT"}
    ]
    # The caseworker reads it too, and may not ask for a review (they decide them).
    theirs = await call(
        client, await token_for(app, w.caseworker), AUTOMATED_ON_TIMELINE, {"id": case_id(case)}
    )
    (seen,) = [a for _, a in automated(theirs) if a is not None]
    assert (seen["id"], seen["viewerMayRequestReview"]) == (decision["id"], False)


# --- asking for a review: within the window, once, by a party ---------------------------------


async def test_a_review_asked_after_the_window_is_refused_with_a_code_and_nothing_written(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, lapse = await _silent(w)
    decision = await AutomatedDecision.get(case_id=case.id)
    length = case.last_sequence
    complainant = await actor_for(w.complainant)

    late = decision.review_due_at + timedelta(seconds=1)
    with pytest.raises(CaseError) as raised:
        await request_review(complainant, decision.id, {"reasons": "Too late?"}, at=late)
    assert raised.value.code == "AUTOMATED_REVIEW_WINDOW_CLOSED"
    with pytest.raises(CaseError) as blank:
        await request_review(complainant, decision.id, {"reasons": "  "}, at=lapse)
    assert (blank.value.code, blank.value.field) == ("REASONS_REQUIRED", "reasons")
    assert not await AutomatedReview.exists()
    assert (await DisputeCase.get(id=case.id)).last_sequence == length

    # On the last instant of the window it is taken, once.
    asked = await request_review(
        complainant, decision.id, {"reasons": "They wrote to me."}, at=decision.review_due_at
    )
    assert (asked.review.status, asked.review.side.value) == (
        AutomatedReviewStatus.PENDING,
        "complainant",
    )
    with pytest.raises(CaseError) as again:
        await request_review(
            await actor_for(w.agent), decision.id, {"reasons": "We did answer."}, at=lapse
        )
    assert again.value.code == "AUTOMATED_REVIEW_EXISTS"
    requested = await TimelineEvent.get(case_id=case.id, kind="automated_review_requested")
    assert requested.payload == {
        "automated_decision_id": str(decision.id),
        "automated_rule": "organisation_silent",
        "side": "complainant",
        "reasons": "They wrote to me.",
    }
    assert (requested.actor_id, requested.actor_role) == (w.complainant.id, "complainant")
    await assert_chain_intact(case)


# --- reversing through the table: the stage and the clocks come back --------------------------


async def test_a_reversed_silence_reopens_the_case_awaiting_the_organisations_response(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, lapse = await _silent(w)
    decision = await AutomatedDecision.get(case_id=case.id)
    asked = await request_review(
        await actor_for(w.agent),
        decision.id,
        {"reasons": "We answered by post on time."},
        at=lapse + timedelta(days=1),
    )
    length = (await DisputeCase.get(id=case.id)).last_sequence
    reversed_at = lapse + timedelta(days=2)

    decided = await decide_review(
        await actor_for(w.caseworker),
        asked.review.id,
        {"verdict": "reversed", "reasons": "The letter arrived in time."},
        at=reversed_at,
    )

    assert decided.review.status is AutomatedReviewStatus.REVERSED
    assert decided.review.decision_reasons == "The letter arrived in time."
    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.AWAITING_RESPONSE
    assert (case.closed_at, case.closure_reason, case.closure_note) == (None, None, "")
    complaint = await Complaint.get(id=case.complaint_id)
    assert (complaint.outcome, complaint.closed_at) == ("", None)
    new_events = await TimelineEvent.filter(case_id=case.id, sequence__gt=length).order_by(
        "sequence"
    )
    assert [e.kind for e in new_events] == ["automated_decision_reversed", "clock_started"]
    assert new_events[0].payload == {
        "automated_decision_id": str(decision.id),
        "automated_rule": "organisation_silent",
        "reasons": "The letter arrived in time.",
        "restored_stage": "awaiting_response",
    }
    assert (new_events[0].actor_id, new_events[0].actor_role) == (w.caseworker.id, "provider")
    # The response clock runs again, its whole length from the reversal.
    response = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE, status=ClockStatus.RUNNING)
    assert response.started_at == reversed_at
    assert (
        response.days
        == (
            await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE, status=ClockStatus.MISSED)
        ).days
    )
    # The duty is owed once, by the clock that runs again: the missed one it replaces is
    # neither a second duty nor a delay that makes the case overdue (the review saw both).
    owed = await owed_clocks().filter(case_id=case.id)
    assert [(c.kind, c.status) for c in owed] == [(ClockKind.RESPONSE, ClockStatus.RUNNING)]
    assert not await DisputeCase.filter(overdue_cases(reversed_at), id=case.id).exists()
    # ... and the organisation can respond.
    case = await perform(
        await actor_for(w.agent),
        case.id,
        Action.SUBMIT_RESPONSE,
        {"position": "Our answer."},
        at=reversed_at + timedelta(hours=1),
    )
    assert case.stage is Stage.FILE_REVIEW
    await assert_chain_intact(case)
    # Reversed once: the review is no longer pending.
    with pytest.raises(CaseError) as again:
        await decide_review(
            await actor_for(w.caseworker),
            asked.review.id,
            {"verdict": "upheld", "reasons": "Again."},
            at=reversed_at + timedelta(hours=2),
        )
    assert again.value.code == "AUTOMATED_REVIEW_NOT_PENDING"


async def _reversed_after_a_lapse(cast: Any, action: Action, asker: Who) -> Scene:
    """The clock job takes ``action`` on a case set up for it; ``asker`` asks a person to
    review it, and the provider's caseworker reverses it."""
    scene: Scene = await SYSTEM_SETUPS[action](cast)
    await scene.act(None, action)
    decision = await AutomatedDecision.get(case_id=scene.case.id, rule=AutomatedRule(action.value))
    asked = await request_review(
        cast.actors[asker], decision.id, {"reasons": "Please look again."}, at=scene.tick()
    )
    await decide_review(
        cast.actors[Who.CASEWORKER],
        asked.review.id,
        {"verdict": "reversed", "reasons": "The step was wrong."},
        at=scene.tick(),
    )
    return scene


async def test_a_reversed_final_award_is_back_in_its_reflection_period(factory: Factory) -> None:
    cast = await build_cast(factory)
    scene = await _reversed_after_a_lapse(cast, Action.AWARD_FINAL, Who.ORG_AGENT)

    case = await DisputeCase.get(id=scene.case.id)
    assert case.stage is Stage.OUTCOME_PROPOSED
    running = {c.kind for c in await Clock.filter(case_id=case.id, status=ClockStatus.RUNNING)}
    assert running == {ClockKind.REFLECTION}
    implementation = await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION)
    assert implementation.status is ClockStatus.STOPPED  # nobody's delay
    # The party may now ask for the review of the award the clock job had cut off.
    case = await perform(
        cast.actors[Who.ORG_AGENT],
        case.id,
        Action.REQUEST_REVIEW,
        {"reasons": "A calculation error."},
        at=scene.tick(),
    )
    assert case.stage is Stage.UNDER_REVIEW
    await assert_chain_intact(case)


async def test_a_reversed_escalation_gives_the_complainant_their_confirmation_clock_again(
    factory: Factory,
) -> None:
    cast = await build_cast(factory)
    scene = await _reversed_after_a_lapse(cast, Action.CONFIRMATION_LAPSED, Who.COMPLAINANT)

    case = await DisputeCase.get(id=scene.case.id)
    assert (case.stage, case.escalated_at, case.escalation_note) == (
        Stage.IMPLEMENTATION,
        None,
        "",
    )
    assert (await clocks(case))[-2:] == [
        (ClockKind.CLOSURE, ClockStatus.STOPPED),
        (ClockKind.CONFIRMATION, ClockStatus.RUNNING),
    ]


async def test_a_reversed_confirmation_reopens_the_objection_window(factory: Factory) -> None:
    cast = await build_cast(factory)
    scene = await _reversed_after_a_lapse(cast, Action.CONFIRM_NEUTRAL, Who.COMPLAINANT)
    appointment = await NeutralAppointment.get(case_id=scene.case.id)
    assert appointment.status is AppointmentStatus.OBJECTION_WINDOW
    objection = await Clock.get(
        case_id=scene.case.id, kind=ClockKind.OBJECTION, status=ClockStatus.RUNNING
    )
    case = await perform(
        cast.actors[Who.COMPLAINANT],
        scene.case.id,
        Action.OBJECT_TO_NEUTRAL,
        {"reasons": "They worked for the company."},
        at=min(objection.due_at, scene.tick()),
    )
    assert (await NeutralAppointment.get(case_id=case.id)).status is AppointmentStatus.OBJECTED


async def test_a_step_the_case_has_moved_on_from_is_not_reversed_but_may_be_upheld(
    factory: Factory,
) -> None:
    cast = await build_cast(factory)
    scene = await SYSTEM_SETUPS[Action.IMPLEMENTATION_LAPSED](cast)
    await scene.act(None, Action.IMPLEMENTATION_LAPSED)
    decision = await AutomatedDecision.get(
        case_id=scene.case.id, rule=AutomatedRule.IMPLEMENTATION_LAPSED
    )
    asked = await request_review(
        cast.actors[Who.ORG_AGENT], decision.id, {"reasons": "We paid."}, at=scene.tick()
    )
    # The organisation records the implementation after all: the case has moved on.
    await scene.act(Who.ORG_AGENT, Action.RECORD_IMPLEMENTATION, evidence="Paid late.")
    length = (await DisputeCase.get(id=scene.case.id)).last_sequence

    with pytest.raises(CaseError) as raised:
        await decide_review(
            cast.actors[Who.CASEWORKER],
            asked.review.id,
            {"verdict": "reversed", "reasons": "Paid."},
            at=scene.tick(),
        )
    assert raised.value.code == "AUTOMATED_DECISION_SUPERSEDED"
    assert (await DisputeCase.get(id=scene.case.id)).last_sequence == length
    assert (await AutomatedReview.get(id=asked.review.id)).status is AutomatedReviewStatus.PENDING

    upheld = await decide_review(
        cast.actors[Who.CASEWORKER],
        asked.review.id,
        {"verdict": "upheld", "reasons": "It was late; the escalation stands."},
        at=scene.tick(),
    )
    assert upheld.review.status is AutomatedReviewStatus.UPHELD
    event = await TimelineEvent.get(case_id=scene.case.id, sequence=length + 1)
    assert (event.kind, event.actor_role) == ("automated_decision_upheld", "provider")
    assert event.payload["reasons"] == "It was late; the escalation stands."
    assert (await DisputeCase.get(id=scene.case.id)).stage is Stage.IMPLEMENTATION


# --- access: the parties ask, the provider's caseworkers decide -------------------------------


async def _refusal(call_it: Any) -> str | None:
    try:
        await call_it
    except CaseError as exc:
        return exc.code
    return None


async def test_the_parties_ask_and_only_the_providers_caseworkers_decide(
    factory: Factory,
) -> None:
    cast = await build_cast(factory)
    scene = await SYSTEM_SETUPS[Action.CONSENT_LAPSED](cast)
    await scene.act(None, Action.CONSENT_LAPSED)
    decision = await AutomatedDecision.get(case_id=scene.case.id)

    asks: dict[Who, str | None] = {}
    for who in Who:
        # Each asker on a decision of their own: one review per decision.
        fresh, at = await _lapsed_again(cast)
        asks[who] = await _refusal(
            request_review(cast.actors[who], fresh.id, {"reasons": "Please."}, at=at)
        )
    parties = {Who.COMPLAINANT, Who.REPRESENTATIVE, Who.ORG_AGENT, Who.ORG_MANAGER}
    assert asks == {
        who: None if who in parties else ("FORBIDDEN" if await role_on(scene, who) else "NOT_FOUND")
        for who in Who
    }

    asked = await request_review(
        cast.actors[Who.COMPLAINANT], decision.id, {"reasons": "Please."}, at=scene.tick()
    )
    decides = {
        who: await _refusal(
            decide_review(
                cast.actors[who],
                asked.review.id,
                {"verdict": "upheld", "reasons": "Stands."},
                at=scene.tick(),
            )
        )
        for who in Who
        if who is not Who.CASEWORKER
    }
    assert decides == {
        who: "FORBIDDEN" if await role_on(scene, who) else "NOT_FOUND" for who in decides
    }
    assert (await AutomatedReview.get(id=asked.review.id)).status is AutomatedReviewStatus.PENDING
    assert (
        await _refusal(
            decide_review(
                cast.actors[Who.CASEWORKER],
                asked.review.id,
                {"verdict": "upheld", "reasons": "Stands."},
                at=scene.tick(),
            )
        )
        is None
    )


async def _lapsed_again(cast: Any) -> tuple[AutomatedDecision, datetime]:
    """Another case of the same parties closed by the clock job (no consent in time), and an
    instant in its review window."""
    other: Scene = await SYSTEM_SETUPS[Action.CONSENT_LAPSED](cast)
    await other.act(None, Action.CONSENT_LAPSED)
    return await AutomatedDecision.get(case_id=other.case.id), other.tick()


# --- the mail that reports an automated step says so, in the reader's language ----------------


async def test_the_mail_of_an_automated_closing_says_it_was_automated_in_both_languages(
    settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)
    case, _ = await _silent(w)
    running = await start_mailsink(tmp_path)
    try:
        worker = Worker(
            mail_settings(settings, running.port), clock=lambda: case.closed_at + timedelta(days=1)
        )
        await deliver_all(worker)
    finally:
        await running.stop()
    closed = {
        str(m["To"]): mail_text(m)
        for m in running.sink.received
        # The case-closed mail (not the receipt of the case's head, which also says closed).
        if str(m["Subject"])
        in {f"Dispute {case.reference} closed", f"争议 {case.reference} 已结案"}
    }
    assert set(closed) == {w.complainant.email, w.agent.email, w.manager.email}
    english = closed[w.agent.email]
    assert "decided automatically by Parley, not by a person" in english
    assert '"organisation_silent"' in english
    assert "Ask a person to review" in english
    chinese = closed[w.complainant.email]
    assert "自动作出" in chinese
    assert "请求人工复核" in chinese
    # The provider's own step mail says so too.
    (provider,) = [
        mail_text(m)
        for m in running.sink.received
        if m["To"] == w.caseworker.email and "did not respond" in str(m["Subject"])
    ]
    assert "decided automatically by Parley" in provider
    # A case a person closes says nothing of the kind.
    person_closed = await w.new_case()
    await perform(
        await actor_for(w.caseworker),
        person_closed.id,
        Action.CLOSE,
        {"reason": ClosureReason.DISCONTINUED.value, "note": "Stopped."},
    )
    assert await events(person_closed)  # recorded
    assert not await AutomatedDecision.filter(case_id=person_closed.id).exists()
