"""Asking a person to review an automated step, deciding the review, and reversing the step
through the transition table (its `reverse_automated_decision` row).

Who may ask and who decides: portal.auth.policy. Where a reversal may go and who may take it:
the transition table. Each function refuses with a CaseError code and then writes nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor
from portal.automated.models import AutomatedDecision, AutomatedReview
from portal.automated.records import latest_decision
from portal.cases.engine import Step, handles, load_view, now, perform, roles_on
from portal.cases.errors import CaseError, refused
from portal.cases.events import EventKind, record_step
from portal.cases.inputs import choice, text
from portal.cases.models import DisputeCase, Offer
from portal.cases.states import (
    AppointmentStatus,
    AutomatedReviewStatus,
    AutomatedReviewVerdict,
    AutomatedRule,
    CaseRole,
    ClockKind,
    OfferStatus,
    side_of,
)
from portal.cases.transitions import TABLE, Action
from portal.complaints.models import Complaint
from portal.feedback.models import SurveyInvitation
from portal.timeline.models import TimelineEvent


class DecisionNotFound(CaseError):
    """Also what an automated decision on a case the actor may not see looks like."""

    def __init__(self, field: str) -> None:
        super().__init__("NOT_FOUND", "No such automated decision or review.", field)


@dataclass(frozen=True)
class Reviewed:
    """A review as it stands after a request or a decision, with its decision and case."""

    review: AutomatedReview
    decision: AutomatedDecision
    case: DisputeCase


async def _case_roles(actor: Actor, case: DisputeCase) -> frozenset[CaseRole]:
    view = await load_view(case, now())
    return await roles_on(actor, case, view.appointment)


async def request_review(
    actor: Actor,
    decision_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    at: datetime | None = None,
) -> Reviewed:
    """A party asks a person to review an automated step, with reasons, within its window."""
    at = at or now()
    async with in_transaction():
        decision = await AutomatedDecision.get_or_none(id=decision_id)
        if decision is None:
            raise DecisionNotFound("automated_decision_id")
        case = await DisputeCase.select_for_update().get(id=decision.case_id)
        roles = await _case_roles(actor, case)
        if not roles:
            raise DecisionNotFound("automated_decision_id")
        role = policy.automated_review_requester(roles)
        if role is None:
            raise refused("FORBIDDEN")
        reasons = text(data, "reasons")
        if not decision.review_open_at(at):
            raise refused("AUTOMATED_REVIEW_WINDOW_CLOSED")
        if await AutomatedReview.exists(decision_id=decision.id):
            raise refused("AUTOMATED_REVIEW_EXISTS")
        side = side_of(role)
        assert side is not None
        review = await AutomatedReview.create(
            decision_id=decision.id,
            case_id=case.id,
            side=side,
            requested_by_id=actor.id,
            reasons=reasons,
            requested_at=at,
            status=AutomatedReviewStatus.PENDING,
        )
        await record_step(
            case,
            EventKind.AUTOMATED_REVIEW_REQUESTED,
            at=at,
            actor_id=actor.id,
            actor_role=role.value,
            payload={
                "automated_decision_id": str(decision.id),
                "automated_rule": decision.rule,
                "side": side,
                "reasons": reasons,
            },
        )
    return Reviewed(review, decision, case)


async def decide_review(
    actor: Actor,
    review_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    at: datetime | None = None,
) -> Reviewed:
    """A provider caseworker decides a review with reasons: upheld, the step stands; reversed,
    the case goes back through the table's reversal row (its guards decide whether it may)."""
    at = at or now()
    review = await AutomatedReview.get_or_none(id=review_id)
    if review is None:
        raise DecisionNotFound("review_id")
    case = await DisputeCase.get(id=review.case_id)
    roles = await _case_roles(actor, case)
    if not roles:
        raise DecisionNotFound("review_id")
    if not policy.may_decide_automated_review(roles):
        raise refused("FORBIDDEN")
    verdict = choice(data, "verdict", AutomatedReviewVerdict)
    reasons = text(data, "reasons")
    if review.status is not AutomatedReviewStatus.PENDING:
        raise refused("AUTOMATED_REVIEW_NOT_PENDING")
    if verdict is AutomatedReviewVerdict.REVERSED:
        latest = await latest_decision(case.id)
        if latest is None or latest.id != review.decision_id:
            # A later automated step has moved the case on: only that one can be reversed.
            raise refused("AUTOMATED_DECISION_SUPERSEDED")
        await perform(
            actor,
            case.id,
            Action.REVERSE_AUTOMATED_DECISION,
            {"review_id": review.id, "reasons": reasons},
            at=at,
        )
    else:
        async with in_transaction():
            case = await DisputeCase.select_for_update().get(id=review.case_id)
            claimed = await AutomatedReview.filter(
                id=review.id, status=AutomatedReviewStatus.PENDING
            ).update(
                status=AutomatedReviewStatus.UPHELD,
                decided_by_id=actor.id,
                decision_reasons=reasons,
                decided_at=at,
            )
            if not claimed:
                raise refused("AUTOMATED_REVIEW_NOT_PENDING")
            decision = await AutomatedDecision.get(id=review.decision_id)
            await record_step(
                case,
                EventKind.AUTOMATED_DECISION_UPHELD,
                at=at,
                actor_id=actor.id,
                actor_role=CaseRole.PROVIDER.value,
                payload=_reviewed(decision, reasons),
            )
    review = await AutomatedReview.get(id=review.id)
    decision = await AutomatedDecision.get(id=review.decision_id)
    return Reviewed(review, decision, await DisputeCase.get(id=review.case_id))


