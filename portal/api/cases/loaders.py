"""Batch loads for cases and the records each stage leaves: one statement per relation."""

from __future__ import annotations

import asyncio
import functools
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any, Generic, TypeVar

from tortoise.fields.data import CharEnumFieldInstance, DatetimeField
from tortoise.models import Model
from tortoise.queryset import QuerySet
from tortoise.timezone import get_default_timezone, get_use_tz

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
from portal.cases.states import CaseRole
from portal.fees.models import FeeInvoice
from portal.timeline.models import TimelineEvent, Visibility

M = TypeVar("M", bound=Model)

ByCase = Callable[[list[uuid.UUID]], Awaitable[Sequence[list[M]]]]


# How `Rows` converts a column (`Model._init_from_db` calls the field's `to_python_value`).
_ENUM, _INSTANT, _UUID, _OTHER = "enum", "instant", "uuid", "other"


class Rows(Generic[M]):
    """Instances of ``model`` from records of its table's columns (a statement's rows, which
    may hold other columns too), as `Model._init_from_db` makes them: the same class, the same
    attributes with the same values (tests/test_compiled_equivalence.py compares them), at a
    fraction of its CPU. `_init_from_db` sets each column through a call per field (a timestamp
    through three, to ask whether it is naive); here a stored enum is found by its value, and a
    timestamp PostgreSQL gave in UTC takes the configured zone in one call. Anything else (a
    naive timestamp, an enum value not found) goes through the field's own `to_python_value`."""

    def __init__(self, model: type[M]) -> None:
        self.model = model
        # Made on first use (the models are initialised then), per kind of database client:
        # which columns the driver already converts is the client's (`db_native_fields`).
        self._plans: dict[type[Any], tuple[Any, ...]] = {}

    def _planned(self) -> tuple[Any, ...]:
        meta = self.model._meta
        # The columns the driver gives as they are stored: read together, by one call.
        plain_attrs = tuple(attr for _, attr, _ in meta.db_native_fields)
        keys = [key for key, _, _ in meta.db_native_fields]
        plain: Callable[[Any], tuple[Any, ...]]
        if len(keys) == 1:
            plain = lambda record: (record[keys[0]],)  # noqa: E731
        else:
            plain = itemgetter(*keys) if keys else (lambda _record: ())

        typed = [(attr, key, field.field_type) for key, attr, field in meta.db_default_fields]
        # The other columns in the model's order, each with how it is converted.
        converted: list[tuple[str, str, str, Any, Any]] = []
        for key, attr, field in meta.db_complex_fields:
            if isinstance(field, CharEnumFieldInstance):
                converted.append((attr, key, _ENUM, field.enum_type._value2member_map_, field))
            elif isinstance(field, DatetimeField) and get_use_tz():
                converted.append((attr, key, _INSTANT, None, field))
            elif field.field_type is uuid.UUID:
                converted.append((attr, key, _UUID, None, field))
            else:
                converted.append((attr, key, _OTHER, None, field))
        generated = meta.db_pk_column not in meta.generated_db_fields
        return plain_attrs, plain, typed, converted, generated

    def __call__(self, records: Sequence[Any]) -> list[M]:
        client = type(self.model._meta.db)
        plan = self._plans.get(client)
        if plan is None:
            plan = self._plans[client] = self._planned()
        plain_attrs, plain, typed, converted, generated = plan
        zone = get_default_timezone()
        new = self.model.__new__
        model = self.model
        built: list[M] = []
        for record in records:
            values: dict[str, Any] = {
                "_partial": False,
                "_saved_in_db": True,
                "_custom_generated_pk": generated,
                "_await_when_save": {},
            }
            values.update(zip(plain_attrs, plain(record), strict=True))
            for attr, key, kind in typed:
                value = record[key]
                values[attr] = None if value is None else kind(value)
            for attr, key, how, members, field in converted:
                value = record[key]
                if how is _OTHER:
                    value = field.to_python_value(value)
                elif value is None:
                    pass
                elif how is _ENUM:
                    member = members.get(value)
                    value = field.to_python_value(value) if member is None else member
                elif how is _INSTANT:
                    # asyncpg gives a timestamptz in UTC, aware: `to_python_value` would only
                    # convert it to the configured zone.
                    if value.tzinfo is UTC and type(value) is datetime:
                        value = value.astimezone(zone)
                    else:
                        value = field.to_python_value(value)
                elif how is _UUID and not isinstance(value, uuid.UUID):
                    # A UUID column comes as a UUID (asyncpg's subclass): kept, as the field does.
                    value = field.to_python_value(value)
                values[attr] = value
            instance = new(model)
            instance.__dict__.update(values)
            built.append(instance)
        return built


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
        self.rows = Rows(model)

    async def __call__(self, ids: list[uuid.UUID]) -> Sequence[list[M]]:
        db = self.model._meta.db
        if db.capabilities.dialect != "postgres":
            query = self.model.filter(**{f"{self.key}__in": ids}).order_by(*self.order)
            return self.group(await query, ids)
        if self._sql is None:
            self._sql = self.rows_sql("$1", "t.*")
        _, records = await db.execute_query(self._sql, [ids])
        return self.group(self.rows(records), ids)

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
    return [load.group(load.rows(record[f"r{n}"]), ids) for n, (load, ids) in enumerate(loads, 1)]


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
    """One case's owed duties from the rows of `duties.owed_statement` (read as tuples in the
    order of `duties.OWED_COLUMNS`), made by `duties.duty_of` as `due_duties` makes them."""
    return [
        duties.duty_of(dict(zip(duties.OWED_COLUMNS, record, strict=True)))
        for record in records or ()
    ]


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
