"""Batch loads for cases and the records each stage leaves: one statement per relation."""

from __future__ import annotations

import asyncio
import functools
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from portal.cases import duties
from portal.cases.duties import DueDuty
from portal.cases.events import EventKind
from portal.cases.extensions import ClockSpan, Extension, sort_to_clocks
from portal.cases.models import (
    CaseParticipant,
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    Outcome,
)
from portal.cases.states import CaseRole, ClockKind, Party
from portal.cases.transitions import discharging
from portal.fees.models import FeeInvoice
from portal.timeline.models import TimelineEvent, Visibility

M = TypeVar("M", bound=Model)

ByCase = Callable[[list[uuid.UUID]], Awaitable[Sequence[list[M]]]]


class Grouped(Generic[M]):
    """Rows of ``model`` per value of ``key`` (a case or an appointment), in ``order``: a
    loader's batch function (``await grouped(ids)``).

    On PostgreSQL the ids are one array parameter (`= ANY($1)`) of a statement written once
    from the model's metadata, the same rows and order as tortoise's query (used on SQLite):
    tortoise renders an `IN` of one parameter per id, which for a page of 50 cases cost more
    CPU than the rows. `together` reads several such loads in one statement."""

    def __init__(self, model: type[M], key: str, *order: str) -> None:
        self.model = model
        self.key = key
        self.order = order
        self._sql: str | None = None  # written once the models are initialised

    async def __call__(self, ids: list[uuid.UUID]) -> Sequence[list[M]]:
        db = self.model._meta.db
        if db.capabilities.dialect != "postgres":
            query = self.model.filter(**{f"{self.key}__in": ids}).order_by(*self.order)
            return self.group(await query, ids)
        if self._sql is None:
            self._sql = self.rows_sql("$1", "t.*")
        _, records = await db.execute_query(self._sql, [ids])
        return self.group([self.model._init_from_db(**record) for record in records], ids)

    def group(self, rows: Sequence[M], ids: list[uuid.UUID]) -> list[list[M]]:
        groups: dict[uuid.UUID, list[M]] = defaultdict(list)
        for row in rows:
            groups[getattr(row, self.key)].append(row)
        return [groups[i] for i in ids]

    def rows_sql(self, ids: str, selected: str = "t") -> str:
        """The table's rows whose key is one of the array ``ids`` (a parameter), in order:
        each its every column (`t.*`) or as the table's row type (`t`), the columns the
        model's metadata names."""
        meta = self.model._meta

        def column_of(field: str) -> str:
            descending = field.startswith("-")
            name = meta.fields_db_projection[field.lstrip("-")]
            return f't."{name}"{" DESC" if descending else " ASC"}'

        ordering = ", ".join(column_of(field) for field in self.order)
        return (
            f'SELECT {selected} FROM "{meta.db_table}" AS t '  # noqa: S608 (metadata's names)
            f'WHERE t."{meta.fields_db_projection[self.key]}" = ANY({ids})'
            + (f" ORDER BY {ordering}" if ordering else "")
        )


grouped = Grouped


async def together(
    loads: Sequence[tuple[Grouped[Any], list[uuid.UUID]]],
) -> list[Sequence[list[Any]]]:
    """Several grouped loads, each with its ids: on PostgreSQL in one statement (one array of
    the table's rows per load, each the statement the load alone would send), elsewhere one
    statement each. The results are the loads' own, in the same order."""
    if not loads:
        return []
    db = loads[0][0].model._meta.db
    if db.capabilities.dialect != "postgres":
        return list(await asyncio.gather(*(load(ids) for load, ids in loads)))
    parts = ", ".join(
        f'ARRAY({load.rows_sql(f"${n}")}) AS "r{n}"' for n, (load, _) in enumerate(loads, 1)
    )
    _, records = await db.execute_query(f"SELECT {parts}", [ids for _, ids in loads])
    (record,) = records
    return [
        load.group([load.model._init_from_db(**row) for row in record[f"r{n}"]], ids)
        for n, (load, ids) in enumerate(loads, 1)
    ]


# The same order as portal.cases.engine.load_view, so availableActions sees what perform sees.
participants_by_case = grouped(CaseParticipant, "case_id", "created_at")
appointments_by_case = grouped(NeutralAppointment, "case_id", "appointed_at")
objections_by_appointment = grouped(Objection, "appointment_id", "raised_at")
clocks_by_case = grouped(Clock, "case_id", "started_at")
offers_by_case = grouped(Offer, "case_id", "made_at")
outcomes_by_case = grouped(Outcome, "case_id", "issued_at")
consents_by_case = grouped(Consent, "case_id", "given_at")
fee_invoices_by_case = grouped(FeeInvoice, "case_id", "issued_at", "number")


# The timeline events that record a clock's extension, and what `sort_to_clocks` reads of
# them (oldest first within a case): `clock_extensions_by_case` reads them so, and the compiled
# `CasePage` (portal.api.compiled_casepage) in its statement by the same conditions.
EXTENSION_EVENTS: dict[str, Any] = {
    "kind": EventKind.CLOCK_EXTENDED.value,
    "visibility": Visibility.ALL_PARTIES,
}
EXTENSION_COLUMNS = ("occurred_at", "actor_id", "actor_role", "payload")


