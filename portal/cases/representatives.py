"""Naming a representative by invitation (DOMAIN.md "Actors": someone acting for the
complainant, recorded as such).

The complainant invites a person by e-mail address; the person gets a mail with a link; only
when they accept, signed in with that address, do they become the case's representative. Who
may do what is `policy.may_name_representative`, asked in its two halves: the complainant in
person invites, revokes and removes (`names_representatives`); the invitee's account must be
one that may act for them (`may_represent`), which is known only at acceptance.

Issue 13 F5, as for complaints recorded by an agent: the complainant learns nothing of the
invitee's account before acceptance. Whether the address has an account or not, the answer is
the same; an address without one gets an account without a password (claimed with a sign-in
code), and an account that may not act for the complainant can only not accept.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from portal.accounts.models import Locale, Membership, Organisation, User
from portal.accounts.services import create_user, is_email
from portal.auth import policy
from portal.auth.actor import Actor, ActorKind
from portal.auth.services import normalise_email
from portal.cases.engine import now, roles_on
from portal.cases.errors import CaseError, CaseNotFound
from portal.cases.events import EventKind, record
from portal.cases.models import (
    CaseParticipant,
    DisputeCase,
    NeutralAppointment,
    RepresentativeInvitation,
)
from portal.cases.states import TERMINAL_STAGES, AppointmentStatus, CaseRole, InvitationStatus
from portal.timeline.models import Visibility

# Invitations and their revocation are the complainant side's business; who acts for the
# complainant, once accepted or removed, is for every party to know.
INVITATION_SCOPE = Visibility.CAUCUS_COMPLAINANT


class InvitationError(CaseError):
    pass


_NOT_THE_COMPLAINANT = InvitationError(
    "FORBIDDEN", "Only the complainant, in person, names or removes a representative."
)


async def _case_of_complainant(actor: Actor, case_id: uuid.UUID) -> DisputeCase:
    """The case, locked, when the actor is its complainant in person; NOT_FOUND when they may
    not see it, FORBIDDEN when they see it in another role."""
    case = await DisputeCase.select_for_update().get_or_none(id=case_id)
    if case is None:
        raise CaseNotFound()
    if not policy.names_representatives(actor, case.complainant_id):
        appointment = (
            await NeutralAppointment.filter(case_id=case.id)
            .exclude(status=AppointmentStatus.REMOVED)
            .order_by("-appointed_at")
            .first()
        )
        if not await roles_on(actor, case, appointment):
            raise CaseNotFound()
        raise _NOT_THE_COMPLAINANT
    if case.stage in TERMINAL_STAGES:
        raise InvitationError("CASE_CLOSED", "The case has ended: nobody can join it now.")
    return case


async def _record(
    case: DisputeCase,
    kind: EventKind,
    at: datetime,
    actor_id: uuid.UUID,
    role: CaseRole,
    visibility: Visibility,
    **payload: str,
) -> None:
    await record(
        case,
        kind,
        at=at,
        actor_id=actor_id,
        actor_role=role.value,
        payload=payload,
        visibility=visibility,
    )
    await case.save(update_fields=["last_sequence", "head_hash"])


def _mail_locale(account: User | None, case: DisputeCase) -> str:
    if account is not None:
        return account.locale.value
    return case.language if case.language in {loc.value for loc in Locale} else Locale.EN.value


# At most this many invitations per case in any 24 hours (`INVITATION_LIMIT`).
MAX_INVITATIONS = 5
INVITATION_WINDOW = timedelta(hours=24)


async def invite(
    actor: Actor, case_id: uuid.UUID, email: str, *, valid_days: int, at: datetime | None = None
) -> RepresentativeInvitation:
    """The complainant invites ``email`` to act for them; one pending invitation at a time, and
    none while a representative acts (remove them first)."""
    at = at or now()
    address = normalise_email(email)
    async with in_transaction():
        case = await _case_of_complainant(actor, case_id)
        if not is_email(address):
            raise InvitationError("INVALID_EMAIL", "That is not an e-mail address.", "email")
        complainant = await User.get(id=case.complainant_id)
        if address == complainant.email:
            raise InvitationError(
                "REPRESENTATIVE_NOT_ALLOWED", "You cannot represent yourself.", "email"
            )
        if await CaseParticipant.exists(case_id=case.id, role=CaseRole.REPRESENTATIVE.value):
            raise InvitationError(
                "REPRESENTATIVE_ALREADY_NAMED",
                "Someone already acts for you on this case; remove them first.",
            )
        pending = await RepresentativeInvitation.filter(
            case_id=case.id, status=InvitationStatus.PENDING, expires_at__gt=at
        ).exists()
        if pending:
            raise InvitationError(
                "INVITATION_PENDING",
                "An invitation is waiting for an answer; revoke it before inviting someone else.",
            )
        sent = await RepresentativeInvitation.filter(
            case_id=case.id, created_at__gt=at - INVITATION_WINDOW
        ).count()
        if sent >= MAX_INVITATIONS:
            # Each invitation mails an address the complainant chose: inviting and revoking in a
            # loop must not make Parley a way to mail strangers.
            raise InvitationError(
                "INVITATION_LIMIT",
                f"You have sent {MAX_INVITATIONS} invitations on this case in the last "
                "24 hours; try again later.",
                "email",
            )
        account = await User.get_or_none(email=address)
        locale = _mail_locale(account, case)
        if account is None:
            # So that the invitee can sign in with a code; the same answer either way.
            created = await create_user(address, "", locale=Locale(locale))
            # Issue 14: theirs to claim; the invitation mail offers it.
            created.claim_pending = True
            await created.save(update_fields=["claim_pending"])
        invitation = await RepresentativeInvitation.create(
            case_id=case.id,
            email=address,
            invited_by_id=actor.id,
            created_at=at,
            expires_at=at + timedelta(days=valid_days),
        )
        await _record(
            case,
            EventKind.REPRESENTATIVE_INVITED,
            at,
            actor.id,
            CaseRole.COMPLAINANT,
            INVITATION_SCOPE,
            invitation_id=str(invitation.id),
            expires_at=invitation.expires_at.isoformat(),
        )
        from portal.notifications.invitations import representative_invited

        await representative_invited(
            invitation, case, complainant.display_name, locale, claim=account is None
        )
    return invitation


async def revoke(
    actor: Actor, invitation_id: uuid.UUID, *, at: datetime | None = None
) -> RepresentativeInvitation:
    """The complainant withdraws a pending invitation: its link stops working."""
    at = at or now()
    async with in_transaction():
        invitation = await RepresentativeInvitation.get_or_none(id=invitation_id)
        if invitation is None:
            raise InvitationError("NOT_FOUND", "No such invitation.", "invitation_id")
        try:
            case = await _case_of_complainant(actor, invitation.case_id)
        except CaseNotFound as exc:
            raise InvitationError("NOT_FOUND", "No such invitation.", "invitation_id") from exc
        revoked = await RepresentativeInvitation.filter(
            id=invitation.id, status=InvitationStatus.PENDING, expires_at__gt=at
        ).update(status=InvitationStatus.REVOKED, decided_at=at)
        if not revoked:
            raise InvitationError(
                "INVITATION_NOT_PENDING",
                "This invitation was already accepted, revoked, or has expired.",
                "invitation_id",
            )
        await _record(
            case,
            EventKind.REPRESENTATIVE_INVITATION_REVOKED,
            at,
            actor.id,
            CaseRole.COMPLAINANT,
            INVITATION_SCOPE,
            invitation_id=str(invitation.id),
        )
    await invitation.refresh_from_db()
    return invitation


async def remove(actor: Actor, case_id: uuid.UUID, *, at: datetime | None = None) -> DisputeCase:
    """The complainant ends their representative's role on the case."""
    at = at or now()
    async with in_transaction():
        case = await _case_of_complainant(actor, case_id)
        rows = await CaseParticipant.filter(case_id=case.id, role=CaseRole.REPRESENTATIVE.value)
        if not rows:
            raise InvitationError("NO_REPRESENTATIVE", "Nobody acts for you on this case.")
        await CaseParticipant.filter(id__in=[r.id for r in rows]).delete()
        for row in rows:
            await _record(
                case,
                EventKind.REPRESENTATIVE_REMOVED,
                at,
                actor.id,
                CaseRole.COMPLAINANT,
                Visibility.ALL_PARTIES,
                representative_id=str(row.user_id),
            )
    return case


