"""Running a team (issue 14, 4): an organisation's or a provider's managers invite people by
e-mail address in a role, change roles and remove members.

Who may is `policy.may_see_team` and `policy.may_manage_team`; a team is never left without a
manager (`policy.keeps_a_manager`). An invitation is a membership only once the invitee,
signed in with the invited address, accepts it: once, before it expires. As for a
representative's invitation (portal.cases.representatives), the inviter learns nothing of an
account behind the address: an address without one gets an account without a password, which
its owner claims with a sign-in code, and the answer is the same either way. The mail's link
is minted at delivery (portal.notifications.invitations), never stored.

Roles are read from the memberships on every request (`AuthService.authenticate`), so a role
changed or removed here holds from the member's next request on.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from portal.accounts.models import (
    Locale,
    Membership,
    Organisation,
    Provider,
    Role,
    StaffInvitation,
    User,
)
from portal.accounts.services import create_user, grant_role, is_email
from portal.admin.audit import log_change
from portal.auth import policy
from portal.auth.actor import Actor, ActorKind
from portal.auth.services import normalise_email
from portal.cases.states import InvitationStatus

ORGANISATION = "organisation"
PROVIDER = "provider"


class TeamError(Exception):
    """An expected refusal; ``code`` is a UserErrorCode's value."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


@dataclass(frozen=True)
class Team:
    kind: str  # ORGANISATION | PROVIDER
    owner: Organisation | Provider

    @property
    def scope(self) -> str:
        return f"{self.kind}:{self.owner.id}"

    def filter(self) -> dict[str, Any]:
        return {f"{self.kind}_id": self.owner.id}

    @property
    def roles(self) -> frozenset[Role]:
        return policy.TEAM_ROLES[self.kind]


def now() -> datetime:
    return datetime.now(UTC)


def _member_snapshot(team: Team, email: str, role: Role) -> dict[str, Any]:
    """How a membership stands, as the admin audit log keeps it."""
    return {"team": team.scope, "team_name": team.owner.name, "email": email, "role": role.value}


def _invitation_snapshot(team: Team, invitation: StaffInvitation) -> dict[str, Any]:
    return {
        "team": team.scope,
        "team_name": team.owner.name,
        "email": invitation.email,
        "role": Role(invitation.role).value,
        "status": InvitationStatus(invitation.status).value,
    }


NO_TEAM = TeamError("NOT_FOUND", "No such organisation or provider.", "owner_id")
NO_INVITATION = TeamError("NOT_FOUND", "No such invitation.", "invitation_id")
NO_MEMBER = TeamError("NOT_FOUND", "No such member.", "member_id")


async def team_of(
    actor: Actor,
    kind: str,
    owner_id: uuid.UUID | None,
    *,
    manage: bool,
    missing: TeamError = NO_TEAM,
) -> Team:
    """The team, when the actor may see it (``missing`` otherwise, the very answer for what
    does not exist) and, with ``manage``, run it (FORBIDDEN otherwise)."""
    model: type[Organisation] | type[Provider] = Organisation if kind == ORGANISATION else Provider
    owner = await model.get_or_none(id=owner_id) if owner_id else None
    if owner is None or not policy.may_see_team(actor, kind, owner.id):
        raise missing
    if manage and not policy.may_manage_team(actor, kind, owner.id):
        raise TeamError(
            "FORBIDDEN", "Only the team's managers, in person, and admins manage its members."
        )
    return Team(kind, owner)


def team_of_row(row: Membership | StaffInvitation) -> tuple[str, uuid.UUID | None]:
    if row.organisation_id is not None:
        return ORGANISATION, row.organisation_id
    return PROVIDER, row.provider_id


async def members(team: Team) -> list[Membership]:
    """The team's memberships in its own roles, oldest first, with their users."""
    return (
        await Membership.filter(**team.filter(), role__in=list(team.roles))
        .order_by("created_at", "id")
        .prefetch_related("user")
    )


async def invitations(actor: Actor, team: Team) -> list[StaffInvitation]:
    """The team's invitations, newest first, for those who run it; nobody else sees them."""
    if not policy.may_manage_team(actor, team.kind, team.owner.id):
        return []
    return await StaffInvitation.filter(**team.filter()).order_by("-created_at")


def _role_in(team: Team, role: Role) -> None:
    if role not in team.roles:
        raise TeamError(
            "ROLE_SCOPE_MISMATCH",
            f"Role {role.value} is not one of this {team.kind}'s roles.",
            "role",
        )


