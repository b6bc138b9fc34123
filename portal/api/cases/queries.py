"""Reading cases: the list (from the policy's filter of visible cases), one case, a timeline's
verification, and `node` for cases and offers."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import strawberry
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.access import record_read, visible
from portal.api.cases.feed import page_of_events
from portal.api.cases.records import Consent, NeutralAppointment, Objection, Offer, Outcome
from portal.api.cases.timeline import (
    ReceiptCheck,
    TimelineEvent,
    TimelineReceiptInput,
    TimelineVerification,
)
from portal.api.cases.types import DisputeCase
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.errors import NotFound, PublicError
from portal.api.node import decode_id, node_resolver, reference_resolver
from portal.api.ordering import OrderDirection, UpdatedSince, keyset_for, since
from portal.api.pagination import (
    After,
    Before,
    Connection,
    First,
    InvalidCursor,
    Keyset,
    Last,
    Page,
    Window,
    connection,
    decode_cursor,
    encode_cursor,
    keyset_page,
    newest_page,
    window,
)
from portal.api.selection import selected
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases import models
from portal.cases.duties import overdue_cases, owed_clocks
from portal.cases.engine import now
from portal.cases.states import Method, Stage
from portal.timeline.services import Receipt, check_receipt, name_break, verify

MAX_SEARCH = 100
_HEX = frozenset("0123456789abcdef")


class InvalidArgument(PublicError):
    code = "BAD_USER_INPUT"


@strawberry.input(description="Narrows `cases`; every field given must match.")
class CaseFilter:
    stage: Stage | None = strawberry.field(
        default=None, description="Only the cases at this stage."
    )
    method: Method | None = strawberry.field(
        default=None, description="Only the cases under this method (mediation, arbitration ...)."
    )
    overdue: bool | None = strawberry.field(
        default=None,
        description="A duty's clock ran past its due date and the responsible party has not "
        "acted yet: exactly the cases whose `overdue` is true (windows for a right, such as the "
        "objection window, are nobody's delay).",
    )
    search: str | None = strawberry.field(
        default=None,
        description=f"Part of the reference or the subject, any case; at most {MAX_SEARCH} "
        "characters.",
    )


class CaseOrderField(StrEnum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    NEXT_DUE = "next_due"


described_enum(
    CaseOrderField,
    description="What `cases` are ordered by.",
    values={
        CaseOrderField.CREATED_AT: "When the case was referred.",
        CaseOrderField.UPDATED_AT: "When an event was last recorded on it (`updatedAt`).",
        CaseOrderField.NEXT_DUE: "Ascending only: the cases that wait on a duty first, the "
        "soonest due first (so the overdue ones lead), each by its `nextDue`; then those that "
        "wait on none, newest first.",
    },
)


@strawberry.input(description="The order of `cases`; newest first when left out.")
class CaseOrder:
    field: CaseOrderField = strawberry.field(
        default=CaseOrderField.CREATED_AT, description="What the cases are ordered by."
    )
    direction: OrderDirection | None = strawberry.field(
        default=None,
        description="Which way; when left out, DESC for CREATED_AT and UPDATED_AT, ASC for "
        "NEXT_DUE (its only way).",
    )


CASE_ORDER_DESCRIPTION = (
    "The order; `{field: CREATED_AT, direction: DESC}` (newest first) when left out or null. "
    "Each order has its own cursors: a cursor of another order is INVALID_CURSOR."
)


async def _due_first(
    query: QuerySet[models.DisputeCase], asked: Window
) -> tuple[list[models.DisputeCase], bool, Callable[[Any], str]]:
    """One page of ``query`` in DUE order; the cursor names its part ("due" or "new")."""
    if asked.backward:
        raise InvalidArgument("`orderBy: {field: NEXT_DUE}` pages forward only (`first`).")
    size, after = asked.size, asked.after
    part, key_at, key_id = _due_key(after) if after is not None else ("due", None, "")
    dues: dict[uuid.UUID, datetime] = {}
    owed = owed_clocks().filter(case_id__in=Subquery(query.values("id")))
    for case_id, due_at in await owed.values_list("case_id", "due_at"):
        if case_id not in dues or due_at < dues[case_id]:
            dues[case_id] = due_at
    keys = sorted((at, str(pk)) for pk, at in dues.items())
    if part == "due" and key_at is not None:
        keys = [k for k in keys if k > (key_at, key_id)]
    elif part == "new":
        keys = []
    chosen = keys[: size + 1]
    by_id = {row.id: row for row in await query.filter(id__in=[k[1] for k in chosen])}
    rows = [by_id[uuid.UUID(k[1])] for k in chosen if uuid.UUID(k[1]) in by_id]
    more = len(rows) > size
    if not more:
        rest = query.exclude(id__in=Subquery(owed_clocks().values("case_id")))
        newer = encode_cursor(key_at.isoformat(), key_id) if part == "new" and key_at else None
        tail = await newest_page(rest, Window(size - len(rows), False, newer))
        rows += tail.rows
        more = bool(tail.next)
    rows = rows[:size]

    def cursor(row: Any) -> str:
        if row.id in dues:
            return encode_cursor("due", dues[row.id].isoformat(), str(row.id))
        return encode_cursor("new", row.created_at.isoformat(), str(row.id))

    return rows, more, cursor


def _due_key(cursor: str) -> tuple[str, datetime, str]:
    key = decode_cursor(cursor)
    try:
        part, at, pk = key
        decoded = part, datetime.fromisoformat(at), str(uuid.UUID(pk))
    except (TypeError, ValueError) as exc:
        raise InvalidCursor() from exc
    if part not in ("due", "new") or decoded[1].tzinfo is None:
        raise InvalidCursor()
    return decoded


def _filtered(condition: Q, where: CaseFilter | None) -> Q:
    if where is None:
        return condition
    if where.stage is not None:
        condition &= Q(stage=where.stage)
    if where.method is not None:
        condition &= Q(method=where.method)
    if where.overdue is not None:
        late = overdue_cases(now())
        condition &= late if where.overdue else ~late
    if where.search is not None and where.search.strip():
        if len(where.search) > MAX_SEARCH:
            raise InvalidArgument(f"`search` has at most {MAX_SEARCH} characters.")
        text = where.search.strip()
        condition &= Q(reference__icontains=text) | Q(subject__icontains=text)
    return condition


async def cases_query(
    actor: Actor, where: CaseFilter | None, updated_since: datetime | None = None
) -> QuerySet[models.DisputeCase]:
    """The cases `cases` lists for ``actor``: the policy's filter of visible cases, narrowed
    by ``where`` (and `updatedSince`). The resolver and the compiled `Cases` operation
    (portal.api.compiled) both start here."""
    condition = _filtered(await policy.visible_cases_filter(actor), where)
    if updated_since is not None:
        condition &= Q(updated_at__gte=since(updated_since))
    return models.DisputeCase.filter(condition)


def case_keyset(order_by: CaseOrder | None) -> Keyset | None:
    """The keyset order `orderBy` asks for; None for NEXT_DUE (paged by `_due_first`)."""
    field = order_by.field if order_by is not None else CaseOrderField.CREATED_AT
    if field is CaseOrderField.NEXT_DUE:
        if order_by is not None and order_by.direction is OrderDirection.DESC:
            raise InvalidArgument("`orderBy: {field: NEXT_DUE}` is ascending only.")
        return None
    direction = (order_by.direction if order_by else None) or OrderDirection.DESC
    return keyset_for(field.value, direction)


async def find_case(info: Info, id: str) -> models.DisputeCase:
    """A case by global ID or reference; NOT_FOUND for a foreign case as for a missing one."""
    loaders = info.context.loaders
    pk = decode_id(id, "DisputeCase")
    if pk is not None:
        row = await loaders.case.load(pk)
    elif len(id) <= models.REFERENCE_LENGTH:
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
        last: Last = None,
        before: Before = None,
        filter: Annotated[
            CaseFilter | None,
            strawberry.argument(description="Narrow the list; every case you may see if left out."),
        ] = None,
        order_by: Annotated[
            CaseOrder | None, strawberry.argument(description=CASE_ORDER_DESCRIPTION)
        ] = None,
        updated_since: UpdatedSince = None,
    ) -> Connection[DisputeCase]:
        actor = info.context.require_actor()
        asked = window(first, after, last, before)
        query = await cases_query(actor, filter, updated_since)
        keyset = case_keyset(order_by)
        if keyset is None:
            rows, more, cursor = await _due_first(query, asked)
            page: Page[Any] = Page(rows, asked, cursor, next=more, previous=after is not None)
        else:
            page = await keyset_page(query, keyset, asked)
        nodes = await DisputeCase.page(info, page.rows, selected(info, "edges", "node"))
        edge_cursors = "cursor" in selected(info, "edges")
        return connection(page, nodes, edge_cursors=edge_cursors)

    @strawberry.field(
        description="The installation-wide event feed: the events of every case you may see, "
        "in the scopes you may read on each, in the order they committed (oldest first). "
        "Keep the last `endCursor` and ask again with it as `after` to catch up with no gap "
        "and no duplicate, however long you were away; an empty page still moves `endCursor` "
        "past events you may not read. To follow it live, subscribe to `events`."
    )
    async def events(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[TimelineEvent]:
        actor = info.context.require_actor()
        return await page_of_events(info.context, actor, window(first, after))

    @strawberry.field(
        description="One case, by global ID or reference; null when it does not exist or you "
        "may not see it (the two are answered alike, with no error)."
    )
    async def case(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The case's global ID, or its reference."),
        ],
    ) -> DisputeCase | None:
        info.context.require_actor()
        try:
            row = await find_case(info, id)
        except NotFound:
            return None
        await record_read(info, row)
        return DisputeCase.from_row(row)

    @strawberry.field(
        description="Recompute a case's hash chain; with a receipt, also prove the chain still "
        "holds the head it showed then."
    )
    async def verify_timeline(
        self,
        info: Info,
        case_id: Annotated[
            strawberry.ID, strawberry.argument(description="Global ID of the case.")
        ],
        receipt: Annotated[
            TimelineReceiptInput | None,
            strawberry.argument(
                description="A receipt kept earlier (`timelineHead`); only the chain is recomputed "
                "when left out."
            ),
        ] = None,
    ) -> TimelineVerification:
        info.context.require_actor()
        if receipt is not None and receipt.sequence < 1:
            raise InvalidArgument("A receipt's sequence starts at 1.")
        case = await find_case(info, case_id)
        kept = Receipt(receipt.sequence, receipt.hash) if receipt else None
        result = await verify(case, kept)
        broken = result.first_broken_sequence
        named = await name_break(case, broken) if broken is not None else None
        return TimelineVerification.of(result, named)

    @strawberry.field(
        description="Check a kept receipt (`timelineHead`: a sequence and its hash) against the "
        "live chain, for anyone who may see the case. A case you may not see is reported "
        "exactly like one that does not exist (NOT_FOUND); a sequence under 1 or a hash that "
        "is not 64 hexadecimal digits is refused with BAD_USER_INPUT."
    )
    async def verify_receipt(
        self,
        info: Info,
        case_id: Annotated[
            strawberry.ID, strawberry.argument(description="Global ID of the case.")
        ],
        sequence: Annotated[
            int, strawberry.argument(description="The receipt's sequence, 1 or more.")
        ],
        head_hash: Annotated[
            str,
            strawberry.argument(
                description="The receipt's hash: 64 hexadecimal digits (SHA-256), any case."
            ),
        ],
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
    if row is None:
        return None
    await record_read(info, row)
    return DisputeCase.from_row(row)


@reference_resolver("DisputeCase")
async def _case_reference(info: Info, pk: uuid.UUID) -> DisputeCase | None:
    row = await visible(info, await info.context.loaders.case.load(pk))
    return DisputeCase.from_row(row) if row else None


@node_resolver("Offer")
async def _offer_node(info: Info, pk: uuid.UUID) -> Offer | None:
    offer = await info.context.loaders.offer.load(pk)
    if offer is None:
        return None
    case = await visible(info, await info.context.loaders.case.load(offer.case_id))
    return Offer.from_row(offer, now()) if case else None


@node_resolver("Outcome")
async def _outcome_node(info: Info, pk: uuid.UUID) -> Outcome | None:
    row = await models.Outcome.get_or_none(id=pk)
    if row is None:
        return None
    case = await visible(info, await info.context.loaders.case.load(row.case_id))
    return Outcome.from_row(row, case.language) if case else None


async def _on_visible_case(info: Info, row: Any) -> bool:
    """Whether the actor sees the case ``row`` (a consent, an appointment, an objection) is on:
    everyone on the case sees every one of them."""
    if row is None:
        return False
    return await visible(info, await info.context.loaders.case.load(row.case_id)) is not None


@node_resolver("Consent")
async def _consent_node(info: Info, pk: uuid.UUID) -> Consent | None:
    row = await models.Consent.get_or_none(id=pk)
    return Consent.from_row(row) if row and await _on_visible_case(info, row) else None


@node_resolver("NeutralAppointment")
async def _appointment_node(info: Info, pk: uuid.UUID) -> NeutralAppointment | None:
    row = await models.NeutralAppointment.get_or_none(id=pk)
    return NeutralAppointment.from_row(row) if row and await _on_visible_case(info, row) else None


@node_resolver("Objection")
async def _objection_node(info: Info, pk: uuid.UUID) -> Objection | None:
    row = await models.Objection.get_or_none(id=pk).select_related("appointment")
    if row is None or not await _on_visible_case(info, row.appointment):
        return None
    return Objection.from_row(row)
