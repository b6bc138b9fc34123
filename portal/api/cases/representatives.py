"""Naming a representative by invitation, over GraphQL: the complainant invites, revokes and
removes; the invitee opens the mailed link and accepts. Each resolver authenticates, calls one
service of portal.cases.representatives, and maps its refusals to userErrors."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry

from portal.api.cases.types import DisputeCase
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.errors import PublicError, UserError, user_error
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import Node, decode_id, node_resolver, to_global_id
from portal.auth import policy
from portal.cases import models, representatives
from portal.cases.engine import now
from portal.cases.errors import CaseError, CaseNotFound
from portal.cases.states import InvitationStatus
from portal.notifications.invitations import invitation_id

described_enum(
    InvitationStatus,
    name="RepresentativeInvitationStatus",
    description="Where an invitation to act for the complainant stands.",
    values={
        InvitationStatus.PENDING: "Sent; not yet accepted, revoked or expired.",
        InvitationStatus.ACCEPTED: "Accepted: the invitee is a representative on the case.",
        InvitationStatus.REVOKED: "Revoked by the complainant before it was accepted.",
        InvitationStatus.EXPIRED: "Still pending when its expiry passed; its link no longer works.",
    },
)


@strawberry.type(
    description="An invitation to act for the complainant, as the complainant sees it: the "
    "address they typed and where it stands; nothing of any account behind the address."
)
class RepresentativeInvitation(Node):
    email: str = strawberry.field(description="The address the complainant typed.")
    status: InvitationStatus = strawberry.field(description="Where the invitation stands.")
    invited_at: datetime = strawberry.field(description="When it was sent.")
    expires_at: datetime = strawberry.field(
        description="When its link stops working unless accepted."
    )
    decided_at: datetime | None = strawberry.field(description="When accepted or revoked.")

    @classmethod
    def of(cls, row: models.RepresentativeInvitation, at: datetime) -> RepresentativeInvitation:
        return cls(
            id=strawberry.ID(to_global_id("RepresentativeInvitation", row.id)),
            email=row.email,
            status=row.status_at(at),
            invited_at=row.created_at,
            expires_at=row.expires_at,
            decided_at=row.decided_at,
        )


@strawberry.type(
    description="What an invitation link is about, for the invitee's page before accepting."
)
class RepresentativeInvitationView:
    status: InvitationStatus = strawberry.field(
        description="Where the invitation stands; only a PENDING one can be accepted."
    )
    expires_at: datetime = strawberry.field(description="When its link stops working.")
    case_reference: str = strawberry.field(
        description="The reference of the case (`DR-2026-000123`)."
    )
    case_subject: str = strawberry.field(description="What the case is about.")
    organisation_name: str = strawberry.field(description="The organisation the case is against.")
    inviter_name: str = strawberry.field(description="The complainant who invites.")
    address_matches: bool = strawberry.field(
        description="Whether you are signed in with the address the invitation was sent to; "
        "only then can you accept."
    )


@strawberry.input(
    description="The complainant inviting someone by mail to act for them on one case."
)
class InviteRepresentativeInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of the case.")
    email: str = strawberry.field(description="The address of the person invited.")


@strawberry.input(description="Revoking a pending invitation: its link stops working.")
class RevokeRepresentativeInvitationInput:
    invitation_id: strawberry.ID = strawberry.field(description="A pending invitation's ID.")


@strawberry.input(description="The complainant ending their representative's part in the case.")
class RemoveRepresentativeInput:
    case_id: strawberry.ID = strawberry.field(description="Global ID of the case.")


@strawberry.input(
    description="Accepting an invitation to represent, signed in with the address it was sent to."
)
class AcceptRepresentativeInvitationInput:
    token: str = strawberry.field(description="The token of the mailed link (after `#token=`).")


@strawberry.type(description="The invitation, or why it was refused.")
class RepresentativeInvitationPayload:
    invitation: RepresentativeInvitation | None = strawberry.field(
        default=None, description="The invitation as it now stands; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(
    description="The case after a representative joined or left it, or why that was refused."
)
class RepresentativePayload:
    case: DisputeCase | None = strawberry.field(
        default=None, description="The case as it now stands; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


class InvitationRefused(PublicError):
    def __init__(self, error: CaseError) -> None:
        super().__init__(error.message, code=error.code)


def _case_pk(global_id: str) -> uuid.UUID:
    pk = decode_id(global_id, "DisputeCase")
    if pk is None:
        raise CaseNotFound()
    return pk


def _errors(exc: CaseError, default_field: str) -> list[UserError]:
    field = exc.field or (default_field if exc.code == "NOT_FOUND" else None)
    return [user_error(exc.code, exc.message, field)]


async def invitations_field(info: Info, case: models.DisputeCase) -> list[RepresentativeInvitation]:
    actor = info.context.require_actor()
    at = now()
    rows = await representatives.invitations_for(actor, case)
    return [RepresentativeInvitation.of(row, at) for row in rows]


@node_resolver("RepresentativeInvitation")
async def _invitation_node(info: Info, pk: uuid.UUID) -> RepresentativeInvitation | None:
    """An invitation, for the complainant of its case (nobody else sees them)."""
    actor = info.context.require_actor()
    row = await models.RepresentativeInvitation.get_or_none(id=pk)
    case = await info.context.loaders.case.load(row.case_id) if row else None
    if row is None or case is None or not policy.names_representatives(actor, case.complainant_id):
        return None
    return RepresentativeInvitation.of(row, now())


@strawberry.type
class RepresentativeQueries:
    @strawberry.field(
        description="What a representative invitation's link is about, for the signed-in "
        "invitee. A link that is tampered with, of another kind, or for no invitation is "
        "refused with `INVITATION_INVALID`."
    )
    async def representative_invitation(
        self,
        info: Info,
        token: Annotated[
            str,
            strawberry.argument(
                description="The token of the mailed invitation link (after `#token=`)."
            ),
        ],
    ) -> RepresentativeInvitationView:
        actor = info.context.require_actor()
        try:
            found = await representatives.view(
                actor, invitation_id(info.context.auth.issuer, token), now()
            )
        except CaseError as exc:
            raise InvitationRefused(exc) from exc
        return RepresentativeInvitationView(
            status=found.status,
            expires_at=found.invitation.expires_at,
            case_reference=found.case_reference,
            case_subject=found.case_subject,
            organisation_name=found.organisation_name,
            inviter_name=found.inviter_name,
            address_matches=found.address_matches,
        )


@mutations
@strawberry.type
class RepresentativeMutations:
    @strawberry.mutation(
        description="Invite someone, by e-mail address, to act for you on your case: they "
        "become your representative when they accept the mailed link, signed in with that "
        "address, before the invitation expires. Only the complainant in person. One pending "
        "invitation at a time (`INVITATION_PENDING`), and none while someone represents you "
        "(`REPRESENTATIVE_ALREADY_NAMED`); at most 5 invitations per case in any 24 hours "
        "(`INVITATION_LIMIT`). The answer is the same whether or not the address has an "
        "account."
    )
    async def invite_representative(
        self, info: Info, input: InviteRepresentativeInput
    ) -> RepresentativeInvitationPayload:
        actor = info.context.require_actor()
        try:
            row = await representatives.invite(
                actor,
                _case_pk(input.case_id),
                input.email,
                valid_days=info.context.settings.representative_invitation_days,
            )
        except CaseError as exc:
            return RepresentativeInvitationPayload(user_errors=_errors(exc, "case_id"))
        info.context.loaders = Loaders()
        return RepresentativeInvitationPayload(invitation=RepresentativeInvitation.of(row, now()))

    @strawberry.mutation(
        description="Withdraw your pending invitation: its link stops working "
        "(`INVITATION_NOT_PENDING` once accepted, revoked or expired)."
    )
    async def revoke_representative_invitation(
        self, info: Info, input: RevokeRepresentativeInvitationInput
    ) -> RepresentativeInvitationPayload:
        actor = info.context.require_actor()
        pk = decode_id(input.invitation_id, "RepresentativeInvitation") or uuid.UUID(int=0)
        try:
            row = await representatives.revoke(actor, pk)
        except CaseError as exc:
            return RepresentativeInvitationPayload(user_errors=_errors(exc, "invitation_id"))
        info.context.loaders = Loaders()
        return RepresentativeInvitationPayload(invitation=RepresentativeInvitation.of(row, now()))

    @strawberry.mutation(
        description="End your representative's role on your case; only the complainant in "
        "person (`NO_REPRESENTATIVE` when nobody acts for you)."
    )
    async def remove_representative(
        self, info: Info, input: RemoveRepresentativeInput
    ) -> RepresentativePayload:
        actor = info.context.require_actor()
        try:
            case = await representatives.remove(actor, _case_pk(input.case_id))
        except CaseError as exc:
            return RepresentativePayload(user_errors=_errors(exc, "case_id"))
        info.context.loaders = Loaders()
        return RepresentativePayload(case=DisputeCase.from_row(case))

    @strawberry.mutation(
        description="Accept an invitation to act for a complainant, signed in with the address "
        "it was sent to (`INVITATION_FOR_ANOTHER_ADDRESS` otherwise): once, before it expires "
        "(`INVITATION_EXPIRED`, `INVITATION_NOT_PENDING`). Someone who works for the "
        "organisation or the provider of the case cannot (`REPRESENTATIVE_NOT_ALLOWED`)."
    )
    async def accept_representative_invitation(
        self, info: Info, input: AcceptRepresentativeInvitationInput
    ) -> RepresentativePayload:
        actor = info.context.require_actor()
        try:
            case = await representatives.accept(
                actor, invitation_id(info.context.auth.issuer, input.token)
            )
        except CaseError as exc:
            return RepresentativePayload(user_errors=_errors(exc, "token"))
        info.context.loaders = Loaders()
        return RepresentativePayload(case=DisputeCase.from_row(case))