def extension_events(records: Sequence[Sequence[Any]] | None) -> list[dict[str, Any]]:
    """Extension events read as tuples of `EXTENSION_COLUMNS` (the compiled `CasePage`'s
    statement) as `.values(*EXTENSION_COLUMNS)` gives them: each column converted as tortoise
    converts it (the payload decoded, the instants as the model's field makes them)."""
    converters = _converters()
    return [
        {name: convert(value) for (name, convert), value in zip(converters, record, strict=True)}
        for record in records or ()
    ]


@functools.cache
def _converters() -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    meta = TimelineEvent._meta
    native = {entry[1] for entry in meta.db_native_fields}

    def unchanged(value: Any) -> Any:
        return value

    return tuple(
        (name, unchanged if name in native else meta.fields_map[name].to_python_value)
        for name in EXTENSION_COLUMNS
    )


def due_duties_of(records: Sequence[Sequence[Any]] | None) -> list[DueDuty]:
    """One case's owed duties from the rows of `duties._owed_statement` (`DUTY_COLUMNS`, read
    as tuples in its order), made as `due_duties` makes them."""
    found: list[DueDuty] = []
    for record in records or ():
        row = dict(zip(DUTY_COLUMNS, record, strict=True))
        kind = ClockKind(row["kind"])
        found.append(
            DueDuty(
                case_id=row["case_id"],
                clock=kind,
                party=Party(row["responsible"]),
                due_at=row["due_at"],
                overdue=row["late"],
                actions=discharging(kind),
            )
        )
    return found


# What `duties._owed_statement` selects, in order.
DUTY_COLUMNS = (*duties._COLUMNS, "late")


async def clock_extensions_by_case(
    case_ids: list[uuid.UUID],
) -> list[dict[uuid.UUID, list[Extension]]]:
    """Each case's clock extensions per clock id, from its timeline (portal.cases.extensions):
    two statements for any number of cases."""
    spans: dict[uuid.UUID, list[ClockSpan]] = defaultdict(list)
    for row in await Clock.filter(case_id__in=case_ids).values(
        "id", "case_id", "kind", "started_at", "ended_at"
    ):
        spans[row["case_id"]].append(
            ClockSpan(row["id"], row["kind"], row["started_at"], row["ended_at"])
        )
    events: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for row in (
        await TimelineEvent.filter(case_id__in=case_ids, **EXTENSION_EVENTS)
        .order_by("case_id", "sequence")
        .values("case_id", *EXTENSION_COLUMNS)
    ):
        events[row["case_id"]].append(row)
    return [sort_to_clocks(spans[i], events[i]) for i in case_ids]


async def cases_by_reference(references: list[str]) -> list[DisputeCase | None]:
    rows = {row.reference: row for row in await DisputeCase.filter(reference__in=references)}
    return [rows.get(r) for r in references]


@dataclass(frozen=True)
class CaseAccess:
    """What one actor is on one case: decided once per case and request, from loaded rows."""

    roles: frozenset[CaseRole]  # empty: the case is invisible to the actor
    appointment: NeutralAppointment | None  # the current one, which the roles depend on
    scopes: frozenset[Visibility]  # the timeline scopes the actor may read


@dataclass(frozen=True)
class TimelinePage:
    """One page of one case's timeline, as far as ``scopes`` let the reader see."""

    case_id: uuid.UUID
    scopes: frozenset[Visibility]
    after: int
    size: int


EVENT_COLUMNS = (
    "id",
    "case_id",
    "sequence",
    "kind",
    "occurred_at",
    "actor_role",
    "visibility",
    "payload",
    "hash",
    "prev_hash",
)


def timeline_query(
    case_ids: list[uuid.UUID], scopes: frozenset[Visibility], after: int, size: int
) -> QuerySet[TimelineEvent]:
    """The events of ``case_ids`` in ``scopes`` after sequence ``after``, oldest first; for
    one case, cut at ``size`` + 1 rows. `timeline_pages` runs it; the compiled
    `CaseTimeline` (portal.api.compiled_timeline) wraps it."""
    query = TimelineEvent.filter(
        case_id__in=case_ids, visibility__in=list(scopes), sequence__gt=after
    ).order_by("case_id", "sequence")
    return query.limit(size + 1) if len(case_ids) == 1 else query


async def timeline_pages(pages: list[TimelinePage]) -> list[list[dict[str, Any]]]:
    """One statement per distinct (scopes, after, size): usually one for a whole request.

    For one case the page is cut in SQL (size + 1 rows, to tell whether more follow). For
    several cases at once (a timeline inside a list of cases) the cut is made here, so the
    statement count stays flat; the rows read are then bounded by the cases on the page.
    """
    groups: dict[tuple[frozenset[Visibility], int, int], list[uuid.UUID]] = defaultdict(list)
    for page in pages:
        groups[(page.scopes, page.after, page.size)].append(page.case_id)
    found: dict[TimelinePage, list[dict[str, Any]]] = {}
    for (scopes, after, size), case_ids in groups.items():
        if not scopes:
            found.update({TimelinePage(c, scopes, after, size): [] for c in case_ids})
            continue
        query = timeline_query(case_ids, scopes, after, size)
        by_case: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
        for row in await query.values(*EVENT_COLUMNS):
            by_case[row["case_id"]].append(row)
        for case_id in case_ids:
            found[TimelinePage(case_id, scopes, after, size)] = by_case[case_id][: size + 1]
    return [found[page] for page in pages]
