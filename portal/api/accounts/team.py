"""Running a team over GraphQL (issue 14, 4): an organisation's or a provider's members and
invitations; its managers invite, revoke, change roles and remove; the invitee opens the
mailed link and accepts. Each resolver authenticates, calls one service of
portal.accounts.team, and maps its refusals to userErrors."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import strawberry

from portal.accounts import models, team
from portal.api.accounts.types import Role, User
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.errors import PublicError, UserError, user_error
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import Node, node_resolver, referenced, to_global_id
from portal.auth import policy
from portal.cases.states import InvitationStatus
from portal.ids import parse_global_id
from portal.notifications.invitations import STAFF, invitation_id

# A staff invitation's status: the states of portal.cases.states.InvitationStatus, published
# as `InvitationStatus` (a representative invitation's as `RepresentativeInvitationStatus`).
# Registered before the types below, which take this definition.
described_enum(
    InvitationStatus,
    description="Where an invitation to join a team stands.",
    values={
        InvitationStatus.PENDING: "Sent; not yet accepted, revoked or expired.",
        InvitationStatus.ACCEPTED: "Accepted: the invitee holds the role in the team.",
        InvitationStatus.REVOKED: "Revoked by a manager of the team before it was accepted.",
        InvitationStatus.EXPIRED: "Still pending when its expiry passed; its link no longer works.",
    },
)


class TeamKind(StrEnum):
    ORGANISATION = "organisation"
    PROVIDER = "provider"


described_enum(
    TeamKind,
    description="Whose team: an organisation's or a provider's.",
    values={
        TeamKind.ORGANISATION: "An organisation's agents and managers.",
        TeamKind.PROVIDER: "A provider's caseworkers and neutrals.",
    },
)


@strawberry.type(description="One role a person holds in a team.")
class TeamMember(Node):
    user_id: strawberry.ID = strawberry.field(
        description="Global ID of the member's User.",
        deprecation_reason="Use `user { id }`: the User itself.",
    )
    display_name: str = strawberry.field(description="The member's display name.")
    email: str = strawberry.field(
        description="The member's sign-in address; the team's managers and the member see it."
    )
    role: Role = strawberry.field(  # type: ignore[valid-type]
        description="The role this membership gives."
    )
    since: datetime = strawberry.field(description="When the person took this role.")
    user_pk: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The member's account, when you may see it.")
    async def user(self, info: Info) -> User | None:
        return await referenced(info, "User", self.user_pk)

    @classmethod
    def of(cls, row: models.Membership) -> TeamMember:
        return cls(
            user_pk=row.user_id,
            id=to_global_id("TeamMember", row.id),
            user_id=to_global_id("User", row.user_id),
            display_name=row.user.display_name,
            email=row.user.email,
            role=row.role,
            since=row.created_at,
        )


@strawberry.type(
    description="An invitation to join a team, as its managers see it: the address they typed "
    "and where it stands; nothing of any account behind the address."
)
class StaffInvitation(Node):
    email: str = strawberry.field(description="The address invited.")
    role: Role = strawberry.field(  # type: ignore[valid-type]
        description="The role the invitee gets on accepting."
    )
    status: InvitationStatus = strawberry.field(
        description="`EXPIRED`: still pending when its expiry passed."
    )
    invited_at: datetime = strawberry.field(description="When it was sent.")
    expires_at: datetime = strawberry.field(
        description="When its link stops working unless accepted."
    )
    decided_at: datetime | None = strawberry.field(description="When accepted or revoked.")

    @classmethod
    def of(cls, row: models.StaffInvitation, at: datetime) -> StaffInvitation:
        return cls(
            id=strawberry.ID(to_global_id("StaffInvitation", row.id)),
            email=row.email,
            role=row.role,
            status=row.status_at(at),
            invited_at=row.created_at,
            expires_at=row.expires_at,
            decided_at=row.decided_at,
        )


@strawberry.type(description="An organisation's or a provider's people.")
class Team:
    owner_id: strawberry.ID = strawberry.field(
        description="The Organisation's or Provider's global ID.",
        deprecation_reason="Use `owner { id }`: the Organisation or Provider itself.",
    )
    kind: TeamKind = strawberry.field(description="Whether an organisation's team or a provider's.")
    name: str = strawberry.field(description="The organisation's or provider's name.")
    roles: list[Role] = strawberry.field(  # type: ignore[valid-type]
        description="The roles this team offers; invitations and role changes take one of them."
    )
    manager_role: Role = strawberry.field(  # type: ignore[valid-type]
        description="The role that runs the team; it always keeps one member holding it."
    )
    viewer_manages: bool = strawberry.field(
        description="Whether you may invite, change roles and remove members."
    )
    members: list[TeamMember] = strawberry.field(
        description="Every role held in the team, one entry per person and role."
    )
    invitations: list[StaffInvitation] = strawberry.field(
        description="Newest first; for those who run the team, empty for other members."
    )

    @strawberry.field(description="The Organisation or Provider whose team it is.")
    async def owner(self, info: Info) -> Node | None:
        parsed = parse_global_id(self.owner_id)
        return await referenced(info, *parsed) if parsed else None


@strawberry.type(
    description="What a staff invitation's link is about, for the invitee's page before accepting."
)
class StaffInvitationView:
    status: InvitationStatus = strawberry.field(
        description="Where the invitation stands; only a PENDING one can be accepted."
    )
    expires_at: datetime = strawberry.field(description="When its link stops working.")
    kind: TeamKind = strawberry.field(
        description="Whether the team is an organisation's or a provider's."
    )
    team_name: str = strawberry.field(description="The organisation's or provider's name.")
    role: Role = strawberry.field(  # type: ignore[valid-type]
        description="The role the invitee gets on accepting."
    )
    inviter_name: str = strawberry.field(description="The display name of who sent it.")
    address_matches: bool = strawberry.field(
        description="Whether you are signed in with the address the invitation was sent to; "
        "only then can you accept."
    )


@strawberry.input(description="An invitation by mail to join a team in a role.")
class InviteStaffInput:
    owner_id: strawberry.ID = strawberry.field(
        description="Global ID of the Organisation or Provider whose team it is."
    )
    email: str = strawberry.field(description="The address of the person invited.")
    role: Role = strawberry.field(description="One of the team's `roles`.")  # type: ignore[valid-type]


@strawberry.input(description="Revoking a pending staff invitation: its link stops working.")
class RevokeStaffInvitationInput:
    invitation_id: strawberry.ID = strawberry.field(description="A pending invitation's ID.")


@strawberry.input(description="Giving a member another of the team's roles.")
class ChangeMemberRoleInput:
    member_id: strawberry.ID = strawberry.field(description="A TeamMember's ID.")
    role: Role = strawberry.field(description="One of the team's `roles`.")  # type: ignore[valid-type]


@strawberry.input(description="Ending one role of a member in the team; their account stays.")
class RemoveMemberInput:
    member_id: strawberry.ID = strawberry.field(description="A TeamMember's ID.")


@strawberry.input(
    description="Accepting a staff invitation, signed in with the address it was sent to."
)
class AcceptStaffInvitationInput:
    token: str = strawberry.field(description="The token of the mailed link (after `#token=`).")


@strawberry.type(description="The invitation, or why it was refused.")
class StaffInvitationPayload:
    invitation: StaffInvitation | None = strawberry.field(
        default=None, description="The invitation as it now stands; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The member after the change, or why it was refused.")
class TeamMemberPayload:
    member: TeamMember | None = strawberry.field(
        default=None, description="The membership as it now stands; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The ID of the membership that ended, or why it was refused.")
class RemoveMemberPayload:
    removed_member_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Global ID of the TeamMember that ended (it no longer resolves: the "
        "membership is gone).",
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


class TeamRefused(PublicError):
    def __init__(self, error: team.TeamError) -> None:
        super().__init__(error.message, code=error.code)


_TYPES = {"Organisation": team.ORGANISATION, "Provider": team.PROVIDER}


def _owner(global_id: str) -> tuple[str, uuid.UUID | None]:
    """The team an owner ID names; an ID of any other type names none (NOT_FOUND)."""
    parsed = parse_global_id(global_id)
    if parsed is None or parsed[0] not in _TYPES:
        return team.ORGANISATION, None
    return _TYPES[parsed[0]], parsed[1]


def _pk(global_id: str, *type_names: str) -> uuid.UUID | None:
    parsed = parse_global_id(global_id)
    return parsed[1] if parsed is not None and parsed[0] in type_names else None


def _errors(exc: team.TeamError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field)]


@node_resolver("TeamMember")
async def _member_node(info: Info, pk: uuid.UUID) -> TeamMember | None:
    """A membership in one of a team's roles, for those who may see the team."""
    row = await models.Membership.get_or_none(id=pk).prefetch_related("user")
    found = await _team_of(info, row) if row else None
    return TeamMember.of(row) if row and found and row.role in found.roles else None


