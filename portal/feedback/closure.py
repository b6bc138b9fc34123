"""What the end of a dispute feeds back (ISO 10002 8, ISO 10003 8, ISO 10004 7.3).

Called by the case engine inside the transaction of the action that ends the case, so the
complaint's record and the survey invitations are written with the closing, or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from portal.cases.inputs import choice
from portal.cases.models import DisputeCase, Outcome
from portal.cases.states import ClosureReason, Stage
from portal.complaints.models import Complaint
from portal.feedback.models import SurveyInvitation, SurveyPolicy
from portal.feedback.questions import DEFAULT_QUESTIONS
from portal.feedback.states import Respondent, RootCause

DEFAULT_VALID_DAYS = 30
DEFAULT_REMINDER_AFTER_DAYS = 7


def result_of(case: DisputeCase) -> str:
    """How the dispute ended, in one word: the closure reason, or `withdrawn` / `declined`."""
    if case.stage is Stage.CLOSED and case.closure_reason is not None:
        return case.closure_reason.value
    return case.stage.value


def remedy_of(case: DisputeCase, outcome: Outcome | None) -> str:
    """The remedy granted: the implemented outcome's terms (and amount), when it was resolved."""
    if case.closure_reason is not ClosureReason.RESOLVED or outcome is None:
        return ""
    if outcome.amount is None:
        return outcome.summary
    return f"{outcome.summary} ({outcome.amount} {outcome.currency})"


async def case_ended(
    case: DisputeCase, outcome: Outcome | None, data: Mapping[str, Any], *, at: datetime
) -> None:
    """Write back to the complaint, and invite the survey answers when the case closed.

    ``data`` is the closing action's input: its `root_cause`, when given, is the provider's
    classification (the one party that has read the whole file, both sides included).
    """
    root_cause = choice(data, "root_cause", RootCause) if data.get("root_cause") else None
    complaint = await Complaint.get(id=case.complaint_id)
    complaint.outcome = result_of(case)
    complaint.remedy_granted = remedy_of(case, outcome)
    if root_cause is not None:
        complaint.root_cause = root_cause.value
    complaint.closed_at = at
    await complaint.save(update_fields=["outcome", "remedy_granted", "root_cause", "closed_at"])
    if case.stage is Stage.CLOSED:
        await _invite(case, at)


async def _invite(case: DisputeCase, at: datetime) -> None:
    policy = await SurveyPolicy.get_or_none(organisation_id=case.organisation_id)
    questions = policy.questions if policy else [dict(q) for q in DEFAULT_QUESTIONS]
    valid = timedelta(days=policy.valid_days if policy else DEFAULT_VALID_DAYS)
    remind = timedelta(days=policy.reminder_after_days if policy else DEFAULT_REMINDER_AFTER_DAYS)
    respondents: list[tuple[Respondent, uuid.UUID | None]] = [
        (Respondent.COMPLAINANT, case.complainant_id)
    ]
    if policy is not None and policy.invite_organisation:
        respondents.append((Respondent.ORGANISATION, None))
    await SurveyInvitation.bulk_create(
        [
            SurveyInvitation(
                case_id=case.id,
                respondent=respondent,
                recipient_id=recipient,
                questions=questions,
                created_at=at,
                expires_at=at + valid,
                reminder_due_at=at + remind,
            )
            for respondent, recipient in respondents
        ]
    )
