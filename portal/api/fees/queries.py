"""Reading fees: a case's invoices, and a scheme's published fee schedule."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.api.context import Info
from portal.api.fees.types import CaseFees, FeeInvoice, SchemeFeeSchedule
from portal.api.node import decode_id
from portal.cases.errors import CaseError
from portal.fees import services
from portal.fees.schedule import schedule_of


@strawberry.type
class FeeQueries:
    @strawberry.field(
        description="A case's fee invoices (issue 20), for its parties, its provider, auditors "
        "and admins; null for a case you may not see or whose fees are not yours to read (a "
        "neutral's), exactly as for a missing one."
    )
    async def case_fees(
        self,
        info: Info,
        case_id: Annotated[strawberry.ID, strawberry.argument(description="The case's global ID.")],
    ) -> CaseFees | None:
        actor = info.context.require_actor()
        pk = decode_id(case_id, "DisputeCase")
        if pk is None:
            return None
        try:
            access, rows = await services.case_invoices(actor, pk)
        except CaseError:
            return None
        return CaseFees(invoices=[FeeInvoice.from_row(r, access) for r in rows])

    @strawberry.field(
        description="A scheme's fee schedule, published like its rules (EU ADR Art. 7): no "
        "sign-in. Null for a scheme without one, or no such scheme."
    )
    async def scheme_fee_schedule(
        self,
        info: Info,
        scheme_id: Annotated[
            strawberry.ID, strawberry.argument(description="The scheme's global ID.")
        ],
    ) -> SchemeFeeSchedule | None:
        pk = decode_id(scheme_id, "Scheme")
        found = await schedule_of(pk) if pk is not None else None
        return SchemeFeeSchedule.of(*found) if found else None
