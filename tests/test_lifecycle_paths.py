"""One end-to-end test per path of a dispute (issue 3, "Done when"), at the service level.

Each path runs on explicit times (``at=``), then checks the stage, the records, the clocks'
statuses, the exact sequence of timeline events and that the chain verifies.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from portal.accounts.models import Role, User
from portal.cases.errors import CaseError
from portal.cases.models import (
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    Outcome,
)
from portal.cases.services import Action, perform, run_clock_job
from portal.cases.states import (
    AppointmentStatus,
    ClockKind,
    ClockStatus,
    ClosureReason,
    DeclineGround,
    Method,
    OfferStatus,
    OutcomeKind,
    Side,
    Stage,
)
from portal.timeline.models import TimelineEvent
from portal.timeline.services import verify
from tests.factories import NOTICE_READ, Factory, World, actor_for, quick_world

CONSENT = {"understands_legal_effect": True, "understands_right_to_withdraw": True}
REPLY = "The bill is still wrong: I was charged twice."


async def act(
    user: User, case: DisputeCase, action: Action, at: datetime, **data: Any
) -> DisputeCase:
    return await perform(await actor_for(user), case.id, action, data, at=at)


async def refusal(
    user: User, case: DisputeCase, action: Action, at: datetime, **data: Any
) -> CaseError:
    with pytest.raises(CaseError) as raised:
        await act(user, case, action, at, **data)
    return raised.value


async def events(case: DisputeCase) -> list[str]:
    """The timeline as `kind`, or `kind:clock` for clock events."""
    rows = await TimelineEvent.filter(case_id=case.id).order_by("sequence")
    return [f"{r.kind}:{r.payload['clock']}" if "clock" in r.payload else r.kind for r in rows]


async def clocks(case: DisputeCase) -> list[tuple[ClockKind, ClockStatus]]:
    rows = await Clock.filter(case_id=case.id).order_by("started_at", "kind")
    return [(c.kind, c.status) for c in rows]


async def assert_chain_intact(case: DisputeCase) -> None:
    stored = await DisputeCase.get(id=case.id)
    last = await TimelineEvent.filter(case_id=case.id).order_by("-sequence").first()
    assert last is not None
    result = await verify(stored)
    assert (result.ok, result.first_broken_sequence) == (True, None)
    assert result.length == stored.last_sequence == last.sequence
    assert result.head_hash == stored.head_hash == last.hash


async def up_to_a_confirmed_neutral(w: World, case: DisputeCase, t0: datetime) -> DisputeCase:
    """Accept, consent, respond, appoint the neutral, and let the objection window pass."""
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="Fair bill.")
    await act(
        w.complainant, case, Action.SUBMIT_REPLY, t0 + timedelta(days=3, hours=2), reply=REPLY
    )
    await act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=4), neutral_id=w.neutral.id
    )
    await act(w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=5), impartial=True)
    assert await run_clock_job(t0 + timedelta(days=12, hours=1)) == 1
    return await act(w.caseworker, case, Action.COMPLETE_FILE, t0 + timedelta(days=13))


async def in_resolution(w: World, method: Method) -> tuple[DisputeCase, datetime]:
    """A new case of ``method`` up to a confirmed neutral and the file complete (on day 13),
    and the instant it was referred."""
    case = await w.new_case(method)
    t0 = case.stage_changed_at
    return await up_to_a_confirmed_neutral(w, case, t0), t0


UP_TO_A_CONFIRMED_NEUTRAL = [
    "case_referred",
    "clock_started:acceptance",
    "case_accepted",
    "clock_met:acceptance",
    "clock_started:consent",
    "consent_given",
    "clock_met:consent",
    "clock_started:response",
    "response_submitted",
    "clock_met:response",
    "clock_started:reply",
    "reply_submitted",
    "clock_met:reply",
    "neutral_appointed",
    "impartiality_declared",
    "clock_started:objection",
    "neutral_confirmed",
    "clock_met:objection",
    "file_completed",
    "clock_started:outcome",
]


async def test_a_mediation_ends_in_a_settlement_whose_implementation_is_confirmed(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.MEDIATION)
    t0 = case.stage_changed_at
    case = await up_to_a_confirmed_neutral(w, case, t0)

    await act(
        w.agent, case, Action.MAKE_OFFER, t0 + timedelta(days=15), amount="80.00", terms="Refund 80"
    )
    first = await Offer.get(case_id=case.id)
    await act(
        w.complainant,
        case,
        Action.MAKE_OFFER,
        t0 + timedelta(days=16),
        amount="110.00",
        terms="Refund 110",
        replying_to=first.id,
    )
    counter = await Offer.get(case_id=case.id, replying_to_id=first.id)
    case = await act(
        w.agent, case, Action.ACCEPT_OFFER, t0 + timedelta(days=17), offer_id=counter.id
    )
    assert case.stage is Stage.IMPLEMENTATION
    await act(w.agent, case, Action.RECORD_IMPLEMENTATION, t0 + timedelta(days=20), evidence="Paid")
    case = await act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION, t0 + timedelta(days=22))

    assert case.stage is Stage.CLOSED
    assert case.closure_reason is ClosureReason.RESOLVED
    assert case.implemented_at == t0 + timedelta(days=20)
    assert case.implementation_confirmed_at == case.closed_at == t0 + timedelta(days=22)
    offers = await Offer.filter(case_id=case.id).order_by("made_at")
    assert [(o.side, o.amount, o.status) for o in offers] == [
        (Side.ORGANISATION, Decimal("80.00"), OfferStatus.COUNTERED),
        (Side.COMPLAINANT, Decimal("110.00"), OfferStatus.ACCEPTED),
    ]
    settlement = await Outcome.get(case_id=case.id)
    assert (settlement.kind, settlement.amount, settlement.offer_id, settlement.binding) == (
        OutcomeKind.SETTLEMENT,
        Decimal("110.00"),
        counter.id,
        False,
    )
    assert await events(case) == [
        *UP_TO_A_CONFIRMED_NEUTRAL,
        "offer_made",
        "offer_made",
        "offer_accepted",
        "clock_met:outcome",
        "clock_started:implementation",
        "implementation_recorded",
        "clock_met:implementation",
        "clock_started:confirmation",
        "implementation_confirmed",
        "clock_met:confirmation",
        "case_closed",
    ]
    assert await clocks(case) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.MET),
        (ClockKind.REPLY, ClockStatus.MET),
        (ClockKind.OBJECTION, ClockStatus.MET),
        (ClockKind.OUTCOME, ClockStatus.MET),
        (ClockKind.IMPLEMENTATION, ClockStatus.MET),
        (ClockKind.CONFIRMATION, ClockStatus.MET),
    ]
    await assert_chain_intact(case)


async def test_a_neutral_objected_to_is_removed_and_one_with_a_conflict_steps_aside(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    people = Factory(factory.settings, passwords=False)
    second = await people.user(Role.NEUTRAL, provider=w.provider)
    third = await people.user(Role.NEUTRAL, provider=w.provider)
    case = await w.new_case(Method.CONCILIATION)
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
    await act(
        w.complainant, case, Action.SUBMIT_REPLY, t0 + timedelta(days=3, hours=2), reply=REPLY
    )
    await act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=4), neutral_id=w.neutral.id
    )
    await act(w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=5), impartial=True)

    await act(
        w.complainant,
        case,
        Action.OBJECT_TO_NEUTRAL,
        t0 + timedelta(days=6),
        reasons="The neutral advised the organisation last year.",
    )
    await act(
        w.caseworker,
        case,
        Action.DECIDE_OBJECTION,
        t0 + timedelta(days=7),
        upheld=True,
        reasons="A recent advisory role.",
    )
    removed = await refusal(
        w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=7), impartial=True
    )
    await act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=8), neutral_id=second.id
    )
    unexplained = await refusal(
        second, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=9), impartial=False
    )
    await act(
        second,
        case,
        Action.DECLARE_IMPARTIALITY,
        t0 + timedelta(days=9),
        impartial=False,
        disclosures="My sister manages the organisation's billing.",
    )
    await act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=10), neutral_id=third.id
    )
    await act(third, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=11), impartial=True)
    assert await run_clock_job(t0 + timedelta(days=18, hours=1)) == 1
    case = await act(w.caseworker, case, Action.COMPLETE_FILE, t0 + timedelta(days=19))

    assert removed.code == "NOT_FOUND"
    assert (unexplained.code, unexplained.field) == ("REQUIRED", "disclosures")
    assert case.stage is Stage.IN_RESOLUTION
    appointments = await NeutralAppointment.filter(case_id=case.id).order_by("appointed_at")
    assert [(a.neutral_id, a.status, a.impartial) for a in appointments] == [
        (w.neutral.id, AppointmentStatus.REMOVED, True),
        (second.id, AppointmentStatus.REMOVED, False),
        (third.id, AppointmentStatus.CONFIRMED, True),
    ]
    assert appointments[1].disclosures == "My sister manages the organisation's billing."
    objection = await Objection.get(appointment_id=appointments[0].id)
    assert (objection.raised_by_id, objection.side, objection.upheld) == (
        w.complainant.id,
        Side.COMPLAINANT,
        True,
    )
    assert (objection.reasons, objection.decision_reasons) == (
        "The neutral advised the organisation last year.",
        "A recent advisory role.",
    )
    assert await events(case) == [
        *UP_TO_A_CONFIRMED_NEUTRAL[:16],
        "neutral_objected",
        "clock_met:objection",
        "objection_decided",
        "neutral_appointed",
        "impartiality_declared",
        "neutral_appointed",
        "impartiality_declared",
        "clock_started:objection",
        "neutral_confirmed",
        "clock_met:objection",
        "file_completed",
        "clock_started:outcome",
    ]
    await assert_chain_intact(case)


async def test_an_ombudsman_recommendation_is_rejected_by_the_organisation_with_reasons(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.OMBUDSMAN_RECOMMENDATION)
    t0 = case.stage_changed_at
    case = await up_to_a_confirmed_neutral(w, case, t0)
    await act(
        w.neutral,
        case,
        Action.ISSUE_OUTCOME,
        t0 + timedelta(days=30),
        summary="Refund 60 EUR",
        reasons="The second charge was not agreed.",
        amount="60.00",
    )
    await act(w.complainant, case, Action.ACCEPT_OUTCOME, t0 + timedelta(days=31), **NOTICE_READ)

    unreasoned = await refusal(w.agent, case, Action.REJECT_OUTCOME, t0 + timedelta(days=32))
    untouched = await DisputeCase.get(id=case.id)
    unrejected = await Outcome.get(case_id=case.id)
    case = await act(
        w.agent,
        case,
        Action.REJECT_OUTCOME,
        t0 + timedelta(days=33),
        reasons="The contract allows the second charge.",
    )

    assert (unreasoned.code, unreasoned.field) == ("REASONS_REQUIRED", "reasons")
    assert (untouched.stage, untouched.last_sequence) == (Stage.OUTCOME_PROPOSED, 24)
    assert (unrejected.rejected_by, unrejected.rejection_reasons) == (None, "")
    assert case.stage is Stage.CLOSED
    assert case.closure_reason is ClosureReason.OUTCOME_REJECTED
    assert case.closure_note == "The contract allows the second charge."
    outcome = await Outcome.get(case_id=case.id)
    assert (outcome.kind, outcome.binding, outcome.amount) == (
        OutcomeKind.RECOMMENDATION,
        False,
        Decimal("60.00"),
    )
    assert outcome.accepted_by_complainant_at == t0 + timedelta(days=31)
    assert outcome.accepted_by_organisation_at is None
    assert (outcome.rejected_by, outcome.rejected_at) == (
        Side.ORGANISATION,
        t0 + timedelta(days=33),
    )
    assert outcome.rejection_reasons == "The contract allows the second charge."
    assert await events(case) == [
        *UP_TO_A_CONFIRMED_NEUTRAL,
        "outcome_issued",
        "clock_met:outcome",
        "clock_started:reflection",
        "outcome_accepted",
        "outcome_rejected",
        "clock_met:reflection",
        "case_closed",
    ]
    assert await clocks(case) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.MET),
        (ClockKind.REPLY, ClockStatus.MET),
        (ClockKind.OBJECTION, ClockStatus.MET),
        (ClockKind.OUTCOME, ClockStatus.MET),
        (ClockKind.REFLECTION, ClockStatus.MET),
    ]
    await assert_chain_intact(case)


async def test_a_binding_award_is_reviewed_varied_and_implemented(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.ARBITRATION_BINDING)
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))

    unbound = await refusal(
        w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT
    )
    await act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        t0 + timedelta(hours=2),
        consents_to_be_bound=True,
        **CONSENT,
    )
    await act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="Fair bill.")
    await act(
        w.complainant, case, Action.SUBMIT_REPLY, t0 + timedelta(days=3, hours=2), reply=REPLY
    )
    await act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=4), neutral_id=w.neutral.id
    )
    await act(w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=5), impartial=True)
    assert await run_clock_job(t0 + timedelta(days=12, hours=1)) == 1
    await act(w.caseworker, case, Action.COMPLETE_FILE, t0 + timedelta(days=13))
    await act(
        w.neutral,
        case,
        Action.ISSUE_OUTCOME,
        t0 + timedelta(days=40),
        summary="Pay 100 EUR",
        reasons="Double billing.",
        amount="100.00",
    )
    not_rejectable = await refusal(
        w.agent, case, Action.REJECT_OUTCOME, t0 + timedelta(days=41), reasons="Too much."
    )
    await act(
        w.agent,
        case,
        Action.REQUEST_REVIEW,
        t0 + timedelta(days=42),
        reasons="Half of the amount was refunded already.",
    )
    case = await act(
        w.caseworker,
        case,
        Action.DECIDE_REVIEW,
        t0 + timedelta(days=50),
        varied=True,
        summary="Pay 90 EUR",
        amount="90.00",
        reasons="A 10 EUR credit was applied.",
    )
    assert case.stage is Stage.IMPLEMENTATION
    await act(
        w.agent, case, Action.RECORD_IMPLEMENTATION, t0 + timedelta(days=55), evidence="Paid 90"
    )
    case = await act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION, t0 + timedelta(days=56))

    assert unbound.code == "CONSENT_TO_BE_BOUND_REQUIRED"
    assert not_rejectable.code == "BINDING_AWARD"
    assert (case.stage, case.closure_reason) == (Stage.CLOSED, ClosureReason.RESOLVED)
    consent = await Consent.get(case_id=case.id)
    assert (consent.method, consent.consents_to_be_bound) == (Method.ARBITRATION_BINDING, True)
    original, varied = await Outcome.filter(case_id=case.id).order_by("issued_at")
    assert (original.kind, original.binding, original.amount) == (
        OutcomeKind.AWARD,
        True,
        Decimal("100.00"),
    )
    assert (original.review_requested_by, original.review_reasons) == (
        Side.ORGANISATION,
        "Half of the amount was refunded already.",
    )
    assert (original.review_decision, original.review_decision_reasons) == (
        "varied",
        "A 10 EUR credit was applied.",
    )
    assert original.superseded_at == original.reviewed_at == t0 + timedelta(days=50)
    assert (varied.kind, varied.binding, varied.amount, varied.summary, varied.superseded_at) == (
        OutcomeKind.AWARD,
        True,
        Decimal("90.00"),
        "Pay 90 EUR",
        None,
    )
    assert await events(case) == [
        *UP_TO_A_CONFIRMED_NEUTRAL,
        "outcome_issued",
        "clock_met:outcome",
        "clock_started:reflection",
        "review_requested",
        "clock_met:reflection",
        "clock_started:review",
        "review_decided",
        "clock_met:review",
        "clock_started:implementation",
        "implementation_recorded",
        "clock_met:implementation",
        "clock_started:confirmation",
        "implementation_confirmed",
        "clock_met:confirmation",
        "case_closed",
    ]
    assert await clocks(case) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.MET),
        (ClockKind.REPLY, ClockStatus.MET),
        (ClockKind.OBJECTION, ClockStatus.MET),
        (ClockKind.OUTCOME, ClockStatus.MET),
        (ClockKind.REFLECTION, ClockStatus.MET),
        (ClockKind.REVIEW, ClockStatus.MET),
        (ClockKind.IMPLEMENTATION, ClockStatus.MET),
        (ClockKind.CONFIRMATION, ClockStatus.MET),
    ]
    await assert_chain_intact(case)


async def test_a_referral_is_declined_on_a_ground_from_the_fixed_list(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at

    off_list = await refusal(
        w.caseworker, case, Action.DECLINE, t0, ground="astrology", reasons="Mercury."
    )
    unreasoned = await refusal(w.caseworker, case, Action.DECLINE, t0, ground="out_of_scope")
    untouched = await DisputeCase.get(id=case.id)
    case = await act(
        w.caseworker,
        case,
        Action.DECLINE,
        t0 + timedelta(days=2),
        ground="out_of_scope",
        reasons="Telecoms are outside our scheme.",
    )
    too_late = await refusal(w.caseworker, case, Action.ACCEPT, t0 + timedelta(days=3))

    assert (off_list.code, off_list.field) == ("INVALID_CHOICE", "ground")
    assert (unreasoned.code, unreasoned.field) == ("REASONS_REQUIRED", "reasons")
    assert (untouched.stage, untouched.last_sequence) == (Stage.REFERRED, 2)
    assert too_late.code == "ACTION_NOT_AVAILABLE"
    assert case.stage is Stage.DECLINED
    assert (case.decline_ground, case.decline_reasons) == (
        DeclineGround.OUT_OF_SCOPE,
        "Telecoms are outside our scheme.",
    )
    assert case.closed_at == t0 + timedelta(days=2)
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "case_declined",
        "clock_met:acceptance",
    ]
    declined = await TimelineEvent.get(case_id=case.id, sequence=3)
    assert declined.payload == {
        "ground": "out_of_scope",
        "reasons": "Telecoms are outside our scheme.",
    }
    assert await clocks(case) == [(ClockKind.ACCEPTANCE, ClockStatus.MET)]
    await assert_chain_intact(case)


@pytest.mark.parametrize("reasons", ["Out\x00of scope", "Out of scope \ud83d"])
async def test_reasons_a_database_cannot_store_are_refused(factory: Factory, reasons: str) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    refused = await refusal(
        w.caseworker,
        case,
        Action.DECLINE,
        case.stage_changed_at,
        ground="out_of_scope",
        reasons=reasons,
    )

    assert (refused.code, refused.field) == ("INVALID_INPUT", "reasons")
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED


async def test_every_ground_of_the_fixed_list_declines(factory: Factory) -> None:
    w = await quick_world(factory)

    declined = []
    for ground in DeclineGround:
        case = await w.new_case()
        case = await act(
            w.caseworker, case, Action.DECLINE, case.stage_changed_at, ground=ground, reasons="R"
        )
        declined.append((case.stage, case.decline_ground))

    assert declined == [(Stage.DECLINED, ground) for ground in DeclineGround]


async def test_a_complainant_withdraws_a_case_still_waiting_for_the_provider(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at

    case = await act(
        w.complainant, case, Action.WITHDRAW, t0 + timedelta(hours=3), reason="Refund received."
    )

    assert case.stage is Stage.WITHDRAWN
    assert case.withdrawal_reason == "Refund received."
    assert case.closed_at == t0 + timedelta(hours=3)
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "case_withdrawn",
        "clock_stopped:acceptance",
    ]
    assert await clocks(case) == [(ClockKind.ACCEPTANCE, ClockStatus.STOPPED)]
    assert (await TimelineEvent.get(case_id=case.id, sequence=3)).payload == {
        "side": "complainant",
        "reason": "Refund received.",
    }
    await assert_chain_intact(case)


async def test_a_complainant_withdraws_while_the_organisation_owes_its_response(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)

    case = await act(w.complainant, case, Action.WITHDRAW, t0 + timedelta(days=2))
    late = await refusal(
        w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="Sorry."
    )

    assert late.code == "ACTION_NOT_AVAILABLE"
    assert (case.stage, case.withdrawal_reason, case.withdrawn_by) == (
        Stage.WITHDRAWN,
        "",
        Side.COMPLAINANT,
    )
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "case_accepted",
        "clock_met:acceptance",
        "clock_started:consent",
        "consent_given",
        "clock_met:consent",
        "clock_started:response",
        "case_withdrawn",
        "clock_stopped:response",
    ]
    assert await clocks(case) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.STOPPED),
    ]
    assert await run_clock_job(t0 + timedelta(days=400)) == 0
    await assert_chain_intact(case)


async def test_a_representative_withdraws_a_mediation_in_progress(factory: Factory) -> None:
    w = await quick_world(factory)
    representative = await Factory(factory.settings, passwords=False).user()
    case = await w.new_case(Method.MEDIATION, representative_id=representative.id)
    t0 = case.stage_changed_at
    case = await up_to_a_confirmed_neutral(w, case, t0)
    await act(w.agent, case, Action.MAKE_OFFER, t0 + timedelta(days=15), amount="20.00", terms="20")

    case = await act(
        representative, case, Action.WITHDRAW, t0 + timedelta(days=16), reason="Going to court."
    )

    assert (case.stage, case.withdrawal_reason) == (Stage.WITHDRAWN, "Going to court.")
    withdrawn = await TimelineEvent.get(case_id=case.id, kind="case_withdrawn")
    assert (withdrawn.actor_id, withdrawn.actor_role) == (representative.id, "representative")
    assert await events(case) == [
        *UP_TO_A_CONFIRMED_NEUTRAL,
        "offer_made",
        "case_withdrawn",
        "clock_stopped:outcome",
    ]
    assert await clocks(case) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.MET),
        (ClockKind.REPLY, ClockStatus.MET),
        (ClockKind.OBJECTION, ClockStatus.MET),
        (ClockKind.OUTCOME, ClockStatus.STOPPED),
    ]
    await assert_chain_intact(case)


async def test_an_organisation_silent_until_its_clock_runs_out_is_recorded_as_refusing(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    response = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)

    on_the_due_date = await run_clock_job(response.due_at)
    after_it = await run_clock_job(response.due_at + timedelta(minutes=1))
    again = await run_clock_job(response.due_at + timedelta(minutes=2))

    assert (on_the_due_date, after_it, again) == (0, 1, 0)
    case = await DisputeCase.get(id=case.id)
    assert case.stage is Stage.CLOSED
    assert case.closure_reason is ClosureReason.ORGANISATION_REFUSED
    assert case.closed_at == response.due_at + timedelta(minutes=1)
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "case_accepted",
        "clock_met:acceptance",
        "clock_started:consent",
        "consent_given",
        "clock_met:consent",
        "clock_started:response",
        "organisation_silent",
        "clock_missed:response",
        "case_closed",
    ]
    silent = await TimelineEvent.get(case_id=case.id, kind="organisation_silent")
    assert (silent.actor_id, silent.actor_role, silent.payload) == (
        None,
        "system",
        # Issue 20, 3: the record names the rule that took the step automatically.
        {"recorded_as": "refusal", "automated_rule": "organisation_silent"},
    )
    assert await clocks(case) == [
        (ClockKind.ACCEPTANCE, ClockStatus.MET),
        (ClockKind.CONSENT, ClockStatus.MET),
        (ClockKind.RESPONSE, ClockStatus.MISSED),
    ]
    late = await refusal(
        w.agent, case, Action.SUBMIT_RESPONSE, response.due_at + timedelta(days=1), position="Oh."
    )
    assert late.code == "ACTION_NOT_AVAILABLE"
    await assert_chain_intact(case)


async def test_where_silence_is_no_refusal_the_response_clock_is_only_recorded_missed(
    factory: Factory,
) -> None:
    w = await quick_world(factory, silence_is_refusal=False)
    case = await w.new_case()
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    response = await Clock.get(case_id=case.id, kind=ClockKind.RESPONSE)

    handled = await run_clock_job(response.due_at + timedelta(minutes=1))
    again = await run_clock_job(response.due_at + timedelta(minutes=2))
    case = await DisputeCase.get(id=case.id)
    waiting = (case.stage, await clocks(case))
    case = await act(
        w.agent, case, Action.SUBMIT_RESPONSE, response.due_at + timedelta(days=1), position="Late."
    )

    assert (handled, again) == (1, 0)
    assert waiting == (
        Stage.AWAITING_RESPONSE,
        [
            (ClockKind.ACCEPTANCE, ClockStatus.MET),
            (ClockKind.CONSENT, ClockStatus.MET),
            (ClockKind.RESPONSE, ClockStatus.MISSED),
        ],
    )
    assert case.stage is Stage.FILE_REVIEW
    assert await events(case) == [
        "case_referred",
        "clock_started:acceptance",
        "case_accepted",
        "clock_met:acceptance",
        "clock_started:consent",
        "consent_given",
        "clock_met:consent",
        "clock_started:response",
        "clock_missed:response",
        "response_submitted",
        "clock_started:reply",
    ]
    missed = await TimelineEvent.get(case_id=case.id, kind="clock_missed")
    assert (missed.actor_role, missed.occurred_at) == (
        "system",
        response.due_at + timedelta(minutes=1),
    )
    await assert_chain_intact(case)


async def test_offers_left_open_expire_when_the_case_leaves_resolution(factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = datetime.now(UTC)
    case = await up_to_a_confirmed_neutral(w, case, t0)
    await act(
        w.complainant,
        case,
        Action.MAKE_OFFER,
        t0 + timedelta(days=14),
        amount="100.00",
        terms="Refund 100",
    )
    await act(
        w.agent, case, Action.MAKE_OFFER, t0 + timedelta(days=15), amount="90.00", terms="Refund 90"
    )
    theirs = await Offer.get(case_id=case.id, side=Side.ORGANISATION)

    await act(w.complainant, case, Action.ACCEPT_OFFER, t0 + timedelta(days=16), offer_id=theirs.id)

    statuses = dict(await Offer.filter(case_id=case.id).values_list("side", "status"))
    assert statuses == {
        Side.ORGANISATION: OfferStatus.ACCEPTED,
        Side.COMPLAINANT: OfferStatus.EXPIRED,
    }


async def test_an_offer_expiring_at_a_local_time_without_offset_is_refused(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = datetime.now(UTC)
    case = await up_to_a_confirmed_neutral(w, case, t0)
    naive = (t0 + timedelta(days=30)).replace(tzinfo=None)

    error = await refusal(
        w.agent,
        case,
        Action.MAKE_OFFER,
        t0 + timedelta(days=14),
        amount="10.00",
        terms="Ten",
        expires_at=naive,
    )

    assert (error.code, error.field) == ("INVALID_EXPIRY", "expires_at")
    assert await Offer.filter(case_id=case.id).count() == 0