async def invite(
    actor: Actor,
    kind: str,
    owner_id: uuid.UUID | None,
    email: str,
    role: Role,
    *,
    valid_days: int,
    at: datetime | None = None,
) -> StaffInvitation:
    """Invite ``email`` to join the team in ``role``; one pending invitation per address."""
    at = at or now()
    address = normalise_email(email)
    async with in_transaction():
        team = await team_of(actor, kind, owner_id, manage=True)
        _role_in(team, role)
        if not is_email(address):
            raise TeamError("INVALID_EMAIL", "That is not an e-mail address.", "email")
        if await Membership.exists(**team.filter(), role__in=list(team.roles), user__email=address):
            # The team's members are on its list for whoever may invite: nothing new learnt.
            raise TeamError(
                "ALREADY_MEMBER",
                "This address belongs to a member of the team already: change their role.",
                "email",
            )
        if await StaffInvitation.exists(
            **team.filter(), email=address, status=InvitationStatus.PENDING, expires_at__gt=at
        ):
            raise TeamError(
                "INVITATION_PENDING",
                "An invitation to this address is waiting for an answer; revoke it first.",
                "email",
            )
        inviter = await User.get(id=actor.id)
        account = await User.get_or_none(email=address)
        locale = account.locale if account is not None else inviter.locale
        if account is None:
            # So that the invitee can sign in with a code; the same answer either way.
            created = await create_user(address, "", locale=Locale(locale))
            # Theirs to claim: signing in, they give their own name (the team lists them by
            # it, not by their address), language and time zone.
            created.claim_pending = True
            await created.save(update_fields=["claim_pending"])
        invitation = await StaffInvitation.create(
            **team.filter(),
            email=address,
            role=role,
            invited_by_id=actor.id,
            created_at=at,
            expires_at=at + timedelta(days=valid_days),
        )
        await log_change(
            actor,
            "team.invite",
            "StaffInvitation",
            invitation.id,
            None,
            _invitation_snapshot(team, invitation),
            at,
        )
        from portal.notifications.invitations import staff_invited

        await staff_invited(
            invitation, team.owner.name, inviter.display_name, role.value, locale.value
        )
    return invitation


async def revoke(
    actor: Actor, invitation_id: uuid.UUID | None, *, at: datetime | None = None
) -> StaffInvitation:
    """Withdraw a pending invitation: its link stops working."""
    at = at or now()
    invitation = (
        await StaffInvitation.get_or_none(id=invitation_id) if invitation_id is not None else None
    )
    if invitation is None:
        raise NO_INVITATION
    kind, owner_id = team_of_row(invitation)
    team = await team_of(actor, kind, owner_id, manage=True, missing=NO_INVITATION)
    async with in_transaction():
        revoked = await StaffInvitation.filter(
            id=invitation.id, status=InvitationStatus.PENDING, expires_at__gt=at
        ).update(status=InvitationStatus.REVOKED, decided_at=at)
        if not revoked:
            raise TeamError(
                "INVITATION_NOT_PENDING",
                "This invitation was already accepted, revoked, or has expired.",
                "invitation_id",
            )
        before = _invitation_snapshot(team, invitation)
        await invitation.refresh_from_db()
        after = _invitation_snapshot(team, invitation)
        await log_change(actor, "team.revoke", "StaffInvitation", invitation.id, before, after, at)
    return invitation


async def _member(actor: Actor, membership_id: uuid.UUID | None) -> tuple[Team, Membership]:
    row = await Membership.get_or_none(id=membership_id) if membership_id else None
    if row is None or (row.organisation_id is None and row.provider_id is None):
        raise NO_MEMBER
    kind, owner_id = team_of_row(row)
    team = await team_of(actor, kind, owner_id, manage=True, missing=NO_MEMBER)
    if row.role not in team.roles:
        raise NO_MEMBER
    return team, row


async def _check_keeps_a_manager(team: Team, without: Membership, adding: Role | None) -> None:
    rows = await Membership.filter(**team.filter(), role__in=list(team.roles)).exclude(
        id=without.id
    )
    left = [m.role for m in rows] + ([adding] if adding else [])
    if not policy.keeps_a_manager(left, team.kind):
        raise TeamError(
            "LAST_MANAGER",
            "This is the team's last manager: make someone else a manager first.",
            "member_id",
        )


