"""Reading cases: the list (from the policy's filter of visible cases), one case, a timeline's
verification, and `node` for cases and offers."""

from __future__ import annotations

import uuid

import strawberry
from tortoise.expressions import Q, Subquery

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.access import visible
from portal.api.cases.records import Offer
from portal.api.cases.timeline import ReceiptCheck, TimelineReceiptInput, TimelineVerification
from portal.api.cases.types import DisputeCase
from portal.api.context import Info
from portal.api.errors import NotFound, PublicError
from portal.api.node import decode_id, node_resolver
from portal.api.pagination import After, Connection, First, connection, newest_cursor, newest_first
from portal.api.selection import selected
from portal.auth import policy
from portal.cases import models
from portal.cases.clocks import WINDOWS
from portal.cases.engine import now
from portal.cases.states import ClockKind, ClockStatus, Method, Stage
from portal.timeline.services import Receipt, check_receipt, verify

MAX_SEARCH = 100
_HEX = frozenset("0123456789abcdef")
_MAX_REFERENCE = 32

# The stage in which each clock's duty is still owed: a missed clock keeps its case overdue
# until the responsible party acts and the case moves on.
_OWED_IN: dict[ClockKind, Stage] = {
    ClockKind.ACCEPTANCE: Stage.REFERRED,
    ClockKind.RESPONSE: Stage.AWAITING_RESPONSE,
    ClockKind.OUTCOME: Stage.IN_RESOLUTION,
    ClockKind.REVIEW: Stage.UNDER_REVIEW,
    ClockKind.IMPLEMENTATION: Stage.IMPLEMENTATION,
}


class InvalidArgument(PublicError):
    code = "BAD_USER_INPUT"


@strawberry.input(description="Narrows `cases`; every field given must match.")
class CaseFilter:
    stage: Stage | None = None
    method: Method | None = None
    overdue: bool | None = strawberry.field(
        default=None,
        description="A duty's clock ran past its due date and the responsible party has not "
        "acted yet (windows that lapse, such as the objection window, are nobody's delay).",
    )
    search: str | None = strawberry.field(
        default=None,
        description=f"Part of the reference or the subject, any case; at most {MAX_SEARCH} "
        "characters.",
    )


def _overdue() -> Q:
    late = models.Clock.filter(status=ClockStatus.RUNNING, due_at__lt=now()).exclude(
        kind__in=list(WINDOWS)
    )
    conditions = [Q(id__in=Subquery(late.values("case_id")))]
    for kind, stage in _OWED_IN.items():
        missed = models.Clock.filter(kind=kind, status=ClockStatus.MISSED)
        conditions.append(Q(stage=stage, id__in=Subquery(missed.values("case_id"))))
    return Q(*conditions, join_type=Q.OR)


def _filtered(condition: Q, where: CaseFilter | None) -> Q:
    if where is None:
        return condition
    if where.stage is not None:
        condition &= Q(stage=where.stage)
    if where.method is not None:
        condition &= Q(method=where.method)
    if where.overdue is not None:
        condition &= _overdue() if where.overdue else ~_overdue()
    if where.search is not None and where.search.strip():
        if len(where.search) > MAX_SEARCH:
            raise InvalidArgument(f"`search` has at most {MAX_SEARCH} characters.")
        text = where.search.strip()
        condition &= Q(reference__icontains=text) | Q(subject__icontains=text)
    return condition


async def find_case(info: Info, id: str) -> models.DisputeCase:
    """A case by global ID or reference; NOT_FOUND for a foreign case as for a missing one."""
    loaders = info.context.loaders
    pk = decode_id(id, "DisputeCase")
    if pk is not None:
        row = await loaders.case.load(pk)
    elif len(id) <= _MAX_REFERENCE:
        row = await loaders.case_by_reference.load(id)
    else:
        row = None
    found = await visible(info, row)
    if found is None:
        raise NotFound()
    return found


@strawberry.type
class CaseQueries:
    @strawberry.field(description="The cases you may see, newest first (at most 100 per page).")
    async def cases(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: CaseFilter | None = None,
    ) -> Connection[DisputeCase]:
        actor = info.context.require_actor()
        seen = await policy.visible_cases_filter(actor)
        query = models.DisputeCase.filter(_filtered(seen, filter))
        rows, more = await newest_first(query, first, after)
        nodes = await DisputeCase.page(info, rows, selected(info, "edges", "node"))
        edge_cursors = "cursor" in selected(info, "edges")
        return connection(rows, more, after, newest_cursor, nodes, edge_cursors=edge_cursors)

    @strawberry.field(
        description="One case, by global ID or reference. A case you may not see is reported "
        "exactly like one that does not exist (NOT_FOUND)."
    )
    async def case(self, info: Info, id: strawberry.ID) -> DisputeCase:
        info.context.require_actor()
        return DisputeCase.from_row(await find_case(info, id))

    @strawberry.field(
        description="Recompute a case's hash chain; with a receipt, also prove the chain still "
        "holds the head it showed then."
    )
    async def verify_timeline(
        self, info: Info, case_id: strawberry.ID, receipt: TimelineReceiptInput | None = None
    ) -> TimelineVerification:
        info.context.require_actor()
        if receipt is not None and receipt.sequence < 1:
            raise InvalidArgument("A receipt's sequence starts at 1.")
        case = await find_case(info, case_id)
        kept = Receipt(receipt.sequence, receipt.hash) if receipt else None
        return TimelineVerification.of(await verify(case, kept))

    @strawberry.field(
        description="Check a kept receipt (`timelineHead`: a sequence and its hash) against the "
        "live chain, for anyone who may see the case. A case you may not see is reported "
        "exactly like one that does not exist (NOT_FOUND); a sequence under 1 or a hash that "
        "is not 64 hexadecimal digits is refused with BAD_USER_INPUT."
    )
    async def verify_receipt(
        self, info: Info, case_id: strawberry.ID, sequence: int, head_hash: str
    ) -> ReceiptCheck:
        info.context.require_actor()
        if sequence < 1:
            raise InvalidArgument("A receipt's sequence starts at 1.")
        kept = head_hash.strip().lower()
        if len(kept) != 64 or not set(kept) <= _HEX:
            raise InvalidArgument("A receipt's hash is 64 hexadecimal digits (SHA-256).")
        case = await find_case(info, case_id)
        return ReceiptCheck.of(sequence, await check_receipt(case, Receipt(sequence, kept)))


@node_resolver("DisputeCase")
async def _case_node(info: Info, pk: uuid.UUID) -> DisputeCase | None:
    row = await visible(info, await info.context.loaders.case.load(pk))
    return DisputeCase.from_row(row) if row else None


@node_resolver("Offer")
async def _offer_node(info: Info, pk: uuid.UUID) -> Offer | None:
    offer = await info.context.loaders.offer.load(pk)
    if offer is None:
        return None
    case = await visible(info, await info.context.loaders.case.load(offer.case_id))
    return Offer.from_row(offer, now()) if case else None
