"""Survey links in mail (ISO 10004: direct measures of satisfaction after a dispute closes).

The links are minted when a mail is rendered, never stored in the outbox: a survey token is a
credential, and the invitation it names exists only once the closing transaction has run
(the case-closed event is written before the closing writes the invitations).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from tortoise.transactions import in_transaction

from portal.accounts.models import Membership, Role, User
from portal.auth.tokens import TokenIssuer
from portal.cases.models import DisputeCase
from portal.feedback.models import SurveyInvitation
from portal.feedback.states import Respondent
from portal.feedback.surveys import claim_reminders, survey_url
from portal.notifications.derive import case_context, mail_people
from portal.notifications.mail import MailKind
from portal.notifications.models import OutboxMessage
from portal.notifications.recipients import Recipient

INVITATION = "survey_invitation_id"


async def _managers(organisation_id: uuid.UUID) -> set[uuid.UUID]:
    rows = await Membership.filter(
        organisation_id=organisation_id, role=Role.ORG_MANAGER
    ).values_list("user_id", flat=True)
    return set(rows)  # type: ignore[arg-type]


async def _invitation_of(message: OutboxMessage) -> SurveyInvitation | None:
    """The invitation a mail carries the link of: named in a reminder; for a case-closed mail,
    the recipient's own (the complainant's, or the organisation's for its managers)."""
    named = message.context.get(INVITATION)
    if named:
        return await SurveyInvitation.get_or_none(id=uuid.UUID(str(named)))
    if message.kind != MailKind.CASE_CLOSED.value or message.case_id is None:
        return None
    user = await User.get_or_none(email=message.recipient)
    if user is None:
        return None
    invitations = await SurveyInvitation.filter(case_id=message.case_id)
    for invitation in invitations:
        if invitation.respondent is Respondent.COMPLAINANT and invitation.recipient_id == user.id:
            return invitation
    organisation = next((i for i in invitations if i.respondent is Respondent.ORGANISATION), None)
    if organisation is not None:
        case = await DisputeCase.get(id=message.case_id)
        if user.id in await _managers(case.organisation_id):
            return organisation
    return None


async def survey_link(
    message: OutboxMessage, issuer: TokenIssuer, public_url: str, at: datetime
) -> str | None:
    """The recipient's personal link, while the survey is open; None otherwise."""
    invitation = await _invitation_of(message)
    if invitation is None or not invitation.is_open_at(at):
        return None
    return survey_url(invitation, issuer, public_url)


async def _invitees(invitation: SurveyInvitation, case: DisputeCase) -> list[Recipient]:
    if invitation.respondent is Respondent.COMPLAINANT:
        ids = {invitation.recipient_id} if invitation.recipient_id else set()
    else:
        ids = await _managers(case.organisation_id)
    users = await User.filter(id__in=list(ids), is_active=True).order_by("email")
    return [Recipient.of(u) for u in users]


async def schedule_survey_reminders(at: datetime) -> int:
    """The one reminder of each unanswered survey (ISO 10004), claimed and queued together:
    a second worker, or a restart, finds nothing left to claim."""
    queued = 0
    async with in_transaction():
        for invitation in await claim_reminders(at=at):
            case = await DisputeCase.get(id=invitation.case_id)
            context = {**await case_context(case), INVITATION: str(invitation.id)}
            people = await _invitees(invitation, case)
            queued += await mail_people(
                MailKind.SURVEY_REMINDER, people, context, at=at, case_id=case.id
            )
    return queued
