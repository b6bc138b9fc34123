"""Who owes what by when: the duty clocks still owed, read from the transition table's marks.

One definition serves every reader: the "overdue" filter of the case list, each case's
`overdue` flag, its `nextDue` and `whoMustAct`, and the list's order by due date all come from
`owed_clocks()`, and a case is overdue exactly when one of its owed clocks is late (`late`:
missed, or running past due). Windows for a right (`transitions.WINDOWS`) are never owed, so
never overdue.
"""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet, ValuesQuery

from portal.cases.models import Clock
from portal.cases.states import ClockKind, ClockStatus, Party
from portal.cases.transitions import DUTY_CLOCKS, Action, discharging, owed_in
from portal.db import shift_parameters

__all__ = ["DueDuty", "due_duties", "late", "overdue_cases", "owed_clocks"]


def owed_clocks() -> QuerySet[Clock]:
    """Duty clocks whose duty is still owed: running ones (not paused: while a hold is in
    force on the case nobody can do the duty, `transitions.HOLDS`), and missed ones while the
    case is still in a stage where the duty can be done (`transitions.owed_in`). Recording an
    implementation keeps the stage, so a missed implementation clock is owed only until the
    implementation is recorded; a missed confirmation clock only until the implementation goes
    to the provider to decide (then the provider's closure clock is what is owed). A missed
    clock is owed no more once a clock of its kind runs again on the case (a reversed lapse
    starts it again whole): the duty is owed once, by the running clock."""
    conditions = [
        Q(status=ClockStatus.RUNNING, kind__in=sorted(DUTY_CLOCKS), paused_at__isnull=True)
    ]
    for kind in sorted(DUTY_CLOCKS):
        missed = Q(status=ClockStatus.MISSED, kind=kind, case__stage__in=sorted(owed_in(kind)))
        again = Clock.filter(kind=kind, status=ClockStatus.RUNNING).values("case_id")
        missed &= ~Q(case_id__in=Subquery(again))
        if kind is ClockKind.IMPLEMENTATION:
            missed &= Q(case__implemented_at__isnull=True)
        if kind is ClockKind.CONFIRMATION:
            missed &= Q(case__escalated_at__isnull=True)
        conditions.append(missed)
    return Clock.filter(Q(*conditions, join_type=Q.OR))


def late(at: datetime) -> QuerySet[Clock]:
    """Owed clocks that are late at ``at``: recorded missed, or running past their due date.
    Each one is a delay of its responsible party."""
    return owed_clocks().filter(Q(status=ClockStatus.MISSED) | Q(due_at__lt=at))


def overdue_cases(at: datetime) -> Q:
    """A condition on cases: one of its duties is late at ``at``."""
    return Q(id__in=Subquery(late(at).values("case_id")))


@dataclass(frozen=True)
class DueDuty:
    """One owed duty clock: who must act, by when, and the duties that would discharge it."""

    case_id: uuid.UUID
    clock: ClockKind
    party: Party
    due_at: datetime
    overdue: bool
    actions: tuple[Action, ...]


async def due_duties(case_ids: Iterable[uuid.UUID], at: datetime) -> dict[uuid.UUID, list[DueDuty]]:
    """The owed duty clocks of each case, soonest first; overdue means `late` at ``at``, in
    the same statement (no second comparison that could disagree with the filter)."""
    ids = list(case_ids)
    result: dict[uuid.UUID, list[DueDuty]] = defaultdict(list)
    if not ids:
        return result
    db = Clock._meta.db
    if db.capabilities.dialect == "postgres":
        sql, params = owed_statement()
        _, records = await db.execute_query(sql, [at if p is AT else p for p in params] + [ids])
        rows: Sequence[Any] = records
    else:
        late_ids = set(await late(at).filter(case_id__in=ids).values_list("id", flat=True))
        rows = [
            {**row, "late": row["id"] in late_ids}
            for row in await owed_clocks()
            .filter(case_id__in=ids)
            .order_by(*_ORDER)
            .values(*_COLUMNS)
        ]
    for row in rows:
        result[row["case_id"]].append(duty_of(row))
    return result


def duty_of(row: Mapping[str, Any]) -> DueDuty:
    """A row of `OWED_COLUMNS` (from `owed_statement`, or from the queries on SQLite)."""
    kind = ClockKind(row["kind"])
    return DueDuty(
        case_id=row["case_id"],
        clock=kind,
        party=Party(row["responsible"]),
        due_at=row["due_at"],
        overdue=row["late"],
        actions=discharging(kind),
    )


_COLUMNS = ("id", "case_id", "kind", "responsible", "due_at")
# What `owed_statement` selects, in order.
OWED_COLUMNS = (*_COLUMNS, "late")
_ORDER = ("due_at", "kind")
# Stands for ``at`` in the statement written once: replaced by each call's instant.
AT = datetime(1970, 1, 1, tzinfo=UTC)


@functools.cache
def owed_statement() -> tuple[str, tuple[Any, ...]]:
    """On PostgreSQL, `owed_clocks()` and `late(at)` as tortoise renders them, written once
    into one statement for any cases (an array parameter, last), each row with whether it is
    late: pypika rendering the same conditions and an `IN` of one parameter per case cost
    more CPU per request than the rows."""
    owed_sql, owed_params = _rendered(owed_clocks().values(*_COLUMNS))
    late_sql, late_params = _rendered(late(AT).values("id", "case_id"))
    if sum(p is AT for p in late_params) != 1:  # pragma: no cover
        raise RuntimeError("late(at) must bind `at` once")
    late_sql = shift_parameters(late_sql, len(owed_params))
    cases = f"${len(owed_params) + len(late_params) + 1}"
    selected = ", ".join(f'o."{c}"' for c in _COLUMNS)
    ordered = ", ".join(f'o."{c}" ASC' for c in _ORDER)
    sql = (
        f'SELECT {selected}, o."id" IN (SELECT l."id" FROM ({late_sql}) AS l '  # noqa: S608
        f'WHERE l."case_id" = ANY({cases})) AS "late" '
        f'FROM ({owed_sql}) AS o WHERE o."case_id" = ANY({cases}) ORDER BY {ordered}'
    )
    return sql, (*owed_params, *late_params)


def _rendered(query: ValuesQuery[Any]) -> tuple[str, list[Any]]:
    query._choose_db_if_not_chosen()
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    return sql, list(params)