@node_resolver("StaffInvitation")
async def _staff_invitation_node(info: Info, pk: uuid.UUID) -> StaffInvitation | None:
    """An invitation, for those who run its team (nobody else sees them)."""
    row = await models.StaffInvitation.get_or_none(id=pk)
    found = await _team_of(info, row) if row else None
    if row is None or found is None:
        return None
    actor = info.context.require_actor()
    if not policy.may_manage_team(actor, found.kind, found.owner.id):
        return None
    return StaffInvitation.of(row, team.now())


async def _team_of(info: Info, row: models.Membership | models.StaffInvitation) -> team.Team | None:
    kind, owner_id = team.team_of_row(row)
    if owner_id is None:
        return None
    try:
        return await team.team_of(info.context.require_actor(), kind, owner_id, manage=False)
    except team.TeamError:
        return None


@strawberry.type
class TeamQueries:
    @strawberry.field(
        description="An organisation's or a provider's team: its members and, for those who "
        "run it, its invitations. For the team's members and admins; `NOT_FOUND` for anyone "
        "else, as for an ID that names no organisation or provider."
    )
    async def team(
        self,
        info: Info,
        owner_id: Annotated[
            strawberry.ID,
            strawberry.argument(
                description="Global ID of the Organisation or Provider whose team to read; its "
                "managers and members may."
            ),
        ],
    ) -> Team:
        actor = info.context.require_actor()
        kind, pk = _owner(owner_id)
        try:
            found = await team.team_of(actor, kind, pk, manage=False)
        except team.TeamError as exc:
            raise TeamRefused(exc) from exc
        at = team.now()
        return Team(
            owner_id=owner_id,
            kind=TeamKind(found.kind),
            name=found.owner.name,
            roles=sorted(found.roles),
            manager_role=policy.TEAM_MANAGER[found.kind],
            viewer_manages=policy.may_manage_team(actor, found.kind, found.owner.id),
            members=[TeamMember.of(row) for row in await team.members(found)],
            invitations=[
                StaffInvitation.of(row, at) for row in await team.invitations(actor, found)
            ],
        )

    @strawberry.field(
        description="What a staff invitation's link is about, for the signed-in invitee. A "
        "link that is tampered with, of another kind, or for no invitation is refused with "
        "`INVITATION_INVALID`."
    )
    async def staff_invitation(
        self,
        info: Info,
        token: Annotated[
            str,
            strawberry.argument(
                description="The token of the mailed invitation link (after `#token=`)."
            ),
        ],
    ) -> StaffInvitationView:
        actor = info.context.require_actor()
        try:
            found = await team.view(
                actor, invitation_id(info.context.auth.issuer, token, STAFF), team.now()
            )
        except team.TeamError as exc:
            raise TeamRefused(exc) from exc
        return StaffInvitationView(
            status=found.status,
            expires_at=found.invitation.expires_at,
            kind=TeamKind(found.kind),
            team_name=found.team_name,
            role=found.invitation.role,
            inviter_name=found.inviter_name,
            address_matches=found.address_matches,
        )