async def pending_for(invitation_id: uuid.UUID | None) -> RepresentativeInvitation:
    """The invitation a link names; INVITATION_INVALID for a link that names none."""
    invitation = (
        await RepresentativeInvitation.get_or_none(id=invitation_id) if invitation_id else None
    )
    if invitation is None:
        raise InvitationError("INVITATION_INVALID", "This invitation link is not valid.", "token")
    return invitation


def _check_answerable(invitation: RepresentativeInvitation, at: datetime) -> None:
    refused = invitation.status_at(at).refusal()
    if refused is not None:
        raise InvitationError(*refused, "token")


async def accept(
    actor: Actor, invitation_id: uuid.UUID | None, *, at: datetime | None = None
) -> DisputeCase:
    """The invitee, signed in with the invited address, accepts: once, before it expires."""
    at = at or now()
    if actor.kind is not ActorKind.USER:
        raise InvitationError("FORBIDDEN", "Only a person accepts an invitation.")
    async with in_transaction():
        invitation = await pending_for(invitation_id)
        case = await DisputeCase.select_for_update().get(id=invitation.case_id)
        _check_answerable(invitation, at)
        user = await User.get(id=actor.id)
        if user.email != invitation.email:
            raise InvitationError(
                "INVITATION_FOR_ANOTHER_ADDRESS",
                "This invitation was sent to another e-mail address: sign in with that one.",
                "token",
            )
        if case.stage in TERMINAL_STAGES:
            raise InvitationError("CASE_CLOSED", "The case has ended: nobody can join it now.")
        scope = (case.complainant_id, case.organisation_id, case.provider_id, user.id)
        if not policy.may_represent(*scope, await Membership.filter(user_id=user.id)):
            raise InvitationError(
                "REPRESENTATIVE_NOT_ALLOWED",
                "You cannot act for the complainant on this case: you work for one of the "
                "other sides of it, or are the complainant.",
                "token",
            )
        if await CaseParticipant.exists(case_id=case.id, role=CaseRole.REPRESENTATIVE.value):
            raise InvitationError(
                "REPRESENTATIVE_ALREADY_NAMED", "Someone already acts for the complainant."
            )
        # The conditional update is the single use: of two acceptances at once, one wins.
        claimed = await RepresentativeInvitation.filter(
            id=invitation.id, status=InvitationStatus.PENDING
        ).update(status=InvitationStatus.ACCEPTED, decided_at=at, accepted_by_id=user.id)
        if not claimed:
            raise InvitationError(
                "INVITATION_NOT_PENDING", "This invitation was already used or withdrawn.", "token"
            )
        await CaseParticipant.create(
            case_id=case.id, user_id=user.id, role=CaseRole.REPRESENTATIVE.value
        )
        await _record(
            case,
            EventKind.REPRESENTATIVE_ACCEPTED,
            at,
            user.id,
            CaseRole.REPRESENTATIVE,
            Visibility.ALL_PARTIES,
            invitation_id=str(invitation.id),
            representative_id=str(user.id),
        )
    return case


