"""How a case ends: implementation and its confirmation or escalation to the provider, the
provider's closure and the reasons it may give, withdrawal, and the lapses of the clock job
that end a case (the transition table's docstring, "A way forward from every stage").

What each action writes beyond the table's stage, clocks and event.
"""

from __future__ import annotations

from portal.cases.engine import Step, handles
from portal.cases.errors import CaseError
from portal.cases.guards import CaseView
from portal.cases.handlers import side_of
from portal.cases.inputs import choice, text
from portal.cases.states import ClosureReason, Side
from portal.cases.transitions import Action

# --- implementation (ISO 10003 7.6) ------------------------------------------------------------


@handles(Action.RECORD_IMPLEMENTATION)
async def _record_implementation(step: Step) -> None:
    step.case.implementation_evidence = text(step.data, "evidence")
    step.case.implemented_at = step.at
    step.payload.update(evidence=step.case.implementation_evidence)


@handles(Action.CONFIRM_IMPLEMENTATION)
async def _confirm_implementation(step: Step) -> None:
    step.case.implementation_confirmed_at = step.at
    step.case.closure_reason = ClosureReason.RESOLVED
    step.case.closure_note = text(step.data, "note", required=False)


@handles(Action.REPORT_NOT_IMPLEMENTED)
async def _report_not_implemented(step: Step) -> None:
    _escalate(step, text(step.data, "reasons"))
    step.payload.update(reasons=step.case.escalation_note)


@handles(Action.CONFIRMATION_LAPSED)
async def _confirmation_lapsed(step: Step) -> None:
    _escalate(step, "The complainant neither confirmed nor disputed the implementation in time.")


@handles(Action.IMPLEMENTATION_LAPSED)
async def _implementation_lapsed(step: Step) -> None:
    # The organisation's non-compliance with the deadline: its implementation clock is
    # recorded missed by the table's row, and the provider decides what follows.
    _escalate(step, "The organisation did not record the implementation before its clock ran out.")


def _escalate(step: Step, note: str) -> None:
    """The provider now decides: its closure clock starts (the table's rows)."""
    step.case.escalated_at = step.at
    step.case.escalation_note = note
    step.payload.update(escalated=True)


# --- closure (ISO 10003 7.7) -------------------------------------------------------------------


def closure_refusal(reason: ClosureReason, view: CaseView) -> CaseError | None:
    """Why the provider may not close the case with ``reason`` now, or None when it may."""
    if reason is ClosureReason.RESOLVED and view.case.implemented_at is None:
        return CaseError(
            "IMPLEMENTATION_NOT_RECORDED",
            "A case closes as resolved once its implementation is recorded.",
            field="reason",
        )
    if reason is ClosureReason.NOT_IMPLEMENTED and view.case.escalated_at is None:
        return CaseError(
            "NOT_ESCALATED",
            "A case closes as not implemented once its implementation has gone to the "
            "provider to decide: reported not done, or not confirmed or recorded in time.",
            field="reason",
        )
    return None


def closure_reasons(view: CaseView) -> list[ClosureReason]:
    """The reasons the provider may close the case with now."""
    return [reason for reason in ClosureReason if closure_refusal(reason, view) is None]


@handles(Action.CLOSE)
async def _close(step: Step) -> None:
    reason = choice(step.data, "reason", ClosureReason)
    refusal = closure_refusal(reason, step.view)
    if refusal is not None:
        raise refusal
    step.case.closure_reason = reason
    step.case.closure_note = text(step.data, "note")
    step.payload.update(reason=reason, note=step.case.closure_note)


@handles(Action.WITHDRAW)
async def _withdraw(step: Step) -> None:
    # The organisation withdraws only where its scheme allows it, and says why.
    side = side_of(step)
    step.case.withdrawn_by = side
    step.case.withdrawal_reason = text(step.data, "reason", required=side is Side.ORGANISATION)
    step.payload.update(side=side, reason=step.case.withdrawal_reason or None)


# --- the clock job's lapses that end a case -----------------------------------------------------


def _closes(step: Step, reason: ClosureReason, note: str) -> None:
    step.case.closure_reason = reason
    step.case.closure_note = note
    step.payload.update(reason=reason)


@handles(Action.CONSENT_LAPSED)
async def _consent_lapsed(step: Step) -> None:
    # ISO 10003 4.6: no resolution step starts without the complainant's consent.
    _closes(
        step,
        ClosureReason.CONSENT_NOT_GIVEN,
        "The complainant did not consent before the consent clock ran out.",
    )


@handles(Action.NEGOTIATION_LAPSED)
async def _negotiation_lapsed(step: Step) -> None:
    _closes(
        step,
        ClosureReason.NOT_SETTLED,
        "The time for the negotiation ran out without a settlement.",
    )


@handles(Action.OUTCOME_NOT_ACCEPTED)
async def _outcome_not_accepted(step: Step) -> None:
    outcome = step.view.outcome
    assert outcome is not None
    # Silence counts as not accepting (ISO 10003 7.5): say who had accepted, for the record.
    accepted = [
        side
        for side, at in (
            (Side.COMPLAINANT, outcome.accepted_by_complainant_at),
            (Side.ORGANISATION, outcome.accepted_by_organisation_at),
        )
        if at is not None
    ]
    _closes(
        step,
        ClosureReason.OUTCOME_NOT_ACCEPTED,
        "The reflection period ended without both sides accepting the outcome.",
    )
    step.payload.update(outcome_id=str(outcome.id), accepted_by=accepted)
