"""Links and groups as GraphQL serves them; each type mapped from rows a service returned.

A case named inside a group or a link resolves only when the reader may see it
(`portal.api.cases.access.visible`): a complainant sees their own case in the group, never the
others'."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.api.cases.access import visible
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, to_global_id
from portal.cases.models import DisputeCase as DisputeCaseRow
from portal.groups import models, services
from portal.groups.errors import GroupError

if TYPE_CHECKING:
    from portal.api.casefiles.types import Document
    from portal.api.cases.types import DisputeCase

CaseRef = Annotated["DisputeCase", strawberry.lazy("portal.api.cases.types")]
DocumentType = Annotated["Document", strawberry.lazy("portal.api.casefiles.types")]

described_enum(
    models.GroupConsent,
    name="GroupConsent",
    description="Where a complainant's consent to having their case run in a group stands "
    "(EU ADR Directive as amended: cases are bundled only with it).",
    values={
        models.GroupConsent.ASKED: "Asked by the provider; not yet answered.",
        models.GroupConsent.GIVEN: "Given: the case is a member of the group.",
        models.GroupConsent.REFUSED: "Refused: the case runs alone.",
        models.GroupConsent.WITHDRAWN: "Given, then withdrawn before the group's outcome: the "
        "case left the group.",
    },
)


async def _case(info: Info, pk: uuid.UUID) -> DisputeCase | None:
    from portal.api.cases.types import DisputeCase

    row = await visible(info, await info.context.loaders.case.load(pk))
    return DisputeCase.from_row(row) if row else None


@strawberry.type(description="A case's place in a group: its complainant's consent, with times.")
class GroupMembership(Node):
    consent: models.GroupConsent = strawberry.field(description="Where the consent stands.")
    asked_at: datetime = strawberry.field(description="When the provider asked.")
    answered_at: datetime | None = strawberry.field(
        description="When consent was given, refused or withdrawn; null while unanswered."
    )
    joined_at: datetime | None = strawberry.field(
        description="When the case took part in the group (its formation, or a consent given "
        "after it); null before."
    )
    row: strawberry.Private[models.GroupMember]

    @strawberry.field(description="The case; null when you may not see it.")
    async def case(self, info: Info) -> CaseRef | None:
        return await _case(info, self.row.case_id)

    @strawberry.field(
        description="The case's current documents you may share with its formed group now "
        "(`shareGroupDocument`), oldest first: for the provider's caseworkers, those in a "
        "scope that may be shared (never a caucus) and not shared yet; empty for anyone else."
    )
    async def shareable_documents(self, info: Info) -> list[DocumentType]:
        from portal.api.casefiles.types import Document

        rows = await services.shareable_documents(info.context.require_actor(), self.row)
        return [Document.from_row(d) for d in rows]

    @strawberry.field(description="The group.")
    async def group(self, info: Info) -> CaseGroup:
        row = await models.CaseGroup.get(id=self.row.group_id)
        return CaseGroup.from_row(row)

    @classmethod
    def of(cls, row: models.GroupMember) -> GroupMembership:
        return cls(
            id=strawberry.ID(to_global_id("GroupMembership", row.id)),
            consent=row.consent,
            asked_at=row.asked_at,
            answered_at=row.answered_at,
            joined_at=row.joined_at,
            row=row,
        )


@strawberry.type(
    description="Related cases of one organisation at one provider run together: a lead case, "
    "the cases whose complainants consented, shared documents and one outcome proposed to every "
    "member, which each complainant accepts or rejects on their own case."
)
class CaseGroup(Node):
    reference: str = strawberry.field(description="Readable and unique: `GRP-2026-000001`.")
    created_at: datetime = strawberry.field(description="When the complainants were asked.")
    formed_at: datetime | None = strawberry.field(
        description="When the provider formed it; null while consent is being asked."
    )
    outcome_proposed_at: datetime | None = strawberry.field(
        description="When its one outcome was proposed to every member; null before."
    )
    row: strawberry.Private[models.CaseGroup]

    @strawberry.field(description="How many cases are members now (their consent stands).")
    async def member_count(self) -> int:
        return await services.member_count(self.row.id)

    @strawberry.field(description="The lead case; null when you may not see it.")
    async def lead_case(self, info: Info) -> CaseRef | None:
        return await _case(info, self.row.lead_case_id)

    @strawberry.field(
        description="Every case asked into the group with its consent, in the order asked; "
        "only those you may see (a complainant: their own)."
    )
    async def memberships(self, info: Info) -> list[GroupMembership]:
        rows = await models.GroupMember.filter(group_id=self.row.id).order_by("asked_at", "id")
        shown = []
        for row in rows:
            if await visible(info, await info.context.loaders.case.load(row.case_id)):
                shown.append(GroupMembership.of(row))
        return shown

    @classmethod
    def from_row(cls, row: models.CaseGroup) -> CaseGroup:
        return cls(
            id=strawberry.ID(to_global_id("CaseGroup", row.id)),
            reference=row.reference,
            created_at=row.created_at,
            formed_at=row.formed_at,
            outcome_proposed_at=row.outcome_proposed_at,
            row=row,
        )


@strawberry.type(description="A link between two related cases, as seen from one of them.")
class CaseLink(Node):
    reason: str = strawberry.field(description="Why the cases are related, as written.")
    created_at: datetime = strawberry.field(description="When they were linked.")
    other_id: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The other case; null when you may not see it.")
    async def other_case(self, info: Info) -> CaseRef | None:
        return await _case(info, self.other_id)

    @classmethod
    def of(cls, row: models.CaseLink, other_id: uuid.UUID) -> CaseLink:
        return cls(
            id=strawberry.ID(to_global_id("CaseLink", row.id)),
            reason=row.reason,
            created_at=row.created_at,
            other_id=other_id,
        )


async def links_field(info: Info, case: DisputeCaseRow) -> list[CaseLink]:
    found = await services.links_of(info.context.require_actor(), case)
    return [CaseLink.of(link, other) for link, other in found]


async def membership_field(info: Info, case_id: uuid.UUID) -> GroupMembership | None:
    row = await services.membership_of(case_id)
    return GroupMembership.of(row) if row else None


@node_resolver("CaseGroup")
async def _group_node(info: Info, pk: uuid.UUID) -> CaseGroup | None:
    try:
        row = await services.group_for(info.context.require_actor(), pk)
    except GroupError:
        return None
    return CaseGroup.from_row(row)


@node_resolver("GroupMembership")
async def _membership_node(info: Info, pk: uuid.UUID) -> GroupMembership | None:
    """A membership, for whoever may see its case (as `CaseGroup.memberships` lists them)."""
    row = await models.GroupMember.get_or_none(id=pk)
    if row is None or not await visible(info, await info.context.loaders.case.load(row.case_id)):
        return None
    return GroupMembership.of(row)


@node_resolver("CaseLink")
async def _link_node(info: Info, pk: uuid.UUID) -> CaseLink | None:
    """A link, for whoever may see links on the first of its cases they may see."""
    link = await models.CaseLink.get_or_none(id=pk)
    if link is None:
        return None
    for this, other in ((link.case_id, link.other_id), (link.other_id, link.case_id)):
        case = await visible(info, await info.context.loaders.case.load(this))
        if case is None:
            continue
        found = await services.links_of(info.context.require_actor(), case)
        if any(row.id == link.id for row, _ in found):
            return CaseLink.of(link, other)
    return None
