"""Reading complaints: the list (from the policy's filter of visible complaints) and one."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.api.complaints.chain import ComplaintVerification
from portal.api.complaints.types import Complaint, visible_complaint
from portal.api.context import Info
from portal.api.errors import NotFound
from portal.api.node import decode_id
from portal.api.ordering import (
    OrderDirection,
    RecordOrderField,
    UpdatedSince,
    keyset_for,
    since,
)
from portal.api.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    connection,
    keyset_page,
    window,
)
from portal.auth import policy
from portal.cases.engine import now
from portal.complaints.chain import verify_complaint
from portal.complaints.clocks import overdue_complaints
from portal.complaints.models import Complaint as ComplaintRow
from portal.complaints.models import ComplaintStatus


@strawberry.input(description="The order of `complaints`; newest first when left out.")
class ComplaintOrder:
    field: RecordOrderField = strawberry.field(
        default=RecordOrderField.CREATED_AT, description="What they are ordered by."
    )
    direction: OrderDirection = strawberry.field(
        default=OrderDirection.DESC, description="Which way; DESC when left out."
    )


@strawberry.type
class ComplaintQueries:
    @strawberry.field(description="The complaints you may see, newest first (at most 100).")
    async def complaints(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        status: Annotated[
            ComplaintStatus | None,
            strawberry.argument(description="Only those with this status."),
        ] = None,
        overdue: Annotated[
            bool | None,
            strawberry.argument(
                description="true: only those with a late clock (`Complaint.overdue`); "
                "false: only those without."
            ),
        ] = None,
        updated_since: UpdatedSince = None,
        order_by: Annotated[
            ComplaintOrder | None,
            strawberry.argument(
                description="The order; `{field: CREATED_AT, direction: DESC}` (newest first) "
                "when left out. Each order has its own cursors."
            ),
        ] = None,
    ) -> Connection[Complaint]:
        actor = info.context.require_actor()
        asked = window(first, after, last, before)
        query = ComplaintRow.filter(policy.visible_complaints_filter(actor))
        if updated_since is not None:
            query = query.filter(updated_at__gte=since(updated_since))
        if status is not None:
            query = query.filter(status=status)
        if overdue is not None:
            late = overdue_complaints(now())
            query = query.filter(late if overdue else ~late)
        order = order_by or ComplaintOrder()
        page = await keyset_page(query, keyset_for(order.field.value, order.direction), asked)
        return connection(page, Complaint.from_row)

    @strawberry.field(
        description="One complaint by global ID; null when it does not exist or you may not "
        "see it (the two are answered alike, with no error)."
    )
    async def complaint(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The complaint's global ID.")],
    ) -> Complaint | None:
        info.context.require_actor()
        pk = decode_id(id, "Complaint")
        return await visible_complaint(info, pk) if pk else None

    @strawberry.field(
        description="Recompute a complaint's hash chain (issue 19) and name the first step that "
        "no longer holds, for whoever may see the complaint. A complaint you may not see is "
        "reported exactly like one that does not exist (NOT_FOUND)."
    )
    async def verify_complaint(
        self,
        info: Info,
        complaint_id: Annotated[
            strawberry.ID, strawberry.argument(description="The complaint's global ID.")
        ],
    ) -> ComplaintVerification:
        actor = info.context.require_actor()
        pk = decode_id(complaint_id, "Complaint")
        row = await ComplaintRow.get_or_none(id=pk) if pk else None
        if row is None or not policy.may_view_complaint(actor, row):
            raise NotFound()
        result = await verify_complaint(row)
        return ComplaintVerification.of(result, anchored=row.anchored_at is not None)