@mutations
@strawberry.type
class TeamMutations:
    @strawberry.mutation(
        description="Invite someone, by e-mail address, to join a team in a role: they become "
        "a member when they accept the mailed link, signed in with that address, within "
        "`PORTAL_STAFF_INVITATION_DAYS`. For the team's managers in person and admins. One "
        "pending invitation per address (`INVITATION_PENDING`); not for a member "
        "(`ALREADY_MEMBER`); a role the team does not offer is `ROLE_SCOPE_MISMATCH`. The "
        "answer is the same whether or not the address has an account."
    )
    async def invite_staff(self, info: Info, input: InviteStaffInput) -> StaffInvitationPayload:
        actor = info.context.require_actor()
        kind, pk = _owner(input.owner_id)
        try:
            row = await team.invite(
                actor,
                kind,
                pk,
                input.email,
                models.Role(input.role),
                valid_days=info.context.settings.staff_invitation_days,
            )
        except team.TeamError as exc:
            return StaffInvitationPayload(user_errors=_errors(exc))
        info.context.loaders = Loaders()
        return StaffInvitationPayload(invitation=StaffInvitation.of(row, team.now()))

    @strawberry.mutation(
        description="Withdraw a pending staff invitation: its link stops working "
        "(`INVITATION_NOT_PENDING` once accepted, revoked or expired)."
    )
    async def revoke_staff_invitation(
        self, info: Info, input: RevokeStaffInvitationInput
    ) -> StaffInvitationPayload:
        actor = info.context.require_actor()
        try:
            row = await team.revoke(actor, _pk(input.invitation_id, "StaffInvitation"))
        except team.TeamError as exc:
            return StaffInvitationPayload(user_errors=_errors(exc))
        return StaffInvitationPayload(invitation=StaffInvitation.of(row, team.now()))

    @strawberry.mutation(
        description="Give a member another of the team's roles; it holds from their next "
        "request. A team keeps at least one manager (`LAST_MANAGER`)."
    )
    async def change_member_role(
        self, info: Info, input: ChangeMemberRoleInput
    ) -> TeamMemberPayload:
        actor = info.context.require_actor()
        try:
            row = await team.change_role(
                actor, _pk(input.member_id, "TeamMember", "Membership"), models.Role(input.role)
            )
        except team.TeamError as exc:
            return TeamMemberPayload(user_errors=_errors(exc))
        info.context.loaders = Loaders()
        return TeamMemberPayload(member=TeamMember.of(row))

    @strawberry.mutation(
        description="End a member's role in the team, from their next request on; never the "
        "last manager's (`LAST_MANAGER`)."
    )
    async def remove_member(self, info: Info, input: RemoveMemberInput) -> RemoveMemberPayload:
        actor = info.context.require_actor()
        try:
            removed = await team.remove(actor, _pk(input.member_id, "TeamMember", "Membership"))
        except team.TeamError as exc:
            return RemoveMemberPayload(user_errors=_errors(exc))
        info.context.loaders = Loaders()
        return RemoveMemberPayload(removed_member_id=to_global_id("TeamMember", removed))

    @strawberry.mutation(
        description="Accept an invitation to join a team, signed in with the address it was "
        "sent to (`INVITATION_FOR_ANOTHER_ADDRESS` otherwise): once, before it expires "
        "(`INVITATION_EXPIRED`, `INVITATION_NOT_PENDING`)."
    )
    async def accept_staff_invitation(
        self, info: Info, input: AcceptStaffInvitationInput
    ) -> TeamMemberPayload:
        actor = info.context.require_actor()
        try:
            row = await team.accept(
                actor, invitation_id(info.context.auth.issuer, input.token, STAFF)
            )
        except team.TeamError as exc:
            return TeamMemberPayload(user_errors=_errors(exc))
        info.context.loaders = Loaders()
        return TeamMemberPayload(member=TeamMember.of(row))
