"""The mail that asks someone to act for a complainant, and its link.

As with survey links (portal.notifications.surveys), the link is minted when the mail is
rendered and never stored in the outbox: its token is a credential. It names the invitation;
the invitation's row decides whether it can still be accepted (once, before it expires, by
the account of the address it was sent to).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from portal.auth.tokens import InvalidToken, TokenIssuer, TokenKind
from portal.cases.models import DisputeCase, RepresentativeInvitation
from portal.cases.states import InvitationStatus
from portal.notifications.derive import case_context, due_text
from portal.notifications.mail import MailKind
from portal.notifications.models import Channel, OutboxMessage
from portal.notifications.outbox import enqueue

INVITATION = "representative_invitation_id"
# The web portal's page for the invitee; the token goes in the fragment, which browsers never
# send to a server nor put in a Referer.
INVITATION_PATH = "/representative-invitation"


async def representative_invited(
    invitation: RepresentativeInvitation,
    case: DisputeCase,
    inviter: str,
    locale: str,
    *,
    claim: bool = False,
) -> None:
    """Queue the invitation mail, in the transaction that writes the invitation; ``claim``:
    the invitation made the address's account, which the mail offers to claim (issue 14)."""
    from portal.accounts.signup import claim_path

    context: dict[str, object] = {
        **await case_context(case),
        "name": "",
        "inviter": inviter,
        "expires": due_text(invitation.expires_at),
        INVITATION: str(invitation.id),
    }
    if claim:
        context["claim_path"] = claim_path(invitation.email)
    await enqueue(
        Channel.EMAIL,
        MailKind.REPRESENTATIVE_INVITATION.value,
        invitation.email,
        context,
        at=invitation.created_at,
        locale=locale,
        case_id=case.id,
    )


def invitation_url(
    invitation: RepresentativeInvitation, issuer: TokenIssuer, public_url: str
) -> str:
    left = int((invitation.expires_at - datetime.now(UTC)).total_seconds())
    token = issuer.issue(TokenKind.REPRESENTATIVE_INVITATION, str(invitation.id), max(left, 1))
    return f"{public_url.rstrip('/')}{INVITATION_PATH}#token={token}"


async def invitation_link(
    message: OutboxMessage, issuer: TokenIssuer, public_url: str, at: datetime
) -> str | None:
    """The link of an invitation mail while the invitation is pending; None otherwise (a
    revoked or expired invitation is mailed without one)."""
    named = message.context.get(INVITATION)
    if message.kind != MailKind.REPRESENTATIVE_INVITATION.value or not named:
        return None
    invitation = await RepresentativeInvitation.get_or_none(id=uuid.UUID(str(named)))
    if invitation is None or invitation.status_at(at) is not InvitationStatus.PENDING:
        return None
    return invitation_url(invitation, issuer, public_url)


def invitation_id(issuer: TokenIssuer, token: str) -> uuid.UUID | None:
    """The invitation a link's token names; None for any other token."""
    try:
        claims = issuer.verify(token, TokenKind.REPRESENTATIVE_INVITATION)
        return uuid.UUID(str(claims["sub"]))
    except (InvalidToken, ValueError):
        return None