async def invitations_for(actor: Actor, case: DisputeCase) -> list[RepresentativeInvitation]:
    """A case's invitations, newest first, for its complainant; nobody else sees them."""
    if not policy.names_representatives(actor, case.complainant_id):
        return []
    return await RepresentativeInvitation.filter(case_id=case.id).order_by("-created_at")


@dataclass(frozen=True)
class InvitationView:
    """What the invitee's page shows before they accept: who asks, about which case, and
    whether they are signed in with the address it was sent to (never the address itself)."""

    invitation: RepresentativeInvitation
    status: InvitationStatus
    case_reference: str
    case_subject: str
    organisation_name: str
    inviter_name: str
    address_matches: bool


async def view(actor: Actor, invitation_id: uuid.UUID | None, at: datetime) -> InvitationView:
    invitation = await pending_for(invitation_id)
    case = await DisputeCase.get(id=invitation.case_id)
    organisation = await Organisation.get(id=case.organisation_id)
    inviter = await User.get(id=invitation.invited_by_id)
    signed_in = await User.get_or_none(id=actor.id) if actor.kind is ActorKind.USER else None
    return InvitationView(
        invitation=invitation,
        status=invitation.status_at(at),
        case_reference=case.reference,
        case_subject=case.subject,
        organisation_name=organisation.name,
        inviter_name=inviter.display_name,
        address_matches=signed_in is not None and signed_in.email == invitation.email,
    )
