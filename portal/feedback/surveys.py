"""Satisfaction surveys (ISO 10004 7.3): personal links, answers, the one reminder.

A link carries a signed token of its own kind (`typ` survey, portal.auth.tokens), whose
subject is the invitation. The token proves which invitation; the invitation's row decides
whether it may still be answered (once, before it expires). Links are minted on demand, for
the closing mail, the reminder and the complainant's case page alike, and never stored.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation, Role
from portal.auth.actor import Actor
from portal.auth.tokens import InvalidToken, TokenIssuer, TokenKind
from portal.cases.models import DisputeCase
from portal.feedback.closure import DEFAULT_REMINDER_AFTER_DAYS, DEFAULT_VALID_DAYS
from portal.feedback.errors import FeedbackError, Forbidden, SurveyLinkInvalid
from portal.feedback.models import SatisfactionRecord, SurveyInvitation, SurveyPolicy
from portal.feedback.questions import DEFAULT_QUESTIONS, checked_questions, read_answers
from portal.feedback.states import SurveyStatus

SURVEY_PATH = "/survey"
MAX_DAYS = 365


def survey_url(invitation: SurveyInvitation, issuer: TokenIssuer, public_url: str) -> str:
    """The personal link for ``invitation``: valid until the invitation expires.

    The token goes in the fragment, which browsers never send to a server nor put in a
    Referer: the page reads it and calls the `survey` query.
    """
    left = invitation.expires_at - datetime.now(UTC)
    seconds = int(left.total_seconds())
    token = issuer.issue(TokenKind.SURVEY, str(invitation.id), max(seconds, 1))
    return f"{public_url.rstrip('/')}{SURVEY_PATH}#token={token}"


def status_at(invitation: SurveyInvitation, at: datetime) -> SurveyStatus:
    if invitation.answered_at is not None:
        return SurveyStatus.ANSWERED
    return SurveyStatus.OPEN if at < invitation.expires_at else SurveyStatus.EXPIRED


async def invitation_for(issuer: TokenIssuer, token: str) -> SurveyInvitation:
    """The invitation a survey token names; SurveyLinkInvalid for any other token."""
    try:
        claims = issuer.verify(token, TokenKind.SURVEY)
        pk = uuid.UUID(str(claims["sub"]))
    except (InvalidToken, ValueError) as exc:
        raise SurveyLinkInvalid() from exc
    invitation = await SurveyInvitation.get_or_none(id=pk)
    if invitation is None:
        raise SurveyLinkInvalid()
    return invitation


@dataclass(frozen=True)
class SurveyView:
    """What the survey page shows: no personal data, only whom and what it is about."""

    invitation: SurveyInvitation
    case_reference: str
    organisation_name: str
    status: SurveyStatus


async def open_survey(issuer: TokenIssuer, token: str, *, at: datetime) -> SurveyView:
    invitation = await invitation_for(issuer, token)
    case = await DisputeCase.get(id=invitation.case_id)
    organisation = await Organisation.get(id=case.organisation_id)
    return SurveyView(invitation, case.reference, organisation.name, status_at(invitation, at))


async def answer_survey(
    issuer: TokenIssuer, token: str, answers: Sequence[Mapping[str, Any]], *, at: datetime
) -> SurveyInvitation:
    """Store the answers as satisfaction records; the link works once, before it expires."""
    invitation = await invitation_for(issuer, token)
    if at >= invitation.expires_at:
        raise FeedbackError("SURVEY_EXPIRED", "This survey has closed.", "token")
    read = read_answers(invitation.questions, answers)
    async with in_transaction():
        # The conditional update is the single use: of two answers sent at once, one wins.
        claimed = await SurveyInvitation.filter(id=invitation.id, answered_at__isnull=True).update(
            answered_at=at
        )
        if not claimed:
            raise FeedbackError("ALREADY_ANSWERED", "This survey has been answered.", "token")
        case = await DisputeCase.get(id=invitation.case_id)
        await SatisfactionRecord.bulk_create(
            [
                SatisfactionRecord(
                    invitation_id=invitation.id,
                    case_id=case.id,
                    organisation_id=case.organisation_id,
                    provider_id=case.provider_id,
                    method=case.method,
                    respondent=invitation.respondent,
                    question=answer.question,
                    kind=answer.kind,
                    score=answer.score,
                    agreed=answer.agreed,
                    comment=answer.comment,
                    answered_at=at,
                )
                for answer in read
            ]
        )
    invitation.answered_at = at
    return invitation


async def claim_reminders(*, at: datetime, limit: int = 100) -> list[SurveyInvitation]:
    """The invitations whose one reminder is due, each marked reminded by this call.

    Idempotent and safe in several workers: an invitation is claimed by a conditional update,
    so it is returned once, ever. Call it inside the transaction that queues the reminder
    mails, so a claim and its mail are written together.
    """
    due = (
        await SurveyInvitation.filter(
            answered_at__isnull=True,
            reminded_at__isnull=True,
            reminder_due_at__lte=at,
            expires_at__gt=at,
        )
        .order_by("reminder_due_at")
        .limit(limit)
    )
    claimed: list[SurveyInvitation] = []
    for invitation in due:
        if await SurveyInvitation.filter(id=invitation.id, reminded_at__isnull=True).update(
            reminded_at=at
        ):
            invitation.reminded_at = at
            claimed.append(invitation)
    return claimed


# --- the organisation's survey policy ---------------------------------------------------------


def may_configure_surveys(actor: Actor, organisation_id: uuid.UUID) -> bool:
    return actor.is_admin or actor.has_role(Role.ORG_MANAGER, organisation_id=organisation_id)


async def survey_policy(organisation_id: uuid.UUID) -> SurveyPolicy:
    """The organisation's policy, or the defaults (unsaved) when it never set one."""
    found = await SurveyPolicy.get_or_none(organisation_id=organisation_id)
    return found or SurveyPolicy(
        organisation_id=organisation_id,
        questions=[dict(q) for q in DEFAULT_QUESTIONS],
        invite_organisation=False,
        valid_days=DEFAULT_VALID_DAYS,
        reminder_after_days=DEFAULT_REMINDER_AFTER_DAYS,
    )


async def configure_surveys(
    actor: Actor,
    organisation_id: uuid.UUID,
    *,
    questions: Sequence[Mapping[str, Any]] | None,
    invite_organisation: bool,
    valid_days: int,
    reminder_after_days: int,
) -> SurveyPolicy:
    """An organisation manager sets the questions and who is asked; None keeps the defaults."""
    if not may_configure_surveys(actor, organisation_id):
        raise Forbidden()
    if not 1 <= valid_days <= MAX_DAYS:
        raise FeedbackError("INVALID_DAYS", f"Links last 1 to {MAX_DAYS} days.", "valid_days")
    if not 1 <= reminder_after_days < valid_days:
        raise FeedbackError(
            "INVALID_DAYS",
            "The reminder goes out at least a day after the closing, before the link expires.",
            "reminder_after_days",
        )
    checked = checked_questions(questions) if questions is not None else None
    async with in_transaction():
        # Only an admin passes the check above for an organisation that does not exist: its
        # policy row would break the foreign key (an internal error before issue 13's matrix).
        if not await Organisation.exists(id=organisation_id):
            raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation_id")
        policy = await survey_policy(organisation_id)
        policy.questions = checked or [dict(q) for q in DEFAULT_QUESTIONS]
        policy.invite_organisation = invite_organisation
        policy.valid_days = valid_days
        policy.reminder_after_days = reminder_after_days
        await policy.save()
    return policy
