"""Invitation mails and their links: someone asked to act for a complainant (a representative),
or to join an organisation's or a provider's team (staff).

As with survey links (portal.notifications.surveys), the link is minted when the mail is
rendered and never stored in the outbox: its token is a credential. It names the invitation;
the invitation's row decides whether it can still be accepted (once, before it expires, by
the account of the address it was sent to). Both kinds share this module: each has its own
token kind (a link of one kind is refused as the other), page and outbox key.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from portal.accounts.models import StaffInvitation, User
from portal.auth.tokens import InvalidToken, TokenIssuer, TokenKind
from portal.cases.models import DisputeCase, RepresentativeInvitation
from portal.cases.states import InvitationStatus
from portal.notifications.derive import case_context
from portal.notifications.mail import MailKind, instant_text
from portal.notifications.models import Channel, OutboxMessage
from portal.notifications.outbox import enqueue


class Invitation(Protocol):
    id: uuid.UUID
    email: str
    created_at: datetime
    expires_at: datetime

    def status_at(self, now: datetime) -> InvitationStatus: ...


@dataclass(frozen=True)
class InvitationKind:
    mail: MailKind
    token: TokenKind
    # The web portal's page for the invitee; the token goes in the fragment, which browsers
    # never send to a server nor put in a Referer.
    path: str
    key: str  # the outbox context's key naming the invitation
    model: type[RepresentativeInvitation] | type[StaffInvitation]


REPRESENTATIVE = InvitationKind(
    MailKind.REPRESENTATIVE_INVITATION,
    TokenKind.REPRESENTATIVE_INVITATION,
    "/representative-invitation",
    "representative_invitation_id",
    RepresentativeInvitation,
)
STAFF = InvitationKind(
    MailKind.STAFF_INVITATION,
    TokenKind.STAFF_INVITATION,
    "/invitations/accept",
    "staff_invitation_id",
    StaffInvitation,
)
KINDS = {kind.mail.value: kind for kind in (REPRESENTATIVE, STAFF)}
# Kept for the callers that predate staff invitations.
INVITATION = REPRESENTATIVE.key
INVITATION_PATH = REPRESENTATIVE.path


async def _expiry(invitation: Invitation) -> str:
    """When the invitation lapses, in the invitee's time zone (their account's; every
    invitation has one, made for the address if need be)."""
    zone = await User.filter(email=invitation.email).values_list("time_zone", flat=True)
    return instant_text(invitation.expires_at, str(zone[0]) if zone else "UTC")


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

    # Not the case's path: the invitee may not open the case before accepting; the mail
    # links to the invitation instead.
    about = {k: v for k, v in (await case_context(case)).items() if k != "path"}
    context: dict[str, object] = {
        **about,
        "name": "",
        "inviter": inviter,
        "expires": await _expiry(invitation),
        REPRESENTATIVE.key: str(invitation.id),
    }
    if claim:
        context["claim_path"] = claim_path(invitation.email)
    await enqueue(
        Channel.EMAIL,
        REPRESENTATIVE.mail.value,
        invitation.email,
        context,
        at=invitation.created_at,
        locale=locale,
        case_id=case.id,
    )


async def staff_invited(
    invitation: StaffInvitation, team: str, inviter: str, role: str, locale: str
) -> None:
    """Queue a staff invitation's mail, in the transaction that writes the invitation.
    ``role`` is the role's key (`org_agent`, ...): the template words it in the mail's language."""
    context = {
        "team": team,
        "inviter": inviter,
        "role": role,
        "expires": await _expiry(invitation),
        STAFF.key: str(invitation.id),
    }
    await enqueue(
        Channel.EMAIL,
        STAFF.mail.value,
        invitation.email,
        context,
        at=invitation.created_at,
        locale=locale,
    )


def invitation_url(
    invitation: Invitation,
    issuer: TokenIssuer,
    public_url: str,
    kind: InvitationKind = REPRESENTATIVE,
) -> str:
    left = int((invitation.expires_at - datetime.now(UTC)).total_seconds())
    token = issuer.issue(kind.token, str(invitation.id), max(left, 1))
    return f"{public_url.rstrip('/')}{kind.path}#token={token}"


async def invitation_link(
    message: OutboxMessage, issuer: TokenIssuer, public_url: str, at: datetime
) -> str | None:
    """The link of an invitation mail while the invitation is pending; None otherwise (a
    revoked or expired invitation is mailed without one, and other mails have none)."""
    kind = KINDS.get(message.kind)
    named = message.context.get(kind.key) if kind else None
    if kind is None or not named:
        return None
    invitation = await kind.model.get_or_none(id=uuid.UUID(str(named)))
    if invitation is None or invitation.status_at(at) is not InvitationStatus.PENDING:
        return None
    return invitation_url(invitation, issuer, public_url, kind)


def invitation_id(
    issuer: TokenIssuer, token: str, kind: InvitationKind = REPRESENTATIVE
) -> uuid.UUID | None:
    """The invitation a link's token names; None for any other token (of another kind too)."""
    try:
        claims = issuer.verify(token, kind.token)
        return uuid.UUID(str(claims["sub"]))
    except (InvalidToken, ValueError):
        return None
