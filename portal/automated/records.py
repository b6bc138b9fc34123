"""Recording an automated decision as the engine takes a step of the clock job, and loading a
case's pending review for the guards. No import of the engine: the engine imports this."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from portal.automated.models import AutomatedDecision, AutomatedReview
from portal.cases.clocks import due_at
from portal.cases.guards import PendingAutomatedReview
from portal.cases.models import Clock, DisputeCase, Scheme
from portal.cases.states import (
    AutomatedReviewStatus,
    AutomatedRule,
    Calendar,
    ClockKind,
    ClockStatus,
    Stage,
)
from portal.timeline.models import TimelineEvent


async def decided(
    case: DisputeCase,
    scheme: Scheme,
    rule: AutomatedRule,
    event: TimelineEvent,
    *,
    before: Stage,
    after: Stage,
    at: datetime,
) -> AutomatedDecision:
    """The automated decision the step recorded as ``event``: a party may ask a person to
    review it for the scheme's `automated_review_days`, counted in calendar days as the
    clocks count them."""
    window = due_at(at, scheme.automated_review_days, Calendar.CALENDAR_DAYS, scheme.country)
    return await AutomatedDecision.create(
        case_id=case.id,
        event_id=event.id,
        rule=rule,
        stage_before=before,
        stage_after=after,
        decided_at=at,
        review_due_at=window,
    )


async def clocks_running(case_id: uuid.UUID) -> list[str]:
    kinds: list[str] = await Clock.filter(  # type: ignore[assignment]
        case_id=case_id, status=ClockStatus.RUNNING
    ).values_list("kind", flat=True)
    return sorted(ClockKind(k).value for k in kinds)


async def latest_decision(case_id: uuid.UUID) -> AutomatedDecision | None:
    """The case's last automated step: only it can be reversed (an earlier one the case has
    moved on from, through a later step of the clock job if nothing else)."""
    return await AutomatedDecision.filter(case_id=case_id).order_by("-decided_at").first()


async def pending_review(case_id: uuid.UUID) -> PendingAutomatedReview | None:
    """The pending review of the case's last automated step, if any, as the reversal row's
    guard sees it."""
    return (await pending_reviews([case_id])).get(case_id)


async def pending_reviews(
    case_ids: Iterable[uuid.UUID],
) -> dict[uuid.UUID, PendingAutomatedReview]:
    """`pending_review` of several cases in two statements (a page of the compiled case
    list, portal.api.compiled): the cases without one are left out."""
    ids = list(case_ids)
    if not ids:
        return {}
    latest: dict[uuid.UUID, AutomatedDecision] = {}
    for decision in await AutomatedDecision.filter(case_id__in=ids).order_by(
        "case_id", "-decided_at"
    ):
        latest.setdefault(decision.case_id, decision)
    if not latest:
        return {}
    reviews = {
        review.decision_id: review
        for review in await AutomatedReview.filter(
            decision_id__in=[d.id for d in latest.values()],
            status=AutomatedReviewStatus.PENDING,
        )
    }
    return {
        case_id: PendingAutomatedReview(
            review_id=reviews[decision.id].id,
            rule=decision.rule,
            stage_before=decision.stage_before,
            stage_after=decision.stage_after,
            clocks_after=frozenset(ClockKind(k) for k in decision.clocks_after),
        )
        for case_id, decision in latest.items()
        if decision.id in reviews
    }


async def disclosure(case_id: uuid.UUID, at: datetime) -> dict[str, object]:
    """What a mail reporting an automated step says of it (`words.automated`): the rule, and
    until when a party may ask a person to review it; empty for a step a person took."""
    decision = await AutomatedDecision.filter(case_id=case_id, decided_at=at).first()
    if decision is None:
        return {}
    return {"automated": {"rule": decision.rule.value, "review_until": decision.review_due_at}}
