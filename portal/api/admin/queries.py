"""The admin audit log: who changed the installation's set-up, when, and from what to what."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.scalars import JSON

from portal.admin.models import AdminAuditEntry as AuditRow
from portal.api.accounts.types import ViewerKind
from portal.api.context import Info
from portal.api.errors import PublicError
from portal.api.node import Node, node_resolver, referenced, to_global_id
from portal.api.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    connection,
    newest_page,
    window,
)
from portal.auth import policy
from portal.ids import parse_global_id

# The log's subject types as the API names them (links are OrganisationProviderLink, a
# membership is a TeamMember).
SUBJECT_TYPES = {"Link": "OrganisationProviderLink", "Membership": "TeamMember"}
LOG_TYPES = {v: k for k, v in SUBJECT_TYPES.items()}


class AuditForbidden(PublicError):
    code = "FORBIDDEN"


@strawberry.type(
    description="One audited change: an installation admin's, or a change to a team's roles by "
    "its manager; who, when, what, and the object as it stood before and after (null before a "
    "creation, after a removal). Append-only."
)
class AdminAuditEntry(Node):
    at: datetime = strawberry.field(description="When the change was made.")
    actor_kind: ViewerKind = strawberry.field(description="Whether a person or a client acted.")
    actor_id: strawberry.ID = strawberry.field(
        description="Global ID of the admin's account.",
        deprecation_reason="Use `actor { id }`: the User or ServiceAccount itself.",
    )
    actor_email: str = strawberry.field(description="The admin's address when they acted.")
    action: str = strawberry.field(
        description="What was done: `organisation.create`, `provider.retire`, `scheme.update`, "
        "`scheme.new_version`, `link.create`, `team.invite`, `team.change_role`, "
        "`commitment.update`, ... "
        "(docs/administration.md)."
    )
    subject_type: str = strawberry.field(
        description="`Organisation`, `Provider`, `Scheme`, `OrganisationProviderLink`, "
        "`StaffInvitation`, `TeamMember` or `Commitment`."
    )
    subject_id: strawberry.ID = strawberry.field(
        description="Global ID of what was changed.",
        deprecation_reason="Use `subject { id }`: the object itself, null when it is gone or "
        "you may not see it.",
    )
    before: JSON | None = strawberry.field(
        description="The changed object's fields before the change, as stored; null for a creation."
    )
    after: JSON | None = strawberry.field(
        description="Its fields after the change; null for a deletion."
    )
    row: strawberry.Private[AuditRow]

    @strawberry.field(
        description="The User or ServiceAccount who made the change, when you may see them."
    )
    async def actor(self, info: Info) -> Node | None:
        kind = "ServiceAccount" if self.row.actor_kind == "service_account" else "User"
        return await referenced(info, kind, self.row.actor_id)

    @strawberry.field(
        description="What was changed, as it is now; null once removed or when you may not see it."
    )
    async def subject(self, info: Info) -> Node | None:
        subject_type = SUBJECT_TYPES.get(self.row.subject_type, self.row.subject_type)
        return await referenced(info, subject_type, self.row.subject_id)

    @classmethod
    def from_row(cls, row: AuditRow) -> AdminAuditEntry:
        subject_type = SUBJECT_TYPES.get(row.subject_type, row.subject_type)
        kind = "ServiceAccount" if row.actor_kind == "service_account" else "User"
        return cls(
            id=to_global_id("AdminAuditEntry", row.id),
            row=row,
            at=row.created_at,
            actor_kind=ViewerKind(row.actor_kind),
            actor_id=to_global_id(kind, row.actor_id),
            actor_email=row.actor_label,
            action=row.action,
            subject_type=subject_type,
            subject_id=to_global_id(subject_type, row.subject_id),
            before=_json(row.before),
            after=_json(row.after),
        )


def _json(value: dict[str, Any] | None) -> Any:
    return value


@strawberry.type
class AdminQueries:
    @strawberry.field(
        description="The admin audit log, newest first: every change to organisations, "
        "providers, schemes and their links. For admins and auditors."
    )
    async def admin_audit_log(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        subject: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only the changes to this object (its global ID)."),
        ] = None,
    ) -> Connection[AdminAuditEntry]:
        actor = info.context.require_actor()
        if not policy.may_read_admin_audit(actor):
            raise AuditForbidden("The admin audit log is for admins and auditors.")
        query = AuditRow.all()
        if subject is not None:
            parsed = parse_global_id(subject)
            if parsed is None:
                query = query.filter(subject_id=uuid.UUID(int=0))
            else:
                type_name, pk = parsed
                subject_type = LOG_TYPES.get(type_name, type_name)
                query = query.filter(subject_type=subject_type, subject_id=pk)
        page = await newest_page(query, window(first, after, last, before))
        return connection(page, AdminAuditEntry.from_row)


@node_resolver("AdminAuditEntry")
async def _entry_node(info: Info, pk: uuid.UUID) -> AdminAuditEntry | None:
    if not policy.may_read_admin_audit(info.context.require_actor()):
        return None
    row = await AuditRow.get_or_none(id=pk)
    return AdminAuditEntry.from_row(row) if row else None
