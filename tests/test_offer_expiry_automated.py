"""Issue 20, 3: an offer that reaches the expiry its maker set is recorded expired by the clock
job (the table's `offer_expired` row), marked automated with its rule, mailed to the parties in
their language saying so, and reviewable: reversed, the offer is open again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from portal.accounts.models import Locale, User
from portal.automated.models import AutomatedDecision
from portal.automated.services import decide_review, request_review
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action, perform, run_clock_job
from portal.cases.states import AutomatedRule, CaseRole, Method, OfferStatus, Stage
from portal.notifications.mail import MailKind
from portal.notifications.models import Channel, OutboxMessage
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from tests.factories import Factory, World, actor_for, delivered_mails, mail_text, quick_world
from tests.test_api_support import in_file_review
from tests.test_lifecycle_paths import assert_chain_intact


async def _offer(w: World, hours: float) -> tuple[DisputeCase, Offer]:
    """A negotiation in resolution, and the organisation's offer expiring in ``hours``."""
    case = await in_file_review(w, await w.new_case(Method.NEGOTIATION))
    await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    assert case.stage is Stage.IN_RESOLUTION
    expiry = datetime.now(UTC) + timedelta(hours=hours)
    await w.act(
        w.agent, case, Action.MAKE_OFFER, amount="80.00", terms="Refund 80", expires_at=expiry
    )
    return case, await Offer.get(case_id=case.id)


async def test_an_offer_past_its_expiry_is_recorded_expired_once_by_its_rule(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, offer = await _offer(w, hours=2)
    assert offer.expires_at is not None

    # Before its expiry the job leaves it alone.
    assert await run_clock_job(offer.expires_at - timedelta(minutes=1)) == 0
    lapse = offer.expires_at + timedelta(minutes=5)
    assert await run_clock_job(lapse) == 1
    assert await run_clock_job(lapse + timedelta(hours=1)) == 0  # once

    assert (await Offer.get(id=offer.id)).status is OfferStatus.EXPIRED
    (event,) = await TimelineEvent.filter(case_id=case.id, kind="offer_expired")
    assert (event.actor_id, event.actor_role) == (None, CaseRole.SYSTEM.value)
    assert event.payload["automated_rule"] == "offer_expired"
    assert event.payload["offer_id"] == str(offer.id)
    decision = await AutomatedDecision.get(event_id=event.id)
    assert decision.rule is AutomatedRule.OFFER_EXPIRED
    assert (decision.stage_before, decision.stage_after) == (Stage.IN_RESOLUTION,) * 2
    await assert_chain_intact(await DisputeCase.get(id=case.id))


async def test_the_parties_are_told_in_their_language_that_it_was_automated(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)
    case, offer = await _offer(w, hours=1)
    assert offer.expires_at is not None
    await OutboxMessage.all().delete()

    await run_clock_job(offer.expires_at + timedelta(minutes=1))

    rows = await OutboxMessage.filter(channel=Channel.EMAIL, kind=MailKind.CASE_STEP.value)
    assert sorted((m.recipient, m.locale) for m in rows) == sorted(
        [
            (w.complainant.email, Locale.ZH_HANS.value),
            (w.agent.email, Locale.EN.value),
            (w.manager.email, Locale.EN.value),
        ]
    )
    # Written at the step's instant (an hour ahead of the wall clock): due now.
    await OutboxMessage.all().update(next_attempt_at=datetime.now(UTC))
    mails = {str(m["To"]): m for m in await delivered_mails(settings, tmp_path)}
    english = mail_text(mails[w.agent.email])
    assert str(mails[w.agent.email]["Subject"]) == f"Offer expired on {case.reference}"
    assert "80.00 EUR" in english
    assert "decided automatically by Parley, not by a person" in english
    assert '"offer_expired"' in english
    assert "Ask a person to review" in english
    chinese = mail_text(mails[w.complainant.email])
    assert "自动作出" in chinese
    assert "请求人工复核" in chinese
    assert w.caseworker.email not in mails  # the provider is not a party to the bargaining


async def test_a_reversed_expiry_opens_the_offer_again_for_an_answer(factory: Factory) -> None:
    w = await quick_world(factory)
    case, offer = await _offer(w, hours=1)
    assert offer.expires_at is not None
    lapse = offer.expires_at + timedelta(minutes=1)
    await run_clock_job(lapse)
    decision = await AutomatedDecision.get(case_id=case.id, rule=AutomatedRule.OFFER_EXPIRED)

    asked = await request_review(
        await actor_for(w.complainant),
        decision.id,
        {"reasons": "I tried to accept it before it lapsed."},
        at=lapse + timedelta(minutes=5),
    )
    await decide_review(
        await actor_for(w.caseworker),
        asked.review.id,
        {"verdict": "reversed", "reasons": "The portal was down at the time."},
        at=lapse + timedelta(hours=1),
    )

    reopened = await Offer.get(id=offer.id)
    assert (reopened.status, reopened.expires_at, reopened.decided_at) == (
        OfferStatus.OPEN,
        None,
        None,
    )
    case = await perform(
        await actor_for(w.complainant),
        case.id,
        Action.ACCEPT_OFFER,
        {"offer_id": offer.id},
        at=lapse + timedelta(hours=2),
    )
    assert (await Offer.get(id=offer.id)).status is OfferStatus.ACCEPTED
    # Open without an expiry: the clock job has nothing more to do with it.
    assert await run_clock_job(lapse + timedelta(days=1)) >= 0
    assert await TimelineEvent.filter(case_id=case.id, kind="offer_expired").count() == 1
    await assert_chain_intact(case)
