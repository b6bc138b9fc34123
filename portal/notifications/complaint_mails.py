"""The mails of the complaint lifecycle: who a step tells (the complaint table's `tells`), with
what, in their language; written to the outbox in the step's own transaction.

Complaint mails are the organisation's, and signed with its name: before a referral no
dispute-resolution provider is involved. Links are paths under the portal's public address
(`link`, `settings.public_url`, added at delivery).
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Subquery

from portal.accounts.models import Membership, Organisation, Role, User
from portal.cases.states import COMPLAINANT_SIDE
from portal.complaints.engine import Step
from portal.complaints.models import Complaint
from portal.complaints.states import Audience, ComplaintAction, ComplaintDecision
from portal.complaints.transitions import automated_rule
from portal.directory.referrals import eligible_providers
from portal.ids import global_id
from portal.notifications.derive import mail_people
from portal.notifications.mail import MailKind
from portal.notifications.recipients import Recipient

# (a row of the complaint table, one of its `tells`) -> the mail it sends; a test keeps the
# two equal.
MAILS: dict[tuple[ComplaintAction, Audience], MailKind] = {
    (ComplaintAction.RECORD, Audience.COMPLAINANT): MailKind.COMPLAINT_RECORDED,
    (ComplaintAction.ACKNOWLEDGE, Audience.COMPLAINANT): MailKind.COMPLAINT_ACKNOWLEDGED,
    (ComplaintAction.RESPOND, Audience.COMPLAINANT): MailKind.COMPLAINT_ANSWERED,
    (ComplaintAction.CLOSE, Audience.COMPLAINANT): MailKind.COMPLAINT_CLOSED,
    (ComplaintAction.MISS_ACKNOWLEDGE, Audience.MANAGERS): MailKind.COMPLAINT_CLOCK_MISSED,
    (ComplaintAction.MISS_RESPOND, Audience.MANAGERS): MailKind.COMPLAINT_CLOCK_MISSED,
    (ComplaintAction.MISS_RESPOND, Audience.COMPLAINANT): MailKind.COMPLAINT_RESPONSE_OVERDUE,
}


def _person(user: User) -> Recipient:
    # In the person's own language and time zone (`mail_people` writes every instant in it).
    return Recipient.of(user, COMPLAINANT_SIDE)


async def _people(complaint: Complaint, audience: Audience) -> list[Recipient]:
    if audience is Audience.COMPLAINANT:
        return [_person(await User.get(id=complaint.complainant_id))]
    managers = Membership.filter(
        organisation_id=complaint.organisation_id, role=Role.ORG_MANAGER
    ).values("user_id")
    users = await User.filter(id__in=Subquery(managers), is_active=True).order_by("email")
    return [_person(u) for u in users]


async def _dispute_resolution(complaint: Complaint) -> dict[str, Any]:
    """EU ADR Art. 13: the providers the organisation takes part with, by name; the mail links
    to the complaint's escalation form."""
    providers = await eligible_providers(complaint.organisation_id)
    return {"providers": [p.name for p in providers]}


async def _details(kind: MailKind, step: Step) -> dict[str, Any]:
    complaint = step.complaint
    if kind is MailKind.COMPLAINT_ACKNOWLEDGED:
        return {}
    if kind is MailKind.COMPLAINT_RECORDED:
        from portal.accounts.signup import claim_path

        details: dict[str, Any] = {"channel": complaint.channel.value}
        user = await User.get(id=complaint.complainant_id)
        if user.claim_pending:
            # Issue 14: an account the recording made is offered to be claimed (a path on the
            # portal, no credential: the one-time code proves the mailbox).
            details["claim_path"] = claim_path(user.email)
        return details
    if kind is MailKind.COMPLAINT_ANSWERED:
        return {
            "decision": complaint.decision.value if complaint.decision else "",
            "response": complaint.response,
            "escalate": complaint.decision is not ComplaintDecision.UPHELD,
            **await _dispute_resolution(complaint),
        }
    if kind is MailKind.COMPLAINT_CLOSED:
        return {
            "note": complaint.closure_note,
            "escalate": complaint.decision is not ComplaintDecision.UPHELD,
            **await _dispute_resolution(complaint),
        }
    # COMPLAINT_CLOCK_MISSED, COMPLAINT_RESPONSE_OVERDUE: the clock the step recorded missed.
    clock = next(c for c in step.view.clocks if c.kind is step.clock)
    details = {"clock": clock.kind.value, "due": clock.due_at}
    if kind is MailKind.COMPLAINT_RESPONSE_OVERDUE:
        details.update(await _dispute_resolution(complaint))
    return details


async def tell(step: Step) -> None:
    """Mail whoever the step's row tells (called by the complaint engine)."""
    complaint = step.complaint
    organisation = await Organisation.get(id=complaint.organisation_id).values_list(
        "name", flat=True
    )
    context = {
        "complaint": {
            "reference": complaint.reference,
            "subject": complaint.subject,
            "id": global_id("Complaint", complaint.id),
        },
        "organisation": organisation,
    }
    rule = automated_rule(step.transition.action)
    if rule is not None:
        # Issue 20, 3: a step the clock job took says so, and names its rule.
        context["automated"] = {"rule": rule.value}
    for audience in sorted(step.transition.tells):
        kind = MAILS[step.transition.action, audience]
        people = await _people(complaint, audience)
        details = await _details(kind, step)
        await mail_people(kind, people, {**context, **details}, at=step.at, case_id=None)