async def change_role(actor: Actor, membership_id: uuid.UUID | None, role: Role) -> Membership:
    """Give a member another role in the team. Someone who holds that role already keeps it,
    and the changed membership goes."""
    async with in_transaction():
        team, row = await _member(actor, membership_id)
        _role_in(team, role)
        if row.role is role:
            return row
        # Serialise changes to one team: two managers demoting each other at once must not
        # both succeed (SQLite serialises every transaction anyway).
        await Membership.select_for_update().filter(**team.filter()).values_list("id")
        await _check_keeps_a_manager(team, row, role)
        email = await User.get(id=row.user_id).values_list("email", flat=True)
        before = _member_snapshot(team, str(email), row.role)
        held = await Membership.get_or_none(user_id=row.user_id, role=role, scope=team.scope)
        await log_change(
            actor,
            "team.change_role",
            "Membership",
            row.id,
            before,
            _member_snapshot(team, str(email), role),
            now(),
        )
        if held is not None:
            await row.delete()
            row = held
        else:
            await Membership.filter(id=row.id).update(role=role)
            await row.refresh_from_db()
    await row.fetch_related("user")
    return row


async def remove(actor: Actor, membership_id: uuid.UUID | None) -> uuid.UUID:
    """End a member's role in the team; never the last manager's."""
    async with in_transaction():
        team, row = await _member(actor, membership_id)
        await Membership.select_for_update().filter(**team.filter()).values_list("id")
        await _check_keeps_a_manager(team, row, None)
        email = await User.get(id=row.user_id).values_list("email", flat=True)
        before = _member_snapshot(team, str(email), row.role)
        await log_change(actor, "team.remove", "Membership", row.id, before, None, now())
        await row.delete()
    return row.id


def _answerable(invitation: StaffInvitation, at: datetime) -> None:
    refused = invitation.status_at(at).refusal()
    if refused is not None:
        raise TeamError(*refused, "token")


async def _named(invitation_id: uuid.UUID | None) -> StaffInvitation:
    invitation = await StaffInvitation.get_or_none(id=invitation_id) if invitation_id else None
    if invitation is None:
        raise TeamError("INVITATION_INVALID", "This invitation link is not valid.", "token")
    return invitation


async def accept(
    actor: Actor, invitation_id: uuid.UUID | None, *, at: datetime | None = None
) -> Membership:
    """The invitee, signed in with the invited address, joins the team: once, before expiry."""
    at = at or now()
    if actor.kind is not ActorKind.USER:
        raise TeamError("FORBIDDEN", "Only a person accepts an invitation.")
    async with in_transaction():
        invitation = await _named(invitation_id)
        _answerable(invitation, at)
        user = await User.get(id=actor.id)
        if user.email != invitation.email:
            raise TeamError(
                "INVITATION_FOR_ANOTHER_ADDRESS",
                "This invitation was sent to another e-mail address: sign in with that one.",
                "token",
            )
        # The conditional update is the single use: of two acceptances at once, one wins.
        claimed = await StaffInvitation.filter(
            id=invitation.id, status=InvitationStatus.PENDING
        ).update(status=InvitationStatus.ACCEPTED, decided_at=at, accepted_by_id=user.id)
        if not claimed:
            raise TeamError(
                "INVITATION_NOT_PENDING", "This invitation was already used or withdrawn.", "token"
            )
        organisation = (
            await Organisation.get(id=invitation.organisation_id)
            if invitation.organisation_id
            else None
        )
        provider = await Provider.get(id=invitation.provider_id) if invitation.provider_id else None
        membership = await grant_role(
            user, invitation.role, organisation=organisation, provider=provider
        )
        owner = organisation or provider
        assert owner is not None
        team = Team("organisation" if organisation else "provider", owner)
        await log_change(
            actor,
            "team.join",
            "Membership",
            membership.id,
            None,
            _member_snapshot(team, user.email, membership.role),
            at,
        )
    await membership.fetch_related("user")
    return membership


@dataclass(frozen=True)
class InvitationView:
    """What the invitee's page shows before they accept: which team, which role, who asks, and
    whether they are signed in with the address it was sent to (never the address itself)."""

    invitation: StaffInvitation
    status: InvitationStatus
    kind: str
    team_name: str
    inviter_name: str
    address_matches: bool


async def view(actor: Actor, invitation_id: uuid.UUID | None, at: datetime) -> InvitationView:
    invitation = await _named(invitation_id)
    kind, owner_id = team_of_row(invitation)
    model: type[Organisation] | type[Provider] = Organisation if kind == ORGANISATION else Provider
    owner = await model.get(id=owner_id)
    inviter = await User.get(id=invitation.invited_by_id)
    signed_in = await User.get_or_none(id=actor.id) if actor.kind is ActorKind.USER else None
    return InvitationView(
        invitation=invitation,
        status=invitation.status_at(at),
        kind=kind,
        team_name=owner.name,
        inviter_name=inviter.display_name,
        address_matches=signed_in is not None and signed_in.email == invitation.email,
    )