def _reviewed(decision: AutomatedDecision, reasons: str) -> dict[str, Any]:
    return {
        "automated_decision_id": str(decision.id),
        "automated_rule": decision.rule,
        "reasons": reasons,
    }


# --- the reversal row's handler ---------------------------------------------------------------


@handles(Action.REVERSE_AUTOMATED_DECISION)
async def _reverse(step: Step) -> None:
    """Back to where the case was before the automated step: its stage (the row's target),
    the clocks the step stopped started again whole, those it started stopped, and what its
    handler wrote undone. The guard has checked that nothing has moved on since."""
    pending = step.view.automated_review
    assert pending is not None  # the row's guard
    if step.data.get("review_id") != pending.review_id:
        raise refused("NO_AUTOMATED_REVIEW_PENDING")
    reasons = text(step.data, "reasons")
    review = await AutomatedReview.get(id=pending.review_id)
    decision = await AutomatedDecision.get(id=review.decision_id)
    review.status = AutomatedReviewStatus.REVERSED
    review.decided_by_id = step.actor_id
    review.decision_reasons = reasons
    review.decided_at = step.at
    await review.save(update_fields=["status", "decided_by_id", "decision_reasons", "decided_at"])
    reversed_row = TABLE[Action(decision.rule.value)]
    step.target = decision.stage_before
    step.start.extend(reversed_row.stops)
    # Stopped as nobody's delay (the clocks the step started were the step's doing).
    step.halt.extend(k for k in reversed_row.starts if step.view.running(k) is not None)
    await _UNDO.get(decision.rule, _nothing)(step, decision)
    step.payload.update(**_reviewed(decision, reasons), restored_stage=decision.stage_before)


async def _nothing(step: Step, decision: AutomatedDecision) -> None:
    return None


async def _reopen(step: Step, decision: AutomatedDecision) -> None:
    """The step closed the case: it is open again, with the complaint's record of the end
    cleared and the survey invitations its closing sent withdrawn (expired now)."""
    step.case.closed_at = None
    step.case.closure_reason = None  # type: ignore[assignment]
    step.case.closure_note = ""
    await Complaint.filter(id=step.case.complaint_id).update(
        outcome="", remedy_granted="", closed_at=None
    )
    await SurveyInvitation.filter(case_id=step.case.id, answered_at__isnull=True).update(
        expires_at=step.at
    )


async def _unescalate(step: Step, decision: AutomatedDecision) -> None:
    """The step sent the implementation to the provider: it is back with the parties."""
    step.case.escalated_at = None
    step.case.escalation_note = ""


async def _unconfirm(step: Step, decision: AutomatedDecision) -> None:
    """The step confirmed the neutral when the objection window ended: the window is open
    again (the row's stops start it again), and an outcome clock the step started for a
    replacement neutral stops until they are confirmed."""
    appointment = step.view.appointment
    assert appointment is not None  # the row's guard
    appointment.status = AppointmentStatus.OBJECTION_WINDOW
    await appointment.save(update_fields=["status"])
    outcome = step.view.running(ClockKind.OUTCOME)
    if outcome is not None and outcome.started_at == decision.decided_at:
        step.halt.append(ClockKind.OUTCOME)


async def _reopen_offer(step: Step, decision: AutomatedDecision) -> None:
    """The step recorded an offer expired: it is open again, without an expiry (the person
    who reviewed it found it should not have lapsed; its maker may still withdraw it)."""
    event = await TimelineEvent.get(id=decision.event_id)
    await Offer.filter(id=uuid.UUID(event.payload["offer_id"]), case_id=step.case.id).update(
        status=OfferStatus.OPEN, decided_at=None, expires_at=None
    )


_UNDO = {
    AutomatedRule.CONSENT_LAPSED: _reopen,
    AutomatedRule.ORGANISATION_SILENT: _reopen,
    AutomatedRule.NEGOTIATION_LAPSED: _reopen,
    AutomatedRule.OUTCOME_NOT_ACCEPTED: _reopen,
    AutomatedRule.CONFIRMATION_LAPSED: _unescalate,
    AutomatedRule.IMPLEMENTATION_LAPSED: _unescalate,
    AutomatedRule.CONFIRM_NEUTRAL: _unconfirm,
    AutomatedRule.OFFER_EXPIRED: _reopen_offer,
}
