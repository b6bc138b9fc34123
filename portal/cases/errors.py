"""Expected failures of case actions, each with a stable code the API shows as a userError."""

from __future__ import annotations


class CaseError(Exception):
    """``code`` is one of the guard codes of portal.cases.transitions, or an input code."""

    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        *,
        limit: int | None = None,
        actual: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        # A refusal for a limit (portal.lengths): the limit and the size found.
        self.limit = limit
        self.actual = actual


class CaseNotFound(CaseError):
    """Also what a case the actor may not see looks like."""

    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "No such case.")


MESSAGES = {
    "ACTION_NOT_AVAILABLE": "That action is not possible at this stage of the case.",
    "FORBIDDEN": "Your role on this case does not allow that action.",
    "NOT_FACILITATIVE": "Offers belong to negotiation, mediation and conciliation.",
    "NEUTRAL_NOT_CONFIRMED": "A neutral must be appointed and confirmed first.",
    "NO_NEUTRAL_FOR_METHOD": "This method has no neutral.",
    "APPOINTMENT_ACTIVE": "A neutral is already appointed to this case.",
    "NO_DECLARATION_DUE": "No declaration of impartiality is due.",
    "OBJECTION_WINDOW_CLOSED": "The window for objecting to the neutral is closed.",
    "OBJECTION_WINDOW_OPEN": "The window for objecting to the neutral is still open.",
    "REFLECTION_PERIOD_OVER": "The reflection period is over: the award is final.",
    "REFLECTION_PERIOD_OPEN": "The reflection period is still running.",
    "RESPONSE_CLOCK_RUNNING": "The organisation's response clock is still running.",
    "NO_OBJECTION_PENDING": "No objection is waiting for a decision.",
    "NO_OUTCOME": "No outcome has been issued.",
    "ALREADY_ANSWERED": "Your side has already answered this outcome.",
    "BINDING_AWARD": "A binding award cannot be rejected; ask for a review instead.",
    "NOT_BINDING": "Only a binding award can be reviewed.",
    "ALREADY_RECORDED": "The implementation is already recorded.",
    "IMPLEMENTATION_NOT_RECORDED": "The organisation has not recorded the implementation yet.",
    "NO_OPEN_OFFER": "There is no open offer to act on.",
    "OFFER_EXPIRED": "The offer passed its expiry: it can no longer be accepted, rejected or "
    "withdrawn.",
    "NO_RUNNING_CLOCK": "No clock is running on this case.",
    "FEES_OUTSTANDING": "The case waits at this stage until its fees are paid or waived.",
    "EXTENSION_LIMIT": "This clock cannot be extended again.",
    "NO_APPOINTMENT": "No neutral is appointed to this case.",
    "REPLY_WINDOW_OPEN": "The complainant's window to reply to the organisation's position is "
    "still open: the file is complete once they reply or the window ends.",
    "REPLY_WINDOW_CLOSED": "The window to reply to the organisation's position is closed.",
    "ALREADY_ESCALATED": "The implementation has already gone to the provider to decide.",
    "WITHDRAWAL_NOT_ALLOWED": "This scheme does not let the organisation withdraw; before "
    "responding it may refuse to take part.",
    "SILENCE_NOT_REFUSAL": "Under this scheme the organisation's silence is not a refusal.",
    "CONSENT_CLOCK_RUNNING": "The complainant's consent clock is still running.",
    "OUTCOME_CLOCK_RUNNING": "The outcome clock is still running.",
    "IMPLEMENTATION_CLOCK_RUNNING": "The implementation clock is still running.",
    "CONFIRMATION_CLOCK_RUNNING": "The complainant's confirmation clock is still running.",
    "NOT_NEGOTIATION": "Only a negotiation ends when its time runs out.",
    # Issue 20, 3: a person's review of an automated step.
    "NO_AUTOMATED_REVIEW_PENDING": "No party's request for a review of an automated step is "
    "waiting for a decision.",
    "AUTOMATED_DECISION_SUPERSEDED": "The case has moved on since the automated step: it can "
    "no longer be reversed.",
    "AUTOMATED_REVIEW_WINDOW_CLOSED": "The time to ask for a person's review of this automated "
    "step has ended.",
    "AUTOMATED_REVIEW_EXISTS": "A review of this automated step has already been asked for.",
    "AUTOMATED_REVIEW_NOT_PENDING": "This review has already been decided.",
}


def refused(code: str) -> CaseError:
    return CaseError(code, MESSAGES.get(code, code.replace("_", " ").capitalize() + "."))


def stage_changed(expected: str, current: str) -> CaseError:
    """The caller acted on a stage the case has left (a concurrent action moved it)."""
    return CaseError(
        "STAGE_CHANGED",
        f"The case has moved on: it is now at stage {current.upper()}, not {expected.upper()}. "
        "Nothing was changed; look at the case again before acting.",
        "expected_stage",
    )
