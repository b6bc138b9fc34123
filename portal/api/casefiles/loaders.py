"""Batch loads for case files: unread counts for a whole page of cases in one statement."""

from __future__ import annotations

import functools
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from portal.casefiles.models import Message, MessageRead
from portal.db import shift_parameters
from portal.timeline.models import Visibility


@dataclass(frozen=True)
class UnreadKey:
    reader_id: uuid.UUID
    case_id: uuid.UUID
    scopes: frozenset[Visibility]


async def unread_counts(keys: list[UnreadKey]) -> list[int]:
    """One statement per distinct (reader, scopes): usually one for a request."""
    groups: dict[tuple[uuid.UUID, frozenset[Visibility]], list[uuid.UUID]] = defaultdict(list)
    for key in keys:
        groups[(key.reader_id, key.scopes)].append(key.case_id)
    counts: dict[UnreadKey, int] = {}
    db = Message._meta.db
    for (reader, scopes), case_ids in groups.items():
        found: dict[uuid.UUID, int] = {}
        if scopes and db.capabilities.dialect == "postgres":
            sql, params = _unread_statement(scopes)
            reader_text = str(reader)
            _, records = await db.execute_query(
                sql, [reader_text if p == _READER_TEXT else p for p in params] + [case_ids]
            )
            found = {record["case_id"]: int(record["unread"]) for record in records}
        elif scopes:
            rows = (
                await _unread(reader, scopes)
                .filter(case_id__in=case_ids)
                .annotate(unread=Count("id"))
                .group_by("case_id")
                .values_list("case_id", "unread")
            )
            found = {uuid.UUID(str(case)): int(n) for case, n in rows}
        for case_id in case_ids:
            counts[UnreadKey(reader, case_id, scopes)] = found.get(case_id, 0)
    return [counts[key] for key in keys]


def _unread(reader: uuid.UUID, scopes: frozenset[Visibility]) -> QuerySet[Message]:
    """The messages ``reader`` has not read, in ``scopes``, by others."""
    read = MessageRead.filter(reader_id=reader).values("message_id")
    return (
        Message.filter(visibility__in=sorted(scopes))
        .exclude(author_id=reader)
        .exclude(id__in=Subquery(read))
    )


# Stands for the reader in the statement written once per set of scopes.
_READER = uuid.uuid4()
_READER_TEXT = str(_READER)


@functools.cache
def _unread_statement(scopes: frozenset[Visibility]) -> tuple[str, tuple[Any, ...]]:
    """On PostgreSQL, `_unread` as tortoise renders it, written once per set of scopes, counted
    per case for any cases (an array parameter, last): an `IN` of one parameter per case
    rendered by pypika cost more CPU than the count."""
    query = _unread(_READER, scopes).values("id", "case_id")
    query._choose_db_if_not_chosen()
    query._make_query()
    inner, params = query.query.get_parameterized_sql()
    if sum(p == _READER_TEXT for p in params) != 2:  # pragma: no cover
        raise RuntimeError("the reader must be bound twice")
    sql = (
        f'SELECT m."case_id", count(m."id") AS "unread" FROM ({inner}) AS m '  # noqa: S608
        f'WHERE m."case_id" = ANY(${len(params) + 1}) GROUP BY m."case_id"'
    )
    return sql, tuple(params)


def unread_by_visibility(start: int, case: str) -> tuple[str, list[Any]]:
    """On PostgreSQL, `_unread` for one case (``case``: an SQL expression, the compiled
    `CasePage`'s case column) counted per visibility, whatever the reader's scopes: for
    `unread_in` to add up those the reader may read, once they are known. Its parameters
    are numbered after ``start`` others; the reader stands as `bound_reader` replaces it."""
    inner, params = _unread_every_visibility()
    inner = shift_parameters(inner, start)
    sql = (
        f'SELECT m."visibility", count(m."id") AS "unread" FROM ({inner}) AS m '  # noqa: S608
        f'WHERE m."case_id" = {case} GROUP BY m."visibility"'
    )
    return sql, list(params)


@functools.cache
def _unread_every_visibility() -> tuple[str, tuple[Any, ...]]:
    query = _unread(_READER, frozenset(Visibility)).values("id", "case_id", "visibility")
    query._choose_db_if_not_chosen()
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    if sum(p == _READER_TEXT for p in params) != 2:  # pragma: no cover
        raise RuntimeError("the reader must be bound twice")
    return sql, tuple(params)


def bound_reader(params: Iterable[Any], reader: uuid.UUID) -> list[Any]:
    """``params`` (of `unread_by_visibility`, among others) with the reader bound."""
    reader_text = str(reader)
    return [reader_text if p == _READER_TEXT else p for p in params]


def unread_in(counts: Iterable[tuple[str, int]], scopes: frozenset[Visibility]) -> int:
    """The unread count `unread_counts` gives for ``scopes``, from the counts per visibility
    (`unread_by_visibility`): the messages in any of the scopes."""
    return sum(n for visibility, n in counts if visibility in scopes)
